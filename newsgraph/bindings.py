"""Bound values for a SPARQL server: the protocol has no substitutions, so each value goes
in a `VALUES` block at the head of the query's top-level group, written as an RDF term by
pyoxigraph's own serializer (a checked IRI or an escaped literal, never raw user text).

The block joins with the rest of the group, so FILTERs and OPTIONALs of that group see the
value, as with pyoxigraph's substitutions; sub-selects and UNION branches do not (the same
rule the saved queries already follow for the embedded store).
"""
from __future__ import annotations

import re
from typing import Any

import pyoxigraph as ox

from newsgraph.errors import QueryError

# the tokens that may hide a brace: comments, strings, IRIs; then braces and keywords
_TOKEN = re.compile(r"""
    (?P<skip> \#[^\n]*
            | '''(?:[^'\\]|\\.|'(?!''))*'''  | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
            | '(?:[^'\\\n]|\\.)*'           | "(?:[^"\\\n]|\\.)*"
            | <[^<>"{}|^`\\\x00-\x20]*>      | [?$][A-Za-z0-9_]+ )
  | (?P<open>\{) | (?P<close>\}) | (?P<word>[A-Za-z]+)
""", re.X)
_FORMS = {"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"}


def where_group(text: str) -> int:
    """The offset just after the `{` that opens the query's top-level WHERE group."""
    depth, form, in_template, after_where = 0, None, False, False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "word" and depth == 0:
            word = match.group().upper()
            if form is None and word in _FORMS:
                form = word
            after_where = after_where or word == "WHERE"
        elif kind == "open":
            if depth == 0 and form == "CONSTRUCT" and not after_where and not in_template:
                in_template = True
            elif depth == 0 and form is not None:
                return match.end()
            depth += 1
        elif kind == "close":
            depth -= 1
            if depth == 0 and in_template:
                after_where = True  # CONSTRUCT {template} {group} needs no WHERE keyword
    raise QueryError("the query has no WHERE group to bind parameters in",
                     hint="write the query as SELECT/CONSTRUCT/ASK ... WHERE { ... }")


def with_values(text: str, substitutions: dict[ox.Variable, Any] | None) -> str:
    """`text` with each substitution bound by a VALUES block at the head of its WHERE group."""
    if not substitutions:
        return text
    names = " ".join(f"?{var.value}" for var in substitutions)
    terms = " ".join(str(term) for term in substitutions.values())
    at = where_group(text)
    return f"{text[:at]} VALUES ({names}) {{ ({terms}) }}{text[at:]}"
