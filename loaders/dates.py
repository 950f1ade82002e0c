"""Dates in article text, absolute and relative, resolved against the published date.

Each `DateMention` carries an ISO value cut to its precision (`2024`, `2024-05`,
`2024-05-17`). A relative date ("last month", 上个月, "am Mittwoch") needs the
article's published date; without it, it is left out, never guessed. A date is never
more precise than the reference it was computed from.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from loaders import fastre
from loaders.lexicon import alternation, toml

YEAR, MONTH, DAY = 1, 2, 3
WEAK_RULES = {"date-now", "date-zh-weak"}
SAME = {"year": 1, "month": 2, "day": 3}  # "同一个月", "the same month": the previous event's


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str
    precision: int  # YEAR, MONTH or DAY
    rule: str

    @property
    def anaphoric(self) -> bool:
        """'同一个月', 'the same year', 'am selben Tag': the date of the event told before."""
        return self.rule.startswith("date-same-")

    @property
    def weak(self) -> bool:
        """'just now', 刚刚, 日前: the published date, a last resort beside any other date."""
        return self.rule in WEAK_RULES


@dataclass(frozen=True)
class Reference:
    """The published date and how precise it is."""

    date: dt.date
    precision: int

    @classmethod
    def parse(cls, published: str | None) -> Reference | None:
        if not published:
            return None
        parts = [int(p) for p in published.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return cls(dt.date(*parts), published.count("-") + 1)


def iso(year: int, month: int | None = None, day: int | None = None) -> tuple[str, int]:
    """The ISO value cut to its precision; ValueError unless a real calendar date of the
    last millennium or later (month 0, 2月30日 and "0100年" are not dates news reports:
    the mention is dropped)."""
    if year < 1000:
        raise ValueError(f"year {year} is not a date in the news")
    dt.date(year, 1 if month is None else month, 1 if day is None else day)
    if month is None:
        return f"{year:04d}", YEAR
    if day is None:
        return f"{year:04d}-{month:02d}", MONTH
    return dt.date(year, month, day).isoformat(), DAY


def _cap(value: dt.date, precision: int, ref: Reference) -> tuple[str, int]:
    precision = min(precision, ref.precision)
    return iso(*[value.year, value.month, value.day][:precision])


def _month_year(month: int, ref: Reference) -> int:
    """A month without a year: the latest one not after the published month."""
    return ref.date.year if month <= ref.date.month else ref.date.year - 1


def _shift_months(d: dt.date, n: int) -> dt.date:
    total = d.year * 12 + d.month - 1 + n
    return dt.date(total // 12, total % 12 + 1, 1)


def _weekday_before(ref: dt.date, weekday: int, weeks_back: int = 0) -> dt.date:
    """The latest `weekday` on or before `ref`, `weeks_back` weeks earlier."""
    delta = (ref.weekday() - weekday) % 7
    return ref - dt.timedelta(days=delta + 7 * weeks_back)


def _day_near(day: dt.date, number: int) -> dt.date:
    """The date numbered `number` nearest `day` (its month, the one before or after): the
    day written in "昨(22)日" is the one meant, the word only says which month."""
    months = (_shift_months(day, n) for n in (-1, 0, 1))
    found = [m.replace(day=number) for m in months if number <= _month_days(m)]
    if not found:
        raise ValueError(f"no month has a day {number}")
    return min(found, key=lambda d: abs(d - day))


def _month_days(first: dt.date) -> int:
    return (_shift_months(first, 1) - first).days


def _week_day(ref: dt.date, weekday: int, week: int) -> dt.date:
    """`weekday` of this calendar week (week=0) or of the one before (week=-1): 本周五, 上周末."""
    monday = ref - dt.timedelta(days=ref.weekday())
    return monday + dt.timedelta(days=7 * week + weekday)


@cache
def _vocab() -> dict:
    data = toml("dates")
    months = {name: i + 1 for key in ("en", "en_short", "de")
              for i, name in enumerate(data["months"][key])}
    weekdays = {name: i for key in ("en", "de") for i, name in enumerate(data["weekdays"][key])}
    numbers = {k: v for lang in data["numbers"].values() for k, v in lang.items()}
    return {"months": months, "weekdays": weekdays, "numbers": numbers,
            "zh_weekdays": {c: i for i, c in enumerate(data["weekdays"]["zh"])} | {"天": 6},
            "future": re.compile("|".join(data["future"]), re.IGNORECASE)}


@cache
def _patterns() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """(name, pattern ignoring case, the same pattern for lower-cased text). The scan runs
    on the text lower-cased (`fastre.lowered`), and not at all when the text lacks every
    string the pattern's matches need (`fastre.finditer`); a match is read on the text as
    written."""
    return [(name, fastre.compile(p, re.IGNORECASE), fastre.compile(fastre.lowered(p)))
            for name, p in _written()]


def _written() -> list[tuple[str, str]]:
    v = _vocab()
    mon, wd, num = alternation(v["months"]), alternation(v["weekdays"]), alternation(v["numbers"])
    return [
        ("iso-day", r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
        ("same-later", r"几天后|几天之后|数天后|数日后|一个周末的时间|(?:a few|several|two|three) days later|days later|a week later|(?:wenige|einige|ein paar|zwei|drei) Tage später|eine Woche später"),
        ("same-month", r"同一个月|同月|当月|the same month|that month|im (?:selben|gleichen) Monat"),
        ("same-year-month", rf"同年\s*(\d{{1,2}})\s*月|(?:in|im)\s+({mon})\s+(?:that|the same|desselben|des gleichen|des selben)\s+(?:year|Jahres)"),
        ("same-year-before", r"前一年|上一年|the previous year|the year before|a year earlier|im Vorjahr|ein Jahr (?:zuvor|davor|früher)"),
        ("same-year", r"同一年|同年|当年|the same year|that year|im (?:selben|gleichen) Jahr"),
        ("zh-ymd", r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
        ("zh-ym", r"(\d{4})\s*年\s*(\d{1,2})\s*月"),
        ("zh-rel-year-month", r"(去|今|前|明)年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?"),
        ("zh-md", r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
        ("zh-y", r"(?<!\d)(\d{4})\s*年(?!代)"),
        ("zh-m", r"(?<![\d年])(\d{1,2})\s*月(?!\s*\d)(?!份?[的]?\d)"),
        ("zh-rel-week-day", r"(本|这|上|上个)(?:周|星期|礼拜)([一二三四五六日天])"),
        ("zh-weekend", r"(本|这|上)(?:个)?周末"),
        ("zh-weekday", r"(?<![本这上下])(?:周|星期|礼拜)([一二三四五六日天])"),
        ("zh-rel-month", r"(上|本|这|下)个?月"),
        ("zh-rel-week", r"(本|这|上)(?:个)?(?:周|星期)(?![一二三四五六日天末])"),
        ("zh-weak", r"(日前|刚刚|近日|刚才|最近)"),
        ("zh-rel-day-num", r"(今|昨|前|明)\s*[(（]\s*(\d{1,2})\s*[)）]\s*[日号]"),  # 今(23)日
        ("zh-rel-day", r"(昨天|昨日|今天|今日|前天)"),
        ("zh-ago", r"([一两二三四五六七八九十几\d]+)\s*(天|周|个月|年)前"),
        ("zh-rel-year", r"(去年|今年|前年)"),
        ("de-dmy", rf"(\d{{1,2}})\.\s*({mon})\s+(\d{{4}})"),
        ("en-mdy", rf"\b({mon})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})"),
        ("en-dmy", rf"\b(\d{{1,2}})\s+({mon})\s+(\d{{4}})"),
        ("my", rf"\b({mon})\s+(?:of\s+)?(\d{{4}})"),
        ("de-dm", rf"(?:am\s+)?(\d{{1,2}})\.\s*({mon})\b"),
        ("en-md", rf"\b(?:on\s+)?({mon})\s+(\d{{1,2}})(?!\d)(?!,?\s*\d{{4}})"),
        ("rel-year-month", rf"\b({mon})\s+(?:dieses|diesen|des)\s+Jahres|\b(?:im|in)\s+({mon})\s+(?:dieses|this)\s+(?:jahres|year)"),
        ("last-month-name", rf"\b(?:last|vergangenen|letzten)\s+({mon})"),
        ("month-edge", rf"\b(?:Ende|Anfang|Mitte|late|early|mid-?|end of|beginning of)\s+({mon})\b"),
        ("month", rf"\b(?:im|in|seit|since|bis|until|Ende|Anfang)\s+({mon})\b"),
        ("weekday", rf"\b(?:on|am|last|vergangenen|letzten)\s+({wd})\b"),
        ("rel-month", r"\b(last|this|next|earlier this|vergangenen|letzten|diesen|im vergangenen|im letzten|im)\s+(month|monat)\b"),
        # "bis Ende des Jahres", "until the end of the year", "至年底": an end, not a date
        ("year-edge", r"(?<!bis )\b(?:Ende|Anfang|Mitte)\s+(?:des|dieses)\s+Jahres\b"
                      r"|(?<!until )(?<!\bby )\bthe\s+(?:end|beginning|middle)\s+of\s+(?:the|this)"
                      r"\s+year\b|(?<![年至到])年(?:底|末|初)"),
        ("rel-year", r"\b(last|this|next|vergangenes|vergangenen|letztes|letzten|dieses|diesem|in diesem)\s+(year|jahr|jahres)\b"),
        ("rel-day", r"\b(yesterday|today|gestern|heute|tonight|gestern abend)\b"),
        # "gerade einmal", "gerade noch": "merely", "barely", no time
        ("now", r"\b(just now|gerade(?!\s+(?:einmal|mal|erst|noch|so)\b)|soeben|jetzt|this week"
                r"|diese Woche|in dieser Woche)\b"),
        ("ago", rf"\b(\d+|{num})\s+(day|week|month|year)s?\s+ago\b|\bvor\s+(\d+|{num})\s+(tag|woche|monat|jahr)(?:e|en|n)?\b"),
        ("year", r"(?<![\d.,-])(?:in|im Jahr|seit|since|bis|until|im|from|von|of)?\s*(19[5-9]\d|20[0-4]\d)(?![\d%-])(?![.,]\d)"),
    ]


def find_dates(text: str, published: str | None) -> list[DateMention]:
    """All date expressions of a text (the folded `norm`), non-overlapping, in order. A
    pattern that needs a Chinese character (the zh-… ones) is not scanned over a text
    without one (`fastre.finditer`)."""
    ref = Reference.parse(published)
    out: list[DateMention] = []
    taken = bytearray(len(text))  # 1 where a date already is
    lower = fastre.lower_text(text)
    for name, cased, lowered in _patterns():
        for found in (fastre.finditer(cased, text) if lower is None
                      else fastre.finditer(lowered, lower)):
            if taken.find(1, found.start(), found.end()) >= 0:
                continue
            m = found if lower is None else cased.match(text, found.start())  # as written
            if m is None or m.end() != found.end():
                continue
            try:
                resolved = RESOLVERS[name.split("-", 1)[0] if name not in RESOLVERS else name](
                    m, ref)
            except (ValueError, KeyError, TypeError):
                resolved = None
            if resolved is None:
                continue
            if name in YEARLESS and ref is not None and resolved[0] < ref.date.isoformat()[
                    :len(resolved[0])] and _future(text, m.start()):
                resolved = (f"{int(resolved[0][:4]) + 1}{resolved[0][4:]}", resolved[1])
            taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
            out.append(DateMention(m.start(), m.end(), resolved[0], resolved[1], f"date-{name}"))
    return sorted(out, key=lambda d: d.start)


# Dates written without a year: the latest such day or month not after the published one,
# unless the clause tells of the future ("wird sein Amt zum 30. September niederlegen").
YEARLESS = {"de-dm", "en-md", "month", "month-edge", "zh-md", "zh-m"}


def _future(text: str, at: int) -> bool:
    """A word of the future in the clause before `at` ("will", "wird", "zum", 将于)."""
    start = max(text.rfind(c, 0, at) for c in ".。!?！？\n;；")
    return _vocab()["future"].search(text, max(start + 1, at - 60), at) is not None


def _num(text: str) -> int:
    return int(text) if text.isdigit() else _vocab()["numbers"][text.lower()]


def _month(text: str) -> int:
    return _vocab()["months"][text.lower().rstrip(".")]


def _need(ref: Reference | None) -> Reference:
    if ref is None:
        raise ValueError("a relative date needs the published date")
    return ref


def _zh_rel_year(word: str, ref: Reference) -> int:
    return ref.date.year + {"去": -1, "今": 0, "前": -2, "明": 1}[word[0]]


# "a few" of a unit, as a span of days back: "vor wenigen Wochen" is one to five weeks ago.
_FEW_DAYS = {("day", "tag", "天"): (2, 9), ("week", "woche", "周"): (7, 35),
             ("month", "monat", "个月"): (45, 180)}


def _ago(n: int, unit: str, ref: Reference) -> tuple[str, int] | None:
    unit = unit.lower()
    if n == 0:  # "a few weeks ago": the month or year the whole span falls in, if one does
        span = next((v for k, v in _FEW_DAYS.items() if unit.startswith(k)), None)
        if span is None:
            return None
        early, late = (ref.date - dt.timedelta(days=d) for d in (span[1], span[0]))
        if (early.year, early.month) == (late.year, late.month):
            return _cap(late, MONTH, ref)
        return _cap(late, YEAR, ref) if early.year == late.year else None
    if unit.startswith(("day", "tag", "天")):
        return _cap(ref.date - dt.timedelta(days=n), DAY, ref)
    if unit.startswith(("week", "woche", "周")):
        return _cap(ref.date - dt.timedelta(weeks=n), DAY, ref)
    if unit.startswith(("month", "monat", "个月")):
        return _cap(_shift_months(ref.date, -n), MONTH, ref)
    return iso(ref.date.year - n)


RESOLVERS = {
    "iso-day": lambda m, r: iso(int(m[1]), int(m[2]), int(m[3])),
    "zh-ymd": lambda m, r: iso(int(m[1]), int(m[2]), int(m[3])),
    "zh-ym": lambda m, r: iso(int(m[1]), int(m[2])),
    "zh-rel-year-month": lambda m, r: iso(_zh_rel_year(m[1], _need(r)), int(m[2]),
                                          int(m[3]) if m[3] else None),
    "zh-md": lambda m, r: iso(_month_year(int(m[1]), _need(r)), int(m[1]), int(m[2])),
    "zh-y": lambda m, r: iso(int(m[1])),
    "zh-m": lambda m, r: iso(_month_year(int(m[1]), _need(r)), int(m[1])),
    "zh-rel-week-day": lambda m, r: _cap(_week_day(
        _need(r).date, _vocab()["zh_weekdays"][m[2]], -1 if m[1].startswith("上") else 0), DAY, r),
    "zh-weekend": lambda m, r: _cap(_week_day(
        _need(r).date, 5, -1 if m[1] == "上" else 0), DAY, r),
    "zh-weekday": lambda m, r: _cap(_weekday_before(
        _need(r).date, _vocab()["zh_weekdays"][m[1]]), DAY, r),
    "zh-rel-month": lambda m, r: _cap(_shift_months(
        _need(r).date, {"上": -1, "本": 0, "这": 0, "下": 1}[m[1][0]]), MONTH, r),
    "zh-rel-week": lambda m, r: _cap(_need(r).date - dt.timedelta(
        weeks=1 if m[1] == "上" else 0), MONTH, r),
    "zh-weak": lambda m, r: _cap(_need(r).date, MONTH, r),
    "zh-rel-day": lambda m, r: _cap(
        _need(r).date - dt.timedelta(days={"昨": 1, "今": 0, "前": 2}[m[1][0]]), DAY, r),
    "zh-rel-day-num": lambda m, r: _cap(_day_near(_need(r).date + dt.timedelta(
        days={"昨": -1, "今": 0, "前": -2, "明": 1}[m[1]]), int(m[2])), DAY, r),
    "zh-ago": lambda m, r: _ago(_num(m[1]), m[2], _need(r)),
    "zh-rel-year": lambda m, r: iso(_zh_rel_year(m[1], _need(r))),
    "de-dmy": lambda m, r: iso(int(m[3]), _month(m[2]), int(m[1])),
    "en-mdy": lambda m, r: iso(int(m[3]), _month(m[1]), int(m[2])),
    "en-dmy": lambda m, r: iso(int(m[3]), _month(m[2]), int(m[1])),
    "my": lambda m, r: iso(int(m[2]), _month(m[1])),
    "de-dm": lambda m, r: iso(_month_year(_month(m[2]), _need(r)), _month(m[2]), int(m[1])),
    "en-md": lambda m, r: None if m[1].lower() == "may" and not m[0][0].isupper() else iso(
        _month_year(_month(m[1]), _need(r)), _month(m[1]), int(m[2])),
    "rel-year-month": lambda m, r: iso(_need(r).date.year, _month(m[1] or m[2])),
    "last-month-name": lambda m, r: iso(_month_year(_month(m[1]), _need(r))
                                        - (1 if _month(m[1]) == _need(r).date.month else 0),
                                        _month(m[1])),
    "month-edge": lambda m, r: iso(_month_year(_month(m[1]), _need(r)), _month(m[1])),
    "month": lambda m, r: None if m[1].lower() == "may" and not m[1][0].isupper() else iso(
        _month_year(_month(m[1]), _need(r)), _month(m[1])),
    "weekday": lambda m, r: _cap(_weekday_before(
        _need(r).date, _vocab()["weekdays"][m[1].lower()],
        1 if m[0].lower().startswith(("last", "vergangenen", "letzten")) else 0), DAY, r),
    "rel-month": lambda m, r: _cap(_shift_months(_need(r).date, -1 if m[1].lower() in (
        "last", "vergangenen", "letzten", "im vergangenen", "im letzten") else 0), MONTH, r),
    "year-edge": lambda m, r: iso(_need(r).date.year),
    "rel-year": lambda m, r: iso(_need(r).date.year - (1 if m[1].lower() in (
        "last", "vergangenes", "vergangenen", "letztes", "letzten") else 0)),
    "rel-day": lambda m, r: _cap(_need(r).date - dt.timedelta(
        days=1 if m[1].lower().startswith(("yesterday", "gestern")) else 0), DAY, r),
    "now": lambda m, r: _cap(_need(r).date, MONTH, r),
    "same-later": lambda m, r: ("+", MONTH),
    "same-month": lambda m, r: ("", MONTH),
    "same-year": lambda m, r: ("", YEAR),
    "same-year-before": lambda m, r: ("-1", YEAR),
    "same-year-month": lambda m, r: (f"--{int(m[1]) if m[1] else _month(m[2]):02d}", MONTH),
    "ago": lambda m, r: _ago(_num(m[1] or m[3]), m[2] or m[4], _need(r)),
    "year": lambda m, r: iso(int(m[1])),
}
