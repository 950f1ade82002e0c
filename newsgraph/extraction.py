"""Articles through the extraction pipeline and the ontology's check, in this process or in
a pool of processes.

Extraction is pure Python, bound to one core. A load of many articles runs it in `jobs`
processes (forked from a forkserver, each set up once by `as_worker`), a few chunks
ahead of the store writes and in the order of the sources, so the store ends up exactly as
a sequential load leaves it. The stage seconds of every process are summed into the
caller's Stopwatch (CPU seconds, not wall time).
"""
from __future__ import annotations

import gc
import multiprocessing as mp
import os
import threading
import time
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from pathlib import Path

from loaders.manifest import Source
from loaders.pipeline import ArticleResult, Stopwatch, process, process_text
from newsgraph.errors import ArticleError, NewsgraphError
from newsgraph.validate import validate_triples

Outcome = ArticleResult | NewsgraphError
WARM_UP = {"en": 'Jan Leike, a former OpenAI researcher, left in May. "Yes," he said.',
           "de": "Jan Leike, ein früherer Forscher bei OpenAI, ging im Mai. „Ja“, sagte er.",
           "zh": "前研究员张伟于 2024 年 5 月离职，他表示：「是」。"}
POOL_FROM = 64  # fewer articles: starting the processes (~1 s) costs more than it saves
CHUNK = 16  # articles per task: large enough to pay for the pickling, small for the order
AHEAD = 8  # chunks per process submitted ahead of the writes
# tracked allocations (net) between two collections of the collector's youngest generation:
# an article's extraction makes tens of thousands of short-lived objects that reference
# counting frees, and at Python's default of 700 the collector ran ~2 times an article for
# ~5 % of the time, finding almost nothing
YOUNG_GC = 10_000


def jobs_for(requested: int | None, articles: int) -> int:
    """Processes to extract with: `requested`, or (None or 0) one per CPU for a large load."""
    if requested:
        return max(1, requested)
    return (os.cpu_count() or 1) if articles >= POOL_FROM else 1


def extract(source: Source, watch: Stopwatch) -> Outcome:
    """One article's extraction, checked; a bad article is its error, not an exception."""
    try:
        result = checked(process(source, watch))
        watch.lap("validate")
        return result
    except NewsgraphError as exc:
        return exc
    except Exception as exc:  # noqa: BLE001 - a bug in one article's extraction must not
        # stop the load; it is reported by name and the store keeps the old version
        return ArticleError(f"{source.path}: extraction failed ({type(exc).__name__}: {exc})",
                            hint="please report this article; the rest of the batch was loaded")


def checked(result: ArticleResult) -> ArticleResult:
    """An article's extraction, refused if it is empty or breaks the ontology."""
    source = result.source
    if not result.triples:
        raise ArticleError(f"{source.path}: no facts extracted")
    violations = validate_triples(source.id, result.triples)
    if violations:
        more = f" (+{len(violations) - 1} more)" if len(violations) > 1 else ""
        raise ArticleError(f"{source.path}: rejected by the ontology: {violations[0]}{more}",
                           hint="run 'newsgraph validate' for the full report; the article "
                                "was not stored")
    return result


def extract_all(sources: list[Source], jobs: int, watch: Stopwatch
                ) -> Iterator[tuple[Source, Outcome]]:
    """Each source with its outcome, in order."""
    if jobs <= 1:
        for source in sources:
            yield source, extract(source, watch)
        return
    chunks = [sources[i:i + CHUNK] for i in range(0, len(sources), CHUNK)]
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["newsgraph.extraction"])
    with ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_start,
                             initargs=(os.getpid(),)) as pool:
        ahead: deque[tuple[list[Source], Future]] = deque()
        for chunk in chunks:
            ahead.append((chunk, pool.submit(_extract_chunk, chunk)))
            if len(ahead) > AHEAD * jobs:
                yield from _collect(*ahead.popleft(), watch)
        while ahead:
            yield from _collect(*ahead.popleft(), watch)


def _collect(chunk: list[Source], future: Future, watch: Stopwatch
             ) -> Iterator[tuple[Source, Outcome]]:
    try:
        outcomes, seconds = future.result()
    except BrokenProcessPool as exc:
        raise NewsgraphError("an extraction process died (out of memory?); the articles "
                             "written before it are whole",
                             hint="rerun the load with --jobs 1") from exc
    watch.add(seconds)
    yield from zip(chunk, outcomes, strict=True)


def _extract_chunk(chunk: list[Source]) -> tuple[list, dict[str, float]]:
    """In a pool process: the triples travel as N-Quads (pickling each term costs 10× more),
    the facts stay (the load reports only their counts)."""
    watch = Stopwatch()
    outcomes = []
    for source in chunk:
        outcome = extract(source, watch)
        if isinstance(outcome, ArticleResult):
            outcome = replace(outcome, triples=[], facts=[], nquads=outcome.stored())
        outcomes.append(outcome)
    return outcomes, watch.seconds


def _start(loader: int) -> None:
    """A pool process: it ends when the loading process is gone (a load killed with
    SIGKILL leaves no extraction process behind), set up by `as_worker` before its first
    article."""
    def watch() -> None:
        while True:
            time.sleep(0.5)
            try:
                os.kill(loader, 0)
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=watch, daemon=True).start()
    as_worker()


def as_worker() -> tuple[int, ...]:
    """This process set up to extract: the lexicons compiled (`warm_up`), then frozen out of
    the collector's passes (`gc.freeze`: they live as long as the process, and each full
    collection would walk their ~80,000 objects again), and the collector run less often
    (`YOUNG_GC`). Returns the collector's thresholds before, to restore."""
    warm_up()
    gc.collect()
    gc.freeze()
    before = gc.get_threshold()
    gc.set_threshold(YOUNG_GC, *before[1:])
    return before


def warm_up() -> None:
    """The lexicons, patterns and shapes compiled (once a process, ~1 s), by extracting a
    short article in each script."""
    for lang, text in WARM_UP.items():
        checked(process_text(Source(f"warm-up-{lang}", Path(f"{lang}.txt"), lang,
                                    published="2024-06-01"), text))
