"""The validated site of the build in progress (one build at a time per process).

Set when Pelican starts (signal `initialized`), read by the reader, the generator and the
finalisers. Kept out of Pelican's settings because the content cache pickles the settings.
"""

from __future__ import annotations

from .model import Site
from .views import Catalog

_site: Site | None = None
_catalog: Catalog | None = None
# Pelican's Article objects by (slug, lang): the feeds take their rendered content.
_articles: dict[tuple[str, str], object] = {}


def start(site: Site) -> Catalog:
    global _site, _catalog
    _site, _catalog = site, Catalog(site)
    _articles.clear()
    return _catalog


def add_article(article) -> None:
    _articles[(article.slug, article.lang)] = article


def current_articles() -> dict[tuple[str, str], object]:
    return _articles


def current_site() -> Site:
    if _site is None:
        raise RuntimeError("the icuk_site plugin did not load the content (is it in PLUGINS?)")
    return _site


def current_catalog() -> Catalog:
    current_site()
    return _catalog  # type: ignore[return-value]
