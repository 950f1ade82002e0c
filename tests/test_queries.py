"""Golden questions over the seeds, answered by the saved queries, compared as sets of rows."""
from __future__ import annotations

from newsgraph.savedqueries import run_saved

from .conftest import rows


def ask(store, queries, name, **params):
    return rows(run_saved(store, queries, name, params))


def test_jan_leike_timeline_holds_his_departure_and_his_joining_anthropic(seeded, queries) -> None:
    events = {(r["type"], r.get("orgName"), r.get("date", "")[:7])
              for r in ask(seeded, queries, "timeline", person="Jan Leike")}
    assert ("Departure", "OpenAI", "2024-05") in events
    assert any(t == "Joining" and org == "Anthropic" for t, org, _ in events)


def test_timeline_finds_a_person_by_any_name(seeded, queries) -> None:
    def events(person: str) -> set[tuple[str, str]]:
        return {(r["event"], r["articleId"])
                for r in ask(seeded, queries, "timeline", person=person)}

    by_english = events("Ilya Sutskever")
    assert by_english and by_english == events("伊爾亞·蘇茨克維") == events("ilya sustkever")


def test_a_statement_of_jan_leike_is_found_with_its_quote(seeded, queries) -> None:
    said = ask(seeded, queries, "said", person="Jan Leike")
    assert any("我辞职了" in r["quote"] for r in said)
    for r in said:
        assert int(r["start"]) < int(r["end"])


def test_quotes_are_exact_substrings_of_the_original_files(seeded, queries) -> None:
    from .conftest import SEEDS
    texts = {p.stem: p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")}
    for r in ask(seeded, queries, "statements"):
        assert r["quote"] in texts[r["articleId"]]


def test_kokotajlo_is_quoted_via_vox(seeded, queries) -> None:
    said = ask(seeded, queries, "said", person="Daniel Kokotajlo")
    assert any(r.get("via") == "Vox" for r in said)


def test_people_uses_english_names_and_the_registry_spellings(seeded, queries) -> None:
    people = {(r["name"], r["articleId"]) for r in ask(seeded, queries, "people")}
    assert ("Sam Altman", "004_8e9a9738eb6568fa") in people  # "Ultraman" there
    assert ("John Schulman", "004_8e9a9738eb6568fa") in people  # "Schumann" there
    assert ("Mira Murati", "003_30d4356a21788681") in people  # 米拉·穆拉蒂


def test_roles_carry_english_labels(seeded, queries) -> None:
    roles = {(r["name"], r["role"], r.get("orgName")) for r in ask(seeded, queries, "roles")}
    assert ("Ilya Sutskever", "chief scientist", "OpenAI") in roles
    assert ("Jared Kaplan", "chief science officer", "Anthropic") in roles


def test_departures_lists_who_left_openai_in_2024(seeded, queries) -> None:
    left = {r["name"] for r in ask(seeded, queries, "departures", org="OpenAI", **{"from": "2024"})}
    assert {"Ilya Sutskever", "Jan Leike"} <= left


def test_sources_gives_the_evidence_of_a_fact(seeded, queries) -> None:
    event = next(r["event"] for r in ask(seeded, queries, "timeline", person="Jan Leike")
                 if r["type"] == "Departure")
    evidence = ask(seeded, queries, "sources", fact=event)
    assert evidence and all(r["rule"].startswith("event-") for r in evidence)
    assert len({r["articleId"] for r in evidence}) >= 2  # one happening, several reports


def test_every_fact_carries_its_rule_and_evidence(seeded) -> None:
    missing = rows(seeded.query("""
        SELECT ?fact WHERE { GRAPH ?g {
          { ?fact a ng:Membership } UNION { ?fact a ng:Statement } UNION
          { ?fact ng:participant ?p }
          FILTER NOT EXISTS { ?fact ng:rule ?r ; ng:evidence ?e }
        } }"""))
    assert missing == []


def test_conflicts_and_corroboration_keep_each_source(tmp_path, queries) -> None:
    from newsgraph.ingest import load_paths
    from newsgraph.store import Store

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("OpenAI 首席科学家 Ilya Sutskever 于 2024 年 5 月 15 日宣布离职。",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Ilya Sutskever verließ OpenAI im Juni 2024.", encoding="utf-8")
    (folder / "c.txt").write_text("Ilya Sutskever was fired by OpenAI in May 2024.",
                                  encoding="utf-8")
    store = Store(tmp_path / "store")
    assert load_paths(store, [folder]).ok
    conflicts = {(r["kind"], r["value"], r["otherValue"])
                 for r in ask(store, queries, "conflicts")}
    assert ("date", "2024-05-15", "2024-06") in conflicts
    assert ("type", "Departure", "Dismissal") in conflicts
    counts = {r["type"]: int(r["articles"]) for r in ask(store, queries, "corroboration")
              if r.get("name") == "Ilya Sutskever"}
    assert counts["Departure"] == 2 and counts["Dismissal"] == 1


def test_every_quote_selector_is_exactly_its_position_selector(seeded) -> None:
    from .conftest import SEEDS
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in SEEDS.glob("*.txt")}
    spans = seeded.query("""SELECT ?id ?exact ?start ?end WHERE { GRAPH ?g {
        ?ev oa:hasSource ?a ; oa:hasSelector ?q, ?p . ?a ng:articleId ?id .
        ?q oa:exact ?exact . ?p oa:start ?start ; oa:end ?end } }""")
    checked = 0
    for row in spans:
        text = texts[row["id"].value]
        assert text[int(row["start"].value):int(row["end"].value)] == row["exact"].value
        checked += 1
    assert checked > 100


def test_activity_counts_the_events_the_events_query_lists(seeded, queries) -> None:
    """The aggregate agrees with the rows it sums: events per type per month."""
    expected: dict[tuple[str, str], set[str]] = {}
    for r in ask(seeded, queries, "events"):
        if len(r.get("date", "")) >= 7:
            expected.setdefault((r["type"], r["date"][:7]), set()).add(r["event"])
    counts = {(r["type"], r["month"]): int(r["events"]) for r in ask(seeded, queries, "activity")}
    assert counts == {k: len(v) for k, v in expected.items()}
    assert counts[("Departure", "2024-05")] >= 1
    departures = ask(seeded, queries, "activity", type="Departure")
    assert {r["type"] for r in departures} == {"Departure"}


def test_departures_keep_to_the_organization_asked_and_its_teams(seeded, queries) -> None:
    openai = ask(seeded, queries, "departures", org="OpenAI")
    assert "OpenAI" in {r["orgName"] for r in openai}
    assert not {r["orgName"] for r in openai} & {"Anthropic", "Microsoft", "xAI"}
    assert {r["type"] for r in openai} <= {"Departure", "Dismissal"}
    microsoft = ask(seeded, queries, "departures", org="Microsoft")
    assert microsoft and {r["orgName"] for r in microsoft} == {"Microsoft"}
