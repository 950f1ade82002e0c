"""The `newsgraph` command: a thin adapter over the library (Typer + Rich).

    newsgraph [--store DIR] load PATH...
    newsgraph queries
    newsgraph query NAME [--param k=v ...] [--format table|json|csv|tsv|xml]
    newsgraph sparql "SELECT ..." [--format ...]
    newsgraph explain ARTICLE
    newsgraph export --format trig|nquads|turtle|ntriples|jsonld|xml [--graph ID] [--out FILE]
    newsgraph reason [--ontology-only] [--format text|json]
    newsgraph ontology docs|owl [--out FILE]
    newsgraph serve [--host 127.0.0.1] [--port 8000] [--timeout 10] [--max-rows 10000]
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from newsgraph.errors import InputError, NewsgraphError, ParameterError, StoreError
from newsgraph.remote import ENGINES, Endpoint, RemoteStore, is_url
from newsgraph.results import kind, materialize, serialize, term_text
from newsgraph.savedqueries import SavedQueries, run_saved
from newsgraph.store import Store, article_graph, is_store, resolve_location

app = typer.Typer(help="newsgraph: news articles in, a knowledge graph out, saved SPARQL "
                  "queries on top.", no_args_is_help=True, pretty_exceptions_enable=False)
out = Console()
err = Console(stderr=True)


class State:
    location: str | None = None
    endpoint: Endpoint | None = None
    store: Store | RemoteStore | None = None

    def open(self) -> Store | RemoteStore:
        """The store for writing (a load): holds an on-disk store's lock; on a SPARQL server,
        brings the ontology and registry graphs up to date there."""
        if self.store is None:
            self.store = (RemoteStore(self.endpoint, schema=True) if self.endpoint
                          else Store(self.location))
        return self.store

    def read(self) -> Store | RemoteStore:
        """The store for reading: an existing on-disk store is opened read-only (the last
        published version), so reads work while a load runs in another process."""
        if self.store is None and self.endpoint is not None:
            self.store = RemoteStore(self.endpoint)
        if self.store is None and self.location is not None:
            if not is_store(self.location):  # a mistyped --store answers nothing: say so
                raise StoreError(f"no store at {self.location}", hint="load articles into "
                                 f"it first (newsgraph --store {self.location} load FOLDER) "
                                 "or pass the --store you loaded")
            self.store = Store.open_read_only(self.location)
        return self.open()


state = State()


@app.callback()
def main_options(
    store: Annotated[str | None, typer.Option(
        "--store", help="Store folder (default $NEWSGRAPH_STORE or ./data/store; "
        "':memory:' for none), or a SPARQL server's URL (http://host:port/...).")] = None,
    engine: Annotated[str, typer.Option(
        envvar="NEWSGRAPH_ENGINE", help="With a URL: the server's kind, which names its "
        "endpoints (" + ", ".join(ENGINES) + ").")] = "oxigraph",
    query_url: Annotated[str | None, typer.Option(help="With a URL: the SPARQL query "
                                                        "endpoint, if not the engine's")] = None,
    update_url: Annotated[str | None, typer.Option(help="With a URL: the SPARQL Update "
                                                         "endpoint")] = None,
    gsp_url: Annotated[str | None, typer.Option(help="With a URL: the Graph Store "
                                                      "Protocol endpoint")] = None,
    remote_write: Annotated[str | None, typer.Option(
        help="With a URL: replace an article's graph by 'update' (SPARQL Update) or 'gsp' "
             "(HTTP PUT); default: the engine's")] = None,
) -> None:
    """Credentials for a server come from NEWSGRAPH_STORE_USER and NEWSGRAPH_STORE_PASSWORD."""
    location = resolve_location(store)
    state.store, state.location, state.endpoint = None, location, None
    if is_url(location):
        state.location = None
        state.endpoint = Endpoint.of(location, engine, query=query_url, update=update_url,
                                     store=gsp_url, write=remote_write)


def _params(items: list[str]) -> dict[str, str]:
    params = {}
    for item in items:
        if "=" not in item:
            raise ParameterError(f"--param {item!r} is not NAME=VALUE",
                                 hint="e.g. --param person='Jan Leike'")
        key, value = item.split("=", 1)
        params[key.strip()] = value
    return params


def _print(result, fmt: str) -> None:
    if fmt == "table":
        if kind(result) != "select":
            fmt = "turtle" if kind(result) == "graph" else "json"
        else:
            rows = materialize(result)
            shown = [i for i, v in enumerate(rows.variables) if not v.startswith("_")]
            table = Table(show_lines=False)
            for i in shown:
                table.add_column(rows.variables[i], overflow="ellipsis", max_width=48)
            for row in rows.rows:
                table.add_row(*(term_text(row[i]) for i in shown))
            out.print(table)
            err.print(f"{len(rows.rows)} rows")
            return
    sys.stdout.buffer.write(serialize(result, fmt))
    sys.stdout.flush()


@app.command()
def load(paths: Annotated[list[Path], typer.Argument(help="Folders (with or without "
                                                      "manifest.json) or article files.")],
         jobs: Annotated[int, typer.Option(
             "--jobs", "-j", min=0, help="Processes extracting articles; 0: one per CPU "
                                         "from 64 articles on, else 1.")] = 0,
         ) -> None:
    """Load articles: each replaces its own named graph, atomically."""
    # the extraction pipeline (lexicons, cleaner, SHACL checker) is imported by the command
    # that extracts: the other commands, and the server's process, never hold it
    from newsgraph.ingest import load_paths

    store = state.open()
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  console=err, transient=True) as progress:
        task = progress.add_task("loading", total=None)

        def tick(source, total):
            progress.update(task, total=total, advance=0 if source is None else 1,
                            description=f"loading {source.id if source else ''}")

        report = load_paths(store, paths, progress=tick, jobs=jobs)
    table = Table("articles", "triples", "people", "roles", "events", "statements",
                  title="loaded")
    totals = report.totals()
    table.add_row(*(str(totals[k]) for k in ("articles", "triples", "people", "roles",
                                              "events", "statements")))
    err.print(table)
    for name, exc in report.failed:
        err.print(f"[red]failed[/red] {name}: {exc}")
    if not report.ok:
        raise typer.Exit(1)


@app.command("queries")
def list_queries() -> None:
    """List the saved queries with their summaries and parameters."""
    table = Table("name", "summary", "parameters")
    for q in SavedQueries():
        params = ", ".join(f"{p.name}:{p.type}{'' if p.required else '?'}"
                           + (f"={p.default}" if p.default else "") for p in q.parameters)
        table.add_row(q.name, q.summary, params)
    out.print(table)


@app.command()
def query(name: str,
          param: Annotated[list[str] | None, typer.Option(
              "--param", "-p", help="NAME=VALUE, repeatable")] = None,
          fmt: Annotated[str, typer.Option("--format", "-f",
                                           help="table|json|csv|tsv|xml")] = "table") -> None:
    """Run a saved query."""
    _print(run_saved(state.read(), SavedQueries(), name, _params(param or [])), fmt)


@app.command()
def sparql(text: str, fmt: Annotated[str, typer.Option(
        "--format", "-f", help="table|json|csv|tsv|xml; turtle|ntriples|... for CONSTRUCT")
        ] = "table") -> None:
    """Run an ad-hoc SPARQL query (read-only). The default graph is the union of all graphs."""
    from newsgraph.safety import check_query

    check_query(text)
    _print(state.read().query(text, use_default_graph_as_union=True), fmt)


@app.command()
def explain(article: str) -> None:
    """Print every fact extracted from one article with the text that states it and its rule."""
    from newsgraph.explain import facts_of

    rows = facts_of(state.read(), article)
    if not rows:
        raise NewsgraphError(f"no article '{article}' in the store",
                             hint="run 'newsgraph load' first, or check the id")
    for kind_, fact, rule, evidence in rows:
        out.print(f"[bold]{kind_}[/bold]  {fact}  [dim]({rule})[/dim]", soft_wrap=True)
        out.print(f"    {evidence}", soft_wrap=True, highlight=False)


def write_output(data: str | bytes, out_file: Path | None) -> None:
    """To a file, or to standard output; text as UTF-8."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if out_file:  # whole or not at all: a partial file never takes the name
        partial = out_file.with_name(out_file.name + ".part")
        try:
            partial.write_bytes(raw)
            partial.replace(out_file)
        except OSError as exc:
            raise InputError(f"cannot write {out_file}: {exc.strerror or exc}",
                             hint="check that its folder exists and is writable") from exc
    else:
        sys.stdout.buffer.write(raw)


@app.command()
def export(fmt: Annotated[str, typer.Option("--format", "-f",
                                            help="trig|nquads|jsonld (every named graph), "
                                                 "turtle|ntriples|xml (one graph)")] = "trig",
           graph: Annotated[str | None, typer.Option(help="one article id")] = None,
           union: Annotated[bool, typer.Option(help="merge every graph into one (for the "
                                                    "one-graph formats; names are lost)")] = False,
           out_file: Annotated[Path | None, typer.Option("--out", help="file (default stdout); "
                                                        "its VoID goes beside it")] = None,
           void_file: Annotated[Path | None, typer.Option(
               "--void", help="where the VoID description goes (default FILE.void.ttl "
                              "with --out)")] = None) -> None:
    """Export the store: every named graph, one article's graph, or their union.

    With --out, a VoID description (counts, classes, properties, one subset per graph)
    goes beside the file."""
    from newsgraph.export import export as write_export
    from newsgraph.void import void

    store = state.read()
    write_output(write_export(store, fmt, article_graph(graph) if graph else None, union), out_file)
    if void_file is None and out_file is not None:
        void_file = out_file.with_name(out_file.name + ".void.ttl")
    if void_file is not None:
        write_output(void(store), void_file)


@app.command()
def serve(host: str = "127.0.0.1", port: int = 8000,
          cors: Annotated[str, typer.Option(
              help="origins allowed to GET from a browser: '*' (default), a comma-separated "
                   "list, or '' for none")] = "*",
          timeout: Annotated[float, typer.Option(
              help="deadline of an ad-hoc SPARQL query, seconds (at most 60)")] = 10.0,
          saved_timeout: Annotated[float, typer.Option(
              help="deadline of a saved query, seconds (at most 60)")] = 5.0,
          max_rows: Annotated[int, typer.Option(help="result rows per answer; more are cut "
                                                     "and the cut is flagged")] = 10_000,
          memory_mib: Annotated[int, typer.Option(help="memory of one query worker, MiB")] = 1024,
          workers: Annotated[int, typer.Option(help="query worker processes (default: one "
                                                    "per core, and one more kept for quick "
                                                    "saved queries)")] = 0,
          queue: Annotated[int, typer.Option(help="requests that may wait for a busy "
                                                  "worker; more get 503 at once")] = 8,
          public: Annotated[bool, typer.Option(help="exposed to a network: limit each "
                                                    "client to --rate requests a minute")] = False,
          rate: Annotated[float, typer.Option(help="requests per minute per client with "
                                                   "--public (bursts of a tenth)")] = 120.0,
          access_log: Annotated[bool, typer.Option(help="a line on stdout per request")] = True,
          ) -> None:
    """Serve the web page, the SPARQL endpoint, the saved queries and their OpenAPI docs."""
    import uvicorn

    from newsgraph.http import create_app
    from newsgraph.workers import Limits

    origins = [o.strip() for o in cors.split(",") if o.strip()]
    limits = Limits(timeout=timeout, saved_timeout=saved_timeout, max_rows=max_rows,
                    memory=memory_mib << 20, queue=queue, rate=rate if public else 0.0,
                    **({"workers": workers} if workers else {}))
    # read-only on disk: `newsgraph load` may run in another process while this serves
    served = RemoteStore(state.endpoint) if state.endpoint else Store.for_serving(
        state.location)
    uvicorn.run(create_app(served, cors=origins, limits=limits), host=host, port=port,
                log_level="info", access_log=access_log)


def main() -> None:
    try:
        app()
    except NewsgraphError as exc:
        err.print(f"[red]error:[/red] {exc.message}")
        if exc.hint:
            err.print(f"  {exc.hint}")
        sys.exit(2)


# the ontology's commands (validate, reason, ontology docs|owl) register on `app` there
from newsgraph import cli_ontology  # noqa: E402,F401

if __name__ == "__main__":  # python -m newsgraph.cli: run the imported module (the one
    from newsgraph.cli import main as imported_main  # cli_ontology registered on), not a copy

    imported_main()
