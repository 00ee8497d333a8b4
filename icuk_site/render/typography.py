"""Typography for each language, applied to HTML (text between tags only).

English: typogrify (smart quotes, dashes, `caps` spans, no widows).
Czech: no package does Czech rules, so we write the one that matters most: a one-letter
preposition or conjunction (k, s, v, z, o, u, a, i) is joined to the next word with a
non-breaking space so that it never ends a line (ČSN 01 6910). typogrify is not used on
Czech text: it would turn quotes into English ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

from markupsafe import Markup, escape
from typogrify.filters import typogrify

NBSP = "\u00a0"
_TAG = re.compile(r"(<[^>]*>)")
_SKIP = {"pre", "code", "script", "style", "textarea", "kbd", "samp"}
_ONE_LETTER = re.compile(r"(?<![\w\u00a0.,;:/-])([ksvzouaiKSVZOUAI])[ \t\n]+(?=\S|\Z)")


def czech_nbsp_text(text: str) -> str:
    """Czech rule on plain text (no markup)."""
    return _ONE_LETTER.sub(lambda m: m.group(1) + NBSP, text)


def czech_nbsp(html: str) -> str:
    """Czech rule on HTML: text outside tags and outside code/pre/script blocks."""
    out, skip_depth = [], 0
    for part in _TAG.split(html):
        if part.startswith("<") and part.endswith(">"):
            name = part[1:].lstrip("/").split(None, 1)[0].rstrip(">").lower() if len(part) > 2 else ""
            if name in _SKIP:
                skip_depth += -1 if part.startswith("</") else 1
                skip_depth = max(skip_depth, 0)
            out.append(part)
        else:
            out.append(part if skip_depth else czech_nbsp_text(part))
    return "".join(out)


def english(html: str) -> str:
    return typogrify(html, ["pre", "code", "script", "style", "kbd", "samp"])


def html(html_text: str, lang: str) -> str:
    """Apply the language's typography to an HTML fragment."""
    return czech_nbsp(html_text) if lang == "cs" else english(html_text)


@lru_cache(maxsize=8192)
def text(plain: str, lang: str) -> Markup:
    """Escape plain text (e.g. a title from front-matter) and apply typography: safe HTML."""
    return Markup(html(str(escape(plain)), lang))
