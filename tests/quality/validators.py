"""Independent validators for the feeds, the DCAT-AP records and the schema.org data, offline:

- the W3C Feed Validation Service's own code (../shared/validators/feedvalidator, not on PyPI);
- the official DCAT-AP 3.0.1 SHACL shapes (../shared/validators/dcat-ap-3.0.1) run by pyshacl;
- schema.org domains and ranges from the pinned schema.org 12.0 (tests/data/schemaorg/).

The tests (test_validators.py, test_schemaorg.py) use these on the publish build. For figures on
any build: `uv run python -m tests.quality.validators OUTPUT_DIR SITEURL`.
"""

from __future__ import annotations

import copy
import json
import os
import re
import sys
import warnings
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rdflib import RDF, RDFS, XSD, BNode, Graph, Literal, Namespace, URIRef

ROOT = Path(__file__).resolve().parents[2]
# shared/ lies beside the work tree, on a developer's machine and in CI alike.
VALIDATORS = Path(os.environ.get("ICUK_VALIDATORS", ROOT.parent / "shared" / "validators"))
FEEDVALIDATOR = VALIDATORS / "feedvalidator" / "src"
DCAT_AP = VALIDATORS / "dcat-ap-3.0.1"
# Every shapes file of the release but the owl:imports ones (their targets are online-only).
DCAT_AP_SHAPES = ("shacl_dcat-ap-SHACL.ttl", "html_shacl_shapes.ttl", "html_shacl_shapes_recommended.ttl",
                  "html_shacl_mdr-vocabularies.shape.ttl", "html_shacl_range.ttl", "html_shacl_deprecateduris.ttl")
SCHEMAORG = ROOT / "tests" / "data" / "schemaorg"
SH = Namespace("http://www.w3.org/ns/shacl#")
SDO = Namespace("https://schema.org/")
SCHEMA_ORG_CONTEXTS = {"https://schema.org", "https://schema.org/", "http://schema.org", "http://schema.org/"}


# ---- Atom and RSS: the W3C feed validator ---------------------------------------------------

@dataclass(frozen=True)
class FeedEvent:
    level: str  # "error" or "warning"
    message: str
    line: int | str


def feed_events(data: bytes, url: str) -> list[FeedEvent]:
    """What the W3C feed validator says of a feed (its errors and warnings), as at validator.w3.org/feed."""
    if str(FEEDVALIDATOR) not in sys.path:
        sys.path.insert(0, str(FEEDVALIDATOR))
    import io

    import feedvalidator
    from feedvalidator import compatibility
    from feedvalidator.formatter.text_plain import Formatter

    events = feedvalidator.validateStream(io.BytesIO(data), firstOccurrenceOnly=0, base=url)["loggedEvents"]
    errors = compatibility.A(events)
    fmt = Formatter([])
    return [FeedEvent("error" if e in errors else "warning", fmt.getMessage(e), e.params.get("line", ""))
            for e in compatibility.AA(events)]


# ---- DCAT-AP: the official SHACL shapes ------------------------------------------------------

@dataclass(frozen=True)
class ShaclResult:
    severity: str  # Violation, Warning, Info
    focus: str
    path: str
    value: str
    message: str

    def __str__(self) -> str:
        return f"{self.severity}: {self.focus} {self.path} {self.value} — {self.message}"


@cache
def dcat_ap_shapes() -> Graph:
    g = Graph()
    for name in DCAT_AP_SHAPES:
        g.parse(DCAT_AP / name)
    return g


def jsonld_graph(*texts: str, base: str = "") -> Graph:
    g = Graph()
    with warnings.catch_warnings():  # rdflib's own parser still uses its deprecated ConjunctiveGraph
        warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
        for text in texts:
            g.parse(data=text, format="json-ld", base=base or None)
    return g


def shacl_results(data: Graph) -> list[ShaclResult]:
    """The top-level results of validating `data` against the DCAT-AP 3.0.1 shapes (no inference,
    no owl:imports: nothing is fetched)."""
    from pyshacl import validate

    _, report, _ = validate(data, shacl_graph=dcat_ap_shapes(), inference="none", allow_warnings=True)
    out = []
    for rep in report.subjects(SH.conforms, None):
        for r in report.objects(rep, SH.result):
            out.append(ShaclResult(str(report.value(r, SH.resultSeverity)).rpartition("#")[2],
                                   str(report.value(r, SH.focusNode)), str(report.value(r, SH.resultPath)),
                                   str(report.value(r, SH.value) or ""), str(report.value(r, SH.resultMessage))))
    return sorted(out, key=str)


# ---- schema.org: domains and ranges ----------------------------------------------------------

DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")  # ISO 8601, year, month or day precision
DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
NUMERIC = {XSD.integer: {"Integer", "Number"}, XSD.double: {"Float", "Number"}, XSD.decimal: {"Float", "Number"},
           XSD.boolean: {"Boolean"}}


def _local(term) -> str:
    return str(term).removeprefix(str(SDO)) if str(term).startswith(str(SDO)) else str(term)


class SchemaOrg:
    """Types and properties of the pinned schema.org, and a check of a graph against them."""

    def __init__(self, folder: Path = SCHEMAORG):
        vocab = Graph().parse(folder / "schemaorg-12.0-subset.ttl")
        vocab.parse(folder / "overlay.ttl")  # what the site relies on that 12.0 does not say (README.md)
        self.context = json.loads((folder / "schemaorg-12.0-context.jsonld").read_text(encoding="utf-8"))["@context"]
        self.classes = {_local(c) for c in vocab.subjects(RDF.type, RDFS.Class)}
        self.parents = {c: {_local(o) for o in vocab.objects(SDO[c], RDFS.subClassOf)} for c in self.classes}
        self.properties = {_local(p) for p in vocab.subjects(RDF.type, RDF.Property)}
        self.domain = {p: {_local(o) for o in vocab.objects(SDO[p], SDO.domainIncludes)} for p in self.properties}
        self.range = {p: {_local(o) for o in vocab.objects(SDO[p], SDO.rangeIncludes)} for p in self.properties}
        self.superseded = {_local(s): _local(o) for s, o in vocab.subject_objects(SDO.supersededBy)}
        # enumeration members (schema:Monday a schema:DayOfWeek) are typed in the vocabulary itself
        self.members = {_local(s): {_local(o) for o in vocab.objects(s, RDF.type)} - {str(RDFS.Class)}
                        for s in set(vocab.subjects(RDF.type, None)) if _local(s) not in self.classes | self.properties}
        self.textual = {c for c in self.classes if "Text" in self.ancestors(c)} - {"URL"}

    @cache  # noqa: B019 (one instance per session)
    def ancestors(self, cls: str) -> frozenset[str]:
        out, todo = set(), [cls]
        while todo:
            c = todo.pop()
            if c not in out:
                out.add(c)
                todo.extend(self.parents.get(c, ()))
        return frozenset(out)

    def with_local_context(self, doc):
        """`doc` with schema.org's remote context replaced by the pinned one (nothing is fetched;
        any other remote context is refused)."""
        doc = copy.deepcopy(doc)

        def swap(node):
            if isinstance(node, list):
                for n in node:
                    swap(n)
            elif isinstance(node, dict):
                ctx = node.get("@context")
                if ctx is not None:
                    items = ctx if isinstance(ctx, list) else [ctx]
                    for c in items:
                        if isinstance(c, str) and c.rstrip("/") + "/" not in SCHEMA_ORG_CONTEXTS:
                            raise ValueError(f"remote JSON-LD context {c!r}: not fetched")
                    items = [self.context if isinstance(c, str) else c for c in items]
                    node["@context"] = items if isinstance(ctx, list) else items[0]
                for k, v in node.items():
                    if k != "@context":
                        swap(v)

        swap(doc)
        return doc

    def graph(self, docs: list, base: str) -> Graph:
        """The RDF of JSON-LD documents (one page's blocks are one graph), http://schema.org/ read
        as https://schema.org/ (schema.org treats them as one)."""
        raw = jsonld_graph(*(json.dumps(self.with_local_context(d)) for d in docs), base=base)
        fix = lambda t: URIRef(str(t).replace("http://schema.org/", str(SDO), 1)) if isinstance(t, URIRef) else t  # noqa: E731
        g = Graph()
        for s, p, o in raw:
            g.add((fix(s), fix(p), fix(o) if not isinstance(o, Literal) else
                   Literal(o, lang=o.language, datatype=fix(o.datatype) if o.datatype else None)))
        return g

    def _types(self, g: Graph, node) -> set[str]:
        types = {_local(t) for t in g.objects(node, RDF.type) if str(t).startswith(str(SDO))}
        return types | self.members.get(_local(node), set()) if isinstance(node, URIRef) else types

    def _literal_ok(self, lit: Literal, rng: set[str]) -> bool:
        dt, text = lit.datatype, str(lit)
        if dt is None or dt == XSD.string:
            return bool(rng & self.textual) or ("Date" in rng and bool(DATE.match(text))) \
                or ("DateTime" in rng and bool(DATETIME.match(text)))
        if dt == SDO.Date:
            return "Date" in rng and bool(DATE.match(text))
        if dt == SDO.DateTime:
            return "DateTime" in rng and bool(DATETIME.match(text))
        if dt in NUMERIC:
            return bool(rng & NUMERIC[dt])
        if dt in (SDO.URL, XSD.anyURI):
            return "URL" in rng
        return False

    def findings(self, g: Graph) -> list[str]:
        """Every schema.org type, property, domain and range problem in `g` (empty: none)."""
        out = []
        name = lambda n: f"_:{n}" if isinstance(n, BNode) else str(n)  # noqa: E731
        for node, t in g.subject_objects(RDF.type):
            if str(t).startswith(str(SDO)) and _local(t) not in self.classes:
                out.append(f"{name(node)}: unknown type schema:{_local(t)}")
        for s, p, o in g:
            if p == RDF.type or not str(p).startswith(str(SDO)):
                continue
            prop = _local(p)
            if prop not in self.properties:
                out.append(f"{name(s)}: unknown property schema:{prop}")
                continue
            if prop in self.superseded:
                out.append(f"{name(s)}: schema:{prop} is superseded by schema:{self.superseded[prop]}")
            s_types = self._types(g, s)
            if not s_types:
                out.append(f"{name(s)}: schema:{prop} on a node without a schema.org type")
            elif not any(self.ancestors(t) & self.domain[prop] for t in s_types):
                out.append(f"{name(s)}: schema:{prop} is outside its domain on {sorted(s_types)} "
                           f"(domain: {sorted(self.domain[prop])})")
            rng = self.range[prop]
            if isinstance(o, Literal):
                if not self._literal_ok(o, rng):
                    kind = f"@{o.language}" if o.language else (_local(o.datatype) if o.datatype else "string")
                    out.append(f"{name(s)}: schema:{prop} = {str(o)[:40]!r} ({kind}) is outside its range {sorted(rng)}")
                continue
            o_types = self._types(g, o)
            if isinstance(o, URIRef) and "URL" in rng:
                continue
            if o_types:
                if not any(self.ancestors(t) & rng for t in o_types):
                    out.append(f"{name(s)}: schema:{prop} -> {sorted(o_types)} is outside its range {sorted(rng)}")
            elif "Thing" not in rng:
                out.append(f"{name(s)}: schema:{prop} -> {name(o)} has no type (range {sorted(rng)})")
        return sorted(set(out))


JSONLD_SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def page_blocks(html: str) -> list:
    return [json.loads(b) for b in JSONLD_SCRIPT.findall(html)]


def main(out: Path, siteurl: str) -> None:
    """Figures for a built site: validator errors per feed, SHACL results, schema.org findings."""
    for feed in sorted((out / "feeds").glob("*.xml")):
        events = feed_events(feed.read_bytes(), f"{siteurl}/feeds/{feed.name}")
        errors = [e for e in events if e.level == "error"]
        print(f"feed {feed.name}: {len(errors)} errors, {len(events) - len(errors)} warnings")
        for e in sorted({e.message for e in events}):
            print(f"    {e}")
    texts = [(out / "data" / n).read_text(encoding="utf-8") for n in ("dataset.jsonld", "catalog.jsonld")
             if (out / "data" / n).exists()]
    results = shacl_results(jsonld_graph(*texts))
    print(f"DCAT-AP 3.0.1: {sum(r.severity == 'Violation' for r in results)} violations, "
          f"{sum(r.severity == 'Warning' for r in results)} warnings")
    for r in results:
        print(f"    {r}")
    sdo, found = SchemaOrg(), []
    for page in sorted(out.rglob("*.html")):
        rel = page.relative_to(out).as_posix()
        found += [f"{rel}: {f}" for f in sdo.findings(sdo.graph(page_blocks(page.read_text(encoding="utf-8")),
                                                                 f"{siteurl}/{rel}"))]
    data = json.loads((out / "data" / "projects.json").read_text(encoding="utf-8"))
    found += [f"data/projects.json: {f}" for f in sdo.findings(sdo.graph([data], f"{siteurl}/data/projects.json"))]
    print(f"schema.org: {len(found)} findings ({len(set(f.split(': ', 1)[1] for f in found))} distinct)")
    for f in sorted(set(f.split(": ", 1)[1] for f in found)):
        print(f"    {f}")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "https://icuk.example.org")
