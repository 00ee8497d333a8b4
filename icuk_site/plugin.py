"""The site's Pelican plugin: one `register()` wiring our pieces to Pelican's signals.

    initialized               -> validate all content (model.load_site); stop the build on any problem
    readers_init              -> read .md files with IcukMarkdownReader (front-matter already validated)
    generator_init            -> gettext, typography and date filters in every Jinja environment
    article/page_generator_finalized -> attach each page's view (language, partners, URLs …)
    get_generators            -> ListingGenerator for the pages no single file makes
"""

from __future__ import annotations

import logging
import sys

from pelican import signals

from . import i18n, state
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


def attach_views(generator) -> None:
    catalog, site = state.current_catalog(), state.current_site()
    for name in ("articles", "translations", "pages", "hidden_pages", "hidden_translations"):
        for item in getattr(generator, name, ()):
            item.view = catalog.view(site.by_source[item.relative_source_path.replace("\\", "/")])


def add_generators(pelican):
    return ListingGenerator


def register() -> None:
    signals.initialized.connect(load_content)
    signals.readers_init.connect(use_reader)
    signals.generator_init.connect(setup_jinja)
    signals.article_generator_finalized.connect(attach_views)
    signals.page_generator_finalized.connect(attach_views)
    signals.get_generators.connect(add_generators)
