"""Store-level figures at one scale (N quads of benchmarks/corpus.py's N-Quads): load,
saved queries, HTTP under load, memory; each against pyoxigraph or `oxigraph serve` on
the same data. Loads run in child processes (`python benchmarks/scale.py load ...`) so
their peak memory is theirs alone.
"""
from __future__ import annotations

import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import quote, urlencode

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.asserted import asserted_store, asserted_text  # noqa: E402
from benchmarks.asserted import rewrites as asserted_rewrites  # noqa: E402
from benchmarks.loadgen import load as load_http  # noqa: E402
from benchmarks.loadgen import wrk_available, wrk_load  # noqa: E402
from benchmarks.memory import TreePeak, peak_rss_mb  # noqa: E402
from benchmarks.servers import free_port, launched, oxigraph_binary  # noqa: E402
from newsgraph.bindings import with_values  # noqa: E402
from newsgraph.remote import _PROLOGUE  # noqa: E402
from newsgraph.savedqueries import SavedQueries, SavedQuery  # noqa: E402
from newsgraph.store import PREFIXES, Store  # noqa: E402

CHEAP, AGGREGATE = "timeline", "activity"  # the two queries served under load
SETTLE = 3.0  # seconds between two HTTP runs: a run ends with requests in flight, which
# the server still answers (an aggregate for up to ~2 s); the next run starts on an idle one
NG = "https://w3id.org/newsgraph/ns#"


def result(name, value, unit, reference, reference_value, scale) -> dict:
    """One figure; its ratio is of the rounded values it shows, so a reader recomputes it
    exactly (a ratio of the raw values can differ in the last digit: 4.4375 - 1e-8)."""
    value, reference_value = round(value, 6), round(reference_value, 6)
    return {"name": name, "value": value, "unit": unit, "reference": reference,
            "reference_value": reference_value,
            "ratio": round(value / reference_value, 3) if reference_value else None,
            "scale": scale}


def _graphs(nquads: Path) -> Iterator[tuple[ox.NamedNode, bytes]]:
    """The file's N-Quads, a named graph at a time (corpus.py writes each graph whole), as
    the bytes an extraction process hands `load_paths` for an article."""
    graph, lines = b"", []
    with nquads.open("rb") as f:
        for line in f:
            name = line[line.rindex(b"<", 0, line.rindex(b">")):].rstrip(b" .\n")
            if name != graph and lines:
                yield ox.NamedNode(graph[1:-1].decode()), b"".join(lines)
                lines = []
            graph = name
            lines.append(line)
    if lines:
        yield ox.NamedNode(graph[1:-1].decode()), b"".join(lines)


def child_load(kind: str, nquads: Path, location: Path) -> dict:
    """One load, in this (child) process. newsgraph's path: N-Quads per article, as the
    extraction processes give them (splitting the file into them is the harness's work,
    not timed); batches of new graphs, each bulk-written between two transactions; the
    inferred graph; publish. pyoxigraph's: `bulk_load` (then `optimize`, untimed: the
    queries compared later read a compacted store on both sides, newsgraph's settled by
    its server). `quads` is the size of the dataset written, counted alike on both sides."""
    from loaders.pipeline import Stopwatch
    from newsgraph.ingest import BATCH_QUADS
    if kind == "newsgraph":
        watch = Stopwatch()  # laps: "store" for newsgraph's calls, "harness" for the split
        store, batch, size = Store(location), [], 0
        watch.lap("store")
        for graph, data in _graphs(nquads):
            batch.append((graph, data))
            size += data.count(b"\n")
            if size >= BATCH_QUADS:
                watch.lap("harness")
                store.replace_graphs(batch)
                watch.lap("store")
                batch, size = [], 0
        watch.lap("harness")
        store.replace_graphs(batch)
        store.rebuild_inferred()
        store.publish()
        watch.lap("store")
        seconds = watch.seconds["store"]
        quads = len(store)
        store.close()
    else:
        t = time.perf_counter()
        store = ox.Store(str(location))
        store.bulk_load(path=str(nquads), format=ox.RdfFormat.N_QUADS)
        store.flush()
        seconds = time.perf_counter() - t
        store.optimize()
        quads = len(store)
    return {"seconds": seconds, "quads": quads, "rss_mb": peak_rss_mb(os.getpid())}


def _run_child(kind: str, nquads: Path, location: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "load", kind, str(nquads), str(location)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def interleaved(fns: list, repeat: int, budget: float = 8.0) -> list[list[float]]:
    """`repeat` timings of each of `fns`, taken in turns after one untimed run of each, so
    none gets the warmer caches or the quieter moment of a shared machine; fewer rounds
    (at least 3) when they pass `budget` s each."""
    for fn in fns:
        fn()
    samples: list[list[float]] = [[] for _ in fns]
    while len(samples[0]) < repeat and (len(samples[0]) < 3
                                        or sum(map(sum, samples)) < budget * len(fns)):
        for fn, taken in zip(fns, samples, strict=True):
            t = time.perf_counter()
            fn()
            taken.append(time.perf_counter() - t)
    return samples


def timings(fn, repeat: int, budget: float = 8.0) -> list[float]:
    """`repeat` timings of `fn` (see `interleaved`)."""
    return interleaved([fn], repeat, budget)[0]


def _p95(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def parameters(store: Store) -> dict[str, dict[str, str]]:
    """Values that exist in the generated data, each giving rows: a person as often
    reported (or quoted, for `said`) as one in four (a typical name someone looks up; the
    handful in every article would be the worst case), and the most reported company."""
    def ranked(predicate: str) -> list[str]:
        rows = store.query(f"SELECT ?n (COUNT(*) AS ?c) WHERE {{ GRAPH ?g {{ ?e <{NG}"
                           f"{predicate}> ?x . ?x <{NG}name> ?n }} }} GROUP BY ?n "
                           "ORDER BY DESC(?c) ?n")
        return [row["n"].value for row in rows]
    people, speakers = ranked("participant"), ranked("speaker")
    person, org = people[len(people) // 4], ranked("organization")[0]
    return {"timeline": {"person": person}, "said": {"person": speakers[len(speakers) // 4]},
            "departures": {"org": org}, "members-on": {"org": org, "date": "2022-01-01"}}


def answer_rows(results: ox.QuerySolutions | ox.QueryTriples) -> list:
    """An answer as sorted rows (or N-Triples lines, for a CONSTRUCT), to compare."""
    if isinstance(results, ox.QueryTriples):
        return sorted(results.serialize(format=ox.RdfFormat.N_TRIPLES).splitlines())
    names = [v.value for v in results.variables]
    return sorted(tuple(str(row[n]) if row[n] is not None else "" for n in names)
                  for row in results)


def queries_figures(store: Store, bare: ox.Store, params: dict, repeat: int, scale: int,
                    figure: str = "query_api", reference: str = "bare_pyoxigraph",
                    text: Callable[[SavedQuery], str] = lambda q: q.text) -> list[dict]:
    """Every saved query through the Python API vs `text` of it (the same SPARQL, unless
    told) with the same substitutions on a bare pyoxigraph store: medians and 95th
    percentiles. The two answers are compared row for row first; a difference stops the
    benchmark, since the reference would be answering another question."""
    from newsgraph.savedqueries import run_saved
    queries, out = SavedQueries(), []
    for q in queries:
        if any(p.required and p.name not in params.get(q.name, {}) for p in q.parameters):
            continue
        given, sparql = params.get(q.name, {}), text(q)
        subs = q.bindings(given)

        def ours(q=q, g=given):
            return run_saved(store, queries, q.name, g)

        def theirs(t=sparql, s=subs):
            return bare.query(t, prefixes=PREFIXES, substitutions=s)
        if answer_rows(ours()) != answer_rows(theirs()):
            raise SystemExit(f"{figure}: {q.name} answers differently on the reference store")
        api, ref = interleaved([lambda f=ours: list(f()), lambda f=theirs: list(f())], repeat)
        out.append(result(f"{figure}_{q.name}", statistics.median(api) * 1000, "ms",
                          f"{reference}_ms", statistics.median(ref) * 1000, scale))
        out.append(result(f"{figure}_{q.name}_p95", _p95(api) * 1000, "ms",
                          f"{reference}_p95_ms", _p95(ref) * 1000, scale))
    return out


def serve_figures(ng_location: Path, ox_location: Path, params: dict, seconds: float,
                  scale: int) -> list[dict]:
    """`newsgraph serve` vs `oxigraph serve` on the same data, 8 closed-loop clients (wrk)
    on 127.0.0.1, a cheap query and an aggregate; then the cheap one while 4 of the 8 clients
    ask the aggregate (it must not block it); and each server's peak memory over the runs,
    summed over its whole process tree (`memory.py`)."""
    queries = SavedQueries()
    ng_port, ox_port = free_port(), free_port()
    ng_paths, ox_paths = {}, {}
    for name in (CHEAP, AGGREGATE):
        q, given = queries.get(name), params.get(name, {})
        ng_paths[name] = f"/queries/{name}?{urlencode(given)}" if given else f"/queries/{name}"
        text = _PROLOGUE + with_values(q.text, q.bindings(given))
        ox_paths[name] = "/query?query=" + quote(text)
    runs: dict[tuple[str, str], dict] = {}
    memory: dict[str, TreePeak] = {}
    ng_argv = [str(Path(sys.executable).with_name("newsgraph")), "--store", str(ng_location),
               "serve", "--port", str(ng_port), "--saved-timeout", "60",
               "--no-access-log"]  # as oxigraph serve, which writes no line per request
    ox_argv = [oxigraph_binary(), "serve-read-only", "--location", str(ox_location),
               "--bind", f"127.0.0.1:{ox_port}"]
    for server, argv, port, paths in (("newsgraph", ng_argv, ng_port, ng_paths),
                                      ("oxigraph", ox_argv, ox_port, ox_paths)):
        with launched(argv, port, f"{server} serve") as proc, \
                TreePeak(proc.pid) as memory[server]:
            url = f"http://127.0.0.1:{port}"
            for name in (CHEAP, AGGREGATE):
                drive(url, paths[name], 2, 1.0)  # warm up
                runs[server, name] = drive(url, paths[name], 8, seconds)
                time.sleep(SETTLE)
            runs[server, "mixed"] = _mixed(url, paths[CHEAP], paths[AGGREGATE], seconds)
    out = []
    for name, label in ((CHEAP, "timeline"), (AGGREGATE, "aggregate")):
        a, b = runs["newsgraph", name], runs["oxigraph", name]
        out.append(result(f"serve_req_s_{label}", a["req_s"], "req/s", "oxigraph_serve_req_s",
                          b["req_s"], scale))
        out.append(result(f"serve_p99_ms_{label}", a["p99_ms"], "ms", "oxigraph_serve_p99_ms",
                          b["p99_ms"], scale))
    out.append(result("serve_p99_ms_timeline_beside_aggregate", runs["newsgraph", "mixed"],
                      "ms", "oxigraph_serve_p99_ms", runs["oxigraph", "mixed"], scale))
    ours, theirs = memory["newsgraph"], memory["oxigraph"]
    out.append(result("serve_rss_mb", ours.rss_mb, "MB", "oxigraph_serve_rss_mb",
                      theirs.rss_mb, scale))
    out.append(result("serve_pss_mb", ours.pss_mb, "MB", "oxigraph_serve_pss_mb",
                      theirs.pss_mb, scale))
    for name, label in ((CHEAP, "timeline"), (AGGREGATE, "aggregate")):
        a, b = runs["newsgraph", name], runs["oxigraph", name]
        if a["errors"] or b["errors"]:  # kept as figures, the statuses printed beside
            print(f"serve {label}: newsgraph {a['statuses']}, oxigraph {b['statuses']}",
                  file=sys.stderr)
        out.append(result(f"serve_error_rate_{label}", a["error_rate"], "share",
                          "oxigraph_serve_error_rate", b["error_rate"], scale))
    return out


def drive(url: str, path: str, clients: int, seconds: float) -> dict:
    """`clients` closed-loop clients on one path: wrk when the machine has it (`make bench`
    says when not), else the Python client."""
    if wrk_available():
        return wrk_load(url, path, clients, seconds)
    return asyncio.run(load_http(url, [path], clients, seconds)).summary()


def _mixed(url: str, cheap: str, aggregate: str, seconds: float) -> float:
    """p99 (ms) of the cheap query from 4 clients while 4 others ask the aggregate."""
    with ThreadPoolExecutor(2) as both:
        cheap_run = both.submit(drive, url, cheap, 4, seconds)
        both.submit(drive, url, aggregate, 4, seconds).result()
        return cheap_run.result()["p99_ms"]


def _loads(nquads: Path, ng_dir: Path, ox_dir: Path, dump: Path, runs: int,
           run: Callable[[str, Path, Path], dict] = _run_child) -> tuple[dict, dict]:
    """newsgraph's load and the reference's, `runs` times each in turns (a load is one
    run of ~10 s at 1M quads, and the machine's pace drifts over minutes): the median
    seconds of each side, its peak RSS the highest. The reference loads what newsgraph
    stored (names index and inferred graph included), dumped after the first run."""
    ours: list[dict] = []
    bulk: list[dict] = []
    for turn in range(max(1, runs)):
        shutil.rmtree(ng_dir, ignore_errors=True)
        ours.append(run("newsgraph", nquads, ng_dir))
        if turn == 0:
            store = Store(ng_dir)
            store._ox.dump(output=str(dump), format=ox.RdfFormat.N_QUADS)
            store.close()
        shutil.rmtree(ox_dir, ignore_errors=True)
        bulk.append(run("bulk", dump, ox_dir))
    if {r["quads"] for r in ours + bulk} != {ours[0]["quads"]}:  # same dataset, or no ratio
        raise RuntimeError(f"the loads stored different datasets: newsgraph "
                           f"{[r['quads'] for r in ours]}, bulk_load {[r['quads'] for r in bulk]}")
    def kept(side: list[dict]) -> dict:
        return {"quads": side[0]["quads"], "runs": [r["seconds"] for r in side],
                "seconds": statistics.median(r["seconds"] for r in side),
                "rss_mb": max(r["rss_mb"] for r in side)}
    return kept(ours), kept(bulk)


def at_scale(quads: int, tmp: Path, repeat: int, serve_seconds: float,
             serve: bool, load_runs: int = 3) -> list[dict]:
    """Every store-level figure at one scale."""
    from benchmarks.corpus import write_quads
    nquads = tmp / f"corpus-{quads}.nq"
    written = write_quads(nquads, quads)
    ng_dir, ox_dir = tmp / f"ng-{quads}", tmp / f"ox-{quads}"
    ours, bulk = _loads(nquads, ng_dir, ox_dir, tmp / f"dump-{quads}.nq", load_runs)
    out = [result("load_quads", ours["quads"] / ours["seconds"], "quads/s", "bulk_load_quads",
                  bulk["quads"] / bulk["seconds"], written),
           result("load_rss_mb", ours["rss_mb"], "MB", "bulk_load_rss_mb", bulk["rss_mb"],
                  written)]
    store = Store(ng_dir)
    store.settle()
    bare = ox.Store.read_only(str(ox_dir))
    params = parameters(store)
    out += queries_figures(store, bare, params, repeat, len(store))
    del bare
    asserted, rewrites = asserted_store(store, tmp / f"asserted-{quads}"), asserted_rewrites()
    out += queries_figures(store, asserted, params, repeat, len(store), "query_asserted",
                           "asserted_pyoxigraph", lambda q: asserted_text(q, rewrites))
    store.close()
    del asserted
    if serve:
        out += serve_figures(ng_dir, ox_dir, params, serve_seconds, written)
    return out


if __name__ == "__main__":
    if sys.argv[1:2] == ["load"]:
        print(json.dumps(child_load(sys.argv[2], Path(sys.argv[3]), Path(sys.argv[4]))))
