"""`[Reference Site Collaborative Network]{lang=en}` in Markdown: a phrase in another language.

Authors mark a foreign name inside a Czech text (or a Czech one inside English) this way, as in
Pandoc's bracketed spans; it becomes `<span lang="en">…</span>`, so screen readers pronounce it
in its own language. Only `lang` is accepted (no other attributes: no style, no classes).
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.extensions import Extension
from markdown.inlinepatterns import InlineProcessor

PATTERN = r"\[([^\]\n]+)\]\{lang=([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)\}"


class _LangSpan(InlineProcessor):
    def handleMatch(self, m, data):
        span = etree.Element("span")
        span.set("lang", m.group(2))
        span.text = m.group(1)
        return span, m.start(0), m.end(0)


class LangSpans(Extension):
    def extendMarkdown(self, md):
        md.inlinePatterns.register(_LangSpan(PATTERN, md), "lang_span", 175)  # before links (160)
