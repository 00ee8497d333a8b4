"""The field tables: the content contract, one row per front-matter field (or partner key).

docs/authoring.md and .cs.md show these tables (`invoke docs`) and are tested against them;
`parse.check_fields` validates a YAML mapping against one of them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from . import values as v
from .vocab import CATEGORIES, DATE_PRECISIONS, LANG_NAMES, LANGS, PAGE_TEMPLATES, PARTNER_KINDS, PHASES


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

# content/news/<lang>/<slug>.md: one news item (Aktuality). Its date is the day it happened
# (or the month, with date_precision: month), not the day the file was written.
NEWS_FIELDS: tuple[FieldSpec, ...] = (
    *_common_fields(),
    FieldSpec("date", "date", True, "YYYY-MM-DD; the 1st of the month with date_precision: month", "2019-11-19",
              "The day the news happened (the news index lists the newest first).", v.date),
    FieldSpec("date_precision", "text", False, ", ".join(DATE_PRECISIONS) + " (default day)", "month",
              "How exactly the date is known: month shows only the month and year.", v.choice(DATE_PRECISIONS)),
    FieldSpec("summary", "text", True, "one sentence, at most 300 characters",
              "ICUK signed the regional hydrogen memorandum with the region and 17 other entities.",
              "Shown in the news index, on the home page, in the page description and in the news feed.", v.text(300)),
    FieldSpec("projects", "list of project IDs", False, "slugs of projects in content/projects/, each once",
              "[hydrogen]", "The projects the news is about: each links here and back.", v.project_ids),
    FieldSpec("partners", "list of partner IDs", False, "IDs from content/data/partners.yaml, each once",
              "[usti-region, unicre]", "The organisations the news names: each links here and back.", v.partner_ids),
    FieldSpec("image", "text", False, f"a .jpg, .png or .webp file in content/images/, at most {v.IMAGE_MAX_BYTES / 1e6:g} MB",
              "hydrogen-memorandum.jpg", "A picture shown at the top of the news item.", v.image),
    FieldSpec("image_alt", "text", False, "required when image is given; one line, at most 250 characters",
              "The signatories of the memorandum in Ústí nad Labem",
              "What the picture shows, for people who cannot see it.", v.text(250)),
    FieldSpec("sources", "list of mappings", False, "each {label: text, url: https://…}",
              "[{label: ORLEN UniCRE, url: 'https://orlenunicre.cz/aktuality/806-memorandum-o-vyuzivani-vodiku-v-usteckem-kraji'}]",
              "Where the facts come from: shown below the text as sources.", v.links),
    FieldSpec("modified", "date", False, "YYYY-MM-DD, on or after date", "2027-01-15",
              "When the item was last corrected in substance (the feed's updated date).", v.date),
)

# content/data/partners.yaml: one entry per partner ID, these keys below it.
PARTNER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "mapping", True, "{cs: …, en: …}", "{cs: Ústecký kraj, en: Ústí Region}",
              "The partner's name in each language.", v.names(LANGS, LANG_NAMES)),
    FieldSpec("short", "text", False, "a short name or abbreviation", "UJEP", "Shown where space is short.",
              v.short_text),
    FieldSpec("url", "text", False, "https://…", "https://www.ujep.cz", "The partner's official website.", v.url),
    FieldSpec("kind", "text", True, ", ".join(PARTNER_KINDS), "university", "What kind of organisation it is.",
              v.choice(PARTNER_KINDS)),
)

FIELDS_BY_KIND: dict[str, tuple[FieldSpec, ...]] = {"project": PROJECT_FIELDS, "page": PAGE_FIELDS,
                                                     "news": NEWS_FIELDS}
KIND_DIRS: dict[str, str] = {"project": "projects", "page": "pages", "news": "news"}
