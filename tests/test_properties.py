"""Properties that hold for any input (hypothesis): cleaning keeps its map to the original,
dates are real calendar dates cut to their precision, the manifest reader names what it
refuses and never lets a file out of its folder. The @example lines are what they found."""
from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from loaders.clean import clean
from loaders.dates import find_dates
from loaders.datevalues import DAY, MONTH, YEAR, Reference
from loaders.manifest import read_manifest
from newsgraph.errors import ArticleError, ManifestError

# characters news scrapes are made of: CJK, Latin, pinyin tones, HTML, quotes, digits
NEWSY = st.sampled_from(list("负责人離職(fù)（）《》「」“”\"'<>/p?,，。.:：·-– \n\t0123456789年月日")
                        + ["</p>", "<br>", "阅读原文", "关注我们", "Jan Leike", "OpenAI", "é",
                           "\u00a0", "\u200b", "\r\n", "(zé)", "??", ",,", "&amp;"])
TEXTS = st.one_of(st.text(max_size=300), st.lists(NEWSY, max_size=120).map("".join))
PUBLISHED = st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)).flatmap(
    lambda d: st.sampled_from([d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]]))
NUMBERS = st.integers(0, 3000).map(str) | st.sampled_from(["两", "十二", "二十五", "三"])
DATE_WORDS = st.sampled_from([
    "年", "月", "日", "号", "去年", "今年", "上个月", "本周", "周五", "前", "两周前", "同年",
    "Ende", "Anfang", "Juli", "Mai", "im", "dieses Jahres", "am Mittwoch", "Vorjahr",
    "last", "next", "month", "year", "on Monday", "May", "February", "in", ",", " ", "-",
    "that year", "the previous year", "Februar", "31.", "2.", "29",
])
DATEY = st.lists(NUMBERS | DATE_WORDS, max_size=12).map(" ".join) | \
    st.lists(NUMBERS | DATE_WORDS, max_size=12).map("".join)
SETTINGS = settings(max_examples=300, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(TEXTS)
def test_cleaning_keeps_a_map_back_to_the_original(raw: str) -> None:
    cleaned = clean(raw)
    assert len(cleaned.offsets) == len(cleaned.text) + 1
    assert all(0 <= o <= len(raw) for o in cleaned.offsets)
    assert all(a <= b for a, b in zip(cleaned.offsets, cleaned.offsets[1:], strict=False))
    for start in range(0, len(cleaned.text), 7):
        a, b = cleaned.span(start, min(start + 5, len(cleaned.text)))
        assert 0 <= a <= b <= len(raw)


@SETTINGS
@given(TEXTS)
@example("\x95")  # found by hypothesis: repaired to a lone bullet, then a blank line
@example("㐀(è)(è)")  # pinyin twice: both go in one pass
@example("、,,")  # a run of doubled commas: all go in one pass
@example("\x83\x95\r\x80")  # a line a lone \r ends is repaired on its own, as it is next time
def test_cleaning_twice_changes_nothing_more(raw: str) -> None:
    once = clean(raw).text
    assert clean(once).text == once


def _check_value(value: str, precision: int) -> None:
    shape = {YEAR: "%Y", MONTH: "%Y-%m", DAY: "%Y-%m-%d"}[precision]
    assert dt.datetime.strptime(value, shape).strftime(shape) == value


@SETTINGS
@given(DATEY, PUBLISHED)
def test_every_date_found_is_a_real_date_at_its_precision(text: str, published: str) -> None:
    for mention in find_dates(text, published):
        assert 0 <= mention.start < mention.end <= len(text)
        if not mention.anaphoric:
            _check_value(mention.value, mention.precision)


@SETTINGS
@given(DATEY)
def test_without_a_published_date_only_absolute_dates_are_found(text: str) -> None:
    for mention in find_dates(text, None):
        if not mention.anaphoric:
            _check_value(mention.value, mention.precision)


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=4), max_leaves=12)
FILES = st.sampled_from(["a.txt", "../a.txt", "/etc/passwd", "sub/../a.txt", "sub/b.txt",
                         "missing.txt", "", " ", "a.txt\x00", "../../etc/passwd", "."])
ENTRY = st.fixed_dictionaries(
    {"id": st.text(max_size=12) | st.sampled_from(["a", "b", "a/b", "a b"]), "file": FILES},
    optional={"published": st.text(max_size=12) | PUBLISHED
              | st.sampled_from(["2024-02-31", "2023-02-29", "2024-13", "0000"]),
              "language": JSON, "publisher": JSON, "title": JSON})
MANIFESTS = st.lists(ENTRY | JSON, max_size=6) | JSON


@SETTINGS
@given(MANIFESTS)
def test_the_manifest_reader_loads_or_names_every_entry(manifest: object) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "articles"
        (folder / "sub").mkdir(parents=True)
        (folder / "a.txt").write_text("text", encoding="utf-8")
        (folder / "sub" / "b.txt").write_text("text", encoding="utf-8")
        path = folder / "manifest.json"
        path.write_text(json.dumps(manifest), encoding="utf-8")
        try:
            sources, errors = read_manifest(path)
        except ManifestError as exc:
            assert str(path) in exc.message
            return
        for error in errors:
            assert isinstance(error, ArticleError) and str(path) in error.message
        entries = len(manifest) if isinstance(manifest, list) else 0
        assert len(sources) + len(errors) == entries
        for source in sources:
            assert source.path.resolve().is_relative_to(folder.resolve())
            assert source.path.is_file()
            Reference.parse(source.published)  # a date the reader let through parses
