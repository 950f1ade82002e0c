"""Organizations found by pattern: by their suffix (Capital, 资本), after a noun that
introduces one ("der Softwarekonzern SAP"), after a verb of founding, and the subject of a
Chinese report's dateline ("面板大厂友达今(9)日宣布")."""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from loaders import fastre
from loaders.fastre import CJK, CJK_CHAR
from loaders.lexicon import alternation, describes_org, ontology_terms, toml, words
from loaders.personnames import is_title
from loaders.registry import new_entity

if TYPE_CHECKING:
    from loaders.mentions import Mention


class OrgNames:
    """Mixin of MentionFinder: the organization rules (it provides norm, mentions, _add,
    _drop, _free_span, _entity, local)."""

    def _orgs(self) -> None:
        suffixes = sorted(words("names", "org_suffixes"), key=len, reverse=True)
        # a word of the name: "A.I.", "Co." or a word; a full stop ends a longer one (and
        # its sentence: "… leaving Quillon Labs. Brightwater Robotics said")
        word = r"(?:[A-Z][\w&'-]*(?:\.[\w&'-]+)+\.?|[A-Z][\w&'-]{0,2}\.|[A-Z][\w&'-]*)"
        latin = fastre.compile(rf"(?<![A-Za-z])((?:{word}[ \u00a0]){{1,3}}"
                               rf"(?:{'|'.join(map(re.escape, suffixes))}))(?![\w-])")
        zh_suffixes = sorted(words("names", "org_suffixes_zh"), key=len, reverse=True)
        openers = "".join(words("names", "org_openers_zh"))  # "毕业于北京师范大学"
        cuts = words("names", "org_after_verbs_zh") | words(  # "此前曾担任华岳科技": after
            "names", "org_descriptors_zh")  # the verb; "电源大厂华岳科技": after the description
        last = "".join(sorted({v[-1] for v in cuts}))  # a cheap test first at each place
        after_verb = f"(?<=[{last}])(?:{'|'.join(f'(?<={v})' for v in sorted(cuts))})"
        zh = fastre.compile(rf"(?:(?<![{CJK}])|(?<=[{openers}])|{after_verb})"
                            rf"((?:[{CJK}]{{2,6}}?|[A-Z][A-Za-z]{{2,}} ?)"
                            rf"(?:{'|'.join(zh_suffixes)}))")
        stop = words("names", "not_names")
        for m in fastre.finditer(latin, self.norm):
            tokens = m.group(1).split()
            while tokens and not (parent := self._known_at(m.end(1) - len(" ".join(tokens)),
                                                           m.end(1))) and (
                    tokens[0] in stop and tokens[0] not in words("names", "org_suffixes")
                    or len(tokens) > 2 and describes_org(tokens[0])
                    or len(tokens) > 3 and tokens[0].endswith("er") and describes_org(tokens[1])):
                tokens.pop(0)  # "Der Chiphersteller Quillon Systems": Quillon Systems; the
                # town's adjective first: "Der Stuttgarter Autobauer Quillon AG"
            if len(tokens) >= 2:
                start = m.end(1) - len(" ".join(tokens))
                if parent:  # "Meta Superintelligence Labs": a unit named after its company;
                    # "Volkswagen AG" (a legal form after it): the company itself, all of it
                    if set(self.norm[parent[0].end:m.end(1)].split()) <= words(
                            "names", "legal_forms"):
                        self._drop(parent[0])
                        self._add(parent[0].start, m.end(1), parent[0].entity, parent[0].rule)
                    else:
                        self._unit_of(parent[0], m.end(1), "org-unit-of-company")
                    continue
                start = self._of_head(start, stop)
                self._add(start, m.end(1), self._entity(" ".join(self.norm[start:m.end(1)]
                                                                 .split()), "org"), "org-suffix")
        compound = fastre.compile(rf"(?<![\w-])((?:[A-Z]\w*-)+"  # "Qingwu-Forschungsinstitut"
                                  rf"(?:{alternation(words('names', 'org_compound_suffixes'))}))"
                                  rf"(?![\w-])")
        described = words("names", "org_compound_descriptions")  # "den Dax-Konzern"
        for m in fastre.finditer(compound, self.norm):
            if m.group(1).split("-")[0] not in described:
                self._add(m.start(1), m.end(1), self._entity(m.group(1), "org"), "org-compound")
        self._introduced_orgs()
        self._context_orgs()
        self._units_zh()
        self._founded_orgs()
        self._dateline_orgs()
        function = set(toml("names")["function_chars_zh"])
        places = sorted(words("names", "places_zh"), key=len, reverse=True)
        kept = tuple(words("names", "place_named_suffixes_zh"))
        verbs = tuple(words("names", "office_verbs_zh"))
        company = tuple(words("names", "company_starts_zh"))
        generic, former = (tuple(words("names", k)) for k in ("generic_orgs_zh", "org_former_zh"))
        date_units = words("names", "date_units_zh")
        titles = ontology_terms()["roles"].pattern("zh")
        sector = re.compile(toml("names")["sector_after_zh"])
        people = tuple({self.norm[x.start:x.end] for x in self.mentions if x.entity.is_person
                        and CJK_CHAR.match(self.norm, x.start)})  # "柯富仁熟悉公司营运": a name
        for m in fastre.finditer(zh, self.norm):
            name, start = m.group(1), m.start(1)
            if sector.match(self.norm, m.end(1)):
                continue  # "震惊科技业界": the tech industry
            place = "" if name.endswith(kept) else next(
                (p for p in places if name.startswith(p) and len(name) > len(p) + 2), "")
            name, start = name[len(place):], start + len(place)
            if name[:1] in date_units and self.norm[start - 1:start].isdigit():
                name, start = name[1:], start + 1  # "11月星海科技": 星海科技
            cut = _cut_after(name, cuts)  # "担任星海集团", "电源大厂华岳科技"
            name, start = name[cut:], start + cut  # "担任星海集团": 星海集团
            if name.startswith(former) and titles and any(  # "前华岳科技总裁", "延揽前华岳
                    titles.match(self.norm, m.end(1) + i) for i in (0, 2)):  # 科技共同营运长"
                name, start = name[1:], start + 1  # 华岳科技
            named_next = re.match(r"\s?[A-Z]", self.norm[m.end(1):m.end(1) + 2]) or any(
                x.start == m.end(1) and x.entity.kind == "org" for x in self.mentions)
            title = titles.match(name) if titles else None  # "首席执行官顾问": an adviser
            if not function.intersection(name[:-2]) and not name.startswith(company) \
                    and name not in zh_suffixes and len(name) > 2 \
                    and not (title and name[title.end():] in zh_suffixes) \
                    and not any(verb in name for verb in verbs) and not name.startswith(people) \
                    and not name.endswith(generic) and not named_next:  # "安全公司Anthropic"
                self._add(start, m.end(1), self._entity(name, "org"), "org-suffix-zh")
        self._named_again("org-suffix-zh")
        self._acronyms()

    def _of_head(self, start: int, stop: frozenset[str] | set[str]) -> int:
        """"the Future of Life Institute": a capitalized word and "of" before a name found by
        its suffix open it, unless the word is a title ("President of Quillon Labs") or
        follows another capitalized one ("Chief Executive of …")."""
        m = _OF_HEAD.search(self.norm, max(0, start - 24), start)
        if m is None or m.group(1) in stop or is_title(m.group(1)):
            return start
        before = self.norm[max(0, m.start(1) - 40):m.start(1)].split()
        return start if before and before[-1][:1].isupper() else m.start(1)

    def _acronyms(self) -> None:
        """'International Business Machines Corp … IBM': a name found by its suffix whose
        capitalized words' initials (legal forms aside) are another organization's name in
        the article names that organization."""
        forms = words("names", "legal_forms")
        named = {self.norm[x.start:x.end]: x.entity for x in self.mentions
                 if x.entity.kind == "org" and x.rule != "org-suffix"}
        for x in [x for x in self.mentions if x.rule == "org-suffix"]:
            initials = "".join(w[0] for w in self.norm[x.start:x.end].split()
                               if w[0].isupper() and w not in forms)
            if len(initials) >= 2 and initials in named:
                self._drop(x)
                self._add(x.start, x.end, named[initials], "org-acronym")

    def _known_at(self, start: int, end: int) -> list[Mention]:
        """A known organization's mention starting at `start`, shorter than the run to `end`
        ("Meta" of "Meta Superintelligence Labs", "Volkswagen" of "Former Volkswagen AG")."""
        return [x for x in self.mentions if x.entity.kind == "org" and x.entity.known
                and x.start == start and x.end < end - 1]

    def _named_again(self, rule: str) -> None:
        """An organization found by its suffix once is that organization wherever its name
        is written again, also inside a run the suffix rule cannot start in ("顾明轩将继续
        担任星海集团常务董事")."""
        found = {m.entity.name: m.entity for m in self.mentions if m.rule == rule}
        for name, entity in found.items():
            for at in re.finditer(re.escape(name), self.norm):
                self._add(at.start(), at.end(), entity, rule)

    def _units_zh(self) -> None:
        """'百度研究院', '百度深度学习研究院', 'Meta超级智慧实验室': a known company's name, a few
        characters and a word for a unit (研究院, 实验室…) name a unit of that company; after
        的 ('百度的硅谷人工智能实验室') the unit is named without it."""
        suffixes = alternation(words("names", "unit_suffixes_zh"))
        pattern = fastre.compile(rf"\s?([{CJK}]{{0,6}}?(?:{suffixes}))")
        owned = fastre.compile(rf"\s?的\s?([{CJK}]{{2,8}}?(?:{suffixes}))")  # "百度的硅谷…实验室"
        function = set(toml("names")["function_chars_zh"])
        for parent in [x for x in self.mentions if x.entity.kind == "org" and x.entity.known]:
            found = ((p, m) for p in (pattern, owned) if (m := p.match(self.norm, parent.end))
                     and not function.intersection(m.group(1))
                     and self._free_span(m.start(1), m.end(1)))
            p, m = next(found, (None, None))
            if m is not None and p is pattern:
                self._unit_of(parent, m.end(1), "org-unit-of-company-zh")
            elif m is not None:
                unit = new_entity("team", m.group(1), unit_of=parent.entity.iri)
                self._add(m.start(1), m.end(1), self._entity_of(unit), "org-unit-owned-zh")

    def _unit_of(self, parent: Mention, end: int, rule: str) -> None:
        """The company's mention `parent` and the words after it up to `end` name a unit
        of that company: one mention of the unit replaces the company's."""
        self._drop(parent)
        unit = new_entity("team", self.norm[parent.start:end], unit_of=parent.entity.iri)
        self._add(parent.start, end, self._entity_of(unit), rule)

    def _context_orgs(self) -> None:
        """'DNNresearch, a three-person start-up', "YouTube's chief product officer": a name
        the words around it say is an organization's (names.toml `org_contexts`)."""
        stop = words("names", "not_names") | words("names", "not_org_owners")
        named = {w for x in self.mentions for w in x.entity.name.split()}  # "Scale" of Scale AI
        for rule, m in ((r, m) for r, p in toml("names")["org_contexts"].items()
                        for m in fastre.finditer(fastre.compile(p), self.norm)):
            name = m.group(1)
            if name.split()[0] in stop or name in named \
                    or not self._free_span(m.start(1), m.end(1)):
                continue
            self._add(m.start(1), m.end(1), self._entity(name, "org"), rule)

    def _founded_orgs(self) -> None:
        """'同年创办了地平线机器人', 'co-founded Coursera', 'gründete Aleph Alpha': the name
        right after a verb of founding, up to the clause's end, is the organization founded;
        so is one after a noun for a company that a verb of founding or 成立 takes
        ('宣布成立人工智能公司晨光智能', '创办AI公司晨光智能': not 'AI公司晨光智能')."""
        latin, plain = r"[A-Z][\w&.'-]*[\w&]", r"[A-Z][A-Za-z\d&.'-]*[A-Za-z\d&]"
        zh, other = (alternation(words("names", k)) for k in ("founding_verbs_zh",
                                                                "founding_verbs"))
        # "宣布成立人工智能公司晨光智能", "成立了一家新公司，名为“晨光智能”", "创办创投公司
        # 华登国际" (first: the name after the noun, not the noun with it)
        patterns = [fastre.compile(rf"(?:{zh}|成立)(?:一家)?[{CJK}A-Za-z\d. ]{{0,10}}?"
                                   rf"(?:{alternation(words('names', 'company_nouns_zh'))})"
                                   rf"(?:[，,]?\s*名为)?\s*[“「]?([{CJK}]{{2,8}}?)"
                                   rf"(?=[”」]?{_AFTER}\s*[，。,、；;（(\n]|$)"),
                    fastre.compile(rf"(?:{zh})\s*([{CJK}]{{2,8}}?|{plain}(?: {plain}){{0,2}})"
                                   rf"(?={_AFTER}\s*[，。,、；;（(」”\n]|$)"),
                    fastre.compile(rf"\b(?:{other})\s+({latin}(?: {latin}){{0,2}})"
                                   rf"(?=\s*[,.;:()\n]|\s+(?:in|im|and|und|with|mit)\b|$)")]
        stop = words("names", "not_names")
        starts = tuple(words("names", "not_founded_starts_zh"))
        function = set(toml("names")["function_chars_zh"])
        for m in (m for p in patterns for m in fastre.finditer(p, self.norm)):
            name = m.group(1)
            if name.startswith(starts) or name.split()[0] in stop \
                    or function.intersection(name) or not self._free_span(m.start(1), m.end(1)):
                continue
            self._add(m.start(1), m.end(1), self._entity(name, "org"), "org-founded")

    def _dateline_orgs(self) -> None:
        """'面板大厂友达今(9)日宣布', '台湾大哥大今日宣布': the words opening a Chinese
        report's paragraph, right before the day it tells of, name the organization that
        reports, after a description of it (names.toml `dateline_days_zh`)."""
        pattern = fastre.compile(rf"(?:^|(?<=[\n)]))[ \t]*([{CJK}]{{2,10}}?)\s*"
                                 rf"(?:{toml('names')['dateline_days_zh']})")
        cuts = words("names", "org_descriptors_zh")
        stop = words("names", "not_dateline_subjects_zh")
        surnames = "".join(words("names", "surnames_zh"))
        long = tuple(words("names", "surnames_long_zh"))
        titles = ontology_terms()["roles"].pattern("zh")
        for m in fastre.finditer(pattern, self.norm):
            run = m.group(1)
            start = m.start(1) + _cut_after(run, cuts)
            name = self.norm[start:m.end(1)]
            if len(name) < 2 or name in stop or not self._free_span(m.start(1), m.end(1)) \
                    or len(name) <= 3 and name[0] in surnames or len(name) <= 5 \
                    and name.startswith(long) \
                    or titles is not None and titles.search(name):
                continue  # "董事长蔡明忠今日表示", "雷军今日宣布": a person
            self._add(start, m.end(1), self._entity(name, "org"), "org-dateline-zh")
        self._named_again("org-dateline-zh")

    def _introduced_orgs(self) -> None:
        """'der Softwarekonzern SAP', 'das Münchner Start-up Helsing', 'the chip maker Arm',
        '软件巨头SAP': a capitalized name right after a noun that introduces an organization."""
        stop = words("names", "not_names")
        for m in introduced(self.norm):
            if not self._free_span(m.start(), m.start(1)):
                continue  # "Quillon Labs Milliarden": the noun ends a name already found
            tokens = m.group(1).split()
            while tokens and (tokens[-1] in stop or not tokens[-1][0].isupper()):
                tokens.pop()
            if not tokens or not tokens[0][0].isupper() or tokens[0] in stop or (
                    tokens[0][1:].islower() and len(tokens) == 1  # "schrieb der Autokonzern
                    and _ARTICLE_DE.search(self.norm, max(0, m.start() - 8), m.start())):
                continue  # Verluste": a German noun, not "der Softwarekonzern SAP"
            name = " ".join(tokens)
            start = m.start(1)
            self._add(start, start + len(name), self._entity(name, "org"), "org-introduced")


def _cut_after(name: str, cuts: set[str]) -> int:
    """Where a Chinese organization's name starts in a run: after the last verb or
    description of `cuts` in it ("担任星海集团", "面板大厂友达"); a one-character verb
    opening the run is the name's ("是德科技")."""
    return max((name.rfind(v) + len(v) for v in cuts
                if name.rfind(v) > 0 or v in name and len(v) > 1), default=0)


def _word_start(text: str, i: int) -> int:
    """Where the run of word characters (`\\w`: letters, digits, _) ending at `i` starts."""
    while i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_"):
        i -= 1
    return i


def introduced(text: str) -> Iterator[re.Match[str]]:
    """The matches of an introducing noun and the name after it (group 1), as `finditer`
    finds them, tried only at the starts of the words an introducing noun is found in: the
    engine would otherwise enter every word at its start and run through it (a whole run of
    Chinese) and back, for a millisecond an article. The nouns are looked for in the text
    lower-cased, at every place (overlapping), each search skipping ahead by itself."""
    pattern, nouns, nouns_cased = _introduced_patterns()
    lower = fastre.lower_text(text)
    if lower is None:  # a letter whose lower case is longer: search as written
        lower, nouns = text, nouns_cased
    starts = set()
    found = nouns.search(lower)
    while found:
        starts.add(_word_start(text, found.start()))
        found = nouns.search(lower, found.start() + 1)
    end = 0
    for start in sorted(starts):
        if start >= end and (m := pattern.match(text, start)):
            end = m.end()
            yield m


_OF_HEAD = re.compile(r"(?<![\w-])([A-Z][a-z]+) of $")
_ARTICLE_DE = re.compile(r"\b(?i:der|die|das|dem|den|des|ein|eine|einem|einen|eines)\s+\Z")


@cache
def _introduced_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The whole pattern (the noun in any case, the name's words capitalized: "Die Firma
    Lintra hat …" names Lintra; "des Baukonzerns Hochtief" too), and an introducing noun
    (for the text lower-cased, and as written ignoring case)."""
    intro = alternation(words("names", "org_introducers"))
    token = r"[A-Z][A-Za-z0-9&.'+-]*[A-Za-z0-9]|[A-Z]"  # "Mann+Hummel"
    # A bare noun after an article is "the company", not a name: "das Unternehmen Ende März"
    # (a compound is a name's description: "Der Logistikkonzern Deutsche Post")
    not_after_article = "".join(rf"(?<!\b{a} )" for a in (
        "das", "der", "die", "dem", "den", "ein", "eine", "the", "a", "an"))
    pattern = fastre.compile(rf"(?<!\w)(?:\w+(?:{intro})(?:e?s)?|{not_after_article}(?:{intro}))"
                             rf"[^\S\n]*((?-i:(?:{token})(?:[^\S\n](?:&[^\S\n])?(?:{token})){{0,2}}))"
                             rf"(?![\w-])", re.IGNORECASE)  # at a word's start
    return (pattern, fastre.compile(fastre.lowered(intro)),
            fastre.compile(intro, re.IGNORECASE))
# "继王慧文创办光年之外后，…": a postposition of time after the name founded ends it
_AFTER = "(?:之?后|以后)?"
