"""A VoID description of the dataset: how many triples, which classes and properties, and
one subset per named graph (each article, the ontology, the registry, the inferred graph),
counted by SPARQL so it describes an embedded store and a server alike."""
from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from loaders.rdf import RDF_TYPE
from newsgraph import __version__
from newsgraph.graphstore import GRAPH, is_internal
from newsgraph.store import ID, NS, PREFIXES, iri_safe

VOID = "http://rdfs.org/ns/void#"
DCT = "http://purl.org/dc/terms/"
DATASET = ox.NamedNode("https://w3id.org/newsgraph/void#dataset")
FORMATS = "http://www.w3.org/ns/formats/"
# bookkeeping graphs are left out of every count, as out of every export
_DATA = ("FILTER(!STRSTARTS(STR(?g), 'urn:newsgraph:staging:') "
         "&& ?g != <urn:newsgraph:meta>)")
_QUERIES = {
    "graphs": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
    "classes": f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH ?g {{ ?s a ?c }} {_DATA} }} "
               "GROUP BY ?c",
    "properties": f"SELECT ?p (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_DATA} }} "
                  "GROUP BY ?p",
    "distinct": f"SELECT (COUNT(DISTINCT ?s) AS ?subjects) (COUNT(DISTINCT ?o) AS ?objects) "
                f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_DATA} }}",
}


def _v(name: str) -> ox.NamedNode:
    return ox.NamedNode(VOID + name)


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


def void_triples(store: Any) -> list[ox.Triple]:
    """The VoID description as triples (partitions and subsets have stable IRIs)."""
    graphs = sorted(((r["g"], int(r["n"].value)) for r in store.query(_QUERIES["graphs"])
                     if isinstance(r["g"], ox.NamedNode) and not is_internal(r["g"])),
                    key=lambda item: item[0].value)
    classes = sorted((r["c"].value, int(r["n"].value)) for r in store.query(_QUERIES["classes"])
                     if isinstance(r["c"], ox.NamedNode))
    props = sorted((r["p"].value, int(r["n"].value)) for r in store.query(_QUERIES["properties"]))
    distinct = next(iter(store.query(_QUERIES["distinct"])))
    d = DATASET
    out = [ox.Triple(d, RDF_TYPE, _v("Dataset")),
           ox.Triple(d, ox.NamedNode(DCT + "title"), ox.Literal("newsgraph", language="en")),
           ox.Triple(d, ox.NamedNode(DCT + "description"), ox.Literal(
               f"People, roles, organizations, dated events and sourced statements from news "
               f"articles (newsgraph {__version__}); one named graph per article.", language="en")),
           ox.Triple(d, _v("triples"), _int(sum(n for _, n in graphs))),
           ox.Triple(d, _v("classes"), _int(len(classes))),
           ox.Triple(d, _v("properties"), _int(len(props))),
           ox.Triple(d, _v("distinctSubjects"), distinct["subjects"]),
           ox.Triple(d, _v("distinctObjects"), distinct["objects"]),
           ox.Triple(d, _v("uriSpace"), ox.Literal(ID)),
           ox.Triple(d, _v("vocabulary"), ox.NamedNode(NS))]
    out += [ox.Triple(d, _v("feature"), ox.NamedNode(FORMATS + f))
            for f in ("N-Quads", "TriG", "JSON-LD")]
    for kind, rows, key, count in (("class", classes, "class", "entities"),
                                   ("property", props, "property", "triples")):
        for iri, n in rows:
            part = ox.NamedNode(f"https://w3id.org/newsgraph/void#{kind}-{_short(iri)}")
            out += [ox.Triple(d, _v(f"{kind}Partition"), part),
                    ox.Triple(part, _v(key), ox.NamedNode(iri)),
                    ox.Triple(part, _v(count), _int(n))]
    for graph, n in graphs:
        out += [ox.Triple(d, _v("subset"), graph), ox.Triple(graph, RDF_TYPE, _v("Dataset")),
                ox.Triple(graph, _v("triples"), _int(n))]
        if graph.value.startswith(GRAPH):
            article = ox.NamedNode(ID + "article/" + graph.value.removeprefix(GRAPH))
            out.append(ox.Triple(graph, ox.NamedNode(DCT + "source"), article))
    return sorted(out, key=lambda t: (t.subject != d, str(t.subject), str(t.predicate),
                                      str(t.object)))


def _short(iri: str) -> str:
    """`ng-Person` for ng:Person: a readable, stable fragment for a partition's IRI."""
    for name, base in PREFIXES.items():
        if iri.startswith(base) and iri != base:
            return f"{name}-{iri_safe(iri.removeprefix(base))}"
    return iri_safe(iri)


def void(store: Any) -> bytes:
    """The VoID description in Turtle."""
    return ox.serialize(void_triples(store), format=ox.RdfFormat.TURTLE,
                        prefixes={"void": VOID, "dcterms": DCT,
                                  "vd": "https://w3id.org/newsgraph/void#"} | PREFIXES)
