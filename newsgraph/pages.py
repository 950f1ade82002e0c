"""The web page: one HTML shell and its script and style, served from the package (no CDN),
at /, /people/{id}, /orgs/{id}, /articles/{id}, /graph and /editor. The script reads the
same JSON the API gives (/queries/{name}, /sparql); the one extra route, /api/articles/{id},
gives an article's cleaned text with its facts placed at their evidence spans."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from newsgraph.explain import article_view
from newsgraph.store import Store

WEB = Path(__file__).resolve().parent / "web"
PAGES = ("/", "/people/{ident}", "/orgs/{ident}", "/articles/{ident}", "/graph", "/editor")


def add_pages(app: FastAPI, store: Store) -> None:
    app.mount("/static", StaticFiles(directory=WEB), name="static")

    def shell() -> FileResponse:
        return FileResponse(WEB / "index.html", media_type="text/html")

    for path in PAGES:
        app.add_api_route(path, shell, methods=["GET"], include_in_schema=False,
                          name=f"page_{path.strip('/').split('/')[0] or 'home'}")

    @app.get("/api/articles/{article_id}", tags=["pages"],
             summary="An article's cleaned text, with every fact at its evidence span")
    def article(article_id: str) -> dict[str, Any]:
        return article_view(store, article_id)
