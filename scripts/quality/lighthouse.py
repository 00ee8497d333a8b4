"""The Lighthouse gate: Lighthouse on one page of each template type in each language.

    uv run python scripts/quality/lighthouse.py     # publish build on a local server, then the gate

Lighthouse's SEO audit wants fully-qualified hreflang URLs, so the site is built with SITEURL
pointing at the local server (http://127.0.0.1:<port>/usti: a sub-path, as in production).
The test suite (tests/quality/test_lighthouse.py) calls `run()` on its shared build.
Needs `npm ci` (node_modules: lighthouse, @lhci/cli) and Chromium at $CHROME_PATH or /usr/bin/chromium.

Lighthouse (the package.json one, mobile, simulated throttling, the settings of lighthouserc.js's
`ci.collect`) runs in our own collector, lighthouse_collect.mjs: one node process and ONE Chromium
per worker for many runs, where `lhci collect` started both anew for every run (about 10 s of
each 15 s run). It writes the reports where `lhci assert` reads them, and LHCI judges them
against lighthouserc.js as before.

How a busy machine is kept from failing the gate (docs/performance.md, "The Lighthouse gate"):

1. every page, at least one run: the budgets in lighthouserc.js (bytes and requests per page and
   per resource type, 0 third-party, accessibility / best practices / SEO = 1) plus the
   render-blocking count below. None of these depends on how fast the machine is: this is the
   hard gate. The pages not in SCORE_KINDS get their one run BUDGET_WORKERS at a time.
2. the performance score, which does depend on it, only on SCORE_KINDS (a representative subset):
   three runs each, one at a time after the budget runs with nothing else of ours running (every
   run is also held to the budgets of step 1), and LHCI judges the MEDIAN of the three; a page
   whose median falls short gets two more runs and is judged on the median of five. A slow moment
   spoils one run, rarely the median; a real regression (a heavy script, a big image) moves every
   run and also breaks a budget of step 1 on every page it is on.
Lighthouse runs at a raised CPU priority where the system allows it (root): it measures the page,
not the processes beside it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "lighthouserc.js"
LHCI = ROOT / "node_modules" / ".bin" / "lhci"  # for `lhci assert`
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse"  # what the collector runs (package.json pins it)
COLLECTOR = Path(__file__).resolve().parent / "lighthouse_collect.mjs"
NODE = shutil.which("node") or "node"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BODY_KIND = re.compile(r'<body[^>]*\bclass="[^"]*\bpage--([\w-]+)')
HTML_LANG = re.compile(r'<html[^>]*\blang="([\w-]+)"')
# The performance score is judged on these (template type, language) pages, 3 runs each (5 when
# the median of 3 is short): the home page (the most cards), the projects index (the largest
# document, the filter script and the timeline) and a Czech section page (the plainest template:
# it shows what every page pays for the shared header, footer and stylesheet).
SCORE_KINDS = (("home", "en"), ("projects", "en"), ("page", "cs"))
SCORE_RUNS, MORE_RUNS = 3, 2
# Budget runs (one per page not in SCORE_KINDS) go this many at a time, each worker with its own
# Chromium: budgets do not depend on the machine's speed. Score runs always go one at a time.
BUDGET_WORKERS = 2
# Render-blocking resources a page may have: the one stylesheet. Counted from the served HTML,
# since Lighthouse's own `render-blocking-resources` audit errors on Debian's Chromium 156 (its
# trace engine cannot read that Chromium's frame events); when that audit does run, its list counts too.
MAX_RENDER_BLOCKING = 1
PRIORITY = -10  # os.nice() increment for Lighthouse and its Chromium, where permitted


@dataclass
class Run:
    url: str
    scores: dict[str, float | None]
    bytes: int
    requests: int
    third_party: int
    render_blocking: list[str] = field(default_factory=list)  # from the Lighthouse audit, when it ran


@dataclass
class Result:
    runs: list[Run] = field(default_factory=list)  # every run, in URL order
    assert_ok: bool = False  # LHCI's assertions (lighthouserc.js) and the render-blocking count
    assert_output: str = ""
    failures: list[str] = field(default_factory=list)  # one line per failed assertion
    render_blocking: dict[str, list[str]] = field(default_factory=dict)  # url -> render-blocking resources
    score_urls: list[str] = field(default_factory=list)
    seconds: float = 0.0
    phases: list[str] = field(default_factory=list)  # "25 budget runs (2 at a time) 70 s", ...

    def performance(self, url: str) -> tuple[float | None, int]:
        """(median performance score, number of runs) of a URL."""
        scores = [r.scores["performance"] for r in self.runs if r.url == url and r.scores.get("performance") is not None]
        return (statistics.median(scores) if scores else None), len(scores)


def pages_to_audit(root: Path) -> dict[tuple[str, str], str]:
    """One page per (template type, language): the first output path of each, sorted."""
    chosen: dict[tuple[str, str], str] = {}
    for path in sorted(root.rglob("*.html"), key=lambda p: (len(p.parts), p.as_posix())):
        head = path.read_text(encoding="utf-8")[:20000]
        kind, lang = BODY_KIND.search(head), HTML_LANG.search(head)
        if kind and lang:
            chosen.setdefault((kind.group(1), lang.group(1)), path.relative_to(root).as_posix())
    return dict(sorted(chosen.items()))


def served_url(siteurl: str, rel: str) -> str:
    rel = rel[: -len("index.html")] if rel == "index.html" or rel.endswith("/index.html") else rel
    return f"{siteurl}/{rel}"


def score_pages(kinds: dict[tuple[str, str], str]) -> list[str]:
    """The output paths of SCORE_KINDS among `kinds` (as pages_to_audit() gives them)."""
    return [kinds[k] for k in SCORE_KINDS if k in kinds]


class _Blocking(HTMLParser):
    """Resources that hold the first paint: stylesheets (not for print) and classic scripts
    without async / defer (in <head>, or in <body>, where they block what follows)."""

    CLASSIC = {"", "text/javascript", "application/javascript"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "link" and "stylesheet" in a.get("rel", "").lower().split() and a.get("href"):
            if "disabled" not in a and a.get("media", "all").strip().lower() not in ("print", "not all"):
                self.found.append(a["href"])
        elif tag == "script" and a.get("src") and "async" not in a and "defer" not in a:
            if a.get("type", "").strip().lower() in self.CLASSIC:
                self.found.append(a["src"])

    handle_startendtag = handle_starttag


def render_blocking(html: str) -> list[str]:
    parser = _Blocking()
    parser.feed(html)
    return parser.found


def _priority() -> list[str]:
    """`nice -n -10` where a process may raise its priority (root), else nothing."""
    return ["nice", "-n", str(PRIORITY)] if hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("nice") else []


def _lhci(args: list[str], workdir: Path, env: dict, timeout: float) -> subprocess.CompletedProcess:
    return subprocess.run([*_priority(), str(LHCI), *args, f"--config={CONFIG}"], cwd=workdir, env=env,
                          capture_output=True, text=True, timeout=timeout)


def _collect(urls: list[str], runs: int, workdir: Path, env: dict, workers: int = 1) -> float:
    """`runs` Lighthouse runs of each URL (COLLECTOR), reports added to workdir/.lighthouseci; its seconds."""
    start = time.perf_counter()
    args = [f"--out={workdir / '.lighthouseci'}", f"--runs={runs}", f"--workers={workers}", f"--config={CONFIG}", *urls]
    done = subprocess.run([*_priority(), NODE, str(COLLECTOR), *args], cwd=workdir, env=env, capture_output=True,
                          text=True, timeout=90 * runs * len(urls) + 120)
    if done.returncode != 0:
        raise RuntimeError(f"Lighthouse collection failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    return time.perf_counter() - start


def _assert(workdir: Path, env: dict) -> tuple[bool, str, list[dict]]:
    checked = _lhci(["assert"], workdir, env, timeout=300)
    results_file = workdir / ".lighthouseci" / "assertion-results.json"
    results = json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else []
    return checked.returncode == 0, (checked.stdout + checked.stderr).strip(), results


def _failed(results: list[dict]) -> list[dict]:
    return [r for r in results if not r.get("passed") and r.get("level") == "error"]


def _describe(r: dict) -> str:
    """'URL: categories:seo minScore >= 1, got 0.92 (runs: 0.92)' for one failed LHCI assertion."""
    name = r.get("auditId", "?") + (f":{r['auditProperty']}" if r.get("auditProperty") else "")
    values = ", ".join(f"{v:g}" for v in r.get("values", []))
    return f"{r.get('url')}: {name} {r.get('name', '')} {r.get('operator', '')} {r.get('expected')}, got {r.get('actual')} (runs: {values})"


def run(urls: list[str], siteurl: str, workdir: Path, score_urls: list[str] | None = None) -> Result:
    """The gate on `urls` (all budgets, one run each) and the performance score of `score_urls`
    (median of 3 runs, or of 5 if the median of 3 is short). workdir/.lighthouseci keeps the reports."""
    start = time.perf_counter()
    score_urls = [u for u in (score_urls or []) if u in urls]
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "LHCI_SITEURL": siteurl, "LHCI_SCORE_URLS": " ".join(score_urls)}
    shutil.rmtree(workdir / ".lighthouseci", ignore_errors=True)
    budget_only = [u for u in urls if u not in score_urls]
    phases = []
    if budget_only:  # budgets only: side by side
        workers = min(BUDGET_WORKERS, len(budget_only))
        phases.append(f"{len(budget_only)} budget runs ({workers} at a time) {_collect(budget_only, 1, workdir, env, workers):.0f} s")
    if score_urls:  # then the scored pages, one run at a time with nothing of ours beside them
        phases.append(f"{len(score_urls) * SCORE_RUNS} score runs (1 at a time) {_collect(score_urls, SCORE_RUNS, workdir, env):.0f} s")
    ok, output, results = _assert(workdir, env)
    short = sorted({r["url"] for r in _failed(results) if r.get("auditId") == "categories" and r.get("auditProperty") == "performance"})
    if short:  # a median of 3 below the floor: two more runs for those pages, then the median of 5
        phases.append(f"{len(short) * MORE_RUNS} more score runs (1 at a time) {_collect(short, MORE_RUNS, workdir, env):.0f} s")
        ok, output, results = _assert(workdir, env)
    result = Result(assert_output=output, score_urls=score_urls, failures=[_describe(r) for r in _failed(results)], phases=phases)
    for report in sorted((workdir / ".lighthouseci").glob("lhr-*.json")):
        lhr = json.loads(report.read_text(encoding="utf-8"))
        items = {i["resourceType"]: i for i in lhr["audits"]["resource-summary"]["details"]["items"]}
        blocking = lhr["audits"].get("render-blocking-resources", {}).get("details") or {}
        result.runs.append(Run(
            url=lhr["requestedUrl"],
            scores={c: lhr["categories"][c]["score"] for c in CATEGORIES if c in lhr["categories"]},
            bytes=int(items.get("total", {}).get("transferSize", 0)),
            requests=int(items.get("total", {}).get("requestCount", 0)),
            third_party=int(items.get("third-party", {}).get("requestCount", 0)),
            render_blocking=[i["url"] for i in blocking.get("items", []) if i.get("url")],
        ))
    result.runs.sort(key=lambda r: urls.index(r.url) if r.url in urls else len(urls))  # stable: run order kept
    for url in urls:
        with urllib.request.urlopen(url, timeout=30) as response:  # the HTML Lighthouse loaded
            found = [urljoin(url, u) for u in render_blocking(response.read().decode("utf-8"))]
        for r in result.runs:  # where Lighthouse's own audit ran, what it lists counts too
            found += [u for u in r.render_blocking if r.url == url and u not in found]
        result.render_blocking[url] = found
        if len(found) > MAX_RENDER_BLOCKING:
            result.failures.append(f"{url}: render-blocking resources {len(found)} > {MAX_RENDER_BLOCKING}: {', '.join(found)}")
    result.assert_ok = ok and not result.failures
    result.seconds = time.perf_counter() - start
    return result


def main() -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import hostserver

    from icuk_site.build.safe import build

    with tempfile.TemporaryDirectory() as tmp:
        www = Path(tmp) / "www"
        www.mkdir()
        server, origin = hostserver.bind(www, "/usti")
        siteurl = f"{origin}/usti"
        built = build(ROOT / "publishconf.py", www / "usti", {"SITEURL": siteurl})
        if not built.ok:
            print("\n".join(built.problems), file=sys.stderr)
            return 1
        hostserver.serve(server)
        try:
            kinds = pages_to_audit(www / "usti")
            urls = [served_url(siteurl, rel) for rel in kinds.values()]
            result = run(urls, siteurl, Path(tmp), [served_url(siteurl, rel) for rel in score_pages(kinds)])
        finally:
            server.shutdown()
    for r in result.runs:
        scores = " ".join(f"{c}={s:.2f}" if s is not None else f"{c}=n/a" for c, s in r.scores.items())
        print(f"{r.url}: {scores} {r.bytes / 1024:.1f} KiB {r.requests} requests {r.third_party} third-party")
    for url in result.score_urls:
        median, n = result.performance(url)
        print(f"{url}: performance median {median:.2f} of {n} runs")
    print(result.assert_output)
    print("\n".join(result.failures))
    print(f"{len(result.runs)} runs in {result.seconds:.0f} s ({', '.join(result.phases)}): {'pass' if result.assert_ok else 'FAIL'}")
    return 0 if result.assert_ok else 1


if __name__ == "__main__":
    sys.exit(main())
