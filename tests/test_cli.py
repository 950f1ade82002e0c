"""The CLI as a user (and score.py) calls it: a real subprocess on a real store."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from newsgraph.store import Store

from .conftest import SEEDS

CLI = [sys.executable, "-m", "newsgraph.cli"]


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, check=check)


def test_load_then_query_as_json(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    loaded = run("--store", store, "load", str(SEEDS))
    assert "5" in loaded.stderr and "statements" in loaded.stderr
    out = json.loads(run("--store", store, "query", "people", "--format", "json").stdout)
    names = {b["name"]["value"] for b in out["results"]["bindings"]}
    assert {"Ilya Sutskever", "Jan Leike", "Sam Altman"} <= names
    csv = run("--store", store, "query", "timeline", "-p", "person=Jan Leike", "-f", "csv").stdout
    assert csv.startswith("date,type,name")
    ask = run("--store", store, "sparql", "ASK { GRAPH ?g { ?s a ng:Departure } }", "-f", "json")
    assert json.loads(ask.stdout)["boolean"] is True
    explain = run("--store", store, "explain", "000_bd36855ec95a093e").stdout
    assert "Departure" in explain and "event-subject-departure" in explain
    trig = run("--store", store, "export", "--format", "trig").stdout
    assert "GRAPH" in trig or "{" in trig


def test_a_failed_article_gives_a_nonzero_exit_naming_it(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("OpenAI 首席科学家 Ilya Sutskever 宣布离职。", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = run("--store", str(tmp_path / "s"), "load", str(folder), check=False)
    assert result.returncode == 1
    assert "empty" in result.stderr and "failed" in result.stderr


def test_bad_parameters_and_unknown_queries_say_what_to_do(tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    Store(store).close()  # a store with the ontology and registry, no articles
    result = run("--store", store, "query", "timeline", "-p", "person", check=False)
    assert result.returncode == 2 and "NAME=VALUE" in result.stderr
    result = run("--store", store, "query", "nope", check=False)
    assert result.returncode == 2 and "known:" in result.stderr
    result = run("--store", store, "sparql", "INSERT DATA { <a:a> <a:b> <a:c> }", check=False)
    assert result.returncode == 2 and "read-only" in result.stderr


def test_a_read_where_no_store_is_names_the_path_and_creates_nothing(tmp_path: Path) -> None:
    """A mistyped --store: an error that names it and says what to do, not an empty answer
    from a store made there."""
    typo = tmp_path / "stroe"
    for args in (("query", "people"), ("sparql", "ASK { ?s ?p ?o }"), ("validate",)):
        result = run("--store", str(typo), *args, check=False)
        said = " ".join(result.stderr.split())  # as the terminal wraps it
        assert result.returncode == 2 and f"no store at {typo}" in said
        assert "load" in said and not typo.exists()


def test_queries_lists_names_and_parameters() -> None:
    out = run("queries").stdout
    assert "timeline" in out and "person:name" in out


def test_reason_checks_a_loaded_store_and_reports_json(seeded_dir: Path, tmp_path: Path) -> None:
    import shutil
    store = tmp_path / "store"
    shutil.copytree(seeded_dir, store)
    report = json.loads(run("--store", str(store), "reason", "--format", "json").stdout)
    assert report["consistent"] and report["unsatisfiable"] == [] and report["triples"] > 2000
    text = run("--store", str(store), "reason", "--ontology-only")
    assert "consistent" in text.stderr
