"""Every theme string goes through gettext and the Czech catalog is complete and current."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "theme/translations/cs/LC_MESSAGES/messages.po"
PROPER_NAMES = {"ICUK"}  # the same in every language


def template_messages() -> set[str]:
    found = extract_from_dir(
        str(ROOT / "theme/templates"),
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n", "trim_blocks": "true", "lstrip_blocks": "true"}},
    )
    return {msg[2] if isinstance(msg[2], str) else msg[2][0] for msg in found}


def test_catalog_has_every_template_string():
    catalog = read_po(PO.open("rb"))
    ids = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id}
    missing = template_messages() - ids
    assert not missing, f"run `uv run invoke translations` and translate: {sorted(missing)}"


def test_no_empty_or_fuzzy_czech_translation():
    catalog = read_po(PO.open("rb"))
    bad = []
    for m in catalog:
        if not m.id:
            continue
        strings = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy or not all(s and s.strip() for s in strings):
            bad.append(m.id)
    assert not bad, f"untranslated or fuzzy in {PO.relative_to(ROOT)}: {bad}"


def test_placeholders_survive_translation():
    catalog = read_po(PO.open("rb"))
    import re

    for m in catalog:
        if m.id and isinstance(m.id, str):
            assert set(re.findall(r"%\(\w+\)s", m.id)) == set(re.findall(r"%\(\w+\)s", m.string)), m.id


def test_no_visible_english_text_hardcoded_in_templates():
    """Templates carry no visible words outside gettext (crude but effective)."""
    import re

    for path in (ROOT / "theme/templates").rglob("*.html"):
        src = path.read_text(encoding="utf-8")
        src = re.sub(r"{#.*?#}|{%.*?%}|{{.*?}}", "", src, flags=re.S)
        src = re.sub(r"<svg.*?</svg>", "", src, flags=re.S)
        src = re.sub(r"<[^>]+>", " ", src)
        words = [w for w in re.findall(r"[A-Za-z]{3,}", src) if w not in PROPER_NAMES]
        assert not words, f"{path.name}: {words}"


def test_czech_catalog_headers_are_filled_in():
    """Both Czech catalogs (theme, problem messages): a real header, Czech plural forms, no template placeholders."""
    for po in (PO, ROOT / "icuk_site/content/locale/cs/LC_MESSAGES/problems.po"):
        with po.open("rb") as f:
            catalog = read_po(f)
        text = po.read_text(encoding="utf-8").split('\n\n', 1)[0]
        for placeholder in ("FIRST AUTHOR", "EMAIL@ADDRESS", "VERSION", "YEAR-MO-DA", "ORGANIZATION", "LL@li.org"):
            assert placeholder not in text, (po.name, placeholder)
        assert str(catalog.locale) == "cs" and catalog.num_plurals == 3, po.name
        assert catalog.plural_expr == "(n == 1 ? 0 : n >= 2 && n <= 4 ? 1 : 2)", po.name
        plural = gettext.c2py(catalog.plural_expr)
        assert [plural(n) for n in (1, 2, 4, 5, 0, 21)] == [0, 1, 1, 2, 2, 2], po.name
        assert catalog.language_team.startswith("Czech") and catalog.last_translator, po.name
