"""sitemap.xml (every page, with its language alternates) and robots.txt."""

from __future__ import annotations

from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

from ..content import LANGS


def sitemap(catalog, siteurl: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for view in catalog.sitemap_entries():
        lines.append("  <url>")
        lines.append(f"    <loc>{xml_escape(f'{siteurl}/{view.url}')}</loc>")
        if view.updated:
            lines.append(f"    <lastmod>{view.updated.isoformat()}</lastmod>")
        for alt in view.alternates:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="{alt.lang}" '
                         f"href={quoteattr(f'{siteurl}/{alt.url}')}/>")
        default = next((a for a in view.alternates if a.lang == LANGS[0]), None)
        if default:
            lines.append(f'    <xhtml:link rel="alternate" hreflang="x-default" '
                         f"href={quoteattr(f'{siteurl}/{default.url}')}/>")
        lines.append("  </url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(siteurl: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {siteurl}/sitemap.xml\n"
