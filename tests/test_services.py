"""Services and the contact page, as readers see them in the built site (issue 12, items 2 and 3).

The services overview and every service page in both languages; a call's status against a
moved build clock (SOURCE_DATE_EPOCH); project ↔ service links; the contact and organisation
page with the facts of SITE_ORG, linked from the footer of every page; the accessibility
statement's feedback pointing at the data box and the contact page. Every URL comes from
`url_for` or the documents (Czech addresses are being renamed: nothing here spells one out).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from conftest import ROOT, Built, build_copy
from icuk_site.content import LANGS, load_site, url_for
from icuk_site.content.services import Call, call_status
from icuk_site.content.vocab import AUDIENCES
from icuk_site.render.services import NewsLink
from icuk_site.render.views import Catalog

SITE = load_site(ROOT / "content")
SERVICES = [(lang, d) for lang in LANGS for d in SITE.services(lang)]
SETTINGS = {}
exec((ROOT / "pelicanconf.py").read_text(encoding="utf-8"), SETTINGS)  # noqa: S102 - our own settings file
ORG = SETTINGS["SITE_ORG"]
STATUS_WORDS = {"en": {"open": "Open for applications", "upcoming": "Upcoming", "closed": "Closed"},
                "cs": {"open": "Přijímají se žádosti", "upcoming": "Připravuje se", "closed": "Uzavřeno"}}


def text(node, sep: str = " ") -> str:
    return " ".join(node.get_text(sep).replace("\xa0", " ").split())


def epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, 12, tzinfo=dt.timezone.utc).timestamp())


def test_the_real_content_has_services_for_each_audience_in_both_languages():
    for lang in LANGS:
        services = SITE.services(lang)
        assert len(services) >= 10, lang
        assert {a for d in services for a in d.audience} == set(AUDIENCES), lang
        assert any(d.calls for d in services) and any(d.projects for d in services)
    assert {d.key for d in SITE.services("en")} == {d.key for d in SITE.services("cs")}


@pytest.mark.parametrize("lang", LANGS)
def test_overview_groups_every_service_under_each_of_its_audiences(site, lang):
    page = site.html(url_for("services", lang))
    assert page.html["lang"] == lang
    nav = page.select_one(".site-nav")
    current = nav.select_one('a[aria-current="page"]')
    assert current["href"] == "/" + url_for("services", lang)
    assert text(current) == {"en": "Services", "cs": "Služby"}[lang]
    for d in SITE.services(lang):
        for audience in AUDIENCES:
            group = page.find(id=audience)
            link = group.select_one(f'a[href="/{d.url}"]') if group else None
            assert (link is not None) == (audience in d.audience), (d.key, audience)
        assert text(page.select_one(f'a[href="/{d.url}"]'), "") == d.title
    for audience in AUDIENCES:  # each group is named in the page's language
        assert text(page.find(id=f"h-{audience}")).startswith(AUDIENCES[audience].label(lang))
    assert not page.select(".status--open")  # the build's date is after every call in the content


@pytest.mark.parametrize("lang, doc", SERVICES, ids=[f"{lang}-{d.key}" for lang, d in SERVICES])
def test_service_page_shows_its_facts_years_calls_projects_and_sources(site, lang, doc):
    page = site.html(doc.url)
    assert page.html["lang"] == lang
    assert text(page.find("h1"), "") == doc.title
    crumbs = [a["href"] for a in page.select(".breadcrumbs a")]
    assert crumbs == ["/" + url_for("home", lang), "/" + url_for("services", lang)]
    facts = page.select_one(".facts")
    for a in doc.audience:
        assert facts.select_one(f'a[href="/{url_for("services", lang)}#{a}"]'), a
    if doc.years:
        years = text(facts.select_one(".years"))
        assert years.startswith(str(doc.years.start)) or years.endswith(str(doc.years.start))
        if doc.years.end:
            assert years == f"{doc.years.start}–{doc.years.end}"
    else:
        assert facts.select_one(".years") is None
    linked = [a["href"] for dt_ in facts.select("dt") if dt_.get_text().startswith(("Related", "Souvis"))
              for a in dt_.find_next_sibling("dd").select("a")]
    assert linked == ["/" + SITE.get("project", p, lang).url for p in doc.projects]
    calls = page.select(".call")
    assert len(calls) == len(doc.calls)
    for call, node in zip(doc.calls, calls, strict=True):
        times = [t["datetime"] for t in node.select("time")]
        assert times == [call.opens.isoformat(), call.closes.isoformat()]
        assert text(node.select_one(".badge")) == STATUS_WORDS[lang]["closed"]
        assert "call--closed" in node["class"]
    for link in doc.links:
        assert page.select_one(f'a[href="{link.url}"][rel="external"]'), link.url
    # "Related news" shows exactly when a news item names the service (tests/test_news.py lists them)
    assert (page.find(id="news") is not None) == any(doc.key in n.services for n in SITE.news(lang))
    blocks = [json.loads(b.string) for b in page.select('script[type="application/ld+json"]')]
    service = next(b for b in blocks if b.get("@type") == "Service")
    assert service["name"] == doc.title and service["provider"] == {"@id": "/#organization"}
    assert [a["audienceType"] for a in service["audience"]] == [AUDIENCES[a].label(lang) for a in doc.audience]
    alternates = {a["hreflang"]: a["href"] for a in page.select('link[rel="alternate"][hreflang]')}
    twin = SITE.twin(doc, "cs" if lang == "en" else "en")
    assert any(h.endswith("/" + twin.url) for h in alternates.values()), alternates


def test_project_and_service_pages_link_each_other(site):
    pairs = [(lang, d, p) for lang, d in SERVICES for p in d.projects]
    assert pairs
    for lang, service, slug in pairs:
        project = SITE.get("project", slug, lang)
        assert site.html(service.url).select_one(f'.facts a[href="/{project.url}"]'), (service.url, slug)
        assert site.html(project.url).select_one(f'.facts a[href="/{service.url}"]'), (project.url, service.key)
    named = {(lang, p) for lang, _, p in pairs}
    for lang in LANGS:  # a project no service names lists no services
        for project in SITE.projects(lang):
            links = site.html(project.url).select('.facts a[href*="/services/"], .facts a[href*="/sluzby/"]')
            assert bool(links) == ((lang, project.key) in named), project.url


def test_call_status_days_are_inclusive():
    call = Call(dt.date(2020, 4, 21), dt.date(2020, 5, 31))
    assert call_status(call, dt.date(2020, 4, 20)) == "upcoming"
    assert call_status(call, dt.date(2020, 4, 21)) == "open"
    assert call_status(call, dt.date(2020, 5, 31)) == "open"
    assert call_status(call, dt.date(2020, 6, 1)) == "closed"


@pytest.fixture(scope="module")
def moved(tmp_path_factory):
    """The site built with the clock moved into the sixth voucher call (1 May 2020), and to the
    day before it opened: the same content, only SOURCE_DATE_EPOCH differs."""
    out = {}
    for name, day in (("open", dt.date(2020, 5, 1)), ("upcoming", dt.date(2020, 4, 20))):
        root = tmp_path_factory.mktemp(f"clock-{name}")
        for folder in ("content", "theme"):
            (root / folder).symlink_to(ROOT / folder)
        for settings in ("pelicanconf.py", "publishconf.py"):
            (root / settings).symlink_to(ROOT / settings)
        result = build_copy(root, SOURCE_DATE_EPOCH=epoch(day))
        assert result.ok, result.problems
        out[name] = Built(root / "output")
    return out


@pytest.mark.parametrize("lang", LANGS)
def test_a_call_is_open_only_while_the_build_clock_is_within_its_dates(site, moved, lang):
    doc = SITE.get("service", "innovation-vouchers", lang)
    sixth = [c for c in doc.calls if c.opens == dt.date(2020, 4, 21)]
    assert sixth, "the sixth voucher call (21 April – 31 May 2020) is in the content"
    index = doc.calls.index(sixth[0])
    for name, built in (("open", moved["open"]), ("upcoming", moved["upcoming"]), ("closed", site)):
        node = built.html(doc.url).select(".call")[index]
        assert text(node.select_one(".badge")) == STATUS_WORDS[lang][name], name
        assert f"call--{name}" in node["class"]
        earlier = built.html(doc.url).select(".call")[0]  # the 2017 call is closed on every one of these days
        assert "call--closed" in earlier["class"]
        card = built.html(url_for("services", lang)).find(id="companies").select_one(f'a[href="/{doc.url}"]')
        badges = [text(b) for b in card.find_parent("article").select(".status--open")]
        assert badges == ([STATUS_WORDS[lang]["open"]] if name == "open" else []), name


def test_related_news_section_shows_what_the_view_gives(project_copy, monkeypatch):
    """The news type will fill `Catalog.service_news`: whatever it gives is listed, linked and dated."""
    news = NewsLink("Sixth voucher call opens", "services/", dt.date(2020, 4, 21), "21 April 2020",
                    __import__("markupsafe").Markup("Sixth voucher call opens"))
    monkeypatch.setattr(Catalog, "service_news", lambda self, doc: (news,) if doc.key == "innovation-vouchers" else ())
    result = build_copy(project_copy)
    assert result.ok, result.problems
    built = Built(project_copy / "output")
    page = built.html(SITE.get("service", "innovation-vouchers", "en").url)
    heading = page.find(id="news")
    assert text(heading) == "Related news"
    item = heading.find_next_sibling("ul").select_one("li")
    assert item.select_one('a[href="/services/"]') and item.select_one('time[datetime="2020-04-21"]')
    assert built.html(SITE.get("service", "coworking", "en").url).find(id="news") is None


# ---- contact and organisation ---------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGS)
def test_contact_page_states_the_organisation_facts(site, lang):
    doc = SITE.get("page", "contact", lang)
    page = site.html(doc.url)
    body = page.select_one("article .prose")
    words = text(body)
    address = text(body.find("address"))
    for part in (ORG["legal_name"], ORG["street"], ORG["postcode"], ORG["city"]):
        assert part in address, part
    assert body.find("address").find_parent(["ul", "ol"]) is None
    for fact in (ORG["company_id"], ORG["data_box"], "L 9705", "Ing. Martin Mata, MBA", *ORG["founders"][:1]):
        assert fact in words, fact
    assert {"en": "1 June 2019", "cs": "1. června 2019"}[lang] in words
    assert {"en": "more than 90%", "cs": "více než 90 %"}[lang] in words
    terms = [text(d) for d in body.select("dt")]
    assert {"en": "Data box ID", "cs": "ID datové schránky"}[lang] in terms
    assert "@" not in words  # no e-mail address: the facts give none as stated
    jsonld = [json.loads(s.string) for s in page.select('script[type="application/ld+json"]')]
    org = next(b for b in jsonld if b.get("@type") == "Organization")
    ids = {i["propertyID"]: i["value"] for i in org["identifier"]}
    assert ids == {"IČO": ORG["company_id"], "datová schránka": ORG["data_box"]}
    assert org["address"]["streetAddress"] == ORG["street"]


def test_every_page_links_to_the_contact_page_in_its_footer(site):
    contact = {lang: "/" + SITE.get("page", "contact", lang).url for lang in LANGS}
    pages = site.pages()
    assert len(pages) > 60
    for path in pages:
        page = site.html(str(path.relative_to(site.root)))
        lang = page.html["lang"]
        link = page.select_one(f'footer a[href="{contact[lang]}"]')
        assert link is not None, path
        assert text(link, "") == SITE.get("page", "contact", lang).title


@pytest.mark.parametrize("lang", LANGS)
def test_accessibility_feedback_points_to_the_data_box_and_the_contact_page(site, lang):
    page = site.html(SITE.get("page", "accessibility", lang).url)
    heading = page.find(id={"en": "feedback-and-contact", "cs": "zpetna-vazba-a-kontakt"}[lang])
    assert heading is not None
    section = []
    for node in heading.find_next_siblings():
        if node.name == "h2":
            break
        section.append(node)
    words = " ".join(text(n) for n in section)
    assert ORG["data_box"] in words
    links = [a["href"] for n in section for a in n.select("a")]
    assert "/" + SITE.get("page", "contact", lang).url in links
    assert not any(n.name == "ul" and ORG["data_box"] in text(n) for n in section)  # no bullet list of channels


def test_about_page_sends_readers_to_the_contact_page_without_a_listed_address(site):
    for lang in LANGS:
        page = site.html(SITE.get("page", "about", lang).url)
        assert page.select_one(f'.prose a[href="/{SITE.get("page", "contact", lang).url}"]')
        assert not any(text(li) == ORG["street"] for li in page.select(".prose li")), lang  # no address as bullets


def test_services_are_found_by_the_link_check_of_authors(tmp_path):
    """A Markdown link to the services overview or a service page is a link to a page the site makes."""
    from icuk_site.content import body

    urls = body.site_urls(SITE.documents, SITE.partners, ())
    for lang in LANGS:
        assert url_for("services", lang) in urls
        assert all(d.url in urls for d in SITE.services(lang))
    assert Path(ROOT / "content/services/en").is_dir()


def test_root_relative_links_in_a_text_get_the_sites_sub_path():
    from icuk_site.render.sitelinks import absolute

    html = '<p><a href="/contact.html">c</a> <a href="//example.org/x">x</a> <a href="#top">t</a> <img src="/a.png"></p>'
    assert absolute(html, "https://example.org/usti") == (
        '<p><a href="https://example.org/usti/contact.html">c</a> <a href="//example.org/x">x</a> '
        '<a href="#top">t</a> <img src="https://example.org/usti/a.png"></p>')
    assert absolute(html, "") == html
