"""Where everything the site publishes lives: URL paths per language, and the slugs they reserve.

Templates and plugins ask `url_for`; nobody else builds a URL by hand. Documents are files
(`projects/<slug>.html`), collections are folders (`projects/`): docs/performance.md says why.
Each document's `{slug}` is its own file's (Czech files have Czech slugs); the listing page of
a vocabulary term takes the term's slug in the language (`term_url`: `cs/projekty/faze/realizace/`).
"""

from __future__ import annotations

from functools import lru_cache

from .vocab import CATEGORIES, PHASES, Term

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
    "service": {"en": "services/{slug}.html", "cs": "cs/sluzby/{slug}.html"},
    "services": {"en": "services/", "cs": "cs/sluzby/"},
    "feed": {"en": "feeds/projects.en.atom.xml", "cs": "feeds/projects.cs.atom.xml"},
    "news": {"en": "news/{slug}.html", "cs": "cs/aktuality/{slug}.html"},
    "news_index": {"en": "news/", "cs": "cs/aktuality/"},
    "news_page": {"en": "news/page/{slug}/", "cs": "cs/aktuality/strana/{slug}/"},  # page 2, 3, … of the index
    "news_feed": {"en": "feeds/news.en.atom.xml", "cs": "feeds/news.cs.atom.xml"},
}
# The routes whose `{slug}` is a vocabulary term's (its slug in the page's language, not its ID).
TERM_ROUTES: dict[str, dict[str, Term]] = {"category": CATEGORIES, "phase": PHASES}


def _route_folders() -> set[str]:
    """The first folder of every route in every language below the language's root: `projects`,
    `projekty`, `partneri`, `hledat`, … — a new route reserves its folder names by itself."""
    out = set()
    for paths in ROUTES.values():
        for lang, path in paths.items():
            parts = path.removeprefix(f"{lang}/").split("/")
            if len(parts) > 1 and "{" not in parts[0]:
                out.add(parts[0])
    return out


# A slug may not take a name the site uses for its own paths: pages are `{slug}.html` beside
# the site's folders in both languages and the home page (index.html, 404.html), projects
# beside the projects index. Czech pages sit beside the Czech folders (cs/projekty/, cs/hledat/).
RESERVED_PAGE_SLUGS = frozenset(
    {"cs", "en", "theme", "images", "data", "feeds", "pagefind", "well-known", "index", "404", *_route_folders()}
)
RESERVED_PROJECT_SLUGS = frozenset({"index"})
RESERVED_SLUGS = {"page": RESERVED_PAGE_SLUGS, "project": RESERVED_PROJECT_SLUGS, "service": RESERVED_PROJECT_SLUGS,
                 "news": RESERVED_PROJECT_SLUGS}  # news/index.html is the news index


def reserved_slugs(kind: str) -> frozenset[str]:
    """The slugs a kind's documents may not take; a kind in a folder of its own (projects, news,
    services: `<folder>/{slug}.html` beside `<folder>/index.html`) has only "index"."""
    return RESERVED_SLUGS.get(kind, RESERVED_PROJECT_SLUGS)


@lru_cache(maxsize=65536)  # asked tens of thousands of times per build for the same few thousand URLs
def url_for(route: str, lang: str, **params: str) -> str:
    """The URL path (no leading slash) of a route in a language."""
    return ROUTES[route][lang].format(**params)


def term_url(route: str, lang: str, term_id: str) -> str:
    """The listing page of a vocabulary term (`category`, `phase`) in a language: the term's
    Czech slug on Czech pages, its ID on English ones."""
    return url_for(route, lang, slug=TERM_ROUTES[route][term_id].slug(lang))


def save_as_for(url: str) -> str:
    """The output file for a URL path: directories get an index.html."""
    return url + "index.html" if url == "" or url.endswith("/") else url
