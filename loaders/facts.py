"""What the extraction rules share: the Fact record (a role, event or statement with its
evidence span in cleaned offsets, which `rdf.py` maps to the original, and its rule id),
the lexicon of extract.toml, and the article Context (mentions, dates, the text with
mentions masked, its sentences: sentences.py) with the helpers every rule uses.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass

from loaders.dates import DateMention
from loaders.lexicon import ontology_terms
from loaders.mentions import Mention
from loaders.orglookup import OrgLookup
from loaders.orgmarks import former_employer
from loaders.registry import Entity
from loaders.rulewords import POSSESSIVE, lexicon
from loaders.sentences import Sentences

# An apposition between commas after a name: "X, the former CEO of Nextdoor, as CFO".
APPOSITIVE = re.compile(r"\s*,[^,;.]{1,120},\s*")
COPULA_RULES = ("role-copula", "role-becoming")  # a title after a copula: "X is CEO", "X wird CEO"
NAMED_AFTER = ("role-title-before-name", "role-title-before-names")  # the name after the title
_POSSESSIVE = re.compile(rf"\s?(?:的|{POSSESSIVE})\s?")
_CAPITAL = re.compile(r"\s*[A-ZÄÖÜ]")  # a noun after a German article


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


class Context(OrgLookup, Sentences):
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
        self._split()
        self.local_orgs: dict[str, Entity] = {}


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
            if former_employer(norm, m.start):
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
        pron, prep = lexicon()["pron"], lexicon()["prep_before"]
        for sent in reversed([s for s in self.sents if s[1] <= before][-8:]):
            named = [m for m in prior if sent[0] <= m.start < sent[1] and not self._possessor(m)
                     and not prep.search(self.norm, max(0, m.start - 8), m.start)]
            if named and not pron.search(self.norm, sent[0], named[0].start):
                return named[0]
        return prior[-1] if prior else None

    def _stands_for(self, sent: tuple[int, int], pos: int,
                    other_than: Entity | None = None) -> Mention | None:
        """Whom a pronoun at `pos` stands for: the person named last before it in its
        sentence, else the topic of the sentences before ('他同时也是…教授': LeCun, not
        the Zuckerberg named after him), or for an age ("Der 49-jährige Schwede") the one
        named last, but one a post is taken from ("den Chefposten von Y") or one reported to
        ("soll an Y berichten. Die 39-jährige Französin …"); never
        `other_than` ("X will succeed him")."""
        prior = [p for p in self.mentions if p.end <= pos and p.entity.is_person
                 and p.entity is not other_than]
        named = [p for p in prior if p.start >= sent[0] and not self._possessor(p)]
        if not named and lexicon()["epithet"].match(self.norm, pos):
            named = [p for p in prior if not lexicon()["taken_from"].search(
                self.norm, max(0, p.start - 30), p.start) and not self._reported_to(p.start)]
            named = named[-1:]
        return named[-1] if named else self._referent(prior, sent[0])

    def _reported_to(self, at: int) -> bool:
        """Whether the person named at `at` is whom someone reports to ("will report directly
        to chief executive X", "向首席执行官X汇报", "an X berichten"): no subject, and their
        title is held, not taken."""
        named, lex = self._mention_at(at, "person"), lexicon()
        return bool(lex["reports_to"].search(self.norm, max(0, at - 60), at)) or (
            named is not None and bool(lex["reports_to_close"].match(self.norm, named.end))
            and bool(lex["reports_to_open"].search(self.norm, max(0, at - 40), at)))

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
        for: the last person named in the clause before it, with those joined to it when
        it ends that clause ('X and Y, who left Z'), or whom its pronoun stands for. A German
        article before a noun ('die Firma habe …') is no relative pronoun."""
        if not self._opens_relative(sent, clause):
            return []
        before = self._clause(sent, clause[0] - 2)
        named = self._in(before[0], clause[0], "person")
        if named and not self.norm[named[-1].end:clause[0]].strip(" ,"):
            return self._conjoined(named)
        pron = lexicon()["pron"].search(self.norm, before[0], clause[0])
        referent = named[-1] if named else self._stands_for(sent, pron.start()) if pron else None
        return [referent] if referent is not None else []

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

    def _bracketed_again(self, named: Mention, end: int, p: Mention) -> bool:
        """`p` names the person `named` (ending at `end`) again, in brackets right after,
        in the other script: "麦格鲁（Bob McGrew）", "Bill Peebles(比尔·皮布尔斯)"."""
        return p.entity.iri == named.entity.iri \
            and re.fullmatch(r"\s*[(（]\s*", self._gap(end, p.start)) is not None

    def _conjoined_forward(self, people: list[Mention]) -> list[Mention]:
        """The first person and those joined after it: 'hires Sarah Friar ... and Kevin Weil',
        "麦格鲁（Bob McGrew）与佐夫（Barret Zoph）" (a name's bracketed form is passed over)."""
        chosen, last = [people[0]], people[0].end
        for p in people[1:]:
            if self._bracketed_again(chosen[-1], last, p):
                last = p.end
                continue
            gap = self.masked[last:p.start]  # names NUL: "X, who led AI at Y Inc., and Z"
            gap = self.titles.sub("", gap) if self.titles is not None else gap
            apposition = APPOSITIVE.match(gap)  # "X, the former CEO of Y, as CFO and Z"
            gap = gap[apposition.end():] if apposition else gap
            gap = lexicon()["colleague"].sub("", gap)  # "伊尔亚与同事简·莱克", "and his colleague"
            if re.fullmatch(r"[)）]?[\s,，、]*(?:as\s+[^\s;；]+(?:\s[^\s;；]+)?\s+)?"
                            r"(?:and|und|和|与|及)?\s*", gap):  # not "as CEO; Y"
                chosen.append(p)
                last = p.end
            else:
                break
        return chosen[:4]
