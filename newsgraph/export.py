"""Exports: the dataset in any RDF format, never losing a graph name without saying so."""
from __future__ import annotations

import pyoxigraph as ox

from newsgraph.errors import FormatError, StoreError
from newsgraph.results import xml_safe
from newsgraph.store import PREFIXES, Store

EXPORT_FORMATS = {
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}


def export(store: Store, fmt: str, graph: ox.NamedNode | None = None) -> bytes:
    """The dataset (or one graph) serialized; store bookkeeping is left out."""
    if fmt not in EXPORT_FORMATS:
        raise FormatError(f"unknown export format '{fmt}'",
                          hint="use one of " + ", ".join(EXPORT_FORMATS))
    rdf_format = EXPORT_FORMATS[fmt]
    if not rdf_format.supports_datasets and graph is None:
        raise FormatError(f"{fmt} holds one graph only; the store has one per article",
                          hint="pass --graph ARTICLE_ID, or export as trig or nquads")
    quads = store.dataset_quads(graph)
    if graph is not None:
        quads = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    try:
        body = ox.serialize(quads, None, format=rdf_format,
                            prefixes=PREFIXES if fmt in ("turtle", "trig") else None)
    except (OSError, ValueError) as exc:
        raise StoreError(f"export failed: {exc}") from exc
    return xml_safe(body) if fmt == "xml" else body
