"""What templates see: the validated content, resolved for one language.

`Catalog` is built once per build from a `content.Site`. It resolves partner IDs to names in
the page's language, vocabulary IDs to labels, documents to URLs, and groups projects into
facets (category, phase, partner, year), so templates only present data and never work it
out. Every rendered page gets a `view` (a `PageView` or one of its subclasses) that the base
template reads: language, title, description, URL, translations, navigation key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property

from ..content import CATEGORIES, LANG_AUTONYMS, LANGS, PARTNER_KINDS, PHASES, Document, Link, Site, Years, sort_key, url_for
from ..outputs import opendata

FACETS = ("category", "phase", "partner", "year")


@dataclass(frozen=True)
class Alternate:
    lang: str
    url: str
    autonym: str


@dataclass(frozen=True)
class TermView:
    """A facet value (category, phase, year) in one language, with its listing page."""

    id: str
    label: str
    url: str = ""


@dataclass(frozen=True)
class PartnerView:
    id: str
    name: str
    short: str | None
    website: str | None  # the organisation's own site (external), if known
    kind: TermView
    url: str  # the partner's page on this site

    @property
    def label(self) -> str:
        return self.name


@dataclass(frozen=True)
class OpenDataFile:
    path: str
    media_type: str


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
    nav_key: str = ""
    kind: str = "page"  # page | open-data | project | home | 404 | a listing kind
    updated: dt.date | None = None

    @property
    def other_langs(self) -> tuple[Alternate, ...]:
        return tuple(a for a in self.alternates if a.lang != self.lang)


@dataclass(frozen=True)
class ProjectView(PageView):
    doc: Document | None = None
    summary: str = ""
    category: TermView | None = None
    phase: TermView | None = None
    partners: tuple[PartnerView, ...] = ()
    years: Years | None = None
    active_years: tuple[TermView, ...] = ()
    links: tuple[Link, ...] = ()
    image: str | None = None
    image_alt: str | None = None

    @property
    def slug(self) -> str:
        return self.doc.slug

    @property
    def partner_ids(self) -> str:
        return " ".join(p.id for p in self.partners)

    @property
    def year_ids(self) -> str:
        return " ".join(y.id for y in self.active_years)


@dataclass(frozen=True)
class ProjectGroup:
    """Projects sharing one facet value (e.g. the infrastructure category)."""

    facet: str
    term: TermView | PartnerView
    projects: tuple[ProjectView, ...]


# The home page shows at most this many cards per category (the most recently updated) and
# links to the category's listing page for the rest: with hundreds of projects it stays light.
HOME_PROJECTS_PER_CATEGORY = 8


@dataclass(frozen=True)
class HomeGroup:
    """A category on the home page: the projects shown and how many it has in all."""

    term: TermView
    projects: tuple[ProjectView, ...]
    total: int


@dataclass(frozen=True)
class ListingView(PageView):
    """A page listing projects: the index, an index of a facet, or one facet value.

    `facet` is "projects", "partners", "years" (indexes), one of FACETS (a facet value's
    page, with `term`), or "search". Titles are theme strings: the template words them.
    """

    facet: str = ""
    term: TermView | PartnerView | None = None
    projects: tuple[ProjectView, ...] = ()
    groups: tuple[ProjectGroup, ...] = ()


@dataclass
class Catalog:
    site: Site
    _projects: dict[tuple[str, str], ProjectView] = field(default_factory=dict)
    _pages: dict[tuple[str, str], PageView] = field(default_factory=dict)
    # Facet values by (facet, value, lang): each is made once, not once per project showing it.
    _terms: dict[tuple[str, object, str], TermView | PartnerView] = field(default_factory=dict)

    # ---- facet values ---------------------------------------------------------------------
    def _term(self, facet: str, value, lang: str, make) -> TermView | PartnerView:
        key = (facet, value, lang)
        term = self._terms.get(key)
        if term is None:
            term = self._terms[key] = make()
        return term

    def category(self, value: str, lang: str) -> TermView:
        return self._term("category", value, lang, lambda: TermView(
            value, CATEGORIES[value].label(lang), url_for("category", lang, slug=value)))

    def phase(self, value: str, lang: str) -> TermView:
        return self._term("phase", value, lang, lambda: TermView(
            value, PHASES[value].label(lang), url_for("phase", lang, slug=value)))

    def year(self, year: int, lang: str) -> TermView:
        return self._term("year", year, lang, lambda: TermView(
            str(year), str(year), url_for("year", lang, slug=str(year))))

    def partner(self, pid: str, lang: str) -> PartnerView:
        def make() -> PartnerView:
            p = self.site.partners[pid]
            kind = TermView(p.kind, PARTNER_KINDS[p.kind].label(lang))
            return PartnerView(pid, p.name(lang), p.short, p.url, kind, url_for("partner", lang, slug=pid))

        return self._term("partner", pid, lang, make)

    # ---- documents ------------------------------------------------------------------------
    def alternates(self, doc: Document) -> tuple[Alternate, ...]:
        return tuple(
            Alternate(lang, twin.url, LANG_AUTONYMS[lang])
            for lang in LANGS
            if (twin := self.site.twin(doc, lang)) is not None
        )

    def route_alternates(self, route: str, **params: str) -> tuple[Alternate, ...]:
        return tuple(Alternate(lang, url_for(route, lang, **params), LANG_AUTONYMS[lang]) for lang in LANGS)

    def project(self, doc: Document) -> ProjectView:
        key = (doc.slug, doc.lang)
        if key not in self._projects:
            lang = doc.lang
            self._projects[key] = ProjectView(
                lang=lang,
                title=doc.title,
                description=doc.summary,
                url=doc.url,
                alternates=self.alternates(doc),
                nav_key="projects",
                kind="project",
                updated=doc.updated,
                doc=doc,
                summary=doc.summary,
                category=self.category(doc.category, lang),
                phase=self.phase(doc.phase, lang),
                partners=tuple(self.partner(p, lang) for p in doc.partners),
                years=doc.years,
                active_years=tuple(self.year(y, lang) for y in self.site.active_years(doc)),
                links=doc.links,
                image=doc.image,
                image_alt=doc.image_alt,
            )
        return self._projects[key]

    def page(self, doc: Document) -> PageView:
        key = (doc.slug, doc.lang)  # made once: every page's footer asks for three of them
        if key not in self._pages:
            self._pages[key] = PageView(
                lang=doc.lang,
                title=doc.title,
                description=doc.summary,
                url=doc.url,
                alternates=self.alternates(doc),
                nav_key=doc.slug if doc.nav_label else ("home" if doc.template == "home" else ""),
                kind=doc.template,
                updated=doc.updated,
            )
        return self._pages[key]

    def view(self, doc: Document) -> PageView:
        return self.project(doc) if doc.kind == "project" else self.page(doc)

    def page_by_slug(self, slug: str, lang: str) -> PageView | None:
        doc = self.site.get("page", slug, lang)
        return self.page(doc) if doc else None

    # ---- lists and facets ---------------------------------------------------------------
    def projects(self, lang: str) -> tuple[ProjectView, ...]:
        return self._all_projects[lang]

    @cached_property
    def _all_projects(self) -> dict[str, tuple[ProjectView, ...]]:
        return {lang: tuple(self.project(d) for d in self.site.projects(lang)) for lang in LANGS}

    def facet(self, name: str, lang: str) -> tuple[ProjectGroup, ...]:
        """The non-empty values of a facet, in reading order, each with its projects."""
        return self._facets[lang][name]

    def by_category(self, lang: str) -> tuple[ProjectGroup, ...]:
        return self.facet("category", lang)

    def home_groups(self, lang: str) -> tuple[HomeGroup, ...]:
        """The categories on the home page (HOME_PROJECTS_PER_CATEGORY)."""
        out = []
        for group in self.by_category(lang):
            shown = group.projects
            if len(shown) > HOME_PROJECTS_PER_CATEGORY:
                newest = {id(p) for p in sorted(shown, key=lambda p: (p.updated, p.slug),
                                                reverse=True)[:HOME_PROJECTS_PER_CATEGORY]}
                shown = tuple(p for p in group.projects if id(p) in newest)  # in the category's reading order
            out.append(HomeGroup(group.term, shown, len(group.projects)))
        return tuple(out)

    @cached_property
    def _facets(self) -> dict[str, dict[str, tuple[ProjectGroup, ...]]]:
        out: dict[str, dict[str, tuple[ProjectGroup, ...]]] = {}
        for lang in LANGS:
            projects = self.projects(lang)
            groups: dict[str, dict[str, list[ProjectView]]] = {f: {} for f in FACETS}
            terms: dict[str, dict[str, TermView | PartnerView]] = {f: {} for f in FACETS}
            for p in projects:
                values = {
                    "category": [p.category],
                    "phase": [p.phase],
                    "partner": list(p.partners),
                    "year": list(p.active_years),
                }
                for f, items in values.items():
                    for term in items:
                        groups[f].setdefault(term.id, []).append(p)
                        terms[f][term.id] = term
            order = {
                "category": lambda t: list(CATEGORIES).index(t.id),
                "phase": lambda t: list(PHASES).index(t.id),
                "partner": lambda t: sort_key(t.name, lang),
                "year": lambda t: int(t.id),
            }
            out[lang] = {
                f: tuple(
                    ProjectGroup(f, term, tuple(groups[f][term.id]))
                    for term in sorted(terms[f].values(), key=order[f])
                )
                for f in FACETS
            }
        return out

    # ---- listing pages --------------------------------------------------------------------
    def listings(self, lang: str) -> tuple[ListingView, ...]:
        """Every listing page of a language (the generator writes each one)."""
        return self._listings[lang]

    @cached_property
    def _listings(self) -> dict[str, tuple[ListingView, ...]]:
        out = {}
        for lang in LANGS:
            newest = max((p.updated for p in self.projects(lang)), default=None)

            def listing(route: str, facet: str, slug: str = "", **kw) -> ListingView:
                return ListingView(
                    lang=lang, title="", description="", url=url_for(route, lang, slug=slug),
                    alternates=self.route_alternates(route, slug=slug),
                    nav_key="search" if facet == "search" else ("partners" if route.startswith("partner") else "projects"),
                    kind=facet if facet in ("projects", "partners", "years", "search") else "facet",
                    facet=facet, updated=newest, **kw,
                )

            pages = [
                listing("projects", "projects", projects=self.projects(lang), groups=self.facet("category", lang)),
                listing("partners", "partners", groups=self.facet("partner", lang)),
                listing("years", "years", groups=self.facet("year", lang)),
                listing("search", "search"),
            ]
            for f in FACETS:
                for g in self.facet(f, lang):
                    pages.append(listing(f, f, slug=g.term.id, term=g.term, projects=g.projects))
            out[lang] = tuple(pages)
        return out

    def nav(self, lang: str) -> tuple[NavItem, ...]:
        """Section pages that asked to be in the main navigation, in their order."""
        return self._nav[lang]

    @cached_property
    def _nav(self) -> dict[str, tuple[NavItem, ...]]:
        return {
            lang: tuple(
                NavItem(d.slug, d.nav_label, d.url)
                for d in sorted(
                    (d for d in self.site.pages(lang) if d.nav_label), key=lambda d: (d.nav_order, d.slug)
                )
            )
            for lang in LANGS
        }

    def sitemap_entries(self) -> list[PageView]:
        """Every HTML page of both languages that should be found (not the 404 pages)."""
        views: list[PageView] = [self.view(d) for d in self.site.documents if d.template != "404"]
        for lang in LANGS:
            views.extend(self.listings(lang))
        return sorted(views, key=lambda v: v.url)

    def open_data_files(self) -> list[OpenDataFile]:
        return [OpenDataFile(path, media) for path, media, _ in opendata.DISTRIBUTIONS]

    def url(self, route: str, lang: str, **params: str) -> str:
        return url_for(route, lang, **params)
