"""What validated content is made of: a `Document` per Markdown file, a `Partner` per entry."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .routes import save_as_for, url_for
from .values import Link, Years


@dataclass(frozen=True)
class Document:
    """One validated Markdown file (front-matter values are clean and typed)."""

    kind: str  # "project" | "page" | "news"
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
    # news fields (partners, image and image_alt above too)
    date_precision: str = "day"  # "month": only the month of `date` is known
    projects: tuple[str, ...] = ()  # the projects a news item is about (their slugs)
    sources: tuple[Link, ...] = ()
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
        if self.kind in ("project", "news"):
            return self.kind
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
