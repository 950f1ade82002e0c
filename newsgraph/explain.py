"""Evidence for audits: every fact of one article with its rule and text (`newsgraph explain`),
and the evidence behind each row of a saved query (`?explain=true`)."""
from __future__ import annotations

import json

import pyoxigraph as ox

from newsgraph.ingest import run_saved
from newsgraph.savedqueries import SavedQueries
from newsgraph.store import Store, article_graph

_QUERY = """
SELECT ?kind ?fact ?label ?rule ?exact ?start WHERE {
  GRAPH ?g {
    ?fact ng:rule ?rule ; ng:evidence ?ev ; a ?class .
    ?ev oa:hasSelector ?qs, ?ps .
    ?qs oa:exact ?exact . ?ps oa:start ?start .
    OPTIONAL { ?fact ng:participant|ng:member|ng:speaker ?who . ?who ng:name ?whoName }
    OPTIONAL { ?fact ng:organization ?org . ?org ng:name ?orgName }
    OPTIONAL { ?fact ng:role ?role }
    OPTIONAL { ?fact ng:date ?date }
    OPTIONAL { ?fact ng:quote ?quote }
  }
  BIND(STRAFTER(STR(?class), "#") AS ?kind)
  BIND(CONCAT(COALESCE(?whoName, ""), " | ", COALESCE(?orgName, ""),
              COALESCE(CONCAT(" | ", STRAFTER(STR(?role), "role/")), ""),
              COALESCE(CONCAT(" | ", STR(?date)), ""),
              COALESCE(CONCAT(" | ", SUBSTR(STR(?quote), 1, 60)), "")) AS ?label)
}
ORDER BY ?start ?kind
"""


def facts_of(store: Store, article_id: str) -> list[tuple[str, str, str, str]]:
    graph = article_graph(article_id)
    rows = store.query(_QUERY, named_graphs=[graph])
    return [(r["kind"].value, r["label"].value, r["rule"].value, r["exact"].value)
            for r in rows]


RDF_JSON = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON")
_FACT_KINDS = ("/id/event/", "/id/statement/", "/id/membership/", "/id/tenure/")


def evidence_of(store: Store, queries: SavedQueries, iri: str) -> list[dict[str, str]]:
    """Where one fact is stated: article, title, publisher, published, exact text, span,
    rule (the saved query `sources`); a tenure answers with its memberships' evidence."""
    facts = [iri]
    if "/id/tenure/" in iri:
        facts = [r["m"].value for r in store.query(
            "SELECT ?m ?t WHERE { GRAPH <urn:newsgraph:inferred> { ?t prov:wasDerivedFrom ?m } }",
            substitutions={ox.Variable("t"): ox.NamedNode(iri)})]
    return [row for fact in facts for row in _sources(store, queries, fact)]


def _sources(store: Store, queries: SavedQueries, fact: str) -> list[dict[str, str]]:
    result = run_saved(store, queries, "sources", {"fact": fact})
    names = [v.value for v in result.variables if not v.value.startswith("_")]
    rows = [{n: s[n].value for n in names if s[n] is not None} for s in result]
    del result  # pyoxigraph results must die in the thread that made them
    return rows


def with_evidence(store: Store, queries: SavedQueries, results_json: bytes) -> bytes:
    """SPARQL JSON results with an `evidence` column: for each row, the evidence of every
    fact (event, statement, membership, tenure) it names, as an rdf:JSON literal."""
    doc = json.loads(results_json)
    doc["head"]["vars"].append("evidence")
    cache: dict[str, list[dict[str, str]]] = {}
    for binding in doc["results"]["bindings"]:
        found = []
        for term in binding.values():
            iri = term["value"]
            if term["type"] == "uri" and any(k in iri for k in _FACT_KINDS):
                if iri not in cache:
                    cache[iri] = evidence_of(store, queries, iri)
                found += [{"fact": iri, **e} for e in cache[iri]]
        binding["evidence"] = {"type": "literal", "datatype": RDF_JSON.value,
                               "value": json.dumps(found, ensure_ascii=False)}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")
