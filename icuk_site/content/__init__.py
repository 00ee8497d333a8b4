"""The content model of the ICUK site and its validation — the one place for both.

Every project and section page is one Markdown file with YAML front-matter:

    content/projects/<lang>/<key>.md    (the twins share the file name, the translation key;
    content/pages/<lang>/<key>.md        each file has its own slug: pairing.py)
    content/services/<lang>/<key>.md
    content/news/<lang>/<key>.md        (one news item, Aktuality)
    content/data/partners.yaml      (every partner once: ID -> names, kind, …)

    vocab.py      the fixed vocabularies (languages, categories, phases, partner kinds)
    routes.py     where everything is published (`url_for`), reserved slugs
    problems.py   `Problem` (path:line: field: expected …, got …), `ContentError`, `BuildAborted`
    values.py     one parser per kind of value (text, date, years, partner IDs, links, …)
    services.py   the values only services have (audiences, project IDs, calls) and a call's status
    funding.py    the `funding:` field (EU programme, number, period) and its parser
    fields.py     the field tables: the content contract (docs/authoring*.md show them)
    documents.py  `Document` and `Partner`, the validated records
    parse.py      one file: front-matter or the partner list, both through `check_fields`
    site.py       `load_site`: every file, then the rules across files (partners, pictures, links)
    pairing.py    twins paired by file name: a twin missing, one key or one slug twice, bad names
    cache.py      unchanged files' results remembered between builds (Pelican's file cache)
"""

from .documents import Document, Partner
from .fields import FIELDS_BY_KIND, KIND_DIRS, NEWS_FIELDS, PAGE_FIELDS, PARTNER_FIELDS, PROJECT_FIELDS, SERVICE_FIELDS, FieldSpec
from .funding import Funding
from .parse import parse_document, parse_partners, split_front_matter
from .problems import BuildAborted, ContentError, Problem
from .routes import RESERVED_SLUGS, ROUTES, save_as_for, url_for
from .site import IMAGES_DIR, PARTNERS_FILE, Site, load_site
from .values import IMAGE_FORMATS, IMAGE_MAX_BYTES, SLUG_RE, Link, Years
from .vocab import (
    CATEGORIES,
    DATE_PRECISIONS,
    DEFAULT_LANG,
    FUNDING_NUMBERS,
    FUNDING_PROGRAMMES,
    FUNDS,
    LANG_AUTONYMS,
    LANGS,
    PAGE_TEMPLATES,
    PARTNER_KINDS,
    PHASES,
    Term,
    sort_key,
)

__all__ = [
    "CATEGORIES", "DATE_PRECISIONS", "DEFAULT_LANG", "FIELDS_BY_KIND", "IMAGES_DIR", "IMAGE_FORMATS",
    "IMAGE_MAX_BYTES", "KIND_DIRS", "LANGS", "LANG_AUTONYMS", "NEWS_FIELDS", "PAGE_FIELDS",
    "PAGE_TEMPLATES", "PARTNERS_FILE", "PARTNER_FIELDS", "FUNDING_NUMBERS", "FUNDING_PROGRAMMES", "FUNDS",
    "PARTNER_KINDS", "PHASES", "PROJECT_FIELDS", "SERVICE_FIELDS", "RESERVED_SLUGS", "ROUTES", "SLUG_RE",
    "BuildAborted", "ContentError", "Document", "FieldSpec", "Funding", "Link", "Partner", "Problem", "Site", "Term",
    "Years", "load_site",
    "parse_document", "parse_partners", "save_as_for", "sort_key", "split_front_matter", "url_for",
]
