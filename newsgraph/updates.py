"""The SPARQL Update texts and quad lists the embedded store writes with."""
from __future__ import annotations

import time

import pyoxigraph as ox

from newsgraph.graphstore import KEY, META_GRAPH, NAMES_GRAPH, STORE_NODE, VERSION


def bump() -> str:
    """The update giving the store a new version token (for ETags), after a write. The
    token is this process's clock in nanoseconds, an integer: safe to write into the text."""
    node = f"<{STORE_NODE.value}> <{VERSION.value}>"
    return (f"DELETE WHERE {{ GRAPH <{META_GRAPH.value}> {{ {node} ?v }} }} ;\n"
            f"INSERT DATA {{ GRAPH <{META_GRAPH.value}> {{ {node} \"{time.time_ns()}\" }} }}")


def patch_update(graph: ox.NamedNode, drop: list[ox.Quad], add: list[ox.Quad]) -> str:
    """DELETE DATA and INSERT DATA of quads written by pyoxigraph's serializer (terms are
    escaped by it, never pasted by hand)."""
    def block(quads: list[ox.Quad]) -> str:
        return ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                            format=ox.RdfFormat.N_TRIPLES).decode("utf-8")
    text = f"DELETE DATA {{ GRAPH <{graph.value}> {{\n{block(drop)}}} }}"
    if add:
        text += f" ;\nINSERT DATA {{ GRAPH <{graph.value}> {{\n{block(add)}}} }}"
    return text


def with_names(quads: list[ox.Quad]) -> list[ox.Quad]:
    """The quads, and their name keys again in the names index graph (a set: one row per
    entity and key, whatever the number of articles)."""
    return quads + [ox.Quad(q.subject, q.predicate, q.object, NAMES_GRAPH) for q in quads
                    if q.predicate == KEY]
