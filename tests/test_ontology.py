"""The ontology and registry load in rdflib and owlready2, and declare what the loaders use."""
from __future__ import annotations

import re

import owlready2
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from newsgraph.paths import ontology_file

NG = rdflib.Namespace("https://w3id.org/newsgraph/ns#")
EVENT_TYPES = ["Departure", "Dismissal", "Joining", "Founding", "RoleChange", "Leave", "Return",
               "Formation", "Dissolution", "Release", "Lawsuit", "Funding"]


def _graph() -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(ontology_file(), format="turtle")
    return g


def test_ontology_parses_in_rdflib_with_every_required_class() -> None:
    g = _graph()
    for cls in ["Person", "Organization", "Team", "Role", "Membership", "Event", "Statement",
                "Article", "Evidence", *EVENT_TYPES]:
        assert (NG[cls], RDF.type, OWL.Class) in g, cls
    for cls in EVENT_TYPES:
        assert any(g.transitive_objects(NG[cls], RDFS.subClassOf).__iter__()), cls
        assert NG.Event in set(g.transitive_objects(NG[cls], RDFS.subClassOf)), cls


def test_ontology_maps_to_the_standards() -> None:
    g = _graph()
    assert (NG.Person, OWL.equivalentClass, rdflib.URIRef("https://schema.org/Person")) in g
    assert (NG.Membership, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/ns/org#Membership")) in g
    assert (NG.Evidence, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/ns/oa#SpecificResource")) in g
    assert (NG.LoaderRun, RDFS.subClassOf, rdflib.URIRef("http://www.w3.org/ns/prov#Activity")) in g


def test_every_event_class_has_triggers_in_three_languages() -> None:
    g = _graph()
    for cls in EVENT_TYPES:
        langs = {o.language or "zh" for p in (NG.trigger, NG.passiveTrigger)
                 for o in g.objects(NG[cls], p)}
        assert {"zh", "en", "de"} <= langs, (cls, langs)


def test_every_latin_trigger_is_tagged_with_its_language() -> None:
    """An untagged trigger applies to articles in every language (Chinese ones are written
    untagged: only Chinese text can hold them); in a Turtle list `"a", "b"@en` only the last
    literal is tagged, so each English or German word carries its own tag."""
    g = _graph()
    untagged = sorted(str(o) for p in (NG.trigger, NG.objectTrigger, NG.speechVerb)
                      for o in g.objects(None, p)
                      if not o.language and not re.search(r"[\u3400-\u9fff]", str(o)))
    assert untagged == []


def test_ontology_and_registry_load_in_owlready2(tmp_path) -> None:
    world = owlready2.World()
    for name in ("newsgraph.ttl", "registry.ttl"):
        g = rdflib.Graph()
        g.parse(ontology_file(name), format="turtle")
        path = tmp_path / (name + ".owl")
        g.serialize(path, format="xml")
        world.get_ontology(path.as_uri()).load()
    person = world.search_one(iri="https://w3id.org/newsgraph/ns#Person")
    assert person is not None
    leike = world.search_one(iri="https://w3id.org/newsgraph/id/person/jan-leike")
    assert leike is not None and person in leike.is_a


def test_registry_holds_names_not_events() -> None:
    g = rdflib.Graph()
    g.parse(ontology_file("registry.ttl"), format="turtle")
    predicates = {p for p in g.predicates()}
    allowed = {RDF.type, NG.unitOf, NG.wikidata} | {
        rdflib.URIRef("http://www.w3.org/2004/02/skos/core#" + k)
        for k in ("prefLabel", "altLabel", "hiddenLabel")}
    assert predicates <= allowed
