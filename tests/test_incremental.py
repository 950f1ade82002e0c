"""The inferred graph after a small load: the rules run for what the load changed (the
people and nodes its articles name, before and after), and the graph ends as a whole
rebuild would leave it."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from newsgraph.errors import QueryDefinitionError
from newsgraph.graphstore import RULES_NODE
from newsgraph.inference import Changes, rules
from newsgraph.ingest import load_paths
from newsgraph.paths import rules_dir
from newsgraph.remote import Endpoint, RemoteStore
from newsgraph.store import INFERRED_GRAPH, Store

from .conftest import SEEDS

DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "dev"
NG, EX = "https://w3id.org/newsgraph/ns#", "https://example.org/"
GRAPH = "https://w3id.org/newsgraph/graph/"


def inferred(store) -> set[ox.Quad]:
    return set(store.dataset_quads(INFERRED_GRAPH))


def as_rebuilt(store) -> bool:
    """Is the inferred graph what the rules give over the whole store?"""
    kept = inferred(store)
    store.rebuild_inferred()
    return inferred(store) == kept


def one_article(source: Path, entry: dict, folder: Path, text: str | None = None) -> Path:
    """A folder holding one article of a manifest (its text replaced, if given)."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    body = (source / entry["file"]).read_text(encoding="utf-8") if text is None else text
    (folder / Path(entry["file"]).name).write_text(body, encoding="utf-8")
    (folder / "manifest.json").write_text(
        json.dumps([{**entry, "file": Path(entry["file"]).name}]), encoding="utf-8")
    return folder


def manifest(folder: Path) -> list[dict]:
    return json.loads((folder / "manifest.json").read_text(encoding="utf-8"))


def test_new_articles_update_the_inferred_graph_as_a_rebuild_would(seeded, tmp_path) -> None:
    seeded.whole_share = 1.0  # every load here counts as small
    modes = []
    for entry in manifest(DEV):
        report = load_paths(seeded, [one_article(DEV, entry, tmp_path / "one")])
        assert report.ok
        modes.append(report.inferred)
        assert as_rebuilt(seeded), entry["id"]
    assert "changes" in modes


def test_a_shortened_article_takes_back_what_only_it_entailed(seeded, tmp_path) -> None:
    """Each seed again with its last two thirds cut: the tenures, types and affiliations
    only the cut text supported go; the graph is what a rebuild gives."""
    seeded.whole_share = 1.0
    modes = []
    for entry in manifest(SEEDS):
        text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        before = inferred(seeded)
        report = load_paths(seeded, [one_article(SEEDS, entry, tmp_path / "one",
                                                 text[: len(text) // 3])])
        modes.append(report.inferred)
        assert before - inferred(seeded), entry["id"]  # something went
        assert as_rebuilt(seeded), entry["id"]
    assert "changes" in modes


def test_a_load_that_died_before_the_update_leaves_the_next_to_rebuild_whole(seeded,
                                                                          tmp_path) -> None:
    """A load notes what it changes as it writes; if it dies after writing an article and
    before updating the inferred graph, the next load cannot know what changed: it runs
    the rules whole."""
    seeded.whole_share = 1.0
    dev = manifest(DEV)
    assert seeded.begin_changes(1) is not None  # a load starts, writes an article and dies
    seeded.replace_graphs([(ox.NamedNode(GRAPH + "dead"), ox.parse(
        TEAM, format=ox.RdfFormat.TURTLE))])
    assert seeded.begin_changes(1) is None
    report = load_paths(seeded, [one_article(DEV, dev[0], tmp_path / "one")])
    assert report.inferred == "whole" and as_rebuilt(seeded)
    assert load_paths(seeded, [one_article(DEV, dev[1], tmp_path / "one")]).inferred \
        == "changes"


def test_a_load_big_for_the_store_rebuilds_it_whole(seeded, tmp_path) -> None:
    entry = manifest(DEV)[0]  # one article more in a store of five is a big load
    assert load_paths(seeded, [one_article(DEV, entry, tmp_path / "one")]).inferred == "whole"


def test_other_rules_or_another_ontology_make_the_next_load_rebuild_whole(seeded,
                                                                          tmp_path) -> None:
    seeded.whole_share = 1.0
    dev = manifest(DEV)
    seeded._set_hash(RULES_NODE, seeded._stored_hash(RULES_NODE), "built by other rules")
    assert seeded.begin_changes(1) is None
    assert load_paths(seeded, [one_article(DEV, dev[0], tmp_path / "one")]).inferred == "whole"
    # the whole rebuild recorded what it was built from: the next load is small again
    assert load_paths(seeded, [one_article(DEV, dev[1], tmp_path / "one")]).inferred \
        == "changes"


TEAM = """
@prefix ng: <https://w3id.org/newsgraph/ns#> .
@prefix ex: <https://example.org/> .
ex:m1 a ng:Membership ; ng:member ex:ann ; ng:role ex:lead ; ng:organization ex:team .
ex:j1 a ng:Joining ; ng:participant ex:ann ; ng:date "2021-03-01" ; ng:organization ex:company .
"""


def starts(store) -> set[str]:
    return {q.object.value for q in store.dataset_quads(INFERRED_GRAPH)
            if q.predicate.value == NG + "start"}


def test_a_new_team_of_a_company_updates_the_tenures_of_its_members() -> None:
    """A tenure at a team is opened by a joining at its company: an article that only says
    the team is the company's changes the tenure of a member it does not name, and so
    does taking that article's claim back."""
    store = Store(None)
    store.replace_graph(ox.NamedNode(GRAPH + "a"), ox.parse(TEAM, format=ox.RdfFormat.TURTLE))
    store.rebuild_inferred()
    assert starts(store) == set()
    unit = ox.parse(f"<{EX}team> <{NG}unitOf> <{EX}company> .", format=ox.RdfFormat.TURTLE)
    for quads, expected in ((unit, {"2021-03-01"}), ([], set())):
        changes = Changes(store, rules())
        changes.note(store, [ox.NamedNode(GRAPH + "b")])
        store.replace_graph(ox.NamedNode(GRAPH + "b"), quads)
        changes.note(store, [ox.NamedNode(GRAPH + "b")])
        assert store.update_inferred(changes) is None  # updated, not rebuilt
        assert starts(store) == expected
        assert as_rebuilt(store)


def test_a_small_load_on_a_sparql_server_updates_what_it_changed(oxigraph, tmp_path) -> None:
    remote = RemoteStore(Endpoint.of(oxigraph), schema=True)
    assert load_paths(remote, [SEEDS]).inferred == "whole"
    remote.whole_share = 1.0
    modes = [load_paths(remote, [one_article(DEV, entry, tmp_path / "one")]).inferred
             for entry in manifest(DEV)[:4]]
    assert "changes" in modes
    assert as_rebuilt(remote)


@pytest.mark.parametrize(("header", "message"), [
    ("", "needs '#+ made"),
    ("#+ made: '?a ?b ?c'\n#+ scope: node\n#+ keys: '?node a ?c'\n", "VALUES ?node { UNDEF }"),
    ("#+ made: '?a ?b ?c'\n#+ owner: me\n", "unknown header key 'owner'"),
    ("#+ made: [1, 2]\n", "must be a graph pattern"),
    ("#+ made: '?a ?b ?c'\n#+ across: {'?a ?b ?c': '?a ?b ?c'}\n", "needs '#+ scope"),
])
def test_a_bad_rule_header_names_the_file(tmp_path, header, message) -> None:
    text = (rules_dir() / "20-units.rq").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#+"))
    (tmp_path / "50-bad.rq").write_text(header + body, encoding="utf-8")
    with pytest.raises(QueryDefinitionError) as caught:
        rules(tmp_path)
    assert "50-bad.rq" in str(caught.value) and message in str(caught.value)
