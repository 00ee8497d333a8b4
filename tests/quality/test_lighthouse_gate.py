"""The Lighthouse gate can still fail: a regression planted in a copy of a built page turns it red.

A 500 KB classic <script src> in the <head> of a copy of the English section page, served by the
same server as the rest of the publish build, is run through the real gate code
(scripts/quality/lighthouse.py `run()`: our collector lighthouse_collect.mjs, then `lhci assert`
with the same lighthouserc.js assertions). The budgets, which do not depend on the machine's speed,
must name it: script bytes, total bytes and the render-blocking count. Its performance score falls
below the floor too (a busy machine only lowers it further), though the gate does not need that to
go red.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import load_script, need_node_tool

pytestmark = pytest.mark.browser

lighthouse = load_script("lighthouse")
KiB = 1024
PLANTED_PAGE = "lighthouse-regression.html"
PLANTED_SCRIPT = "theme/js/lighthouse-regression.js"


def plant(root: Path, siteurl: str, source: str) -> list[Path]:
    """Copy `source` to PLANTED_PAGE with a 500 KB render-blocking script in its <head>."""
    html = (root / source).read_text(encoding="utf-8")
    tag = f'<script src="{siteurl}/{PLANTED_SCRIPT}"></script>'
    assert "<head>" in html
    page, script = root / PLANTED_PAGE, root / PLANTED_SCRIPT
    page.write_text(html.replace("<head>", "<head>" + tag, 1), encoding="utf-8")
    line = "window.__planted = (window.__planted || 0) + 1; // a regression planted by the gate's own test\n"
    script.write_text(line * (500 * KiB // len(line) + 1), encoding="utf-8")
    return [page, script]


def test_a_planted_render_blocking_script_fails_the_gate(published, gate, tmp_path):
    need_node_tool(lighthouse.LHCI)
    need_node_tool(lighthouse.LIGHTHOUSE)
    if not Path(lighthouse.CHROMIUM).exists():
        pytest.fail(f"{lighthouse.CHROMIUM} is missing: install Debian's chromium (see README)")
    source = published.kinds()[("page", "en")]
    planted = plant(published.root, published.siteurl, source)
    try:
        url = published.url(PLANTED_PAGE)
        result = lighthouse.run([url], published.siteurl, tmp_path)
    finally:  # the other gates never see the planted files
        for path in planted:
            path.unlink()
    report = "\n".join(result.failures) + "\n\n" + result.assert_output
    assert not result.assert_ok, "the gate passed a page with a 500 KB render-blocking script:\n" + report
    failed = "\n".join(result.failures)
    for expected in ("resource-summary:script", "resource-summary:total", "render-blocking resources 2 > 1"):
        assert expected in failed, f"{expected!r} not among the failures:\n{report}"
    (run,) = result.runs
    assert run.bytes > 500 * KiB
    assert run.scores["performance"] < 0.95, f"performance {run.scores['performance']} with a 500 KB blocking script"
    gate(0, "", f"planted regression ({source} + 500 KB blocking script): red, {len(result.failures)} failures, "
                f"performance {run.scores['performance']:.2f}")
