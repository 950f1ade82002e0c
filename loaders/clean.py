"""Cleaning: web debris out, with a map from every cleaned character to the original text.

`Cleaned.text` is what the extractors read; `Cleaned.origin(i)` is the offset in the
original file of cleaned character i, so every evidence span points at the original.
`Cleaned.norm` is the same text folded for matching (Traditional to Simplified Chinese,
full-width to ASCII), of the same length, so a match in `norm` is a span in `text`.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import ftfy

from loaders import fastre
from loaders.fastre import CJK
from loaders.fold import fold
from loaders.mojibake import is_bad

_LEX = Path(__file__).parent / "lexicons" / "clean.toml"
# Pinyin with tone marks, in parentheses after a Chinese character: 負(fù)責(zé) -> 負責; the
# opening parenthesis is sometimes mangled into "?" (因?yàn)), never a question mark there.
_PINYIN = re.compile(rf"(?<=[{CJK}])(?:[(?](?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{{1,8}}\))+")
_HTML = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,10}(?:\s[^<>]{0,200})?/?>|\?/[a-z]{1,5}>|&(?:nbsp|amp|quot|lt|gt);")
_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")  # kept as pieces of their own by split
_DOUBLE_PUNCT = re.compile(r"(?<=[。、])[,，]+|[,，]+(?=[,，。、;；!！?？])")
_SCRIPTS = [re.compile(p) for p in (r"[\uac00-\ud7af]", r"[\u0400-\u04ff]", r"[\u0370-\u03ff]",
                                    r"[\u3040-\u30ff]", rf"[{CJK}]", r"[A-Za-z]")]


@dataclass
class Cleaned:
    text: str
    offsets: list[int]  # offsets[i] = original offset of text[i]; one extra entry at the end
    norm: str

    def origin(self, i: int) -> int:
        return self.offsets[min(i, len(self.offsets) - 1)]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of cleaned [start, end)."""
        limit = self.offsets[-1]  # the original's length: a span never runs past it
        if end <= start:
            return min(self.origin(start), limit), min(self.origin(start), limit)
        return min(self.origin(start), limit), min(self.origin(end - 1) + 1, limit)


def _any(patterns: list[str]) -> re.Pattern[str]:
    """One regex for a list; a leading (?i) becomes a scoped (?i:...) group."""
    return fastre.compile("|".join(f"(?i:{p[4:]})" if p.startswith("(?i)") else f"(?:{p})"
                                   for p in patterns))


@cache
def _rules() -> dict:
    data = tomllib.loads(_LEX.read_text(encoding="utf-8"))
    # a pattern anchored at the line's start is tried there only ("match"); the others
    # are searched for, all in one regex each (one scan of the line, not one per pattern)
    starts = [p for p in data["drop_line"] if p.removeprefix("(?i)").startswith("^")]
    inside = [p for p in data["drop_line"] if p not in starts]
    return {"drop": _any(inside), "drop_start": _any(starts), "cut": _any(data["cut_from"]),
            "cut_fraction": data["cut_after_fraction"], "bullet_max": data["bullet_max"],
            "bullets": data["bullet_marks"]}


def _sub(text: str, offs: list[int], pattern: re.Pattern[str],
         repl: Callable[[re.Match[str]], str] = lambda m: "") -> tuple[str, list[int]]:
    parts, new_offs, last = [], [], 0
    for m in pattern.finditer(text):
        parts.append(text[last:m.start()])
        new_offs += offs[last:m.start()]
        r = repl(m)
        parts.append(r)
        new_offs += [offs[min(m.start() + k, m.end() - 1)] for k in range(len(r))]
        last = m.end()
    parts.append(text[last:])
    new_offs += offs[last:]
    return "".join(parts), new_offs


def _keep_line(line: str, folded: str, rules: dict, seen: set[str]) -> bool:
    """`folded` is the line's folded form (the text is folded once; folding keeps length)."""
    stripped = line.strip()
    if not stripped:
        return True
    folded = folded.strip()
    if rules["drop_start"].match(folded) or rules["drop"].search(folded):
        return False
    if sum(1 for s in _SCRIPTS if s.search(stripped)) >= 4:  # a language bar
        return False
    if stripped[0] in rules["bullets"] and len(stripped) < rules["bullet_max"] \
            and not re.search(r"[。.!?！？]$", stripped):
        return False
    if len(stripped) >= 12:
        if stripped in seen:  # a repeated paragraph: the page printed the body twice
            return False
        seen.add(stripped)
    return True


def _repair(raw: str) -> tuple[str, list[int]]:
    """Mojibake repaired line by line (ftfy, quotes left as written; a lone \\r ends a line
    too, as it will once cleaned); a repaired line maps its characters proportionally into
    the original line, every other line (and each line break) exactly."""
    if not is_bad(raw):
        return raw, list(range(len(raw)))
    parts, offs, pos = [], [], 0
    for line in _LINE_BREAK.split(raw):
        fixed = ftfy.fix_text(line, normalization=None, uncurl_quotes=False) \
            if is_bad(line) else line
        if len(fixed) == len(line):
            offs += range(pos, pos + len(line))
        else:
            offs += [pos + int(i * len(line) / max(len(fixed), 1)) for i in range(len(fixed))]
        parts.append(fixed)
        pos += len(line)
    return "".join(parts), offs


def clean(raw: str) -> Cleaned:
    rules = _rules()
    text, offs = _repair(raw)
    text, offs = _sub(text, offs, _HTML)
    text, offs = _sub(text, offs, _PINYIN)
    text, offs = _sub(text, offs, _DOUBLE_PUNCT)
    lines, pos, seen = [], 0, set()
    kept_text, kept_norm, kept_offs = [], [], []
    segments = text.split("\n")
    if not segments[-1]:
        segments.pop()  # a final newline ends the last line, opens none
    for line in segments:
        lines.append((pos, line))
        pos += len(line) + 1
    folded = fold(text)
    cut_at = next((p for p, line in lines if p >= rules["cut_fraction"] * len(text)
                   and rules["cut"].search(folded[p:p + len(line)].strip())), len(text) + 1)
    for p, line in lines:
        if p >= cut_at or not _keep_line(line, folded[p:p + len(line)], rules, seen):
            continue
        kept_text.append(line + "\n")
        kept_norm.append(folded[p:p + len(line)] + "\n")
        kept_offs += offs[p:p + len(line)] + [offs[p + len(line)] if p + len(line) < len(offs)
                                              else len(raw)]
    out = "".join(kept_text)
    kept_offs.append(len(raw))
    # norm: the kept lines of the text folded above (folding keeps length, and no phrase
    # OpenCC converts runs over a newline), not a second fold of the kept text
    return Cleaned(text=out, offsets=kept_offs, norm="".join(kept_norm))
