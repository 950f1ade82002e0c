"""Query results in the SPARQL 1.1 result formats, and graphs in RDF formats."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import FormatError, QueryError

SELECT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "jsonld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}


@dataclass
class Rows:
    """A materialized SELECT result: variables and rows of RDF terms (None when unbound)."""

    variables: list[str]
    rows: list[list[Any]]


def kind(result: Any) -> str:
    if isinstance(result, ox.QuerySolutions):
        return "select"
    if isinstance(result, ox.QueryBoolean):
        return "ask"
    return "graph"


def serialize(result: Any, fmt: str) -> bytes:
    """SELECT/ASK in json|xml|csv|tsv; CONSTRUCT/DESCRIBE in turtle|ntriples|...|xml."""
    k = kind(result)
    if k in ("select", "ask"):
        if fmt not in SELECT_FORMATS:
            raise FormatError(f"a {k.upper()} result cannot be written as '{fmt}'",
                              hint="use json, xml, csv or tsv")
        return result.serialize(format=SELECT_FORMATS[fmt])
    if fmt not in GRAPH_FORMATS:
        raise FormatError(f"a graph result cannot be written as '{fmt}'",
                          hint="use " + ", ".join(GRAPH_FORMATS))
    return ox.serialize(result, format=GRAPH_FORMATS[fmt])


def render(result: Any, fmt: str) -> bytes:
    """Serialize in the calling thread and drop the result there (pyoxigraph results are
    bound to their thread); evaluation errors become a QueryError with no live reference."""
    message = None
    try:
        return serialize(result, fmt)
    except FormatError:
        raise
    except (OSError, RuntimeError, ValueError, SyntaxError) as exc:
        message = str(exc)
    finally:
        del result
    raise QueryError(f"the query failed while it ran: {message}")


def materialize(result: ox.QuerySolutions) -> Rows:
    variables = [v.value for v in result.variables]
    return Rows(variables, [[solution[v] for v in variables] for solution in result])


def term_text(term: Any) -> str:
    return "" if term is None else term.value
