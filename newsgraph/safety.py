"""What a read-only endpoint refuses, decided on the parsed query, not its text.

rdflib's SPARQL parser gives the syntax tree; `SERV\\u0049CE` and other escapes are
already decoded there. Refused: updates, SERVICE (federation: a request-forgery hole),
and FROM / FROM NAMED (both engines would fetch remote or file: IRIs).
"""
from __future__ import annotations

import threading
from functools import cache
from typing import Any

from newsgraph.errors import ForbiddenQueryError, QueryError

_LOCK = threading.Lock()


@cache
def _rdflib() -> Any:
    """rdflib's SPARQL parser and its node types, loaded at the first check (~0.3 s and
    ~10 MB once): a server that answers only saved queries never loads it. Called under
    the lock, with a first parse: rdflib's parser breaks if first used in parallel."""
    from pyparsing import ParseResults
    from rdflib.plugins.sparql import parser, parserutils

    parser.parseQuery("ASK { ?s ?p ?o }")
    return parser, parserutils.CompValue, ParseResults


def _walk(node: Any, containers: tuple, branches: tuple):
    yield node
    if isinstance(node, containers):
        for value in node.values():
            yield from _walk(value, containers, branches)
    elif isinstance(node, branches):
        for value in node:
            yield from _walk(value, containers, branches)


def check_query(text: str) -> None:
    with _LOCK:
        parser, node_type, results_type = _rdflib()
        try:
            tree = parser.parseQuery(text)
        except Exception as exc:  # noqa: BLE001 - the parser raises pyparsing's own errors
            try:
                parser.parseUpdate(text)
            except Exception:  # noqa: BLE001
                raise QueryError(f"the query does not parse: {exc}",
                                 hint="check the SPARQL syntax at the position given") from exc
            raise ForbiddenQueryError("SPARQL Update is refused: this endpoint is read-only",
                                      hint="load articles with 'newsgraph load'") from exc
    for node in _walk(tree, (dict, node_type), (list, tuple, results_type)):
        if isinstance(node, node_type):
            if node.name == "ServiceGraphPattern":
                raise ForbiddenQueryError("SERVICE (federated query) is refused",
                                          hint="query this store only")
            if node.name == "DatasetClause":
                raise ForbiddenQueryError("FROM / FROM NAMED are refused",
                                          hint="use GRAPH <iri> { ... } over the store's graphs")
