"""People and organizations named in an article: the registry's names, new names found by
pattern (people in personnames.py: Latin-script names, transliterations with '·', Chinese
names beside a title or a verb of saying; organizations in orgnames.py: by their suffix,
after a noun that introduces one), and short forms resolved within the article.

All matching runs on `Cleaned.norm` (Simplified script, ASCII width), so a match is a span
of the cleaned text and, through the offset map, of the original file.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from loaders import fastre
from loaders.fastre import CJK, CJK_CHAR
from loaders.lexicon import alternation, toml, words
from loaders.orgnames import OrgNames
from loaders.personnames import LETTER, LOW, PersonNames
from loaders.registry import Entity, Registry, new_entity, registry
from loaders.teams import Teams

_LEFT = rf"(?:(?<![{LETTER}])|(?<=[{LOW}])(?=[A-Z]))"


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity
    rule: str


# Organizations found once by their context ("创办了晨光智能", "der Softwarekonzern SAP",
# "Fjordline, a start-up", names.toml `org_contexts`): the same name elsewhere in the article
# is the same organization.
FOUND_BY_CONTEXT = {"org-introduced", "org-founded", *toml("names")["org_contexts"]}


def _alias_patterns(aliases: list[str]) -> list[re.Pattern[str]]:
    """One regex for Chinese aliases, one for one-word and one for multi-word Latin ones."""
    cjk = [a for a in aliases if re.search(f"[{CJK}]", a)]
    latin = [a for a in aliases if not re.search(f"[{CJK}]", a) and len(a) >= 2]
    single = [a for a in latin if " " not in a]
    multi = [a for a in latin if " " in a]
    out = []
    if cjk:
        out.append(fastre.compile(alternation(cjk)))
    if single:
        out.append(fastre.compile(rf"{_LEFT}(?:{alternation(single)})(?:s)?(?![{LOW}])"))
    if multi:
        out.append(fastre.compile(rf"{_LEFT}(?:{alternation(multi)})"))
    return out


_LATIN_LETTER = re.compile(rf"[{LETTER}]")
_LOWER = re.compile(rf"[{LOW}]")
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")  # a given name with another surname after it


def find_names(text: str, names: Iterable[str]) -> list[tuple[int, int, str]]:
    """Where an article's own few names occur, bounded as `_alias_patterns` bounds them
    (a Latin name not inside a word, a plural 's' allowed after a one-word one), leftmost
    and longest first, not overlapping: `str.find` per name, as compiling a regex of a
    few dozen names costs more than scanning for each."""
    found = []
    for name in names:
        cjk = bool(CJK_CHAR.search(name))
        i = text.find(name) if cjk or len(name) >= 2 else -1
        while i >= 0:
            end = i + len(name) if cjk else _bounded(text, i, name)
            if end:
                found.append((i, end, name))
            i = text.find(name, i + 1)
    out, last = [], 0
    for hit in sorted(found, key=lambda h: (h[0], h[0] - h[1])):
        if hit[0] >= last:
            out.append(hit)
            last = hit[1]
    return out


def _bounded(text: str, i: int, name: str) -> int | None:
    """The end of a Latin name found at i, if it stands as a word (see `_LEFT`)."""
    before = text[i - 1:i]
    if _LATIN_LETTER.match(before) and not (_LOWER.match(before) and name[0].isupper()
                                            and name[0].isascii()):
        return None
    end = i + len(name)
    if " " in name:
        return end
    if text[end:end + 1] == "s" and not _LOWER.match(text[end + 1:end + 2]):
        return end + 1
    return None if _LOWER.match(text[end:end + 1]) else end


@cache
def _registry_patterns() -> list[re.Pattern[str]]:
    return _alias_patterns(list(registry().alias))


@cache
def _sibling_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word for siblings right after a surname ("Amodei兄妹"), or right before it."""
    sibling = alternation(words("names", "sibling_words"))
    return fastre.compile(rf"\s?({sibling})\b"), fastre.compile(rf"({sibling})\s?$")


class MentionFinder(PersonNames, OrgNames, Teams):
    """Finds the mentions of one article, keeping one Entity per name across the article."""

    def __init__(self, norm: str, reg: Registry | None = None) -> None:
        self.norm = norm
        self.reg = reg or registry()
        self.mentions: list[Mention] = []
        self._taken = bytearray(len(norm))  # 1 where a mention already is
        self.local: dict[str, Entity] = {}  # folded name -> entity, for this article

    def _add(self, start: int, end: int, entity: Entity, rule: str) -> None:
        if self._free_span(start, end):
            self.mentions.append(Mention(start, end, entity, rule))
            self._taken[start:end] = b"\1" * (end - start)

    def _free_span(self, start: int, end: int) -> bool:
        return self._taken.find(1, start, end) < 0

    def _drop(self, mention: Mention) -> None:
        self.mentions.remove(mention)
        self._taken[mention.start:mention.end] = bytes(mention.end - mention.start)

    def _entity_of(self, entity: Entity) -> Entity:
        """A new entity made elsewhere, kept once per name in this article."""
        return self.local.setdefault(entity.name, entity)

    def _entity(self, name: str, kind: str, *labels: str) -> Entity:
        parts = name.split(" ")  # "Miguel Ángel López" is Miguel López ("von der Leyen" stays)
        if kind == "person" and len(parts) >= 3 and all(p[:1].isupper() for p in parts):
            labels = (*labels, f"{parts[0]} {parts[-1]}")
        for candidate in (name, *labels):
            known = self.reg.find(candidate) or self.local.get(candidate)
            if known is not None:
                return known
        entity = new_entity(kind, name)
        entity.labels.update(labels)
        for label in (name, *labels):
            self.local[label] = entity
        return entity

    def run(self) -> list[Mention]:
        found = []
        for pattern in _registry_patterns():
            for m in fastre.finditer(pattern, self.norm):
                text = m.group(0)
                entity = self.reg.find(text) or self.reg.find(text[:-1])
                if entity is not None:
                    found.append((m.start(), m.end(), entity))
        for start, end, entity in sorted(found, key=lambda f: (f[0] - f[1], f[0])):
            self._add(start, end, entity, "registry-name")
        self._dot_names()
        self._latin_names()
        self._paren_aliases()
        self._paren_org_aliases()
        self._zh_names()
        self._orgs()
        self._short_forms()
        self._teams()
        self._credits()
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def _credits(self) -> None:
        """'新浪科技讯 6月20日消息': the agency credited at the head of a report is no
        organization of its story (names.toml, news_credit)."""
        for m in fastre.finditer(fastre.compile(toml("names")["news_credit"]), self.norm):
            start, end = m.span(1)
            for x in [x for x in self.mentions if start <= x.start and x.end <= end]:
                if not x.entity.is_person:
                    self._drop(x)

    def _paren_org_aliases(self) -> None:
        """'Facebook人工智慧研究院(FAIR)': the name before a parenthesized organization is
        that organization's, not the company it opens with."""
        for m in list(self.mentions):
            if m.entity.is_person or m.start < 2 or self.norm[m.start - 1] not in "(（" \
                    or self.norm[m.end:m.end + 1] not in ")）":
                continue
            run = re.search(rf"(?:[A-Za-z][A-Za-z0-9.-]*\s?)?[{CJK}]{{2,10}}$",
                            self.norm[max(0, m.start - 22):m.start - 1])
            if run is None:
                continue
            start, end = m.start - 1 - len(run.group(0)), m.start - 1
            start += 1 + max(run.group(0).rfind(c) for c in words("names", "org_run_breaks_zh"))
            if end - start < 2:
                continue
            inside = [x for x in self.mentions if start <= x.start and x.end <= end]
            if any(x.entity.is_person for x in inside):
                continue
            for x in inside:
                self._drop(x)
            self._add(start, end, m.entity, "org-before-parenthesis")

    def _short_forms(self) -> None:
        """Surnames and given names of people named in full, when only one person has them."""
        owners: dict[str, set[str]] = {}
        by_iri: dict[str, Entity] = {}
        firsts: set[str] = set()  # given names: "Dan" of Dan Ammann is not "Dan Akerson"
        for m in self.mentions:
            if not m.entity.is_person:
                continue
            by_iri[m.entity.iri] = m.entity
            surface = self.norm[m.start:m.end]
            for name in {surface, m.entity.name}:
                parts = name.split("·") if "·" in name else name.split(" ")
                if len(parts) < 2:
                    continue
                for part in (parts[0], parts[-1]):
                    if len(part) >= 2 and (len(part) >= 3 or re.search(f"[{CJK}]", part)):
                        owners.setdefault(part, set()).add(m.entity.iri)
                firsts.add(parts[0])
        for m in self.mentions:  # a name found once by its context is the same name elsewhere
            if not m.entity.known and (m.entity.is_person or m.rule in FOUND_BY_CONTEXT):
                surface = self.norm[m.start:m.end]
                owners.setdefault(surface, set()).add(m.entity.iri)
                by_iri[m.entity.iri] = m.entity
        stop = words("names", "not_names")
        heads: dict[str, Mention] = {}  # "Scale" for Scale AI, "Stability" for Stability AI;
        for m in sorted(self.mentions, key=lambda m: m.start):  # "Mozilla" for the first
            if m.entity.kind == "org" and " " in m.entity.name:  # of Mozilla Corporation
                head = _head(m.entity.name)  # and Mozilla Foundation
                if len(head) >= 4 and head[0].isupper() and head not in stop:
                    heads.setdefault(head, m)
        for head, m in heads.items():  # not a person's name: "Babuschkin Ventures"
            if any(by_iri[i].is_person for i in owners.get(head, ())):
                continue
            owners.setdefault(head, set()).add(m.entity.iri)
            by_iri[m.entity.iri] = m.entity
        forms = {f: next(iter(o)) for f, o in owners.items() if len(o) == 1 and f not in stop}
        for start, end, form in find_names(self.norm, forms):
            if form not in firsts or not _NAME_GOES_ON.match(self.norm, end):
                self._add(start, end, by_iri[forms[form]], "name-short-form")
        self._siblings({f: sorted(o) for f, o in owners.items() if len(o) == 2}, by_iri)

    def _siblings(self, shared: dict[str, list[str]], by_iri: dict[str, Entity]) -> None:
        """'Amodei兄妹', 'the Amodei siblings', 'die Geschwister Amodei': the two people
        named with that surname, one mention on the surname and one on the word."""
        after, before = _sibling_words()
        for start, end, form in find_names(self.norm, shared):
            word = after.match(self.norm, end) or \
                before.search(self.norm, max(0, start - 14), start)
            if word is None:
                continue
            first, second = (by_iri[i] for i in shared[form])
            spans = [(start, end), word.span(1)]
            spans.sort()
            if all(self._free_span(*span) for span in spans):
                for (a, b), entity in zip(spans, (first, second), strict=True):
                    self._add(a, b, entity, "name-siblings")


def _head(name: str) -> str:
    """The words a name is cut to: its first ("Scale" of Scale AI), its first two of three
    or more capitalized ones ("Deutsche Post" of Deutsche Post DHL, not "Deutsche")."""
    words_ = name.split(" ")
    two = len(words_) >= 3 and all(w[:1].isupper() for w in words_[:2])
    return " ".join(words_[:2 if two else 1])


def find_mentions(norm: str, text: str | None = None) -> list[Mention]:
    """Mentions in the folded text `norm`; new names are given as `text` writes them (the
    cleaned text, same offsets: Traditional stays Traditional), their IRIs from the folded form."""
    mentions = MentionFinder(norm).run()
    if text is not None:
        renamed: set[str] = set()
        for m in mentions:
            e = m.entity
            if not e.known and e.iri not in renamed and e.name == norm[m.start:m.end]:
                e.name = text[m.start:m.end]
                e.labels.add(e.name)
                renamed.add(e.iri)
    return mentions
