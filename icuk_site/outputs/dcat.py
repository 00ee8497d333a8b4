"""DCAT-AP 3.0.1 records of the open data: the catalogue (data/catalog.jsonld) and the dataset with
its distributions (data/dataset.jsonld). A harvester reads the catalogue and follows `dcat:dataset`
to the dataset's file; together they conform to the official DCAT-AP 3.0.1 SHACL shapes
(tests/quality/test_validators.py runs them).

The shapes' owl:imports (the vocabularies and the EU authority tables) are online-only, so every
value states its own class, and each authority-table concept its `skos:inScheme`. Controlled values
come from the EU authority tables (http://publications.europa.eu/resource/authority/…): frequency,
file type, data theme, licence, language, country, planned availability. docs/open-data.md says
which value is which and how the catalogue can be registered in the Czech national catalogue.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
NUTS_USTI_REGION = "http://data.europa.eu/nuts/code/CZ042"  # Ústecký kraj (NUTS 3)
CC_BY = "https://creativecommons.org/licenses/by/4.0/"

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "dcatap": "http://data.europa.eu/r5r/", "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#", "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#",
}


# The English labels of the authority tables' concepts used here (the shapes want a skos:prefLabel
# of every skos:Concept and a dct:title of every scheme), as the tables give them.
LABELS = {
    "country/CZE": "Czechia", "data-theme/REGI": "Regions and cities", "data-theme/ECON": "Economy and finance",
    "data-theme/TECH": "Science and technology", "file-type/CSV": "CSV", "file-type/JSON_LD": "JSON-LD",
    "file-type/JSON": "JSON", "frequency/IRREG": "irregular", "language/CES": "Czech", "language/ENG": "English",
    "licence/CC_BY_4_0": "Creative Commons Attribution 4.0 International", "planned-availability/STABLE": "stable",
}
SCHEMES = {"country": "Country", "data-theme": "Data theme", "file-type": "File type", "frequency": "Frequency",
           "language": "Language", "licence": "Licence", "planned-availability": "Planned availability"}


@dataclass(frozen=True)
class DistributionSpec:
    path: str  # in the output, e.g. data/projects.csv
    media_type: str  # IANA, e.g. text/csv
    file_type: str  # EU file-type code, e.g. CSV
    title: tuple[str, str]  # (cs, en)
    description: tuple[str, str]  # (cs, en)
    conforms_to: str = ""  # a path in the output (a schema the file follows), if any


def _texts(cs: str, en: str) -> list[dict[str, str]]:
    return [{"@value": cs, "@language": "cs"}, {"@value": en, "@language": "en"}]


def _date(d: dt.date) -> dict[str, str]:
    return {"@value": d.isoformat(), "@type": "xsd:date"}


def _en(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "en"}


def _concept(iri: str, label: str, scheme: str, scheme_title: str, classes: tuple[str, ...]) -> dict[str, Any]:
    return {"@id": iri, "@type": [*classes, "skos:Concept"], "skos:prefLabel": _en(label),
            "skos:inScheme": {"@id": scheme, "@type": "skos:ConceptScheme", "dct:title": _en(scheme_title)}}


def concept(table: str, code: str, *classes: str) -> dict[str, Any]:
    """A concept of an EU authority table, with its classes and its scheme (the shapes check both)."""
    return _concept(f"{EU}{table}/{code}", LABELS[f"{table}/{code}"], f"{EU}{table}", SCHEMES[table], classes)


def _adms(vocab: str, code: str, label: str, title: str) -> dict[str, Any]:
    """A concept of an ADMS vocabulary (publisher type, licence type)."""
    return _concept(f"http://purl.org/adms/{vocab}/{code}", label, f"http://purl.org/adms/{vocab}/1.0", title, ())


def languages() -> list[dict[str, Any]]:
    return [concept("language", code, "dct:LinguisticSystem") for code in ("CES", "ENG")]


def publisher(siteurl: str, org: dict) -> dict[str, Any]:
    """The organisation as a foaf:Agent; its IRI is the one the pages' schema.org data use."""
    return {
        "@id": f"{siteurl}/#organization",
        "@type": ["foaf:Agent", "foaf:Organization"],
        "foaf:name": [{"@value": org["legal_name"], "@language": "cs"}, {"@value": org["name"], "@language": "en"}],
        "dct:type": _adms("publishertype", "NonProfitOrganisation", "Non-Profit Organisation", "Publisher Type"),  # a z.s.
        "foaf:homepage": {"@id": f"{siteurl}/", "@type": "foaf:Document"},
    }


def licence() -> dict[str, Any]:
    """CC BY 4.0, as the EU licence table's concept (what the catalogue states)."""
    return {**concept("licence", "CC_BY_4_0", "dct:LicenseDocument"), "owl:sameAs": {"@id": CC_BY},
            "dct:type": _attribution()}


def _attribution() -> dict[str, Any]:
    return _adms("licencetype", "Attribution", "Attribution", "Licence Type")


def cc_by() -> dict[str, Any]:
    """CC BY 4.0 by its own IRI (what the distributions and the files state)."""
    return {"@id": CC_BY, "@type": "dct:LicenseDocument", "owl:sameAs": {"@id": f"{EU}licence/CC_BY_4_0"},
            "dct:type": _attribution()}


def spatial() -> list[dict[str, Any]]:
    """The Czech Republic (EU country table) and, more exactly, the Usti Region (NUTS 3)."""
    return [concept("country", "CZE", "dct:Location"), {"@id": NUTS_USTI_REGION, "@type": "dct:Location"}]


def distribution(spec: DistributionSpec, siteurl: str) -> dict[str, Any]:
    url = f"{siteurl}/{spec.path}"
    out: dict[str, Any] = {
        "@id": f"{url}#distribution",
        "@type": "dcat:Distribution",
        "dct:title": _texts(*spec.title),
        "dct:description": _texts(*spec.description),
        "dcat:accessURL": {"@id": url},
        "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": IANA + spec.media_type, "@type": "dct:MediaType"},
        "dct:format": concept("file-type", spec.file_type, "dct:MediaTypeOrExtent"),
        "dct:license": cc_by(),
        "dcatap:availability": concept("planned-availability", "STABLE"),
    }
    if spec.conforms_to:
        out["dct:conformsTo"] = {"@id": f"{siteurl}/{spec.conforms_to}", "@type": "dct:Standard"}
    return out


def dataset(*, dataset_iri: str, siteurl: str, org: dict, issued: dt.date, modified: dt.date,
            first_year: int | None, landing_pages: list[str], contact_page: str, schema_path: str,
            distributions: list[DistributionSpec]) -> dict[str, Any]:
    """The DCAT-AP record of the projects dataset (the root of data/dataset.jsonld)."""
    record: dict[str, Any] = {
        "@context": CONTEXT,
        "@id": dataset_iri,
        "@type": "dcat:Dataset",
        "dct:identifier": "icuk-projects",
        "dct:title": _texts("Projekty Inovačního centra Ústeckého kraje",
                            "Projects of the Innovation Centre of the Usti Region"),
        "dct:description": _texts(
            "Projekty ICUK: kategorie, fáze, partneři a roky, česky i anglicky.",
            "ICUK's projects: category, phase, partners and years, in Czech and English."),
        "dct:publisher": publisher(siteurl, org),
        "dcat:contactPoint": {
            "@id": f"{siteurl}/#contact",
            "@type": ["vcard:Kind", "vcard:Organization"],
            "vcard:fn": org["legal_name"],
            "vcard:hasURL": {"@id": f"{siteurl}/{contact_page}"},
        },
        "dct:issued": _date(issued),
        "dct:modified": _date(modified),
        "dct:language": languages(),
        "dct:spatial": spatial(),
        "dct:accrualPeriodicity": concept("frequency", "IRREG", "dct:Frequency"),
        "dcat:theme": [concept("data-theme", code) for code in ("REGI", "ECON", "TECH")],
        "dcat:keyword": [{"@value": k, "@language": lang} for lang, ks in
                         (("cs", ("inovace", "Ústecký kraj", "projekty")),
                          ("en", ("innovation", "Usti Region", "projects"))) for k in ks],
        "dct:conformsTo": {"@id": f"{siteurl}/{schema_path}", "@type": "dct:Standard"},
        "dcat:landingPage": [{"@id": f"{siteurl}/{p}", "@type": "foaf:Document"} for p in landing_pages],
        "dcat:distribution": [distribution(d, siteurl) for d in distributions],
    }
    if first_year:
        # The years the projects cover: from the first project's start, open-ended.
        record["dct:temporal"] = {"@type": "dct:PeriodOfTime",
                                  "dcat:startDate": {"@value": str(first_year), "@type": "xsd:gYear"}}
    return record


def catalog(*, catalog_iri: str, siteurl: str, org: dict, issued: dt.date, modified: dt.date,
            dataset_iris: list[str]) -> dict[str, Any]:
    """The DCAT-AP catalogue of ICUK's open data (data/catalog.jsonld): what a portal harvests."""
    return {
        "@context": CONTEXT,
        "@id": catalog_iri,
        "@type": "dcat:Catalog",
        "dct:title": _texts("Otevřená data Inovačního centra Ústeckého kraje",
                            "Open data of the Innovation Centre of the Usti Region"),
        "dct:description": _texts(
            "Katalog otevřených dat ICUK: datové sady, které centrum zveřejňuje na svém webu.",
            "ICUK's open-data catalogue: the datasets the centre publishes on its website."),
        "dct:publisher": publisher(siteurl, org),
        "foaf:homepage": {"@id": f"{siteurl}/", "@type": "foaf:Document"},
        "dct:language": languages(),
        "dct:license": licence(),
        "dct:issued": _date(issued),
        "dct:modified": _date(modified),
        "dct:spatial": spatial(),
        "dcat:themeTaxonomy": {"@id": f"{EU}data-theme", "@type": "skos:ConceptScheme"},
        "dcat:dataset": [{"@id": iri} for iri in dataset_iris],
    }
