"""The built site, as a reader and a crawler see it (one real build per test session)."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import build_copy
from icuk_site.content import CATEGORIES, PHASES, load_site, url_for
from icuk_site.content.routes import term_url

ROOT = Path(__file__).resolve().parent.parent
SITE = load_site(ROOT / "content")
PROJECTS = [(d.lang, d) for lang in ("en", "cs") for d in SITE.projects(lang)]


@pytest.mark.parametrize("lang, doc", PROJECTS, ids=[f"{lang}-{d.slug}" for lang, d in PROJECTS])
def test_project_page_shows_its_facts_in_its_language(site, lang, doc):
    page = site.html(doc.url)
    assert page.html["lang"] == lang
    assert page.find("h1").get_text(" ", strip=True).replace("\xa0", " ") == doc.title
    facts = page.select_one(".facts").get_text(" ", strip=True).replace("\xa0", " ")
    assert CATEGORIES[doc.category].label(lang) in facts
    assert PHASES[doc.phase].label(lang) in facts
    for pid in doc.partners:
        assert SITE.partners[pid].name(lang) in facts, pid
    other = "cs" if lang == "en" else "en"
    for pid in doc.partners:  # names in the other language are not shown where they differ
        p = SITE.partners[pid]
        if p.name(other) != p.name(lang) and p.name(other) not in p.name(lang):
            assert p.name(other) not in facts, pid
    if doc.years:
        assert str(doc.years.start) in facts
        if doc.years.end and doc.years.end != doc.years.start:  # a one-year span shows as one year
            assert f"{doc.years.start}–{doc.years.end}" in facts


def test_every_page_has_one_h1_lang_and_ordered_headings(site):
    for path in site.pages():
        page = site.html(str(path.relative_to(site.root)))
        assert page.html.get("lang") in ("en", "cs"), path
        assert len(page.find_all("h1")) == 1, path
        levels = [int(h.name[1]) for h in page.find_all(re.compile(r"^h[1-6]$"))]
        for a, b in zip(levels, levels[1:]):
            assert b <= a + 1, f"{path}: heading h{a} followed by h{b}"
        assert page.find("main", id="main-content"), path
        skip = page.find("a", class_="skip-link")
        assert skip and skip["href"] == "#main-content", path


@pytest.mark.parametrize("lang, home, title", [("en", "", "Projects that are changing the region"),
                                               ("cs", "cs/", "Projekty, kterými měníme region")])
def test_home_lists_projects_by_category(site, lang, home, title):
    page = site.html(home)
    section = page.find(id="projects")
    assert section.find("h2").get_text(strip=True).replace("\xa0", " ") == title
    groups = section.select(".category-group")
    assert [g.find("h3").get_text(strip=True).replace("\xa0", " ") for g in groups] == [
        t.label(lang) for cid, t in CATEGORIES.items() if any(d.category == cid for d in SITE.projects(lang))
    ]
    for group in groups:
        cid = group["class"][1].removeprefix("category-group--")
        links = [a["href"] for a in group.select(".card__title a")]
        assert links == ["/" + d.url for d in SITE.projects(lang) if d.category == cid]


def test_home_shows_the_newest_projects_of_a_big_category_and_links_to_all(project_copy):
    """With more projects than HOME_PROJECTS_PER_CATEGORY in a category, the home page shows the
    most recently updated ones and links to the category's page for all of them."""
    from bench_content import generate
    from icuk_site.render.views import HOME_PROJECTS_PER_CATEGORY

    generate(project_copy / "content", 30)
    assert build_copy(project_copy).ok
    site = load_site(project_copy / "content")
    for lang, home in (("en", "index.html"), ("cs", "cs/index.html")):
        page = BeautifulSoup((project_copy / "output" / home).read_text(encoding="utf-8"), "html.parser")
        for cid in CATEGORIES:
            projects = [d for d in site.projects(lang) if d.category == cid]
            group = page.select_one(f".category-group--{cid}")
            shown = [a["href"] for a in group.select(".card__title a")]
            assert len(shown) == min(len(projects), HOME_PROJECTS_PER_CATEGORY)
            more = group.select_one(".category-group__more a")
            if len(projects) <= HOME_PROJECTS_PER_CATEGORY:
                assert more is None
                continue
            newest = sorted(projects, key=lambda d: (d.updated, d.slug), reverse=True)
            assert sorted(shown) == sorted("/" + d.url for d in newest[:HOME_PROJECTS_PER_CATEGORY])
            assert more["href"] == "/" + term_url("category", lang, cid)
            assert str(len(projects)) in more.get_text()


def test_home_shows_the_seed_text(site):
    text = site.html("").get_text(" ", strip=True).replace("\xa0", " ")
    for phrase in ("We’re building an innovation ecosystem for the Usti Region",
                   "Projects that are changing the region", "a new start", "Antracit", "Dresden"):
        assert phrase in text


def _internal_links(page, base: str):
    for tag, attr in (("a", "href"), ("link", "href")):
        for el in page.find_all(tag):
            href = el.get(attr)
            if href and not href.startswith(("http://", "https://", "mailto:", "#")):
                yield el, urljoin(base, href)


def test_navigation_switcher_and_hreflang_resolve(site):
    checked = 0
    for path in site.pages():
        rel = "/" + str(path.relative_to(site.root)).replace("index.html", "")
        page = site.html(rel)
        for el, url in _internal_links(page, rel):
            target = urlsplit(url).path
            assert site.path(target).exists(), f"{rel}: {el} -> {target}"
            checked += 1
    assert checked > 500


@pytest.mark.parametrize("lang, doc", PROJECTS[:4] + PROJECTS[-2:], ids=lambda x: getattr(x, "slug", x))
def test_switcher_and_hreflang_point_at_the_twin(site, lang, doc):
    page = site.html(doc.url)
    twin = SITE.twin(doc, "cs" if lang == "en" else "en")
    switch = page.select_one("nav.lang-switch a")
    assert switch["href"] == "/" + twin.url and switch["hreflang"] == twin.lang
    alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)}
    assert alternates == {
        doc.lang: "/" + doc.url, twin.lang: "/" + twin.url, "x-default": "/" + (doc if lang == "en" else twin).url
    }


def test_navigation_marks_the_current_page(site):
    about = SITE.get("page", "about", "cs").url
    page = site.html(about)
    current = page.select('nav.site-nav a[aria-current="page"]')
    assert [a["href"] for a in current] == ["/" + about]
    project = site.html("projects/hydrogen.html")
    assert project.select_one('nav.site-nav a[aria-current="true"]')["href"] == "/projects/"


def test_no_inline_script_style_or_third_party_requests(site):
    for path in site.pages():
        text = path.read_text(encoding="utf-8")
        assert "style=" not in text, path
        # Only external scripts; JSON-LD blocks are data (never executed, not subject to CSP).
        assert not re.search(r"<script(?![^>]*\b(?:src=|type=\"application/ld\+json\"))", text), path
        assert not re.search(r"""(?:src|href)=["']https?://(?!127\.0\.0\.1)""", text.split("</head>")[0]), path
        assert "default-src 'none'" in text and "unsafe-inline" not in text, path


def test_czech_typography_joins_one_letter_words(site):
    for path in site.root.joinpath("cs").rglob("*.html"):
        body = site.html(str(path.relative_to(site.root))).body
        for block in body.find_all(["p", "li", "h1", "h2", "h3", "h4", "dd", "dt", "td", "a", "span"]):
            text = block.get_text()  # across inline elements: "v <a>Ústí</a>" counts too
            assert not re.search(r"(?<!\w)[vVzZsSkKoOuUaAiI][ \n]+\S", text), f"{path}: {text!r}"
    assert "v\u00a0Ústí" in site.text(SITE.get("project", "hydrogen", "cs").url)


def test_english_typography(site):
    text = site.text("projects/hydrogen.html")
    assert '<span class="caps">' in text  # typogrify ran on English
    assert '<span class="caps">' not in site.text(SITE.get("project", "hydrogen", "cs").url)


def test_czech_dates(site):
    """"Last updated" is the day of the last commit that changed the page's file (build/history.py),
    written the language's way."""
    from icuk_site.build.history import changes
    from icuk_site.content.documents import LOCAL_TIME

    times = changes(Path(__file__).parent.parent / "content", publish=False, epoch=None).times
    months = {"cs": ("ledna února března dubna května června července srpna září října listopadu prosince").split(),
              "en": ("January February March April May June July August September October November December").split()}
    for lang in ("cs", "en"):
        day = times[f"projects/{lang}/hydrogen.md"].astimezone(LOCAL_TIME).date()
        shown = site.html(SITE.get("project", "hydrogen", lang).url).find("time", datetime=day.isoformat())
        assert shown is not None, day
        month = months[lang][day.month - 1]
        expected = f"{day.day}.\u00a0{month} {day.year}" if lang == "cs" else f"{day.day} {month} {day.year}"  # British
        assert shown.get_text() == expected  # in Czech the day kept with its month


def test_404_pages(site):
    for rel, lang in (("404.html", "en"), ("cs/404.html", "cs")):
        page = site.html(rel)
        assert page.html["lang"] == lang
        assert page.find("a", href="/" if lang == "en" else "/cs/")


def test_accessibility_statement_linked_from_every_page(site):
    for path in site.pages():
        page = site.html(str(path.relative_to(site.root)))
        lang = page.html["lang"]
        target = "/" + SITE.get("page", "accessibility", lang).url
        assert page.select_one(f'footer a[href="{target}"]'), path


@pytest.mark.parametrize("route, terms", [("category", CATEGORIES), ("phase", PHASES)])
def test_vocabulary_pages_have_czech_folder_names_and_point_at_each_other(site, route, terms):
    for tid, term in terms.items():
        cs, en = term_url(route, "cs", tid), term_url(route, "en", tid)
        if not site.path(cs).exists():
            continue  # no project in it
        assert term.slug_cs and cs == url_for(route, "cs", slug=term.slug_cs) and en == url_for(route, "en", slug=tid)
        assert not site.path(url_for(route, "cs", slug=tid)).exists()  # no English name on Czech pages
        page = site.html(cs)
        alternates = {link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate", hreflang=True)}
        assert alternates == {"cs": "/" + cs, "en": "/" + en, "x-default": "/" + en}
        assert page.select_one("nav.lang-switch a")["href"] == "/" + en
