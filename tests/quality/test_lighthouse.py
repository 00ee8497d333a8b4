"""Gate 5: Lighthouse (12.2, mobile, our collector scripts/quality/lighthouse_collect.mjs; judged by
`lhci assert`, LHCI 0.14) on one page of each template type in both languages
(scripts/quality/lighthouse.py, lighthouserc.js; docs/performance.md has the design):

- the hard gate, every page, every run (the pages outside the scored subset get one run, two at a
  time): accessibility, best practices and SEO = 1; <= 250 KiB (home <= 150 KiB), <= 15 requests,
  none to a third party; per resource type bytes and counts; at most 1 render-blocking resource
  (the stylesheet). None of it depends on the machine's speed.
- the performance score >= 0.95 on the MEDIAN of 3 runs (5 if the median of 3 is short) of a
  representative subset (lighthouse.SCORE_KINDS: home, projects index, a Czech section page),
  run one at a time after the others.

The same size and request budget is checked statically on every page."""

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
    need_node_tool(lighthouse.LIGHTHOUSE)
    if not Path(lighthouse.CHROMIUM).exists():
        pytest.fail(f"{lighthouse.CHROMIUM} is missing: install Debian's chromium (see README)")
    kinds = published.kinds()
    urls = [published.url(rel) for rel in kinds.values()]
    score_urls = [published.url(rel) for rel in lighthouse.score_pages(kinds)]
    assert len(score_urls) == len(lighthouse.SCORE_KINDS), f"score pages missing: {lighthouse.SCORE_KINDS} in {list(kinds)}"
    result = lighthouse.run(urls, published.siteurl, tmp_path, score_urls)
    assert {r.url for r in result.runs} == set(urls), f"Lighthouse reports for {len({r.url for r in result.runs})} of {len(urls)} URLs"
    short = lambda url: url.removeprefix(published.siteurl) or "/"  # noqa: E731
    worst = {}
    for category in lighthouse.CATEGORIES:
        scored = [(r.scores.get(category), r.url) for r in result.runs if r.scores.get(category) is not None]
        if scored:
            worst[category] = min(scored)
    medians = sorted((*result.performance(u), u) for u in score_urls)
    heaviest = max(result.runs, key=lambda r: r.bytes)
    gate(len(result.failures), f"{len(urls)} pages ({len(urls) // 2} types x 2 languages), {len(result.runs)} runs",
         f"{result.seconds:.0f} s: " + ", ".join(result.phases),
         "worst single run: " + ", ".join(f"{c} {s:.2f}" for c, (s, _) in worst.items()),
         "performance, median (runs): " + ", ".join(f"{short(u)} {m:.2f} ({n})" for m, n, u in medians),
         f"heaviest: {short(heaviest.url)} {heaviest.bytes / KiB:.1f} KiB, "
         f"most requests: {max(r.requests for r in result.runs)}, third-party: {sum(r.third_party for r in result.runs)}, "
         f"most render-blocking: {max(len(v) for v in result.render_blocking.values())}")
    for c, (s, url) in worst.items():
        if s < 1:
            gates.line(f"Lighthouse {c} {s:.2f} on {short(url)} (one run)")
    keep = os.environ.get("ICUK_LIGHTHOUSE_REPORTS")  # e.g. test-artifacts/lighthouse: keep the reports
    if keep:
        import shutil
        shutil.copytree(tmp_path / ".lighthouseci", keep, dirs_exist_ok=True)
    assert result.assert_ok, "\n".join(result.failures) + "\n\n" + result.assert_output


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
