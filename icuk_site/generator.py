"""Writes the pages that no single Markdown file makes: the listing pages, per language.

Pelican's own index/category/tag/archive pages know one language only (with native
translations); these are generated from the validated catalog for every language.
"""

from __future__ import annotations

from pelican.generators import Generator

from . import state
from .model import LANGS, save_as_for, url_for
from .views import PageView


class ListingGenerator(Generator):
    def generate_context(self):
        self.catalog = state.current_catalog()
        self.context["catalog"] = self.catalog

    def _write(self, writer, template: str, view: PageView, **extra) -> None:
        writer.write_file(
            save_as_for(view.url),
            self.get_template(template),
            self.context,
            relative_urls=self.settings["RELATIVE_URLS"],
            url=view.url,
            view=view,
            **extra,
        )

    def generate_output(self, writer):
        catalog = self.catalog
        for lang in LANGS:
            # The titles are theme strings: the template translates them by `view.kind`.
            view = PageView(
                lang=lang,
                title="",
                description="",
                url=url_for("projects", lang),
                alternates=catalog.route_alternates("projects"),
                nav_key="projects",
                kind="projects",
            )
            self._write(writer, "projects", view, groups=catalog.by_category(lang))
