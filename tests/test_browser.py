"""What a reader sees, in headless Chromium: screenshots at phone and desktop widths (kept in
test-artifacts/screenshots/) and no horizontal scrolling."""

from __future__ import annotations

import pytest

from conftest import ARTIFACTS

pytestmark = pytest.mark.browser

PAGES = {
    "home-en": "/",
    "home-cs": "/cs/",
    "project-en": "/projects/hydrogen/",
    "project-cs": "/cs/projekty/robot-tandem-teacher/",
    "projects-en": "/projects/",
    "about-cs": "/cs/about/",
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
