"""One article through every stage: read, clean, detect language, find mentions and dates,
extract facts, build its named graph."""
from __future__ import annotations

import time
from dataclasses import dataclass, field

import pyoxigraph as ox

from loaders.clean import clean
from loaders.dates import find_dates
from loaders.decode import read_text
from loaders.extract import Extractor, Fact
from loaders.lang import detect, family
from loaders.manifest import Source
from loaders.mentions import find_mentions
from loaders.rdf import GraphBuilder, nquads
from loaders.roles import narrowest
from newsgraph.errors import ArticleError
from newsgraph.store import Triple, article_graph


@dataclass
class ArticleResult:
    source: Source
    language: str
    triples: list[Triple]  # the article graph's triples, as tuples of terms
    facts: list[Fact] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    nquads: bytes = b""  # the triples as N-Quads, once written for the store

    @property
    def graph(self) -> ox.NamedNode:
        return article_graph(self.source.id)

    @property
    def quads(self) -> list[ox.Quad]:
        return [ox.Quad(s, p, o, self.graph) for s, p, o in self.triples]

    def stored(self) -> bytes:
        """What the store writes: the graph as N-Quads (parsed by the engine, in Rust)."""
        return self.nquads or nquads(self.graph, self.triples)


class Stopwatch:
    """Seconds spent per stage, summed over articles (the benchmark's stage split)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._last = time.perf_counter()

    def add(self, seconds: dict[str, float]) -> None:
        """Another process's seconds per stage."""
        for stage, spent in seconds.items():
            self.seconds[stage] = self.seconds.get(stage, 0.0) + spent

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.seconds[stage] = self.seconds.get(stage, 0.0) + now - self._last
        self._last = now


def process(source: Source, watch: Stopwatch | None = None) -> ArticleResult:
    watch = watch or Stopwatch()
    watch.lap("other")
    return process_text(source, read_text(source.path), watch)


def process_text(source: Source, raw: str, watch: Stopwatch | None = None) -> ArticleResult:
    """An article's text (as read from `source.path`) through every other stage."""
    watch = watch or Stopwatch()
    cleaned = clean(raw)
    if not cleaned.text.strip():
        raise ArticleError(f"{source.path}: no article text is left after cleaning",
                           hint="is this a page of links or an empty template?")
    language = source.language or detect(cleaned.text)
    lang = family(language)
    watch.lap("clean")
    mentions = find_mentions(cleaned.norm, cleaned.text)
    dates = find_dates(cleaned.norm, source.published)
    watch.lap("mentions_dates")
    ex = Extractor(cleaned.norm, lang, mentions, dates)
    roles = ex.roles()
    statements = ex.statements()
    events = ex.events(roles, statements)
    roles = narrowest(roles + ex.event_roles(events, roles))
    watch.lap("facts")
    builder = GraphBuilder(source, raw, cleaned, language)
    builder.article_node()
    for m in mentions:
        builder.mention(m)
    for f in roles:
        builder.role(f)
    for f in _best_dated(events):
        builder.event(f)
    for f in statements:
        builder.statement(f)
    watch.lap("rdf")
    people = {m.entity.iri for m in mentions if m.entity.is_person}
    return ArticleResult(source, language, list(builder.triples), roles + events + statements,
                         {"triples": len(builder.triples), "people": len(people),
                          "roles": len(roles), "events": len(events),
                          "statements": len(statements)})


def _best_dated(events: list[Fact]) -> list[Fact]:
    """One report of each happening per article: the most precisely dated mention wins. A
    change to one role and a change to another are two happenings; a change with no role
    told is one of them when the article tells one, and so is a succession to one who
    headed it ("Kamieth wird … Vorstandsvorsitzender. … folgt auf Y, der an der Spitze des
    Unternehmens steht")."""
    best: dict[tuple, Fact] = {}
    titled = {f.happening[1:3] for f in events if f.type == "RoleChange" and f.role
              and not _headed(f)}

    def rank(f: Fact) -> tuple[int, int, bool, bool]:  # narration before quotes, then
        # precision, where one went, a date its own sentence writes (not a headline's, dated
        # by the lede)
        return (0 if "-quoted-" in f.rule else 1, f.date.precision if f.date else 0,
                f.destination is not None, f.date is not None and f.start <= f.date.start < f.end)

    for f in events:
        if f.type == "RoleChange" and (not f.role or _headed(f)) and f.happening[1:3] in titled:
            continue
        key = f.happening
        if key not in best or rank(f) > rank(best[key]):
            best[key] = f
    return list(best.values())


def _headed(f: Fact) -> bool:
    """A succession to the post of one who led the organization (a verb's role, no title)."""
    return f.rule == "event-replacing" and f.role == "head"
