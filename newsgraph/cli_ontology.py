"""The CLI's ontology commands: validate the store, reason over it, document the ontology.
They register on the one Typer app of `newsgraph.cli`."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from newsgraph.cli import app, err, out, state, write_output


@app.command()
def validate(fmt: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text"
             ) -> None:
    """Check every article in the store against the SHACL shapes and the ontology's terms."""
    from newsgraph.validate import validate_store

    store = state.read()
    violations = validate_store(store)
    if fmt == "json":
        sys.stdout.write(json.dumps({"conforms": not violations,
                                     "articles": len(store.article_graphs()),
                                     "violations": [v.to_dict() for v in violations]},
                                    ensure_ascii=False, indent=2) + "\n")
    else:
        for v in violations:
            out.print(str(v), highlight=False, soft_wrap=True)
        err.print(f"{len(store.article_graphs())} articles checked, {len(violations)} violations")
    if violations:
        raise typer.Exit(1)


@app.command()
def reason(fmt: Annotated[str, typer.Option("--format", "-f", help="text|json")] = "text",
           ontology_only: Annotated[bool, typer.Option(
               "--ontology-only", help="check the ontology and registry, not the store")] = False
           ) -> None:
    """Run the HermiT reasoner: unsatisfiable classes, facts that contradict the ontology."""
    from newsgraph.reason import reason as run

    report = run(None if ontology_only else state.read())
    if fmt == "json":
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        for iri in report.unsatisfiable:
            out.print(f"unsatisfiable class <{iri}>", highlight=False)
        for clash in report.clashes:
            out.print(str(clash), highlight=False, soft_wrap=True)
        verdict = "consistent" if report.consistent else "INCONSISTENT"
        err.print(f"{verdict}: {report.triples} triples, {len(report.unsatisfiable)} "
                  f"unsatisfiable classes, HermiT {report.seconds:.1f} s")
    if not report.ok:
        raise typer.Exit(1)


ontology_app = typer.Typer(help="The ontology itself: generated docs, RDF/XML for Protégé.")
app.add_typer(ontology_app, name="ontology")


@ontology_app.command("docs")
def ontology_docs(out_file: Annotated[Path | None, typer.Option(
        "--out", help="file (default stdout)")] = None) -> None:
    """The ontology's documentation (Markdown), generated from newsgraph.ttl."""
    from newsgraph.ontodoc import render
    write_output(render(), out_file)


@ontology_app.command("owl")
def ontology_owl(out_file: Annotated[Path | None, typer.Option(
        "--out", help="file (default stdout)")] = None) -> None:
    """The ontology as RDF/XML, which Protégé opens."""
    from newsgraph.ontodoc import rdfxml
    write_output(rdfxml(), out_file)
