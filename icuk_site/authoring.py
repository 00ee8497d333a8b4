"""What the authoring tasks do: new files, the content check and the field tables in the docs.

tasks.py keeps its tasks to a few lines and calls these:

    new_content(content_dir, "project", "Hydrogen valley", …)  -> the English and the Czech file
    check(content_dir)                                          -> every problem, or "OK: …"
    update_docs(root)                                           -> docs/authoring*.md tables from the model

Everything here follows `icuk_site.model`: the scaffolds are written from the field tables
(`PROJECT_FIELDS`, `PAGE_FIELDS`), the check is `model.load_site` (the validator the build
uses) and the docs tables are generated from the same field tables.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml
from unidecode import unidecode

from . import model
from .model import (
    CATEGORIES,
    FIELDS_BY_KIND,
    KIND_DIRS,
    LANGS,
    PARTNER_KINDS,
    PHASES,
    RESERVED_SLUGS,
    ContentError,
    FieldSpec,
    Term,
)


class AuthoringError(Exception):
    """A request the tasks refuse (the message says why and what to do instead)."""


# --------------------------------------------------------------------------
# Slugs
# --------------------------------------------------------------------------

SLUG_MAX = 60


def slugify(title: str, max_len: int = SLUG_MAX) -> str:
    """A slug from a title: Czech (and any other) diacritics folded, lowercase, hyphens.

    >>> slugify("Vodíková údolí – Ústí nad Labem")
    'vodikova-udoli-usti-nad-labem'
    """
    slug = re.sub(r"[^a-z0-9]+", "-", unidecode(title).lower()).strip("-")
    if len(slug) > max_len:  # cut at a word boundary
        cut = slug[: max_len + 1].rsplit("-", 1)[0]
        slug = cut if cut else slug[:max_len]
    return slug.strip("-")


# --------------------------------------------------------------------------
# New files
# --------------------------------------------------------------------------

# What a new file says where a required field needs a value. Every value is valid as it
# stands, so a new file builds at once; the TODO texts tell the author what to write.
DEFAULT_PARTNERS = ["icuk"]
DEFAULT_PHASE = "preparation"
TODO_SUMMARY = {
    "project": {
        "en": "TODO: one sentence about the project, shown on project cards and in search results.",
        "cs": "TODO: jedna věta o projektu, zobrazí se na kartách projektů a ve výsledcích vyhledávání.",
    },
    "page": {
        "en": "TODO: one sentence about this page for search engines and link previews.",
        "cs": "TODO: jedna věta o této stránce pro vyhledávače a náhledy odkazů.",
    },
}
TODO_BODY = {
    "project": {
        "en": "TODO: what the project does, who takes part and what it has achieved so far.\n\n"
              "## Goals\n\nTODO\n",
        "cs": "TODO: co projekt dělá, kdo se na něm podílí a čeho zatím dosáhl.\n\n"
              "## Cíle\n\nTODO\n",
    },
    "page": {
        "en": "TODO: the text of the page.\n",
        "cs": "TODO: text stránky.\n",
    },
}
HEADER = {
    "en": ["New {kind}, made by `invoke new-{kind}`. Replace every TODO, then run `uv run invoke check`.",
           "Lines starting with # are notes for you; docs/authoring.md explains every field.",
           "Optional fields are commented out: remove the # to use one."],
    "cs": ["{kind_cs} příkazem `invoke new-{kind}`. Nahraďte každé TODO a spusťte "
           "`uv run invoke check`.",
           "Řádky začínající # jsou poznámky pro vás; každé pole vysvětluje docs/authoring.cs.md.",
           "Nepovinná pole jsou zakomentovaná: chcete-li některé použít, smažte #."],
}
KIND_CS = {"project": "Nový projekt, vytvořený", "page": "Nová stránka, vytvořená"}
# Optional fields written as values (not commented out): they make the file say what it is.
WRITTEN_OPTIONAL = {"template": "page"}


def _yaml_scalar(value: str) -> str:
    """`value` as YAML: bare when YAML reads it back as the same text, else double-quoted."""
    try:
        if yaml.safe_load(f"k: {value}") == {"k": value} and "#" not in value:
            return value
    except yaml.YAMLError:
        pass
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid YAML double-quoted scalar


def _yaml_value(value: object) -> str:
    if isinstance(value, list):
        return "[" + ", ".join(_yaml_scalar(str(v)) for v in value) + "]"
    if isinstance(value, dt.date):
        return value.isoformat()
    return _yaml_scalar(str(value))


def scaffold(kind: str, lang: str, values: dict[str, object]) -> str:
    """The text of a new file: every field of the kind, in the model's order, with a note each.

    Required fields get `values[name]`; optional fields are written commented out with the
    model's example (or as a value when listed in WRITTEN_OPTIONAL).
    """
    header = [line.format(kind=kind, kind_cs=KIND_CS[kind]) for line in HEADER[lang]]
    out = ["---", *(f"# {line}" for line in header)]
    for spec in FIELDS_BY_KIND[kind]:
        note = field_description(spec, lang)
        optional = "" if spec.required else ("optional; " if lang == "en" else "nepovinné; ")
        out += ["", f"# {note} ({optional}{spec.allowed})"]
        if spec.name in values:
            out.append(f"{spec.name}: {_yaml_value(values[spec.name])}")
        elif spec.required:
            raise AuthoringError(f"no placeholder for the required {kind} field {spec.name!r} "
                                 "(add one in icuk_site/authoring.py)")
        elif spec.name in WRITTEN_OPTIONAL:
            out.append(f"{spec.name}: {WRITTEN_OPTIONAL[spec.name]}")
        else:
            out.append(f"# {spec.name}: {spec.example}")
    out.append("---")
    return "\n".join(out) + "\n" + TODO_BODY[kind][lang]


@dataclass(frozen=True)
class NewFiles:
    slug: str
    paths: tuple[Path, ...]


def _checked(kind: str, name: str, value: object) -> object:
    """`value` as the model reads it, or AuthoringError with the model's own message."""
    spec = next(s for s in FIELDS_BY_KIND[kind] if s.name == name)
    try:
        return spec.parse(value, None)
    except model._Invalid as e:
        raise AuthoringError(f"{'--' if name != 'title' else ''}{name}: {e}") from None


def new_content(content_dir: str | Path, kind: str, title: str, *, title_cs: str | None = None,
                slug: str | None = None, category: str | None = None,
                date: str | dt.date | None = None) -> NewFiles:
    """Write the English and the Czech file of a new project or page; refuse to overwrite.

    Every value is checked by the model's own field parser first, so the files validate as made.
    """
    content_dir = Path(content_dir)
    titles = {"en": _checked(kind, "title", title), "cs": _checked(kind, "title", title_cs or title)}
    slug = _checked(kind, "slug", slug if slug is not None else slugify(title))
    if slug in RESERVED_SLUGS[kind]:
        raise AuthoringError(f"the site uses {slug!r} for its own paths; pass another --slug")
    common = {"slug": slug, "date": _checked(kind, "date", date or dt.date.today())}
    if kind == "project":
        common |= {"category": _checked(kind, "category", category or next(iter(CATEGORIES))),
                   "phase": DEFAULT_PHASE, "partners": DEFAULT_PARTNERS}
    elif category is not None:
        raise AuthoringError("a page has no category")

    paths = {lang: content_dir / KIND_DIRS[kind] / lang / f"{slug}.md" for lang in LANGS}
    existing = [p for p in paths.values() if p.exists()]
    if existing:
        raise AuthoringError(f"{', '.join(map(str, existing))} already exists; nothing was written "
                             "(choose another title or pass --slug)")
    for lang, path in paths.items():
        values = {**common, "title": titles[lang], "lang": lang, "summary": TODO_SUMMARY[kind][lang]}
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as f:
            f.write(scaffold(kind, lang, values))
    return NewFiles(slug, tuple(paths.values()))


# --------------------------------------------------------------------------
# Live reload
# --------------------------------------------------------------------------


def livereload_server(port: int):
    """A livereload `Server` whose reload script runs under the site's Content-Security-Policy.

    livereload 2.7 adds an *inline* `<script>` to every page it serves to load livereload.js;
    our pages allow scripts from the site only (`script-src 'self'`), so the browser blocked
    it and never refreshed. This injects `<script src="/livereload.js?port=…">` instead: the
    same script, loaded from the same origin (its WebSocket is same-origin too: `connect-src
    'self'`). The served files are not changed on disk.
    """
    import livereload.server as lr

    script = f'<script src="/livereload.js?port={int(port)}"></script>'.encode()

    class Injector(lr.LiveScriptInjector):
        def transform_first_chunk(self, status_code, headers, chunk, finishing):
            self.script = script
            return super().transform_first_chunk(status_code, headers, chunk, finishing)

    lr.LiveScriptInjector = Injector  # Server.serve() subclasses this name for its output transform
    return lr.Server()


# --------------------------------------------------------------------------
# The content check
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    lines: tuple[str, ...]

    def __str__(self) -> str:
        return "\n".join(self.lines)


def check(content_dir: str | Path, shown_as: str = "content") -> CheckResult:
    """Validate all content with `model.load_site` (the build's own validator), build nothing.

    Problems are listed one per line as `content/<path>:<line>: <field>: …` (paths as seen
    from the project folder, so editors can jump to them); else one line "OK: …".
    """
    try:
        site = model.load_site(content_dir)
    except ContentError as e:
        n = len(e.problems)
        prefix = f"{shown_as.rstrip('/')}/" if shown_as else ""
        return CheckResult(False, (*(f"{prefix}{p}" for p in e.problems),
                                   f"{n} problem{'s' if n != 1 else ''} found."))
    projects = {d.slug for d in site.documents if d.kind == "project"}
    pages = {d.slug for d in site.documents if d.kind == "page"}
    return CheckResult(True, (f"OK: {len(projects)} projects, {len(pages)} pages, {len(site.partners)} partners",))


# --------------------------------------------------------------------------
# The field tables in docs/authoring.md and docs/authoring.cs.md
# --------------------------------------------------------------------------

DOCS = {"en": "docs/authoring.md", "cs": "docs/authoring.cs.md"}

# The Czech for each field description of the model, keyed by the English text: a description
# changed in model.py without its Czech here stops `invoke docs` (and fails the docs test).
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
                             "add it to DESCRIPTIONS_CS in icuk_site/authoring.py") from None


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
        "project-fields": field_table(model.PROJECT_FIELDS, lang),
        "page-fields": field_table(model.PAGE_FIELDS, lang),
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

