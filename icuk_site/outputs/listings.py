"""The generator of everything no single Markdown file makes, in every language, from the catalog:
listing pages (projects, facets, partners, years, search, the news index), Atom feeds (feeds.py), the sitemap and
robots.txt (sitemap.py) and the open-data files (opendata.py).

Pelican's own index/category/tag/archive pages and feeds know one language only and order
by date; ours follow the content model (facets, both languages, newest change first).
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup
from pelican.generators import Generator

from .. import session as sessions
from ..build.incremental import Group, bodies_key
from ..content import LANGS, save_as_for
from ..render.timeline import timeline_html, timeline_legend, timeline_rows
from . import opendata
from .feeds import write_feed, write_news_feed
from .sitemap import robots, sitemap

# Which template draws which kind of listing page.
LISTING_TEMPLATES = {"projects": "projects", "partners": "partners", "years": "years", "search": "search",
                     "services": "services"}


class ListingGenerator(Generator):
    def generate_context(self):
        self.session = sessions.of(self.settings)
        self.context["catalog"] = self.session.catalog

    def _write_text(self, rel: str, text: str) -> None:
        path = Path(self.output_path) / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def generate_output(self, writer):
        catalog, plan, siteurl = self.session.catalog, self.session.plan, self.settings["SITEURL"]
        for lang in LANGS:
            projects = catalog.projects(lang)
            rows = timeline_rows(projects)
            timeline = {"chart": Markup(timeline_html(rows, catalog.site.reference_date.year)), "rows": rows,
                        "legend": timeline_legend(rows), "undated": len(projects) - len(rows)}
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
            for view in catalog.news.index_pages(lang):
                writer.write_file(save_as_for(view.url), self.get_template("news-index"), self.context,
                                  relative_urls=self.settings["RELATIVE_URLS"], url=view.url, view=view)
            # Incremental builds keep files whose inputs are unchanged (incremental.Group): a feed
            # is made from its language's project bodies, the rest from front-matter and settings only.
            projects = [d for d in catalog.site.documents if d.lang == lang and d.kind == "project"]
            feed = Group(plan, f"feed-{lang}", bodies_key(plan, projects))
            if not feed.kept:
                feed.add(write_feed(catalog, self.session.articles, lang, siteurl, Path(self.output_path),
                                    self.settings.get("FEED_MAX_ITEMS"), self.settings))
            news = [d for d in catalog.site.documents if d.lang == lang and d.kind == "news"]
            news_feed = Group(plan, f"news-feed-{lang}", bodies_key(plan, news))
            if not news_feed.kept:
                news_feed.add(write_news_feed(catalog, self.session.news_articles, lang, siteurl,
                                              Path(self.output_path), self.settings.get("FEED_MAX_ITEMS"),
                                              self.settings))
        data = Group(plan, "sitemap-robots-open-data")
        if not data.kept:
            texts = {"sitemap.xml": sitemap(catalog, siteurl), "robots.txt": robots(siteurl),
                     **opendata.files(catalog.site, siteurl, self.settings)}
            for rel, text in texts.items():
                self._write_text(rel, text)
                data.add(rel)
