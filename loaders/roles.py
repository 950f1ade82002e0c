"""Roles: who holds which title in which organization, as an article states it."""
from __future__ import annotations

import re
from collections.abc import Callable

from loaders.facts import Context, Fact, lexicon
from loaders.mentions import Mention
from loaders.registry import Entity


class RoleRules(Context):
    # ------------------------------------------------------------------ roles
    def roles(self) -> list[Fact]:
        if self.titles is None:
            return []
        facts: list[Fact] = []
        for sent in self.sents:
            chains: list[list[re.Match[str]]] = []
            for t in self.hits(self.titles, sent):
                # "联合创始人、特斯拉和SpaceX首席执行官 X": organizations between titles do not
                # break the chain; each title keeps the organizations written before it.
                gap = self._gap(chains[-1][-1].end(), t.start()).replace("\0", "") if chains \
                    else "\0"
                if chains and lexicon()["conn"].match(gap):
                    chains[-1].append(t)
                else:
                    chains.append([t])
            for chain in chains:
                facts += self._chain_roles(sent, chain)
            facts += self._investors(sent)
            facts += self._board_seats(sent)
            facts += self._verb_roles(sent)
        return facts

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
            orgs = [self._owned(o) for o in orgs if len(self._untitled(verb.end(), o.start)) <= gap]
            orgs = [o for o in orgs if o is not None]
            if self.lang == "de" and not self.norm[verb.end():clause[1]].strip():
                orgs = self._in(clause[0], verb.start(), "org")[-1:]
        elif self.lang == "zh":  # "从伯克利博士毕业", "毕业于 MIT"
            at = [*lexicon()["locative"].finditer(self.norm, clause[0], verb.start())][-1:]
            inside = self._in(at[0].end(), verb.start(), "org") if at else []
            before = self._in(clause[0], verb.start(), "org")[-1:]
            own = lexicon()["locative"].fullmatch(verb.group(0)[-1])  # "任职于 X"
            orgs = inside if verb.group(0) in lexicon()["located"] else \
                inside or (orgs if own else []) or before or orgs
        return orgs

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
            after = [o for o in self._in(verb.end(), sent[1], "org") if o.entity.kind == "org"
                     and not self._affiliation(o)]
            org = after[0].entity if after and after[0].start - verb.end() <= 12 \
                else self._nearest_org(sent, verb.start())
            if org is not None and self._investing(org, sent[0]):  # "…, Exor Ventures und
                org = self.main_org  # Sofina. Auch … Eric Schmidt gehören zu den Anteilseignern"
            out += [Fact("role", sent[0], sent[1], "role-investing-verb", person=p.entity,
                         org=org, role="investor", at=p.start) for p in people if org]
        return out

    def _investing(self, org: Entity, before: int) -> bool:
        """The organization is named among investors earlier (in a sentence with a verb of
        investing, not as its object right after it): not the company they invest in."""
        return any(o.entity is org and not 0 <= o.start - verb.end() <= 12
                   for s in self.sents if s[0] < before
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
            after = [o.entity for o in self._in(seat.end(), seat.end() + 8, "org")
                     if re.fullmatch(r"\s*(?:of|von|des)\s+", self.norm[seat.end():o.start])]
            before = [o for o in self._in(clause[0], seat.start(), "org") if o.entity.kind == "org"]
            org = named[-1].entity if named else after[0] if after else (
                before[-1].entity if before else self._nearest_org(sent, seat.start()))
            people = self._holder_at(sent, clause, seat.start())
            if org is None or not people:
                continue
            former = self._leaving(seat.start(), seat.end()) or \
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
        """Who a verb at `pos` is about: the clause's first person before it, else the
        sentence's, else `then()`, else whom a pronoun before it (or right after it, in
        German) stands for."""
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
        prior = [p for p in self.mentions if p.end <= pron.start() and p.entity.is_person]
        named = [p for p in prior if p.start >= sent[0]]
        referent = named[-1] if named else self._referent(prior, sent[0])
        return [referent] if referent is not None else []

    def _chain_roles(self, sent: tuple[int, int], chain: list[re.Match[str]]) -> list[Fact]:
        lex = lexicon()
        first, last = chain[0], chain[-1]
        if lex["addressee"].search(self.norm, max(sent[0], first.start() - 6), first.start()):
            return []  # "对记者表示", "told reporters": whom it was said to, not a title held
        org_run = self._org_run_before(first.start(), sent)
        anchor = org_run[0].start if org_run else first.start()
        org_run = self._run_holders(org_run)
        org = org_run[-1].entity if org_run else None
        cop = lex["copula"].search(self.norm, max(sent[0], anchor - 6), anchor)
        if org is None and cop is not None:  # "目前在纽约大学担任助教的谢赛宁", "bei X als Chef"
            org = self._org_before(cop.start(), sent)
        agent = lex["agent"].search(self.norm, max(sent[0], anchor - 6), anchor)
        if org is None and agent is not None:  # "Google DeepMind wird von CEO Demis Hassabis
            clause = self._clause(sent, agent.start())  # geleitet": the subject's title
            subject = self._in(clause[0], agent.start(), "org")
            org = subject[-1].entity if subject else None
        found = self._holder(sent, first, last, anchor)
        if found is None:
            return []
        people, rule, org_override = found
        keys = [self.terms["roles"].lookup(self.lang, t.group(0)) for t in chain]
        team = all(k in lex["team"] for k in keys if k)
        org = org_override or org or self._org_after(last.end(), sent) \
            or self._nearest_org(sent, first.start(), team=team)
        between = self.norm[anchor:first.start()].replace("\0", "")
        former = bool(lex["former"].search(self.norm[max(sent[0], anchor - 8):anchor])) or \
            bool(lex["former"].search(between) or lex["former_field"].search(between))
        out = []
        for t in chain:
            key = self.terms["roles"].lookup(self.lang, t.group(0))
            if key == "head" and len({p.entity.iri for p in people}) > 1 \
                    and rule != "role-title-before-names":  # "研究负责人 A 与 B": each a head
                key = "co-lead"  # "Ilya 与 Jan 是超级对齐团队的领导者", "die beiden Leiter"
            own = self._run_holders(self._org_run_before(t.start(), sent)) \
                if t is not first else org_run
            for target in ([o.entity for o in own] if own else [org]):
                if key and target is not None and key not in lex["team"]:
                    target = self._company(target)
                for person in people:
                    if key:
                        out.append(Fact("role", sent[0], sent[1], rule, person=person.entity,
                                        org=target, role=key, former=former, at=person.start,
                                        title_at=t.start()))
        return out

    def _plural_title(self, title: re.Match[str]) -> bool:
        """A title that may stand for several people: any in Chinese (no plural marking),
        a plural noun in English ('researchers'); German plurals look singular, so not there."""
        return self.lang == "zh" or (self.lang == "en" and title.group(0).endswith("s"))

    def _sharing(self, after: list) -> list:
        """The first name after a title and the names joined to it by a bare conjunction,
        a name in brackets after each ('Bill Peebles(比尔·皮布尔斯)与 Tim Brooks'); a name
        with a title of its own ('与系统主管 Connor Holmes') stops the run."""
        chosen, end = [after[0]], after[0].end
        for p in after[1:]:
            gap = re.sub(r"[(（][^)）]*[)）]", "", self._gap(end, p.start))
            if p.entity is chosen[-1].entity and re.fullmatch(r"\s*[(（]\s*", gap):
                end = p.end  # the same person's name in the other script, in brackets
                continue
            if not re.fullmatch(r"\s*[)）]?\s*(?:and|和|与|及|以及)\s*", gap):
                break
            chosen.append(p)
            end = p.end
        return chosen[:4]

    def _counted(self, sent: tuple[int, int], first: re.Match[str], last: re.Match[str]
                 ) -> list[Mention]:
        """A title after a number ("die drei Mitgründer"): the first that many people named
        after it in the sentence, or in the paragraph when a colon follows the title there;
        none unless there are that many."""
        n = next((n for n, p in lexicon()["groups"]
                  if p.search(self.norm, max(0, first.start() - 12), first.start())), 0)
        if not n:
            return []
        end = sent[1]
        if re.search(r"[:：]", self.norm[last.end():sent[1]]):
            para_end = self.norm.find("\n", last.end())
            end = para_end if para_end >= 0 else len(self.norm)
        named = self._distinct(self._in(last.end(), end, "person"))
        return named[:n] if len(named) >= n else []

    def _holder(self, sent, first, last, anchor):
        """Who holds the titles of a chain: (people, rule id, organization if the rule says)."""
        lex = lexicon()
        people = self._in(*sent, kind="person")
        agent = lex["agent"].search(self.norm, max(sent[0], anchor - 30), anchor) \
            if self.lang == "zh" else None
        if agent is not None:  # "这一项目由伊尔亚与同事简·莱克共同领导"
            agents = [p for p in people if agent.end() <= p.start and p.end <= anchor]
            if agents and not re.search(r"[,，;；]", self.norm[agents[-1].end:anchor]):
                return self._conjoined_forward(agents), "role-agent", None
        after = [p for p in people if p.start >= last.end()]
        counted = self._counted(sent, first, last)
        if counted:  # "die beiden Leiter des Teams – A und B", "Die drei Mitgründer …: A, B, C"
            return counted, "role-title-counted", None
        if after and lex["name_gap"].match(self._gap(last.end(), after[0].start)):
            if self._plural_title(last):  # "研究负责人 A 与 B", "researchers A and B"
                return self._sharing(after), "role-title-before-names", None
            return [after[0]], "role-title-before-name", None
        if after and re.fullmatch(r"\s*(?:by|von)\s*", self.masked[last.end():after[0].start]):
            return [after[0]], "role-title-by-name", None  # "to be led by Alexandr Wang"
        if after and re.fullmatch(r"\s*(?:von|of|at|bei|der|des)\s+\0+\s*[,，]\s*",
                                  self.masked[last.end():after[0].start]) \
                and re.match(r"\s*[,，]", self.norm[after[0].end:]):  # the apposition closes
            org = self._in(last.end(), after[0].start, "org")  # "General Counsel von X, Name,"
            return [after[0]], "role-title-org-name", org[0].entity if org else None
        verb_org = self._in(last.end(), sent[1], "org")
        if after and verb_org and verb_org[0].start - last.end() <= 4 \
                and verb_org[0].end <= after[0].start \
                and lex["name_gap"].match(self._gap(verb_org[0].end, after[0].start)):
            return [after[0]], "role-title-org-name", verb_org[0].entity
        before = [p for p in people if p.end <= anchor]
        if before and lex["appo"].match(self._gap(before[-1].end, anchor)):
            # after names joined by "und", a German title in -er is as plural as singular:
            # "Dario Amodei und Daniela Amodei, Gründer von Anthropic"
            if self._plural_title(first) or (self.lang == "de" and first.group(0).endswith("er")):
                return self._conjoined(before), "role-apposition", None
            return [before[-1]], "role-apposition", None
        cop = lex["copula"].search(self.norm, max(sent[0], anchor - (12 if self.lang == "zh"
                                                                     else 28)), anchor)
        limit = 8 if self.lang == "zh" else 24  # "Weil most recently served as"
        gap = self._gap(before[-1].end, cop.start()) if cop and before else "\0"  # \0: none
        appositive = self.lang != "zh" and re.fullmatch(r"\s*,[^,;.]{1,80},\s*", gap)
        if "\0" not in gap and (len(gap) <= limit and not re.search(r"[,，。;；]", gap)
                                or appositive):
            return self._conjoined(before), "role-copula", None  # "X, the former CEO of Y, as"
        if cop and self.lang == "zh" and not self._in(self._clause(sent, cop.start())[0],
                                                       cop.start(), "person"):
            subject = [p for p in people if p.end <= cop.start()]
            joined = subject and any(
                self.terms["triggers"].lookup(self.lang, j) == "Joining"
                for j in self.triggers.finditer(self.masked, subject[-1].end, cop.start()))
            subject = subject[-1:] if joined else subject[:1]  # "延揽 X 加入，出任…": X
            if subject:  # "杨震原…将加入阿里巴巴担任首席技术官": the sentence's subject
                return subject, "role-copula-subject", self._org_before(cop.start(), sent)
        inverted = None if cop else lex["copula_inverted"].search(  # "…, war er Vizepräsident"
            self.norm, max(sent[0], anchor - 40), anchor)
        said = cop.start() if cop else inverted.start() if inverted else 0
        pron = lex["pron"].search(self.norm, max(sent[0], cop.start() - 24), cop.start()) \
            if cop else inverted
        if pron and not re.search(r"[,，;；:：]", self.norm[pron.end():said]):
            prior = [p for p in self.mentions if p.end <= said and p.entity.is_person]
            if prior:  # "Before that she was CFO of Square", "He previously was head of …"
                return [prior[-1]], "role-copula-pronoun", None
        as_mark = lex["as"].search(self.norm, max(sent[0], anchor - 6), anchor)
        if as_mark and after and re.fullmatch(r"[^,，]{0,14}[,，]\s*",
                                              self._gap(last.end(), after[0].start)):
            return [after[0]], "role-as-title", None
        enum = lex["enum"].search(self.norm, last.end(), min(sent[1], last.end() + 24))
        if enum:
            listed = [p for p in after if p.start >= enum.end()]
            if listed:
                return listed[:10], "role-title-list", None
        if verb_org and verb_org[0].start - last.end() <= 3:
            clause = self._clause(sent, first.start())
            cands = [p for p in before if p.start >= clause[0]
                     and len(self._gap(p.end, first.start())) <= 12]
            if cands:
                return [cands[-1]], "role-verb", verb_org[0].entity
        return None


def narrowest(roles: list[Fact]) -> list[Fact]:
    """Drop a role that a narrower one of the same person in the same organization implies
    ('研究负责人 A' and '核心成员 A' of one team: A is its head); a role only a verb gives
    also yields to the narrower ones of implied_verb_roles."""
    held = {(f.person.iri, f.org.iri if f.org else "", f.role) for f in roles}
    titled = {(f.person.iri, org) for f in roles if not f.rule.startswith("role-verb")
              for org in (f.org.iri if f.org else "", f.org.unit_of if f.org else None) if org}
    lex = lexicon()

    def implied(f: Fact) -> bool:
        narrower = [*lex["implied"].get(f.role, ())]
        where = (f.person.iri, f.org.iri if f.org else "")
        if f.rule.startswith("role-verb"):
            narrower += lex["implied_verb"].get(f.role, ())
            if "*" in narrower and where in titled:
                return True
        return any((*where, n) in held for n in narrower)

    return [f for f in roles if not implied(f)]
