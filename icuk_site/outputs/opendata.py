"""The projects as open data: JSON-LD, CSV (+ CSVW metadata), a JSON Schema and a DCAT-AP
record of the dataset, all written to /data/ by the listing generator.

Czech open-data conventions (Otevřené formální normy, NKOD): ISO 8601 dates, stable
identifiers (the project's slug, which never changes), names and texts in both cs and en,
CC BY 4.0 licence stated on the distributions.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..content import CATEGORIES, LANGS, PARTNER_KINDS, PHASES, Site, url_for

DATA_DIR = "data"
JSON_FILE = f"{DATA_DIR}/projects.json"
CSV_FILE = f"{DATA_DIR}/projects.csv"
CSVW_FILE = f"{DATA_DIR}/projects.csv-metadata.json"
SCHEMA_FILE = f"{DATA_DIR}/projects.schema.json"
DCAT_FILE = f"{DATA_DIR}/dataset.jsonld"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"
NUTS_USTI_REGION = "http://data.europa.eu/nuts/code/CZ042"  # Ústecký kraj (NUTS 3)

# (file, media type, EU file-type code): what the open-data page lists.
DISTRIBUTIONS = (
    (JSON_FILE, "application/ld+json", "JSON_LD"),
    (CSV_FILE, "text/csv", "CSV"),
    (CSVW_FILE, "application/csvm+json", "JSON"),
    (SCHEMA_FILE, "application/schema+json", "JSON"),
    (DCAT_FILE, "application/ld+json", "JSON_LD"),
)

CSV_COLUMNS = (
    ("id", "string", "Stable identifier (slug)"),
    ("name_cs", "string", "Name in Czech"),
    ("name_en", "string", "Name in English"),
    ("summary_cs", "string", "Summary in Czech"),
    ("summary_en", "string", "Summary in English"),
    ("category", "string", "Category ID"),
    ("category_cs", "string", "Category in Czech"),
    ("category_en", "string", "Category in English"),
    ("phase", "string", "Phase ID"),
    ("phase_cs", "string", "Phase in Czech"),
    ("phase_en", "string", "Phase in English"),
    ("partners", "string", "Partner IDs, separated by ';'"),
    ("partners_cs", "string", "Partner names in Czech, separated by ';'"),
    ("partners_en", "string", "Partner names in English, separated by ';'"),
    ("start_year", "gYear", "First year (empty if not known)"),
    ("end_year", "gYear", "Last year (empty if open-ended or not known)"),
    ("url_cs", "anyURI", "Page in Czech"),
    ("url_en", "anyURI", "Page in English"),
    ("date_modified", "date", "Last substantive change (ISO 8601)"),
)


def _both(fn) -> dict[str, str]:
    return {lang: fn(lang) for lang in LANGS}


def records(site: Site, siteurl: str) -> list[dict[str, Any]]:
    """One record per project (language-independent), ordered by ID."""
    out = []
    for slug in sorted({d.slug for d in site.documents if d.kind == "project"}):
        docs = {lang: site.get("project", slug, lang) for lang in LANGS}
        en = docs["en"]
        rec: dict[str, Any] = {
            "@id": f"{siteurl}/{url_for('project', 'en', slug=slug)}",
            "@type": "Project",
            "id": slug,
            "name": _both(lambda lang: docs[lang].title),
            "summary": _both(lambda lang: docs[lang].summary),
            "category": {"id": en.category, "name": _both(lambda lang: CATEGORIES[en.category].label(lang))},
            "phase": {"id": en.phase, "name": _both(lambda lang: PHASES[en.phase].label(lang))},
            "partners": [
                {
                    "id": pid,
                    "name": _both(site.partners[pid].name),
                    "kind": site.partners[pid].kind,
                    "kindName": _both(PARTNER_KINDS[site.partners[pid].kind].label),
                }
                for pid in en.partners
            ],
            "url": _both(lambda lang: f"{siteurl}/{docs[lang].url}"),
            "dateModified": max(d.updated for d in docs.values()).isoformat(),
        }
        if en.years:
            rec["startYear"] = en.years.start
            if en.years.end:
                rec["endYear"] = en.years.end
        out.append(rec)
    return out


JSONLD_CONTEXT = {
    "@version": 1.1,
    "schema": "https://schema.org/",
    "Project": "schema:Project",
    "id": "schema:identifier",
    "name": {"@id": "schema:name", "@container": "@language"},
    "kindName": {"@id": "schema:additionalType", "@container": "@language"},
    "summary": {"@id": "schema:description", "@container": "@language"},
    "category": "schema:category",
    "phase": "schema:creativeWorkStatus",
    "partners": {"@id": "schema:member", "@container": "@list"},
    "kind": "schema:additionalType",
    "url": {"@id": "schema:url", "@container": "@language"},
    "startYear": "schema:foundingDate",
    "endYear": "schema:dissolutionDate",
    "dateModified": {"@id": "schema:dateModified", "@type": "schema:Date"},
    "projects": {"@id": "schema:hasPart", "@container": "@set"},
    "license": {"@id": "schema:license", "@type": "@id"},
}


def json_schema(siteurl: str) -> dict[str, Any]:
    both = {"type": "object", "required": list(LANGS), "additionalProperties": False,
            "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGS}}
    term = lambda ids: {  # noqa: E731
        "type": "object", "required": ["id", "name"], "additionalProperties": False,
        "properties": {"id": {"enum": list(ids)}, "name": both},
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{siteurl}/{SCHEMA_FILE}",
        "title": "ICUK project record",
        "description": "One project of the Innovation Centre of the Usti Region (an item of projects.json).",
        "type": "object",
        "required": ["@id", "@type", "id", "name", "summary", "category", "phase", "partners", "url", "dateModified"],
        "additionalProperties": False,
        "properties": {
            "@id": {"type": "string"},
            "@type": {"const": "Project"},
            "id": {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"},
            "name": both,
            "summary": both,
            "category": term(CATEGORIES),
            "phase": term(PHASES),
            "partners": {
                "type": "array", "minItems": 1,
                "items": {
                    "type": "object", "required": ["id", "name", "kind", "kindName"], "additionalProperties": False,
                    "properties": {"id": {"type": "string"}, "name": both, "kind": {"enum": list(PARTNER_KINDS)},
                                   "kindName": both},
                },
            },
            "url": both,
            "startYear": {"type": "integer", "minimum": 1990, "maximum": 2100},
            "endYear": {"type": "integer", "minimum": 1990, "maximum": 2100},
            "dateModified": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        },
    }


def csv_rows(recs: list[dict[str, Any]]) -> list[dict[str, str]]:
    rows = []
    for r in recs:
        rows.append({
            "id": r["id"],
            "name_cs": r["name"]["cs"], "name_en": r["name"]["en"],
            "summary_cs": r["summary"]["cs"], "summary_en": r["summary"]["en"],
            "category": r["category"]["id"],
            "category_cs": r["category"]["name"]["cs"], "category_en": r["category"]["name"]["en"],
            "phase": r["phase"]["id"], "phase_cs": r["phase"]["name"]["cs"], "phase_en": r["phase"]["name"]["en"],
            "partners": ";".join(p["id"] for p in r["partners"]),
            "partners_cs": ";".join(p["name"]["cs"] for p in r["partners"]),
            "partners_en": ";".join(p["name"]["en"] for p in r["partners"]),
            "start_year": str(r.get("startYear", "")), "end_year": str(r.get("endYear", "")),
            "url_cs": r["url"]["cs"], "url_en": r["url"]["en"],
            "date_modified": r["dateModified"],
        })
    return rows


def csvw(siteurl: str) -> dict[str, Any]:
    return {
        "@context": ["http://www.w3.org/ns/csvw", {"@language": "en"}],
        "url": f"{siteurl}/{CSV_FILE}",
        "dc:title": [{"@value": "Projekty ICUK", "@language": "cs"}, {"@value": "ICUK projects", "@language": "en"}],
        "dc:license": {"@id": LICENSE},
        "tableSchema": {
            "columns": [
                {"name": name, "titles": name, "datatype": datatype, "dc:description": desc,
                 **({"required": True} if name in ("id", "name_cs", "name_en") else {})}
                for name, datatype, desc in CSV_COLUMNS
            ],
            "primaryKey": "id",
            "aboutUrl": f"{siteurl}/{url_for('project', 'en', slug='{id}')}",  # a URI template: {id} is the column
        },
    }


def dcat(site: Site, siteurl: str, settings: dict) -> dict[str, Any]:
    org = settings["SITE_ORG"]
    modified = max((d.updated for d in site.documents if d.kind == "project"), default=site.reference_date)
    issued = min((d.date for d in site.documents if d.kind == "project"), default=modified)
    ft = "http://publications.europa.eu/resource/authority/file-type/"
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
        },
        "@id": f"{siteurl}/{DCAT_FILE}#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": "icuk-projects",
        "dct:title": [{"@value": "Projekty Inovačního centra Ústeckého kraje", "@language": "cs"},
                      {"@value": "Projects of the Innovation Centre of the Usti Region", "@language": "en"}],
        "dct:description": [
            {"@value": "Projekty ICUK: kategorie, fáze, partneři a roky, česky i anglicky.", "@language": "cs"},
            {"@value": "ICUK's projects: category, phase, partners and years, in Czech and English.",
             "@language": "en"},
        ],
        "dct:publisher": {"@type": "foaf:Organization", "foaf:name": org["legal_name"]},
        "dcat:contactPoint": {"@type": "vcard:Organization", "vcard:fn": org["legal_name"],
                              "vcard:hasURL": {"@id": f"{siteurl}/{url_for('page', 'en', slug='about')}"}},
        "dct:issued": {"@value": issued.isoformat(), "@type": "xsd:date"},
        "dct:modified": {"@value": modified.isoformat(), "@type": "xsd:date"},
        "dct:spatial": {"@id": NUTS_USTI_REGION},
        "dct:accrualPeriodicity": {"@id": "http://publications.europa.eu/resource/authority/frequency/IRREG"},
        "dcat:theme": {"@id": "http://publications.europa.eu/resource/authority/data-theme/ECON"},
        "dcat:keyword": [{"@value": k, "@language": lang} for lang, ks in
                         (("cs", ("inovace", "Ústecký kraj", "projekty")),
                          ("en", ("innovation", "Usti Region", "projects"))) for k in ks],
        "dct:conformsTo": {"@id": f"{siteurl}/{SCHEMA_FILE}"},
        "dcat:landingPage": {"@id": f"{siteurl}/{url_for('page', 'en', slug='open-data')}"},
        "dcat:distribution": [
            {
                "@id": f"{siteurl}/{path}#distribution",
                "@type": "dcat:Distribution",
                "dcat:downloadURL": {"@id": f"{siteurl}/{path}"},
                "dcat:accessURL": {"@id": f"{siteurl}/{path}"},
                "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{media}"},
                "dct:format": {"@id": ft + code},
                "dct:license": {"@id": LICENSE},
                **({"dct:conformsTo": {"@id": f"{siteurl}/{SCHEMA_FILE}"}} if path == JSON_FILE else {}),
            }
            for path, media, code in DISTRIBUTIONS[:2]
        ],
    }


def _json(data: Any, compact: bool = False) -> str:
    """Small metadata files are indented for people; the records are compact (json's C encoder
    only runs without indent: at 2,000 projects that is 0.05 s instead of 0.25 s, and half the bytes)."""
    if compact:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"


def files(site: Site, siteurl: str, settings: dict) -> dict[str, str]:
    """Every open-data file: path in the output -> text."""
    recs = records(site, siteurl)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[c[0] for c in CSV_COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(csv_rows(recs))
    return {
        JSON_FILE: _json({"@context": JSONLD_CONTEXT, "@id": f"{siteurl}/{JSON_FILE}",
                          "license": LICENSE, "projects": recs}, compact=True),
        CSV_FILE: buf.getvalue(),
        CSVW_FILE: _json(csvw(siteurl)),
        SCHEMA_FILE: _json(json_schema(siteurl)),
        DCAT_FILE: _json(dcat(site, siteurl, settings)),
    }
