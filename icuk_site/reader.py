"""A Pelican reader for our Markdown files.

It does not parse front-matter itself: `model.load_site` already did (and validated every
file) when the build started, so the reader takes the clean `Document` for the path, renders
its Markdown body, applies the language's typography and hands Pelican its metadata.
"""

from __future__ import annotations

import os
import weakref

from markdown import Markdown
from markupsafe import escape
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from . import parallel, state, typography

MARKDOWN_EXTENSIONS = [
    # Heading ids for in-page links; no `attr_list` (it would let authors add style="…").
    "markdown.extensions.toc",
    "markdown.extensions.sane_lists",
    "markdown.extensions.abbr",
    "markdown.extensions.footnotes",
    "markdown.extensions.def_list",
    "markdown.extensions.fenced_code",
]


def _datetime(d):
    return SafeDatetime(d.year, d.month, d.day) if d else None


def make_render():
    """A function rendering a document's body: Markdown, then the language's typography."""
    md = Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")

    def render(doc) -> str:
        md.reset()
        return typography.html(md.convert(doc.body), doc.lang)

    return render


# Pelican's Readers objects of this build (signal readers_init): their content cache says which
# files Pelican will ask the reader for, so that a second process can render some of them.
_owners: weakref.WeakSet = weakref.WeakSet()
_prefetches: list[parallel.Prefetch] = []


def register_owner(readers) -> None:
    _owners.add(readers)


def finish_prefetch(*args) -> None:
    """Signal all_generators_finalized: every file is read; stop the worker."""
    while _prefetches:
        _prefetches.pop().close()


class IcukMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        self._render = make_render()
        self._prefetch: parallel.Prefetch | None = None
        self._kinds_seen: set[str] = set()

    def _start_prefetch(self, site, kind: str) -> None:
        """On the first file of a kind: share the files Pelican will read with a worker."""
        self._kinds_seen.add(kind)
        owner = next((r for r in _owners if r.readers.get("md") is self), None)
        if owner is None or not parallel.available():
            return
        base = self.settings["PATH"]
        todo = [d for d in site.documents if d.kind == kind
                and owner.get_cached_data(os.path.abspath(os.path.join(base, d.source))) is None]
        if len(todo) >= parallel.MIN_BODIES:
            self._prefetch = parallel.Prefetch(todo, make_render)
            _prefetches.append(self._prefetch)

    def read(self, source_path):
        site = state.current_site()
        rel = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        doc = site.by_source[rel]
        if doc.kind not in self._kinds_seen:
            self._start_prefetch(site, doc.kind)
        content = self._prefetch.take(doc) if self._prefetch is not None else None
        if content is None:
            content = self._render(doc)
        metadata = {
            "title": doc.title,
            "slug": doc.slug,
            "lang": doc.lang,
            "date": _datetime(doc.date),
            # Pelican treats a summary as HTML (feeds); ours is plain text.
            "summary": str(escape(doc.summary)),
            "url": doc.url,
            "save_as": doc.save_as,
            "template": "article" if doc.kind == "project" else doc.template,
        }
        if doc.modified:
            metadata["modified"] = _datetime(doc.modified)
        if doc.kind == "project":
            metadata["category"] = self.process_metadata("category", doc.category)
        elif doc.template in ("home", "404"):
            metadata["status"] = "hidden"  # written, but not listed among the pages
        return content, metadata
