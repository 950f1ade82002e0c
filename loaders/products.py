"""What a release releases: the product's name near the verb of releasing.

After the verb ("OpenAI released GPT-4o", "发布语音识别系统Deep Speech 2", "推出大模型文心一言"),
or before it when the verb closes its clause ("dass OpenAI GPT-3 direkt veröffentlichte",
"LLaMA, das Meta im Februar vorgestellt hat", "its Llama 4 models, released in April", "在
Sora 发布前夕"). A name that is a person's, an organization's or a date's ("released in
April") is none. The patterns are extract.toml's `product_*` entries.
"""
from __future__ import annotations

import re
from collections.abc import Callable

from loaders.facts import lexicon

Taken = Callable[[int, int], bool]  # whether a span overlaps a person, organization or date


_CLAUSE_END = re.compile(r"[，,。；;：:！？!?\n]|[.](?!\d)|\s(?=[\u3400-\u9fff]{2,}[：:])")


def product_name(norm: str, lang: str, clause: tuple[int, int], start: int, end: int,
                 taken: Taken) -> str | None:
    """The product released by the verb at norm[start:end] in its clause, or None."""
    lex = lexicon()
    tail = norm[end:min(clause[1], end + 32)]
    if any(w in tail[:8] for w in lex["not_products"]):
        return None
    stop = _CLAUSE_END.search(tail)
    tail = tail[:stop.start()] if stop else tail
    after = _after_zh(tail, end, taken, stop is not None) if lang == "zh" else \
        _first_free(lex["product_latin"], tail, end, taken)
    return after or _before(norm, lang, clause, start, end, taken)


def _after_zh(tail: str, at: int, taken: Taken, closed: bool) -> str | None:
    """In Chinese: the name after the last noun of a product's kind ("AI产品文心一言"; a
    Chinese one must end the clause), else the first Latin name of the verb's clause."""
    lex = lexicon()
    nouns = list(lex["product_noun_zh"].finditer(tail))
    if nouns:
        named = lex["product_latin_zh"].match(tail, nouns[-1].end()) or \
            lex["product_name_zh"].match(tail, nouns[-1].end())
        if named and (closed or named.group(0).isascii()) \
                and _free(named.group(0), at + named.start(), taken):
            return named.group(0)
    return _first_free(lex["product_latin_zh"], tail, at, taken)


def _before(norm: str, lang: str, clause: tuple[int, int], start: int, end: int,
            taken: Taken) -> str | None:
    """The name before the verb: the antecedent of a relative pronoun or a participle
    ("LLaMA beteiligt, das Meta … vorgestellt hat", "Llama 4 models, released in April"),
    else, when the verb closes its clause (German) or in Chinese, the last free name
    within a few characters before it ("dass OpenAI GPT-3 direkt veröffentlichte")."""
    lex = lexicon()
    head = norm[max(0, clause[0] - 48):start]
    antecedent = lex["product_antecedent"].search(head)
    if antecedent is not None and _free(antecedent.group(1),
                                        start - len(head) + antecedent.start(1), taken):
        return antecedent.group(1)
    if lang != "zh" and not lex["product_closing"].match(norm, end):
        return None  # a Chinese product stands before its verb anywhere ("在 Sora 发布前夕")
    latin = lex["product_latin_zh" if lang == "zh" else "product_latin"]
    found = [m for m in latin.finditer(norm, clause[0], start)
             if _free(m.group(0), m.start(), taken)]
    near = 1 if lang == "zh" else 12  # "在 Sora 发布前夕"; "GPT-3 direkt veröffentlichte"
    return found[-1].group(0) if found and start - found[-1].end() <= near else None


def _first_free(pattern: re.Pattern[str], text: str, at: int, taken: Taken) -> str | None:
    """The first name in `text` (found at `at`) that can be a product's."""
    return next((m.group(0) for m in pattern.finditer(text)
                 if _free(m.group(0), at + m.start(), taken)), None)


def _free(name: str, start: int, taken: Taken) -> bool:
    """Whether a name found at `start` can be a product's: no generic noun ("Modell"), no
    one's mention, no date."""
    return name not in lexicon()["not_product_names"] and not taken(start, start + len(name))
