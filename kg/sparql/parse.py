"""The project's one SPARQL parser: rdflib's, with short one-line errors and the rules for a read-only query.

Every stage that needs to know what a query is (its form, whether it is an update, whether it reaches the
network) asks here; Oxigraph evaluates, but does not decide what is accepted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.errors import InputError

if TYPE_CHECKING:
    from pyparsing import ParseResults
    from rdflib.plugins.sparql.sparql import Query

UPDATES_REFUSED = "updates are not accepted"
MAX_QUERY_CHARACTERS = 1024 * 1024  # as kg serve's request body: a VALUES block of 10,000 IRIs is about 600 KB
_FOUND = re.compile(r", found (?P<found>.*?)\s+\(at char \d+\)")
_UPDATE_KEYWORD = re.compile(r"\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b", re.IGNORECASE)
_LONE_CARRIAGE_RETURN = re.compile(r"\r(?!\n)")
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


class UpdateError(InputError):
    """The text is a SPARQL Update, not a query."""


def syntax_problem(error: Exception) -> str:
    """One line saying where the parser stopped and at what, for any error rdflib's SPARQL parser raises."""
    lineno, column = getattr(error, "lineno", None), getattr(error, "col", None)
    if lineno is None or column is None:
        return " ".join(str(error).split())
    found = _FOUND.search(str(error))
    at = found.group("found") if found else "this point"
    return f"line {lineno}, column {column}: unexpected {at}"


def parse_query(text: str, where: str) -> Query:
    """The parsed and translated query; InputError (``invalid SPARQL query``), UpdateError for an update; an
    InputError too when it is longer than MAX_QUERY_CHARACTERS (parsing it, and SPARQLWrapper's reading of it,
    take time in proportion)."""
    from rdflib.plugins.sparql import prepareQuery

    if len(text) > MAX_QUERY_CHARACTERS:
        raise query_too_long(where)
    try:
        return prepareQuery(_line_ends(text))
    except Exception as error:  # pyparsing raises several exception types
        raise _not_a_query(text, error, where) from error


def query_too_long(where: str) -> InputError:
    """The refusal of a query over MAX_QUERY_CHARACTERS, wherever it is read."""
    return InputError(f"the query is longer than {MAX_QUERY_CHARACTERS} characters, the most accepted", where)


def parse_tree(text: str, where: str) -> ParseResults:
    """rdflib's parse tree of ``text`` read with its ``\\u`` escapes expanded (so that a keyword spelled with
    escapes is seen), without translating it; errors as parse_query's."""
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return parseQuery(expand_escapes(_line_ends(text)))
    except Exception as error:  # pyparsing raises several exception types
        raise _not_a_query(text, error, where) from error


def _line_ends(text: str) -> str:
    """``text`` with each carriage return not before a line feed made a line feed. SPARQL's comments end at either,
    as Oxigraph's do, while rdflib's parser reads on to the next line feed: ``# note\\r SERVICE <url> { }`` would
    be a comment to the checks here and a SERVICE call to the engine."""
    return _LONE_CARRIAGE_RETURN.sub("\n", text)


def expand_escapes(text: str) -> str:
    """``text`` with SPARQL's ``\\uXXXX`` and ``\\UXXXXXXXX`` escapes replaced by their characters."""
    return _ESCAPE.sub(_character, text)


def _character(match: re.Match[str]) -> str:
    code = int(match.group(1) or match.group(2), 16)
    return chr(code) if code <= 0x10FFFF else match.group(0)


def _not_a_query(text: str, error: Exception, where: str) -> InputError:
    if is_update(text):
        return UpdateError(f"SPARQL Update: {UPDATES_REFUSED}, only queries (the graph is read-only here)", where)
    return InputError(f"invalid SPARQL query: {syntax_problem(error)}", where)


def parse_read_only(text: str, where: str) -> Query:
    """Parse a query; refuse updates, SERVICE, and FROM / FROM NAMED (which would fetch URLs)."""
    parsed = parse_query(text, where)
    if parsed.algebra.get("datasetClause"):
        raise InputError("FROM and FROM NAMED are not allowed: the local engine never fetches URLs", where)
    if uses_service(parsed.algebra):
        raise InputError("SERVICE is not allowed: the local engine never reaches the network", where)
    return parsed


def query_form(text: str, where: str) -> str:
    """``SelectQuery``, ``AskQuery``, ``ConstructQuery`` or ``DescribeQuery``; updates are refused."""
    return str(parse_query(text, where).algebra.name)


def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update (only texts that use an update keyword are parsed)."""
    if not _UPDATE_KEYWORD.search(text):
        return False
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(_line_ends(text))
    except Exception:  # pyparsing raises several exception types
        return False
    return True


def uses_service(node: object) -> bool:
    """Whether a parsed query (rdflib's parse tree or algebra) holds a SERVICE pattern anywhere."""
    from pyparsing import ParseResults

    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(uses_service(value) for value in node.values())
    if isinstance(node, list | tuple | ParseResults):
        return any(uses_service(value) for value in node)
    return False
