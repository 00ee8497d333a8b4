"""Gate 3: axe-core (pinned in package.json) in headless Chromium finds 0 violations on every
page, at 390 and 1280 px, in light and dark colour schemes (tags: WCAG 2.0/2.1 A+AA, 2.2 AA
and axe's best practices). One shared crawl (conftest.crawl) visits each page once."""

from __future__ import annotations

import pytest

from .conftest import AXE, AXE_TAGS, grouped, need_node_tool

pytestmark = pytest.mark.browser


def test_axe_finds_no_violations(crawl, gate):
    found = [(rel, v) for rel, f in crawl.pages.items() for v in f.violations]
    nodes = sum(f.violation_nodes for f in crawl.pages.values())
    gate(nodes, f"{len(crawl.pages)} pages x 2 widths x 2 schemes", f"browser crawl {crawl.seconds:.0f} s")
    assert not found, f"{nodes} violating elements; " + grouped(found)


def test_axe_really_runs_under_the_csp(browser, published):
    """The gate can fail: a page with an unlabelled image and invisible text gives violations."""
    need_node_tool(AXE)
    context = browser.new_context()
    context.add_init_script(path=str(AXE))
    page = context.new_page()
    page.goto(published.url("index.html"))
    page.evaluate("""() => {
        const img = document.createElement('img'); img.src = 'x.png'; document.querySelector('main').append(img);
    }""")
    ids = page.evaluate("async (tags) => (await axe.run(document, {runOnly: {type: 'tag', values: tags}}))"
                        ".violations.map(v => v.id)", AXE_TAGS)
    context.close()
    assert "image-alt" in ids
