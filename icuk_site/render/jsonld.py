"""JSON-LD for search engines, in schema.org's terms (every property within its type's domain
and range; tests/quality/test_schemaorg.py checks them against a pinned schema.org):

- every page: the `Organization` and the page as a `WebPage` (name, inLanguage, dateModified,
  its `breadcrumb`), whose `mainEntity` is the project on a project page and whose `about` is
  the organisation elsewhere — both from `jsonld_organization()` in the page's <head>;
- project pages: the `Project`, with the one IRI that projects.json gives it too;
- service pages: the `Service`, provided by the organisation, with its audiences;
- news pages: the `NewsArticle` (its own date, `about` its projects, `mentions` its partners,
  `citation` its sources), the WebPage's `mainEntity`;
- wherever breadcrumbs are shown: the `BreadcrumbList` (the IRI the WebPage points at);
- a project's EU funding: one `MonetaryGrant` each — named after the funded project as declared
  (else the programme), the statement as `description`, the number as `identifier`, the European
  Union as `funder` — whose `fundedItem` is the page's project. schema.org 12.0 has no
  Project → Grant property (`funding` came later), so the grant points at what it funds.

Blocks refer to each other by IRI. Jinja globals (registered by the plugin) return a ready
`<script type="application/ld+json">` data block — data, never executed, so the strict CSP is
unaffected."""

from __future__ import annotations

import json
from typing import Any

from jinja2 import pass_context
from markupsafe import Markup

from ..outputs.opendata import project_iri

USTI_REGION = {"@type": "AdministrativeArea", "name": "Ústecký kraj", "alternateName": "Usti Region",
               "sameAs": "http://data.europa.eu/nuts/code/CZ042"}


def block(data: dict[str, Any]) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    # No "<", ">" or "&" may reach the HTML parser inside <script> (a "</script>" or "<!--" in a
    # title would break out of the block); JSON's \\u escapes mean the same characters.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(f'<script type="application/ld+json">{text}</script>')


# Page kinds (PageView.kind) whose templates show no breadcrumbs.
NO_BREADCRUMBS = frozenset({"home", "404"})


def _abs(ctx, url: str) -> str:
    return f"{ctx.get('SITEURL', '')}/{url}"


def _org_id(ctx) -> dict[str, str]:
    return {"@id": _abs(ctx, "#organization")}


def breadcrumb_id(page_url: str) -> str:
    return f"{page_url}#breadcrumb"


def organization(ctx) -> dict[str, Any]:
    """The organisation, named in the page's language (SITE_ORG name_cs on Czech pages)."""
    org = ctx["SITE_ORG"]
    view = ctx.get("view")
    lang = getattr(view, "lang", None) or ctx.get("lang") or ""
    return {
        "@type": "Organization",
        "@id": _abs(ctx, "#organization"),
        "name": org.get(f"name_{lang}") or org["name"],
        "alternateName": org["short"],
        "legalName": org["legal_name"],
        # IČO, the Czech company registration number (not a tax ID: that would be the DIČ), and
        # the ID of its data box (datová schránka), the Czech system for official electronic messages.
        "identifier": [{"@type": "PropertyValue", "propertyID": "IČO", "value": org["company_id"]},
                       {"@type": "PropertyValue", "propertyID": "datová schránka", "value": org["data_box"]}],
        "url": _abs(ctx, ""),
        "foundingDate": org["founded"],
        "founder": [{"@type": "Organization", "name": name} for name in org["founders"]],
        "address": {
            "@type": "PostalAddress", "streetAddress": org["street"], "postalCode": org["postcode"],
            "addressLocality": org["city"], "addressCountry": org["country"],
        },
        "areaServed": USTI_REGION,
    }


def webpage(ctx, view) -> dict[str, Any]:
    """The page being rendered as a schema.org WebPage."""
    url = _abs(ctx, view.url)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "WebPage", "@id": url, "url": url}
    if view.title:
        data["name"] = view.title
    if view.description:
        data["description"] = view.description
    data["inLanguage"] = view.lang
    if view.updated:
        data["dateModified"] = view.updated.isoformat()
    data["publisher"] = _org_id(ctx)
    if view.kind not in NO_BREADCRUMBS:
        data["breadcrumb"] = {"@id": breadcrumb_id(url)}
    if view.kind == "news":
        data["mainEntity"] = {"@id": news_id(url)}
    elif view.kind == "project":
        data["mainEntity"] = {"@id": project_iri(ctx.get("SITEURL", ""), view.key)}
        data["keywords"] = [view.category.label, view.phase.label]  # a CreativeWork's, not a Project's
    else:
        data["about"] = _org_id(ctx)
    return data


@pass_context
def jsonld_organization(ctx) -> Markup:
    """The organisation, and the page being rendered (the template's `view`) as a WebPage."""
    out = block({"@context": "https://schema.org", **organization(ctx)})
    view = ctx.get("view")
    return out + block(webpage(ctx, view)) if view is not None else out


@pass_context
def jsonld_project(ctx, view) -> Markup:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Project",
        "@id": project_iri(ctx.get("SITEURL", ""), view.key),
        "name": view.title,
        "description": view.summary,
        "url": _abs(ctx, view.url),
        "mainEntityOfPage": {"@id": _abs(ctx, view.url)},
        "areaServed": USTI_REGION,
        "parentOrganization": _org_id(ctx),
        # A partner's page here is its url; its own official website, when known, identifies it (sameAs).
        "member": [{"@type": "Organization", "name": p.name, "url": _abs(ctx, p.url),
                    **({"sameAs": p.website} if p.website else {})} for p in view.partners],
    }
    if view.years:
        data["foundingDate"] = str(view.years.start)
        if view.years.end:
            data["dissolutionDate"] = str(view.years.end)
    return block(data)


def news_id(page_url: str) -> str:
    return f"{page_url}#article"


@pass_context
def jsonld_news(ctx, view) -> Markup:
    """A news item (views.NewsView) as a NewsArticle; its date as precise as the item knows it."""
    url = _abs(ctx, view.url)
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "@id": news_id(url),
        "headline": view.title,
        "description": view.summary,
        "url": url,
        "mainEntityOfPage": {"@id": url},
        "inLanguage": view.lang,
        "datePublished": view.date_iso,
        "author": _org_id(ctx),
        "publisher": _org_id(ctx),
    }
    if view.doc.modified:
        data["dateModified"] = view.doc.modified.isoformat()
    if view.doc.projects:  # by ID (the English file's slug), as project_iri names a project
        data["about"] = [{"@id": project_iri(ctx.get("SITEURL", ""), pid)} for pid in view.doc.projects]
    if view.partners:
        data["mentions"] = [{"@type": "Organization", "name": p.name, "url": _abs(ctx, p.url)} for p in view.partners]
    if view.sources:
        data["citation"] = [{"@type": "CreativeWork", "name": s.label, "url": s.url} for s in view.sources]
    return block(data)


@pass_context
def jsonld_service(ctx, view) -> Markup:
    """A service page's service (render/services.py ServiceView): who provides it, for whom."""
    url = _abs(ctx, view.url)
    return block({
        "@context": "https://schema.org",
        "@type": "Service",
        "@id": f"{url}#service",
        "name": view.title,
        "description": view.summary,
        "url": url,
        "mainEntityOfPage": {"@id": url},
        "provider": _org_id(ctx),
        "areaServed": USTI_REGION,
        "audience": [{"@type": "Audience", "audienceType": a.label} for a in view.audiences],
    })


@pass_context
def jsonld_funding(ctx, view) -> Markup:
    """The project's EU fundings as MonetaryGrants (render/funding.FundingNotice), one block each."""
    out = Markup("")
    for n in view.funding:
        data: dict[str, Any] = {
            "@context": "https://schema.org", "@type": "MonetaryGrant", "name": n.funded_name or n.programme_name,
            "description": n.statement.striptags(), "funder": {"@type": "Organization", "name": n.union.striptags()},
            "fundedItem": {"@id": project_iri(ctx.get("SITEURL", ""), view.key)},
        }
        if n.number:
            data["identifier"] = n.number
        out += block(data)
    return out


@pass_context
def jsonld_breadcrumbs(ctx, items) -> Markup:
    """`items`: (label, url) from the home page to the current page (the last one)."""
    return block({
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "@id": breadcrumb_id(_abs(ctx, items[-1][1])),
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": label, "item": {"@id": _abs(ctx, url)}}
            for i, (label, url) in enumerate(items, start=1)
        ],
    })


GLOBALS = {
    "jsonld_organization": jsonld_organization,
    "jsonld_project": jsonld_project,
    "jsonld_service": jsonld_service,
    "jsonld_funding": jsonld_funding,
    "jsonld_news": jsonld_news,
    "jsonld_breadcrumbs": jsonld_breadcrumbs,
}
