"""A read-only snapshot of an on-disk store: opening it, its version, a query. What a query
worker holds, and all it imports beside pyoxigraph: each worker is an interpreter that
loads `workers.py` and this module, so the less they load, the less each worker carries.
`Store` reads through the same functions; writing lives there.
"""
from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import QueryError, StoreError

NS = "https://w3id.org/newsgraph/ns#"
META_GRAPH = ox.NamedNode("urn:newsgraph:meta")
STORE_NODE = ox.NamedNode("urn:newsgraph:store")
VERSION = ox.NamedNode(NS + "version")

PREFIXES = {
    "ng": NS,
    "role": "https://w3id.org/newsgraph/role/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "org": "http://www.w3.org/ns/org#",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "dcterms": "http://purl.org/dc/terms/",
}

_OPEN_SECONDS = 5.0  # a read-only open retries this long while a compaction moves files


def is_store(location: str | os.PathLike[str]) -> bool:
    """Whether an on-disk store exists at `location` (RocksDB's CURRENT file)."""
    return (Path(location) / "CURRENT").exists()


def open_read_only(location: Path) -> ox.Store:
    """The store at `location` as it is now. A compaction of the primary may remove a file
    between reading the manifest and opening it: the open is tried again, for a few
    seconds at most."""
    end, attempt = time.monotonic() + _OPEN_SECONDS, 0
    while True:
        try:
            return ox.Store.read_only(str(location))
        except (OSError, RuntimeError) as exc:
            error, attempt = exc, attempt + 1
            if time.monotonic() > end or not is_store(location):
                break
            time.sleep(min(0.02 * attempt, 0.2))
    raise StoreError(f"cannot open the store at {location} read-only: {error}",
                     hint="is it a newsgraph store? load some articles into it first")


def read_version(store: ox.Store) -> str:
    """The token every load changes (an index lookup); "0" for a store never loaded."""
    found = next(store.quads_for_pattern(STORE_NODE, VERSION, None, META_GRAPH), None)
    return "0" if found is None else found.object.value


def run_query(store: ox.Store, sparql: str, substitutions: dict[ox.Variable, Any] | None,
              **options: Any) -> Any:
    """A SPARQL query with values bound as RDF terms (never pasted into the text); the
    engine's errors as newsgraph's."""
    try:
        return store.query(sparql, prefixes=PREFIXES, substitutions=substitutions, **options)
    except SyntaxError as exc:
        raise QueryError(f"the query does not parse: {exc}",
                         hint="check the SPARQL syntax at the position given") from exc
    except (OSError, ValueError, TypeError, RuntimeError) as exc:
        raise QueryError(f"the query failed: {exc}") from exc


class Snapshot:
    """A query worker's handle: the store as it was when opened, and that version."""

    def __init__(self, location: str | os.PathLike[str]) -> None:
        self._ox = open_read_only(Path(location))
        self._version = read_version(self._ox)

    def version(self) -> str:
        """As `Store.version`: read once, when the snapshot was opened."""
        return self._version

    def query(self, sparql: str, substitutions: dict[ox.Variable, Any] | None = None,
              **options: Any) -> Any:
        return run_query(self._ox, sparql, substitutions, **options)
