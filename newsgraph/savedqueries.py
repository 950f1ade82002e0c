"""Saved queries: one `.rq` file each, with a grlc-style `#+` header.

    #+ summary: One person's dated events, with their sources
    #+ description: ...
    #+ defaults:
    #+   - person: Jan Leike
    #+ examples:
    #+   - person: 伊爾亞·蘇茨克維

A parameter variable must be projected by the top-level SELECT (and by any sub-select
that uses it): pyoxigraph substitutes only projected variables. An optional parameter
is tested with COALESCE (`FILTER(COALESCE(?x = ?__p, true))`), not BOUND: pyoxigraph
leaves BOUND(?__p) false even when ?__p is substituted.

Parameters follow grlc's convention: a variable `?_name` is a required parameter,
`?__name` an optional one, and a suffix gives its type (`?_date_xsd_date`,
`?_limit_xsd_integer`, `?_org_iri`; `?_person_name`: a name in any script or case, matched
against the `ng:key` the loader writes for every name; none: a plain string). Values are
bound as RDF terms through pyoxigraph substitutions, never pasted into the query text. The same
definition drives the CLI, the HTTP routes, the OpenAPI document and the docs.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
import yaml

from loaders.fold import name_key
from newsgraph.errors import ParameterError, QueryDefinitionError, UnknownQueryError
from newsgraph.paths import queries_dir

if TYPE_CHECKING:  # the store imports this module (rules have `#+` headers too)
    from newsgraph.remote import RemoteStore
    from newsgraph.store import Store

XSD = "http://www.w3.org/2001/XMLSchema#"
_PARAM = re.compile(r"\?(__?)([A-Za-z][A-Za-z0-9]*)((?:_[A-Za-z0-9]+)*)\b")
_HEADER_KEYS = {"summary", "description", "tags", "defaults", "examples", "method",
                "endpoint", "pagination", "enumerate", "transform"}


def _name_key(value: str) -> str:
    if not name_key(value):
        raise ValueError("a name needs letters")
    return name_key(value)


def _check_date(value: str) -> ox.Literal:
    dt.date.fromisoformat(value)
    return ox.Literal(value, datatype=ox.NamedNode(XSD + "date"))


def _check_integer(value: str) -> ox.Literal:
    return ox.Literal(str(int(value)), datatype=ox.NamedNode(XSD + "integer"))


def _check_year(value: str) -> ox.Literal:
    if not re.fullmatch(r"\d{4}", value):
        raise ValueError("a year is four digits")
    return ox.Literal(value, datatype=ox.NamedNode(XSD + "gYear"))


# type suffix -> (name shown in docs and OpenAPI, converter from text to an RDF term)
PARAM_TYPES: dict[str, tuple[str, Any]] = {
    "": ("string", ox.Literal),
    "_iri": ("iri", ox.NamedNode),
    "_xsd_date": ("date", _check_date),
    "_xsd_integer": ("integer", _check_integer),
    "_xsd_gYear": ("year", _check_year),
    "_name": ("name", lambda value: ox.Literal(_name_key(value))),
}


@dataclass(frozen=True)
class Parameter:
    name: str
    variable: str
    type: str
    required: bool
    default: str | None = None
    example: str | None = None

    def bind(self, raw: str, query: str) -> Any:
        converter = next(conv for suffix, (name, conv) in PARAM_TYPES.items() if name == self.type)
        try:
            return converter(raw)
        except (ValueError, TypeError) as exc:
            raise ParameterError(
                f"parameter '{self.name}' of query '{query}' must be a {self.type}, got {raw!r}",
                hint=f"e.g. {self.name}={self.example or self.default or _EXAMPLE[self.type]}",
            ) from exc


_EXAMPLE = {"string": "Jan Leike", "name": "Jan Leike", "iri": "https://example.org/x",
            "date": "2024-01-01", "integer": "10", "year": "2024"}


@dataclass
class SavedQuery:
    name: str
    path: Path
    text: str
    summary: str
    description: str = ""
    tags: list[str] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)

    def bindings(self, values: dict[str, str]) -> dict[ox.Variable, Any]:
        """Check `values` against the header and turn them into substitutions."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise ParameterError(
                f"query '{self.name}' has no parameter '{unknown[0]}'",
                hint="its parameters: " + (", ".join(known) or "none"))
        out: dict[ox.Variable, Any] = {}
        for param in self.parameters:
            raw = values.get(param.name, param.default)
            if raw is None or raw == "":
                if param.required:
                    raise ParameterError(
                        f"query '{self.name}' needs parameter '{param.name}'",
                        hint=f"pass --param {param.name}=VALUE (e.g. "
                             f"{param.example or _EXAMPLE[param.type]})")
                continue
            out[ox.Variable(param.variable)] = param.bind(str(raw), self.name)
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "summary": self.summary, "description": self.description,
                "tags": self.tags,
                "parameters": [{"name": p.name, "type": p.type, "required": p.required,
                                "default": p.default, "example": p.example}
                               for p in self.parameters]}


def read_header(path: Path, text: str, known: set[str]) -> dict[str, Any]:
    """The `#+` lines of a .rq file (a saved query, a rule) as YAML: a map of known keys."""
    lines = [line[2:] for line in text.splitlines() if line.startswith("#+")]
    try:
        header = yaml.safe_load("\n".join(line[1:] if line.startswith(" ") else line
                                          for line in lines)) or {}
    except yaml.YAMLError as exc:
        raise QueryDefinitionError(f"{path}: the #+ header is not valid YAML: {exc}",
                                   hint="fix the header lines that start with '#+'") from exc
    if not isinstance(header, dict):
        raise QueryDefinitionError(f"{path}: the #+ header must be 'key: value' lines")
    bad = sorted(set(header) - known)
    if bad:
        raise QueryDefinitionError(f"{path}: unknown header key '{bad[0]}'",
                                   hint="known keys: " + ", ".join(sorted(known)))
    return header


def _header(path: Path, text: str) -> dict[str, Any]:
    header = read_header(path, text, _HEADER_KEYS)
    if not isinstance(header.get("summary"), str) or not header["summary"].strip():
        raise QueryDefinitionError(f"{path}: the header needs '#+ summary: ...'")
    return header


def _pairs(path: Path, header: dict[str, Any], key: str) -> dict[str, str]:
    """grlc writes defaults as a list of one-key maps; a plain map is accepted too."""
    value = header.get(key) or {}
    items = value if isinstance(value, list) else [value]
    out: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict):
            raise QueryDefinitionError(f"{path}: '#+ {key}:' entries must be 'name: value'")
        out.update({str(k): str(v) for k, v in item.items()})
    return out


def parse_query_file(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    header = _header(path, text)
    defaults, examples = _pairs(path, header, "defaults"), _pairs(path, header, "examples")
    params: dict[str, Parameter] = {}
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
    for underscores, name, suffix in _PARAM.findall(body):
        if suffix not in PARAM_TYPES:
            raise QueryDefinitionError(
                f"{path}: parameter ?{underscores}{name}{suffix} has an unknown type suffix "
                f"'{suffix}'", hint="use one of " + ", ".join(repr(s) for s in PARAM_TYPES))
        params.setdefault(name, Parameter(
            name=name, variable=f"{underscores}{name}{suffix}".lstrip("?"),
            type=PARAM_TYPES[suffix][0], required=underscores == "_",
            default=defaults.get(name), example=examples.get(name, defaults.get(name))))
    select = re.search(r"\bSELECT\b(.*?)\bWHERE\b", body, re.S | re.I)
    projected = select.group(1) if select else ""
    for param in params.values():
        if select and "*" not in projected and f"?{param.variable}" not in projected.split():
            raise QueryDefinitionError(
                f"{path}: parameter ?{param.variable} is not in the SELECT projection",
                hint="pyoxigraph binds only projected variables: add it to the SELECT line "
                     "and to that of any sub-select using it")
    stray = sorted((set(defaults) | set(examples)) - set(params))
    if stray:
        raise QueryDefinitionError(f"{path}: default or example for unknown parameter "
                                   f"'{stray[0]}'", hint="parameters are ?_name variables")
    tags = header.get("tags") or []
    return SavedQuery(name=path.stem, path=path, text=text, summary=header["summary"].strip(),
                      description=str(header.get("description") or "").strip(),
                      tags=[str(t) for t in tags], parameters=list(params.values()))


class SavedQueries:
    """All saved queries of a folder, parsed and checked once (a bad file stops start-up)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or queries_dir()
        self._queries = {p.stem: parse_query_file(p) for p in sorted(self.folder.glob("*.rq"))}

    def __iter__(self):
        return iter(self._queries.values())

    def __len__(self) -> int:
        return len(self._queries)

    def names(self) -> list[str]:
        return list(self._queries)

    def find(self, name: str) -> SavedQuery | None:
        return self._queries.get(name)

    def get(self, name: str) -> SavedQuery:
        query = self.find(name)
        if query is None:
            raise UnknownQueryError(f"no saved query named '{name}'",
                                    hint="known: " + ", ".join(self._queries))
        return query


def run_saved(store: Store | RemoteStore, queries: SavedQueries, name: str,
              params: dict[str, str] | None = None) -> Any:
    """Run one saved query with typed, checked parameters bound as RDF terms."""
    query = queries.get(name)
    return store.query(query.text, substitutions=query.bindings(params or {}))
