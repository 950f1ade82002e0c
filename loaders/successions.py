"""Successions: who replaces whom, and in which post ("She succeeds X, Quillon's CTO",
"接替刘强东出任京东集团CEO", "Sein Nachfolger wird X"). A mixin of RoleChangeRules."""
from __future__ import annotations

import re

from loaders.facts import Context, Fact, lexicon
from loaders.mentions import Mention
from loaders.orgevents import FOUNDER_ROLES
from loaders.registry import Entity

_SPACES = re.compile(r"\s*")


class SuccessionRules(Context):
    """Needs `_subjects` (eventpeople.py), `_is_replaced` and `_headline_parted`
    (holders.py) and `_headline_end` (eventdates.py) from EventRules."""

    def _replacing_verb(self, clause, m: re.Match[str]) -> bool:
        """A verb of replacing ("接替", "succeeds", "Nachfolger"), or a Chinese verb of taking
        over with someone's work or team before 由 ("其团队将由X接手", `work_of_zh`)."""
        lex = lexicon()
        return bool(lex["replacing"].search(m.group(0)) or lex["taking_over"].fullmatch(
            m.group(0)) and lex["work_of_zh"].search(self.norm, clause[0], m.start()))

    def _role_key(self, title: re.Match[str]) -> str | None:
        return self.terms["roles"].lookup(self.lang, title.group(0))

    def _replaced(self, sent, clause, m, roles: list[Fact]) -> list[tuple]:
        """'用 X 替代了他', 'X replaced Y', 'He succeeds Y': X, the subject, takes the role
        another person held in the sentence ('Leike 不再担任超级对齐团队的负责人'); in the
        passive ('Y was replaced by X', 'von X abgelöst') the agent does."""
        noun = lexicon()["successor"].match(m.group(0))
        named_before = None
        if noun:  # "His successor, X,", "Nachfolger von Y wird X": the name after the noun
            new, named_before = self._successor_named(m.start() + noun.end())
        elif self.lang == "zh":  # "X…获得任命，接替此前卸任的Y": X, the sentence's subject
            new = self._in(clause[0], m.start(), "person")[-1:] or \
                self._subjects(sent, clause, m)[:1] or self._in(m.end(), clause[1], "person")[:1]
        elif self._org_subject(clause):
            return []  # "Die Deutsche Bank hat ihren Vorstandschef X abgelöst": X is replaced
        else:
            before = self._in(clause[0], m.start(), "person")  # "X hatte Y als Chef
            last = self.lang == "de" and not self.norm[m.end():clause[1]].strip(" .;\n")
            before = before[:1] if last else before[-1:]  # abgelöst": X, the verb last
            new = [p for p in self._named_agents(self._agent_span(clause, m))  # not "die
                   if not self._is_replaced(p)][:1] or before or \
                self._subjects(sent, clause, m)[-1:]  # Nachfolge von Y": Y is replaced
        if not new:
            return []
        # the posts others hold; not across a space that parts a Chinese headline's clauses
        # ("宣布X接任执行长 Y续任董事长" replaces no Y)
        held = [r for r in roles if r.start == sent[0] and r.person is not None
                and r.person is not new[0].entity and self._held(r)
                and not (r.at > m.end() and self._headline_parted(m.end(), r.at))]
        # "接替刘强东出任京东集团CEO": the title after is taken; not the successor's own
        titles = [t for t in self._titles_after(sent, clause, m)  # ("Nachfolger wird
                  if t.end() > new[0].start  # Produktionsvorstand X"); "陈磊…接替黄峥出任
                  or self.norm[t.end():new[0].start].strip()]  # 首席执行官": the title after
        if titles:  # "took over as CEO …, when Y succeeded Z as chairman": not the CEO post
            held = [r for r in held if clause[0] <= r.title_at < clause[1]]  # another clause's
        if not held and not titles:
            held = self._predecessor_held(sent, clause, m, (new[0], named_before), roles)
        posts = {(r.org.iri if r.org else None, r.role): r for r in held  # "as president
                 if r.person is held[0].person}  # and chief executive officer": both
        if not held and not titles:  # "Bosch bekommt einen neuen Chef. X werde die
            return [(new[0].entity, org, key, "event-replacing")  # Nachfolge von Y antreten"
                    for org, key in self._announced_post(sent)]
        return [(new[0].entity, self._post_org(new[0].entity, r, sent, roles), r.role,
                 "event-replacing") for r in posts.values()]

    def _post_org(self, new: Entity, post: Fact, sent, roles: list[Fact]) -> Entity | None:
        """Where the post taken is: the organization the sentence names for it, else, when
        the successor holds that post at another one the article names elsewhere, that one
        ("Blume hatte Diess als Vorstandsvorsitzender abgelöst", Blume "Konzernchef" of VW
        in a report on a subsidiary), else the one the post's holder was given."""
        if any(o.entity is post.org for o in self._in(sent[0], sent[1], "org")):
            return post.org
        own = [r.org for r in roles if r.person is new and r.role == post.role
               and not r.former and r.org is not None and r.start != sent[0]]
        return own[0] if own else post.org

    def _org_subject(self, clause) -> bool:
        """An organization opening a German clause, an article at most before it and a
        finite verb right after it (extract.toml `org_subject_de`), is the subject: the verb
        of replacing at the clause's end has the person named before it as its object."""
        opens = lexicon()["org_subject_de"].match(self.masked, clause[0]) \
            if self.lang == "de" else None
        first = self._in(clause[0], clause[1])[:1]
        return opens is not None and bool(first) and first[0].entity.is_org \
            and first[0].end <= opens.end()

    def _announced_post(self, sent) -> list[tuple]:
        """A post the paragraph's lead or the article's headline says is to be filled, with
        no one named to it ("Infineon bekommt einen neuen Vorstandschef", "Acme gets a new
        chief executive"): (organization written before it or the article's, role key)."""
        if self.titles is None:
            return []
        for start, end in ((self.paragraph_start(sent[0]), sent[0]), (0, self._headline_end())):
            for a, b in (s for s in self.sents if start <= s[0] < end):
                for t in self.titles.finditer(self.masked, a, b):
                    key = self._role_key(t)
                    if key and lexicon()["new_post"].search(self.norm, max(a, t.start() - 14),
                                                            t.start()) \
                            and not self._in(t.end(), b, "person"):
                        orgs = self._in(a, t.end(), "org")
                        return [(orgs[-1].entity if orgs else self.main_org, key)]
        return []

    def _titles_after(self, sent, clause, m: re.Match[str]) -> list[re.Match[str]]:
        """The titles written after the verb in its own clause, within 60 characters: the
        post it gives ("took over as interim CEO"); not "…, teilte der Aufsichtsrat mit", nor
        one sought ("will lead the search for Boeing's next CEO"), nor one its holder held
        before ("Den Vorsitz übernimmt der frühere Salesforce-Co-Chef X")."""
        lex = lexicon()
        return [t for t in self.hits(self.titles, sent)
                if 0 <= t.start() - m.end() <= 60 and t.start() < clause[1]
                and not lex["sought"].search(self.norm, m.end(), t.start())
                and not lex["former_any"].search(self.norm, max(m.end(), t.start() - 24),
                                             t.start())]

    def _successor_named(self, end: int) -> tuple[list[Mention], Mention | None]:
        """After a noun of succession ending at `end`: the successor named ("successor,
        X", "Nachfolger wird (am 1. Juli) X"), and the one replaced when named first ("von
        Y")."""
        lex = lexicon()
        replaced = None
        of = lex["successor_of"].match(self.norm, end)
        if of is not None:
            replaced = self._mention_at(of.end(), "person")
            if replaced is None:
                return [], None
            end = replaced.end
        at = lex["successor_gap"].match(self.norm, end).end()
        date = next((d for d in self.dates if d.start <= at < d.end), None)  # "wird am 1. Juli X"
        if date is not None:
            at = lex["successor_gap"].match(self.norm, date.end).end()
        lead = lex["successor_title_lead"].match(self.masked, at).end()  # "der frühere"
        own = self.titles.match(self.masked, lead) if self.titles is not None else None
        if own is not None:  # "Sein Nachfolger wird Produktionsvorstand X": X's title now
            at = _SPACES.match(self.norm, own.end()).end()
        found = self._mention_at(at, "person")
        return ([found] if found is not None else []), replaced

    def _predecessor_held(self, sent, clause, m: re.Match[str],
                          people: tuple[Mention, Mention | None], roles: list[Fact]
                          ) -> list[Fact]:
        """The title the one replaced was given before this sentence ("Porsche-Chef Oliver
        Blume tritt ab. Sein Nachfolger wird X"): `people` are the successor and the one
        replaced if named first; else they are named in the clause, or a pronoun in it
        stands for them ("X will succeed him"; the subject of a passive: "He will be
        succeeded by X"). Of their titles, the last at an organization the sentence names
        ("Chipotle said X would succeed Y": Y's post at Chipotle), else the last; those
        they step down from first ("X will step down as chief executive … and become
        executive chair … Y will succeed him": chief executive)."""
        new, named = people
        if named is None:
            others = sorted((p for p in self._in(*clause, "person") if p.entity is not new.entity),
                            key=lambda p: not self._is_replaced(p))  # "die Nachfolge von Y"
            lex = lexicon()
            pron = None if others else lex["replaced_pronouns"].search(self.norm, *clause) or (
                lex["pron"].search(self.norm, clause[0], m.start())
                if self._agent_span(clause, m) else None)
            named = others[0] if others else \
                self._stands_for(sent, pron.start() if pron else m.start(), new.entity) \
                if pron or not self.norm[clause[0]:m.start()].strip() else None
            # a bare noun opening its clause as "Sein Nachfolger" ("X wurde abgelöst.
            # Nachfolger wird Y"): the one the sentences before are about
        if named is None:
            return []
        earlier = [r for r in roles if r.person is named.entity and r.start < sent[0]
                   and not r.former and self._held(r)]
        earlier = [r for r in earlier if self._trigger_between(r.at, r.title_at, "Departure")
                   ] or earlier
        here = {o.entity.iri for o in self._in(*sent, "org")}  # "Chipotle said X would
        return ([r for r in earlier if r.org is not None and r.org.iri in here]  # succeed Y"
                or earlier)[-1:]

    def _held(self, r: Fact) -> bool:
        """A post one can hand on: a written title, no founder's, nor one the sentence has
        its holder take up ("X, who stepped down to join the board of Arm") or keep ("Y, who
        will remain chairman"); or the lead a verb gives ("folgt auf Y, der den Konzern seit
        2017 geleitet hatte")."""
        if r.rule == "role-verb-head":
            return True
        return r.role not in FOUNDER_ROLES and r.title_at >= 0 \
            and not self._trigger_between(r.at, r.title_at, "Joining") \
            and not (r.at < r.title_at and lexicon()["holding_now"].search(
                self.norm, max(r.at, r.title_at - 24), r.title_at))
