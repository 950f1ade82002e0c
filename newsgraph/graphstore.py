"""What every backend shares: the schema graphs, the inferred graph, the article graphs.

A backend (the embedded `Store`, or a `RemoteStore` on a SPARQL server) supplies five
primitives: `query`, `replace_graph`, `named_graphs`, `_stored_hash` and `_set_hash`.
Everything built on them lives here once.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from loaders.fold import name_key
from newsgraph.inference import SHARE, Changes, digest, rules
from newsgraph.paths import ontology_file
from newsgraph.snapshot import META_GRAPH, NS, STORE_NODE, VERSION  # noqa: F401 - re-exported

GRAPH = "https://w3id.org/newsgraph/graph/"
ONTOLOGY_GRAPH = ox.NamedNode("urn:newsgraph:ontology")
REGISTRY_GRAPH = ox.NamedNode("urn:newsgraph:registry")
NAMES_GRAPH = ox.NamedNode("urn:newsgraph:names")
INFERRED_GRAPH = ox.NamedNode("urn:newsgraph:inferred")
STAGING = "urn:newsgraph:staging:"
SCHEMA_FILES = {ONTOLOGY_GRAPH: "newsgraph.ttl", REGISTRY_GRAPH: "registry.ttl"}
HASH = ox.NamedNode(NS + "sourceHash")
KEY = ox.NamedNode(NS + "key")
PENDING = ox.NamedNode(NS + "pendingWrite")
RULES_NODE = ox.NamedNode("urn:newsgraph:rules")  # its hash: what the inferred graph is from
INTERNAL_GRAPHS = (META_GRAPH,)  # the names index is exported: saved queries need it
_LABELS = {"http://www.w3.org/2004/02/skos/core#" + k for k in ("prefLabel", "altLabel",
                                                                 "hiddenLabel")}


def stable_blank_nodes(triples: Iterable[ox.Triple], prefix: str) -> list[ox.Triple]:
    """The parser names blank nodes (OWL restrictions) at random; number them in file order
    so the same ontology gives the same quads."""
    names: dict[str, ox.BlankNode] = {}

    def stable(term: Any) -> Any:
        if not isinstance(term, ox.BlankNode):
            return term
        return names.setdefault(term.value, ox.BlankNode(
            f"{prefix.split('.')[0]}{len(names) + 1}"))
    return [ox.Triple(stable(t.subject), t.predicate, stable(t.object)) for t in triples]


def schema_quads(graph: ox.NamedNode, path: Path, data: bytes) -> list[ox.Quad]:
    """A schema file's quads in its graph; the registry's labels also get their name keys."""
    parsed = stable_blank_nodes(
        ox.parse(data, format=ox.RdfFormat.TURTLE, base_iri=path.as_uri()), path.name)
    keys = [ox.Triple(t.subject, KEY, ox.Literal(name_key(t.object.value)))
            for t in parsed if t.predicate.value in _LABELS and graph == REGISTRY_GRAPH]
    return in_graph(parsed + keys, graph)


def in_graph(statements: Iterable[ox.Triple | ox.Quad], graph: ox.NamedNode
             ) -> list[ox.Quad]:
    """Triples (or quads, whatever their graph) as quads in `graph`."""
    return [ox.Quad(t.subject, t.predicate, t.object, graph) for t in statements]


def as_quads(data: list[ox.Quad] | bytes) -> list[ox.Quad]:
    """A graph's quads, parsed when they come as N-Quads."""
    return list(ox.parse(data, format=ox.RdfFormat.N_QUADS)) if isinstance(data, bytes) else data


def quads_of(lines: Iterable[bytes], graph: ox.NamedNode) -> list[ox.Quad]:
    """N-Triples lines as quads in `graph`."""
    return in_graph(ox.parse(b"\n".join(sorted(lines)), format=ox.RdfFormat.N_TRIPLES),
                    graph)


def lines_of(parts: Iterable[bytes]) -> set[bytes]:
    """The distinct lines of N-Triples parts."""
    lines: set[bytes] = set()
    for part in parts:
        lines.update(part.splitlines())
    return lines


def is_internal(graph: Any) -> bool:
    """The store's bookkeeping graphs (never exported): versions and hashes, staging."""
    return graph in INTERNAL_GRAPHS or graph.value.startswith(STAGING)


class GraphStore:
    """The verbs built on a backend's primitives."""

    whole_share = SHARE  # a load of more articles than this share of the store's rebuilds
    # the inferred graph whole (the rules over everything cost less than the changes')

    def query(self, sparql: str, substitutions: dict[ox.Variable, Any] | None = None,
              **options: Any) -> Any:
        raise NotImplementedError

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> int:
        raise NotImplementedError

    def replace_graphs(self, items: Iterable[tuple[ox.NamedNode, list[ox.Quad] | bytes]]
                       ) -> int:
        """Replace many graphs, each atomically (a backend may write them together). A
        graph's quads may come as N-Quads already in that graph (from a pool process)."""
        return sum(self.replace_graph(graph, as_quads(data)) for graph, data in items)

    def named_graphs(self) -> Iterable[Any]:
        raise NotImplementedError

    def _stored_hash(self, graph: ox.NamedNode) -> str | None:
        raise NotImplementedError

    def _set_hash(self, graph: ox.NamedNode, old: str | None, new: str) -> None:
        raise NotImplementedError

    def ensure_schema(self) -> None:
        """Load the ontology and registry graphs when missing or when their files changed."""
        for graph, name in SCHEMA_FILES.items():
            path = ontology_file(name)
            data = path.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
            old = self._stored_hash(graph)
            if old != digest:
                self.replace_graph(graph, schema_quads(graph, path, data))
                self._set_hash(graph, old, digest)

    def rebuild_inferred(self) -> int:
        """Make the inferred graph hold what the rules (ontology/rules/*.rq, SPARQL
        CONSTRUCT) entail from the asserted graphs. The rules run side by side, one thread
        each (the engine lets go of the GIL while it evaluates), over the same data: none
        reads another's output. Their triples travel as N-Triples, deduplicated as bytes,
        never as Python terms, each rule's as soon as it is done. Returns its size."""
        texts = [rule.text for rule in rules()]
        with ThreadPoolExecutor(max(1, min(len(texts), os.cpu_count() or 1))) as pool:
            done = as_completed([pool.submit(self.construct, text) for text in texts])
            size = self.patch_graph(INFERRED_GRAPH, (future.result() for future in done))
        old, built = self._stored_hash(RULES_NODE), self._rules_digest(texts)
        if old != built:
            self._set_hash(RULES_NODE, old, built)
        return size

    def _rules_digest(self, texts: list[str]) -> str:
        return digest(texts + [self._stored_hash(g) or "" for g in SCHEMA_FILES])

    def begin_changes(self, articles: int) -> Changes | None:
        """Where a load of this many articles notes what it changes, to update the inferred
        graph for that only; None when the rules must run whole after it: the graph was
        built from other rules or another ontology (or never), or the load is big. Until
        `update_inferred` is done, the graph is marked as built from nothing: a load that
        dies in between leaves the next one to run the rules whole."""
        found = rules()
        built = self._stored_hash(RULES_NODE)
        if built != self._rules_digest([r.text for r in found]):
            return None
        if articles > self.whole_share * len(self.article_graphs()):
            return None
        self._set_hash(RULES_NODE, built, "")
        return Changes(self, found, built)

    def update_inferred(self, changes: Changes | None) -> int | None:
        """After a load: the inferred graph for what it changed (`changes`), or whole (see
        `begin_changes`). Each scoped rule runs for the values the changed graphs name;
        each rule without a scope runs whole; each one's triples are compared with those it
        made before (`made`), and the difference is written in one transaction. Returns the
        graph's size when it was built whole, else None."""
        if changes is None or not changes.complete(self):
            return self.rebuild_inferred()
        new: set[bytes] = set()
        old: set[bytes] = set()
        for rule in changes.rules:
            values = changes.values[rule.name] if rule.scope else None
            for text, made in rule.runs(INFERRED_GRAPH, values):
                new |= set(self.construct(text).splitlines())
                old |= set(self.construct(made).splitlines())
        drop, add = sorted(old - new), sorted(new - old)
        if any(b"_:" in line for line in drop + add):
            return self.rebuild_inferred()
        if drop or add:
            self._patch(INFERRED_GRAPH, drop, add)
            self._set_hash(INFERRED_GRAPH, self._stored_hash(INFERRED_GRAPH), "")
        self._set_hash(RULES_NODE, "", changes.built)
        return None

    def _patch(self, graph: ox.NamedNode, drop: list[bytes], add: list[bytes]) -> None:
        raise NotImplementedError

    def construct(self, sparql: str) -> bytes:
        """A CONSTRUCT query's triples as N-Triples, one per line."""
        return ox.serialize(self.query(sparql), format=ox.RdfFormat.N_TRIPLES)

    def patch_graph(self, graph: ox.NamedNode, parts: Iterable[bytes]) -> int:
        """Make `graph` hold exactly the triples of these parts (N-Triples, a triple a line,
        the same triple maybe in several), atomically; a backend may write only what
        changed (the inferred graph rebuilt whole when little changed)."""
        lines = lines_of(parts)
        self.replace_graph(graph, quads_of(lines, graph))
        return len(lines)

    def article_graphs(self) -> list[ox.NamedNode]:
        return sorted((g for g in self.named_graphs()
                       if isinstance(g, ox.NamedNode) and g.value.startswith(GRAPH)),
                      key=lambda g: g.value)

    def data_graphs(self) -> Iterator[ox.NamedNode]:
        """Every named graph an export carries: schema, articles, inferred."""
        return (g for g in self.named_graphs()
                if isinstance(g, ox.NamedNode) and not is_internal(g))
