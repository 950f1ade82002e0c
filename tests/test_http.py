"""The HTTP endpoint: SPARQL 1.1 Protocol and saved queries, in-process and over a real socket."""
from __future__ import annotations

import json
import subprocess
import sys
from functools import partial
from pathlib import Path

import pyoxigraph as ox
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from SPARQLWrapper import CSV, JSON, XML, SPARQLWrapper

from newsgraph.http import create_app
from newsgraph.results import materialize, negotiate

from .conftest import SEEDS, newsgraph_serve

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a ng:Person } }"


@pytest.fixture()
def client(seeded) -> TestClient:
    with TestClient(create_app(seeded)) as test_client:  # shutdown stops the query workers
        yield test_client


def test_get_and_post_forms_of_the_protocol(client) -> None:
    by_get = client.get("/sparql", params={"query": COUNT}).json()
    by_form = client.post("/sparql", data={"query": COUNT}).json()
    by_body = client.post("/sparql", content=COUNT,
                          headers={"content-type": "application/sparql-query"}).json()
    assert by_get == by_form == by_body
    assert int(by_get["results"]["bindings"][0]["n"]["value"]) > 0


@pytest.mark.parametrize("accept, ctype, start", [
    ("application/sparql-results+json", "application/sparql-results+json", b"{"),
    ("application/sparql-results+xml", "application/sparql-results+xml", b"<?xml"),
    ("text/csv", "text/csv", b"n"),
    ("text/tab-separated-values", "text/tab-separated-values", b"?n"),
    ("text/html;q=0.9, text/csv;q=0.8, */*;q=0.1", "text/csv", b"n"),
])
def test_content_negotiation_for_select(client, accept, ctype, start) -> None:
    r = client.get("/sparql", params={"query": COUNT}, headers={"accept": accept})
    assert r.status_code == 200 and r.headers["content-type"].startswith(ctype)
    assert r.content.startswith(start)


def test_select_rows_are_written_as_pyoxigraph_writes_them(client, seeded) -> None:
    """Projected in another order than the pattern binds them, one variable never bound,
    one a typed literal: the endpoint's JSON (and the CLI's table rows) hold each value
    under its own variable, as the engine's own JSON writer puts it."""
    q = ("SELECT ?name ?none ?n ?person WHERE { GRAPH ?g { ?person a ng:Person ; "
         "ng:name ?name } OPTIONAL { ?person ng:nothing ?none } BIND(STRLEN(?name) AS ?n) } "
         "ORDER BY ?person ?name LIMIT 20")
    ours = client.get("/sparql", params={"query": q}).json()
    theirs = json.loads(seeded.query(q).serialize(format=ox.QueryResultsFormat.JSON))
    assert ours == theirs and len(ours["results"]["bindings"]) == 20
    table = materialize(seeded.query(q))
    assert [dict(zip(table.variables, r, strict=True)) for r in table.rows][0] == {
        "name": ox.Literal(theirs["results"]["bindings"][0]["name"]["value"]), "none": None,
        "n": ox.Literal(theirs["results"]["bindings"][0]["n"]["value"],
                        datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        "person": ox.NamedNode(theirs["results"]["bindings"][0]["person"]["value"])}


def test_construct_gives_rdf_and_406_for_what_it_cannot_make(client) -> None:
    q = "CONSTRUCT { ?s a ng:Person } WHERE { GRAPH ?g { ?s a ng:Person } }"
    r = client.get("/sparql", params={"query": q}, headers={"accept": "application/n-triples"})
    assert r.status_code == 200 and b"Person>" in r.content
    r = client.get("/sparql", params={"query": COUNT}, headers={"accept": "image/png"})
    assert r.status_code == 406 and "accept one of" in r.json()["hint"]


def test_saved_queries_as_routes_with_typed_parameters(client) -> None:
    listed = {q["name"]: q for q in client.get("/queries").json()}
    assert listed["timeline"]["parameters"][0]["name"] == "person"
    r = client.get("/queries/timeline", params={"person": "Jan Leike"})
    types = {b["type"]["value"] for b in r.json()["results"]["bindings"]}
    assert {"Departure", "Joining"} <= types
    assert client.get("/queries/nope").status_code == 404
    bad = client.get("/queries/sources", params={"fact": "not an iri"})
    assert bad.status_code == 422 and "fact" in bad.json()["error"]
    csv = client.get("/queries/people", params={"format": "csv"})
    assert csv.headers["content-type"].startswith("text/csv")


def test_each_saved_query_is_an_openapi_operation(client) -> None:
    spec = client.get("/openapi.json").json()
    op = spec["paths"]["/queries/timeline"]["get"]
    assert op["summary"].startswith("One person's dated events")
    assert [p["name"] for p in op["parameters"]][:1] == ["person"]
    assert "/sparql" in spec["paths"]
    assert client.get("/docs").status_code == 200


def test_etag_and_if_none_match(client) -> None:
    first = client.get("/queries/people")
    again = client.get("/queries/people", headers={"if-none-match": first.headers["etag"]})
    assert again.status_code == 304


PLAIN_GETS = [  # (path, query string, headers): what the saved queries' fast path answers
    ("/queries/timeline", {"person": "Jan Leike"}, {}),
    ("/queries/timeline", {"person": "簡·萊克"}, {"accept": "application/sparql-results+xml"}),
    ("/queries/people", {"format": "csv"}, {}),
    ("/queries/people", {"format": "png"}, {}),                       # 406
    ("/queries/sources", {"fact": "not an iri"}, {}),                 # 422
    ("/queries/timeline", {"person": "Jan Leike", "unknown": "1"}, {}),  # ignored by both
    ("/queries/people", {}, {"if-none-match": "ETAG"}),               # 304
]


def test_the_saved_queries_fast_path_answers_as_fastapi_does_without_its_stack(seeded) -> None:
    """A plain GET of a saved query is answered before FastAPI's middleware stack is even
    built (Starlette builds it at the first request it sees); the same requests through
    FastAPI give the same status, body and headers, byte for byte."""
    app = create_app(seeded)
    try:
        etag = TestClient(app).get("/queries/people").headers["etag"]

        def ask(client: TestClient) -> list[tuple]:
            out = []
            for path, params, headers in PLAIN_GETS:
                headers = {k: v.replace("ETAG", etag) for k, v in headers.items()}
                r = client.get(path, params=params, headers=headers)
                out.append((r.status_code, r.content, sorted(r.headers.items())))
            return out

        through_fast_path = ask(TestClient(app))
        assert app.middleware_stack is None  # FastAPI never saw them
        through_fastapi = ask(TestClient(partial(FastAPI.__call__, app)))
        assert app.middleware_stack is not None
        assert [r[0] for r in through_fast_path] == [200, 200, 200, 406, 422, 200, 304]
        assert through_fast_path == through_fastapi
    finally:
        app.state.runner.close()


def test_the_fast_path_leaves_everything_else_to_fastapi(seeded) -> None:
    app = create_app(seeded)
    try:
        def scope(path: str = "/queries/timeline", method: str = "GET", query: bytes = b"",
                  headers: tuple = (), **extra) -> dict:
            return {"type": "http", "method": method, "path": path, "query_string": query,
                    "headers": list(headers), "root_path": "", **extra}

        assert app.fast_path.takes(scope()).name == "timeline"
        for other in (scope(query=b"person=Leike&explain=true"), scope(method="POST"),
                      scope(headers=[(b"origin", b"https://example.org")]),
                      scope("/queries/nope"), scope("/queries"), scope("/sparql"),
                      scope(root_path="/api"), scope() | {"type": "lifespan"}):
            assert app.fast_path.takes(other) is None, other
        with TestClient(app) as client:  # and what it leaves, FastAPI answers
            cors = client.get("/queries/people", headers={"origin": "https://example.org"})
            assert cors.headers["access-control-allow-origin"] == "*"
            explained = client.get("/queries/timeline", params={"explain": "true"})
            assert "evidence" in explained.json()["head"]["vars"]
    finally:
        app.state.runner.close()


def test_service_description_without_query(client) -> None:
    r = client.get("/sparql")
    assert r.headers["content-type"].startswith("text/turtle") and b"sd:Service" in r.content


def test_negotiate_prefers_higher_q() -> None:
    assert negotiate("text/csv;q=0.2, application/sparql-results+json", "select")[0] == "json"
    assert negotiate(None, "graph")[0] == "turtle"


@pytest.fixture()
def server(seeded_dir: Path, tmp_path: Path):
    import shutil
    store = tmp_path / "served"
    shutil.copytree(seeded_dir, store)
    with newsgraph_serve(store) as url:
        yield url


def test_sparqlwrapper_and_curl_against_a_real_server(server, seeded_dir) -> None:
    endpoint = SPARQLWrapper(server + "/sparql")
    endpoint.setQuery("PREFIX ng: <https://w3id.org/newsgraph/ns#>\n" + COUNT)
    endpoint.setReturnFormat(JSON)
    n = int(endpoint.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert n > 0
    for fmt in (XML, CSV):
        endpoint.setReturnFormat(fmt)
        assert endpoint.query().convert()
    endpoint.setMethod("POST")
    endpoint.setReturnFormat(JSON)
    assert int(endpoint.query().convert()["results"]["bindings"][0]["n"]["value"]) == n
    curl = subprocess.run(["curl", "-s", "-G", server + "/sparql", "--data-urlencode",
                           "query=PREFIX ng: <https://w3id.org/newsgraph/ns#> " + COUNT,
                           "-H", "Accept: application/sparql-results+json"],
                          capture_output=True, text=True, check=True)
    assert int(json.loads(curl.stdout)["results"]["bindings"][0]["n"]["value"]) == n


def test_the_access_log_has_a_line_per_request_unless_turned_off(seeded_dir: Path,
                                                                tmp_path: Path) -> None:
    """`newsgraph serve` writes a line per request on stdout, as uvicorn does;
    `--no-access-log` writes none (as `oxigraph serve`: the benchmark compares the two so)."""
    import shutil

    import httpx
    store = tmp_path / "served"
    shutil.copytree(seeded_dir, store)  # a server settles its store: a copy of the shared one
    for option, lines in (("--access-log", 1), ("--no-access-log", 0)):
        log = tmp_path / f"{option}.log"
        with log.open("wb") as sink, newsgraph_serve(store, option, output=sink) as url:
            assert httpx.get(url + "/queries/people?format=json").status_code == 200
        assert log.read_text().count('"GET /queries/people?format=json HTTP/1.1" 200') == lines


PERSONS = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a <https://w3id.org/newsgraph/ns#Person> }"


def _count(response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_the_default_graph_is_the_union_unless_the_request_names_graphs(client) -> None:
    everyone = _count(client.get("/sparql", params={"query": PERSONS}))
    one = "https://w3id.org/newsgraph/graph/000_bd36855ec95a093e"
    in_one = _count(client.get("/sparql", params={"query": PERSONS, "default-graph-uri": one}))
    assert 0 < in_one < everyone
    both = _count(client.post("/sparql", data={
        "query": PERSONS, "default-graph-uri": [one, one.replace("000_bd36855ec95a093e",
                                                                 "001_3247dade6bf5a2bf")]}))
    assert in_one < both <= everyone
    named = client.get("/sparql", params={
        "query": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
        "named-graph-uri": one})
    assert _count(named) == 1


def test_a_bad_graph_iri_is_a_400_naming_the_parameter(client) -> None:
    response = client.get("/sparql", params={"query": PERSONS, "default-graph-uri": "not an iri"})
    assert response.status_code == 400 and "default-graph-uri" in response.text


def test_rdflib_sparqlstore_reads_the_endpoint(server) -> None:
    import rdflib
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = rdflib.Graph(store=SPARQLStore(server + "/sparql", returnFormat="json"))
    names = {str(row.name) for row in graph.query(
        "SELECT ?name WHERE { ?p a <https://w3id.org/newsgraph/ns#Person> ; "
        "<https://w3id.org/newsgraph/ns#name> ?name }")}
    assert "Jan Leike" in names
    ask = graph.query("ASK { ?e a <https://w3id.org/newsgraph/ns#Departure> }")
    assert ask.askAnswer is True


def test_cors_is_on_for_every_origin_by_default_and_can_be_narrowed_or_off(seeded) -> None:
    origin = {"Origin": "https://notebook.example"}
    answers = {}
    for name, cors in (("default", None), ("narrow", ["https://lab.example"]), ("off", [])):
        with TestClient(create_app(seeded, cors=cors)) as test_client:
            answers[name] = test_client.get("/sparql", params={"query": PERSONS},
                                            headers=origin).headers
    assert answers["default"]["access-control-allow-origin"] == "*"
    assert "access-control-allow-origin" not in answers["narrow"]
    assert "access-control-allow-origin" not in answers["off"]


def test_explain_adds_the_evidence_behind_each_row(client) -> None:
    response = client.get("/queries/timeline", params={"person": "Jan Leike", "explain": "true"})
    assert response.status_code == 200, response.text
    doc = response.json()
    assert "evidence" in doc["head"]["vars"]
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in SEEDS.glob("*.txt")}  # as stored
    checked = 0
    for row in doc["results"]["bindings"]:
        assert row["evidence"]["datatype"].endswith("#JSON")
        for e in json.loads(row["evidence"]["value"]):
            assert e["fact"] == row["event"]["value"]
            assert texts[e["articleId"]][int(e["start"]):int(e["end"])] == e["exact"]
            checked += 1
    assert checked >= len(doc["results"]["bindings"])  # every event has its evidence
    tenures = client.get("/queries/members-on", params={"explain": "true"}).json()
    assert all(json.loads(r["evidence"]["value"]) for r in tenures["results"]["bindings"])
    assert client.get("/queries/timeline", params={"person": "Jan Leike", "explain": "true",
                                                   "format": "csv"}).status_code == 406


def test_the_article_api_places_every_fact_in_the_cleaned_text(client) -> None:
    doc = client.get("/api/articles/001_3247dade6bf5a2bf").json()
    assert doc["facts"] and "負(fù)責(zé)" not in doc["text"]
    for fact in doc["facts"]:
        shown = doc["text"][fact["start"]:fact["end"]]
        # the cleaned span is the original span without its debris, e.g. pinyin
        assert shown and shown[0] == fact["exact"][0] and shown[-1] == fact["exact"][-1]
    missing = client.get("/api/articles/no-such-article")
    assert missing.status_code == 404 and "no article" in missing.json()["error"]


def test_the_page_queries_answer_for_jan_leike(client) -> None:
    leike = "https://w3id.org/newsgraph/id/person/jan-leike"
    names = client.get("/queries/names", params={"entity": leike}).json()["results"]["bindings"]
    assert {"簡·萊克", "简·莱克", "Jan Leike"} <= {b["name"]["value"] for b in names}
    moves = client.get("/queries/movements", params={"org": "OpenAI"}).json()
    left = {(b["name"]["value"], b["direction"]["value"]) for b in moves["results"]["bindings"]}
    assert ("Jan Leike", "departure") in left
    edges = client.get("/queries/neighbourhood", params={"entity": leike}).json()
    targets = {b["targetLabel"]["value"] for b in edges["results"]["bindings"]}
    assert {"Anthropic", "OpenAI"} <= targets
    roles = client.get("/queries/roles", params={"person": leike}).json()["results"]["bindings"]
    assert roles and {b["name"]["value"] for b in roles} == {"Jan Leike"}


def test_the_readme_sparqlwrapper_script_gives_the_rows_of_newsgraph_query(server,
                                                                           seeded_dir) -> None:
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    script = next(block.split("```")[0] for block in readme.split("```python\n")[1:]
                  if "queries/people.rq" in block)
    script = script.replace("http://127.0.0.1:8000", server)
    namespace: dict = {}
    import contextlib
    import io
    import os

    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            exec(script, namespace)  # noqa: S102 - the README's own example, as written
    finally:
        os.chdir(cwd)
    cli = subprocess.run([sys.executable, "-m", "newsgraph.cli", "--store", str(seeded_dir),
                          "query", "people", "--format", "json"], capture_output=True,
                         text=True, check=True)

    def as_set(bindings):
        return {tuple(sorted((k, v["value"]) for k, v in b.items())) for b in bindings}
    assert as_set(namespace["rows"]) == as_set(json.loads(cli.stdout)["results"]["bindings"])
