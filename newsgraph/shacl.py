"""The SHACL shapes of ontology/shapes.ttl, compiled once into Python checks over one
article's triples: what a load runs before it stores an article (pyshacl took ~30 ms per
article plus ~17 ms to build its rdflib graph; this takes about one). `newsgraph validate`
still runs pyshacl, the reference, and the tests hold both to the same verdicts.

The SHACL Core subset the shapes use is supported: targets sh:targetClass and
sh:targetSubjectsOf; property shapes on a predicate path with sh:minCount, sh:maxCount,
sh:class, sh:node, sh:datatype, sh:minLength, sh:minInclusive, sh:lessThanOrEquals, sh:in,
sh:or, sh:message; node shapes with sh:class, sh:datatype, sh:or, sh:not, sh:node,
sh:message. A shape using anything else stops start-up, naming the term and the file.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import NewsgraphError
from newsgraph.paths import ontology_file

SH = "http://www.w3.org/ns/shacl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
TYPE = RDF + "type"
_NUMERIC = {"http://www.w3.org/2001/XMLSchema#" + t for t in (
    "integer", "decimal", "int", "long", "nonNegativeInteger", "positiveInteger", "double",
    "float")}
_VALUE_KEYS = {"class", "node", "datatype", "minLength", "minInclusive", "in", "or", "not"}
_SHAPE_KEYS = _VALUE_KEYS | {"message", "property", "targetClass", "targetSubjectsOf",
                             "path", "minCount", "maxCount", "lessThanOrEquals"}


@dataclass
class Shape:
    name: str  # the node shape's IRI; a property shape is named by its owner
    path: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    properties: list[Shape] = field(default_factory=list)
    targets: list[tuple[str, str]] = field(default_factory=list)  # (kind, IRI)
    # read once from params by compile(): every article asks them of every focus node
    checks: list[tuple[Callable[[Data, Any, Any], bool], Any]] = field(default_factory=list)
    counts: tuple[float, float] = (0, float("inf"))  # sh:minCount, sh:maxCount
    message: str = ""  # as a property shape
    node_message: str = ""  # as a node shape

    def compile(self) -> Shape:
        """Its value constraints as (check, argument) pairs, its counts and messages."""
        self.checks = [(_CHECKS[key], arg) for key, arg in self.params.items() if key in _CHECKS]
        self.counts = (float(self.params.get("minCount", 0)),
                       float(self.params.get("maxCount", float("inf"))))
        self.message = self.params.get("message", f"<{self.path}> breaks a constraint")
        self.node_message = self.params.get("message", "the node does not conform")
        return self


def index(triples: Iterable[Any]) -> dict[Any, dict[str, list[Any]]]:
    """subject -> predicate IRI -> objects, in the order given, of (subject, predicate,
    object) tuples or ox.Triple."""
    out: dict[Any, dict[str, list[Any]]] = {}
    iris: dict[Any, str] = {}  # each predicate's IRI, read once (a term's .value is a copy)
    for s, p, o in triples:
        props = out.get(s)
        if props is None:
            props = out[s] = {}
        iri = iris.get(p)
        if iri is None:
            iri = iris[p] = p.value
        if iri in props:
            props[iri].append(o)
        else:
            props[iri] = [o]
    return out


class _Reader:
    """Turns the shapes graph into Shape records; refuses what it does not implement."""

    def __init__(self, quads: Iterable[ox.Quad], source: str) -> None:
        self.out = index((q.subject, q.predicate, q.object) for q in quads)
        self.source = source

    def values(self, node: Any, key: str) -> list[Any]:
        return self.out.get(node, {}).get(SH + key, [])

    def items(self, head: Any) -> list[Any]:
        items = []
        while head != ox.NamedNode(RDF + "nil"):
            items.append(self.out[head][RDF + "first"][0])
            head = self.out[head][RDF + "rest"][0]
        return items

    def shape(self, node: Any, name: str) -> Shape:
        for p in self.out.get(node, {}):
            local = p.removeprefix(SH)
            if p.startswith(SH) and local not in _SHAPE_KEYS:
                raise NewsgraphError(f"{self.source}: sh:{local} is not supported by the "
                                     "load-time checker", hint="use the SHACL Core terms "
                                     "listed in newsgraph/shacl.py, or add this one there")
        shape = Shape(node.value if isinstance(node, ox.NamedNode) else name)
        path = self.values(node, "path")
        if path:
            if not isinstance(path[0], ox.NamedNode):
                raise NewsgraphError(f"{self.source}: only predicate paths are supported")
            shape.path = path[0].value
        for key in ("minCount", "maxCount", "minLength", "minInclusive"):
            for v in self.values(node, key):
                shape.params[key] = Decimal(v.value)
        for key in ("class", "datatype", "lessThanOrEquals", "message"):
            for v in self.values(node, key):
                shape.params[key] = v.value
        for v in self.values(node, "in"):
            shape.params["in"] = set(self.items(v))
        for v in self.values(node, "or"):
            shape.params["or"] = [self.shape(x, shape.name) for x in self.items(v)]
        for key in ("not", "node"):
            for v in self.values(node, key):
                shape.params[key] = self.shape(v, shape.name)
        shape.properties = [self.shape(p, shape.name) for p in self.values(node, "property")]
        shape.targets = [(k, v.value) for k in ("targetClass", "targetSubjectsOf")
                         for v in self.values(node, k)]
        return shape.compile()


@cache
def shapes() -> list[Shape]:
    path = ontology_file("shapes.ttl")
    triples = list(ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE))
    reader = _Reader(triples, str(path))
    kinds = {t.subject for t in triples if t.predicate.value == TYPE
             and t.object.value == SH + "NodeShape"}
    return [reader.shape(node, node.value) for node in sorted(kinds, key=lambda n: n.value)]


@cache
def _schema() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[Any]]]:
    """From the ontology and registry: the class hierarchy (each class with its
    superclasses, itself included) and the instances of each class among the terms an
    article points to (role concepts, date precisions)."""
    parents: dict[str, set[str]] = {}
    types: list[tuple[Any, str]] = []
    for name in ("newsgraph.ttl", "registry.ttl"):
        for t in ox.parse(ontology_file(name).read_bytes(), format=ox.RdfFormat.TURTLE):
            if t.predicate.value == SUBCLASS and isinstance(t.object, ox.NamedNode):
                parents.setdefault(t.subject.value, set()).add(t.object.value)
            elif t.predicate.value == TYPE and isinstance(t.subject, ox.NamedNode):
                types.append((t.subject, t.object.value))
    supers = {c: frozenset(_closure(parents, c, set()))
              for c in set(parents) | {c for _, c in types}}
    instances: dict[str, set[Any]] = {}
    for node, cls in types:
        for c in supers[cls]:
            instances.setdefault(c, set()).add(node)
    return supers, {c: frozenset(nodes) for c, nodes in instances.items()}


def _closure(parents: dict[str, set[str]], cls: str, seen: set[str]) -> set[str]:
    if cls not in seen:
        seen.add(cls)
        for parent in parents.get(cls, ()):
            _closure(parents, parent, seen)
    return seen


class Data:
    """One article's triples (or quads), indexed, beside the schema's classes and types.
    An article declares no classes of its own (an undeclared term is refused anyway)."""

    def __init__(self, triples: Iterable[Any]) -> None:
        supers, self._schema_instances = _schema()
        self.out = index(triples)
        self.instances: dict[str, set[Any]] = {}
        self.verdicts: dict[tuple[int, Any], bool] = {}  # (shape, node) -> conforms
        for node, props in self.out.items():
            for cls_node in props.get(TYPE, ()):
                cls = cls_node.value
                for c in supers.get(cls, (cls,)):
                    self.instances.setdefault(c, set()).add(node)

    def objects(self, node: Any, predicate: str) -> list[Any]:
        return self.out.get(node, {}).get(predicate, [])

    def is_a(self, node: Any, cls: str) -> bool:
        return node in self.instances.get(cls, ()) or node in self._schema_instances.get(cls, ())

    def focus_nodes(self, shape: Shape) -> list[Any]:
        found = set()
        for kind, iri in shape.targets:
            if kind == "targetClass":
                found |= self.instances.get(iri, set()) | self._schema_instances.get(iri, set())
            else:
                found |= {s for s, props in self.out.items() if iri in props}
        return list(found)


def _number(term: Any) -> Decimal | None:
    if not isinstance(term, ox.Literal) or term.datatype.value not in _NUMERIC:
        return None
    try:
        return Decimal(term.value)
    except InvalidOperation:
        return None


_CHECKS: dict[str, Callable[[Data, Any, Any], bool]] = {  # one per value constraint
    "class": lambda data, v, c: data.is_a(v, c),
    "datatype": lambda data, v, d: isinstance(v, ox.Literal) and v.datatype.value == d,
    "minLength": lambda data, v, n: not isinstance(v, ox.BlankNode) and len(v.value) >= n,
    "minInclusive": lambda data, v, n: (x := _number(v)) is not None and x >= n,
    "in": lambda data, v, allowed: v in allowed,
    "or": lambda data, v, options: any(conforms(data, s, v) for s in options),
    "not": lambda data, v, s: not conforms(data, s, v),
    "node": lambda data, v, s: conforms(data, s, v),
}


def _value_ok(data: Data, shape: Shape, v: Any) -> bool:
    """The constraints of `shape` that each value node meets on its own."""
    return all(check(data, v, arg) for check, arg in shape.checks)


def _less_or_equal(a: Any, b: Any) -> bool:
    x, y = _number(a), _number(b)
    if x is not None and y is not None:
        return x <= y
    same = isinstance(a, ox.Literal) and isinstance(b, ox.Literal) and a.datatype == b.datatype
    return same and a.value <= b.value


def violations(data: Data, shape: Shape, focus: Any) -> list[str]:
    """The messages of what `focus` breaks of `shape`, one per failing value."""
    out = []
    if shape.checks and not _value_ok(data, shape, focus):
        out.append(shape.node_message)
    props = data.out.get(focus, _NONE)
    for prop in shape.properties:
        values = props.get(prop.path, ())
        low, high = prop.counts
        if not low <= len(values) <= high:
            out.append(prop.message)
        if prop.checks:
            out += [prop.message for v in values if not _value_ok(data, prop, v)]
        if "lessThanOrEquals" in prop.params:
            others = data.objects(focus, prop.params["lessThanOrEquals"])
            out += [prop.message for v in values for w in others if not _less_or_equal(v, w)]
    return out


_NONE: dict[str, list[Any]] = {}


def conforms(data: Data, shape: Shape, node: Any) -> bool:
    """Whether `node` meets `shape` (asked again for each node pointing to it: kept)."""
    key = (id(shape), node)
    verdict = data.verdicts.get(key)
    if verdict is None:
        verdict = data.verdicts[key] = not violations(data, shape, node)
    return verdict


def check(triples: Iterable[ox.Triple] | Data) -> list[tuple[str, str, str]]:
    """(shape IRI, focus node, message) for every violation in one article's triples."""
    data = triples if isinstance(triples, Data) else Data(triples)
    return sorted((shape.name, str(focus.value), message) for shape in shapes()
                  for focus in data.focus_nodes(shape)
                  for message in violations(data, shape, focus))
