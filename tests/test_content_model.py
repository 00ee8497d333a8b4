"""The content model rejects every kind of mistake, all at once, naming file, line and field."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from icuk_site.content import ContentError, load_site
from icuk_site.content.values import YEAR_MAX

PARTNERS = """\
icuk:
  name: {cs: Inovační centrum Ústeckého kraje, en: Innovation Centre of the Usti Region}
  short: ICUK
  kind: association
ujep:
  name: {cs: Univerzita J. E. Purkyně, en: J. E. Purkyně University}
  kind: university
"""


def project(lang: str, /, slug: str = "demo", **fields: str) -> str:
    values = {
        "title": "Demo" if lang == "en" else "Ukázka",
        "slug": slug,
        "lang": lang,
        "category": "education",
        "phase": "pilot",
        "partners": "[icuk, ujep]",
        "years": "{start: 2019, end: 2021}",
        "summary": "One sentence.",
        "date": "2026-11-27",
    }
    values.update(fields)
    lines = [f"{k}: {v}" for k, v in values.items() if v is not None]
    return "---\n" + "\n".join(lines) + "\n---\nBody text.\n"


@pytest.fixture
def content(tmp_path: Path):
    """A minimal valid content folder; returns a writer for files in it."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data/partners.yaml").write_text(PARTNERS, encoding="utf-8")
    (tmp_path / "images").mkdir()

    def write(rel: str, text: str | bytes) -> Path:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path

    write("projects/en/demo.md", project("en"))
    write("projects/cs/demo.md", project("cs"))
    write.root = tmp_path
    return write


def problems(content) -> list[str]:
    with pytest.raises(ContentError) as e:
        load_site(content.root)
    return [str(p) for p in e.value.problems]


def test_valid_minimal_site_loads(content):
    site = load_site(content.root)
    assert [d.slug for d in site.projects("en")] == ["demo"]
    assert site.projects("cs")[0].partners == ("icuk", "ujep")


def test_unknown_field_names_file_line_and_suggestion(content):
    content("projects/en/demo.md", project("en", partners=None, parnters="[icuk]"))
    found = problems(content)
    assert any(p.startswith("projects/en/demo.md:10: parnters: ") and "did you mean 'partners'" in p for p in found), found
    assert any(p.startswith("projects/en/demo.md: partners: expected") for p in found), found


def test_missing_required_field(content):
    content("projects/cs/demo.md", project("cs", summary=None))
    assert problems(content) == ["projects/cs/demo.md: summary: expected a summary (one sentence, at most 300 characters), got none"]


@pytest.mark.parametrize("field, value, expected", [
    ("category", "infra", "expected one of support, infrastructure, education, got 'infra'"),
    ("phase", "done", "expected one of preparation, pilot, running, completed, got 'done'"),
    ("lang", "de", "expected one of en, cs, got 'de'"),
    ("slug", "Demo Project", "expected lowercase letters, digits and single hyphens"),
    ("years", "{start: 2021, end: 2019}", "expected the end year to be on or after the start year 2021, got 2019"),
    ("years", "{start: twenty}", f"expected a four-digit year (1990–{YEAR_MAX}), got 'twenty'"),  # build year + 10
    ("years", "2019-2021", "expected a mapping like {start: 2020, end: 2023}"),
    ("date", "27.11.2026", "expected a date as YYYY-MM-DD, got '27.11.2026'"),
    ("title", "''", "expected a line of text, got an empty string"),
    ("links", "[{label: Site, url: 'ftp://x'}]", "expected a URL starting with https:// or http://"),
])
def test_value_outside_the_rules(content, field, value, expected):
    content("projects/en/demo.md", project("en", **{field: value}))
    found = problems(content)
    assert any(f": {field}: " in p and expected in p and p.startswith("projects/en/demo.md:") for p in found), found


def test_unknown_partner_points_at_its_line(content):
    content("projects/en/demo.md", project("en", partners="\n  - icuk\n  - ujepp"))
    assert problems(content) == [
        "projects/en/demo.md:9: partners: expected a partner ID from data/partners.yaml, "
        "got unknown partner 'ujepp' (did you mean 'ujep'?)"
    ]


def test_image_must_exist_and_have_alt(content):
    content("projects/en/demo.md", project("en", image="missing.jpg", image_alt="A picture"))
    content("projects/cs/demo.md", project("cs", image="missing.jpg"))
    found = problems(content)
    assert "projects/en/demo.md:11: image: expected a file content/images/missing.jpg, got no such file" in found
    assert any(p.startswith("projects/cs/demo.md:11: image_alt: expected a description") for p in found), found


def test_slug_may_not_take_a_path_of_the_site(content):
    """Projects are projects/<slug>.html beside projects/index.html; pages <slug>.html beside index.html."""
    for lang in ("en", "cs"):
        content(f"projects/{lang}/demo.md", project(lang, slug="index"))
    found = problems(content)
    assert "projects/en/demo.md:3: slug: expected a slug the site does not use for its own paths (index), got 'index'" in found
    assert any(p.startswith("projects/cs/demo.md:3: slug:") for p in found), found


# ---- twins: paired by file name, each with its own slug (content/pairing.py) -------------------

def test_twins_pair_by_file_name_each_with_its_own_slug(content):
    content("projects/cs/demo.md", project("cs", slug="ukazka"))
    site = load_site(content.root)
    en, cs = site.get("project", "demo", "en"), site.get("project", "demo", "cs")
    assert (en.key, cs.key, en.slug, cs.slug) == ("demo", "demo", "demo", "ukazka")
    assert site.twin(cs, "en") is en and site.twin(en, "cs") is cs
    assert (en.url, cs.url) == ("projects/demo.html", "cs/projekty/ukazka.html")


def test_missing_twin(content):
    content("projects/en/lonely.md", project("en", slug="lonely"))
    assert problems(content) == [
        "projects/en/lonely.md:1: file: expected the Czech twin projects/cs/lonely.md (a file of the same name in the "
        "Czech folder), got none"
    ]


def test_missing_twin_in_czech(content):
    content("pages/cs/o-nas.md", "---\ntitle: O nás\nslug: o-nas\nlang: cs\nsummary: Kdo jsme.\ndate: 2026-11-27\n---\nText.\n")
    with pytest.raises(ContentError) as e:
        load_site(content.root)
    [problem] = e.value.problems
    assert problem.text("cs") == ("pages/cs/o-nas.md:1: file: očekávána anglická verze pages/en/o-nas.md (soubor stejného "
                                  "názvu v anglické složce), chybí")


def test_key_on_one_side_only_names_the_likely_twin(content):
    """The Czech file saved under its Czech slug: each side is told about the other."""
    (content.root / "projects/cs/demo.md").unlink()
    content("projects/cs/ukazka.md", project("cs", slug="ukazka"))
    assert problems(content) == [
        "projects/cs/ukazka.md:1: file: expected the English twin projects/en/ukazka.md (a file of the same name in the "
        "English folder), got none (without a Czech twin in the English folder: projects/en/demo.md; if one of them is "
        "the twin, rename it ukazka.md)",
        "projects/en/demo.md:1: file: expected the Czech twin projects/cs/demo.md (a file of the same name in the Czech "
        "folder), got none (without an English twin in the Czech folder: projects/cs/ukazka.md; if one of them is the "
        "twin, rename it demo.md)",
    ]


@pytest.mark.parametrize("lang", ["en", "cs"])
def test_two_files_with_one_slug_in_a_language(content, lang):
    """E.g. two Czech files with `slug: vodik`: one address, two pages."""
    content(f"projects/{lang}/demo.md", project(lang, slug="vodik"))
    for other in ("en", "cs"):
        content(f"projects/{other}/hydrogen.md", project(other, slug="vodik" if other == lang else "hydrogen"))
    assert problems(content) == [
        f"projects/{lang}/hydrogen.md:3: slug: expected a slug no other file in projects/{lang}/ uses (two pages would "
        f"get one address), got 'vodik' (also in projects/{lang}/demo.md)"
    ]


def test_the_same_slug_in_both_languages_is_fine(content):
    """A proper name (e.g. smart-ii-ur) may keep one slug in both languages."""
    assert load_site(content.root).get("project", "demo", "cs").slug == "demo"


def test_two_files_claiming_one_key(content):
    """Folders below the language folder only sort the files: the name alone is the key."""
    content("projects/en/2019/demo.md", project("en", slug="demo-2019"))
    assert problems(content) == [
        "projects/en/demo.md:1: file: expected one file named demo.md in projects/en/ (the name pairs it with its twin), "
        "got another (also projects/en/2019/demo.md)"
    ]


@pytest.mark.parametrize("name", ["Demo.md", "demo_project.md", "vodík.md"])
def test_file_name_must_be_a_key(content, name):
    for lang in ("en", "cs"):
        content(f"projects/{lang}/{name}", project(lang, slug=f"x-{lang}"))
    found = problems(content)
    assert found == [f"projects/{lang}/{name}:1: file: expected a file name of lowercase letters, digits and hyphens (it "
                     f"is the document's ID and pairs it with its twin), got {name!r}" for lang in ("cs", "en")]


def test_a_broken_file_still_has_its_twin(content):
    """A file with problems is still found by its name: its twin reports no missing twin."""
    content("projects/cs/demo.md", "")
    assert problems(content) == ["projects/cs/demo.md: file: expected front-matter and text, got an empty file"]


def test_lang_must_match_folder(content):
    content("projects/en/demo.md", project("cs"))
    found = problems(content)
    assert "projects/en/demo.md:4: lang: expected 'en' (the folder this file is in), got 'cs'" in found


@pytest.mark.parametrize("data, expected", [
    (b"", "projects/en/demo.md: file: expected front-matter and text, got an empty file"),
    (b"---\ntitle: Caf\xe9\n---\n", "projects/en/demo.md:2: file: expected UTF-8 text, got the byte 0xe9"),
    (b"# Just a heading\n\nText.\n", "projects/en/demo.md:1: front-matter: expected the file to start with a line '---'"),
    # line 2: the line with the unclosed [ (it was 3, the closing ---, where the parser noticed)
    (b"---\ntitle: [unclosed\n---\n", "projects/en/demo.md:2: front-matter: expected valid YAML"),
])
def test_unusable_files(content, data, expected):
    content("projects/en/demo.md", data)
    found = problems(content)
    assert any(p.startswith(expected) for p in found), found


def test_partner_needs_both_names(content):
    content("data/partners.yaml", PARTNERS.replace("cs: Univerzita J. E. Purkyně, ", ""))
    found = problems(content)
    assert any(p.startswith("data/partners.yaml:6: ujep.name.cs: expected the Czech name") for p in found), found
    # a broken partner entry is reported once, not again for every project naming it
    assert not any("unknown partner" in p for p in found), found


def test_every_problem_is_reported_in_one_run(content):
    content("projects/en/demo.md", project("en", category="x", phase="y", parnters="[icuk]"))
    content("projects/cs/demo.md", project("cs", years="{start: 2030, end: 2020}"))
    content("projects/cs/extra.md", b"")
    found = problems(content)
    assert len(found) == 6, found  # extra.md: empty, and no English twin
    assert "projects/cs/extra.md:1: file: expected the English twin projects/en/extra.md" in " ".join(found)
    assert {p.split(":")[0] for p in found} == {"projects/en/demo.md", "projects/cs/demo.md", "projects/cs/extra.md"}


def test_yaml_booleans_are_explained(content):
    content("projects/en/demo.md", project("en", title="yes"))
    found = problems(content)
    assert any("YAML reads yes/no/on/off/true/false as a yes/no value; quote it" in p for p in found), found


def test_real_content_is_valid():
    site = load_site(Path(__file__).resolve().parent.parent / "content")
    assert len(site.projects("en")) == len(site.projects("cs")) >= 10


def test_report_is_readable():
    err = ContentError([])
    assert err.report().startswith("0 content problems")
    assert textwrap.dedent  # keep import used


@pytest.mark.parametrize("slug", ["hledat", "projekty", "partneri", "search"])
def test_czech_page_slug_may_not_take_a_folder_of_the_site(content, slug):
    """Czech pages are cs/<slug>.html beside cs/hledat/, cs/projekty/ …: every route's folders are reserved."""
    page = "---\ntitle: {t}\nslug: {s}\nlang: {l}\nsummary: One.\ndate: 2026-11-27\n---\nText.\n"
    content("pages/en/find.md", page.format(t="Find", s="find", l="en"))
    content("pages/cs/find.md", page.format(t="Najít", s=slug, l="cs"))
    [problem] = problems(content)
    assert problem.startswith("pages/cs/find.md:3: slug: expected a slug the site does not use for its own paths (")
    assert problem.endswith(f"got {slug!r}")
