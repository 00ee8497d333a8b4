"""The Czech review's wording items on the built site (docs/czech-review-status.md lists them all):
listing descriptions per facet, the search page's name, the facts box, the accessibility
statement's address of the site."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_copy
from icuk_site.content import load_site, url_for
from icuk_site.content.routes import TERM_ROUTES, term_url
from icuk_site.render.reader import PREVIEW_ADDRESS

SITE = load_site(ROOT / "content")


def text(node) -> str:
    return node.get_text(" ", strip=True).replace("\xa0", " ")


def description(page) -> str:
    return page.find("meta", attrs={"name": "description"})["content"].replace("\xa0", " ")


@pytest.mark.parametrize("facet, slug, en, cs", [
    ("year", "2020", "Projects of the Innovation Centre of the Usti Region in 2020.",
     "Projekty Inovačního centra Ústeckého kraje v roce 2020."),
    ("category", "education", "Projects of the Innovation Centre of the Usti Region in the category “Innovation in "
     "education”.", "Projekty Inovačního centra Ústeckého kraje v kategorii „Inovace ve vzdělávání“."),
    ("phase", "running", "Projects of the Innovation Centre of the Usti Region in the phase “Running”.",
     "Projekty Inovačního centra Ústeckého kraje ve fázi „Realizace“."),
    ("partner", "ujep", "Projects of the Innovation Centre of the Usti Region that Jan Evangelista Purkyně "
     "University in Ústí nad Labem takes part in.", "Projekty Inovačního centra Ústeckého kraje, na kterých se podílí "
     "Univerzita Jana Evangelisty Purkyně v Ústí nad Labem."),
])
def test_listing_descriptions_one_sentence_per_facet(site, facet, slug, en, cs):
    if facet == "partner":  # the names as the partner list gives them
        assert SITE.partners[slug].name("en") in en and SITE.partners[slug].name("cs") in cs
    for lang, expected in (("en", en), ("cs", cs)):
        page = site.html(term_url(facet, lang, slug) if facet in TERM_ROUTES else url_for(facet, lang, slug=slug))
        assert description(page) == expected
        og = page.find("meta", property="og:description")
        assert og is None or og["content"].replace("\xa0", " ") == expected


@pytest.mark.parametrize("lang, name, button", [("en", "Search", "Search"), ("cs", "Vyhledávání", "Hledat")])
def test_search_page_is_named_and_its_button_is_a_verb(site, lang, name, button):
    page = site.html(url_for("search", lang))
    assert text(page.find("h1")) == name
    assert text(page.find("title")).startswith(name)
    assert text(page.select(".breadcrumbs li, nav[aria-label] ol li")[-1]) == name
    assert text(page.select_one("form[role=search] button[type=submit]")) == button
    home = site.html(url_for("home", lang))  # the navigation names the page as its title does
    assert text(home.select_one(f'header a[href="/{url_for("search", lang)}"]')) == name


@pytest.mark.parametrize("lang, heading", [("en", "Partners"), ("cs", "Partneři")])
def test_facts_box_heading_over_the_partner_list(site, lang, heading):
    for doc in SITE.projects(lang):
        facts = site.html(doc.url).select_one(".facts")
        assert heading in [text(dt) for dt in facts.find_all("dt")], doc.source


def test_accessibility_statement_names_the_address_of_the_site(project_copy):
    siteurl = "https://example.org/usti"
    result = build_copy(project_copy, SITEURL=siteurl)
    assert result.ok, result.problems
    sentences = {
        "cs": f"Toto prohlášení o přístupnosti se vztahuje na internetové stránky {siteurl}, které provozuje "
              "Inovační centrum Ústeckého kraje, z.s. (ICUK), a to v české i anglické verzi.",
        "en": f"This accessibility statement applies to the website {siteurl}, in its English and Czech versions, which "
              "is operated by Inovační centrum Ústeckého kraje, z.s. (Innovation Centre of the Usti Region, ICUK).",
    }
    for lang, sentence in sentences.items():
        doc = SITE.by_source[f"pages/{lang}/accessibility.md"]
        html = (project_copy / "output" / doc.save_as).read_text(encoding="utf-8")
        page = BeautifulSoup(html, "html.parser")
        assert sentence in [" ".join(p.get_text().replace("\xa0", " ").split()) for p in page.select("main p")], lang
        link = page.select_one(f'main p a[href="{siteurl}/"]')
        assert link is not None and text(link) == siteurl
        assert "{SITEURL}" not in html


def test_accessibility_statement_in_the_preview_names_the_preview(site):
    for lang in ("en", "cs"):
        page = site.html(SITE.by_source[f"pages/{lang}/accessibility.md"].url)
        link = page.select_one('main p a[href="/"]')
        assert link is not None and text(link) == PREVIEW_ADDRESS
        assert "{SITEURL}" not in str(page)
