"""Where everything the site publishes lives: URL paths per language, and the slugs they reserve.

Templates and plugins ask `url_for`; nobody else builds a URL by hand. Documents are files
(`projects/<slug>.html`), collections are folders (`projects/`): docs/performance.md says why.
"""

from __future__ import annotations

from functools import lru_cache

# URL paths (relative to SITEURL) of everything the site publishes, per language.
ROUTES: dict[str, dict[str, str]] = {
    "home": {"en": "", "cs": "cs/"},
    "page": {"en": "{slug}.html", "cs": "cs/{slug}.html"},
    "404": {"en": "404.html", "cs": "cs/404.html"},
    "project": {"en": "projects/{slug}.html", "cs": "cs/projekty/{slug}.html"},
    "projects": {"en": "projects/", "cs": "cs/projekty/"},
    "category": {"en": "projects/category/{slug}/", "cs": "cs/projekty/kategorie/{slug}/"},
    "phase": {"en": "projects/phase/{slug}/", "cs": "cs/projekty/faze/{slug}/"},
    "years": {"en": "projects/years/", "cs": "cs/projekty/roky/"},
    "year": {"en": "projects/years/{slug}/", "cs": "cs/projekty/roky/{slug}/"},
    "partners": {"en": "partners/", "cs": "cs/partneri/"},
    "partner": {"en": "partners/{slug}/", "cs": "cs/partneri/{slug}/"},
    "search": {"en": "search/", "cs": "cs/hledat/"},
    "feed": {"en": "feeds/projects.en.atom.xml", "cs": "feeds/projects.cs.atom.xml"},
    "news": {"en": "news/{slug}.html", "cs": "cs/aktuality/{slug}.html"},
    "news_index": {"en": "news/", "cs": "cs/aktuality/"},
    "news_page": {"en": "news/page/{slug}/", "cs": "cs/aktuality/strana/{slug}/"},  # page 2, 3, … of the index
    "news_feed": {"en": "feeds/news.en.atom.xml", "cs": "feeds/news.cs.atom.xml"},
}
# A slug may not take a name the site uses for its own paths: pages are `{slug}.html` beside
# the site's folders and home page (index.html, 404.html), projects beside the projects index.
RESERVED_PAGE_SLUGS = frozenset(
    {"cs", "en", "projects", "projekty", "partners", "partneri", "search", "hledat", "news", "aktuality",
     "theme", "images", "data", "feeds", "pagefind", "well-known", "index", "404"}
)
RESERVED_PROJECT_SLUGS = frozenset({"index"})
RESERVED_NEWS_SLUGS = frozenset({"index"})  # news/index.html is the news index
RESERVED_SLUGS = {"page": RESERVED_PAGE_SLUGS, "project": RESERVED_PROJECT_SLUGS, "news": RESERVED_NEWS_SLUGS}


@lru_cache(maxsize=65536)  # asked tens of thousands of times per build for the same few thousand URLs
def url_for(route: str, lang: str, **params: str) -> str:
    """The URL path (no leading slash) of a route in a language."""
    return ROUTES[route][lang].format(**params)


def save_as_for(url: str) -> str:
    """The output file for a URL path: directories get an index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url
