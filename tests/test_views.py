"""Views decide what a page says about itself: its breadcrumb trail, its title and description,
the facet names and the footer's pages, worded in the page's language with the theme's catalog
(render/words.py). Templates only present them (tests/test_components.py renders the parts)."""

from __future__ import annotations

from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from icuk_site.content import load_site, url_for
from icuk_site.render.views import FACETS, Catalog

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "theme/translations/cs/LC_MESSAGES/messages.po"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    catalog = Catalog(load_site(ROOT / "content"))
    catalog.words.theme = ROOT / "theme"  # as plugin.setup_jinja does
    return catalog


def trail(view) -> list[tuple[str, str]]:
    return [(str(c.label).replace("\xa0", " "), c.url) for c in view.breadcrumbs]


def test_project_trail_goes_through_the_projects_and_its_category(catalog):
    doc = catalog.site.get("project", "hydrogen", "cs")
    view = catalog.project(doc)
    assert trail(view) == [("Úvod", "cs/"), ("Projekty", "cs/projekty/"), (view.category.label, view.category.url),
                           (doc.title, doc.url)]


def test_listing_trails_and_titles(catalog):
    by_url = {v.url: v for lang in ("en", "cs") for v in catalog.listings(lang)}
    partner = by_url[url_for("partner", "en", slug="ujep")]
    assert [label for label, _ in trail(partner)] == ["Home", "Projects", "Partners", partner.term.name]
    assert partner.title == f"Partner: {partner.term.name}" and partner.eyebrow == "Partner"
    year = next(v for v in catalog.listings("cs") if v.facet == "year")
    assert [label for label, _ in trail(year)][:3] == ["Úvod", "Projekty", "Roky"]
    assert str(year.heading_html) == str(year.title) and year.term.label in year.title
    assert trail(by_url[url_for("search", "en")]) == [("Home", ""), ("Search", "search/")]
    index = by_url[url_for("projects", "en")]
    assert [f.id for f in index.facets] == list(FACETS) and index.title == "Projects"
    assert all(v.title and v.description for v in by_url.values())


def test_home_and_404_show_no_trail_section_pages_do(catalog):
    for doc in catalog.site.documents:
        if doc.kind == "page":
            view = catalog.page(doc)
            assert bool(view.breadcrumbs) == (doc.template not in ("home", "404")), doc.url


def test_footer_pages_and_locale(catalog):
    assert [v.url for v in catalog.footer("cs")] == [catalog.site.get("page", key, "cs").url
                                                     for key in ("contact", "about", "open-data", "accessibility")]
    keys = ("contact", "about", "open-data", "accessibility")
    assert [v.url for v in catalog.footer("cs")] != [url_for("page", "cs", slug=k) for k in keys]
    home = catalog.page(catalog.site.get("page", "home", "cs"))
    assert (home.locale, home.og_type) == ("cs_CZ", "website")


def test_words_of_the_views_are_in_the_czech_catalog():
    """Strings marked in icuk_site/render/*.py (babel.cfg extracts them) are translated too."""
    found = {m[2] if isinstance(m[2], str) else m[2][0]
             for m in extract_from_dir(str(ROOT / "icuk_site/render"), method_map=[("**.py", "python")])}
    assert {"Home", "Category: %(name)s", "since %(year)s"} <= found
    catalog = read_po(PO.open("rb"))
    translated = {(m.id if isinstance(m.id, str) else m.id[0]) for m in catalog if m.id and m.string}
    assert not found - translated, sorted(found - translated)
