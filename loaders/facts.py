"""What the extraction rules share: the Fact record (a role, event or statement with its
evidence span in cleaned offsets, which `rdf.py` maps to the original, and its rule id),
the lexicon of extract.toml, sentence and clause splitting, and the article Context
(mentions, dates, the text with mentions masked) with the helpers every rule uses.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from loaders.dates import DateMention
from loaders.lexicon import ontology_terms, toml, words
from loaders.mentions import Mention
from loaders.registry import Entity, new_entity

SENTENCE_END = re.compile(r"[。！？!?]+[」”’\"]*|\n+|(?<=[.!?])[\"”“]?\s+(?=[A-Z„\"“])")
# "at the executive search firm Calder & Rhee", "beim Frankfurter Research-Haus Vorndran & Kolb"
_NAME_TOKEN = r"[A-Z][^\W\d_]*(?:[-'’.][A-Za-z][^\W\d_]*)*"
_AFTER_PREP = re.compile(r"\s*(?:at|of|with|bei|beim|von|vom|des|der)\s+"
                         r"(?:(?:the|a|an|der|die|das|dem|den)\s+)?((?:[a-z][\w-]*\s+){0,3}"
                         rf"{_NAME_TOKEN}(?:\s+(?:&\s+)?{_NAME_TOKEN}){{0,4}})(?![\w-])")
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
    title_at: int = -1  # where its title is written


@cache
def lexicon() -> dict:
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
            "as": re.compile(f"(?:{'|'.join(data['as_markers'])})"),
            "team": set(data["team_roles"]),
            "reported": any_of(data["reported_speech"]), "post": any_of(data["post_words"]),
            "first": any_of(data["first_person"]),
            "unit": re.compile("|".join(f"(?:{p})" for p in data["unit_words"]), re.IGNORECASE),
            "i": any_of(data["first_person_subject"]),
            "passive": any_of(data["passive"]),
            "enum": any_of(data["enumeration"]),
            "agent": any_of(data["agent"]), "co_agent": any_of(data["co_agent"]),
            "origin": any_of(data["origin"]),
            "copula": re.compile(f"(?:{'|'.join(data['copulas'])})\\s*"
                                 f"(?:(?:{'|'.join(data['title_modifiers'])})\\s*)*$"),
            "investing": any_of(data["investing"]), "co_founding": any_of(data["co_founding"]),
            "company": re.compile(f"(?:{'|'.join(data['company_anaphors'])})(?:'s|的)?\\s*$",
                                  re.IGNORECASE),
            "company_after": re.compile(
                f"\\s*(?:\\w+\\s+){{0,1}}(?:{'|'.join(data['company_anaphors'])})", re.IGNORECASE),
            "pron": any_of(data["pronouns"]), "pair": any_of(data["pair_pronouns"]),
            "investor_mark": any_of(data["investor_marks"]),
            "company_anywhere": any_of(data["company_anaphors"]), "quotes": data["quotes"],
            "not_products": data["not_products"]}


def sentences(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > last and text[last:m.end()].strip():
            spans.append((last, m.end()))
        last = m.end()
    if text[last:].strip():
        spans.append((last, len(text)))
    return spans


class Context:
    """One article as the rules see it."""

    def __init__(self, norm: str, lang: str, mentions: list[Mention],
                 dates: list[DateMention]) -> None:
        self.norm, self.lang = norm, lang
        self.mentions, self.dates = mentions, dates
        terms = ontology_terms()
        self.titles = terms["roles"].pattern(lang)
        self.triggers = terms["triggers"].pattern(lang)
        self.objects = terms["object"].pattern(lang)
        self.speech = terms["speech"].pattern(lang)
        self.role_verbs = terms["role_verbs"].pattern(lang)
        self.terms = terms
        self.by_iri = {m.entity.iri: m.entity for m in mentions}
        self.main_org = self._topic_company(norm, mentions)
        masked = list(norm)
        for m in mentions:
            masked[m.start:m.end] = "\0" * (m.end - m.start)
        self.masked = "".join(masked)
        self.sents = sentences(norm)
        self.local_orgs: dict[str, Entity] = {}
        self._hits: dict[int, tuple[list[re.Match[str]], list[int]]] = {}

    def hits(self, pattern: re.Pattern[str] | None, sent: tuple[int, int]) -> list[re.Match[str]]:
        """Matches of a lexicon pattern inside one sentence; the text is scanned once."""
        if pattern is None:
            return []
        if id(pattern) not in self._hits:
            found = list(pattern.finditer(self.masked))
            self._hits[id(pattern)] = (found, [m.start() for m in found])
        found, starts = self._hits[id(pattern)]
        lo = bisect.bisect_left(starts, sent[0])
        hi = bisect.bisect_left(starts, sent[1])
        return [m for m in found[lo:hi] if m.end() <= sent[1]]

    def sentence_of(self, pos: int, default: tuple[int, int]) -> tuple[int, int]:
        return next((s for s in self.sents if s[0] <= pos < s[1]), default)

    @staticmethod
    def _topic_company(norm: str, mentions: list[Mention]) -> Entity | None:
        """The company the article is about ("the company", 该公司, das Unternehmen): the most
        mentioned one, its headline mentions counting double and a former employer
        ("前OpenAI研究副总裁", "ex-Google", "ehemaliger OpenAI-") not at all."""
        headline_end = norm.find("\n")
        counts: dict[str, float] = {}
        by_iri: dict[str, Entity] = {}
        for m in mentions:
            if m.entity.kind != "org":
                continue
            if lexicon()["former"].search(norm[max(0, m.start - 12):m.start]):
                continue
            weight = 2.0 if m.start < headline_end else 1.0
            counts[m.entity.iri] = counts.get(m.entity.iri, 0) + weight
            by_iri[m.entity.iri] = m.entity
        return by_iri[max(counts, key=lambda k: counts[k])] if counts else None

    @staticmethod
    def reg_entity_by_name(name: str) -> Entity | None:
        from loaders.registry import registry
        return registry().find(name)

    @staticmethod
    def reg_entity(iri: str) -> Entity | None:
        from loaders.registry import registry
        return registry().entities.get(iri)

    # ------------------------------------------------------------------ helpers
    def _referent(self, prior: list[Mention], before: int) -> Mention | None:
        """Whom a pronoun opening a sentence at `before` stands for: the first person (the
        topic) of the sentence before, passing over sentences that open with a pronoun
        themselves ("Er war es auch, der nach dem Weggang von Ilya …": still the same 'he');
        else the person named last."""
        pron = lexicon()["pron"]
        for sent in reversed([s for s in self.sents if s[1] <= before][-4:]):
            if pron.match(self.norm[sent[0]:sent[1]].lstrip(" \n\"„“「")):
                continue
            named = [m for m in prior if sent[0] <= m.start < sent[1]]
            if named:
                return named[0]
        return prior[-1] if prior else None

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

    def _conjoined(self, people: list[Mention]) -> list[Mention]:
        """The last person and those joined to it by 和/und/and/、, titles aside:
        'Ilya 与 Jan 是 ...', 'CEO Sam Altman 和总裁 Greg Brockman 官复原职'."""
        chosen = [people[-1]]
        for p in reversed(people[:-1]):
            gap = self._gap(p.end, chosen[-1].start)
            if self.titles is not None:
                gap = self.titles.sub("", gap)
            if lexicon()["conn"].match(gap):
                chosen.append(p)
            else:
                break
        return chosen

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

    def _org_run_before(self, pos: int, sent: tuple[int, int]) -> list[Mention]:
        """The organizations written just before a title: 'OpenAI 超级对齐团队的' (a unit of
        its company: the nearest holds the role), '特斯拉和SpaceX' (both hold it)."""
        run: list[Mention] = []
        for m in reversed(self._in(sent[0], pos, "org")):
            edge = run[0].start if run else pos
            gap = self._gap(m.end, edge)
            joined = run and re.fullmatch(r"\s*(?:和|与|及|、|und|and|&|/)\s*", gap)
            if not (lexicon()["org_gap"].match(gap) or joined):
                break
            run.insert(0, m)
        return run

    def _run_holders(self, run: list[Mention]) -> list[Mention]:
        """Which organizations of a run hold the title: all when joined by 和/and, else the
        nearest ("OpenAI 超级对齐团队": the unit, not its company too)."""
        if len(run) > 1 and all(lexicon()["org_gap"].match(self._gap(a.end, b.start))
                                for a, b in zip(run, run[1:], strict=False)):
            return run[-1:]
        return run

    def _org_before(self, pos: int, sent: tuple[int, int]) -> Entity | None:
        orgs = [m for m in self._in(sent[0], pos, "org") if lexicon()["org_gap"].match(
            self._gap(m.end, pos))]
        return orgs[-1].entity if orgs else None

    def _company(self, org: Entity | None) -> Entity | None:
        """People join and leave companies: a team's event goes to its parent organization."""
        if org is not None and org.kind == "team" and org.unit_of:
            return self.by_iri.get(org.unit_of) or self.reg_entity(org.unit_of) or org
        return org

    def _org_after(self, pos: int, sent: tuple[int, int], tight: bool = False) -> Entity | None:
        if not tight and lexicon()["company_after"].match(self.norm, pos):
            meant = self._company_meant(pos)  # "war Präsident des Unternehmens"
            if meant is not None:
                return meant
        for m in self._in(pos, sent[1], "org"):
            gap = self._gap(pos, m.start)
            if tight and re.fullmatch(r"\s*(?:着|了|the|das|den|die|der)?\s*", gap, re.I):
                return m.entity
            if not tight and lexicon()["prep"].search(gap) and not self._in(pos, m.start, "person"):
                return m.entity
        return None if tight else self._unknown_org_after(pos, sent)

    def _unknown_org_after(self, pos: int, sent: tuple[int, int]) -> Entity | None:
        """'a partner at the search firm Calder & Rhee', 'Analyst beim Frankfurter Research-Haus
        Vorndran & Kolb': a capitalized name after at/bei/of that no lexicon knows."""
        if self.lang == "zh":
            return None
        m = _AFTER_PREP.match(self.norm, pos, sent[1])
        if m is None:
            return None
        tokens = re.findall(rf"{_NAME_TOKEN}|&", m.group(1))
        if "&" in tokens:
            i = tokens.index("&")
            tokens = tokens[max(0, i - 1):i + 2]
        endings = words("names", "org_descriptor_endings")
        city = self.lang == "de"  # "Pariser", "Frankfurter": city adjectives before the name
        while tokens and (tokens[0].lower().endswith(tuple(endings)) or
                          (city and tokens[0].endswith("er") and len(tokens) > 1)):
            tokens.pop(0)
        if not tokens or tokens[-1] == "&" or len(" ".join(tokens)) < 3:
            return None
        name = " ".join(tokens).replace(" & ", " & ")
        entity = self.reg_entity_by_name(name) or self.local_orgs.setdefault(
            name, new_entity("org", name))
        return entity

    def _company_meant(self, pos: int) -> Entity | None:
        """What "the company" / 该公司 / das Unternehmen means at `pos`: the last company that
        opened a sentence before it."""
        reach = 12 if self.lang == "zh" else 32  # "Das Chatbot-Startup Character.AI gab …"
        opened = [o for s0, s1 in self.sents if s1 <= pos
                  for o in self._in(s0, min(s1, s0 + reach), "org")[:1]
                  if o.entity.kind == "org"]
        return opened[-1].entity if opened else None

    def _affiliation(self, org: Mention) -> bool:
        """'Skype联合创办人Jaan Tallinn', 'Google's chief executive': an organization written
        as someone's title is that person's employer, not the topic of the paragraph."""
        if self.titles is None:
            return False
        title = self.titles.search(self.masked, org.end, org.end + 12)
        return title is not None and bool(
            lexicon()["org_gap"].match(self.norm[org.end:title.start()]))

    def _nearest_org(self, sent: tuple[int, int], pos: int, team: bool = False
                     ) -> Entity | None:
        """No organization beside the title: the first company of the paragraph before it
        (the topic, as in 'Anthropic今年成立。Dario Amodei出任行政總裁'; 'OpenAI hires X as
        CFO'), else the article's."""
        if lexicon()["company"].search(self.norm, max(0, pos - 20), pos):
            meant = self._company_meant(pos)
            if meant is not None:  # "公司的联合创办人", "the company's CFO"
                return meant
        para = self.norm.rfind("\n", 0, sent[0] + 1) + 1
        kinds = ("team", "org") if team else ("org",)
        orgs = [m for m in self._in(para, pos, "org") if m.entity.kind in kinds
                and not self._affiliation(m)]
        if not orgs:  # "本輪融資由…領投": the company of the paragraph before
            last = self.norm.rfind("\n", 0, max(0, para - 1))
            while last > 0 and not self.norm[last + 1:para].strip():
                last = self.norm.rfind("\n", 0, last)
            orgs = [m for m in self._in(last + 1, para, "org") if m.entity.kind in kinds
                    and not self._affiliation(m)][:1]
        teams = [m for m in orgs if m.entity.kind == "team"]
        return (teams or orgs)[0].entity if orgs else self.main_org
