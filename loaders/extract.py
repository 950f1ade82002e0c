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
from loaders.lexicon import ontology_terms, toml
from loaders.mentions import Mention
from loaders.registry import Entity

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
        self.passive = terms["passive"].pattern(lang)
        self.speech = terms["speech"].pattern(lang)
        self.terms = terms
        counts: dict[str, int] = {}
        for m in mentions:
            if m.entity.kind == "org":
                counts[m.entity.iri] = counts.get(m.entity.iri, 0) + 1
        by_iri = {m.entity.iri: m.entity for m in mentions}
        self.main_org = by_iri[max(counts, key=lambda k: counts[k])] if counts else None

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
            found = [t for t in self.titles.finditer(self.norm, *sent)
                     if not any(m.start < t.end() and t.start() < m.end for m in self.mentions)]
            chains, current = [], []
            for t in found:
                if current and _lex()["conn"].match(self._gap(current[-1].end(), t.start())):
                    current.append(t)
                else:
                    current = [t]
                    chains.append(current)
            for chain in chains:
                facts += self._chain_roles(sent, chain)
        return facts

    def _chain_roles(self, sent: tuple[int, int], chain: list[re.Match[str]]) -> list[Fact]:
        lex = _lex()
        first, last = chain[0], chain[-1]
        people = self._in(*sent, kind="person")
        after = [p for p in people if p.start >= last.end() and len(self._gap(last.end(), p.start)) <= 4
                 and lex["conn"].match(self._gap(last.end(), p.start))]
        before = [p for p in people if p.end <= first.start()
                  and lex["appo"].match(self._gap(p.end, first.start()))]
        rule = "role-title-before-name"
        person = after[0] if after else None
        if person is None and before:
            person, rule = before[-1], "role-apposition"
        if person is None:
            verb_org = self._org_after(last.end(), sent, tight=True)
            clause = self._clause(sent, first.start())
            cands = [p for p in people if clause[0] <= p.start and p.end <= first.start()
                     and len(self._gap(p.end, first.start())) <= 12]
            if verb_org is None or not cands:
                return []
            person, rule = cands[-1], "role-verb"
        org = self._org_before(first.start(), sent) or self._org_after(last.end(), sent) \
            or self._nearest_org(sent, first.start())
        former = bool(lex["former"].search(self.norm[max(sent[0], first.start() - 8):first.start()]))
        if rule == "role-apposition" or rule == "role-verb":
            former = former or bool(lex["former"].search(self._gap(person.end, first.start())))
        out = []
        for t in chain:
            key = self.terms["roles"].lookup(self.lang, t.group(0))
            if key:
                out.append(Fact("role", sent[0], sent[1], rule, person=person.entity,
                                org=org, role=key, former=former))
        return out

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
        orgs = self._in(*sent, kind="org")
        if not orgs:
            return self.main_org
        return min(orgs, key=lambda m: (m.start > pos, abs(m.start - pos))).entity

    # ------------------------------------------------------------------ events
    def events(self, roles: list[Fact]) -> list[Fact]:
        if self.triggers is None:
            return []
        facts: list[Fact] = []
        for sent in sentences(self.norm):
            hits = [(m, False) for m in self.triggers.finditer(self.norm, *sent)]
            if self.passive is not None:
                hits += [(m, True) for m in self.passive.finditer(self.norm, *sent)]
            hits = [h for h in hits if not any(
                o is not h and o[0].start() <= h[0].start() and h[0].end() <= o[0].end()
                and o[0].end() - o[0].start() > h[0].end() - h[0].start() for o in hits)]
            hits = [h for h in hits if not any(m.start < h[0].end() and h[0].start() < m.end
                                               for m in self.mentions)]
            for m, passive in sorted(hits, key=lambda h: h[0].start()):
                facts += self._event(sent, m, passive, roles)
        return _link_destinations(facts)

    def _event(self, sent, m: re.Match[str], passive: bool, roles: list[Fact]) -> list[Fact]:
        table = self.terms["passive" if passive else "triggers"]
        etype = table.lookup(self.lang, m.group(0))
        if etype is None:
            return []
        clause = self._clause(sent, m.start())
        before_text = self.norm[clause[0]:m.start()]
        if _lex()["hedge"].search(self.norm[sent[0]:m.start()]) or \
                _lex()["neg"].search(before_text[-6:]):
            return []
        date = self._date(sent, m.start())
        if etype not in PERSON_EVENTS:
            return self._org_event(sent, clause, m, etype, date)
        people = self._subjects(clause, m)
        if not people:
            return []
        org = self._event_org(clause, m, etype) 
        out = []
        for person in people:
            target = org or self._role_org(person.entity, roles) or self.main_org
            if target is None:
                continue
            out.append(Fact("event", sent[0], sent[1], f"event-trigger-{etype.lower()}",
                            person=person.entity, org=target, type=etype, date=date))
        return out

    def _subjects(self, clause, m: re.Match[str]) -> list[Mention]:
        people = self._in(clause[0], m.start(), "person")
        if not people:
            return self._in(m.end(), clause[1], "person")[:1] if self.lang == "de" else []
        chosen = [people[-1]]
        for p in reversed(people[:-1]):
            if _lex()["conn"].match(self._gap(p.end, chosen[-1].start)):
                chosen.append(p)
            else:
                break
        return chosen

    def _event_org(self, clause, m: re.Match[str], etype: str) -> Entity | None:
        after = self._in(m.end(), clause[1], "org")
        before = self._in(clause[0], m.start(), "org")
        if etype in ("Joining", "Founding", "Return") or (after and after[0].start - m.end() <= 3):
            if after:
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
        org = (after[0] if etype == "Formation" and after else
               before[-1] if before else after[0] if after else None)
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
        inside = [d for d in self.dates if sent[0] <= d.start and d.end <= sent[1]]
        if not inside:
            return None
        return min(inside, key=lambda d: (d.start > pos, abs(d.start - pos)))

    # ------------------------------------------------------------------ statements
    def statements(self) -> list[Fact]:
        facts = []
        for qs, qe in self._quotes():
            speaker, rule = self._speaker(qs, qe)
            if speaker is None:
                continue
            window = self.norm[max(0, qs - 120):qs]
            via = [m.entity for m in self.mentions if m.entity.kind == "outlet"
                   and max(0, qs - 120) <= m.start < qs and not _SENTENCE.search(window[
                       m.end - max(0, qs - 120):])]
            sent = next((s for s in sentences(self.norm) if s[0] <= qs < s[1]), (qs, qe))
            facts.append(Fact("statement", min(sent[0], qs), max(sent[1], qe), rule,
                              person=speaker, quote=(qs, qe), via=via[-1] if via else None))
        return facts

    def _quotes(self) -> list[tuple[int, int]]:
        spans = []
        for open_, close in _lex()["quotes"]:
            pattern = re.compile(f"{re.escape(open_)}([^{re.escape(close)}\n]{{2,800}}?){re.escape(close)}")
            for m in pattern.finditer(self.norm):
                body = m.group(1).strip()
                cjk = len(re.findall(r"[\u3400-\u9fff]", body))
                if (cjk >= 4 or len(body.split()) >= 2 or (cjk == 0 and len(body) >= 5)) \
                        and not any(s < m.end() and m.start() < e for s, e in spans):
                    spans.append((m.start(1), m.end(1)))
        return sorted(spans)

    def _speaker(self, qs: int, qe: int) -> tuple[Entity | None, str]:
        lex = _lex()
        lo = max(0, qs - 60)
        verbs = [v for v in self.speech.finditer(self.norm, lo, qs)] if self.speech else []
        if verbs and len(self.norm[verbs[-1].end():qs - 1].strip(" :：,，\"“„「")) <= 3:
            verb = verbs[-1]
            cands = [m for m in self.mentions if lo <= m.start and m.end <= verb.start()
                     and m.entity.kind != "outlet"
                     and not re.search(r"[。！？!?\n」”]", self.norm[m.end:verb.start()])]
            if cands and verb.start() - cands[-1].end <= 30:
                return cands[-1].entity, "statement-speaker-before-quote"
            if lex["pron"].search(self.norm[max(lo, verb.start() - 6):verb.start()]):
                prior = [m for m in self.mentions if m.end <= verb.start() and m.entity.is_person]
                if prior:
                    return prior[-1].entity, "statement-speaker-pronoun"
        hi = min(len(self.norm), qe + 60)
        tail = self.norm[qe + 1:hi]
        cut = re.search(r"[。！？!?\n「“„]", tail)
        end = qe + 1 + (cut.start() if cut else len(tail))
        after = [m for m in self.mentions if qe < m.start < end and m.entity.kind != "outlet"]
        if after and self.speech is not None:
            m = after[0]
            lead = self.norm[qe + 1:m.start]
            verb_after = self.speech.search(self.norm, m.end, min(end + 1, m.end + 12))
            verb_before = self.speech.search(lead) if len(lead) <= 16 else None
            if (verb_after or verb_before) and len(lead.strip(" ,，.:：\"”“")) <= 12:
                return m.entity, "statement-speaker-after-quote"
        return None, ""


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
