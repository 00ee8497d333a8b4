"""A Pelican reader for our Markdown files.

It does not parse front-matter itself: `model.load_site` already did (and validated every
file) when the build started, so the reader takes the clean `Document` for the path, renders
its Markdown body, applies the language's typography and hands Pelican its metadata.
"""

from __future__ import annotations

import os

from markdown import Markdown
from markupsafe import escape
from pelican.readers import BaseReader
from pelican.utils import SafeDatetime

from . import state, typography

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


class IcukMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md"]

    def __init__(self, settings):
        super().__init__(settings)
        self._md = Markdown(extensions=MARKDOWN_EXTENSIONS, output_format="html")

    def read(self, source_path):
        site = state.current_site()
        rel = os.path.relpath(source_path, self.settings["PATH"]).replace(os.sep, "/")
        doc = site.by_source[rel]
        self._md.reset()
        content = typography.html(self._md.convert(doc.body), doc.lang)
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
