"""Atom feeds (RFC 4287) that the W3C feed validator accepts: the organisation as the feed's
author, absolute ids and links, each entry's own `updated` and, where known, `published`.

`write_atom(path, FeedInfo, entries)` writes any feed from `FeedEntry` items; `write_feed` is the
projects feed of one language built on it, `write_news_feed` the news feed.
An entry's `updated` is its document's `updated_at`: the last commit that changed its source
file (build/history.py), or the author's `modified`; `published` is its `date` (a news item's
own date, the first of the month when only the month is known). The build stays reproducible
(commit times, never the clock or file times, in a publish build).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from feedgenerator import Atom1Feed

from ..content import url_for

FEED_TITLES = {"en": "Innovation Centre of the Usti Region – projects",
               "cs": "Inovační centrum Ústeckého kraje – projekty"}
NEWS_FEED_TITLES = {"en": "Innovation Centre of the Usti Region – news",
                    "cs": "Inovační centrum Ústeckého kraje – aktuality"}


@dataclass(frozen=True)
class FeedEntry:
    """One Atom entry. `id` and `link` must be absolute IRIs (the id never changes)."""

    id: str
    title: str
    link: str
    updated: dt.date | dt.datetime
    summary: str = ""
    content: str | None = None  # HTML, links absolute
    published: dt.date | dt.datetime | None = None
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class FeedInfo:
    """The feed itself: `id`, `link` (the page it lists) and `self_link` are absolute IRIs;
    `author_name` (and `author_uri`) stand for every entry that names no author of its own."""

    id: str
    title: str
    link: str
    self_link: str
    lang: str
    author_name: str
    author_uri: str = ""
    subtitle: str = ""
    extra: dict = field(default_factory=dict)
    updated: dt.date | dt.datetime | None = None  # the feed's <updated> when it has no entries (not the clock)


def _aware(d: dt.date | dt.datetime) -> dt.datetime:
    """Dates become midnight UTC; naive date-times are taken as UTC."""
    if isinstance(d, dt.datetime):
        return d if d.tzinfo else d.replace(tzinfo=dt.timezone.utc)
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


def atom_feed(info: FeedInfo, entries: Iterable[FeedEntry]) -> Atom1Feed:
    """An Atom feed of `entries` in the order given; the feed's `updated` is the newest entry's.
    Ids and links are absolute when SITEURL is (publishconf.py); the local preview's are root-relative."""
    feed = Atom1Feed(
        title=info.title,
        link=info.link,
        feed_url=info.self_link,
        feed_guid=info.id,
        description=info.subtitle,
        language=info.lang,
        author_name=info.author_name,
        author_link=info.author_uri or None,
    )
    entries = list(entries)
    if not entries and info.updated is not None:  # feedgenerator would take the clock: builds must be reproducible
        feed.latest_post_date = lambda: _aware(info.updated)
    for e in entries:
        feed.add_item(
            title=e.title,
            link=e.link,
            unique_id=e.id,
            description=e.summary,
            content=e.content,
            categories=list(e.categories),
            pubdate=_aware(e.published) if e.published else None,
            updateddate=_aware(e.updated),
        )
    return feed


def write_atom(path: Path, info: FeedInfo, entries: Iterable[FeedEntry]) -> None:
    feed = atom_feed(info, entries)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        feed.write(f, "utf-8")


def feed_author(settings: dict | None) -> str:
    """FEED_AUTHOR (pelicanconf.py): the organisation; its legal name if the setting is missing."""
    settings = settings or {}
    return settings.get("FEED_AUTHOR") or settings.get("SITE_ORG", {}).get("legal_name") or settings.get("AUTHOR", "")


def document_entries(views, categories, articles: dict, siteurl: str) -> list[FeedEntry]:
    """Document views (projects, news items) as feed entries, in the order given;
    `categories(view)`: an entry's categories; `articles`: Pelican's Article objects by
    (translation key, lang), for the content."""
    out = []
    for view in views:
        article = articles.get((view.key, view.lang))
        out.append(FeedEntry(
            id=f"{siteurl}/{view.url}",
            title=view.title,
            link=f"{siteurl}/{view.url}",
            updated=view.doc.updated_at,
            published=view.doc.date,
            summary=view.summary,
            content=article.get_content(siteurl) if article else None,
            categories=categories(view),
        ))
    return out


def project_entries(catalog, articles: dict, lang: str, siteurl: str, limit: int | None) -> list[FeedEntry]:
    """The newest `limit` projects of a language as feed entries, newest change first."""
    projects = sorted(catalog.projects(lang), key=lambda p: (p.doc.updated_at, p.key), reverse=True)
    return document_entries(projects[:limit] if limit else projects,
                            lambda p: (p.category.label,), articles, siteurl)


def write_feed(catalog, articles: dict, lang: str, siteurl: str, output: Path, limit: int | None,
               settings: dict) -> str:
    """Write the Atom feed of one language's projects, at most `limit` (Pelican's FEED_MAX_ITEMS,
    default 100) of them; `articles`: Pelican's Article objects by (translation key, lang), for the content.
    Returns the feed's path in the output."""
    feed_url = url_for("feed", lang)
    info = FeedInfo(
        id=f"{siteurl}/{url_for('projects', lang)}",  # the feed's id since the first feed: never changes
        title=FEED_TITLES[lang],
        link=f"{siteurl}/{url_for('projects', lang)}",
        self_link=f"{siteurl}/{feed_url}",
        lang=lang,
        author_name=feed_author(settings),
        author_uri=f"{siteurl}/",
    )
    write_atom(output / feed_url, info, project_entries(catalog, articles, lang, siteurl, limit))
    return feed_url


def news_entries(catalog, articles: dict, lang: str, siteurl: str, limit: int | None) -> list[FeedEntry]:
    """The newest `limit` news items of a language as feed entries, newest first (their projects
    as categories)."""
    items = catalog.news.items(lang)
    return document_entries(items[:limit] if limit else items, lambda i: tuple(p.title for p in i.projects),
                            articles, siteurl)


def write_news_feed(catalog, articles: dict, lang: str, siteurl: str, output: Path, limit: int | None,
                    settings: dict) -> str:
    """Write the Atom feed of one language's news (`articles`: Pelican's Article objects of the
    news items by (translation key, lang)). Returns the feed's path in the output."""
    feed_url = url_for("news_feed", lang)
    index = f"{siteurl}/{url_for('news_index', lang)}"
    info = FeedInfo(id=index, title=NEWS_FEED_TITLES[lang], link=index, self_link=f"{siteurl}/{feed_url}", lang=lang,
                    author_name=feed_author(settings), author_uri=f"{siteurl}/", updated=catalog.site.reference_date)
    write_atom(output / feed_url, info, news_entries(catalog, articles, lang, siteurl, limit))
    return feed_url
