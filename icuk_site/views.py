"""What templates see: the validated content, resolved for one language.

`Catalog` is built once per build from a `model.Site`. It resolves partner IDs to names in
the page's language, vocabulary IDs to labels, and documents to URLs, so templates only
present data and never work it out. Every rendered page gets a `view` (a `PageView` or one
of its subclasses) that the base template reads: language, title, description, URL,
translations, navigation key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from . import model
from .model import CATEGORIES, LANG_AUTONYMS, LANGS, PHASES, Document, Site, Term, url_for


@dataclass(frozen=True)
class Alternate:
    lang: str
    url: str
    autonym: str


@dataclass(frozen=True)
class TermView:
    """A vocabulary value (category, phase, partner kind) in one language."""

    id: str
    label: str
    url: str | None = None


@dataclass(frozen=True)
class PartnerView:
    id: str
    name: str
    short: str | None
    url: str | None
    kind: TermView


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
    kind: str = "page"  # page | project | listing | home | 404

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
    years: model.Years | None = None
    links: tuple[model.Link, ...] = ()
    image: str | None = None
    image_alt: str | None = None
    updated: object = None


@dataclass(frozen=True)
class ProjectGroup:
    term: TermView
    description: str
    projects: tuple[ProjectView, ...]


@dataclass
class Catalog:
    site: Site
    _projects: dict[tuple[str, str], ProjectView] = field(default_factory=dict)

    # ---- vocabulary -------------------------------------------------------------------
    def term(self, vocabulary: dict[str, Term], value: str, lang: str) -> TermView:
        return TermView(value, vocabulary[value].label(lang))

    def category(self, value: str, lang: str) -> TermView:
        return TermView(value, CATEGORIES[value].label(lang), url_for("projects", lang) + f"#{value}")

    def phase(self, value: str, lang: str) -> TermView:
        return TermView(value, PHASES[value].label(lang))

    def partner(self, pid: str, lang: str) -> PartnerView:
        p = self.site.partners[pid]
        return PartnerView(pid, p.name(lang), p.short, p.url, self.term(model.PARTNER_KINDS, p.kind, lang))

    # ---- documents --------------------------------------------------------------------
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
                doc=doc,
                summary=doc.summary,
                category=self.category(doc.category, lang),
                phase=self.phase(doc.phase, lang),
                partners=tuple(self.partner(p, lang) for p in doc.partners),
                years=doc.years,
                links=doc.links,
                image=doc.image,
                image_alt=doc.image_alt,
                updated=doc.updated,
            )
        return self._projects[key]

    def page(self, doc: Document) -> PageView:
        kind = doc.template if doc.template in ("home", "404") else "page"
        return PageView(
            lang=doc.lang,
            title=doc.title,
            description=doc.summary,
            url=doc.url,
            alternates=self.alternates(doc),
            nav_key=doc.slug if doc.nav_label else ("home" if kind == "home" else ""),
            kind=kind,
        )

    def view(self, doc: Document) -> PageView:
        return self.project(doc) if doc.kind == "project" else self.page(doc)

    # ---- lists ------------------------------------------------------------------------
    def projects(self, lang: str) -> tuple[ProjectView, ...]:
        return tuple(self.project(d) for d in self.site.projects(lang))

    def by_category(self, lang: str) -> tuple[ProjectGroup, ...]:
        return self._by_category[lang]

    @cached_property
    def _by_category(self) -> dict[str, tuple[ProjectGroup, ...]]:
        out = {}
        for lang in LANGS:
            projects = self.projects(lang)
            out[lang] = tuple(
                ProjectGroup(
                    self.category(cid, lang),
                    term.description(lang),
                    tuple(p for p in projects if p.category.id == cid),
                )
                for cid, term in CATEGORIES.items()
                if any(p.category.id == cid for p in projects)
            )
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

    def page_by_slug(self, slug: str, lang: str) -> PageView | None:
        doc = self.site.get("page", slug, lang)
        return self.page(doc) if doc else None

    def url(self, route: str, lang: str, **params: str) -> str:
        return url_for(route, lang, **params)
