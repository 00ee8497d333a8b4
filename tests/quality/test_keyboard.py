"""Gate 4: keyboard and zoom. Tabbing from the top of a page, the skip link comes first and moves
focus to the main content; every interactive element is reached and shows a visible focus
indicator (computed outline/box-shadow differ from the unfocused state, on the element or its
::before/::after) that is not hidden under something else; the language switcher works with
Enter; the search page and the projects filter work by keyboard (when the site has them).
At 320 px wide (1280 px at 400 % zoom) no page scrolls sideways."""

from __future__ import annotations

import pytest

from .conftest import SETTLE, Todo, grouped, in_browsers

pytestmark = pytest.mark.browser

FOCUSABLE = """() => {
  const sel = 'a[href], area[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), '
    + 'select:not([disabled]), textarea:not([disabled]), summary, iframe, audio[controls], video[controls], '
    + '[contenteditable]:not([contenteditable=false]), [tabindex]:not([tabindex="-1"])';
  const shown = e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'
    && !e.closest('[inert]');
  window.__focusables = [...document.querySelectorAll(sel)].filter(shown);
  return window.__focusables.length;
}"""

DESCRIBE = """(e) => {
  if (!e || e === document.body || e === document.documentElement) return null;
  const text = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\\s+/g, ' ');
  return `<${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\\s+/).join('.') : ''}> ${text.slice(0, 40)}`;
}"""

# The focus indicator of the active element: outline and box-shadow on it and its pseudo-elements,
# and whether its centre is covered by another element (WCAG 2.4.11 Focus Not Obscured).
FOCUS_STYLE = """() => {
  const e = document.activeElement;
  const look = p => { const s = getComputedStyle(e, p);
    return {outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none'
              : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow}; };
  const r = e.getBoundingClientRect();
  const x = Math.min(Math.max(r.left + Math.min(r.width / 2, 8), 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  const hit = document.elementFromPoint(x, y);
  const covered = !(hit && (hit === e || e.contains(hit) || hit.contains(e)));
  return {index: window.__focusables.indexOf(e), styles: [look(null), look('::before'), look('::after')],
          covered, inView: r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth};
}"""

UNFOCUSED_STYLES = """() => {
  if (document.activeElement) document.activeElement.blur();
  return window.__focusables.map(e => [null, '::before', '::after'].map(p => { const s = getComputedStyle(e, p);
    return {outline: s.outlineStyle === 'none' || parseFloat(s.outlineWidth) === 0 ? 'none'
              : `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}`, shadow: s.boxShadow}; }));
}"""


# One round trip per Tab stop: has focus left the page? If not, let animations settle, then the
# focus indicator (FOCUS_STYLE) and a description of the focused element.
TAB_STOP = f"""async () => {{
  if (document.activeElement === document.body || !document.hasFocus()) return null;
  await ({SETTLE})();
  return {{...({FOCUS_STYLE})(), name: ({DESCRIBE})(document.activeElement)}};
}}"""


def tab_through(page, limit_extra: int = 10) -> tuple[int, list[dict], list[str]]:
    """Tab from the top of the loaded page until focus leaves it; returns (number of focusable
    elements, one FOCUS_STYLE per stop, descriptions of the stops)."""
    total = page.evaluate(FOCUSABLE)
    stops, names = [], []
    for _ in range(total + limit_extra):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOP)
        if stop is None:
            break
        name = stop.pop("name")
        if stops and stop["index"] == stops[0]["index"] and stop["index"] >= 0:
            break  # wrapped around
        stops.append(stop)
        names.append(name)
    return total, stops, names


def focus_problems(page) -> tuple[int, list[str]]:
    total, stops, names = tab_through(page)
    unfocused = page.evaluate(UNFOCUSED_STYLES)
    problems = []
    reached = {s["index"] for s in stops}
    missing = [i for i in range(total) if i not in reached]
    if missing:
        described = page.evaluate(f"(ix) => ix.map(i => ({DESCRIBE})(window.__focusables[i]))", missing)
        problems += [f"never reached by Tab: {d}" for d in described]
    for stop, name in zip(stops, names):
        if stop["index"] < 0:
            continue  # focusable by other means (e.g. a scroll container): judged by its own style
        before = unfocused[stop["index"]]
        shows = any(
            (now["outline"] != "none" and now["outline"] != was["outline"])
            or (now["shadow"] != "none" and now["shadow"] != was["shadow"])
            for now, was in zip(stop["styles"], before)
        )
        if not shows:
            problems.append(f"no visible focus indicator: {name}")
        if not stop["inView"]:
            problems.append(f"focused but off screen: {name}")
        elif stop["covered"]:
            problems.append(f"focused but covered by another element: {name}")
    return len(stops), problems


def new_page(browser, width=1280, height=900):
    context = browser.new_context(viewport={"width": width, "height": height})
    return context, context.new_page()


@pytest.mark.parametrize("lang", ["en", "cs"])
def test_skip_link_comes_first_and_moves_focus_to_main(browser, published, gate, lang):
    context, page = new_page(browser)
    page.goto(published.url("index.html" if lang == "en" else "cs/index.html"))
    page.keyboard.press("Tab")
    first = page.evaluate("""() => { const e = document.activeElement, r = e.getBoundingClientRect();
        return {cls: e.className, href: e.getAttribute('href'), visible: r.width > 0 && r.top >= 0 && r.top < innerHeight}; }""")
    page.keyboard.press("Enter")
    page.wait_for_timeout(100)
    target = page.evaluate("document.activeElement.id")
    page.keyboard.press("Tab")
    next_in_main = page.evaluate("document.querySelector('main').contains(document.activeElement)")
    context.close()
    problems = []
    if "skip-link" not in first["cls"] or first["href"] != "#main-content":
        problems.append(f"first Tab stop is not the skip link: {first}")
    if not first["visible"]:
        problems.append("the skip link is not visible when focused")
    if target != "main-content":
        problems.append(f"Enter on the skip link focused #{target}, not #main-content")
    if not next_in_main:
        problems.append("the Tab after the skip link does not continue inside <main>")
    gate(len(problems), "", *(f"{lang}: {p}" for p in problems))
    assert not problems


def walk_pages(browser, todo: Todo, published, found: dict[str, tuple[int, list[str]]]) -> None:
    """focus_problems() on each page taken from `todo`, in one page of `browser`."""
    context, page = new_page(browser)
    while (rel := todo.take()) is not None:
        page.goto(published.url(rel))
        page.wait_for_load_state("networkidle")
        found[rel] = focus_problems(page)
    context.close()


def test_every_interactive_element_is_reached_and_shows_focus(browser, published, gate):
    """On one page of every template type in both languages (the home page first), CRAWLERS at a time."""
    pages, found = list(published.kinds().values()), {}
    in_browsers(browser, Todo(pages), walk_pages, published, found)
    assert set(found) == set(pages), f"walked {len(found)} of {len(pages)} pages"
    problems = [(rel, p) for rel in pages for p in found[rel][1]]
    stops = sum(n for n, _ in found.values())
    gate(len(problems), f"{len(pages)} pages, {stops} Tab stops")
    assert stops > 0
    assert not problems, grouped(problems)


@pytest.mark.parametrize("start, target", [("index.html", "cs/"), ("cs/index.html", "")])
def test_language_switcher_works_by_keyboard(browser, published, gate, start, target):
    context, page = new_page(browser)
    page.goto(published.url(start))
    page.evaluate(FOCUSABLE)
    index = page.evaluate("window.__focusables.findIndex(e => e.closest('.lang-switch'))")
    assert index >= 0, "no language switcher link"
    for _ in range(index + 1):
        page.keyboard.press("Tab")
    in_switcher = page.evaluate("!!document.activeElement.closest('.lang-switch')")
    if in_switcher:
        with page.expect_navigation():
            page.keyboard.press("Enter")
    url = page.url
    context.close()
    ok = in_switcher and url == f"{published.siteurl}/{target}"
    gate(0 if ok else 1)
    assert in_switcher, f"Tab x{index + 1} did not reach the language switcher"
    assert url == f"{published.siteurl}/{target}"


def find_kind(published, kind: str, lang: str = "en") -> str | None:
    return published.kinds().get((kind, lang))


def test_search_works_by_keyboard(browser, published, gate):
    rel = find_kind(published, "search")
    if rel is None:
        pytest.fail("no search page (body class page--search) in the build")
    context, page = new_page(browser)
    errors: list[str] = []  # e.g. the CSP blocking the search's WebAssembly or its index
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(published.url(rel))
    page.wait_for_load_state("networkidle")
    total = page.evaluate(FOCUSABLE)
    field = None
    for _ in range(total + 5):
        page.keyboard.press("Tab")
        if page.evaluate("['search', 'text'].includes(document.activeElement.type) && "
                         "document.querySelector('main').contains(document.activeElement)"):
            field = True
            break
    problems = []
    if not field:
        problems.append("Tab never reaches a search field inside <main>")
    else:
        page.keyboard.type("hydrogen", delay=20)
        link = "main a[href*='/projects/hydrogen.html']"
        try:
            page.wait_for_selector(link, timeout=10_000)
        except Exception:
            problems.append("typing 'hydrogen' shows no link to the hydrogen project")
        else:
            for _ in range(40):
                page.keyboard.press("Tab")
                if page.evaluate("(document.activeElement.getAttribute('href') || '').includes('/projects/hydrogen.html')"):
                    break
            else:
                problems.append("Tab from the search field never reaches the result")
            if not problems:
                with page.expect_navigation():
                    page.keyboard.press("Enter")
                if not page.url.startswith(f"{published.siteurl}/projects/hydrogen.html"):
                    problems.append(f"Enter on the result went to {page.url}")
    context.close()
    problems += [f"console: {e}" for e in errors]
    gate(len(problems))
    assert not problems


def visible_cards(page) -> int:
    return page.evaluate("[...document.querySelectorAll('main .card')].filter(e => e.getClientRects().length).length")


def test_projects_filter_works_by_keyboard(browser, published, gate):
    rel = find_kind(published, "projects")
    context, page = new_page(browser)
    page.goto(published.url(rel))
    page.wait_for_load_state("networkidle")
    has_form = page.evaluate("!!document.querySelector('main form') && "
                             "document.querySelector('main form').getClientRects().length > 0")
    if not has_form:
        context.close()
        pytest.fail(f"no visible filter form in <main> of {rel}")
    before, url_before = visible_cards(page), page.url
    total = page.evaluate(FOCUSABLE)
    control = None
    for _ in range(total + 5):
        page.keyboard.press("Tab")
        control = page.evaluate("""() => { const e = document.activeElement;
            return e.closest('main form') ? e.tagName.toLowerCase() + ':' + (e.type || '') : null; }""")
        if control:
            break
    problems = []
    if not control:
        problems.append("Tab never reaches the filter form")
    else:
        if control.startswith("select"):
            page.keyboard.press("ArrowDown")
        elif control.endswith(("checkbox", "radio")):
            page.keyboard.press("Space")
        else:
            page.keyboard.type("2020")
            page.keyboard.press("Enter")
        page.wait_for_timeout(300)
        after = visible_cards(page)
        if after == before and page.url == url_before:
            problems.append(f"operating the first filter control ({control}) by keyboard changed nothing")
        elif after == 0 and not page.evaluate("!!document.querySelector('main [role=status], main [aria-live]')"):
            problems.append("the filter shows no project and no status message")
    context.close()
    gate(len(problems))
    assert not problems


def test_no_page_scrolls_sideways_at_320px(crawl, gate):
    wide = [(rel, f.overflow) for rel, f in crawl.pages.items() if f.overflow]
    gate(len(wide), f"{len(crawl.pages)} pages at 320 px")
    assert not wide, grouped(wide)


def test_the_focus_check_can_fail(browser):
    """A link whose focus outline is removed, and one Tab never reaches, are reported."""
    context, page = new_page(browser)
    page.set_content("""<!doctype html><html lang="en"><title>t</title>
        <style>a:focus { outline: none; } .ok:focus { outline: 2px solid blue; }</style>
        <main><a class="ok" href="#a">visible</a> <a href="#b">invisible</a>
        <span tabindex="0" hidden>hidden</span><a href="#c" tabindex="-1">skipped</a></main>""")
    _, problems = focus_problems(page)
    context.close()
    assert any("no visible focus indicator" in p and "invisible" in p for p in problems), problems
    assert any("never reached" in p and "skipped" in p for p in problems), problems
    assert not any("visible" in p and "invisible" not in p for p in problems), problems
