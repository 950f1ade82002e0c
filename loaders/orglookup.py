"""Which organization a title, an event or an investment belongs to: the organizations
written before or after it, the company a paragraph is about, "the company" (该公司, das
Unternehmen), the one that hires ("OpenAI hires X", "Meta names X chief AI officer"), and
organizations that are only someone's title ("Skype联合创办人")."""
from __future__ import annotations

import functools
import re

from loaders import fastre
from loaders.lexicon import alternation, describes_org, words
from loaders.mentions import Mention
from loaders.orgmarks import OrgMarks
from loaders.registry import Entity, new_entity
from loaders.rulewords import lexicon

_NAME_TOKEN = r"[A-Z][^\W\d_]*(?:(?:-|\.|['’](?!s\b))[A-Za-z][^\W\d_]*)*"  # not the possessive 's


@functools.cache
def _after_prep() -> re.Pattern[str]:
    """'at the executive search firm Calder & Rhee', 'beim Frankfurter Research-Haus Vorndran &
    Kolb', 'of Dutch dairy cooperative FrieslandCampina' (a demonym before a description)."""
    demonym = alternation(words("names", "demonyms"))
    return fastre.compile(r"(?:\s*(?:at|of|with|bei|beim|von|vom|des|der)|(?<=\bof)|(?<=\bvon)"
                          r")\s+"  # or after a title ending in one ("head of")
                          r"(?:(?:the|a|an|der|die|das|dem|den)\s+)?"
                          rf"(?:(?:{demonym})\s+(?=[a-z]))?((?:[a-z][\w-]*\s+){{0,3}}"
                          rf"{_NAME_TOKEN}(?:\s+(?:&\s+)?{_NAME_TOKEN}){{0,4}})(?![\w-])")


_SPACES = re.compile(r"[ -]*")


class OrgLookup(OrgMarks):
    """Mixin of Context (it provides norm, lang, mentions, masked, sents, titles, main_org,
    local_orgs, _in, _org_at, _clause, _gap, paragraph_start, paragraph_before)."""

    def _org_run_before(self, pos: int, sent: tuple[int, int]) -> list[Mention]:
        """The organizations written just before a title: 'OpenAI 超级对齐团队的' (a unit of
        its company: the nearest holds the role), '特斯拉和SpaceX' (both hold it)."""
        run: list[Mention] = []
        for m in reversed(self._in(sent[0], pos, "org")):
            edge = run[0].start if run else pos
            gap = self._gap(m.end, edge)
            if run and m.entity is run[0].entity and gap.strip() in ("(", "（"):
                run[0] = m  # "纽约大学(New York University)教授": one name, glossed
                continue
            joined = run and lexicon()["org_join"].fullmatch(gap)
            if not (lexicon()["org_gap"].match(gap) or joined):
                break
            run.insert(0, m)
        return run

    def _run_holders(self, run: list[Mention]) -> list[Mention]:
        """Which organizations of a run hold the title: all when joined by 和/and, else the
        nearest ("OpenAI 超级对齐团队": the unit, not its company too)."""
        lex = lexicon()
        gaps = [self._gap(a.end, b.start) for a, b in zip(run, run[1:], strict=False)]
        if len(run) > 1 and all(lex["org_gap"].match(g) and not lex["org_join"].fullmatch(g)
                                for g in gaps):
            return run[-1:]
        return run

    def _org_before(self, pos: int, sent: tuple[int, int]) -> Entity | None:
        """The organization written right before `pos`, nothing but 's/的/a closing bracket
        between ("在纽约大学担任", "bei Google als", "Scale AI 任命"); not one that closes
        an apposition ("of Nextdoor, as")."""
        orgs = [m for m in self._in(sent[0], pos, "org") if lexicon()["org_gap"].match(
            self.masked[m.end:pos])]  # masked: a field holds no name ("淘天集团董事长吴泳铭接任")
        return orgs[-1].entity if orgs else None

    def _parent_named(self, org: Mention) -> Mention:
        """"Google's parent company Alphabet", "谷歌的母公司Alphabet": the parent; "Google's
        DeepMind": the organization it owns."""
        said = lexicon()["parent_of"].match(self.norm, org.end)
        owner = None if said else self._possessor(org)
        return (self._org_at(said.end()) if said else None) or \
            (self._org_at(owner.end()) if owner else None) or org

    def _company(self, org: Entity | None) -> Entity | None:
        """People join and leave companies: a team's event goes to its parent organization;
        a lab or division ('Google Brain', 'FAIR') keeps it."""
        if org is not None and self._working_team(org):
            return self.by_iri.get(org.unit_of) or self.reg_entity(org.unit_of) or org
        return org

    @staticmethod
    def _working_team(org: Entity) -> bool:
        """A unit named as a team ('超级对齐团队', 'the Sora team'), not a lab or institute."""
        return org.kind == "team" and bool(org.unit_of) \
            and bool(lexicon()["team_name"].search(org.name))

    def _org_after(self, pos: int, sent: tuple[int, int], tight: bool = False) -> Entity | None:
        anaphor = None if tight else lexicon()["company_after"].match(self.norm, pos)
        if anaphor and not self._mention_at(_SPACES.match(self.norm, anaphor.end()).end(), "org"):
            meant = self._company_meant(pos)  # "war Präsident des Unternehmens"; not "Chef
            if meant is not None:  # der Firma Genentech"
                return meant
        for m in self._in(pos, sent[1], "org"):
            gap = self._gap(pos, m.start)
            if tight and re.fullmatch(r"\s*(?:着|了|the|das|den|die|der)?\s*", gap, re.I):
                return m.entity
            # a title ending in one: "the head of Boeing's unit", "Chef der Biotechfirma X"
            # (not "Chef der Digitalsparte X", a unit of the company the article names)
            ends = self.norm[max(0, pos - 4):pos] if self.lang == "en" or self.lang == "de" \
                and describes_org((gap.split() or [""])[-1]) else ""
            if not tight and lexicon()["prep"].search(ends + gap) and not any(
                    not self._possessor(p) for p in self._in(pos, m.start, "person")):
                return self._parent_named(m).entity  # not "of Y, where X …", but "of X's Y"
        return None if tight else self._unknown_org_after(pos, sent)

    def _unknown_org_after(self, pos: int, sent: tuple[int, int]) -> Entity | None:
        """'a partner at the search firm Calder & Rhee', 'Analyst beim Frankfurter Research-Haus
        Vorndran & Kolb': a capitalized name after at/bei/of that no lexicon knows."""
        if self.lang == "zh":
            return None
        m = _after_prep().match(self.norm, pos, sent[1])
        if m is None or self._in(m.start(1), m.end(1), "person"):  # "der Abteilung Alexander
            return None  # Madry": a person's name, not an organization's
        if any(d.start < m.end(1) and m.start(1) < d.end for d in self.dates) or \
                words("names", "org_phrase_breaks") & set(m.group(1).split()):
            return None  # "of the new lab in July", "at the end of June"
        tokens = re.findall(rf"{_NAME_TOKEN}|&", m.group(1))
        if "&" in tokens:
            i = tokens.index("&")
            tokens = tokens[max(0, i - 1):i + 2]
        city = self.lang == "de"  # "Pariser", "Frankfurter": city adjectives before the name
        while tokens and (describes_org(tokens[0]) or
                          (city and tokens[0].endswith("er") and len(tokens) > 1)):
            tokens.pop(0)
        if not tokens or tokens[-1] == "&" or len(" ".join(tokens)) < 3 \
                or tokens[0].lower() in words("names", "governing_bodies") \
                or len(tokens) == 1 and lexicon()["own_adjective"].search(m.group(0)) \
                and re.match(r"\s+[a-z]", self.norm[m.end(1):m.end(1) + 2]):
            return None  # "the head of its Canadian operations": a word of the unit's
        name = " ".join(tokens).replace(" & ", " & ")
        entity = self.reg_entity_by_name(name) or self.local_orgs.setdefault(
            name, new_entity("org", name))
        return entity

    def _company_meant(self, pos: int) -> Entity | None:
        """What "the company" / 该公司 / das Unternehmen means at `pos`: the one the sentence's
        subject joined or founded before it, else the last company that opened a sentence
        before it (`_opened`)."""
        taken = self._entered(pos)
        if taken is not None:
            return taken
        opened = [o for s0, s1 in self.sents if s1 <= pos if (o := self._opened(s0, s1))]
        return opened[-1] if opened else None

    def _entered(self, pos: int) -> Entity | None:
        """The company the sentence's subject founded or joined before `pos` ("他曾创办之初
        创投，并担任该公司董事长", "X, who joined rival Y last August, has left the company")."""
        sent = self.sentence_of(pos, (pos, pos))
        taken = [o for o in self._in(sent[0], pos, "org")
                 if lexicon()["org_entered"].search(self.norm, max(sent[0], o.start - 18), o.start)]
        return taken[-1].entity if taken else None

    def _anaphor_meant(self, start: int, end: int) -> Entity | None:
        """The company a "the company" / 该公司 written between `start` and `end` means."""
        if lexicon()["company_anywhere"].search(self.norm, start, end):
            return self._company_meant(end)
        return None

    def _hirer(self, sent, clause, m: re.Match[str]) -> Entity | None:
        """Who takes people on ("OpenAI hires X"): the last organization before the verb in
        its clause, else the company an anaphor there means ("该公司从阿里巴巴挖来X"), else
        the sentence's first; never one the people come from (after 从, from, von)."""
        named = [o for o in self._in(clause[0], m.start(), "org")
                 if not self._origin_mark(o, sent[0])]
        subjects = [o for o in named if not lexicon()["prep_before"].search(
            self.norm, max(0, o.start - 8), o.start)]  # not "invested in Scale AI and hired"
        named = subjects or named
        if named:
            return named[-1].entity
        meant = self._anaphor_meant(clause[0], m.start())
        if meant is not None:
            return meant
        topic = [o for o in self._in(sent[0], m.start(), "org")
                 if not self._origin_mark(o, sent[0])]
        return topic[0].entity if topic else None

    def _affiliation(self, org: Mention) -> bool:
        """'Skype联合创办人Jaan Tallinn', 'Google's chief executive': an organization written
        as someone's title is that person's employer, not the topic of the paragraph; so is
        each of the organizations written before the title (`_org_run_before`: 谷歌 of
        "谷歌DeepMind副总裁"), and one a title is held at ("vice president of AI at
        Microsoft", `_title_at`)."""
        if self.titles is None:
            return False
        title = self.titles.search(self.masked, org.end, org.end + 60)  # a whole title
        run = self._org_run_before(title.start(), (org.start, title.start())) if title else []
        return (bool(run) and run[0].start == org.start and title.start() <= run[-1].end + 12
                or self._title_at((self.paragraph_start(org.start), len(self.norm)), org))

    def _owns_person(self, org: Mention) -> bool:
        """'Microsoft's Amar Subramanya', 'OpenAI的Jan Leike': the person's organization."""
        owns = self._possessor(org)
        return owns is not None and self._mention_at(owns.end(), "person") is not None

    def _formed_before(self, sent: tuple[int, int], pos: int) -> Entity | None:
        """The organization a sentence says was formed or founded before `pos`: named
        within a few characters after the verb ("成立新单位「X」", "formed X")."""
        found = None
        for m in self.triggers.finditer(self.masked, sent[0], pos) if self.triggers else ():
            kinds = self.terms["triggers"].lookup_all(self.lang, m)
            if {"Formation", "Founding"} & set(kinds):
                after = [o for o in self._in(m.end(), pos, "org") if o.start - m.end() <= 8
                         and o.entity.kind == "org"]  # a lab formed: titles stay the company's
                found = after[0].entity if after else found
        return found

    def _its_org(self, sent: tuple[int, int], pos: int) -> Entity | None:
        """The organization an "its" right before `pos` stands for: the last named before
        it in the sentence, but for one owning something ("Brightwater's shares rose after
        Samsung said that its …"), after a preposition ("a vice president at Intel") or
        before a title ("appointed Chipotle CEO X as its chairman"). With no other, one
        owning a title is meant ("X, Character.AI's chief executive, and Y, its president")."""
        its = lexicon()["org_possessive"].search(self.norm, max(sent[0], pos - 8), pos)
        orgs = [m for m in self._in(sent[0], its.start(), "org")
                if m.entity.kind == "org"] if its else []
        named = [m for m in orgs if not self._possessor(m) and not self._title_at(sent, m)
                 and not self._titled(m)] or [m for m in orgs if self._owns_title(m)]
        return named[-1].entity if named else None

    def _owns_title(self, org: Mention) -> bool:
        """"Character.AI's chief executive": a title right after the organization's 's."""
        owner = self._possessor(org)
        return owner is not None and self.titles is not None and self.titles.match(
            self.masked, _SPACES.match(self.masked, owner.end()).end()) is not None

    def _titled(self, org: Mention) -> bool:
        """'Chipotle CEO X', 'Puma-Chef X': the organization is a title's, written before
        it."""
        at = _SPACES.match(self.masked, org.end).end()
        return self.titles is not None and self.titles.match(self.masked, at) is not None

    def _title_at(self, sent: tuple[int, int], org: Mention) -> bool:
        """'a vice president at Intel': the organization is where a title written right
        before its preposition, or before the field it leads, is held (not 'invested in
        Scale AI')."""
        prep = lexicon()["prep"].search(self.norm, max(sent[0], org.start - 30), org.start)
        if prep is None or self.titles is None:
            return False
        titles = list(self.titles.finditer(self.masked, max(sent[0], prep.start() - 60),
                                           prep.start()))
        return bool(titles) and bool(lexicon()["title_field_gap"].fullmatch(
            self.norm, titles[-1].end(), prep.start()))

    def _nearest_org(self, sent: tuple[int, int], pos: int, team: bool = False
                     ) -> Entity | None:
        """No organization beside the title: a company its clause is placed at ('Bei Tesla …
        als Senior Director'), else the first company of its paragraph (the topic, as in
        'Anthropic今年成立。Dario Amodei出任行政總裁'; 'OpenAI hires X as CFO'; not one bought:
        'die Übernahme des Saatgutherstellers Y'), else of the paragraph before (the
        article's own first; not one someone left or went to), else the article's. A title
        after the organization its holder comes from, the last of the clause ('poached from
        X its head of research'), is held there."""
        group = self._group(pos) if lexicon()["group_title"].match(self.norm, pos) else None
        if group is not None:  # "Konzernchef X" in a report on a subsidiary: the group's
            return group
        if lexicon()["company"].search(self.norm, max(0, pos - 20), pos):
            meant = self._company_meant(pos)
            if meant is not None:  # "公司的联合创办人", "the company's CFO"
                return meant
        its = self._its_org(sent, pos)
        if its is not None:  # "Alibaba said its partner X"
            return its
        formed = self._formed_before(sent, pos)
        if formed is not None:  # "成立新单位「Google DeepMind」,由 X 出任执行长"
            return formed
        clause = self._clause(sent, pos)  # "Bei Tesla leitete er als Senior Director of AI"
        placed = [m for m in self._in(clause[0], pos, "org") if m.entity.kind == "org"
                  and lexicon()["place"].search(self.norm, max(clause[0], m.start - 6), m.start)]
        if placed:
            return placed[-1].entity
        where = self._in(sent[0], clause[0], "org")[-1:]  # "at Google, where he was head"
        if where and lexicon()["where"].match(self.norm, clause[0]) \
                and not self.norm[where[0].end:clause[0]].strip(" ,"):
            return where[0].entity
        came = self._in(clause[0], pos, "org")[-1:]  # "从阿里巴巴挖来通义千问技术负责人周畅"
        if came and self._origin_mark(came[0], clause[0]):
            return came[0].entity
        para = self.paragraph_start(sent[0])
        kinds = ("team", "org") if team else ("org",)
        orgs = [m for m in self._in(para, pos, "org") if m.entity.kind in kinds
                and not self._affiliation(m) and not self._bystander(m, para)]
        if not orgs:  # "本輪融資由…領投": the company of the paragraph before
            orgs = self._topic_before(para, kinds)
        named = self._in(sent[0], pos, "person")[-1:]  # "X, who ran Y before joining <main>,
        if named and any(m.entity is self.main_org for m in orgs):  # …. Z, the CFO": not Y
            orgs = [m for m in orgs if not self._left_by_another(m, para, named[0].entity)]
        teams = [m for m in orgs if m.entity.kind == "team"]
        return (teams or orgs)[0].entity if orgs else self.main_org
