"""The ontology decides what the store accepts: SHACL shapes (ontology/shapes.ttl, checked
with pyshacl, the ontology and registry mixed in) and every term used declared in the
ontology. Loading refuses an article with a violation, the shapes checked by the compiled
checker of shacl.py (pyshacl's verdicts, 30× faster); `newsgraph validate` checks a
store with pyshacl itself.
"""
from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from functools import cache

import pyoxigraph as ox
import pyshacl
import rdflib
from rdflib.namespace import OWL, RDF, SH

from newsgraph import shacl
from newsgraph.paths import ontology_file
from newsgraph.store import NS, Triple, article_id_of, curie

OA = "http://www.w3.org/ns/oa#"
_LOCK = threading.Lock()  # rdflib graphs are not safe to share between threads


@dataclass(frozen=True)
class Violation:
    article: str
    shape: str
    node: str
    message: str

    def __str__(self) -> str:
        return f"{self.article}: {self.message} [shape {self.shape}, node <{self.node}>]"

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@cache
def _shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("shapes.ttl"), format="turtle")


@cache
def _ontology() -> rdflib.Graph:
    g = rdflib.Graph()
    for name in ("newsgraph.ttl", "registry.ttl"):
        g.parse(ontology_file(name), format="turtle")
    return g


@cache
def _schema_triples() -> str:
    """What validation needs of the ontology, as N-Triples: class axioms and the types of
    role concepts and date precisions (mixed into each article's graph; small and fast)."""
    g = _ontology()
    keep = rdflib.Graph()
    for s, p, o in g:
        if (str(s).startswith(NS) or "/role/" in str(s)) \
                and p in (RDF.type, rdflib.RDFS.subClassOf):
            keep.add((s, p, o))
    return keep.serialize(format="nt")


@cache
def _declared() -> frozenset[str]:
    """Every term of the ontology's namespace that the ontology declares."""
    g = _ontology()
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
             OWL.FunctionalProperty}
    declared = {str(s) for s, o in g.subject_objects(RDF.type) if o in kinds}
    declared |= {str(s) for s in g.subjects() if str(s).startswith(NS)}
    return frozenset(declared)


def undeclared(article: str, triples: Iterable[Triple]) -> list[Violation]:
    """Predicates and classes of newsgraph's namespace the ontology does not declare."""
    out = []
    declared = _declared()
    rdf_type = ox.NamedNode(str(RDF.type))
    checked: set[object] = set()  # each term looked at (and reported) once
    for s, p, o in triples:
        used = [p, o] if p == rdf_type and isinstance(o, ox.NamedNode) else [p]
        for node in used:
            if node in checked:
                continue
            checked.add(node)
            term = node.value
            if term.startswith(NS) and term not in declared:
                out.append(Violation(article, "ng:DeclaredTerms", s.value,
                                     f"{curie(term)} is not declared in the ontology"))
    return out


def validate_triples(article: str, triples: list[Triple],
                     reference: bool = False) -> list[Violation]:
    """Every violation in one article's triples ((subject, predicate, object) tuples or
    ox.Triple). The shapes are checked by the compiled checker (newsgraph/shacl.py), or
    with `reference` by pyshacl, its full report."""
    data = shacl.Data(triples)  # indexed once for the shapes and the cross checks
    violations = undeclared(article, triples) + _cross_checks(article, data)
    if reference:
        violations += _pyshacl(article, triples)
    else:
        violations += [Violation(article, curie(shape), node, message)
                       for shape, node, message in shacl.check(data)]
    return sorted(set(violations), key=lambda v: (v.shape, v.node, v.message))


def _pyshacl(article: str, triples: list[Triple]) -> list[Violation]:
    data = ox.serialize([ox.Triple(s, p, o) for s, p, o in triples],
                        format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    with _LOCK:
        g = rdflib.Graph().parse(data=data + _schema_triples(), format="nt")
        conforms, report, _ = pyshacl.validate(g, shacl_graph=_shapes(), inference="none",
                                               allow_warnings=True)
    if conforms:
        return []
    out = []
    for result in report.objects(None, SH.result):  # top-level results, not sh:detail
        shape = report.value(result, SH.sourceShape)
        message = report.value(result, SH.resultMessage)
        node = report.value(result, SH.focusNode)
        out.append(Violation(article, _shape_name(report, shape), str(node),
                             str(message or "violates its shape")))
    return out


def _cross_checks(article: str, data: shacl.Data) -> list[Violation]:
    """ng:SpanInArticle and ng:MembershipDates: rules that compare values across nodes."""
    by_subject = {s.value: props for s, props in data.out.items()}
    out = []
    lengths = {s: int(p[NS + "charCount"][0].value) for s, p in by_subject.items()
               if p.get(NS + "charCount", [ox.Literal("")])[0].value.isdigit()}
    source_of = {sel.value: props[OA + "hasSource"][0].value
                 for props in by_subject.values() if OA + "hasSource" in props
                 for sel in props.get(OA + "hasSelector", [])}
    for node, props in by_subject.items():
        ends = props.get(OA + "end", [])
        length = lengths.get(source_of.get(node, ""))
        if ends and length is not None and int(ends[0].value) > length:
            out.append(Violation(article, "ng:SpanInArticle", node,
                                 "an evidence span lies inside its article's text"))
        start, end = props.get(NS + "start"), props.get(NS + "end")
        if start and end:
            a, b = start[0].value, end[0].value
            if b[:len(a)] < a[:len(b)]:
                out.append(Violation(article, "ng:MembershipDates", node,
                                     "a membership starts no later than it ends"))
    return out


def _shape_name(report: rdflib.Graph, shape: rdflib.term.Node | None) -> str:
    """A shape's name; a property shape (a blank node) is named by the node shape holding it."""
    if isinstance(shape, rdflib.URIRef):
        return curie(str(shape))
    for owner in _shapes().subjects(SH.property, shape):
        return curie(str(owner))
    return "ng:(anonymous shape)"


def validate_quads(article: str, quads: Iterable[ox.Quad],
                   reference: bool = False) -> list[Violation]:
    """As validate_triples: the checks read only subject, predicate and object."""
    return validate_triples(article, [(q.subject, q.predicate, q.object) for q in quads],
                            reference)


def validate_store(store) -> list[Violation]:
    """Every article graph of a store, checked with pyshacl (the reference engine: what
    `newsgraph validate` reports for a store however it was written)."""
    out = []
    for graph in store.article_graphs():
        triples = [(q.subject, q.predicate, q.object) for q in store.quads(graph)]
        out += validate_triples(article_id_of(graph.value), triples, reference=True)
    return out
