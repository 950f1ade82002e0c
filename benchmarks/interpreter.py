"""Which Python `make install` builds the virtual environment on: the fastest build of
Python 3.11 or later on the machine, measured, not guessed.

Extraction is pure Python, and so is the server's share of a request: the interpreter's
build sets their speed. A build with profile-guided and link-time optimization, such as
Debian's /usr/bin/python3, runs them about 10 % faster than a plain build from source
(pyenv's default; the measured figures are in the README's performance section), and
`sysconfig` does not tell the two apart. So every `python3*` on the PATH that can make a
virtual environment runs the same small workload (regex scans, dictionaries, small
functions: what the loaders do) in nine rounds (`timings`), and the fastest is printed.
Run with the standard library only, before any environment exists:

    python3 benchmarks/interpreter.py          # the path of the fastest interpreter
    python3 benchmarks/interpreter.py --table  # every candidate, its time against the fastest
"""
from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
from pathlib import Path

MINIMUM = (3, 11)  # pyproject.toml's requires-python
ROUNDS = 9  # rounds of one run of each candidate, back to back
NAME = re.compile(r"python3(\.\d+)?")

# The workload, run by each candidate: it prints its best time of one round.
WORKLOAD = r"""
import re, sys, time
from dataclasses import dataclass
WORD = re.compile(r"(?<!\w)([A-Z]\w+)(?:\s+([A-Z]\w+))?")
TEXT = "Jan Leike, a former OpenAI researcher, left in May 2024. He said: 'Yes.' " * 40
@dataclass
class Mention:
    start: int
    end: int
    name: str
def work():
    found, seen = [], {}
    for m in WORD.finditer(TEXT):
        key = m.group(0).lower()
        seen[key] = seen.get(key, 0) + 1
        found.append(Mention(m.start(), m.end(), key))
    return sorted(found, key=lambda x: (seen[x.name], x.start))[:5]
best = float("inf")
for _ in range(int(sys.argv[1])):
    t = time.perf_counter()
    for _ in range(20):
        work()
    best = min(best, time.perf_counter() - t)
print(best)
"""


def candidates() -> list[str]:
    """Each interpreter on the PATH once (by the executable it reports), ≥ 3.11, with the
    venv module and ensurepip (a Debian Python without python3-venv has neither)."""
    found: list[str] = []
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if not folder or not Path(folder).is_dir():
            continue
        for path in sorted(Path(folder).iterdir()):
            if NAME.fullmatch(path.name) and os.access(path, os.X_OK):
                real = _usable(str(path))
                if real is not None and real not in found:
                    found.append(real)
    return found


def _usable(path: str) -> str | None:
    probe = ("import sys, venv, ensurepip, os; "
             "print(os.path.realpath(sys.executable), *sys.version_info[:2])")
    try:
        out = subprocess.run([path, "-c", probe], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    parts = out.stdout.split()
    if out.returncode != 0 or len(parts) != 3 or (int(parts[1]), int(parts[2])) < MINIMUM:
        return None
    return parts[0]


def timings(paths: list[str]) -> dict[str, float]:
    """Each interpreter's median, over the rounds, of its time over the round's fastest.
    A shared machine runs fast and slow for stretches longer than one run (the same
    interpreter's runs here took 2.6 or 4.0 ms, several in a row of each): the runs of one
    round, back to back, share a stretch, so each is compared within its round only."""
    relative: dict[str, list[float]] = {path: [] for path in paths}
    for turn in range(ROUNDS):
        order = paths if turn % 2 == 0 else paths[::-1]  # neither always first
        seconds = {path: _run(path) for path in order}
        fastest = min(seconds.values())
        for path, value in seconds.items():
            relative[path].append(value / fastest)
    return {path: statistics.median(values) for path, values in relative.items()}


def _run(path: str) -> float:
    out = subprocess.run([path, "-c", WORKLOAD, "3"], capture_output=True, text=True,
                         timeout=60, check=True)
    return float(out.stdout)


def main(argv: list[str]) -> int:
    paths = candidates()
    if not paths:
        print(f"no Python ≥ {MINIMUM[0]}.{MINIMUM[1]} with venv and ensurepip on the PATH; "
              "install one (Debian: apt-get install python3-venv)", file=sys.stderr)
        return 1
    times = timings(paths)
    if "--table" in argv:
        for path, ratio in sorted(times.items(), key=lambda kv: kv[1]):
            print(f"{ratio:6.2f}×  {path}")
        return 0
    print(min(times, key=times.__getitem__))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
