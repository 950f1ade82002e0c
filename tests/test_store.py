"""The store: atomic per-article replace, idempotent reloads, deterministic triples."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from benchmarks.corpus import write_articles
from newsgraph.errors import FormatError
from newsgraph.export import export
from newsgraph.extraction import POOL_FROM, jobs_for
from newsgraph.graphstore import NAMES_GRAPH
from newsgraph.ingest import load_paths
from newsgraph.store import Store, article_graph

from .conftest import SEEDS


def nquads(store: Store) -> list[bytes]:
    return sorted(export(store, "nquads").splitlines())


def test_reloading_is_idempotent(seeded: Store) -> None:
    before = nquads(seeded)
    report = load_paths(seeded, [SEEDS])
    assert report.ok and nquads(seeded) == before


def test_the_same_articles_give_the_same_triples(tmp_path: Path) -> None:
    a, b = Store(tmp_path / "a"), Store(None)
    load_paths(a, [SEEDS])
    load_paths(b, [SEEDS])
    assert nquads(a) == nquads(b)


def test_extracting_in_processes_stores_what_one_process_does(tmp_path: Path) -> None:
    """`load --jobs 2`: the articles go through a pool of processes and come back in order;
    the dataset, the failures and the counts are a sequential load's."""
    folder = tmp_path / "articles"
    write_articles(folder, 40)
    shutil.copy(SEEDS / "000_bd36855ec95a093e.txt", folder / "zz_seed.txt")
    (folder / "zz_bad.txt").write_bytes(b"\x00\x01binary")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest += [{"id": "zz_seed", "file": "zz_seed.txt", "language": "zh-Hans",
                  "published": "2024-05-20"}, {"id": "zz_bad", "file": "zz_bad.txt"}]
    (folder / "manifest.json").write_text(json.dumps(manifest))
    one, many = Store(None), Store(tmp_path / "many")
    a, b = load_paths(one, [folder], jobs=1), load_paths(many, [folder], jobs=2)
    assert [n for n, _ in a.failed] == [n for n, _ in b.failed] == ["zz_bad"]
    assert str(a.failed[0][1]) == str(b.failed[0][1])
    assert [(r.source.id, r.counts) for r in a.loaded] == \
        [(r.source.id, r.counts) for r in b.loaded]
    assert nquads(one) == nquads(many)


@pytest.mark.parametrize(("requested", "articles", "expected"), [
    (None, 10, 1), (0, POOL_FROM - 1, 1), (3, 10, 3), (1, 10_000, 1),
    (0, POOL_FROM, os.cpu_count() or 1)])
def test_a_small_load_stays_in_one_process(requested: int | None, articles: int,
                                           expected: int) -> None:
    assert jobs_for(requested, articles) == expected


def test_a_failed_article_leaves_the_store_as_it_was(seeded: Store, tmp_path: Path) -> None:
    before = nquads(seeded)
    folder = tmp_path / "bad"
    shutil.copytree(SEEDS, folder)
    (folder / "000_bd36855ec95a093e.txt").write_bytes(b"")  # emptied: must not wipe the article
    (folder / "001_3247dade6bf5a2bf.txt").write_bytes(b"\x00\x01binary")
    report = load_paths(seeded, [folder])
    assert {name for name, _ in report.failed} == {"000_bd36855ec95a093e", "001_3247dade6bf5a2bf"}
    assert "empty" in str(dict(report.failed)["000_bd36855ec95a093e"])
    assert nquads(seeded) == before


def test_replace_graph_swaps_one_article_whole(seeded: Store) -> None:
    graph = article_graph("003_30d4356a21788681")
    quad = ox.Quad(ox.NamedNode("urn:x:s"), ox.NamedNode("urn:x:p"), ox.Literal("o"), graph)
    seeded.replace_graph(graph, [quad])
    result = list(seeded.query("SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }",
                               named_graphs=[graph]))
    assert len(result) == 1
    assert len(seeded.article_graphs()) == 5


def test_a_new_graph_is_written_whole_with_a_new_version(tmp_path: Path) -> None:
    """A graph not in the store yet is written in place (no staging graph, no MOVE): whole
    with its name keys, and the store's version changes; a failure writes none of it."""
    store = Store(tmp_path / "s")
    graph, version = article_graph("new"), store.version()
    person = ox.NamedNode("urn:x:p")
    key = ox.NamedNode("https://w3id.org/newsgraph/ns#key")
    quads = [ox.Quad(person, key, ox.Literal("jan leike"), graph),
             ox.Quad(person, ox.NamedNode("urn:x:q"), ox.Literal("o"), graph)]
    with pytest.raises(AttributeError):  # a term that is not a quad, after two that are
        store.replace_graph(graph, [*quads, "not a quad"])
    assert store.version() == version and not store._ox.contains_named_graph(graph)
    assert store.replace_graph(graph, quads) == 3  # the two, and the key in the names index
    assert store.version() != version
    assert len(list(store._ox.quads_for_pattern(None, None, None, graph))) == 2
    assert list(store._ox.quads_for_pattern(person, key, None, NAMES_GRAPH))
    assert not [g for g in store._ox.named_graphs() if "staging" in g.value]


def test_a_batch_of_new_and_reloaded_graphs_stores_what_one_by_one_does(
        seeded: Store, tmp_path: Path) -> None:
    """replace_graphs writes new graphs in one transaction and existing ones through their
    staging graphs; the dataset (names index included) is the one a graph at a time gives."""
    from loaders.manifest import read_sources
    from loaders.pipeline import process
    results = [process(s) for s in read_sources([SEEDS])[0]]
    one_by_one = Store(None)
    for r in results:
        one_by_one.replace_graph(article_graph(r.source.id), r.quads)
    batched = Store(None)
    batched.replace_graph(article_graph(results[0].source.id), results[1].quads)  # stale
    version = batched.version()
    items = [(article_graph(r.source.id), r.quads) for r in results]
    first = items[1][1][:3]  # a graph twice in one batch: the later version wins
    batched.replace_graphs([items[1][:1] + (first,), *items])
    assert nquads(batched) == nquads(one_by_one)
    assert batched.version() != version


def test_graphs_written_as_nquads_index_the_same_names(tmp_path: Path) -> None:
    """A pool process sends N-Quads; the name keys are read off its lines. The key's IRI
    written inside a literal is not a key, and the names index is the one quads give."""
    from loaders.manifest import read_sources
    from loaders.pipeline import process
    from newsgraph.store import KEY, NAMES_GRAPH
    results = [process(s) for s in read_sources([SEEDS])[0]]
    trap = ox.Literal(f"see <{KEY.value}> \"x\" <{article_graph('x').value}> .")
    as_quads, as_nquads = Store(None), Store(None)
    for r in results:
        graph = article_graph(r.source.id)
        quads = [*r.quads, ox.Quad(r.quads[0].subject, ox.NamedNode("urn:note"), trap, graph)]
        as_quads.replace_graphs([(graph, quads)])
        as_nquads.replace_graphs([(graph, ox.serialize(quads, format=ox.RdfFormat.N_QUADS))])
    names = [set(s._ox.quads_for_pattern(None, None, None, NAMES_GRAPH))
             for s in (as_quads, as_nquads)]
    assert names[0] == names[1]
    assert len(names[0]) > 20 and all(q.predicate == KEY for q in names[0])
    assert nquads(as_quads) == nquads(as_nquads)


def test_version_changes_when_anything_is_loaded(seeded: Store) -> None:
    before = seeded.version()
    load_paths(seeded, [SEEDS / "manifest.json"])
    assert seeded.version() != before


def test_triple_formats_need_a_graph(seeded: Store) -> None:
    with pytest.raises(FormatError, match="pass --graph"):
        export(seeded, "turtle")
    data = export(seeded, "turtle", graph=article_graph("004_8e9a9738eb6568fa"))
    assert b"Schulman" in data


_DIE_IN_BULK = """
import os, sys
import pyoxigraph as ox
from newsgraph.store import INFERRED_GRAPH, Store
store = Store(sys.argv[1])
graph = ox.NamedNode(sys.argv[2])
quads = [ox.Quad(ox.NamedNode(f"urn:x:{i}"), ox.NamedNode("urn:x:p"), ox.Literal(str(i)), graph)
         for i in range(1000)]
def die() -> None:  # the load process dies in the middle of the bulk write
    store._ox.bulk_extend(quads[:500])
    os._exit(3)
store._bulk([graph], die, [])
"""


@pytest.mark.parametrize("graph", ["https://w3id.org/newsgraph/graph/new-article",
                                   "urn:newsgraph:inferred"])
def test_a_load_that_dies_in_a_bulk_write_leaves_nothing_half_written(
        seeded: Store, graph: str) -> None:
    """New graphs are bulk-written between two transactions; a process killed between them
    leaves its graphs marked pending, and the next writer to open the store removes them
    (an inferred graph is built again): the store is as it was before the load."""
    before, location = nquads(seeded), seeded.location
    seeded.close()
    child = subprocess.run([sys.executable, "-c", _DIE_IN_BULK, str(location), graph],
                           capture_output=True, text=True, timeout=120)
    assert child.returncode == 3, child.stderr
    reopened = Store(location)
    assert nquads(reopened) == before
    reopened.close()
