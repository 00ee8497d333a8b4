"""The quality gates share one PUBLISH build per session, served from a local HTTP server under a
sub-path (SITEURL = http://127.0.0.1:<port>/usti, as production may be https://host/usti), one
browser crawl of every page (axe, console, CSP, overflow), and a summary at the end of the run.

The `browser` fixture (headless /usr/bin/chromium) comes from tests/conftest.py.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import CHROMIUM, CHROMIUM_ARGS  # tests/conftest.py: the session browser's launch
from icuk_site.build.safe import build

ROOT = Path(__file__).resolve().parents[2]
SUB_PATH = "usti"
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
AXE_VIEWPORTS = ((1280, 900), (390, 844))
SCHEMES = ("light", "dark")
NARROW = 320  # 1280 px at 400 % zoom
CRAWLERS = 2  # pages checked at a time (in_browsers: the crawl, the keyboard walk), each in its own Chromium
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
BODY_KIND = re.compile(r'<body[^>]*\bclass="[^"]*\bpage--([\w-]+)')
HTML_LANG = re.compile(r'<html[^>]*\blang="([\w-]+)"')


def load_script(name: str):
    """A module from scripts/quality/ (they are plain scripts, not a package)."""
    path = ROOT / "scripts" / "quality" / f"{name}.py"
    module_name = f"quality_scripts_{name}"
    if module_name not in sys.modules:
        spec = importlib.util.spec_from_file_location(module_name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[module_name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[module_name]


def need_node_tool(path: Path) -> None:
    if not path.exists():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: run `npm ci` (see README)")


# ---- the shared publish build --------------------------------------------------------------

@dataclass
class Published:
    root: Path  # the output tree
    siteurl: str  # http://127.0.0.1:<port>/usti
    origin: str  # http://127.0.0.1:<port>
    seconds: float

    @property
    def pages(self) -> list[str]:
        """Output paths of every HTML page, e.g. 'index.html', 'cs/projekty/index.html'."""
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def url(self, rel: str) -> str:
        """The served URL of an output path ('projects/index.html' -> SITEURL/projects/)."""
        if rel == "index.html" or rel.endswith("/index.html"):
            rel = rel[: -len("index.html")]
        return f"{self.siteurl}/{rel}"

    def text(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def kinds(self) -> dict[tuple[str, str], str]:
        """One page per (template type, language): its output path (the shallowest, then by name)."""
        chosen: dict[tuple[str, str], str] = {}
        for rel in sorted(self.pages, key=lambda r: (r.count("/"), r)):
            head = self.text(rel)[:20000]
            kind, lang = BODY_KIND.search(head), HTML_LANG.search(head)
            if kind and lang:
                chosen.setdefault((kind.group(1), lang.group(1)), rel)
        return dict(sorted(chosen.items()))


@pytest.fixture(scope="session")
def published(tmp_path_factory, gates) -> Published:
    """The publish build, served like the hosts we deploy to: with the headers of its `_headers`
    (the header CSP applies too, e.g. to Pagefind's worker, which the <meta> does not reach)."""
    hostserver = load_script("hostserver")
    www = tmp_path_factory.mktemp("www")
    server, origin = hostserver.bind(www, f"/{SUB_PATH}")
    siteurl = f"{origin}/{SUB_PATH}"
    result = build(ROOT / "publishconf.py", www / SUB_PATH, {"SITEURL": siteurl})
    assert result.ok, "publish build failed:\n" + "\n".join(result.problems)
    hostserver.serve(server)
    site = Published(www / SUB_PATH, siteurl, origin, result.seconds)
    gates.line(f"publish build: {len(site.pages)} pages in {result.seconds:.1f} s, SITEURL {siteurl} (a sub-path)",
               first=True)
    yield site
    server.shutdown()
    server.server_close()


def grouped(found: list[tuple[str, str]], limit: int = 40) -> str:
    """(page, problem) pairs as one line per distinct problem with the pages it is on."""
    pages: dict[str, list[str]] = defaultdict(list)
    for page, problem in found:
        if page not in pages[problem]:
            pages[problem].append(page)
    lines = [f"{problem}\n    on {len(on)} page(s): {', '.join(on[:6])}{' …' if len(on) > 6 else ''}"
             for problem, on in list(pages.items())[:limit]]
    more = f"\n… and {len(pages) - limit} more distinct problems" if len(pages) > limit else ""
    return f"{len(found)} problems ({len(pages)} distinct):\n" + "\n".join(lines) + more


# ---- one browser crawl of every page ----------------------------------------------------------

@dataclass
class PageFindings:
    violations: list[str] = field(default_factory=list)  # axe: "rule (impact) @ view: targets"
    violation_nodes: int = 0
    console: list[str] = field(default_factory=list)  # errors, CSP violations, failed requests
    foreign: list[str] = field(default_factory=list)  # requests to another origin
    overflow: str = ""  # what sticks out at 320 px


@dataclass
class Crawl:
    pages: dict[str, PageFindings]
    seconds: float


SETTLE = """async () => {
  const running = document.getAnimations().filter(a => {
    const t = a.effect && a.effect.getComputedTiming ? a.effect.getComputedTiming() : {};
    return t.iterations !== Infinity;
  });
  await Promise.all(running.map(a => a.finished.catch(() => null)));
}"""

AXE_RUN = """async (tags) => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, count: v.nodes.length,
    targets: v.nodes.slice(0, 4).map(n => n.target.join(' '))}));
}"""

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const over = document.documentElement.scrollWidth - width;
  if (over <= 0) return '';
  const wide = [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 1)
    .map(e => e.tagName.toLowerCase() + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''));
  return `scrolls sideways by ${over}px: ${wide.slice(-4).join(', ')}`;
}"""


class Todo:
    """Work shared by the threads of in_browsers(): each takes the next item until none is left."""

    def __init__(self, items):
        self.items, self.lock = list(items), threading.Lock()

    def take(self):
        with self.lock:
            return self.items.pop(0) if self.items else None

    def drop(self) -> None:
        with self.lock:
            self.items.clear()


def in_browsers(browser, todo: Todo, work, *args) -> None:
    """work(browser, todo, *args) in CRAWLERS threads at once: this one with `browser` (the
    session's), the others each with its own Playwright and Chromium (Playwright's sync API
    belongs to one thread). When one fails, the others stop after their current item, and the
    first error is raised here."""
    errors: list[BaseException] = []

    def own_browser():
        from playwright.sync_api import sync_playwright

        try:
            with sync_playwright() as p:
                mine = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    work(mine, todo, *args)
                finally:
                    mine.close()
        except BaseException as e:  # noqa: BLE001 - raised again in the calling thread
            errors.append(e)
            todo.drop()

    threads = [threading.Thread(target=own_browser, name=f"browser-{i}", daemon=True) for i in range(1, CRAWLERS)]
    for t in threads:
        t.start()
    try:
        work(browser, todo, *args)
    except BaseException:
        todo.drop()
        raise
    finally:
        for t in threads:
            t.join()
    if errors:
        raise errors[0]


def crawl_pages(browser, todo: Todo, published: Published, findings: dict[str, PageFindings],
                shoot: dict[str, str]) -> None:
    """Take pages from `todo` (shared with the other workers) until none is left, each in one
    page of `browser`: axe at 1280 and 390 px in light and dark, then the 320 px overflow check."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    current: list[PageFindings] = []

    def note_console(msg):
        if msg.type == "error" and current:
            current[0].console.append(f"console: {msg.text}")

    def note_request(req):
        if current and not req.url.startswith((published.origin + "/", "data:", "blob:", "about:")):
            current[0].foreign.append(req.url)

    def note_response(resp):
        if current and resp.status >= 400:
            current[0].console.append(f"HTTP {resp.status}: {resp.url}")

    page.on("console", note_console)
    page.on("pageerror", lambda e: current and current[0].console.append(f"page error: {e}"))
    page.on("request", note_request)
    page.on("requestfailed", lambda r: current and current[0].console.append(f"request failed: {r.url} {r.failure}"))
    page.on("response", note_response)
    while (rel := todo.take()) is not None:
        found = PageFindings()
        current[:] = [found]
        page.set_viewport_size({"width": 1280, "height": 900})
        page.emulate_media(color_scheme="light")
        page.goto(published.url(rel), wait_until="load")  # module scripts have run by then
        for width, height in AXE_VIEWPORTS:
            page.set_viewport_size({"width": width, "height": height})
            for scheme in SCHEMES:
                page.emulate_media(color_scheme=scheme)
                page.evaluate(SETTLE)
                if rel in shoot:
                    page.screenshot(path=str(SCREENSHOTS / f"{shoot[rel]}-{width}-{scheme}.png"), full_page=True)
                for v in page.evaluate(AXE_RUN, AXE_TAGS):
                    found.violation_nodes += v["count"]
                    found.violations.append(
                        f"{v['id']} ({v['impact']}) at {width}px {scheme}: {v['help']} — "
                        f"{v['count']} element(s): {'; '.join(v['targets'])}")
        page.emulate_media(color_scheme="light")
        page.set_viewport_size({"width": NARROW, "height": 800})
        page.evaluate(SETTLE)
        found.overflow = page.evaluate(OVERFLOW)
        findings[rel] = found
    current.clear()
    context.close()


@pytest.fixture(scope="session")
def crawl(browser, published) -> Crawl:
    """Every page once: axe at 1280 and 390 px in light and dark, then the 320 px overflow check.
    axe is injected as an init script (DevTools protocol), so the pages' CSP stays enforced
    and any violation of it shows up as a console error. CRAWLERS pages at a time: this thread
    with the session's browser, the others each in a thread with its own Chromium; the findings
    are put back in page order."""
    need_node_tool(AXE)
    start = time.perf_counter()
    # One page per page kind and language is photographed at every view (SCREENSHOTS), for a
    # reviewer: test-artifacts/screenshots/<kind>-<lang>-<width>-<scheme>.png (uploaded by CI).
    shoot = {rel: f"{kind}-{lang}" for (kind, lang), rel in published.kinds().items()}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages, findings = published.pages, {}
    in_browsers(browser, Todo(pages), crawl_pages, published, findings, shoot)
    missing = [rel for rel in pages if rel not in findings]
    assert not missing, f"the crawl did not visit {len(missing)} pages: {missing[:10]}"
    return Crawl({rel: findings[rel] for rel in pages}, time.perf_counter() - start)
