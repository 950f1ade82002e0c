"""When an event happened: the date nearest its trigger, a date told by reference ("同年",
"the previous year", "im selben Jahr"), a date carried forward through a paragraph, the
lede's day, and a bare "last year" refined by the one month the article names of it."""
from __future__ import annotations

import bisect
import re

from loaders.datemarks import DateMarks
from loaders.dates import DateMention
from loaders.datevalues import DAY, MONTH, YEAR
from loaders.facts import Fact, lexicon

# "去年", "last year": refined to the month when the article names just one of that year.
RELATIVE_YEARS = {"date-zh-rel-year", "date-rel-year"}
# Relative day expressions ("gestern", "on Monday", 昨日, 本周二) that date an article's news.
LEDE_RULES = {"date-rel-day", "date-weekday", "date-zh-rel-day", "date-zh-rel-day-num",
              "date-zh-weekday", "date-zh-rel-week-day"}  # 昨(5)日 too


class EventDates(DateMarks):
    """Mixin of EventRules (it keeps `_dated`, the dates of the events told so far)."""

    _dated: list[DateMention]

    def _refine_years(self, facts: list[Fact]) -> list[Fact]:
        """'去年', 'last year': when the article names one month of that year and no other
        ('去年 11 月那场董事会风波'), an event it dates only by 'last year' is of that month."""
        months: dict[str, set[str]] = {}
        for d in self.dates:
            if d.precision >= MONTH and not d.anaphoric and not d.weak:
                months.setdefault(d.value[:4], set()).add(d.value[:7])
        for f in facts:
            d = f.date
            if d is not None and d.rule in RELATIVE_YEARS and len(months.get(d.value, ())) == 1:
                f.date = DateMention(d.start, d.end, next(iter(months[d.value])), MONTH,
                                     d.rule + "-refined")
        return facts

    @staticmethod
    def _by_release(facts: list[Fact]) -> list[Fact]:
        """'在 Sora 发布前夕离职', 'shortly before the launch of X': an undated event told
        in the sentence of an undated release of a product the article dates elsewhere
        happened in that release's month."""
        dated = {f.product: f.date for f in facts
                 if f.type == "Release" and f.product and f.date is not None}
        undated = {r.start: r.product for r in facts
                   if r.type == "Release" and r.date is None and r.product in dated}
        for f in facts:
            if f.date is None and f.start in undated:
                d = dated[undated[f.start]]
                f.date = DateMention(d.start, d.end, d.value[:7], min(MONTH, d.precision),
                                     "date-by-release")
        return facts

    def _headline_twins(self, facts: list[Fact]) -> list[Fact]:
        """An event of the headline the body tells again, dated there ('verlässt den
        Konzern' … 'verlässt das Unternehmen Ende März'), takes the body's date."""
        end = self._headline_end()
        for f in facts:
            if f.start < end and f.kind == "event":
                twin = next((g for g in facts if g.start > end and g.date is not None
                             and (g.type, g.person, g.org) == (f.type, f.person, f.org)
                             and f.role in (None, g.role)), None)  # a change to that role
                f.date = twin.date if twin is not None else f.date
        return facts

    def _headline_end(self) -> int:
        """Where the article's first line, its headline, ends (0: a text of one line)."""
        return max(0, self.norm.find("\n"))

    def _antecedent(self, same: DateMention) -> DateMention | None:
        """'同一个月': the date of the last event told before, cut to the precision asked."""
        if same.value == "+":  # "几天后", "days later": after the last date the story told
            told = [d for d in self.dates if d.start < same.start and d.value
                    and not d.anaphoric and not d.weak][-1:]
            return DateMention(same.start, same.end, told[0].value[:7],
                               min(MONTH, told[0].precision), same.rule) if told else None
        sent = self.sentence_of(same.start, (same.start, same.end))
        told = [d for d in self._dated if d.start < same.start and d.value] + [
            d for d in self.dates if sent[0] <= d.start < same.start and not d.anaphoric]
        if not told:
            return None
        # "Im Jahr 2021 … im selben Jahr"; the same day or month as one told to the month at
        # least ("成立当天" after "2015年12月…创立"; not "同日" after "去年被任命")
        shift = same.value[:1] in ("+", "-") and same.value[1:].isdigit()  # "im Vorjahr", "次年"
        need = YEAR if same.value.startswith("--") or shift else min(same.precision, MONTH)
        last = max([d for d in told if d.precision >= need] or told, key=lambda d: d.start)
        if same.value.startswith("--"):  # "同年10月": that year, this month
            return DateMention(same.start, same.end, last.value[:4] + same.value[1:], MONTH,
                               same.rule)
        if shift:  # "the previous year", "two years later"
            return DateMention(same.start, same.end,
                               f"{int(last.value[:4]) + int(same.value):04d}", YEAR, same.rule)
        value = last.value[:{1: 4, 2: 7, 3: 10}[same.precision]]
        return DateMention(same.start, same.end, value, min(same.precision, last.precision),
                           same.rule)

    def _date(self, sent, pos: int, begins: bool = False) -> DateMention | None:
        """The date nearest the trigger in its sentence (one the change takes effect on
        first, then one before it, in the trigger's own clause, after an and/und that joins
        its verb to another); with none, the last date before it in the same paragraph
        (news carries a date forward until a new one is given, not past a clause of a
        Chinese "since" alone), or in the paragraph before when this one goes on from it
        ("并且", "Moreover") or that one leads into it with a colon (then a "just now" of
        it counts). A date of "since" is no event's, but for a change that `begins` the
        state it marks, told in its clause before the trigger ("今年3月起出任…董事长") or
        in a clause of a Chinese "since" alone before it ("2011年起，她出任…")."""
        clause = self._clause(sent, pos)
        inside = [d for d in self.dates if sent[0] <= d.start and d.end <= sent[1]
                  and not self._reporting(d)
                  and (d.ahead or not self._since(d)  # what begins after the news day is
                       or begins and d.end <= pos  # news ("自明年1月1日起生效"); not
                       and (clause[0] <= d.start or self._since_clause(sent, d)))]
        # carried to the sentences after
        inside = [d for d in inside if not d.weak] or inside
        if begins:  # "于2009年至2021年担任": began in 2009
            inside = [d for d in inside if self._span_start(d) is None] or inside
        spans = [d for d in inside if not clause[0] <= d.start < clause[1] and self._spanned(d)]
        inside = [d for d in inside if d not in spans]
        if spans and not inside:  # "他于2009年至2021年担任…，并创办X": a span dates its own
            return None  # clause's verb alone; the sentence tells of a time past
        effective = [d for d in inside
                     if self._effective(d) and not self._another_between(pos, d)]
        if effective:  # "said on Monday that X had retired …, effective December 1"
            inside = effective
        elif self.lang != "zh":  # "verlässt … Ende März": the trigger's own clause first
            own = [d for d in inside if clause[0] <= d.start < clause[1]]
            if not own and clause[0] > sent[0] and lexicon()["apposed"].fullmatch(
                    self.norm, clause[0] - 1, pos):
                return None  # "Blue Origin, the space company founded by X": it describes
            then = [] if own else [d for d in inside if d.end < clause[0] <= pos
                                   and lexicon()["when_then"].match(self.norm, d.end, pos)]
            if then:  # "in February 2014, when Thompson succeeded Gates": then
                return then[-1]
            joined = [c.end() for c in lexicon()["conjunction"].finditer(self.norm, clause[0],
                                                                        pos)][-1:]
            if joined:  # "ran Cadence from 2009 to 2021 and left Intel's board last August";
                # not "joined Google in 2000 and worked there … before leaving": the joining's
                own = [d for d in own if d.start >= joined[0]] or [
                    d for d in own if not self._verb_before(clause[0], d, pos)]
            # "Nike said on Thursday that X will retire on Oct. 13": the day it was said is
            # the report's, beside a date of the event's own
            own = [d for d in own if not self._said_on(d)] or own
            own = [d for d in own if d.start < pos or not self._another_between(pos, d)
                   or lexicon()["same_time"].search(self.norm, pos, d.start)]
            # "joined Google … before founding Inflection … in 2022": the founding's; not
            # "took charge of X when it was formed in January 2021"
            others = [] if own else [d for d in inside if self._dates_another(sent, d, pos)]
            inside = [d for d in own if not d.anaphoric] or own or [
                d for d in inside if d not in others]
            if others and not inside and self._background(sent, pos):
                return None  # "X, who co-founded Y, was appointed … in 2021": not Y's date
        if inside:
            chosen = self._right_after(inside, pos) or \
                min(inside, key=lambda d: (d.start > pos, abs(d.start - pos)))
            if not chosen.anaphoric:
                return chosen
            resolved = self._antecedent(chosen)
            concrete = [d for d in inside if not d.anaphoric]
            return resolved or (min(concrete, key=lambda d: abs(d.start - pos))
                                if concrete else None)
        if any(sent[0] <= d.start < pos and self._since_clause(sent, d) for d in self.dates):
            return None  # "2019年起，…" before an event that begins no state: not the
            # paragraph's earlier "1997年加入" (a change it begins took that date above)
        effect = self._effect_told_after(sent)
        if effect is not None:
            return effect
        if lexicon()["afterwards"].search(self.norm, sent[0], pos):
            return None  # "此后他担任…": later than the date told before, not on it
        if self.lang == "zh" and lexicon()["once_done"].search(self.masked, sent[0], pos):
            return None  # "他曾创办之初创投": not the paragraph's date before it
        para = lead_in = own = self.paragraph_start(sent[0])
        days_only = False
        if para > 1:  # "并且,…", or a paragraph the one before opens with a colon ("Gerade
            before = self.paragraph_before(para)  # gab es ein Erdbeben:"): it goes on
            if self.norm[before:para].rstrip().endswith(":"):  # the fold makes "：" ":"
                para = before
            elif lexicon()["continues"].match(self.norm, para):
                days_only = lexicon()["adds"].match(self.norm, para) is not None  # "此外"
                para = lead_in = before
        earlier = [d for d in self.dates if para <= d.start and d.end <= sent[0]
                   and not d.anaphoric and (not d.weak or d.start < lead_in)
                   and not self._since(d) and not self._reporting(d)
                   and (not days_only or d.start >= own or d.precision == DAY)]
        if self._told_as_now(sent, pos):  # "He is leaving": the news day, not a year told
            days = [d for d in earlier if d.precision == DAY]  # as background before it
            return self._lede_date(pos) or (days[-1] if days else None)
        if earlier:
            return earlier[-1]
        return None if self._background(sent, pos) else self._lede_date(pos)

    def _effect_told_after(self, sent) -> DateMention | None:
        """"…将接任集团首席执行官。上述任命将于2023年9月10日生效", "The appointments take
        effect on May 1": the day the paragraph's next sentence, naming no one, says the
        changes take effect."""
        i = bisect.bisect_left(self.sents, (sent[1], -1))
        nxt = self.sents[i] if i < len(self.sents) else None
        if nxt is None or "\n" in self.norm[sent[1]:nxt[0]] or self._in(*nxt, "person"):
            return None
        return next((d for d in self.dates if nxt[0] <= d.start < nxt[1]
                     and self._effective(d)), None)

    def _right_after(self, dates: list[DateMention], pos: int) -> DateMention | None:
        """The date written right after the trigger at `pos` ("… before leaving in 2009":
        not the 2001 of "became its CTO in 2001" before it)."""
        verb = self.triggers.match(self.masked, pos) if self.triggers is not None else None
        return None if verb is None else next(
            (d for d in dates if not d.anaphoric and self._adjacent(verb.end(), d.start)), None)

    def _adjacent(self, end: int, start: int) -> bool:
        """Only a space (or nothing) between `end` and `start`."""
        return 0 <= start - end <= 1 and not self.norm[end:start].strip()

    def _said_on(self, d: DateMention) -> bool:
        """A date right after a verb of saying ("said on Thursday", "sagte am Montag")."""
        said = [*lexicon()["saying"].finditer(self.norm, max(0, d.start - 16), d.start)][-1:]
        return bool(said) and self._adjacent(said[0].end(), d.start)

    def _verb_before(self, start: int, d: DateMention, pos: int) -> bool:
        """A trigger other than the one at `pos` between `start` and the date: the date is
        that verb's ("joined Google in 2000 and … before leaving"; not "In 2020, X left …
        and founded Y", whose date comes before both)."""
        return self.triggers is not None and any(
            t.start() != pos for t in self.triggers.finditer(self.masked, start, d.start))

    def _another_between(self, pos: int, d: DateMention) -> bool:
        """A trigger of another type of event between the trigger at `pos` and the date
        ("joined in 2019 and will step down effective January 1": not the joining's date;
        "retired and stepped down, effective December 1": both)."""
        if self.triggers is None:
            return False
        a, b = (pos, d.start) if pos < d.start else (d.end, pos)
        table = self.terms["triggers"]
        own = self.triggers.match(self.masked, pos)
        kinds = set(table.lookup_all(self.lang, own)) if own else set()
        return any(t.start() != pos and not kinds & set(table.lookup_all(self.lang, t))
                   for t in self.triggers.finditer(self.masked, a, b))

    def _dates_another(self, sent, d: DateMention, pos: int) -> bool:
        """'he will take over …, the AI startup he co-founded last year, after X stepped
        down': a date in another clause, after a verb of an event there, is that event's;
        in German, before the next one, the verb last ("war 1984 bei Henkel eingetreten und
        hatte den Vorsitz 2016 übernommen"). Or a date after a verb of saying in a relative
        clause ("Panay will replace Limp, who announced in August that he would retire"; not
        "X, der sein Amt am 1. Januar antreten soll")."""
        clause = self._clause(sent, d.start)
        if self.triggers is None:
            return False
        if self._opens_relative(sent, clause) and lexicon()["saying"].search(
                self.norm, clause[0], d.start):
            return True
        if self.lang == "de":
            verb = self.triggers.search(self.masked, d.end, clause[1])
            return verb is not None and verb.start() != pos
        return any(t.start() != pos for t in self.triggers.finditer(self.masked, clause[0],
                                                                     d.start))

    def _told_as_now(self, sent, pos: int) -> bool:
        """'He is leaving', 'will leave', 'wird … verlassen': an auxiliary of the present or
        the future before the verb at `pos`, or opening it; in Chinese (before it) and
        German, anywhere in its clause."""
        if self.lang == "zh":  # "此次当选…", "将由X升任": this time, will
            return lexicon()["present_zh"].search(self.norm, self._clause(sent, pos)[0],
                                                  pos) is not None
        if self.lang == "de" and lexicon()["present_de"].search(self.norm,
                                                                *self._clause(sent, pos)):
            return True  # "Seine Nachfolge … soll X antreten"
        head = len(self.norm[pos:pos + 8].split(" ", 1)[0]) + 1  # the "is " of "is leaving"
        return any(lexicon()["present"].search(self.norm, max(sent[0], pos - 16), end)
                   for end in (pos, pos + head))

    def _background(self, sent: tuple[int, int], pos: int) -> bool:
        """An event told in a relative clause, as what describes someone or something ("das
        Unternehmen, das sie selbst gegründet haben", "the company he founded", "他创办的公司"):
        background, not the news the lede's day dates."""
        if self.lang == "zh":
            return bool(re.match(r"\w{0,2}的", self.norm[pos:pos + 4]))
        clause = self._clause(sent, pos)  # after a comma: "Der Forscher X verlässt" is none
        return clause[0] > sent[0] and self.norm[clause[0] - 1] in ",，" \
            and bool(lexicon()["relative"].match(self.norm, clause[0]))

    def _lede_date(self, pos: int) -> DateMention | None:
        """The news of an article's first paragraphs happened on its lede's date ("Gestern
        Abend hat sich … ereignet. … kehren zu Google zurück"): a day the opening paragraphs
        name, in the week before publication, dates the undated events told near it, before
        it or, in the same paragraph, after it; those of the headline too."""
        body = [(m.start(), m.end()) for m in re.finditer(r"[^\n]{40,}", self.norm)][:6]
        if not body or pos >= body[-1][1]:
            return None
        lede = [d for d in self.dates if d.start < body[min(2, len(body) - 1)][1]
                and d.precision == DAY and not d.anaphoric and d.rule in LEDE_RULES]
        para = next((b for b in body if b[0] <= pos < b[1]), (pos, pos))
        before = [d for d in lede if d.start < pos]  # "… verlässt das Unternehmen. Das gab
        after = [d for d in lede if para[0] <= d.start < para[1]]  # er am Mittwoch bekannt."
        if pos < self._headline_end():
            after = lede  # the headline tells the news of the lede's day
        return (before or after or [None])[0]
