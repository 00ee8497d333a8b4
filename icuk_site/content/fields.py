"""The field tables: the content contract, one row per front-matter field (or partner key).

docs/authoring.md and .cs.md show these tables (`invoke docs`) and are tested against them;
`parse.check_fields` validates a YAML mapping against one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import values as v
from .funding import funding
from .vocab import CATEGORIES, LANG_NAMES, LANGS, PAGE_TEMPLATES, PARTNER_KINDS, PHASES


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str
    required: bool
    allowed: str
    example: str
    description: str
    parse: Callable[[Any, Any], Any] = field(repr=False, compare=False)


def _common_fields() -> list[FieldSpec]:
    return [
        FieldSpec("title", "text", True, "one line, at most 150 characters", "Autonomous mobility",
                  "The name shown as the page heading, on cards and in feeds.", v.text(150)),
        FieldSpec("slug", "text", True, "lowercase letters, digits and hyphens; the same in both languages",
                  "autonomous-mobility", "The stable ID and URL part; it pairs the English and Czech versions.",
                  v.slug),
        FieldSpec("lang", "text", True, ", ".join(LANGS) + " (must match the folder)", "en",
                  "The language of this file.", v.choice(LANGS)),
    ]


PROJECT_FIELDS: tuple[FieldSpec, ...] = (
    *_common_fields(),
    FieldSpec("category", "text", True, ", ".join(CATEGORIES), "infrastructure",
              "Which of the centre's programme areas the project belongs to.", v.choice(CATEGORIES)),
    FieldSpec("phase", "text", True, ", ".join(PHASES), "pilot", "Where the project stands now.", v.choice(PHASES)),
    FieldSpec("partners", "list of partner IDs", True, "IDs from content/data/partners.yaml, each once",
              "[usti-region, ujep, icuk]", "Who takes part. Names are shown in the page's language.", v.partner_ids),
    FieldSpec("years", "mapping", False, "start: a year; end: a year on or after start (optional)",
              "{start: 2020, end: 2023}", "When the project runs. Leave it out if the years are not known.",
              v.years),
    FieldSpec("summary", "text", True, "one sentence, at most 300 characters",
              "Development and testing of driverless cars in Ústí nad Labem.",
              "Shown on project cards, in the page description for search engines and in feeds.", v.text(300)),
    FieldSpec("date", "date", True, "YYYY-MM-DD", "2026-11-27", "When this entry was first published on the site.",
              v.date),
    FieldSpec("modified", "date", False, "YYYY-MM-DD, on or after date", "2027-01-15",
              "When the entry was last changed in substance (orders the feeds).", v.date),
    FieldSpec("image", "text", False, f"a .jpg, .png or .webp file in content/images/, at most {v.IMAGE_MAX_BYTES / 1e6:g} MB",
              "hydrogen.jpg",
              "A picture shown at the top of the project page.", v.image),
    FieldSpec("image_alt", "text", False, "required when image is given; one line, at most 250 characters",
              "A hydrogen filling station in Ústí nad Labem",
              "What the picture shows, for people who cannot see it.", v.text(250)),
    FieldSpec("links", "list of mappings", False, "each {label: text, url: https://…}",
              "[{label: Project website, url: 'https://example.org'}]", "Further reading.", v.links),
    FieldSpec("funding", "list of mappings", False,
              "each {programme: op-vvv or horizon-2020, number: as the programme writes it; optional fund: esf or erdf "
              "(op-vvv), project: its own name, start and end: YYYY-MM-DD}",
              "[{programme: op-vvv, number: CZ.02.2.69/0.0/0.0/18_055/0014194}]",
              "EU funding: the page shows the EU emblem with the statement the programme requires. A missing number "
              "is a warning.", funding),
)

PAGE_FIELDS: tuple[FieldSpec, ...] = (
    *_common_fields(),
    FieldSpec("template", "text", False, ", ".join(PAGE_TEMPLATES) + " (default page)", "page",
              "Which layout the page uses.", v.choice(PAGE_TEMPLATES)),
    FieldSpec("summary", "text", True, "one sentence, at most 300 characters",
              "Who we are and how to reach us.", "The page description for search engines and link previews.",
              v.text(300)),
    FieldSpec("nav_label", "text", False, "one line, at most 30 characters", "About ICUK",
              "Puts the page into the main navigation under this label.", v.text(30)),
    FieldSpec("nav_order", "whole number", False, "1–99; required with nav_label", "3",
              "The page's place in the main navigation (Projects is 1).", v.nav_order),
    FieldSpec("date", "date", True, "YYYY-MM-DD", "2026-11-27", "When this page was first published.", v.date),
    FieldSpec("modified", "date", False, "YYYY-MM-DD, on or after date", "2027-01-15",
              "When the page was last changed in substance.", v.date),
)

# content/data/partners.yaml: one entry per partner ID, these keys below it.
PARTNER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "mapping", True, "{cs: …, en: …}", "{cs: Ústecký kraj, en: Ústí Region}",
              "The partner's name in each language.", v.names(LANGS, LANG_NAMES)),
    FieldSpec("short", "text", False, "a short name or abbreviation", "UJEP", "Shown where space is short.",
              v.short_text),
    FieldSpec("website", "text", False, "https://… (an address from a source, never a guess)", "https://www.ujep.cz",
              "The organisation's official website, linked from its partner page.", v.https_url),
    FieldSpec("kind", "text", True, ", ".join(PARTNER_KINDS), "university", "What kind of organisation it is.",
              v.choice(PARTNER_KINDS)),
)

FIELDS_BY_KIND: dict[str, tuple[FieldSpec, ...]] = {"project": PROJECT_FIELDS, "page": PAGE_FIELDS}
KIND_DIRS: dict[str, str] = {"project": "projects", "page": "pages"}
