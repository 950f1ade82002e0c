"""The vocabularies the extractors read, from data files: the ontology (event triggers,
role titles, verbs of saying), the registry (names), and loaders/lexicons/*.toml.

Each lexicon is compiled once into one regular expression (longest alternative first),
so a text is scanned once per lexicon, not once per word.
"""
from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyoxigraph as ox

from loaders import fastre
from loaders.fold import fold
from newsgraph.paths import ontology_file

NG = "https://w3id.org/newsgraph/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LEX = Path(__file__).parent / "lexicons"


@dataclass
class Terms:
    """Phrases per language mapped to a key (an event class, a role concept...)."""

    by_lang: dict[str, dict[str, str]] = field(default_factory=dict)  # lang -> phrase -> key
    more: dict[str, list[str]] = field(default_factory=dict)  # phrase -> every key it has
    _indexes: dict[int, tuple[int, dict[str, str]]] = field(default_factory=dict)
    _patterns: dict[str, tuple[int, re.Pattern[str] | None]] = field(default_factory=dict)
    _added: int = 0  # phrases added so far: a pattern built before a later one is stale

    def add(self, lang: str, phrase: str, key: str) -> None:
        folded = fold(phrase)
        self._added += 1
        self.by_lang.setdefault(lang, {}).setdefault(folded, key)
        keys = self.more.setdefault(folded.lower(), [])
        if key not in keys:
            keys.append(key)

    def lookup_all(self, lang: str, phrase: str | re.Match[str]) -> list[str]:
        """Every key of a phrase ("gegründet": Founding and Formation)."""
        first = self.lookup(lang, phrase)
        return self.more.get(_phrase(phrase).lower(), [first]) if first else []

    def pattern(self, lang: str) -> re.Pattern[str] | None:
        """One regex of every phrase of `lang` and the untagged ones (built again only when
        a phrase was added since: every article asks for it)."""
        cached = self._patterns.get(lang)
        if cached is None or cached[0] != self._added:
            cached = self._patterns[lang] = (self._added, _compile(self, lang))
        return cached[1]

    def lookup(self, lang: str, phrase: str | re.Match[str]) -> str | None:
        """The key of a matched phrase in `lang` (or untagged), case-insensitively; a match
        of a separable verb ("trat … zurück") is looked up with the particle it found."""
        low = _phrase(phrase).lower()
        for table in (self.by_lang.get(lang, {}), self.by_lang.get("", {})):
            index = self._index(table)
            if low in index:
                return index[low]
        return None

    def _index(self, table: dict[str, str]) -> dict[str, str]:
        size, cached = self._indexes.get(id(table), (-1, {}))
        if size != len(table):
            cached = {}
            for known, key in table.items():
                cached.setdefault(known.lower(), key)
            self._indexes[id(table)] = (len(table), cached)
        return cached


GAP = " … "  # in a phrase: the words of a clause between a verb and its particle
# after the verb, the particle ends its clause: "trat 2019 bei Google ein", not "trat ein Amt an";
# a day's dot is no end ("trat am 1. Juli zurück")
_PARTICLE = (r"(?=(?:[^.,;:!?()\n]|(?<=\d)\.){{1,80}}?\b({})\b"
             r"\s*(?:[.,;:!?)]|$|und\b|sowie\b|oder\b))")


def _phrase(phrase: str | re.Match[str]) -> str:
    """The text a lexicon knows a match by: for a separable verb, 'verb … particle' (the
    particle is the match's last group that took part)."""
    if isinstance(phrase, str):
        return phrase
    particle = next((g for g in reversed(phrase.groups()) if g), None)
    return phrase.group(0) + GAP + particle if particle else phrase.group(0)


# A particle that is a preposition (extract.toml `particle_prepositions`) ends no clause:
# it comes before a name, further in the clause ("kam 2022 von den ÖBB zur Deutschen
# Bahn", the names written NUL as the rules read the text).
_PREPOSITION = r"(?=(?:[^.;:!?\n]|(?<=\d)\.){{1,80}}?\b({})\s+(?:(?:der|dem|den)\s+)?\x00)"


def _separable(phrases: Iterable[str]) -> list[str]:
    """Each verb of the separable phrases, looking ahead for its particles; the longest
    first ("gibt ihr Amt … ab" before "gibt … ab")."""
    prepositions = words("extract", "particle_prepositions")
    heads: dict[tuple[str, bool], set[str]] = {}
    for p in phrases:
        head, particle = p.split(GAP)
        heads.setdefault((head, particle in prepositions), set()).add(particle)
    return [re.escape(h) + (_PREPOSITION if prep else _PARTICLE).format(
                "|".join(map(re.escape, sorted(ps))))
            for (h, prep), ps in sorted(heads.items(), key=lambda hp: (-len(hp[0][0]), hp[0]))]


def _compile(terms: Terms, lang: str) -> re.Pattern[str] | None:
    phrases = {**terms.by_lang.get("", {}), **terms.by_lang.get(lang, {})}
    if not phrases:
        return None
    plain = [p for p in phrases if GAP not in p]
    alts = "|".join([alternation(plain, fold_case=True)] +
                    _separable(p for p in phrases if GAP in p))
    # Latin phrases need word edges; Chinese ones do not (there are no spaces: "终端BG董事长").
    return fastre.compile(rf"(?:(?<![A-Za-zÄÖÜäöüß])|(?![A-Za-zÄÖÜäöüß]))(?:{alts})"
                          rf"(?-i:(?![a-zäöüß]))", re.IGNORECASE)


def _lang(literal: ox.Literal) -> str:
    tag = (literal.language or "").lower()
    return "" if not tag else tag.split("-")[0]


@cache
def ontology_terms() -> dict[str, Terms]:
    """triggers (event class local name), object (same), roles (role key), speech."""
    out = {name: Terms() for name in ("triggers", "object", "roles", "speech", "role_verbs")}
    data = ontology_file().read_bytes()
    for t in ox.parse(data, format=ox.RdfFormat.TURTLE):
        p, s, o = t.predicate.value, t.subject.value, t.object
        if not isinstance(o, ox.Literal):
            continue
        local = s.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if p == NG + "trigger":
            out["triggers"].add(_lang(o), o.value, local)
        elif p == NG + "objectTrigger":
            out["object"].add(_lang(o), o.value, local)
        elif p == NG + "speechVerb":
            out["speech"].add(_lang(o), o.value, "say")
        elif p == NG + "verb" and "/role/" in s:
            out["role_verbs"].add(_lang(o), o.value, local)
        elif p in (SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel") \
                and "/role/" in s:
            out["roles"].add(_lang(o), o.value, local)
    _add_genitives(out["roles"])
    return out


def _add_genitives(roles: Terms) -> None:
    """Each German one-word title's genitive (extract.toml `genitive_de`), unless it is a
    title of its own."""
    rules = [(re.compile(end), suffix) for end, suffix in toml("extract")["genitive_de"]]
    for phrase, key in sorted(roles.by_lang.get("de", {}).items()):
        if " " in phrase:
            continue
        suffix = next(suffix for end, suffix in rules if end.search(phrase))
        if suffix and (phrase + suffix).lower() not in roles.more:
            roles.add("de", phrase + suffix, key)


@cache
def needs_title() -> frozenset[str]:
    """Event classes reported only with a role title in the sentence."""
    data = ontology_file().read_bytes()
    return frozenset(t.subject.value.rsplit("#", 1)[-1]
                     for t in ox.parse(data, format=ox.RdfFormat.TURTLE)
                     if t.predicate.value == NG + "needsTitle" and t.object.value == "true")


@cache
def role_labels() -> dict[str, str]:
    """role key -> English preferred label."""
    data = ontology_file().read_bytes()
    return {t.subject.value.rsplit("/", 1)[-1]: t.object.value
            for t in ox.parse(data, format=ox.RdfFormat.TURTLE)
            if t.predicate.value == SKOS + "prefLabel" and "/role/" in t.subject.value
            and isinstance(t.object, ox.Literal) and t.object.language == "en"}


@cache
def toml(name: str) -> dict:
    return tomllib.loads((_LEX / f"{name}.toml").read_text(encoding="utf-8"))


@cache
def words(name: str, key: str) -> frozenset[str]:
    return frozenset(toml(name)[key].split())


def describes_org(word: str) -> bool:
    """'Chiphersteller', 'Beratungshaus', 'firm': a word that describes an organization
    before its name and is no part of it (names.toml, org_descriptor_endings)."""
    return word.lower().endswith(tuple(words("names", "org_descriptor_endings")))


def alternation(phrases: Iterable[str], fold_case: bool = False) -> str:
    """A regex matching any of the literal phrases, the longest one first ("联合创始人" beats
    "创始人"), written as a trie: "leave|left|leaving" is "le(?:av(?:e|ing)|ft)", so the regex
    engine tries one branch per character instead of every phrase at every position (5×
    faster on lexicons of hundreds of phrases). Greedy optional tails keep longest-first.
    With `fold_case` (for patterns compiled with re.IGNORECASE) phrases differing only in
    case share a branch."""
    return _alternation(frozenset(phrases), fold_case)


@cache
def _alternation(phrases: frozenset[str], fold_case: bool) -> str:
    if len(phrases) < 64:  # a handful (an article's own names): the trie costs more to compile
        return "|".join(sorted(map(re.escape, phrases), key=lambda p: (-len(p), p)))
    trie: dict = {}
    for phrase in phrases:
        if fold_case and len(phrase.lower()) == len(phrase):
            phrase = phrase.lower()
        node = trie
        for ch in phrase:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _trie_regex(trie)  # fastre.compile puts the first characters in a lookahead


def _trie_regex(node: dict) -> str:
    branches = [re.escape(ch) + _trie_regex(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    if all(len(b) == 1 or b.startswith("\\") and len(b) == 2 for b in branches) \
            and len(branches) > 1:
        body = "[" + "".join(branches) + "]"
    elif len(branches) == 1:
        body = branches[0]
    else:
        body = "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    single = len(branches) == 1 and (len(body) == 1 or len(body) == 2 and body[0] == "\\")
    return body + "?" if single or body.startswith("[") else f"(?:{body})?"
