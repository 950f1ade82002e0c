"""Hostile input at the endpoint: queries that would fetch, write, or run for ever, and
parameter values that try to become SPARQL. Each is refused or stopped within its
deadline + 1 s, the server answers a normal query right after, and nothing is changed."""
from __future__ import annotations

import time

import pytest
from fastapi.testclient import TestClient

from newsgraph.errors import ParameterError
from newsgraph.http import create_app
from newsgraph.results import materialize
from newsgraph.savedqueries import SavedQueries, run_saved
from newsgraph.workers import Limits

DEADLINE = 2.0
PEOPLE = "SELECT DISTINCT ?p WHERE { GRAPH ?g { ?p a ng:Person } }"
ANY = "(<a:p>|!<a:p>)*"
HOSTILE = {  # name: (query, statuses it may get, words of the error)
    "service-loopback": ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                         {403}, "SERVICE"),
    "service-file": ("SELECT * WHERE { SERVICE <file:///etc/passwd> { ?s ?p ?o } }",
                     {403}, "SERVICE"),
    "service-escaped": ("SELECT * WHERE { SERV\\u0049CE <http://127.0.0.1:9/> { ?s ?p ?o } }",
                        {403}, "SERVICE"),
    "load": ("LOAD <http://127.0.0.1:9/x.ttl>", {403}, "read-only"),
    "insert": ("INSERT DATA { <a:a> <a:b> <a:c> }", {403}, "read-only"),
    "insert-escaped": ("\\u0049NSERT DATA { <a:a> <a:b> <a:c> }", {403}, "read-only"),
    "drop": ("DROP ALL", {403}, "read-only"),
    "from-file": ("SELECT * FROM <file:///etc/passwd> WHERE { ?s ?p ?o }", {403}, "FROM"),
    "from-named-file": ("SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }",
                        {403}, "FROM"),
    "cross-product": ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f }"
                      " GRAPH ?i { ?x ?y ?z } }", {504}, "deadline"),
    "cross-product-ordered": ("SELECT * WHERE { GRAPH ?g { ?a ?b ?c } GRAPH ?h { ?d ?e ?f } "
                              "GRAPH ?i { ?x ?y ?z } } ORDER BY ?c ?f ?z", {503, 504}, "stopped"),
    "deep-property-path": (f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a {ANY}/{ANY}/{ANY} ?b }}",
                           {504}, "deadline"),
    "nested-property-path": ("SELECT * WHERE { ?a " + "(" * 300 + "<a:p>" + ")*" * 300
                             + " ?b }", {400}, "parse"),
    "catastrophic-regex": ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } GRAPH ?h { ?x "
                           "?y ?z } FILTER REGEX(CONCAT(STR(?o), STR(?z)), \"^(a+)+$\") }",
                           {504}, "deadline"),
    "huge-regex": ("SELECT * WHERE { ?s ?p ?o FILTER REGEX(STR(?o), \"(a{1000}){1000}\") }",
                   {400, 504}, ""),
    "nested-groups": ("SELECT * WHERE " + "{" * 2000 + "?s ?p ?o" + "}" * 2000, {400}, "parse"),
    "broken": ("SELECT WHERE {", {400}, "does not parse"),
    "one-megabyte": (PEOPLE + " #" + "x" * (1 << 20), {413}, "bytes"),
}


@pytest.fixture(scope="module")
def client(seeded_dir, tmp_path_factory):
    import shutil

    from newsgraph.store import Store
    location = tmp_path_factory.mktemp("hostile") / "store"
    shutil.copytree(seeded_dir, location)
    with TestClient(create_app(Store.for_serving(location),
                               limits=Limits(timeout=DEADLINE, workers=1))) as test_client:
        yield test_client


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_queries_are_refused_or_stopped_in_time(client, name) -> None:
    query, statuses, words = HOSTILE[name]
    before = client.get("/health").json()
    started = time.monotonic()
    response = client.post("/sparql", content=query.encode(),
                           headers={"content-type": "application/sparql-query"})
    elapsed = time.monotonic() - started
    assert response.status_code in statuses, response.text[:300]
    assert words in response.json()["error"] + response.json()["hint"]
    assert elapsed < DEADLINE + 1
    assert "Traceback" not in response.text and "/work" not in response.text
    assert client.get("/sparql", params={"query": PEOPLE}).status_code == 200
    assert client.get("/health").json() == before  # nothing written


INJECTIONS = [
    '"} ; DROP ALL ; #',
    "' } UNION { ?s ?p ?o } #",
    "} ; DROP GRAPH <urn:newsgraph:ontology> ; {",
    'Jan Leike" . ?s ?p ?o . FILTER("1',
    "<https://w3id.org/newsgraph/id/person/jan-leike>",
    "https://w3id.org/newsgraph/id/person/jan leike",
    '\\u0022 ) } INSERT DATA { <a:a> <a:b> <a:c> } #',
    "?person",
    "\n}\nSELECT * WHERE { ?s ?p ?o }",
    "2024\") || true || (\"",
]
CASES = [(q.name, p, value) for q in SavedQueries() for p in q.parameters
         for value in INJECTIONS]


def _check_rows(variables: list[str], rows: list[dict], param, value: str) -> None:
    """Data, not SPARQL: no row at all (nothing is named that), or every row carries the
    value, verbatim, in the parameter's own column (it went in as one literal)."""
    assert param.variable in variables
    for row in rows:
        assert row.get(param.variable) == value, (param.name, value, row)


@pytest.mark.parametrize("query, param, value", CASES,
                         ids=[f"{q}-{p.name}-{i % len(INJECTIONS)}" for i, (q, p, _)
                              in enumerate(CASES)])
def test_parameters_are_data_never_sparql(client, seeded, queries, query, param, value) -> None:
    before = len(seeded), seeded.version()
    try:
        result = materialize(run_saved(seeded, queries, query, {param.name: value}))
    except ParameterError as exc:  # a value that is not of the parameter's type
        assert param.name in exc.message and param.type in ("iri", "date", "year", "integer")
        library = None
    else:
        library = [{v: t.value for v, t in zip(result.variables, row, strict=True) if t is not None}
                   for row in result.rows]
        _check_rows(result.variables, library, param, value)
    assert (len(seeded), seeded.version()) == before

    response = client.get(f"/queries/{query}", params={param.name: value})
    if library is None:
        assert response.status_code == 422 and param.name in response.json()["error"]
        return
    assert response.status_code == 200, response.text[:300]
    body = response.json()
    http = [{v: b["value"] for v, b in row.items()} for row in body["results"]["bindings"]]
    _check_rows(body["head"]["vars"], http, param, value)
    assert len(http) == len(library)


CONTROL = 'BIND("a\\u0001b\\u0000c\\u000Bd\\uFFFEe" AS ?x)'


@pytest.mark.parametrize("query, accept, parse", [
    (f"SELECT ?x WHERE {{ {CONTROL} }}", "application/sparql-results+json", "json"),
    (f"SELECT ?x WHERE {{ {CONTROL} }}", "application/sparql-results+xml", "xml"),
    (f"CONSTRUCT {{ <urn:a> <urn:b> ?x }} WHERE {{ {CONTROL} }}", "application/rdf+xml", "xml"),
    (f"CONSTRUCT {{ <urn:a> <urn:b> ?x }} WHERE {{ {CONTROL} }}", "application/ld+json", "json"),
])
def test_control_characters_in_literals_keep_results_well_formed(client, query, accept,
                                                                 parse) -> None:
    import json
    from xml.etree import ElementTree

    response = client.get("/sparql", params={"query": query}, headers={"accept": accept})
    assert response.status_code == 200
    if parse == "json":  # JSON carries every character, escaped
        assert "a\x01b\x00c\x0bd\ufffee" in _strings(json.loads(response.content))
    else:  # XML 1.0 cannot: each becomes U+FFFD, and the document parses
        text = "".join(ElementTree.fromstring(response.content).itertext())
        assert "a\ufffdb\ufffdc\ufffdd\ufffde" in text


def _strings(value: object) -> list[str]:
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return [value] if isinstance(value, str) else []
