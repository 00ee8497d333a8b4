"""The projects as open data: JSON-LD, CSV (+ CSVW metadata), a JSON Schema and DCAT-AP records
of the catalogue and the dataset (dcat.py), all written to /data/ by the listing generator.

projects.json is JSON-LD in schema.org's terms: each record is a `Project` (an Organization)
with the same IRI as on its page (project_iri), its partners as `member` Organizations, years as
dates, page URLs as IRIs (an @index map by language). What schema.org has no property of a
Project for is said in Dublin Core / ADMS terms: category (dct:subject) and phase (adms:status)
as `DefinedTerm`s, the partner's kind (dct:type), the record's last change (dct:modified); a
partner's official website, when known, is its schema:sameAs (`website`).

Czech open-data conventions (Otevřené formální normy, NKOD): ISO 8601 dates, stable
identifiers (the project's translation key: the file name both languages share, which never
changes, whatever each language's slug and address), names and texts in both cs and en,
CC BY 4.0 licence stated on the distributions.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from ..content import CATEGORIES, LANGS, PARTNER_KINDS, PHASES, Site, url_for
from . import dcat

DATA_DIR = "data"
JSON_FILE = f"{DATA_DIR}/projects.json"
CSV_FILE = f"{DATA_DIR}/projects.csv"
CSVW_FILE = f"{DATA_DIR}/projects.csv-metadata.json"
SCHEMA_FILE = f"{DATA_DIR}/projects.schema.json"
DCAT_FILE = f"{DATA_DIR}/dataset.jsonld"
CATALOG_FILE = f"{DATA_DIR}/catalog.jsonld"
LICENSE = dcat.CC_BY

# (file, media type, EU file-type code): what the open-data page lists.
DISTRIBUTIONS = (
    (JSON_FILE, "application/ld+json", "JSON_LD"),
    (CSV_FILE, "text/csv", "CSV"),
    (CSVW_FILE, "application/csvm+json", "JSON"),
    (SCHEMA_FILE, "application/schema+json", "JSON"),
    (DCAT_FILE, "application/ld+json", "JSON_LD"),
    (CATALOG_FILE, "application/ld+json", "JSON_LD"),
)
# The dataset's distributions in the DCAT-AP record: the data itself (the rest describes it).
DATA_DISTRIBUTIONS = (
    dcat.DistributionSpec(JSON_FILE, "application/ld+json", "JSON_LD",
                          ("Projekty jako JSON-LD", "The projects as JSON-LD"),
                          ("Jeden záznam na projekt (schema.org), názvy a texty česky i anglicky.",
                           "One record per project (schema.org), names and texts in Czech and English."),
                          conforms_to=SCHEMA_FILE),
    dcat.DistributionSpec(CSV_FILE, "text/csv", "CSV",
                          ("Projekty jako CSV", "The projects as CSV"),
                          ("Tabulka v UTF-8 s řádkem záhlaví, popsaná metadaty CSV on the Web.",
                           "A UTF-8 table with a header row, described by CSV on the Web metadata."),
                          conforms_to=CSVW_FILE),
)

CSV_COLUMNS = (
    ("id", "string", "Stable identifier (the file name both languages share)"),
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


def project_iri(siteurl: str, key: str) -> str:
    """A project's one IRI, in both languages' pages and in projects.json, made from its
    translation key (never from a slug, which a translator may change): the English project
    address of that name + #project (the project itself, not the page about it). It is the
    English page's URL while the English slug is the file name, as `invoke new-project` makes it."""
    return f"{siteurl}/{url_for('project', 'en', slug=key)}#project"


def records(site: Site, siteurl: str) -> list[dict[str, Any]]:
    """One record per project (language-independent), ordered by ID."""
    out = []
    for key in sorted({d.key for d in site.documents if d.kind == "project"}):
        docs = {lang: site.get("project", key, lang) for lang in LANGS}
        en = docs["en"]
        rec: dict[str, Any] = {
            "@id": project_iri(siteurl, key),
            "@type": "Project",
            "id": key,
            "name": _both(lambda lang: docs[lang].title),
            "summary": _both(lambda lang: docs[lang].summary),
            "category": {"@type": "DefinedTerm", "id": en.category,
                         "name": _both(lambda lang: CATEGORIES[en.category].label(lang))},
            "phase": {"@type": "DefinedTerm", "id": en.phase, "name": _both(lambda lang: PHASES[en.phase].label(lang))},
            "partners": [
                {
                    "@type": "Organization",
                    "id": pid,
                    "name": _both(site.partners[pid].name),
                    "kind": site.partners[pid].kind,
                    "kindName": _both(PARTNER_KINDS[site.partners[pid].kind].label),
                    **({"website": site.partners[pid].website} if site.partners[pid].website else {}),
                }
                for pid in en.partners
            ],
            "url": _both(lambda lang: f"{siteurl}/{docs[lang].url}"),
            "dateModified": max(d.updated for d in docs.values()).isoformat(),
        }
        if en.years:
            rec["startYear"] = str(en.years.start)  # a schema:Date of year precision (ISO 8601)
            if en.years.end:
                rec["endYear"] = str(en.years.end)
        out.append(rec)
    return out


JSONLD_CONTEXT = {
    "@version": 1.1,
    "schema": "https://schema.org/",
    "dct": "http://purl.org/dc/terms/",
    "adms": "http://www.w3.org/ns/adms#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "Dataset": "schema:Dataset",
    "Project": "schema:Project",
    "Organization": "schema:Organization",
    "DefinedTerm": "schema:DefinedTerm",
    "id": "schema:identifier",
    "name": {"@id": "schema:name", "@container": "@language"},
    "summary": {"@id": "schema:description", "@container": "@language"},
    # schema.org has no category or phase of a project (keywords are a CreativeWork's): Dublin Core's
    # subject and ADMS's status (a stage in a process) say them; the values are schema:DefinedTerms.
    "category": "dct:subject",
    "phase": "adms:status",
    "partners": {"@id": "schema:member", "@container": "@set"},  # JSON keeps their order
    "kind": "dct:type",
    "kindName": {"@id": "schema:disambiguatingDescription", "@container": "@language"},
    "website": {"@id": "schema:sameAs", "@type": "@id"},  # the organisation's official website
    "url": {"@id": "schema:url", "@type": "@id", "@container": "@index"},  # IRIs, keyed by language
    "startYear": {"@id": "schema:foundingDate", "@type": "schema:Date"},
    "endYear": {"@id": "schema:dissolutionDate", "@type": "schema:Date"},
    "dateModified": {"@id": "dct:modified", "@type": "xsd:date"},
    "projects": {"@id": "schema:about", "@container": "@set"},
    "license": {"@id": "schema:license", "@type": "@id"},
}


def json_schema(siteurl: str) -> dict[str, Any]:
    both = {"type": "object", "required": list(LANGS), "additionalProperties": False,
            "properties": {lang: {"type": "string", "minLength": 1} for lang in LANGS}}
    term = lambda ids: {  # noqa: E731
        "type": "object", "required": ["@type", "id", "name"], "additionalProperties": False,
        "properties": {"@type": {"const": "DefinedTerm"}, "id": {"enum": list(ids)}, "name": both},
    }
    year = {"type": "string", "pattern": r"^(199\d|20\d\d|2100)$"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{siteurl}/{SCHEMA_FILE}",
        "title": "ICUK project record",
        "description": "One project of the Innovation Centre of the Usti Region (an item of projects.json).",
        "type": "object",
        "required": ["@id", "@type", "id", "name", "summary", "category", "phase", "partners", "url", "dateModified"],
        "additionalProperties": False,
        "properties": {
            "@id": {"type": "string", "pattern": "#project$"},
            "@type": {"const": "Project"},
            "id": {"type": "string", "pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"},
            "name": both,
            "summary": both,
            "category": term(CATEGORIES),
            "phase": term(PHASES),
            "partners": {
                "type": "array", "minItems": 1,
                "items": {
                    "type": "object", "required": ["@type", "id", "name", "kind", "kindName"], "additionalProperties": False,
                    "properties": {"@type": {"const": "Organization"}, "id": {"type": "string"}, "name": both,
                                   "kind": {"enum": list(PARTNER_KINDS)},
                                   "kindName": both,
                                   "website": {"type": "string", "format": "uri", "pattern": "^https://"}},
                },
            },
            "url": both,
            "startYear": year,
            "endYear": year,
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
            "aboutUrl": project_iri(siteurl, "{id}"),  # a URI template: {id} is the column
        },
    }


OPEN_DATA_PAGE = "open-data"  # the translation key (file name) of the page about the open data


def _page_url(site: Site, key: str) -> str:
    """The English address of a section page, by its translation key (its slug may differ)."""
    doc = site.get("page", key, "en")
    return doc.url if doc else url_for("page", "en", slug=key)


def dcat_records(site: Site, siteurl: str, settings: dict) -> dict[str, dict[str, Any]]:
    """The DCAT-AP catalogue and dataset records: output path -> JSON-LD."""
    org = settings["SITE_ORG"]
    projects = [d for d in site.documents if d.kind == "project"]
    modified = max((d.updated for d in projects), default=site.reference_date)
    issued = min((d.date for d in projects), default=modified)
    dataset_iri = f"{siteurl}/{DCAT_FILE}#dataset"
    return {
        DCAT_FILE: dcat.dataset(
            dataset_iri=dataset_iri, siteurl=siteurl, org=org, issued=issued, modified=modified,
            first_year=min((d.years.start for d in projects if d.years), default=None),
            landing_pages=[d.url for lang in LANGS if (d := site.get("page", OPEN_DATA_PAGE, lang))],
            contact_page=_page_url(site, settings.get("SECURITY_CONTACT_PAGE", "about")),
            schema_path=SCHEMA_FILE, distributions=list(DATA_DISTRIBUTIONS)),
        CATALOG_FILE: dcat.catalog(
            catalog_iri=f"{siteurl}/{CATALOG_FILE}#catalog", siteurl=siteurl, org=org,
            issued=issued, modified=modified, dataset_iris=[dataset_iri]),
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
        JSON_FILE: _json({"@context": JSONLD_CONTEXT, "@id": f"{siteurl}/{JSON_FILE}", "@type": "Dataset",
                          "name": {"cs": "Projekty ICUK", "en": "ICUK projects"},
                          "license": LICENSE, "projects": recs}, compact=True),
        CSV_FILE: buf.getvalue(),
        CSVW_FILE: _json(csvw(siteurl)),
        SCHEMA_FILE: _json(json_schema(siteurl)),
        **{path: _json(record) for path, record in dcat_records(site, siteurl, settings).items()},
    }
