"""Events: departures, joinings, dismissals, foundings... with person, organization and date."""
from __future__ import annotations

import re
from dataclasses import replace

from loaders.dates import DateMention
from loaders.eventdates import EventDates
from loaders.eventorgs import EXPLICIT_ORG, EventOrgs, posts_given
from loaders.eventpeople import EventPeople
from loaders.facts import Fact, lexicon
from loaders.lexicon import needs_title
from loaders.mentions import Mention
from loaders.orgevents import FOUNDER_ROLES, OrganizationEventRules
from loaders.registry import Entity
from loaders.rolechanges import RoleChangeRules

REPORTED = "statement-reported-speech"  # words told, not quoted: the narration's events
PERSON_EVENTS = {"Departure", "Dismissal", "Joining", "Founding", "RoleChange", "Leave", "Return"}
# events that begin a state: dated by a "since" told before them ("自6月起重新兼任执行长")
BEGINNINGS = {"RoleChange", "Return", "Joining"}
_ASKED = re.compile(r"[?？]\s*[」”\"]?\s*$")  # a sentence ending in a question mark
_CLAUSE_MARK = re.compile(r"[,，;；]")


class EventRules(RoleChangeRules, OrganizationEventRules, EventDates, EventOrgs, EventPeople):
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
            adverbs = [w.span() for w in self.hits(lexicon()["adverbs_zh"], sent)]
            hits = [h for h in hits if not any(a < h[0].start() < b for a, b in adverbs)]
            # "直接管理": no 接管
            for m, mode in sorted(hits, key=lambda h: h[0].start()):
                table = self.terms["object" if mode == "object" else "triggers"]
                for etype in table.lookup_all(self.lang, m):
                    found = self._event(sent, m, mode, roles, etype)
                    self._dated += [f.date for f in found if f.date is not None]
                    facts += found
        return _link_destinations(_entries_with_titles(self._headline_twins(_insiders(
            self._by_release(self._refine_years(
                facts + self._founders(roles) + self._becoming(roles, facts))), roles))))

    def _hedged(self, start: int, end: int, sentence: int, etype: str) -> bool:
        """A hedge between `start` and the trigger at `end`; not "would" after a verb of
        saying (the future told in the past), nor a plan to leave (announced)."""
        lex = lexicon()
        return any(not (lex["backshifted"].fullmatch(h[0])
                        and lex["saying"].search(self.norm, sentence, h.start()))
                   and not (etype == "Departure" and lex["plans"].fullmatch(h[0]))
                   for h in lex["hedge"].finditer(self.norm, start, end))

    def _event(self, sent, m: re.Match[str], mode: str, roles: list[Fact],
               etype: str) -> list[Fact]:
        clause = self._clause(sent, m.start())
        if mode == "object" and lexicon()["passive"].search(self.norm, max(clause[0],
                                                                        m.start() - 15), m.start()):
            mode = "subject"  # 被董事会罢免 / was ousted by: the person is the subject
        if _ASKED.search(self.norm, clause[0], sent[1]) \
                and not _CLAUSE_MARK.search(self.norm, clause[1], sent[1]):
            return []  # the asked clause reports nothing: "…还是已经离开了 OpenAI？"
        scope = self._clause(sent, max(sent[0], clause[0] - 1))[0]  # this clause and the last
        if self._hedged(scope, m.start(), sent[0], etype) or \
                lexicon()["hope"].search(self.norm, sent[0], m.start()) or \
                lexicon()["neg"].search(self.norm[clause[0]:m.start()][-6:]):
            return []
        cancel = lexicon()["not_after"].get(etype)
        if cancel is not None and cancel.match(self.masked, m.end(), sent[1]):
            return []  # "return to his previous role", "started his career at" (names NUL)
        cancel = lexicon()["not_before"].get(etype)
        if cancel is not None and cancel.search(self.norm, max(sent[0], m.start() - 20),
                                                m.start()):
            return []  # "during Jobs's medical leaves"
        date = self._date(sent, m.start(), begins=etype in BEGINNINGS)
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
            people = people + [p for p in self._co_agents(clause, m, etype)
                               if p.entity.iri not in seen]
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
            elif etype == "Departure" and self._others_post(org, sent, people, roles):
                org = None  # "Y, the CEO of Z, …, replacing X, who is stepping down": not Z
        if mode == "object" and quoted is None:  # "OpenAI hires X": X joins OpenAI
            org = self._hirer(sent, clause, m) or self._post_taken(sent, m, people, roles) \
                or org
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
        if org is None and etype == "Founding":  # not "我正在创办一家新公司"
            return [] if lexicon()["new_company"].search(self.norm, clause[0], clause[1]) \
                else self._titled_foundings(sent, people, mode, date, roles)
        origin = self._origin(clause, m) if etype == "Joining" else None
        if org is None and origin is not None:  # "X joins from Microsoft": the article's
            org = self.main_org  # company
        if org is None and etype in EXPLICIT_ORG:
            return []
        out = []
        earlier = org is None and lexicon()["former_employer"].search(self.norm, *clause)
        told = "relative" if etype in ("Joining", "Departure") and mode == "subject" \
            and self._opens_relative(sent, clause) else mode  # "X, who will join Y, …"
        for person in people:
            if earlier:  # "haben ihre bisherigen Arbeitgeber verlassen", "重返老东家"
                target = self._role_org(person.entity, [r for r in roles if r.former])
            else:
                held = self._still_held([r for r in roles if r.person is person.entity],
                                        sent, m, etype)
                target = org or (self._named_last(held, sent[0]) if etype == "Departure"
                                 else None) or self._role_org(person.entity, held) \
                    or self.main_org
            if etype != "Founding":  # one founds a lab; one joins or leaves its company
                target = self._company(target)
            if target is None:
                continue
            post = self._inside_post(person.entity, target, sent, roles) \
                if mode == "object" and etype == "Joining" else None
            if post is not None:  # "named X, head of its international operations, as CEO"
                out.append(Fact("event", sent[0], sent[1], "event-object-insider",
                                person=person.entity, org=target, type="RoleChange", role=post,
                                date=date))
                continue
            out.append(Fact("event", sent[0], sent[1], f"event-{told}-{etype.lower()}",
                            person=person.entity, org=target, type=etype, date=date))
            if origin is not None and origin is not target:
                out.append(Fact("event", sent[0], sent[1], "event-move-origin",
                                person=person.entity, org=self._company(origin),
                                type="Departure", date=date))
        return out

    def _named_last(self, held: list[Fact], pos: int) -> Entity | None:
        """Of the organizations of posts held, the one the paragraph names last before `pos`
        ("… later served on the board of RTX. He retired in 2021": RTX)."""
        named = {o.entity.iri: o.start for o in self._in(self.paragraph_start(pos), pos, "org")}
        near = [r for r in held if r.org is not None and r.org.kind == "org"
                and r.org.iri in named]
        return max(near, key=lambda r: named[r.org.iri]).org if near else None

    def _inside_post(self, person: Entity, org: Entity, sent, roles: list[Fact]) -> str | None:
        """One a company names (hires, picks) who works there already, as the sentence says
        beside the name ("named Maziar Mike Doustdar, head of its international operations,
        as the new chief executive", "names CEO Satya Nadella as chairman"): no Joining, a
        RoleChange to the other title."""
        if not any(r.rule in ("role-apposition", "role-title-before-name")
                   and r.start == sent[0] and r.person is person
                   and r.org is org and not r.former for r in roles):
            return None
        return _post_told(roles, sent[0], person, org)

    def _titled_foundings(self, sent, people: list[Mention], mode: str, date,
                          roles: list[Fact]) -> list[Fact]:
        """A founding that names no organization ('warum sie sich entschieden, ein
        Unternehmen zu gründen') is of the one the article calls its founders founders of."""
        titled = [r for r in roles if r.role in FOUNDER_ROLES]
        return [Fact("event", sent[0], sent[1], f"event-{mode}-founding", person=p.entity,
                     org=org, type="Founding", date=date)
                for p in people if (org := self._role_org(p.entity, titled)) is not None]

    def _still_held(self, roles: list[Fact], sent, m: re.Match[str], etype: str) -> list[Fact]:
        """The roles not left before the event at `m`: not former ones, and for a departure
        not one at an organization the sentence names only after a verb of joining that
        follows it ("who stepped down last month to join the board of Arm"), nor one a later
        sentence gives there ("X verlässt das Unternehmen. X wechselt als Chef zu Y") or
        says is kept ("Er bleibt Aufsichtsratschef von Y")."""
        def joined_after(r: Fact) -> bool:
            if r.start < sent[0]:
                return False
            start = m.end() if r.start == sent[0] else r.start
            named = [o for o in self._in(r.start, r.end, "org") if o.entity is r.org]
            return bool(named) and all(o.start > start and self._trigger_between(
                start, o.start, "Joining") for o in named)
        def kept(r: Fact) -> bool:  # "X sagte zum Abschied. Er bleibt Chef von Y": not Y
            return r.start > sent[0] and 0 <= r.title_at - r.start <= 200 and lexicon()[
                "holding_now"].search(self.norm, r.start, r.title_at) is not None
        return [r for r in roles if not r.former
                and not (etype == "Departure" and (joined_after(r) or kept(r)))]

    def _inverted(self, end: int, start: int) -> bool:
        """Only a passive auxiliary between a participle and a name ("Gegründet wurde
        Mistral AI"): the name is the participle's subject."""
        return bool(lexicon()["passive"].fullmatch(self.norm[end:start].strip()))

    def _only_after(self, org: Entity | None, clause, sent) -> bool:
        """Whether an organization is named only in the clauses after this one."""
        return org is not None \
            and any(o.entity is org for o in self._in(clause[1], sent[1], "org")) \
            and not any(o.entity is org for o in self._in(sent[0], clause[1], "org"))



def _link_destinations(facts: list[Fact]) -> list[Fact]:
    """'left OpenAI for Anthropic': a Departure and a Joining of one person in one sentence;
    not one told aside in a relative clause, the other not ("X, who will join Y, left Z in
    2021 to …")."""
    for dep in facts:
        if dep.type != "Departure":
            continue
        for join in facts:
            if join.type == "Joining" and join.person is dep.person and join.start == dep.start \
                    and join.org is not dep.org and _aside(join) == _aside(dep):
                dep.destination = join.org
    return facts


def _aside(event: Fact) -> bool:
    return event.rule.startswith("event-relative-")


def _entries_with_titles(facts: list[Fact]) -> list[Fact]:
    """'吴恩达加入百度，出任首席科学家', 'joined X as CTO': the title comes with the Joining
    (or Founding) told in the same sentence, unless dated otherwise (or not dated beside a
    dated entry); it is not a change of role of its own. Nor is a title taken at a company
    when the article dates its founding then: the founders'."""
    def key(f: Fact) -> tuple:
        return (f.person.iri if f.person else "", f.org.iri if f.org else "", f.start)

    def founded_then(f: Fact) -> bool:  # "Anthropic今年成立。Dario Amodei出任行政總裁"
        return f.date is not None and any(
            e.type == "Founding" and e.org is f.org and e.date is not None
            and (e.date.value.startswith(f.date.value) or f.date.value.startswith(e.date.value))
            for e in facts)

    def entered_then(f: Fact) -> bool:  # "2007年加入阿里巴巴,…,2015年出任CEO": later;
        # "X, who joined Y in 1997, will succeed him": a change not dated then
        return any(key(e) == key(f) and (e.date is None or f.date is not None
                                         and e.date.value == f.date.value)
                   for e in facts if e.type in ("Joining", "Founding"))
    return [f for f in facts if f.type != "RoleChange" or
            not (entered_then(f) or founded_then(f))]


def _post_told(roles: list[Fact], start: int, person: Entity, org: Entity) -> str | None:
    """The post the sentence at `start` gives a person at an organization."""
    return next((r.role for r in posts_given(roles, start, person) if r.org is org and r.role),
                None)


def _insiders(facts: list[Fact], roles: list[Fact]) -> list[Fact]:
    """One a company names (hires, picks) who, another sentence says, joined it before
    ("named Mary Barra as its next chief executive … GM, which she joined in 1980") is
    moved to the post the naming sentence gives, not hired; with no post told, nothing."""
    def joined_before(f: Fact) -> bool:
        return any(e.type == "Joining" and e.start != f.start and e.person is f.person
                   and e.org is f.org and e.date is not None
                   and e.date.value < f.date.value and not f.date.value.startswith(e.date.value)
                   for e in facts)

    out = []
    for f in facts:
        if f.rule == "event-object-joining" and f.date is not None and joined_before(f):
            post = _post_told(roles, f.start, f.person, f.org)
            if post is not None:
                out.append(replace(f, type="RoleChange", role=post, rule="event-object-insider"))
            continue
        out.append(f)
    return out
