"""Gate 5: Lighthouse CI (LHCI 0.14, Lighthouse 12.2.3, mobile) on one page of each template type
in both languages: performance >= 0.95; accessibility, best practices and SEO = 1; <= 250 KiB
(home <= 150 KiB) and <= 15 requests, none to a third party (lighthouserc.js). The same size
and request budget is checked statically on every page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from .conftest import load_script, need_node_tool

pytestmark = pytest.mark.browser

lighthouse = load_script("lighthouse")
linkcheck = load_script("linkcheck")
KiB = 1024


def test_lighthouse_scores_and_budgets(published, gate, gates, tmp_path):
    need_node_tool(lighthouse.LHCI)
    if not Path(lighthouse.CHROMIUM).exists():
        pytest.fail(f"{lighthouse.CHROMIUM} is missing: install Debian's chromium (see README)")
    urls = [published.url(rel) for rel in published.kinds().values()]
    result = lighthouse.run(urls, published.siteurl, tmp_path)
    assert len(result.runs) == len(urls), f"{len(result.runs)} Lighthouse reports for {len(urls)} URLs"
    failures = result.assert_output.count("failure for")
    worst = {}
    for category in lighthouse.CATEGORIES:
        scored = [(r.scores.get(category), r.url) for r in result.runs if r.scores.get(category) is not None]
        if scored:
            worst[category] = min(scored)
    heaviest = max(result.runs, key=lambda r: r.bytes)
    gate(failures, f"{len(urls)} pages ({len(urls) // 2} types x 2 languages)",
         "worst: " + ", ".join(f"{c} {s:.2f}" for c, (s, _) in worst.items()),
         f"heaviest: {heaviest.url.removeprefix(published.siteurl)} {heaviest.bytes / KiB:.1f} KiB, "
         f"most requests: {max(r.requests for r in result.runs)}, third-party: {sum(r.third_party for r in result.runs)}")
    for c, (s, url) in worst.items():
        if s < 1:
            gates.lines.append(f"Lighthouse {c} {s:.2f} on {url.removeprefix(published.siteurl)}")
    keep = os.environ.get("ICUK_LIGHTHOUSE_REPORTS")  # e.g. test-artifacts/lighthouse: keep the reports
    if keep:
        import shutil
        shutil.copytree(tmp_path / ".lighthouseci", keep, dirs_exist_ok=True)
    assert result.assert_ok, result.assert_output


def test_every_page_within_the_size_and_request_budget(published, gate):
    """Static weight: the HTML plus the same-origin files it loads (uncompressed: an upper bound)."""
    weights = linkcheck.check_site(published.root, published.siteurl).weights
    homes = {rel for (kind, _), rel in published.kinds().items() if kind == "home"}
    problems = []
    for rel, (size, requests) in sorted(weights.items()):
        limit = 150 * KiB if rel in homes else 250 * KiB
        if size > limit:
            problems.append(f"{rel}: {size / KiB:.1f} KiB > {limit // KiB} KiB")
        if requests > 15:
            problems.append(f"{rel}: {requests} requests > 15")
    gate(len(problems))
    assert not problems, "\n".join(problems)
