"""Gate 10 on the publish build: the structured data is in schema.org's terms. Every JSON-LD block
of every page (one graph per page) and projects.json are expanded (rdflib, with the pinned
schema.org context: nothing is fetched) and each type and property is checked against the pinned
schema.org vocabulary's domains and ranges (tests/data/schemaorg/). Planted faults show it can fail.
"""

from __future__ import annotations

import copy
import json

import pytest

from icuk_site.content import LANGS, load_site
from icuk_site.outputs.opendata import project_iri

from .validators import ROOT, SchemaOrg, page_blocks

SITE = load_site(ROOT / "content")


@pytest.fixture(scope="module")
def sdo() -> SchemaOrg:
    return SchemaOrg()


def findings_of_page(sdo, published, rel: str, blocks=None) -> list[str]:
    blocks = page_blocks(published.text(rel)) if blocks is None else blocks
    return sdo.findings(sdo.graph(blocks, published.url(rel)))


def projects_json(published) -> dict:
    return json.loads(published.text("data/projects.json"))


def test_every_page_and_projects_json_in_schema_org_terms(published, sdo, gates):
    found = []
    for rel in published.pages:
        blocks = page_blocks(published.text(rel))
        assert blocks, f"{rel}: no JSON-LD"
        found += [f"{rel}: {f}" for f in findings_of_page(sdo, published, rel, blocks)]
    data = projects_json(published)
    found += [f"data/projects.json: {f}" for f in sdo.findings(sdo.graph([data], f"{published.siteurl}/data/projects.json"))]
    gates.record("10 schema.org (domains, ranges)", len(found), f"{len(published.pages)} pages + projects.json",
                 "pinned schema.org 12.0 + tests/data/schemaorg/overlay.ttl")
    assert not found, "\n".join(found[:60])


def test_each_page_is_a_webpage_about_its_project_or_the_organisation(published):
    org = f"{published.siteurl}/#organization"
    for rel in published.pages:
        html = published.text(rel)
        blocks = page_blocks(html)
        by_type = {}
        for b in blocks:
            by_type.setdefault(b["@type"], []).append(b)
        assert len(by_type.get("WebPage", [])) == 1, rel
        page = by_type["WebPage"][0]
        assert page["@id"] == page["url"] and f'<link rel="canonical" href="{page["@id"]}">' in html, rel
        assert f'<html lang="{page["inLanguage"]}"' in html, rel
        assert len(page["dateModified"]) == 10 and page["publisher"] == {"@id": org}, rel
        crumbs = by_type.get("BreadcrumbList", [])
        if 'class="breadcrumbs"' in html:
            assert page["breadcrumb"] == {"@id": crumbs[0]["@id"]}, rel
        else:
            assert "breadcrumb" not in page and not crumbs, rel
        if "Project" in by_type:
            assert page["mainEntity"] == {"@id": by_type["Project"][0]["@id"]} and "about" not in page, rel
        elif "NewsArticle" in by_type:
            assert page["mainEntity"] == {"@id": by_type["NewsArticle"][0]["@id"]} and "about" not in page, rel
        else:
            assert page["about"] == {"@id": org} and "mainEntity" not in page, rel


def test_one_iri_per_project_shared_by_its_pages_and_projects_json(published):
    records = {r["id"]: r for r in projects_json(published)["projects"]}
    for lang in LANGS:
        for d in SITE.projects(lang):
            blocks = page_blocks(published.text(d.url))
            project = next(b for b in blocks if b["@type"] == "Project")
            iri = project_iri(published.siteurl, d.key)  # one IRI for both languages: by the file name
            assert project["@id"] == records[d.key]["@id"] == iri
            assert records[d.key]["url"][lang] == project["url"] == f"{published.siteurl}/{d.url}"
            assert all(isinstance(records[d.key].get(k, ""), str) for k in ("startYear", "endYear"))


def test_planted_schema_org_faults_are_reported(published, sdo):
    """A property outside its domain, a year as a number, a URL as text, a dangling breadcrumb."""
    rel = next(d.url for d in SITE.projects("en"))
    blocks = page_blocks(published.text(rel))
    assert not findings_of_page(sdo, published, rel, blocks)

    outside = copy.deepcopy(blocks)
    next(b for b in outside if b["@type"] == "Project")["dateModified"] = "2026-11-27"
    assert any("schema:dateModified is outside its domain" in f for f in findings_of_page(sdo, published, rel, outside))

    in_language = copy.deepcopy(blocks)
    next(b for b in in_language if b["@type"] == "Project")["inLanguage"] = "en"
    assert any("schema:inLanguage is outside its domain" in f for f in findings_of_page(sdo, published, rel, in_language))

    dangling = [b for b in blocks if b["@type"] != "BreadcrumbList"]
    assert any("schema:breadcrumb" in f and "has no type" in f for f in findings_of_page(sdo, published, rel, dangling))

    data = projects_json(published)
    base = f"{published.siteurl}/data/projects.json"
    assert not sdo.findings(sdo.graph([data], base))
    number = copy.deepcopy(data)
    dated = next(r for r in number["projects"] if "startYear" in r)
    dated["startYear"] = int(dated["startYear"])
    number["@context"]["startYear"] = "schema:foundingDate"
    assert any("schema:foundingDate" in f and "integer" in f for f in sdo.findings(sdo.graph([number], base)))
    text_url = copy.deepcopy(data)
    text_url["@context"]["url"] = {"@id": "schema:url", "@container": "@language"}
    assert any("schema:url" in f and "outside its range" in f for f in sdo.findings(sdo.graph([text_url], base)))
    old_terms = copy.deepcopy(data)
    old_terms["@context"]["phase"] = "schema:creativeWorkStatus"
    assert any("schema:creativeWorkStatus is outside its domain" in f for f in sdo.findings(sdo.graph([old_terms], base)))


def test_no_remote_context_is_fetched(sdo):
    with pytest.raises(ValueError, match="not fetched"):
        sdo.graph([{"@context": "https://example.org/context.jsonld", "name": "x"}], "https://icuk.example.org/")
