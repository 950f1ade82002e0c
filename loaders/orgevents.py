"""Events of organizations (formations, dissolutions, releases, lawsuits, fundings) and
the founders of a reported founding."""
from __future__ import annotations

import re

from loaders.facts import Context, Fact, lexicon
from loaders.mentions import Mention
from loaders.products import product_name

FOUNDER_ROLES = {"founder", "co-founder"}
# RoleChanges whose role no title states: no role is inferred from them
UNTITLED = {"event-replacing", "event-team-taken"}
# an English verb of forming with its object after it: active ("OpenAI created ChatGPT",
# "formed a new team"), its subject the maker, not what was formed
_ACTIVE_OBJECT = re.compile(r"\s+(?:a|an|the|its|their|his|her|[A-Z])\b|\s+[A-Z]")
_POSSESSIVE = re.compile(r"['’]s\b")



class OrganizationEventRules(Context):
    """Needs `_founded` (organization IRI -> date of its reported founding), set by EventRules."""

    def event_roles(self, events: list[Fact], roles: list[Fact]) -> list[Fact]:
        """The roles events give: who founded an organization holds the founder title,
        co-founder when the text says they did it with others ("共同创立", "co-founded",
        "with two students") or calls anyone else a co-founder of it; who took over a title
        ("took over as interim CEO", "将转任首席科学家") holds it; one who replaced someone
        ("用 X 替代了他") is not said to hold a title."""
        shared = {r.org.iri for r in roles if r.role == "co-founder" and r.org is not None}
        out = []
        for e in events:
            if e.person is None or e.org is None:
                continue
            if e.type == "Founding":
                together = e.org.iri in shared or self._together(e.start, e.end) or len(
                    {f.person.iri for f in events if f.type == "Founding" and f.org is e.org
                     and f.start == e.start and f.person is not None}) > 1
                out.append(Fact("role", e.start, e.end, "role-from-founding", person=e.person,
                                org=e.org, role="co-founder" if together else "founder"))
            elif e.type == "RoleChange" and e.role and e.rule not in UNTITLED:
                out.append(Fact("role", e.start, e.end, "role-from-rolechange", person=e.person,
                                org=e.org, role=e.role, at=e.at))
        return out

    def _together(self, start: int, end: int) -> bool:
        """Words of founding with others in a sentence, outside its titles ("继美团联合创始人
        王慧文创办光年之外后": 联合 is of the title, not of the founding)."""
        titles = [t.span() for t in self.titles.finditer(self.masked, start, end)] \
            if self.titles is not None else []
        return any(not any(a <= w.start() < b for a, b in titles)
                   for w in lexicon()["co_founding"].finditer(self.norm, start, end))

    def _formed_by(self, sent, clause, m, date) -> list[Fact]:
        """A formation with people as its agents ('由 X 等人成立', 'formed by X') is their
        Founding of the organization named before the agents' marker."""
        span = self._agent_span(clause, m)
        people = self._named_agents(span)
        if not people or self._in(span[1], people[0].start, "org"):
            return []  # "由 Google 与 X 成立": an organization is among the agents
        topic = self._in(clause[0], min(span[0], m.start()), "org")[-1:] or \
            self._in(sent[0], min(span[0], m.start()), "org")[:1]
        if not topic:
            return []
        self._founded.setdefault(topic[0].entity.iri, date)
        return [Fact("event", sent[0], sent[1], "event-agent-founding", person=p.entity,
                     org=topic[0].entity, type="Founding", date=date)
                for p in people]

    def _founders(self, roles: list[Fact]) -> list[Fact]:
        """When the article reports the founding of X, each person it calls a founder or
        co-founder of X took part in that Founding (with its date)."""
        out = []
        for r in roles:
            if r.role in FOUNDER_ROLES and r.org is not None and r.org.iri in self._founded:
                out.append(Fact("event", r.start, r.end, "event-founder-title", person=r.person,
                                org=r.org, type="Founding", date=self._founded[r.org.iri]))
        return out

    def _forming_people(self, sent, clause, m, org: Mention) -> list[Mention]:
        """"王小川宣布成立人工智能公司百川智能", "Musk set up xAI": the people who are the
        subject of a company's forming, with no organization between them and the verb."""
        if org.start < m.end() or _POSSESSIVE.match(self.norm, org.end) or (
                self.lang == "en" and not _ACTIVE_OBJECT.match(self.norm, m.end())):
            return []  # not "co-created Facebook's Libra project", "the newly created post"
        people = self._subjects(sent, clause, m)
        if not people or self._in(max(clause[0], people[-1].end), m.start(), "org"):
            return []
        return people

    def _org_event(self, sent, clause, m, etype, date) -> list[Fact]:
        if etype == "Formation":  # "X则是2011年由迪恩等人在Google内部成立": X's founders
            founders = self._formed_by(sent, clause, m, date)
            if founders:
                return founders
        before = self._in(clause[0], m.start(), "org") or self._in(sent[0], m.start(), "org")
        after = self._in(m.end(), clause[1], "org")
        if etype == "Funding":  # "由Coatue领投", "unter Führung von a16z": investors, not the
            marks = lexicon()["investor_mark"]  # company raising money
            after = [o for o in after if not self._affiliation(o)
                     and not marks.search(self.norm[max(m.end(), o.start - 16):o.start])]
        funded = [o for o in self._in(m.end(), sent[1], "org") if o.start - m.end() <= 48
                   and lexicon()["funded_mark"].search(
                       self.norm[max(m.end(), o.start - 24):o.start])]
        if etype == "Funding" and not funded:  # not "the company invested $14bn in Scale AI"
            meant = lexicon()["company_anywhere"].search(self.norm, sent[0], m.start()) or \
                lexicon()["company_after"].match(self.norm, m.end())  # "sammelte das Unternehmen"
            company = self._company_meant(m.start()) if meant and not before else None
            if company is not None:  # "bekam das Unternehmen eine Finanzierung"
                return [Fact("event", sent[0], sent[1], "event-trigger-funding", org=company,
                             type=etype, date=date)]
        right_after = after and re.fullmatch(r"\s*(?:的|了|der|des|the|of)?\s*",
                                             self.norm[m.end():after[0].start])
        if etype == "Funding" and funded:  # "agreed to invest $14bn in Scale AI"
            org = funded[0]
        elif etype == "Funding" and re.match(r"invest", m.group(0), re.I):
            return []  # "invest" alone names no one who raised money
        else:
            if etype == "Formation" and (self.lang == "en" and _ACTIVE_OBJECT.match(
                    self.norm, m.end()) or self.norm.startswith("的", m.end())):
                before = []  # "the company that created ChatGPT", "领导新成立的超级智慧实验室":
                # what it formed follows
            org = (after[0] if (etype == "Formation" or right_after) and after else
                   before[-1] if before else after[0] if after else None)
        if etype == "Release" and org is not None and org.entity.kind != "org":
            return []
        if etype == "Formation" and org is not None and org.entity.kind != "team" \
                and not lexicon()["unit"].search(org.entity.name) \
                and not lexicon()["unit"].search(self.norm, m.end(), max(m.end(), org.start)):
            known = self._founded.get(org.entity.iri)  # "Anthropic今年成立": when it was founded
            if date is not None and (known is None or date.precision > known.precision):
                self._founded[org.entity.iri] = date
            # no organization event for a company, but its founders' ("X宣布成立公司Y"); a
            # unit ("成立新单位「Google DeepMind」", "a new division, X") goes on below
            return [Fact("event", sent[0], sent[1], "event-subject-formation", person=p.entity,
                         org=org.entity, type="Founding", date=date)
                    for p in self._forming_people(sent, clause, m, org)]
        if org is None or (org.start > m.start()
                           and lexicon()["purpose"].match(self.norm, org.end)):
            return []  # "成立超级对齐团队的全部意义在于…": the point of it, not its report
        if etype == "Dissolution" and org.end <= m.start() and \
                self._in(max(org.end, clause[0]), m.start(), "person"):
            return []  # "hatte DeepL Steve Rotter … eingestellt": a person hired, not closed
        product = None
        if etype == "Release":
            product = product_name(self.norm, self.lang, clause, m.start(), m.end(), self._taken)
            if product is None:
                return []
        plaintiff = self._in(clause[0], m.start(), "person") if etype == "Lawsuit" else []
        return [Fact("event", sent[0], sent[1], f"event-trigger-{etype.lower()}",
                     person=plaintiff[-1].entity if plaintiff else None, org=o.entity,
                     type=etype, date=date, product=product)
                for o in self._joined(org, clause[1])]

    def _taken(self, start: int, end: int) -> bool:
        """Whether a span overlaps a mention or a date (no product's name)."""
        return any(x.start < end and start < x.end for x in (*self.mentions, *self.dates))

    def _joined(self, org: Mention, end: int) -> list[Mention]:
        """The organization and those joined to it by and/und/和 before `end` ("sued OpenAI
        and Microsoft"): the event is each one's."""
        out = [org]
        for o in self._in(org.end, end, "org"):
            if o.entity.kind != org.entity.kind or \
                    not lexicon()["orgs_joined"].fullmatch(self.norm, out[-1].end, o.start):
                break
            out.append(o)
        return out

