"""People and organizations named in an article: the registry's names, new names found by
pattern (Latin-script names, transliterations with '·', Chinese names beside a title or a
verb of saying, organizations by their suffix), and short forms resolved within the article.

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
from loaders.lexicon import alternation, ontology_terms, toml, words
from loaders.orgnames import OrgNames
from loaders.registry import Entity, Registry, new_entity, registry

# Latin Extended-A (ł, ş, ř, Ł, Š...) in either case: Polish, Czech and Turkish names
_EXT = "\u0100-\u017f"
_LOW = rf"a-zà-öø-ÿß{_EXT}"
_UP = rf"A-ZÀ-ÖØ-Þ{_EXT}"
_LETTER = rf"A-Za-zÀ-ÿ{_EXT}"  # any Latin letter: what may not stand right before a name
_TOKEN = (rf"(?:(?:Mc|Mac|De|Di|Da|Le|La|Du|Van|Von)[A-Z][{_LOW}]+|"
          rf"[{_UP}](?:[{_LOW}]+|'[A-Z][{_LOW}]+|[{_LOW}]*['’][A-Z][{_LOW}]+)(?:-[{_UP}][{_LOW}]+)?)")
_INITIALS = r"(?:[A-Z]{2}|(?:[A-Z]\.){2})"  # "RJ Scaringe", "J.B. Straubel": a first name
LATIN_RUN = fastre.compile(rf"(?<![{_LETTER}])(?:{_INITIALS}(?=[ \u00a0]{_TOKEN})|{_TOKEN})"
                           rf"(?:[ \u00a0]{_TOKEN})+(?![{_LOW}])")
DOT_NAME = fastre.compile(rf"[{CJK}]{{1,6}}·[{CJK}]{{1,8}}")
PAREN_LATIN = fastre.compile(rf"\s*[(（]\s*({_TOKEN}(?:[ \u00a0]{_TOKEN}){{1,2}})\s*[)）]")
PAREN_CJK = fastre.compile(rf"\s*[(（]\s*([{CJK}]{{1,6}}(?:·[{CJK}]{{1,8}})?)\s*[)）]")
_LEFT = rf"(?:(?<![{_LETTER}])|(?<=[{_LOW}])(?=[A-Z]))"


@dataclass
class Mention:
    start: int
    end: int
    entity: Entity
    rule: str


# Organizations found once by their context ("创办了晨光智能", "der Softwarekonzern SAP",
# "Fjordline, a start-up"): the same name elsewhere in the article is the same organization.
FOUND_BY_CONTEXT = {"org-introduced", "org-founded", "org-appositive"}


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
        out.append(fastre.compile(rf"{_LEFT}(?:{alternation(single)})(?:s)?(?![{_LOW}])"))
    if multi:
        out.append(fastre.compile(rf"{_LEFT}(?:{alternation(multi)})"))
    return out


_LATIN_LETTER = re.compile(rf"[{_LETTER}]")
_LOWER = re.compile(rf"[{_LOW}]")


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
def _zh_context() -> tuple[re.Pattern[str], ...]:
    surnames = "".join(words("names", "surnames_zh"))
    roles = ontology_terms()["roles"].by_lang
    titles = {p for lang in ("", "zh") for p in roles.get(lang, {})  # and "CEO靳玉志"
              if re.search(f"[{CJK}]", p) or re.fullmatch("[A-Z]{2,5}", p)}
    speech = [p for p in ontology_terms()["speech"].by_lang.get("", {})
              if re.search(f"[{CJK}]", p)]
    name = rf"([{surnames}][{CJK}]{{1,2}}?)"
    triggers = [p for p in ontology_terms()["triggers"].by_lang.get("", {})
                if re.search(f"[{CJK}]", p)]
    followers = sorted(words("names", "name_followers_zh"))
    title = alternation(titles)
    after_title = fastre.compile(rf"(?:{title}){name}"  # "副总经理陈冠州为总经理"
                                 rf"(?=(?:{alternation(speech + triggers + followers)})"
                                 rf"|[,，。、:：(（在的也则对向还将于已和与及等]|为(?:{title}))")
    before_verb = fastre.compile(rf"(?:^|(?<=[,，。:：\n」”]))\s*{name}(?=[也还]?"  # "X在推特上写道"
                                 rf"(?:在[^,，。]{{1,10}}?[上中里])?(?:{alternation(speech)}))")
    appointed = fastre.compile(rf"(?:{alternation(words('names', 'appoint_verbs_zh'))})"
                               rf"{name}(?=为|出任|担任)")  # "任命吴泽明为首席技术官"
    leads = set(toml("extract")["object_verb_roles"])  # the verbs of leading ("负责", "领导")
    leading = [p for p, key in ontology_terms()["role_verbs"].by_lang.get("", {}).items()
               if key in leads and CJK_CHAR.search(p)]
    taking = words("names", "succession_verbs_zh")
    led_by = fastre.compile(rf"由{name}(?=(?:共同|负责)?(?:{alternation(taking.union(leading))}))")
    office = alternation(taking | words("names", "office_verbs_zh"))
    opens = fastre.compile(rf"(?:^|(?<=[,，。:：、\n」”]))\s*{name}"  # "王立曾担任", not 王立曾
                           rf"(?=(?:于?\d{{4}}年)?[曾已将也还]?(?:{office}))")
    of_event = fastre.compile(rf"(?:{alternation(triggers)})的{name}(?=[,，。;；、\n]|$)")
    return (after_title, before_verb, appointed, led_by, opens,  # led_by: "Seed团队由朱文佳负责"
            of_event)  # of_event: "接替此前卸任的王军。"


@cache
def _title_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A Latin-script role title ending right before a name, and one in apposition right
    after it (or after as/als): the gap of `apposition_gap`, an owner's name with 's, the
    title's modifiers; or a relative pronoun only a person takes (`person_relative`).
    Titles an organization holds too (names.toml's `org_titles`) are left out."""
    roles = ontology_terms()["roles"].by_lang
    held_by_orgs = {p.lower() for p in toml("names")["org_titles"]}
    written = {p for table in roles.values() for p in table
               if not CJK_CHAR.search(p) and p.lower() not in held_by_orgs}
    titles = alternation(written, fold_case=True)
    data = toml("extract")
    # a title ending in the word that places it at an organization ("Chef der", "head
    # of") has that organization after it, not a name
    placing = re.compile(data["title_org_prep"], re.IGNORECASE)
    before = alternation({p for p in written if not placing.fullmatch(p.split()[-1])},
                         fold_case=True)
    gap = data["apposition_gap"].removeprefix("^").removesuffix("$")
    modifiers = f"(?:(?:{'|'.join(data['title_modifiers'])})\\s*)*"
    owner = r"(?-i:(?:[A-Z][\w.&-]*\s)?[A-Z][\w.&-]*['’]s\s+)?"
    return (fastre.compile(rf"(?<![{_LETTER}])(?:{before})\s+$", re.IGNORECASE),
            fastre.compile(rf"(?:{gap}|\s+(?:as|als)\s+){owner}{modifiers}(?:{titles})"
                           rf"(?![{_LOW}])|(?-i:{toml('names')['person_relative']})",
                           re.IGNORECASE))


@cache
def _sibling_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A word for siblings right after a surname ("Amodei兄妹"), or right before it."""
    sibling = alternation(words("names", "sibling_words"))
    return fastre.compile(rf"\s?({sibling})\b"), fastre.compile(rf"({sibling})\s?$")


@cache
def _title_words() -> frozenset[str]:
    roles = ontology_terms()["roles"].by_lang
    return frozenset(p.lower() for table in roles.values() for p in table)


def _is_title(token: str) -> bool:
    return token.lower() in _title_words()


class MentionFinder(OrgNames):
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
        self._zh_names()
        self._orgs()
        self._short_forms()
        self._teams()
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def _dot_names(self) -> None:
        chars = "".join(words("names", "translit_zh"))
        pattern = fastre.compile(rf"[{chars}]{{1,5}}·[{chars}]{{1,6}}") if chars else DOT_NAME
        for m in fastre.finditer(pattern, self.norm):
            paren = PAREN_LATIN.match(self.norm, m.end())
            latin = paren.group(1) if paren else None
            entity = self._entity(latin or m.group(0), "person", m.group(0))
            self._add(m.start(), m.end(), entity, "name-dot-transliteration")
            if paren:
                self._add(paren.start(1), paren.end(1), entity, "name-parenthesized")

    def _paren_aliases(self) -> None:
        """'执行长皮蔡（Sundar Pichai）': the Chinese name before a parenthesized person is
        theirs (after any title or organization that opens the run)."""
        titles = ontology_terms()["roles"].pattern("zh")
        for m in list(self.mentions):
            if not m.entity.is_person or m.start < 2 or self.norm[m.start - 1] not in "(（":
                continue
            run = re.search(rf"[{CJK}]{{2,8}}$", self.norm[max(0, m.start - 9):m.start - 1])
            if run is None:
                continue
            text, start = run.group(0), m.start - 1 - len(run.group(0))
            cut = max((t.end() for t in titles.finditer(text)), default=0) if titles else 0
            if 2 <= len(text) - cut <= 4:
                self._add(start + cut, m.start - 1, m.entity, "name-before-parenthesis")
        self._paren_org_aliases()

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

    def _latin_names(self) -> None:
        """Runs of capitalized words ('Der Forscher Jonas Weber', 'Investor Xavier Niel'):
        a name starts at a given name (or is a romanized Chinese one) and takes the one or
        two words after it; a run without one is a name when a role title stands right
        before or after it (`_titled_name`)."""
        for m in LATIN_RUN.finditer(self.norm):
            words_ = m.group(0).replace("\u00a0", " ").split(" ")
            offsets = [m.start() + len(" ".join(words_[:i])) + (1 if i else 0)
                       for i in range(len(words_))]
            if not self._given_names(m, words_, offsets):
                self._titled_name(m, words_, offsets)

    def _given_names(self, m: re.Match[str], words_: list[str], offsets: list[int]) -> bool:
        """The names of a run that start at a given name; whether there was one."""
        found = False
        places = words("names", "place_openers")
        i = 0
        while i < len(words_) - 1:
            if i and words_[i - 1] in places:  # "San Mateo"
                i += 1
                continue
            for size in (3, 2):
                tokens = words_[i:i + size]
                if len(tokens) == size and self._person_name(tokens):
                    start = offsets[i]
                    end = start + len(" ".join(tokens))
                    if size == 2:
                        self._free_surname(start, offsets[i + 1], end)
                    paren = PAREN_CJK.match(self.norm, end) if end == m.end() else None
                    entity = self._entity(" ".join(tokens), "person",
                                          *([paren.group(1)] if paren else []))
                    self._add(start, end, entity, "name-latin-given-name")
                    if paren:
                        self._add(paren.start(1), paren.end(1), entity, "name-parenthesized")
                    found = True
                    i += size - 1
                    break
            i += 1
        return found

    def _free_surname(self, given: int, start: int, end: int) -> None:
        """'Aufsichtsratschef Wolfgang Porsche': a company's name right after a given name
        (no other name's part) is that person's surname, not the company."""
        org = [m for m in self.mentions if m.start == start and m.end == end]
        if org and not org[0].entity.is_person and self._free_span(given, start):
            self._drop(org[0])

    def _titled_name(self, m: re.Match[str], words_: list[str], offsets: list[int]) -> None:
        """A run of two or three name words whose given name no list holds, named by its
        role title: right before it ('chief scientist Karén Simonyan', 'Forscherin Ewa
        Nowak') or in apposition right after it ('Barret Zoph, a vice president of
        research', 'Karén Simonyan, Inflection's chief scientist', 'named Ngozi Okafor as
        chief executive'), or by ', who' after it. Leading titles and stop words of the run
        are left out; an organization's suffix ends no name."""
        stop, suffixes = words("names", "not_names"), words("names", "org_suffixes")
        i = 0
        while i < len(words_) and (words_[i] in stop or _is_title(words_[i].rsplit("-")[-1])):
            # "Puma-Chef Bjørn Gulden": a compound's last part is its title; "Chief Science
            # Officer X": the longest title the run opens with
            i = next((j for j in range(len(words_), i + 1, -1)
                      if _is_title(" ".join(words_[i:j]))), i + 1)
        tokens = words_[i:]
        if not 2 <= len(tokens) <= 3 or tokens[-1] in suffixes \
                or any(t in stop or _is_title(t) or not t[0].isupper() for t in tokens):
            return
        before, after = _title_context()
        start = offsets[i]
        if before.search(self.norm, max(0, start - 60), start) or \
                after.match(self.norm, m.end()):
            self._add(start, m.end(), self._entity(" ".join(tokens), "person"),
                      "name-latin-title")

    @staticmethod
    def _person_name(tokens: list[str]) -> bool:
        """A given name first, or a romanized Chinese name (a surname among short syllables)."""
        given, pinyin, stop = (words("names", k) for k in ("given", "surnames_pinyin",
                                                            "not_names"))
        if tokens[-1] in words("names", "org_suffixes") or any(t in stop for t in tokens[1:]):
            return False
        if _is_title(tokens[0]):
            return False
        chinese = any(t in pinyin for t in tokens) and all(len(t) <= 7 for t in tokens) \
            and tokens[0] not in stop
        return chinese or tokens[0] in given

    def _zh_names(self) -> None:
        names = toml("names")
        function = set(names["function_chars_zh"]) | set(names["not_name_chars_zh"])
        given = function - set(names["given_name_chars_zh"])  # "顾大为": not at the start
        common = words("names", "not_names_zh")  # "高管"
        openings = tuple(words("names", "not_name_openings_zh"))  # "许多人"
        rules = ("name-zh-after-title", "name-zh-before-verb", "name-zh-appointed",
                 "name-zh-led-by", "name-zh-opens-clause", "name-zh-of-event")
        for pattern, rule in zip(_zh_context(), rules, strict=True):
            for m in fastre.finditer(pattern, self.norm):
                found = m.group(1)
                if found[0] not in function and not given.intersection(found[1:]) \
                        and found not in common and not found.startswith(openings):
                    self._add(m.start(1), m.end(1), self._entity(m.group(1), "person"), rule)

    def _short_forms(self) -> None:
        """Surnames and given names of people named in full, when only one person has them."""
        owners: dict[str, set[str]] = {}
        by_iri: dict[str, Entity] = {}
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
        for m in self.mentions:  # a name found once by its context is the same name elsewhere
            if not m.entity.known and (m.entity.is_person or m.rule in FOUND_BY_CONTEXT):
                surface = self.norm[m.start:m.end]
                owners.setdefault(surface, set()).add(m.entity.iri)
                by_iri[m.entity.iri] = m.entity
        stop = words("names", "not_names")
        heads: dict[str, Mention] = {}  # "Scale" for Scale AI, "Stability" for Stability AI;
        for m in sorted(self.mentions, key=lambda m: m.start):  # "Mozilla" for the first
            if m.entity.kind == "org" and " " in m.entity.name:  # of Mozilla Corporation
                head = m.entity.name.split(" ")[0]  # and Mozilla Foundation
                if len(head) >= 4 and head[0].isupper() and head not in stop:
                    heads.setdefault(head, m)
        for head, m in heads.items():
            owners.setdefault(head, set()).add(m.entity.iri)
            by_iri[m.entity.iri] = m.entity
        forms = {f: next(iter(o)) for f, o in owners.items() if len(o) == 1 and f not in stop}
        for start, end, form in find_names(self.norm, forms):
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
