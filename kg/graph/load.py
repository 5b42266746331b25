"""Loading Turtle files into one graph, with syntax errors reported as file:line:column."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import RDF, Graph, URIRef

from kg.errors import InputError
from kg.graph.namespaces import IRI_FORBIDDEN, namespace_manager

# RDF list items (rdf:rest triples) in a graph, at most: reasoning and checking cost about 80 µs and 2 KB an item
# (100,000 items: kg check in 8 s and 230 MB; 1,000,000: 93 s and 2.2 GB)
LIST_ITEMS = 100_000

if TYPE_CHECKING:
    from rdflib.plugins.parsers.notation3 import BadSyntax


def too_many_list_items(path: Path) -> InputError:
    """The refusal of a graph whose list items pass LIST_ITEMS in the file ``path``, whatever engine reads it."""
    return InputError(f"the graph has more than {LIST_ITEMS:,} RDF list items (rdf:rest triples), the most kg reasons "
                      "over", str(path))


def turtle_files(paths: Iterable[Path]) -> list[Path]:
    """Expand folders into the Turtle files below them (sorted); keep files as given."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(path.rglob("*.ttl"))
            if not found:
                raise InputError("no Turtle (.ttl) file in folder", str(path))
            files.extend(_regular(file) for file in found)
        else:
            files.append(_regular(path))
    return files


def _regular(path: Path) -> Path:
    """``path`` when it is a regular file with something in it; a device or pipe would be read without end."""
    if path.is_file():
        if path.stat().st_size == 0:
            raise InputError("empty graph file (0 bytes): a graph file holds at least one triple", str(path))
        return path
    if path.exists():
        raise InputError("not a regular file or folder (a device, pipe or socket)", str(path))
    raise InputError("no such file or folder", str(path))


def parse_turtle(path: Path) -> Graph:
    """Parse one Turtle file; a syntax error becomes an InputError naming file:line:column."""
    from rdflib.plugins.parsers.notation3 import BadSyntax  # the parser's module: loaded by the parse anyway

    graph = Graph()
    try:
        # opened here, the base IRI given as rdflib derives it: rdflib reopens a path from its file: URI, decoded
        # as UTF-8, and so could not find a file whose name is not (b"caf\xe9.ttl")
        with path.open("rb") as stream:
            graph.parse(file=stream, format="turtle", publicID=path.absolute().as_uri())
    except BadSyntax as error:
        raise InputError(f"malformed Turtle: {error._why}", _position(path, error)) from error
    except UnicodeDecodeError as error:
        raise InputError("malformed Turtle: not UTF-8 text", f"{path} at byte {_first_non_utf8(path)}") from error
    except IndexError as error:  # rdflib's parser runs off the end of a file cut short
        raise InputError("malformed Turtle: unexpected end of file", _end_position(path)) from error
    except RecursionError as error:  # its parser recurses some ten frames a level (Oxigraph reads 20,000)
        raise InputError("Turtle nested too deeply: blank nodes or lists over about 100 levels within one another, "
                         "more than rdflib reads", str(path)) from error
    except (ValueError, TypeError) as error:
        raise InputError(f"malformed Turtle: {error}", str(path)) from error
    _reject_invalid_iris(graph, path)
    return graph


def load_graph(paths: Iterable[Path]) -> Graph:
    """Parse every file (folders expanded) into one new graph with the project's prefixes; a graph with more than
    LIST_ITEMS list items is refused (InputError naming the file that passed the limit) once that file is read."""
    graph = Graph(namespace_manager=namespace_manager())
    items = 0
    for path in turtle_files(paths):
        parsed = parse_turtle(path)
        items += sum(1 for _ in parsed.triples((None, RDF.rest, None)))
        if items > LIST_ITEMS:
            raise too_many_list_items(path)
        for triple in parsed:
            graph.add(triple)
    return graph


def _reject_invalid_iris(graph: Graph, path: Path) -> None:
    """rdflib keeps an IRI such as ``<urn:a b>`` with only a warning; other stores reject the file."""
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and IRI_FORBIDDEN.search(term):
                text = path.read_text(encoding="utf-8")
                offset = text.find(str(term))
                line = text.count("\n", 0, offset) + 1
                column = offset - text.rfind("\n", 0, offset)
                where = f"{path}:{line}:{column}" if offset >= 0 else str(path)
                raise InputError(f"malformed Turtle: not a valid IRI: <{term}>", where)


def _first_non_utf8(path: Path) -> int:
    """The offset of the first byte that is not part of a UTF-8 character."""
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return 0


def _end_position(path: Path) -> str:
    lines = path.read_text(encoding="utf-8").split("\n")
    return f"{path}:{len(lines)}:{len(lines[-1]) + 1}"


def _position(path: Path, error: BadSyntax) -> str:
    text = error._str
    offset = error._i
    newline = b"\n" if isinstance(text, bytes) else "\n"
    line_start = text.rfind(newline, 0, offset)
    return f"{path}:{error.lines + 1}:{offset - line_start}"
