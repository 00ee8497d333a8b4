"""Rules for the Markdown text below the front-matter: what would be published wrong.

    raw_html      `<script>`, `<iframe>` and the like: the site's Content-Security-Policy blocks them
    placeholders  the TODO texts `invoke new-*` writes, still there
    links         a link to a page of this site that the build does not make (any language);
                  Pelican's `{filename}` links are refused with the page's address to use instead

Code (fenced blocks, indented blocks, `inline code`) is not looked at: it is shown, not run.
External links (https://…, mailto: …) are not fetched.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from .documents import Document
from .messages import M
from .problems import Problem
from .routes import TERM_ROUTES, term_url, url_for
from .vocab import LANGS

FENCE_RE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(`+)(?:(?!\1).)+?\1")
# [text](target "title"), ![alt](target), <target> in parentheses; and [ref]: target
LINK_RE = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]*)>?(?:\s+(?:\"[^\"]*\"|'[^']*'))?\s*\)")
REF_RE = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)")
HREF_RE = re.compile(r"""<(?:a|img)\b[^>]*?\b(?:href|src)\s*=\s*["']([^"']*)["']""", re.I)
RAW_HTML_RE = re.compile(r"<\s*(script|iframe|object|embed|style|form|frame|frameset|applet|base|meta|link)\b", re.I)
EVENT_ATTR_RE = re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I)
TODO_RE = re.compile(r"\bTODO\b")
EXTERNAL = ("http:", "https:", "mailto:", "tel:", "ftp:", "//")
PELICAN_LINK_RE = re.compile(r"^(?:\{|\|)(filename|static|attach|index|tag|category|author)(?:\}|\|)(.*)$")
# Published beside the pages, outside the content model: not checked link by link.
OTHER_OUTPUTS = ("data/", "theme/", "feeds/", "pagefind/", "images/")


@lru_cache(maxsize=8192)  # three checks read each body's lines
def text_lines(body: str) -> tuple[tuple[int, str], ...]:
    """(0-based line, text) of the body, without code (fenced or indented blocks, inline code)."""
    return tuple(_text_lines(body))


def _text_lines(body: str) -> Iterable[tuple[int, str]]:
    fence = None
    prev_blank = True
    for i, line in enumerate(body.split("\n")):
        m = FENCE_RE.match(line)
        if fence:
            if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                fence = None
            continue
        if m:
            fence = m.group(1)
            continue
        if prev_blank and (line.startswith("    ") or line.startswith("\t")) and line.strip():
            continue  # an indented code block (after a blank line)
        prev_blank = not line.strip()
        yield i, INLINE_CODE_RE.sub("", line)


def _line(doc: Document, i: int) -> int | None:
    start = doc.line_of("body")
    return start + i if start else None


def raw_html(doc: Document) -> list[Problem]:
    out = []
    for i, line in text_lines(doc.body):
        for m in RAW_HTML_RE.finditer(line):
            out.append(Problem(doc.source, _line(doc, i), "text", M(
                "expected Markdown text, got an HTML element <{tag}> (the site's security policy blocks it in the browser; "
                "link to the page or video instead)", tag=m.group(1).lower())))
        for m in EVENT_ATTR_RE.finditer(line):
            out.append(Problem(doc.source, _line(doc, i), "text", M(
                "expected Markdown text, got an HTML attribute {attr} that runs a script (the site's security policy "
                "blocks it)", attr=m.group(1).lower())))
    return out


# The front-matter fields that are prose: checked for TODO placeholders here, for spelling by authoring/spelling.py.
TEXT_FIELDS = ("title", "summary", "image_alt", "nav_label")


def placeholders(doc: Document) -> list[Problem]:
    """The TODOs `invoke new-*` wrote, still in the front-matter or the text."""
    out = []
    for name in TEXT_FIELDS:
        value = getattr(doc, name, None)
        if isinstance(value, str) and TODO_RE.search(value):
            out.append(Problem(doc.source, doc.line_of(name), name, M(
                "expected your own text, got the placeholder {value!r} (replace every TODO)", value=_short(value))))
    for i, line in text_lines(doc.body):
        if TODO_RE.search(line):
            out.append(Problem(doc.source, _line(doc, i), "text", M(
                "expected your own text, got the placeholder {value!r} (replace every TODO)", value=_short(line.strip()))))
    return out


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def site_urls(docs: Iterable[Document], partners: Iterable[str], years: Iterable[int]) -> set[str]:
    """Every URL path (no leading slash, no index.html) the build makes a page at, in every language."""
    urls = {d.url for d in docs}
    for lang in LANGS:
        urls |= {url_for(r, lang) for r in ("home", "projects", "years", "partners", "search", "feed", "services",
                                            "news_index", "news_feed")}
        urls |= {term_url(route, lang, t) for route, terms in TERM_ROUTES.items() for t in terms}
        urls |= {url_for("partner", lang, slug=p) for p in partners}
        urls |= {url_for("year", lang, slug=str(y)) for y in years}
    return {_normal(u) for u in urls}


def _normal(path: str) -> str:
    path = path.lstrip("/")
    return "" if path in ("index.html", "") else path.removesuffix("index.html")


def twin_addresses(docs: Iterable[Document]) -> dict[str, str]:
    """The address each document would have under its twin's slug (`cs/projekty/hydrogen.html`)
    -> its real one (`cs/projekty/vodik.html`): a link written with the other language's slug is
    told the right address."""
    by_key: dict[tuple[str, str], list[Document]] = {}
    for d in docs:
        by_key.setdefault((d.kind, d.key), []).append(d)
    out = {}
    for group in by_key.values():
        for d in group:
            for twin in group:
                if twin.slug != d.slug:
                    out.setdefault(_normal(url_for(d.route, d.lang, slug=twin.slug)), d.url)
    return out


def links(doc: Document, known: set[str], by_source: dict[str, Document],
          aliases: dict[str, str] | None = None) -> list[Problem]:
    """Every internal link of the text that leads to no page of the build (`known`: site_urls;
    `aliases`: twin_addresses)."""
    out = []
    base = "/" + doc.url
    for i, line in text_lines(doc.body):
        targets = [m.group(1) for m in LINK_RE.finditer(line)] + [m.group(1) for m in HREF_RE.finditer(line)]
        if m := REF_RE.match(line):
            targets.append(m.group(1))
        for target in targets:
            problem = _link_problem(doc, target, base, known, by_source, aliases or {})
            if problem is not None:
                out.append(Problem(doc.source, _line(doc, i), "text", problem))
    return out


def _link_problem(doc: Document, target: str, base: str, known: set[str], by_source: dict[str, Document],
                  aliases: dict[str, str]):
    if not target or target.startswith("#") or target.lower().startswith(EXTERNAL):
        return None
    if m := PELICAN_LINK_RE.match(target):
        path = m.group(2).split("#")[0].split("?")[0]
        folder = posixpath.dirname(doc.source)
        source = posixpath.normpath(path.lstrip("/") if path.startswith("/") else posixpath.join(folder, path))
        found = by_source.get(source)
        if found is not None:
            return M("expected a link to the page's address, got {target!r} (write /{url} instead: this site does not "
                     "use Pelican's {{filename}} links)", target=target, url=found.url)
        return M("expected a link to the page's address (e.g. /projects/hydrogen.html), got {target!r} (this site does "
                 "not use Pelican's {{filename}} links, and there is no such file)", target=target)
    if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
        return None  # another scheme (e.g. data:, javascript: is blocked by the CSP anyway)
    path = unquote(urlsplit(target).path)
    if not path:
        return None  # ?query only
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(base), path)) if not path.startswith("/") else path
    if path.endswith("/") and not resolved.endswith("/"):
        resolved += "/"
    rel = _normal(resolved)
    if rel.startswith("images/"):
        return M("expected a page of the site, got a link to a picture {target!r} (a picture is shown with the image "
                 "field; content/images/ is not published as it is)", target=target)
    if rel in known or rel.startswith(OTHER_OUTPUTS):
        return None
    if rel.endswith(".md"):
        stem = posixpath.basename(rel)[:-3]  # a file name is a translation key: its page in this language
        matches = sorted(d.url for d in by_source.values() if d.key == stem and d.lang == doc.lang) or \
            sorted(u for u in known if posixpath.basename(u) == f"{stem}.html")
        hint = M(" (did you mean {url!r}?)", url="/" + matches[0]) if matches else ""
        return M("expected a link to a page of the site, got a link to a file {target!r}{hint}; link to the page's "
                 "address", target=target, hint=hint)
    close = [aliases[rel]] if rel in aliases else difflib.get_close_matches(rel, sorted(known), n=1, cutoff=0.75)
    hint = M(" (did you mean {url!r}?)", url="/" + close[0]) if close else ""
    return M("expected a link to a page the site makes, got {target!r}, which leads to no page{hint}",
             target=target, hint=hint)
