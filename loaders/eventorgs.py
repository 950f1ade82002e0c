"""Where a person's event happens: the organization its verb names (for a joining, not one
the move comes from), the one a move comes from, "the company" an anaphor means (the one
that hires is OrgLookup's `_hirer`, which the role rules ask too)."""
from __future__ import annotations

import re

from loaders.facts import NAMED_AFTER, Context, Fact, lexicon
from loaders.lexicon import describes_org
from loaders.mentions import Mention
from loaders.registry import Entity

# A joining, founding or return names where; a departure may leave it implicit (the
# person's organization, or the article's).
EXPLICIT_ORG = {"Joining", "Founding"}  # a return goes back to their organization


class EventOrgs(Context):
    """Mixin of EventRules."""

    def _origin(self, clause, m: re.Match[str]) -> Entity | None:
        """'von OpenAI zu Tesla gewechselt', 'moved from X to Y', '从微软跳槽': where from."""
        for org in self._in(clause[0], clause[1], "org"):
            mark = self._origin_mark(org, clause[0])
            if mark and abs(mark.start() - m.start()) <= 40 and not lexicon()["studying"].search(
                    self.norm, org.end, m.start()):  # "从北京大学博士毕业后加入": studied there
                return org.entity
        return None

    def _title_org(self, sent, m: re.Match[str], people: list, roles: list) -> Entity | None:
        """The company of a title the sentence gives its first person before the verb
        ("AMD engineer X said he was leaving the company", "X, Forscherin bei Y, verließ das
        Unternehmen"): a current one, or one held until now ("der bisherige Konzernchef")."""
        return next((r.org for r in roles if people and r.person is people[0].entity
                     and sent[0] <= r.title_at < m.start()
                     and (not r.former or lexicon()["outgoing"].search(
                         self.norm, max(sent[0], r.title_at - 24), r.title_at))
                     and r.org is not None and r.org.kind == "org"), None)

    def _post_taken(self, sent, m: re.Match[str], people: list, roles: list) -> Entity | None:
        """The company of the post a sentence names its first person to after the verb, when
        no company names them ("Musk names NBCUniversal's Linda Yaccarino as Twitter CEO"):
        not one written with the name, where they come from."""
        return next((r.org for r in posts_given(roles, sent[0], people[0].entity)
                     if r.title_at > m.end() and r.org is not None and r.org.kind == "org"),
                    None) if people else None

    def _part_founded(self, org, clause) -> bool:
        """'创立了百度智能硬件品牌小度', "founded Google's hardware division": the organization
        after a founding verb owns what was founded (a word for a part follows it)."""
        return lexicon()["founded_part"].search(self.norm, org.end, clause[1]) is not None

    def _founders_after(self, clause, m: re.Match[str]) -> bool:
        """'founded by X', 'gegründet von X': the verb's agents (`_agent_span`) follow it,
        so what follows is theirs (a title's company), and what was founded stands before."""
        span = self._agent_span(clause, m)
        return span is not None and span[0] >= m.end()

    def _near_after(self, end: int, org: Mention) -> bool:
        """An organization close after a verb: within 30 characters, or 60 when a word that
        describes it stands right before it ("wechselt zum französischen KI-Unternehmen
        Mistral AI")."""
        gap = org.start - end
        return gap <= 30 or gap <= 60 and describes_org(
            (self.norm[end:org.start].split() or [""])[-1])

    def _told_past(self, org: Mention, end: int) -> bool:
        """An organization in a later clause that tells of the past ("加入联想，此前曾在德意志
        银行和花旗集团任职", "joined Quillon, having previously worked at X and Y")."""
        start = self._clause(self.sentence_of(org.start, (end, org.end)), org.start)[0]
        return start > end and lexicon()["former_any"].search(self.norm, start, org.start) \
            is not None

    def _others_post(self, org: Entity | None, sent, people: list[Mention],
                     roles: list[Fact]) -> bool:
        """An organization the sentence names as the post someone else than `people` holds
        (in apposition, or titled before the name), and none of them ("Y, the chief
        executive of Z, will become …, replacing X"; not the post Y takes: "Y will take
        over as chief executive of Z … after X stepped down")."""
        if org is None:
            return False
        mine = {p.entity.iri for p in people}
        told = [r for r in roles if r.org is org and r.person is not None
                and sent[0] <= r.title_at < sent[1] and r.rule in ("role-apposition", *NAMED_AFTER)]
        return any(r.person.iri not in mine for r in told) and \
            not any(r.person.iri in mine for r in told)

    def _event_org(self, clause, m: re.Match[str], etype: str,
                   held: Entity | None = None) -> Entity | None:
        """`held`: where the person holds the title the clause names them with ("Der
        bisherige Konzernchef X verlässt das Unternehmen": what "the company" means)."""
        anaphor = lexicon()["company_after"].match(self.norm, m.end()) or (
            lexicon()["company"].search(re.sub(r"[,，]\s*(?:das|die|der|which|that)?\s*$", "",
                                               self.norm[max(0, clause[0] - 30):clause[0]]))
        ) or lexicon()["company_before_verb"].search(self.norm, clause[0], m.start())
        if anaphor:  # "verlassen damit das Unternehmen", "left the company", "离开该公司",
            # "das Unternehmen, das sie gegründet haben"
            meant = self._entered(m.start()) or held or self._company_meant(m.start())
            if meant is not None:
                return meant
        then = self.lang == "zh" and lexicon()["then_zh"].match(self.norm, m.end())
        after = [] if then else [o for o in self._in(m.end(), clause[1], "org")  # "卸任后"
                                 if self._near_after(m.end(), o) or etype == "Joining"
                                 and self._mark_before(o, "destination", m.end())]  # "kam
        # 2022 von den Österreichischen Bundesbahnen zur Deutschen Bahn": where one went
        if etype == "Joining":  # "wechselt von X zu Y": Y; "tritt dem Team von Y bei": Y;
            # never where the move came from ("joins from X")
            after = [o for o in after if not self._told_past(o, m.end())
                     and not self._origin_mark(o, m.end())]
        before = [o for o in self._in(clause[0], m.start(), "org")  # "Scale AI创办人X加入",
                  if (etype not in EXPLICIT_ORG or not (  # "Microsoft's X joins": X's employer
                      self._affiliation(o) or self._owns_person(o)))
                  and not self._medium(o)]  # "X在微博宣布，…离职": no event's organization
        if etype == "Departure" and after \
                and self._trigger_between(m.end(), after[0].start, "Joining"):
            after = []  # "跳槽加入 X", "left to join X": X is where they went, not what they left
        if etype == "Departure":  # "left for X", "赴美国斯坦福大学": where they went
            after = [o for o in after if not self._mark_before(o, "destination", 0)]
        if etype == "Return" and not after:  # "X, who left Google to start Y, is returning
            left = [o for o in before  # to the search giant": where X had left
                    if self._trigger_between(max(clause[0], o.start - 12), o.start, "Departure")]
            before = left or before
        if etype == "Founding" and after and self._part_founded(after[0], clause):
            return None
        described = self._in(max(0, m.start() - 60), m.start(), "org")[-1:]
        if etype == "Founding" and described and lexicon()["apposed"].fullmatch(
                self.norm, described[0].end, m.start()):
            return described[0].entity  # "Blue Origin, the space company founded by X"
        if etype == "Founding" and self._founders_after(clause, m):
            after = []  # "Y, the startup founded by former OpenAI CTO X": not OpenAI
        if after and (etype in ("Joining", "Founding", "Return")  # "left X", "stepping down
                      or after[0].start - m.end() <= 3  # from their roles at X"
                      or lexicon()["left_post"].fullmatch(self.norm, m.end(), after[0].start)):
            return after[0].entity
        return before[-1].entity if before else (after[0].entity if after else None)


def posts_given(roles: list[Fact], start: int, person: Entity) -> list[Fact]:
    """The posts the sentence at `start` gives a person: current ones, not a title written
    with the name (in apposition or before it), which is held already."""
    return [r for r in roles if r.start == start and r.person is person and not r.former
            and r.rule not in ("role-apposition", *NAMED_AFTER)]
