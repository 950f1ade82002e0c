"""Real servers on 127.0.0.1 for the tests and the benchmark: `oxigraph serve` (the
`oxigraph` package from PyPI, installed beside this Python) and the waiting for a port."""
from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_listening(proc: subprocess.Popen, port: int, what: str) -> None:
    """Until `port` accepts connections; `what` names the server if it exits first."""
    for _ in range(400):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(f"{what} exited at start-up (code {proc.returncode})") from None
            time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on port {port} within 20 s")


def oxigraph_binary() -> str:
    found = Path(sys.executable).with_name("oxigraph")
    if not found.exists():
        raise RuntimeError("the oxigraph server is missing: pip install -e '.[test]'")
    return str(found)


@contextmanager
def launched(argv: list[str], port: int, what: str,
             output: IO[bytes] | None = None) -> Iterator[subprocess.Popen]:
    """A server process that listens on 127.0.0.1:`port`, stopped on exit; what it writes
    goes to `output` (both streams), or nowhere."""
    proc = subprocess.Popen(argv, stdout=output or subprocess.DEVNULL,
                            stderr=subprocess.STDOUT if output else subprocess.DEVNULL)
    try:
        wait_listening(proc, port, what)
        yield proc
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@contextmanager
def running(argv: list[str], port: int, what: str,
            output: IO[bytes] | None = None) -> Iterator[str]:
    """As `launched`, yielding the server's URL."""
    with launched(argv, port, what, output):
        yield f"http://127.0.0.1:{port}"


def oxigraph_server(location: Path):  # noqa: ANN201 - a context manager yielding the URL
    """A real `oxigraph serve` on a free 127.0.0.1 port, its data in `location`."""
    port = free_port()
    return running([oxigraph_binary(), "serve", "--location", str(location),
                    "--bind", f"127.0.0.1:{port}"], port, "oxigraph serve")
