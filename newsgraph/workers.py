"""Queries in killable worker processes: a deadline, a memory cap and a row cap that stop
the query itself, not just the answer.

Neither pyoxigraph nor rdflib can cancel a running query from Python, and an Oxigraph
panic (or a failed allocation) aborts the whole process. So the endpoint never evaluates a
query in the server process: each worker process holds a read-only handle on the on-disk
store (reopened when the store's version changes, so it sees every load), runs under an
address-space limit, and is killed and replaced when its query runs past the deadline,
when its client goes away, or when it dies. A worker is a fresh interpreter that imports
this module and the engine, nothing of the server: a replacement is ready in ~0.1 s (and
opens the store before its first query). This module is what runs inside a worker
(`main`, `worker_loop`); the pool that starts, feeds and replaces them is
`runners.QueryPool`.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import re
import resource
import signal
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING, Any

from newsgraph import errors
from newsgraph.errors import (
    FormatError,
    NewsgraphError,
)
from newsgraph.results import kind, negotiate, render_capped
from newsgraph.snapshot import Snapshot

if TYPE_CHECKING:  # the full store (and the pipeline it imports) stays out of the workers
    from newsgraph.store import Store

MAX_DEADLINE = 60.0


@dataclass(frozen=True)
class Limits:
    """What one query may use. Deadlines in seconds (at most 60), memory in bytes."""

    timeout: float = 10.0        # ad-hoc SPARQL
    saved_timeout: float = 5.0   # saved queries
    max_rows: int = 10_000
    memory: int = 1 << 30
    # one per core for long queries, and one more kept for quick saved queries (each
    # holds ~80 MB at 1M quads, most of it its engine's caches)
    workers: int = field(default_factory=lambda: (os.cpu_count() or 1) + 1)
    heavy_seconds: float = 0.1   # a saved query slower than this (recent median) is heavy
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


def execute(store: Store | Snapshot, job: Job) -> Answer:
    """Evaluate, negotiate the format, and write at most job.max_rows rows, in this thread."""
    result = store.query(job.text, substitutions=job.substitutions, **job.options)
    try:
        name, media = negotiate(job.accept, kind(result), job.fmt)
    except FormatError:
        del result  # pyoxigraph results must be dropped on the thread that made them
        raise
    body, truncated = render_capped(result, name, job.max_rows)
    return Answer(body, media, name, truncated)


def main(fd: str, location: str, memory: str) -> None:
    """A worker process's entry (`runners.QueryPool` starts it): its end of the pipe is the
    socket at descriptor `fd`. Ctrl-C in a terminal reaches the whole process group: the
    server stops, closes the pipe, and the worker ends with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    worker_loop(Connection(int(fd)), location, int(memory))


def worker_loop(conn: Any, location: str, memory: int) -> None:
    """A worker's loop: one job in, one reply out, until the pipe closes."""
    if memory:
        _few_arenas()
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    store, version = None, None
    with contextlib.suppress(NewsgraphError, MemoryError):  # if not, the first query tells
        # opened before the first query, so that none pays the opening (~0.3 s at 1M
        # quads) and is taken for a slow, heavy query because of it
        store = Snapshot(location)
        version = store.version()
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if store is None or job.version != version:
                store = None  # close the old snapshot (and its threads) first
                store, version = Snapshot(location), job.version
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
