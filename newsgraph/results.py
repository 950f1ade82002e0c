"""Query results in the SPARQL 1.1 result formats, and graphs in RDF formats."""
from __future__ import annotations

import json
import re
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


# characters XML 1.0 cannot carry, not even as &#x1; references
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_safe(body: bytes) -> bytes:
    """An XML body well-formed whatever the literals hold: each character XML 1.0 cannot
    carry becomes U+FFFD (JSON, CSV and the RDF text formats keep them, escaped)."""
    text = body.decode("utf-8")
    return _NOT_XML.sub("\ufffd", text).encode("utf-8") if _NOT_XML.search(text) else body


def serialize(result: Any, fmt: str) -> bytes:
    """SELECT/ASK in json|xml|csv|tsv; CONSTRUCT/DESCRIBE in turtle|ntriples|...|xml."""
    k = kind(result)
    if k in ("select", "ask"):
        if fmt not in SELECT_FORMATS:
            raise FormatError(f"a {k.upper()} result cannot be written as '{fmt}'",
                              hint="use json, xml, csv or tsv")
        body = result.serialize(format=SELECT_FORMATS[fmt])
    elif fmt not in GRAPH_FORMATS:
        raise FormatError(f"a graph result cannot be written as '{fmt}'",
                          hint="use " + ", ".join(GRAPH_FORMATS))
    else:
        body = ox.serialize(result, format=GRAPH_FORMATS[fmt])
    return xml_safe(body) if fmt == "xml" else body


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
    return Rows(variables, [list(solution) for solution in result])  # in variable order


def term_text(term: Any) -> str:
    return "" if term is None else term.value


XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _json_term(term: Any) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Triple):
        return {"type": "triple", "value": {"subject": _json_term(term.subject),
                                            "predicate": _json_term(term.predicate),
                                            "object": _json_term(term.object)}}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD_STRING:
        out["datatype"] = term.datatype.value
    return out


def render_capped(result: Any, fmt: str, max_rows: int) -> tuple[bytes, bool]:
    """(body, truncated): at most `max_rows` solutions or triples are read from the engine,
    so a huge result stops being evaluated at the cap. SELECT rows are written as SPARQL
    JSON, then re-serialized by pyoxigraph for the other result formats."""
    k = kind(result)
    if k == "ask":
        return render(result, fmt), False
    rows: list[Any] = []
    message = None
    try:
        for item in result:
            if len(rows) == max_rows:
                break
            rows.append(item)
        else:
            max_rows = -1  # the whole result fitted
        variables = [v.value for v in result.variables] if k == "select" else []
    except (OSError, RuntimeError, ValueError, SyntaxError) as exc:
        message = str(exc)
    finally:
        del result
    if message is not None:
        raise QueryError(f"the query failed while it ran: {message}")
    truncated = max_rows >= 0
    if k == "graph":
        return serialize(rows, fmt), truncated  # a list of triples: written as a graph
    # a solution's values in the order of its variables (`list(s)`: a lookup by name,
    # `s[v]`, costs ten times more, two thirds of a person's timeline's rendering)
    bindings = [{v: _json_term(x) for v, x in zip(variables, s, strict=True) if x is not None}
                for s in rows]
    body = json.dumps({"head": {"vars": variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False).encode("utf-8")
    if fmt == "json":
        return body, truncated
    parsed = ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
    return serialize(parsed, fmt), truncated
