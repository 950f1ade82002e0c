"""What the words around a date say it is: when a state began ("since 2021", "2019年起"),
when a change takes effect, the period a report covers, either end of a span ("from 2009
to 2021", "2009年至2021年"): no event's date, or one only some events take."""
from __future__ import annotations

import re
from functools import cached_property

from loaders.dates import DateMention
from loaders.facts import Context, lexicon


class DateMarks(Context):
    """Mixin of EventDates."""

    def _since_clause(self, sent, d: DateMention) -> bool:
        """A clause of a Chinese "since" alone ("2019年起，X担任…"): the state the next
        clause tells began then; not "他自2019年起任职，将离开…", a clause of its own."""
        clause = self._clause(sent, d.start)
        return self.lang == "zh" and not self.norm[clause[0]:d.start].strip(" 自从") \
            and bool(lexicon()["since_zh"].fullmatch(self.norm, d.end, clause[1]))

    def _since(self, d: DateMention) -> bool:
        """'Quillon's CTO since 2021', 'seit März 2023', '自2019年起': when a state began,
        no event's date."""
        return self._marked(d, "since")

    @cached_property
    def _spans(self) -> dict[int, DateMention]:
        """Where each date that ends a span starts -> the date opening that span
        ("2009年至2021年", "from 2009 to 2021"), read once per article."""
        out = {}
        for d in self.dates:
            to = lexicon()["range_to"].search(self.norm, max(0, d.start - 6),
                                              d.start + len(self._head(d)))
            first = next((e for e in self.dates if to and 0 <= to.start() - e.end <= 2), None)
            if first is not None:
                out[d.start] = first
        return out

    def _span_start(self, d: DateMention) -> DateMention | None:
        """The first date of a span `d` ends."""
        return self._spans.get(d.start)

    def _spanned(self, d: DateMention) -> bool:
        """A date that opens or ends a span."""
        return d.start in self._spans or any(e is d for e in self._spans.values())

    def _effective(self, d: DateMention) -> bool:
        """'effective January 1', '自明年1月1日起生效': when the change takes effect."""
        return self._marked(d, "effective")

    def _reporting(self, d: DateMention) -> bool:
        """'发布2020年第四季度及全年财报', 'its 2023 annual report': the period a report
        covers, no event's date."""
        return self._marked(d, "reporting") or self.lang != "zh" and bool(
            lexicon()["reporting_after"].match(self.norm, d.end))

    def _marked(self, d: DateMention, word: str) -> bool:
        """The date is marked by extract.toml's `word`: written before it, or in Chinese
        (`word`_zh) after it ("2019年起"); a pattern's own opening ("since " of "since
        2021") counts as before it."""
        if self.lang == "zh":
            return bool(lexicon()[f"{word}_zh"].match(self.norm, d.end))
        return bool(lexicon()[word].search(self.norm[max(0, d.start - 24):d.start]
                                           + self._head(d)))

    def _head(self, d: DateMention) -> str:
        """The words a date's own pattern opens with ("since " of "since 2021")."""
        return re.match(r"\D*", self.norm[d.start:d.end]).group(0)
