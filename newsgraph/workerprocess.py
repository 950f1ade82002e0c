"""The server's side of a query worker: a fresh interpreter over the store, started by
`start_worker`, and its end of the pipe (`Worker`), waited on from an event loop with
`readable`. What runs inside the worker is in `workers.py`; `runners.QueryPool` keeps a
pool of them."""
from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import newsgraph

# A worker is a fresh interpreter that imports `newsgraph.workers` and nothing else, its
# pipe a socket handed down by descriptor: no forkserver, no resource tracker (the two
# processes multiprocessing adds, 38 MB at rest), and no page of the server's copied.
_WORKER = "import sys; from newsgraph.workers import main; main(*sys.argv[1:])"
_PACKAGE_ROOT = str(Path(newsgraph.__file__).resolve().parent.parent)


@dataclass(eq=False)  # a worker is itself: kept in a set
class Worker:
    process: subprocess.Popen
    conn: Connection
    closing: threading.Lock = field(default_factory=threading.Lock)

    def alive(self) -> bool:
        return self.process.poll() is None

    def kill(self) -> None:
        """Kill the process and close our end of its pipe. `close` and the thread whose
        query the worker was running may both kill it at once: the pipe is closed by one
        of them only (`Connection.close` checks, then closes: two at once would close the
        descriptor twice, failing, or closing another file opened since)."""
        self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        with self.closing:
            self.conn.close()


def start_worker(location: str, memory: int) -> Worker:
    """A worker process over the store at `location`, and the server's end of its pipe."""
    ours, theirs = socket.socketpair()
    with ours, theirs:
        paths = os.environ.get("PYTHONPATH")
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT, paths]))}
        process = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(theirs.fileno()), location, str(memory)],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, env=env)
        return Worker(process, Connection(ours.detach()))


async def readable(conn: Any, timeout: float) -> bool:
    """Whether a pipe has data within `timeout` seconds, waited for on the event loop."""
    if conn.poll():
        return True
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    loop.add_reader(conn.fileno(), lambda: ready.done() or ready.set_result(True))
    try:
        return await asyncio.wait_for(ready, timeout)
    except TimeoutError:
        return False
    finally:
        loop.remove_reader(conn.fileno())
        # uvloop leaves a watched descriptor non-blocking: a later `recv` of an answer
        # still arriving would fail midway (as a dead worker), so it is made blocking again
        os.set_blocking(conn.fileno(), True)
