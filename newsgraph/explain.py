"""Evidence for audits: every fact of one article with its rule and text (`newsgraph explain`),
and the evidence behind each row of a saved query (`?explain=true`)."""
from __future__ import annotations

import bisect
import json
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import NotFoundError
from newsgraph.savedqueries import SavedQueries, run_saved
from newsgraph.store import Store, article_graph

_QUERY = """
SELECT ?kind ?fact ?label ?rule ?exact ?start ?end WHERE {
  GRAPH ?g {
    ?fact ng:rule ?rule ; ng:evidence ?ev ; a ?class .
    ?ev oa:hasSelector ?qs, ?ps .
    ?qs oa:exact ?exact . ?ps oa:start ?start ; oa:end ?end .
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


_ARTICLE = """
SELECT ?title ?publisher ?published ?language ?text WHERE { GRAPH ?g {
  ?a ng:articleId ?id ; ng:sourceText ?text .
  OPTIONAL { ?a <https://schema.org/headline> ?title }
  OPTIONAL { ?a ng:publisher ?publisher }
  OPTIONAL { ?a ng:published ?published }
  OPTIONAL { ?a ng:language ?language } } }
"""


def article_view(store: Store, article_id: str) -> dict[str, Any]:
    """An article's cleaned text with every fact placed at its evidence span, in the cleaned
    text's coordinates (the spans in the graph count in the original file; the loaders'
    own cleaning, re-run here, maps them over)."""
    graph = article_graph(article_id)
    found = [{k: (r[k].value if r[k] is not None else None) for k in
              ("title", "publisher", "published", "language", "text")}
             for r in store.query(_ARTICLE, named_graphs=[graph])]
    if not found:
        raise NotFoundError(f"no article '{article_id}' in the store",
                            hint="list them with the saved query 'sources' or "
                                 "'newsgraph query people'")
    from loaders.clean import clean  # the cleaner (ftfy) loads when a page first shows
    # an article: the server and its workers do not carry it otherwise

    meta = found[0]
    cleaned = clean(meta.pop("text"))
    facts = []
    for r in store.query(_QUERY, named_graphs=[graph]):
        a, b = int(r["start"].value), int(r["end"].value)
        start = bisect.bisect_left(cleaned.offsets, a)
        end = max(start, bisect.bisect_left(cleaned.offsets, b, lo=start))
        facts.append({"kind": r["kind"].value, "fact": r["fact"].value,
                      "label": r["label"].value, "rule": r["rule"].value,
                      "exact": r["exact"].value, "start": min(start, len(cleaned.text)),
                      "end": min(end, len(cleaned.text)), "sourceStart": a, "sourceEnd": b})
    return {"id": article_id, **meta, "text": cleaned.text, "facts": facts}


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
