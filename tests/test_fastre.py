"""The first-character lookahead of loaders/fastre.py, and its skipping of texts that lack
every string a pattern's matches need, never change what a pattern finds: every pattern the
loaders compile through it finds the same matches as the pattern as written, on the seeds
and the development articles, and on any text (hypothesis)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from loaders import fastre
from loaders.clean import clean
from loaders.lexicon import ontology_terms
from loaders.manifest import read_sources
from loaders.pipeline import process

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev"


@pytest.mark.parametrize(("pattern", "flags", "first"), [
    (r"\b(?:on|am)\s+Monday", re.IGNORECASE, "[ao]"),  # the lookahead folds case itself
    (r"(?<![\d.,-])(?:in|seit)?\s*(20\d\d)", 0, r"[2\sis]"),
    (r"(?:\d+|zwei)\s+Jahre", 0, r"[\dz]"),
    (r"(?i:^share|x)|同年", 0, "[SXsxſ同]"),  # ſ folds to s: the engine matches it too
    (r"(?i:k)", 0, "[Kk\u212a]"),  # the Kelvin sign
    (r"[a-c]+前", 0, "[a-c]"),
    (r"(?:a|b)?c", 0, "[abc]"),
    (r".{0,8}关注", 0, None),  # any character may open it
    (r"\w+", 0, None),
    (r"[^,]+", 0, None),
    (r"a?", 0, None),  # may match the empty string
    (r"(?=x)", 0, None),
])
def test_first_chars(pattern: str, flags: int, first: str | None) -> None:
    assert fastre.first_chars(pattern, flags) == first


def test_a_pattern_the_engine_skips_through_is_left_as_written() -> None:
    assert fastre.compile("同年|当年").pattern == "同年|当年"
    assert fastre.compile(r"\bMai\b").pattern.startswith("(?=[M])")


def _texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(DEV.glob("articles/*.txt"))
    assert len(files) > 12  # the development articles are read too
    return [clean(f.read_text(encoding="utf-8")).norm for f in files]


def test_every_loader_pattern_finds_what_it_finds_as_written() -> None:
    for source in read_sources([ROOT / "seeds"])[0]:
        process(source)  # every rule compiles its patterns
    for terms in ontology_terms().values():
        for lang in ("en", "de", "zh"):
            terms.pattern(lang)
    texts, patterns = _texts(), list(fastre.WRITTEN)
    assert sum(p.pattern != fastre.WRITTEN[p] for p in patterns) > 60  # most got a lookahead
    assert sum(fastre._required_of(p) is not None for p in patterns) > 30  # most can skip
    assert sum(fastre._needs_cjk_of(p) for p in patterns) > 10  # skipped on Latin text
    for pattern in patterns:
        written = re.compile(fastre.WRITTEN[pattern], pattern.flags)
        for text in texts + [t.lower() for t in texts]:
            expected = [m.span() for m in written.finditer(text)]
            assert [m.span() for m in pattern.finditer(text)] == expected, pattern.pattern[:80]
            assert [m.span() for m in fastre.finditer(pattern, text)] == expected, \
                pattern.pattern[:80]


@pytest.mark.parametrize(("pattern", "needed"), [
    (r"\b(?:last|letzten)\s+(Mai|May)\b", {"last", "letzten"}),  # the longer shortest string
    (r"(\d{4})\s*年\s*(\d{1,2})\s*月", {"年"}),
    (r"(?:a few|two) days later|eine Woche später",  # the runs a group spells, whole
     {"a few days later", "two days later", "eine woche später"}),
    (r"(?:x+y)+-Team\b", {"-Team"}),
    (r"(?:ab)?c", {"c"}),  # an optional group needs nothing
    (r"\b(?:Jan|January|Juni)\b", {"Jan", "Juni"}),  # 'January' holds 'Jan': one will do
    (r"(?i:Ende)\s+Mai", {"Mai"}),  # a case-folding group is passed over
    (r"a|\d", None),  # a branch that needs nothing: nothing is needed
    (r"\w+", None),
])
def test_required_strings(pattern: str, needed: set[str] | None) -> None:
    found = fastre.required(fastre.lowered(pattern) if "Woche" in pattern else pattern)
    assert found == (None if needed is None else frozenset(needed))
    assert fastre.required(pattern, re.IGNORECASE) is None  # the text's case is unknown


@pytest.mark.parametrize(("pattern", "needs"), [
    ("同年|当年", True),
    (r"(\d{4})\s*年", True),
    ("(?:同年|that year)", False),  # one branch without
    ("[\u4e00-\u9fff]{2,3}团队", True),
    ("[\u4e00-\u9fffA-Z]+", False),  # a class with Latin letters in it
    ("(?<=的)[A-Z]+", True),  # the text must hold what a lookbehind finds
    ("(?<!的)[A-Z]+", False),
    ("(?:的)?[A-Z]+", False),  # optional
    ("[一二三]*x", False),
    ("，", False),  # full-width punctuation is not a Chinese character
])
def test_patterns_that_need_a_chinese_character(pattern: str, needs: bool) -> None:
    assert fastre.needs_cjk(pattern) is needs
    text = "In that year SAP and IBM, 那年 A"  # Chinese characters, but none of those needed
    for checked in (text, text.replace("那年", "")):
        expected = [m.span() for m in re.finditer(pattern, checked)]
        assert [m.span() for m in fastre.finditer(fastre.compile(pattern), checked)] == expected


TRICKY = [r"\b(?:on|am|last)\s+(Monday|Montag)\b", r"(?<![\d.,-])(?:in|im)?\s*(19\d\d|20\d\d)",
          r"(?i:^share|ſt)|同年|(?i:k)elvin", r"(?:\d+|zwei)\s+(?:Jahre|years)\s+ago",
          r"(?<![A-Za-z])(?:Ende|Anfang)\s+(?:Mai|Juli)(?-i:(?![a-z]))",
          r"(?<![\d年])(\d{1,2})\s*月(?!\s*\d)|(?:同|当)年"]
ALPHABET = st.sampled_from(list("aAkKſsSt \n12907同年") + [
    "\u212a", "on ", "am ", "Monday", "Montag", "in ", "im ", "2024", "1999", "share", "Ende ",
    "Mai", "zwei ", "years ago", "Jahre", ",", "-", "elvin", "月", "当", "5月"])


@settings(max_examples=300, deadline=None)
@given(st.lists(ALPHABET, max_size=40).map("".join))
def test_the_lookahead_changes_no_match_on_any_text(text: str) -> None:
    for written in TRICKY:
        for flags in (0, re.IGNORECASE):
            fast, plain = fastre.compile(written, flags), re.compile(written, flags)
            expected = [m.span() for m in plain.finditer(text)]
            assert [m.span() for m in fast.finditer(text)] == expected, (written, flags)
            assert [m.span() for m in fastre.finditer(fast, text)] == expected, (written, flags)


def test_introduced_names_are_found_as_the_whole_pattern_finds_them() -> None:
    """loaders.orgnames.introduced tries its pattern only at the starts of words holding an
    introducing noun: the same matches, spans and groups as `finditer` over every
    position, on the seeds and on random runs of articles, introducers and names."""
    import random

    from loaders.clean import clean
    from loaders.orgnames import _introduced_patterns, introduced

    from .conftest import SEEDS
    pattern, _, _ = _introduced_patterns()
    texts = [clean(p.read_text(encoding="utf-8")).norm for p in SEEDS.glob("*.txt")]
    rnd = random.Random(3)
    vocab = ["der", "die", "das", "the", "a", "an", "Software", "konzern", "Konzern",
             "Unternehmen", "Start-up", "start-up", "SAP", "Helsing", "chip", "maker", "Arm",
             "软件", "巨头", "公司", "集团", "Google", "的", "_x", "x_", "9", "Gruppe", "labs"]
    texts += ["".join(rnd.choice(vocab) + rnd.choice(["", " ", " ", "-"])
                      for _ in range(rnd.randint(1, 12))) for _ in range(5000)]
    found = 0
    for text in texts:
        expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groups()) for m in introduced(text)] == expected, text
        found += len(expected)
        if text.isascii():  # a text whose lower case is longer is searched as written
            long = text.replace("a", "İ", 1)
            assert [(m.span(), m.groups()) for m in introduced(long)] == \
                [(m.span(), m.groups()) for m in pattern.finditer(long)], long
    assert found > 1000


WORDS = ["post", "posted", "sai", "said", "称", "声称", "no", "no longer", "n't"]
WORD_ITEMS = st.lists(st.tuples(st.booleans(), st.sampled_from(WORDS), st.booleans()),
                      min_size=1, max_size=5)
WORD_TEXT = st.lists(st.sampled_from([*WORDS, "ed", "d", "声", " ", ",", "x"]),
                     max_size=20).map("".join)


@settings(max_examples=500, deadline=None)
@given(WORD_ITEMS, WORD_TEXT)
def test_a_list_of_words_matches_as_its_items_in_their_order(items, text: str) -> None:
    """rulewords.any_of puts words with the same edges into one alternation: the matches
    are those of the items tried in their order, on any text, whether the words were
    grouped (no two can match at one place) or kept as written."""
    from loaders.rulewords import any_of

    written = [("\\b" if lead else "") + w + ("\\b" if trail else "")
               for lead, w, trail in items]
    expected = [m.span() for m in re.finditer("|".join(f"(?:{p})" for p in written), text)]
    assert [m.span() for m in any_of(written).finditer(text)] == expected, written


def test_words_are_grouped_only_when_their_order_cannot_matter() -> None:
    from loaders.rulewords import any_of

    def written(items: list[str]) -> str:
        compiled = any_of(items)
        return fastre.WRITTEN.get(compiled, compiled.pattern)

    assert written([r"\bsagte\b", r"\bschrieb\b", "表示"]).count(r"\b") == 2
    assert written([r"\bpost\b", r"\bposted\b"]).count(r"\b") == 2  # \b parts them
    for overlapping in (["no", "no longer"], [r"\bpost", r"\bposted\b"], ["x\\b", "x y"]):
        assert written(overlapping) == "|".join(f"(?:{p})" for p in overlapping)
    folded = any_of([r"\bsagte\b", r"\bschrieb\b"], re.IGNORECASE)  # overlaps read case-blind
    assert fastre.WRITTEN.get(folded, folded.pattern) == r"(?:\bsagte\b)|(?:\bschrieb\b)"
    assert folded.flags & re.IGNORECASE
