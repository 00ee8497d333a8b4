"""Value parsers: each takes (value, node) and returns the clean value or raises `Invalid`.

`node` is the YAML node the value came from, for the line of an item inside a list or mapping
(`Invalid.line`, 1-based within the YAML text).
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .messages import M
from .problems import Invalid, Invalids, did_you_mean, show

Parser = Callable[[Any, yaml.Node], Any]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTNER_ID_RE = SLUG_RE
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
# Years: none before the centre's region programmes (1990), none more than 10 years after this
# year (a programme period is 7 years: 2092 is a typo for 2029, not a plan).
YEAR_MIN, YEARS_AHEAD = 1990, 10
YEAR_MAX = dt.date.today().year + YEARS_AHEAD
# Pictures named in front-matter; the build makes the responsive versions (render/images.py).
IMAGE_MAX_BYTES = 2_000_000  # heavier means an unresized camera file; about 2000 pixels wide is plenty
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


def text(max_len: int) -> Parser:
    def parse(value: Any, node: yaml.Node) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(M("expected a line of text, got {value}", value=show(value)))
        value = " ".join(value.split())
        if len(value) > max_len:
            raise Invalid(M("expected at most {max_len} characters, got {n}", max_len=max_len, n=len(value)))
        return value

    return parse


def choice(choices: dict[str, Any] | tuple[str, ...]) -> Parser:
    def parse(value: Any, node: yaml.Node) -> str:
        if not isinstance(value, str) or value not in choices:
            hint = id_hint(value, choices) if isinstance(value, str) else ""
            raise Invalid(M("expected one of {allowed}, got {value}{hint}", allowed=", ".join(choices),
                            value=show(value), hint=hint))
        return value

    return parse


def slug(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not SLUG_RE.match(value):
        raise Invalid(M("expected lowercase letters, digits and single hyphens (e.g. 'open-data-platform'), "
                        "got {value}", value=show(value)))
    return value


def date(value: Any, node: yaml.Node) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
        if (m := DATE_RE.match(text)) is not None:  # the form is nearly right
            y, mo, d = map(int, m.groups())
            try:
                padded = dt.date(y, mo, d).isoformat()
            except ValueError:
                padded = None
            if padded is not None:
                raise Invalid(M("expected a date as YYYY-MM-DD (two digits for the month and the day: {padded}), "
                                "got {value}", padded=padded, value=repr(value)))
            if not 1 <= mo <= 12:
                raise Invalid(M("expected a date as YYYY-MM-DD, got {value} (there is no month {month})",
                                value=repr(value), month=mo))
            raise Invalid(M("expected a date as YYYY-MM-DD, got {value} ({year}-{month:02d} has no day {day})",
                            value=repr(value), year=y, month=mo, day=d))
    raise Invalid(M("expected a date as YYYY-MM-DD, got {value}", value=show(value)))


DATE_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _year(value: Any, line: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not YEAR_MIN <= value <= YEAR_MAX:
        hint = ""
        if isinstance(value, int) and not isinstance(value, bool) and YEAR_MAX < value < 10_000:
            hint = M(" (a typo? years more than {ahead} years ahead are not accepted)", ahead=YEARS_AHEAD)
        raise Invalid(M("expected a four-digit year ({low}–{high}), got {value}{hint}", low=YEAR_MIN, high=YEAR_MAX,
                        value=show(value), hint=hint), line)
    return value


@dataclass(frozen=True)
class Years:
    start: int
    end: int | None = None

    def covers(self, last_year: int) -> tuple[int, ...]:
        """Every year the project is active in, up to `last_year` when open-ended."""
        return tuple(range(self.start, (self.end or max(last_year, self.start)) + 1))


def years(value: Any, node: yaml.Node) -> Years:
    if not isinstance(value, dict):
        raise Invalid(M("expected a mapping like {{start: 2020, end: 2023}}, got {value}", value=show(value)))
    lines = ({k.value: k.start_mark.line + 1 for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
             if isinstance(node, yaml.MappingNode) else {})
    unknown = sorted(set(value) - {"start", "end"}, key=str)
    if unknown:
        raise Invalid(M("expected only the keys start and end, got {keys}", keys=", ".join(map(str, unknown))))
    if "start" not in value:
        raise Invalid(M("expected a start year (e.g. {{start: 2019}}), got none"))
    problems, start, end = [], None, None
    for key in ("start", "end"):
        if key == "end" and value.get("end") is None:
            continue
        try:
            year = _year(value[key], lines.get(key))
        except Invalid as e:
            problems.append(e)
            continue
        start, end = (year, end) if key == "start" else (start, year)
    if problems:
        raise Invalids(problems)
    if end is not None and end < start:
        raise Invalid(M("expected the end year to be on or after the start year {start}, got {end}", start=start, end=end),
                      lines.get("end"))
    return Years(start, end)


def id_list(value: Any, node: yaml.Node, not_a_list, not_an_id, twice, pattern: re.Pattern = SLUG_RE
            ) -> tuple[tuple[str, int], ...]:
    """A list of IDs (`pattern`: a document's file name unless told), each kept with its line
    (unknown IDs are checked across files, content/site.py). Every wrong item is reported, not
    only the first; `not_a_list(shown value)`, `not_an_id(item)` and `twice(id)` word the problems."""
    if not isinstance(value, list) or not value:
        raise Invalid(not_a_list(show(value)))
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    out, seen, problems = [], set(), []
    for item, item_node in zip(value, items, strict=False):
        line = item_node.start_mark.line + 1
        if not isinstance(item, str) or not pattern.match(item):
            problems.append(Invalid(not_an_id(item), line))
            continue
        if item in seen:
            problems.append(Invalid(twice(item), line))
            continue
        seen.add(item)
        out.append((item, line))
    if problems:
        raise Invalids(problems, partial=tuple(out))  # the rest is still checked across files
    return tuple(out)


def partner_ids(value: Any, node: yaml.Node) -> tuple[tuple[str, int], ...]:
    """A list of partner IDs (checked against the partner list later)."""
    return id_list(value, node, lambda v: M("expected a list of partner IDs (e.g. [icuk, ujep]), got {value}", value=v),
                   _not_a_partner_id, lambda i: M("expected each partner once, got {id!r} twice", id=i), PARTNER_ID_RE)


def _not_a_partner_id(item: Any) -> M:
    hint = ""
    if isinstance(item, str) and PARTNER_ID_RE.match(lowered := "-".join(item.lower().split())):
        hint = M(" (IDs are written in lowercase: {id!r})", id=lowered)
    return M("expected a partner ID (lowercase, e.g. 'ujep'), got {value}{hint}", value=show(item), hint=hint)


def project_ids(value: Any, node: yaml.Node) -> tuple[tuple[str, int], ...]:
    """A news item's projects, by ID."""
    return id_list(value, node, lambda v: M("expected a list of project IDs (e.g. [hydrogen]), got {value}", value=v),
                   lambda i: M("expected a project ID (its slug, e.g. 'hydrogen'), got {value}", value=show(i)),
                   lambda i: M("expected each project once, got {id!r} twice", id=i))


def service_ids(value: Any, node: yaml.Node) -> tuple[tuple[str, int], ...]:
    """A news item's services, by ID (their file names in content/services/en/)."""
    return id_list(value, node,
                   lambda v: M("expected a list of service IDs (e.g. [innovation-vouchers]), got {value}", value=v),
                   lambda i: M("expected a service ID (its file name, e.g. 'digilab'), got {value}", value=show(i)),
                   lambda i: M("expected each service once, got {id!r} twice", id=i))


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def url(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not URL_RE.match(value):
        raise Invalid(M("expected a URL starting with https:// or http://, got {value}", value=show(value)))
    return value


def https_url(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not value.startswith("https://") or not URL_RE.match(value):
        hint = (M(" (write https://; if the site has no https, leave the website out)")
                if isinstance(value, str) and value.startswith("http://") else "")
        raise Invalid(M("expected an address starting with https://, got {value}{hint}", value=show(value), hint=hint))
    return value


def links(value: Any, node: yaml.Node) -> tuple[Link, ...]:
    if not isinstance(value, list):
        raise Invalid(M("expected a list of {{label: …, url: https://…}}, got {value}", value=show(value)))
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    out, problems = [], []
    for item, item_node in zip(value, items, strict=False):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or set(item) != {"label", "url"}:
            problems.append(Invalid(M("expected a mapping with exactly label and url, got {value}", value=show(item)), line))
            continue
        label = item["label"]
        if not isinstance(label, str) or not label.strip():
            problems.append(Invalid(M("expected a label text, got {value}", value=show(label)), line))
            continue
        if not isinstance(item["url"], str) or not URL_RE.match(item["url"]):
            problems.append(Invalid(M("expected a URL starting with https:// or http://, got {value}",
                                      value=show(item["url"])), line))
            continue
        out.append(Link(" ".join(label.split()), item["url"]))
    if problems:
        raise Invalids(problems)
    return tuple(out)


def image(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not value.strip() or value.startswith(("/", "http:", "https:")) or ".." in value:
        raise Invalid(M("expected a file name in content/images/ (e.g. 'hydrogen.jpg'), got {value}", value=show(value)))
    if Path(value.strip()).suffix.lower() not in IMAGE_FORMATS:
        raise Invalid(M("expected a {formats} file, got {value}", formats=", ".join(IMAGE_FORMATS), value=show(value)))
    return value.strip()


def nav_order(value: Any, node: yaml.Node) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 99:
        raise Invalid(M("expected a whole number from 1 to 99, got {value}", value=show(value)))
    return value


NAME_MISSING = {"en": "expected the English name, got {value}", "cs": "expected the Czech name, got {value}"}


def names(langs: tuple[str, ...]) -> Parser:
    """A name in each language: {en: …, cs: …}; a missing one is reported as `name.<lang>`."""

    def parse(value: Any, node: yaml.Node) -> dict[str, str]:
        if not isinstance(value, dict):
            raise Invalid(M("expected a name in each language ({langs}), got {value}", langs=", ".join(langs),
                            value=show(value)))
        missing = [Invalid(M(NAME_MISSING[lang], value=show(value.get(lang))), field=lang)
                   for lang in langs if not isinstance(value.get(lang), str) or not value[lang].strip()]
        if missing:
            raise Invalids(missing)
        return {lang: value[lang].strip() for lang in langs}

    return parse


def short_text(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(M("expected a short name, got {value}", value=show(value)))
    return value


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold().strip())
    return "".join(c for c in folded if not unicodedata.combining(c))


LABEL_HINT = {"cs": " (did you mean {id!r}? {label!r} is the Czech label; write the ID)",
              "en": " (did you mean {id!r}? {label!r} is the English label; write the ID)"}


def id_hint(value: str, choices: dict[str, Any] | tuple[str, ...]) -> str:
    """Why a word is not an ID, when the author wrote a label or capitals: "(did you mean 'running'?
    'Probíhá' is the Czech label; write the ID)"; else the nearest ID, if any."""
    if value.strip().lower() in choices:
        return M(" (IDs are written in lowercase: {id!r})", id=value.strip().lower())
    if isinstance(choices, dict):
        for term_id, term in choices.items():
            names = [("cs", getattr(term, "cs", None)), ("en", getattr(term, "en", None)),
                     *(("cs", alias) for alias in getattr(term, "aliases_cs", ()))]
            for lang, label in names:
                if isinstance(label, str) and _fold(label) == _fold(value) or (
                        isinstance(label, str) and lang == "cs" and _fold(value) and _fold(label).startswith(_fold(value))
                        and len(_fold(value)) >= 4):
                    return M(LABEL_HINT[lang], id=term_id, label=label)
    return did_you_mean(value, choices)
