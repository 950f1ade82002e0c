"""Saved-query headers: parsed once, checked, and a bad one named at start-up."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from newsgraph.errors import ParameterError, QueryDefinitionError
from newsgraph.savedqueries import SavedQueries, run_saved

from .conftest import rows

GOOD = """#+ summary: test
#+ defaults:
#+   - person: Jan Leike
SELECT ?x ?_person ?__limit_xsd_integer WHERE { BIND(?_person AS ?x) }
"""


def folder(tmp_path: Path, text: str) -> Path:
    (tmp_path / "q.rq").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_shipped_query_parses_with_its_parameters(queries: SavedQueries) -> None:
    names = set(queries.names())
    assert {"people", "roles", "events", "statements", "timeline", "departures", "said",
            "sources"} <= names
    timeline = queries.get("timeline")
    assert [(p.name, p.type, p.required, p.default) for p in timeline.parameters] == [
        ("person", "name", True, "Jan Leike")]
    assert queries.get("sources").parameters[0].type == "iri"


def test_parameters_are_typed_required_and_defaulted(tmp_path: Path) -> None:
    q = SavedQueries(folder(tmp_path, GOOD)).get("q")
    assert {p.name: (p.type, p.required) for p in q.parameters} == {
        "person": ("string", True), "limit": ("integer", False)}
    assert q.bindings({})[ox.Variable("_person")] == ox.Literal("Jan Leike")
    with pytest.raises(ParameterError, match="'limit' of query 'q' must be a integer"):
        q.bindings({"limit": "ten"})
    with pytest.raises(ParameterError, match="has no parameter 'color'"):
        q.bindings({"color": "red"})


@pytest.mark.parametrize("text, message", [
    ("SELECT * WHERE {}", "needs '#\\+ summary"),
    ("#+ summary: [unclosed\nSELECT * WHERE {}", "not valid YAML"),
    ("#+ summary: x\n#+ colour: red\nSELECT * WHERE {}", "unknown header key 'colour'"),
    ("#+ summary: x\nSELECT ?a WHERE { ?a ?b ?_p_xsd_bogus }", "unknown type suffix"),
    ("#+ summary: x\nSELECT ?a WHERE { ?a ?b ?_p }", "not in the SELECT projection"),
    ("#+ summary: x\n#+ defaults:\n#+   - nobody: 1\nSELECT * WHERE {}", "unknown parameter"),
])
def test_a_bad_header_stops_startup_and_names_the_file(tmp_path, text, message) -> None:
    with pytest.raises(QueryDefinitionError, match=message) as info:
        SavedQueries(folder(tmp_path, text))
    assert "q.rq" in str(info.value)


@pytest.mark.parametrize("hostile", [
    'Jan Leike" } ; DROP ALL ; #', "} UNION { ?s ?p ?o }", "x' || true || '",
    "<http://evil/> ", 'Jan\nLeike" } #', "\\u0022",
])
def test_parameter_values_are_data_never_sparql(seeded, queries, hostile) -> None:
    assert rows(run_saved(seeded, queries, "timeline", {"person": hostile})) == []
    assert rows(run_saved(seeded, queries, "people", {"article": hostile})) == []
