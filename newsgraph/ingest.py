"""The library's verbs: load articles into a store, run saved queries. CLI and HTTP call these."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from loaders.manifest import Source, read_sources
from loaders.pipeline import ArticleResult, Stopwatch
from newsgraph.errors import NewsgraphError
from newsgraph.extraction import extract_all, jobs_for
from newsgraph.inference import Changes
from newsgraph.store import Store, article_graph


@dataclass
class LoadReport:
    loaded: list[ArticleResult] = field(default_factory=list)
    failed: list[tuple[str, NewsgraphError]] = field(default_factory=list)
    inferred: str = ""  # how the inferred graph followed: "whole" (rebuilt) or "changes"

    def totals(self) -> dict[str, int]:
        keys = ("triples", "people", "roles", "events", "statements")
        return {"articles": len(self.loaded),
                **{k: sum(r.counts.get(k, 0) for r in self.loaded) for k in keys}}

    @property
    def ok(self) -> bool:
        return not self.failed


BATCH_QUADS = 100_000  # articles are written to the store in batches of about this size.
# pyoxigraph's bulk loader runs faster on smaller inputs: the same 1M quads took 5.0-5.3 s
# in calls of 50,000 and 7.0-7.5 s in calls of 400,000 (8.6-9.0 s in one call). A load of
# 1M generated quads takes 9.2-10.6 s in batches of 100,000 against 10.6-12.0 s in batches
# of 400,000 (three of each in turns), of 5M 57.6 s against 60.4-62.8; 10,000 articles end
# to end the same (185 s against 187: the extraction sets the pace there).


def load_paths(store: Store, paths: list[Path],
               progress: Callable[[Source | None, int], None] | None = None,
               watch: Stopwatch | None = None, jobs: int | None = None) -> LoadReport:
    """Load every article under `paths`; each replaces its own graph, atomically.

    Articles are extracted in `jobs` processes (default: one per CPU when there are
    many articles, see extraction.jobs_for) and written in batches, in order
    (`Store.replace_graphs`: new articles bulk-written, a dead load's batch removed by
    the next writer). A bad article is reported by name and skipped; the others are
    loaded. A store that fails (a full disk, a server that is down) stops the load with
    its StoreError; the batches written before it stay, whole. `watch` sums the seconds
    spent per stage (clean, mentions_dates, facts, rdf, validate: summed over the
    processes; store, infer).
    """
    watch = watch or Stopwatch()
    report = LoadReport()
    sources, errors = read_sources(paths)
    report.failed += [(str(e.message.split(":")[0]), e) for e in errors]
    if progress:
        progress(None, len(sources))
    batch: list[ArticleResult] = []
    changes = store.begin_changes(len(sources))  # None: the rules will run whole
    for source, outcome in extract_all(sources, jobs_for(jobs, len(sources)), watch):
        if isinstance(outcome, NewsgraphError):
            report.failed.append((source.id, outcome))
        else:
            batch.append(outcome)
        if progress:
            progress(source, len(sources))
        if sum(r.counts["triples"] for r in batch) >= BATCH_QUADS:
            watch.lap("other")
            _write(store, batch, report, changes)
            watch.lap("store")
    watch.lap("other")
    _write(store, batch, report, changes)
    watch.lap("store")
    if report.loaded or changes is not None:  # entailments follow every load
        whole = store.update_inferred(changes) is not None
        report.inferred = "whole" if whole else "changes"
        store.publish()  # servers reading the store in other processes now see the load
        watch.lap("infer")
    return report


def _write(store: Store, batch: list[ArticleResult], report: LoadReport,
           changes: Changes | None) -> None:
    """Store a batch (a StoreError goes up: the store failed, not an article) and empty it;
    `changes` notes what its graphs name before and after. The report keeps each article's
    counts, not its quads: a load of 100,000 articles holds one batch in memory, not the
    whole graph."""
    graphs = [article_graph(r.source.id) for r in batch]
    if changes is not None:
        changes.note(store, graphs)
    store.replace_graphs(zip(graphs, (r.stored() for r in batch), strict=True))
    if changes is not None:
        changes.note(store, graphs)
    report.loaded += [replace(r, triples=[], facts=[], nquads=b"") for r in batch]
    batch.clear()
