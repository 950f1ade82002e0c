"""Regexes made quick to scan: a lookahead on the characters a match can start with.

Python's regex engine tries a pattern at every position of the text. When a pattern opens
with a word boundary, a lookbehind, an optional word or a case-insensitive alternation,
the engine cannot skip ahead and enters the whole pattern at each character; a leading
`(?=[…])` of the characters a match can start with lets it reject most positions at once
(2-3× faster on the date patterns). The characters are read from the parsed pattern; a
pattern whose first character cannot be bounded (it may match the empty string, start with
`.` or `\\w`) is compiled as written.

`finditer` also skips the scan of a text that cannot hold a match: one without any of
the strings every match needs (`required`), or without a Chinese character when every
match needs one (`needs_cjk`: the Chinese name and organization rules on an English or
German article, ~0.35 ms of its ~15).
"""
from __future__ import annotations

import _sre
import contextlib
import re
from collections.abc import Iterator
from functools import cache, lru_cache
from re import _constants as C  # noqa: N812 - the parser's opcode names
from re import _parser
from re._casefix import _EXTRA_CASES

WRITTEN: dict[re.Pattern[str], str] = {}  # each compiled pattern -> the pattern as written
Item = tuple[int, int] | str  # a character (lo == hi), a range of code points, or \\d \\s
CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_SPACE: r"\s"}
MAX_REQUIRED = 64  # more strings to look for cost more than the scan they might save
_LITERAL = re.compile(r"\\.|[^\\]+")  # an escape, or a run of literal pattern text


@lru_cache(maxsize=1024)
def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - like re.compile
    """`re.compile`, with a lookahead on the first characters when they can be bounded
    (cached, like `re.compile`: reading the pattern costs more than compiling it)."""
    compiled = re.compile(pattern, flags)  # a bad pattern fails here, as re.compile's
    parsed = _parser.parse(pattern, flags)
    first = _first_chars(parsed)
    if first is not None and not _engine_skips(parsed):
        # inline global flags, "(?i)…", must open a pattern: such a one stays as written
        with contextlib.suppress(re.error):
            compiled = re.compile(f"(?={first})(?:{pattern})", flags)
    WRITTEN[compiled] = pattern
    return compiled


def lowered(pattern: str) -> str:
    """The pattern for lower-cased text: its literal text lower-cased, its escapes
    (\\b, \\d, \\s, \\u…) as written. Scanning the text lower-cased with it finds what the
    pattern finds ignoring case (but for letters whose lower case is longer, or which the
    engine folds otherwise, such as ſ), a third faster: the engine compares characters as
    they are instead of folding each."""
    return _LITERAL.sub(lambda m: m[0] if m[0][0] == "\\" else m[0].lower(), pattern)


def lower_text(text: str) -> str | None:
    """The text lower-cased for the `lowered` patterns, or None when a letter's lower case
    is longer (İ): positions would shift, so the text is scanned as written."""
    lower = text.lower()
    return lower if len(lower) == len(text) else None


def first_chars(pattern: str, flags: int = 0) -> str | None:
    """A character class holding every character a match can start with, or None."""
    try:
        return _first_chars(_parser.parse(pattern, flags))
    except re.error:
        return None


def _first_chars(parsed: _parser.SubPattern) -> str | None:
    found = _seq(list(parsed), False)  # a case-insensitive pattern: so is its lookahead
    if found is None or found[1] or not found[0]:
        return None  # unbounded, or the pattern may match the empty string
    return "[" + "".join(sorted(map(_class_item, found[0]))) + "]"


def _engine_skips(parsed: _parser.SubPattern) -> bool:
    """Whether the engine skips ahead by itself, as it does when a pattern opens with a
    character, a class or an alternation of branches each opening with a character, none
    of them folded for case (its own charset prefix): a lookahead would only add a step."""
    items = list(parsed)
    while items and items[0][0] is C.SUBPATTERN:
        items = list(items[0][1][3])
    if not items:
        return False
    op, av = items[0]
    if op is C.BRANCH:
        opens = all(b and list(b)[0][0] is C.LITERAL for b in av[1])
    else:
        opens = op in (C.LITERAL, C.IN)
    if not opens or not parsed.state.flags & re.IGNORECASE:
        return opens
    first = _item(op, av, False)
    return first is not None and not any(chr(c).lower() != chr(c).upper()
                                         for i in first[0] if isinstance(i, tuple)
                                         for c in range(i[0], i[1] + 1))


def _class_item(item: Item) -> str:
    if isinstance(item, str):
        return item
    lo, hi = (re.escape(chr(c)) for c in item)
    return lo if lo == hi else f"{lo}-{hi}"


def _seq(items: list, fold: bool) -> tuple[set[Item], bool] | None:
    """First characters of a sequence, and whether all of it may match empty. `fold`: inside
    a case-insensitive group of a case-sensitive pattern (each character in every case)."""
    out: set[Item] = set()
    for op, av in items:
        found = _item(op, av, fold)
        if found is None:
            return None
        out |= found[0]
        if not found[1]:
            return out, False
    return out, True


def _item(op, av, fold: bool) -> tuple[set[Item], bool] | None:  # noqa: ANN001 - parser data
    if op is C.LITERAL:
        return _cased({(av, av)}, fold), False
    if op is C.IN:
        if any(o not in (C.LITERAL, C.RANGE) and a not in CATEGORIES for o, a in av):
            return None  # a negated class or \w: too wide to help
        found = _cased({(a, a) if o is C.LITERAL else CATEGORIES.get(a, a) for o, a in av}, fold)
        return None if found is None else (found, False)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), True  # zero-width: the next item decides
    if op is C.BRANCH:
        branches = [_seq(list(b), fold) for b in av[1]]
        if any(b is None for b in branches):
            return None
        return set().union(*(b[0] for b in branches)), any(b[1] for b in branches)
    if op is C.SUBPATTERN:
        _, add, _, sub = av
        return _seq(list(sub), fold or bool(add & re.IGNORECASE))
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _, sub = av
        found = _seq(list(sub), fold)
        return None if found is None else (found[0], found[1] or low == 0)
    if op is C.ATOMIC_GROUP:
        return _seq(list(av), fold)
    return None


def _cased(items: set[Item], fold: bool) -> set[Item] | None:
    """The characters in every case the engine folds them to (K also as the Kelvin sign)."""
    if not fold:
        return items
    out: set[Item] = set()
    for item in items:
        if isinstance(item, str):  # \d, \s: no case
            out.add(item)
            continue
        if item[1] - item[0] > 256:
            return None
        for code in range(item[0], item[1] + 1):
            low = _sre.unicode_tolower(code)
            for same in (code, *_same_lower().get(low, ()), *_EXTRA_CASES.get(low, ())):
                out.add((same, same))
    return out


@cache
def _same_lower() -> dict[int, tuple[int, ...]]:
    """Lowercase code point -> every code point the engine lowercases to it."""
    out: dict[int, list[int]] = {}
    for code in range(0x20000):
        out.setdefault(_sre.unicode_tolower(code), []).append(code)
    return {low: tuple(codes) for low, codes in out.items() if len(codes) > 1 or low != codes[0]}


def finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """`pattern.finditer(text)`, but nothing without a scan when the text holds none of the
    strings one of which every match holds (`required`), or no Chinese character while
    every match needs one (`needs_cjk`: the Chinese rules on an English article)."""
    if _needs_cjk_of(pattern) and not has_cjk(text):  # asked first: it is kept per text
        return iter(())
    needed = _required_of(pattern)
    if needed is not None and not any(s in text for s in needed):
        return iter(())
    return pattern.finditer(text)


_CJK_RANGE = (0x3400, 0x9FFF)  # the Chinese characters (CJK ideographs) of every loader
CJK = r"\u{:04x}-\u{:04x}".format(*_CJK_RANGE)  # as a character class's body: [{CJK}]
CJK_CHAR = re.compile(f"[{CJK}]")


@lru_cache(maxsize=8)
def has_cjk(text: str) -> bool:
    """Whether the text holds a Chinese character (asked once per text and pattern: kept)."""
    return not text.isascii() and CJK_CHAR.search(text) is not None


@lru_cache(maxsize=1024)
def _needs_cjk_of(pattern: re.Pattern[str]) -> bool:
    return needs_cjk(WRITTEN.get(pattern, pattern.pattern), pattern.flags)


def needs_cjk(pattern: str, flags: int = 0) -> bool:
    """Whether a text can hold a match only if it holds a Chinese character: one is in
    every match, or in what a lookaround of every match must find (a text without one
    cannot match, so its scan can be skipped)."""
    try:
        return _cjk_seq(list(_parser.parse(pattern, flags)))
    except re.error:
        return False


def _cjk_seq(items: list) -> bool:
    return any(_cjk_item(op, av) for op, av in items)


def _cjk_item(op, av) -> bool:  # noqa: ANN001 - parser data
    if op is C.LITERAL:
        return _CJK_RANGE[0] <= av <= _CJK_RANGE[1]
    if op is C.IN:
        low, high = _CJK_RANGE
        return bool(av) and all(o is C.LITERAL and low <= a <= high
                                or o is C.RANGE and low <= a[0] and a[1] <= high for o, a in av)
    if op is C.SUBPATTERN:
        return _cjk_seq(list(av[3]))
    if op is C.ASSERT:  # a lookahead or lookbehind that must match: in the text, if not the match
        return _cjk_seq(list(av[1]))
    if op is C.BRANCH:
        return all(_cjk_seq(list(b)) for b in av[1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        return av[0] >= 1 and _cjk_seq(list(av[2]))
    if op is C.ATOMIC_GROUP:
        return _cjk_seq(list(av))
    return False


@lru_cache(maxsize=1024)
def _required_of(pattern: re.Pattern[str]) -> frozenset[str] | None:
    found = required(WRITTEN.get(pattern, pattern.pattern), pattern.flags)
    return found if found is not None and len(found) <= MAX_REQUIRED else None


def required(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Strings one of which every match of a case-sensitive `pattern` contains (its literal
    text, through groups and alternations), or None when no such set is found. A text
    holding none of them cannot match: the scan can be skipped (`in` on a text costs a
    hundredth of a regex scan of it)."""
    try:
        parsed = _parser.parse(pattern, flags)
    except re.error:
        return None
    found = None if parsed.state.flags & re.IGNORECASE else _needed(list(parsed))
    if not found:
        return None  # a string holding another member adds nothing: "days later" will do
    return frozenset(s for s in found if not any(o != s and o in s for o in found))


def _needed(items: list) -> set[str] | None:
    """The most selective necessary set of a sequence: the strings a run of literal items
    (literals, and groups or alternations of them) spells, or the set of a group or
    repetition in it, whichever has the longer shortest string."""
    best: set[str] | None = None
    run = {""}
    for op, av in [*items, (None, None)]:
        spelled = _spelled(op, av)
        if spelled is not None and len(run) * len(spelled) <= MAX_REQUIRED:
            run = {a + b for a in run for b in spelled}
            continue
        candidates = [run, _inner(op, av)]
        run = spelled if spelled is not None else {""}
        for found in candidates:
            if found and "" not in found and (best is None or _rank(found) > _rank(best)):
                best = found
    return best


def _spelled(op, av) -> set[str] | None:  # noqa: ANN001 - parser data
    """Every string a literal item matches: a literal, or a group or alternation of them."""
    if op is C.LITERAL:
        return {chr(av)}
    if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _spelled_seq(list(av[3]))
    if op is C.BRANCH:
        branches = [_spelled_seq(list(b)) for b in av[1]]
        return None if None in branches else set().union(*branches)
    return None


def _spelled_seq(items: list) -> set[str] | None:
    out = {""}
    for op, av in items:
        spelled = _spelled(op, av)
        if spelled is None or len(out) * len(spelled) > MAX_REQUIRED:
            return None
        out = {a + b for a in out for b in spelled}
    return out


def _inner(op, av) -> set[str] | None:  # noqa: ANN001 - parser data
    """The necessary set of a group, an alternation (each branch's, together) or a
    repetition of at least one."""
    if op is C.SUBPATTERN and not av[1] & re.IGNORECASE:
        return _needed(list(av[3]))
    if op is C.BRANCH:
        branches = [_needed(list(b)) for b in av[1]]
        return None if None in branches else set().union(*branches)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:
        return _needed(list(av[2]))
    return None


def _rank(found: set[str]) -> tuple[int, int]:
    return min(map(len, found)), -len(found)
