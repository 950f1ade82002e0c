"""Exports other RDF tools read back: every format parsed by rdflib is isomorphic to the
store; N-Quads and TriG put into a real Oxigraph server answer the saved queries with the
store's rows; canonical N-Quads are byte-identical across loads; VoID counts what is there;
JSON-LD is short-named and lossless; the Wikidata view is shaped as Wikidata's RDF."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

from newsgraph.errors import FormatError, NotFoundError
from newsgraph.export import EXPORT_FORMATS, export
from newsgraph.ingest import load_paths
from newsgraph.remote import Endpoint, RemoteStore
from newsgraph.savedqueries import run_saved
from newsgraph.store import Store, article_graph
from newsgraph.void import void

from .conftest import SEEDS
from .test_remote import answer, cases

ARTICLE = "004_8e9a9738eb6568fa"
RDFLIB_FORMATS = {"trig": "trig", "nquads": "nquads", "jsonld": "json-ld",
                  "turtle": "turtle", "ntriples": "nt", "xml": "xml"}


@pytest.fixture(scope="module")
def store(seeded_dir: Path) -> Store:
    return Store.open_read_only(seeded_dir)


def _rdflib_term(term):
    if isinstance(term, ox.NamedNode):
        return rdflib.URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if term.language:
        return rdflib.Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return rdflib.Literal(term.value)  # RDF 1.1: a simple literal is an xsd:string
    return rdflib.Literal(term.value, datatype=rdflib.URIRef(term.datatype.value))


def graph_of(quads) -> rdflib.Graph:
    g = rdflib.Graph()
    for q in quads:
        g.add((_rdflib_term(q.subject), _rdflib_term(q.predicate), _rdflib_term(q.object)))
    return g


def parsed_graphs(data: bytes, fmt: str) -> dict[str, rdflib.Graph]:
    """Each named graph of an export as rdflib read it."""
    dataset = rdflib.Dataset()
    dataset.parse(data=data, format=RDFLIB_FORMATS[fmt])
    out: dict[str, rdflib.Graph] = {}
    for s, p, o, g in dataset.quads((None, None, None, None)):
        out.setdefault(str(g), rdflib.Graph()).add((s, p, o))
    return out


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld"])
def test_dataset_formats_keep_every_graph(store, fmt):
    graphs = parsed_graphs(export(store, fmt), fmt)
    expected = {g.value for g in store.data_graphs()}
    assert set(graphs) == expected
    for name in expected:
        assert isomorphic(graphs[name], graph_of(store.quads(ox.NamedNode(name)))), name


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "xml"])
def test_triple_formats_take_one_graph_or_the_union(store, fmt):
    one = parsed_graphs(export(store, fmt, graph=article_graph(ARTICLE)), fmt)
    assert isomorphic(rdflib.Graph() + next(iter(one.values())),
                      graph_of(store.quads(article_graph(ARTICLE))))
    union = rdflib.Graph()
    for g in parsed_graphs(export(store, fmt, union=True), fmt).values():
        union += g
    assert isomorphic(union, graph_of(store.dataset_quads()))


@pytest.mark.parametrize("fmt", ["turtle", "ntriples", "xml"])
def test_no_silent_loss_of_graph_names(store, fmt):
    with pytest.raises(FormatError, match="--union"):
        export(store, fmt)
    with pytest.raises(FormatError, match="exclude each other"):
        export(store, fmt, graph=article_graph(ARTICLE), union=True)


def test_an_unknown_graph_is_named(store):
    with pytest.raises(NotFoundError, match="no graph .*nosuch"):
        export(store, "trig", graph=article_graph("nosuch"))


def test_canonical_nquads_are_byte_identical_across_loads(store, tmp_path):
    again = Store(tmp_path / "again")
    load_paths(again, [SEEDS])
    first, second = export(store, "nquads"), export(again, "nquads")
    assert first == second
    lines = first.splitlines()
    assert lines == sorted(set(lines)) and len(lines) == len(list(store.dataset_quads()))
    for fmt in EXPORT_FORMATS:  # every format is deterministic, not only N-Quads
        kwargs = {} if EXPORT_FORMATS[fmt].supports_datasets else {"union": True}
        assert export(store, fmt, **kwargs) == export(again, fmt, **kwargs), fmt


def test_jsonld_reads_with_short_names_and_parses_back(store):
    doc = json.loads(export(store, "jsonld", graph=article_graph(ARTICLE)))
    context = doc["@context"]
    assert context["@vocab"] == "https://w3id.org/newsgraph/ns#"
    assert context["member"] == {"@id": "https://w3id.org/newsgraph/ns#member", "@type": "@id"}
    nodes = doc["@graph"][0]["@graph"]
    person = next(n for n in nodes if n.get("@type") == "Person")
    assert person["@id"].startswith("id:person/") and "name" in person
    # pyoxigraph's own JSON-LD parser reads the same quads back
    back = set(ox.parse(export(store, "jsonld"), format=ox.RdfFormat.JSON_LD))
    assert back == set(ox.parse(export(store, "nquads"), format=ox.RdfFormat.N_QUADS))


def test_void_counts_what_is_exported(store, queries):
    described = rdflib.Graph().parse(data=void(store), format="turtle")
    v = rdflib.Namespace("http://rdfs.org/ns/void#")
    dataset = rdflib.URIRef("https://w3id.org/newsgraph/void#dataset")
    assert int(described.value(dataset, v.triples)) == len(list(store.dataset_quads()))
    subsets = set(described.objects(dataset, v.subset))
    assert {str(s) for s in subsets} == {g.value for g in store.data_graphs()}
    graph = rdflib.URIRef(article_graph(ARTICLE).value)
    assert int(described.value(graph, v.triples)) == len(store.quads(article_graph(ARTICLE)))
    person = next(p for p in described.objects(dataset, v.classPartition)
                  if str(described.value(p, v["class"])).endswith("#Person"))
    people = run_saved(store, queries, "people", {})
    assert int(described.value(person, v.entities)) >= len({s["person"] for s in people})


def test_export_cli_writes_the_file_and_its_void(seeded_dir, tmp_path):
    out = tmp_path / "all.nq"
    done = subprocess.run([sys.executable, "-m", "newsgraph.cli", "--store", str(seeded_dir),
                           "export", "-f", "nquads", "--out", str(out)], capture_output=True)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == export(Store.open_read_only(seeded_dir), "nquads")
    assert b"void:Dataset" in (tmp_path / "all.nq.void.ttl").read_bytes()
    refused = subprocess.run([sys.executable, "-m", "newsgraph.cli", "--store",
                              str(seeded_dir), "export", "-f", "turtle"], capture_output=True,
                             text=True)
    assert refused.returncode == 2 and "--union" in refused.stderr


@pytest.mark.slow
@pytest.mark.parametrize("fmt,media", [("nquads", "application/n-quads"),
                                       ("trig", "application/trig")])
def test_a_dump_loaded_into_oxigraph_answers_the_saved_queries(store, oxigraph, queries, fmt,
                                                               media):
    """The export alone (no newsgraph loader) is enough for the saved queries elsewhere."""
    request = urllib.request.Request(f"{oxigraph}/store", data=export(store, fmt),
                                     method="POST", headers={"Content-Type": media})
    urllib.request.urlopen(request).close()
    there = RemoteStore(Endpoint.of(oxigraph))
    for name, params in cases(queries):
        assert answer(there, queries, name, params) == answer(store, queries, name, params), \
            (name, params)


def test_wikidata_view_is_shaped_like_wikidata(store, queries):
    triples = list(run_saved(store, queries, "wikidata", {}))
    graph = graph_of(ox.Quad(t.subject, t.predicate, t.object) for t in triples)
    wd = "http://www.wikidata.org/"
    p, ps, pq, pr = (rdflib.Namespace(wd + x) for x in ("prop/", "prop/statement/",
                                                          "prop/qualifier/", "prop/reference/"))
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    altman = rdflib.URIRef(wd + "entity/Q7407093")  # the registry gives Sam Altman's Q-id
    statements = list(graph.objects(altman, p.P39))
    assert statements, "no position held for Sam Altman"
    for st in statements:
        assert graph.value(st, ps.P39) is not None
        reference = graph.value(st, prov.wasDerivedFrom)
        assert str(graph.value(reference, pr.P248)).startswith(
            "https://w3id.org/newsgraph/id/article/")
        assert graph.value(reference, pr.P1683) is not None  # the quotation
    openai = rdflib.URIRef(wd + "entity/Q21708200")
    assert openai in set(graph.objects(None, pq.P642))
    assert openai in set(graph.objects(altman, rdflib.URIRef(wd + "prop/direct/P108")))


def test_the_union_opens_in_owlready2(store, tmp_path):
    """Protégé's route: ontology and data in one file that owlready2 loads."""
    import owlready2

    path = tmp_path / "newsgraph.nt"
    path.write_bytes(export(store, "ntriples", union=True))
    world = owlready2.World()
    onto = world.get_ontology(path.as_uri()).load(format="ntriples")
    person = world["https://w3id.org/newsgraph/ns#Person"]
    assert person is not None and len(list(person.instances())) >= 40
    assert onto is not None


def test_the_endpoint_serves_its_void(store):
    from fastapi.testclient import TestClient

    from newsgraph.http import create_app

    with TestClient(create_app(Store(None))) as client:
        answer_ = client.get("/.well-known/void")
    assert answer_.status_code == 200 and answer_.headers["content-type"].startswith("text/turtle")
    described = rdflib.Graph().parse(data=answer_.text, format="turtle")
    assert (None, rdflib.URIRef("http://rdfs.org/ns/void#subset"),
            rdflib.URIRef("urn:newsgraph:ontology")) in described
