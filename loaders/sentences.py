"""Sentences and clauses of one article, and the matches of the lexicon patterns filed by
the sentence they fall in: each pattern scans the text once, however many rules ask.
"""
from __future__ import annotations

import bisect
import re

from loaders import fastre
from loaders.lexicon import toml

# A full stop and a capital ("Übergangschef" too) end a sentence (or a name like "xAI",
# "iPhone"), but not the ordinal of a German date ("am 3. Mai")
_DE_MONTHS = "|".join(toml("dates")["months"]["de"])
SENTENCE_END = re.compile(r"[。！？!?]+[」”’\"]*|\n+|(?<=[.!?])"
                          rf"(?!(?<=\d\.)\s+(?i:{_DE_MONTHS})\b)[\"”“]?\s+(?=[A-ZÀ-Þ„\"“]|[a-z][A-Z])")
# a space between Chinese characters parts the clauses of a headline ("张忠谋退休 台积电进入…")
CJK_SPACE = r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])"
_CLAUSE = re.compile(rf"[,，:：;；]|\s[-–—]\s|{CJK_SPACE}")


def sentences(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the text's sentences, blank ones left out."""
    spans, last = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > last and text[last:m.end()].strip():
            spans.append((last, m.end()))
        last = m.end()
    if text[last:].strip():
        spans.append((last, len(text)))
    return spans


class Sentences:
    """The sentence index a Context builds on. `norm` (the cleaned text) and `masked` (with
    mentions written as NUL) are the Context's; `_split` sets `sents` (the sentences of
    `norm`) and an empty filing of pattern matches."""

    norm: str
    masked: str

    def _split(self) -> None:
        self.sents = sentences(self.norm)
        self._sent_set = set(self.sents)
        self._hits: dict[int, tuple[list, list[int], dict]] = {}

    def hits(self, pattern: re.Pattern[str] | None, sent: tuple[int, int]) -> list[re.Match[str]]:
        """Matches of a lexicon pattern inside one sentence (or any span): the text is
        scanned once per pattern and its matches filed by sentence."""
        if pattern is None:
            return []
        found, starts, by_sentence = self._hits.get(id(pattern)) or self._filed(pattern)
        got = by_sentence.get(sent)
        if got is not None:
            return got
        if sent in self._sent_set:
            return []
        lo = bisect.bisect_left(starts, sent[0])
        hi = bisect.bisect_left(starts, sent[1])
        return [m for m in found[lo:hi] if m.end() <= sent[1]]

    def hit_sentences(self, *patterns: re.Pattern[str] | None) -> list[tuple[int, int]]:
        """The sentences holding a match of any of these patterns, in order: a rule that
        reads a sentence only through their matches skips the others."""
        found: set[tuple[int, int]] = set()
        for pattern in patterns:
            if pattern is not None:
                found.update(self._filed(pattern)[2])
        return sorted(found)

    def _filed(self, pattern: re.Pattern[str]) -> tuple[list, list[int], dict]:
        filed = self._hits.get(id(pattern))
        if filed is None:
            filed = self._hits[id(pattern)] = self._file(
                list(fastre.finditer(pattern, self.masked)))
        return filed

    def _file(self, found: list[re.Match[str]]) -> tuple[list, list[int], dict]:
        """The matches, their starts, and those inside each sentence (sentences without
        one left out)."""
        by_sentence: dict[tuple[int, int], list[re.Match[str]]] = {}
        i, last = 0, len(self.sents)
        for m in found:
            while i < last and self.sents[i][1] <= m.start():
                i += 1
            if i < last and self.sents[i][0] <= m.start() and m.end() <= self.sents[i][1]:
                by_sentence.setdefault(self.sents[i], []).append(m)
        return found, [m.start() for m in found], by_sentence

    def sentence_of(self, pos: int, default: tuple[int, int]) -> tuple[int, int]:
        return next((s for s in self.sents if s[0] <= pos < s[1]), default)

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding `pos` starts."""
        return self.norm.rfind("\n", 0, pos + 1) + 1

    def paragraph_before(self, para: int) -> int:
        """Where the paragraph before the one starting at `para` starts, blank lines skipped."""
        last = self.norm.rfind("\n", 0, max(0, para - 1))
        while last > 0 and not self.norm[last + 1:para].strip():
            last = self.norm.rfind("\n", 0, last)
        return last + 1

    def _clause(self, sent: tuple[int, int], pos: int) -> tuple[int, int]:
        """The clause of `sent` holding `pos`: between the clause marks (commas, colons,
        semicolons, dashes, a space between Chinese characters) around it."""
        start, end = sent
        for m in _CLAUSE.finditer(self.norm, sent[0], sent[1]):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return start, end

