"""Who a title written near a name is not, or is, held by: what may stand between a name
and the copula before its title (a few words, an apposition, a "who" clause), the
organization of such an apposition, a person written as the one replaced ("接替创办人X",
"succeeded X"), a title a verb of a Chinese headline takes before a space, and which
titles a list joins ("founder, chairman and CEO X", not across a Chinese comma), the one a
verb of appointing names ("Meta names X chief AI officer", "推选总裁X出任董事长，并兼任…")."""
from __future__ import annotations

import re

from loaders.facts import APPOSITIVE, Context, lexicon
from loaders.lexicon import words
from loaders.mentions import Mention
from loaders.registry import Entity
from loaders.sentences import CJK_SPACE

_CJK_SPACE = re.compile(CJK_SPACE)
_AGE = re.compile(r"^\s*,\s*\d{1,3}(?=\s*,)")  # an age in apposition: "Jobs, 56, who"


class HolderChecks(Context):
    """Mixin of RoleRules (it calls `_org_run_before`, `_org_after` and `_hirer`, of OrgLookup,
    and `_headline_end`)."""

    def _copula_gap(self, gap: str, limit: int, name_at: int) -> bool:
        """Whether a name and the copula before a title are this close: a few words ("X
        most recently served as") or the subject's verbs, the last few words after and/und
        ("X departed in May and later joined Cohere as"), each maybe after an apposition
        ("X, the former CEO of Y, has joined Z as") or a relative pronoun ("X, who rejoined
        Intel as"), or a relative clause closed ("X, 56, who co-founded Y, will remain at Y
        as"); or an apposition ending in "who" ("X, a researcher who most recently
        served as"); or the comma closing the name's own apposition ("its chief operating
        officer, X, would become")."""
        if self.lang == "de" and lexicon()["participle_de"].match(gap):
            return False  # "… mit X gegründet und war seit 2019 Chef": X is the object
        if len(gap) <= limit and not re.search(r"[,，。;；]", gap):
            return True
        if self.lang == "zh":
            return False
        closing = re.match(r"\s*,", gap)
        if closing and name_at > 0 and self.norm[max(0, name_at - 2):name_at].strip() == ",":
            return self._copula_gap(gap[closing.end():], limit, -1)
        after = (APPOSITIVE.match(gap), lexicon()["subject_relative"].match(gap))
        who = lexicon()["who"].search(gap)
        aged = _AGE.sub("", gap, count=1)  # "X, 56, who co-founded Y in 1976, will remain at Y as"
        relative = lexicon()["subject_relative"].match(aged)
        closed = re.fullmatch(r"[^,;.]{1,100},([^,;.]*)", aged[relative.end():]) \
            if relative else None
        return bool(any(self._verbs_gap(part, limit)
                        for part in (gap, *(gap[m.end():] for m in after if m)))
                    or closed and self._verbs_gap(closed[1], limit + 16)  # "… at Quillon Labs"
                    or who and re.fullmatch(r"\s*,[^,;.]{1,80}", gap[:who.start()]))

    @staticmethod
    def _verbs_gap(gap: str, limit: int) -> bool:
        """A few words, or verbs joined by and/und ending in a few words, no clause between."""
        if len(gap) <= limit and not re.search(r"[,;.]", gap):
            return True
        verbs = lexicon()["coordinated"].match(gap)  # "X departed in May and later joined"
        return bool(verbs and len(verbs[2]) <= limit + 16  # "… joined Nova Dynamics"
                    and not lexicon()["clause_word"].search(verbs[1]))

    def _inverted_copula(self, start: int, end: int) -> bool:
        """'Neuer Vorstandsvorsitzender der Porsche AG wird zum 1. Januar 2026 Michael
        Leiters': the title, its organization, a copula, a date at most, then the name."""
        return bool(lexicon()["title_copula_name"].fullmatch(self._dated_gap(
            self.masked, start, end)))

    def _dated_gap(self, text: str, start: int, end: int) -> str:
        """text[start:end] with each date inside it one \x01: a date is no distance between
        a name and its copula ("X mit Wirkung zum 1. Juli zum Vorstandschef")."""
        gap = text[start:end]
        for d in reversed(self.dates):
            if start <= d.start and d.end <= end:
                gap = gap[:d.start - start] + "\1" + gap[d.end - start:]
        return gap

    def _apposition_org(self, person: Mention, anchor: int) -> Entity | None:
        """'Jason Droege, Scale's chief strategy officer, took over as interim CEO': the
        organization of the apposition after the name, when none is named after it and it
        is no former one; not when the person is hired ("hiring X, …, as CPO": the hirer's)."""
        apposition = APPOSITIVE.match(self.norm, person.end)
        sent = self.sentence_of(person.start, (person.start, person.end))
        if apposition is None or apposition.end() > anchor or (
                self.objects is not None and self.objects.search(self.masked, sent[0],
                                                                 person.start)) \
                or self._in(apposition.end(), anchor, "org") \
                or lexicon()["former_any"].search(self.norm, person.end, apposition.end()):
            return None
        inside = [o for o in self._in(person.end, apposition.end(), "org")
                  if o.entity.kind == "org"  # "X, who left OpenAI earlier this year, was
                  and not self._trigger_between(person.end, o.start, "Departure",
                                                "Dismissal")  # named": not OpenAI's
                  and not self._bystander(o, person.end)]  # "who joined Y when it bought
        # his startup Z, was named co-CEO": not Z's
        return inside[-1].entity if inside else None

    def _replacing_at(self, at: int) -> int:
        """Where the verb of replacing written right before the person named at `at` starts
        ("接替创办人张忠谋", "succeeded Jack Ma": a title at most between), or -1. A name in
        brackets is the one before it ("接替鮑默（Steve Ballmer）"). A space before the name
        in a Chinese headline parts two clauses: "宣布X接任执行长 Y续任董事长" replaces no Y."""
        named = [p for p in self._in(max(0, at - 24), at, "person")
                 if re.fullmatch(r"\s*[(（]\s*", self.norm[p.end:at])]
        at = named[-1].start if named else at
        verb = [*lexicon()["replacing"].finditer(self.norm, max(0, at - 32), at)][-1:]
        gap = self.masked[verb[0].end():at] if verb else "\0"
        gap = self.titles.sub("", gap) if self.titles is not None else gap
        parted = self._headline_parted(verb[0].end(), at) if verb else False
        return verb[0].start() if not gap.strip() and not parted else -1

    def _headline_parted(self, start: int, end: int) -> bool:
        """A space between Chinese characters from `start` to `end`, in a Chinese headline:
        it parts two clauses ("宣布X接任执行长 Y续任董事长")."""
        return self.lang == "zh" and end <= self._headline_end() \
            and _CJK_SPACE.search(self.norm, start, end + 1) is not None

    def _the_body(self, title: re.Match[str]) -> bool:
        """'nachdem der Verwaltungsrat X entlassen hatte': a governing body's name after a
        definite article is the body, the name after it no member's."""
        return title.group(0).lower() in words("names", "governing_bodies") and bool(
            lexicon()["definite_article"].search(self.norm, max(0, title.start() - 5),
                                                 title.start()))

    def _is_replaced(self, person: Mention) -> bool:
        return self._replacing_at(person.start) >= 0

    def _listed_with(self, prev: re.Match[str], t: re.Match[str]) -> bool:
        """Whether title `t` goes on the list of titles that `prev` ends ("founder, chairman
        and CEO X"). Organizations between do not break it ("联合创始人、特斯拉和SpaceX首席执行官
        X": each title keeps those written before it); a comma does in Chinese ("转任副董事长，
        董事长X"), and before a capitalized English title after a lower-case one ("will take
        over as chief operating officer, Chief Executive X said")."""
        gap = self._gap(prev.end(), t.start()).replace("\0", "")
        comma_ends = "," in gap and (self.lang == "zh" or self.lang == "en" and (
            prev.group(0)[0].islower() and t.group(0)[0].isupper()))
        return bool(lexicon()["conn"].match(gap)) and not comma_ends

    def _verb_object(self, sent, first, last, name: Mention) -> bool:
        """'张勇卸任阿里巴巴董事会主席兼CEO 蔡崇信、吴泳铭接棒': a space parts the clauses of a
        Chinese headline; a title that a verb before it takes is not the next name's (in the
        body a space is no such mark: "新任董事会主席 Bret Taylor")."""
        if self.lang != "zh" or self.triggers is None or name.start > self._headline_end() \
                or not self.norm[last.end():name.start].isspace():
            return False
        run = self._org_run_before(first.start(), sent)
        start = run[0].start if run else first.start()
        return any(re.fullmatch(r"[^\W\d_]{0,8}", self.masked[v.end():start]) for v in
                   self.triggers.finditer(self.masked, max(sent[0], start - 12), start))

    def _appointee(self, sent, person: Mention) -> bool:
        """'董事会推选总裁魏哲家出任董事长，并兼任总裁': a verb of appointing before the name
        in its clause; the clauses after with no subject of their own are that person's."""
        clause = self._clause(sent, person.start)
        return any(v in self.norm[clause[0]:person.start] for v in words("names",
                                                                         "appoint_verbs_zh"))

    def _appointed(self, sent, person: Mention, anchor: int) -> Entity | None:
        """'Meta names Scale AI founder X chief AI officer', 'named X its chief executive':
        a title right after the object of a verb of appointing is the object's, at the
        verb's subject (`_hirer`), or at the organization the title names after it."""
        if self.objects is None or not lexicon()["appointed_title_gap"].match(
                self.norm[person.end:anchor]):
            return None
        clause = self._clause(sent, person.start)
        verbs = [v for v in self.objects.finditer(self.masked, clause[0], person.start)
                 if set(self.terms["object"].lookup_all(self.lang, v))
                 & lexicon()["appointing_events"]][-1:]
        if not verbs or self._in(verbs[0].end(), person.start, "person"):
            return None
        return self._org_after(anchor, sent) or self._hirer(sent, clause, verbs[0])
