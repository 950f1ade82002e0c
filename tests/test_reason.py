"""HermiT through owlready2: the ontology is consistent, the seeds do not contradict it, and
facts that do are named with their articles."""
from __future__ import annotations

import owlready2
import pyoxigraph as ox
import pytest

from newsgraph.errors import ReasonerError
from newsgraph.reason import ontology_triples, reason
from newsgraph.store import article_graph

NG = "https://w3id.org/newsgraph/ns#"
TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SUBCLASS = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf")
JAN = ox.NamedNode("https://w3id.org/newsgraph/id/person/jan-leike")
OPENAI = ox.NamedNode("https://w3id.org/newsgraph/id/org/openai")


def ng(name: str) -> ox.NamedNode:
    return ox.NamedNode(NG + name)


def test_the_ontology_and_registry_are_consistent_with_no_unsatisfiable_class() -> None:
    report = reason()
    assert report.consistent and report.unsatisfiable == []


def test_a_class_under_two_disjoint_classes_is_reported_unsatisfiable() -> None:
    centaur = ng("PersonOrganization")
    report = reason(ontology=ontology_triples() + [
        ox.Triple(centaur, TYPE, ox.NamedNode("http://www.w3.org/2002/07/owl#Class")),
        ox.Triple(centaur, SUBCLASS, ng("Person")),
        ox.Triple(centaur, SUBCLASS, ng("Organization"))])
    assert report.unsatisfiable == [centaur.value] and not report.ok


def test_the_seeds_do_not_contradict_the_ontology(seeded) -> None:
    report = reason(seeded)
    assert report.ok and report.clashes == []


def test_a_person_typed_as_an_organization_is_named_with_its_article(seeded) -> None:
    graph = article_graph("bad_person")
    seeded.replace_graph(graph, [ox.Quad(JAN, TYPE, ng("Organization"), graph)])
    report = reason(seeded)
    assert not report.consistent
    clash = next(c for c in report.clashes if c.node == JAN.value)
    assert {clash.kind, clash.other} == {"ng:Organization", "ng:Person"}
    assert "bad_person" in clash.articles + clash.other_articles
    assert "jan-leike" in str(clash)


def test_an_organization_as_the_participant_of_an_event_is_a_clash(seeded) -> None:
    graph = article_graph("bad_event")
    event = ox.NamedNode("https://w3id.org/newsgraph/id/event/test")
    seeded.replace_graph(graph, [ox.Quad(event, TYPE, ng("Departure"), graph),
                                 ox.Quad(event, ng("participant"), OPENAI, graph)])
    report = reason(seeded)
    assert not report.consistent
    assert any(c.node == OPENAI.value and "bad_event" in c.other_articles + c.articles
               for c in report.clashes)


def test_without_java_the_error_says_to_install_it(monkeypatch) -> None:
    monkeypatch.setattr(owlready2, "JAVA_EXE", "/nonexistent/java")
    with pytest.raises(ReasonerError, match="Java") as raised:
        reason()
    assert "install a Java runtime" in str(raised.value)
