"""The content model of the ICUK site and its validation — the one place for both.

Every project and section page is one Markdown file with YAML front-matter:

    content/projects/<lang>/<slug>.md
    content/pages/<lang>/<slug>.md
    content/data/partners.yaml      (every partner once: ID -> names, kind, …)

`load_site(content_dir)` reads all of it, checks every rule below and returns a
`Site` — or raises `ContentError` listing *every* problem found, each as
``path:line: field: expected …, got …``.  The Pelican plugin, `invoke check`
and the tests all call this function; nothing else parses front-matter.

The field tables (`PROJECT_FIELDS`, `PAGE_FIELDS`) are the content contract:
docs/authoring.md is tested against them.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml is ~10x faster; fall back to the pure-Python loader
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# --------------------------------------------------------------------------
# Fixed vocabularies (IDs are what authors write; labels are what readers see)
# --------------------------------------------------------------------------

LANGS: tuple[str, ...] = ("en", "cs")
DEFAULT_LANG = "en"
LANG_NAMES = {"en": {"en": "English", "cs": "angličtina"}, "cs": {"en": "Czech", "cs": "čeština"}}
# What each language is called in its own language (for the language switcher).
LANG_AUTONYMS = {"en": "English", "cs": "Čeština"}


@dataclass(frozen=True)
class Term:
    """One value of a fixed vocabulary, with its label in each language."""

    id: str
    en: str
    cs: str
    description_en: str = ""
    description_cs: str = ""

    def label(self, lang: str) -> str:
        return getattr(self, lang)

    def description(self, lang: str) -> str:
        return getattr(self, f"description_{lang}")


CATEGORIES: dict[str, Term] = {
    t.id: t
    for t in (
        Term(
            "support",
            "Support and development of the innovation environment",
            "Podpora a rozvoj inovačního prostředí",
        ),
        Term("infrastructure", "Innovation in infrastructure", "Inovace v infrastruktuře"),
        Term("education", "Innovation in education", "Inovace ve vzdělávání"),
    )
}

PHASES: dict[str, Term] = {
    t.id: t
    for t in (
        Term("preparation", "Preparation", "Příprava"),
        Term("pilot", "Pilot", "Pilotní fáze"),
        Term("running", "Running", "Probíhá"),
        Term("completed", "Completed", "Dokončeno"),
    )
}

PARTNER_KINDS: dict[str, Term] = {
    t.id: t
    for t in (
        Term("region", "Region", "Kraj"),
        Term("municipality", "Town or city", "Obec nebo město"),
        Term("ministry", "Ministry", "Ministerstvo"),
        Term("agency", "Public agency", "Veřejná agentura"),
        Term("university", "University", "Vysoká škola"),
        Term("school", "School", "Škola"),
        Term("company", "Company", "Firma"),
        Term("association", "Association", "Spolek nebo sdružení"),
    )
}

PAGE_TEMPLATES: dict[str, str] = {
    "page": "an ordinary section page",
    "open-data": "a section page followed by the list of open data files",
    "home": "the home page (adds the projects grouped by category)",
    "404": "the 'page not found' page (saved as 404.html)",
}

# URL paths (relative to SITEURL) of everything the site publishes, per language.
# Templates and plugins ask `url_for`; nobody else builds a URL by hand.
ROUTES: dict[str, dict[str, str]] = {
    "home": {"en": "", "cs": "cs/"},
    "page": {"en": "{slug}.html", "cs": "cs/{slug}.html"},
    "404": {"en": "404.html", "cs": "cs/404.html"},
    "project": {"en": "projects/{slug}.html", "cs": "cs/projekty/{slug}.html"},
    "projects": {"en": "projects/", "cs": "cs/projekty/"},
    "category": {"en": "projects/category/{slug}/", "cs": "cs/projekty/kategorie/{slug}/"},
    "phase": {"en": "projects/phase/{slug}/", "cs": "cs/projekty/faze/{slug}/"},
    "years": {"en": "projects/years/", "cs": "cs/projekty/roky/"},
    "year": {"en": "projects/years/{slug}/", "cs": "cs/projekty/roky/{slug}/"},
    "partners": {"en": "partners/", "cs": "cs/partneri/"},
    "partner": {"en": "partners/{slug}/", "cs": "cs/partneri/{slug}/"},
    "search": {"en": "search/", "cs": "cs/hledat/"},
    "feed": {"en": "feeds/projects.en.atom.xml", "cs": "feeds/projects.cs.atom.xml"},
}
# A slug may not take a name the site uses for its own paths: pages are `{slug}.html` beside
# the site's folders and home page (index.html, 404.html), projects beside the projects index.
RESERVED_PAGE_SLUGS = frozenset(
    {"cs", "en", "projects", "projekty", "partners", "partneri", "search", "hledat",
     "theme", "images", "data", "feeds", "pagefind", "well-known", "index", "404"}
)
RESERVED_PROJECT_SLUGS = frozenset({"index"})
RESERVED_SLUGS = {"page": RESERVED_PAGE_SLUGS, "project": RESERVED_PROJECT_SLUGS}


@lru_cache(maxsize=65536)  # asked tens of thousands of times per build for the same few thousand URLs
def url_for(route: str, lang: str, **params: str) -> str:
    """The URL path (no leading slash) of a route in a language."""
    return ROUTES[route][lang].format(**params)


def save_as_for(url: str) -> str:
    """The output file for a URL path: directories get an index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url


# --------------------------------------------------------------------------
# Problems
# --------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.field}: {self.message}"


class ContentError(Exception):
    """Raised with every problem found in the content, never just the first."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.field, p.message))
        super().__init__(self.report())

    def report(self) -> str:
        n = len(self.problems)
        head = f"{n} content problem{'s' if n != 1 else ''} found (nothing was built):"
        return "\n".join([head, *(f"  {p}" for p in self.problems)])


class _Invalid(Exception):
    """Internal: a single field value is wrong (the message says how)."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


def _show(value: Any) -> str:
    if isinstance(value, str):
        return repr(value) if value else "an empty string"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as a yes/no value; quote it)"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return repr(value)


# --------------------------------------------------------------------------
# Value parsers: each takes (value, node) and returns the clean value or raises _Invalid
# --------------------------------------------------------------------------

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTNER_ID_RE = SLUG_RE
YEAR_MIN, YEAR_MAX = 1990, 2100


def _text(max_len: int) -> Callable[[Any, yaml.Node], str]:
    def parse(value: Any, node: yaml.Node) -> str:
        if not isinstance(value, str) or not value.strip():
            raise _Invalid(f"expected a line of text, got {_show(value)}")
        value = " ".join(value.split())
        if len(value) > max_len:
            raise _Invalid(f"expected at most {max_len} characters, got {len(value)}")
        return value

    return parse


def _choice(choices: dict[str, Any] | tuple[str, ...]) -> Callable[[Any, yaml.Node], str]:
    def parse(value: Any, node: yaml.Node) -> str:
        if not isinstance(value, str) or value not in choices:
            allowed = ", ".join(choices)
            hint = _did_you_mean(value, choices) if isinstance(value, str) else ""
            raise _Invalid(f"expected one of {allowed}, got {_show(value)}{hint}")
        return value

    return parse


def _slug(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not SLUG_RE.match(value):
        raise _Invalid(
            "expected lowercase letters, digits and single hyphens "
            f"(e.g. 'open-data-platform'), got {_show(value)}"
        )
    return value


def _date(value: Any, node: yaml.Node) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise _Invalid(f"expected a date as YYYY-MM-DD, got {_show(value)}")


def _year(value: Any, line: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not YEAR_MIN <= value <= YEAR_MAX:
        raise _Invalid(f"expected a four-digit year ({YEAR_MIN}–{YEAR_MAX}), got {_show(value)}", line)
    return value


@dataclass(frozen=True)
class Years:
    start: int
    end: int | None = None

    def covers(self, last_year: int) -> tuple[int, ...]:
        """Every year the project is active in, up to `last_year` when open-ended."""
        return tuple(range(self.start, (self.end or max(last_year, self.start)) + 1))


def _years(value: Any, node: yaml.Node) -> Years:
    if not isinstance(value, dict):
        raise _Invalid(f"expected a mapping like {{start: 2020, end: 2023}}, got {_show(value)}")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    unknown = sorted(set(value) - {"start", "end"}, key=str)
    if unknown:
        raise _Invalid(f"expected only the keys start and end, got {', '.join(map(str, unknown))}")
    if "start" not in value:
        raise _Invalid("expected a start year (e.g. {start: 2019}), got none")
    start = _year(value["start"], lines.get("start"))
    end = None
    if value.get("end") is not None:
        end = _year(value["end"], lines.get("end"))
        if end < start:
            raise _Invalid(f"expected the end year to be on or after the start year {start}, got {end}", lines.get("end"))
    return Years(start, end)


def _partner_ids(value: Any, node: yaml.Node) -> tuple[tuple[str, int], ...]:
    """A list of partner IDs, each kept with its line (unknown IDs are checked later)."""
    if not isinstance(value, list) or not value:
        raise _Invalid(f"expected a list of partner IDs (e.g. [icuk, ujep]), got {_show(value)}")
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    out, seen = [], set()
    for item, item_node in zip(value, items, strict=False):
        line = item_node.start_mark.line + 1
        if not isinstance(item, str) or not PARTNER_ID_RE.match(item):
            raise _Invalid(f"expected a partner ID (lowercase, e.g. 'ujep'), got {_show(item)}", line)
        if item in seen:
            raise _Invalid(f"expected each partner once, got {item!r} twice", line)
        seen.add(item)
        out.append((item, line))
    return tuple(out)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")


def _links(value: Any, node: yaml.Node) -> tuple[Link, ...]:
    if not isinstance(value, list):
        raise _Invalid(f"expected a list of {{label: …, url: https://…}}, got {_show(value)}")
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    out = []
    for item, item_node in zip(value, items, strict=False):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or set(item) != {"label", "url"}:
            raise _Invalid(f"expected a mapping with exactly label and url, got {_show(item)}", line)
        label = item["label"]
        if not isinstance(label, str) or not label.strip():
            raise _Invalid(f"expected a label text, got {_show(label)}", line)
        url = item["url"]
        if not isinstance(url, str) or not URL_RE.match(url):
            raise _Invalid(f"expected a URL starting with https:// or http://, got {_show(url)}", line)
        out.append(Link(" ".join(label.split()), url))
    return tuple(out)


# Pictures named in front-matter; the build makes the responsive versions (icuk_site/images.py).
IMAGE_MAX_BYTES = 2_000_000  # heavier means an unresized camera file; about 2000 pixels wide is plenty
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


def _image(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not value.strip() or value.startswith(("/", "http:", "https:")) or ".." in value:
        raise _Invalid(f"expected a file name in content/images/ (e.g. 'hydrogen.jpg'), got {_show(value)}")
    if Path(value.strip()).suffix.lower() not in IMAGE_FORMATS:
        raise _Invalid(f"expected a {', '.join(IMAGE_FORMATS)} file, got {_show(value)}")
    return value.strip()


def _image_problem(content_dir: Path, name: str) -> str | None:
    """What is wrong with a picture named in front-matter, if anything."""
    path = content_dir / IMAGES_DIR / name
    if not path.is_file():
        return f"expected a file content/{IMAGES_DIR}/{name}, got no such file"
    size = path.stat().st_size
    if size > IMAGE_MAX_BYTES:
        return (f"expected a picture of at most {IMAGE_MAX_BYTES / 1e6:g} MB, got {size / 1e6:.2f} MB "
                "(save it smaller: about 2000 pixels wide is plenty)")
    from PIL import Image, UnidentifiedImageError  # only sites with pictures pay for the import

    try:
        with Image.open(path) as im:  # reads the header only
            kind = im.format
    except (UnidentifiedImageError, OSError):
        kind = None
    if kind not in IMAGE_FORMATS.values():
        return f"expected a JPEG, PNG or WebP picture, got {f'a {kind} picture' if kind else 'a file that is not a picture'}"
    return None


def _nav_order(value: Any, node: yaml.Node) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 99:
        raise _Invalid(f"expected a whole number from 1 to 99, got {_show(value)}")
    return value


# --------------------------------------------------------------------------
# The field tables: the content contract
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool
    allowed: str
    example: str
    description: str
    parse: Callable[[Any, yaml.Node], Any] = field(repr=False, compare=False)


def _common_fields(kind: str) -> list[FieldSpec]:
    return [
        FieldSpec("title", "text", True, "one line, at most 150 characters", "Autonomous mobility",
                  "The name shown as the page heading, on cards and in feeds.", _text(150)),
        FieldSpec("slug", "text", True, "lowercase letters, digits and hyphens; the same in both languages",
                  "autonomous-mobility", "The stable ID and URL part; it pairs the English and Czech versions.",
                  _slug),
        FieldSpec("lang", "text", True, ", ".join(LANGS) + " (must match the folder)", "en",
                  "The language of this file.", _choice(LANGS)),
    ]


PROJECT_FIELDS: tuple[FieldSpec, ...] = (
    *_common_fields("project"),
    FieldSpec("category", "text", True, ", ".join(CATEGORIES), "infrastructure",
              "Which of the centre's programme areas the project belongs to.", _choice(CATEGORIES)),
    FieldSpec("phase", "text", True, ", ".join(PHASES), "pilot", "Where the project stands now.", _choice(PHASES)),
    FieldSpec("partners", "list of partner IDs", True, "IDs from content/data/partners.yaml, each once",
              "[usti-region, ujep, icuk]", "Who takes part. Names are shown in the page's language.", _partner_ids),
    FieldSpec("years", "mapping", False, "start: a year; end: a year on or after start (optional)",
              "{start: 2020, end: 2023}", "When the project runs. Leave it out if the years are not known.",
              _years),
    FieldSpec("summary", "text", True, "one sentence, at most 300 characters",
              "Development and testing of driverless cars in Ústí nad Labem.",
              "Shown on project cards, in the page description for search engines and in feeds.", _text(300)),
    FieldSpec("date", "date", True, "YYYY-MM-DD", "2026-11-27", "When this entry was first published on the site.",
              _date),
    FieldSpec("modified", "date", False, "YYYY-MM-DD, on or after date", "2027-01-15",
              "When the entry was last changed in substance (orders the feeds).", _date),
    FieldSpec("image", "text", False, f"a .jpg, .png or .webp file in content/images/, at most {IMAGE_MAX_BYTES / 1e6:g} MB",
              "hydrogen.jpg",
              "A picture shown at the top of the project page.", _image),
    FieldSpec("image_alt", "text", False, "required when image is given; one line, at most 250 characters",
              "A hydrogen filling station in Ústí nad Labem",
              "What the picture shows, for people who cannot see it.", _text(250)),
    FieldSpec("links", "list of mappings", False, "each {label: text, url: https://…}",
              "[{label: Project website, url: 'https://example.org'}]", "Further reading.", _links),
)

PAGE_FIELDS: tuple[FieldSpec, ...] = (
    *_common_fields("page"),
    FieldSpec("template", "text", False, ", ".join(PAGE_TEMPLATES) + " (default page)", "page",
              "Which layout the page uses.", _choice(PAGE_TEMPLATES)),
    FieldSpec("summary", "text", True, "one sentence, at most 300 characters",
              "Who we are and how to reach us.", "The page description for search engines and link previews.",
              _text(300)),
    FieldSpec("nav_label", "text", False, "one line, at most 30 characters", "About ICUK",
              "Puts the page into the main navigation under this label.", _text(30)),
    FieldSpec("nav_order", "whole number", False, "1–99; required with nav_label", "3",
              "The page's place in the main navigation (Projects is 1).", _nav_order),
    FieldSpec("date", "date", True, "YYYY-MM-DD", "2026-11-27", "When this page was first published.", _date),
    FieldSpec("modified", "date", False, "YYYY-MM-DD, on or after date", "2027-01-15",
              "When the page was last changed in substance.", _date),
)

FIELDS_BY_KIND: dict[str, tuple[FieldSpec, ...]] = {"project": PROJECT_FIELDS, "page": PAGE_FIELDS}
KIND_DIRS: dict[str, str] = {"project": "projects", "page": "pages"}


# --------------------------------------------------------------------------
# Documents
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One validated Markdown file (front-matter values are clean and typed)."""

    kind: str  # "project" | "page"
    source: str  # path relative to the content folder, e.g. "projects/en/hydrogen.md"
    lang: str
    slug: str
    title: str
    summary: str
    date: dt.date
    body: str  # the Markdown after the front-matter
    modified: dt.date | None = None
    # project fields
    category: str | None = None
    phase: str | None = None
    partners: tuple[str, ...] = ()
    years: Years | None = None
    image: str | None = None
    image_alt: str | None = None
    links: tuple[Link, ...] = ()
    # page fields
    template: str = "page"
    nav_label: str | None = None
    nav_order: int | None = None
    # Where each field stood in the file (for problems found after parsing, e.g. an unknown
    # partner); "partners:<id>" for each partner. Not part of the document's identity.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, name: str) -> int | None:
        return self.lines.get(name)

    @property
    def key(self) -> tuple[str, str]:
        """What twins share: the kind and the slug."""
        return (self.kind, self.slug)

    @property
    def route(self) -> str:
        if self.kind == "project":
            return "project"
        return {"home": "home", "404": "404"}.get(self.template, "page")

    @property
    def url(self) -> str:
        return url_for(self.route, self.lang, slug=self.slug)

    @property
    def save_as(self) -> str:
        return save_as_for(self.url)

    @property
    def updated(self) -> dt.date:
        return self.modified or self.date


@dataclass(frozen=True)
class Partner:
    id: str
    name_en: str
    name_cs: str
    kind: str
    short: str | None = None
    url: str | None = None

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}")


# --------------------------------------------------------------------------
# Parsing one file
# --------------------------------------------------------------------------

FRONT_MATTER_FENCE = "---"


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(yaml, body, body_line) or None when the file has no front-matter block."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip() == FRONT_MATTER_FENCE:
            return "\n".join(lines[1:i]), "\n".join(lines[i + 1 :]), i + 2
    return None


def _read_text(path: Path, rel: str, problems: list[Problem]) -> str | None:
    data = path.read_bytes()
    if not data.strip():
        problems.append(Problem(rel, None, "file", "expected front-matter and text, got an empty file"))
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        problems.append(Problem(rel, line, "file", f"expected UTF-8 text, got the byte 0x{data[e.start]:02x}"
                                " (save the file as UTF-8)"))
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def parse_document(path: Path, rel: str, kind: str, problems: list[Problem],
                   declared: set[tuple[str, str, str]] | None = None) -> Document | None:
    """Parse and check one Markdown file; append its problems; None if it is unusable.

    `declared` collects (kind, slug, lang) of every file whose slug could be read, valid or
    not, so that a broken file does not also make its twin report a missing twin.
    """
    folder_lang = Path(rel).parts[1] if len(Path(rel).parts) > 2 else None

    def unreadable() -> None:
        # The slug cannot be read: assume the file name is the slug (as `invoke new-project`
        # makes it) so that the twin does not report a second, misleading problem.
        if declared is not None:
            declared.add((kind, Path(rel).stem, folder_lang))

    text = _read_text(path, rel, problems)
    if text is None:
        return unreadable()
    split = _split_front_matter(text)
    if split is None:
        problems.append(Problem(rel, 1, "front-matter",
                                "expected the file to start with a line '---', the fields, and another '---', "
                                "got no front-matter"))
        return unreadable()
    fm_text, body, _ = split
    try:
        root = yaml.compose(fm_text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 2 if mark else 1
        problems.append(Problem(rel, line, "front-matter", f"expected valid YAML, got an error: {e.problem}"))
        return unreadable()
    if not isinstance(root, yaml.MappingNode):
        problems.append(Problem(rel, 2, "front-matter", "expected 'field: value' lines, got "
                                + ("nothing" if root is None else "something else")))
        return unreadable()

    specs = {s.name: s for s in FIELDS_BY_KIND[kind]}
    constructor = _Loader("")  # a constructor bound to nothing; turns nodes into Python values
    values: dict[str, Any] = {}
    lines: dict[str, int] = {}
    n_before = len(problems)
    for key_node, value_node in root.value:
        key = key_node.value
        line = key_node.start_mark.line + 2  # +1 for 1-based, +1 for the opening '---'
        if key in lines:
            problems.append(Problem(rel, line, str(key), f"expected each field once, got it again (first on line {lines[key]})"))
            continue
        lines[key] = line
        spec = specs.get(key)
        if spec is None:
            problems.append(Problem(rel, line, str(key), f"expected a {kind} field ({', '.join(specs)}), "
                                    f"got unknown field {key!r}{_did_you_mean(str(key), specs)}"))
            continue
        try:
            raw = constructor.construct_object(value_node, deep=True)
            values[key] = spec.parse(raw, value_node)
        except _Invalid as e:
            problems.append(Problem(rel, e.line + 1 if e.line else line, key, str(e)))
        except yaml.YAMLError as e:  # e.g. an invalid timestamp
            problems.append(Problem(rel, line, key, f"expected a valid value, got an error: {e}"))

    for spec in specs.values():
        if spec.required and spec.name not in lines:
            problems.append(Problem(rel, None, spec.name, f"expected a {spec.name} ({spec.allowed}), got none"))

    if "lang" in values and folder_lang in LANGS and values["lang"] != folder_lang:
        problems.append(Problem(rel, lines["lang"], "lang",
                                f"expected {folder_lang!r} (the folder this file is in), got {values['lang']!r}"))
    if folder_lang not in LANGS:
        problems.append(Problem(rel, None, "file", f"expected the file in a language folder "
                                f"({', '.join(f'{KIND_DIRS[kind]}/{x}/' for x in LANGS)}), got {rel!r}"))
    if "modified" in values and "date" in values and values["modified"] < values["date"]:
        problems.append(Problem(rel, lines["modified"], "modified",
                                f"expected a date on or after date {values['date']}, got {values['modified']}"))
    if kind == "project":
        if "image" in values and "image_alt" not in lines:
            problems.append(Problem(rel, lines["image"], "image_alt",
                                    "expected a description of the picture (required with image), got none"))
        if "image_alt" in values and "image" not in lines:
            problems.append(Problem(rel, lines["image_alt"], "image", "expected an image for this image_alt, got none"))
    else:
        if "nav_label" in values and "nav_order" not in lines:
            problems.append(Problem(rel, lines["nav_label"], "nav_order",
                                    "expected a number for the navigation order (required with nav_label), got none"))
        if "nav_order" in values and "nav_label" not in lines:
            problems.append(Problem(rel, lines["nav_order"], "nav_label", "expected a label for nav_order, got none"))

    if values.get("slug") in RESERVED_SLUGS[kind]:
        problems.append(Problem(rel, lines["slug"], "slug", "expected a slug the site does not use for its own "
                                f"paths ({', '.join(sorted(RESERVED_SLUGS[kind]))}), got {values['slug']!r}"))
    if declared is not None and "slug" in values:
        declared.add((kind, values["slug"], values.get("lang", folder_lang)))
    if len(problems) > n_before:
        return None
    partners = values.pop("partners", ())
    lines.update({f"partners:{p}": line + 1 for p, line in partners})
    return Document(kind=kind, source=rel, body=body, partners=tuple(p for p, _ in partners), lines=lines, **values)


# --------------------------------------------------------------------------
# Partners
# --------------------------------------------------------------------------

PARTNER_KEYS = ("name", "short", "url", "kind")


def parse_partners(path: Path, rel: str, problems: list[Problem]) -> tuple[dict[str, Partner], set[str]]:
    """The valid partners, and every ID the file declares (valid or not)."""
    declared: set[str] = set()
    if not path.exists():
        problems.append(Problem(rel, None, "file", "expected the partner list, got no such file"))
        return {}, declared
    text = _read_text(path, rel, problems)
    if text is None:
        return {}, declared
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        problems.append(Problem(rel, mark.line + 1 if mark else None, "file", f"expected valid YAML, got an error: {e.problem}"))
        return {}, declared
    if not isinstance(root, yaml.MappingNode):
        problems.append(Problem(rel, 1, "file", "expected 'partner-id:' entries, got something else"))
        return {}, declared
    constructor = _Loader("")
    partners: dict[str, Partner] = {}
    for key_node, value_node in root.value:
        pid, line = key_node.value, key_node.start_mark.line + 1
        where = f"{pid}"
        if not PARTNER_ID_RE.match(str(pid)):
            problems.append(Problem(rel, line, where, f"expected a partner ID of lowercase letters, digits and hyphens, got {pid!r}"))
            continue
        if pid in declared:
            problems.append(Problem(rel, line, where, "expected each partner ID once, got it again"))
            continue
        declared.add(pid)
        try:
            entry = constructor.construct_object(value_node, deep=True)
        except yaml.YAMLError as e:
            problems.append(Problem(rel, line, where, f"expected valid values, got an error: {e}"))
            continue
        if not isinstance(entry, dict):
            problems.append(Problem(rel, line, where, f"expected name, kind, short and url below the ID, got {_show(entry)}"))
            continue
        key_lines = {k.value: k.start_mark.line + 1 for k, _ in value_node.value}
        n_before = len(problems)
        for key in entry:
            if key not in PARTNER_KEYS:
                problems.append(Problem(rel, key_lines.get(key, line), f"{pid}.{key}",
                                        f"expected one of {', '.join(PARTNER_KEYS)}, got {key!r}"
                                        f"{_did_you_mean(str(key), PARTNER_KEYS)}"))
        names = entry.get("name")
        if not isinstance(names, dict):
            problems.append(Problem(rel, key_lines.get("name", line), f"{pid}.name",
                                    f"expected a name in each language ({', '.join(LANGS)}), got {_show(names)}"))
            names = {}
        for lang in LANGS:
            value = names.get(lang)
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem(rel, key_lines.get("name", line), f"{pid}.name.{lang}",
                                        f"expected the {LANG_NAMES[lang]['en']} name, got {_show(value)}"))
        kind = entry.get("kind")
        if kind not in PARTNER_KINDS:
            problems.append(Problem(rel, key_lines.get("kind", line), f"{pid}.kind",
                                    f"expected one of {', '.join(PARTNER_KINDS)}, got {_show(kind)}"))
        short, url = entry.get("short"), entry.get("url")
        if short is not None and (not isinstance(short, str) or not short.strip()):
            problems.append(Problem(rel, key_lines.get("short", line), f"{pid}.short", f"expected a short name, got {_show(short)}"))
        if url is not None and (not isinstance(url, str) or not URL_RE.match(url)):
            problems.append(Problem(rel, key_lines.get("url", line), f"{pid}.url",
                                    f"expected a URL starting with https:// or http://, got {_show(url)}"))
        if len(problems) == n_before:
            partners[pid] = Partner(pid, names["en"].strip(), names["cs"].strip(), kind, short, url)
    return partners, declared


# --------------------------------------------------------------------------
# The whole site
# --------------------------------------------------------------------------

PARTNERS_FILE = "data/partners.yaml"
IMAGES_DIR = "images"


@dataclass
class Site:
    """Everything the content says, validated. Read-only once built."""

    content_dir: Path
    documents: tuple[Document, ...]
    partners: dict[str, Partner]
    source_date_epoch: int | None = None

    def __post_init__(self) -> None:
        self.by_source = {d.source: d for d in self.documents}
        self.by_key = {(d.kind, d.slug, d.lang): d for d in self.documents}

    def get(self, kind: str, slug: str, lang: str) -> Document | None:
        return self.by_key.get((kind, slug, lang))

    def twin(self, doc: Document, lang: str) -> Document | None:
        return self.by_key.get((doc.kind, doc.slug, lang))

    def projects(self, lang: str) -> list[Document]:
        """The projects of a language, in a stable reading order (title)."""
        return sorted((d for d in self.documents if d.kind == "project" and d.lang == lang),
                      key=lambda d: sort_key(d.title))

    def pages(self, lang: str) -> list[Document]:
        return [d for d in self.documents if d.kind == "page" and d.lang == lang]

    @property
    def reference_date(self) -> dt.date:
        """'Today' for the build: the build's SOURCE_DATE_EPOCH (set by the plugin from the
        settings; never the clock, so builds are reproducible) or, without it, the newest date
        in the content. Open-ended projects run up to this year."""
        if self.source_date_epoch is not None:
            return dt.datetime.fromtimestamp(int(self.source_date_epoch), dt.timezone.utc).date()
        return max((d.updated for d in self.documents), default=dt.date(2026, 1, 1))

    def active_years(self, doc: Document) -> tuple[int, ...]:
        return doc.years.covers(self.reference_date.year) if doc.years else ()


def sort_key(text: str) -> tuple[str, str]:
    """Reading order for names: case and diacritics folded (Č sorts with C), then exact text."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    return ("".join(c for c in folded if not unicodedata.combining(c)), text)


def iter_sources(content_dir: Path) -> Iterable[tuple[str, Path, str]]:
    """(kind, path, rel) for every Markdown file the site is made of, in a stable order."""
    for kind, folder in KIND_DIRS.items():
        for path in sorted((content_dir / folder).rglob("*.md")):
            yield kind, path, path.relative_to(content_dir).as_posix()


def load_site(content_dir: str | Path, parse: Callable[..., Document | None] | None = None) -> Site:
    """Read and check all content; raise ContentError with every problem found.

    `parse` stands in for `parse_document` (same arguments, same effects): the build passes one
    that remembers each unchanged file's result (reuse.ParseCache). The rules across files
    (`check_site`) always run on everything.
    """
    content_dir = Path(content_dir)
    parse = parse or parse_document
    problems: list[Problem] = []
    partners, declared = parse_partners(content_dir / PARTNERS_FILE, PARTNERS_FILE, problems)
    docs: list[Document] = []
    declared_docs: set[tuple[str, str, str]] = set()
    for kind, path, rel in iter_sources(content_dir):
        doc = parse(path, rel, kind, problems, declared_docs)
        if doc is not None:
            docs.append(doc)
    problems.extend(check_site(content_dir, docs, declared, declared_docs))
    if problems:
        raise ContentError(problems)
    return Site(content_dir, tuple(docs), partners)


def check_site(content_dir: Path, docs: list[Document], partners: set[str],
               declared_docs: set[tuple[str, str, str]] = frozenset()) -> list[Problem]:
    """The rules that look across files: partners, images, duplicates, twins.

    `partners` and `declared_docs` include entries that were invalid themselves (already
    reported), so that one mistake is reported once.
    """
    problems: list[Problem] = []
    seen: dict[tuple[str, str, str], Document] = {}
    for doc in docs:
        for pid in doc.partners:
            if pid not in partners:
                problems.append(Problem(doc.source, doc.line_of(f"partners:{pid}"), "partners",
                                        f"expected a partner ID from {PARTNERS_FILE}, got unknown partner {pid!r}"
                                        f"{_did_you_mean(pid, partners)}"))
        if doc.image and (problem := _image_problem(content_dir, doc.image)):
            problems.append(Problem(doc.source, doc.line_of("image"), "image", problem))
        key = (doc.kind, doc.slug, doc.lang)
        if key in seen:
            problems.append(Problem(doc.source, doc.line_of("slug"), "slug",
                                    f"expected a slug no other {doc.lang} {doc.kind} uses, got {doc.slug!r} "
                                    f"(also in {seen[key].source})"))
        else:
            seen[key] = doc
    for (kind, slug, lang), doc in seen.items():
        for other in LANGS:
            if other != lang and (kind, slug, other) not in seen and (kind, slug, other) not in declared_docs:
                problems.append(Problem(doc.source, doc.line_of("slug"), "slug",
                                        f"expected the {LANG_NAMES[other]['en']} twin "
                                        f"({KIND_DIRS[kind]}/{other}/… with slug: {slug} and lang: {other}), got none"))
    for lang in LANGS:
        for template in ("home", "404"):
            found = [d for d in docs if d.kind == "page" and d.lang == lang and d.template == template]
            if len(found) > 1:
                for d in found[1:]:
                    problems.append(Problem(d.source, d.line_of("template"), "template",
                                            f"expected one {template} page per language, got another "
                                            f"(also {found[0].source})"))
    return problems

