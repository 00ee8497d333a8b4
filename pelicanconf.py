"""Development settings. publishconf.py imports these and changes what production needs."""

import os

AUTHOR = "Inovační centrum Ústeckého kraje"
SITENAME = "Usti Region – a new start"
SITEURL = ""  # root-relative links for local preview; publishconf.py sets the real one
SITE_ORG = {
    "name": "Innovation Centre of the Usti Region",
    # The name on Czech pages (its JSON-LD): the official name without the legal form (icuk-facts.md 2).
    "name_cs": "Inovační centrum Ústeckého kraje",
    "short": "ICUK",
    "legal_name": "Inovační centrum Ústeckého kraje, z.s.",
    "company_id": "04542088",
    "data_box": "gskd7qs",  # datová schránka: the electronic channel the contact page and accessibility statement name
    "street": "Velká Hradební 2800/54",
    "postcode": "400 01",
    "city": "Ústí nad Labem",
    "country": "CZ",
    "founded": "2015-11",
    "founders": [
        "Ústecký kraj",
        "Univerzita Jana Evangelisty Purkyně v Ústí nad Labem",
        "Krajská hospodářská komora Ústeckého kraje",
    ],
}

PATH = "content"
OUTPUT_PATH = "output"
THEME = "theme"
TIMEZONE = "Europe/Prague"
DEFAULT_LANG = "en"

# Our plugin does the reading, the languages and the listing pages (see icuk_site/plugin.py).
PLUGINS = ["icuk_site"]

# News items are articles too (their own template, routes and views: icuk_site/render/news.py).
ARTICLE_PATHS = ["projects", "news"]
# Services are written as pages (their template and address come from the reader and routes.py).
PAGE_PATHS = ["pages", "services"]
STATIC_PATHS = ["images"]
# Pairs the English and Czech files of one project or page: they share the file name (the
# translation key the reader gives each document); each has its own slug (content/pairing.py).
ARTICLE_TRANSLATION_ID = "translation_key"
PAGE_TRANSLATION_ID = "translation_key"
# URLs and output files are set per document by the plugin from icuk_site/content/routes.py;
# these only matter for content Pelican would place by itself (none).
# Documents are files (`projects/{slug}.html`), collections are folders (`projects/`): a folder
# per page would cost a directory for each of thousands of pages (docs/performance.md).
ARTICLE_URL = "projects/{slug}.html"
ARTICLE_SAVE_AS = "projects/{slug}.html"
ARTICLE_LANG_URL = "cs/projekty/{slug}.html"
ARTICLE_LANG_SAVE_AS = "cs/projekty/{slug}.html"
PAGE_URL = "{slug}.html"
PAGE_SAVE_AS = "{slug}.html"
PAGE_LANG_URL = "cs/{slug}.html"
PAGE_LANG_SAVE_AS = "cs/{slug}.html"

# The listing pages come from icuk_site/outputs/listings.py in both languages; Pelican's own
# one-language index, category, tag, author and archive pages are switched off.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = ""
MONTH_ARCHIVE_SAVE_AS = ""
DAY_ARCHIVE_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_LANG_SAVE_AS = ""

FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Typography is applied per language by the plugin (typogrify for English only).
TYPOGRIFY = False
# Front-matter values are text: escape everything, mark rendered Markdown |safe explicitly.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = os.environ.get("ICUK_CACHE", "1") == "1"
CACHE_CONTENT = LOAD_CONTENT_CACHE
CACHE_PATH = "cache"
# Uncompressed: Pelican reads a gzip cache through many small reads (0.7 s for 1,000 projects
# instead of 0.02 s; docs/performance.md). The files are a few MB.
GZIP_CACHE = False

# The one Content-Security-Policy: every page's <meta> (theme/templates/partials/head.html) and
# the `_headers` file (icuk_site/outputs/host_files.py adds the header-only `frame-ancestors 'none'`).
# No 'unsafe-inline': no inline scripts, no style="" attributes, no <style> elements.
# 'wasm-unsafe-eval' lets Pagefind's worker compile its WebAssembly (not eval() of JavaScript):
# a host that sends `_headers` applies the policy to the worker too, and search fails without it.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; "
    "script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; manifest-src 'self'; "
    "base-uri 'none'; form-action 'self'"
)
REFERRER_POLICY = "strict-origin-when-cross-origin"
# security.txt (RFC 9116) points its Contact at this page (a URI is required; the page has the address):
# its translation key, the file name of content/pages/en/about.md.
SECURITY_CONTACT_PAGE = "about"

BIND = "127.0.0.1"
PORT = 8000

# Atom feeds: the author of the feed and of every entry (the W3C feed validator wants one).
FEED_AUTHOR = SITE_ORG["legal_name"]
