"""The saved queries against the same questions asked of the asserted data alone.

newsgraph keeps two derived graphs beside the articles: the names index (every entity's
name keys, one row each) and the inferred graph (superclasses, units, tenures). This
module measures what that design costs or saves a saved query: each runs through the
Python API on newsgraph's store, and the same question runs on a bare pyoxigraph store
holding only the asserted graphs (articles, ontology, registry), its text rewritten to
find names and units and compute tenures from those (benchmarks/asserted.toml);
`scale.queries_figures` compares the two answers row for row, then times them.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pyoxigraph as ox

from newsgraph.graphstore import INFERRED_GRAPH, META_GRAPH, NAMES_GRAPH
from newsgraph.inference import unscoped
from newsgraph.paths import rules_dir
from newsgraph.savedqueries import SavedQuery
from newsgraph.store import Store

DERIVED = tuple(f"<{g.value}> .".encode() for g in (NAMES_GRAPH, INFERRED_GRAPH, META_GRAPH))
_NAMES = re.compile(r"GRAPH <urn:newsgraph:names> \{ \?(\w+) ng:key \?(\w+) \}")
_UNITS = re.compile(r"GRAPH <urn:newsgraph:names> \{ \?(\w+) ng:key \?(\w+) \}\s*"
                    r"GRAPH <urn:newsgraph:inferred> \{ \?\1 ng:hasUnit\? \?(\w+) \}")


def _names(m: re.Match) -> str:
    entity, key = m.groups()
    return f"GRAPH ?_keyed_{entity} {{ ?{entity} ng:key ?{key} }}"


def _units(m: re.Match) -> str:
    """An organization named, and itself or a team stated as its unit; in a subquery of its
    own (pyoxigraph evaluates a pattern after BIND first when they share a variable),
    DISTINCT as the names index is: an article states the key of each organization it names,
    so the rows would come once per article naming it, and so would every row joined to them
    (at a million generated quads the organization most named is in 337 articles)."""
    org, key, team = m.groups()
    unit, itself = f"?_unit_{team}", f"?_itself_{team}"
    return (f"{{ SELECT DISTINCT ?{org} ?{key} ?{team} WHERE {{\n"
            f"        GRAPH ?_keyed_{org} {{ ?{org} ng:key ?{key} }}\n"
            f"        OPTIONAL {{ GRAPH ?_unit_graph_{team} {{ {unit} ng:unitOf ?{org} }} }}\n"
            f"        VALUES {itself} {{ true false }}\n"
            f"        BIND(IF({itself}, ?{org}, {unit}) AS ?{team}) FILTER(BOUND(?{team})) }} }}")


def tenures_where() -> str:
    """The WHERE group of the tenure rule, without its prologue, comments and scope
    placeholders."""
    text = unscoped((rules_dir() / "30-tenures.rq").read_text("utf-8"))
    lines = [line for line in text.splitlines()
             if not line.lstrip().startswith(("#", "PREFIX"))]
    text = "\n".join(lines)
    return text[text.index("\nWHERE") + len("\nWHERE"):].strip()


def asserted_text(query: SavedQuery, rewrites: list[dict]) -> str:
    """The saved query's text, asking the asserted graphs only."""
    text = query.text
    for rewrite in (r for r in rewrites if r["query"] == query.name):
        if rewrite["find"] not in text:
            raise SystemExit(f"benchmarks/asserted.toml: the text to replace is no longer in "
                             f"queries/{query.name}.rq; update the rewrite")
        text = text.replace(rewrite["find"], rewrite["replace"].replace(
            "{tenures}", tenures_where()))
    text = _NAMES.sub(_names, _UNITS.sub(_units, text))
    if "urn:newsgraph:names" in text or "urn:newsgraph:inferred" in text:
        raise SystemExit(f"queries/{query.name}.rq reads a derived graph that "
                         "benchmarks/asserted.toml does not rewrite; add a rewrite")
    return text


def rewrites() -> list[dict]:
    return tomllib.loads(Path(__file__).with_name("asserted.toml").read_text("utf-8"))[
        "rewrite"]


def asserted_store(store: Store, location: Path) -> ox.Store:
    """A bare pyoxigraph store with the store's asserted graphs only, bulk-loaded."""
    dump = location.with_suffix(".nq")
    store._ox.dump(output=str(dump), format=ox.RdfFormat.N_QUADS)
    kept = location.with_suffix(".asserted.nq")
    with dump.open("rb") as src, kept.open("wb") as out:
        out.writelines(line for line in src if not line.rstrip().endswith(DERIVED))
    bare = ox.Store(str(location))
    bare.bulk_load(path=str(kept), format=ox.RdfFormat.N_QUADS)
    bare.optimize()
    dump.unlink()
    kept.unlink()
    return bare
