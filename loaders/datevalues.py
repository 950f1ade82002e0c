"""From a matched date expression to its value: the published date as a reference, the
calendar's arithmetic (a month without its year, the weekday before, the day in
"昨(22)日"), the words of dates.toml, and one resolver per pattern of dates.py, each
giving the ISO value cut to its precision, or None."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from loaders.fastre import has_cjk
from loaders.lexicon import toml

YEAR, MONTH, DAY = 1, 2, 3

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

    def days_to(self, value: str) -> int:
        """Days between an ISO value (its first day, when a month's or a year's) and the
        published day."""
        parts = [int(p) for p in value.split("-")] + [1, 1]
        try:
            return abs((dt.date(*parts[:3]) - self.date).days)
        except ValueError:  # February 29 of a year without one
            return 1 << 30


def next_year(value: str) -> str:
    """The same ISO value a year later."""
    return f"{int(value[:4]) + 1}{value[4:]}"


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
def vocab() -> dict:
    data = toml("dates")
    months = {name: i + 1 for key in ("en", "en_short", "de")
              for i, name in enumerate(data["months"][key])} | data["months"]["other"]
    weekdays = {name: i for key in ("en", "de") for i, name in enumerate(data["weekdays"][key])}
    numbers = {k: v for lang in data["numbers"].values() for k, v in lang.items()}
    return {"months": months, "weekdays": weekdays, "numbers": numbers,
            "zh_weekdays": {c: i for i, c in enumerate(data["weekdays"]["zh"])} | {"天": 6},
            "future": re.compile("|".join(data["future"]), re.IGNORECASE),
            "effective": re.compile("|".join(data["effective"]), re.IGNORECASE),
            "present": re.compile("|".join(data["present"]), re.IGNORECASE),
            "relative": re.compile(data["relative"], re.IGNORECASE),
            "future_last": re.compile("|".join(data["future_last"])),
            "seasons": {k: v for lang in data["seasons"].values() for k, v in lang.items()},
            "placing": data["placing"]}


def _shift(word: str | None) -> int:
    """Years or months a placing word moves from the published one ("last": -1, 前年: -2)."""
    return vocab()["placing"].get((word or "").lower(), 0)


def _num(text: str) -> int:
    return int(text) if text.isdigit() else vocab()["numbers"][text.lower()]


def _month(text: str) -> int:
    return vocab()["months"][text.lower().rstrip(".")]


def _need(ref: Reference | None) -> Reference:
    if ref is None:
        raise ValueError("a relative date needs the published date")
    return ref


def _season(placed: str | None, season: str, ref: Reference) -> int:
    """The year of a season: the last one begun by the published day, or the one `placed`
    says ("this summer", "next spring"; "last fall": the last one over, 前年秋天: the autumn
    of the year before last)."""
    opens, (year, month) = vocab()["seasons"][season.lower()], ref.date.timetuple()[:2]
    if placed is None:
        return year if opens <= month else year - 1
    shift = _shift(placed)
    if shift >= 0 or has_cjk(placed):  # 去年, 前年 name the year itself
        return year + shift
    return (year if month >= opens + 3 else year - 1) + shift + 1


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
    "zh-rel-year-month": lambda m, r: iso(_need(r).date.year + _shift(m[1]), int(m[2]),
                                          int(m[3]) if m[3] else None),
    "zh-md": lambda m, r: iso(_month_year(int(m[1]), _need(r)), int(m[1]), int(m[2])),
    "zh-y": lambda m, r: iso(int(m[1])),
    "zh-d": lambda m, r: _cap(_day_near(_need(r).date, int(m[1])), DAY, r),
    "zh-m": lambda m, r: iso(_month_year(int(m[1]), _need(r)), int(m[1])),
    "zh-rel-week-day": lambda m, r: _cap(_week_day(
        _need(r).date, vocab()["zh_weekdays"][m[2]], -1 if m[1].startswith("上") else 0), DAY, r),
    "zh-weekend": lambda m, r: _cap(_week_day(
        _need(r).date, 5, -1 if m[1] == "上" else 0), DAY, r),
    "zh-weekday": lambda m, r: _cap(_weekday_before(
        _need(r).date, vocab()["zh_weekdays"][m[1]]), DAY, r),
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
    "zh-rel-year": lambda m, r: iso(_need(r).date.year + _shift(m[1])),
    "zh-season": lambda m, r: iso(_season(m[1], m[2], _need(r))),
    "de-dmy": lambda m, r: iso(int(m[3]), _month(m[2]), int(m[1])),
    "en-mdy": lambda m, r: iso(int(m[3]), _month(m[1]), int(m[2])),
    "en-dmy": lambda m, r: iso(int(m[3]), _month(m[2]), int(m[1])),
    "my": lambda m, r: iso(int(m[2]), _month(m[1])),
    "de-dm": lambda m, r: iso(_month_year(_month(m[2]), _need(r)), _month(m[2]), int(m[1])),
    "en-md": lambda m, r: None if m[1].lower() == "may" and not m[1][0].isupper() else iso(
        _month_year(_month(m[1]), _need(r)), _month(m[1]), int(m[2])),
    "rel-year-month": lambda m, r: iso(_need(r).date.year + _shift(m[2] or m[4]),
                                       _month(m[1] or m[3])),
    "last-month-name": lambda m, r: iso(_month_year(_month(m[1]), _need(r))
                                        - (1 if _month(m[1]) == _need(r).date.month else 0),
                                        _month(m[1])),
    "month-edge": lambda m, r: iso(_month_year(_month(m[1]), _need(r)), _month(m[1])),
    "month": lambda m, r: None if m[1].lower() == "may" and not m[1][0].isupper() else iso(
        _month_year(_month(m[1]), _need(r)), _month(m[1])),
    "weekday": lambda m, r: _cap(_weekday_before(  # "last Monday": a week further back
        _need(r).date, vocab()["weekdays"][m[2].lower()], 1 if m[1] else 0), DAY, r),
    "rel-month": lambda m, r: _cap(_shift_months(_need(r).date, _shift(m[1])), MONTH, r),
    "year-edge": lambda m, r: iso(_need(r).date.year),
    "season": lambda m, r: iso(_season(m[1], m[2], _need(r))),
    "rel-year": lambda m, r: iso(_need(r).date.year + _shift(m[1])),
    "rel-day": lambda m, r: _cap(_need(r).date - dt.timedelta(
        days=1 if m[1].lower().startswith(("yesterday", "gestern")) else 0), DAY, r),
    "now": lambda m, r: _cap(_need(r).date, MONTH, r),
    "immediate": lambda m, r: _cap(_need(r).date, DAY, r),
    "same-later": lambda m, r: ("+", MONTH),
    "same-day": lambda m, r: ("", DAY),
    "same-month": lambda m, r: ("", MONTH),
    "same-year": lambda m, r: ("", YEAR),
    "same-year-before": lambda m, r: ("-1", YEAR),
    "same-year-after": lambda m, r: (f"+{_num(m[1] or m[2]) if m[1] or m[2] else 1}", YEAR),
    "same-year-month": lambda m, r: (f"--{int(m[1]) if m[1] else _month(m[2]):02d}", MONTH),
    "ago": lambda m, r: _ago(_num(m[1] or m[3]), m[2] or m[4], _need(r)),
    "year": lambda m, r: iso(int(m[1])),
}
