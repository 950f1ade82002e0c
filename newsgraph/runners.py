"""Where a query runs: a pool of killable worker processes over an on-disk store
(`QueryPool`, what `newsgraph serve` uses), the calling thread for a store in memory, or
the SPARQL server a store lives on. What runs inside a worker is in `workers.py`.

The HTTP adapter calls `run_async` from its event loop: a quick saved query waits for a
free worker and for the worker's answer on the loop itself, so it costs no thread hop;
a worker released while such queries wait is sent the first one's job at once (`_hand`),
not left idle while the loop finishes the answer before. Heavy queries wait in a thread,
as `run` does for any caller outside a loop. How a request waits for a worker is in
`waiting.py`; the server's end of a worker process in `workerprocess.py`.
"""
from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import statistics
import subprocess
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from anyio import from_thread, to_thread

from newsgraph import errors
from newsgraph.errors import QueryLimitError, QueryTimeoutError
from newsgraph.store import Store
from newsgraph.waiting import SLICE, Waiting, went_away
from newsgraph.workerprocess import Worker, readable, start_worker
from newsgraph.workers import Answer, Job, Limits, execute

RECENT = 5  # runs of a saved query that decide its lane


def _answer(reply: tuple) -> Answer:
    if reply[0] == "error":
        raise getattr(errors, reply[1])(reply[2], hint=reply[3])
    return reply[1]


class QueryPool(Waiting):
    """A fixed set of worker processes over one on-disk store, in two lanes: heavy queries
    (ad-hoc SPARQL, and saved queries whose recent runs took more than
    `limits.heavy_seconds`) may hold every worker but one; the quick saved queries (a
    person's timeline) take any free worker, so an aggregate never queues one behind it.
    A released worker goes first to the quick queries waiting on the event loop, in their
    order of arrival, then to those waiting in threads (heavy ones, and callers outside a
    loop)."""

    def __init__(self, location: str | os.PathLike[str], limits: Limits | None = None) -> None:
        self.location, self.limits = str(Path(location).resolve()), limits or Limits()
        self._idle: queue.Queue[Worker] = queue.Queue()
        self._lock = threading.Lock()
        self.replaced = self.waiting = 0
        self._started: set[Worker] = set()  # every worker alive or not yet reaped
        self._closed = False
        self._heavy = threading.BoundedSemaphore(max(1, self.limits.workers - 1))
        self._seconds: dict[str, deque[float]] = {}  # saved query -> its last runs' seconds
        self._waiters: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future, Job]] = deque()
        for _ in range(self.limits.workers):
            self._idle.put(self._spawn())

    def _spawn(self) -> Worker:
        """A new worker, unless the pool was closed: a query stopped by `close` would
        otherwise start a replacement that nothing stops."""
        with self._lock:
            if self._closed:
                raise QueryLimitError("the server is stopping", hint="retry once it is back")
            worker = start_worker(self.location, self.limits.memory)
            self._started.add(worker)
        return worker

    def _stop(self, worker: Worker) -> Worker:
        """Kill a worker and start its replacement at once, so that the replacement opens
        the store (~0.3 s at 1M quads) before a request waits for it. If the start fails,
        the dead worker goes back to the queue and is respawned when next taken: a failed
        spawn costs one request, never a worker of the pool."""
        self._end(worker)
        with self._lock:
            self.replaced += 1
        try:
            return self._spawn()
        except Exception:  # noqa: BLE001 - any failure: the next take tries again (`_alive`)
            return worker

    def heavy(self, job: Job) -> bool:
        """Ad-hoc SPARQL, or a saved query whose recent runs were slow (unknown: quick)."""
        return job.name is None or self.recent_seconds(job.name) > self.limits.heavy_seconds

    def recent_seconds(self, name: str) -> float:
        """The median of a saved query's last runs: one slow run (a worker's first query,
        ~0.4 s at 1M quads while the engine reads its tables in) does not make a person's
        timeline heavy; a query that ran past its deadline once is heavy at once."""
        runs = self._seconds.get(name)
        return statistics.median(runs) if runs else 0.0

    def _timed(self, job: Job, seconds: float) -> None:
        if job.name is not None:
            self._seconds.setdefault(job.name, deque(maxlen=RECENT)).append(seconds)

    def _take(self, deadline: float) -> Worker:
        """A free worker, respawned first if it had died."""
        return self._alive(self._queued(self._idle_worker, deadline, self._workers))

    def _alive(self, worker: Worker) -> Worker:
        if worker.alive():
            return worker
        self._end(worker)
        try:
            return self._spawn()
        except Exception as exc:
            self._put_idle(worker)  # still dead: the next request tries again
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
            worker = self._given(self._take(deadline), gone)
            started, reply = time.monotonic(), None
            try:
                self._send(worker, job)
                end = started + deadline
                while not worker.conn.poll(SLICE) and self._running(worker, job, end, deadline):
                    if gone is not None and gone():
                        raise went_away()
                reply = self._receive(worker)
            finally:
                self._release(worker, job, started, reply)
        finally:
            if heavy:
                self._heavy.release()
        return _answer(reply)

    async def run_async(self, job: Job, deadline: float,
                        gone: Callable[[], Awaitable[bool]] | None = None) -> Answer:
        """`run` from an event loop. A quick query waits for a worker and for its answer
        on the loop, no thread involved (two thread hops cost more than a person's
        timeline); a heavy one takes `run` in a thread."""
        if self.heavy(job):
            polled = None if gone is None else lambda: from_thread.run(gone)
            return await to_thread.run_sync(self.run, job, deadline, polled)
        worker, sent = await self._queued_worker(job, deadline, gone)
        if sent is None:
            if not worker.alive():  # a respawn: milliseconds, off the loop
                worker = await to_thread.run_sync(self._alive, worker)
            if gone is not None and await gone():
                self._put_idle(worker)
                raise went_away()
        started, reply = sent or time.monotonic(), None
        try:
            if sent is None:
                self._send(worker, job)
            end = started + deadline
            while not await readable(worker.conn, SLICE) and self._running(worker, job, end,
                                                                             deadline):
                if gone is not None and await gone():
                    raise went_away()
            reply = self._receive(worker)
        finally:
            self._release(worker, job, started, reply)
        return _answer(reply)

    def _given(self, worker: Worker, gone: Callable[[], bool] | None) -> Worker:
        """The worker, unless the client went away while the request waited for it (the
        run is then not started: a load generator's last requests, or an impatient user's,
        would hold the workers with answers nobody reads)."""
        if gone is not None and gone():
            self._put_idle(worker)
            raise went_away()
        return worker

    def _send(self, worker: Worker, job: Job) -> None:
        try:
            worker.conn.send(job)
        except OSError:  # the worker had died (at start, or between two queries)
            raise QueryLimitError("a query worker was not running; it has been replaced",
                                  hint="retry the request") from None

    def _running(self, worker: Worker, job: Job, end: float, deadline: float) -> bool:
        """Whether to wait on for a worker's reply: False when it died (its pipe then tells
        how); past `end`, the query is stopped, and counts as a run of `deadline` seconds."""
        if not worker.alive():
            return False
        if time.monotonic() > end:
            self._timed(job, deadline)
            raise QueryTimeoutError(f"the query ran past its {deadline:g} s deadline and was "
                                    "stopped", hint="narrow it (a LIMIT, fewer joins) or ask "
                                    "the operator for a longer --timeout")
        return True

    def _receive(self, worker: Worker) -> tuple:
        try:
            return worker.conn.recv()
        except (EOFError, OSError):
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(1)
            raise QueryLimitError(
                f"the query was stopped: its worker died (exit code {worker.process.returncode}), "
                f"most likely over the {self.limits.memory >> 20} MiB memory limit",
                hint="narrow the query (ORDER BY over a large join holds everything)") from None

    def _release(self, worker: Worker, job: Job, started: float, reply: tuple | None) -> None:
        """After a query, answered or stopped (reply None): the time of an answer counted
        (a query stopped because its client went away tells nothing of its cost: an
        aggregate stopped early would pass for a quick query), and its worker back in the
        pool, replaced if it was stopped or caught a failed allocation (it may keep its
        heap)."""
        if reply is not None:
            self._timed(job, time.monotonic() - started)
        healthy = reply is not None and (reply[0] == "ok" or reply[1] != "QueryLimitError")
        self._put_idle(worker if healthy else self._stop(worker))

    def _end(self, worker: Worker) -> None:
        worker.kill()
        with self._lock:
            self._started.discard(worker)

    def close(self) -> None:
        """Stop every worker, busy or idle; none starts after."""
        with self._lock:
            self._closed = True
            workers = list(self._started)
        for worker in workers:
            self._end(worker)


class InlineRunner:
    """For an in-memory store (tests, embedding): same rows and row cap, evaluated in the
    calling thread, so no deadline can stop it. `newsgraph serve` always uses a QueryPool."""

    def __init__(self, store: Store, limits: Limits | None = None) -> None:
        self.store, self.limits = store, limits or Limits()

    def run(self, job: Job, deadline: float, gone: Callable[[], bool] | None = None) -> Answer:
        return execute(self.store, job)

    async def run_async(self, job: Job, deadline: float,
                        gone: Callable[[], Awaitable[bool]] | None = None) -> Answer:
        return await to_thread.run_sync(self.run, job, deadline)

    def close(self) -> None:
        return None


class RemoteRunner(InlineRunner):
    """For a store on a SPARQL server: the server evaluates, so the calling thread only
    waits, at most the deadline (the HTTP request's timeout)."""

    def run(self, job: Job, deadline: float, gone: Callable[[], bool] | None = None) -> Answer:
        job.options = {**job.options, "timeout": deadline}
        return execute(self.store, job)



def is_remote(store: Any) -> bool:
    """A store on a SPARQL server: every read of it is a request of its own."""
    return getattr(store, "endpoint", None) is not None


def make_runner(store: Any, limits: Limits) -> InlineRunner | QueryPool:
    """Worker processes for an on-disk store; the calling thread for a store in memory or
    on a SPARQL server."""
    if is_remote(store):
        return RemoteRunner(store, limits)
    if store.location is None:
        return InlineRunner(store, limits)
    return QueryPool(store.location, limits)

