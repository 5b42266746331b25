"""Saved queries: ``queries/<name>.rq`` files with a grlc-style ``#+`` YAML header.

A parameter is a ``VALUES ?name { ... }`` block in the query whose default terms the header repeats,
so the file alone answers the document's question on any SPARQL 1.1 store. Binding replaces the block
with validated RDF terms written as SPARQL terms (``sparql_term``): values are never pasted into the query text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml
from rdflib.term import Literal, Node

from kg.errors import InputError
from kg.graph.paths import QUERIES_DIR
from kg.sparql.parse import MAX_QUERY_CHARACTERS, parse_query, query_too_long
from kg.sparql.validity import SHIPPED, known_valid, remember_valid, shipped_digest, shipped_header

PARAMETER_TYPES = ("iri", "string", "integer")
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f"}
_NAME = re.compile(r"^[a-z][a-z0-9-]*$")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    description: str
    default: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """A question the query answers, and the parameter values that answer exactly it."""

    text: str
    bindings: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path
    summary: str
    questions: tuple[Question, ...]
    parameters: tuple[Parameter, ...]
    text: str

    def parameter(self, name: str) -> Parameter:
        for parameter in self.parameters:
            if parameter.name == name:
                return parameter
        known = ", ".join(p.name for p in self.parameters) or "none"
        raise InputError(f"unknown parameter {name!r} (parameters: {known})", f"query {self.name}")

    def bind(self, values: Mapping[str, Sequence[Node]]) -> str:
        """The query text with each given parameter's VALUES block replaced by the given terms."""
        text = self.text
        for name, terms in values.items():
            self.parameter(name)
            if not terms:
                raise InputError(f"parameter {name!r} needs at least one value", f"query {self.name}")
            text = with_values(text, name, terms)
        return text


def with_values(text: str, name: str, terms: Iterable[Node]) -> str:
    """``text`` with its first ``VALUES ?name { ... }`` block holding exactly ``terms``."""
    block = "VALUES ?" + name + " { " + " ".join(map(sparql_term, terms)) + " }"
    return _values_block(name).sub(lambda _match: block, text, count=1)


def internal_query(module_file: str, name: str) -> str:
    """A query the code runs for itself: ``queries/<name>.rq`` beside the module that runs it."""
    return (Path(module_file).parent / "queries" / f"{name}.rq").read_text(encoding="utf-8")


def sparql_term(term: Node) -> str:
    """A term as SPARQL text that every engine reads back as exactly that term.

    Literals use only short strings with escapes for quotes, backslashes and the control characters that
    have one: rdflib's SPARQL parser expands a raw tab into spaces, and a raw newline ends a short string.
    """
    if not isinstance(term, Literal):
        return term.n3()
    text = "".join(_ESCAPES.get(character, character) for character in str(term))
    suffix = f"@{term.language}" if term.language else f"^^<{term.datatype}>" if term.datatype else ""
    return f'"{text}"{suffix}'


def load_saved_queries(directory: Path) -> dict[str, SavedQuery]:
    """Every ``*.rq`` file directly in ``directory``, by name; any malformed one, or none, is an error."""
    if not directory.is_dir():
        raise InputError("no such folder of saved queries", str(directory))
    queries = {}
    for path in sorted(directory.glob("*.rq")):
        query = parse_saved_query(path)
        queries[query.name] = query
    if not queries:  # as a graph folder without Turtle: a wrong --queries, not an empty list to print
        raise InputError("no saved query (.rq file) in folder", str(directory))
    return queries


def saved_query_titles(directory: Path) -> dict[str, str]:
    """Each saved query's name and first question, from the headers alone (quick enough for help and shell
    completion); a file whose header does not read is left out (kg list names its error)."""
    titles = {}
    for path in sorted(directory.glob("*.rq")) if directory.is_dir() else []:
        try:
            questions = read_header(read_query_file(path, "saved query"), path).get("questions")
        except InputError:
            continue
        first = questions[0] if isinstance(questions, list) and questions else None
        title = first.get("text") if isinstance(first, dict) else first
        if _NAME.match(path.stem) and isinstance(title, str):
            titles[path.stem] = title
    return titles


def load_saved_query(directory: Path, name: str) -> SavedQuery | None:
    """The saved query ``name`` alone (without reading the others), or None when there is none."""
    path = directory / f"{name}.rq"
    return parse_saved_query(path) if _NAME.match(name) and path.is_file() else None


def read_query_file(path: Path, what: str) -> str:
    """The text of a query file (``what`` names it in errors): a regular file (a device or pipe would be read
    without end) of UTF-8 text (a byte that is not is named by its offset; a byte order mark is dropped) and at
    most MAX_QUERY_CHARACTERS."""
    if path.exists() and not path.is_file():
        raise InputError("not a regular file (a device, pipe or socket)", str(path))
    try:
        with path.open("rb") as stream:  # enough bytes for one character more than a query may have
            data = stream.read(4 * MAX_QUERY_CHARACTERS + 1)
    except OSError as error:
        raise InputError(f"cannot read {what}: {error.strerror}", str(path)) from error
    too_long = query_too_long(str(path))
    if len(data) > 4 * MAX_QUERY_CHARACTERS:
        raise too_long
    try:
        text = query_from_utf8(data)
    except UnicodeDecodeError as error:
        raise InputError(f"{what} is not UTF-8 text (byte {error.start})", str(path)) from error
    if len(text) > MAX_QUERY_CHARACTERS:
        raise too_long
    return text


def query_from_utf8(data: bytes) -> str:
    """A query file's bytes as text, without the byte order mark some editors (Notepad) put first: a graph file
    may have one (rdflib skips it), and SPARQL parsers read it as a stray character."""
    return data.decode("utf-8").removeprefix("\ufeff")


def parse_saved_query(path: Path) -> SavedQuery:
    """Read and validate one saved query file."""
    if not _NAME.match(path.stem):
        raise InputError("query file name must be lower-case words joined by hyphens", str(path))
    text = read_query_file(path, "saved query")
    return saved_query_from_text(text, path, path.stem)


def saved_query_from_text(text: str, path: Path, name: str) -> SavedQuery:
    """Validate a saved query's text read from ``path`` (``<stdin>`` for standard input), named ``name``."""
    header = read_header(text, path)
    summary = header.get("summary")
    if not isinstance(summary, str) or not summary.strip():
        raise InputError("header has no 'summary' text", f"{path}:1")
    parameters = tuple(_parameter(key, spec, path) for key, spec in (header.get("params") or {}).items())
    questions = tuple(_question(item, parameters, path) for item in header.get("questions") or [])
    if not questions:
        raise InputError("header lists no 'questions'", f"{path}:1")
    unknown = set(header) - {"summary", "questions", "params"}
    if unknown:
        raise InputError(f"unknown header key(s): {', '.join(sorted(unknown))}", f"{path}:1")
    for parameter in parameters:
        _check_values_block(parameter, text, path)
    for variable in re.findall(r"VALUES\s+\?(\w+)", text):
        if variable not in {p.name for p in parameters}:
            raise InputError(f"VALUES ?{variable} is not a declared parameter", str(path))
    _check_syntax(text, path)
    return SavedQuery(name, path, summary.strip(), questions, parameters, text)


def _check_syntax(text: str, path: Path) -> None:
    """rdflib's SPARQL parser accepts the query (remembered in the cache, since the parser is slow to load)."""
    if known_valid(text):
        return
    parse_query(text, str(path))
    remember_valid(text)


def read_header(text: str, path: Path) -> dict:
    lines = []
    for line in text.splitlines():
        if not line.startswith("#+"):
            break
        lines.append(line[3:] if line.startswith("#+ ") else line[2:])
    if not lines:
        raise InputError("no '#+' header at the top of the file", f"{path}:1")
    try:
        header = yaml.safe_load("\n".join(lines))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        raise InputError(f"malformed '#+' header: {getattr(error, 'problem', error)}", where) from error
    if not isinstance(header, dict):
        raise InputError("the '#+' header must be a YAML mapping", f"{path}:1")
    return header


def _parameter(name: object, spec: object, path: Path) -> Parameter:
    if not isinstance(name, str) or not _VARIABLE.match(name):
        raise InputError(f"bad parameter name {name!r}", str(path))
    if not isinstance(spec, dict):
        raise InputError(f"parameter {name!r} must be a mapping with type, description and default", str(path))
    kind = spec.get("type")
    if kind not in PARAMETER_TYPES:
        raise InputError(f"parameter {name!r} has type {kind!r}; expected one of {', '.join(PARAMETER_TYPES)}",
                         str(path))
    description = spec.get("description")
    if not isinstance(description, str):
        raise InputError(f"parameter {name!r} has no description", str(path))
    default = _strings(spec.get("default"), f"default of parameter {name!r}", path)
    return Parameter(name, kind, description, default)


def _question(item: object, parameters: tuple[Parameter, ...], path: Path) -> Question:
    if isinstance(item, str):
        return Question(item, {})
    if isinstance(item, dict) and isinstance(item.get("text"), str):
        bindings = {}
        for key, value in (item.get("bind") or {}).items():
            if key not in {p.name for p in parameters}:
                raise InputError(f"question binds unknown parameter {key!r}", str(path))
            bindings[key] = _strings(value, f"binding of {key!r}", path)
        return Question(item["text"], bindings)
    raise InputError("each question must be a string or a mapping with 'text' (and 'bind')", str(path))


def _strings(value: object, what: str, path: Path) -> tuple[str, ...]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(item, str | int) and str(item) for item in items):
        raise InputError(f"{what} must be a value or a list of values", str(path))
    return tuple(str(item) for item in items)


def _values_block(name: str) -> re.Pattern[str]:
    return re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{([^{}]*)\}")


def _check_values_block(parameter: Parameter, text: str, path: Path) -> None:
    blocks = _values_block(parameter.name).findall(text)
    if len(blocks) != 1:
        raise InputError(f"parameter {parameter.name!r} needs exactly one 'VALUES ?{parameter.name} {{ ... }}' block",
                         str(path))
    if tuple(blocks[0].split()) != parameter.default:
        raise InputError(
            f"default of parameter {parameter.name!r} ({' '.join(parameter.default)}) differs from its VALUES "
            f"block ({blocks[0].strip()})", str(path))


def shipped_validity() -> str:
    """What kg.sparql.validity.SHIPPED holds for the saved queries in ``QUERIES_DIR``, each parsed by rdflib's
    SPARQL parser here (a query it rejects raises its InputError)."""
    import rdflib

    digests = []
    for path in sorted(QUERIES_DIR.glob("*.rq")):
        text = read_query_file(path, "saved query")
        parse_query(text, str(path))
        digests.append(shipped_digest(text))
    return "\n".join([shipped_header(rdflib.__version__), *sorted(digests)]) + "\n"


if __name__ == "__main__":  # pragma: no cover - a maintainer's command, its output tested through shipped_validity
    SHIPPED.write_text(shipped_validity(), encoding="utf-8")
