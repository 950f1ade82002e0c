"""The rules that build the inferred graph, and how a load updates it for what it changed.

A rule (ontology/rules/*.rq) is a SPARQL CONSTRUCT with a `#+` header (YAML):

- `made`: graph patterns (each a basic graph pattern) that match, in the inferred graph,
  every triple the rule makes and none another rule makes.
- `scope` (optional): a variable. The rule's triples for one value of it depend only on the
  article facts that name that value, so after a small load the rule runs for the values
  the changed graphs name, before and after the change. The text holds
  `VALUES ?<scope> { UNDEF }` in each part that reads the article graphs: no restriction
  in a whole run, the values in a scoped one.
- `keys`: patterns that name a value of the scope in an article graph.
- `across` (optional): facts the rule reads over the whole store (the teams of a company),
  each a pattern mapped to a pattern that names the values of the scope a changed one
  concerns (the members of the team). A load that adds or takes away such facts adds
  those values to the run.

A rule without a scope (a cheap one) runs whole at every update, and its `made` triples
are compared with what it makes now.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import QueryDefinitionError
from newsgraph.paths import rules_dir
from newsgraph.savedqueries import read_header

_KEYS = {"made", "scope", "keys", "across"}
MAX_VALUES = 50_000  # more values than this in one scoped run: the rules run whole
SHARE = 0.1  # a load of more articles than this share of the store's: the rules run whole
CHUNK = 500  # values per scoped run: past about a thousand the engine stops looking each
# value up and scans the whole store (the tenure rule for 1,581 people of a store of 10,000
# generated articles: 54 s in one run, 4 s in runs of 100 to 800)


def _patterns(path: Path, header: dict[str, Any], key: str) -> tuple[str, ...]:
    value = header.get(key) or []
    value = [value] if isinstance(value, str) else value
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise QueryDefinitionError(f"{path}: '#+ {key}:' must be a graph pattern or a list "
                                   "of them", hint="e.g. #+ made: [\"?node a ?super\"]")
    return tuple(value)


def _values(scope: str) -> str:
    """The placeholder a scoped rule holds: no restriction."""
    return values_block(scope, ["UNDEF"])


def values_block(name: str, terms: Iterable[Any]) -> str:
    """`VALUES ?name { ... }` of RDF terms (IRIs, literals: written by pyoxigraph)."""
    return f"VALUES ?{name} {{ {' '.join(map(str, terms))} }}"


@dataclass(frozen=True)
class Rule:
    name: str
    text: str
    made: tuple[str, ...]
    scope: str | None = None
    keys: tuple[str, ...] = ()
    across: tuple[tuple[str, str], ...] = ()

    @classmethod
    def read(cls, path: Path) -> Rule:
        text = path.read_text(encoding="utf-8")
        header = read_header(path, text, _KEYS)
        across = header.get("across") or {}
        if not isinstance(across, dict) or not all(
                isinstance(v, str) for pair in across.items() for v in pair):
            raise QueryDefinitionError(f"{path}: '#+ across:' must map a pattern of facts to "
                                       "a pattern naming the values of the scope they concern")
        rule = cls(path.stem, text, _patterns(path, header, "made"), header.get("scope"),
                   _patterns(path, header, "keys"), tuple(across.items()))
        if not rule.made:
            raise QueryDefinitionError(f"{path}: the header needs '#+ made: ...', the "
                                       "patterns of the triples the rule makes")
        if rule.across and not rule.scope:
            raise QueryDefinitionError(f"{path}: '#+ across:' needs '#+ scope: ...'")
        if rule.scope and (not rule.keys or _values(rule.scope) not in text):
            raise QueryDefinitionError(
                f"{path}: a rule with '#+ scope: {rule.scope}' needs '#+ keys: ...' and "
                f"'{_values(rule.scope)}' in each part that reads the article graphs")
        return rule

    def scoped(self, values: Iterable[ox.NamedNode]) -> str:
        """The rule for these values of its scope only (IRIs, written by pyoxigraph)."""
        return self.text.replace(_values(str(self.scope)), values_block(str(self.scope), values))

    def made_query(self, graph: ox.NamedNode, values: Iterable[ox.NamedNode] | None = None
                   ) -> str:
        """The triples of the inferred `graph` this rule made (for these values only)."""
        restrict = "" if values is None else values_block(str(self.scope), values) + " "
        where = " UNION ".join(f"{{ GRAPH {graph} {{ {restrict}{p} }} }}" for p in self.made)
        return f"{self.prologue()}CONSTRUCT {{ {' . '.join(self.made)} }} WHERE {{ {where} }}"

    def runs(self, graph: ox.NamedNode, values: set[Any] | None
             ) -> Iterator[tuple[str, str]]:
        """The rule and the query of what it made before in `graph`, for these values of
        its scope (in runs of CHUNK values), or whole (None)."""
        if values is None:
            yield self.text, self.made_query(graph)
            return
        ordered = sorted(values, key=str)
        for at in range(0, len(ordered), CHUNK):
            part = ordered[at:at + CHUNK]
            yield self.scoped(part), self.made_query(graph, part)

    def prologue(self) -> str:
        return "".join(line + "\n" for line in self.text.splitlines()
                       if line.upper().startswith("PREFIX"))


def rules(folder: Path | None = None) -> list[Rule]:
    return [Rule.read(path) for path in sorted((folder or rules_dir()).glob("*.rq"))]


def unscoped(text: str) -> str:
    """A rule's text without its `VALUES ?x { UNDEF }` placeholders."""
    return re.sub(r"VALUES \?\w+ \{ UNDEF \}\s*", "", text)


def digest(texts: Iterable[str]) -> str:
    """What the inferred graph was built from: the rules and the schema graphs' hashes."""
    return hashlib.sha256("\n\0".join(texts).encode("utf-8")).hexdigest()


def _variables(pattern: str) -> list[str]:
    return sorted(set(re.findall(r"\?\w+", pattern)))


class Changes:
    """What a load changes, for the scoped rules: the values of each rule's scope that the
    changed graphs name (noted before each batch is written, for the old versions of the
    graphs it replaces, and after), and the rules' `across` facts before the load, to
    compare with after."""

    def __init__(self, store: Any, rules: list[Rule], built: str = "") -> None:
        self.rules, self.built = rules, built  # built: the digest the graph is built from
        self.values: dict[str, set[Any]] = {r.name: set() for r in rules if r.scope}
        self._before = self._across(store)

    def _across(self, store: Any) -> dict[tuple[str, str], set[tuple[Any, ...]]]:
        found = {}
        for rule in self.rules:
            for facts, _ in rule.across:
                names = _variables(facts)
                rows = store.query(f"{rule.prologue()}SELECT DISTINCT {' '.join(names)} "
                                   f"WHERE {{ GRAPH ?_g {{ {facts} }} }}")
                found[rule.name, facts] = {tuple(row[i] for i in range(len(names)))
                                           for row in rows}
        return found

    def _query(self, store: Any, rule: Rule, where: str) -> None:
        rows = store.query(f"{rule.prologue()}SELECT DISTINCT ?{rule.scope} WHERE {{ {where} }}")
        self.values[rule.name].update(row[0] for row in rows)

    def note(self, store: Any, graphs: list[ox.NamedNode]) -> None:
        if graphs:
            block = values_block("_g", graphs)
            for rule in (r for r in self.rules if r.scope):
                union = " UNION ".join(f"{{ {p} }}" for p in rule.keys)
                self._query(store, rule, f"{block} GRAPH ?_g {{ {union} }}")

    def complete(self, store: Any) -> bool:
        """Add the values that the `across` facts the load added or took away concern; can
        every scoped rule now run for its values (IRIs, not too many)?"""
        after = self._across(store)
        for rule in self.rules:
            for facts, names in rule.across:
                changed = self._before[rule.name, facts] ^ after[rule.name, facts]
                if any(isinstance(term, ox.BlankNode) for row in changed for term in row):
                    return False
                if changed:
                    rows = " ".join(f"({' '.join(map(str, row))})" for row in sorted(
                        changed, key=str))
                    block = f"VALUES ({' '.join(_variables(facts))}) {{ {rows} }}"
                    self._query(store, rule, f"GRAPH ?_g {{ {block} {names} }}")
        return all(len(values) <= MAX_VALUES and all(isinstance(v, ox.NamedNode)
                                                    for v in values)
                   for values in self.values.values())


__all__ = ["Changes", "Rule", "digest", "rules", "unscoped"]
