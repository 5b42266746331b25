"""The ``kg`` command: a thin layer that parses options, calls the core, and maps errors to exit codes.

Exit codes: 0 success; 1 the graph is logically inconsistent (``kg check``: has error-level findings);
2 bad input (malformed Turtle, unknown query or parameter, invalid value or SPARQL).
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rdflib import Dataset, URIRef
from rdflib.namespace import RDF

from kg.answer import answer_json, answer_question, format_answer
from kg.ask import entity_linker
from kg.check import CheckReport, check_reasoned, load_check_files
from kg.engine import load_reasoned
from kg.errors import InconsistentGraphError, InputError, KgError
from kg.explain import explainer_from
from kg.format import FORMATS, format_result
from kg.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from kg.paths import CHECKS_DIR, QUERIES_DIR, SEEDS_DIR, default_graph_files
from kg.reason import Reasoned
from kg.report import REPORT_FORMATS, format_explanations, format_report
from kg.resolve import resolve_entity
from kg.run import answer_graph, run_any_sparql, run_saved
from kg.saved import SavedQuery, load_saved_queries, load_saved_query

if TYPE_CHECKING:
    from kg.store import ReasonedStore

graph_option = click.option(
    "--graph", "graph_paths", multiple=True, type=click.Path(path_type=Path),
    help="Turtle file or folder to load instead of the project's ontology and data (repeatable).")
format_option = click.option(
    "--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
    help="table and md: for people, citations as footnotes; json, csv, tsv: SPARQL 1.1 results.")


class _InputFailure(click.ClickException):
    exit_code = InputError.exit_code


class _InconsistencyFailure(click.ClickException):
    exit_code = InconsistentGraphError.exit_code


class _Group(click.Group):
    """Turns a KgError into click's 'Error: ...' line and the error's exit code (traceback with --debug)."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except KgError as error:
            if "--debug" in sys.argv[1:] or (ctx.obj or {}).get("debug"):
                raise
            failure = _InconsistencyFailure if isinstance(error, InconsistentGraphError) else _InputFailure
            raise failure(str(error)) from error


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show the Python traceback of an error.")
@click.version_option(package_name="mnd-kg")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Query the motor neuron disease knowledge graph (embedded, in memory, with OWL 2 RL reasoning)."""
    ctx.obj = {"debug": debug}


@cli.command("list")
@click.option("--names", is_flag=True, help="One query name a line.")
@click.option("--json", "as_json", is_flag=True, help="Name, summary, questions and parameters as JSON.")
def list_queries(names: bool, as_json: bool) -> None:
    """List the saved queries with the questions they answer and their parameters."""
    queries = load_saved_queries(QUERIES_DIR)
    if names:
        click.echo("\n".join(queries))
    elif as_json:
        click.echo(json.dumps([_describe(q) for q in queries.values()], indent=2, ensure_ascii=False))
    else:
        for query in queries.values():
            click.echo(f"{query.name}: {query.summary}")
            for question in query.questions:
                click.echo(f"  ? {question.text}")
            for parameter in query.parameters:
                click.echo(f"  -p {parameter.name}=...  {parameter.description} "
                           f"(default: {' '.join(parameter.default)})")


@cli.command("query")
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Parameter value; repeat a name to give several values.")
@format_option
@graph_option
def query_command(name: str, params: tuple[str, ...], fmt: str, graph_paths: tuple[Path, ...]) -> None:
    """Run the saved query NAME on the embedded graph."""
    query = load_saved_query(QUERIES_DIR, name)
    if query is None:
        raise InputError(f"no saved query named {name!r} (see 'kg list --names')", str(QUERIES_DIR))
    values = _parse_params(params)
    for parameter_name in values:
        query.parameter(parameter_name)
    reasoned = _reasoned(graph_paths)
    result = run_saved(reasoned, query, values)
    click.echo(format_result(result, fmt, answer_graph(reasoned, result)), nl=False)


@cli.command("sparql")
@click.argument("query_text", required=False)
@click.option("--file", "query_file", type=click.Path(path_type=Path), help="Read the query from a file.")
@format_option
@graph_option
def sparql_command(query_text: str | None, query_file: Path | None, fmt: str, graph_paths: tuple[Path, ...]) -> None:
    """Run any read-only SPARQL query over asserted and inferred triples."""
    if (query_text is None) == (query_file is None):
        raise InputError("give either a QUERY argument or --file PATH, not both or neither", "kg sparql")
    where = "command line"
    if query_file is not None:
        where = str(query_file)
        try:
            query_text = query_file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InputError(f"cannot read query file: {error.__class__.__name__}", where) from error
    assert query_text is not None
    reasoned = _reasoned(graph_paths)
    result = run_any_sparql(reasoned, query_text, where)
    click.echo(format_result(result, fmt, answer_graph(reasoned, result)), nl=False)


@cli.command("ask")
@click.argument("question")
@click.option("--json", "as_json", is_flag=True, help="Verdicts, facts, citations, query name and bindings as JSON.")
@click.option("--show-query", is_flag=True, help="Print the SPARQL that was run.")
def ask_command(question: str, as_json: bool, show_query: bool) -> None:
    """Answer QUESTION in plain words from the graph, with numbered citations, or say it cannot."""
    dataset = _load(())
    answer = answer_question(question, dataset, load_saved_queries(QUERIES_DIR), entity_linker(dataset))
    if show_query and answer.sparql:
        click.echo(answer.sparql.rstrip() + "\n")
    if as_json:
        click.echo(json.dumps(answer_json(answer), indent=2, ensure_ascii=False))
    else:
        click.echo(format_answer(answer), nl=False)


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--format", "fmt", type=click.Choice(REPORT_FORMATS), default="text", show_default=True)
@click.option("--sources", type=click.Path(path_type=Path), default=SEEDS_DIR, show_default=True,
              help="Folder of the source documents, to check that every quote occurs in its document verbatim.")
def check_command(paths: tuple[Path, ...], fmt: str, sources: Path) -> None:
    """Check the graph: logical consistency, unsatisfiable classes, unintended equivalences, data quality.

    With no PATHS, checks the project's ontology and data; with PATHS (Turtle files or folders), exactly those.
    Exit code 0: no error-level finding; 1: findings; 2: input error.
    """
    reasoned = load_reasoned(list(paths) or default_graph_files())
    report = check_reasoned(reasoned, load_check_files(CHECKS_DIR), sources if sources.is_dir() else None)
    click.echo(format_report(report, reasoned.report_graph(_report_terms(report)), fmt), nl=False)
    if report.errors:
        sys.exit(1)


@cli.command("explain")
@click.argument("entity")
@graph_option
def explain_command(entity: str, graph_paths: tuple[Path, ...]) -> None:
    """Why ENTITY (IRI, prefixed name or label) belongs to each class the reasoner derived for it."""
    dataset = _load(graph_paths)
    subject = resolve_entity(entity, dataset, "kg explain")
    inferred = dataset.graph(INFERRED_GRAPH)
    explainer = explainer_from(dataset.graph(ASSERTED_GRAPH), inferred)
    steps = [step for cls in sorted(inferred.objects(subject, RDF.type), key=str)
             if (step := explainer.explain((subject, RDF.type, cls))) is not None]
    click.echo(format_explanations(subject, steps, dataset), nl=False)


def _load(graph_paths: tuple[Path, ...]) -> Dataset:
    return _reasoned(graph_paths).dataset()


def _reasoned(graph_paths: tuple[Path, ...]) -> Reasoned | ReasonedStore:
    """The reasoned graph every command works on (fast engines and closure cache when installed); an
    inconsistent graph is an error, since answers from it would be meaningless."""
    reasoned = load_reasoned(list(graph_paths) or default_graph_files())
    if not reasoned.consistent:
        first = reasoned.findings[0]
        more = f" and {len(reasoned.findings) - 1} more" if len(reasoned.findings) > 1 else ""
        raise InconsistentGraphError(
            f"the graph is inconsistent: {first.message}: {', '.join(first.terms)}{more}", first.rule)
    return reasoned


def _report_terms(report: CheckReport) -> set[URIRef]:
    """The IRIs a report names: finding terms, and the triples and citations of their explanations."""
    terms = {URIRef(t) for f in report.findings for t in f.terms if t.startswith(("http", "urn:"))}
    steps = [step for f in report.findings for step in f.because]
    while steps:
        step = steps.pop()
        terms.update(t for t in (*step.triple, *step.citations) if isinstance(t, URIRef))
        steps.extend(step.premises)
    return terms


def _parse_params(params: tuple[str, ...]) -> dict[str, list[str]]:
    values: dict[str, list[str]] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise InputError(f"parameter must be NAME=VALUE, got {item!r}", "-p")
        values.setdefault(name.strip(), []).append(value.strip())
    return values


def _describe(query: SavedQuery) -> dict:
    return {
        "name": query.name,
        "summary": query.summary,
        "questions": [{"text": q.text, "bind": {k: list(v) for k, v in q.bindings.items()}} for q in query.questions],
        "parameters": [{"name": p.name, "type": p.type, "description": p.description, "default": list(p.default)}
                       for p in query.parameters],
    }


def main() -> None:
    """Entry point of the ``kg`` console script."""
    logging.getLogger("rdflib").setLevel(logging.CRITICAL)
    cli(prog_name="kg")
