"""A store on a SPARQL server (Oxigraph server, Fuseki, GraphDB, Virtuoso ...): the same
named graphs, saved queries and loads as the embedded store, over the SPARQL protocol.

Queries go through SPARQLWrapper and come back as pyoxigraph results (SPARQL JSON parsed
by pyoxigraph), so everything above the store is unchanged. Each article's graph is
replaced in one request (SPARQL Update: drop + insert + names index + version; or a Graph
Store Protocol PUT), so a reload is idempotent and a reader sees the old graph or the new.
Credentials come from NEWSGRAPH_STORE_USER and NEWSGRAPH_STORE_PASSWORD, never from the
command line.
"""
from __future__ import annotations

import ast
import base64
import os
import socket
import time
import tomllib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from SPARQLWrapper import POST, SELECT, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from newsgraph.bindings import with_values
from newsgraph.errors import ParameterError, QueryError, QueryTimeoutError, StoreError
from newsgraph.graphstore import (
    HASH,
    KEY,
    META_GRAPH,
    NAMES_GRAPH,
    STORE_NODE,
    VERSION,
    GraphStore,
    is_internal,
)
from newsgraph.store import PREFIXES
from newsgraph.updates import bump, patch_update

ENGINES: dict[str, dict[str, Any]] = tomllib.loads(
    Path(__file__).with_name("engines.toml").read_text(encoding="utf-8"))
_PROLOGUE = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_AUTH_HINT = "set NEWSGRAPH_STORE_USER and NEWSGRAPH_STORE_PASSWORD in the environment"
# status -> (error class, what it means, what to do next)
_STATUS = {
    400: (QueryError, "refused the request as malformed", "check the query"),
    401: (StoreError, "wants credentials", _AUTH_HINT),
    403: (StoreError, "refused the credentials or the operation", _AUTH_HINT),
    404: (StoreError, "has no such endpoint", "check --store and --engine, or give "
          "--query-url/--update-url/--gsp-url"),
    413: (StoreError, "found the request too large", "use --remote-write gsp, or the "
          "engine's own bulk loader"),
}
_SERVER_FAULT = (StoreError, "failed", "see the server's log, then run the command again "
                 "(each article's graph is replaced whole)")


def is_url(location: Any) -> bool:
    return isinstance(location, str) and location.startswith(("http://", "https://"))


@dataclass(frozen=True)
class Endpoint:
    """Where a SPARQL server answers queries, updates and Graph Store requests."""

    base: str
    query: str
    update: str
    store: str
    engine: str = "oxigraph"
    union: dict[str, str] = field(default_factory=dict)
    write: str = "update"

    @classmethod
    def of(cls, url: str, engine: str = "oxigraph", query: str | None = None,
           update: str | None = None, store: str | None = None,
           write: str | None = None) -> Endpoint:
        if engine not in ENGINES:
            raise ParameterError(f"--engine: unknown engine '{engine}'",
                                 hint="use one of " + ", ".join(ENGINES))
        if write not in (None, "update", "gsp"):
            raise ParameterError(f"--remote-write must be update or gsp, not '{write}'")
        profile, base = ENGINES[engine], url.rstrip("/")
        urls = {k: (given or profile[k].format(base=base))
                for k, given in (("query", query), ("update", update), ("store", store))}
        return cls(base=base, engine=engine, union=dict(profile["union"]),
                   write=write or profile["write"], **urls)


def _auth_headers() -> dict[str, str]:
    """HTTP basic auth from NEWSGRAPH_STORE_USER / NEWSGRAPH_STORE_PASSWORD, if set."""
    user = os.environ.get("NEWSGRAPH_STORE_USER")
    if not user:
        return {}
    pair = f"{user}:{os.environ.get('NEWSGRAPH_STORE_PASSWORD') or ''}".encode()
    return {"Authorization": "Basic " + base64.b64encode(pair).decode("ascii")}


def _http_error(status: int, body: bytes, url: str) -> Exception:
    cls, meaning, hint = _STATUS.get(status, _SERVER_FAULT)
    said = body.decode("utf-8", "replace").strip().splitlines()
    detail = f": {said[0][:300]}" if said else ""
    return cls(f"the store at {url} {meaning} (HTTP {status}){detail}", hint=hint)


def _unreachable(exc: Exception, url: str) -> Exception:
    if isinstance(exc, TimeoutError | socket.timeout) or "timed out" in str(exc):
        return QueryTimeoutError(f"the store at {url} did not answer in time",
                                 hint="narrow the query, or raise the deadline")
    reason = getattr(exc, "reason", exc)
    return StoreError(f"cannot reach the store at {url}: {reason}",
                      hint="start the server, or check --store (nothing was changed)")


def _wrapper_error(exc: SPARQLWrapperException, url: str) -> Exception:
    """SPARQLWrapper keeps the status only in its class and the body only in its text."""
    status = {"QueryBadFormed": 400, "Unauthorized": 401, "EndPointNotFound": 404,
              "URITooLong": 414, "EndPointInternalError": 500}.get(type(exc).__name__, 500)
    text = str(exc).split("Response:\n", 1)
    try:
        body = ast.literal_eval(text[1]) if len(text) == 2 else b""
    except (ValueError, SyntaxError):
        body = text[-1].encode()
    return _http_error(status, body if isinstance(body, bytes) else str(body).encode(), url)


def _line(q: ox.Quad | ox.Triple) -> str:
    return f"{q.subject} {q.predicate} {q.object} .\n"


class RemoteStore(GraphStore):
    """newsgraph's store on a SPARQL server. `schema=True` (loads) brings the ontology and
    registry graphs up to date there; readers leave the server as it is."""

    location = None
    read_only = False

    def __init__(self, endpoint: Endpoint, timeout: float = 60.0, schema: bool = False) -> None:
        self.endpoint, self.timeout = endpoint, timeout
        if schema:
            self.ensure_schema()

    def __repr__(self) -> str:
        return f"RemoteStore({self.endpoint.base!r}, engine={self.endpoint.engine!r})"

    # ------------------------------------------------------------------ the protocol
    def query(self, sparql: str, substitutions: dict[ox.Variable, Any] | None = None,
              **options: Any) -> Any:
        """SELECT/ASK as pyoxigraph QuerySolutions/QueryBoolean, CONSTRUCT as a list of
        triples. Options: use_default_graph_as_union, default_graph, named_graphs, timeout."""
        wrapper = SPARQLWrapper(self.endpoint.query)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)
        wrapper.setQuery(_PROLOGUE + with_values(sparql, substitutions))
        wrapper.queryType = SELECT  # never let its keyword sniffing pick the update URL
        wrapper.addCustomHttpHeader("Accept", _ACCEPT)
        wrapper.setTimeout(max(1, round(options.get("timeout") or self.timeout)))
        for name, value in _auth_headers().items():
            wrapper.addCustomHttpHeader(name, value)
        for name, value in self._dataset_params(options):
            wrapper.addParameter(name, value)
        try:
            response = wrapper.query().response
            body, media = response.read(), response.headers.get("Content-Type", "")
        except SPARQLWrapperException as exc:
            raise _wrapper_error(exc, self.endpoint.query) from None
        except urllib.error.HTTPError as exc:
            raise _http_error(exc.code, exc.read(), self.endpoint.query) from None
        except (urllib.error.URLError, OSError) as exc:
            raise _unreachable(exc, self.endpoint.query) from None
        try:
            if "n-triples" in media or "turtle" in media:
                return list(ox.parse(body, format=ox.RdfFormat.TURTLE))
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            raise StoreError(f"the store at {self.endpoint.query} answered something that is "
                             f"not SPARQL results ({media}): {exc}",
                             hint="check --store and --engine") from None

    def _dataset_params(self, options: dict[str, Any]) -> Iterator[tuple[str, str]]:
        for option, param in (("default_graph", "default-graph-uri"),
                              ("named_graphs", "named-graph-uri")):
            for node in options.get(option) or []:
                yield param, node.value
        if options.get("use_default_graph_as_union"):
            yield from self.endpoint.union.items()

    def _send(self, method: str, url: str, body: str, media: str) -> None:
        request = urllib.request.Request(url, data=body.encode("utf-8"), method=method,
                                         headers={"Content-Type": media, **_auth_headers()})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as exc:
            raise _http_error(exc.code, exc.read(), url) from None
        except (urllib.error.URLError, OSError) as exc:
            raise _unreachable(exc, url) from None

    def update(self, text: str) -> None:
        self._send("POST", self.endpoint.update, _PROLOGUE + text,
                   "application/sparql-update; charset=utf-8")

    # ------------------------------------------------------------------ the primitives
    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> int:
        """One request replaces the graph (update mode also indexes its names and bumps the
        version in the same request; gsp mode does those in a second)."""
        quads = list(quads)
        names = "".join(_line(q) for q in quads if q.predicate == KEY)
        bump = (f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ {STORE_NODE} {VERSION} ?v }} }} ;\n"
                f"INSERT DATA {{ GRAPH {META_GRAPH} {{ {STORE_NODE} {VERSION} "
                f"\"{time.time_ns()}\" }} GRAPH {NAMES_GRAPH} {{\n{names}}} }}")
        if self.endpoint.write == "gsp":
            url = f"{self.endpoint.store}?graph={urllib.parse.quote(graph.value, safe='')}"
            self._send("PUT", url, "".join(map(_line, quads)), "application/n-triples")
            self.update(bump)
        else:
            self.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n"
                        + "".join(map(_line, quads)) + "} } ;\n" + bump)
        return len(quads)

    def remove_graph(self, graph: ox.NamedNode) -> None:
        self.update(f"DROP SILENT GRAPH {graph}")

    def _patch(self, graph: ox.NamedNode, drop: list[bytes], add: list[bytes]) -> None:
        """One request deletes and inserts the lines and bumps the version."""
        self.update(patch_update(graph, drop, add) + " ;\n" + bump())

    def named_graphs(self) -> list[ox.NamedNode]:
        return [s["g"] for s in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }")]

    def _stored_hash(self, graph: ox.NamedNode) -> str | None:
        rows = self.query(f"SELECT ?h WHERE {{ GRAPH {META_GRAPH} {{ ?graph {HASH} ?h }} }}",
                          {ox.Variable("graph"): graph})
        return next((s["h"].value for s in rows), None)

    def _set_hash(self, graph: ox.NamedNode, old: str | None, new: str) -> None:
        self.update(f"DELETE WHERE {{ GRAPH {META_GRAPH} {{ {graph} {HASH} ?h }} }} ;\n"
                    f"INSERT DATA {{ GRAPH {META_GRAPH} {{ {graph} {HASH} {ox.Literal(new)} }} }}")

    # ------------------------------------------------------------------ reading
    def version(self) -> str:
        rows = self.query(
            f"SELECT ?v WHERE {{ GRAPH {META_GRAPH} {{ {STORE_NODE} {VERSION} ?v }} }}")
        return next((s["v"].value for s in rows), "0")

    def quads(self, graph: ox.NamedNode) -> list[ox.Quad]:
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                          {ox.Variable("g"): graph})
        return [ox.Quad(s["s"], s["p"], s["o"], graph) for s in rows]

    def dataset_quads(self, graph: ox.NamedNode | None = None) -> Iterator[ox.Quad]:
        """Every quad of the dataset (or of one graph), the store's bookkeeping left out."""
        if graph is not None:
            return iter(self.quads(graph))
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        return (ox.Quad(s["s"], s["p"], s["o"], s["g"]) for s in rows
                if not is_internal(s["g"]))

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return next((int(s["n"].value) for s in rows), 0)

    # the embedded store's lifecycle, which a server handles itself
    def stale(self) -> bool:
        return False

    def refresh(self) -> bool:
        return False

    def publish(self) -> None:
        return None

    def settle(self) -> None:
        return None

    def close(self) -> None:
        return None
