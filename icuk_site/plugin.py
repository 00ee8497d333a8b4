"""The site's Pelican plugin: one `register()` wiring our pieces to Pelican's signals.

    initialized               -> validate all content (model.load_site); stop the build on any problem
    readers_init              -> read .md files with IcukMarkdownReader (front-matter already validated)
    generator_init            -> gettext, typography and date filters in every Jinja environment;
                                 `picture(name)`: responsive versions of a picture (images.py)
    article/page_generator_finalized -> attach each page's view (language, partners, URLs …)
    get_generators            -> ListingGenerator: listing pages, feeds, sitemap, open data
    finalized                 -> Pagefind search index over the written site
                                 and _headers, .well-known/security.txt, .nojekyll (security.py)
"""

from __future__ import annotations

import logging
import sys

from pelican import signals

from . import i18n, images, search, security, state, structured
from .generator import ListingGenerator
from .model import ContentError, load_site
from .reader import IcukMarkdownReader

log = logging.getLogger(__name__)


class BuildAborted(SystemExit):
    """The content has problems: they were printed; the build stops before writing anything.

    A SystemExit (code 1) so that the `pelican` command exits without a traceback.
    """

    def __init__(self, error: ContentError):
        super().__init__(1)
        self.error = error


def load_content(pelican) -> None:
    # Validation runs before Pelican reads or deletes anything: a bad file never half-builds.
    try:
        site = load_site(pelican.settings["PATH"])
        site.source_date_epoch = pelican.settings.get("SOURCE_DATE_EPOCH")
    except ContentError as e:
        print(e.report(), file=sys.stderr)
        raise BuildAborted(e) from None
    state.start(site)


def use_reader(readers) -> None:
    readers.reader_classes["md"] = IcukMarkdownReader
    readers.reader_classes["markdown"] = None  # one extension, one way to write content
    readers.reader_classes["mkd"] = None
    readers.reader_classes["mdown"] = None


def setup_jinja(generator) -> None:
    i18n.install(generator.env, generator.theme)
    generator.env.globals["catalog"] = state.current_catalog()
    generator.env.globals.update(structured.GLOBALS)


def attach_views(generator) -> None:
    catalog, site = state.current_catalog(), state.current_site()
    for name in ("articles", "translations", "pages", "hidden_pages", "hidden_translations"):
        for item in getattr(generator, name, ()):
            item.view = catalog.view(site.by_source[item.relative_source_path.replace("\\", "/")])
            if item.view.kind == "project":
                state.add_article(item)


def add_generators(pelican):
    return ListingGenerator


def register() -> None:
    signals.initialized.connect(load_content)
    signals.readers_init.connect(use_reader)
    signals.generator_init.connect(setup_jinja)
    signals.initialized.connect(images.start)  # responsive pictures: made once per build, cached
    signals.generator_init.connect(images.install)  # … as `picture(name)` in templates
    signals.article_generator_finalized.connect(attach_views)
    signals.page_generator_finalized.connect(attach_views)
    signals.get_generators.connect(add_generators)
    signals.finalized.connect(search.index_site)  # after every page is written
    signals.finalized.connect(security.write_files)  # _headers, security.txt, .nojekyll
