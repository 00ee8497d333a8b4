"""Finding projects: facet listing pages, indexes, feeds, sitemap, JSON-LD and open data —
all checked against what the front-matter says."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from icuk_site.build.clock import source_date_epoch
from icuk_site.content import CATEGORIES, LANGS, PHASES, load_site, url_for
from icuk_site.content.routes import TERM_ROUTES, term_url

ROOT = Path(__file__).resolve().parent.parent
SITE = load_site(ROOT / "content")
SITE.source_date_epoch = source_date_epoch(ROOT)
ATOM = "{http://www.w3.org/2005/Atom}"


def expected_facets(lang: str) -> dict[tuple[str, str], set[str]]:
    """(facet, value) -> slugs, straight from the front-matter."""
    out: dict[tuple[str, str], set[str]] = {}
    for d in SITE.projects(lang):
        values = [("category", d.category), ("phase", d.phase)]
        values += [("partner", p) for p in d.partners]
        values += [("year", str(y)) for y in SITE.active_years(d)]
        for key in values:
            out.setdefault(key, set()).add(d.slug)
    return out


def facet_url(facet: str, lang: str, value: str) -> str:
    """A facet value's listing page: categories and phases under their slug in the language."""
    return term_url(facet, lang, value) if facet in TERM_ROUTES else url_for(facet, lang, slug=value)


def card_slugs(page) -> set[str]:
    return {li["data-project"] for li in page.select("li[data-project]")}


@pytest.mark.parametrize("lang", LANGS)
def test_every_facet_page_lists_exactly_its_projects(site, lang):
    facets = expected_facets(lang)
    assert len(facets) > 20
    for (facet, value), slugs in facets.items():
        page = site.html(facet_url(facet, lang, value))
        assert page.html["lang"] == lang
        assert card_slugs(page) == slugs, (facet, value)


def test_year_ranges_expand_to_every_year(site):
    mih = SITE.get("project", "mobility-innovation-hub", "en")
    assert (mih.years.start, mih.years.end) == (2020, 2023)
    for year in (2020, 2021, 2022, 2023):
        assert "mobility-innovation-hub" in card_slugs(site.html(f"projects/years/{year}/"))
    assert not site.path("projects/years/2024/").exists() or \
        "mobility-innovation-hub" not in card_slugs(site.html("projects/years/2024/"))


@pytest.mark.parametrize("lang", LANGS)
def test_partner_and_year_indexes(site, lang):
    facets = expected_facets(lang)
    page = site.html(url_for("partners", lang))
    rows = {a["href"]: int(tr.select_one("td.num").text) for tr in page.select("tbody tr")
            for a in tr.select("th a")}
    assert rows == {"/" + url_for("partner", lang, slug=v): len(s) for (f, v), s in facets.items() if f == "partner"}
    years = site.html(url_for("years", lang))
    links = {a["href"] for a in years.select(".term-links a")}
    assert links == {"/" + url_for("year", lang, slug=v) for (f, v) in facets if f == "year"}


@pytest.mark.parametrize("lang", LANGS)
def test_project_pages_link_their_facets(site, lang):
    for d in SITE.projects(lang):
        links = {a["href"] for a in site.html(d.url).select(".facts a")}
        wanted = {"/" + term_url("category", lang, d.category), "/" + term_url("phase", lang, d.phase)}
        wanted |= {"/" + url_for("partner", lang, slug=p) for p in d.partners}
        wanted |= {"/" + url_for("year", lang, slug=str(y)) for y in SITE.active_years(d)}
        assert wanted <= links, (d.source, wanted - links)


@pytest.mark.parametrize("lang", LANGS)
def test_projects_index_works_without_javascript(site, lang):
    page = site.html(url_for("projects", lang))
    browse = page.select_one("[data-browse]")
    assert browse is not None and not browse.has_attr("hidden")
    hrefs = {a["href"] for a in browse.select("a")}
    for facet, value in expected_facets(lang):
        assert "/" + facet_url(facet, lang, value) in hrefs
    assert page.select_one("form[data-filter]").has_attr("hidden")  # shown by JavaScript only
    assert card_slugs(page) == {d.slug for d in SITE.projects(lang)}


def test_timeline_has_a_bar_and_a_table_row_per_dated_project(site):
    page = site.html("projects/")
    dated = [d for d in SITE.projects("en") if d.years]
    assert len(page.select(".timeline .tl-row rect.tl-bar")) == len(dated)
    assert page.select_one(".timeline")["aria-labelledby"] == "timeline-title"
    assert [r["data-project"] for r in page.select(".timeline .tl-row")] == [
        r.select_one("a")["href"].rsplit("/", 1)[-1].removesuffix(".html") for r in page.select(".timeline-section tbody tr")]
    undated = len(SITE.projects("en")) - len(dated)
    assert f"{undated} projects have no years yet" in page.select_one("#timeline-desc").get_text()
    rows = page.select(".timeline-section tbody tr")
    assert {r.select_one("a")["href"] for r in rows} == {"/" + d.url for d in dated}


@pytest.mark.parametrize("lang", LANGS)
def test_atom_feed_per_language_newest_first(site, lang):
    feed_path = url_for("feed", lang)
    root = ET.parse(site.path(feed_path)).getroot()
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == len(SITE.projects(lang))
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    titles = {e.find(f"{ATOM}title").text for e in entries}
    assert titles == {d.title for d in SITE.projects(lang)}
    for path in site.root.rglob("*.html"):
        page = site.html(str(path.relative_to(site.root)))
        if page.html["lang"] == lang:
            link = page.find("link", type="application/atom+xml")
            assert link["href"] == "/" + feed_path, path


def test_atom_feed_holds_the_newest_feed_max_items(project_copy):
    """Pelican's FEED_MAX_ITEMS caps the feeds: the newest changes, not every project ever."""
    from conftest import build_copy

    assert build_copy(project_copy, FEED_MAX_ITEMS=4).ok
    for lang in LANGS:
        entries = ET.parse(project_copy / "output" / url_for("feed", lang)).getroot().findall(f"{ATOM}entry")
        newest = sorted(SITE.projects(lang), key=lambda d: (d.updated, d.key), reverse=True)[:4]
        assert [e.find(f"{ATOM}title").text for e in entries] == [d.title for d in newest]


def test_sitemap_lists_every_page_with_alternates(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site.path("sitemap.xml")).getroot()
    locs = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    pages = {"/" + str(p.relative_to(site.root)).removesuffix("index.html") for p in site.pages()}
    pages = {p for p in pages if not p.endswith("404.html")}
    assert set(locs) == pages
    hydrogen = locs["/projects/hydrogen.html"]
    alts = {a.get("hreflang"): a.get("href") for a in hydrogen.findall("x:link", ns)}
    cs, old = "/" + SITE.get("project", "hydrogen", "cs").url, "/" + url_for("project", "cs", slug="hydrogen")
    assert cs == "/" + url_for("project", "cs", slug=SITE.get("project", "hydrogen", "cs").slug) != old
    assert alts == {"en": "/projects/hydrogen.html", "cs": cs, "x-default": "/projects/hydrogen.html"}
    assert cs in locs and old not in locs  # the Czech page under its Czech slug only
    assert "Sitemap: /sitemap.xml" in site.text("robots.txt")


def test_json_ld_on_every_page(site):
    for path in site.pages():
        page = site.html(str(path.relative_to(site.root)))
        blocks = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
        types = [b["@type"] for b in blocks]
        assert "Organization" in types, path
        org = next(b for b in blocks if b["@type"] == "Organization")
        assert org["legalName"] == "Inovační centrum Ústeckého kraje, z.s." and len(org["founder"]) == 3
        lang = page.html["lang"]  # the name in the page's language (pelicanconf SITE_ORG)
        assert org["name"] == {"en": "Innovation Centre of the Usti Region", "cs": "Inovační centrum Ústeckého kraje"}[lang]
        if page.select_one("nav.breadcrumbs"):
            crumbs = next(b for b in blocks if b["@type"] == "BreadcrumbList")
            assert len(crumbs["itemListElement"]) == len(page.select("nav.breadcrumbs li"))
    for d in SITE.projects("cs"):
        page = site.html(d.url)
        blocks = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
        project = next(b for b in blocks if b["@type"] == "Project")
        # the page's language is the WebPage's (inLanguage is outside a Project's domain)
        webpage = next(b for b in blocks if b["@type"] == "WebPage")
        assert project["name"] == d.title and webpage["inLanguage"] == "cs"
        assert webpage["mainEntity"] == {"@id": project["@id"]}
        assert project["@id"] == f"/{url_for('project', 'en', slug=d.key)}#project"  # from the key, not the Czech slug
        assert [m["name"] for m in project["member"]] == [SITE.partners[p].name_cs for p in d.partners]
        assert project["areaServed"]["name"] == "Ústecký kraj"


def test_open_data_records_validate_and_csv_matches(site):
    data = json.loads(site.text("data/projects.json"))
    schema = json.loads(site.text("data/projects.schema.json"))
    assert "@context" in data and data["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    records = data["projects"]
    assert {r["id"] for r in records} == {d.key for d in SITE.projects("en")}  # the file names: stable IDs
    jsonschema.Draft202012Validator.check_schema(schema)
    for r in records:
        jsonschema.validate(r, schema, format_checker=jsonschema.FormatChecker())
    rows = list(csv.DictReader(io.StringIO(site.text("data/projects.csv"))))
    assert [r["id"] for r in rows] == [r["id"] for r in records]
    for row, rec in zip(rows, records):
        assert row["name_cs"] == rec["name"]["cs"] and row["name_en"] == rec["name"]["en"]
        assert row["partners"].split(";") == [p["id"] for p in rec["partners"]]
        assert row["start_year"] == str(rec.get("startYear", "")) and row["end_year"] == str(rec.get("endYear", ""))
        assert row["category"] == rec["category"]["id"] and row["phase"] == rec["phase"]["id"]
        assert row["date_modified"] == rec["dateModified"]
    meta = json.loads(site.text("data/projects.csv-metadata.json"))
    assert [c["name"] for c in meta["tableSchema"]["columns"]] == list(rows[0].keys())


def test_open_data_matches_the_front_matter(site):
    records = {r["id"]: r for r in json.loads(site.text("data/projects.json"))["projects"]}
    for d in SITE.projects("cs"):
        r = records[d.key]
        assert r["url"] == {"cs": "/" + d.url, "en": "/" + SITE.twin(d, "en").url}  # each language's own address
        assert r["name"]["cs"] == d.title and r["category"]["id"] == d.category and r["phase"]["id"] == d.phase
        assert r["category"]["name"]["cs"] == CATEGORIES[d.category].cs and r["phase"]["name"]["en"] == PHASES[d.phase].en


def test_dcat_record_has_licence_and_distributions(site):
    dcat = json.loads(site.text("data/dataset.jsonld"))
    assert dcat["@type"] == "dcat:Dataset"
    assert {t["@language"] for t in dcat["dct:title"]} == {"cs", "en"}
    dists = dcat["dcat:distribution"]
    assert {d["dcat:downloadURL"]["@id"] for d in dists} == {"/data/projects.json", "/data/projects.csv"}
    assert all(d["dct:license"]["@id"] == "https://creativecommons.org/licenses/by/4.0/" for d in dists)
    assert [d["@id"] for d in dcat["dcat:landingPage"]] == ["/" + SITE.get("page", "open-data", lang).url for lang in LANGS]
    for page in (SITE.get("page", "open-data", lang).url for lang in LANGS):
        hrefs = {a["href"] for a in site.html(page).select(".file-list a")}
        assert "/data/projects.csv" in hrefs and "/data/dataset.jsonld" in hrefs


def test_search_index_per_language_and_only_real_content(site):
    entry = json.loads(site.text("pagefind/pagefind-entry.json"))
    assert set(entry["languages"]) == {"en", "cs"}
    for path in site.pages():
        text = path.read_text(encoding="utf-8")
        rel = "/" + str(path.relative_to(site.root))
        is_search = rel in ("/search/index.html", "/cs/hledat/index.html")
        assert ("/pagefind/" in text) == is_search, rel  # search assets load only on the search page
        if "data-pagefind-body" in text:
            assert rel.startswith(("/projects/", "/cs/projekty/")) or rel.count("/") <= 3, rel
    for rel in ("projects/", "partners/", "projects/years/2020/", ""):
        assert "data-pagefind-body" not in site.text(rel), rel
