"""Closed-loop HTTP load on 127.0.0.1: N clients, each sending its next request as soon as
the last is answered, for a fixed time. `wrk_load` drives wrk (Debian's `wrk`, written in
C), which the benchmark uses: a client in Python spends more CPU per request than the
servers it measures, so on two cores it, not the server, sets the pace (httpx: ~450 req/s
against newsgraph and oxigraph alike, where wrk measures 630–1,000 and 2,100–2,300). `load` is the
Python client, for `make stress` (retries, several paths) and where wrk is missing.

    python benchmarks/loadgen.py http://127.0.0.1:8000 /queries/people /health -c 20 -d 10
"""
from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import shutil
import statistics
import subprocess
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field

import httpx


@dataclass
class Run:
    """Latencies (seconds) and status codes of one run; status 0 is a transport error."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)  # final answers
    deferred: int = 0  # 503/429 answers a client waited out (Retry-After) and retried

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def errors(self) -> int:
        return sum(n for code, n in self.statuses.items() if not 200 <= code < 400)

    def percentile(self, p: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]

    def summary(self) -> dict:
        return {"requests": self.requests, "req_s": round(self.requests / self.seconds, 1),
                "errors": self.errors, "error_rate": round(self.errors / max(self.requests, 1), 4),
                "p50_ms": round(self.percentile(50) * 1000, 1),
                "p99_ms": round(self.percentile(99) * 1000, 1),
                "median_ms": round(statistics.median(self.latencies) * 1000, 1)
                if self.latencies else None,
                "statuses": dict(self.statuses), "deferred": self.deferred}


async def _client(client: httpx.AsyncClient, paths, end: float, run: Run,
                  retries: int) -> None:
    """Send, and with `retries`, wait out a 503/429's Retry-After and send again (as a
    polite client does); the latency recorded is the first send to the final answer."""
    while time.monotonic() < end:
        path, attempt = next(paths), 0
        started = time.monotonic()
        while True:
            try:
                response = await client.get(path)
                await response.aread()
                status = response.status_code
            except httpx.HTTPError:
                status, response = 0, None
            wait = response.headers.get("retry-after", "") if response is not None else ""
            if status not in (429, 503) or attempt >= retries or not wait.isdigit():
                break
            attempt += 1
            run.deferred += 1
            await asyncio.sleep(int(wait))
        run.latencies.append(time.monotonic() - started)
        run.statuses[status] += 1


async def load(base: str, paths: list[str], clients: int, seconds: float,
               timeout: float = 30.0, retries: int = 0) -> Run:
    """`clients` closed-loop clients over `paths` (round robin) for `seconds`; with
    `retries`, each honours Retry-After that many times before counting an error."""
    run, cycle = Run(), itertools.cycle(paths)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        started = time.monotonic()
        end = started + seconds
        await asyncio.gather(*(_client(client, cycle, end, run, retries)
                               for _ in range(clients)))
        run.seconds = time.monotonic() - started
    return run


_WRK_REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('{"requests": %d, "seconds": %f, "p50_us": %d, "p99_us": %d, ' ..
    '"failed": {"status": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d}}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    e.status, e.connect, e.read, e.write, e.timeout))
end
"""


def wrk_available() -> bool:
    return shutil.which("wrk") is not None


def wrk_load(base: str, path: str, clients: int, seconds: float, timeout: float = 30.0) -> dict:
    """`clients` connections of one wrk thread on `path` for `seconds`: the same summary as
    `Run.summary` (requests, req_s, errors, error_rate, p50_ms, p99_ms, statuses), from
    wrk's own latency histogram. Answers other than 2xx/3xx and socket errors (connect,
    read, write, timeout) count as errors."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
        script.write(_WRK_REPORT)
        script.flush()
        out = subprocess.run(["wrk", "-t1", f"-c{clients}", f"-d{max(1, round(seconds))}s",
                              f"--timeout={timeout:g}s", "-s", script.name, base + path],
                             capture_output=True, text=True, check=True).stdout
    got = json.loads(out.strip().splitlines()[-1])
    errors = sum(got["failed"].values())
    return {"requests": got["requests"], "req_s": round(got["requests"] / got["seconds"], 1),
            "errors": errors, "error_rate": round(errors / max(got["requests"], 1), 4),
            "p50_ms": round(got["p50_us"] / 1000, 1), "p99_ms": round(got["p99_us"] / 1000, 1),
            "statuses": {"answered": got["requests"] - got["failed"]["status"],
                         "not 2xx/3xx": got["failed"]["status"],
                         **{f"socket {k}": n for k, n in got["failed"].items()
                            if k != "status" and n}}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("-c", "--clients", type=int, default=8)
    parser.add_argument("-d", "--seconds", type=float, default=10.0)
    parser.add_argument("-r", "--retries", type=int, default=0,
                        help="times a client waits out Retry-After before an error")
    args = parser.parse_args()
    run = asyncio.run(load(args.base, args.paths, args.clients, args.seconds,
                           retries=args.retries))
    print(json.dumps(run.summary(), indent=2))


if __name__ == "__main__":
    main()
