"""What a reader sees, in headless Chromium: screenshots at phone and desktop widths (kept in
test-artifacts/screenshots/) and no horizontal scrolling."""

from __future__ import annotations

import pytest

from conftest import ARTIFACTS, ROOT
from icuk_site.content import load_site

pytestmark = pytest.mark.browser
SITE = load_site(ROOT / "content")

PAGES = {
    "home-en": "/",
    "home-cs": "/cs/",
    "project-en": "/projects/hydrogen.html",
    "project-cs": "/" + SITE.get("project", "robot-tandem-teacher", "cs").url,
    "projects-en": "/projects/",
    "about-cs": "/" + SITE.get("page", "about", "cs").url,
}
WIDTHS = (390, 1280)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", PAGES)
def test_screenshot_and_no_horizontal_overflow(browser, served, name, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(served + PAGES[name], wait_until="load")
    out = ARTIFACTS / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
        .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    context.close()
    assert overflow <= 0, f"{name} at {width}px scrolls sideways by {overflow}px: {wide}"
    assert not errors, errors  # e.g. a CSP violation or a missing stylesheet


def test_stylesheet_applies_under_the_csp(browser, served):
    page = browser.new_page()
    page.goto(served + "/")
    color = page.evaluate("getComputedStyle(document.querySelector('.hero')).backgroundImage")
    page.close()
    assert "gradient" in color


def test_dark_mode(browser, served):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(served + "/projects/")
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert bg == "rgb(15, 21, 25)"


@pytest.mark.parametrize("path, word, expected", [
    ("/search/", "hydrogen", "/projects/hydrogen.html"),
    ("/cs/hledat/", "vodík", "/" + SITE.get("project", "hydrogen", "cs").url),
    ("/cs/hledat/", "Pepper", "/" + SITE.get("project", "robot-tandem-teacher", "cs").url),
])
def test_search_finds_projects_in_the_page_language(browser, served, path, word, expected):
    page = browser.new_page()
    page.goto(served + path)
    page.fill("#search-q", word)
    page.keyboard.press("Enter")
    page.wait_for_selector(".search-result a")
    hrefs = page.eval_on_selector_all(".search-result a", "els => els.map(a => new URL(a.href).pathname)")
    summary = page.text_content(".search-result__summary")
    assert "q=" in page.url
    page.close()
    assert expected in hrefs
    lang_prefix = "/cs/" if path.startswith("/cs/") else "/"
    assert all(h.startswith(lang_prefix) and (lang_prefix == "/cs/" or not h.startswith("/cs/")) for h in hrefs)
    assert summary


def test_filter_in_place_with_shareable_url_and_back_button(browser, served):
    page = browser.new_page()
    page.goto(served + "/projects/")
    assert page.is_hidden("[data-browse]") and page.is_visible("form[data-filter]")
    total = page.locator(".card-grid > li[data-project]").count()
    # (the content: only completed projects carry years the sources support, e.g. 2020–2023)
    page.select_option("#filter-phase", "completed")
    visible = page.eval_on_selector_all(".card-grid > li[data-project]:not([hidden])", "els => els.map(e => e.dataset.phase)")
    assert visible and set(visible) == {"completed"} and len(visible) < total
    assert "phase=completed" in page.url
    assert page.text_content("[data-filter-status]").startswith(f"Showing {len(visible)} of {total}")
    page.select_option("#filter-year", "2021")
    both = page.eval_on_selector_all(".card-grid > li[data-project]:not([hidden])",
                                     "els => els.map(e => [e.dataset.phase, e.dataset.year.split(' ')])")
    assert both and all(phase == "completed" and "2021" in years for phase, years in both)
    page.go_back()
    assert page.input_value("#filter-year") == ""
    assert page.locator(".card-grid > li[data-project]:not([hidden])").count() == len(visible)
    page.go_back()
    assert page.locator(".card-grid > li[data-project]:not([hidden])").count() == total
    shared = browser.new_page()
    shared.goto(served + "/cs/projekty/?category=education")
    shown = shared.eval_on_selector_all(".card-grid > li[data-project]:not([hidden])", "els => els.map(e => e.dataset.category)")
    assert shown and set(shown) == {"education"}
    page.close()
    shared.close()
