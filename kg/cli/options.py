"""One vocabulary of options for every ``kg`` command: the format names (and their old spellings), ``-h``, the
options several commands share, and ``-`` for standard input.

Every command takes its ``--format`` choices from here. The names are ``text``, ``json``, ``csv``, ``tsv`` and
``markdown`` for results and reports (``sarif`` for kg check), and the RDF formats' names for RDF. Which of them
a command offers is its renderer's decision: kg.sparql.format, kg.checks.output, kg.checks.diff_report and
kg.stores.export name theirs; ask, list, explain and load offer text and json. format_option refuses a name outside
the vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
from click.shell_completion import CompletionItem

from kg.checks.diff_report import DIFF_FORMATS
from kg.checks.output import REPORT_FORMATS
from kg.graph.paths import QUERIES_DIR
from kg.sparql.format import FORMATS as RESULT_FORMATS
from kg.sparql.limits import DEFAULT_MAX_RESULTS, DEFAULT_MEMORY, DEFAULT_TIMEOUT
from kg.sparql.saved import saved_query_titles
from kg.stores.export import EXPORT_FORMATS
from kg.stores.remote import AUTH_SCHEMES, DEFAULT_RETRIES

SHARED_FORMATS = ("text", "json", "csv", "tsv", "markdown")
REPORT_ONLY_FORMATS = ("sarif",)  # kg check, for code scanning
RDF_FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld")
SYNONYMS = {"ntriples": "nt"}  # other names of a format, accepted quietly
DEPRECATED = {"table": "text", "md": "markdown"}  # old spellings: still accepted, with a warning on stderr
VOCABULARY = (*SHARED_FORMATS, *REPORT_ONLY_FORMATS, *RDF_FORMATS)

QUERY_FORMATS = RESULT_FORMATS  # kg query, kg sparql
ASK_FORMATS = ("text", "json")
LIST_FORMATS = ("text", "json")
CHECK_FORMATS = REPORT_FORMATS
COMPARE_FORMATS = DIFF_FORMATS  # kg diff
GRAPH_FORMATS = EXPORT_FORMATS  # kg export
WHY_FORMATS = ("text", "json")  # kg explain (kg.checks.report)
LOAD_FORMATS = ("text", "json")  # kg load's report

CONTEXT_SETTINGS: dict[str, Any] = {"help_option_names": ["-h", "--help"]}
STDIN = "-"
STDIN_NAME = "<stdin>"  # how standard input is named in messages


def warn_deprecated(old: str, new: str) -> None:
    """One line on standard error: ``old`` still works, ``new`` is its name now."""
    click.echo(f"Warning: {old} is deprecated; use {new}", err=True)


class FormatChoice(click.Choice):
    """``--format``: one of the command's names from the vocabulary. A synonym (``ntriples``) is accepted as its
    format; an old spelling (``table``, ``md``) too, with a one-line deprecation warning. Help and shell
    completion show only the current names."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str):
            if SYNONYMS.get(value) in self.choices:
                value = SYNONYMS[value]
            elif DEPRECATED.get(value) in self.choices:
                warn_deprecated(f"--format {value}", f"--format {DEPRECATED[value]}")
                value = DEPRECATED[value]
        return super().convert(value, param, ctx)


def format_option(choices: tuple[str, ...], default: str | None, help: str) -> Callable[[Any], Any]:
    """``--format`` with ``choices`` (all from VOCABULARY) into the ``fmt`` parameter."""
    unknown = set(choices) - set(VOCABULARY)
    assert not unknown, f"format names outside the vocabulary: {unknown}"
    return click.option("--format", "fmt", type=FormatChoice(choices), default=default,
                        show_default=default is not None, help=help)


def deprecated_json_flag(function: Callable[..., Any]) -> Callable[..., Any]:
    """The old ``--json`` flag (hidden): the same as ``--format json``, with a deprecation warning."""
    def warn(ctx: click.Context, param: click.Parameter, value: bool) -> bool:
        if value:
            warn_deprecated("--json", "--format json")
        return value

    return click.option("--json", "as_json", is_flag=True, hidden=True, callback=warn)(function)


def chosen_format(fmt: str, as_json: bool) -> str:
    """``--format``, or json when the old ``--json`` flag was given."""
    return "json" if as_json else fmt


def apply(function: Callable[..., Any], *options: Callable[[Any], Any]) -> Callable[..., Any]:
    """``function`` with ``options`` applied, the first listed first in ``--help``."""
    for option in reversed(options):
        function = option(function)
    return function


MAX_SECONDS = 1e6  # about 11.6 days: a larger --timeout is no limit, and the clocks' arithmetic overflows
MAX_MEMORY = 1 << 24  # MiB (16 TiB): setrlimit overflows beyond


class Seconds(click.FloatRange):
    """A number of seconds above ``minimum`` and at most MAX_SECONDS; not 'nan', which every range admits."""

    name = "seconds"

    def __init__(self, minimum: float = 0.0) -> None:
        super().__init__(min=minimum, min_open=not minimum, max=MAX_SECONDS)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            seconds = float("nan")
        if seconds != seconds:
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        return super().convert(seconds, param, ctx)


graph_option = click.option(
    "--graph", "graph_paths", multiple=True, type=click.Path(path_type=Path, allow_dash=True),
    help="Turtle file or folder to load instead of the project's ontology and data (repeatable; - reads "
         "standard input).")
queries_option = click.option(
    "--queries", "queries_dir", type=click.Path(path_type=Path), default=QUERIES_DIR,
    help="Folder of saved queries (*.rq with a '#+' header) to use instead of the project's.")
timeout_option = click.option(
    "--timeout", type=Seconds(), default=DEFAULT_TIMEOUT, show_default=True,
    help="Seconds loading, reasoning and the query may take before they are stopped (exit 4); with --endpoint, "
         "the whole of each request: connection, headers and body (exit 3).")
memory_option = click.option(
    "--memory", type=click.IntRange(64, MAX_MEMORY), default=DEFAULT_MEMORY, show_default=True, metavar="MIB",
    help="MiB of address space the work may use; more stops it (exit 4).")
max_results_option = click.option(
    "--max-results", type=click.IntRange(min=1), default=DEFAULT_MAX_RESULTS, show_default=True,
    help="Most rows (or triples) a result may have; a larger one is refused (exit 4).")
supplement_option = click.option(
    "--no-supplement", "no_supplement", is_flag=True,
    help="Leave out the curated supplementary sources (data/supplement): only the five documents' claims.")
endpoint_option = click.option(
    "--endpoint", metavar="URL", help="Run on this SPARQL 1.1 endpoint instead of the embedded graph.")
default_graph_option = click.option(
    "--default-graph", "default_graphs", multiple=True, metavar="IRI",
    help="With --endpoint: a graph whose union is the query's default graph (repeatable; default: the asserted "
         "and inferred graphs kg load writes).")
query_format_option = format_option(
    QUERY_FORMATS, "text", "text and markdown: for people, citations as footnotes; json, csv, tsv: SPARQL 1.1 "
                           "results; turtle, nt: a CONSTRUCT or DESCRIBE query's graph (which text, json and "
                           "markdown write as Turtle, csv and tsv as N-Triples).")


def work_timeout_option(default: float) -> Callable[[Any], Any]:
    """--timeout for a command whose work (loading, reasoning, its checks or output) is stopped after it."""
    return click.option("--timeout", type=Seconds(), default=default,
                        show_default=True, help="Seconds the work may take before it is stopped (exit 4).")


def auth_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """--user, --password, --auth and --retries, shared by every command that reaches a server."""
    return apply(
        function,
        click.option("--user", help="User name for HTTP authentication."),
        click.option("--password", envvar="KG_PASSWORD", help="Password (or the KG_PASSWORD environment variable)."),
        click.option("--auth", type=click.Choice(AUTH_SCHEMES), default="digest", show_default=True,
                     help="HTTP authentication scheme (Virtuoso: digest; Fuseki, GraphDB: basic)."),
        click.option("--retries", type=click.IntRange(0, 10), default=DEFAULT_RETRIES, show_default=True,
                     help="Extra attempts after a refused connection or HTTP 503."))


def query_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """The options of kg query and kg sparql: output format, local graph and limits, or a remote endpoint."""
    return apply(auth_options(function), query_format_option, graph_option, timeout_option, memory_option,
                 max_results_option, supplement_option, endpoint_option, default_graph_option)


def complete_query_names(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """Shell completion of kg query's NAME: the saved queries (of --queries when given first) whose names start
    with what is typed, each with the first question it answers; a path (a slash, or no name matches) completes
    as a file."""
    folder = ctx.params.get("queries_dir") or QUERIES_DIR
    names = [CompletionItem(name, help=title) for name, title in saved_query_titles(Path(folder)).items()
             if name.startswith(incomplete)]
    return names if names and "/" not in incomplete else [CompletionItem(incomplete, type="file")]


class SavedQueriesHelp(click.Command):
    """A command whose help lists the project's saved queries, each with the first question it answers."""

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Saved queries (kg list shows their questions and parameters)"):
            formatter.write_dl(list(saved_query_titles(QUERIES_DIR).items()))
        super().format_epilog(ctx, formatter)
