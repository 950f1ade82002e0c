"""Queries in killable worker processes: a deadline, a memory cap and a row cap that stop
the query itself, not just the answer.

Neither pyoxigraph nor rdflib can cancel a running query from Python, and an Oxigraph
panic (or a failed allocation) aborts the whole process. So the endpoint never evaluates a
query in the server process: each worker process holds a read-only handle on the on-disk
store (reopened when the store's version changes, so it sees every load), runs under an
address-space limit, and is killed and replaced when its query runs past the deadline,
when its client goes away, or when it dies. Workers fork from a forkserver that has
already imported this module, so a replacement is ready in milliseconds.
"""
from __future__ import annotations

import contextlib
import ctypes
import multiprocessing as mp
import os
import queue
import re
import resource
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph import errors
from newsgraph.errors import (
    BusyError,
    FormatError,
    NewsgraphError,
    QueryLimitError,
    QueryTimeoutError,
)
from newsgraph.results import kind, negotiate, render_capped
from newsgraph.store import Store

MAX_DEADLINE = 60.0


@dataclass(frozen=True)
class Limits:
    """What one query may use. Deadlines in seconds (at most 60), memory in bytes."""

    timeout: float = 10.0        # ad-hoc SPARQL
    saved_timeout: float = 5.0   # saved queries
    max_rows: int = 10_000
    memory: int = 1 << 30
    # one per core for long queries, and one more kept for quick saved queries
    workers: int = field(default_factory=lambda: (os.cpu_count() or 1) + 1)
    heavy_seconds: float = 0.1   # a saved query slower than this (its recent mean) is heavy
    queue: int = 8               # requests waiting for a worker; more get 503 at once
    max_get: int = 8 << 10       # query text by GET, bytes
    max_post: int = 64 << 10     # query text by POST, bytes
    rate: float = 0.0            # requests per minute per client (0: no limit; --public: 120)

    def __post_init__(self) -> None:
        for name in ("timeout", "saved_timeout"):
            value = getattr(self, name)
            if not 0 < value <= MAX_DEADLINE:
                raise errors.ParameterError(f"{name} must be between 0 and {MAX_DEADLINE:g} "
                                            f"seconds, not {value}", hint="pass --timeout 10")
        if self.max_rows < 1 or self.workers < 1 or self.queue < 0 or self.rate < 0:
            raise errors.ParameterError("max_rows and workers must be at least 1",
                                        hint="pass --max-rows 10000 --workers 2")


@dataclass
class Job:
    """One query for a worker: text, bound values, dataset options and the wanted format."""

    text: str
    substitutions: dict[Any, Any] | None = None
    options: dict[str, Any] = field(default_factory=dict)
    accept: str | None = None
    fmt: str | None = None
    max_rows: int = 10_000
    version: str = ""
    name: str | None = None  # the saved query's name; None for ad-hoc SPARQL


@dataclass
class Answer:
    body: bytes
    media: str
    format: str
    truncated: bool


def execute(store: Store, job: Job) -> Answer:
    """Evaluate, negotiate the format, and write at most job.max_rows rows, in this thread."""
    result = store.query(job.text, substitutions=job.substitutions, **job.options)
    try:
        name, media = negotiate(job.accept, kind(result), job.fmt)
    except FormatError:
        del result  # pyoxigraph results must be dropped on the thread that made them
        raise
    body, truncated = render_capped(result, name, job.max_rows)
    return Answer(body, media, name, truncated)


def _serve(conn: Any, location: str, memory: int) -> None:
    """A worker's loop: one job in, one reply out, until the pipe closes."""
    if memory:
        _few_arenas()
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    store, version = None, None
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if store is None or job.version != version:
                store = None  # close the old snapshot (and its threads) first
                store, version = Store.open_read_only(location), job.version
            reply: tuple = ("ok", execute(store, job))
        except MemoryError:
            reply = _out_of_memory(memory)
        except NewsgraphError as exc:  # the engine may report a failed allocation as I/O
            reply = (_out_of_memory(memory) if _NO_MEMORY.search(exc.message)
                     else ("error", type(exc).__name__, exc.message, exc.hint))
        conn.send(reply)


def _few_arenas() -> None:
    """glibc gives each new thread a malloc arena that reserves 64 MiB of address space;
    under an address-space limit, the engine's threads (and those of each reopened
    snapshot) would exhaust it without using the memory. Two arenas are plenty here."""
    with contextlib.suppress(OSError, AttributeError):  # not glibc: nothing to tune
        ctypes.CDLL(None).mallopt(_M_ARENA_MAX, 2)


_M_ARENA_MAX = -8
_NO_MEMORY = re.compile(r"(?i)cannot allocate memory|memory allocation|out of memory")


def _out_of_memory(memory: int) -> tuple:
    return ("error", "QueryLimitError", f"the query was stopped: it needed more than the "
            f"{memory >> 20} MiB memory limit", "narrow the query (ORDER BY over a large join "
            "holds everything)")


@dataclass
class _Worker:
    process: Any
    conn: Any


class QueryPool:
    """A fixed set of worker processes over one on-disk store, in two lanes: heavy queries
    (ad-hoc SPARQL, and saved queries whose recent runs took more than
    `limits.heavy_seconds`) may hold every worker but one; the quick saved queries (a
    person's timeline) take any free worker, so an aggregate never queues one behind it."""

    def __init__(self, location: str | os.PathLike[str], limits: Limits | None = None) -> None:
        self.location, self.limits = str(Path(location).resolve()), limits or Limits()
        self._ctx = mp.get_context("forkserver")
        self._ctx.set_forkserver_preload(["newsgraph.workers"])
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self.replaced = self.waiting = 0
        self._heavy = threading.BoundedSemaphore(max(1, self.limits.workers - 1))
        self._seconds: dict[str, float] = {}  # saved query -> mean seconds of recent runs
        for _ in range(self.limits.workers):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Worker:
        ours, theirs = self._ctx.Pipe()
        process = self._ctx.Process(target=_serve, args=(theirs, self.location,
                                                         self.limits.memory), daemon=True)
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _stop(self, worker: _Worker) -> _Worker:
        """Kill a worker; it goes back to the queue dead and is respawned when next taken, so
        a failed spawn costs one request, never a worker of the pool."""
        worker.process.kill()
        worker.process.join(5)
        worker.conn.close()
        with self._lock:
            self.replaced += 1
        return worker

    def _busy(self, what: str) -> BusyError:
        return BusyError(f"all {what} are busy and {self.limits.queue} requests are waiting",
                         hint=f"retry in {BusyError.retry_after} s")

    def _queued(self, get: Callable[[float | None], Any], deadline: float, what: str) -> Any:
        """`get(None)` at once, or wait in the bounded queue: at most `limits.queue`
        requests wait, for 2 s at most; the rest are refused at once (503 + Retry-After)
        rather than piling up."""
        item = get(None)
        if item is not None:
            return item
        with self._lock:
            if self.waiting >= self.limits.queue:
                raise self._busy(what)
            self.waiting += 1
        try:
            item = get(min(deadline, 2.0))
        finally:
            with self._lock:
                self.waiting -= 1
        if item is None:
            raise self._busy(what)
        return item

    def _idle_worker(self, timeout: float | None) -> _Worker | None:
        try:
            return self._idle.get(timeout=timeout) if timeout else self._idle.get_nowait()
        except queue.Empty:
            return None

    def _heavy_turn(self, timeout: float | None) -> bool | None:
        taken = self._heavy.acquire(timeout=timeout) if timeout else \
            self._heavy.acquire(blocking=False)
        return True if taken else None

    def heavy(self, job: Job) -> bool:
        """Ad-hoc SPARQL, or a saved query whose recent runs were slow (unknown: quick)."""
        return job.name is None or self._seconds.get(job.name, 0.0) > self.limits.heavy_seconds

    def _timed(self, job: Job, seconds: float) -> None:
        if job.name is not None:  # a moving mean: the last few runs count most
            old = self._seconds.get(job.name, seconds)
            self._seconds[job.name] = 0.7 * old + 0.3 * seconds

    def _take(self, deadline: float) -> _Worker:
        """A free worker, respawned first if it had died."""
        worker = self._queued(self._idle_worker, deadline,
                              f"{self.limits.workers} query workers")
        if worker.process.is_alive():
            return worker
        try:
            return self._spawn()
        except Exception as exc:
            self._idle.put(worker)  # still dead: the next request tries again
            raise QueryLimitError(f"a query worker could not be started: {exc}",
                                  hint="retry the request") from exc

    def run(self, job: Job, deadline: float, gone: Callable[[], bool] | None = None) -> Answer:
        """Run `job` in a free worker; stop it at `deadline` seconds or when `gone()`.
        Heavy queries may hold all workers but one (with two or more), so the quick saved
        queries always find a worker beside any cross product or aggregate."""
        heavy = self.heavy(job)
        if heavy:
            self._queued(self._heavy_turn, deadline, "workers open to long queries")
        try:
            worker = self._take(deadline)
            healthy, started = False, time.monotonic()
            try:
                reply = self._wait(worker, job, deadline, gone)
                # a worker that caught a failed allocation may keep its heap: replace it
                healthy = reply[0] == "ok" or reply[1] != "QueryLimitError"
            finally:  # a query stopped at its deadline counts as slow too
                self._timed(job, time.monotonic() - started)
                self._idle.put(worker if healthy else self._stop(worker))
        finally:
            if heavy:
                self._heavy.release()
        if reply[0] == "error":
            raise getattr(errors, reply[1])(reply[2], hint=reply[3])
        return reply[1]

    def _wait(self, worker: _Worker, job: Job, deadline: float,
              gone: Callable[[], bool] | None) -> tuple:
        try:
            worker.conn.send(job)
        except OSError:  # the worker had died (at start, or between two queries)
            raise QueryLimitError("a query worker was not running; it has been replaced",
                                  hint="retry the request") from None
        end = time.monotonic() + deadline
        while not worker.conn.poll(0.05):
            if not worker.process.is_alive():
                break
            if time.monotonic() > end:
                raise QueryTimeoutError(f"the query ran past its {deadline:g} s deadline and "
                                        "was stopped", hint="narrow it (a LIMIT, fewer "
                                        "joins) or ask the operator for a longer --timeout")
            if gone is not None and gone():
                raise QueryLimitError("the client went away; the query was stopped")
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            worker.process.join(1)
            raise QueryLimitError(
                f"the query was stopped: its worker died (exit code {worker.process.exitcode}), "
                f"most likely over the {self.limits.memory >> 20} MiB memory limit",
                hint="narrow the query (ORDER BY over a large join holds everything)") from None

    def close(self) -> None:
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                return
            worker.conn.close()
            worker.process.kill()
            worker.process.join(5)


class InlineRunner:
    """For an in-memory store (tests, embedding): same rows and row cap, evaluated in the
    calling thread, so no deadline can stop it. `newsgraph serve` always uses a QueryPool."""

    def __init__(self, store: Store, limits: Limits | None = None) -> None:
        self.store, self.limits = store, limits or Limits()

    def run(self, job: Job, deadline: float, gone: Callable[[], bool] | None = None) -> Answer:
        return execute(self.store, job)

    def close(self) -> None:
        return None


class RemoteRunner(InlineRunner):
    """For a store on a SPARQL server: the server evaluates, so the calling thread only
    waits, at most the deadline (the HTTP request's timeout)."""

    def run(self, job: Job, deadline: float, gone: Callable[[], bool] | None = None) -> Answer:
        job.options = {**job.options, "timeout": deadline}
        return execute(self.store, job)


def make_runner(store: Any, limits: Limits) -> InlineRunner | QueryPool:
    """Worker processes for an on-disk store; the calling thread for a store in memory or
    on a SPARQL server."""
    if getattr(store, "endpoint", None) is not None:
        return RemoteRunner(store, limits)
    if store.location is None:
        return InlineRunner(store, limits)
    return QueryPool(store.location, limits)

