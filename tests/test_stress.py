"""The long runs of `make stress` (skipped by `make test`): a 60 s coverage-guided fuzz of
the loader, and 20 clients for 60 s against a real `newsgraph serve` on 127.0.0.1, then
the same beside a client that sends nothing but cross products."""
from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import sys

import pytest

from benchmarks.loadgen import load

from .conftest import ROOT, SEEDS, newsgraph_serve

pytestmark = pytest.mark.stress
SECONDS = 60
MIX = ["/queries/people", "/queries/roles", "/queries/timeline?person=Jan%20Leike",
       "/queries/timeline?person=%E4%BC%8A%E7%88%BE%E4%BA%9E", "/queries/said?person=Leike",
       "/queries/events", "/queries/departures?from=2024", "/queries/members-on?date=2024-06-01",
       "/queries/statements", "/queries/organizations", "/queries/corroboration",
       "/queries/conflicts", "/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20"
       "GRAPH%20%3Fg%20%7B%20%3Fs%20a%20ng%3APerson%20%7D%20%7D"]
CROSS = ("/sparql?query=SELECT%20(COUNT(*)%20AS%20%3Fn)%20WHERE%20%7B%20GRAPH%20%3Fg%20%7B%20"
         "%3Fa%20%3Fb%20%3Fc%20%7D%20GRAPH%20%3Fh%20%7B%20%3Fd%20%3Fe%20%3Ff%20%7D%20GRAPH%20%3Fi"
         "%20%7B%20%3Fx%20%3Fy%20%3Fz%20%7D%20%7D")


def test_fuzz_the_loader_for_60_seconds(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for article in [*SEEDS.glob("*.txt"), *(ROOT / "tests" / "articles").glob("*.txt")]:
        shutil.copy(article, corpus)
    fuzz = subprocess.run([sys.executable, str(ROOT / "tests" / "fuzz_loader.py"), str(corpus),
                           f"-max_total_time={SECONDS}", "-rss_limit_mb=4096",
                           "-max_len=20000", f"-artifact_prefix={tmp_path}/"],
                          capture_output=True, text=True, cwd=tmp_path, timeout=SECONDS + 120)
    runs = re.findall(r"Done (\d+) runs", fuzz.stderr)
    assert fuzz.returncode == 0 and runs, fuzz.stderr[-3000:]
    print(f"loader fuzz: {runs[0]} inputs in {SECONDS} s, no crash")


async def _with_abuse(url: str) -> tuple:
    """The mix, the health route and one client sending cross products, all at once."""
    return await asyncio.gather(load(url, MIX, 20, SECONDS, retries=3),
                                load(url, ["/health"], 1, SECONDS),
                                load(url, [CROSS], 2, SECONDS))


def test_20_clients_for_60_seconds_then_beside_an_abusive_client(seeded_dir, tmp_path) -> None:
    location = tmp_path / "store"
    shutil.copytree(seeded_dir, location)
    with newsgraph_serve(location) as url:
        alone = asyncio.run(load(url, MIX, 20, SECONDS, retries=3))
        mixed, health, abuse = asyncio.run(_with_abuse(url))
    print("20 clients:", alone.summary())
    print("beside cross products:", mixed.summary(), "health:", health.summary(),
          "abuser:", abuse.summary())
    assert alone.requests > 1000 and alone.errors / alone.requests < 0.01
    assert health.errors == 0 and health.percentile(99) < 1.0
    # ad-hoc SPARQL never holds the last worker: the saved queries keep being answered
    # (measured 7.5% errors with 2 workers; 55% before that rule)
    assert mixed.errors / mixed.requests < 0.2
    assert set(abuse.statuses) <= {503, 504}  # stopped at the deadline or refused, never a 200
