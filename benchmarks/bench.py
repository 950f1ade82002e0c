"""newsgraph benchmark: every figure is a ratio to a reference measured in the same run.

    python benchmarks/bench.py      # make bench: 1,000 articles; 100k and 1M quads
    python benchmarks/bench.py --articles 10000 --scales 100000,1000000,5000000   # the full run

Sections (see benchmarks/README.md for each figure):
- extraction: N generated articles (benchmarks/corpus.py; en, de, zh-Hans, zh-Hant) through
  `load_paths`, the code `newsgraph load` runs: MB/s and articles/s, the time per stage.
- scale: at each size, generated newsgraph-shaped N-Quads loaded through newsgraph's path vs
  pyoxigraph's bulk_load; every saved query through the Python API vs bare pyoxigraph;
  `newsgraph serve` vs `oxigraph serve` at concurrency 8; peak memory.
- features: the seed articles copied --copies times: validation, inference, the query
  worker, the canonical export and a remote store, each against its reference.

Results go to benchmarks/results.json and the table in benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus import write_articles  # noqa: E402
from benchmarks.loadgen import wrk_available  # noqa: E402
from benchmarks.scale import at_scale, result  # noqa: E402
from loaders.fold import fold  # noqa: E402
from loaders.manifest import read_sources  # noqa: E402
from loaders.pipeline import Stopwatch  # noqa: E402
from newsgraph.extraction import as_worker, extract  # noqa: E402
from newsgraph.ingest import load_paths  # noqa: E402
from newsgraph.store import Store  # noqa: E402

TARGET_ARTICLES_S = 10_000 / 300  # the target: 10,000 articles in 5 minutes
MARK = "<!-- results -->"


ONE_CORE_ARTICLES = 300  # the one-process extraction pass: enough for a stable MB/s


def extraction(tmp: Path, n: int) -> list[dict]:
    """`load_paths` over n generated articles (extraction in a pool of processes from 64
    articles on): throughput, and the seconds of each stage, summed over the processes.
    `extract_mb_s` is the issue's one-core figure: the first articles extracted and
    checked in this process alone, without the store."""
    folder = tmp / f"articles-{n}"
    write_articles(folder, n)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    watch = Stopwatch()
    t = time.perf_counter()
    store = Store(tmp / f"extract-{n}")
    report = load_paths(store, [folder], watch=watch)
    total = time.perf_counter() - t
    store.close()
    if report.failed:
        raise RuntimeError(f"{len(report.failed)} generated articles failed: {report.failed[0]}")
    t = time.perf_counter()
    for text in texts:
        fold(text)
    fold_s = time.perf_counter() - t
    out = [result("extract_mb_s", _one_core_mb_s(folder), "MB/s", "fold_mb_s", mb / fold_s, n),
           result("load_articles_s", n / total, "articles/s", "target_10k_in_5_min",
                  TARGET_ARTICLES_S, n),
           result("load_mb_s", mb / total, "MB/s", "fold_mb_s", mb / fold_s, n)]
    out += [result(f"stage_{stage}_s", seconds, "s", "load_s", total, n)
            for stage, seconds in sorted(watch.seconds.items(), key=lambda kv: -kv[1])]
    return out + small_load(tmp, tmp / f"extract-{n}", n)


SMALL_LOAD = 10  # new articles in the follow-up loads into the store of N


def small_load(tmp: Path, location: Path, n: int) -> list[dict]:
    """Ten new articles loaded into the store of n: the inferred graph updated for what
    they change, against ten others loaded with the rules run over the whole store (the
    reference: what every load did before)."""
    seconds = {}
    for mode, seed in (("changes", 11), ("whole", 13)):
        folder = tmp / f"small-{n}-{mode}"
        write_articles(folder, SMALL_LOAD, seed=seed, prefix=f"{mode}-")
        store = Store(location)
        store.whole_share = 0.0 if mode == "whole" else store.whole_share
        t = time.perf_counter()
        report = load_paths(store, [folder])
        seconds[mode] = time.perf_counter() - t
        store.close()
        if report.inferred != mode or report.failed:
            raise RuntimeError(f"the load of {SMALL_LOAD} articles into {n} updated the "
                               f"inferred graph {report.inferred!r}, not {mode!r}")
    return [result("load_small_s", seconds["changes"], "s", "load_small_whole_s",
                   seconds["whole"], n)]


def _one_core_mb_s(folder: Path) -> float:
    sources = read_sources([folder])[0][:ONE_CORE_ARTICLES]
    mb = sum(s.path.stat().st_size for s in sources) / 1e6
    watch = Stopwatch()
    before = as_worker()  # as a pool process is: lexicons compiled, the collector set
    t = time.perf_counter()
    for source in sources:
        extract(source, watch)
    seconds = time.perf_counter() - t
    gc.set_threshold(*before)
    return mb / seconds


def machine() -> dict:
    versions = {name: metadata.version(name) for name in (
        "pyoxigraph", "oxigraph", "rdflib", "pyshacl", "fastapi", "uvicorn", "opencc")}
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "platform": platform.platform(), **versions, "load_generator": load_generator()}


def load_generator() -> str:
    """What drives the HTTP figures: wrk, or the Python client where wrk is missing."""
    if not wrk_available():
        return ("benchmarks/loadgen.py (httpx; install Debian's wrk: this client sets the "
                "pace on a small machine)")
    version = subprocess.run(["wrk", "-v"], capture_output=True, text=True).stdout.split()
    return " ".join(version[:2])


def table(results: list[dict]) -> str:
    lines = ["| figure | scale | value | reference | ratio |", "|---|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| `{r['name']}` | {r['scale']:,} | {r['value']:,.3f} {r['unit']} | "
                     f"{r['reference_value']:,.3f} (`{r['reference']}`) | {r['ratio']} |")
    return "\n".join(lines)


def save(results: list[dict], argv: list[str]) -> None:
    out = {"machine": machine(), "command": " ".join(["python", "benchmarks/bench.py", *argv]),
           "results": results}
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(out, indent=2) + "\n")
    readme = ROOT / "benchmarks" / "README.md"
    text = readme.read_text(encoding="utf-8")
    head = text.split(MARK)[0]
    readme.write_text(f"{head}{MARK}\nCommand: `{out['command']}`; machine: "
                      f"{out['machine']['cpus']} CPUs, Python {out['machine']['python']}, "
                      f"pyoxigraph {out['machine']['pyoxigraph']}; HTTP load: "
                      f"{out['machine']['load_generator']}.\n\n{table(results)}\n",
                      encoding="utf-8")


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", default="1000", help="comma-separated article counts")
    ap.add_argument("--scales", default="100000,1000000", help="comma-separated quad counts")
    ap.add_argument("--serve-at", type=int, default=1_000_000,
                    help="the scale the servers are compared at (the largest ≤ it)")
    ap.add_argument("--serve-seconds", type=float, default=8.0)
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--load-runs", type=int, default=3,
                    help="loads of each side per scale, in turns (the median is kept)")
    ap.add_argument("--copies", type=int, default=20, help="seed copies for the features")
    args = ap.parse_args(argv)
    scales = [int(s) for s in args.scales.split(",") if s]
    serve_at = max([s for s in scales if s <= args.serve_at], default=None)
    results: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(a) for a in args.articles.split(",") if a):
            results += extraction(Path(tmp), n)
            print(f"extraction at {n} articles done", file=sys.stderr)
        for quads in scales:
            results += at_scale(quads, Path(tmp), args.repeat, args.serve_seconds,
                                serve=quads == serve_at, load_runs=args.load_runs)
            print(f"scale {quads} done", file=sys.stderr)
        if args.copies:
            from benchmarks.features import features
            (Path(tmp) / "features").mkdir()
            results += features(Path(tmp) / "features", args.copies, args.repeat)
    save(results, argv)
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
