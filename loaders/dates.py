"""Dates in article text, absolute and relative, resolved against the published date.

Each `DateMention` carries an ISO value cut to its precision (`2024`, `2024-05`,
`2024-05-17`). A relative date ("last month", 上个月, "am Mittwoch") needs the
article's published date; without it, it is left out, never guessed. A date is never
more precise than the reference it was computed from. The patterns are here; what each
match means is datevalues.py's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache

from loaders import fastre
from loaders.datevalues import DAY, RESOLVERS, Reference, next_year, vocab
from loaders.fastre import has_cjk
from loaders.lexicon import alternation, toml
from loaders.sentences import SENTENCE_END

WEAK_RULES = {"date-now", "date-zh-weak"}
_SENTENCE_STOP = re.compile(r"[.。!?！？\n]")
# Where a clause before a date starts: a sentence's end (not the full stop of an
# abbreviation a lower-case word follows: "Home Depot Inc. in May") or a semicolon
_CLAUSE_STOP = re.compile(rf"{SENTENCE_END.pattern}|[;；]")
SAME = {"year": 1, "month": 2, "day": 3}  # "同一个月", "the same month": the previous event's


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: str
    precision: int  # YEAR, MONTH or DAY
    rule: str
    ahead: bool = False  # after the published day: what begins then is news, not background

    @property
    def anaphoric(self) -> bool:
        """'同一个月', 'the same year', 'am selben Tag': the date of the event told before."""
        return self.rule.startswith("date-same-")

    @property
    def weak(self) -> bool:
        """'just now', 刚刚, 日前: the published date, a last resort beside any other date."""
        return self.rule in WEAK_RULES


# The dot of an abbreviated month ("Oct. 13", "Sept. 9"); not of a sentence ending in May.
ABBREVIATED = r"(?:(?<=jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)\.|(?<=sept)\.)?"


@cache
def _patterns() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    """(name, pattern ignoring case, the same pattern for lower-cased text). The scan runs
    on the text lower-cased (`fastre.lowered`), and not at all when the text lacks every
    string the pattern's matches need (`fastre.finditer`); a match is read on the text as
    written."""
    return [(name, fastre.compile(p, re.IGNORECASE), fastre.compile(fastre.lowered(p)))
            for name, p in _written()]


def _written() -> list[tuple[str, str]]:
    v = vocab()
    mon, wd, num = alternation(v["months"]), alternation(v["weekdays"]), alternation(v["numbers"])
    seasons, placed = ({cjk: alternation(w for w in words if has_cjk(w) == cjk)
                        for cjk in (False, True)} for words in (v["seasons"], v["placing"]))
    back = alternation(w for w, shift in v["placing"].items() if shift < 0 and not has_cjk(w))
    said = "".join(f"|(?<={w})" for w in toml("extract")["sayings"])  # "announced Thursday"
    return [
        ("iso-day", r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)"),
        ("same-later", r"几天后|几天之后|数天后|数日后|一个周末的时间|(?:a few|several|two|three) days later|days later|a week later|(?:wenige|einige|ein paar|zwei|drei) Tage später|eine Woche später"),
        ("same-day", r"同日|同一天|当天|当日|届时|(?:on )?the same day|that same day|am (?:selben|gleichen) Tag"),
        ("same-month", r"同一个月|同月|当月|the same month|that month|im (?:selben|gleichen) Monat"),
        ("same-year-month", rf"同年\s*(\d{{1,2}})\s*月|(?:in|im)\s+({mon})\s+(?:that|the same|desselben|des gleichen|des selben)\s+(?:year|Jahres)"),
        ("same-year-before", r"前一年|上一年|the previous year|the year before|a year earlier|im Vorjahr|ein Jahr (?:zuvor|davor|früher)"),
        # "left in 2020 and founded Anthropic the following year": years after the last one told
        ("same-year-after", rf"次年|翌年|the following year|(?<!over )(?<!in )(?<!within )the next"
                            rf" year|a year later|(\d+|{num}) years later|im (?:darauf)?folgenden"
                            rf" Jahr|im Jahr darauf|ein Jahr später|(\d+|{num}) Jahre später"),
        ("same-year", r"同一年|同年|当年|the same year|that year|im (?:selben|gleichen) Jahr"),
        ("zh-ymd", r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
        ("zh-ym", r"(\d{4})\s*年\s*(\d{1,2})\s*月"),
        ("zh-rel-year-month", rf"({placed[True]})\s*(\d{{1,2}})\s*月(?:\s*(\d{{1,2}})\s*[日号])?"),
        ("zh-md", r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"),
        ("zh-y", r"(?<!\d)(\d{4})\s*年(?!代)"),
        ("zh-m", r"(?<![\d年])(\d{1,2})\s*月(?!\s*\d)(?!份?[的]?\d)"),
        # "27日宣布": a day of the month alone, the one of that number nearest the published day
        ("zh-d", r"(?<![\d年月/.\-])(\d{1,2})\s*日(?![内后前以之来间均])"),
        ("zh-rel-week-day", r"(本|这|上|上个)(?:周|星期|礼拜)([一二三四五六日天])"),
        ("zh-weekend", r"(本|这|上)(?:个)?周末"),
        ("zh-weekday", r"(?<![本这上下])(?:周|星期|礼拜)([一二三四五六日天])"),
        ("zh-rel-month", r"(上|本|这|下)个?月"),
        ("zh-rel-week", r"(本|这|上)(?:个)?(?:周|星期)(?![一二三四五六日天末])"),
        ("zh-weak", r"(日前|刚刚|近日|刚才|最近)"),
        ("zh-rel-day-num", r"(今|昨|前|明)\s*[(（]\s*(\d{1,2})\s*[)）]\s*[日号]"),  # 今(23)日
        ("zh-rel-day", r"(昨天|昨日|今天|今日|前天)"),
        ("zh-ago", r"([一两二三四五六七八九十几\d]+)\s*(天|周|个月|年)前"),
        ("zh-season", rf"(?:({placed[True]})|(?<=[于在]))\s*({seasons[True]})"),
        ("zh-rel-year", rf"({placed[True]})"),
        ("de-dmy", rf"(\d{{1,2}})\.\s*({mon})\s+(\d{{4}})"),
        ("en-mdy", rf"\b({mon})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})"),
        ("en-dmy", rf"\b(\d{{1,2}})\s+({mon})\s+(\d{{4}})"),
        ("my", rf"\b({mon})\s+(?:of\s+)?(\d{{4}})"),
        ("de-dm", rf"(?:am\s+)?(\d{{1,2}})\.\s*({mon})\b"),
        ("en-md", rf"\b(?:on\s+)?({mon}){ABBREVIATED}\s+(\d{{1,2}})(?!\d)(?!,?\s*\d{{4}})"),
        # "im Oktober vergangenen Jahres", "in March last year", "im Mai des Jahres"
        ("rel-year-month", rf"\b({mon})\s+(?:des|({placed[False]}))\s+Jahres"
                           rf"|\b(?:im|in)\s+({mon})\s+({placed[False]})\s+(?:jahres|year)\b"),
        ("last-month-name", rf"\b(?:{back})\s+({mon})"),
        ("month-edge", rf"\b(?:Ende|Anfang|Mitte|late|early|mid-?|end of|beginning of)\s+({mon})\b"),
        ("month", rf"\b(?:im|in|seit|since|bis|until|Ende|Anfang)\s+({mon})\b"),
        ("weekday", rf"\b(?:(?:on\s+)?(?:late|early)|on|am|seit|since|in der Nacht (?:zum|auf den)"
                    rf"|({back}){said})\s+({wd})"
                    r"(?:abend|morgen|nachmittag|vormittag|mittag)?\b"),  # "am Donnerstagabend"
        ("rel-month", rf"\b(?:({placed[False]})|im)\s+(month|monat)\b"),
        # "bis Ende des Jahres", "until the end of the year", "至年底": an end, not a date
        ("year-edge", r"(?<!bis )\b(?:Ende|Anfang|Mitte)\s+(?:des|dieses)\s+Jahres\b"
                      r"|(?<!until )(?<!\bby )\bthe\s+(?:end|beginning|middle)\s+of\s+(?:the|this)"
                      r"\s+year\b|(?<![年至到])年(?:底|末|初)"),
        ("season", rf"\b(?:({placed[False]})|im|in the|in)\s+({seasons[False]})\b(?!\s+(?:of\s+)?\d)"),
        ("rel-year", rf"\b({placed[False]})\s+(year|jahr|jahres)\b"),
        ("rel-day", r"\b(yesterday|today|gestern|heute|tonight|gestern abend)\b"),
        # "stepped down, effective immediately": the day it was told
        ("immediate", r"\b(?:effective immediately|with immediate effect|mit sofortiger Wirkung"
                      r"|ab sofort)\b|即日起|即时生效|立即生效"),
        # "gerade einmal", "gerade noch": "merely", "barely", no time
        ("now", r"\b(just now|gerade(?!\s+(?:einmal|mal|erst|noch|so)\b)|soeben|jetzt"
                r"|nun(?!\s+(?:schon|einmal|mal|seit)\b)|this week"
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
                    :len(resolved[0])] and _to_come(text, m.start(), m.end(), resolved[0], ref):
                resolved = (next_year(resolved[0]), resolved[1])
            taken[m.start():m.end()] = b"\1" * (m.end() - m.start())
            out.append(DateMention(m.start(), m.end(), resolved[0], resolved[1], f"date-{name}",
                                   ref is not None and resolved[0] > ref.date.isoformat()))
    return _told_day(sorted(out, key=lambda d: d.start), text)


def _told_day(found: list[DateMention], text: str) -> list[DateMention]:
    """"said late Sunday that X would return, effective immediately": what takes effect at
    once does on the day its sentence names, not the published one."""
    out = found[:1]
    for d in found[1:]:
        prev = out[-1]
        if d.rule == "date-immediate" and prev.precision == DAY \
                and not _SENTENCE_STOP.search(text, prev.end, d.start):
            d = replace(d, value=prev.value, ahead=prev.ahead)
        out.append(d)
    return out


# Dates written without a year: the latest such day or month not after the published one,
# unless the clause tells of the future ("wird sein Amt zum 30. September niederlegen").
YEARLESS = {"de-dm", "en-md", "month", "month-edge", "zh-md", "zh-m", "season", "zh-season"}


def _to_come(text: str, at: int, end: int, value: str, ref: Reference) -> bool:
    """A word of the future in the clause before `at` ("will", "wird", "zum", 将于); a
    relative clause is one of its own ("He will replace X, who resigned in June": the last
    June), its German verb maybe after the date ("X, der sein Amt am 1. Januar antreten
    soll"). Or one of taking effect ("effective") before it, or a verb of the present
    around it ("starts Oct. 14", "Ende Juni verlässt"), when the next year's date is nearer
    the published day ("effective January 1" in December; not "had retired, effective
    December 1" in March)."""
    stops = [m.end() for m in _CLAUSE_STOP.finditer(text, max(0, at - 90), at + 2)
             if m.end() <= at]  # the lookahead sees past `at`
    start = max(stops[-1] if stops else 0, at - 90)
    relative = [m.end() for m in vocab()["relative"].finditer(text, start, at)]
    start = max([start] + relative)
    stop = min([i for i in (text.find(c, end) for c in ".。!?！？\n;；,，") if i >= 0]
               + [end + 60])
    if vocab()["future"].search(text, start, at) is not None or relative \
            and vocab()["future_last"].search(text, end, stop) is not None:
        return True
    return (vocab()["effective"].search(text, start, at) is not None
            or vocab()["present"].search(text, start, stop) is not None) \
        and ref.days_to(next_year(value)) < ref.days_to(value)
