"""The site's Pelican plugin: one `register()` wiring our pieces to Pelican's signals.

    initialized (start)       -> validate all content (model.load_site; unchanged files' results
                                 remembered in CACHE_PATH, reuse.ParseCache); stop on any problem;
                                 then pictures (images.py) and the search index (search.py) start
    readers_init              -> read .md files with IcukMarkdownReader (front-matter already validated);
                                 many uncached bodies: a second process renders half (parallel.py)
    generator_init            -> gettext, typography and date filters in every Jinja environment;
                                 `picture(name)`: responsive versions of a picture (images.py)
    article/page_generator_finalized -> attach each page's view (language, partners, URLs …)
    get_generators            -> ListingGenerator: listing pages, feeds, sitemap, open data
    get_writer                -> IncrementalWriter: files written by a helper process; a page
                                 kept from the last build is not made again (incremental.py)
    content_written, page_writer_finalized
                              -> stage the pages Pagefind indexes; start it per language (search.py)
    finalized (finish)        -> every page on disk (incremental.py); wait for the search index
                                 (search.py); _headers, .well-known/security.txt, .nojekyll (security.py)
"""

from __future__ import annotations

import logging
import sys

from pelican import signals

from . import i18n, images, incremental, reader, reuse, search, security, state, structured
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
    settings = pelican.settings
    # With the content cache on, each unchanged file's validation is remembered (reuse.py).
    cache = None
    if settings.get("LOAD_CONTENT_CACHE") or settings.get("CACHE_CONTENT"):
        cache = reuse.ParseCache(settings["CACHE_PATH"], load=bool(settings.get("LOAD_CONTENT_CACHE")))
    try:
        site = load_site(settings["PATH"], parse=cache)
        site.source_date_epoch = settings.get("SOURCE_DATE_EPOCH")
    except ContentError as e:
        print(e.report(), file=sys.stderr)
        raise BuildAborted(e) from None
    finally:
        if cache is not None and settings.get("CACHE_CONTENT"):
            cache.save()
    state.start(site)
    incremental.start(settings, site)  # the fingerprint of this build's inputs (incremental builds)


def use_reader(readers) -> None:
    reader.register_owner(readers)  # its content cache tells which bodies a second process may render
    readers.reader_classes["md"] = IcukMarkdownReader
    readers.reader_classes["markdown"] = None  # one extension, one way to write content
    readers.reader_classes["mkd"] = None
    readers.reader_classes["mdown"] = None


def setup_jinja(generator) -> None:
    i18n.install(generator.env, generator.theme)
    generator.env.globals["catalog"] = state.current_catalog()
    generator.env.globals.update(structured.GLOBALS)
    generator.env.globals["memo"] = reuse.make_memo()  # a fragment rendered once per build
    # Templates do not change during a build: no stat() per include; compiled once for all of
    # Pelican's environments (and kept in CACHE_PATH between builds when the cache is on).
    generator.env.auto_reload = False
    cache_dir = generator.settings["CACHE_PATH"] if generator.settings.get("CACHE_CONTENT") else None
    generator.env.bytecode_cache = reuse.TemplateCodeCache(cache_dir)


def attach_views(generator) -> None:
    catalog, site = state.current_catalog(), state.current_site()
    for name in ("articles", "translations", "pages", "hidden_pages", "hidden_translations"):
        for item in getattr(generator, name, ()):
            item.view = catalog.view(site.by_source[item.relative_source_path.replace("\\", "/")])
            if item.view.kind == "project":
                state.add_article(item)


def add_generators(pelican):
    return ListingGenerator


def start(pelican) -> None:
    """Signal `initialized`, in this order (blinker does not order a signal's receivers):
    validate all content first — nothing else starts for content with problems."""
    load_content(pelican)
    images.start(pelican)  # responsive pictures: made once per build, cached
    search.start(pelican)  # search index: pages staged as written …


def finish(pelican) -> None:
    """Signal `finalized`, in this order."""
    incremental.flush()  # every page on disk (the writer's helper is done)
    search.index_site(pelican)  # … wait for the search index, put it into the output
    security.write_files(pelican)  # _headers, security.txt, .nojekyll


def register() -> None:
    # One receiver per signal where the order matters: blinker keeps a signal's receivers in a set.
    signals.initialized.connect(start)
    signals.readers_init.connect(use_reader)
    signals.generator_init.connect(setup_jinja)
    signals.generator_init.connect(images.install)  # `picture(name)` in templates
    signals.article_generator_finalized.connect(attach_views)
    signals.page_generator_finalized.connect(attach_views)
    signals.all_generators_finalized.connect(reader.finish_prefetch)  # every file read: stop the worker
    signals.get_generators.connect(add_generators)
    signals.get_writer.connect(incremental.get_writer)  # skips pages kept from the last build
    signals.article_generator_write_article.connect(incremental.before_article)  # project pages on two cores
    signals.article_writer_finalized.connect(incremental.after_articles)
    signals.content_written.connect(search.page_written)
    signals.page_writer_finalized.connect(search.launch)  # … indexed while the listing pages are made
    signals.finalized.connect(finish)
