"""ftfy's test for mojibake, asked only where mojibake can be.

`ftfy.is_bad` searches a text with one regex of some thirty branches (accented letters
before currency signs, box drawing, C1 controls…). The engine enters every branch at every
character, so a clean article costs a millisecond. But each branch needs a character of a
class made only of non-ASCII characters, and no match is longer than a few characters: so
the regex is asked only around the characters of those classes, in windows as wide as its
longest match. The answer is ftfy's, character for character; if a future ftfy has a branch
this cannot bound, the whole text is searched, as before.
"""
from __future__ import annotations

import re
from functools import cache
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser

import ftfy
from ftfy.badness import BADNESS_RE


def is_bad(text: str) -> bool:
    """`ftfy.is_bad(text)`, in less time."""
    bounds = _bounds()
    if bounds is None:
        return ftfy.is_bad(text)
    marks, width = bounds
    lo = hi = -1  # the region to search: the windows of the marks so far, merged
    for m in marks.finditer(text):
        a, b = max(0, m.start() - width + 1), m.start() + width
        if a > hi:  # a window apart from the region: search the region, start another
            if hi > 0 and BADNESS_RE.search(text, lo, hi):
                return True
            lo = a
        hi = b
    return hi > 0 and BADNESS_RE.search(text, lo, hi) is not None


@cache
def _bounds() -> tuple[re.Pattern[str], int] | None:
    """A class of the characters one of which every match holds, and the longest match."""
    parsed = _parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    items = list(parsed)
    branches = items[0][1][1] if len(items) == 1 and items[0][0] is C.BRANCH else [items]
    width = parsed.getwidth()[1]
    chars: set[tuple[int, int]] = set()
    for branch in branches:
        needed = next((n for n in map(_non_ascii, branch) if n), None)
        if needed is None:
            return None  # a branch that may match ASCII alone: search everywhere
        chars |= needed
    if width > 16:
        return None
    ranges = "".join(re.escape(chr(lo)) + ("" if lo == hi else "-" + re.escape(chr(hi)))
                     for lo, hi in sorted(chars))
    return re.compile(f"[{ranges}]"), width


def _non_ascii(item: tuple) -> set[tuple[int, int]] | None:
    """The characters of a one-character item if all are non-ASCII, else None."""
    op, av = item
    if op is C.LITERAL:
        return {(av, av)} if av > 127 else None
    if op is not C.IN or any(o not in (C.LITERAL, C.RANGE) for o, _ in av):
        return None  # a negated class, a category (\w, \s): may be ASCII
    found = {(a, a) if o is C.LITERAL else a for o, a in av}
    return found if all(lo > 127 for lo, _ in found) else None
