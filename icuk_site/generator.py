"""Writes everything no single Markdown file makes, in every language, from the catalog:
listing pages (projects, facets, partners, years, search), Atom feeds, the sitemap,
robots.txt and the open-data files.

Pelican's own index/category/tag/archive pages and feeds know one language only and order
by date; ours follow the content model (facets, both languages, newest change first).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from feedgenerator import Atom1Feed
from markupsafe import Markup
from pelican.generators import Generator

from . import opendata, state
from .incremental import Group, bodies_key
from .model import CATEGORIES, LANGS, save_as_for, url_for
from .timeline import timeline_rows, timeline_svg

# Which template draws which kind of listing page.
LISTING_TEMPLATES = {"projects": "projects", "partners": "partners", "years": "years", "search": "search"}
FEED_TITLES = {"en": "Innovation Centre of the Usti Region – projects",
               "cs": "Inovační centrum Ústeckého kraje – projekty"}


class ListingGenerator(Generator):
    def generate_context(self):
        self.catalog = state.current_catalog()
        self.context["catalog"] = self.catalog

    # ---- helpers ----------------------------------------------------------------------
    @property
    def siteurl(self) -> str:
        return self.settings["SITEURL"]

    def absolute(self, url: str) -> str:
        return f"{self.siteurl}/{url}"

    def _write_text(self, rel: str, text: str) -> None:
        path = Path(self.output_path) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    # ---- output -----------------------------------------------------------------------
    def generate_output(self, writer):
        catalog = self.catalog
        for lang in LANGS:
            rows = timeline_rows(catalog.projects(lang))
            timeline = {"svg": Markup(timeline_svg(rows, catalog.site.reference_date.year)), "rows": rows}
            for view in catalog.listings(lang):
                writer.write_file(
                    save_as_for(view.url),
                    self.get_template(LISTING_TEMPLATES.get(view.facet, "listing")),
                    self.context,
                    relative_urls=self.settings["RELATIVE_URLS"],
                    url=view.url,
                    view=view,
                    **({"timeline": timeline} if view.facet == "projects" else {}),
                )
            # Incremental builds keep files whose inputs are unchanged (incremental.Group): a feed
            # is made from its language's project bodies, the rest from front-matter and settings only.
            projects = [d for d in catalog.site.documents if d.lang == lang and d.kind == "project"]
            feed = Group(f"feed-{lang}", bodies_key(projects))
            if not feed.kept:
                self.write_feed(lang)
                feed.add(url_for("feed", lang))
        data = Group("sitemap-robots-open-data")
        if not data.kept:
            self.write_sitemap()
            self._write_text("robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: {self.absolute('sitemap.xml')}\n")
            data.add("sitemap.xml")
            data.add("robots.txt")
            for rel, text in opendata.files(catalog.site, self.siteurl, self.settings).items():
                self._write_text(rel, text)
                data.add(rel)

    def write_feed(self, lang: str) -> None:
        """An Atom feed of one language's projects, newest change first, at most FEED_MAX_ITEMS
        (Pelican's setting, default 100) of them."""
        projects = sorted(self.catalog.projects(lang), key=lambda p: (p.updated, p.slug), reverse=True)
        limit = self.settings.get("FEED_MAX_ITEMS")
        if limit:
            projects = projects[:limit]
        articles = state.current_articles()
        feed_url = url_for("feed", lang)
        feed = Atom1Feed(
            title=FEED_TITLES[lang],
            link=self.absolute(url_for("projects", lang)),
            feed_url=self.absolute(feed_url),
            description="",
            language=lang,
        )
        for p in projects:
            article = articles.get((p.slug, lang))
            feed.add_item(
                title=p.title,
                link=self.absolute(p.url),
                unique_id=self.absolute(p.url),
                description=p.summary,
                content=article.get_content(self.siteurl) if article else None,
                categories=[CATEGORIES[p.category.id].label(lang)],
                pubdate=_aware(p.doc.date),
                updateddate=_aware(p.updated),
            )
        path = Path(self.output_path) / feed_url
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            feed.write(f, "utf-8")

    def write_sitemap(self) -> None:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>',
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                 'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
        for view in self.catalog.sitemap_entries():
            lines.append("  <url>")
            lines.append(f"    <loc>{xml_escape(self.absolute(view.url))}</loc>")
            if view.updated:
                lines.append(f"    <lastmod>{view.updated.isoformat()}</lastmod>")
            for alt in view.alternates:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="{alt.lang}" '
                             f"href={quoteattr(self.absolute(alt.url))}/>")
            default = next((a for a in view.alternates if a.lang == LANGS[0]), None)
            if default:
                lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" '
                             f"href={quoteattr(self.absolute(default.url))}/>")
            lines.append("  </url>")
        lines.append("</urlset>")
        self._write_text("sitemap.xml", "\n".join(lines) + "\n")


def _aware(d):
    return dt.datetime(d.year, d.month, d.day, tzinfo=dt.timezone.utc)


