"""Roles, events and statements from one cleaned article, each with its evidence span
(cleaned offsets; `rdf.py` maps them to the original) and the id of the rule that found it.

Rules read the lexicons (ontology triggers and titles, extract.toml) and the mentions;
nothing about a particular article or event is written here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.dates import DateMention
from loaders.lexicon import needs_title, ontology_terms, toml
from loaders.mentions import Mention
from loaders.registry import Entity

# A joining, founding or return names where; a departure may leave it implicit (the
# person's organization, or the article's).
EXPLICIT_ORG = {"Joining", "Founding", "Return"}
FOUNDER_ROLES = {"founder", "co-founder"}
PERSON_EVENTS = {"Departure", "Dismissal", "Joining", "Founding", "RoleChange", "Leave", "Return"}
_SENTENCE = re.compile(r"[。！？!?；;]+[」”’\"]*|\n+|(?<=[.!?])[\"”“]?\s+(?=[A-Z„\"“])")
_CLAUSE = re.compile(r"[,，:：;；]|\s[-–—]\s")


@dataclass
class Fact:
    kind: str  # role | event | statement
    start: int  # evidence span in the cleaned text
    end: int
    rule: str
    person: Entity | None = None
    org: Entity | None = None
    role: str | None = None
    former: bool = False
    type: str | None = None
    date: DateMention | None = None
    destination: Entity | None = None
    product: str | None = None
    quote: tuple[int, int] | None = None
    via: Entity | None = None
    at: int = -1  # where the fact's person is named


@cache
def _lex() -> dict:
    data = toml("extract")
    def any_of(items):
        return re.compile("|".join(f"(?:{p})" for p in items))
    return {"hedge": any_of(data["hedges"]), "neg": any_of(data["negations"]),
            "former": re.compile(f"(?:{'|'.join(data['former'])})\\s*$", re.IGNORECASE),
            "conn": re.compile(data["connectors"], re.IGNORECASE),
            "org_gap": re.compile(data["org_title_gap"]),
            "prep": re.compile(data["title_org_prep"] + r"[^,，。]{0,25}?$", re.IGNORECASE),
            "appo": re.compile(data["apposition_gap"], re.IGNORECASE),
            "name_gap": re.compile(data["title_name_gap"]),
            "copula": re.compile(f"(?:{'|'.join(data['copulas'])})\\s*$"),
            "as": re.compile(f"(?:{'|'.join(data['as_markers'])})"),
            "team": set(data["team_roles"]),
            "reported": any_of(data["reported_speech"]), "post": any_of(data["post_words"]),
            "first": any_of(data["first_person"]),
            "unit": re.compile("|".join(f"(?:{p})" for p in data["unit_words"]), re.IGNORECASE),
            "i": any_of(data["first_person_subject"]),
            "passive": any_of(data["passive"]),
            "enum": any_of(data["enumeration"]),
            "pron": any_of(data["pronouns"]), "quotes": data["quotes"],
            "not_products": data["not_products"]}


def sentences(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in _SENTENCE.finditer(text):
        if m.end() > last and text[last:m.end()].strip():
            spans.append((last, m.end()))
        last = m.end()
    if text[last:].strip():
        spans.append((last, len(text)))
    return spans


class Extractor:
    def __init__(self, norm: str, lang: str, mentions: list[Mention],
                 dates: list[DateMention]) -> None:
        self.norm, self.lang = norm, lang
        self.mentions, self.dates = mentions, dates
        terms = ontology_terms()
        self.titles = terms["roles"].pattern(lang)
        self.triggers = terms["triggers"].pattern(lang)
        self.objects = terms["object"].pattern(lang)
        self.speech = terms["speech"].pattern(lang)
        self.terms = terms
        counts: dict[str, int] = {}
        for m in mentions:
            if m.entity.kind == "org":
                counts[m.entity.iri] = counts.get(m.entity.iri, 0) + 1
        self.by_iri = {m.entity.iri: m.entity for m in mentions}
        self.main_org = self.by_iri[max(counts, key=lambda k: counts[k])] if counts else None
        masked = list(norm)
        for m in mentions:
            masked[m.start:m.end] = "\0" * (m.end - m.start)
        self.masked = "".join(masked)

    @staticmethod
    def reg_entity(iri: str) -> Entity | None:
        from loaders.registry import registry
        return registry().entities.get(iri)

    # ------------------------------------------------------------------ helpers
    def _in(self, start: int, end: int, kind: str | None = None) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end
                and (kind is None or (m.entity.is_person if kind == "person"
                                      else m.entity.is_org and m.entity.kind != "outlet"))]

    def _clause(self, sent: tuple[int, int], pos: int) -> tuple[int, int]:
        start, end = sent
        for m in _CLAUSE.finditer(self.norm, sent[0], sent[1]):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return start, end

    def _gap(self, a: int, b: int) -> str:
        return self.norm[a:b] if b >= a else "\0"

    # ------------------------------------------------------------------ roles
    def roles(self) -> list[Fact]:
        if self.titles is None:
            return []
        facts: list[Fact] = []
        for sent in sentences(self.norm):
            chains: list[list[re.Match[str]]] = []
            for t in self.titles.finditer(self.masked, *sent):
                # "联合创始人、特斯拉和SpaceX首席执行官 X": organizations between titles do not
                # break the chain; each title keeps the organizations written before it.
                gap = self._gap(chains[-1][-1].end(), t.start()).replace("\0", "") if chains \
                    else "\0"
                if chains and _lex()["conn"].match(gap):
                    chains[-1].append(t)
                else:
                    chains.append([t])
            for chain in chains:
                facts += self._chain_roles(sent, chain)
        return facts

    def _chain_roles(self, sent: tuple[int, int], chain: list[re.Match[str]]) -> list[Fact]:
        lex = _lex()
        first, last = chain[0], chain[-1]
        org_run = self._org_run_before(first.start(), sent)
        anchor = org_run[0].start if org_run else first.start()
        org = org_run[-1].entity if org_run else None
        found = self._holder(sent, first, last, anchor)
        if found is None:
            return []
        people, rule, org_override = found
        org = org_override or org or self._org_after(last.end(), sent) \
            or self._nearest_org(sent, first.start())
        former = bool(lex["former"].search(self.norm[max(sent[0], anchor - 8):anchor]))
        out = []
        for t in chain:
            key = self.terms["roles"].lookup(self.lang, t.group(0))
            own = self._org_run_before(t.start(), sent) if t is not first else org_run
            for target in ([o.entity for o in own] if own else [org]):
                if key and target is not None and target.kind == "team" \
                        and key not in lex["team"] and target.unit_of:
                    target = self.by_iri.get(target.unit_of) or self.reg_entity(target.unit_of)
                for person in people:
                    if key:
                        out.append(Fact("role", sent[0], sent[1], rule, person=person.entity,
                                        org=target, role=key, former=former, at=person.start))
        return out

    def _holder(self, sent, first, last, anchor):
        """Who holds the titles of a chain: (people, rule id, organization if the rule says)."""
        lex = _lex()
        people = self._in(*sent, kind="person")
        after = [p for p in people if p.start >= last.end()]
        if after and lex["name_gap"].match(self._gap(last.end(), after[0].start)):
            return [after[0]], "role-title-before-name", None
        verb_org = self._in(last.end(), sent[1], "org")
        if after and verb_org and verb_org[0].start - last.end() <= 4 \
                and verb_org[0].end <= after[0].start \
                and lex["name_gap"].match(self._gap(verb_org[0].end, after[0].start)):
            return [after[0]], "role-title-org-name", verb_org[0].entity
        before = [p for p in people if p.end <= anchor]
        if before and lex["appo"].match(self._gap(before[-1].end, anchor)):
            return [before[-1]], "role-apposition", None
        cop = lex["copula"].search(self.norm, max(sent[0], anchor - 12), anchor)
        if cop and before and 0 <= cop.start() - before[-1].end <= 8 \
                and not re.search(r"[,，。;；]", self._gap(before[-1].end, cop.start())):
            return self._conjoined(before), "role-copula", None
        as_mark = lex["as"].search(self.norm, max(sent[0], anchor - 6), anchor)
        if as_mark and after and after[0].start - last.end() <= 16:
            return [after[0]], "role-as-title", None
        enum = lex["enum"].search(self.norm, last.end(), min(sent[1], last.end() + 24))
        if enum:
            listed = [p for p in after if p.start >= enum.end() and not self.titles.search(
                self.masked, max(enum.end(), p.start - 8), p.start)]
            if listed:
                return listed[:10], "role-title-list", None
        if verb_org and verb_org[0].start - last.end() <= 3:
            clause = self._clause(sent, first.start())
            cands = [p for p in before if p.start >= clause[0]
                     and len(self._gap(p.end, first.start())) <= 12]
            if cands:
                return [cands[-1]], "role-verb", verb_org[0].entity
        return None

    def _conjoined(self, people: list[Mention]) -> list[Mention]:
        """The last person and those joined to it by 和/und/and/、, titles aside:
        'Ilya 与 Jan 是 ...', 'CEO Sam Altman 和总裁 Greg Brockman 官复原职'."""
        chosen = [people[-1]]
        for p in reversed(people[:-1]):
            gap = self._gap(p.end, chosen[-1].start)
            if self.titles is not None:
                gap = self.titles.sub("", gap)
            if _lex()["conn"].match(gap):
                chosen.append(p)
            else:
                break
        return chosen

    def _org_run_before(self, pos: int, sent: tuple[int, int]) -> list[Mention]:
        """The organizations written just before a title: 'OpenAI 超级对齐团队的' (a unit of
        its company: the nearest holds the role), '特斯拉和SpaceX' (both hold it)."""
        run: list[Mention] = []
        for m in reversed(self._in(sent[0], pos, "org")):
            edge = run[0].start if run else pos
            gap = self._gap(m.end, edge)
            joined = run and re.fullmatch(r"\s*(?:和|与|及|、|und|and|&|/)\s*", gap)
            if not (_lex()["org_gap"].match(gap) or joined):
                break
            run.insert(0, m)
        if len(run) > 1 and all(_lex()["org_gap"].match(self._gap(a.end, b.start))
                                for a, b in zip(run, run[1:], strict=False)):
            return run[-1:]  # "OpenAI 超级对齐团队": the unit, not its company too
        return run

    def _org_before(self, pos: int, sent: tuple[int, int]) -> Entity | None:
        orgs = [m for m in self._in(sent[0], pos, "org") if _lex()["org_gap"].match(
            self._gap(m.end, pos))]
        return orgs[-1].entity if orgs else None

    def _org_after(self, pos: int, sent: tuple[int, int], tight: bool = False) -> Entity | None:
        for m in self._in(pos, sent[1], "org"):
            gap = self._gap(pos, m.start)
            if tight and re.fullmatch(r"\s*(?:着|了|the|das|den|die|der)?\s*", gap, re.I):
                return m.entity
            if not tight and _lex()["prep"].search(gap) and not self._in(pos, m.start, "person"):
                return m.entity
        return None

    def _nearest_org(self, sent: tuple[int, int], pos: int) -> Entity | None:
        """No organization beside the title: the first company of the paragraph before it
        (the topic, as in 'Anthropic今年成立。Dario Amodei出任行政總裁'; 'OpenAI hires X as
        CFO'), else the article's."""
        para = self.norm.rfind("\n", 0, sent[0] + 1) + 1
        orgs = [m for m in self._in(para, pos, "org") if m.entity.kind == "org"]
        return orgs[0].entity if orgs else self.main_org

    # ------------------------------------------------------------------ events
    def events(self, roles: list[Fact], said: list[Fact] | None = None) -> list[Fact]:
        """Events; one told inside a quote counts only in the first person, as the speaker's."""
        if self.triggers is None:
            return []
        self._said = [(f.quote[0], f.quote[1], f.person) for f in said or [] if f.quote]
        self._founded: dict[str, DateMention | None] = {}
        facts: list[Fact] = []
        for sent in sentences(self.norm):
            hits = [(m, "subject") for m in self.triggers.finditer(self.masked, *sent)]
            if self.objects is not None:
                hits += [(m, "object") for m in self.objects.finditer(self.masked, *sent)]
            hits = [h for h in hits if not any(
                o is not h and o[0].start() <= h[0].start() and h[0].end() <= o[0].end()
                and o[0].end() - o[0].start() > h[0].end() - h[0].start() for o in hits)]
            titles = [t.span() for t in self.titles.finditer(self.masked, *sent)] \
                if self.titles is not None else []
            # "创办" inside "联合创办人", "Gründer" inside "Mitgründer": a title, not an event
            hits = [h for h in hits if not any(a < h[0].end() and h[0].start() < b
                                               and b - a > h[0].end() - h[0].start()
                                               for a, b in titles)]
            for m, mode in sorted(hits, key=lambda h: h[0].start()):
                facts += self._event(sent, m, mode, roles)
        return _link_destinations(facts + self._founders(roles))

    def _founders(self, roles: list[Fact]) -> list[Fact]:
        """When the article reports the founding of X, each person it calls a founder or
        co-founder of X took part in that Founding (with its date)."""
        out = []
        for r in roles:
            if r.role in FOUNDER_ROLES and r.org is not None and r.org.iri in self._founded:
                out.append(Fact("event", r.start, r.end, "event-founder-title", person=r.person,
                                org=r.org, type="Founding", date=self._founded[r.org.iri]))
        return out

    def _event(self, sent, m: re.Match[str], mode: str, roles: list[Fact]) -> list[Fact]:
        etype = self.terms["object" if mode == "object" else "triggers"].lookup(self.lang,
                                                                                 m.group(0))
        if etype is None:
            return []
        clause = self._clause(sent, m.start())
        if mode == "object" and _lex()["passive"].search(self.norm, max(clause[0],
                                                                        m.start() - 15), m.start()):
            mode = "subject"  # 被董事会罢免 / was ousted by: the person is the subject
        if _lex()["hedge"].search(self.norm[sent[0]:m.start()]) or \
                _lex()["neg"].search(self.norm[clause[0]:m.start()][-6:]):
            return []
        date = self._date(sent, m.start())
        if etype not in PERSON_EVENTS:
            return self._org_event(sent, clause, m, etype, date)
        if etype in needs_title():
            return self._role_change(sent, clause, m, etype, date, roles)
        quoted = next(((qs, qe, who) for qs, qe, who in self._said if qs <= m.start() < qe), None)
        if quoted is not None:
            inner = (max(clause[0], quoted[0]), m.start())
            if not _lex()["i"].search(self.norm, *inner) or not quoted[2].is_person:
                return []
            people = [Mention(m.start(), m.start(), quoted[2], "speaker")]
        else:
            people = self._objects(clause, m) if mode == "object" \
                else self._subjects(sent, clause, m)
        org = self._event_org(clause, m, etype) or self._event_org(sent, m, etype)
        if mode == "object" and quoted is None:
            subject = self._in(clause[0], m.start(), "org") or self._in(sent[0], m.start(), "org")
            org = subject[-1].entity if subject else org  # "OpenAI hires X": X joins OpenAI
        if etype == "Founding":
            near = sorted((o for o in self._in(clause[0], clause[1], "org")
                           if 0 <= o.start - m.end() <= 6 or 0 <= m.start() - o.end <= 12),
                          key=lambda o: o.start < m.start())  # the object first
            if near:  # "创办 X", "founded X", "X wurde ... gegründet": the founding of X
                self._founded.setdefault(near[0].entity.iri, date)
        if org is None and etype in EXPLICIT_ORG:
            return []
        out = []
        for person in people:
            target = self._company(org or self._role_org(person.entity, roles) or self.main_org)
            if target is None:
                continue
            out.append(Fact("event", sent[0], sent[1], f"event-{mode}-{etype.lower()}",
                            person=person.entity, org=target, type=etype, date=date))
        return out

    def _company(self, org: Entity | None) -> Entity | None:
        """People join and leave companies: a team's event goes to its parent organization."""
        if org is not None and org.kind == "team" and org.unit_of:
            return self.by_iri.get(org.unit_of) or self.reg_entity(org.unit_of) or org
        return org

    def _subjects(self, sent, clause, m: re.Match[str]) -> list[Mention]:
        people = self._in(clause[0], m.start(), "person")
        if people:
            return self._conjoined(people)
        prior = [p for p in self.mentions if p.end <= clause[0] and p.entity.is_person]
        in_sentence = [p for p in prior if p.start >= sent[0]]
        if _lex()["pron"].search(self.norm[clause[0]:m.start()]) and prior:
            return [prior[-1]]  # he/she/他/er: the person named last
        if in_sentence:  # the subject is left out of later clauses (Chinese) or stands earlier
            return in_sentence[:1] if self.lang == "zh" else in_sentence[-3:]
        if self.lang == "de":
            return self._in(m.end(), clause[1], "person")[:1]
        return []

    def _objects(self, clause, m: re.Match[str]) -> list[Mention]:
        after = [p for p in self._in(m.end(), clause[1], "person") if p.start - m.end() <= 30]
        return self._conjoined_forward(after) if after else []

    def _conjoined_forward(self, people: list[Mention]) -> list[Mention]:
        """The first person and those joined after it: 'hires Sarah Friar ... and Kevin Weil'."""
        chosen = [people[0]]
        for p in people[1:]:
            gap = self._gap(chosen[-1].end, p.start)
            gap = self.titles.sub("", gap) if self.titles is not None else gap
            if re.fullmatch(r"[\s,，、]*(?:as\s+\S+(?:\s\S+)?\s+)?(?:and|und|和|与|及)?\s*", gap):
                chosen.append(p)
            else:
                break
        return chosen[:4]

    def _role_change(self, sent, clause, m, etype, date, roles: list[Fact]) -> list[Fact]:
        near = [r for r in roles if r.start == sent[0] and r.person is not None
                and clause[0] <= r.at < clause[1] and abs(r.at - m.start()) <= 40]
        out = []
        for r in near[:1]:
            out.append(Fact("event", sent[0], sent[1], "event-title-rolechange",
                            person=r.person, org=r.org, type=etype, date=date, role=r.role))
        return out

    def _event_org(self, clause, m: re.Match[str], etype: str) -> Entity | None:
        after = [o for o in self._in(m.end(), clause[1], "org") if o.start - m.end() <= 30]
        before = self._in(clause[0], m.start(), "org")
        if etype == "Departure" and after and any(
                self.terms["triggers"].lookup(self.lang, j.group(0)) == "Joining"
                for j in self.triggers.finditer(self.masked, m.end(), after[0].start)):
            after = []  # "跳槽加入 X", "left to join X": X is where they went, not what they left
        if after and (etype in ("Joining", "Founding", "Return")
                      or after[0].start - m.end() <= 3):
            return after[0].entity
        return before[-1].entity if before else (after[0].entity if after else None)

    def _role_org(self, person: Entity, roles: list[Fact]) -> Entity | None:
        for r in roles:
            if r.person is person and r.org is not None and r.org.kind == "org":
                return r.org
        return None

    def _org_event(self, sent, clause, m, etype, date) -> list[Fact]:
        before = self._in(clause[0], m.start(), "org") or self._in(sent[0], m.start(), "org")
        after = self._in(m.end(), clause[1], "org")
        right_after = after and re.fullmatch(r"\s*(?:的|了|der|des|the|of)?\s*",
                                             self.norm[m.end():after[0].start])
        org = (after[0] if (etype == "Formation" or right_after) and after else
               before[-1] if before else after[0] if after else None)
        if etype == "Release" and org is not None and org.entity.kind != "org":
            return []
        if etype == "Formation" and org is not None and org.entity.kind != "team" \
                and not _lex()["unit"].search(org.entity.name):
            return []
        if org is None:
            return []
        product = None
        if etype == "Release":
            tail = self.norm[m.end():m.end() + 24]
            if any(w in tail[:8] for w in _lex()["not_products"]):
                return []
            pm = re.search(r"[A-Z][\w.-]*[\w]", tail)
            if pm is None:
                return []
            product = pm.group(0)
        plaintiff = self._in(clause[0], m.start(), "person") if etype == "Lawsuit" else []
        return [Fact("event", sent[0], sent[1], f"event-trigger-{etype.lower()}",
                     person=plaintiff[-1].entity if plaintiff else None, org=org.entity,
                     type=etype, date=date, product=product)]

    def _date(self, sent, pos: int) -> DateMention | None:
        """The date nearest the trigger in its sentence (one before it preferred); with none,
        the last date of the sentence before, in the same paragraph (news carries a date
        forward until a new one is given)."""
        inside = [d for d in self.dates if sent[0] <= d.start and d.end <= sent[1]]
        if inside:
            return min(inside, key=lambda d: (d.start > pos, abs(d.start - pos)))
        para = self.norm.rfind("\n", 0, sent[0] + 1) + 1
        earlier = [d for d in self.dates if para <= d.start and d.end <= sent[0]]
        return earlier[-1] if earlier else None

    # ------------------------------------------------------------------ statements
    def statements(self) -> list[Fact]:
        quoted = []
        for qs, qe in self._quotes():
            speaker, rule = self._speaker(qs, qe)
            if speaker is not None:
                quoted.append((qs, qe, speaker, rule))
        reported = [r for r in self._reported()
                    if not any(q[0] - 1 <= r[0] and r[1] <= q[1] + 1 for q in quoted)]
        # A short quote inside a reported sentence is a phrase of it: keep the sentence.
        quoted = [q for q in quoted if not any(r[0] <= q[0] and q[1] <= r[1] and q[1] - q[0] < 12
                                               for r in reported)]
        facts: list[Fact] = []
        taken: list[tuple[int, int]] = []
        for qs, qe, speaker, rule in quoted + reported + self._first_person_blocks():
            if not any(qs < e and s < qe for s, e in taken) and qe - qs >= 4:
                facts.append(self._statement(qs, qe, speaker, rule))
                taken.append((qs, qe))
        return facts

    def _statement(self, qs: int, qe: int, speaker: Entity, rule: str) -> Fact:
        lo = max(0, qs - 120)
        via = [m.entity for m in self.mentions if m.entity.kind == "outlet" and lo <= m.start < qs
               and not _SENTENCE.search(self.norm, m.end, qs)]
        sent = next((s for s in sentences(self.norm) if s[0] <= qs < s[1]), (qs, qe))
        return Fact("statement", min(sent[0], qs), max(sent[1], qe), rule, person=speaker,
                    quote=(qs, qe), via=via[-1] if via else None)

    def _quotes(self) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        for open_, close in _lex()["quotes"]:
            pattern = re.compile(f"{re.escape(open_)}([^{re.escape(close)}\n]{{2,800}}?)"
                                 f"{re.escape(close)}")
            for m in pattern.finditer(self.norm):
                body = m.group(1).strip()
                cjk = len(re.findall(r"[\u3400-\u9fff]", body))
                named = any(x.start == m.start(1) and x.end == m.end(1) for x in self.mentions)
                if (cjk >= 4 or len(body.split()) >= 2) and not named \
                        and not any(s < m.end() and m.start() < e for s, e in spans):
                    spans.append((m.start(1), m.end(1)))
        return sorted(spans)

    def _subject(self, start: int, verb: re.Match[str]) -> Entity | None:
        """Who speaks. A name right after the verb ("sagte Schumann", "said Dean"); else the
        clause's subject before it: persons before organizations, the first in Chinese (topic
        first), the one nearest the verb in German and English; else, for a pronoun, the first
        person of the sentence, or the last one named before it."""
        vs, ve = verb.start(), verb.end()
        if self.lang != "zh":
            inverted = [m for m in self.mentions if ve <= m.start <= ve + 2 and m.entity.is_person]
            if inverted:
                return inverted[0].entity
        clause = self._clause((start, vs), vs)
        cands = [m for m in self.mentions if clause[0] <= m.start and m.end <= vs
                 and m.entity.kind != "outlet"]
        earlier = [m for m in self.mentions if start <= m.start and m.end <= clause[0]
                   and m.entity.is_person]
        people = [m for m in cands if m.entity.is_person] or (earlier[:1] if self.lang == "zh"
                                                              else []) or cands
        if people:
            return (people[0] if self.lang == "zh" else people[-1]).entity
        if _lex()["pron"].search(self.norm[clause[0]:vs]):
            in_sentence = [m for m in self.mentions if start <= m.start and m.end <= clause[0]
                           and m.entity.is_person]
            prior = [m for m in self.mentions if m.end <= clause[0] and m.entity.is_person]
            if in_sentence or prior:
                return (in_sentence[0] if in_sentence else prior[-1]).entity
        return None

    def _speaker(self, qs: int, qe: int) -> tuple[Entity | None, str]:
        sent = next((s for s in sentences(self.norm) if s[0] <= qs < s[1]), (qs, qe))
        start = sent[0] if qs - sent[0] > 1 else max(0, qs - 80)
        verbs = list(self.speech.finditer(self.masked, start, qs)) if self.speech else []
        if verbs:
            speaker = self._subject(start, verbs[-1])
            if speaker is not None:
                return speaker, "statement-speaker-before-quote"
        end = min(len(self.norm), qe + 40)
        cut = re.search(r"[。！？!?\n「“„]", self.norm[qe + 1:end])
        end = qe + 1 + cut.start() if cut else end
        after = [m for m in self.mentions if qe < m.start < end and m.entity.kind != "outlet"]
        if after and self.speech is not None:
            m = after[0]
            lead = self.norm[qe + 1:m.start].strip(" ,，.:：\"”“」")
            verb_after = self.speech.match(self.masked, m.end) or \
                self.speech.match(self.masked, m.end + 1)
            verb_before = self.speech.search(self.masked, qe + 1, m.start)
            if len(lead) <= 6 and (verb_after or verb_before):
                return m.entity, "statement-speaker-after-quote"
        return None, ""

    def _reported(self) -> list[tuple[int, int, Entity, str]]:
        """'X 表示,……。' / 'X sagte, es sei ……' / 'X said that ……': the rest of the sentence.

        Not when the verb attributes a quote before it ('"…," said X'), nor, in German and
        English, unless a colon, a comma or dass/that opens the reported words."""
        out = []
        for sent in sentences(self.norm):
            for verb in _lex()["reported"].finditer(self.masked, *sent):
                if re.search(r"[」”“\"«»]", self.norm[sent[0]:verb.start()]):
                    break
                tail = self.norm[verb.end():sent[1]]
                if self.lang != "zh" and not re.match(r"\s*(?:[:,]|dass\b|that\b)", tail):
                    continue
                speaker = self._subject(sent[0], verb)
                rest = re.match(r"[\s:：,，]*(?:dass\s+|that\s+)?(.*?)[\s。.!?！？」”]*$", tail,
                                re.S)
                if speaker is None or rest is None or len(rest.group(1)) < 6 or \
                        self._in(verb.end(), verb.end() + 3, "person"):
                    continue
                qs = verb.end() + rest.start(1)
                out.append((qs, qs + len(rest.group(1)), speaker, "statement-reported-speech"))
                break
        return out

    def _first_person_blocks(self) -> list[tuple[int, int, Entity, str]]:
        """Paragraphs in the first person after a post, a statement or a colon: what the last
        person named posted or said."""
        lex, out = _lex(), []
        paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.norm)]
        speaker: Entity | None = None
        for i, (ps, pe) in enumerate(paragraphs):
            text = self.norm[ps:pe].strip()
            first = bool(lex["first"].search(text[:14])) or (
                speaker is not None and bool(lex["first"].search(text)))
            if not first:
                speaker = None
            if first and speaker is None and i:
                window = " ".join(self.norm[a:b] for a, b in paragraphs[max(0, i - 2):i])
                people = [m for m in self.mentions if m.entity.is_person and m.end <= ps]
                if lex["post"].search(window) and people and ps - people[-1].end <= 800:
                    speaker = people[-1].entity
            if first and speaker is not None and self._in(ps, ps + 6, "person"):
                speaker = None  # a paragraph that opens with a name is narration again
            if first and speaker is not None:
                out.append((ps + len(self.norm[ps:pe]) - len(self.norm[ps:pe].lstrip()),
                            pe, speaker, "statement-first-person-post"))
        return out


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
