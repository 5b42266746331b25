"""The ``kg`` command: a thin layer that parses options, calls the core, and maps errors to exit codes.

Exit codes: 0 success (``kg diff``: whatever the difference); 1 the graph is logically inconsistent
(``kg check``: has findings at its --fail-on level, default error; ``kg docs --check``: the page is out of
date); 2 bad input (malformed Turtle, unknown query or parameter, invalid value or SPARQL, unknown git
revision); 3 a remote store or endpoint is unreachable, too slow, refuses the request or answers garbage, or
`kg serve` cannot run its server; 4 a limit (--timeout, --memory, --max-results) was hit; 130 stopped by
Ctrl-C or SIGTERM.

Each command that loads a graph does its work in a child process (kg.worker) within --timeout seconds and
--memory MiB of address space, killed when either is spent or on Ctrl-C.
"""

from __future__ import annotations

import errno
import gc
import io
import json
import logging
import re
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rdflib import Dataset, URIRef
from rdflib.query import Result

from kg.checks.output import FAIL_ON
from kg.cli.inputs import graph_inputs, saved_query, stdin_once
from kg.cli.inputs import query_text as query_text_of
from kg.cli.options import (
    ASK_FORMATS,
    CHECK_FORMATS,
    COMPARE_FORMATS,
    CONTEXT_SETTINGS,
    GRAPH_FORMATS,
    LIST_FORMATS,
    LOAD_FORMATS,
    MAX_MEMORY,
    STDIN,
    STDIN_NAME,
    WHY_FORMATS,
    SavedQueriesHelp,
    Seconds,
    auth_options,
    chosen_format,
    complete_query_names,
    deprecated_json_flag,
    format_option,
    graph_option,
    memory_option,
    queries_option,
    query_options,
    supplement_option,
    work_timeout_option,
)
from kg.errors import InconsistentGraphError, InputError, KgError, StoppedError
from kg.graph.paths import CHECKS_DIR, DOCUMENTS_DIR, QUERIES_DIR, SUPPLEMENTARY_DIR, default_graph_files
from kg.reasoning.engine import load_reasoned
from kg.serve.ontology_docs import DOCS_FILE
from kg.sparql.format import format_result
from kg.sparql.limits import DEFAULT_TIMEOUT, SERVE_MEMORY, WORK_TIMEOUT, Limits, within_cap
from kg.sparql.saved import SavedQuery, load_saved_queries
from kg.stores.export import PARTS, SUFFIXES
from kg.stores.remote import DEFAULT_TIMEOUT as REMOTE_TIMEOUT
from kg.stores.remote import Remote
from kg.worker import progress_shown, run_limited

if TYPE_CHECKING:
    from kg.checks.checker import CheckReport
    from kg.reasoning.engine import ReasonedGraph

_OUTPUT_FULL = (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)  # errors of writing only: kg export -o reports its own
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class _Group(click.Group):
    """Turns a KgError into click's 'Error: ...' line with the error's exit code (traceback with --debug),
    and a usage error (unknown option, bad option value) into one line too."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: object) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as error:
            raise _usage_failure(error) from error

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise _usage_failure(error) from error
        except KgError as error:
            if "--debug" in sys.argv[1:] or (ctx.obj or {}).get("debug"):
                raise
            raise _failure(str(error), error.exit_code) from error
        except KeyboardInterrupt as interrupt:  # Ctrl-C outside a worker (kg.worker reports its own)
            raise _failure("stopped (Ctrl-C)", StoppedError.exit_code) from interrupt
        except OSError as error:
            if error.errno not in _OUTPUT_FULL:
                raise
            raise _failure(f"cannot write the output: {error.strerror} (standard output)",
                           InputError.exit_code) from error


def _failure(message: str, exit_code: int) -> click.ClickException:
    """click's one-line 'Error: <message>' that exits with ``exit_code``; control and bidirectional characters
    of the input it quotes (a path, a revision, a URL) are written as escapes, so that a terminal shows them
    instead of obeying them."""
    failure_type = type(f"ExitCode{exit_code}", (click.ClickException,), {"exit_code": exit_code})
    return failure_type(_UNPRINTABLE.sub(lambda match: match[0].encode("unicode_escape").decode(), message))


def _usage_failure(error: click.UsageError) -> click.ClickException:
    command = error.ctx.command_path if error.ctx else "kg"
    return _failure(f"{error.format_message().rstrip('.')} ({command}; see '{command} --help')", InputError.exit_code)


@click.group(cls=_Group, context_settings=CONTEXT_SETTINGS)
@click.option("--debug", is_flag=True, help="Show the Python traceback of an error.")
@click.version_option(package_name="mnd-kg")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Query the motor neuron disease knowledge graph (embedded, in memory, with OWL 2 RL reasoning)."""
    ctx.obj = {"debug": debug}
    _escape_undecodable_output()


def _escape_undecodable_output() -> None:
    """A file name that is not UTF-8 (b"caf\\xe9.ttl") is held as a lone surrogate ('\\udce9'); standard output
    writes it as that escape, as standard error does, instead of stopping with a UnicodeEncodeError (a UTF-8
    locale's 'strict') or writing the raw byte (C.UTF-8's 'surrogateescape'): valid UTF-8, and JSON reads it back
    as the very name."""
    stdout = sys.stdout
    if isinstance(stdout, io.TextIOWrapper) and stdout.errors != "backslashreplace":
        stdout.reconfigure(errors="backslashreplace")


@cli.command("list")
@click.option("--names", is_flag=True, help="One query name a line.")
@format_option(LIST_FORMATS, "text", "text for people; json: name, summary, questions and parameters.")
@deprecated_json_flag
@queries_option
def list_queries(names: bool, fmt: str, as_json: bool, queries_dir: Path) -> None:
    """List the saved queries with the questions they answer and their parameters."""
    queries = load_saved_queries(queries_dir)
    if names:
        click.echo("\n".join(queries))
    elif chosen_format(fmt, as_json) == "json":
        click.echo(json.dumps([_describe(q) for q in queries.values()], indent=2, ensure_ascii=False))
    else:
        for query in queries.values():
            click.echo(f"{query.name}: {query.summary}")
            for question in query.questions:
                click.echo(f"  ? {question.text}")
            for parameter in query.parameters:
                click.echo(f"  -p {parameter.name}=...  {parameter.description} "
                           f"(default: {' '.join(parameter.default)})")


@cli.command("query", cls=SavedQueriesHelp)
@click.argument("name", metavar="NAME|FILE", shell_complete=complete_query_names)
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Parameter value; repeat a name to give several values.")
@queries_option
@query_options
def query_command(name: str, params: tuple[str, ...], fmt: str, graph_paths: tuple[Path, ...], queries_dir: Path,
                  timeout: float, memory: int, max_results: int, no_supplement: bool, endpoint: str | None,
                  default_graphs: tuple[str, ...], **auth: Any) -> None:
    """Run the saved query NAME (or the .rq FILE with its '#+' header; -: standard input) on the embedded graph,
    or on a SPARQL endpoint with --endpoint."""
    from kg.stores.remote_query import run_remote_saved_query

    stdin_once(name == STDIN, graph_paths, "kg query")
    query = saved_query(name, queries_dir)
    values = _parse_params(params)
    for parameter_name in values:
        query.parameter(parameter_name)
    _run_and_print(
        f"query {query.name}", fmt, Limits(timeout, max_results, memory), endpoint, graph_paths, default_graphs,
        no_supplement, auth, local=lambda reasoned, cap: reasoned.run_saved(query, values, cap),
        remote=lambda url, settings, graphs: run_remote_saved_query(url, query, values, settings, graphs))


@cli.command("sparql")
@click.argument("query_text", required=False)
@click.option("--file", "query_file", type=click.Path(path_type=Path, allow_dash=True),
              help="Read the query from a file (-: standard input).")
@query_options
def sparql_command(query_text: str | None, query_file: Path | None, fmt: str, graph_paths: tuple[Path, ...],
                   timeout: float, memory: int, max_results: int, no_supplement: bool, endpoint: str | None,
                   default_graphs: tuple[str, ...], **auth: Any) -> None:
    """Run any read-only SPARQL query over asserted and inferred triples (or on a SPARQL endpoint); QUERY -
    reads it from standard input."""
    from kg.stores.remote import query_endpoint

    if (query_text is None) == (query_file is None):
        raise InputError("give either a QUERY argument or --file PATH, not both or neither", "kg sparql")
    stdin_once(str(query_file) == STDIN or query_text == STDIN, graph_paths, "kg sparql")
    if query_file is not None or query_text == STDIN:
        text, where = query_text_of(query_file or Path(STDIN))
    else:
        assert query_text is not None
        text, where = query_text, "command line"
    _run_and_print(
        where, fmt, Limits(timeout, max_results, memory), endpoint, graph_paths, default_graphs, no_supplement, auth,
        local=lambda reasoned, cap: reasoned.run_query(text, where, cap),
        remote=lambda url, settings, graphs: query_endpoint(url, text, settings, graphs, where))


def _run_and_print(where: str, fmt: str, limits: Limits, endpoint: str | None, graph_paths: tuple[Path, ...],
                   default_graphs: tuple[str, ...], no_supplement: bool, auth: dict[str, Any],
                   local: Callable[[ReasonedGraph, int], Result],
                   remote: Callable[[str, Remote, tuple[str, ...]], Result]) -> None:
    """Run a query on the endpoint (the network timeout bounds each request) or on the embedded graph (in a
    worker within the limits), refuse a result over the cap, and print it with its citations."""
    if endpoint is not None:
        from kg.stores.remote_query import context_graph

        url, graphs, settings = _endpoint(endpoint, graph_paths, default_graphs, limits.timeout, auth)
        result = within_cap(remote(url, settings, graphs), limits, where)
        click.echo(format_result(result, fmt, context_graph(url, result, settings, graphs)), nl=False)
        return

    with graph_inputs(graph_paths) as (paths, names):
        def answer() -> str:
            reasoned = _reasoned(paths, no_supplement, cache=not names)
            result = within_cap(local(reasoned, limits.max_results), limits, where)
            return format_result(result, fmt, reasoned.answer_graph(result))

        click.echo(run_limited(answer, limits, where), nl=False)


@cli.command("ask")
@click.argument("question")
@format_option(ASK_FORMATS, "text", "text for people; json: what was understood, the verdict, its qualifiers and "
                                   "every claim used (IRI, quote, score).")
@deprecated_json_flag
@click.option("--verbose", is_flag=True,
              help="Also the claims' and citations' CURIEs, and the premises of derived claims.")
@click.option("--all", "every", is_flag=True, help="Every supporting cited sentence, not only the best three.")
@supplement_option
@work_timeout_option(DEFAULT_TIMEOUT)
@memory_option
def ask_command(question: str, fmt: str, as_json: bool, verbose: bool, every: bool, no_supplement: bool,
                timeout: float, memory: int) -> None:
    """Answer QUESTION in plain words from the graph's cited claims, or say the documents don't say.

    Exit code 0: answered (whatever the verdict); 2: an empty question, one over 1,000 characters or one
    holding control characters; 4: a limit was hit.
    """
    from kg.answers.question import checked

    text = checked(question)
    as_json = chosen_format(fmt, as_json) == "json"
    width = shutil.get_terminal_size().columns

    def answer_text() -> str:
        from kg.answers.answer import Answer, declared_json, format_declared
        from kg.answers.ask import ask
        from kg.answers.index_cache import load_index
        from kg.answers.reply_format import format_reply, reply_json

        index = load_index(default_graph_files(supplement=not no_supplement), lambda: _load((), no_supplement))
        found = ask(text, index, lambda: load_saved_queries(QUERIES_DIR), lambda: _load((), no_supplement))
        if isinstance(found, Answer):  # an open question the documents ask, answered by its saved query
            return (json.dumps(declared_json(found), indent=2, ensure_ascii=False) + "\n" if as_json
                    else format_declared(found, width, every))
        return (json.dumps(reply_json(found, index), indent=2, ensure_ascii=False) + "\n" if as_json
                else format_reply(found, index, width, every, verbose))

    click.echo(run_limited(answer_text, Limits(timeout, memory=memory), "kg ask", "answering"), nl=False)


@cli.command("check")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path, allow_dash=True))
@format_option(CHECK_FORMATS, "text",
               help="text for people; json for tools; markdown for a pull-request comment (at most 60,000 "
                   "characters, most severe first); tsv: a ROBOT report's columns; sarif: SARIF 2.1.0 for "
                   "code scanning.")
@click.option("--fail-on", type=click.Choice(FAIL_ON, case_sensitive=False), default="error", show_default=True,
              help="Exit 1 when a finding of this level or a more severe one is found, as ROBOT's report "
                   "--fail-on; none: exit 0 whatever is found.")
@click.option("--sources", type=click.Path(path_type=Path, exists=True, file_okay=False), default=DOCUMENTS_DIR,
              help="Folder of the source documents, to check that every quote occurs in its document verbatim.")
@work_timeout_option(WORK_TIMEOUT)
@memory_option
def check_command(paths: tuple[Path, ...], fmt: str, fail_on: str, sources: Path, timeout: float,
                  memory: int) -> None:
    """Check the graph: logical consistency, unsatisfiable classes, unintended equivalences, data quality.

    With no PATHS, checks the project's ontology and data; with PATHS (Turtle files or folders), exactly those.
    Each finding names the file:line:column of the triple it points at.
    Exit code 0: no finding at the --fail-on level or above; 1: such findings; 2: input error; 4: a limit was hit.
    """
    with graph_inputs(paths) as (given, names):
        def checked() -> tuple[str, bool]:
            import shlex

            from kg.checks.checker import check_reasoned, load_check_files
            from kg.checks.output import fails, render
            from kg.graph import turtle_files
            from kg.graph.locate import Locator

            files = turtle_files(list(given) or default_graph_files())
            reasoned = load_reasoned(files, cache=not names)
            if reasoned.triples == 0:
                raise InputError("the graph has no triples: nothing to check", ", ".join(map(str, given)) or None)
            checks = load_check_files(CHECKS_DIR)
            report = check_reasoned(reasoned, checks, sources, SUPPLEMENTARY_DIR, parallel=True)
            command = shlex.join(["kg", "check", *map(str, paths), "--format", "text"])
            graph = reasoned.report_graph(_report_terms(report))
            rendered = render(report, graph, fmt, Locator(files, names=names), checks, command)
            return rendered, fails(report, fail_on.lower())

        text, failed = run_limited(checked, Limits(timeout, memory=memory), "kg check", "checking")
    click.echo(text, nl=False)
    if failed:
        sys.exit(1)


@cli.command("explain")
@click.argument("entity")
@format_option(WHY_FORMATS, "text", "text for people; json: each derived membership's steps, their rules, the "
                                    "asserted triples and their citations (as kg check --format json).")
@graph_option
@supplement_option
@work_timeout_option(WORK_TIMEOUT)
@memory_option
def explain_command(entity: str, fmt: str, graph_paths: tuple[Path, ...], no_supplement: bool, timeout: float,
                    memory: int) -> None:
    """Why ENTITY (IRI, prefixed name or label) belongs to each class the reasoner derived for it."""
    def explained(paths: tuple[Path, ...], cache: bool) -> str:
        from rdflib.namespace import RDF

        from kg.answers.explain import explainer_from
        from kg.checks.report import format_explanations
        from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
        from kg.sparql.resolve import resolve_entity

        dataset = _load(paths, no_supplement, cache)
        subject = resolve_entity(entity, dataset, "kg explain")
        if next(dataset.quads((subject, None, None, None)), None) is None \
                and next(dataset.quads((None, None, subject, None)), None) is None:  # a typo, not an entity
            raise InputError(f"no entity in the graph has the IRI <{subject}>", "kg explain")
        inferred = dataset.graph(INFERRED_GRAPH)
        explainer = explainer_from(dataset.graph(ASSERTED_GRAPH), inferred)
        steps = [step for cls in sorted(inferred.objects(subject, RDF.type), key=str)
                 if (step := explainer.explain((subject, RDF.type, cls))) is not None]
        return format_explanations(subject, steps, dataset, fmt)

    with graph_inputs(graph_paths) as (given, names):
        click.echo(run_limited(lambda: explained(given, not names), Limits(timeout, memory=memory), "kg explain",
                               "the explanation"), nl=False)


@cli.command("export")
@click.option("--part", type=click.Choice(PARTS), default="all", show_default=True,
              help="Asserted triples, the reasoner's inferred triples, or both.")
@format_option(GRAPH_FORMATS, None,
               help="RDF format (default: from the output file's suffix, else turtle). nquads and trig keep "
                   "asserted and inferred triples in their own named graphs.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to FILE atomically (all or nothing) instead of standard output.")
@graph_option
@supplement_option
@work_timeout_option(WORK_TIMEOUT)
@memory_option
def export_command(part: str, fmt: str | None, output: Path | None, graph_paths: tuple[Path, ...],
                   no_supplement: bool, timeout: float, memory: int) -> None:
    """Export the graph for other triple stores, byte-identical for the same input."""
    from kg.stores.export import check_writable, serialize, write_atomically

    if fmt is None:
        by_suffix = {suffix: name for name, suffix in SUFFIXES.items()}
        fmt = by_suffix.get(output.suffix, "turtle") if output else "turtle"
    if output is not None:
        check_writable(output)
    chosen = fmt
    with graph_inputs(graph_paths) as (given, names):
        data = run_limited(lambda: serialize(_load(given, no_supplement, not names), part, chosen),
                           Limits(timeout, memory=memory), "kg export", "the export")
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        write_atomically(output, data)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="0: any free port.")
@click.option("--timeout", type=Seconds(0.1), default=10.0, show_default=True,
              help="Seconds a query may run before it is cancelled (HTTP 503).")
@click.option("--max-results", type=click.IntRange(min=1), default=10000, show_default=True,
              help="Most rows (or triples) a query may return (HTTP 422 beyond).")
@click.option("--memory", type=click.IntRange(256, MAX_MEMORY), default=SERVE_MEMORY, show_default=True, metavar="MIB",
              help="MiB of address space for each SPARQL engine; a query needing more stops its engine, which is "
                   "restarted (HTTP 503).")
@graph_option
@supplement_option
def serve_command(host: str, port: int, timeout: float, max_results: int, memory: int, graph_paths: tuple[Path, ...],
                  no_supplement: bool) -> None:
    """Serve the graph over the SPARQL 1.1 Protocol at /sparql (read-only), with a query editor at /editor and a
    front page that answers questions in plain words, with citations."""
    from kg.serve.server import bind_listener, oxigraph_binary, run_server, stop_on_signals

    with bind_listener(host, port) as listener, stop_on_signals(), graph_inputs(graph_paths) as (given, names):
        oxigraph_binary()  # fail before the slow part when the server is missing
        with progress_shown("loading and reasoning the graph"):
            dataset = _load(given, no_supplement, not names)
        run_server(listener, dataset, list(load_saved_queries(QUERIES_DIR).values()),
                   Limits(timeout, max_results, memory),
                   on_ready=lambda url: click.echo(f"kg serve: {url} (SPARQL endpoint {url}sparql); "
                                                   "stop with Ctrl-C", nl=True))


@cli.command("diff")
@click.argument("old")
@click.argument("new")
@format_option(COMPARE_FORMATS, "text", "text for people, json and tsv for programs, markdown for a pull-request "
                                        "comment.")
@work_timeout_option(WORK_TIMEOUT)
@memory_option
def diff_command(old: str, new: str, fmt: str, timeout: float, memory: int) -> None:
    """List the facts added and removed from OLD to NEW, asserted and inferred, with labels and citations.

    OLD and NEW are Turtle files (-: standard input), folders (a project checkout or a folder of Turtle files) or
    git revisions of the project (read with git archive; the working tree is not touched).
    Exit code 0 whatever the difference; 2: input error (unknown revision, malformed Turtle); 4: a limit was hit.
    """
    def compared(specs: list[str]) -> str:
        from kg.checks.diff import diff_versions
        from kg.checks.diff_report import format_diff

        def shown(spec: str) -> str:
            return STDIN_NAME if spec == STDIN else spec

        return format_diff(diff_versions(specs[0], specs[1], Path.cwd(), (shown(old), shown(new))), fmt)

    with graph_inputs([Path(old), Path(new)]) as (paths, _):
        specs = [str(path) if spec == STDIN else spec for path, spec in zip(paths, (old, new), strict=True)]
        click.echo(run_limited(lambda: compared(specs), Limits(timeout, memory=memory), "kg diff", "the comparison"),
                   nl=False)


@cli.command("docs")
@click.option("-o", "--output", type=click.Path(path_type=Path), default=DOCS_FILE, show_default=True,
              help="Where to write the HTML page.")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if OUTPUT is not what the ontology generates.")
def docs_command(output: Path, check: bool) -> None:
    """Generate the ontology's HTML documentation (pyLODE) from ontology/; --check is for CI."""
    from kg.serve.ontology_docs import docs_are_current, write_docs

    if check:
        if not docs_are_current(output):
            state = "is out of date" if output.exists() else "does not exist"
            click.echo(f"{output} {state}: run 'kg docs'", err=True)
            sys.exit(1)
        click.echo(f"{output} is up to date")
        return
    click.echo(str(write_docs(output)))


@cli.command("load")
@click.option("--store", metavar="URL", help="Graph Store Protocol endpoint (Oxigraph: /store; Virtuoso: "
              "/sparql-graph-crud-auth).")
@click.option("--update", metavar="URL", help="SPARQL Update endpoint (Oxigraph: /update; Virtuoso: /sparql-auth); "
              "with it the load is staged and swapped in one update request, so a failure changes nothing.")
@click.option("--graph", "target_graph", metavar="IRI",
              help="Put the part into this one named graph (default: asserted and inferred triples each in its "
                   "own graph, as in the N-Quads export).")
@click.option("--part", type=click.Choice(PARTS), default="all", show_default=True,
              help="Asserted triples, the reasoner's inferred triples, or both.")
@click.option("--input", "graph_paths", multiple=True, type=click.Path(path_type=Path, allow_dash=True),
              help="Turtle file or folder to load instead of the project's ontology and data (repeatable; - reads "
                   "standard input).")
@supplement_option
@click.option("--timeout", type=Seconds(0.1), default=REMOTE_TIMEOUT, show_default=True,
              help="Seconds each request may take altogether: connection, headers and reply.")
@click.option("--work-timeout", type=Seconds(), default=WORK_TIMEOUT,
              show_default=True, help="Seconds reading and reasoning the graph may take before they are stopped "
                                      "(exit 4).")
@memory_option
@auth_options
@format_option(LOAD_FORMATS, "text", "text for people; json: each graph with its triple count, the seconds and "
                                     "the method.")
def load_command(store: str | None, update: str | None, target_graph: str | None, part: str, fmt: str,
                 graph_paths: tuple[Path, ...], no_supplement: bool, timeout: float, work_timeout: float,
                 memory: int, **auth: Any) -> None:
    """Put the graph into a remote triple store, replacing what an earlier load put there."""
    from kg.sparql.resolve import resolve_entity
    from kg.stores.load import load, targets_of
    from kg.stores.remote import check_url

    if store is None and update is None:
        raise InputError("give --store URL (Graph Store Protocol), --update URL (SPARQL Update), or both", "kg load")
    for url, option in ((store, "--store"), (update, "--update")):
        if url is not None:
            check_url(url, option)
    if target_graph is not None:
        resolve_entity(f"<{target_graph}>", Dataset(), "--graph")
    with graph_inputs(graph_paths) as (given, names):
        targets = run_limited(lambda: targets_of(_load(given, no_supplement, not names), part, target_graph),
                              Limits(work_timeout, memory=memory), "kg load", "reading and reasoning the graph")
    with progress_shown("loading into the store"):
        report = load(targets, store, update, _remote(timeout, auth))
    if fmt == "json":
        click.echo(json.dumps({"targets": [{"graph": t.graph, "triples": t.triples} for t in report.targets],
                               "seconds": round(report.seconds, 2), "method": report.method}, indent=2))
        return
    for target in report.targets:
        click.echo(f"{target.triples} triples into <{target.graph}>")
    click.echo(f"loaded in {report.seconds:.2f} s ({report.method})")


def _remote(timeout: float, auth: dict[str, Any]) -> Remote:
    return Remote(auth["user"], auth["password"], auth["auth"], timeout, auth["retries"])


def _endpoint(endpoint: str, graph_paths: tuple[Path, ...], default_graphs: tuple[str, ...], timeout: float,
              auth: dict[str, Any]) -> tuple[str, tuple[str, ...], Remote]:
    from kg.sparql.resolve import resolve_entity
    from kg.stores.remote import check_url
    from kg.stores.remote_query import DEFAULT_GRAPHS

    if graph_paths:
        raise InputError("--graph PATH reads local files; it cannot be combined with --endpoint "
                         "(use --default-graph IRI)", "--endpoint")
    for graph in default_graphs:
        resolve_entity(f"<{graph}>", Dataset(), "--default-graph")
    return check_url(endpoint, "--endpoint"), default_graphs or DEFAULT_GRAPHS, _remote(timeout, auth)


def _load(graph_paths: tuple[Path, ...], no_supplement: bool = False, cache: bool = True) -> Dataset:
    return _reasoned(graph_paths, no_supplement, cache).dataset()


def _reasoned(graph_paths: tuple[Path, ...], no_supplement: bool = False, cache: bool = True) -> ReasonedGraph:
    """The reasoned graph every command works on (fast engines and closure cache when installed); an
    inconsistent graph is an error, since answers from it would be meaningless."""
    reasoned = load_reasoned(list(graph_paths) or default_graph_files(supplement=not no_supplement), cache)
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
    try:
        cli(prog_name="kg")
    finally:
        # what is left is freed with the process: the collections at exit would walk every imported object
        # (0.04 s of CPU, a twentieth of a kg check on 20,000 triples)
        gc.freeze()
