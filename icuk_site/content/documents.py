"""What validated content is made of: a `Document` per Markdown file, a `Partner` per entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .funding import Funding
from .routes import save_as_for, url_for
from .services import Call
from .values import Link, Years

try:  # the site's time zone (pelicanconf.TIMEZONE): the day a change counts for
    LOCAL_TIME: dt.tzinfo = ZoneInfo("Europe/Prague")
except ZoneInfoNotFoundError:  # no tz database on this system
    LOCAL_TIME = dt.timezone.utc


def key_of(source: str) -> str:
    """The translation key of a content file: its name without `.md` (any folders below the
    language folder only sort the files; the name alone pairs them)."""
    name = source.rsplit("/", 1)[-1]
    return name[: -len(".md")] if name.endswith(".md") else name


@dataclass(frozen=True)
class Document:
    """One validated Markdown file (front-matter values are clean and typed)."""

    kind: str  # "project" | "page" | "service" | "news"
    source: str  # path relative to the content folder, e.g. "projects/en/hydrogen.md"
    lang: str
    slug: str
    title: str
    summary: str
    date: dt.date
    body: str  # the Markdown after the front-matter
    modified: dt.date | None = None  # the author's override of `changed` (front-matter)
    # When the file last changed: from the git history (build/history.py), put here by the
    # session; None without history. Not front-matter.
    changed: dt.datetime | None = None
    # project fields
    category: str | None = None
    phase: str | None = None
    partners: tuple[str, ...] = ()
    years: Years | None = None
    image: str | None = None
    image_alt: str | None = None
    links: tuple[Link, ...] = ()
    # service fields (years and links as for projects)
    audience: tuple[str, ...] = ()
    calls: tuple[Call, ...] = ()
    projects: tuple[str, ...] = ()  # the projects a service or news item is about (their IDs)
    funding: tuple[Funding, ...] = ()
    # news fields (partners, projects, image and image_alt above too)
    date_precision: str = "day"  # "month": only the month of `date` is known
    sources: tuple[Link, ...] = ()
    # page fields
    template: str = "page"
    nav_label: str | None = None
    nav_order: int | None = None
    # Where each field stood in the file (for problems found after parsing, e.g. an unknown
    # partner); "partners:<id>" for each partner, "projects:<key>" for each project of a
    # service, "funding:<n>" for each funding (0, 1, …). Not part of the document's identity.
    lines: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def line_of(self, name: str) -> int | None:
        return self.lines.get(name)

    @property
    def key(self) -> str:
        """The translation key: the file name the twins share (`projects/en/hydrogen.md` and
        `projects/cs/hydrogen.md` are "hydrogen"), whatever each file's slug. The document's
        stable ID: open data, JSON-LD @id and the site's own references use it."""
        return key_of(self.source)

    @property
    def route(self) -> str:
        if self.kind in ("project", "service", "news"):
            return self.kind
        return {"home": "home", "404": "404"}.get(self.template, "page")

    @property
    def url(self) -> str:
        return url_for(self.route, self.lang, slug=self.slug)

    @property
    def save_as(self) -> str:
        return save_as_for(self.url)

    @property
    def updated_at(self) -> dt.datetime:
        """When the document last changed (aware): the author's `modified` (midnight UTC) if
        given, else the history's `changed`, else `date`; never before `date`."""
        if self.modified or self.changed is None:
            d = self.modified or self.date
            return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)
        return max(self.changed, dt.datetime(self.date.year, self.date.month, self.date.day, tzinfo=dt.timezone.utc))

    @property
    def updated(self) -> dt.date:
        """The day of `updated_at` as readers in Czechia count it ("Last updated", sitemap)."""
        if self.modified or self.changed is None:
            return self.modified or self.date
        return max(self.changed.astimezone(LOCAL_TIME).date(), self.date)


@dataclass(frozen=True)
class Partner:
    id: str
    name_en: str
    name_cs: str
    kind: str
    short: str | None = None
    website: str | None = None  # the organisation's official website (https)

    def name(self, lang: str) -> str:
        return getattr(self, f"name_{lang}")
