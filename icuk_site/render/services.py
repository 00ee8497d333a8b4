"""What the services' templates see: a service page, the services overview, the services a
project page links to — resolved and worded for one language.

`Services` is made by the catalog (views.Catalog.services) and asks it for what all views share
(words, trails, years, alternates); it never imports views.py (views.py imports this module).
A call's status comes from the build's date (Site.reference_date: SOURCE_DATE_EPOCH, never the
clock): the same sources build the same pages, and no call is shown open after it closed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from markupsafe import Markup

from ..content import Document, Link, Years, url_for
from ..content.services import call_status
from ..content.vocab import AUDIENCES
from . import i18n, typography
from .pageviews import DocumentView, ListingView, TermView, named_by
from .words import _

# What a reader sees for each status of a call (content.services.call_status).
CALL_STATUS_LABELS = {"upcoming": _("Upcoming"), "open": _("Open for applications"), "closed": _("Closed")}
TITLE = _("Services")
DESCRIPTION = _("What the Innovation Centre of the Usti Region offers companies, schools and the region: "
                "grants, competitions, incubation, workshops and regional platforms.")


@dataclass(frozen=True)
class CallView:
    """One call of a service, with its status on the build's date and its dates worded."""

    name: str | None
    opens: dt.date
    closes: dt.date
    opens_text: str  # the date as the page's language writes it ("21 April 2020", „21. dubna 2020“)
    closes_text: str
    status: str  # upcoming | open | closed
    status_label: str


@dataclass(frozen=True)
class NewsLink:
    """An item of the news section shown under "Related news" (the news type fills these in)."""

    title: str
    url: str
    date: dt.date
    date_text: str
    html: Markup
    date_iso: str = ""  # for <time datetime>: "2019-11" when only the month is known (default: the date)

    @property
    def datetime(self) -> str:
        return self.date_iso or self.date.isoformat()


@dataclass(frozen=True)
class ServiceView(DocumentView):
    audiences: tuple[TermView, ...] = ()  # each links to its group on the services overview
    years: Years | None = None
    years_text: str = ""  # "2016–2020", "since 2023"; "" without years
    calls: tuple[CallView, ...] = ()  # oldest first
    projects: tuple[TermView, ...] = ()  # the related projects' pages (label = title)
    links: tuple[Link, ...] = ()
    news: tuple[NewsLink, ...] = ()  # related news, newest first; () hides the section

    @property
    def open_calls(self) -> tuple[CallView, ...]:
        return tuple(c for c in self.calls if c.status == "open")


@dataclass(frozen=True)
class AudienceGroup:
    """One audience on the services overview: its name, what it is offered, its services."""

    term: TermView
    description: str
    services: tuple[ServiceView, ...]


@dataclass(frozen=True)
class ServicesIndexView(ListingView):
    audience_groups: tuple[AudienceGroup, ...] = ()


def date_text(value: dt.date, lang: str) -> str:
    """A date as the page's language writes it (the templates' `date` filter does the same)."""
    text = i18n._format_date(value, "long", lang)
    return typography.czech_nbsp_text(text) if lang == "cs" else text


class Services:
    """The service views of one build; `catalog` is the views.Catalog that made it."""

    def __init__(self, catalog):
        self.catalog = catalog
        self.site = catalog.site
        self._views: dict[tuple[str, str], ServiceView] = {}

    def audience(self, value: str, lang: str) -> TermView:
        label = AUDIENCES[value].label(lang)
        return TermView(value, label, f"{url_for('services', lang)}#{value}", typography.text(label, lang))

    def call(self, call, lang: str) -> CallView:
        status = call_status(call, self.site.reference_date)
        return CallView(call.name, call.opens, call.closes, date_text(call.opens, lang), date_text(call.closes, lang),
                        status, self.catalog.word(lang, CALL_STATUS_LABELS[status]))

    def view(self, doc: Document) -> ServiceView:
        key = (doc.key, doc.lang)
        if key not in self._views:
            lang, cat = doc.lang, self.catalog
            projects = tuple(TermView(p.key, p.title, p.url, typography.text(p.title, lang))
                             for slug in doc.projects if (p := self.site.get("project", slug, lang)) is not None)
            self._views[key] = cat.document_view(
                ServiceView, doc,
                audiences=tuple(self.audience(a, lang) for a in doc.audience),
                years=doc.years, years_text=cat.years_text(doc.years, lang),
                calls=tuple(self.call(c, lang) for c in doc.calls), projects=projects, links=doc.links,
                news=tuple(cat.service_news(doc)),
            )
        return self._views[key]

    def all(self, lang: str) -> tuple[ServiceView, ...]:
        return tuple(self.view(d) for d in self.site.services(lang))

    def of_project(self, slug: str, lang: str) -> tuple[TermView, ...]:
        """The services that name a project, in reading order: its page links back to them."""
        return tuple(TermView(d.key, d.title, d.url, typography.text(d.title, lang))
                     for d in self._by_project.get((slug, lang), ()))

    @cached_property
    def _by_project(self) -> dict[tuple[str, str], tuple[Document, ...]]:
        # Documents, not ServiceViews: a service's view shows its projects' news, whose views show their projects.
        return named_by(self.site.services, lambda d: d.projects)

    def index(self, lang: str) -> ServicesIndexView:
        services = self.all(lang)
        groups = tuple(
            AudienceGroup(self.audience(a, lang), AUDIENCES[a].description(lang), shown)
            for a in AUDIENCES if (shown := tuple(s for s in services if a in s.doc.audience))
        )
        cat = self.catalog
        return ServicesIndexView(
            lang=lang, url=url_for("services", lang), alternates=cat.route_alternates("services"),
            nav_key="services", nav_target=True, kind="services", facet="services",
            updated=max((s.updated for s in services), default=None),
            title=cat.word(lang, TITLE), description=cat.word(lang, DESCRIPTION),
            breadcrumbs=tuple(cat.trail(lang, "services")), audience_groups=groups,
        )
