"""The ontology decides what the store accepts: SHACL shapes and declared terms."""
from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from newsgraph.ingest import load_paths
from newsgraph.store import Store, article_graph
from newsgraph.validate import validate_quads, validate_store

from .conftest import SEEDS

PREFIX = """@prefix ng: <https://w3id.org/newsgraph/ns#> . @prefix role: <https://w3id.org/newsgraph/role/> .
@prefix oa: <http://www.w3.org/ns/oa#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix : <https://example.org/> .
:a a ng:Article ; ng:articleId "t" ; ng:charCount 100 .
:ev a ng:Evidence ; oa:hasSource :a ; oa:hasSelector :q, :p .
:q a oa:TextQuoteSelector ; oa:exact "x" .
:p a oa:TextPositionSelector ; oa:start 1 ; oa:end 5 .
:jan a ng:Person ; ng:name "Jan" .
:openai a ng:Organization ; ng:name "OpenAI" .
"""


def check(turtle: str) -> set[str]:
    triples = list(ox.parse((PREFIX + turtle).encode(), format=ox.RdfFormat.TURTLE))
    return {v.shape for v in validate_quads("t", triples)}


def test_a_good_graph_conforms() -> None:
    assert check(""":s a ng:Statement ; ng:speaker :jan ; ng:quote "hi" ; ng:evidence :ev ;
                        ng:rule "r" .""") == set()


CASES = [
    (""":s a ng:Statement ; ng:quote "hi" ; ng:evidence :ev ; ng:rule "r" .""",
     "ng:StatementShape"),
    (""":e a ng:Resignation ; ng:participant :jan ; ng:evidence :ev ; ng:rule "r" .""",
     "ng:DeclaredTerms"),
    (""":m a ng:Membership ; ng:member :jan ; ng:role role:ceo ; ng:organization :openai ;
          ng:start "2024-05"^^xsd:gYearMonth ; ng:end "2023"^^xsd:gYear .""",
     "ng:MembershipDates"),
    (""":jan a ng:Organization .""", "ng:DisjointShape"),
    (""":e a ng:Departure ; ng:participant :openai ; ng:organization :openai ;
          ng:evidence :ev ; ng:rule "r" .""", "ng:PersonEventShape"),
    (""":e a ng:Departure ; ng:participant :jan ; ng:organization :openai ;
          ng:date "2024-05"^^xsd:gYearMonth ; ng:evidence :ev ; ng:rule "r" .""",
     "ng:DatedShape"),
    (""":p2 a oa:TextPositionSelector ; oa:start 90 ; oa:end 120 .
          :ev oa:hasSelector :p2 .""", "ng:SpanInArticle"),
    (""":m a ng:Membership ; ng:member :jan ; ng:role :notARole .""", "ng:MembershipShape"),
]


@pytest.mark.parametrize("turtle, shape", CASES)
def test_each_violation_is_named_by_its_shape(turtle: str, shape: str) -> None:
    assert shape in check(turtle)


BROKEN = [
    """:s a ng:Statement ; ng:speaker :jan, :openai ; ng:quote "a", "b" ; ng:evidence :ev ;
          ng:rule "r" .""",
    """:s a ng:Statement ; ng:speaker :ev ; ng:quote "" ; ng:evidence :jan .""",
    """:p2 a oa:TextPositionSelector ; oa:start -1 ; oa:end "5" .""",
    """:p2 a oa:TextPositionSelector ; oa:start 9 ; oa:end 5 .""",
    """:e a ng:Release ; ng:organization :jan ; ng:date "2024"^^xsd:gYear ;
          ng:datePrecision ng:Week ; ng:evidence :ev .""",
    """:e a ng:Founding ; ng:participant :jan ; ng:organization :openai ;
          ng:date "2024-05-01" ; ng:datePrecision ng:Day, ng:Month .""",
    """:m a ng:Membership ; ng:member :jan, :openai ; ng:role role:ceo ; ng:organization :jan .""",
    """:a2 a ng:Article ; ng:charCount "many" ; ng:sourceText "x"@en .""",
]


@pytest.mark.parametrize("turtle", [""] + BROKEN + [t for t, _ in CASES])
def test_the_load_time_checker_gives_pyshacl_verdicts(turtle: str) -> None:
    """The compiled checker (newsgraph/shacl.py) against pyshacl, the reference, on the
    same triples: the same shapes broken by the same nodes."""
    triples = list(ox.parse((PREFIX + turtle).encode(), format=ox.RdfFormat.TURTLE))
    fast = {(v.shape, v.node) for v in validate_quads("t", triples)}
    assert fast == {(v.shape, v.node) for v in validate_quads("t", triples, reference=True)}
    assert bool(fast) == bool(turtle)


@pytest.mark.parametrize("drop", ["speaker", "quote", "participant", "member", "role",
                                  "datePrecision", "rule"])
def test_a_seed_article_missing_a_property_gets_pyshacl_verdicts(drop: str) -> None:
    from loaders.manifest import read_sources
    from loaders.pipeline import process
    from newsgraph.store import NS
    result = process(read_sources([SEEDS / "manifest.json"])[0][0])
    triples = [q for q in result.quads if q.predicate.value != NS + drop]
    fast = {(v.shape, v.node) for v in validate_quads("t", triples)}
    assert fast, f"dropping ng:{drop} breaks a shape"
    assert fast == {(v.shape, v.node) for v in validate_quads("t", triples, reference=True)}


def test_a_shape_the_checker_cannot_run_stops_it_naming_the_file() -> None:
    from newsgraph.errors import NewsgraphError
    from newsgraph.shacl import _Reader
    shapes = list(ox.parse(b"""@prefix sh: <http://www.w3.org/ns/shacl#> .
        <urn:S> a sh:NodeShape ; sh:property [ sh:path <urn:p> ; sh:pattern "^a" ] .""",
                           format=ox.RdfFormat.TURTLE))
    with pytest.raises(NewsgraphError, match=r"custom\.ttl: sh:pattern is not supported"):
        _Reader(shapes, "custom.ttl").shape(ox.NamedNode("urn:S"), "urn:S")


def test_the_seeds_conform(seeded) -> None:
    assert validate_store(seeded) == []


def test_a_loader_that_writes_an_undeclared_term_stores_nothing(tmp_path, monkeypatch) -> None:
    from loaders import rdf
    original = rdf.GraphBuilder.article_node

    def buggy(self) -> None:  # a loader bug: a predicate the ontology does not declare
        original(self)
        self.add(self.article, ox.NamedNode(rdf.NG + "bogusProperty"), ox.Literal("x"))

    store = Store(tmp_path / "store")
    monkeypatch.setattr(rdf.GraphBuilder, "article_node", buggy)
    report = load_paths(store, [SEEDS / "manifest.json"])
    assert len(report.failed) == 5 and not report.loaded
    assert "bogusProperty is not declared" in str(report.failed[0][1])
    assert store.article_graphs() == []


def test_validate_command_reports_by_name_and_exits_nonzero(seeded_dir, tmp_path) -> None:
    import shutil
    location = tmp_path / "store"
    shutil.copytree(seeded_dir, location)
    store = Store(location)
    graph = article_graph("bad")
    bad = list(ox.parse((PREFIX + ':s a ng:Statement ; ng:quote "q" .').encode(),
                        format=ox.RdfFormat.TURTLE))
    store.replace_graph(graph, [ox.Quad(t.subject, t.predicate, t.object, graph) for t in bad])
    store.close()
    result = subprocess.run([sys.executable, "-m", "newsgraph.cli", "--store", str(location),
                             "validate", "--format", "json"], capture_output=True, text=True)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["conforms"] is False
    assert {v["shape"] for v in report["violations"]} >= {"ng:StatementShape"}
    assert all(v["article"] == "bad" for v in report["violations"])
