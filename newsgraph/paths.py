"""Where the data files live: in the wheel (newsgraph/data) or at the checkout's top."""
from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def data_dir(name: str) -> Path:
    """`ontology` or `queries`: the wheel's copy, else the checkout's (./NAME)."""
    for candidate in (_PACKAGE / "data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"newsgraph data folder '{name}' is missing; reinstall newsgraph")


def ontology_file(name: str = "newsgraph.ttl") -> Path:
    return data_dir("ontology") / name


def queries_dir() -> Path:
    return data_dir("queries")


def rules_dir() -> Path:
    """The inference rules (SPARQL CONSTRUCT) that build the inferred graph."""
    return data_dir("ontology") / "rules"
