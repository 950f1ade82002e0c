"""Extraction quality: the evaluation's own scorer, run the way it runs, must not fall below
the figures reached so far (raise these floors as the loaders improve)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, SEEDS, SHARED

SCORER = SHARED / "eval" / "score.py"
FLOORS = {"people": 0.95, "roles": 0.90, "events": 0.90, "statements": 0.90}
DEV_FLOORS = {"people": 0.95, "roles": 0.90, "events": 0.92, "statements": 0.92}
DATE_FLOORS = {"seeds": 0.92, "dev": 0.90}  # the share of matched events correctly dated


def score(gold: Path, articles: Path) -> dict:
    cli = f"{sys.executable} -m newsgraph.cli"
    out = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--cli", cli,
                          "--json", str(articles)], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    return json.loads(out.stdout)


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/eval is not beside the project")
def test_seed_scores_do_not_fall_below_their_floors() -> None:
    report = score(SHARED / "eval" / "seeds-gold.json", SEEDS)
    for category, floor in FLOORS.items():
        assert report[category]["f1"] >= floor, (category, report[category])
    assert report["event_dates"] >= DATE_FLOORS["seeds"], report["event_dates"]


@pytest.mark.skipif(not (SHARED / "eval" / "dev").exists(), reason="no development set")
def test_dev_scores_do_not_fall_below_their_floors() -> None:
    report = score(SHARED / "eval" / "dev" / "gold.json", SHARED / "eval" / "dev")
    for category, floor in DEV_FLOORS.items():
        assert report[category]["f1"] >= floor, (category, report[category])
    assert report["event_dates"] >= DATE_FLOORS["dev"], report["event_dates"]
