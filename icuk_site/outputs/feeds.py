"""Atom feeds of each language's projects, newest change first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedgenerator import Atom1Feed

from ..content import CATEGORIES, url_for

FEED_TITLES = {"en": "Innovation Centre of the Usti Region – projects",
               "cs": "Inovační centrum Ústeckého kraje – projekty"}


def _aware(d):
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


def write_feed(catalog, articles: dict, lang: str, siteurl: str, output: Path, limit: int | None) -> str:
    """Write the Atom feed of one language's projects, at most `limit` (Pelican's FEED_MAX_ITEMS,
    default 100) of them; `articles`: Pelican's Article objects by (slug, lang), for the content.
    Returns the feed's path in the output."""
    projects = sorted(catalog.projects(lang), key=lambda p: (p.updated, p.slug), reverse=True)
    if limit:
        projects = projects[:limit]
    feed_url = url_for("feed", lang)
    feed = Atom1Feed(
        title=FEED_TITLES[lang],
        link=f"{siteurl}/{url_for('projects', lang)}",
        feed_url=f"{siteurl}/{feed_url}",
        description="",
        language=lang,
    )
    for p in projects:
        article = articles.get((p.slug, lang))
        feed.add_item(
            title=p.title,
            link=f"{siteurl}/{p.url}",
            unique_id=f"{siteurl}/{p.url}",
            description=p.summary,
            content=article.get_content(siteurl) if article else None,
            categories=[CATEGORIES[p.category.id].label(lang)],
            pubdate=_aware(p.doc.date),
            updateddate=_aware(p.updated),
        )
    path = output / feed_url
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        feed.write(f, "utf-8")
    return feed_url
