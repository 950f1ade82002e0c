"""The ontology decides what the store accepts: SHACL shapes and declared terms."""
from __future__ import annotations

import json
import subprocess
import sys

import pyoxigraph as ox
import pytest

from newsgraph.ingest import load_paths
from newsgraph.store import Store, article_graph
from newsgraph.validate import validate_store, validate_triples

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
    return {v.shape for v in validate_triples("t", triples)}


def test_a_good_graph_conforms() -> None:
    assert check(""":s a ng:Statement ; ng:speaker :jan ; ng:quote "hi" ; ng:evidence :ev ;
                        ng:rule "r" .""") == set()


@pytest.mark.parametrize("turtle, shape", [
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
])
def test_each_violation_is_named_by_its_shape(turtle: str, shape: str) -> None:
    assert shape in check(turtle)


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
