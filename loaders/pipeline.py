"""One article through every stage: read, clean, detect language, find mentions and dates,
extract facts, build its named graph."""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from loaders.clean import clean
from loaders.dates import find_dates
from loaders.decode import read_text
from loaders.extract import Extractor, Fact
from loaders.lang import detect, family
from loaders.manifest import Source
from loaders.mentions import find_mentions
from loaders.rdf import GraphBuilder
from newsgraph.errors import ArticleError


@dataclass
class ArticleResult:
    source: Source
    language: str
    quads: list[ox.Quad]
    facts: list[Fact] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)


def process(source: Source) -> ArticleResult:
    raw = read_text(source.path)
    cleaned = clean(raw)
    if not cleaned.text.strip():
        raise ArticleError(f"{source.path}: no article text is left after cleaning",
                           hint="is this a page of links or an empty template?")
    language = source.language or detect(cleaned.text)
    lang = family(language)
    mentions = find_mentions(cleaned.norm, cleaned.text)
    dates = find_dates(cleaned.norm, source.published)
    ex = Extractor(cleaned.norm, lang, mentions, dates)
    roles = ex.roles()
    statements = ex.statements()
    events = ex.events(roles, statements)
    roles += ex.founder_roles(events)
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
    people = {m.entity.iri for m in mentions if m.entity.is_person}
    return ArticleResult(source, language, builder.quads, roles + events + statements,
                         {"triples": len(builder.quads), "people": len(people),
                          "roles": len(roles), "events": len(events),
                          "statements": len(statements)})


def _best_dated(events: list[Fact]) -> list[Fact]:
    """One report of each happening per article: the most precisely dated mention wins."""
    best: dict[tuple, Fact] = {}

    def rank(f: Fact) -> tuple[int, int]:  # narration before quotes, then precision
        return (0 if "-quoted-" in f.rule else 1, f.date.precision if f.date else 0)

    for f in events:
        key = (f.type, f.person.iri if f.person else "", f.org.iri if f.org else "", f.product)
        if key not in best or rank(f) > rank(best[key]):
            best[key] = f
    return list(best.values())
