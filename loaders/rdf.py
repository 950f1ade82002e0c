"""Facts to quads: one named graph per article, every fact with its evidence and rule.

IRIs are stable: people and organizations by name (registry IRI or a slug), events and
memberships by what they are (type, person, organization: the same happening told by
four articles is one node with four sources), statements and evidence by article and
span. The same article always gives the same quads.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox

from loaders.clean import Cleaned
from loaders.datevalues import DAY, MONTH, YEAR
from loaders.extract import Fact
from loaders.fold import name_key
from loaders.manifest import Source
from loaders.mentions import Mention
from loaders.registry import ID, Entity
from newsgraph.store import Triple, article_graph, iri_safe

NG = "https://w3id.org/newsgraph/ns#"
ROLE = "https://w3id.org/newsgraph/role/"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
SCHEMA = "https://schema.org/"
LOADER_VERSION = "newsgraph-loaders-0.1"
RUN = ox.NamedNode(ID + "run/" + LOADER_VERSION)
DATE_TYPES = {YEAR: ("gYear", "Year"), MONTH: ("gYearMonth", "Month"), DAY: ("date", "Day")}
KIND_CLASS = {"person": "Person", "org": "Organization", "team": "Team", "outlet": "Outlet"}


@cache
def _iri(iri: str) -> ox.NamedNode:
    """The vocabulary's terms, made once (an article writes each thousands of times)."""
    return ox.NamedNode(iri)


def _n(local: str) -> ox.NamedNode:
    return _iri(NG + local)


def nquads(graph: ox.NamedNode, triples: Iterable[Triple]) -> bytes:
    """Triples as N-Quads in `graph`: a term's str() is its N-Triples form, escaped by the
    engine as its own writer escapes it (the store parses them back in Rust)."""
    g, text, lines = f" {graph} .\n", {}, []
    for s, p, o in triples:  # subjects and predicates recur: each written once
        subject = text.get(s) or text.setdefault(s, str(s))
        predicate = text.get(p) or text.setdefault(p, str(p))
        lines.append(f"{subject} {predicate} {o}{g}")
    return "".join(lines).encode()


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode()).hexdigest()[:16]


class GraphBuilder:
    def __init__(self, source: Source, raw: str, cleaned: Cleaned, language: str) -> None:
        self.source, self.raw, self.cleaned, self.language = source, raw, cleaned, language
        self.graph = article_graph(source.id)
        self.article = ox.NamedNode(ID + "article/" + iri_safe(source.id))
        # (subject, predicate, object), each once, in order: terms in plain tuples, as an
        # ox.Quad costs more to make than the rest of a fact's writing (its object checked
        # against every kind of term), and N-Quads are written from the terms' own text
        self.triples: dict[Triple, None] = {}
        # what was written once is not written again (an entity is named by every fact
        # about it, a span is the evidence of all the facts it states): the node, kept
        self._entities: dict[tuple, ox.NamedNode] = {}
        self._evidence: dict[tuple[int, int], ox.NamedNode] = {}

    def add(self, s: ox.NamedNode, p: ox.NamedNode, o: object) -> None:
        self.triples[(s, p, o)] = None

    def article_node(self) -> None:
        a, src = self.article, self.source
        self.add(a, RDF_TYPE, _n("Article"))
        self.add(a, _n("articleId"), ox.Literal(src.id))
        self.add(a, _n("language"), ox.Literal(self.language))
        self.add(a, _iri(SCHEMA + "url"), ox.Literal(src.path.name))
        self.add(a, _n("charCount"), ox.Literal(str(len(self.raw)), datatype=_xsd("integer")))
        self.add(a, _n("sourceText"), ox.Literal(self.raw))
        if src.title:
            self.add(a, _iri(SCHEMA + "headline"), ox.Literal(src.title))
        if src.publisher:
            self.add(a, _n("publisher"), ox.Literal(src.publisher))
        if src.published:
            precision = src.published.count("-") + 1
            self.add(a, _n("published"), _date_literal(src.published, precision))
        self.add(RUN, RDF_TYPE, _n("LoaderRun"))

    def entity(self, e: Entity) -> ox.NamedNode:
        key = (e.iri, e.kind, e.name, e.unit_of)
        node = self._entities.get(key)
        if node is not None:
            return node
        node = self._entities[key] = ox.NamedNode(e.iri)
        self.add(node, RDF_TYPE, _n(KIND_CLASS[e.kind]))
        self.add(node, _n("name"), ox.Literal(e.name))
        self.add(node, _n("key"), ox.Literal(name_key(e.name)))
        if e.unit_of:
            self.add(node, _n("unitOf"), ox.NamedNode(e.unit_of))
        return node

    def mention(self, m: Mention) -> None:
        node = self.entity(m.entity)
        self.add(self.article, _n("mentions"), node)
        surface = self.original(m.start, m.end)
        self.add(node, _n("surface"), ox.Literal(surface))
        self.add(node, _n("key"), ox.Literal(name_key(surface)))

    def original(self, start: int, end: int) -> str:
        a, b = self.cleaned.span(start, end)
        return self.raw[a:b]

    def provenance(self, node: ox.NamedNode, start: int, end: int, rule: str) -> None:
        a, b = self.cleaned.span(start, end)
        text = self.raw[a:b]  # the span without its edge whitespace: exact == raw[start:end]
        a, b = a + len(text) - len(text.lstrip()), b - (len(text) - len(text.rstrip()))
        ev = self._evidence.get((a, b))
        new = ev is None
        if new:
            ev = self._evidence[(a, b)] = ox.NamedNode(
                ID + "evidence/" + _hash(self.source.id, a, b))
        self.add(node, _n("evidence"), ev)
        self.add(node, _n("rule"), ox.Literal(rule))
        self.add(node, _iri(PROV + "wasGeneratedBy"), RUN)
        self.add(node, _iri(PROV + "wasDerivedFrom"), self.article)
        if new:
            self._selectors(ev, a, b)

    def _selectors(self, ev: ox.NamedNode, a: int, b: int) -> None:
        """The evidence of the article's characters a to b: its quote and its position."""
        self.add(ev, RDF_TYPE, _n("Evidence"))
        self.add(ev, _iri(OA + "hasSource"), self.article)
        quote_sel, pos_sel = ox.NamedNode(ev.value + "-quote"), ox.NamedNode(ev.value + "-pos")
        self.add(ev, _iri(OA + "hasSelector"), quote_sel)
        self.add(ev, _iri(OA + "hasSelector"), pos_sel)
        self.add(quote_sel, RDF_TYPE, _iri(OA + "TextQuoteSelector"))
        self.add(quote_sel, _iri(OA + "exact"), ox.Literal(self.raw[a:b]))
        self.add(pos_sel, RDF_TYPE, _iri(OA + "TextPositionSelector"))
        self.add(pos_sel, _iri(OA + "start"), ox.Literal(str(a), datatype=_xsd("integer")))
        self.add(pos_sel, _iri(OA + "end"), ox.Literal(str(b), datatype=_xsd("integer")))

    def role(self, f: Fact) -> None:
        assert f.person is not None and f.role is not None
        org_iri = f.org.iri if f.org else ""
        node = ox.NamedNode(ID + "membership/" + _hash(f.person.iri, f.role, org_iri))
        self.add(node, RDF_TYPE, _n("Membership"))
        self.add(node, _n("member"), self.entity(f.person))
        self.add(node, _n("role"), ox.NamedNode(ROLE + f.role))
        if f.org:
            self.add(node, _n("organization"), self.entity(f.org))
        if f.former:
            self.add(node, _n("isFormer"), ox.Literal("true", datatype=_xsd("boolean")))
            if self.source.published:  # over by the time the article was published
                precision = self.source.published.count("-") + 1
                self.add(node, _n("endBefore"), _date_literal(self.source.published, precision))
        self.provenance(node, f.start, f.end, f.rule)

    def event(self, f: Fact) -> None:
        node = ox.NamedNode(ID + "event/" + _hash(*f.happening))
        self.add(node, RDF_TYPE, _n(f.type or "Event"))
        if f.person:
            self.add(node, _n("participant"), self.entity(f.person))
        if f.org:
            self.add(node, _n("organization"), self.entity(f.org))
        if f.destination:
            self.add(node, _n("destination"), self.entity(f.destination))
        if f.product:
            self.add(node, _n("product"), ox.Literal(f.product))
        if f.role:
            self.add(node, _n("newRole"), ox.NamedNode(ROLE + f.role))
        if f.date:
            self.add(node, _n("date"), _date_literal(f.date.value, f.date.precision))
            self.add(node, _n("datePrecision"), _n(DATE_TYPES[f.date.precision][1]))
        self.provenance(node, f.start, f.end, f.rule)

    def statement(self, f: Fact) -> None:
        assert f.quote is not None and f.person is not None
        quote = self.original(*f.quote).strip()
        node = ox.NamedNode(ID + "statement/" + _hash(self.source.id, f.person.iri, quote))
        self.add(node, RDF_TYPE, _n("Statement"))
        self.add(node, _n("speaker"), self.entity(f.person))
        self.add(node, _n("quote"), ox.Literal(quote, language=self.language))
        self.add(node, _n("language"), ox.Literal(self.language))
        if f.via:
            self.add(node, _n("via"), self.entity(f.via))
        self.provenance(node, f.quote[0], f.quote[1], f.rule)


def _xsd(local: str) -> ox.NamedNode:
    return _iri(XSD + local)


def _date_literal(value: str, precision: int) -> ox.Literal:
    return ox.Literal(value, datatype=_xsd(DATE_TYPES[precision][0]))
