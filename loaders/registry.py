"""The entity registry (ontology/registry.ttl): known people and organizations by every name.

`Entity` is what mentions point to: a known one from the registry, or a new one found
in an article, with a stable IRI made from its name (so the same name in two articles
is one entity).
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

import pyoxigraph as ox

from loaders.fold import fold
from loaders.lexicon import NG, RDF_TYPE, SKOS, toml
from newsgraph.paths import ontology_file

ID = "https://w3id.org/newsgraph/id/"
KINDS = {NG + "Person": "person", NG + "Organization": "org", NG + "Team": "team",
         NG + "Outlet": "outlet"}
_LABELS = (SKOS + "prefLabel", SKOS + "altLabel", SKOS + "hiddenLabel")


@dataclass
class Entity:
    iri: str
    kind: str  # person | org | team | outlet
    name: str  # English preferred label, else the best name the article gives
    known: bool = False
    unit_of: str | None = None
    labels: set[str] = field(default_factory=set)

    @property
    def is_person(self) -> bool:
        return self.kind == "person"

    @property
    def is_org(self) -> bool:
        return self.kind != "person"


def slug(name: str) -> str:
    """A stable IRI segment for a name: ASCII words joined by '-', else a short hash."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    if words and len("".join(words)) >= 0.9 * len(re.sub(r"[\W_]", "", name)):
        return "-".join(words)[:80]
    return "x" + hashlib.sha1(fold(name).encode()).hexdigest()[:12]


def new_entity(kind: str, name: str, unit_of: str | None = None, scope: str = "") -> Entity:
    """A new entity; `scope` (a team's parent) keeps 'the safety team' of two companies apart."""
    folder = "person" if kind == "person" else "org"
    local = slug(name) if not scope else slug(scope.rsplit("/", 1)[-1] + " " + name)
    return Entity(ID + f"{folder}/{local}", kind, name, unit_of=unit_of, labels={name})


class Registry:
    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self.alias: dict[str, str] = {}  # folded label -> iri
        data = ontology_file("registry.ttl").read_bytes()
        triples = list(ox.parse(data, format=ox.RdfFormat.TURTLE))
        for t in triples:
            if t.predicate == RDF_TYPE and t.object.value in KINDS:
                self.entities[t.subject.value] = Entity(t.subject.value, KINDS[t.object.value],
                                                        "", known=True)
        for t in triples:
            entity = self.entities.get(t.subject.value)
            if entity is None:
                continue
            if t.predicate.value in _LABELS:
                entity.labels.add(t.object.value)
                if t.predicate.value == _LABELS[0] and t.object.language == "en":
                    entity.name = t.object.value
            elif t.predicate.value == NG + "unitOf":
                entity.unit_of = t.object.value
        declined = re.compile(toml("names")["declined_opening_de"])  # "der Deutschen Bank"
        for entity in self.entities.values():
            entity.name = entity.name or sorted(entity.labels)[0]
            for label in entity.labels:
                self.alias.setdefault(fold(label), entity.iri)
                opening = declined.match(label) if entity.is_org else None
                if opening:
                    self.alias.setdefault(fold(opening.expand(r"\1n\2")), entity.iri)

    def find(self, name: str) -> Entity | None:
        iri = self.alias.get(fold(name))
        return self.entities[iri] if iri else None


@cache
def registry() -> Registry:
    return Registry()
