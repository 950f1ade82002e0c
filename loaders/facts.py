"""What the extraction rules share: the Fact record (a role, event or statement with its
evidence span in cleaned offsets, which `rdf.py` maps to the original, and its rule id),
the lexicon of extract.toml, sentence and clause splitting, and the article Context
(mentions, dates, the text with mentions masked) with the helpers every rule uses.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from loaders import fastre
from loaders.dates import DateMention
from loaders.lexicon import ontology_terms, toml
from loaders.mentions import Mention
from loaders.orglookup import OrgLookup
from loaders.registry import Entity
from loaders.rulewords import POSSESSIVE, lexicon

# An apposition between commas after a name: "X, the former CEO of Nextdoor, as CFO".
APPOSITIVE = re.compile(r"\s*,[^,;.]{1,120},\s*")
COPULA_RULES = ("role-copula", "role-becoming")  # a title after a copula: "X is CEO", "X wird CEO"
NAMED_AFTER = ("role-title-before-name", "role-title-before-names")  # the name after the title

# A full stop and a capital end a sentence (or a name like "xAI", "iPhone"), but not the
# ordinal of a German date ("am 3. Mai")
_DE_MONTHS = "|".join(toml("dates")["months"]["de"])
SENTENCE_END = re.compile(r"[。！？!?]+[」”’\"]*|\n+|(?<=[.!?])"
                          rf"(?!(?<=\d\.)\s+(?i:{_DE_MONTHS})\b)[\"”“]?\s+(?=[A-Z„\"“]|[a-z][A-Z])")
# a space between Chinese characters parts the clauses of a headline ("张忠谋退休 台积电进入…")
_CLAUSE = re.compile(r"[,，:：;；]|\s[-–—]\s|(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")
_POSSESSIVE = re.compile(rf"\s?(?:的|{POSSESSIVE})\s?")


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
    chain_at: int = -1  # where the chain of titles it is one of starts ("chairman and CEO")

    @property
    def happening(self) -> tuple[str, ...]:
        """What makes an event one happening (its IRI, one report of it per article): its
        type, person, organization and product; for a RoleChange, the role taken too."""
        changed = [self.role] if self.type == "RoleChange" and self.role else []
        return (self.type or "Event", self.person.iri if self.person else "",
                self.org.iri if self.org else "", self.product or "", *changed)


def sentences(text: str) -> list[tuple[int, int]]:
    spans, last = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.end() > last and text[last:m.end()].strip():
            spans.append((last, m.end()))
        last = m.end()
    if text[last:].strip():
        spans.append((last, len(text)))
    return spans


def _masked(text: str, mentions: list[Mention]) -> str:
    """The text with each mention's characters (sorted by start) written as NUL."""
    parts, last = [], 0
    for m in mentions:
        if m.end > last:
            start = max(m.start, last)
            parts += (text[last:start], "\0" * (m.end - start))
            last = m.end
    parts.append(text[last:])
    return "".join(parts)


class Context(OrgLookup):
    """One article as the rules see it."""

    def __init__(self, norm: str, lang: str, mentions: list[Mention],
                 dates: list[DateMention]) -> None:
        self.norm, self.lang = norm, lang
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.dates = dates
        terms = ontology_terms()
        self.titles = terms["roles"].pattern(lang)
        self.triggers = terms["triggers"].pattern(lang)
        self.objects = terms["object"].pattern(lang)
        self.speech = terms["speech"].pattern(lang)
        self.role_verbs = terms["role_verbs"].pattern(lang)
        self.terms = terms
        self.by_iri = {m.entity.iri: m.entity for m in mentions}
        self._starts = [m.start for m in mentions]  # mentions come sorted by start
        self.main_org = self._topic_company(norm, mentions)
        self.masked = _masked(norm, self.mentions)
        self.sents = sentences(norm)
        self._sent_set = set(self.sents)
        self.local_orgs: dict[str, Entity] = {}
        self._hits: dict[int, tuple[list, list[int], dict]] = {}

    def hits(self, pattern: re.Pattern[str] | None, sent: tuple[int, int]) -> list[re.Match[str]]:
        """Matches of a lexicon pattern inside one sentence (or any span): the text is
        scanned once per pattern and its matches filed by sentence."""
        if pattern is None:
            return []
        found, starts, by_sentence = self._hits.get(id(pattern)) or self._filed(pattern)
        got = by_sentence.get(sent)
        if got is not None:
            return got
        if sent in self._sent_set:
            return []
        lo = bisect.bisect_left(starts, sent[0])
        hi = bisect.bisect_left(starts, sent[1])
        return [m for m in found[lo:hi] if m.end() <= sent[1]]

    def hit_sentences(self, *patterns: re.Pattern[str] | None) -> list[tuple[int, int]]:
        """The sentences holding a match of any of these patterns, in order: a rule that
        reads a sentence only through their matches skips the others."""
        found: set[tuple[int, int]] = set()
        for pattern in patterns:
            if pattern is not None:
                found.update(self._filed(pattern)[2])
        return sorted(found)

    def _filed(self, pattern: re.Pattern[str]) -> tuple[list, list[int], dict]:
        filed = self._hits.get(id(pattern))
        if filed is None:
            filed = self._hits[id(pattern)] = self._file(
                list(fastre.finditer(pattern, self.masked)))
        return filed

    def _file(self, found: list[re.Match[str]]) -> tuple[list, list[int], dict]:
        """The matches, their starts, and those inside each sentence (sentences without
        one left out)."""
        by_sentence: dict[tuple[int, int], list[re.Match[str]]] = {}
        i, last = 0, len(self.sents)
        for m in found:
            while i < last and self.sents[i][1] <= m.start():
                i += 1
            if i < last and self.sents[i][0] <= m.start() and m.end() <= self.sents[i][1]:
                by_sentence.setdefault(self.sents[i], []).append(m)
        return found, [m.start() for m in found], by_sentence

    def sentence_of(self, pos: int, default: tuple[int, int]) -> tuple[int, int]:
        return next((s for s in self.sents if s[0] <= pos < s[1]), default)

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding `pos` starts."""
        return self.norm.rfind("\n", 0, pos + 1) + 1

    def paragraph_before(self, para: int) -> int:
        """Where the paragraph before the one starting at `para` starts, blank lines skipped."""
        last = self.norm.rfind("\n", 0, max(0, para - 1))
        while last > 0 and not self.norm[last + 1:para].strip():
            last = self.norm.rfind("\n", 0, last)
        return last + 1

    @staticmethod
    def _topic_company(norm: str, mentions: list[Mention]) -> Entity | None:
        """The company the article is about ("the company", 该公司, das Unternehmen): the most
        mentioned one, its headline mentions counting double (the headline's first, its
        subject, triple: "Starbucks names Chipotle's Brian Niccol as CEO") and a former
        employer ("前OpenAI研究副总裁", "ex-Google", "ehemaliger OpenAI-") not at all."""
        headline_end = norm.find("\n")
        counts: dict[str, float] = {}
        by_iri: dict[str, Entity] = {}
        for m in mentions:
            if m.entity.kind != "org":
                continue
            if lexicon()["former"].search(norm[max(0, m.start - 12):m.start]):
                continue
            weight = 1.0 if m.start >= headline_end else 3.0 if not counts else 2.0
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
        topic) of the sentence before, passing over sentences whose subject is a pronoun
        itself, written before any name ("Er war es auch, der nach dem Weggang von Ilya …",
        "In 2018 he shared the award with LeCun": still the same 'he'); else the person
        named last."""
        pron = lexicon()["pron"]
        for sent in reversed([s for s in self.sents if s[1] <= before][-8:]):
            named = [m for m in prior if sent[0] <= m.start < sent[1]]
            if named and not pron.search(self.norm, sent[0], named[0].start):
                return named[0]
        return prior[-1] if prior else None

    def _stands_for(self, sent: tuple[int, int], pos: int,
                    other_than: Entity | None = None) -> Mention | None:
        """Whom a pronoun at `pos` stands for: the person named last before it in its
        sentence, else the topic of the sentences before ('他同时也是…教授': LeCun, not
        the Zuckerberg named after him); never `other_than` ("X will succeed him")."""
        prior = [p for p in self.mentions if p.end <= pos and p.entity.is_person
                 and p.entity is not other_than]
        named = [p for p in prior if p.start >= sent[0]]
        return named[-1] if named else self._referent(prior, sent[0])

    def _named_before_who(self, sent, clause, pos: int) -> list[Mention]:
        """The person named last before a "who" right before the verb at `pos` ("X, a
        longtime executive who retired", "the former … chief executive who now leads Y")."""
        who = lexicon()["who"].search(self.norm, max(clause[0], pos - 40), pos)
        return self._in(sent[0], who.start(), "person")[-1:] if who is not None else []

    def _in(self, start: int, end: int, kind: str | None = None) -> list[Mention]:
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end
                and (kind is None or (m.entity.is_person if kind == "person"
                                      else m.entity.is_org and m.entity.kind != "outlet"))]

    def _org_at(self, pos: int) -> Mention | None:
        """The organization whose mention starts at `pos` ("…'s parent company |Alphabet",
        "OpenAI的|超级对齐团队")."""
        return self._mention_at(pos, "org")

    def _mention_at(self, pos: int, kind: str) -> Mention | None:
        """The mention of a person ("person") or an organization ("org") that starts at
        `pos`."""
        lo = bisect.bisect_left(self._starts, pos)
        first = [m for m in self.mentions[lo:lo + 1] if m.start == pos]
        return next(iter(self._in(pos, first[0].end, kind)), None) if first else None

    def _trigger_between(self, start: int, end: int, *types: str) -> bool:
        """A trigger of an event of one of these types between two places ("left to join
        X": Joining; "X, who left OpenAI, …": Departure)."""
        return self.triggers is not None and any(
            self.terms["triggers"].lookup(self.lang, t) in types
            for t in self.triggers.finditer(self.masked, start, end))

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

    def _possessor(self, m: Mention) -> re.Match[str] | None:
        """The 的 / 's after a mention that owns what follows ("OpenAI 的", "Google's")."""
        return _POSSESSIVE.match(self.norm, m.end)

    @staticmethod
    def _distinct(people: Iterable[Mention]) -> list[Mention]:
        """Each person once, at their first mention in the order given."""
        seen: list[Mention] = []
        for p in people:
            if all(p.entity is not q.entity for q in seen):
                seen.append(p)
        return seen

    def _agent_span(self, clause: tuple[int, int], verb: re.Match[str]
                    ) -> tuple[int, int, int] | None:
        """Where a verb's agents are named, and where their marker starts: between the last
        由 of the clause and the verb ("由 X 与 Y 共同创立"); after by/von right after the verb
        ("founded by X", "to be led by Y"), else German "von X" before it ("von X gegründet")."""
        lex = lexicon()
        if self.lang == "zh":
            marker = [*lex["agent"].finditer(self.norm, clause[0], verb.start())][-1:]
            return (marker[0].start(), marker[0].end(), verb.start()) if marker else None
        after = lex["agent"].match(self.norm, verb.end() + 1) or \
            lex["agent"].match(self.norm, verb.end())
        if after:
            return after.start(), after.end(), clause[1]
        before = [*lex["agent"].finditer(self.norm, clause[0], verb.start())][-1:]
        return (before[0].start(), before[0].end(), verb.start()) if before else None

    def _named_agents(self, span: tuple[int, int, int] | None) -> list[Mention]:
        """The people an agent span (`_agent_span`) names: the first and those joined to it."""
        people = self._in(span[1], span[2], "person") if span else []
        return self._conjoined_forward(people) if people else []

    def _conjoined_forward(self, people: list[Mention]) -> list[Mention]:
        """The first person and those joined after it: 'hires Sarah Friar ... and Kevin Weil'."""
        chosen = [people[0]]
        for p in people[1:]:
            gap = self._gap(chosen[-1].end, p.start)
            gap = self.titles.sub("", gap) if self.titles is not None else gap
            apposition = APPOSITIVE.match(gap)  # "X, the former CEO of Y, as CFO and Z"
            gap = gap[apposition.end():] if apposition else gap
            gap = lexicon()["colleague"].sub("", gap)  # "伊尔亚与同事简·莱克", "and his colleague"
            if re.fullmatch(r"[\s,，、]*(?:as\s+\S+(?:\s\S+)?\s+)?(?:and|und|和|与|及)?\s*", gap):
                chosen.append(p)
            else:
                break
        return chosen[:4]
