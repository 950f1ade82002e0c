"""A wheel (not only an editable install) carries the ontology and the saved queries."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from .conftest import ROOT


def test_the_wheel_carries_ontology_and_queries(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("newsgraph-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("newsgraph/data/ontology/newsgraph.ttl", "newsgraph/data/ontology/registry.ttl",
                   "newsgraph/data/queries/timeline.rq", "loaders/lexicons/clean.toml",
                   "newsgraph/data/ontology/shapes.ttl",
                   "newsgraph/data/ontology/rules/30-tenures.rq",
                   "newsgraph/web/index.html", "newsgraph/web/app.js",
                   "newsgraph/cli.py", "loaders/extract.py"):
        assert needed in names, needed
