"""ontology/README.md and ontology/newsgraph.owl are generated from newsgraph.ttl and current."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import owlready2
import rdflib
from rdflib.compare import isomorphic

from newsgraph.ontodoc import ontology_graph, render

from .conftest import ROOT

ONTOLOGY = ROOT / "ontology"


def test_the_ontology_readme_is_not_stale() -> None:
    assert (ONTOLOGY / "README.md").read_text(encoding="utf-8") == render(), \
        "ontology/README.md is stale: run 'make docs'"


def test_the_docs_list_every_class_and_property_with_its_labels() -> None:
    text = render()
    g = ontology_graph()
    for kind in (rdflib.OWL.Class, rdflib.OWL.ObjectProperty):
        for term in g.subjects(rdflib.RDF.type, kind):
            if str(term).startswith("https://w3id.org/newsgraph/ns#"):
                assert f"`ng:{str(term).split('#')[1]}`" in text
    assert "| `ng:Departure` | departure | Weggang | 离职 | 離職 |" in text
    assert "ng:Person` | person | Person | 人物 | 人物 | ng:Agent | schema:Person" in text


def test_the_rdfxml_says_what_the_turtle_says() -> None:
    owl = rdflib.Graph().parse(ONTOLOGY / "newsgraph.owl", format="xml")
    assert isomorphic(owl, ontology_graph()), "ontology/newsgraph.owl is stale: run 'make docs'"


def test_the_rdfxml_is_the_same_bytes_on_every_run() -> None:
    """`make docs` under two string-hash seeds writes the same file (a change of one
    trigger is a one-line diff of newsgraph.owl, not a reordering of all of it)."""
    def written(seed: str) -> bytes:
        return subprocess.run(
            [sys.executable, "-c", "from newsgraph.ontodoc import rdfxml; print(rdfxml())"],
            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, check=True).stdout
    assert written("1") == written("2")
    assert written("1").decode("utf-8").rstrip("\n") == \
        (ONTOLOGY / "newsgraph.owl").read_text(encoding="utf-8").rstrip("\n")


def test_owlready2_opens_the_rdfxml_as_protege_would() -> None:
    world = owlready2.World()
    onto = world.get_ontology("urn:test").load(
        fileobj=io.BytesIO((ONTOLOGY / "newsgraph.owl").read_bytes()), format="rdfxml")
    departure = world["https://w3id.org/newsgraph/ns#Departure"]
    event = world["https://w3id.org/newsgraph/ns#Event"]
    assert departure is not None and event in departure.ancestors()
    assert len(list(onto.classes())) >= 30
    world.close()
