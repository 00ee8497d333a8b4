"""`invoke docs`: the field tables in docs/authoring.md and docs/authoring.cs.md, from the model.

The Czech tables are Czech in every column: each FieldSpec's Czech (content/fields.py), its
allowed values through the problem-message catalog; field names and IDs stay as authors write them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..content import (
    CATEGORIES,
    FUNDING_PROGRAMMES,
    FUNDS,
    NEWS_FIELDS,
    PAGE_FIELDS,
    PARTNER_KINDS,
    PHASES,
    PROJECT_FIELDS,
    SERVICE_FIELDS,
    FieldSpec,
    Term,
)
from ..content.vocab import AUDIENCES
from .errors import AuthoringError

DOCS = {"en": "docs/authoring.md", "cs": "docs/authoring.cs.md"}

FIELD_HEADINGS = {
    "en": ("Field", "Type", "Required", "Allowed values", "Example", "Description"),
    "cs": ("Pole", "Typ", "Povinné", "Povolené hodnoty", "Příklad", "Popis"),
}
YES_NO = {"en": ("yes", "no"), "cs": ("ano", "ne")}
TERM_HEADINGS = {"en": ("ID", "English label", "Czech label"), "cs": ("ID", "anglický název", "český název")}
# Terms with a listing page: the folder name of that page on Czech pages (Term.slug_cs).
SLUG_HEADING = {"en": "Czech address", "cs": "česká adresa"}


def field_description(spec: FieldSpec, lang: str) -> str:
    """The field's description in a language; a row without its Czech stops `invoke docs`."""
    text = spec.description_in(lang)
    if not text:
        raise AuthoringError(f"no Czech description for field {spec.name!r} ({spec.description!r}): "
                             "give its FieldSpec a description_cs in icuk_site/content/fields.py")
    return text


def field_type(spec: FieldSpec, lang: str) -> str:
    text = spec.type_in(lang)
    if not text:
        raise AuthoringError(f"no Czech name for the type {spec.type!r} of field {spec.name!r}: "
                             "add it to FIELD_TYPES_CS in icuk_site/content/fields.py")
    return text


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(headings: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    headings = list(headings)
    lines = ["| " + " | ".join(headings) + " |", "|" + "---|" * len(headings)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def field_table(fields: Iterable[FieldSpec], lang: str) -> str:
    yes, no = YES_NO[lang]
    return _table(FIELD_HEADINGS[lang], (
        (f"`{s.name}`", field_type(s, lang), yes if s.required else no, s.allowed_in(lang), f"`{s.example_in(lang)}`",
         field_description(s, lang))
        for s in fields
    ))


def term_table(terms: dict[str, Term], lang: str) -> str:
    if any(t.slug_cs for t in terms.values()):
        return _table((*TERM_HEADINGS[lang], SLUG_HEADING[lang]),
                      ((f"`{t.id}`", t.en, t.cs, f"`{t.slug('cs')}`") for t in terms.values()))
    return _table(TERM_HEADINGS[lang], ((f"`{t.id}`", t.en, t.cs) for t in terms.values()))


def generated_blocks(lang: str) -> dict[str, str]:
    """Every generated block of the authoring docs in a language, by name."""
    return {
        "project-fields": field_table(PROJECT_FIELDS, lang),
        "page-fields": field_table(PAGE_FIELDS, lang),
        "service-fields": field_table(SERVICE_FIELDS, lang),
        "audiences": term_table(AUDIENCES, lang),
        "news-fields": field_table(NEWS_FIELDS, lang),
        "categories": term_table(CATEGORIES, lang),
        "phases": term_table(PHASES, lang),
        "partner-kinds": term_table(PARTNER_KINDS, lang),
        "funding-programmes": term_table(FUNDING_PROGRAMMES, lang),
        "funds": term_table(FUNDS, lang),
    }


BLOCK_RE = re.compile(r"(?P<open><!-- generated: (?P<name>[a-z-]+)[^>]*-->\n)(?P<body>.*?)(?P<close><!-- end: (?P=name) -->)",
                      re.S)


def render_docs(text: str, lang: str, source: str = "docs") -> str:
    """The docs text with every generated block brought up to date with the model."""
    blocks = generated_blocks(lang)
    found = {m["name"] for m in BLOCK_RE.finditer(text)}
    if unknown := found - set(blocks):
        raise AuthoringError(f"{source}: unknown generated block(s) {', '.join(sorted(unknown))}")
    if missing := set(blocks) - found:
        raise AuthoringError(f"{source}: missing generated block(s) {', '.join(sorted(missing))} "
                             "(add `<!-- generated: NAME -->` … `<!-- end: NAME -->`)")
    return BLOCK_RE.sub(lambda m: m["open"] + "\n" + blocks[m["name"]] + "\n" + m["close"], text)


def update_docs(root: str | Path, write: bool = True) -> list[Path]:
    """Regenerate the tables in the authoring docs; returns the files that were (or would be) changed."""
    changed = []
    for lang, rel in DOCS.items():
        path = Path(root) / rel
        text = path.read_text(encoding="utf-8")
        new = render_docs(text, lang, rel)
        if new != text:
            changed.append(path)
            if write:
                path.write_text(new, encoding="utf-8", newline="\n")
    return changed
