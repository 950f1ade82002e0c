"""How a request waits for a query worker (the mixin `Waiting` of `runners.QueryPool`): at
once when one is idle, else in a bounded queue for `QUEUED` seconds at most, first come
first served. A worker released while requests wait on an event loop goes to the longest
waiting one, with its job sent at once (`_hand`); then to those waiting in threads. Heavy
queries also wait for one of their turns (all workers but one)."""
from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

from newsgraph.errors import BusyError, QueryLimitError
from newsgraph.workerprocess import Worker
from newsgraph.workers import Job, Limits

QUEUED = 2.0  # seconds a request waits for a worker at most
SLICE = 0.05  # seconds between two looks at a waiting request's client


def went_away() -> QueryLimitError:
    return QueryLimitError("the client went away; the query was stopped")


def running_loop() -> asyncio.AbstractEventLoop | None:
    try:
        return asyncio.get_running_loop()
    except RuntimeError:
        return None


class Waiting:
    """The queue of requests waiting for a worker (QueryPool provides the attributes
    below, `_send` and `_stop`)."""

    limits: Limits
    waiting: int
    _lock: threading.Lock
    _idle: queue.Queue[Worker]
    _heavy: threading.BoundedSemaphore
    _waiters: deque[tuple[asyncio.AbstractEventLoop, asyncio.Future, Job]]


    def _busy(self, what: str) -> BusyError:
        return BusyError(f"all {what} are busy and {self.limits.queue} requests are waiting",
                         hint=f"retry in {BusyError.retry_after} s")

    def _queued(self, get: Callable[[float | None], Any], deadline: float, what: str) -> Any:
        """`get(None)` at once, or wait in the bounded queue: at most `limits.queue`
        requests wait, for 2 s at most; the rest are refused at once (503 + Retry-After)
        rather than piling up. One blocking wait: the threads waiting are served in their
        order of arrival (a wait in slices, to look at the client in between, sends a
        thread to the back of the line at each slice, and more of them past 2 s)."""
        item = get(None)
        if item is None:
            with self._waiting(what):
                item = get(min(deadline, QUEUED))
        if item is None:
            raise self._busy(what)
        return item

    async def _queued_worker(self, job: Job, deadline: float,
                             gone: Callable[[], Awaitable[bool]] | None = None
                             ) -> tuple[Worker, float | None]:
        """`_queued` for a worker, waited for on the event loop, first come first served:
        a released worker is handed to the longest waiting request, with its job (`_hand`).
        The worker, and when its job was sent (None: not yet)."""
        worker = None if self._waiters else self._idle_worker(None)
        if worker is not None:
            return worker, None
        sent = None
        with self._waiting(self._workers):
            loop = asyncio.get_running_loop()
            handed: asyncio.Future[tuple[Worker, float | None]] = loop.create_future()
            entry = (loop, handed, job)
            self._waiters.append(entry)
            try:
                worker = self._idle_worker(None)  # released before this request queued
                end = time.monotonic() + min(deadline, QUEUED)
                while worker is None and (left := end - time.monotonic()) > 0:
                    await asyncio.wait((handed,), timeout=min(left, SLICE))
                    if not handed.done() and gone is not None and await gone():
                        raise went_away()
                    if handed.done():
                        worker, sent = handed.result()
            finally:
                if not handed.cancel() and worker is None:  # handed as it stopped waiting
                    given, was_sent = handed.result()
                    # back to the pool; replaced if its job runs (its answer nobody reads
                    # would be the next request's)
                    self._put_idle(given if was_sent is None else self._stop(given))
                if entry in self._waiters:  # `remove` of a missing entry formats
                    with contextlib.suppress(ValueError):  # it: a worker's repr polls its process
                        self._waiters.remove(entry)
        if worker is None:
            raise self._busy(self._workers)
        return worker, sent

    @contextlib.contextmanager
    def _waiting(self, what: str) -> Iterator[None]:
        """One more request waiting, or BusyError when `limits.queue` already are."""
        with self._lock:
            if self.waiting >= self.limits.queue:
                raise self._busy(what)
            self.waiting += 1
        try:
            yield
        finally:
            with self._lock:
                self.waiting -= 1

    @property
    def _workers(self) -> str:
        return f"{self.limits.workers} query workers"

    def _put_idle(self, worker: Worker) -> None:
        """A worker back in the pool: to the first request waiting on a loop, if any."""
        while self._waiters:
            loop, handed, job = self._waiters.popleft()
            if not handed.done():
                if running_loop() is loop:  # released on the waiter's loop: no wake-up call
                    self._hand(handed, worker, job)
                else:
                    loop.call_soon_threadsafe(self._hand, handed, worker, job)
                return
        self._idle.put(worker)

    def _hand(self, handed: asyncio.Future, worker: Worker, job: Job) -> None:
        """On the waiting request's loop: the worker, unless it stopped waiting meanwhile,
        and the request's job sent to it at once. The worker starts it without waiting for
        the waiting request to run again (behind the loop's other callbacks, such as the
        answer of the request that released it): a worker idle on its pipe for longer
        starts its next query cold."""
        if handed.done():
            self._put_idle(worker)
            return
        sent = None
        if worker.alive():
            with contextlib.suppress(QueryLimitError):  # died since: the request respawns it
                self._send(worker, job)
                sent = time.monotonic()
        handed.set_result((worker, sent))

    def _idle_worker(self, timeout: float | None) -> Worker | None:
        try:
            return self._idle.get(timeout=timeout) if timeout else self._idle.get_nowait()
        except queue.Empty:
            return None

    def _heavy_turn(self, timeout: float | None) -> bool | None:
        taken = self._heavy.acquire(timeout=timeout) if timeout else \
            self._heavy.acquire(blocking=False)
        return True if taken else None
