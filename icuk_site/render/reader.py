"""A Pelican reader for our Markdown files.

It does not parse front-matter itself: the session already validated every file when the
build started (content.load_site), so the reader takes the clean `Document` for the path,
renders its Markdown body (or takes the body the session rendered on two cores), applies the
language's typography and hands Pelican its metadata.

`{SITEURL}` in a body's text becomes a link to the site's public address (SITEURL of a publish
build, e.g. the accessibility statement's "applies to the website https://…"); the local preview
has no public address (SITEURL is ""), so there it names the preview's own, PREVIEW_ADDRESS.
"""

from __future__ import annotations

import os
import re

from markdown import Markdown
from markupsafe import Markup, escape
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
    # Markdown inside a block of HTML marked markdown="1": how an author keeps a passage out of
    # the search index (<div data-pagefind-ignore="index" markdown="1">, docs/authoring.md).
    "markdown.extensions.md_in_html",
]


PREVIEW_ADDRESS = "http://127.0.0.1:8000"  # where `invoke serve` / `invoke livereload` serve


# As typography leaves it: English typogrify wraps the capitals in <span class="caps">.
SITEURL_RE = re.compile(r'\{(?:<span class="caps">)?SITEURL(?:</span>)?\}')


def site_address(html: str, siteurl: str) -> str:
    """`{SITEURL}` in rendered text -> a link to the site's address (after typography: never touched by it)."""
    if "SITEURL" not in html:
        return html
    shown = siteurl if siteurl.startswith(("https://", "http://")) else PREVIEW_ADDRESS
    return SITEURL_RE.sub(lambda m: str(Markup('<a href="{}/">{}</a>').format(siteurl, shown)), html)


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
        content = site_address(content, self.settings.get("SITEURL", ""))
        metadata = {
            "title": doc.title,
            "slug": doc.slug,
            "lang": doc.lang,
            # What pairs the twins for Pelican too (pelicanconf.py ARTICLE_TRANSLATION_ID): the file name.
            "translation_key": doc.key,
            "date": _datetime(doc.date),
            # Pelican treats a summary as HTML (feeds); ours is plain text.
            "summary": str(escape(doc.summary)),
            "url": doc.url,
            "save_as": doc.save_as,
            "template": {"project": "article", "service": "service", "news": "news"}.get(doc.kind, doc.template),
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
