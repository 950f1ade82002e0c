"""newsgraph benchmark: each figure is a ratio to a reference measured in the same run.

    python benchmarks/bench.py [--copies 40] [--repeat 15]

- load_quads: quads/s through newsgraph's per-article atomic replace vs
  pyoxigraph.Store.bulk_load of the same N-Quads (the ceiling).
- query_api_<name>: median time of each saved query through newsgraph's Python API vs the
  same SPARQL with the same substitutions on a bare pyoxigraph.Store holding the same quads.
- extract_mb_s: MB of article text per second through the whole loader pipeline (clean,
  extract, RDF) vs the same text through `fold` alone (script folding, the one pass every
  match needs): the ratio shows what extraction costs on top of reading the text once.
- validate_ms_article: SHACL + cross-check validation of one article's quads (done before
  every store) vs extracting that article: what validation adds to a load.
- infer_ms: rebuilding the inferred graph (ontology/rules/*.rq) over the whole store vs
  writing the articles' quads into it: what inference adds to a load.
- worker_timeline_ms: the saved query `timeline` through the endpoint's killable worker
  process (pipe, pickling, row-capped writing) vs evaluated and written in this process.
- export_nquads_quads_s: the canonical (sorted, blank nodes named by content) N-Quads
  export vs pyoxigraph's own unsorted dump of the store.
- remote_load_quads, remote_query_<name>_ms: a real `oxigraph serve` as the store (one
  SPARQL Update per article; queries through SPARQLWrapper) vs the embedded store.

The corpus is the seed articles copied --copies times under new ids (the generator of
issue 8 will replace it). Results go to benchmarks/results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from loaders.clean import fold  # noqa: E402
from loaders.manifest import Source  # noqa: E402
from loaders.pipeline import process  # noqa: E402
from newsgraph.ingest import run_saved  # noqa: E402
from newsgraph.savedqueries import SavedQueries  # noqa: E402
from newsgraph.store import PREFIXES, Store, article_graph  # noqa: E402
from newsgraph.validate import validate_quads  # noqa: E402
from newsgraph.workers import Job, Limits, QueryPool, execute  # noqa: E402

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
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - t)
    return statistics.median(samples)


def result(name, value, unit, reference, reference_value, scale):
    return {"name": name, "value": round(value, 6), "unit": unit, "reference": reference,
            "reference_value": round(reference_value, 6),
            "ratio": round(value / reference_value, 3) if reference_value else None,
            "scale": scale}


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


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=7)
    args = ap.parse_args()
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        sources = corpus(Path(tmp), args.copies)
        texts = [s.path.read_text(encoding="utf-8") for s in sources]
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

        t = time.perf_counter()
        processed = [process(s) for s in sources]
        extract_s = time.perf_counter() - t
        t = time.perf_counter()
        for text in texts:
            fold(text)
        fold_s = time.perf_counter() - t
        results.append(result("extract_mb_s", mb / extract_s, "MB/s", "fold_mb_s", mb / fold_s,
                              len(sources)))

        sample = processed[: len(seeds_of(processed))]
        t = time.perf_counter()
        for r in sample:
            validate_quads(r.source.id, r.quads)
        validate_s = (time.perf_counter() - t) / len(sample)
        results.append(result("validate_ms_article", validate_s * 1000, "ms",
                              "extract_ms_article", extract_s / len(sources) * 1000, len(sample)))

        store = Store(Path(tmp) / "store")
        quads = sum(len(r.quads) for r in processed)
        t = time.perf_counter()
        for r in processed:
            store.replace_graph(article_graph(r.source.id), r.quads)
        load_s = time.perf_counter() - t
        t = time.perf_counter()
        inferred = store.rebuild_inferred()
        infer_s = time.perf_counter() - t
        results.append(result("infer_ms", infer_s * 1000, "ms", "load_ms", load_s * 1000,
                              inferred))
        dump = store._ox.dump(format=ox.RdfFormat.N_QUADS)  # every graph, the index too
        bare = ox.Store(str(Path(tmp) / "bare"))
        t = time.perf_counter()
        bare.bulk_load(dump, format=ox.RdfFormat.N_QUADS)
        bare.optimize()
        bulk_s = time.perf_counter() - t
        results.append(result("load_quads", quads / load_s, "quads/s", "bulk_load_quads",
                              len(dump.splitlines()) / bulk_s, quads))

        queries = SavedQueries()
        for q in queries:
            if any(p.required and p.name not in PARAMS.get(q.name, {}) for p in q.parameters):
                continue
            params = PARAMS.get(q.name, {})
            subs = q.bindings(params)
            api = timed(lambda q=q, params=params: list(run_saved(store, queries, q.name, params)),
                        args.repeat)
            ref = timed(lambda q=q, subs=subs: list(bare.query(q.text, prefixes=PREFIXES,
                                                                substitutions=subs)), args.repeat)
            results.append(result(f"query_api_{q.name}", api * 1000, "ms", "bare_pyoxigraph_ms",
                                  ref * 1000, len(store)))
        results.append(worker_overhead(store, queries, args.repeat))
        results += export_and_remote(store, processed, queries, load_s, args.repeat, Path(tmp))
        store.close()
    out = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                       "pyoxigraph": ox.__version__, "platform": platform.platform()},
           "results": results}
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(out, indent=2) + "\n")
    width = max(len(r["name"]) for r in results)
    print(f"{'figure':{width}}  {'value':>12}  {'reference':>12}  ratio")
    for r in results:
        print(f"{r['name']:{width}}  {r['value']:>12.3f}  {r['reference_value']:>12.3f}  "
              f"{r['ratio']}  ({r['unit']}, scale {r['scale']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
