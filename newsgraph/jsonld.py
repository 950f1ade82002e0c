"""JSON-LD a person can read: a `@context` built from the ontology (short names for
newsgraph's terms, IRIs for its object properties, datatypes from their ranges, the usual
prefixes), then one node object per subject, named graphs kept. Deterministic: graphs,
nodes, keys and values are sorted.

Every value is written so that no coercion can change it: a literal under an IRI-typed
term, or one whose datatype differs from the term's, becomes a value object.
"""
from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

import pyoxigraph as ox

from loaders.rdf import RDF_TYPE
from newsgraph.results import XSD_STRING
from newsgraph.store import ID, NS, PREFIXES

_TERMS = """SELECT ?p ?kind ?range WHERE { GRAPH <urn:newsgraph:ontology> {
  ?p a ?kind FILTER(?kind IN (owl:ObjectProperty, owl:DatatypeProperty))
  OPTIONAL { ?p rdfs:range ?range FILTER(STRSTARTS(STR(?range), STR(xsd:))) } } }"""
_OBJECT = "http://www.w3.org/2002/07/owl#ObjectProperty"


def context(store: Any) -> dict[str, Any]:
    """The @context: @vocab newsgraph's namespace, a typed term per ontology property, and
    the prefixes whose names no term takes."""
    terms: dict[str, Any] = {}
    for row in store.query(_TERMS):
        iri = row["p"].value
        if not iri.startswith(NS):
            continue
        coerce = "@id" if row["kind"].value == _OBJECT else (row["range"] and row["range"].value)
        if coerce:
            terms[iri.removeprefix(NS)] = {"@id": iri, "@type": coerce}
    prefixes = {name: iri for name, iri in (PREFIXES | {"id": ID}).items() if name not in terms}
    return {"@vocab": NS, **dict(sorted(prefixes.items())), **dict(sorted(terms.items()))}


class _Compactor:
    def __init__(self, ctx: dict[str, Any]) -> None:
        self.prefixes = sorted(((iri, name) for name, iri in ctx.items()
                                if isinstance(iri, str) and not name.startswith("@")),
                               key=lambda item: -len(item[0]))
        self.coerce = {v["@id"]: (k, v["@type"]) for k, v in ctx.items() if isinstance(v, dict)}

    def iri(self, iri: str) -> str:
        """A compact IRI where a prefix fits and the rest cannot be read as an authority."""
        for base, name in self.prefixes:
            rest = iri[len(base):]
            if iri.startswith(base) and rest and not rest.startswith("/") and ":" not in rest:
                return f"{name}:{rest}"
        return iri

    def vocab(self, iri: str) -> str:
        """A key or a class: the bare name for newsgraph's own terms."""
        local = iri.removeprefix(NS)
        if iri.startswith(NS) and local and ":" not in local and not local.startswith("@"):
            return local
        return self.iri(iri)

    def key(self, predicate: str) -> tuple[str, str | None]:
        if predicate in self.coerce:
            return self.coerce[predicate]
        return self.vocab(predicate), None

    def node_id(self, term: Any) -> str:
        return f"_:{term.value}" if isinstance(term, ox.BlankNode) else self.iri(term.value)

    def value(self, term: Any, coerce: str | None) -> Any:
        if isinstance(term, ox.NamedNode | ox.BlankNode):
            return self.node_id(term) if coerce == "@id" else {"@id": self.node_id(term)}
        if term.language:
            return {"@value": term.value, "@language": term.language}
        datatype = term.datatype.value
        if datatype == coerce or (datatype == XSD_STRING and coerce is None):
            return term.value
        if datatype == XSD_STRING:  # a plain string under a typed term: keep it plain
            return {"@value": term.value}
        return {"@value": term.value, "@type": self.iri(datatype)}


def _sort_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _nodes(triples: Iterable[ox.Quad], c: _Compactor) -> list[dict[str, Any]]:
    nodes: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for q in triples:
        node = nodes[c.node_id(q.subject)]
        if q.predicate == RDF_TYPE and isinstance(q.object, ox.NamedNode):
            node["@type"].append(c.vocab(q.object.value))
            continue
        key, coerce = c.key(q.predicate.value)
        node[key].append(c.value(q.object, coerce))
    out = []
    for node_id in sorted(nodes):
        node: dict[str, Any] = {"@id": node_id}
        for key in sorted(nodes[node_id]):
            values = sorted(nodes[node_id][key], key=_sort_key)
            node[key] = values[0] if len(values) == 1 else values
        out.append(node)
    return out


def to_jsonld(quads: Iterable[ox.Quad], ctx: dict[str, Any]) -> bytes:
    """A JSON-LD document: the default graph's nodes at the top, each named graph as a node
    with its own @graph."""
    c = _Compactor(ctx)
    graphs: dict[Any, list[ox.Quad]] = defaultdict(list)
    for q in quads:
        graphs[None if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name].append(q)
    top = _nodes(graphs.pop(None, []), c)
    top += [{"@id": c.node_id(g), "@graph": _nodes(graphs[g], c)}
            for g in sorted(graphs, key=lambda g: g.value)]
    doc = {"@context": ctx, "@graph": top}
    return json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n"
