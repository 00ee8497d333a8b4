"""The site's Pelican plugin: `register()` wires our pieces to Pelican's signals; nothing else.

    get_generators         -> start this build's session (session.py): validate all content first,
                              stop on any problem; then the listing generator (outputs/listings.py)
    readers_init           -> read .md files with our reader (render/reader.py), made for the session
    generator_init         -> gettext, typography and date filters, `catalog`, `memo`, `picture`, `preview_card`
                              and the shared compiled templates in every Jinja environment
    article/page_generator_finalized -> attach each page's view (language, partners, URLs …)
    get_writer             -> the writer (build/writer.py): kept pages skipped but announced
    article_writer_finalized -> the project pages collected by the writer, written on two cores
    content_written        -> every page, written or kept: staged for the search index; a kept
                              page's picture still goes into the output
    page_writer_finalized  -> start indexing (outputs/search.py) while the listing pages are made
    finalized              -> wait for the search index; _headers, security.txt, .nojekyll

Signals whose steps must run in order get one receiver each (blinker keeps receivers in a set).
The session is started at `get_generators`, which Pelican sends at the start of every run, so
`pelican -r` builds each time from scratch too.
"""

from __future__ import annotations

from jinja2 import pass_context
from pelican import signals

from . import session as sessions
from .build import writer
from .outputs import host_files
from .outputs.listings import ListingGenerator
from .render import i18n, jsonld, reader, sitelinks
from .render.templates import TemplateCodeCache, make_memo


def start(pelican):
    """Signal get_generators: a new build, a new session; our generator."""
    sessions.start(pelican.settings)
    return ListingGenerator


def use_reader(readers) -> None:
    readers.reader_classes["md"] = reader.for_session(sessions.of(readers.settings))
    for ext in ("markdown", "mkd", "mdown"):  # one extension, one way to write content
        readers.reader_classes[ext] = None


def setup_jinja(generator) -> None:
    session = sessions.of(generator.settings)
    generator.context[sessions.SESSION] = session  # Pelican copied its context before the session began
    env = generator.env
    i18n.install(env, generator.theme)
    env.globals["catalog"] = session.catalog
    session.catalog.words.theme = generator.theme  # views word titles and trails with the theme's catalog
    siteurl = generator.settings.get("SITEURL", "")

    @pass_context
    def link(ctx, url: str = "") -> str:
        """`link(url)`: a site URL path (from a view) as pages link it, SITEURL + "/" + url: absolute
        with a publish SITEURL, root-relative with the development one (""). A page's own SITEURL
        wins; components (imported without context) get the build's."""
        return f"{ctx.get('SITEURL', siteurl)}/{url}"

    env.globals["link"] = link
    env.filters["site_links"] = sitelinks.site_links  # root-relative links in a document's text get SITEURL
    env.globals.update(jsonld.GLOBALS)
    env.globals["memo"] = make_memo()  # a fragment rendered once per build
    env.globals["picture"] = session.pictures
    # A page's link preview (None in a development build, and where no session made previews:
    # the component examples' bare session).
    env.globals["preview_card"] = session.previews.card if session.previews else (lambda view: None)
    # Templates do not change during a build: no stat() per include; compiled once for all of
    # Pelican's environments (and kept in CACHE_PATH between builds when the cache is on).
    env.auto_reload = False
    cache_dir = generator.settings["CACHE_PATH"] if generator.settings.get("CACHE_CONTENT") else None
    env.bytecode_cache = TemplateCodeCache(session.templates, cache_dir)


def attach_views(generator) -> None:
    session = sessions.of(generator.settings)
    catalog, site = session.catalog, session.site
    for name in ("articles", "translations", "pages", "hidden_pages", "hidden_translations"):
        for item in getattr(generator, name, ()):
            item.view = catalog.view(site.by_source[item.relative_source_path.replace("\\", "/")])
            if item.view.kind == "project":
                session.articles[(item.view.key, item.lang)] = item
            elif item.view.kind == "news":
                session.news_articles[(item.view.key, item.lang)] = item


def get_writer(pelican):
    return writer.for_session(sessions.of(pelican.settings))


def write_projects(generator, writer=None) -> None:
    if hasattr(writer, "write_deferred"):
        writer.write_deferred()


def page_announced(path, context=None) -> None:
    """Signal content_written: a page written or kept (writer.KEPT) goes to the search index; a kept
    page's picture is put into this build's output as rendering it would have."""
    if not context or sessions.SESSION not in context:
        return  # not a page of this build's writer
    session = sessions.of(context)
    kept = bool(context.get(writer.KEPT))
    if session.search is not None:
        session.search.page(path, kept=kept)
    image = getattr(getattr(context.get("article") or context.get("page"), "view", None), "image", None)
    if kept and image:
        session.pictures(image)


def launch_search(generator, writer=None) -> None:
    session = sessions.of(generator.settings)
    if session.search is not None:
        session.search.launch()


def finish(pelican) -> None:
    """Signal finalized, in this order: the search index in the output, then the host's files."""
    session = sessions.of(pelican.settings)
    if session.search is not None:
        session.search.finish()
    host_files.write_files(pelican.settings, pelican.output_path, session.catalog)
    session.finished = True


def register() -> None:
    signals.get_generators.connect(start)
    signals.readers_init.connect(use_reader)
    signals.generator_init.connect(setup_jinja)
    signals.article_generator_finalized.connect(attach_views)
    signals.page_generator_finalized.connect(attach_views)
    signals.get_writer.connect(get_writer)
    signals.article_writer_finalized.connect(write_projects)
    signals.content_written.connect(page_announced)
    signals.page_writer_finalized.connect(launch_search)
    signals.finalized.connect(finish)
