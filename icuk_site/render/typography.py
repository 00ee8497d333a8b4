"""Typography for each language, applied to HTML (text between tags only).

English: typogrify (smart quotes, dashes, `caps` spans, no widows).
Czech: no package does Czech rules, so we write the ones of ČSN 01 6910 that readers notice.
A non-breaking space keeps together

- a one-letter preposition or conjunction (k, s, v, z, o, u, a, i) and the next word;
- the day and the month of a date („19.␣listopadu 2019“, „1.␣12. 2026“);
- „§“ and „č.“ and their number, a law's number and „Sb.“ („99/2019␣Sb.“);
- a postcode („400␣01“), a house number and its street („Hradební␣2800/54“), the groups of a
  large number („50␣000“, „EN␣301␣549“);
- a number and the noun or unit after it („18␣subjektů“, „400␣%“; not a year: „v roce 2019 se“);
- an abbreviation and its number or its second part („ISO␣8601“, „WCAG␣2.2“, „TA␣ČR“);
- a spaced en dash and the word before it, so that no line starts with „–“ („Smart II␣– UR“).

typogrify is not used on Czech text: it would turn quotes into English ones. The rules run on
text only: never inside tags (attributes, URLs), code or scripts.
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
_MONTHS = "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
_CAPS = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_LOWER = "a-záčďéěíňóřšťúůýž"
_UNITS = "Kč|EUR|CZK|kB|MB|GB|km|kg|kW|MW|°C"
# Each pattern matches the space (or spaces) to make non-breaking; lookarounds give the context.
_CZECH_SPACES = re.compile("|".join(f"(?:{p})" for p in (
    rf"(?<=\b\d\.)[ \t]+(?=(?:{_MONTHS})\b|\d)|(?<=\b\d\d\.)[ \t]+(?=(?:{_MONTHS})\b|\d)",  # 19. listopadu, 1. 12.
    r"(?<=§)[ \t]+(?=\d)|(?<=\bč\.)[ \t]+(?=\d)",  # § 5, č. 99
    r"(?<=\d/\d{4})[ \t]+(?=Sb\.)",  # 99/2019 Sb.
    r"(?<=\b\d{3})[ \t]+(?=\d{2}\b(?![.,]\d))",  # 400 01
    rf"(?<=[{_CAPS}{_LOWER}])[ \t]+(?=\d+/\d+\b)",  # Hradební 2800/54
    r"(?<=\d)[ \t]+(?=\d{3}\b)",  # 50 000, 301 549
    rf"(?<!\b1[89]\d\d)(?<!\b20\d\d)(?<=\d)[ \t]+(?=%|[{_LOWER}]{{2,}}\b|(?:{_UNITS})\b)",  # 18 subjektů, 400 %
    rf"(?<=\b[{_CAPS}]{{2}})[ \t]+(?=\d|[{_CAPS}]{{2,}}\b)|(?<=\b[{_CAPS}]{{3}})[ \t]+(?=\d|[{_CAPS}]{{2,}}\b)"
    rf"|(?<=\b[{_CAPS}]{{4}})[ \t]+(?=\d|[{_CAPS}]{{2,}}\b)",  # ISO 8601, WCAG 2.2, TA ČR
    r"[ \t]+(?=–[ \t])",  # Smart II – UR
)))


def czech_nbsp_text(text: str) -> str:
    """Czech rules on plain text (no markup)."""
    return _CZECH_SPACES.sub(NBSP, _ONE_LETTER.sub(lambda m: m.group(1) + NBSP, text))


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


def english(html: str, widows: bool = True) -> str:
    """typogrify; `widows=False` leaves out its no-widow space (widont) between the last two words."""
    return typogrify(html, ["pre", "code", "script", "style", "kbd", "samp"], widont=widows)


def html(html_text: str, lang: str) -> str:
    """Apply the language's typography to an HTML fragment."""
    return czech_nbsp(html_text) if lang == "cs" else english(html_text)


@lru_cache(maxsize=8192)
def text(plain: str, lang: str) -> Markup:
    """Escape plain text (e.g. a title from front-matter) and apply typography: safe HTML.
    An English text of two words keeps its space: the no-widow space would join them into one
    unbreakable unit, which a phone can only break inside a word ("Autonomous mobilit|y" in a
    heading at 390 px)."""
    escaped = str(escape(plain))
    return Markup(czech_nbsp(escaped) if lang == "cs" else english(escaped, widows=len(plain.split()) > 2))
