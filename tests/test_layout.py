"""Every screen right (issue 14): phones, tablets, print, and the layout details, in headless
Chromium on the one development build of the session (`site`, `served` from conftest.py).

One page per page kind (the body class `page--…`) and language is checked at each width; the
print test covers every project page of both languages. Each check is a function of what the
browser measured, and the tests below that feed it a made-up measurement show it can fail.
"""

from __future__ import annotations

import difflib
import re

import pytest
from bs4 import BeautifulSoup

from icuk_site.content import LANGS
from icuk_site.render.regionmap import PLACES, distance_km, region_map
from icuk_site.render.words import Words

pytestmark = pytest.mark.browser

PHONES = (320, 390)
TABLETS = (768, 834, 910, 1024)
DESKTOP = 1280
BODY_KIND = re.compile(r'<body[^>]*\bclass="[^"]*\bpage--([\w-]+)')
SHORT_KINDS = ("search", "years", "404")  # pages whose content is shorter than 800 px

# Elements inside <main> that stick out of the viewport or clip their own content sideways
# (a box that scrolls or hides what is wider than it). Visually hidden text (clip-path/clip) is
# not content a reader sees, so it is left out.
CLIPPED = """() => {
  const width = document.documentElement.clientWidth;
  const hidden = e => { const s = getComputedStyle(e);
    return s.clipPath.startsWith('inset') || s.clip.startsWith('rect') || s.display === 'none'
      || e.closest('.visually-hidden, [hidden], [aria-hidden=true] text'); };
  const name = e => e.tagName.toLowerCase() + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/).join('.') : '');
  const out = [];
  if (document.documentElement.scrollWidth > width) out.push(`the page scrolls sideways by ${document.documentElement.scrollWidth - width}px`);
  for (const e of document.querySelectorAll('main *')) {
    if (hidden(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.right > width + 1 || r.left < -1) out.push(`${name(e)} sticks out (${Math.round(r.left)}–${Math.round(r.right)} of ${width}px)`);
    const s = getComputedStyle(e);
    if (s.overflowX !== 'visible' && e.scrollWidth > e.clientWidth + 1) out.push(`${name(e)} clips or scrolls its content (${e.scrollWidth} > ${e.clientWidth}px)`);
  }
  return out.slice(0, 8);
}"""

HEADER = """() => {
  const header = document.querySelector('.site-header');
  const items = [...header.querySelector('.site-header__inner').children]
    .filter(e => e.getClientRects().length).map(e => e.getBoundingClientRect());
  const top = Math.min(...items.map(r => r.top)), bottom = Math.max(...items.map(r => r.bottom));
  // one row: every visible item overlaps the vertical middle of the row
  const middle = (top + bottom) / 2;
  return {height: header.getBoundingClientRect().height,
          rows: items.every(r => r.top <= middle && r.bottom >= middle) ? 1 : 2};
}"""

# Menu items up to six (of the labels not in the menu yet), as the header must hold them.
SIX_ITEMS = """(labels) => {
  const list = document.querySelector('.site-nav__list');
  const have = new Set([...list.querySelectorAll('a')].map((a) => a.textContent.trim()));
  for (const label of labels.filter((l) => !have.has(l))) {
    if (list.children.length >= 6) break;
    const li = list.lastElementChild.cloneNode(true);
    li.querySelector('a').textContent = label;
    li.querySelector('a').removeAttribute('aria-current');
    list.insertBefore(li, list.children[1]);
  }
  return list.children.length;
}"""

FOOTER = """() => { const f = document.querySelector('.site-footer').getBoundingClientRect();
  return {bottom: f.bottom + scrollY, viewport: innerHeight, page: document.documentElement.scrollHeight}; }"""

PRINTED = """() => {
  const look = sel => { const e = document.querySelector(sel); if (!e) return null;
    const s = getComputedStyle(e); return {bg: s.backgroundColor, color: s.color, display: s.display}; };
  return {body: look('body'), facts: look('.facts'), factsText: look('.facts dd'), prose: look('.prose p'),
          menu: look('.site-menu'), switcher: look('.lang-switch'), footerNav: look('.site-footer__nav'),
          url: look('.print-url'), urlText: document.querySelector('.print-url').textContent};
}"""


# ---- what the measurements must show (pure functions, tested below on bad input too) ---------

def luminance(css_color: str) -> float:
    """Relative luminance (WCAG) of 'rgb(r, g, b)' / 'rgba(r, g, b, a)'; a transparent colour is paper (1.0)."""
    parts = [float(x) for x in re.findall(r"[\d.]+", css_color)]
    if len(parts) == 4 and parts[3] == 0:
        return 1.0

    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in parts[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def print_problems(found: dict) -> list[str]:
    out = []
    for part in ("body", "facts"):
        if found[part] and luminance(found[part]["bg"]) < 0.9:
            out.append(f"{part} prints on a dark background ({found[part]['bg']})")
    for part in ("body", "factsText", "prose"):
        if found[part] and luminance(found[part]["color"]) > 0.2:
            out.append(f"{part} prints in a light colour ({found[part]['color']})")
    for part in ("menu", "switcher", "footerNav"):
        if found[part] and found[part]["display"] != "none":
            out.append(f"{part} is printed")
    if not found["url"] or found["url"]["display"] == "none":
        out.append("the page's address is not printed")
    return out


def header_problems(width: int, found: dict, desktop_height: float) -> list[str]:
    out = []
    if found["rows"] != 1:
        out.append(f"{width}px: an item of the header drops to a row of its own")
    if width < 480 and found["height"] > 100:
        out.append(f"{width}px: the header is {found['height']:.0f}px tall (at most 100 on a phone)")
    if found["height"] > desktop_height * 1.2:
        out.append(f"{width}px: the header is {found['height']:.0f}px tall, more than a fifth over 1280px ({desktop_height:.0f})")
    return out


def repeats(a: str, b: str) -> bool:
    """Whether two texts say the same (one contains the other, or they share most words)."""
    def words(t: str) -> list[str]:
        return re.sub(r"[^\w ]", " ", t.replace("\xa0", " ")).lower().split()
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return False
    if " ".join(wa) in " ".join(wb) or " ".join(wb) in " ".join(wa):
        return True
    return difflib.SequenceMatcher(None, wa, wb).ratio() >= 0.75


def test_the_checks_fail_on_bad_measurements():
    dark = {"body": {"bg": "rgb(15, 21, 25)", "color": "rgb(233, 238, 241)", "display": "flex"},
            "facts": {"bg": "rgb(23, 33, 39)", "color": "rgb(0, 0, 0)", "display": "block"},
            "factsText": {"bg": "rgba(0, 0, 0, 0)", "color": "rgb(0, 0, 0)", "display": "block"},
            "prose": None, "menu": {"bg": "", "color": "", "display": "block"}, "switcher": None,
            "footerNav": None, "url": {"bg": "", "color": "", "display": "none"}, "urlText": ""}
    problems = print_problems(dark)
    assert any("body prints on a dark" in p for p in problems)
    assert any("facts prints on a dark" in p for p in problems)
    assert any("menu is printed" in p for p in problems)
    assert any("address is not printed" in p for p in problems)
    assert header_problems(834, {"height": 122, "rows": 2}, 66)
    assert header_problems(390, {"height": 170, "rows": 1}, 170)
    assert not header_problems(834, {"height": 70, "rows": 1}, 66)
    assert repeats("We’re building an innovation ecosystem for the Usti Region",
                   "We’re building an innovation ecosystem for the Usti Region and are working towards…")
    assert not repeats("Development and testing of driverless cars.", "The U SMART ZONE is a test area.")


# ---- the pages --------------------------------------------------------------------------------

def kinds(site) -> dict[tuple[str, str], str]:
    """One page per (kind, language): its site path ('/projects/hydrogen.html', '/cs/…')."""
    chosen: dict[tuple[str, str], str] = {}
    for path in sorted(site.pages(), key=lambda p: (len(p.relative_to(site.root).parts), str(p))):
        head = path.read_text(encoding="utf-8")[:20000]
        kind = BODY_KIND.search(head)
        lang = re.search(r'<html[^>]*\blang="([\w-]+)"', head)
        if kind and lang:
            rel = "/" + path.relative_to(site.root).as_posix()
            chosen.setdefault((kind.group(1), lang.group(1)), rel.removesuffix("index.html"))
    return chosen


@pytest.fixture(scope="module")
def pages(site) -> dict[tuple[str, str], str]:
    found = kinds(site)
    assert {k for k, _ in found} >= {"home", "project", "projects", "partners", "facet", "years", "page",
                                     "open-data", "search", "404"}, found
    return found


@pytest.fixture(scope="module")
def tab(browser):
    context = browser.new_context(viewport={"width": DESKTOP, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def test_phones_nothing_in_main_needs_sideways_scrolling_or_is_cut(tab, served, pages):
    found = []
    for path in pages.values():
        tab.set_viewport_size({"width": DESKTOP, "height": 800})
        tab.goto(served + path, wait_until="load")
        for width in PHONES:
            tab.set_viewport_size({"width": width, "height": 800})
            found.extend(f"{path} at {width}px: {p}" for p in tab.evaluate(CLIPPED))
    assert not found, "\n".join(found)
    # the check sees what the review saw: a table in a box that scrolls sideways
    tab.evaluate("""() => { const box = document.createElement('div'); box.className = 'table-wrap';
      const wide = document.createElement('div'); wide.style.width = '600px'; wide.textContent = 'wide';
      box.append(wide); document.querySelector('main').append(box); }""")
    assert any("clips or scrolls" in p for p in tab.evaluate(CLIPPED))


def test_header_one_row_at_every_width_even_with_six_menu_items(tab, served, pages):
    found = []
    for lang, extra in (("en", ["News", "Services", "Events"]), ("cs", ["Aktuality", "Služby", "Akce"])):
        path = pages[("project", lang)]
        tab.set_viewport_size({"width": DESKTOP, "height": 800})
        tab.goto(served + path, wait_until="load")
        for items in (None, extra):
            if items:
                assert tab.evaluate(SIX_ITEMS, items) >= 6
                assert tab.evaluate("() => document.querySelectorAll('.site-nav__list > li').length") == 6
            desktop = tab.evaluate(HEADER)["height"]
            for width in (*PHONES, 480, *TABLETS, 1100, DESKTOP, 1440, 1920):
                tab.set_viewport_size({"width": width, "height": 800})
                problems = header_problems(width, tab.evaluate(HEADER), desktop)
                found.extend(f"{path}{' (6 items)' if items else ''}: {p}" for p in problems)
            tab.set_viewport_size({"width": DESKTOP, "height": 800})
    assert not found, "\n".join(found)


@pytest.mark.parametrize("js", [False, True], ids=["no-js", "js"])
def test_compact_menu_opens_without_javascript(browser, served, pages, js):
    context = browser.new_context(viewport={"width": 390, "height": 800}, java_script_enabled=js)
    page = context.new_page()
    page.goto(served + pages[("projects", "cs")], wait_until="load")
    link = page.locator(".site-nav a").first
    assert not link.is_visible()
    page.locator(".site-menu__toggle").click()
    assert link.is_visible()
    assert page.evaluate("document.querySelector('.site-header').offsetHeight") <= 100  # the panel overlays the page
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    page.reload(wait_until="load")  # closed again: from 64rem the list shows all the same
    assert link.is_visible() and not page.locator(".site-menu__toggle").is_visible()
    context.close()


def test_footer_reaches_the_bottom_of_short_pages(tab, served, pages):
    tab.set_viewport_size({"width": DESKTOP, "height": 800})
    found = []
    for (kind, _lang), path in pages.items():
        if kind in SHORT_KINDS:
            tab.goto(served + path, wait_until="load")
            m = tab.evaluate(FOOTER)
            if m["bottom"] < m["viewport"] - 1:
                found.append(f"{path}: the footer ends at {m['bottom']:.0f}px of {m['viewport']}")
    assert not found, "\n".join(found)


def test_project_pages_print_light_on_at_most_two_a4_pages(browser, served, site):
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    found, checked = [], 0
    for lang in LANGS:
        for path in sorted(site.pages()):
            html = path.read_text(encoding="utf-8")
            if not re.search(r"class=\"page--project\"", html[:20000]) or f'lang="{lang}"' not in html[:300]:
                continue
            rel = "/" + path.relative_to(site.root).as_posix()
            page.goto(served + rel, wait_until="load")
            page.emulate_media(media="print", color_scheme="dark")
            measured = page.evaluate(PRINTED)
            found.extend(f"{rel}: {p}" for p in print_problems(measured))
            if not measured["urlText"].strip().endswith(rel.lstrip("/")):
                found.append(f"{rel}: the printed address is {measured['urlText']!r}")
            pdf = page.pdf(format="A4", prefer_css_page_size=True)
            sheets = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
            if sheets > 2:
                found.append(f"{rel}: prints on {sheets} A4 pages")
            page.emulate_media(media="screen")
            checked += 1
    context.close()
    assert checked >= 20
    assert not found, "\n".join(found)


# ---- details a reader notices (from the built HTML) ---------------------------------------------

def _soups(site):
    for path in site.pages():
        yield "/" + path.relative_to(site.root).as_posix(), BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_dates_tab_titles_and_project_intros(site):
    us_date = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|November|"
                         r"December) \d{1,2}, \d{4}")
    found = []
    for rel, soup in _soups(site):
        title = soup.title.get_text()
        if not title.endswith("– ICUK"):
            found.append(f"{rel}: tab title {title!r} does not end with the organisation's name")
        if soup.html["lang"] == "en":
            text = soup.get_text(" ")
            if us_date.search(text):
                found.append(f"{rel}: American date {us_date.search(text).group(0)!r}")
            for time in soup.select("main time"):
                # "27 November 2026"; "November 2015" where only the month is known (datetime="2015-11")
                month_only = re.fullmatch(r"\d{4}-\d{2}", time.get("datetime", ""))
                shape = r"[A-Z][a-z]+ \d{4}" if month_only else r"\d{1,2} [A-Z][a-z]+ \d{4}"
                if not re.fullmatch(shape, time.get_text(strip=True)):
                    found.append(f"{rel}: date {time.get_text()!r} is not British")
        article = soup.select_one("article.project")
        if article:
            lead = article.select_one(".lead").get_text()
            first = article.select_one(".prose > p")
            if first is not None and repeats(lead, first.get_text()):
                found.append(f"{rel}: the intro repeats the first paragraph")
            years = article.select_one(".facts dd .inline-list")
            if years and len(years.select("li")) == 1 and years.find_previous_sibling(class_="years"):
                found.append(f"{rel}: a one-year project shows its year twice")
    assert not found, "\n".join(found)


def test_home_hero_says_it_once_beside_a_map_of_the_region(site):
    for lang, capitals in (("en", ("Prague", "Dresden")), ("cs", ("Praha", "Drážďany"))):
        soup = site.html("/" if lang == "en" else "/cs/")
        hero = soup.select_one(".hero")
        assert not repeats(hero.h1.get_text(), hero.select_one(".hero__text").get_text())
        svg = hero.select_one("figure.region-map svg[role=img]")
        assert svg.title.get_text() and svg.desc.get_text()
        assert svg["aria-labelledby"] == svg.title["id"] and svg["aria-describedby"] == svg.desc["id"]
        labels = {t.get_text() for t in svg.select("text.region-map__label")}
        assert set(capitals) <= labels and "Ústí nad Labem" in labels
        assert len(labels) == len(PLACES)
        assert "km" in hero.select_one("figcaption").get_text()
        assert "Antracit" in soup.select_one(".site-footer__credit").get_text()


def test_region_map_geometry():
    coords = {pid: (lat, lon) for pid, _en, _cs, lat, lon, *_ in PLACES}
    assert 60 < distance_km(coords["usti"], coords["praha"]) < 75  # Ústí–Prague, straight line
    assert 40 < distance_km(coords["usti"], coords["dresden"]) < 55
    m = region_map("en", Words())
    by_id = {p.id: p for p in m.places}
    # north is up, east is right, and everything is inside the drawing
    assert by_id["dresden"].y < by_id["usti"].y < by_id["praha"].y
    assert by_id["chomutov"].x < by_id["usti"].x < by_id["praha"].x
    assert all(0 < p.x < m.width and 0 < p.y < m.height for p in m.places)
    assert "≈ 70 km" in [link.label for link in m.links]
