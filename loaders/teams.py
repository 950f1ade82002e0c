"""Teams and units named by a word for a team: "Sora 团队", "治理团队", "the Sora team",
"OpenAI-Team für Reinforcement Learning"."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders import fastre
from loaders.fastre import CJK
from loaders.lexicon import alternation, toml, words
from loaders.registry import new_entity

if TYPE_CHECKING:
    from loaders.mentions import Mention

# Between an organization and a team of its: next to it ("OpenAI 的", "OpenAI-"), or in
# apposition ("Anthropic, dem Claude-Team von nebenan", "Meta, the FAIR team").
_APPOSED = re.compile(r"(?s:.{0,2})|[,，]\s*(?:the|its|dem|der|die|das|den|des|seinem|ihrem)\s+")


class Teams:
    """Mixin of MentionFinder: the team rules (it provides norm, mentions, _add, _drop,
    _free_span, local)."""

    def _teams(self) -> None:
        """'Sora 团队', '治理团队', 'OpenAI-Team für Reinforcement Learning', 'Sora team': units
        of the organization written just before them, else of the last one named before them
        in their sentence, else of the article's main company."""
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.entity.kind == "org":
                counts[m.entity.iri] = counts.get(m.entity.iri, 0) + 1
        main = max(counts, key=lambda k: counts[k]) if counts else None
        words_zh = "|".join(words("names", "team_words_zh"))
        skip = words("names", "not_team_names_zh")
        function = set(toml("names")["function_chars_zh"])
        boundary = rf"(?:(?<=[^{CJK}])|(?<=[的在从于与和、]))"
        # its field or owner, capitalized words only: "OpenAI-Team für Reinforcement Learning"
        team_of = (rf"( (?:{alternation(words('names', 'team_complements_de'))}) "
                   r"[A-Z][\w-]*[\w](?: [A-Z][\w-]*[\w]){0,2})?")
        patterns = [fastre.compile(rf"{boundary}((?<![A-Za-z\d.])[A-Z][\w.]*(?: [A-Z][\w.]*)?"
                                   rf"|[{CJK}]{{2,3}}) ?(?:{words_zh})"),
                    fastre.compile(rf"(?<![\w-])([A-Z][\w/.-]*(?:-/)?[\w-]*)-Team\b{team_of}"),
                    fastre.compile(r"(?<![\w-])([A-Z][\w-]+(?: [A-Z][\w-]+)?) team\b")]
        for pattern in patterns:
            for m in fastre.finditer(pattern, self.norm):
                name = m.group(1)
                own = self._own_company(m)  # "OpenAI-Team für Reinforcement Learning"
                if name in skip or function.intersection(name) \
                        or not (own or self._free_span(m.start(), m.end())):
                    continue
                parent = own.entity.iri if own else self._parent(m.start()) or main
                if own:
                    self._drop(own)
                label = self.norm[m.start():m.end()]
                entity = self.local.get(label) or new_entity(
                    "team", label, unit_of=parent, scope=parent or "")
                self.local[label] = entity
                self._add(m.start(), m.end(), entity, "org-team-pattern")
        self._named_after_word(words_zh, main)

    def _parent(self, start: int) -> str | None:
        """The organization a team written at `start` is of: the one right before it or in
        apposition ("Anthropic, dem Claude-Team"), else the last one of its sentence ("Bei
        Tesla leitete er das Computer-Vision-Team")."""
        before = [x for x in self.mentions if x.entity.kind == "org" and x.end <= start
                  and _APPOSED.fullmatch(self.norm, x.end, start)]
        if not before:
            opened = max(self.norm.rfind(c, 0, start) for c in ".。!?！？\n")
            before = [x for x in self.mentions if x.entity.kind == "org"
                      and opened < x.start and x.end <= start]
        return before[-1].entity.iri if before else None

    def _named_after_word(self, words_zh: str, main: str | None) -> None:
        """'大模型团队Seed': a Latin name right after a word for a team is the team's, and
        so is that name wherever the article writes it again ("担任Seed负责人")."""
        pattern = fastre.compile(rf"(?:{words_zh})\s?([A-Z][A-Za-z\d.-]*[A-Za-z\d])"
                                 rf"(?![A-Za-z\d-])")
        for m in fastre.finditer(pattern, self.norm):
            name = m.group(1)
            if not self._free_span(m.start(1), m.end(1)):
                continue
            parent = self._parent(m.start()) or main
            entity = self.local.get(name) or new_entity("team", name, unit_of=parent,
                                                        scope=parent or "")
            self.local[name] = entity
            for again in re.finditer(rf"(?<![A-Za-z\d-]){re.escape(name)}(?![A-Za-z\d-])",
                                     self.norm):
                if again.start() >= m.start(1):
                    self._add(again.start(), again.end(), entity, "org-team-named")

    def _own_company(self, m: re.Match[str]) -> Mention | None:
        """A team named by its company and its field or owner ('OpenAI-Team für Reinforcement
        Learning'): the company's mention, which the team's replaces; a bare 'OpenAI-Team'
        stays the company's."""
        if m.lastindex is None or m.lastindex < 2 or m.group(2) is None:
            return None
        inside = [x for x in self.mentions if m.start() <= x.start < m.end()]
        if len(inside) == 1 and inside[0].entity.kind == "org" and inside[0].end <= m.end(1) \
                and self._free_span(inside[0].end, m.end()):
            return inside[0]
        return None
