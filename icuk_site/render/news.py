"""The news (Aktuality) as templates see it: each item, the paged index, the latest items, and the
items that name a project or a partner — resolved and worded for one language.

`views.Catalog.news` makes one `NewsCatalog` per build; it asks the catalog for what items link
to (projects, partners, trails), so a project's view is the same object wherever it is shown.
A news item's date is its own (`date`, the day it happened); with `date_precision: month` only
the month is known, and the page says only the month (`<time datetime="2019-09">`).
"""

from __future__ import annotations

from functools import cached_property

from babel.dates import format_date

from ..content import LANG_AUTONYMS, LANGS, Document, sort_key, url_for
from .pageviews import LOCALES, Alternate, NewsIndexView, NewsView, PageLink, ProjectGroup, named_by
from .typography import czech_nbsp_text
from .words import _

NEWS_PER_PAGE = 10  # items per page of the news index
HOME_NEWS = 3  # the latest items on the home page

NEWS_TEXTS = (_("News"), _("What is new at the Innovation Centre of the Usti Region, newest first."))
PAGE_TITLE = _("News – page %(num)s")
PAGE_LABEL = _("Page %(num)s")
# Babel's patterns: the day, or only the month (standalone: "listopad 2015", not "listopadu"), in
# the language's territory (en_GB: "19 November 2019").
DATE_FORMATS = {"day": "long", "month": "LLLL y"}


def date_text(doc: Document) -> str:
    """The item's date as a reader sees it, with the language's spacing („19.\u00a0listopadu 2019“)."""
    text = format_date(doc.date, format=DATE_FORMATS[doc.date_precision], locale=LOCALES[doc.lang])
    return czech_nbsp_text(text) if doc.lang == "cs" else text


def date_iso(doc: Document) -> str:
    """A valid <time datetime>: the day, or the month when only the month is known."""
    return doc.date.isoformat()[:7] if doc.date_precision == "month" else doc.date.isoformat()


def index_url(lang: str, page: int) -> str:
    return url_for("news_index", lang) if page == 1 else url_for("news_page", lang, slug=str(page))


class NewsCatalog:
    def __init__(self, catalog):
        self.catalog = catalog
        self.site = catalog.site
        self._items: dict[tuple[str, str], NewsView] = {}

    def item(self, doc: Document) -> NewsView:
        key = (doc.key, doc.lang)
        if key not in self._items:
            c, lang = self.catalog, doc.lang
            projects = (self.site.get("project", pid, lang) for pid in doc.projects)
            self._items[key] = c.document_view(
                NewsView, doc,
                date_iso=date_iso(doc),
                date_text=date_text(doc),
                projects=tuple(c.project(p) for p in projects if p is not None),
                partners=tuple(c.partner(p, lang) for p in doc.partners),
                sources=doc.sources,
                image=doc.image,
                image_alt=doc.image_alt,
            )
        return self._items[key]

    def items(self, lang: str) -> tuple[NewsView, ...]:
        """Every item of a language, newest first."""
        return self._all[lang]

    @cached_property
    def _all(self) -> dict[str, tuple[NewsView, ...]]:
        return {lang: tuple(self.item(d) for d in self.site.news(lang)) for lang in LANGS}

    def latest(self, lang: str, n: int = HOME_NEWS) -> tuple[NewsView, ...]:
        return self.items(lang)[:n]

    # ---- what names a project or a partner -------------------------------------------------
    @cached_property
    def _by_project(self) -> dict[tuple[str, str], tuple[NewsView, ...]]:
        return named_by(self.items, lambda item: item.doc.projects)  # newest first, as the items

    @cached_property
    def _by_partner(self) -> dict[tuple[str, str], tuple[NewsView, ...]]:
        return named_by(self.items, lambda item: item.doc.partners)

    def for_project(self, project) -> tuple[NewsView, ...]:
        """The items about a project (a ProjectView), newest first. Items name a project by its ID
        (the file name, the translation key)."""
        return self._by_project.get((project.doc.key, project.lang), ())

    def for_partner(self, pid: str, lang: str) -> tuple[NewsView, ...]:
        return self._by_partner.get((pid, lang), ())

    def partner_groups(self, lang: str) -> tuple[ProjectGroup, ...]:
        """Partners that news items name but no project does, as empty partner groups (their pages
        list only their news), in reading order."""
        with_projects = {g.term.id for g in self.catalog.facet("partner", lang)}
        named = {pid for (pid, item_lang) in self._by_partner if item_lang == lang} - with_projects
        terms = sorted((self.catalog.partner(pid, lang) for pid in named), key=lambda t: sort_key(t.name, lang))
        return tuple(ProjectGroup("partner", term, ()) for term in terms)

    # ---- the index ----------------------------------------------------------------------
    def index_pages(self, lang: str) -> tuple[NewsIndexView, ...]:
        """The pages of the news index of a language (at least one, also with no news)."""
        return self._index[lang]

    @cached_property
    def _index(self) -> dict[str, tuple[NewsIndexView, ...]]:
        out = {}
        c = self.catalog
        for lang in LANGS:
            items = self.items(lang)
            count = max(1, -(-len(items) // NEWS_PER_PAGE))
            links = tuple(PageLink(n, index_url(lang, n), label=c.word(lang, PAGE_LABEL, num=n))
                          for n in range(1, count + 1))
            title, description = NEWS_TEXTS
            newest = max((i.updated for i in items), default=None)
            pages = []
            for n in range(1, count + 1):
                url = index_url(lang, n)
                page_title = c.word(lang, title) if n == 1 else c.word(lang, PAGE_TITLE, num=n)
                trail = tuple(c.trail(lang, "news_index"))
                if n > 1:
                    trail = (*trail, c.crumb(page_title, url, lang))
                pages.append(NewsIndexView(
                    lang=lang, title=page_title, description=c.word(lang, description), url=url,
                    alternates=self._alternates(n),
                    nav_key="news", nav_target=True, kind="news-index", updated=newest, breadcrumbs=trail,
                    items=items[(n - 1) * NEWS_PER_PAGE:n * NEWS_PER_PAGE], page=n,
                    pages=tuple(PageLink(p.number, p.url, p.number == n, p.label) for p in links) if count > 1 else (),
                    previous=links[n - 2] if n > 1 else None, next=links[n] if n < count else None,
                    total=len(items),
                ))
            out[lang] = tuple(pages)
        return out

    def _alternates(self, n: int) -> tuple[Alternate, ...]:
        """Page n of the index in each language that has that many pages (the first: every language)."""
        return tuple(Alternate(lang, index_url(lang, n), LANG_AUTONYMS[lang]) for lang in LANGS
                     if n == 1 or len(self.site.news(lang)) > (n - 1) * NEWS_PER_PAGE)
