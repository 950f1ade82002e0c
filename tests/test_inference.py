"""The inferred graph (ontology/rules/*.rq): class hierarchy, teams of organizations, tenures."""
from __future__ import annotations

import shutil
from collections.abc import Iterator

import pyoxigraph as ox
import pytest

from newsgraph.errors import QueryError
from newsgraph.ingest import load_paths
from newsgraph.savedqueries import run_saved
from newsgraph.store import INFERRED_GRAPH, META_GRAPH, Store
from newsgraph.updates import PENDING

from .conftest import SEEDS, rows

NG = "https://w3id.org/newsgraph/ns#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def members(store, queries, **params) -> set[tuple[str, str, str]]:
    return {(r["name"], r["role"], r["orgName"])
            for r in rows(run_saved(store, queries, "members-on", params))}


def test_members_on_a_date_holds_the_roles_held_then(seeded, queries) -> None:
    before = members(seeded, queries, org="OpenAI", date="2024-01-01")
    assert ("Ilya Sutskever", "chief scientist", "OpenAI") in before
    assert any(n == "Jan Leike" and org.startswith("OpenAI Superalignment")
               for n, _, org in before)  # a team counts as part of its company


def test_a_departure_closes_the_tenure(seeded, queries) -> None:
    after = {n for n, _, _ in members(seeded, queries, org="OpenAI", date="2024-06-01")}
    assert "Ilya Sutskever" not in after and "Jan Leike" not in after
    assert after  # people nobody reported leaving are still there


def test_members_on_finds_the_organization_by_any_name(seeded, queries) -> None:
    assert members(seeded, queries, org="openai", date="2024-01-01") == \
        members(seeded, queries, org="OpenAI", date="2024-01-01")


def test_every_departure_is_an_event_in_the_inferred_graph(seeded) -> None:
    ask = f"""SELECT ?e WHERE {{ GRAPH ?g {{ ?e a <{NG}Departure> }}
        FILTER NOT EXISTS {{ GRAPH <{INFERRED_GRAPH.value}> {{ ?e a <{NG}Event> }} }} }}"""
    assert list(seeded.query(ask)) == []
    count = f"ASK {{ GRAPH ?g {{ ?e a <{NG}Departure> }} }}"
    assert bool(seeded.query(count))


def test_only_the_articles_typed_nodes_get_superclasses(seeded) -> None:
    """A graph that is not an article's (another dataset on a shared server, the registry)
    entails nothing: the rule meets the article graphs by their names."""
    other = ox.NamedNode("https://example.org/other-dataset")
    node = ox.NamedNode("https://example.org/a-departure")
    seeded._ox.add(ox.Quad(node, ox.NamedNode(RDF_TYPE), ox.NamedNode(NG + "Departure"), other))
    seeded.rebuild_inferred()
    typed = {q.subject for q in seeded._ox.quads_for_pattern(
        None, ox.NamedNode(RDF_TYPE), ox.NamedNode(NG + "Event"), INFERRED_GRAPH)}
    assert typed and node not in typed
    assert all(s.value.startswith("https://w3id.org/newsgraph/id/") for s in typed)


def test_every_tenure_points_back_to_stated_memberships_with_articles(seeded) -> None:
    ask = f"""SELECT ?t WHERE {{
        GRAPH <{INFERRED_GRAPH.value}> {{ ?t a <{NG}Tenure> }}
        FILTER NOT EXISTS {{
          GRAPH <{INFERRED_GRAPH.value}> {{ ?t <http://www.w3.org/ns/prov#wasDerivedFrom> ?m }}
          GRAPH ?g {{ ?m <{NG}evidence> ?span ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?a }}
          GRAPH ?g {{ ?a a <{NG}Article> }} }} }}"""
    assert list(seeded.query(ask)) == []


def test_the_inferred_graph_is_rebuilt_identically_after_a_reload(seeded) -> None:
    first = set(seeded.quads(INFERRED_GRAPH))
    assert first
    report = load_paths(seeded, [SEEDS])
    assert report.ok
    assert set(seeded.quads(INFERRED_GRAPH)) == first


def test_a_tenure_starts_only_with_an_event_at_its_organization_or_company(seeded) -> None:
    # Jan Leike joined Anthropic; that must not date his roles at OpenAI's team.
    ask = f"""PREFIX ng: <{NG}>
    SELECT ?t WHERE {{
        GRAPH <{INFERRED_GRAPH.value}> {{ ?t ng:start ?start ; ng:member ?p ; ng:organization ?o }}
        FILTER NOT EXISTS {{
          GRAPH ?g {{ ?e ng:participant ?p ; ng:date ?d ; ng:organization ?at .
                     {{ ?e a ng:Joining }} UNION {{ ?e a ng:RoleChange }} }}
          FILTER(STR(?d) = ?start)
          FILTER(?at = ?o || EXISTS {{ GRAPH ?u {{ ?o ng:unitOf ?at }} }}) }} }}"""
    assert list(seeded.query(ask)) == []


def test_roles_rows_carry_the_dates_of_their_inferred_tenure(seeded, queries) -> None:
    rows_ = rows(run_saved(seeded, queries, "roles", {}))
    ilya = [r for r in rows_ if r["name"] == "Ilya Sutskever" and r["role"] == "chief scientist"]
    assert ilya and all(r.get("tenureEnd", "").startswith("2024-05") for r in ilya)
    assert all(r["tenure"].startswith("https://w3id.org/newsgraph/id/tenure/") for r in ilya)


def test_members_on_keeps_to_the_organization_asked_and_its_teams(seeded, queries) -> None:
    """The parameter reaches the sub-select that finds the organization and its teams:
    no other organization's tenures come back."""
    anthropic = members(seeded, queries, org="Anthropic", date="2024-06-01")
    assert anthropic and {org for _, _, org in anthropic} == {"Anthropic"}
    openai = members(seeded, queries, org="OpenAI", date="2024-01-01")
    assert "OpenAI" in {org for _, _, org in openai}
    assert "Anthropic" not in {org for _, _, org in openai}


def test_a_changed_article_changes_the_inferred_graph_as_a_fresh_load_would(
        seeded, tmp_path) -> None:
    """The inferred graph is written as a difference: what the rules no longer entail goes,
    what they now entail comes, and the result is the graph a fresh store would infer."""
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    article = sorted(folder.glob("*.txt"))[0]
    text = article.read_text(encoding="utf-8")
    article.write_text(text[: len(text) // 3], encoding="utf-8")
    before = set(seeded.quads(INFERRED_GRAPH))
    assert load_paths(seeded, [folder]).ok
    fresh = Store(tmp_path / "fresh")
    assert load_paths(fresh, [folder]).ok
    after = set(seeded.quads(INFERRED_GRAPH))
    assert after == set(fresh.quads(INFERRED_GRAPH))
    assert before - after and after  # something went, and the rest stayed
    fresh.close()


def test_an_unchanged_inferred_graph_is_not_written_again(seeded) -> None:
    version = seeded.version()
    seeded.rebuild_inferred()
    assert seeded.version() == version


def test_an_inferred_graph_another_tool_changed_is_rebuilt(seeded) -> None:
    quads = sorted(seeded.quads(INFERRED_GRAPH), key=str)
    seeded._ox.remove(quads[0])  # a write newsgraph did not make: its digest still matches
    seeded.rebuild_inferred()
    assert sorted(seeded.quads(INFERRED_GRAPH), key=str) == quads


def test_an_inferred_graph_written_rule_by_rule_is_whole_or_absent(seeded) -> None:
    """An empty inferred graph is bulk-loaded with each rule's triples as they come. A rule
    that fails after another's were written leaves neither those triples nor a pending
    mark; the next rebuild writes the whole graph."""
    quads = set(seeded.quads(INFERRED_GRAPH))
    seeded.remove_graph(INFERRED_GRAPH)

    def parts() -> Iterator[bytes]:
        yield b"<https://example.org/a> <https://example.org/b> <https://example.org/c> .\n"
        raise QueryError("a rule failed")
    with pytest.raises(QueryError):
        seeded.patch_graph(INFERRED_GRAPH, parts())
    assert not seeded.quads(INFERRED_GRAPH)
    assert not list(seeded._ox.quads_for_pattern(None, PENDING, None, META_GRAPH))
    assert seeded.rebuild_inferred() == len(quads)
    assert set(seeded.quads(INFERRED_GRAPH)) == quads


TENURE_FACTS = """
@prefix ng: <https://w3id.org/newsgraph/ns#> .
@prefix ex: <https://example.org/> .
ex:team ng:unitOf ex:company .
ex:m1 a ng:Membership ; ng:member ex:ann ; ng:role ex:lead ; ng:organization ex:team ;
      ng:endBefore "2024-10-01" .
ex:m2 a ng:Membership ; ng:member ex:ann ; ng:role ex:lead ; ng:organization ex:team ;
      ng:endBefore "2024-09-01" .
ex:m3 a ng:Membership ; ng:member ex:bob ; ng:role ex:cto ; ng:organization ex:company .
ex:j1 a ng:Joining ; ng:participant ex:ann ; ng:date "2021-03-01" ; ng:organization ex:company .
ex:j2 a ng:Joining ; ng:participant ex:ann ; ng:date "2020-05-01" ; ng:organization ex:other .
ex:j3 a ng:Joining ; ng:participant ex:ann ; ng:date "2022-01-01" ; ng:organization ex:team .
ex:j4 a ng:Joining ; ng:participant ex:bob ; ng:date "2015-01-01" ; ng:organization ex:company .
ex:c1 a ng:RoleChange ; ng:participant ex:bob ; ng:newRole ex:cto ; ng:date "2019-01-01" ;
      ng:organization ex:company .
ex:c2 a ng:RoleChange ; ng:participant ex:bob ; ng:newRole ex:ceo ; ng:date "2018-01-01" ;
      ng:organization ex:company .
ex:d1 a ng:Departure ; ng:participant ex:ann ; ng:date "2024-05-01" ; ng:organization ex:company .
ex:d2 a ng:Dismissal ; ng:participant ex:ann ; ng:date "2024-07-01" ; ng:organization ex:company .
ex:d3 a ng:Departure ; ng:participant ex:bob ; ng:date "2023-01-01" ; ng:organization ex:team .
ex:d4 a ng:Departure ; ng:participant ex:ann ; ng:date "2024-06-01" ; ng:organization ex:team .
ex:m4 a ng:Membership ; ng:member ex:cy ; ng:role ex:ceo ; ng:organization ex:company .
ex:d5 a ng:Departure ; ng:participant ex:cy ; ng:date "2020" ; ng:organization ex:company .
ex:c3 a ng:RoleChange ; ng:participant ex:cy ; ng:newRole ex:ceo ; ng:date "2022-11-20" ;
      ng:organization ex:company .
ex:m5 a ng:Membership ; ng:member ex:ed ; ng:role ex:ceo ; ng:organization ex:company .
ex:c4 a ng:RoleChange ; ng:participant ex:ed ; ng:newRole ex:ceo ; ng:date "2020-03-01" ;
      ng:organization ex:company .
ex:d6 a ng:Departure ; ng:participant ex:ed ; ng:date "2020" ; ng:organization ex:company .
"""


def test_tenures_merge_memberships_and_take_their_dates_from_events_at_company_or_team(
        ) -> None:
    """A golden answer for the tenure rule: the earliest change to the role itself (bob
    joined in 2015 and became CTO in 2019: CTO since 2019), else the earliest joining (at
    the team or its company, which counts for the team; not the one elsewhere); the last
    leaving at the team or its company; a leaving from a team does not end a role at the
    company; two memberships merge into one tenure derived from both, ending before the
    earlier of their articles' "former" dates; a last leaving before the start is of an
    earlier tenure (cy left in 2020 and came back as CEO in 2022: open), one in the start's
    year is not (ed: 2020-03-01 to 2020)."""
    store = Store(None)
    graph = ox.NamedNode("https://w3id.org/newsgraph/graph/golden")
    store.replace_graph(graph, ox.parse(TENURE_FACTS, format=ox.RdfFormat.TURTLE))
    store.rebuild_inferred()
    ask = f"""PREFIX ng: <{NG}> PREFIX prov: <http://www.w3.org/ns/prov#>
    SELECT ?person ?org ?start ?end ?endBefore (COUNT(?m) AS ?merged) WHERE {{
      GRAPH <{INFERRED_GRAPH.value}> {{ ?t a ng:Tenure ; ng:member ?person ;
        ng:organization ?org ; prov:wasDerivedFrom ?m .
        OPTIONAL {{ ?t ng:start ?start }} OPTIONAL {{ ?t ng:end ?end }}
        OPTIONAL {{ ?t ng:endBefore ?endBefore }} }} }}
    GROUP BY ?t ?person ?org ?start ?end ?endBefore"""
    ex = "https://example.org/"
    assert sorted(rows(store.query(ask)), key=str) == sorted([
        {"person": ex + "ann", "org": ex + "team", "start": "2021-03-01",
         "end": "2024-07-01", "endBefore": "2024-09-01", "merged": "2"},
        {"person": ex + "bob", "org": ex + "company", "start": "2019-01-01", "merged": "1"},
        {"person": ex + "cy", "org": ex + "company", "start": "2022-11-20", "merged": "1"},
        {"person": ex + "ed", "org": ex + "company", "start": "2020-03-01", "end": "2020",
         "merged": "1"},
    ], key=str)
