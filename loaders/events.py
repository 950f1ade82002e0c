"""Events: departures, joinings, dismissals, foundings... with person, organization and date."""
from __future__ import annotations

import re

from loaders.dates import DateMention
from loaders.eventdates import EventDates
from loaders.eventorgs import EXPLICIT_ORG, EventOrgs
from loaders.facts import Fact, lexicon
from loaders.lexicon import needs_title
from loaders.mentions import Mention
from loaders.orgevents import FOUNDER_ROLES, OrganizationEventRules
from loaders.registry import Entity
from loaders.rolechanges import RoleChangeRules

REPORTED = "statement-reported-speech"  # words told, not quoted: the narration's events
_CAPITAL = re.compile(r"\s*[A-ZÄÖÜ]")  # a noun after a German article
PERSON_EVENTS = {"Departure", "Dismissal", "Joining", "Founding", "RoleChange", "Leave", "Return"}


class EventRules(RoleChangeRules, OrganizationEventRules, EventDates, EventOrgs):
    # ------------------------------------------------------------------ events
    def events(self, roles: list[Fact], said: list[Fact] | None = None) -> list[Fact]:
        """Events; one told inside a quote counts only in the first person, as the speaker's
        (reported speech of another person named, "京东发布公告称，X卸任", as the narration's)."""
        if self.triggers is None:
            return []
        self._said = [(f.quote[0], f.quote[1], f.person, f.rule.startswith(REPORTED))
                      for f in said or [] if f.quote]
        self._founded: dict[str, DateMention | None] = {}
        self._dated: list[DateMention] = []  # dates of the events told so far, in order
        facts: list[Fact] = []
        for sent in self.hit_sentences(self.triggers, self.objects):
            hits = [(m, "subject") for m in self.hits(self.triggers, sent)]
            hits += [(m, "object") for m in self.hits(self.objects, sent)]
            hits = [h for h in hits if not any(
                o is not h and o[0].start() <= h[0].start() and h[0].end() <= o[0].end()
                and o[0].end() - o[0].start() > h[0].end() - h[0].start() for o in hits)]
            titles = [t.span() for t in self.hits(self.titles, sent)]
            # "创办" inside "联合创办人", "Gründer" inside "Mitgründer": a title, not an event
            hits = [h for h in hits if not any(a < h[0].end() and h[0].start() < b
                                               and b - a > h[0].end() - h[0].start()
                                               for a, b in titles)]
            for m, mode in sorted(hits, key=lambda h: h[0].start()):
                table = self.terms["object" if mode == "object" else "triggers"]
                for etype in table.lookup_all(self.lang, m):
                    found = self._event(sent, m, mode, roles, etype)
                    self._dated += [f.date for f in found if f.date is not None]
                    facts += found
        return _link_destinations(_entries_with_titles(
            self._headline_twins(self._by_release(self._refine_years(
                facts + self._founders(roles) + self._becoming(roles, facts))))))

    def _hedged(self, start: int, end: int, sentence: int, etype: str) -> bool:
        """A hedge between `start` and the trigger at `end`; not "would" after a verb of
        saying (the future told in the past), nor a plan to leave (announced)."""
        lex = lexicon()
        return any(not (lex["backshifted"].fullmatch(h[0])
                        and lex["saying"].search(self.norm, sentence, h.start()))
                   and not (etype == "Departure" and lex["plans"].fullmatch(h[0]))
                   for h in lex["hedge"].finditer(self.norm[:end], start))

    def _event(self, sent, m: re.Match[str], mode: str, roles: list[Fact],
               etype: str) -> list[Fact]:
        clause = self._clause(sent, m.start())
        if mode == "object" and lexicon()["passive"].search(self.norm, max(clause[0],
                                                                        m.start() - 15), m.start()):
            mode = "subject"  # 被董事会罢免 / was ousted by: the person is the subject
        if re.search(r"[?？]\s*[」”\"]?\s*$", self.norm[clause[0]:sent[1]]) \
                and not re.search(r"[,，;；]", self.norm[clause[1]:sent[1]]):
            return []  # the asked clause reports nothing: "…还是已经离开了 OpenAI？"
        scope = self._clause(sent, max(sent[0], clause[0] - 1))[0]  # this clause and the last
        if self._hedged(scope, m.start(), sent[0], etype) or \
                lexicon()["hope"].search(self.norm, sent[0], m.start()) or \
                lexicon()["neg"].search(self.norm[clause[0]:m.start()][-6:]):
            return []
        cancel = lexicon()["not_after"].get(etype)
        if cancel is not None and cancel.match(self.norm, m.end(), sent[1]):
            return []  # "return to his previous role", "started his career at"
        date = self._date(sent, m.start())
        if etype not in PERSON_EVENTS:
            return self._org_event(sent, clause, m, etype, date)
        if etype in needs_title():
            return self._role_change(sent, clause, m, etype, date, roles)
        quoted = next((q for q in self._said if q[0] <= m.start() < q[1]), None)
        inner = (max(clause[0], quoted[0]), m.start()) if quoted else (0, 0)
        if quoted is not None and quoted[3] and any(  # "京东发布公告称，X卸任": reported
                p.entity is not quoted[2] for p in self._in(*inner, "person")):
            quoted = None  # of another person, named: narrated
        if quoted is not None:
            if not lexicon()["i"].search(self.norm, *inner) or not quoted[2].is_person:
                return []
            people = [Mention(m.start(), m.start(), quoted[2], "speaker")]
            mode = "quoted"  # told by the speaker: a weaker date than the narration's
        else:
            people = self._agents(clause, m, etype) or self._nominal_holders(clause, m) or (
                self._objects(sent, clause, m) if mode == "object"
                else [] if self._told_before(m) else self._subjects(sent, clause, m))
            seen = {p.entity.iri for p in people}
            people = people + [p for p in self._co_agents(clause, m) if p.entity.iri not in seen]
        held = self._title_org(sent, m, people, roles)
        org = self._event_org(clause, m, etype, held)
        # what one founds is named in the founding's clause when that clause has its own
        # object: in Chinese ("出走后创建了老东家的对家"), in an infinitive ("sie entschieden
        # sich, ein Unternehmen zu gründen, …"); not in the clauses before
        own_object = etype == "Founding" and (
            self.lang == "zh" or lexicon()["infinitive"].search(self.norm, clause[0], m.end()))
        if org is None and not own_object:
            org = self._event_org(sent, m, etype)
            if etype == "Departure" and held is not None and self._only_after(org, clause, sent):
                org = held  # "X将卸任，专任Y董事长": the post X is named with, not Y
        if mode == "object" and quoted is None:  # "OpenAI hires X": X joins OpenAI
            org = self._hirer(sent, clause, m) or org
        if etype == "Founding":
            agent = lexicon()["agent"].search(self.norm, clause[0], m.start()) \
                if self.lang == "zh" else None
            if agent is not None:  # "Anthropic 就是由 OpenAI 的员工创立的": the subject
                near = self._in(clause[0], agent.start(), "org")[-1:]
            else:
                near = sorted((o for o in self._in(clause[0], clause[1], "org")
                               if 0 <= o.start - m.end() <= 6 or 0 <= m.start() - o.end <= 12
                               or self._inverted(m.end(), o.start)),
                              key=lambda o: o.start < m.start())  # the object first
                near = [o for o in near if o.start < m.start() or not self._part_founded(o, clause)]
            if near:  # "创办 X", "founded X", "X wurde ... gegründet": the founding of X
                known = self._founded.get(near[0].entity.iri)
                if known is None or (date is not None and date.precision > known.precision):
                    self._founded[near[0].entity.iri] = date
        if org is None and etype == "Founding":
            return self._titled_foundings(sent, people, mode, date, roles)
        if org is None and etype in EXPLICIT_ORG:
            return []
        out = []
        origin = self._origin(clause, m) if etype == "Joining" else None
        earlier = org is None and lexicon()["former_employer"].search(self.norm, *clause)
        for person in people:
            if earlier:  # "haben ihre bisherigen Arbeitgeber verlassen", "重返老东家"
                target = self._role_org(person.entity, [r for r in roles if r.former])
            else:
                target = org or self._role_org(  # not a post the person has left
                    person.entity, [r for r in roles if not r.former]) or self.main_org
            if etype != "Founding":  # one founds a lab; one joins or leaves its company
                target = self._company(target)
            if target is None:
                continue
            out.append(Fact("event", sent[0], sent[1], f"event-{mode}-{etype.lower()}",
                            person=person.entity, org=target, type=etype, date=date))
            if origin is not None and origin is not target:
                out.append(Fact("event", sent[0], sent[1], "event-move-origin",
                                person=person.entity, org=self._company(origin),
                                type="Departure", date=date))
        return out

    def _titled_foundings(self, sent, people: list[Mention], mode: str, date,
                          roles: list[Fact]) -> list[Fact]:
        """A founding that names no organization ('warum sie sich entschieden, ein
        Unternehmen zu gründen') is of the one the article calls its founders founders of."""
        titled = [r for r in roles if r.role in FOUNDER_ROLES]
        return [Fact("event", sent[0], sent[1], f"event-{mode}-founding", person=p.entity,
                     org=org, type="Founding", date=date)
                for p in people if (org := self._role_org(p.entity, titled)) is not None]

    def _inverted(self, end: int, start: int) -> bool:
        """Only a passive auxiliary between a participle and a name ("Gegründet wurde
        Mistral AI"): the name is the participle's subject."""
        return bool(lexicon()["passive"].fullmatch(self.norm[end:start].strip()))

    def _subjects(self, sent, clause, m: re.Match[str]) -> list[Mention]:
        partners = {p.entity.iri for p in self._co_agents(clause, m)}  # "与 X 共同创办": a partner
        people = [p for p in self._in(clause[0], m.start(), "person")
                  if p.entity.iri not in partners
                  and not self._possessor(p)]
        if people and self.lang == "zh":  # the topic opens the clause: "LeCun应扎克伯格之邀加入"
            return self._conjoined_forward(people)
        antecedent = self._relative_subject(sent, clause)
        if antecedent:  # "Er war es auch, der nach dem Weggang von Ilya … übernahm": Er
            return antecedent
        named = [] if people or self.lang == "zh" else self._named_before_who(sent, clause,
                                                                             m.start())
        if named:  # "X, a longtime executive who retired"
            return named
        if people:
            return self._conjoined(people)
        prior = [p for p in self.mentions if p.end <= clause[0] and p.entity.is_person]
        said = self._reported_from(sent, clause)
        in_sentence = [p for p in prior if p.start >= said and not self._possessor(p)
                       and not self._in_relative(sent, p)]
        n = next((n for n, g in lexicon()["group"]  # "die beiden", "两人", "Alle drei"
                  if g.search(self.norm, clause[0], m.start())), 0)
        group = self._distinct(reversed(prior))[:n]
        if n and len(group) == n:
            return group[::-1]
        if lexicon()["pron"].search(self.norm[clause[0]:m.start()]) and prior:
            return [self._stands_for(sent, clause[0])]
        if self.lang == "zh" and self._org_topic(clause, m):
            return []  # "台积电正式进入雙首長時代": the company is the clause's subject
        if in_sentence:  # the subject is left out of later clauses (Chinese) or stands earlier
            return in_sentence[:1] if self.lang == "zh" else in_sentence[-3:]
        # "他是…教授，2012年又与 X 共同创办了 Coursera"; "In 2019 she co-founded X and left Y":
        # a clause without a subject of its own shares the sentence's pronoun
        shared = self.lang == "zh" or re.match(r"\s*(?:and|und|but|aber|then|dann)\b",
                                               self.norm[clause[0]:m.start()]) \
            or lexicon()["infinitive"].search(self.norm, clause[0], m.end())
        if shared and prior and lexicon()["pron"].search(self.norm[sent[0]:m.start()]):
            return [self._referent(prior, sent[0])]  # no person in the sentence: its topic
        if self.lang == "de" and prior and lexicon()["pron"].match(self.norm, m.end() + 1):
            return [self._stands_for(sent, clause[0])]  # "Danach wechselte er zu Ferrari"
        if self.lang == "de":
            return self._in(m.end(), clause[1], "person")[:1]
        return []

    def _only_after(self, org: Entity | None, clause, sent) -> bool:
        """Whether an organization is named only in the clauses after this one."""
        return org is not None \
            and any(o.entity is org for o in self._in(clause[1], sent[1], "org")) \
            and not any(o.entity is org for o in self._in(sent[0], clause[1], "org"))

    def _org_topic(self, clause, m: re.Match[str]) -> bool:
        """An organization opening a Chinese clause before its verb: the clause's subject."""
        orgs = self._in(clause[0], m.start(), "org")
        return bool(orgs) and not self.norm[clause[0]:orgs[0].start].strip()

    def _reported_from(self, sent, clause) -> int:
        """Where the people who may be a clause's left-out subject start in its sentence:
        after the last verb of saying before the clause ("Sam Altman said that X and Y, …,
        were leaving": X and Y, not the speaker). In Chinese a clause after "X表示，" leaves
        out X itself."""
        if self.lang == "zh":
            return sent[0]
        said = [r.end() for r in lexicon()["reported"].finditer(self.norm, sent[0], clause[0])]
        return said[-1] if said else sent[0]

    def _opens_relative(self, sent, clause) -> bool:
        """Whether a relative pronoun opens the clause ("Dohmke, who took over from Nat
        Friedman in 2021, joined …": Friedman is not the subject of "joined"). A German
        article before a noun ('die Firma habe …') is no relative pronoun."""
        rel = lexicon()["relative"].match(self.norm, clause[0])
        return not (self.lang == "zh" or rel is None or clause[0] <= sent[0]
                    or _CAPITAL.match(self.norm, rel.end()))

    def _in_relative(self, sent, person: Mention) -> bool:
        """Whether a person is named inside a relative clause about the person named right
        before it ("Dohmke, who took over from Nat Friedman in 2021, joined …": Friedman is
        not the subject of "joined")."""
        clause = self._clause(sent, person.start)
        return self._opens_relative(sent, clause) and any(
            0 <= clause[0] - p.end <= 3 for p in self._in(sent[0], clause[0], "person"))

    def _relative_subject(self, sent, clause) -> list[Mention]:
        """Who a relative pronoun opening the clause ('der nach …', 'who later …') stands
        for: the last person named in the clause before it, or whom its pronoun stands for.
        A German article before a noun ('die Firma habe …') is no relative pronoun."""
        if not self._opens_relative(sent, clause):
            return []
        before = self._clause(sent, clause[0] - 2)
        named = self._in(before[0], clause[0], "person")
        pron = lexicon()["pron"].search(self.norm, before[0], clause[0])
        referent = named[-1] if named else self._stands_for(sent, pron.start()) if pron else None
        return [referent] if referent is not None else []

    def _agents(self, clause, m: re.Match[str], etype: str) -> list[Mention]:
        """'由 X 与 Y 共同创立' / 'founded by X and Y' / 'gegründet von X': the agents."""
        return self._named_agents(self._agent_span(clause, m)
                                  if etype in ("Founding", "Dismissal") else None)

    def _told_before(self, m: re.Match[str]) -> bool:
        """'about the departure', 'nach dem Weggang': an event noun after an article, whose
        people do not follow it, is one the article told before."""
        return bool(lexicon()["event_article"].search(self.norm[max(0, m.start() - 8):
                                                               m.start() + 1]))

    def _nominal_holders(self, clause, m: re.Match[str]) -> list[Mention]:
        """'the departures of X and Y', 'der Rücktritt von CTO X': the people an event noun
        is of, right after it."""
        after = self._in(m.end(), clause[1], "person")
        if not after:
            return []
        gap = self.norm[m.end():after[0].start]
        gap = self.titles.sub(" ", gap) if self.titles is not None else gap
        if not lexicon()["event_of"].fullmatch(gap):
            return []
        return self._conjoined_forward(after)

    def _co_agents(self, clause, m: re.Match[str]) -> list[Mention]:
        """'与 X 共同创办', 'together with co-founder X': X took part as well."""
        out = []
        for marker in lexicon()["co_agent"].finditer(self.norm, clause[0], clause[1]):
            if self.lang == "zh" and marker.start() < m.start():
                following = self._in(marker.end(), m.start(), "person")
                together = re.match(r"\s*[)）]?\s*(?:共同|一起|联合|一同)",
                                    self.norm[following[-1].end:]) if following else None
                gap = self.masked[marker.end():following[0].start] if following else ""
                described = len(gap) <= 30 and self.titles is not None \
                    and self.titles.search(gap) and not re.search(r"[,，。;；]", gap)
                if following and (len(gap) <= 2 or described) and together:
                    out.append(following[0])  # "与时任Y Combinator总裁的萨姆·奥尔特曼共同创立"
            elif self.lang != "zh" and marker.start() > m.start():
                following = self._in(marker.end(), clause[1], "person")
                if following and following[0].start - marker.end() <= 14:
                    out.append(following[0])
        return out

    def _objects(self, sent, clause, m: re.Match[str]) -> list[Mention]:
        """The people a verb takes as objects: the first after it, and those joined to it
        in the sentence ("hiring X, the former CEO of Y, as CFO and Z … as CPO"), but not
        one replaced ("names X as CEO, replacing Y")."""
        return [p for p in self._object_people(sent, clause, m) if not self._is_replaced(p)]

    def _object_people(self, sent, clause, m: re.Match[str]) -> list[Mention]:
        after = [p for p in self._in(m.end(), sent[1], "person") if p.start - m.end() <= 40]
        if not after:
            return []
        gap = self.masked[m.end():after[0].start].replace("\0", " ")
        gap = self.titles.sub(" ", gap) if self.titles is not None else gap
        if lexicon()["titled_object"].match(gap):  # "hired its chief executive, X"
            return self._conjoined_forward(after[:1] + self._in(after[0].end, sent[1], "person"))
        if after[0].start >= clause[1] or after[0].start - m.end() > 30:
            return []
        if re.search(r"\b(?:as|als|to|zu|for|für|while|after|because|of)\b|[,，]", gap) \
                or len(gap.split()) > 3:  # "names new head of policy as X": X is not the object
            return []
        return self._conjoined_forward(after[:1] + self._in(after[0].end, sent[1], "person"))


def _link_destinations(facts: list[Fact]) -> list[Fact]:
    """'left OpenAI for Anthropic': a Departure and a Joining of one person in one sentence."""
    for dep in facts:
        if dep.type != "Departure":
            continue
        for join in facts:
            if join.type == "Joining" and join.person is dep.person and join.start == dep.start \
                    and join.org is not dep.org:
                dep.destination = join.org
    return facts


def _entries_with_titles(facts: list[Fact]) -> list[Fact]:
    """'吴恩达加入百度，出任首席科学家', 'joined X as CTO': the title comes with the Joining
    (or Founding) told in the same sentence, unless dated otherwise; it is not a change of
    role of its own. Nor is a title taken at a company when the article dates its founding
    then: the founders'."""
    def key(f: Fact) -> tuple:
        return (f.person.iri if f.person else "", f.org.iri if f.org else "", f.start)

    def founded_then(f: Fact) -> bool:  # "Anthropic今年成立。Dario Amodei出任行政總裁"
        return f.date is not None and any(
            e.type == "Founding" and e.org is f.org and e.date is not None
            and (e.date.value.startswith(f.date.value) or f.date.value.startswith(e.date.value))
            for e in facts)

    def entered_then(f: Fact) -> bool:  # "2007年加入阿里巴巴,…,2015年出任CEO": later
        return any(key(e) == key(f) and (e.date is None or f.date is None
                                         or e.date.value == f.date.value)
                   for e in facts if e.type in ("Joining", "Founding"))
    return [f for f in facts if f.type != "RoleChange" or
            not (entered_then(f) or founded_then(f))]
