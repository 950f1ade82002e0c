"""Per-client rate limits for a public endpoint: a token bucket per client address.

Off by default (`make run` on localhost); `newsgraph serve --public` turns it on at
`--rate` requests per minute per client, with bursts of a tenth of a minute's share. A
client over its share gets 429 with `Retry-After`, and nothing it sends reaches a worker.
The client is the connecting address: behind a reverse proxy, rate-limit there instead.
"""
from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from newsgraph.errors import RateLimitError

UNLIMITED = ("/health", "/static/")  # liveness checks and the page's own files


class RateLimiter:
    """`rate` requests per minute per client key, bursts of max(1, rate / 6)."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic,
                 max_clients: int = 100_000) -> None:
        self.refill, self.burst = rate / 60.0, max(1.0, rate / 6.0)
        self.clock, self.max_clients = clock, max_clients
        self._buckets: dict[str, tuple[float, float]] = {}  # key -> (tokens, last time)
        self._lock = threading.Lock()

    def take(self, key: str) -> None:
        """Spend one request of `key`'s share, or raise RateLimitError."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.get(key, (self.burst, now))
            tokens = min(self.burst, tokens + (now - last) * self.refill)
            if tokens < 1.0:
                self._buckets[key] = (tokens, now)
                wait = math.ceil((1.0 - tokens) / self.refill)
                raise RateLimitError(f"too many requests from {key}: the limit is "
                                     f"{self.refill * 60:g} per minute",
                                     hint=f"retry in {wait} s", retry_after=wait)
            self._buckets[key] = (tokens - 1.0, now)
            if len(self._buckets) > self.max_clients:
                self._forget(now)

    def _forget(self, now: float) -> None:
        """Drop clients whose buckets are full again (they owe nothing)."""
        full = [k for k, (t, last) in self._buckets.items()
                if t + (now - last) * self.refill >= self.burst]
        for key in full:
            del self._buckets[key]


def exempt(path: str) -> bool:
    return path == UNLIMITED[0] or path.startswith(UNLIMITED[1])
