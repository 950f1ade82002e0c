"""Golden dates: each expression, the published date, and the ISO value cut to its precision."""
from __future__ import annotations

import pytest

from loaders.dates import find_dates

CASES = [
    ("2024 年 2 月 15 日", "2024-05-18", "2024-02-15"),
    ("2023 年 7 月 5日", "2024-02-16", "2023-07-05"),
    ("12 月 14 日", "2024-02-16", "2023-12-14"),
    ("去年 11 月", "2024-05-18", "2023-11"),
    ("上个月", "2024-05-18", "2024-04"),
    ("本周五", "2024-05-18", "2024-05-17"),
    ("上周末", "2024-05-29", "2024-05-25"),
    ("两周前", "2024-05-18", "2024-05-04"),
    ("2024-08-06", None, "2024-08-06"),
    ("Ende Juli", "2024-08-06", "2024-07"),
    ("im Mai dieses Jahres", "2024-08-06", "2024-05"),
    ("am Mittwoch", "2022-07-14", "2022-07-13"),
    ("Vergangenen Monat", "2022-07-14", "2022-06"),
    ("on Monday", "2023-05-02", "2023-05-01"),
    ("last month", "2023-05-02", "2023-04"),
    ("last November", "2023-05-02", "2022-11"),
    ("May 17, 2024", None, "2024-05-17"),
    ("in 2022", None, "2022"),
    ("昨日", "2017-03-23", "2017-03-22"),
    ("今年1月", "2017-03-23", "2017-01"),
    ("最近两位高管离职", "2024-05-18", "2024-05"),  # "recently": weak, the month of publication
    ("Gerade hat es gegeben", "2024-08-06", "2024-08"),
    ("vor zwei Wochen", "2023-06-14", "2023-05-31"),
    # "a few": the month or year that the whole span (one to five weeks back) falls in
    ("vor wenigen Wochen", "2023-06-14", "2023"),
    ("a few weeks ago", "2023-06-30", "2023"),
    ("vor wenigen Tagen", "2023-06-28", "2023-06"),
    # Taiwanese news: the day written in brackets, the word says which month
    ("今(23)日", "2025-07-23", "2025-07-23"),
    ("昨（22）日", "2025-07-23", "2025-07-22"),
    ("昨（31）日", "2025-08-01", "2025-07-31"),
    # the end of this year; a date without a year in a clause of the future is the next one
    ("scheidet Ende des Jahres aus", "2025-06-18", "2025"),
    ("wird sein Amt zum 30. September niederlegen", "2025-06-18", "2025-09-30"),
    ("He will step down on March 31.", "2025-06-18", "2026-03-31"),
    ("He stepped down on March 31.", "2025-06-18", "2025-03-31"),
    ("将于3月1日起卸任", "2025-06-18", "2026-03-01"),
    # a year or month ahead
    ("He will retire next year.", "2021-11-29", "2022"),
    ("Sie geht im kommenden Jahr.", "2021-11-29", "2022"),
    ("将于明年退休", "2021-11-29", "2022"),
    ("He will join next month.", "2021-12-15", "2022-01"),
    ("Er kommt im nächsten Monat.", "2021-11-29", "2021-12"),
    # a season placed by a word: "last" is the last one over, a Chinese year word its year
    ("Sie verließ die Firma letztes Frühjahr.", "2023-05-02", "2022"),
    ("Er ist seit diesem Sommer dabei.", "2023-05-02", "2023"),
    ("She left last fall.", "2023-12-05", "2023"),
    ("前年秋天离职", "2023-05-02", "2021"),
    ("去年秋天离职", "2023-12-05", "2022"),
    ("前年3月", "2023-05-02", "2021-03"),
    ("Sie ging in diesem Monat.", "2023-05-02", "2023-05"),
    # a month of a placed year
    ("im Oktober vergangenen Jahres", "2020-04-20", "2019-10"),
    ("in March last year", "2020-04-20", "2019-03"),
    ("im März nächsten Jahres", "2020-04-20", "2021-03"),
    # a day of the month alone (Chinese news): the day of that number nearest the published
    ("三星电子27日宣布", "2022-10-27", "2022-10-27"),
    ("他于1日上任", "2022-10-27", "2022-11-01"),
    ("30日内完成", "2022-10-27", None),
]


@pytest.mark.parametrize("text, published, expected", CASES)
def test_golden_dates(text: str, published: str | None, expected: str | None) -> None:
    found = find_dates(text, published)
    assert [d.value for d in found] == ([expected] if expected else [])


def test_relative_dates_without_a_published_date_are_left_out() -> None:
    assert find_dates("上个月 last month 本周五", None) == []


def test_a_date_is_never_more_precise_than_its_reference() -> None:
    assert [d.value for d in find_dates("本周五", "2024-05")] == ["2024-05"]


def test_may_the_verb_is_not_a_month() -> None:
    assert find_dates("he may join", "2024-05-18") == []


@pytest.mark.parametrize("opening", ["Ankara", "İstanbul"])  # 'İ' lower-cases to 2 letters
def test_dates_are_found_as_written_whatever_lower_case_does(opening: str) -> None:
    """The scan runs on the lower-cased text; where lower-casing changes the length, on the
    text as written: the same dates, the same spans, "May" a month and "may" a verb."""
    text = f"{opening}: Ende Mai 2023 he may return, in May he left, im Juni tritt er an."
    found = find_dates(text, "2024-07-01")
    assert [(text[d.start:d.end], d.value) for d in found] == [
        ("Mai 2023", "2023-05"), ("in May", "2024-05"), ("im Juni", "2024-06")]


def test_a_year_before_1000_is_not_a_date() -> None:
    """Hypothesis found "0100年" read as the year 0100 (a valid gYear, but no news date)."""
    from loaders.dates import find_dates
    assert [d.value for d in find_dates("0100年 和 2024年5月", None)] == ["2024-05"]


def test_a_few_weeks_across_a_new_year_is_no_date() -> None:
    assert find_dates("a few weeks ago", "2024-01-10") == []


def test_gerade_einmal_is_merely_no_time() -> None:
    assert find_dates("mit gerade einmal einer Handvoll Beschäftigter", "2023-06-14") == []
    assert [d.value for d in find_dates("OpenAI hat gerade verkündet", "2023-06-14")] == \
        ["2023-06"]


def test_the_chinese_patterns_are_skipped_only_on_text_without_chinese() -> None:
    """Every zh-… pattern needs a Chinese character, so `fastre.finditer` skips it on an
    English or German article; on a Chinese one it is scanned, on either path."""
    from loaders import fastre
    from loaders.dates import _patterns
    chinese = [(cased, lowered) for name, cased, lowered in _patterns() if name.startswith("zh-")]
    assert len(chinese) > 10
    assert all(fastre._needs_cjk_of(c) and fastre._needs_cjk_of(lw) for c, lw in chinese)
    for opening in ("Ankara", "İstanbul"):  # the lower-cased text, and the text as written
        found = find_dates(f"{opening}：2024年5月，上周五", "2024-06-12")
        assert [d.value for d in found] == ["2024-05", "2024-06-07"]
