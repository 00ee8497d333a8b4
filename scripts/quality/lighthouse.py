"""Lighthouse CI on one page of each template type in each language (lighthouserc.js).

    uv run python scripts/quality/lighthouse.py     # publish build on a local server, then LHCI

Lighthouse's SEO audit wants fully-qualified hreflang URLs, so the site is built with SITEURL
pointing at the local server (http://127.0.0.1:<port>/usti: a sub-path, as in production).
The test suite (tests/quality/test_lighthouse.py) calls `run()` on its shared build.
Needs `npm ci` (node_modules/.bin/lhci) and Chromium at $CHROME_PATH or /usr/bin/chromium.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "lighthouserc.js"
LHCI = ROOT / "node_modules" / ".bin" / "lhci"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
BODY_KIND = re.compile(r'<body[^>]*\bclass="[^"]*\bpage--([\w-]+)')
HTML_LANG = re.compile(r'<html[^>]*\blang="([\w-]+)"')


@dataclass
class Run:
    url: str
    scores: dict[str, float | None]
    bytes: int
    requests: int
    third_party: int


@dataclass
class Result:
    runs: list[Run] = field(default_factory=list)
    assert_ok: bool = False
    assert_output: str = ""
    seconds: float = 0.0


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


def run(urls: list[str], siteurl: str, workdir: Path) -> Result:
    """`lhci collect` then `lhci assert` in workdir (its .lighthouseci/ holds the reports)."""
    import time

    start = time.perf_counter()
    env = {**os.environ, "CHROME_PATH": CHROMIUM, "LHCI_SITEURL": siteurl}
    collect = [str(LHCI), "collect", f"--config={CONFIG}", *(f"--url={u}" for u in urls)]
    done = subprocess.run(collect, cwd=workdir, env=env, capture_output=True, text=True, timeout=60 * len(urls) + 120)
    if done.returncode != 0:
        raise RuntimeError(f"lhci collect failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")
    checked = subprocess.run([str(LHCI), "assert", f"--config={CONFIG}"], cwd=workdir, env=env,
                             capture_output=True, text=True, timeout=300)
    result = Result(assert_ok=checked.returncode == 0, assert_output=(checked.stdout + checked.stderr).strip())
    for report in sorted((workdir / ".lighthouseci").glob("lhr-*.json")):
        lhr = json.loads(report.read_text(encoding="utf-8"))
        items = {i["resourceType"]: i for i in lhr["audits"]["resource-summary"]["details"]["items"]}
        result.runs.append(Run(
            url=lhr["requestedUrl"],
            scores={c: lhr["categories"][c]["score"] for c in CATEGORIES if c in lhr["categories"]},
            bytes=int(items.get("total", {}).get("transferSize", 0)),
            requests=int(items.get("total", {}).get("requestCount", 0)),
            third_party=int(items.get("third-party", {}).get("requestCount", 0)),
        ))
    result.runs.sort(key=lambda r: urls.index(r.url) if r.url in urls else len(urls))
    result.seconds = time.perf_counter() - start
    return result


def main() -> int:
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import hostserver

    from icuk_site.build import build

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
            urls = [served_url(siteurl, rel) for rel in pages_to_audit(www / "usti").values()]
            result = run(urls, siteurl, Path(tmp))
        finally:
            server.shutdown()
    for r in result.runs:
        scores = " ".join(f"{c}={s:.2f}" if s is not None else f"{c}=n/a" for c, s in r.scores.items())
        print(f"{r.url}: {scores} {r.bytes / 1024:.1f} KiB {r.requests} requests {r.third_party} third-party")
    print(result.assert_output)
    print(f"{len(result.runs)} pages in {result.seconds:.0f} s: {'pass' if result.assert_ok else 'FAIL'}")
    return 0 if result.assert_ok else 1


if __name__ == "__main__":
    sys.exit(main())
