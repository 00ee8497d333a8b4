"""EU funding notices and partners' websites: every declared funding against the rendered notice
(emblem, alt text, statement with the right number, both languages), the emblem's geometry, the
warning for a missing number, the bad inputs; partners link out to their official websites."""

from __future__ import annotations

import math
import re
import shutil
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from icuk_site.authoring import check
from icuk_site.content import FUNDING_PROGRAMMES, LANGS, load_site, url_for

EMBLEM = ROOT / "theme/static/img/eu-emblem.svg"
SVG = "{http://www.w3.org/2000/svg}"
UNION = {"en": "European Union", "cs": "Evropská unie"}
ALT = {"en": "Flag of the European Union", "cs": "Vlajka Evropské unie"}
# What each programme's statement must say, per language, with and without the number.
STATEMENT = {
    ("op-vvv", "en"): "is co-funded by the European Union.",
    ("op-vvv", "cs"): "je spolufinancován Evropskou unií.",
    ("horizon-2020", "en"): "This project has received funding from the European Union’s Horizon 2020 research and "
                            "innovation programme",
    ("horizon-2020", "cs"): "Tento projekt získal finanční prostředky z programu Evropské unie pro výzkum a inovace "
                            "Horizont 2020",
}
NUMBER = {("op-vvv", "en"): "registration number {n},", ("op-vvv", "cs"): "reg. č. {n},",
          ("horizon-2020", "en"): "under grant agreement No {n}.", ("horizon-2020", "cs"): "na základě grantové dohody č. {n}."}


def text(el) -> str:
    return " ".join(el.get_text().split())


def funded_projects():
    site = load_site(ROOT / "content")
    return [d for d in site.documents if d.funding]


# ---- the real content ------------------------------------------------------------------------

def test_the_funded_projects_are_the_ones_the_facts_name():
    funded = {(d.key, d.lang): [(f.programme, f.number) for f in d.funding] for d in funded_projects()}
    for lang in LANGS:
        assert funded[("smart-ii-ur", lang)] == [("op-vvv", "CZ.02.2.69/0.0/0.0/18_055/0014194")]
        assert funded[("digital-innovation-hub", lang)] == [("horizon-2020", None)]  # no grant number in the facts
    assert len(funded) == 4


def test_every_declared_funding_is_on_its_page_in_both_languages(site):
    docs = funded_projects()
    assert {d.lang for d in docs} == set(LANGS)
    for doc in docs:
        page = site.html(doc.url)
        notices = page.select(".project__header .funding-notice")
        assert len(notices) == len(doc.funding), doc.source
        for f, notice in zip(doc.funding, notices, strict=True):
            assert notice["data-programme"] == f.programme
            img = notice.select_one("img.funding-notice__emblem")
            assert img["alt"] == ALT[doc.lang] and "European Union" in ALT["en"]
            assert img["src"].endswith("theme/img/eu-emblem.svg") and site.path(img["src"]).is_file()
            assert int(img["height"]) >= 48  # the site's own mark is 40 px high
            # "European Union" spelled out next to the emblem, in the page's language
            assert notice.select_one(".funding-notice__union").get_text() == UNION[doc.lang]
            statement = text(notice.select_one(".funding-notice__statement"))
            assert STATEMENT[(f.programme, doc.lang)] in statement, statement
            if f.number:
                assert NUMBER[(f.programme, doc.lang)].format(n=f.number) in statement, statement
            else:
                assert "No " not in statement and " č. " not in statement, statement
            if f.project and f.programme == "op-vvv":
                assert f.project in statement
            elif f.project:
                assert text(notice.select_one(".funding-notice__project")) == f.project
            # the notice holds the emblem alone: no other logo merged with it
            assert len(notice.find_all(["img", "svg"])) == 1


def test_pages_without_funding_have_no_notice(site):
    site_ = load_site(ROOT / "content")
    for doc in site_.documents:
        if doc.kind == "project" and not doc.funding:
            assert site.html(doc.url).select(".funding-notice") == [], doc.source


def test_the_czech_statement_names_the_project_in_czech_quotes(site):
    page = site.html(url_for("project", "cs", slug="smart-ii-ur"))
    statement = text(page.select_one(".funding-notice__statement"))
    assert statement.startswith("Projekt „Podpora a rozvoj inovačního prostředí v") and "II“, reg. č." in statement
    reference = text(page.select_one(".funding-notice__reference"))
    assert reference == "Evropské strukturální a investiční fondy · Operační program Výzkum, vývoj a vzdělávání"


def test_real_content_warns_of_the_missing_grant_number():
    out = check(ROOT / "content", lang="en")
    assert out.ok
    warnings = [x for x in out.lines if x.endswith("(warning)")]
    expected = []
    for lang in LANGS:
        rel = f"projects/{lang}/digital-innovation-hub.md"
        expected.append(f"content/{rel}:{line_of(ROOT / 'content', rel, '  - programme: horizon-2020')}: funding.number: "
                        "expected the grant agreement number of this horizon-2020 funding, got none; the notice is shown "
                        "without it — add it when a source gives it (warning)")
    assert sorted(warnings) == sorted(expected)


# ---- the emblem ------------------------------------------------------------------------------

def _star_points(polygon) -> list[tuple[float, float]]:
    return [tuple(map(float, p.split(","))) for p in polygon.get("points").split()]


def test_the_emblem_has_the_official_geometry():
    root = ET.parse(EMBLEM).getroot()
    width, height = (float(x) for x in root.get("viewBox").split()[2:])
    assert width / height == 1.5
    rect = root.find(f"{SVG}rect")
    assert rect.get("fill").lower() == "#003399" and float(rect.get("width")) == width
    group = root.find(f"{SVG}g")
    assert group.get("fill").lower() == "#ffcc00"
    stars = group.findall(f"{SVG}polygon")
    assert len(stars) == 12
    centres = []
    for star in stars:
        points = _star_points(star)
        assert len(points) == 10  # five points, five inner corners
        cx = sum(x for x, _ in points[0::2]) / 5
        cy = sum(y for _, y in points[0::2]) / 5
        centres.append((cx, cy))
        for x, y in points[0::2]:  # the points lie on a circle of radius 1/18 of the height
            assert math.isclose(math.hypot(x - cx, y - cy), height / 18, rel_tol=1e-3)
        top = points[0]
        assert math.isclose(top[0], cx, abs_tol=1e-3) and top[1] < cy  # upright: one point straight up
    for cx, cy in centres:  # on a circle of radius 1/3 of the height, centred on the flag
        assert math.isclose(math.hypot(cx - width / 2, cy - height / 2), height / 3, rel_tol=1e-3)
    angles = sorted(round(math.degrees(math.atan2(cx - width / 2, height / 2 - cy)) % 360) for cx, cy in centres)
    assert angles == list(range(0, 360, 30))  # the hours of a clock face


def test_the_emblem_file_is_what_the_script_draws():
    import importlib.util

    spec = importlib.util.spec_from_file_location("eu_emblem", ROOT / "scripts/eu_emblem.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert EMBLEM.read_text(encoding="utf-8") == module.svg()
    assert "style" not in EMBLEM.read_text(encoding="utf-8")  # strict CSP: no inline style


# ---- the bad inputs --------------------------------------------------------------------------

@pytest.fixture
def content(tmp_path):
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path / "content"


EN, CS = "projects/en/smart-ii-ur.md", "projects/cs/smart-ii-ur.md"
FUNDING = "funding:\n  - programme: op-vvv\n    number: CZ.02.2.69/0.0/0.0/18_055/0014194\n"


def replace_funding(content, rel: str, new: str) -> None:
    path = content / rel
    body = path.read_text(encoding="utf-8")
    block = re.search(r"^funding:\n(?:  .*\n)+", body, re.M).group(0)
    path.write_text(body.replace(block, new, 1), encoding="utf-8")


def line_of(content, rel: str, start: str) -> int:
    return next(i for i, x in enumerate((content / rel).read_text(encoding="utf-8").splitlines(), 1)
                if x.startswith(start))


@pytest.mark.parametrize("block, start, field, en, cs", [
    ("funding:\n  - programme: op-vvvv\n", "  - programme", "funding",
     "expected one of op-vvv, horizon-2020, got 'op-vvvv' (did you mean 'op-vvv'?)",
     "očekávána jedna z hodnot op-vvv, horizon-2020, zadáno 'op-vvvv' (měli jste na mysli 'op-vvv'?)"),
    ("funding:\n  - programme: OP VVV\n", "  - programme", "funding",
     "got 'OP VVV' (did you mean 'op-vvv'? 'OP VVV' is the Czech label; write the ID)", "zadáno 'OP VVV'"),
    ("funding:\n  - programme: op-vvv\n    number: CZ.02.2.69/0.0/18_055/14194\n", "    number", "funding",
     "expected a registration number of op-vvv like CZ.02.2.69/0.0/0.0/18_055/0014194, got "
     "'CZ.02.2.69/0.0/18_055/14194'",
     "očekáváno registrační číslo programu op-vvv ve tvaru CZ.02.2.69/0.0/0.0/18_055/0014194"),
    ("funding:\n  - programme: horizon-2020\n    number: 12345\n", "    number", "funding",
     "expected a grant agreement number of horizon-2020 like 825652, got '12345'",
     "očekáváno číslo grantové dohody programu horizon-2020"),
    ("funding:\n  - programme: op-vvv\n    start: 2022-06-30\n    end: 2019-01-01\n", "    end", "funding",
     "expected the end on or after the start 2022-06-30, got 2019-01-01",
     "očekáván konec stejný nebo pozdější než začátek 2022-06-30, zadáno 2019-01-01"),
    ("funding:\n  - programme: op-vvv\n    start: 2022-02-30\n", "    start", "funding",
     "expected a date as YYYY-MM-DD, got '2022-02-30' (2022-02 has no day 30)", "2022-02 nemá den 30"),
    ("funding:\n  - programme: horizon-2020\n    fund: esf\n", "    fund", "funding",
     "expected no fund for horizon-2020 (it is not one of the EU's structural funds), got 'esf'",
     "u programu horizon-2020 se fond neuvádí"),
    ("funding:\n  - programme: op-vvv\n    fund: eff\n", "    fund", "funding",
     "expected one of esf, erdf, got 'eff'", "očekávána jedna z hodnot esf, erdf"),
    ("funding:\n  - programme: op-vvv\n    grant: 825652\n", "    grant", "funding",
     "expected only the keys programme, number, fund, project, start, end, got 'grant'", "očekávány jen klíče"),
    ("funding:\n  - number: CZ.02.2.69/0.0/0.0/18_055/0014194\n", "  - number", "funding",
     "expected a programme (op-vvv, horizon-2020), got none", "očekáván program (op-vvv, horizon-2020), chybí"),
    ("funding: op-vvv\n", "funding", "funding",
     "expected a list of fundings (e.g. [{programme: op-vvv, number: …}]), got 'op-vvv'", "očekáván seznam financování"),
    ("funding:\n  - op-vvv\n", "  - op-vvv", "funding",
     "expected a mapping like {programme: op-vvv, number: …}, got 'op-vvv'", "očekáváno mapování"),
    (FUNDING + FUNDING.removeprefix("funding:\n"), "  - programme", "funding",
     "expected each funding once, got {programme: op-vvv, number: CZ.02.2.69/0.0/0.0/18_055/0014194} twice",
     "očekáváno každé financování jednou"),
])
def test_bad_funding_is_a_problem_at_its_line(content, block, start, field, en, cs):
    replace_funding(content, EN, block)
    line = line_of(content, EN, start) if start != "  - programme" or "twice" not in en else \
        [i for i, x in enumerate((content / EN).read_text(encoding="utf-8").splitlines(), 1)
         if x.startswith(start)][-1]
    out = check(content, lang="en")
    assert not out.ok
    assert any(x.startswith(f"content/{EN}:{line}: {field}: ") and en in x for x in out.lines), out.lines
    out_cs = check(content, lang="cs")
    assert any(x.startswith(f"content/{EN}:{line}: {field}: ") and cs in x for x in out_cs.lines), out_cs.lines


def test_every_wrong_key_of_every_item_at_once(content):
    replace_funding(content, EN, "funding:\n  - programme: op-vvv\n    number: 12\n    end: 2019\n"
                                 "  - programme: horizon\n")
    out = check(content, lang="en")
    for start, message in (("    number", "expected a registration number"), ("    end", "expected a date"),
                           ("  - programme: horizon", "got 'horizon'")):
        line = line_of(content, EN, start)
        assert any(x.startswith(f"content/{EN}:{line}: funding: ") and message in x for x in out.lines), out.lines


def test_twins_must_declare_the_same_funding(content):
    replace_funding(content, CS, "funding:\n  - programme: op-vvv\n    number: CZ.02.2.69/0.0/0.0/18_055/0014195\n")
    out = check(content, lang="en")
    assert not out.ok
    assert any(x.startswith(f"content/{CS}:") and ": funding: expected the same funding as the English version "
               f"{EN} ([{{programme: op-vvv, number: CZ.02.2.69/0.0/0.0/18_055/0014194}}])" in x for x in out.lines), \
        out.lines


def test_a_missing_number_is_a_warning_not_a_failure(content):
    for rel in (EN, CS):
        replace_funding(content, rel, "funding:\n  - programme: op-vvv\n")
    out = check(content, lang="en")
    assert out.ok, out.lines
    line = line_of(content, EN, "  - programme")
    assert (f"content/{EN}:{line}: funding.number: expected the registration number of this op-vvv funding, got none; "
            "the notice is shown without it — add it when a source gives it (warning)") in out.lines
    cs = check(content, lang="cs")
    assert any(x.startswith(f"content/{CS}:") and "očekáváno registrační číslo tohoto financování z programu op-vvv, "
               "chybí" in x and x.endswith("(upozornění)") for x in cs.lines), cs.lines
    # with the number back, the warning goes
    for rel in (EN, CS):
        replace_funding(content, rel, FUNDING)
    assert not any("smart-ii-ur" in x for x in check(content, lang="en").lines)


def test_the_vocabulary_is_only_what_the_facts_name():
    assert set(FUNDING_PROGRAMMES) == {"op-vvv", "horizon-2020"}


# ---- partners' websites ----------------------------------------------------------------------

WEBSITES = {  # shared/icuk-facts.md §4 (and §2 for ICUK itself)
    "icuk": "https://icuk.cz", "usti-region": "https://www.kr-ustecky.cz", "usti-city": "https://www.usti.cz",
    "ujep": "https://www.ujep.cz", "cvut": "https://www.cvut.cz", "vscht": "https://www.vscht.cz",
    "czechinvest": "https://www.czechinvest.org", "unicre": "https://www.orlenunicre.cz", "valeo": "https://www.valeo.com",
    "mpo": "https://www.mpo.gov.cz", "msmt": "https://www.msmt.gov.cz", "autosap": "https://autosap.cz",
    "decin": "https://www.mmdecin.cz", "litomerice": "https://www.litomerice.cz",
}


def test_partner_pages_link_to_the_official_website_and_only_where_the_facts_have_one(site):
    partners = load_site(ROOT / "content").partners
    assert {pid: p.website for pid, p in partners.items() if p.website} == WEBSITES
    assert partners["zs-nestemicka"].website is None  # the facts found none: none is guessed
    for pid in partners:
        for lang in LANGS:
            page = site.html(url_for("partner", lang, slug=pid))
            links = page.select(".partner-website a")
            if pid in WEBSITES:
                assert len(links) == 1, (pid, lang)
                assert links[0]["href"] == WEBSITES[pid] and links[0]["rel"] == ["external"]
                assert links[0].get_text() == WEBSITES[pid].removeprefix("https://")
                label = {"en": "Official website:", "cs": "Oficiální web:"}[lang]
                assert page.select_one(".partner-website").get_text().startswith(label)
            else:
                assert links == [], (pid, lang)


def test_a_project_page_names_its_partners_websites_in_json_ld(site):
    import json

    page = site.html(url_for("project", "en", slug="robot-tandem-teacher"))
    data = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    project = next(d for d in data if d.get("@type") == "Project")
    same = {m["name"]: m.get("sameAs") for m in project["member"]}
    assert same["Jan Evangelista Purkyně University in Ústí nad Labem"] == "https://www.ujep.cz"
    assert same["Neštěmická Elementary School, Ústí nad Labem"] is None


@pytest.mark.parametrize("value, message", [
    ("http://www.khk-usti.cz", "expected an address starting with https://, got 'http://www.khk-usti.cz' (write "
                               "https://; if the site has no https, leave the website out)"),
    ("www.ujep.cz", "expected an address starting with https://, got 'www.ujep.cz'"),
    ("https://", "expected an address starting with https://, got 'https://'"),
])
def test_a_bad_website_is_a_problem(content, value, message):
    path = content / "data/partners.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("website: https://www.ujep.cz", f"website: {value}", 1),
                    encoding="utf-8")
    line = next(i for i, x in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if x == f"  website: {value}")
    out = check(content, lang="en")
    assert not out.ok
    assert f"content/data/partners.yaml:{line}: ujep.website: {message}" in out.lines, out.lines
    assert not check(content, lang="cs").ok


def test_the_old_url_key_is_refused_with_a_hint(content):
    path = content / "data/partners.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("website: https://www.ujep.cz", "url: https://www.ujep.cz", 1),
                    encoding="utf-8")
    out = check(content, lang="en")
    assert any("ujep.url: expected a partner field" in x and "got unknown field 'url'" in x for x in out.lines), out.lines


def test_notice_is_in_the_first_screen_on_a_phone(browser, served):
    """Visible without scrolling (Regulation 821/2014, Art. 4(3)(a)) at 390 × 844, both languages."""
    for lang in LANGS:
        page = browser.new_page(viewport={"width": 390, "height": 844})
        page.goto(f"{served}/{url_for('project', lang, slug='smart-ii-ur')}")
        box = page.locator(".funding-notice__emblem").bounding_box()
        mark = page.locator(".brand__mark").bounding_box()
        assert box["y"] + box["height"] <= 844, (lang, box)
        assert box["height"] >= mark["height"] and box["width"] >= mark["width"]  # at least as prominent
        page.close()


def test_rendered_html_has_no_inline_style(site):
    for lang in LANGS:
        html = site.text(url_for("project", lang, slug="smart-ii-ur"))
        notice = BeautifulSoup(html, "html.parser").select_one(".funding-notice")
        assert notice is not None and not notice.find_all(style=True)


def test_each_funding_is_a_monetary_grant_in_json_ld(site):
    import json

    for doc in funded_projects():
        page = site.html(doc.url)
        data = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
        project = next(d for d in data if d.get("@type") == "Project")
        grants = [d for d in data if d.get("@type") == "MonetaryGrant"]
        assert len(grants) == len(doc.funding), doc.source
        for f, grant in zip(doc.funding, grants, strict=True):
            assert grant["fundedItem"] == {"@id": project["@id"]}
            assert grant["funder"] == {"@type": "Organization", "name": UNION[doc.lang]}
            assert grant.get("identifier") == f.number
            assert grant["name"] == (f.project or FUNDING_PROGRAMMES[f.programme].label(doc.lang))
            assert STATEMENT[(f.programme, doc.lang)] in " ".join(grant["description"].split())
    unfunded = site.html(url_for("project", "en", slug="hydrogen"))
    assert "MonetaryGrant" not in str(unfunded)


def test_open_data_gives_the_partners_websites_and_the_schema_refuses_http(site):
    import json

    import jsonschema

    records = json.loads(site.text("data/projects.json"))
    assert records["@context"]["website"] == {"@id": "schema:sameAs", "@type": "@id"}
    schema = json.loads(site.text("data/projects.schema.json"))
    seen = {}
    for r in records["projects"]:
        jsonschema.validate(r, schema)
        for p in r["partners"]:
            seen[p["id"]] = p.get("website")
    assert {k: v for k, v in seen.items() if v} == {k: v for k, v in WEBSITES.items() if k in seen}
    assert seen["zs-nestemicka"] is None
    bad = json.loads(json.dumps(records["projects"][0]))
    bad["partners"][0]["website"] = "http://www.example.org"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)
