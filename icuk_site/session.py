"""The build in progress: one object holding all of one build's state, made in one place.

Pelican sends `get_generators` at the start of every run — once for `pelican content`, once
per rebuild of `pelican -r` — before it reads or deletes anything. The plugin starts a
`Session` there (`start`): it validates all content first (nothing else starts for content
with problems), then makes what the build needs and keeps it here:

    settings   Pelican's settings of this run (the session is kept in them as ICUK_SESSION)
    site       the validated content (content.Site), each document dated by the git history
               (build/history.py), and `catalog`, its views per language
    plan       the incremental plan (build/incremental.py) when the safe build asked for one
    pictures   responsive pictures made on first use (render/images.py)
    previews   link previews (Open Graph, X card) and their pictures, publish builds (render/previews.py)
    search     the search index being staged (outputs/search.py)
    bodies     Markdown bodies rendered before Pelican reads, on two cores (cold builds)
    articles   Pelican's Article objects by (translation key, lang), for the feeds' content (news:
               news_articles)
    templates  compiled templates shared by this build's Jinja environments

Nothing of one build is left for the next: a new run makes a new session, and `close()` ends
the old one. Modules get what they need from the session as arguments; only plugin.py, the
listing generator and the safe build look it up, with `of(settings)`.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

from .build import history, incremental, parallel
from .content import IMAGES_DIR, BuildAborted, ContentError, load_site
from .content.cache import ParseCache
from .content.messages import M
from .outputs.search import SearchIndex, remove_stale
from .render.images import Pictures
from .render.previews import Previews
from .render.reader import make_render
from .render.views import Catalog

SESSION = "ICUK_SESSION"  # where the session is kept in Pelican's settings
TARGET = "ICUK_TARGET"  # set by the safe build: the output folder it replaces (incremental builds)


@dataclass(eq=False)
class Session:
    settings: dict
    site: object
    catalog: Catalog
    plan: incremental.Plan | None
    pictures: Pictures
    search: SearchIndex | None
    previews: Previews | None = None
    bodies: dict[str, str] = field(default_factory=dict)
    articles: dict[tuple[str, str], object] = field(default_factory=dict)
    news_articles: dict[tuple[str, str], object] = field(default_factory=dict)
    templates: dict[str, bytes] = field(default_factory=dict)
    finished: bool = False  # every step of `finalized` done: the output is complete

    def close(self) -> None:
        """Stop whatever may still run (Pagefind) and remove scratch files; safe to call twice."""
        if self.search is not None:
            self.search.close()


def start(settings: dict) -> Session:
    """Validate all content, then make this build's session; a content problem raises BuildAborted."""
    previous = settings.get(SESSION)
    if previous is not None:
        previous.close()
    cache = None
    if settings.get("LOAD_CONTENT_CACHE") or settings.get("CACHE_CONTENT"):
        cache = ParseCache(settings, load=bool(settings.get("LOAD_CONTENT_CACHE")))
    # Pictures are published only as the versions a page uses (render/images.py), never as the
    # files in content/images/: an unused or deleted project's picture is not in the output.
    settings["STATIC_PATHS"] = [p for p in settings.get("STATIC_PATHS", []) if p.strip("/") != IMAGES_DIR]
    try:
        # A build for the public address (publishconf.py) is strict like `invoke check`: no TODO.
        site = load_site(settings["PATH"], parse=cache, strict=bool(settings.get("SITEURL")))
    except ContentError as e:
        print(e.report(), file=sys.stderr)  # in the author's language (content/messages.py)
        print(M("Nothing was built. Fix the problems above; for an edit loop that waits for the fix, "
                "use `uv run invoke livereload`.").say(), file=sys.stderr)
        raise BuildAborted(e) from None
    finally:
        if cache is not None and settings.get("CACHE_CONTENT"):
            cache.save_cache()
    # Each document's last change from the git history, one pass for all (build/history.py).
    dates = history.changes(settings["PATH"], publish=bool(settings.get("SITEURL")),
                            epoch=settings.get("SOURCE_DATE_EPOCH"))
    site = site.dated(dates.times)
    for warning in (*site.warnings, *dates.warnings):
        print(f"{M('warning').say()}: {warning}", file=sys.stderr)
    site.source_date_epoch = settings.get("SOURCE_DATE_EPOCH")
    plan = incremental.plan(settings, Path(settings[TARGET])) if settings.get(TARGET) else None
    if plan is not None:
        plan.fingerprint = incremental.fingerprint(settings, site)
    search = None
    if settings.get("SEARCH_INDEX", True):
        remove_stale()
        search = SearchIndex(Path(settings["OUTPUT_PATH"]), plan)
    session = Session(settings, site, Catalog(site), plan,
                      Pictures(settings["PATH"], settings["OUTPUT_PATH"], settings["CACHE_PATH"]), search,
                      bodies=_bodies(settings, site))
    catalog = session.catalog
    session.previews = Previews(settings.get("SITEURL", ""), settings["OUTPUT_PATH"], settings["CACHE_PATH"],
                                catalog.words, settings.get("SITE_ORG", {}).get("short", "ICUK"))
    settings[SESSION] = session
    return session


def _bodies(settings: dict, site) -> dict[str, str]:
    """A cold build (no content cache to read from) renders every body: do it now, on two cores."""
    cached = settings.get("LOAD_CONTENT_CACHE") and (Path(settings["CACHE_PATH"]) / "ArticlesGenerator-Readers").exists()
    if cached or not parallel.available():
        return {}
    render = make_render()
    docs = list(site.documents)
    html, _ = parallel.share(docs, render)
    return {doc.source: body for doc, body in zip(docs, html)}


def of(settings: dict) -> Session:
    """The session of the build these settings belong to."""
    session = settings.get(SESSION)
    if session is None:
        raise RuntimeError("the icuk_site plugin did not start this build (is it in PLUGINS?)")
    return session
