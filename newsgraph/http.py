"""The HTTP adapter: SPARQL 1.1 Protocol at /sparql, saved queries at /queries/{name}.

`create_app(store)` builds a fresh app around a store; nothing lives at module level.
Handlers are plain `def`s, so FastAPI runs each query in its worker threads, off the
event loop (pyoxigraph releases the GIL while it evaluates).
"""
from __future__ import annotations

import inspect
from typing import Annotated, Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import FastAPI, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, JSONResponse, Response

from newsgraph import __version__
from newsgraph.errors import ForbiddenQueryError, FormatError, NewsgraphError, QueryError
from newsgraph.explain import with_evidence
from newsgraph.ingest import run_saved
from newsgraph.results import kind, render
from newsgraph.safety import check_query, warm_up
from newsgraph.savedqueries import SavedQueries, SavedQuery
from newsgraph.store import Store

# media type -> format name, per result kind; the first is the default
RESULT_TYPES = {
    "select": {"application/sparql-results+json": "json", "application/json": "json",
               "application/sparql-results+xml": "xml", "application/xml": "xml",
               "text/csv": "csv", "text/tab-separated-values": "tsv"},
    "graph": {"text/turtle": "turtle", "application/n-triples": "ntriples",
              "application/n-quads": "nquads", "application/trig": "trig",
              "application/ld+json": "jsonld", "application/rdf+xml": "xml"},
}
RESULT_TYPES["ask"] = RESULT_TYPES["select"]
_OPENAPI_TYPES = {"string": {"type": "string"}, "name": {"type": "string"}, "iri": {"type": "string", "format": "iri"},
                  "date": {"type": "string", "format": "date"},
                  "integer": {"type": "integer"}, "year": {"type": "string", "pattern": r"^\d{4}$"}}


def negotiate(accept: str | None, result_kind: str, fmt: str | None = None) -> tuple[str, str]:
    """(format name, media type) for an Accept header with q-values, or an explicit format."""
    table = RESULT_TYPES[result_kind]
    if fmt:
        for media, name in table.items():
            if name == fmt:
                return name, media
        raise FormatError(f"format '{fmt}' is not available for a {result_kind} result",
                          hint="use one of " + ", ".join(sorted(set(table.values()))))
    ranges = []
    for index, part in enumerate((accept or "*/*").split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        ranges.append((-q, index, media.lower()))
    for neg_q, _, media in sorted(ranges):
        if neg_q == 0:
            continue
        if media in table:
            return table[media], media
        if media in ("*/*", "application/*", "text/*"):
            first = next(m for m in table if media == "*/*" or m.startswith(media[:-1]))
            return table[first], first
    raise FormatError(f"cannot produce any of: {accept}",
                      hint="accept one of " + ", ".join(table))


def _error(exc: NewsgraphError) -> JSONResponse:
    return JSONResponse({"error": exc.message, "hint": exc.hint}, status_code=exc.http_status)


def create_app(store: Store, queries: SavedQueries | None = None,
               cors: list[str] | None = None) -> FastAPI:
    """A fresh app around `store`. `cors`: origins allowed to GET (default every origin, as
    Oxigraph's --cors; [] for none)."""
    queries = queries or SavedQueries()
    warm_up()
    app = FastAPI(title="newsgraph", version=__version__,
                  description="People, roles, organizations, dated events and sourced "
                  "statements from news articles, as RDF. Read-only SPARQL endpoint and saved "
                  "queries.")
    origins = ["*"] if cors is None else cors
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET"])
    app.state.store, app.state.queries = store, queries

    @app.exception_handler(NewsgraphError)
    def handle(request: Request, exc: NewsgraphError) -> JSONResponse:
        return _error(exc)

    def respond(request: Request, result: Any, fmt: str | None) -> Response:
        etag = f'"{store.version()}"'
        try:
            name, media = negotiate(request.headers.get("accept"), kind(result), fmt)
        except FormatError as exc:
            error = exc
        else:
            error = None
        if error is not None:  # drop the thread-bound result here, before the error travels
            del result
            raise error
        if request.headers.get("if-none-match") == etag:
            del result
            return Response(status_code=304, headers={"ETag": etag})
        return Response(render(result, name), media_type=media,
                        headers={"ETag": etag, "Vary": "Accept"})

    def run_sparql(request: Request, text: str | None, fmt: str | None,
                   dataset: dict[str, list[str]] | None = None) -> Response:
        if not text:
            return Response(SERVICE_DESCRIPTION.format(base=str(request.url).split("?")[0]),
                            media_type="text/turtle")
        check_query(text)
        return respond(request, store.query(text, **_dataset(dataset or {})), fmt)

    @app.get("/sparql", tags=["sparql"], summary="SPARQL 1.1 query (GET)")
    def sparql_get(request: Request, query: str | None = None,
                   format: str | None = None,  # noqa: A002
                   default_graph_uri: Annotated[list[str] | None,
                                                Query(alias="default-graph-uri")] = None,
                   named_graph_uri: Annotated[list[str] | None,
                                              Query(alias="named-graph-uri")] = None,
                   ) -> Response:
        return run_sparql(request, query, format, {"default-graph-uri": default_graph_uri or [],
                                                   "named-graph-uri": named_graph_uri or []})

    @app.post("/sparql", tags=["sparql"], summary="SPARQL 1.1 query (POST form or body)")
    async def sparql_post(request: Request) -> Response:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        dataset = {k: request.query_params.getlist(k) for k in DATASET_PARAMS}
        if ctype == "application/sparql-query":
            text, fmt = (await request.body()).decode("utf-8", "replace"), None
        elif ctype == "application/x-www-form-urlencoded":
            form = parse_qs((await request.body()).decode("utf-8", "replace"))
            if "update" in form:
                raise ForbiddenQueryError("SPARQL Update is refused: this endpoint is read-only",
                                          hint="load articles with 'newsgraph load'")
            text = (form.get("query") or [""])[0]
            fmt = (form.get("format") or [None])[0]
            dataset = {k: dataset[k] + form.get(k, []) for k in DATASET_PARAMS}
        else:
            raise QueryError(f"unsupported content type '{ctype}'",
                             hint="POST application/sparql-query or a form with query=")
        from starlette.concurrency import run_in_threadpool

        return await run_in_threadpool(run_sparql, request, str(text or ""), fmt, dataset)

    @app.get("/queries", tags=["saved queries"], summary="List the saved queries")
    def list_queries() -> list[dict[str, Any]]:
        return [q.to_dict() for q in queries]

    for q in queries:
        app.add_api_route(f"/queries/{q.name}", _saved_endpoint(q, store, queries, respond),
                          methods=["GET"], tags=["saved queries"], summary=q.summary,
                          description=q.description, name=f"query_{q.name}",
                          operation_id=f"query_{q.name}")

    @app.get("/queries/{name}", tags=["saved queries"], include_in_schema=False)
    def unknown_query(name: str) -> Response:
        return _error(queries.get(name) and QueryError("unreachable"))  # raises UnknownQuery

    @app.get("/health", tags=["service"], summary="Liveness and store size")
    def health() -> dict[str, Any]:
        return {"status": "ok", "quads": len(store), "articles": len(store.article_graphs()),
                "version": store.version()}

    @app.get("/", include_in_schema=False)
    def index() -> HTMLResponse:
        items = "".join(f'<li><a href="/queries/{q.name}">{q.name}</a>: {q.summary}</li>'
                        for q in queries)
        return HTMLResponse(INDEX.format(items=items, version=__version__))

    return app


DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")


def _dataset(params: dict[str, list[str]]) -> dict[str, Any]:
    """SPARQL protocol dataset parameters as pyoxigraph query options. Without any, the
    default graph is the union of all graphs (Oxigraph's --union-default-graph), so plain
    triple patterns see every article."""
    options: dict[str, Any] = {}
    for param, option in zip(DATASET_PARAMS, ("default_graph", "named_graphs"), strict=True):
        iris = params.get(param) or []
        try:
            nodes = [ox.NamedNode(iri) for iri in iris]
        except ValueError as exc:
            raise QueryError(f"{param}: {exc}", hint="give absolute IRIs, e.g. "
                             "https://w3id.org/newsgraph/graph/<article id>") from exc
        if nodes:
            options[option] = nodes
    if not options:
        options["use_default_graph_as_union"] = True
    return options


def _saved_endpoint(q: SavedQuery, store: Store, queries: SavedQueries, respond):
    def endpoint(request: Request, **values: Any) -> Response:
        fmt, explain = values.pop("format", None), values.pop("explain", False)
        params = {p.name: values[f"p_{p.name}"] for p in q.parameters
                  if values.get(f"p_{p.name}") is not None}
        if explain and (fmt or "json") != "json":
            raise FormatError("explain=true gives SPARQL JSON results only",
                              hint="drop format= or ask for format=json")
        # results are passed on, never kept here: pyoxigraph results must die in this thread,
        # and a local would live on in the traceback of an error raised below
        if not explain:
            return respond(request, run_saved(store, queries, q.name, params), fmt)
        body = with_evidence(store, queries, render(run_saved(store, queries, q.name, params),
                                                    "json"))
        return Response(body, media_type="application/sparql-results+json",
                        headers={"ETag": f'"{store.version()}-explain"'})

    signature = [inspect.Parameter("request", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                   annotation=Request)]
    for p in q.parameters:
        signature.append(inspect.Parameter(
            f"p_{p.name}", inspect.Parameter.KEYWORD_ONLY, annotation=str | None,
            default=Query(p.default, alias=p.name, description=f"{p.type}"
                          + (" (required)" if p.required and p.default is None else ""),
                          examples=[p.example] if p.example else None,
                          json_schema_extra=_OPENAPI_TYPES[p.type])))
    signature.append(inspect.Parameter(
        "explain", inspect.Parameter.KEYWORD_ONLY, annotation=bool,
        default=Query(False, description="add an evidence column: for each fact in the row, "
                      "its article, publisher, date, quote and span (rdf:JSON; JSON only)")))
    signature.append(inspect.Parameter("format", inspect.Parameter.KEYWORD_ONLY,
                                       annotation=str | None,
                                       default=Query(None, description="json|xml|csv|tsv")))
    endpoint.__signature__ = inspect.Signature(signature)  # type: ignore[attr-defined]
    endpoint.__name__ = f"query_{q.name}"
    return endpoint


SERVICE_DESCRIPTION = """@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
<{base}> a sd:Service ;
    sd:endpoint <{base}> ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat <http://www.w3.org/ns/formats/SPARQL_Results_JSON>,
        <http://www.w3.org/ns/formats/SPARQL_Results_XML>, <http://www.w3.org/ns/formats/SPARQL_Results_CSV>,
        <http://www.w3.org/ns/formats/SPARQL_Results_TSV>, <http://www.w3.org/ns/formats/Turtle>,
        <http://www.w3.org/ns/formats/N-Triples> ;
    sd:defaultDataset [ a sd:Dataset ] .
"""

INDEX = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>newsgraph</title>
<style>body{{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;line-height:1.5}}</style>
</head><body><h1>newsgraph {version}</h1>
<p>People, roles, organizations, dated events and sourced statements from news articles.</p>
<ul><li><a href="/sparql">/sparql</a>: SPARQL 1.1 endpoint (GET ?query= or POST)</li>
<li><a href="/queries">/queries</a>: the saved queries</li>
<li><a href="/docs">/docs</a>: OpenAPI documentation</li></ul>
<h2>Saved queries</h2><ul>{items}</ul></body></html>
"""
