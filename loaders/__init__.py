"""Loaders: news articles in, RDF quads out.

Stages, each a module: `manifest` (which articles, with what metadata), `decode` and
`clean` (debris out, with a map back to offsets in the original file, and the text
folded for matching by `fold`, which also makes the name keys), `lang`, then
`mentions` (people and organizations, via the `registry`), `dates`, `extract` (roles,
events, statements) and `rdf` (quads with evidence and rule ids). `pipeline` runs them.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

_LAZY = {"Source": "loaders.manifest", "read_sources": "loaders.manifest",
         "ArticleResult": "loaders.pipeline", "process": "loaders.pipeline"}
__all__ = list(_LAZY)


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(name)
