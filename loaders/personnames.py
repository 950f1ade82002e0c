"""People named by pattern, for MentionFinder: Latin-script names (a given name first,
or a run of capitalized words beside a role title), transliterations with '·', Chinese
names beside a title, a verb of saying or of taking an office, and the Chinese name written
before a parenthesized one."""
from __future__ import annotations

import re
from functools import cache

from loaders import fastre
from loaders.fastre import CJK, CJK_CHAR
from loaders.lexicon import alternation, ontology_terms, toml, words
from loaders.registry import Entity, new_entity
from loaders.rulewords import POSSESSIVE, title_modifiers

# Latin Extended-A (ł, ş, ř, Ł, Š...) in either case: Polish, Czech and Turkish names
EXT = "\u0100-\u017f"
LOW = rf"a-zà-öø-ÿß{EXT}"
UP = rf"A-ZÀ-ÖØ-Þ{EXT}"
LETTER = rf"A-Za-zÀ-ÿ{EXT}"  # any Latin letter: what may not stand right before a name
_TOKEN = (rf"(?:(?:Mc|Mac|De|Di|Da|Le|La|Du|Van|Von)[A-Z][{LOW}]+|"
          rf"[{UP}](?:[{LOW}]+|'[A-Z][{LOW}]+|[{LOW}]*['’][A-Z][{LOW}]+)(?:-[{UP}][{LOW}]+)?)")
_INITIALS = r"(?:[A-Z]{2}|(?:[A-Z]\.){2})"  # "RJ Scaringe", "J.B. Straubel": a first name
LATIN_RUN = fastre.compile(rf"(?<![{LETTER}])(?:{_INITIALS}(?=[ \u00a0]{_TOKEN})|{_TOKEN})"
                           rf"(?:[ \u00a0]{_TOKEN})+(?![{LOW}])")
DOT_NAME = fastre.compile(rf"[{CJK}]{{1,6}}·[{CJK}]{{1,8}}")
PAREN_LATIN = fastre.compile(rf"\s*[(（]\s*({_TOKEN}(?:[ \u00a0]{_TOKEN}){{1,2}})\s*[)）]")
PAREN_CJK = fastre.compile(rf"\s*[(（]\s*([{CJK}]{{1,6}}(?:·[{CJK}]{{1,8}})?)\s*[)）]")


@cache
def _particle_name() -> re.Pattern[str]:
    """A capitalized word, a particle (names.toml, `name_particles`), a surname (group 2)."""
    particles = alternation(p.replace("_", " ") for p in words("names", "name_particles"))
    return fastre.compile(rf"(?<![{LETTER}])({_TOKEN})[ \u00a0](?:{particles})[ \u00a0]"
                          rf"({_TOKEN})(?![{LETTER}])")  # spaces as LATIN_RUN takes them


@cache
def _zh_context() -> tuple[re.Pattern[str], ...]:
    surnames = "".join(words("names", "surnames_zh"))
    long = alternation(words("names", "surnames_long_zh"))
    roles = ontology_terms()["roles"].by_lang
    titles = {p for lang in ("", "zh") for p in roles.get(lang, {})  # and "CEO靳玉志"
              if re.search(f"[{CJK}]", p) or re.fullmatch("[A-Z]{2,5}", p)}
    speech = [p for p in ontology_terms()["speech"].by_lang.get("", {})
              if re.search(f"[{CJK}]", p)]
    name = rf"((?:{long}|[{surnames}])[{CJK}]{{1,2}}?)"  # "欧阳X", "西川广人"
    triggers = [p for p in ontology_terms()["triggers"].by_lang.get("", {})
                if re.search(f"[{CJK}]", p)]
    followers = sorted(words("names", "name_followers_zh"))
    title = alternation(titles)
    told = alternation(speech + triggers + followers)  # what a name may be followed by
    after_title = fastre.compile(rf"(?:{title}){name}"  # "副总经理陈冠州为总经理"
                                 rf"(?=(?:{told})"
                                 rf"|[,，。、:：(（在的之也则对向还将于已和与及等]|为(?:{title})"
                                 r"|\d{4}\s*年|\d{1,2}\s*[月日])")  # "会长李健熙2020年去世"
    # "X在推特上写道"
    before_verb = fastre.compile(rf"(?:^|(?<=[,，。:：\n」”]))\s*{name}(?=[也还]?"
                                 rf"(?:在[^,，。]{{1,10}}?[上中里])?(?:{alternation(speech)}))")
    appointed = fastre.compile(rf"(?:{alternation(words('names', 'appoint_verbs_zh'))})"
                               rf"{name}(?=为|出任|担任)")  # "任命吴泽明为首席技术官"
    leads = set(toml("extract")["object_verb_roles"])  # the verbs of leading ("负责", "领导")
    leading = [p for p, key in ontology_terms()["role_verbs"].by_lang.get("", {}).items()
               if key in leads and CJK_CHAR.search(p)]
    taking = words("names", "succession_verbs_zh")
    led_by = fastre.compile(rf"由{name}(?=(?:共同|负责)?(?:{alternation(taking.union(leading))}))")
    office = alternation(taking | words("names", "office_verbs_zh"))
    adverb = "(?:[曾已将也还仍]|不再|继续)"
    opens = fastre.compile(rf"(?:^|(?<=[,，。:：、\n」”]))\s*{name}"  # "王立曾担任", not 王立曾
                           rf"(?=(?:于?\d{{4}}年)?{adverb}{{0,2}}(?:在[^,，。;；]{{1,12}}?)?"
                           rf"{adverb}{{0,2}}(?:{office}))")  # "王立在星海科技也曾担任",
    # "王立曾在星海科技担任", "王立不再担任", "王立继续担任"
    of_event = fastre.compile(rf"(?:{alternation(triggers)})的{name}(?=[,，。;；、\n]|$)")
    objects = [p for p in ontology_terms()["object"].by_lang.get("", {}) if CJK_CHAR.search(p)]
    post_of = fastre.compile(rf"(?:{alternation(objects)}){name}(?=的(?:{title}|职务|职位))")
    bare = name[1:-1]  # the name without its group, for the names of a list
    listed = fastre.compile(rf"(?:{title})(?:包括|分别[是为]|是|为)?"
                            rf"({bare}(?:(?:以及|[、和与及]){bare})*)(?=[,，。;；\n]|$|{told})")
    leader = fastre.compile(rf"(?:{alternation(leading)})[^,，。;；]{{1,12}}?的{name}"
                            rf"(?={adverb}{{0,3}}(?:{office}))")
    return (after_title, before_verb, appointed, led_by, opens,  # led_by: "Seed团队由朱文佳负责"
            of_event,  # of_event: "接替此前卸任的王军。"
            post_of,  # post_of: "解除顾明为的董事长职务"
            listed,  # listed: "轮值董事长分别是胡厚崑和徐直军。"
            leader)  # leader: "此前负责Seed的朱文佳仍将继续担任Seed负责人"


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
    shapes = toml("names")["person_title_shapes"]  # "chief accounting officer"
    titles = alternation(written, fold_case=True) + "|" + shapes
    data = toml("extract")
    # a title ending in the word that places it at an organization ("Chef der", "head
    # of") has that organization after it, not a name
    placing = re.compile(data["title_org_prep"], re.IGNORECASE)
    before = alternation({p for p in written if not placing.fullmatch(p.split()[-1])},
                         fold_case=True) + "|" + shapes
    gap = data["apposition_gap"].removeprefix("^").removesuffix("$")
    modifiers = title_modifiers(data)
    owner = rf"(?-i:(?:[A-Z][\w.&-]*\s)?[A-Z][\w.&-]*(?:{POSSESSIVE})?\s+)?"  # "an OpenAI"
    # (not across a paragraph: a headline ending in a title names no one in the lead)
    return (fastre.compile(rf"(?<![{LETTER}])(?:{before})(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)\Z",
                           re.IGNORECASE),
            fastre.compile(rf"(?:{gap}|\s+(?:as|als)\s+){owner}{modifiers}(?:{titles})"
                           rf"(?![{LOW}])|(?-i:{toml('names')['person_relative']})",
                           re.IGNORECASE))


@cache
def _title_words() -> frozenset[str]:
    roles = ontology_terms()["roles"].by_lang
    return frozenset(p.lower() for table in roles.values() for p in table)


def is_title(token: str) -> bool:
    return token.lower() in _title_words()


@cache
def _title_shape() -> re.Pattern[str]:
    return re.compile(toml("names")["person_title_shapes"] + r"\s", re.IGNORECASE)



@cache
def _office_verbs() -> re.Pattern[str]:
    """The Chinese verbs of taking, holding or being given a post ("接替", "出任", "任命")."""
    return re.compile(alternation(words("names", "succession_verbs_zh")
                                  | words("names", "office_verbs_zh")
                                  | words("names", "appoint_verbs_zh")))


class PersonNames:
    """Mixin of MentionFinder: the person rules (it provides norm, mentions, _add, _drop,
    _free_span, _entity)."""

    def _dot_names(self) -> None:
        chars = "".join(words("names", "translit_zh"))
        pattern = fastre.compile(rf"[{chars}]{{1,5}}·[{chars}]{{1,6}}") if chars else DOT_NAME
        for m in fastre.finditer(pattern, self.norm):
            paren = PAREN_LATIN.match(self.norm, m.end())
            latin = paren.group(1) if paren else None
            entity = self._entity(latin or m.group(0), "person", m.group(0))
            if latin and not entity.known and entity.name != latin:
                self._named_latin(entity, latin)
            self._add(m.start(), m.end(), entity, "name-dot-transliteration")
            if paren:
                self._add(paren.start(1), paren.end(1), entity, "name-parenthesized")

    def _named_latin(self, entity: Entity, latin: str) -> None:
        """"萨比·汗接任" in a headline, "萨比·汗（Sabih Khan）" below: the person found first
        by their Chinese name is named (and identified) by the Latin one the article gives."""
        entity.iri, entity.name = new_entity("person", latin).iri, latin
        entity.labels.add(latin)
        self.local[latin] = entity

    def _paren_aliases(self) -> None:
        """'执行长皮蔡（Sundar Pichai）', '接替鲍默（Steve Ballmer）': the Chinese name before a
        parenthesized person is theirs (after any title, organization or verb of office that
        opens the run)."""
        titles = ontology_terms()["roles"].pattern("zh")
        verbs = _office_verbs()
        for m in list(self.mentions):
            if not m.entity.is_person or m.start < 2 or self.norm[m.start - 1] not in "(（":
                continue
            run = re.search(rf"[{CJK}]{{2,8}}$", self.norm[max(0, m.start - 9):m.start - 1])
            if run is None:
                continue
            text, start = run.group(0), m.start - 1 - len(run.group(0))
            cut = max([t.end() for p in (titles, verbs) if p is not None
                       for t in p.finditer(text)]  # "擔任董事長的湯普森（John Thompson）"
                      + [text.rfind(c) + 1 for c in toml("names")["before_name_chars_zh"]],
                      default=0)
            if 2 <= len(text) - cut <= 4:
                self.local.setdefault(text[cut:], m.entity)  # its name when found again
                self._add(start + cut, m.start - 1, m.entity, "name-before-parenthesis")

    def _latin_names(self) -> None:
        """Runs of capitalized words ('Der Forscher Jonas Weber', 'Investor Xavier Niel'):
        a name starts at a given name (or is a romanized Chinese one) and takes the one or
        two words after it; a run without one is a name when a role title stands right
        before or after it (`_titled_name`). A given name with a surname opening with a
        particle ('Nikolaus von Bomhard') is one, unless the surname is a name found
        already ('Anna von Siemens' is Anna of Siemens)."""
        given, stop = words("names", "given"), words("names", "not_names")
        for m in _particle_name().finditer(self.norm):
            if m.group(1) in given and m.group(2) not in stop:
                name = m.group(0).replace("\u00a0", " ")
                self._add(m.start(), m.end(), self._entity(name, "person"),
                          "name-latin-given-name")
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
                start = offsets[i]
                end = start + len(" ".join(tokens))
                if len(tokens) == size and self._person_name(tokens) \
                        and not self._dated(tokens[-1], end):
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
        shape = _title_shape().match(m.group(0))  # "Chief Growth Officer X"
        i = len(shape.group(0).split()) if shape else 0
        while i < len(words_) and (words_[i] in stop or is_title(words_[i].rsplit("-")[-1])):
            # "Puma-Chef Bjørn Gulden": a compound's last part is its title; "Chief Science
            # Officer X": the longest title the run opens with
            i = next((j for j in range(len(words_), i + 1, -1)
                      if is_title(" ".join(words_[i:j]))), i + 1)
        tokens = words_[i:]
        if not 2 <= len(tokens) <= 3 or tokens[-1] in suffixes \
                or any(t in stop or is_title(t) or not t[0].isupper() for t in tokens):
            return
        before, after = _title_context()
        start = offsets[i]
        if before.search(self.norm, max(0, start - 60), start) or \
                after.match(self.norm, m.end()):
            self._add(start, m.end(), self._entity(" ".join(tokens), "person"),
                      "name-latin-title")

    def _dated(self, last: str, end: int) -> bool:
        """'Mark May 5': a month that ends a name but is a date's (a number after it)."""
        return last in words("names", "surnames_not_names") \
            and _NUMBER_AFTER.match(self.norm, end) is not None

    @staticmethod
    def _person_name(tokens: list[str]) -> bool:
        """A given name first, or a romanized Chinese name (a surname among short syllables);
        a word of not_names ends it only if it is a surname too ('Brian West')."""
        given, pinyin, stop = (words("names", k) for k in ("given", "surnames_pinyin",
                                                            "not_names"))
        if tokens[-1] in words("names", "org_suffixes") or any(t in stop for t in tokens[1:-1]) \
                or tokens[-1] in stop - words("names", "surnames_not_names"):
            return False
        if is_title(tokens[0]):
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
        adverbs = words("names", "adverbs_zh")  # "陈睿直接管理": 陈睿, not 陈睿直
        rules = ("name-zh-after-title", "name-zh-before-verb", "name-zh-appointed",
                 "name-zh-led-by", "name-zh-opens-clause", "name-zh-of-event",
                 "name-zh-post-of", "name-zh-title-list", "name-zh-leader-of")
        # "强尼·艾夫…艾夫于1992年加入": a part of a dotted name is that person's short form
        # (mentions._short_forms), not a Chinese name of its own
        parts = {part for m in self.mentions if m.entity.is_person
                 for part in self.norm[m.start:m.end].split("·")[1:]}
        for pattern, rule in zip(_zh_context(), rules, strict=True):
            for m in fastre.finditer(pattern, self.norm):
                for start, found in _listed(m) if rule == "name-zh-title-list" else \
                        [(m.start(1), m.group(1))]:
                    cut = next((i for i in (1, 2) if i < len(found)
                                and self.norm[start + i:start + i + 2] in adverbs), 0)
                    found = found[:cut] if cut else found  # "王正式宣布": no name
                    if len(found) > 1 and found[0] not in function \
                            and not given.intersection(found[1:]) and found not in common \
                            and not found.startswith(openings) and found not in parts:
                        self._add(start, start + len(found), self._entity(found, "person"), rule)


def _listed(m: re.Match[str]) -> list[tuple[int, str]]:
    """The names of a list after a title, each with where it starts: "胡厚崑和徐直军"."""
    return [(m.start(1) + n.start(1), n.group(1)) for n in _LIST_ITEM.finditer(m.group(1))]


_NUMBER_AFTER = re.compile(r"[^\S\n]*\d")
# a name of a list, ending at a separator or the list's end (李和平: 和 inside a name)
_LIST_ITEM = re.compile(rf"(?:以及|[、和与及])?([{CJK}]{{2,3}}?)(?=以及|[、和与及]|$)")
