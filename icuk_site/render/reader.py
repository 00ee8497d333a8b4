"""A Pelican reader for our Markdown files.

It does not parse front-matter itself: the session already validated every file when the
build started (content.load_site), so the reader takes the clean `Document` for the path,
renders its Markdown body (or takes the body the session rendered on two cores), applies the
language's typography and hands Pelican its metadata.
"""

from __future__ import annotations

import os

from markdown import Markdown
from markupsafe import escape
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from . import typography
from .lang_spans import LangSpans

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
    md = Markdown(extensions=[*MARKDOWN_EXTENSIONS, LangSpans()], output_format="html")

    def render(doc) -> str:
        md.reset()
        return typography.html(md.convert(doc.body), doc.lang)

    return render


class IcukMarkdownReader(BaseReader):
    """Made per build by `for_session` (Pelican makes readers from a class and the settings)."""

    enabled = True
    file_extensions = ["md"]
    session = None  # set on the per-build subclass

    def __init__(self, settings):
        super().__init__(settings)
        self._render = make_render()

    def read(self, source_path):
        site, bodies = self.session.site, self.session.bodies
        rel = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        doc = site.by_source[rel]
        content = bodies.pop(rel, None)
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
            "template": {"project": "article", "news": "news"}.get(doc.kind, doc.template),
        }
        if doc.modified:
            metadata["modified"] = _datetime(doc.modified)
        if doc.kind == "project":
            metadata["category"] = self.process_metadata("category", doc.category)
        elif doc.template in ("home", "404"):
            metadata["status"] = "hidden"  # written, but not listed among the pages
        return content, metadata


def for_session(session) -> type[IcukMarkdownReader]:
    return type("SessionMarkdownReader", (IcukMarkdownReader,), {"session": session})
