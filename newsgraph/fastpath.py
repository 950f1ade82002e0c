"""The saved queries' fast path: `GET /queries/{name}` answered by the same handler as the
FastAPI route, without the machinery around it.

A saved query is the request a client repeats (a person's timeline, a page of the web
client), and the server's own share of it is mostly the HTTP stack. FastAPI's middleware
stack (error, telemetry, body limit, CORS and exception layers, each wrapping `send`), its
dependency injection and its parameter models took a quarter of the server process's CPU
per timeline request (measured at 1M quads, wrk at c = 8: 0.58 ms through FastAPI, 0.42
through the fast path). So `App` hands the plain case to the fast path before FastAPI sees
it: a GET of a known saved query, without `explain=` and without an `Origin` header (a
browser's cross-origin request takes the full stack, and CORS answers it). Everything else
goes through FastAPI as before. The route, its OpenAPI operation and its docs stay
FastAPI's: the fast path only skips layers that add nothing to a plain GET, and
`tests/test_http.py` checks that both ways give the same answer, headers included.
"""
from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from newsgraph.errors import NewsgraphError
from newsgraph.savedqueries import SavedQueries, SavedQuery

PREFIX = "/queries/"
# (request, query, parameter values, format, explain) -> the response
Handler = Callable[[Request, SavedQuery, Mapping[str, Any], str | None, bool],
                   Awaitable[Response]]


@dataclass
class FastPath:
    queries: SavedQueries
    handler: Handler
    admit: Callable[[Request], Awaitable[None]]  # the rate limit, then a fresh store
    error: Callable[[NewsgraphError], Response]
    cors: bool  # CORS on: the full stack adds `Vary: Origin` to every answer

    def takes(self, scope: Scope) -> SavedQuery | None:
        """The saved query a request asks, when the fast path can answer it as FastAPI would."""
        if scope["type"] != "http" or scope["method"] != "GET" or scope.get("root_path"):
            return None
        path = scope["path"]
        if not path.startswith(PREFIX) or b"explain" in scope["query_string"]:
            return None
        if any(key == b"origin" for key, _ in scope["headers"]):
            return None
        return self.queries.find(path[len(PREFIX):])

    async def __call__(self, query: SavedQuery, scope: Scope, receive: Receive,
                       send: Send) -> None:
        request = Request(scope, receive)
        try:
            await self.admit(request)
            params = request.query_params
            response = await self.handler(request, query, params, params.get("format"),
                                          False)
        except NewsgraphError as exc:
            response = self.error(exc)
        if self.cors:
            response.headers["Vary"] = ", ".join([*response.headers.getlist("Vary"),
                                                  "Origin"])
        await response(scope, receive, send)


class App(FastAPI):
    """FastAPI, with the saved queries' fast path in front (`create_app` sets it)."""

    fast_path: FastPath | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.fast_path is not None and (query := self.fast_path.takes(scope)) is not None:
            await self.fast_path(query, scope, receive, send)
            return
        await super().__call__(scope, receive, send)
