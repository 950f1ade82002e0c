"""Every fact of one article with its rule and the text that states it, for audits."""
from __future__ import annotations

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
