"""What templates see: the validated content, resolved and worded for one language.

`Catalog` is built once per build from a `content.Site`. It resolves partner IDs to names in
the page's language, vocabulary IDs to labels, documents to URLs, and groups projects into
facets (category, phase, partner, year). It also decides what each page says about itself:
its title and description, its breadcrumb trail, the facet names, the footer's pages, so
templates only present data and never work it out. Every rendered page gets a `view` (a
`PageView` or one of its subclasses, pageviews.py) that the base template reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from markupsafe import Markup

from ..content import CATEGORIES, LANG_AUTONYMS, LANGS, PARTNER_KINDS, PHASES, Document, Site, sort_key, url_for
from ..content.routes import TERM_ROUTES, term_url
from ..outputs import opendata
from . import typography
from .funding import notices as funding_notices
from .news import NewsCatalog
from .pageviews import (
    Alternate,
    Crumb,
    DocumentView,
    FacetChoice,
    HomeGroup,
    ListingView,
    NavItem,
    OpenDataFile,
    PageView,
    PartnerView,
    ProjectGroup,
    ProjectView,
    TermView,
)
from .regionmap import RegionMap, region_map
from .services import NewsLink, Services, ServiceView
from .words import Words, _

__all__ = ["FACETS", "HOME_PROJECTS_PER_CATEGORY", "Alternate", "Catalog", "Crumb", "FacetChoice", "HomeGroup",
           "ListingView", "NavItem", "OpenDataFile", "PageView", "PartnerView", "ProjectGroup", "ProjectView", "ServiceView",
           "TermView"]

FACETS = ("category", "phase", "partner", "year")

# The home page shows at most this many cards per category (the most recently updated) and
# links to the category's listing page for the rest: with hundreds of projects it stays light.
HOME_PROJECTS_PER_CATEGORY = 8

# The section pages the footer links to, in this order (those that exist in the language): their
# translation keys (file names), the same in both languages whatever their slugs.
FOOTER_PAGES = ("contact", "about", "open-data", "accessibility")

# What the site's own sections are called (breadcrumbs, titles).
SECTION_NAMES = {"home": _("Home"), "projects": _("Projects"), "partners": _("Partners"), "years": _("Years"),
                 "search": _("Search"), "services": _("Services"),
                 "news_index": _("News")}
# Where each kind of document's page sits: its section of the main navigation (PageView.nav_key),
# and the section page its trail goes through (SECTION_NAMES).
DOCUMENT_SECTIONS = {"project": ("projects", "projects"), "news": ("news", "news_index"),
                     "service": ("services", "services")}
# A facet's name, and the title of one of its values' pages.
FACET_NAMES = {"category": _("Category"), "phase": _("Phase"), "partner": _("Partner"), "year": _("Year")}
FACET_TITLES = {"category": _("Category: %(name)s"), "phase": _("Phase: %(name)s"),
                "partner": _("Partner: %(name)s"), "year": _("Projects in %(year)s")}
# A facet value's page description: one sentence per facet (no count: it reads naturally in Czech).
FACET_DESCRIPTIONS = {
    "category": _("Projects of the Innovation Centre of the Usti Region in the category “%(name)s”."),
    "phase": _("Projects of the Innovation Centre of the Usti Region in the phase “%(name)s”."),
    "partner": _("Projects of the Innovation Centre of the Usti Region that %(name)s takes part in."),
    "year": _("Projects of the Innovation Centre of the Usti Region in %(name)s."),
}
# Title and description of the other listing pages.
LISTING_TEXTS = {
    "projects": (_("Projects"), _("Projects the Innovation Centre of the Usti Region is changing the region with, by category.")),
    "partners": (_("Partners"), _("The organisations the Innovation Centre of the Usti Region works with, and their projects.")),
    "years": (_("Projects by year"), _("The years the projects of the Innovation Centre of the Usti Region are active in.")),
    "search": (_("Search"), _("Search the projects and pages of the Innovation Centre of the Usti Region.")),
}
# Where a facet value's page sits in the breadcrumbs: under the projects index, or under the
# index of its facet, which sits under the projects index.
FACET_PARENTS = {"category": ("projects",), "phase": ("projects",), "partner": ("projects", "partners"),
                 "year": ("projects", "years")}


@dataclass
class Catalog:
    site: Site
    _projects: dict[tuple[str, str], ProjectView] = field(default_factory=dict)
    _pages: dict[tuple[str, str], PageView] = field(default_factory=dict)
    # Facet values by (facet, value, lang): each is made once, not once per project showing it.
    _terms: dict[tuple[str, object, str], TermView | PartnerView] = field(default_factory=dict)
    # Theme strings; the plugin points them at the theme's catalogs (plugin.setup_jinja) before
    # any view is made. Without a theme they stay English.
    words: Words = field(default_factory=Words)

    # ---- words and trails -------------------------------------------------------------------
    def word(self, lang: str, message: str, **params) -> Markup:
        return self.words.get(lang, message, **params)

    def crumb(self, label: str, url: str, lang: str) -> Crumb:
        return Crumb(label, url, typography.text(str(label), lang))

    def trail(self, lang: str, *sections: str) -> list[Crumb]:
        """The home page, then the named sections (SECTION_NAMES) in this order."""
        routes = ("home", *sections)
        return [self.crumb(self.word(lang, SECTION_NAMES[r]), url_for(r, lang), lang) for r in routes]

    def years_text(self, years, lang: str) -> str:
        if years is None:
            return ""
        if years.end and years.end != years.start:
            return f"{years.start}–{years.end}"
        if years.end:
            return str(years.start)
        return self.word(lang, _("since %(year)s"), year=years.start)

    # ---- facet values ---------------------------------------------------------------------
    def _term(self, facet: str, value, lang: str, make) -> TermView | PartnerView:
        key = (facet, value, lang)
        term = self._terms.get(key)
        if term is None:
            term = self._terms[key] = make()
        return term

    @staticmethod
    def _term_view(value: str, label: str, url: str, lang: str) -> TermView:
        return TermView(value, label, url, typography.text(label, lang))

    def category(self, value: str, lang: str) -> TermView:
        return self._term("category", value, lang, lambda: self._term_view(
            value, CATEGORIES[value].label(lang), term_url("category", lang, value), lang))

    def phase(self, value: str, lang: str) -> TermView:
        return self._term("phase", value, lang, lambda: self._term_view(
            value, PHASES[value].label(lang), term_url("phase", lang, value), lang))

    def year(self, year: int, lang: str) -> TermView:
        return self._term("year", year, lang, lambda: self._term_view(
            str(year), str(year), url_for("year", lang, slug=str(year)), lang))

    def partner(self, pid: str, lang: str) -> PartnerView:
        def make() -> PartnerView:
            p = self.site.partners[pid]
            kind = TermView(p.kind, PARTNER_KINDS[p.kind].label(lang))
            name = p.name(lang)
            return PartnerView(pid, name, p.short, p.website, kind, url_for("partner", lang, slug=pid),
                               typography.text(name, lang))

        return self._term("partner", pid, lang, make)

    # ---- documents ------------------------------------------------------------------------
    def alternates(self, doc: Document) -> tuple[Alternate, ...]:
        return tuple(
            Alternate(lang, twin.url, LANG_AUTONYMS[lang])
            for lang in LANGS
            if (twin := self.site.twin(doc, lang)) is not None
        )

    def route_alternates(self, route: str, slug: str = "") -> tuple[Alternate, ...]:
        """A listing page in each language; a vocabulary term's (`slug` its ID) under its slug in each."""
        urls = ((lang, term_url(route, lang, slug) if route in TERM_ROUTES else url_for(route, lang, slug=slug))
                for lang in LANGS)
        return tuple(Alternate(lang, url, LANG_AUTONYMS[lang]) for lang, url in urls)

    def document_view(self, cls: type[DocumentView], doc: Document, *crumbs: Crumb, **fields) -> DocumentView:
        """The view (`cls`) of a document's page (a project, news item, service): what they all say
        the same way — title, summary, address, twins, date, their section in the navigation, the
        trail (home, the section, `crumbs`, the document) — and the kind's own `fields`."""
        nav_key, section = DOCUMENT_SECTIONS[doc.kind]
        return cls(lang=doc.lang, title=doc.title, description=doc.summary, url=doc.url, alternates=self.alternates(doc),
                   nav_key=nav_key, kind=doc.kind, updated=doc.updated,
                   breadcrumbs=(*self.trail(doc.lang, section), *crumbs, self.crumb(doc.title, doc.url, doc.lang)),
                   doc=doc, summary=doc.summary, **fields)

    def project(self, doc: Document) -> ProjectView:
        key = (doc.key, doc.lang)
        if key not in self._projects:
            lang = doc.lang
            category = self.category(doc.category, lang)
            self._projects[key] = self.document_view(
                ProjectView, doc, Crumb(category.label, category.url, category.html),
                category=category,
                phase=self.phase(doc.phase, lang),
                partners=tuple(self.partner(p, lang) for p in doc.partners),
                years=doc.years,
                active_years=tuple(self.year(y, lang) for y in self.site.active_years(doc)),
                links=doc.links,
                image=doc.image,
                image_alt=doc.image_alt,
                years_text=self.years_text(doc.years, lang),
                services=self.services.of_project(doc.key, lang),
                funding=funding_notices(doc, self.words),
            )
        return self._projects[key]

    def page(self, doc: Document) -> PageView:
        key = (doc.key, doc.lang)  # made once: every page's footer asks for three of them
        if key not in self._pages:
            self._pages[key] = PageView(
                lang=doc.lang,
                title=doc.title,
                description=doc.summary,
                url=doc.url,
                alternates=self.alternates(doc),
                nav_key=doc.key if doc.nav_label else ("home" if doc.template == "home" else ""),
                nav_target=bool(doc.nav_label) or doc.template == "home",
                kind=doc.template,
                updated=doc.updated,
                # The home page and the page-not-found page (served at any URL) show no trail.
                breadcrumbs=() if doc.template in ("home", "404") else
                (*self.trail(doc.lang), self.crumb(doc.title, doc.url, doc.lang)),
            )
        return self._pages[key]

    def footer(self, lang: str) -> tuple[PageView, ...]:
        """The section pages the footer links to (FOOTER_PAGES), those the language has."""
        return tuple(v for key in FOOTER_PAGES if (v := self.page_by_key(key, lang)) is not None)

    def view(self, doc: Document) -> PageView:
        if doc.kind == "service":
            return self.services.view(doc)
        if doc.kind == "news":
            return self.news.item(doc)
        return self.project(doc) if doc.kind == "project" else self.page(doc)

    @cached_property
    def news(self) -> NewsCatalog:
        """The news items, their index and what names a project or partner (render/news.py)."""
        return NewsCatalog(self)

    # ---- services (render/services.py) ------------------------------------------------------
    @cached_property
    def services(self) -> Services:
        return Services(self)

    def service_news(self, doc: Document) -> tuple:
        """The news items that name a service (their `services`), newest first, as
        services.NewsLink (the service page hides "Related news" when there are none)."""
        return tuple(NewsLink(n.title, n.url, n.doc.date, n.date_text, n.title_html, n.date_iso)
                     for n in self.news.items(doc.lang) if doc.key in n.doc.services)

    def page_by_key(self, key: str, lang: str) -> PageView | None:
        """A section page by its translation key (file name), in a language."""
        doc = self.site.get("page", key, lang)
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

    def region_map(self, lang: str) -> RegionMap:
        """The home page's schematic map of the region (render/regionmap.py)."""
        return region_map(lang, self.words)

    def home_groups(self, lang: str) -> tuple[HomeGroup, ...]:
        """The categories on the home page (HOME_PROJECTS_PER_CATEGORY)."""
        out = []
        for group in self.by_category(lang):
            shown = group.projects
            if len(shown) > HOME_PROJECTS_PER_CATEGORY:
                newest = {id(p) for p in sorted(shown, key=lambda p: (p.doc.updated_at, p.key),
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
                    lang=lang, url=term_url(route, lang, slug) if route in TERM_ROUTES else url_for(route, lang, slug=slug),
                    alternates=self.route_alternates(route, slug=slug),
                    # Every listing but search sits under Projects in the trail, so in the menu too.
                    nav_key="search" if facet == "search" else "projects", nav_target=facet in ("projects", "search"),
                    kind=facet if facet in ("projects", "partners", "years", "search") else "facet",
                    facet=facet, updated=newest, **kw,
                )

            def index(route: str, *sections: str, **kw) -> ListingView:
                title, description = LISTING_TEXTS[route]
                return listing(route, route, title=self.word(lang, title), description=self.word(lang, description),
                               breadcrumbs=tuple(self.trail(lang, *sections)), **kw)

            facets = tuple(FacetChoice(f, self.word(lang, FACET_NAMES[f]), self.facet(f, lang)) for f in FACETS)
            pages = [
                index("projects", "projects", projects=self.projects(lang), groups=self.facet("category", lang), facets=facets),
                index("partners", "projects", "partners", groups=self.facet("partner", lang)),
                index("years", "projects", "years", groups=self.facet("year", lang)),
                index("search", "search"),
                self.services.index(lang),
            ]
            for f in FACETS:
                # A partner only news items name has a page too (with its news, no projects).
                extra = self.news.partner_groups(lang) if f == "partner" else ()
                for g in (*self.facet(f, lang), *extra):
                    url = g.term.url
                    title = self.word(lang, FACET_TITLES[f], name=g.term.label, year=g.term.label)
                    pages.append(listing(
                        f, f, slug=g.term.id, term=g.term, projects=g.projects, title=title,
                        description=self.word(lang, FACET_DESCRIPTIONS[f], name=g.term.label),
                        breadcrumbs=(*self.trail(lang, *FACET_PARENTS[f]), self.crumb(g.term.label, url, lang)),
                        eyebrow=self.word(lang, FACET_NAMES[f]), heading_html=title if f == "year" else g.term.html,
                    ))
            out[lang] = tuple(pages)
        return out

    def nav(self, lang: str) -> tuple[NavItem, ...]:
        """Section pages that asked to be in the main navigation, in their order."""
        return self._nav[lang]

    @cached_property
    def _nav(self) -> dict[str, tuple[NavItem, ...]]:
        # The services overview comes right after Projects (a listing, not a page with nav_label).
        return {
            lang: (NavItem("services", self.word(lang, SECTION_NAMES["services"]), url_for("services", lang)),) + tuple(
                NavItem(d.key, d.nav_label, d.url)
                for d in sorted(
                    (d for d in self.site.pages(lang) if d.nav_label), key=lambda d: (d.nav_order, d.key)
                )
            )
            for lang in LANGS
        }

    def sitemap_entries(self) -> list[PageView]:
        """Every HTML page of both languages that should be found (not the 404 pages)."""
        views: list[PageView] = [self.view(d) for d in self.site.documents if d.template != "404"]
        for lang in LANGS:
            views.extend(self.listings(lang))
            views.extend(self.news.index_pages(lang))
        return sorted(views, key=lambda v: v.url)

    def open_data_files(self) -> list[OpenDataFile]:
        return [OpenDataFile(path, media, fmt.replace("_", "-")) for path, media, fmt in opendata.DISTRIBUTIONS]

    def url(self, route: str, lang: str, **params: str) -> str:
        return url_for(route, lang, **params)
