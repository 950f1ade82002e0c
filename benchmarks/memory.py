"""Memory of a process and of all its descendants, from /proc (Linux).

`newsgraph serve` is a tree: the server and its query workers (its children, each an
interpreter of its own). Its memory is the sum over the whole tree, sampled while it
works:

- RSS summed over the processes counts the pages they share (the interpreter's and the
  engine's code, mapped from the same files) once per process: an upper bound, and what
  `serve_rss_mb` reports;
- PSS (proportional set size) splits each shared page between the processes that map it:
  what the tree costs the machine, reported beside it.

For one process (`oxigraph serve`) the two differ only by the libraries it shares with
other programs.
"""
from __future__ import annotations

import threading
from pathlib import Path

EVERY = 0.2  # seconds between two samples


def peak_rss_mb(pid: int) -> float:
    """One process's peak RSS (VmHWM: reset by exec, unlike getrusage's ru_maxrss, which a
    child inherits)."""
    return _kib(Path(f"/proc/{pid}/status"), "VmHWM:")[0] / 1024


def children(pid: int) -> list[int]:
    """The children of `pid`, whichever of its threads started them."""
    out: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            out += [int(c) for c in task.read_text().split()]
        except OSError:  # the thread or the process ended meanwhile
            continue
    return out


def descendants(pid: int) -> list[int]:
    """The children of `pid`, their children, and so on."""
    out: list[int] = []
    todo = [pid]
    while todo:
        found = children(todo.pop())
        out += found
        todo += found
    return out


def tree_mb(pid: int) -> tuple[float, float]:
    """(RSS, PSS) in MB, summed over `pid` and its descendants now; a process that ends
    while it is read counts for nothing."""
    rss = pss = 0
    for p in [pid, *descendants(pid)]:
        try:  # one read: the kernel walks the process's page tables for each
            kib = _kib(Path(f"/proc/{p}/smaps_rollup"), "Rss:", "Pss:")
        except OSError:
            continue
        rss, pss = rss + kib[0], pss + kib[1]
    return rss / 1024, pss / 1024


def _kib(path: Path, *keys: str) -> list[int]:
    """The values (kB) of `keys` in a /proc file of `key value kB` lines; 0 when missing."""
    found = dict.fromkeys(keys, 0)
    for line in path.read_text().splitlines():
        key = line.split(maxsplit=1)[0] if line else ""
        if key in found:
            found[key] = int(line.split()[1])
    return list(found.values())


class TreePeak:
    """The highest summed RSS and PSS of a process tree while the block runs, sampled every
    `every` seconds in a thread (and once more at the end)."""

    def __init__(self, pid: int, every: float = EVERY) -> None:
        self.pid, self.every = pid, every
        self.rss_mb = self.pss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> TreePeak:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample()

    def _run(self) -> None:
        while not self._stop.is_set():
            self._sample()
            self._stop.wait(self.every)

    def _sample(self) -> None:
        rss, pss = tree_mb(self.pid)
        self.rss_mb, self.pss_mb = max(self.rss_mb, rss), max(self.pss_mb, pss)
