"""Roles a verb gives ('worked at X', '领导百度研究院', 'studierte am Caltech', 'X由Y负责'),
investors ('invested in', '领投') and board seats ('将退出OpenAI董事会'); and whom such a verb
is about: the clause's subject, the sentence's, or the person a pronoun stands for."""
from __future__ import annotations

import re
from collections.abc import Callable

from loaders.facts import Context, Fact, lexicon
from loaders.mentions import Mention
from loaders.registry import Entity


class VerbRoles(Context):
    """Mixin of RoleRules: the roles told by a verb, not by a title."""
    def _verb_roles(self, sent: tuple[int, int]) -> list[Fact]:
        """'Bill Peebles 本科就读于 MIT', 'Schumann studierte am Caltech', 'interned at Adobe':
        the clause's subject (or the sentence's, or 'he') holds the verb's role at the
        organization written after it; 'X, to be led by Y', 'X由Y领导': Y heads X."""
        out = []
        for verb in self.hits(self.role_verbs, sent):
            key = self.terms["role_verbs"].lookup(self.lang, verb.group(0))
            clause = self._clause(sent, verb.start())
            opened = max(self.norm.rfind("(", clause[0], verb.start()),
                         self.norm.rfind("（", clause[0], verb.start()))
            if opened > max(self.norm.rfind(")", clause[0], verb.start()),
                            self.norm.rfind("）", clause[0], verb.start())):
                clause = (opened + 1, clause[1])  # "和谢赛宁( Bill 开始实习时…)": the bracket's
            # a former word right before the verb ("曾领导", "was led by") makes it past; so
            # does a verb form that does not tell the present ("led"), unless passive
            said_former = bool(lexicon()["former"].search(
                self.norm, max(clause[0], verb.start() - 8), verb.start()))
            passive = self._led_by(sent, clause, verb) if key in lexicon()["object_verb_roles"] \
                else None
            if passive is not None:
                (people, orgs), former = passive, said_former
            elif verb.group(0) in lexicon()["passive_only"]:
                continue
            else:
                orgs = self._verb_orgs(sent, clause, verb, key)
                people = self._holder_at(sent, clause, verb.start(),
                                         lambda c=clause: self._next_subject(sent, c),
                                         verb.end())
                former = said_former or verb.group(0) not in lexicon()["current_verbs"]
                if people and clause[0] <= people[0].start < verb.start():  # "A und B kommen"
                    people = self._conjoined_forward(self._in(people[0].start, verb.start(),
                                                              "person"))
            for o in (orgs if self.lang == "zh" else orgs[:1]) if key and people else []:
                role, org = self._verb_target(key, o.entity)
                out += [Fact("role", sent[0], sent[1], "role-verb-" + key, person=p.entity,
                             role=role, org=org, former=former, at=p.start) for p in people]
        return out

    def _verb_orgs(self, sent: tuple[int, int], clause: tuple[int, int], verb: re.Match[str],
                   key: str | None) -> list[Mention]:
        """Where a verb's role is held: its object for a verb of leading ("领导百度研究院",
        "led product at X", German "…, der X leitet,"); for one of work or study the place
        after it, or in Chinese the place after 在/从 before it ("在英伟达实习")."""
        orgs = [o for o in self._in(verb.end(), sent[1], "org")
                if len(self._untitled(verb.end(), o.start)) <= 24]
        if key in lexicon()["object_verb_roles"]:
            gap = lexicon()["object_verb_gap"]["zh" if self.lang == "zh" else "other"]
            orgs = [self._owned(o) for o in orgs if len(self._untitled(verb.end(), o.start)) <= gap
                    and not lexicon()["not_led_gap"].search(self.norm, verb.end(), o.start)]
            orgs = [o for o in orgs if o is not None]
            if self.lang == "de" and not self.norm[verb.end():clause[1]].strip():
                orgs = self._in(clause[0], verb.start(), "org")[-1:]
        elif self.lang == "zh":  # "从伯克利博士毕业", "毕业于 MIT"; in the verb's clause
            orgs = [o for o in orgs if o.start < clause[1]]  # (not "…，曾在阿里巴巴工作")
            at = [*lexicon()["locative"].finditer(self.norm, clause[0], verb.start())][-1:]
            inside = self._in(at[0].end(), verb.start(), "org") if at else []
            before = self._in(clause[0], verb.start(), "org")[-1:]
            own = lexicon()["locative"].fullmatch(verb.group(0)[-1])  # "任职于 X"
            orgs = inside if verb.group(0) in lexicon()["located"] else \
                inside or (orgs if own else []) or before or orgs
        meant = (self._company_meant(verb.start()) or self.main_org) if not orgs and \
            self.lang != "zh" and key in lexicon()["object_verb_roles"] and (lexicon()[
                "company_after"].match(self.norm, verb.end()) or self.lang == "de" and lexicon()[
                "company_before_verb"].search(self.norm, clause[0], verb.start())) else None
        # "an der Spitze des Konzerns", "der den Konzern seit 2017 geleitet hatte": the company
        # meant, or the article's (not "领导这家公司超级对齐团队": its team)
        return [Mention(verb.end(), verb.end(), meant, "company")] if meant else orgs

    def _owned(self, org: Mention) -> Mention | None:
        """An object written as a possessor ('领导OpenAI的超级对齐团队', "led OpenAI's safety
        team"): the unit it owns, named right after; none when what follows is no unit
        ('负责OpenAI的安全研究')."""
        owner = self._possessor(org)
        return org if owner is None else self._org_at(owner.end())

    def _led_by(self, sent: tuple[int, int], clause: tuple[int, int], verb: re.Match[str]
                ) -> tuple[list[Mention], list[Mention]] | None:
        """A verb of leading in the passive: 'a new division, X, to be led by Y' (Y right
        after by/von), 'X由Y领导' (Y between 由 and the verb): Y and the organization named
        right before the agent's marker (or the verb)."""
        span = self._agent_span(clause, verb)
        named = self._in(span[1], span[2], "person") if span else []
        if self.lang == "zh":  # the person right before the verb: "由…带过的博士生 Y 负责"
            people = [p for p in named if verb.start() - p.end <= 3][-1:]
        else:  # right after by/von: "to be led by Y", "von Y geleitet"
            people = [p for p in named if p.start - span[1] <= 3][:1] if span else []
        anchor = min(span[0], verb.start()) if span else 0
        orgs = [o for o in self._in(sent[0], anchor, "org") if o.entity.kind in ("org", "team")
                and lexicon()["passive_subject"].fullmatch(self.norm, o.end, anchor)][-1:]
        return (people, orgs) if people and orgs else None

    def _untitled(self, start: int, end: int) -> str:
        """The text between two points, titles left out ('leitete er als Senior Director of
        AI das Team': the title does not part the verb from its object)."""
        gap = self.norm[start:end]
        return self.titles.sub("", gap) if self.titles is not None else gap

    def _verb_target(self, key: str, org: Entity) -> tuple[str, Entity]:
        """The role a verb gives and where: working in a team is membership
        (team_verb_roles); team roles stay with the unit, the others go to its company."""
        lex = lexicon()
        if self._working_team(org) and key in lex["team_verb_roles"]:
            return lex["team_verb_roles"][key], org
        return key, org if key in lex["team"] else self._company(org)

    def _next_subject(self, sent: tuple[int, int], clause: tuple[int, int]) -> list:
        """'从伯克利博士毕业后，Tim 加入 OpenAI', 'After graduating from MIT, Li joined':
        a clause with no subject of its own shares the next clause's, named first in it."""
        if clause[1] >= sent[1]:
            return []
        following = self._clause(sent, clause[1] + 1)
        first = self._in(*following, kind="person")[:1]
        return first if first and not self._gap(following[0], first[0].start).strip() else []

    def _investors(self, sent: tuple[int, int]) -> list[Fact]:
        """'Xavier Niel and Eric Schmidt invested in Mistral AI', 'An der Runde beteiligen sich
        Xavier Niel …', '红杉领投': the people of the clause invest in the organization after the
        verb, else in the paragraph's first company (the one raising money)."""
        out = []
        for verb in self.hits(lexicon()["investing"], sent):
            clause = self._clause(sent, verb.start())
            people = [p for p in self._in(*clause, kind="person")
                      if not self._possessor(p)] \
                or self._pronoun_subject(sent, verb.start())
            named = self._invested(sent, verb)
            org = named.entity if named else self._nearest_org(sent, verb.start())
            if named is None and org is not None and self._investing(org, sent[0]):  # "…, Exor
                org = self.main_org  # Ventures. Auch … Eric Schmidt gehören zu den Anteilseignern"
            out += [Fact("role", sent[0], sent[1], "role-investing-verb", person=p.entity,
                         org=org, role="investor", at=p.start) for p in people if org]
        return out

    def _invested(self, sent: tuple[int, int], verb: re.Match[str]) -> Mention | None:
        """The company named right after a verb of investing ('invested in Mistral AI')."""
        after = [o for o in self._in(verb.end(), sent[1], "org") if o.entity.kind == "org"
                 and not self._affiliation(o)]
        return after[0] if after and after[0].start - verb.end() <= 12 else None

    def _investing(self, org: Entity, before: int) -> bool:
        """The organization is named among investors earlier (in a sentence with a verb of
        investing, not as what they invest in): not the company they invest in."""
        return any(o.entity is org and o is not self._invested(s, verb)
                   for s in self.hit_sentences(lexicon()["investing"]) if s[0] < before
                   for verb in self.hits(lexicon()["investing"], s) for o in self._in(*s, "org"))

    def _board_seats(self, sent: tuple[int, int]) -> list[Fact]:
        """'将退出OpenAI董事会', 'remains on its board', 'joined the board of X': the clause's
        subject (or the sentence's, or 'he') is, or was, a board member of the organization
        named in the phrase or after it, else of the last one before it in the clause ('its',
        '公司'), else of the paragraph's."""
        out = []
        for seat in self.hits(lexicon()["board"], sent):
            clause = self._clause(sent, seat.start())
            named = [o for o in self._in(seat.start(), seat.end(), "org") if o.entity.kind == "org"]
            after = [o.entity for o in self._in(seat.end(), sent[1], "org")
                     if o.start <= seat.end() + 8
                     and re.fullmatch(r"\s*(?:of|von|des)\s+", self.norm[seat.end():o.start])]
            before = [o for o in self._in(clause[0], seat.start(), "org") if o.entity.kind == "org"]
            org = named[-1].entity if named else after[0] if after else (
                before[-1].entity if before else self._nearest_org(sent, seat.start()))
            noun = seat.group(0).startswith("member")  # "X, a member of Y's board"; "X
            people = (self._in(sent[0], seat.start(), "person")[-1:] if noun else []) or \
                self._holder_at(sent, clause, seat.start())  # stepped down as a member of";
            # "He was a member of Intel's board": whom "he" stands for
            if org is None or not people:
                continue
            former = self._leaving(clause[0] if noun else seat.start(), seat.end()) or \
                bool(lexicon()["board_leaving"].search(seat.group(0)))  # "aus dem Aufsichtsrat"
            out.append(Fact("role", sent[0], sent[1], "role-board-seat", person=people[0].entity,
                            org=self._company(org), role="board-member", former=former,
                            at=people[0].start))
        return out

    def _leaving(self, start: int, end: int) -> bool:
        """A verb of leaving in the span: a Departure or Dismissal trigger of the ontology."""
        return any(self.terms[table].lookup(self.lang, t) in ("Departure", "Dismissal")
                   for pattern, table in ((self.triggers, "triggers"), (self.objects, "object"))
                   if pattern is not None for t in pattern.finditer(self.masked, start, end))

    def _holder_at(self, sent: tuple[int, int], clause: tuple[int, int], pos: int,
                 then: Callable[[], list[Mention]] = list,
                 verb_end: int | None = None) -> list[Mention]:
        """Who a verb at `pos` is about: the person named last before a "who" right before
        it, else the antecedent of a relative pronoun opening its clause, else the clause's
        first person before it, else the sentence's, else `then()`, else whom a pronoun
        before it (or right after it, in German) stands for."""
        named = self._named_before_who(sent, clause, pos) or \
            self._relative_subject(sent, clause)  # "X folgt auf Y, der an der Spitze … steht"
        if named:  # "the former Scale AI chief executive who now leads X"
            return named
        return self._in(clause[0], pos, "person")[:1] or self._in(sent[0], pos, "person")[:1] \
            or then() or self._pronoun_subject(sent, pos, verb_end)

    def _pronoun_subject(self, sent: tuple[int, int], pos: int,
                         verb_end: int | None = None) -> list[Mention]:
        """'Musk sagte, dass er … in OpenAI investierte': a pronoun before `pos` in the
        sentence stands for the person named before it there, else the last sentence's;
        German puts it after the verb ending at `verb_end` too ('Bei Tesla leitete er …')."""
        pron = lexicon()["pron"].search(self.norm, sent[0], pos)
        if pron is None and verb_end is not None and self.lang == "de":
            pron = lexicon()["pron"].match(self.norm, verb_end + 1)
        if pron is None:
            return []
        referent = self._stands_for(sent, pron.start())
        return [referent] if referent is not None else []

    def _clause_opener(self, sent: tuple[int, int], pos: int) -> list[Mention]:
        """A Chinese clause with no subject of its own has the last clause's, when a name
        opens that one, its title before it at most: '选举郁亮为董事会主席，王石不再担任董事会
        主席，成为万科名誉主席' (王石), '公司自动驾驶副总裁吴新宙即将离职，加入英伟达' (吴新宙)."""
        own = self._clause(sent, pos)[0]
        if own <= sent[0]:
            return []
        last = self._clause(sent, own - 1)[0]
        first = self._in(last, own, "person")[:1]
        gap = self.masked[last:first[0].start] if first else ""
        titled = self.titles is not None and [t.end() for t in self.titles.finditer(gap)][-1:]
        return first if not gap.strip(" ，,") or titled and titled[0] == len(gap) and len(
            gap) <= 16 and not (self.triggers and self.triggers.search(gap)) else []
