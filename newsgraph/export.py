"""Exports: the dataset in any RDF format, never losing a graph name without saying so.

Dataset formats (TriG, N-Quads, JSON-LD) keep every named graph. A triple-only format
(Turtle, N-Triples, RDF/XML) takes one graph (`graph=`) or merges all of them when asked
(`union=True`), never silently. Deterministic: quads are sorted, blank nodes are named by what
surrounds them, and N-Quads/N-Triples come out as sorted canonical lines, so two exports of
the same data (from the embedded store or from a server) are byte-identical and diff.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import FormatError, NotFoundError, StoreError
from newsgraph.results import xml_safe
from newsgraph.store import PREFIXES

EXPORT_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "xml": ox.RdfFormat.RDF_XML,
}
SUFFIXES = {"trig": ".trig", "nquads": ".nq", "jsonld": ".jsonld", "turtle": ".ttl",
            "ntriples": ".nt", "xml": ".rdf"}


def canonical_blank_nodes(quads: list[ox.Quad], rounds: int = 3) -> list[ox.Quad]:
    """Blank nodes named by what surrounds them (a few rounds of colour refinement over
    their triples), so a server that renamed them exports the same bytes as the embedded
    store. Blank nodes nothing tells apart are interchangeable: either naming gives the
    same lines."""
    blanks = {t for q in quads for t in (q.subject, q.object) if isinstance(t, ox.BlankNode)}
    if not blanks:
        return quads
    colour = dict.fromkeys(blanks, "")
    for _ in range(rounds):
        around: dict[Any, list[str]] = defaultdict(list)
        for q in quads:
            if q.subject in colour:
                around[q.subject].append(f">{q.predicate} {colour.get(q.object, q.object)} "
                                         f"{q.graph_name}")
            if q.object in colour:
                around[q.object].append(f"<{colour.get(q.subject, q.subject)} {q.predicate} "
                                        f"{q.graph_name}")
        colour = {b: hashlib.sha1("\n".join(sorted(around[b])).encode()).hexdigest()[:16]
                  for b in blanks}
    names: dict[Any, ox.BlankNode] = {}
    seen: dict[str, int] = defaultdict(int)
    for b in sorted(blanks, key=colour.__getitem__):
        seen[colour[b]] += 1
        names[b] = ox.BlankNode(f"b{colour[b]}" + (f"x{seen[colour[b]]}" if seen[colour[b]] > 1
                                                    else ""))

    def name(term: Any) -> Any:
        return names.get(term, term)
    return [ox.Quad(name(q.subject), q.predicate, name(q.object), q.graph_name) for q in quads]


def _order(term: Any) -> tuple[int, str]:
    return (0 if isinstance(term, ox.DefaultGraph) else 1, str(term))


def export_quads(store: Any, fmt: str, graph: ox.NamedNode | None = None,
                 union: bool = False) -> list[ox.Quad] | list[ox.Triple]:
    """What an export holds, sorted: quads for a dataset format, else triples."""
    if fmt not in EXPORT_FORMATS:
        raise FormatError(f"unknown export format '{fmt}'",
                          hint="use one of " + ", ".join(EXPORT_FORMATS))
    dataset = EXPORT_FORMATS[fmt].supports_datasets
    if graph is not None and union:
        raise FormatError("--graph and --union exclude each other",
                          hint="--graph exports one article, --union merges every graph")
    if not dataset and graph is None and not union:
        raise FormatError(f"{fmt} holds one graph only; the store has one per article",
                          hint="pass --graph ARTICLE_ID, or --union to merge every graph into "
                               "one (graph names are lost), or export as trig or nquads")
    if graph is not None and graph not in set(store.data_graphs()):
        raise NotFoundError(f"no graph {graph.value} in the store",
                            hint="list the articles with 'newsgraph query sources' or export "
                                 "without --graph")
    quads = sorted(canonical_blank_nodes(list(store.dataset_quads(graph))),
                   key=lambda q: (_order(q.graph_name), str(q.subject), str(q.predicate),
                                  str(q.object)))
    if dataset and not union:
        return quads
    triples = {ox.Triple(q.subject, q.predicate, q.object): None for q in quads}
    return list(triples)  # union: a set of triples, first-seen order (already sorted)


def export(store: Any, fmt: str, graph: ox.NamedNode | None = None,
           union: bool = False) -> bytes:
    """The dataset (or one graph, or the union of all) serialized; bookkeeping left out."""
    items = export_quads(store, fmt, graph, union)
    if fmt == "jsonld":
        from newsgraph.jsonld import context, to_jsonld

        quads = [i if isinstance(i, ox.Quad) else ox.Quad(i.subject, i.predicate, i.object)
                 for i in items]
        return to_jsonld(quads, context(store))
    try:
        body = ox.serialize(items, None, format=EXPORT_FORMATS[fmt],
                            prefixes=PREFIXES if fmt in ("turtle", "trig", "xml") else None)
    except (OSError, ValueError, TypeError) as exc:
        raise StoreError(f"export failed: {exc}") from exc
    if fmt in ("nquads", "ntriples"):  # canonical: one statement a line, sorted, unique
        lines = sorted(set(body.splitlines(keepends=True)))
        return b"".join(lines)
    return xml_safe(body) if fmt == "xml" else body
