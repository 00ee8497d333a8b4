"""The views themselves: what one page's templates and components read, already decided and
worded in the page's language. `views.Catalog` makes them; templates only present them.

Fields ending in `_html` are Markup with the language's typography applied (the components
print them as given); every other text field is plain text (the components escape it).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from markupsafe import Markup

from ..content import LANGS, Document, Link, Years
from . import typography

# og:locale of each language (Open Graph wants language_TERRITORY).
LOCALES = {"en": "en_GB", "cs": "cs_CZ"}


def named_by(items: Callable[[str], Iterable], names: Callable[[Any], Iterable[str]]) -> dict[tuple[str, str], tuple]:
    """What names each ID, by (ID, language): `items(lang)` are a language's items (news items,
    services), `names(item)` the IDs one names (its projects, its partners); each ID's items
    stay in the order `items` gives. A page looks up what names it here, not in every item."""
    out: dict[tuple[str, str], list] = defaultdict(list)
    for lang in LANGS:
        for item in items(lang):
            for name in names(item):
                out[(name, lang)].append(item)
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Alternate:
    lang: str
    url: str
    autonym: str

    @property
    def locale(self) -> str:
        return LOCALES[self.lang]


@dataclass(frozen=True)
class Crumb:
    """One step of a breadcrumb trail: `label` plain text, `html` the same with typography."""

    label: str
    url: str
    html: Markup


@dataclass(frozen=True)
class TermView:
    """A facet value (category, phase, year) in one language, with its listing page."""

    id: str
    label: str
    url: str = ""
    html: Markup = Markup("")  # label with the language's typography


@dataclass(frozen=True)
class PartnerView:
    id: str
    name: str
    short: str | None
    website: str | None  # the organisation's own site (external), if known
    kind: TermView
    url: str  # the partner's page on this site
    html: Markup = Markup("")  # name with the language's typography

    @property
    def label(self) -> str:
        return self.name

    @property
    def website_host(self) -> str:
        """The website as a reader reads it: "www.ujep.cz" for https://www.ujep.cz/."""
        return self.website.removeprefix("https://").rstrip("/") if self.website else ""


@dataclass(frozen=True)
class OpenDataFile:
    path: str
    media_type: str  # for the link's type attribute
    format: str = ""  # what a reader is shown: "JSON-LD", "CSV", "JSON"


@dataclass(frozen=True)
class NavItem:
    key: str
    label: str
    url: str


@dataclass(frozen=True)
class PageView:
    """What the base template needs to know about any page."""

    lang: str
    title: str
    description: str
    url: str
    alternates: tuple[Alternate, ...]
    nav_key: str = ""  # the main navigation's section this page belongs to ("projects", a page's slug, "search")
    nav_target: bool = False  # the page is that section's own page (its navigation link points here)
    kind: str = "page"  # page | open-data | project | home | 404 | a listing kind
    updated: dt.date | None = None
    breadcrumbs: tuple[Crumb, ...] = ()  # from the home page down to this page; () shows none

    @property
    def other_langs(self) -> tuple[Alternate, ...]:
        return tuple(a for a in self.alternates if a.lang != self.lang)

    def nav_current(self, key: str) -> str:
        """aria-current of the navigation item `key` on this page: "page" on the item's own page,
        "true" on a page inside its section (a project, a category, phase, partner or year page,
        the partners and years indexes under Projects), "" elsewhere."""
        if key != self.nav_key:
            return ""
        return "page" if self.nav_target else "true"

    @property
    def breadcrumb_pairs(self) -> tuple[tuple[str, str], ...]:
        """The trail as (label, url) pairs, as jsonld_breadcrumbs takes it."""
        return tuple((c.label, c.url) for c in self.breadcrumbs)

    @property
    def locale(self) -> str:
        return LOCALES[self.lang]

    @property
    def og_type(self) -> str:
        return "article" if self.kind in ("project", "news") else "website"

    # Memo keys (templates.make_memo adds the language and SITEURL). A project page is no
    # navigation target, so every project page of a language shares one header and one footer.
    @property
    def nav_memo_key(self) -> tuple[str, ...]:
        return ("nav", self.nav_key, self.url if self.kind != "project" else "")

    @property
    def footer_memo_key(self) -> tuple[str, ...]:
        return ("footer", self.url if self.kind != "project" else "")


@dataclass(frozen=True)
class DocumentView(PageView):
    """The page of one document (a project, news item, service): its file and summary."""

    doc: Document | None = None
    summary: str = ""

    # Typeset when a page shows them, not for every document of every build: an incremental
    # build keeps most pages and never needs them.
    @cached_property
    def title_html(self) -> Markup:
        return typography.text(self.title, self.lang)

    @cached_property
    def summary_html(self) -> Markup:
        return typography.text(self.summary, self.lang)

    @property
    def slug(self) -> str:
        return self.doc.slug

    @property
    def key(self) -> str:
        """The translation key (file name): the document's ID in both languages."""
        return self.doc.key


@dataclass(frozen=True)
class ProjectView(DocumentView):
    category: TermView | None = None
    phase: TermView | None = None
    partners: tuple[PartnerView, ...] = ()
    years: Years | None = None
    active_years: tuple[TermView, ...] = ()
    links: tuple[Link, ...] = ()
    image: str | None = None
    image_alt: str | None = None
    years_text: str = ""  # the span of years as a reader sees it ("2019–2022", "since 2021"); "" without years
    services: tuple[TermView, ...] = ()  # the services that name this project (render/services.py)
    funding: tuple = ()  # funding.FundingNotice of each declared EU funding, in the page's language

    @property
    def partner_ids(self) -> str:
        return " ".join(p.id for p in self.partners)

    @property
    def partner_names(self) -> str:
        """The partners' names and short names, for the search index (metadata)."""
        return "; ".join(f"{p.name} ({p.short})" if p.short else p.name for p in self.partners)

    @property
    def year_ids(self) -> str:
        return " ".join(y.id for y in self.active_years)

    @property
    def card_memo_key(self) -> tuple[str, ...]:
        """A card is the same on every listing page it appears on (components/card-grid.html)."""
        return ("card", self.key, self.lang)


@dataclass(frozen=True)
class ProjectGroup:
    """Projects sharing one facet value (e.g. the infrastructure category)."""

    facet: str
    term: TermView | PartnerView
    projects: tuple[ProjectView, ...]


@dataclass(frozen=True)
class HomeGroup:
    """A category on the home page: the projects shown and how many it has in all."""

    term: TermView
    projects: tuple[ProjectView, ...]
    total: int


@dataclass(frozen=True)
class FacetChoice:
    """A facet as the projects index offers it: its name and its values with their projects."""

    id: str  # one of views.FACETS
    label: str
    groups: tuple[ProjectGroup, ...]


@dataclass(frozen=True)
class ListingView(PageView):
    """A page listing projects: the index, an index of a facet, or one facet value.

    `facet` is "projects", "partners", "years" (indexes), one of FACETS (a facet value's
    page, with `term`), or "search". Title, description, eyebrow and heading are worded by the
    catalog in the page's language.
    """

    is_listing = True  # made from front-matter only: the writer keys it without a body

    facet: str = ""
    term: TermView | PartnerView | None = None
    projects: tuple[ProjectView, ...] = ()
    groups: tuple[ProjectGroup, ...] = ()
    facets: tuple[FacetChoice, ...] = ()  # the projects index: every facet to browse and filter by
    eyebrow: str = ""  # a facet value's page: the facet's name
    heading_html: Markup = Markup("")  # a facet value's page: its <h1>


@dataclass(frozen=True)
class NewsView(DocumentView):
    """A news item in one language: its date as a reader sees it, its projects and partners."""

    date_iso: str = ""  # for <time datetime>: 2019-11-19, or 2019-11 when only the month is known
    date_text: str = ""  # „19. listopadu 2019“, "November 2019" (with the language's spacing)
    projects: tuple[ProjectView, ...] = ()
    partners: tuple[PartnerView, ...] = ()
    sources: tuple[Link, ...] = ()
    image: str | None = None
    image_alt: str | None = None

    # No news item is a navigation target: every one of a language shares one header and footer.
    @property
    def nav_memo_key(self) -> tuple[str, ...]:
        return ("nav", self.nav_key, "")

    @property
    def footer_memo_key(self) -> tuple[str, ...]:
        return ("footer", "")


@dataclass(frozen=True)
class PageLink:
    """One page of a paged list: its number, its URL, and whether it is the page shown."""

    number: int
    url: str
    current: bool = False
    label: str = ""  # "Page 2" in the page's language (for screen readers)


@dataclass(frozen=True)
class NewsIndexView(PageView):
    """One page of the news index (newest first): its items and the links to the other pages."""

    is_listing = True  # made from front-matter only: the writer keys it without a body

    items: tuple[NewsView, ...] = ()
    page: int = 1
    pages: tuple[PageLink, ...] = ()  # every page of the index; one page shows no pagination
    previous: PageLink | None = None
    next: PageLink | None = None
    total: int = 0
