"""Browsing and search as a reader uses them (issue 14 items 4 and 5): the projects filter
(counts, timeline and table follow it; one history entry per deliberate change; the no-results
message said once), the partners and years indexes reachable with JavaScript, "Projects" marked
current on the listing pages, search results (excerpt with the matched words marked, section
pages with their summary, a page about the word above one that mentions it), the search page
without JavaScript, and the language switcher keeping the query and the filter.

Czech addresses come from url_for and the built pages, never typed in (they are changing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from icuk_site.content import LANGS, load_site, url_for
from icuk_site.content.routes import term_url

ROOT = Path(__file__).resolve().parent.parent
SITE = load_site(ROOT / "content")


def nav_current(page, route: str, lang: str) -> str | None:
    link = page.select_one(f'nav.site-nav a[href="/{url_for(route, lang)}"]')
    assert link is not None, route
    return link.get("aria-current")


# ---- in the built HTML -----------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_projects_is_current_on_every_listing_page(site, lang):
    doc = SITE.projects(lang)[0]
    pages = {
        "category": term_url("category", lang, doc.category),
        "phase": term_url("phase", lang, doc.phase),
        "partner": url_for("partner", lang, slug=doc.partners[0]),
        "year": url_for("year", lang, slug=str(SITE.active_years(doc)[0])) if SITE.active_years(doc) else None,
        "partners": url_for("partners", lang),
        "years": url_for("years", lang),
        "project": doc.url,
    }
    for kind, url in pages.items():
        if url is None:
            continue
        page = site.html(url)
        assert nav_current(page, "projects", lang) == "true", (kind, url)
        assert nav_current(page, "search", lang) is None, (kind, url)
    assert nav_current(site.html(url_for("projects", lang)), "projects", lang) == "page"
    search = site.html(url_for("search", lang))
    assert nav_current(search, "search", lang) == "page" and nav_current(search, "projects", lang) is None
    # a section page in the menu is its own item's page, and Projects is not current there
    about = site.html(SITE.get("page", "about", lang).url)
    assert nav_current(about, "projects", lang) is None
    assert about.select_one('nav.site-nav a[aria-current="page"]') is not None


@pytest.mark.parametrize("lang", LANGS)
def test_partners_and_years_indexes_are_linked_outside_the_browse_block(site, lang):
    page = site.html(url_for("projects", lang))
    for route in ("partners", "years"):
        links = page.select(f'main a[href="/{url_for(route, lang)}"]')
        assert any(a.find_parent(attrs={"data-browse": True}) is None and a.find_parent(attrs={"hidden": True}) is None
                   for a in links), route  # filter.js hides the browse block


@pytest.mark.parametrize("lang", LANGS)
def test_search_index_leaves_out_what_repeats_on_every_page(site, lang):
    doc = SITE.projects(lang)[0]
    page = site.html(doc.url)
    body = page.select_one("[data-pagefind-body]")
    assert body.select_one(".facts").has_attr("data-pagefind-ignore")
    assert body.select_one(".eyebrow").has_attr("data-pagefind-ignore")
    # title and summary are metadata (weighed by search.js), not body text: the excerpt comes from the text
    for selector, meta in (("h1", "title"), (".lead", "summary")):
        element = body.select_one(selector)
        assert element["data-pagefind-meta"] == meta and element.has_attr("data-pagefind-ignore"), selector
    assert body.select_one("[data-partners]")["data-pagefind-meta"] == "partners[data-partners]"
    about = site.html(SITE.get("page", "about", lang).url)
    ignored = about.select("[data-pagefind-body] [data-pagefind-ignore]")
    assert ignored and all(h.get_text() for h in ignored[0].select("h3"))  # the project areas
    section = site.html(SITE.get("page", "region", lang).url).select_one("[data-pagefind-body]")
    assert section["data-summary"] == SITE.get("page", "region", lang).summary


# ---- in Chromium -----------------------------------------------------------------------------

def visible(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "els => els.filter(e => !e.closest('[hidden]'))"
                                               ".map(e => e.dataset.project)")


@pytest.mark.browser
def test_counts_timeline_and_table_follow_the_filter(browser, served):
    page = browser.new_page()
    page.goto(served + "/" + url_for("projects", "en"))
    height = page.eval_on_selector(".timeline .tl-rows", "s => s.getBoundingClientRect().height")
    assert len(visible(page, ".timeline .tl-row[data-project]")) == len(visible(page, ".data-table tr[data-project]")) > 1
    # a category that keeps some dated projects but not all (from the content)
    dated_all = {d.slug for d in SITE.projects("en") if d.years}
    category = next(c for c in sorted({d.category for d in SITE.projects("en")})
                    if 0 < len({d.slug for d in SITE.projects("en") if d.years and d.category == c}) < len(dated_all))
    page.select_option("#filter-category", category)
    cards = set(visible(page, ".card-grid > li[data-project]"))
    groups = page.eval_on_selector_all("[data-group]:not([hidden])", """gs => gs.map(g => [
        g.querySelector('[data-group-count]').textContent,
        g.querySelectorAll('li[data-project]:not([hidden])').length])""")
    assert groups and all(text == f"({n})" for text, n in groups), groups
    rows, bars = set(visible(page, ".data-table tr[data-project]")), set(visible(page, ".timeline .tl-row[data-project]"))
    dated = {d.slug for d in SITE.projects("en") if d.years and d.category == category}
    assert rows == bars == dated and rows <= cards
    # the rows left close up: the chart is as tall as its rows
    tops = page.eval_on_selector_all(".timeline .tl-row[data-project]:not([hidden])",
                                     "rs => rs.map(r => r.getBoundingClientRect().top)")
    assert sorted(tops) == tops and len(set(tops)) == len(tops)
    assert page.eval_on_selector(".timeline .tl-rows", "s => s.getBoundingClientRect().height") < height
    page.close()


@pytest.mark.browser
def test_no_results_message_is_said_once_and_spaced(browser, served):
    page = browser.new_page()
    page.goto(served + "/" + url_for("projects", "en"))
    # a category and a year that no project shares (from the content)
    pairs = {(d.category, y) for d in SITE.projects("en") for y in SITE.active_years(d)}
    years = {y for d in SITE.projects("en") for y in SITE.active_years(d)}
    category, year = next((c, y) for c in {d.category for d in SITE.projects("en")} for y in sorted(years)
                          if (c, y) not in pairs)
    page.select_option("#filter-category", category)
    page.select_option("#filter-year", str(year))
    assert visible(page, "li[data-project]") == []
    empty = page.text_content("[data-filter-empty]")
    assert empty == "No project matches all of these choices."
    assert page.text_content("[data-filter-status]") == ""  # the count is not said as well
    gap = page.evaluate("""() => { const f = document.querySelector('form[data-filter]').getBoundingClientRect();
        const e = document.querySelector('[data-filter-empty]').getBoundingClientRect(); return e.top - f.bottom; }""")
    assert gap >= 16, gap
    page.select_option("#filter-year", "")
    assert page.text_content("[data-filter-empty]") == ""
    page.close()


@pytest.mark.browser
def test_one_history_entry_per_deliberate_change(browser, served):
    page = browser.new_page()
    page.goto(served + "/" + url_for("projects", "en"))
    length = page.evaluate("history.length")
    page.focus("#filter-category")
    for _ in range(3):  # moving through the options with the keyboard
        page.keyboard.press("ArrowDown")
    category = page.input_value("#filter-category")
    assert category and f"category={category}" in page.url
    assert page.evaluate("history.length") == length + 1
    page.keyboard.press("Tab")  # committed: the next change is a new entry
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("history.length") == length + 2
    page.select_option("#filter-year", page.eval_on_selector("#filter-year", "s => s.options[1].value"))
    page.select_option("#filter-year", page.eval_on_selector("#filter-year", "s => s.options[2].value"))
    assert page.evaluate("history.length") == length + 4  # two choices with the mouse: two entries
    page.go_back()
    page.go_back()
    page.go_back()  # back over the year choices and the phase choice: the category as chosen
    assert page.input_value("#filter-category") == category and page.input_value("#filter-phase") == ""
    page.go_back()
    assert page.input_value("#filter-category") == "" and "category=" not in page.url
    page.close()


@pytest.mark.browser
def test_switcher_keeps_the_filter_and_the_query(browser, served):
    page = browser.new_page()
    page.goto(served + "/" + url_for("projects", "en"))
    page.select_option("#filter-phase", "completed")
    switch = page.locator(".lang-switch a[hreflang=cs]")
    assert switch.get_attribute("href").endswith("?phase=completed")
    switch.click()
    page.wait_for_load_state()
    assert page.input_value("#filter-phase") == "completed"
    shown = page.eval_on_selector_all(".card-grid > li[data-project]:not([hidden])",
                                      "els => els.map(e => e.dataset.phase)")
    assert shown and set(shown) == {"completed"}
    page.goto(served + "/" + url_for("search", "en") + "?q=robot")
    page.wait_for_selector(".search-result a")
    page.locator(".lang-switch a[hreflang=cs]").click()
    page.wait_for_selector(".search-result a")
    assert page.input_value("#search-q") == "robot" and "q=robot" in page.url
    page.fill("#search-q", "vodík")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('.lang-switch a').href.includes('q=vod')")
    page.close()


def search(page, query: str) -> list[dict]:
    page.eval_on_selector("[data-search-status]", "s => { s.textContent = ''; }")
    page.fill("#search-q", query)
    page.keyboard.press("Enter")
    page.wait_for_function("() => { const s = document.querySelector('[data-search-status]');"
                           " return s.textContent && s.textContent !== s.dataset.loading; }")
    return page.eval_on_selector_all(".search-result", """items => items.map(i => ({
        path: new URL(i.querySelector('a').href).pathname, title: i.querySelector('a').textContent,
        summary: (i.querySelector('.search-result__summary') || {}).textContent || '',
        marks: [...i.querySelectorAll('.search-result__excerpt mark')].map(m => m.textContent),
        excerpt: [...(i.querySelector('.search-result__excerpt') || {childNodes: []}).childNodes]
                 .map(n => n.nodeName)}))""")


@pytest.mark.browser
def test_search_results_show_an_excerpt_with_the_words_marked(browser, served):
    page = browser.new_page()
    page.goto(served + "/" + url_for("search", "en"))
    results = search(page, "hydrogen")
    first = results[0]
    assert first["path"] == "/" + SITE.get("project", "hydrogen", "en").url
    assert first["marks"] and all("hydrogen" in m.lower() for m in first["marks"])
    assert set(first["excerpt"]) <= {"#text", "MARK"}  # text and <mark> only, nothing else copied
    # a section page comes with its summary
    results = search(page, "accessibility")
    statement = SITE.get("page", "accessibility", "en")
    hit = next(r for r in results if r["path"] == "/" + statement.url)
    assert hit["summary"] == statement.summary
    page.close()


# query → a word every page about it has in its title (those rank above pages that mention it)
TITLE_QUERIES = {"en": ["mobility", "hydrogen", "robot", "data", "smart cities", "accessibility"],
                 "cs": ["mobilita", "vodík", "robot", "data", "přístupnost"]}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_a_title_hit_ranks_above_a_mention(browser, served, lang):
    page = browser.new_page()
    page.goto(served + "/" + url_for("search", lang))
    about = "/" + SITE.get("page", "about", lang).url
    for query in TITLE_QUERIES[lang]:
        results = search(page, query)
        word = query.split()[0][:5].lower()
        in_title = [word in r["title"].lower() for r in results]
        assert in_title and in_title[0], (query, results)
        assert in_title == sorted(in_title, reverse=True), (query, [r["path"] for r in results])
        if query not in ("data",):  # the About page's list of projects is not indexed
            assert about not in [r["path"] for r in results[:1]], query
    page.close()


@pytest.mark.browser
def test_english_about_page_no_longer_answers_project_words(browser, served):
    page = browser.new_page()
    page.goto(served + "/" + url_for("search", "en"))
    about = "/" + SITE.get("page", "about", "en").url
    for query in ("hydrogen", "robot", "mobility"):
        assert about not in [r["path"] for r in search(page, query)], query
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_search_without_javascript_explains_and_links_to_browsing(browser, served, lang):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(served + "/" + url_for("search", lang))
    assert not page.is_visible("form[data-search]")
    assert page.is_visible("[data-search-noscript]")
    hrefs = page.eval_on_selector_all("[data-search-noscript] a", "as => as.map(a => new URL(a.href).pathname)")
    assert hrefs == ["/" + url_for(r, lang) for r in ("projects", "partners", "years")]
    context.close()
    page = browser.new_page()
    page.goto(served + "/" + url_for("search", lang))
    page.wait_for_selector("form[data-search]", state="visible")
    assert not page.is_visible("[data-search-noscript]")
    page.close()
