"""What the serving processes load: every module a query worker imports is in the memory of
each worker, and the server's in its own (the 300 MB budget at 1M quads, issue 8)."""
from __future__ import annotations

import json
import subprocess
import sys


def _loaded(module: str) -> set[str]:
    """The modules outside the standard library that importing `module` loads, in a fresh
    interpreter."""
    code = (f"import json, sys, {module}; print(json.dumps(sorted(m for m in sys.modules "
            "if m.split('.')[0] not in sys.stdlib_module_names)))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    return set(json.loads(out.stdout)) - {"__main__", "_distutils_hack"}


def test_a_query_worker_loads_the_engine_and_nothing_of_the_pipeline() -> None:
    assert {m.split(".")[0] for m in _loaded("newsgraph.workers")} == {"newsgraph", "pyoxigraph"}


def test_the_server_leaves_the_sparql_checker_and_the_cleaner_until_first_needed() -> None:
    """rdflib's parser loads with the first ad-hoc query, the cleaner (ftfy) with the first
    article page."""
    loaded = _loaded("newsgraph.http")
    assert {"newsgraph.http", "fastapi"} <= loaded
    assert not {m for m in loaded if m.split(".")[0] in ("rdflib", "pyparsing", "ftfy")}
    assert "loaders.clean" not in loaded
