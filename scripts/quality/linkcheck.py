"""Link checker for the built site: every internal link, #fragment, image, stylesheet and
script reference must resolve to a file in the output tree (and a fragment to an id in it).

    python scripts/quality/linkcheck.py OUTPUT_DIR --siteurl https://example.org/usti
    python scripts/quality/linkcheck.py OUTPUT_DIR --siteurl ... --external   # also fetch external links

URLs are resolved the way a browser does: against the page's own URL (SITEURL + its path;
SITEURL may have a sub-path). A URL on SITEURL's origin but outside its path is broken.
External links (other origins) are collected, not fetched, unless `--external` is given
(`invoke check-external-links`; it needs the network, so it is not part of the test suite).

Also measures each page's static weight (the HTML plus the same-origin stylesheets, scripts,
images and icons it loads, and what those stylesheets load) for the size budget.

Stdlib only, so it runs anywhere the build runs.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

# Where a page refers to another document or a resource: (tag, attribute) -> is it loaded
# with the page (a resource that counts towards its weight)?
URL_ATTRS: dict[tuple[str, str], bool] = {
    ("a", "href"): False,
    ("area", "href"): False,
    ("link", "href"): False,  # resource or not depends on rel (see LOADED_RELS)
    ("script", "src"): True,
    ("img", "src"): True,
    ("img", "srcset"): True,
    ("source", "src"): True,
    ("source", "srcset"): True,
    ("video", "src"): True,
    ("video", "poster"): True,
    ("audio", "src"): True,
    ("track", "src"): True,
    ("iframe", "src"): True,
    ("embed", "src"): True,
    ("object", "data"): True,
    ("input", "src"): True,
    ("form", "action"): False,
    ("use", "href"): True,
    ("image", "href"): True,
}
LOADED_RELS = {"stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload", "modulepreload"}
META_URLS = {"og:url", "og:image", "twitter:image"}
SKIP_SCHEMES = ("mailto:", "tel:", "data:", "javascript:", "urn:")
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")
PSEUDO_ORIGIN = "http://site.invalid"  # stands in for an empty (root-relative) SITEURL


@dataclass(frozen=True)
class Ref:
    tag: str
    attr: str
    url: str
    loaded: bool  # loaded with the page (resource), not just a link to follow


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    refs: list[Ref] = field(default_factory=list)


@dataclass
class Problem:
    page: str  # output path of the page or stylesheet
    url: str
    reason: str

    def __str__(self) -> str:
        return f"{self.page}: {self.url}: {self.reason}"


@dataclass
class Report:
    pages: int = 0
    checked: int = 0  # references checked
    problems: list[Problem] = field(default_factory=list)
    external: dict[str, set[str]] = field(default_factory=dict)  # URL -> pages linking to it
    weights: dict[str, tuple[int, int]] = field(default_factory=dict)  # page -> (bytes, requests)


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if "id" in a:
            self.page.ids.add(a["id"])
        if tag == "a" and "name" in a:
            self.page.ids.add(a["name"])
        if tag == "meta" and a.get("property", a.get("name", "")) in META_URLS and a.get("content"):
            self.page.refs.append(Ref(tag, "content", a["content"].strip(), False))
        for attr, value in a.items():
            key = (tag, attr)
            if key not in URL_ATTRS and not (attr == "xlink:href" and tag in ("use", "image")):
                continue
            loaded = URL_ATTRS.get(key, True)
            if tag == "link":
                rels = set(a.get("rel", "").lower().split())
                loaded = bool(rels & LOADED_RELS)
            urls = _srcset(value) if attr == "srcset" else [value.strip()]
            self.page.refs.extend(Ref(tag, attr, u, loaded) for u in urls)

    handle_startendtag = handle_starttag


def _srcset(value: str) -> list[str]:
    return [part.strip().split()[0] for part in value.split(",") if part.strip()]


def parse_html(text: str) -> Page:
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.page


def css_refs(text: str) -> list[str]:
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    return [m.group(2) or m.group(4) for m in CSS_URL.finditer(text)]


class Site:
    """The output tree seen through SITEURL."""

    def __init__(self, root: Path, siteurl: str = ""):
        self.root = Path(root)
        siteurl = siteurl.rstrip("/")
        self.base = siteurl if siteurl.startswith(("http://", "https://")) else PSEUDO_ORIGIN + siteurl
        parts = urlsplit(self.base)
        self.origin = f"{parts.scheme}://{parts.netloc}"
        self.prefix = parts.path.rstrip("/")  # the sub-path, "" at the root
        self._pages: dict[Path, Page] = {}

    def url_of(self, path: Path) -> str:
        rel = path.relative_to(self.root).as_posix()
        if rel == "index.html" or rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return f"{self.base}/{rel}"

    def page(self, path: Path) -> Page:
        if path not in self._pages:
            self._pages[path] = parse_html(path.read_text(encoding="utf-8"))
        return self._pages[path]

    def is_internal(self, url: str) -> bool:
        return url.startswith(self.origin + "/") or url == self.origin

    def resolve(self, url: str) -> tuple[Path | None, str]:
        """The file an absolute same-origin URL serves, or (None, why not)."""
        path = urlsplit(url).path
        if not (path == self.prefix or path.startswith(self.prefix + "/")):
            return None, f"outside the site (not under {self.prefix or '/'})"
        rel = unquote(path[len(self.prefix):]).lstrip("/")
        target = self.root / rel
        if rel == "" or rel.endswith("/"):
            target = target / "index.html"
        elif target.is_dir():
            return None, "a folder without its trailing slash (a redirect at best)"
        try:
            target.resolve().relative_to(self.root.resolve())
        except ValueError:
            return None, "escapes the output folder"
        if not target.is_file():
            return None, "no such file in the output"
        return target, ""


def check_site(root: str | Path, siteurl: str = "") -> Report:
    site = Site(Path(root), siteurl)
    report = Report()
    css_done: dict[Path, int] = {}  # stylesheet -> bytes of it and what it loads
    for path in sorted(site.root.rglob("*.html")):
        rel = path.relative_to(site.root).as_posix()
        report.pages += 1
        page = site.page(path)
        base = site.url_of(path)
        is_404 = path.name == "404.html"
        loaded: set[Path] = set()
        for ref in page.refs:
            report.checked += 1
            raw = ref.url
            if not raw:
                report.problems.append(Problem(rel, repr(raw), f"empty <{ref.tag} {ref.attr}>"))
                continue
            if raw.lower().startswith(SKIP_SCHEMES):
                continue
            if raw == "#":
                report.problems.append(Problem(rel, raw, "an empty fragment goes nowhere"))
                continue
            if is_404 and not raw.startswith(("#", "/", "http://", "https://")):
                # 404.html is served at any URL: a relative link would resolve differently each time
                report.problems.append(Problem(rel, raw, "relative URL on the 404 page"))
                continue
            absolute = urljoin(base, raw)
            if not site.is_internal(absolute):
                if urlsplit(absolute).scheme in ("http", "https"):
                    report.external.setdefault(urldefrag(absolute)[0], set()).add(rel)
                continue
            target, why = site.resolve(absolute)
            if target is None:
                report.problems.append(Problem(rel, raw, why))
                continue
            fragment = unquote(urldefrag(absolute)[1])
            if fragment and target.suffix == ".html" and fragment not in site.page(target).ids:
                report.problems.append(Problem(rel, raw, f"no id={fragment!r} in {target.relative_to(site.root)}"))
            if ref.loaded:
                loaded.add(target)
        size, requests = path.stat().st_size, 1
        for target in sorted(loaded):
            requests += 1
            if target.suffix == ".css":
                if target not in css_done:
                    css_done[target] = _check_css(site, target, report)
                size += css_done[target]
            else:
                size += target.stat().st_size
        report.weights[rel] = (size, requests)
    return report


def _check_css(site: Site, path: Path, report: Report) -> int:
    """Check a stylesheet's url() and @import references; returns its weight with what it loads."""
    rel = path.relative_to(site.root).as_posix()
    size = path.stat().st_size
    base = site.url_of(path)
    for raw in css_refs(path.read_text(encoding="utf-8")):
        report.checked += 1
        if raw.startswith(("data:", "#")):
            continue
        absolute = urljoin(base, raw)
        if not site.is_internal(absolute):
            report.problems.append(Problem(rel, raw, "a stylesheet loads from another origin"))
            continue
        target, why = site.resolve(absolute)
        if target is None:
            report.problems.append(Problem(rel, raw, why))
        else:
            size += target.stat().st_size
    return size


# ---- external links (network; `invoke check-external-links`) ----------------------------

USER_AGENT = "Mozilla/5.0 (compatible; icuk-site-linkcheck/1.0)"


def fetch_status(url: str, timeout: float = 20) -> tuple[str, int | None, str]:
    """(url, HTTP status or None, note). HEAD first; GET when a server refuses HEAD."""
    for method in ("HEAD", "GET"):
        req = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return url, resp.status, ""
        except urllib.error.HTTPError as e:
            if method == "HEAD" and e.code in (403, 405, 501):
                continue
            return url, e.code, e.reason if isinstance(e.reason, str) else ""
        except (urllib.error.URLError, TimeoutError, OSError) as e:
            return url, None, str(getattr(e, "reason", e))
    return url, None, "no answer"


def check_external(external: dict[str, set[str]], workers: int = 8) -> list[Problem]:
    problems = []
    with concurrent.futures.ThreadPoolExecutor(workers) as pool:
        for url, status, note in pool.map(fetch_status, sorted(external)):
            ok = status is not None and status < 400
            print(f"{status or 'ERR'} {url}{'  ' + note if note else ''}", file=sys.stderr if not ok else sys.stdout)
            if not ok:
                for page in sorted(external[url]):
                    problems.append(Problem(page, url, f"HTTP {status}" if status else note or "unreachable"))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--siteurl", default="", help="the SITEURL the site was built with")
    parser.add_argument("--external", action="store_true", help="also fetch every external link (network)")
    args = parser.parse_args(argv)
    report = check_site(args.root, args.siteurl)
    problems = list(report.problems)
    print(f"{report.pages} pages, {report.checked} references, {len(report.external)} external links")
    if args.external:
        problems += check_external(report.external)
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(problems)} broken")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
