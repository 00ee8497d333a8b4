"""Gate 6: strict and self-contained. Every page carries the one Content-Security-Policy
(CONTENT_SECURITY_POLICY in pelicanconf.py) with default-src 'none' and nothing unsafe; no inline
script, style attribute, <style> element or event-handler attribute; nothing loaded from another
origin — in the HTML and in the browser. The output has `_headers`, `.well-known/security.txt`
(RFC 9116) and `.nojekyll`."""

from __future__ import annotations

import datetime as dt
import json
import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup
from pelican.settings import read_settings

from icuk_site.build.clock import source_date_epoch
from icuk_site.content import save_as_for

from .conftest import ROOT, grouped

SETTINGS = read_settings(str(ROOT / "publishconf.py"))
CSP = SETTINGS["CONTENT_SECURITY_POLICY"]
# Sources a directive may list: same origin, nothing, and WebAssembly compilation (Pagefind's
# search needs 'wasm-unsafe-eval'; it does not allow eval() of JavaScript).
ALLOWED_SOURCES = {"'self'", "'none'", "'wasm-unsafe-eval'"}
DATA_SCRIPT_TYPES = {"application/ld+json", "application/json"}  # data blocks, never executed
LOADED_RELS = {"stylesheet", "icon", "apple-touch-icon", "mask-icon", "manifest", "preload", "modulepreload", "prefetch"}
RESOURCE_ATTRS = {
    "script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
    "audio": ("src",), "track": ("src",), "input": ("src",), "iframe": ("src",), "embed": ("src",),
    "object": ("data",), "image": ("href",), "use": ("href",),
}


def parse_csp(policy: str) -> dict[str, list[str]]:
    directives = {}
    for part in policy.split(";"):
        words = part.split()
        if words:
            directives[words[0].lower()] = words[1:]
    return directives


def test_the_policy_is_strict():
    csp = parse_csp(CSP)
    assert csp.get("default-src") == ["'none'"], CSP
    for name, sources in csp.items():
        assert set(sources) <= ALLOWED_SOURCES, f"{name} allows {set(sources) - ALLOWED_SOURCES}"
    assert "frame-ancestors" not in csp, "a <meta> policy ignores frame-ancestors (it is added to _headers only)"
    for needed in ("base-uri", "form-action"):  # default-src does not cover these
        assert needed in csp, f"{needed} missing: default-src does not cover it"


def page_problems(rel: str, html: str, origin: str, siteurl: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    problems = []
    metas = soup.find_all("meta", attrs={"http-equiv": re.compile("^content-security-policy$", re.I)})
    if len(metas) != 1:
        problems.append(f"{len(metas)} CSP <meta> elements (want 1)")
    else:
        meta = metas[0]
        if meta.get("content") != CSP:
            problems.append(f"CSP differs from CONTENT_SECURITY_POLICY: {meta.get('content')!r}")
        if meta.find_parent("head") is None:
            problems.append("CSP <meta> outside <head>")
        earlier = [e.name for e in meta.find_all_previous(["link", "script", "style", "img", "base"])]
        if earlier:
            problems.append(f"CSP <meta> comes after {earlier}: it only covers what follows it")
    base = f"{siteurl}/{rel}"
    for el in soup.find_all(True):
        for attr, value in el.attrs.items():
            if attr == "style":
                problems.append(f"style attribute on <{el.name}>: {value!r}")
            elif attr.startswith("on"):
                problems.append(f"event handler {attr} on <{el.name}>")
            elif isinstance(value, str) and value.strip().lower().startswith("javascript:"):
                problems.append(f"javascript: URL in <{el.name} {attr}>")
        if el.name == "style":
            problems.append("<style> element")
        if el.name in ("iframe", "frame", "object", "embed"):
            problems.append(f"<{el.name}> (the CSP blocks it)")
        if el.name == "script" and not el.get("src"):
            kind = (el.get("type") or "").lower()
            if kind not in DATA_SCRIPT_TYPES:
                problems.append(f"inline <script>: {el.get_text()[:60]!r}")
            else:
                try:
                    json.loads(el.get_text())
                except ValueError as e:
                    problems.append(f"<script type={kind}> is not valid JSON: {e}")
        urls = []
        if el.name == "link" and set(r.lower() for r in el.get("rel", [])) & LOADED_RELS:
            urls.append(el.get("href", ""))
        for attr in RESOURCE_ATTRS.get(el.name, ()):
            value = el.get(attr)
            if value:
                urls += [part.split()[0] for part in value.split(",") if part.strip()] if attr == "srcset" else [value]
        for url in urls:
            absolute = urljoin(base, url.strip())
            if not absolute.startswith(origin + "/"):
                problems.append(f"<{el.name}> loads {url!r} from another origin")
    return [(rel, p) for p in problems]


def test_every_page_has_the_csp_and_no_inline_code_or_foreign_assets(published, gate):
    problems = []
    for rel in published.pages:
        problems += page_problems(rel, published.text(rel), published.origin, published.siteurl)
    for css in published.root.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for m in re.finditer(r"""(?:url\(\s*['"]?|@import\s+['"])\s*((?:https?:)?//[^'")\s]+)""", text):
            problems.append((css.relative_to(published.root).as_posix(), f"loads {m.group(1)} from another origin"))
    gate(len(problems), f"{len(published.pages)} pages")
    assert not problems, grouped(problems)


def test_the_browser_sees_no_csp_violation_error_or_foreign_request(crawl, gate):
    """From the shared crawl of every page (CSP enforced): console errors include CSP reports."""
    problems = [(rel, msg) for rel, f in crawl.pages.items() for msg in f.console]
    problems += [(rel, f"request to another origin: {url}") for rel, f in crawl.pages.items() for url in f.foreign]
    gate(len(problems))
    assert not problems, grouped(problems)


def read_headers(text: str) -> dict[str, dict[str, str]]:
    rules: dict[str, dict[str, str]] = {}
    current = None
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(line.strip(), {})
        else:
            assert current is not None, f"header before any path: {line!r}"
            name, sep, value = line.strip().partition(":")
            assert sep and value.strip(), f"not `Name: value`: {line!r}"
            assert name not in current, f"{name} twice"
            current[name] = value.strip()
    return rules


def test_headers_file(published):
    rules = read_headers((published.root / "_headers").read_text(encoding="utf-8"))
    everywhere = rules["/*"]
    assert everywhere["Content-Security-Policy"] == f"{CSP}; frame-ancestors 'none'"
    hsts = dict(re.findall(r"([\w-]+)(?:=(\d+))?", everywhere["Strict-Transport-Security"]))
    assert int(hsts["max-age"]) >= 31536000
    assert everywhere["X-Content-Type-Options"] == "nosniff"
    assert everywhere["Referrer-Policy"] == SETTINGS["REFERRER_POLICY"]
    assert re.fullmatch(r"[a-z-]+=\(\)(, [a-z-]+=\(\))*", everywhere["Permissions-Policy"])
    for feature in ("camera", "microphone", "geolocation"):
        assert f"{feature}=()" in everywhere["Permissions-Policy"]
    assert rules["/.well-known/security.txt"]["Content-Type"].startswith("text/plain")


def test_security_txt(published):
    """RFC 9116: Contact (a URI: the about page, which has the postal address), Expires one year
    after the build's SOURCE_DATE_EPOCH, Preferred-Languages, Canonical."""
    path = published.root / ".well-known" / "security.txt"
    text = path.read_text(encoding="utf-8")
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, sep, value = line.partition(": ")
            assert sep, f"not `Field: value`: {line!r}"
            fields.setdefault(name, []).append(value)
    assert set(fields) <= {"Contact", "Expires", "Encryption", "Acknowledgments", "Preferred-Languages",
                           "Canonical", "Policy", "Hiring", "CSAF"}, fields
    contact = fields["Contact"][0]
    assert contact.startswith(published.siteurl + "/")
    target = contact[len(published.siteurl) + 1:]
    assert (published.root / save_as_for(target)).is_file(), f"Contact page {contact} is not in the output"
    assert len(fields["Expires"]) == 1
    expires = dt.datetime.strptime(fields["Expires"][0], "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=dt.timezone.utc)
    built = dt.datetime.fromtimestamp(source_date_epoch(ROOT), tz=dt.timezone.utc)  # env, else git
    assert expires - built == dt.timedelta(days=365)
    assert fields["Preferred-Languages"] == ["cs, en"]
    assert fields["Canonical"] == [f"{published.siteurl}/.well-known/security.txt"]
    assert text.endswith("\n") and "\r" not in text


def test_github_pages_files(published):
    assert (published.root / ".nojekyll").is_file()
    # actions/upload-pages-artifact v4+ drops dot folders (.well-known, .nojekyll) unless told not to
    for workflow in sorted((ROOT / ".github" / "workflows").glob("*.y*ml")):
        text = workflow.read_text(encoding="utf-8")
        for m in re.finditer(r"uses:\s*actions/upload-pages-artifact@\S+(?:\s*#\s*v(\d+))?", text):
            step = text[m.end():].split("\n      - ", 1)[0]
            if m.group(1) is None or int(m.group(1)) >= 4:
                assert re.search(r"include-hidden-files:\s*true", step), \
                    f"{workflow.name}: upload-pages-artifact needs `include-hidden-files: true` for .well-known"


def test_the_test_server_sends_the_headers_like_the_hosts(published):
    """The browser gates run with `_headers` applied (scripts/quality/hostserver.py)."""
    import urllib.request

    with urllib.request.urlopen(published.url("index.html")) as resp:
        assert resp.headers["Content-Security-Policy"] == f"{CSP}; frame-ancestors 'none'"
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
