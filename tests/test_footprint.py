"""What the serving processes load: every module a query worker imports is in the memory of
each worker, and the server's in its own (the 300 MB budget at 1M quads, issue 8)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.memory import children, descendants
from benchmarks.servers import free_port, launched


def _loaded(module: str) -> set[str]:
    """The modules outside the standard library that importing `module` loads, in a fresh
    interpreter, beyond those the interpreter loads by itself (a Debian Python's
    `sitecustomize`, setuptools' `_distutils_hack`), and multiprocessing's alias of
    `__main__`."""
    def outside_stdlib(imports: str) -> set[str]:
        code = (f"import json, sys{imports}; print(json.dumps(sorted(m for m in sys.modules "
                "if m.split('.')[0] not in sys.stdlib_module_names)))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        return set(json.loads(out.stdout))

    return outside_stdlib(f", {module}") - outside_stdlib("") - {"__mp_main__"}


def test_a_query_worker_loads_the_engine_and_nothing_of_the_pipeline() -> None:
    assert {m.split(".")[0] for m in _loaded("newsgraph.workers")} == {"newsgraph", "pyoxigraph"}


def test_the_server_leaves_the_sparql_checker_and_the_cleaner_until_first_needed() -> None:
    """rdflib's parser loads with the first ad-hoc query, the cleaner (ftfy) with the first
    article page."""
    loaded = _loaded("newsgraph.http")
    assert {"newsgraph.http", "fastapi"} <= loaded
    assert not {m for m in loaded if m.split(".")[0] in ("rdflib", "pyparsing", "ftfy")}
    assert "loaders.clean" not in loaded


def test_the_server_runs_its_queries_in_children_of_its_own_and_nothing_else(
        seeded_dir: Path, tmp_path: Path) -> None:
    """The serving tree is the server and its query workers, each a fresh interpreter: with
    multiprocessing's forkserver, a forkserver and a resource tracker came too (38 MB at
    1M quads), and each worker carried pages of the forkserver's (11 MB)."""
    store = tmp_path / "store"
    shutil.copytree(seeded_dir, store)
    port = free_port()
    argv = [sys.executable, "-m", "newsgraph.cli", "--store", str(store), "serve",
            "--port", str(port), "--workers", "2"]
    with launched(argv, port, "newsgraph serve") as server:
        tree, own = set(descendants(server.pid)), set(children(server.pid))
        commands = [Path(f"/proc/{pid}/cmdline").read_bytes() for pid in own]
    assert tree == own and len(own) == 2, (tree, own)
    assert all(b"newsgraph.workers" in command for command in commands), commands

