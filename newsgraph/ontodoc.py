"""ontology/README.md and ontology/newsgraph.owl, generated from ontology/newsgraph.ttl.

`newsgraph ontology docs` writes the Markdown (classes, properties, role concepts, their
labels in each language and their mappings to schema.org, ORG, PROV, OA, SKOS, OWL-Time);
`newsgraph ontology owl` the RDF/XML that Protégé opens. Tests fail when either is stale.
"""
from __future__ import annotations

import rdflib
from rdflib.compare import to_canonical_graph
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from newsgraph.paths import ontology_file

NG = rdflib.Namespace("https://w3id.org/newsgraph/ns#")
LANGS = ("en", "de", "zh-hans", "zh-hant")  # rdflib lower-cases language tags
SHOWN = {"en": "en", "de": "de", "zh-hans": "zh-Hans", "zh-hant": "zh-Hant"}
KINDS = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty),
         ("Datatype properties", OWL.DatatypeProperty),
         ("Annotation properties", OWL.AnnotationProperty))
# what each column of a table shows, by predicate
LINKS = {OWL.Class: (("subclass of", RDFS.subClassOf), ("equivalent to", OWL.equivalentClass),
                     ("disjoint with", OWL.disjointWith)),
         OWL.ObjectProperty: (("subproperty of", RDFS.subPropertyOf), ("domain", RDFS.domain),
                              ("range", RDFS.range), ("inverse of", OWL.inverseOf)),
         OWL.DatatypeProperty: (("subproperty of", RDFS.subPropertyOf), ("domain", RDFS.domain),
                                ("range", RDFS.range)),
         OWL.AnnotationProperty: (("subproperty of", RDFS.subPropertyOf),)}


def ontology_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ontology_file("newsgraph.ttl"), format="turtle")


def _curie(g: rdflib.Graph, node: rdflib.term.Node) -> str:
    if isinstance(node, rdflib.BNode):
        prop, some = g.value(node, OWL.onProperty), g.value(node, OWL.someValuesFrom)
        if prop is not None and some is not None:
            return f"∃ {_curie(g, prop)}.{_curie(g, some)}"
        return "(anonymous)"
    try:
        return g.namespace_manager.normalizeUri(node)
    except Exception:  # noqa: BLE001 - a term rdflib cannot shorten is shown whole
        return f"<{node}>"


def _labels(g: rdflib.Graph, node: rdflib.term.Node, predicate=RDFS.label) -> list[str]:
    by_lang: dict[str, list[str]] = {}
    for lit in g.objects(node, predicate):
        by_lang.setdefault((lit.language or "").lower(), []).append(str(lit))
    return [" / ".join(sorted(by_lang.get(lang, []))) for lang in LANGS]


def _comment(g: rdflib.Graph, node: rdflib.term.Node) -> str:
    for lit in g.objects(node, RDFS.comment):
        if (lit.language or "en") == "en":
            return " ".join(str(lit).split())
    return ""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _section(g: rdflib.Graph, title: str, kind: rdflib.URIRef) -> list[str]:
    links = LINKS[kind]
    terms = sorted(t for t in g.subjects(RDF.type, kind)
                   if isinstance(t, rdflib.URIRef) and t.startswith(str(NG)))
    head = ["term", *(SHOWN[lang] for lang in LANGS), *(name for name, _ in links), "comment"]
    lines = [f"## {title} ({len(terms)})", "", "| " + " | ".join(head) + " |",
             "|" + "---|" * len(head)]
    for term in terms:
        cells = [f"`{_curie(g, term)}`", *map(_cell, _labels(g, term))]
        for _, predicate in links:
            cells.append(", ".join(sorted(_curie(g, o) for o in g.objects(term, predicate))))
        cells.append(_cell(_comment(g, term)))
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def _roles(g: rdflib.Graph) -> list[str]:
    roles = sorted(g.subjects(RDF.type, NG.Role))
    lines = [f"## Role concepts ({len(roles)}, SKOS scheme `ng:Roles`)", "",
             "| concept | " + " | ".join(SHOWN[lang] for lang in LANGS)
             + " | titles matched (skos:altLabel) |",
             "|" + "---|" * (len(LANGS) + 2)]
    for role in roles:
        alts = sorted(str(a) for a in g.objects(role, SKOS.altLabel))
        lines.append("| " + " | ".join([f"`{_curie(g, role)}`",
                                         *map(_cell, _labels(g, role, SKOS.prefLabel)),
                                         _cell(", ".join(alts))]) + " |")
    return lines + [""]


def render() -> str:
    """The whole of ontology/README.md."""
    g = ontology_graph()
    lines = ["# The newsgraph ontology", "",
             "Generated from `newsgraph.ttl` by `make docs` (`newsgraph ontology docs`); do",
             "not edit by hand: a test fails when this file is stale. `newsgraph.owl` is the",
             "same ontology as RDF/XML, for Protégé (`newsgraph ontology owl`).", "",
             f"Namespace `ng:` = `{NG}`; labels in {', '.join(SHOWN.values())}.", ""]
    for title, kind in KINDS:
        lines += _section(g, title, kind)
    lines += _roles(g)
    return "\n".join(lines)


def rdfxml() -> str:
    """The ontology as RDF/XML (what Protégé and owlready2 open), the same bytes on every
    run: blank nodes named by rdflib's canonical labelling, triples added in sorted order
    to a store that keeps that order (the default store walks its sets in the order of
    Python's string hashes, a new one each run)."""
    declared = rdflib.Graph(bind_namespaces="none").parse(ontology_file("newsgraph.ttl"),
                                                           format="turtle")
    ordered = rdflib.Graph(store="SimpleMemory", bind_namespaces="none")
    for prefix, namespace in sorted(declared.namespaces()):
        ordered.bind(prefix, namespace)
    for triple in sorted(to_canonical_graph(declared)):
        ordered.add(triple)
    return ordered.serialize(format="xml")
