"""newsgraph: news articles in, an ontology-backed knowledge graph out, saved SPARQL queries on top.

A library first: `Store` holds the graph, `load_paths` turns articles into it,
`SavedQueries` runs the `.rq` files. The CLI (`cli.py`) and the HTTP app
(`http.py`, `create_app`) are thin adapters over these.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from newsgraph.errors import NewsgraphError

__version__ = "0.1.0"
_LAZY = {"Store": "newsgraph.store", "load_paths": "newsgraph.ingest",
         "LoadReport": "newsgraph.ingest", "SavedQueries": "newsgraph.savedqueries",
         "SavedQuery": "newsgraph.savedqueries", "run_saved": "newsgraph.savedqueries"}
__all__ = ["NewsgraphError", *_LAZY]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(name)
