"""Whether a query is heavy by its shape, read from rdflib's parse of it (kg.sparql.parse, the project's one
parser) rather than from its text: the costliest queries found are cartesian products, and a sort over one is
not stopped by Oxigraph's timeout but grows until the engine's memory limit restarts it.

A query is heavy by its shape when, anywhere in it,

- a group (a basic graph pattern, or groups joined, OPTIONAL ones included) falls into two or more parts
  sharing no variable, each of which may match many triples: every pattern of the part has a variable
  subject (a subject's triples are few) and at most one constant, counting a variable bound by VALUES as one
  and not counting the predicates rdf:type and rdfs:label, which most subjects have (``?a <p> ?b . ?c <p>
  ?d`` is such a product; ``?d a mnd:Disease ; rdfs:label ?n`` is one part);
- or a property path with ``*`` or ``+`` joins two variables (``?a <p>+ ?b``: a closure of the graph);

unless the query stops at its first rows: an ASK, or a LIMIT without ORDER BY, GROUP BY, aggregate or DISTINCT.
A text that does not parse is not heavy by its shape (the engine refuses it, and kg.serve.gate says why in the
parser's words); one over CHECKED_LENGTH, which the parser would take seconds to read, is taken for heavy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rdflib import RDF, RDFS, BNode, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, Path, SequencePath

from kg.sparql.parse import expand_escapes, parse_tree

CHECKED_LENGTH = 16384  # the longest query text rdflib's parser reads in kg serve (40 to 80 µs a character)
_COMMON = frozenset({RDF.type, RDFS.label})  # predicates nearly every subject has: no restriction
_WHOLE_RESULT = frozenset({"OrderBy", "Group", "AggregateJoin", "Distinct", "Reduced"})  # read every row


@dataclass
class _Part:
    """Triple patterns joined by shared variables: their variables, and whether every one may match many."""

    variables: set[Any]
    broad: bool


def without_comment_lines(text: str) -> str:
    """``text`` without its lines that are comments alone (``#`` their first character but spaces), which do not
    change its shape: the key its verdict is kept by, so that a text differing only there is not parsed again. A
    text with a long string (three quotes, also spelled with escapes), within which such a line would be a part of
    the string, is kept whole."""
    expanded = expand_escapes(text)
    if '"""' in expanded or "'''" in expanded:
        return text
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def heavy_by_shape(text: str) -> bool:
    """Whether ``text`` is heavy by its shape (see the module's docstring)."""
    if len(text) > CHECKED_LENGTH:
        return True
    from rdflib.plugins.sparql.algebra import translateQuery

    try:
        algebra = translateQuery(parse_tree(text, "kg serve")).algebra
    except Exception:  # the parser's InputError, or a translation's bare Exception (an unknown prefix): the engine
        return False  # refuses the query, and kg.serve.gate says why in the parser's words
    if algebra.name == "AskQuery" or _stops_at_limit(algebra.get("p")):
        return False
    found: list[bool] = []
    _parts(algebra.get("p"), _bound(algebra), found)
    return bool(found)


def _stops_at_limit(node: Any) -> bool:
    """Whether the query's solutions end at a LIMIT, none of them read beyond it."""
    while getattr(node, "name", None) in ("Project", "Slice", "Extend"):
        if node.name == "Slice":
            return node.get("length") is not None and not _reads_all(node["p"])
        node = node["p"]
    return False


def _reads_all(node: Any) -> bool:
    while getattr(node, "name", None) in ("Project", "Extend", "Filter"):
        node = node["p"]
    return getattr(node, "name", None) in _WHOLE_RESULT


def _bound(node: Any) -> set[Any]:
    """The variables a VALUES block anywhere in the query binds."""
    if getattr(node, "name", None) == "values":
        return {variable for row in node["res"] for variable in row}
    if isinstance(node, dict):
        return set().union(*(_bound(value) for value in node.values()))
    if isinstance(node, list | tuple):
        return set().union(*(_bound(value) for value in node))
    return set()


def _parts(node: Any, bound: set[Any], found: list[bool]) -> list[_Part]:
    """The parts sharing no variable that ``node``'s solutions join; appends to ``found`` at any product of two
    broad parts or any closure between two variables."""
    name = getattr(node, "name", None)
    if name == "BGP":
        parts = [part for triple in node["triples"] if (part := _pattern(triple, bound, found)) is not None]
    elif name in ("Join", "LeftJoin"):
        parts = _parts(node["p1"], bound, found) + _parts(node["p2"], bound, found)
    elif name == "Minus":
        _parts(node["p2"], bound, found)
        return _parts(node["p1"], bound, found)
    elif name == "Union":
        both = _parts(node["p1"], bound, found) + _parts(node["p2"], bound, found)
        return [_Part(set().union(*(part.variables for part in both)), any(part.broad for part in both))]
    elif name == "values":
        return [_Part({variable for row in node["res"] for variable in row}, broad=False)]
    elif name is not None and isinstance(node.get("p"), dict):  # Filter, Extend, Graph, ToMultiSet, a subquery
        return _parts(node["p"], bound, found)
    else:
        return []
    merged = _merge(parts)
    if sum(part.broad for part in merged) >= 2:
        found.append(True)
    return merged


def _pattern(triple: tuple[Any, Any, Any], bound: set[Any], found: list[bool]) -> _Part | None:
    subject, predicate, obj = triple
    if isinstance(predicate, Path):
        if _free(subject, bound) and _free(obj, bound) and _closure(predicate):
            found.append(True)
        constants = 1
    else:
        constants = 0 if predicate in _COMMON or _free(predicate, bound) else 1
    constants += 0 if _free(obj, bound) else 1
    variables = {term for term in (subject, predicate, obj) if _variable(term)}
    return _Part(variables, broad=_free(subject, bound) and constants <= 1) if variables else None


def _free(term: Any, bound: set[Any]) -> bool:
    return _variable(term) and term not in bound


def _variable(term: Any) -> bool:
    """A variable, or a blank node (a variable within its group)."""
    return isinstance(term, Variable | BNode)


def _closure(path: object) -> bool:
    """Whether ``path`` repeats a step without bound (``*`` or ``+``) anywhere."""
    if isinstance(path, MulPath):
        return path.mod in ("*", "+") or _closure(path.path)
    if isinstance(path, SequencePath | AlternativePath):
        return any(map(_closure, path.args))
    if isinstance(path, InvPath):
        return _closure(path.arg)
    return False  # a negated property set, or one IRI


def _merge(parts: list[_Part]) -> list[_Part]:
    """Parts that share a variable made one (broad only when both were)."""
    merged: list[_Part] = []
    for part in parts:
        joined = _Part(set(part.variables), part.broad)
        for other in [other for other in merged if other.variables & joined.variables]:
            merged.remove(other)
            joined = _Part(joined.variables | other.variables, joined.broad and other.broad)
        merged.append(joined)
    return merged
