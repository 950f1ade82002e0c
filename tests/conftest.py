"""Shared fixtures: the seeds loaded once into a real on-disk store; a fresh app per test."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

import pytest
import uvicorn

from benchmarks.servers import free_port, oxigraph_server, running
from newsgraph.ingest import load_paths
from newsgraph.savedqueries import SavedQueries
from newsgraph.store import Store

ROOT = Path(__file__).resolve().parents[1]
STRESS = os.environ.get("NEWSGRAPH_STRESS") == "1"  # set by `make stress`


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The long runs (marked stress) only run under `make stress`."""
    if STRESS:
        return
    for item in items:
        if item.get_closest_marker("stress"):
            item.add_marker(pytest.mark.skip(reason="a long run: `make stress` runs it"))
SEEDS = ROOT / "seeds"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seeded_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    location = tmp_path_factory.mktemp("seeded") / "store"
    store = Store(location)
    report = load_paths(store, [SEEDS])
    assert report.ok, report.failed
    store.close()
    return location


@pytest.fixture()
def seeded(seeded_dir: Path, tmp_path: Path) -> Store:
    """A private copy of the seeded store, so a test may write to it."""
    copy = tmp_path / "store"
    shutil.copytree(seeded_dir, copy)
    store = Store(copy)
    yield store
    store.close()


@contextmanager
def serving(app) -> Iterator[int]:
    """Serve `app` with uvicorn on a free 127.0.0.1 port in a thread; yield the port."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield port
    finally:
        server.should_exit = True
        thread.join(10)


def newsgraph_serve(store: Path, *options: str, output: IO[bytes] | None = None):  # noqa: ANN201
    """`newsgraph serve` in its own process on a free port, as a user runs it; its URL.
    What it writes goes to `output`, or nowhere."""
    port = free_port()
    return running([sys.executable, "-m", "newsgraph.cli", "--store", str(store), "serve",
                    "--port", str(port), *options], port, "newsgraph serve", output)


@pytest.fixture(scope="session")
def queries() -> SavedQueries:
    return SavedQueries()


def rows(result) -> list[dict[str, str]]:
    """A SELECT result as a list of {variable: value} (unbound variables left out)."""
    out = []
    for solution in result:
        out.append({v.value: solution[v].value for v in result.variables
                    if solution[v] is not None})
    return out



@pytest.fixture()
def oxigraph(tmp_path: Path) -> Iterator[str]:
    """An empty Oxigraph server of this test's own; yields its URL."""
    with oxigraph_server(tmp_path / "oxigraph") as url:
        yield url


@pytest.fixture(scope="session")
def remote_seeded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An Oxigraph server the seeds were loaded into by `newsgraph load` (do not write)."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        done = subprocess.run([sys.executable, "-m", "newsgraph.cli", "--store", url, "load",
                               str(SEEDS)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
        yield url
