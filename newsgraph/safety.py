"""What a read-only endpoint refuses, decided on the parsed query, not its text.

rdflib's SPARQL parser gives the syntax tree; `SERV\\u0049CE` and other escapes are
already decoded there. Refused: updates, SERVICE (federation: a request-forgery hole),
and FROM / FROM NAMED (both engines would fetch remote or file: IRIs).
"""
from __future__ import annotations

import threading
from typing import Any

from pyparsing import ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from newsgraph.errors import ForbiddenQueryError, QueryError

_LOCK = threading.Lock()


def warm_up() -> None:
    """Parse once before threads do: rdflib's parser breaks if first used in parallel."""
    with _LOCK:
        parseQuery("ASK { ?s ?p ?o }")


def _walk(node: Any):
    yield node
    if isinstance(node, dict | CompValue):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, list | tuple | ParseResults):
        for value in node:
            yield from _walk(value)


def check_query(text: str) -> None:
    with _LOCK:
        try:
            tree = parseQuery(text)
        except Exception as exc:  # noqa: BLE001 - the parser raises pyparsing's own errors
            try:
                parseUpdate(text)
            except Exception:  # noqa: BLE001
                raise QueryError(f"the query does not parse: {exc}",
                                 hint="check the SPARQL syntax at the position given") from exc
            raise ForbiddenQueryError("SPARQL Update is refused: this endpoint is read-only",
                                      hint="load articles with 'newsgraph load'") from exc
    for node in _walk(tree):
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                raise ForbiddenQueryError("SERVICE (federated query) is refused",
                                          hint="query this store only")
            if node.name == "DatasetClause":
                raise ForbiddenQueryError("FROM / FROM NAMED are refused",
                                          hint="use GRAPH <iri> { ... } over the store's graphs")
