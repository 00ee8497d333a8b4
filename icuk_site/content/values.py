"""Value parsers: each takes (value, node) and returns the clean value or raises `Invalid`.

`node` is the YAML node the value came from, for the line of an item inside a list or mapping
(`Invalid.line`, 1-based within the YAML text).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .problems import Invalid, Invalids, did_you_mean, show

Parser = Callable[[Any, yaml.Node], Any]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PARTNER_ID_RE = SLUG_RE
URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$")
YEAR_MIN, YEAR_MAX = 1990, 2100
# Pictures named in front-matter; the build makes the responsive versions (render/images.py).
IMAGE_MAX_BYTES = 2_000_000  # heavier means an unresized camera file; about 2000 pixels wide is plenty
IMAGE_FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP"}


def text(max_len: int) -> Parser:
    def parse(value: Any, node: yaml.Node) -> str:
        if not isinstance(value, str) or not value.strip():
            raise Invalid(f"expected a line of text, got {show(value)}")
        value = " ".join(value.split())
        if len(value) > max_len:
            raise Invalid(f"expected at most {max_len} characters, got {len(value)}")
        return value

    return parse


def choice(choices: dict[str, Any] | tuple[str, ...]) -> Parser:
    def parse(value: Any, node: yaml.Node) -> str:
        if not isinstance(value, str) or value not in choices:
            allowed = ", ".join(choices)
            hint = did_you_mean(value, choices) if isinstance(value, str) else ""
            raise Invalid(f"expected one of {allowed}, got {show(value)}{hint}")
        return value

    return parse


def slug(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not SLUG_RE.match(value):
        raise Invalid("expected lowercase letters, digits and single hyphens "
                      f"(e.g. 'open-data-platform'), got {show(value)}")
    return value


def date(value: Any, node: yaml.Node) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise Invalid(f"expected a date as YYYY-MM-DD, got {show(value)}")


def _year(value: Any, line: int | None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not YEAR_MIN <= value <= YEAR_MAX:
        raise Invalid(f"expected a four-digit year ({YEAR_MIN}–{YEAR_MAX}), got {show(value)}", line)
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
        raise Invalid(f"expected a mapping like {{start: 2020, end: 2023}}, got {show(value)}")
    lines = {k.value: k.start_mark.line + 1 for k, _ in node.value} if isinstance(node, yaml.MappingNode) else {}
    unknown = sorted(set(value) - {"start", "end"}, key=str)
    if unknown:
        raise Invalid(f"expected only the keys start and end, got {', '.join(map(str, unknown))}")
    if "start" not in value:
        raise Invalid("expected a start year (e.g. {start: 2019}), got none")
    start = _year(value["start"], lines.get("start"))
    end = None
    if value.get("end") is not None:
        end = _year(value["end"], lines.get("end"))
        if end < start:
            raise Invalid(f"expected the end year to be on or after the start year {start}, got {end}", lines.get("end"))
    return Years(start, end)


def partner_ids(value: Any, node: yaml.Node) -> tuple[tuple[str, int], ...]:
    """A list of partner IDs, each kept with its line (unknown IDs are checked later)."""
    if not isinstance(value, list) or not value:
        raise Invalid(f"expected a list of partner IDs (e.g. [icuk, ujep]), got {show(value)}")
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    out, seen = [], set()
    for item, item_node in zip(value, items, strict=False):
        line = item_node.start_mark.line + 1
        if not isinstance(item, str) or not PARTNER_ID_RE.match(item):
            raise Invalid(f"expected a partner ID (lowercase, e.g. 'ujep'), got {show(item)}", line)
        if item in seen:
            raise Invalid(f"expected each partner once, got {item!r} twice", line)
        seen.add(item)
        out.append((item, line))
    return tuple(out)


@dataclass(frozen=True)
class Link:
    label: str
    url: str


def url(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not URL_RE.match(value):
        raise Invalid(f"expected a URL starting with https:// or http://, got {show(value)}")
    return value


def links(value: Any, node: yaml.Node) -> tuple[Link, ...]:
    if not isinstance(value, list):
        raise Invalid(f"expected a list of {{label: …, url: https://…}}, got {show(value)}")
    items = node.value if isinstance(node, yaml.SequenceNode) else []
    out = []
    for item, item_node in zip(value, items, strict=False):
        line = item_node.start_mark.line + 1
        if not isinstance(item, dict) or set(item) != {"label", "url"}:
            raise Invalid(f"expected a mapping with exactly label and url, got {show(item)}", line)
        label = item["label"]
        if not isinstance(label, str) or not label.strip():
            raise Invalid(f"expected a label text, got {show(label)}", line)
        if not isinstance(item["url"], str) or not URL_RE.match(item["url"]):
            raise Invalid(f"expected a URL starting with https:// or http://, got {show(item['url'])}", line)
        out.append(Link(" ".join(label.split()), item["url"]))
    return tuple(out)


def image(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not value.strip() or value.startswith(("/", "http:", "https:")) or ".." in value:
        raise Invalid(f"expected a file name in content/images/ (e.g. 'hydrogen.jpg'), got {show(value)}")
    if Path(value.strip()).suffix.lower() not in IMAGE_FORMATS:
        raise Invalid(f"expected a {', '.join(IMAGE_FORMATS)} file, got {show(value)}")
    return value.strip()


def nav_order(value: Any, node: yaml.Node) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 99:
        raise Invalid(f"expected a whole number from 1 to 99, got {show(value)}")
    return value


def names(langs: tuple[str, ...], lang_names: dict[str, dict[str, str]]) -> Parser:
    """A name in each language: {en: …, cs: …}; a missing one is reported as `name.<lang>`."""

    def parse(value: Any, node: yaml.Node) -> dict[str, str]:
        if not isinstance(value, dict):
            raise Invalid(f"expected a name in each language ({', '.join(langs)}), got {show(value)}")
        missing = [Invalid(f"expected the {lang_names[lang]['en']} name, got {show(value.get(lang))}", field=lang)
                   for lang in langs if not isinstance(value.get(lang), str) or not value[lang].strip()]
        if missing:
            raise Invalids(missing)
        return {lang: value[lang].strip() for lang in langs}

    return parse


def short_text(value: Any, node: yaml.Node) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"expected a short name, got {show(value)}")
    return value
