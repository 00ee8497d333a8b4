"""News (Aktuality) as readers, feed readers and crawlers get it: the paged index newest first,
each item's date in <time>, projects and partners linked both ways, NewsArticle JSON-LD, the
Atom feeds, the navigation and the latest news on the home page — in both languages, on the
real build (tests/conftest.py `site`), and on project copies where the news change."""

from __future__ import annotations

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import Built, build_copy
from icuk_site.content import LANGS, load_site, url_for
from icuk_site.render.news import HOME_NEWS, NEWS_PER_PAGE

ROOT = Path(__file__).resolve().parent.parent
SITE = load_site(ROOT / "content")
ATOM = "{http://www.w3.org/2005/Atom}"
NBSP = "\u00a0"


def index_urls(lang: str, count: int) -> list[str]:
    return [url_for("news_index", lang)] + [url_for("news_page", lang, slug=str(n)) for n in range(2, count + 1)]


def listed(page) -> list[tuple[str, str]]:
    """(link, <time datetime>) of each item of a news list, in the order shown."""
    return [(li.select_one(".news-list__title a")["href"].lstrip("/"), li.find("time")["datetime"])
            for li in page.select(".news-list__item")]


def blocks(page) -> list[dict]:
    return [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]


def test_the_real_content_has_news_in_both_languages():
    for lang in LANGS:
        assert len(SITE.news(lang)) >= 12, lang
    assert {d.key for d in SITE.news("en")} == {d.key for d in SITE.news("cs")}


@pytest.mark.parametrize("lang", LANGS)
def test_index_is_newest_first_and_paged(site, lang):
    news = SITE.news(lang)
    pages = -(-len(news) // NEWS_PER_PAGE)
    assert pages >= 2, "the real content should need more than one page"
    shown, urls = [], index_urls(lang, pages)
    for n, url in enumerate(urls, start=1):
        page = site.html(url)
        items = listed(page)
        assert len(items) == (NEWS_PER_PAGE if n < pages else len(news) - NEWS_PER_PAGE * (pages - 1)), url
        shown += items
        nav = page.select_one("nav.pagination")
        assert nav is not None and nav.get("aria-label"), url
        current = nav.select('a[aria-current="page"]')
        assert [a["href"].lstrip("/") for a in current] == [url], url
        assert [a["href"].lstrip("/") for a in nav.select(".pagination__item:not([class*='--']) a")] == urls
        prev, nxt = nav.select_one('a[rel="prev"]'), nav.select_one('a[rel="next"]')
        assert (prev["href"].lstrip("/") if prev else None) == (urls[n - 2] if n > 1 else None)
        assert (nxt["href"].lstrip("/") if nxt else None) == (urls[n] if n < pages else None)
    assert [link for link, _ in shown] == [d.url for d in news]
    dates = [d for _, d in shown]
    assert dates == sorted(dates, reverse=True), "newest first"
    assert not site.path(url_for("news_page", lang, slug=str(pages + 1))).exists()


def test_item_page_shows_its_date_as_precisely_as_it_is_known(site):
    day = site.html(SITE.get("news", "hydrogen-memorandum", "cs").url).select_one(".news__date time")
    assert (day["datetime"], day.get_text()) == ("2019-11-19", f"19.{NBSP}listopadu 2019")
    day = site.html(SITE.get("news", "hydrogen-memorandum", "en").url).select_one(".news__date time")
    assert (day["datetime"], day.get_text()) == ("2019-11-19", "19 November 2019")
    month = SITE.get("news", "icuk-founded", "cs")
    assert month.date_precision == "month"
    time = site.html(month.url).select_one(".news__date time")
    assert (time["datetime"], time.get_text()) == ("2015-11", "listopad 2015")
    time = site.html(SITE.get("news", "icuk-founded", "en").url).select_one(".news__date time")
    assert (time["datetime"], time.get_text()) == ("2015-11", "November 2015")


NEWS = [(d.lang, d) for lang in LANGS for d in SITE.news(lang)]


@pytest.mark.parametrize("lang, doc", NEWS, ids=[f"{lang}-{d.key}" for lang, d in NEWS])
def test_item_page_links_its_projects_and_partners_and_they_link_back(site, lang, doc):
    page = site.html(doc.url)
    assert page.html["lang"] == lang
    assert page.find("h1").get_text().replace(NBSP, " ") == doc.title
    assert page.select_one("article[data-pagefind-body]") is not None, "indexed by Pagefind"
    links = {a["href"].lstrip("/") for a in page.select("main a[href]")}
    for pid in doc.projects:
        project = SITE.get("project", pid, lang)
        assert project.url in links, pid
        back = site.html(project.url).select_one(".project-news")
        assert back is not None and doc.url in {a["href"].lstrip("/") for a in back.select("a")}, pid
    for pid in doc.partners:
        partner_url = url_for("partner", lang, slug=pid)
        assert partner_url in links, pid
        back = site.html(partner_url).select_one(".listing-news")
        assert back is not None and doc.url in {a["href"].lstrip("/") for a in back.select("a")}, pid
    sources = [a["href"] for a in page.select(".news__sources a")]
    assert sources == [s.url for s in doc.sources] and sources, "every item cites its sources"
    crumbs = [a["href"].lstrip("/") for a in page.select("nav.breadcrumbs a")]
    assert crumbs == [url_for("home", lang), url_for("news_index", lang)]
    for alt in page.find_all("link", rel="alternate", hreflang=True):  # the twin, found by hreflang
        if alt["hreflang"] not in (lang, "x-default"):
            twin = site.html(alt["href"])
            assert twin.select_one(".news__date time")["datetime"] == page.select_one(".news__date time")["datetime"]


def test_a_project_lists_its_news_newest_first_and_one_without_news_lists_none(site):
    for lang in LANGS:
        for project in SITE.projects(lang):
            expected = [d.url for d in SITE.news(lang) if project.key in d.projects]
            section = site.html(project.url).select_one(".project-news")
            if not expected:
                assert section is None, project.url
                continue
            assert [link for link, _ in listed(section)] == expected, project.url
    assert any(SITE.get("project", "hydrogen", lang) for lang in LANGS)


@pytest.mark.parametrize("lang", LANGS)
def test_news_article_json_ld(site, lang):
    doc = SITE.get("news", "humanoid-robot-school", lang)
    page = site.html(doc.url)
    by_type = {b["@type"]: b for b in blocks(page)}
    article = by_type["NewsArticle"]
    url = f"/{doc.url}"
    assert article["@id"] == f"{url}#article" and article["url"] == url
    assert article["headline"] == doc.title and article["inLanguage"] == lang
    assert article["datePublished"] == "2019-09"  # only the month is known
    assert article["about"] == [{"@id": f"/{url_for('project', 'en', slug=p)}#project"} for p in doc.projects]
    assert {m["name"] for m in article["mentions"]} == {SITE.partners[p].name(lang) for p in doc.partners}
    assert [c["url"] for c in article["citation"]] == [s.url for s in doc.sources]
    assert by_type["WebPage"]["mainEntity"] == {"@id": article["@id"]}
    assert "about" not in by_type["WebPage"]
    assert page.find("meta", property="og:type")["content"] == "article"


@pytest.mark.parametrize("lang", LANGS)
def test_atom_feed_of_news(site, lang):
    feed_url = url_for("news_feed", lang)
    root = ET.fromstring(site.path(feed_url).read_bytes())
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    assert root.find(f"{ATOM}id").text == f"/{url_for('news_index', lang)}"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == f"/{feed_url}"
    entries = root.findall(f"{ATOM}entry")
    news = SITE.news(lang)
    assert [e.find(f"{ATOM}id").text for e in entries] == [f"/{d.url}" for d in news]
    assert [e.find(f"{ATOM}title").text for e in entries] == [d.title for d in news]
    published = [e.find(f"{ATOM}published").text[:10] for e in entries]
    assert published == [d.date.isoformat() for d in news]
    # the feed's <updated>: its newest entry's (each entry's: the last commit of its file)
    assert root.find(f"{ATOM}updated").text == max(e.find(f"{ATOM}updated").text for e in entries)
    content = BeautifulSoup(entries[0].find(f"{ATOM}content").text, "html.parser").get_text()
    assert site.html(news[0].url).select_one(".prose p").get_text() in content
    for url in (url_for("home", lang), url_for("news_index", lang), news[0].url):  # autodiscovery
        links = site.html(url).find_all("link", rel="alternate", type="application/atom+xml")
        assert f"/{feed_url}" in [link["href"] for link in links], url
    sitemap = site.text("sitemap.xml")
    for url in (url_for("news_index", lang), url_for("news_page", lang, slug="2"), news[-1].url):
        assert f"<loc>/{url}</loc>" in sitemap, url


@pytest.mark.parametrize("lang", LANGS)
def test_news_in_the_main_navigation(site, lang):
    index = url_for("news_index", lang)
    for url, current in ((url_for("home", lang), None), (index, "page"), (SITE.news(lang)[0].url, "true"),
                         (SITE.projects(lang)[0].url, None)):
        nav = site.html(url).select_one("nav.site-nav")
        link = next(a for a in nav.select("a") if a["href"].lstrip("/") == index)
        assert link.get_text(strip=True) == {"en": "News", "cs": "Aktuality"}[lang]
        assert link.get("aria-current") == current, url


@pytest.mark.parametrize("lang", LANGS)
def test_home_shows_the_latest_news(site, lang):
    home = site.html(url_for("home", lang))
    section = home.select_one(".home-news")
    assert [link for link, _ in listed(section)] == [d.url for d in SITE.news(lang)[:HOME_NEWS]]
    assert url_for("news_index", lang) in {a["href"].lstrip("/") for a in section.select("a")}
    assert home.select_one(".hero") is not None


def _news_file(slug: str, lang: str, date: str, title: str, extra: str = "") -> str:
    return (f"---\ntitle: {title}\nslug: {slug}\nlang: {lang}\ndate: {date}\n"
            f"summary: A test item.\n{extra}---\nText.\n")


def test_a_newer_item_comes_first_everywhere_and_old_ones_move_to_page_two(project_copy):
    """Add an item dated today to a copy: it leads the index, the home page, the project's news and
    the feed, and page 2 starts with what was the 10th item."""
    today = dt.date(2026, 11, 30).isoformat()
    for lang in LANGS:
        (project_copy / f"content/news/{lang}/test-newest.md").write_text(
            _news_file("test-newest", lang, today, f"Newest {lang}", "projects: [hydrogen]\n"), encoding="utf-8")
    assert build_copy(project_copy).ok
    built = Built(project_copy / "output")
    for lang in LANGS:
        site = load_site(project_copy / "content")
        news = site.news(lang)
        assert news[0].key == "test-newest"
        first = listed(built.html(url_for("news_index", lang)))
        assert first[0] == (news[0].url, today)
        assert listed(built.html(url_for("news_page", lang, slug="2")))[0][0] == news[NEWS_PER_PAGE].url
        assert listed(built.html(url_for("home", lang)).select_one(".home-news"))[0][0] == news[0].url
        project = site.get("project", "hydrogen", lang)
        assert listed(built.html(project.url).select_one(".project-news"))[0][0] == news[0].url
        feed = ET.fromstring(built.path(url_for("news_feed", lang)).read_bytes())
        assert feed.find(f"{ATOM}entry/{ATOM}id").text == f"/{news[0].url}"


def test_no_news_at_all_one_empty_index_page_and_no_home_section(project_copy):
    for lang in LANGS:
        for path in (project_copy / f"content/news/{lang}").glob("*.md"):
            path.unlink()
    assert build_copy(project_copy).ok
    built = Built(project_copy / "output")
    for lang in LANGS:
        index = built.html(url_for("news_index", lang))
        assert listed(index) == [] and index.select_one("nav.pagination") is None
        assert built.html(url_for("home", lang)).select_one(".home-news") is None
        assert not built.path(url_for("news_page", lang, slug="2")).exists()
        assert ET.fromstring(built.path(url_for("news_feed", lang)).read_bytes()).findall(f"{ATOM}entry") == []
    assert not re.search(r"/news/[a-z]", built.text("sitemap.xml"))


def test_a_service_lists_the_news_that_name_it(site):
    """A news item's `services` put it under "Related news" on each service's page, newest first."""
    for lang in LANGS:
        for service in SITE.services(lang):
            expected = ["/" + d.url for d in SITE.news(lang) if service.key in d.services]
            heading = site.html(service.url).find(id="news")
            if not expected:
                assert heading is None, service.url
                continue
            assert [a["href"] for a in heading.find_next_sibling("ul").select("a")] == expected, service.url
    vouchers = SITE.get("service", "innovation-vouchers", "cs")
    assert len([d for d in SITE.news("cs") if vouchers.key in d.services]) == 2
