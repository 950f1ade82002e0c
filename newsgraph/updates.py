"""How the embedded store writes: the SPARQL Update texts, and the `Writes` verbs."""
from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable

import pyoxigraph as ox

from newsgraph.errors import StoreError
from newsgraph.graphstore import (
    HASH,
    INFERRED_GRAPH,
    KEY,
    META_GRAPH,
    NAMES_GRAPH,
    PENDING,
    STAGING,
    STORE_NODE,
    VERSION,
    as_quads,
    in_graph,
    lines_of,
    quads_of,
)


def bump() -> str:
    """The update giving the store a new version token (for ETags), after a write. The
    token is this process's clock in nanoseconds, an integer: safe to write into the text."""
    node = f"<{STORE_NODE.value}> <{VERSION.value}>"
    return (f"DELETE WHERE {{ GRAPH <{META_GRAPH.value}> {{ {node} ?v }} }} ;\n"
            f"INSERT DATA {{ GRAPH <{META_GRAPH.value}> {{ {node} \"{time.time_ns()}\" }} }}")


def graph_block(graph: ox.NamedNode, lines: Iterable[bytes]) -> str:
    """N-Triples lines written by pyoxigraph's serializer (terms escaped by it, never
    pasted by hand) as a GRAPH block of an INSERT DATA or DELETE DATA."""
    return f"GRAPH <{graph.value}> {{\n" + b"".join(
        line + b"\n" for line in lines).decode("utf-8") + "}"


def patch_update(graph: ox.NamedNode, drop: list[bytes], add: list[bytes]) -> str:
    """DELETE DATA and INSERT DATA of N-Triples lines (either may be empty), in one graph."""
    return " ;\n".join(f"{verb} DATA {{ {graph_block(graph, lines)} }}"
                        for verb, lines in (("DELETE", drop), ("INSERT", add)) if lines)


def quad_data(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of an INSERT DATA or DELETE DATA, a GRAPH block per graph."""
    graphs: dict[ox.NamedNode, list[ox.Triple]] = {}
    for q in quads:
        graphs.setdefault(q.graph_name, []).append(q.triple)
    return " ".join(graph_block(graph, ox.serialize(
        triples, format=ox.RdfFormat.N_TRIPLES).splitlines()) for graph, triples in graphs.items())


def commit_update(marks: list[ox.Quad], names: set[bytes]) -> str:
    """The transaction that ends a bulk write of new graphs: their pending marks go, their
    name keys (N-Triples lines) come in the names index graph, then the version bump."""
    text = f"DELETE DATA {{ {quad_data(marks)} }}"
    if names:
        text += f" ;\nINSERT DATA {{ {graph_block(NAMES_GRAPH, sorted(names))} }}"
    return text + " ;\n" + bump()


def names_of(quads: Iterable[ox.Quad]) -> list[ox.Quad]:
    """The name keys among the quads, in the names index graph (a set: one row per entity
    and key, whatever the number of articles)."""
    return in_graph((q for q in quads if q.predicate == KEY), NAMES_GRAPH)


def with_names(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads, and their name keys again in the names index graph."""
    return quads + names_of(quads)


_KEY = f" <{KEY.value}> ".encode()


def key_lines(graph: ox.NamedNode, nquads: bytes) -> set[bytes]:
    """The name keys of a graph's N-Quads (as pyoxigraph writes them: `s p o g .`, one
    per line) as N-Triples lines: each line whose predicate is the key (its first space
    opens the key's IRI: a subject holds no space), the graph's name cut off its end. A
    line not ending so is parsed instead."""
    out: set[bytes] = set()
    tail = f" <{graph.value}> .".encode()
    at = nquads.find(_KEY)
    while at >= 0:
        start, end = nquads.rfind(b"\n", 0, at) + 1, nquads.find(b"\n", at)
        line = nquads[start:end if end >= 0 else len(nquads)]
        predicate = nquads.find(b" ", start, at + 1) == at  # not in a literal, not an object
        if predicate and line.endswith(tail):
            out.add(line[:-len(tail)] + b" .")
        elif predicate:
            out |= triple_lines(names_of(ox.parse(line, format=ox.RdfFormat.N_QUADS)))
        at = nquads.find(_KEY, end) if end >= 0 else -1
    return out


def digest_of(lines: set[bytes]) -> str:
    """The digest of a derived graph's N-Triples lines, whatever their order (kept in the
    meta graph: an unchanged graph is not written again)."""
    return hashlib.sha256(b"\n".join(sorted(lines))).hexdigest()


def triple_lines(quads: Iterable[ox.Quad]) -> set[bytes]:
    """Quads as N-Triples lines (their graphs left out)."""
    return set(ox.serialize([q.triple for q in quads],
                            format=ox.RdfFormat.N_TRIPLES).splitlines())


class Writes:
    """How the embedded store writes: whole graphs atomically, new graphs in bulk, a
    derived graph as a difference. Mixed into `Store` (which supplies `_ox`)."""

    _ox: ox.Store
    rebuild_inferred: Callable[[], int]  # from GraphStore

    def _stored_hash(self, graph: ox.NamedNode) -> str | None:
        for quad in self._ox.quads_for_pattern(graph, HASH, None, META_GRAPH):
            return quad.object.value
        return None

    def _set_hash(self, graph: ox.NamedNode, old: str | None, new: str) -> None:
        if old is not None:
            self._ox.remove(ox.Quad(graph, HASH, ox.Literal(old), META_GRAPH))
        self._ox.add(ox.Quad(graph, HASH, ox.Literal(new), META_GRAPH))

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> int:
        """Replace one named graph with `quads` atomically: staging graph, then one MOVE.

        The MOVE and the version bump are one SPARQL update, so one transaction. The name
        keys among the quads also go to the names index graph (a set: one row per entity and
        key, whatever the number of articles), in the transaction that writes the quads. A
        graph not in the store yet is written in place, in one transaction, the version bumped after
        (the engine's MOVE copies quad by quad: the ontology's 2,000 took 40 ms of a new
        store's 100, in place 15).
        """
        target, update = graph, bump()
        if self._ox.contains_named_graph(graph):
            target = ox.NamedNode(STAGING + hashlib.sha1(graph.value.encode()).hexdigest())
            # Both IRIs are NamedNode-validated (no '>' or space can occur): safe to write.
            update = f"MOVE SILENT GRAPH <{target.value}> TO GRAPH <{graph.value}> ;\n" + update
        written = with_names(in_graph(quads, target))
        try:
            if target != graph and self._ox.contains_named_graph(target):
                self._ox.remove_graph(target)  # left by a write that failed
            self._ox.extend(written)
            self._ox.update(update)
        except OSError as exc:
            raise StoreError(f"writing graph {graph.value} failed: {exc}",
                             hint="the previous version of the graph is unchanged") from exc
        return len(written)

    def replace_graphs(self, items: Iterable[tuple[ox.NamedNode, list[ox.Quad] | bytes]]
                       ) -> int:
        """Replace many graphs. The ones not in the store yet (a load of new articles) are
        written together by the bulk loader (`_bulk`); a graph already there is replaced
        through its staging graph as `replace_graph` does. A graph's quads may come as
        N-Quads already in that graph (from a pool process): the engine parses them."""
        new: list[ox.Quad] = []
        nquads: list[bytes] = []
        names: set[bytes] = set()  # the names index is a set: a batch writes each key once
        old: list[tuple[ox.NamedNode, list[ox.Quad]]] = []
        fresh: dict[ox.NamedNode, None] = {}  # in order
        for graph, data in items:
            if graph in fresh or self._ox.contains_named_graph(graph):
                old.append((graph, as_quads(data)))
                continue
            fresh[graph] = None
            if isinstance(data, bytes):
                nquads.append(data)
                names |= key_lines(graph, data)
            else:
                new += in_graph(data, graph)

        def write() -> None:
            if new:
                self._ox.bulk_extend(new)
            if nquads:
                self._ox.bulk_load(b"".join(nquads), format=ox.RdfFormat.N_QUADS)
        if fresh:
            self._bulk(list(fresh), write,
                       names | triple_lines(names_of(new)))
        return (len(new) + sum(data.count(b"\n") for data in nquads)
                + sum(self.replace_graph(g, quads) for g, quads in old))

    def _bulk(self, graphs: list[ox.NamedNode], write: Callable[[], object],
              names: set[bytes]) -> None:
        """New graphs go through pyoxigraph's bulk loader (`write`: 3× the rate of a
        transaction), between two transactions: the first marks them pending in the meta
        graph, the second adds their name keys, clears the marks and bumps the version. A
        write that fails in between (the store, or what feeds `write`: a rule, Ctrl-C)
        removes them at once; a load killed in between leaves marked graphs, which the next
        writer to open the store removes (`_recover`): a graph is stored whole or not at
        all."""
        marks = [ox.Quad(graph, PENDING, STORE_NODE, META_GRAPH) for graph in graphs]
        try:
            self._ox.extend(marks)
            write()
            self._ox.update(commit_update(marks, names))
        except OSError as exc:
            self._recover(rebuild=False)
            raise StoreError(f"writing {len(graphs)} new graphs failed: {exc}",
                             hint="none of them was stored; the store is as it was") from exc
        except BaseException:  # a rule feeding `write` failed, or the user interrupted
            self._recover(rebuild=False)
            raise

    def _recover(self, rebuild: bool = True) -> None:
        """Remove the graphs a bulk write left pending (a load that died in it); an inferred
        graph among them is built again."""
        marks = list(self._ox.quads_for_pattern(None, PENDING, None, META_GRAPH))
        if marks:  # graph IRIs are NamedNode-validated: safe to write out
            drops = "".join(f"DROP SILENT GRAPH <{m.subject.value}> ;\n" for m in marks)
            self._ox.update(drops + f"DELETE DATA {{ {quad_data(marks)} }} ;\n" + bump())
        if rebuild and any(m.subject == INFERRED_GRAPH for m in marks):
            self.rebuild_inferred()

    def construct(self, sparql: str) -> bytes:
        return self.query(sparql).serialize(format=ox.RdfFormat.N_TRIPLES)

    def patch_graph(self, graph: ox.NamedNode, parts: Iterable[bytes]) -> int:
        """Write only the difference, in one transaction. An empty graph is bulk-loaded part
        by part as the parts come (`_load_parts`). Otherwise the digest of what was written
        last (in the meta graph) skips an unchanged graph without reading it back (its size
        is counted, in case another tool wrote to it), else one update deletes and inserts
        the lines that differ. Lines with blank nodes cannot be deleted by value: then the
        graph is replaced."""
        if next(self._ox.quads_for_pattern(None, None, None, graph), None) is None:
            return self._load_parts(graph, parts)
        lines = lines_of(parts)
        digest = digest_of(lines)
        stored = self._stored_hash(graph)
        if stored == digest and self._size(graph) == len(lines):
            return len(lines)
        old = set(self._ox.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph).splitlines())
        add, drop = sorted(lines - old), sorted(old - lines)
        if drop and any(b"_:" in line for line in drop + add):
            self.replace_graph(graph, quads_of(lines, graph))
        else:
            self._patch(graph, drop, add)
        self._set_hash(graph, stored, digest)
        return len(lines)

    def _patch(self, graph: ox.NamedNode, drop: list[bytes], add: list[bytes]) -> None:
        """Delete and insert these N-Triples lines in `graph`, in one transaction (lines
        only added are loaded, then the version bumped)."""
        try:
            if drop:
                self._ox.update(patch_update(graph, drop, add) + " ;\n" + bump())
            elif add:
                self._ox.load(b"\n".join(add), format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
                self._ox.update(bump())
        except OSError as exc:
            raise StoreError(f"writing graph {graph.value} failed: {exc}",
                             hint="the previous version of the graph is unchanged") from exc

    def _load_parts(self, graph: ox.NamedNode, parts: Iterable[bytes]) -> int:
        """An empty graph bulk-loaded with each part as it comes: the first rule's triples
        are written while the others still run. The graph stays marked pending until the
        last part is in (a failure removes it, see `_bulk`)."""
        lines: set[bytes] = set()

        def write() -> None:
            for part in parts:
                lines.update(part.splitlines())
                self._ox.bulk_load(part, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
        self._bulk([graph], write, set())
        self._set_hash(graph, self._stored_hash(graph), digest_of(lines))
        return len(lines)

    def _size(self, graph: ox.NamedNode) -> int:
        count = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
        rows = self._ox.query(count, substitutions={ox.Variable("g"): graph})
        return sum(int(row["n"].value) for row in rows)

    def remove_graph(self, graph: ox.NamedNode) -> None:
        if self._ox.contains_named_graph(graph):
            self._ox.remove_graph(graph)
