"""JSON-LD for search engines: the organisation on every page, `Project` on project pages,
`BreadcrumbList` wherever breadcrumbs are shown. Jinja globals (registered by the plugin)
return a ready `<script type="application/ld+json">` data block — data, never executed, so
the strict CSP is unaffected."""

from __future__ import annotations

import json
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

USTI_REGION = {"@type": "AdministrativeArea", "name": "Ústecký kraj", "alternateName": "Usti Region",
               "sameAs": "http://data.europa.eu/nuts/code/CZ042"}


def block(data: dict[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # No "<", ">" or "&" may reach the HTML parser inside <script> (a "</script>" or "<!--" in a
    # title would break out of the block); JSON's \\u escapes mean the same characters.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


def _abs(ctx, url: str) -> str:
    return f"{ctx.get('SITEURL', '')}/{url}"


def organization(ctx) -> dict[str, Any]:
    org = ctx["SITE_ORG"]
    return {
        "@type": "Organization",
        "@id": _abs(ctx, "#organization"),
        "name": org["name"],
        "alternateName": org["short"],
        "legalName": org["legal_name"],
        "taxID": org["company_id"],
        "url": _abs(ctx, ""),
        "foundingDate": org["founded"],
        "founder": [{"@type": "Organization", "name": name} for name in org["founders"]],
        "address": {
            "@type": "PostalAddress", "streetAddress": org["street"], "postalCode": org["postcode"],
            "addressLocality": org["city"], "addressCountry": org["country"],
        },
        "areaServed": USTI_REGION,
    }


@pass_context
def jsonld_organization(ctx) -> Markup:
    return block({"@context": "https://schema.org", **organization(ctx)})


@pass_context
def jsonld_project(ctx, view) -> Markup:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Project",
        "@id": _abs(ctx, view.url) + "#project",
        "name": view.title,
        "description": view.summary,
        "url": _abs(ctx, view.url),
        "inLanguage": view.lang,
        "dateModified": view.updated.isoformat(),
        "areaServed": USTI_REGION,
        "parentOrganization": {"@id": _abs(ctx, "#organization")},
        "member": [{"@type": "Organization", "name": p.name, "url": _abs(ctx, p.url)} for p in view.partners],
        "keywords": [view.category.label, view.phase.label],
    }
    if view.years:
        data["foundingDate"] = str(view.years.start)
        if view.years.end:
            data["dissolutionDate"] = str(view.years.end)
    return block(data)


@pass_context
def jsonld_breadcrumbs(ctx, items) -> Markup:
    return block({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": label, "item": _abs(ctx, url)}
            for i, (label, url) in enumerate(items, start=1)
        ],
    })


GLOBALS = {
    "jsonld_organization": jsonld_organization,
    "jsonld_project": jsonld_project,
    "jsonld_breadcrumbs": jsonld_breadcrumbs,
}
