"""`invoke new-project` / `new-page` / `new-news`: the English and the Czech file of a new document, ready to build.

The scaffolds are written from the field tables (content/fields.py), each file in its own
language (notes and examples; the Czech file Czech throughout), and every value is checked by
the model's own field parser first, so the files validate as made. Both files get the same
name (the translation key, from the English slug); each gets its own slug: the Czech one made
from the Czech title (`--slug-cs` to choose it).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from unidecode import unidecode

from ..content import CATEGORIES, FIELDS_BY_KIND, KIND_DIRS, LANGS
from ..content.problems import Invalid
from ..content.routes import reserved_slugs
from .docs import field_description
from .errors import AuthoringError

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
    "news": {
        "en": "TODO: one sentence saying what happened and when, shown in the news index and the feed.",
        "cs": "TODO: jedna věta o tom, co se stalo a kdy; zobrazí se v přehledu aktualit a v kanálu.",
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
    "news": {
        "en": "TODO: what happened, who took part, and the figures and dates as the sources give them.\n",
        "cs": "TODO: co se stalo, kdo se zúčastnil, čísla a data tak, jak je uvádějí zdroje.\n",
    },
}
HEADER = {
    "en": ["{kind_en}, made by `invoke new-{kind}`. Replace every TODO, then run `uv run invoke check`.",
           "Lines starting with # are notes for you; docs/authoring.md explains every field.",
           "Optional fields are commented out: remove the # to use one.",
           "The Czech version is the file of the same name in the Czech folder: keep the two names the same."],
    "cs": ["{kind_cs} příkazem `invoke new-{kind}`. Nahraďte každé TODO a spusťte "
           "`uv run invoke check`.",
           "Řádky začínající # jsou poznámky pro vás; každé pole vysvětluje docs/authoring.cs.md.",
           "Nepovinná pole jsou zakomentovaná: chcete-li některé použít, smažte #.",
           "Anglická verze je soubor stejného názvu v anglické složce: názvy obou souborů neměňte; "
           "slug je česká adresa stránky."],
}
KIND_EN = {"project": "New project", "page": "New page", "news": "New news item"}
KIND_CS = {"project": "Nový projekt, vytvořený", "page": "Nová stránka, vytvořená", "news": "Nová aktualita, vytvořená"}
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
    header = [line.format(kind=kind, kind_en=KIND_EN[kind], kind_cs=KIND_CS[kind]) for line in HEADER[lang]]
    out = ["---", *(f"# {line}" for line in header)]
    for spec in FIELDS_BY_KIND[kind]:
        note = field_description(spec, lang)
        optional = "" if spec.required else ("optional; " if lang == "en" else "nepovinné; ")
        out += ["", f"# {note} ({optional}{spec.allowed_in(lang)})"]
        if spec.name in values:
            out.append(f"{spec.name}: {_yaml_value(values[spec.name])}")
        elif spec.required:
            raise AuthoringError(f"no placeholder for the required {kind} field {spec.name!r} "
                                 "(add one in icuk_site/authoring/new.py)")
        elif spec.name in WRITTEN_OPTIONAL:
            out.append(f"{spec.name}: {WRITTEN_OPTIONAL[spec.name]}")
        else:
            out.append(f"# {spec.name}: {spec.example_in(lang)}")
    out.append("---")
    return "\n".join(out) + "\n" + TODO_BODY[kind][lang]


@dataclass(frozen=True)
class NewFiles:
    slug: str  # the English slug, which is also the files' name (their translation key)
    paths: tuple[Path, ...]
    slugs: dict[str, str] | None = None  # each language's slug


def _checked(kind: str, name: str, value: object) -> object:
    """`value` as the model reads it, or AuthoringError with the model's own message."""
    spec = next(s for s in FIELDS_BY_KIND[kind] if s.name == name)
    try:
        return spec.parse(value, None)
    except Invalid as e:
        raise AuthoringError(f"{'--' if name != 'title' else ''}{name}: {e}") from None


def new_content(content_dir: str | Path, kind: str, title: str, *, title_cs: str | None = None,
                slug: str | None = None, slug_cs: str | None = None, category: str | None = None,
                date: str | dt.date | None = None) -> NewFiles:
    """Write the English and the Czech file of a new project, page or news item; refuse to overwrite.
    A news item's `date` is the day it happened (default today).

    Both are named after the English slug (`slug`, default from the title): the name pairs them.
    The Czech slug is `slug_cs`, else made from `title_cs`, else the English slug (a title still
    to be translated). Every value is checked by the model's own field parser first, so the
    files validate as made.
    """
    content_dir = Path(content_dir)
    titles = {"en": _checked(kind, "title", title), "cs": _checked(kind, "title", title_cs or title)}
    slug = _checked(kind, "slug", slug if slug is not None else slugify(title))
    slugs = {"en": slug, "cs": slug}
    if slug_cs is not None or title_cs:
        slugs["cs"] = _checked(kind, "slug", slug_cs if slug_cs is not None else slugify(title_cs))
    for lang, option in (("en", "--slug"), ("cs", "--slug-cs")):
        if slugs[lang] in reserved_slugs(kind):
            raise AuthoringError(f"the site uses {slugs[lang]!r} for its own paths; pass another {option}")
    common = {"date": _checked(kind, "date", date or dt.date.today())}
    if kind == "project":
        common |= {"category": _checked(kind, "category", category or next(iter(CATEGORIES))),
                   "phase": DEFAULT_PHASE, "partners": DEFAULT_PARTNERS}
    elif category is not None:
        raise AuthoringError(f"a {'news item' if kind == 'news' else 'page'} has no category")

    paths = {lang: content_dir / KIND_DIRS[kind] / lang / f"{slug}.md" for lang in LANGS}
    existing = [p for p in paths.values() if p.exists()]
    if existing:
        raise AuthoringError(f"{', '.join(map(str, existing))} already exists; nothing was written "
                             "(choose another title or pass --slug)")
    for lang, path in paths.items():
        values = {**common, "title": titles[lang], "slug": slugs[lang], "lang": lang,
                  "summary": TODO_SUMMARY[kind][lang]}
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8", newline="\n") as f:
            f.write(scaffold(kind, lang, values))
    return NewFiles(slug, tuple(paths.values()), slugs)
