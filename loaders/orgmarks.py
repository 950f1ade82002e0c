"""What the words around an organization's name say of it: where someone came from or
went ("von der Unternehmensberatung McKinsey", "left for X", 赴; one left for another),
that it was someone's past employer ("前OpenAI研究副总裁"), that it is a platform something
was said on ("在微博上称"), that it was bought ("die Übernahme des …") or studied at, that
it names the post of a name after it ("益華電腦前執行長X"), that it opens its sentence as the
subject; and which company of the paragraph before a bare title is held at."""
from __future__ import annotations

import re

from loaders.lexicon import describes_org
from loaders.mentions import Mention
from loaders.registry import Entity
from loaders.rulewords import lexicon

# An article and up to two words, the last describing an organization, between an origin
# mark and its organization: "von der Unternehmensberatung ", "from the consulting firm ".
_DESCRIBED = re.compile(r"\s+(?:(?:der|dem|den|des|the|a|an)\s+)?(?:[\w-]+\s+)?([\w-]+)\s+")


def former_employer(norm: str, start: int) -> bool:
    """An organization written at `start` right after a word of former: someone's past
    employer ("前OpenAI研究副总裁", "ex-Google", "a former Starbucks operating chief")."""
    return lexicon()["former"].search(norm[max(0, start - 12):start]) is not None


class OrgMarks:
    """Mixin of Context (it provides norm, masked, _in, sentence_of, _trigger_between,
    paragraph_before, main_org) and OrgLookup (`_affiliation`)."""

    def _topic_before(self, para: int, kinds: tuple[str, ...]) -> list[Mention]:
        """The company of the paragraph before `para` a title with none is held at: the
        article's own if named there, else the first; not one left for another ("von Cisco
        zu"), nor one gone to ("der zum Softwareanbieter Y gewechselt war"), nor someone's
        past employer, nor a platform."""
        before = self.paragraph_before(para)
        orgs = [m for m in self._in(before, para, "org") if m.entity.kind in kinds
                and not self._affiliation(m) and not self._left_for_another(m, before)
                and not self._mark_before(m, "destination", before)
                and not former_employer(self.norm, m.start) and not self._bystander(m, before)]
        return [m for m in orgs if m.entity is self.main_org][:1] or orgs[:1]

    def _bystander(self, org: Mention, start: int) -> bool:
        """An organization no title is held at for being written near it: where someone
        studied ("毕业于台湾大学", "studied at Stanford"), a platform something was said on,
        one bought ("die Übernahme des Saatgutherstellers Y"; a mark after `start`), the owner
        of the one named next ("VW-Softwaretochter Cariad")."""
        return lexicon()["studied"].search(self.norm, max(0, org.start - 24), org.start) \
            is not None or self._medium(org) or self._mark_before(org, "acquired", start) \
            is not None or lexicon()["owner_of"].match(self.masked, org.end) is not None

    def _medium(self, org: Mention) -> bool:
        """An organization written as where something was said ("在微博上称", "wrote on
        LinkedIn", "schrieb auf X"): a platform, not a company the article tells of."""
        return any(m.start() < org.start < m.end() for m in lexicon()["medium"].finditer(
            self.masked, max(0, org.start - 16), org.end + 2))

    def _group(self, pos: int) -> Entity | None:
        """The organization the article calls the group before `pos` ("der Volkswagen-Konzern",
        "der Mutterkonzern X"): the one a "Konzernchef" leads."""
        lex = lexicon()
        named = [o for o in self._in(0, pos, "org") if lex["group_after"].match(self.norm, o.end)
                 or lex["group_before"].search(self.norm, max(0, o.start - 16), o.start)]
        return named[-1].entity if named else None

    def _origin_mark(self, org: Mention, start: int) -> re.Match[str] | None:
        """The 从 / from / von (after `start`) marking where someone comes from."""
        return self._mark_before(org, "origin", start)

    def _mark_before(self, org: Mention, key: str, start: int) -> re.Match[str] | None:
        """The last mark of lexicon `key` (after `start`) an organization is written right
        after (within 3 characters), or after its description ("von der Unternehmensberatung
        McKinsey", "from the consulting firm X", "left for the rival start-up X"): where
        someone comes from (`origin`) or went (`destination`: "赴美国斯坦福大学")."""
        marks = [*lexicon()[key].finditer(self.norm, max(start, org.start - 40), org.start)]
        if not marks:
            return None
        gap = self.norm[marks[-1].end():org.start]
        described = _DESCRIBED.fullmatch(gap)
        return marks[-1] if len(gap) <= 3 or lexicon()["article_gap"].fullmatch(gap) \
            or described and describes_org(described[1]) else None

    def _left_for_another(self, org: Mention, start: int) -> bool:
        """'von Cisco zu Siemens gewechselt', 'from Google to OpenAI', 'arbeitete für
        L'Oréal, bevor er 2016 zu Beiersdorf wechselte': the one left."""
        if self._origin_mark(org, start) is not None and \
                lexicon()["moved_on"].match(self.norm[org.end:org.end + 12]) is not None:
            return True
        sent = self.sentence_of(org.start, (org.start, org.end))
        return any(self._trigger_between(org.end, min(sent[1], o.end + 16), "Joining")
                   for o in self._in(org.end, sent[1], "org") if o.entity is not org.entity)

    def _left_by_another(self, org: Mention, start: int, holder: Entity) -> bool:
        """A company someone other than `holder` left for another: the last person named
        before it in its sentence is not the holder."""
        sent = self.sentence_of(org.start, (org.start, org.end))
        leaver = self._in(sent[0], org.start, "person")[-1:]
        return bool(leaver) and leaver[0].entity is not holder \
            and self._left_for_another(org, start)

    def _opened(self, s0: int, s1: int) -> Entity | None:
        """The company a sentence opens with as its subject ("Das Chatbot-Startup
        Character.AI gab …", "英特爾12日宣布，任命…"), not as someone's title ("Der frühere
        Puma-Chef X …"), a former employer, one left for another or after a preposition of
        time."""
        reach = 12 if self.lang == "zh" else 32
        first = self._in(s0, min(s1, s0 + reach), "org")[:1]
        o = first[0] if first else None
        return o.entity if o is not None and o.entity.kind == "org" \
            and not self._affiliation(o) \
            and not (lexicon()["time_prep_before"].search(  # not "Before Starbucks,
                self.norm, max(0, o.start - 8), o.start)  # she ran Walmart's …"
                and self.norm.startswith(",", o.end)) \
            and not former_employer(self.norm, o.start) \
            and not self._left_for_another(o, s0) \
            and not self._medium(o) else None  # nor "war von BMW zu VW gewechselt"

    def _titles_name(self, org: Mention, end: int) -> bool:
        """An organization before a title of a name, both before `end` ("任命益華電腦前執行長
        陳立武為執行長": the company of the post held, not of the one given)."""
        title = self.titles.search(self.masked, org.end, end) if self.titles else None
        return title is not None and self._mention_at(
            title.end() + self.norm.startswith(" ", title.end()), "person") is not None
