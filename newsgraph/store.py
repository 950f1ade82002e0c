"""The store: an on-disk (or in-memory) Oxigraph dataset with one named graph per article.

Reloading an article writes its quads to a staging graph and MOVEs it into place in one
update, so a reader sees the old article or the new one, never half of one. New articles
go in by batches through the bulk loader, marked pending until the batch commits; a load
that dies leaves marks, and the next writer removes those graphs (`updates.Writes`). A
failed load leaves the store as it was. The ontology and the registry live in graphs of
their own, refreshed when their files change.

One process writes (a `load`); any number read through read-only handles (a server and
its query workers). A writer publishes each load by flushing it into the store's tables
and rewriting a stamp file; a read-only handle reopens when the stamp changes, so a server
keeps answering from the last published version while a load runs in another process.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import StoreError
from newsgraph.graphstore import (  # noqa: F401 - the graph names are part of this API
    GRAPH,
    HASH,
    INFERRED_GRAPH,
    KEY,
    META_GRAPH,
    NAMES_GRAPH,
    NS,
    ONTOLOGY_GRAPH,
    REGISTRY_GRAPH,
    STAGING,
    STORE_NODE,
    VERSION,
    GraphStore,
    is_internal,
)
from newsgraph.snapshot import (  # noqa: F401 - PREFIXES and is_store are part of this API
    PREFIXES,
    is_store,
    open_read_only,
    read_version,
    run_query,
)
from newsgraph.updates import Writes

ID = "https://w3id.org/newsgraph/id/"
# A triple as an article's graph is built, checked and written: its terms in a plain tuple
Triple = tuple[ox.NamedNode | ox.BlankNode, ox.NamedNode, Any]
DEFAULT_STORE = "data/store"

STAMP = "newsgraph.version"  # in the store folder: rewritten by every load that commits


def article_graph(article_id: str) -> ox.NamedNode:
    return ox.NamedNode(GRAPH + iri_safe(article_id))


def article_id_of(graph: str) -> str:
    """The article id an article graph's IRI carries (the inverse of article_graph)."""
    return graph.removeprefix(GRAPH)


def curie(iri: str) -> str:
    """`ng:Local` for a term of newsgraph's namespace, the IRI itself otherwise."""
    return "ng:" + iri.removeprefix(NS) if iri.startswith(NS) else iri


def iri_safe(text: str) -> str:
    """Percent-encode everything but unreserved characters: an id becomes a safe IRI segment."""
    out = []
    for ch in text:
        if ch.isalnum() and ch.isascii() or ch in "-._~":
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def resolve_location(location: str | os.PathLike[str] | None) -> str | None:
    """--store, else NEWSGRAPH_STORE, else ./data/store; ':memory:' for an in-memory store."""
    value = location if location is not None else os.environ.get("NEWSGRAPH_STORE", DEFAULT_STORE)
    return None if str(value) == ":memory:" else str(value)


class Store(Writes, GraphStore):
    """A newsgraph dataset over pyoxigraph. `Store(None)` is in memory; `Store(path)` on disk."""

    # a read-only handle's version, read once per snapshot: (the snapshot, its version)
    _read_version: tuple[ox.Store | None, str] = (None, "")

    def __init__(self, location: str | os.PathLike[str] | None = None) -> None:
        self.location = None if location is None else Path(location)
        try:
            if self.location is None:
                self._ox = ox.Store()
            else:
                self.location.mkdir(parents=True, exist_ok=True)
                self._ox = ox.Store(str(self.location))
        except OSError as exc:
            raise StoreError(
                f"cannot open the store at {self.location}: {exc}",
                hint="is another newsgraph process (a server or a load) using it? stop it or "
                "pass another --store",
            ) from exc
        self.read_only, self._stamp = False, None
        self._reopen = threading.Lock()
        self.ensure_schema()
        self._recover()

    @classmethod
    def open_read_only(cls, location: str | os.PathLike[str]) -> Store:
        """A read-only handle on an on-disk store: a snapshot of the store as it was when
        opened (reopen to see later loads). Query workers use it beside the server's own."""
        self = cls.__new__(cls)
        self.location, self.read_only = Path(location), True
        self._reopen = threading.Lock()
        self._stamp = self._stamp_now()
        self._ox = open_read_only(self.location)
        return self

    @classmethod
    def for_serving(cls, location: str | os.PathLike[str] | None) -> Store:
        """The store a server reads. On disk: brought up to date (schema, compaction) unless
        a load in another process holds it, then opened read-only, so loads may run while
        it serves; each request sees the last load published (`refresh`)."""
        if location is None:
            return cls(None)
        try:
            cls(location).settle()  # settle publishes; the handle and its lock go here
        except StoreError:
            if not is_store(location):
                raise
        return cls.open_read_only(location)

    def _stamp_now(self) -> tuple[int, int] | None:
        try:
            info = (self.location / STAMP).stat()
        except OSError:
            return None
        return info.st_ino, info.st_mtime_ns

    def stale(self) -> bool:
        """Whether a load in another process has published a version this read-only handle
        has not opened (a stat)."""
        return self.read_only and self._stamp_now() != self._stamp

    def refresh(self) -> bool:
        """A read-only handle reopens on the latest published version; True if it did.
        A stat per call; the reopen (milliseconds) only after a load."""
        if not self.stale():
            return False
        with self._reopen:
            stamp = self._stamp_now()
            if stamp == self._stamp:
                return False
            self._ox, self._stamp = open_read_only(self.location), stamp
        return True

    def publish(self) -> None:
        """Make what was written visible to read-only handles in other processes: flush the
        write-ahead log into tables (a reader then opens in milliseconds, not replaying it)
        and rewrite the stamp they watch. Atomic: a reader sees the old stamp or the new."""
        if self.location is None or self.read_only:
            return
        self._ox.flush()
        partial = self.location / (STAMP + ".part")
        partial.write_text(self.version(), encoding="ascii")
        os.replace(partial, self.location / STAMP)

    def settle(self) -> None:
        """Flush and compact now, so no background compaction rewrites files while read-only
        handles (the query workers) open them. Also makes queries faster."""
        if self.location is not None and not self.read_only:
            self._ox.flush()
            self._ox.optimize()
            self.publish()

    # ------------------------------------------------------------------ writing
    # ------------------------------------------------------------------ reading
    def query(self, sparql: str, substitutions: dict[ox.Variable, Any] | None = None,
              **options: Any) -> Any:
        """Run a SPARQL query with values bound as RDF terms (never pasted into the text)."""
        return run_query(self._ox, sparql, substitutions, **options)

    def named_graphs(self) -> Iterable[Any]:
        return self._ox.named_graphs()

    def quads(self, graph: ox.NamedNode) -> list[ox.Quad]:
        return list(self._ox.quads_for_pattern(None, None, None, graph))

    def __len__(self) -> int:
        return len(self._ox)

    def version(self) -> str:
        """A token that changes whenever anything is loaded (for ETags). A read-only handle
        is a snapshot: its version is read once per opening (a server asks it per request)."""
        snapshot = self._ox
        if self.read_only and self._read_version[0] is snapshot:
            return self._read_version[1]
        version = read_version(snapshot)
        if self.read_only:
            self._read_version = (snapshot, version)
        return version

    def dataset_quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Every quad of the dataset (or of one graph), the store's bookkeeping left out."""
        return (q for q in self._ox.quads_for_pattern(None, None, None, graph)
                if not is_internal(q.graph_name))

    def close(self) -> None:
        """Publish and let go of the store (and its lock); closing twice is harmless."""
        if hasattr(self, "_ox"):
            self.publish()
            del self._ox
