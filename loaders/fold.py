"""Folding text for matching: Traditional to Simplified Chinese, full-width to ASCII (both
keep the length, so a match in folded text is a span of the text), and the key names are
matched by. Kept apart from cleaning (`clean.py`, which needs ftfy): the store, the saved
queries and the query workers key names without loading the cleaner."""
from __future__ import annotations

import re
from functools import cache, lru_cache

import opencc

_WIDTH = {**{c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}, 0x3000: 0x20, 0x30FB: 0xB7,
          0x2022: 0xB7, 0xFF65: 0xB7, 0xFF0E: 0xB7}  # 傑夫．迪恩: a name's dot, as 0xB7


@cache
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional to Simplified, keeping the length (character by character where needed)."""
    out = _t2s().convert(text)
    if len(out) == len(text):
        return out
    chars = [_t2s().convert(c) for c in text]
    return "".join(c if len(c) == 1 else o for c, o in zip(chars, text, strict=True))


# `str.translate` looks up every character of a text in the table (0.47 ms for an English
# article of 7 kB, which has none of them): a text without one is left as it is.
_WIDE = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_WIDTH)) + "]")


def fold(text: str) -> str:
    return to_simplified(text.translate(_WIDTH) if _WIDE.search(text) else text)


_KEY_DROP = re.compile(r"[\s·・\-‐‑–—_.,'’\"]+")


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """The form names are matched by: Simplified script, case-folded, no spaces or dots
    (kept for the names an article repeats and the registry's)."""
    return _KEY_DROP.sub("", fold(text).casefold())
