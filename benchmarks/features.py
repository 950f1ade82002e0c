"""Per-feature figures on the seed articles copied --copies times (issues 4-7): what
validation, inference, the worker process, the canonical export and a remote store cost,
each against a reference measured in the same run."""
from __future__ import annotations

import json
import shutil
import statistics
import time
from pathlib import Path

import pyoxigraph as ox

from benchmarks.scale import result, timings
from loaders.fold import fold
from loaders.manifest import Source
from loaders.pipeline import process
from newsgraph.runners import QueryPool
from newsgraph.savedqueries import SavedQueries, run_saved
from newsgraph.store import Store, article_graph
from newsgraph.validate import validate_quads
from newsgraph.workers import Job, Limits, execute

ROOT = Path(__file__).resolve().parents[1]

PARAMS = {"timeline": {"person": "Jan Leike"}, "said": {"person": "Jan Leike"},
          "departures": {"org": "OpenAI"}, "members-on": {"org": "OpenAI", "date": "2024-01-01"}}


def corpus(folder: Path, copies: int) -> list[Source]:
    seeds = json.loads((ROOT / "seeds" / "manifest.json").read_text(encoding="utf-8"))
    sources = []
    for i in range(copies):
        for entry in seeds:
            target = folder / f"c{i:04d}_{entry['file']}"
            shutil.copyfile(ROOT / "seeds" / entry["file"], target)
            sources.append(Source(f"c{i:04d}_{entry['id']}", target, entry.get("language"),
                                  entry.get("publisher"), entry.get("title"),
                                  entry.get("published")))
    return sources


def seeds_of(processed: list) -> list:
    """The first copy of the seeds (validation is timed on these, once each)."""
    return [r for r in processed if r.source.id.startswith("c0000_")]


def timed(fn, repeat: int) -> float:
    """The median of the timings scale.py takes (fewer repeats for a slow call)."""
    return statistics.median(timings(fn, repeat))


def worker_overhead(store: Store, queries: SavedQueries, repeat: int) -> dict:
    """The endpoint's killable worker process (pipe, pickling, row-capped writing) against
    the same query evaluated and written in this process."""
    timeline = queries.get("timeline")

    def job() -> Job:
        return Job(timeline.text, substitutions=timeline.bindings(PARAMS["timeline"]),
                   fmt="json", version=store.version())
    store.settle()
    pool = QueryPool(store.location, Limits(workers=1))
    try:
        pool.run(job(), 30)  # the worker opens the store once
        pooled = timed(lambda: pool.run(job(), 30), repeat)
    finally:
        pool.close()
    inline = timed(lambda: execute(store, job()), repeat)
    return result("worker_timeline_ms", pooled * 1000, "ms", "in_process_timeline_ms",
                  inline * 1000, len(store))


def export_and_remote(store: Store, processed: list, queries: SavedQueries, load_s: float,
                      repeat: int, tmp: Path) -> list[dict]:
    """Issue 7's figures: the canonical export against pyoxigraph's own dump, and a real
    `oxigraph serve` as the store against the embedded one (load, then a saved query)."""
    from benchmarks.servers import oxigraph_server
    from newsgraph.export import export
    from newsgraph.remote import Endpoint, RemoteStore

    out = []
    exported = export(store, "nquads").count(b"\n")
    canonical = timed(lambda: export(store, "nquads"), 3)
    dump = timed(lambda: store._ox.dump(format=ox.RdfFormat.N_QUADS), 3)
    out.append(result("export_nquads_quads_s", exported / canonical, "quads/s",
                      "pyoxigraph_dump_quads_s", len(store) / dump, exported))
    quads = sum(len(r.quads) for r in processed)
    with oxigraph_server(tmp / "oxigraph") as url:
        remote = RemoteStore(Endpoint.of(url), schema=True)
        t = time.perf_counter()
        for r in processed:
            remote.replace_graph(article_graph(r.source.id), r.quads)
        remote_s = time.perf_counter() - t
        out.append(result("remote_load_quads", quads / remote_s, "quads/s",
                          "embedded_load_quads", quads / load_s, quads))
        remote.rebuild_inferred()
        for name in ("timeline", "people"):
            params = PARAMS.get(name, {})
            there = timed(lambda n=name, p=params: list(run_saved(remote, queries, n, p)), repeat)
            here = timed(lambda n=name, p=params: list(run_saved(store, queries, n, p)), repeat)
            out.append(result(f"remote_query_{name}_ms", there * 1000, "ms",
                              "embedded_api_ms", here * 1000, len(store)))
    return out


def features(tmp: Path, copies: int, repeat: int) -> list[dict]:
    sources = corpus(tmp, copies)
    texts = [s.path.read_text(encoding="utf-8") for s in sources]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    results = []
    process(sources[0])  # the lexicons compiled, untimed (the load ran in other processes)
    t = time.perf_counter()
    processed = [process(s) for s in sources]
    extract_s = time.perf_counter() - t
    t = time.perf_counter()
    for text in texts:
        fold(text)
    fold_s = time.perf_counter() - t
    results.append(result("extract_seeds_mb_s", mb / extract_s, "MB/s", "fold_mb_s",
                          mb / fold_s, len(sources)))
    sample = seeds_of(processed)
    validate_quads(sample[0].source.id, sample[0].quads)  # the shapes compiled, untimed
    t = time.perf_counter()
    for r in sample:
        validate_quads(r.source.id, r.quads)
    validate_s = (time.perf_counter() - t) / len(sample)
    results.append(result("validate_ms_article", validate_s * 1000, "ms",
                          "extract_ms_article", extract_s / len(sources) * 1000, len(sample)))
    store = Store(tmp / "store")
    t = time.perf_counter()
    for r in processed:
        store.replace_graph(article_graph(r.source.id), r.quads)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    inferred = store.rebuild_inferred()
    infer_s = time.perf_counter() - t
    results.append(result("infer_ms", infer_s * 1000, "ms", "load_ms", load_s * 1000,
                          inferred))
    queries = SavedQueries()
    results.append(worker_overhead(store, queries, repeat))
    results += export_and_remote(store, processed, queries, load_s, repeat, tmp)
    store.close()
    return results
