"""A server and a writer at once: `newsgraph serve` reads a store while a load in another
process rewrites it; readers see the old article or the new one, never a partial one; a
load killed at any moment leaves every article whole.

`make test` runs small versions; `make stress` (NEWSGRAPH_STRESS=1) the issue's sizes:
200 reloads against 2 readers, 8 SIGKILLs.
"""
from __future__ import annotations

import multiprocessing as mp
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from loaders.manifest import read_sources
from loaders.pipeline import process
from newsgraph.http import create_app
from newsgraph.store import Store, article_graph

from .conftest import ROOT, SEEDS, STRESS, newsgraph_serve, serving

RELOADS = 200 if STRESS else 30
KILLS = 8 if STRESS else 2
ARTICLE = "001_3247dade6bf5a2bf"
ARTICLES = ROOT / "tests" / "articles"
COUNT = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{article_graph(ARTICLE).value}> {{ ?s ?p ?o }} }}"


def _cut_last_paragraph(source: Path, target: Path) -> None:
    """A second version of an article: the same text without its last paragraph."""
    text = source.read_text(encoding="utf-8").rstrip()
    target.write_text(text[:text.rfind("\n")], encoding="utf-8")


def _versions(tmp_path: Path) -> tuple[list[ox.Quad], list[ox.Quad]]:
    """The article as published and a shorter edit of it (its last paragraph cut)."""
    source = next(s for s in read_sources([SEEDS])[0] if s.id == ARTICLE)
    edited = tmp_path / "edited.txt"
    _cut_last_paragraph(source.path, edited)
    short = process(type(source)(**{**source.__dict__, "path": edited}))
    return process(source).quads, short.quads


def _rewrite(location: str, versions: tuple[list, list], times: int, ready) -> None:
    """The writer process: replace the article `times` times, publishing each version."""
    store = Store(location)
    ready.set()
    for i in range(times):
        store.replace_graph(article_graph(ARTICLE), versions[i % 2])
        store.publish()
    store.close()


def _read(port: int, stop: threading.Event, seen: list, failures: list) -> None:
    with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
        while not stop.is_set():
            r = client.get("/sparql", params={"query": COUNT})
            if r.status_code != 200:
                failures.append((r.status_code, r.text[:200]))
                continue
            seen.append(int(r.json()["results"]["bindings"][0]["n"]["value"]))


@pytest.mark.slow
def test_readers_see_one_whole_version_while_another_process_reloads(seeded_dir, tmp_path):
    location = tmp_path / "store"
    shutil.copytree(seeded_dir, location)
    versions = _versions(tmp_path)
    sizes = {len(set(v)) for v in versions}
    server_store = Store.for_serving(location)  # read-only: the writer may open the store
    ctx = mp.get_context("spawn")
    ready = ctx.Event()
    writer = ctx.Process(target=_rewrite, args=(str(location), versions, RELOADS, ready))
    seen: list[int] = []
    failures: list = []
    with serving(create_app(server_store)) as port:
        writer.start()
        assert ready.wait(60), "the writer could not open the store beside the server"
        stop = threading.Event()
        readers = [threading.Thread(target=_read, args=(port, stop, seen, failures))
                   for _ in range(2)]
        for reader in readers:
            reader.start()
        writer.join(300)
        time.sleep(0.5)  # a few reads of the last version
        stop.set()
        for reader in readers:
            reader.join(30)
        last = httpx.get(f"http://127.0.0.1:{port}/sparql", params={"query": COUNT}).json()
    assert writer.exitcode == 0
    assert not failures, failures[:3]
    assert seen and set(seen) <= sizes, sorted(set(seen) - sizes)
    assert int(last["results"]["bindings"][0]["n"]["value"]) == len(set(versions[(RELOADS - 1) % 2]))
    print(f"{RELOADS} reloads, {len(seen)} reads, 0 partial")


def _graphs(store: Store) -> dict[str, set]:
    return {g.value: set(store.quads(g)) for g in store.article_graphs()}


@pytest.mark.slow
def test_a_load_killed_at_any_moment_leaves_every_article_whole(seeded_dir, tmp_path):
    """Reload an edited copy of the seeds with `newsgraph load` and SIGKILL it at a random
    moment; each time the store opens and each article is the old one or the new one."""
    edited = tmp_path / "edited"
    shutil.copytree(SEEDS, edited)
    for text_file in edited.glob("*.txt"):
        _cut_last_paragraph(text_file, text_file)
    location = tmp_path / "store"
    shutil.copytree(seeded_dir, location)
    old = _graphs(Store.open_read_only(location))
    reference = Store(None)
    from newsgraph.ingest import load_paths
    load_paths(reference, [edited])
    new = _graphs(reference)
    rng = random.Random(6)
    newsgraph = [sys.executable, "-m", "newsgraph.cli", "--store", str(tmp_path / "timed"),
                 "load", str(edited)]
    shutil.copytree(seeded_dir, tmp_path / "timed")
    started = time.monotonic()
    subprocess.run(newsgraph, check=True, capture_output=True)
    duration = time.monotonic() - started  # a whole load, start-up included
    newsgraph[4] = str(location)
    states: list[int] = []
    for attempt in range(4 * KILLS):  # a load quicker than the timed one may end first:
        if len(states) == KILLS:      # its articles are checked, and another is killed
            break
        loader = subprocess.Popen(newsgraph, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.05, 0.95) * duration)
        killed = loader.poll() is None
        if killed:
            loader.send_signal(signal.SIGKILL)
        loader.wait(10)
        store = Store(location)  # the writer's lock is gone with it; the store opens
        graphs = _graphs(store)
        store.close()
        del store
        assert set(graphs) == set(old)
        whole = {g: "new" if graphs[g] == new[g] else "old" if graphs[g] == old[g] else "BROKEN"
                 for g in graphs}
        assert "BROKEN" not in whole.values(), whole
        assert killed or set(whole.values()) == {"new"}, (attempt, whole)
        if killed:
            states.append(sum(v == "new" for v in whole.values()))
        # back to the old version for the next kill
        shutil.rmtree(location)
        shutil.copytree(seeded_dir, location)
    assert len(states) == KILLS, "the loads kept ending before their kill"
    print(f"{KILLS} kills survived; articles already new at each kill: {states}")


@pytest.mark.slow
def test_newsgraph_load_runs_while_newsgraph_serve_answers(seeded_dir, tmp_path) -> None:
    """The README's two commands side by side: the load is not refused for the server's
    sake, and the server's next answer includes what it loaded."""
    location = tmp_path / "store"
    shutil.copytree(seeded_dir, location)
    people = "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { GRAPH ?g { ?p a ng:Person } }"
    with newsgraph_serve(location) as url:
        before = httpx.get(url + "/health").json()
        count = httpx.get(url + "/sparql", params={"query": people}).json()
        loaded = subprocess.run([sys.executable, "-m", "newsgraph.cli", "--store",
                                 str(location), "load", str(ARTICLES)],
                                capture_output=True, text=True, timeout=300)
        assert loaded.returncode == 0, loaded.stderr
        after = httpx.get(url + "/health").json()
        recount = httpx.get(url + "/sparql", params={"query": people}).json()
    assert after["articles"] > before["articles"] and after["version"] != before["version"]
    n = [int(c["results"]["bindings"][0]["n"]["value"]) for c in (count, recount)]
    assert n[1] > n[0]


@pytest.mark.slow
def test_reading_commands_work_while_a_load_holds_the_store(seeded_dir, tmp_path) -> None:
    """`query` and `export` read the last published version; only `load` needs the lock."""
    location = tmp_path / "store"
    shutil.copytree(seeded_dir, location)
    writer = Store(location)  # as a long `newsgraph load` would
    try:
        cli = [sys.executable, "-m", "newsgraph.cli", "--store", str(location)]
        people = subprocess.run([*cli, "query", "people", "--format", "json"],
                                capture_output=True, text=True, timeout=120)
        assert people.returncode == 0, people.stderr
        assert "jan-leike" in people.stdout
        dump = subprocess.run([*cli, "export", "--format", "nquads"], capture_output=True,
                              timeout=120)
        assert dump.returncode == 0 and dump.stdout.count(b"\n") > 1000
        second = subprocess.run([*cli, "load", str(ARTICLES)], capture_output=True,
                                text=True, timeout=120)
        assert second.returncode != 0 and "another newsgraph process" in second.stderr
    finally:
        writer.close()


def _descendants(pid: int) -> set[int]:
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_parallel_load_killed_leaves_no_extraction_process_behind(tmp_path: Path) -> None:
    """`load --jobs 2` extracts in a pool of processes; SIGKILL the load and they end too."""
    from benchmarks.corpus import write_articles
    write_articles(tmp_path / "articles", 300)
    loader = subprocess.Popen([sys.executable, "-m", "newsgraph.cli", "--store",
                               str(tmp_path / "store"), "load", "--jobs", "2",
                               str(tmp_path / "articles")],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline, pool = time.monotonic() + 60, set()
    while len(pool) < 3 and time.monotonic() < deadline:  # the forkserver and 2 workers
        time.sleep(0.2)
        pool = _descendants(loader.pid)
    assert len(pool) >= 3 and loader.poll() is None, "the pool never started"
    loader.send_signal(signal.SIGKILL)
    loader.wait(10)
    deadline = time.monotonic() + 15
    while any(map(_running, pool)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in pool if _running(pid)]
