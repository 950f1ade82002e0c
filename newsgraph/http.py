"""The HTTP adapter: SPARQL 1.1 Protocol at /sparql, saved queries at /queries/{name}.

`create_app(store)` builds a fresh app around a store; nothing lives at module level. A
plain GET of a saved query goes around FastAPI's stack to the same handler (`fastpath.py`).
Queries never run on the event loop: they run in worker processes (`runners.QueryPool`),
and the loop waits on a worker's pipe; what else may take milliseconds (a reopen, a SPARQL
parse, a remote server's version, the evidence of `explain`) runs in a thread.
"""
from __future__ import annotations

import inspect
from collections.abc import Mapping
from contextlib import asynccontextmanager
from typing import Annotated, Any
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import Depends, FastAPI, Query, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from newsgraph import __version__
from newsgraph.errors import (
    ForbiddenQueryError,
    FormatError,
    NewsgraphError,
    QueryError,
    QueryTooLargeError,
    RateLimitError,
)
from newsgraph.explain import with_evidence
from newsgraph.fastpath import App, FastPath, Handler
from newsgraph.pages import add_pages
from newsgraph.ratelimit import RateLimiter, exempt
from newsgraph.runners import is_remote, make_runner
from newsgraph.safety import check_query
from newsgraph.savedqueries import SavedQueries, SavedQuery
from newsgraph.store import Store
from newsgraph.workers import Job, Limits

_OPENAPI_TYPES = {"string": {"type": "string"}, "name": {"type": "string"}, "iri": {"type": "string", "format": "iri"},
                  "date": {"type": "string", "format": "date"},
                  "integer": {"type": "integer"}, "year": {"type": "string", "pattern": r"^\d{4}$"}}


def _error(exc: NewsgraphError) -> JSONResponse:
    retry = getattr(exc, "retry_after", None)
    return JSONResponse({"error": exc.message, "hint": exc.hint}, status_code=exc.http_status,
                        headers={"Retry-After": str(retry)} if retry else None)


def create_app(store: Store, queries: SavedQueries | None = None,
               cors: list[str] | None = None, limits: Limits | None = None) -> FastAPI:
    """A fresh app around `store`. `cors`: origins allowed to GET (default every origin, as
    Oxigraph's --cors; [] for none). `limits`: deadlines, row cap, memory and worker count;
    an on-disk store gets a pool of killable worker processes (close it with
    `app.state.runner.close()`, or let the app's shutdown do it)."""
    queries, limits = queries or SavedQueries(), limits or Limits()
    store.settle()
    runner = make_runner(store, limits)

    @asynccontextmanager
    async def lifespan(app: FastAPI):  # noqa: ANN202
        yield
        runner.close()

    async def fresh() -> None:
        """Every route first takes up a version a load in another process has published:
        a stat per request on the event loop; the reopen (milliseconds) in a thread."""
        if store.stale():
            await run_in_threadpool(store.refresh)

    async def version() -> str:
        """An index lookup in the store here; a request of its own to a SPARQL server."""
        return await run_in_threadpool(store.version) if is_remote(store) else store.version()

    app = App(title="newsgraph", version=__version__, lifespan=lifespan,
              dependencies=[Depends(fresh)],
              description="People, roles, organizations, dated events and sourced "
              "statements from news articles, as RDF. Read-only SPARQL endpoint and saved "
              "queries.")
    origins = ["*"] if cors is None else cors
    if origins:
        app.add_middleware(CORSMiddleware, allow_origins=origins, allow_methods=["GET"])
    app.state.store, app.state.queries, app.state.runner = store, queries, runner
    limiter = RateLimiter(limits.rate) if limits.rate else None

    def take_share(request: Request) -> None:
        if limiter is not None and not exempt(request.scope["path"]):
            limiter.take(request.client.host if request.client else "unknown")

    if limiter is not None:
        @app.middleware("http")
        async def rate_limit(request: Request, call_next):  # noqa: ANN202
            try:
                take_share(request)
            except RateLimitError as exc:
                return _error(exc)
            return await call_next(request)

    @app.exception_handler(NewsgraphError)
    def handle(request: Request, exc: NewsgraphError) -> JSONResponse:
        return _error(exc)

    async def respond(request: Request, job: Job, deadline: float) -> Response:
        """Run `job` under the limits; 304 when the client's copy is current."""
        job.max_rows, job.version = limits.max_rows, await version()
        etag = f'"{job.version}"'
        if request.headers.get("if-none-match") == etag:
            return Response(status_code=304, headers={"ETag": etag})
        answer = await runner.run_async(job, deadline, gone=request.is_disconnected)
        headers = {"ETag": etag, "Vary": "Accept"}
        if answer.truncated:
            headers["Newsgraph-Truncated"] = str(limits.max_rows)
        return Response(answer.body, media_type=answer.media, headers=headers)

    async def run_sparql(request: Request, text: str | None, fmt: str | None,
                         dataset: dict[str, list[str]] | None = None) -> Response:
        if not text:
            return Response(SERVICE_DESCRIPTION.format(base=str(request.url).split("?")[0]),
                            media_type="text/turtle")
        cap = limits.max_get if request.method == "GET" else limits.max_post
        _check_size(len(text.encode("utf-8")), cap, request.method)
        await run_in_threadpool(check_query, text)  # a parse: milliseconds, off the loop
        job = Job(text, options=_dataset(dataset or {}), accept=request.headers.get("accept"),
                  fmt=fmt)
        return await respond(request, job, limits.timeout)

    @app.get("/sparql", tags=["sparql"], summary="SPARQL 1.1 query (GET)")
    async def sparql_get(request: Request, query: str | None = None,
                   format: str | None = None,  # noqa: A002
                   default_graph_uri: Annotated[list[str] | None,
                                                Query(alias="default-graph-uri")] = None,
                   named_graph_uri: Annotated[list[str] | None,
                                              Query(alias="named-graph-uri")] = None,
                   ) -> Response:
        return await run_sparql(request, query, format,
                                {"default-graph-uri": default_graph_uri or [],
                                 "named-graph-uri": named_graph_uri or []})

    @app.post("/sparql", tags=["sparql"], summary="SPARQL 1.1 query (POST form or body)")
    async def sparql_post(request: Request) -> Response:
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        dataset = {k: request.query_params.getlist(k) for k in DATASET_PARAMS}
        body = await _read_capped(request, 2 * limits.max_post)  # a form is URL-encoded
        if ctype == "application/sparql-query":
            text, fmt = body.decode("utf-8", "replace"), None
        elif ctype == "application/x-www-form-urlencoded":
            form = parse_qs(body.decode("utf-8", "replace"))
            if "update" in form:
                raise ForbiddenQueryError("SPARQL Update is refused: this endpoint is read-only",
                                          hint="load articles with 'newsgraph load'")
            text = (form.get("query") or [""])[0]
            fmt = (form.get("format") or [None])[0]
            dataset = {k: dataset[k] + form.get(k, []) for k in DATASET_PARAMS}
        else:
            raise QueryError(f"unsupported content type '{ctype}'",
                             hint="POST application/sparql-query or a form with query=")
        return await run_sparql(request, str(text or ""), fmt, dataset)

    @app.get("/queries", tags=["saved queries"], summary="List the saved queries")
    def list_queries() -> list[dict[str, Any]]:
        return [q.to_dict() for q in queries]

    async def saved(request: Request, q: SavedQuery, given: Mapping[str, Any],
                    fmt: str | None, explain: bool) -> Response:
        """A saved query's answer: the FastAPI route's and the fast path's (`fastpath.py`)."""
        params = {p.name: given[p.name] for p in q.parameters
                  if given.get(p.name) is not None}
        if explain and (fmt or "json") != "json":
            raise FormatError("explain=true gives SPARQL JSON results only",
                              hint="drop format= or ask for format=json")
        job = Job(q.text, substitutions=q.bindings(params),
                  accept=None if explain else request.headers.get("accept"),
                  fmt="json" if explain else fmt, name=q.name)
        response = await respond(request, job, limits.saved_timeout)
        if not explain or response.status_code != 200:
            return response
        body = await run_in_threadpool(with_evidence, store, queries, response.body)
        return Response(body,
                        media_type="application/sparql-results+json",
                        headers={k: v for k, v in response.headers.items()
                                 if k.lower() == "newsgraph-truncated"}
                        | {"ETag": f'"{job.version}-explain"'})

    async def admit(request: Request) -> None:
        take_share(request)
        await fresh()

    app.fast_path = FastPath(queries, saved, admit, _error, cors=bool(origins))
    for q in queries:
        app.add_api_route(f"/queries/{q.name}", _saved_endpoint(q, saved),
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

    @app.get("/.well-known/void", tags=["service"], summary="VoID description (Turtle)",
             response_class=Response)
    def void_description() -> Response:
        from newsgraph.void import void

        return Response(void(store), media_type="text/turtle")

    add_pages(app, store)
    return app


DATASET_PARAMS = ("default-graph-uri", "named-graph-uri")


async def _read_capped(request: Request, cap: int) -> bytes:
    """The request body, refused (413) as soon as it passes `cap` bytes: a client cannot
    make the server hold a huge body, declared or chunked."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit():
        _check_size(int(declared), cap, "POST")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        _check_size(size, cap, "POST")
        chunks.append(chunk)
    return b"".join(chunks)


def _check_size(size: int, cap: int, method: str) -> None:
    if size > cap:
        hint = "POST it (up to 64 KiB by default)" if method == "GET" else \
            "shorten it: bind values with a saved query's parameters instead of inlining them"
        raise QueryTooLargeError(f"the query is {size} bytes; {method} takes at most {cap}",
                                 hint=hint)


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


def _saved_endpoint(q: SavedQuery, saved: Handler):
    """The FastAPI route of a saved query: its parameters, typed for the OpenAPI document."""
    async def endpoint(request: Request, **values: Any) -> Response:
        fmt, explain = values.pop("format", None), values.pop("explain", False)
        return await saved(request, q, {p.name: values.get(f"p_{p.name}")
                                        for p in q.parameters}, fmt, explain)

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

