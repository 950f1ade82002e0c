"""OWL reasoning with owlready2's HermiT: is the ontology consistent, do the facts contradict it.

HermiT decides; it does not say why. When the data is inconsistent, `clashes` names the
nodes: a node whose types (asserted, or entailed by rdfs:domain / rdfs:range and the class
hierarchy) include two classes the ontology declares disjoint, with the article of each.
Literals are left out of what HermiT reads (xsd:date and xsd:gYearMonth are outside the
OWL 2 datatype map, and no axiom here constrains a literal).
"""
from __future__ import annotations

import contextlib
import io
import logging
import shutil
import time
from dataclasses import asdict, dataclass, field

import owlready2
import pyoxigraph as ox

from newsgraph.errors import ReasonerError
from newsgraph.paths import ontology_file
from newsgraph.store import Store, article_id_of, curie

# each node's classes in each article: asserted, or entailed by a domain or range, with
# every superclass; and the ontology's disjoint pairs
_TYPES = """
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?node ?class ?g WHERE {
  { GRAPH ?g { ?node a ?t } }
  UNION { GRAPH ?g { ?node ?p ?x } GRAPH <urn:newsgraph:ontology> { ?p rdfs:domain ?t } }
  UNION { GRAPH ?g { ?x ?p ?node } GRAPH <urn:newsgraph:ontology> { ?p rdfs:range ?t } }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/newsgraph/graph/"))
  GRAPH <urn:newsgraph:ontology> { ?t rdfs:subClassOf* ?class }
}
"""
_DISJOINT = """
PREFIX owl: <http://www.w3.org/2002/07/owl#>
SELECT ?a ?b WHERE { GRAPH <urn:newsgraph:ontology> { ?a owl:disjointWith ?b } }
"""


@dataclass(frozen=True)
class Clash:
    node: str
    kind: str
    articles: tuple[str, ...]
    other: str
    other_articles: tuple[str, ...]

    def __str__(self) -> str:
        return (f"<{self.node}> is a {self.kind} (articles {', '.join(self.articles)}) and a "
                f"{self.other} (articles {', '.join(self.other_articles)}), which the ontology "
                "declares disjoint")


@dataclass
class Report:
    consistent: bool
    unsatisfiable: list[str] = field(default_factory=list)
    clashes: list[Clash] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return self.consistent and not self.unsatisfiable

    def to_dict(self) -> dict:
        return {"consistent": self.consistent, "unsatisfiable": self.unsatisfiable,
                "clashes": [asdict(c) for c in self.clashes], "triples": self.triples,
                "seconds": round(self.seconds, 3)}


def _java() -> None:
    if shutil.which(owlready2.JAVA_EXE) is None:
        raise ReasonerError(f"the HermiT reasoner needs Java, and '{owlready2.JAVA_EXE}' "
                            "was not found",
                            hint="install a Java runtime (e.g. 'apt install default-jre') "
                                 "or put java on PATH")


def ontology_triples() -> list[ox.Triple]:
    return [t for name in ("newsgraph.ttl", "registry.ttl")
            for t in ox.parse(path=ontology_file(name), format=ox.RdfFormat.TURTLE)]


def _hermit(triples: list[ox.Triple]) -> tuple[bool, list[str]]:
    """Consistency and the unsatisfiable classes, by HermiT over these triples."""
    _java()
    data = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    world = owlready2.World()
    try:
        with contextlib.redirect_stderr(io.StringIO()):  # owlready2's notes on punned terms
            onto = world.get_ontology("urn:newsgraph:reasoning").load(
                fileobj=io.BytesIO(data), format="ntriples")
        with onto:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        return True, sorted(c.iri for c in world.inconsistent_classes()
                            if c is not owlready2.Nothing)
    except owlready2.OwlReadyInconsistentOntologyError:
        return False, []
    except owlready2.OwlReadyJavaError as e:
        raise ReasonerError(f"HermiT failed: {str(e).strip().splitlines()[-1]}",
                            hint="run 'newsgraph validate' first; report the store if it passes"
                            ) from e
    finally:
        world.close()


def reason(store: Store | None = None, ontology: list[ox.Triple] | None = None) -> Report:
    """HermiT on the ontology with the registry (or the `ontology` triples given), and on
    the store's facts when given one."""
    logging.getLogger("owlready2").setLevel(logging.ERROR)
    started = time.perf_counter()
    triples = list(ontology) if ontology is not None else ontology_triples()
    consistent, unsatisfiable = _hermit(triples)
    report = Report(consistent, unsatisfiable)
    if store is not None and consistent:
        for graph in store.article_graphs():
            triples += [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads(graph)
                        if not isinstance(q.object, ox.Literal)]
        report.consistent, _ = _hermit(triples)
        if not report.consistent:
            report.clashes = clashes(store)
    report.triples = len(triples)
    report.seconds = time.perf_counter() - started
    return report


def clashes(store: Store) -> list[Clash]:
    """Nodes typed (or entailed) into two disjoint classes, with the articles that say so."""
    where: dict[tuple[str, str], set[str]] = {}  # (node, class) -> articles
    for row in store.query(_TYPES):
        where.setdefault((row["node"].value, row["class"].value), set()).add(
            article_id_of(row["g"].value))
    pairs = sorted(tuple(sorted((r["a"].value, r["b"].value))) for r in store.query(_DISJOINT))
    nodes = sorted({node for node, _ in where})
    return [Clash(node, curie(a), tuple(sorted(where[node, a])), curie(b),
                  tuple(sorted(where[node, b])))
            for node in nodes for a, b in pairs if (node, a) in where and (node, b) in where]


__all__ = ["Clash", "Report", "clashes", "ontology_triples", "reason"]
