"""What the commands read: a saved query by name, by path or from standard input, query text from a file or
standard input, and Turtle from standard input. ``-`` is standard input everywhere, named ``<stdin>`` in messages.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from kg.cli.options import STDIN, STDIN_NAME
from kg.errors import InputError, KgError
from kg.sparql.saved import SavedQuery, load_saved_query, query_from_utf8, read_query_file, saved_query_from_text


def read_stdin() -> str:
    """Standard input as text (UTF-8, a query: without a byte order mark)."""
    data = click.get_binary_stream("stdin").read()
    try:
        return query_from_utf8(data)
    except UnicodeDecodeError as error:
        raise InputError(f"not UTF-8 text (byte {error.start})", STDIN_NAME) from error


def query_text(path: Path) -> tuple[str, str]:
    """The query in the file at ``path`` (``-``: standard input) and how to name where it came from."""
    if str(path) == STDIN:
        return read_stdin(), STDIN_NAME
    return read_query_file(path, "query file"), str(path)


def saved_query(argument: str, queries_dir: Path) -> SavedQuery:
    """The saved query named ``argument`` in ``queries_dir``; else the ``.rq`` file at that path (``-``: standard
    input): a SPARQL query with its ``#+`` header, as in queries/."""
    if argument == STDIN:
        return _saved_query(read_stdin(), Path(STDIN_NAME), STDIN_NAME)
    query = load_saved_query(queries_dir, argument)
    if query is not None:
        return query
    path = Path(argument)
    if not path.exists():
        if path.suffix == ".rq" or os.sep in argument:
            raise InputError("no such query file", argument)
        raise InputError(f"no saved query named {argument!r} (see 'kg list --names')", str(queries_dir))
    if not path.is_file():
        raise InputError("not a query file but a folder", argument)
    return _saved_query(query_text(path)[0], path, path.stem)


def _saved_query(text: str, path: Path, name: str) -> SavedQuery:
    try:
        return saved_query_from_text(text, path, name)
    except InputError as error:
        if error.what.startswith("no '#+' header"):
            raise InputError(f"{error.what}: not a saved query (kg sparql --file runs any query)",
                             error.where) from error
        raise


def stdin_once(query_from_stdin: bool, graph_paths: Iterable[Path], command: str) -> None:
    """Standard input is read once: it holds the query or the graph (``--graph -``), not both."""
    if query_from_stdin and any(str(path) == STDIN for path in graph_paths):
        raise InputError("standard input (-) holds one input: the query or --graph, not both", command)


@contextmanager
def graph_inputs(paths: Iterable[Path]) -> Iterator[tuple[tuple[Path, ...], dict[Path, str]]]:
    """The graph paths with ``-`` replaced by a private file holding standard input, and the names to show for
    such files (``<stdin>``); an error naming that file names ``<stdin>`` instead. Nothing read from standard
    input belongs in the closure cache (kg.reasoning.cache), which it would only fill: a command loads the
    paths with ``load_reasoned(paths, cache=not names)``."""
    given = tuple(paths)
    if not any(str(path) == STDIN for path in given):
        yield given, {}
        return
    data = click.get_binary_stream("stdin").read()
    with tempfile.TemporaryDirectory(prefix="kg-stdin-") as folder:
        file = Path(folder) / "stdin.ttl"
        file.write_bytes(data)
        try:
            yield tuple(file if str(path) == STDIN else path for path in given), {file: STDIN_NAME}
        except KgError as error:
            raise type(error)(error.what.replace(str(file), STDIN_NAME),
                              error.where.replace(str(file), STDIN_NAME) if error.where else None) from error
