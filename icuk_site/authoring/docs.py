"""`invoke docs`: the field tables in docs/authoring.md and docs/authoring.cs.md, from the model."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..content import CATEGORIES, NEWS_FIELDS, PAGE_FIELDS, PARTNER_KINDS, PHASES, PROJECT_FIELDS, FieldSpec, Term
from .errors import AuthoringError

DOCS = {"en": "docs/authoring.md", "cs": "docs/authoring.cs.md"}

# The Czech for each field description of the model, keyed by the English text: a description
# changed in content/fields.py without its Czech here stops `invoke docs` (and fails the docs test).
DESCRIPTIONS_CS = {
    "The name shown as the page heading, on cards and in feeds.":
        "Název zobrazený jako nadpis stránky, na kartách a v kanálech novinek.",
    "The stable ID and URL part; it pairs the English and Czech versions.":
        "Stálý identifikátor a část adresy; páruje anglickou a českou verzi.",
    "The language of this file.": "Jazyk tohoto souboru.",
    "Which of the centre's programme areas the project belongs to.":
        "Do které programové oblasti centra projekt patří.",
    "Where the project stands now.": "V jaké fázi je projekt právě teď.",
    "Who takes part. Names are shown in the page's language.":
        "Kdo se na projektu podílí. Názvy se zobrazují v jazyce stránky.",
    "When the project runs. Leave it out if the years are not known.":
        "Kdy projekt probíhá. Pokud roky neznáte, pole vynechte.",
    "Shown on project cards, in the page description for search engines and in feeds.":
        "Zobrazí se na kartách projektů, v popisu stránky pro vyhledávače a v kanálech novinek.",
    "When this entry was first published on the site.": "Kdy byl záznam poprvé zveřejněn na webu.",
    "When the entry was last changed in substance (orders the feeds).":
        "Kdy se záznam naposledy podstatně změnil (podle toho se řadí kanály novinek).",
    "A picture shown at the top of the project page.": "Obrázek v záhlaví stránky projektu.",
    "What the picture shows, for people who cannot see it.": "Co obrázek ukazuje – pro lidi, kteří ho nevidí.",
    "Further reading.": "Odkazy na další informace.",
    "Which layout the page uses.": "Jaké rozvržení stránka použije.",
    "The page description for search engines and link previews.":
        "Popis stránky pro vyhledávače a náhledy odkazů.",
    "Puts the page into the main navigation under this label.":
        "Zařadí stránku do hlavní navigace pod tímto názvem.",
    "The page's place in the main navigation (Projects is 1).":
        "Pořadí stránky v hlavní navigaci (Projekty mají 1).",
    "When this page was first published.": "Kdy byla stránka poprvé zveřejněna.",
    "When the page was last changed in substance.": "Kdy se stránka naposledy podstatně změnila.",
    "The day the news happened (the news index lists the newest first).":
        "Den, kdy se událost stala (přehled aktualit řadí od nejnovější).",
    "How exactly the date is known: month shows only the month and year.":
        "Jak přesně je datum známé: month zobrazí jen měsíc a rok.",
    "Shown in the news index, on the home page, in the page description and in the news feed.":
        "Zobrazí se v přehledu aktualit, na úvodní stránce, v popisu stránky a v kanálu aktualit.",
    "The projects the news is about: each links here and back.":
        "Projekty, kterých se aktualita týká: každý odkazuje sem a aktualita zpět na něj.",
    "The organisations the news names: each links here and back.":
        "Organizace, které aktualita zmiňuje: každá odkazuje sem a aktualita zpět na ni.",
    "A picture shown at the top of the news item.": "Obrázek v záhlaví aktuality.",
    "Where the facts come from: shown below the text as sources.":
        "Odkud fakta pocházejí: zobrazí se pod textem jako zdroje.",
    "When the item was last corrected in substance (the feed's updated date).":
        "Kdy byla aktualita naposledy věcně opravena (datum aktualizace v kanálu).",
}

FIELD_HEADINGS = {
    "en": ("Field", "Type", "Required", "Allowed values", "Example", "Description"),
    "cs": ("Pole", "Typ", "Povinné", "Povolené hodnoty", "Příklad", "Popis"),
}
YES_NO = {"en": ("yes", "no"), "cs": ("ano", "ne")}
TERM_HEADINGS = {"en": ("ID", "English label", "Czech label"), "cs": ("ID", "anglický název", "český název")}


def field_description(spec: FieldSpec, lang: str) -> str:
    if lang == "en":
        return spec.description
    try:
        return DESCRIPTIONS_CS[spec.description]
    except KeyError:
        raise AuthoringError(f"no Czech description for field {spec.name!r} ({spec.description!r}): "
                             "add it to DESCRIPTIONS_CS in icuk_site/authoring/docs.py") from None


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
        (f"`{s.name}`", s.type, yes if s.required else no, s.allowed, f"`{s.example}`", field_description(s, lang))
        for s in fields
    ))


def term_table(terms: dict[str, Term], lang: str) -> str:
    return _table(TERM_HEADINGS[lang], ((f"`{t.id}`", t.en, t.cs) for t in terms.values()))


def generated_blocks(lang: str) -> dict[str, str]:
    """Every generated block of the authoring docs in a language, by name."""
    return {
        "project-fields": field_table(PROJECT_FIELDS, lang),
        "page-fields": field_table(PAGE_FIELDS, lang),
        "news-fields": field_table(NEWS_FIELDS, lang),
        "categories": term_table(CATEGORIES, lang),
        "phases": term_table(PHASES, lang),
        "partner-kinds": term_table(PARTNER_KINDS, lang),
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
