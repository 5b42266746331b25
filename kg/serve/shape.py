"""Whether a query is heavy by its shape, read from rdflib's parse tree of it (kg.sparql.parse, the project's one
parser) rather than from its text: the costliest queries found are cartesian products, and a sort over one is
not stopped by Oxigraph's timeout but grows until the engine's memory limit restarts it.

A query is heavy by its shape when, anywhere in it,

- a group (a basic graph pattern, or groups joined, OPTIONAL ones included) falls into two or more parts
  sharing no variable whose estimated rows multiply to PRODUCT_ROWS or more. A part's rows are estimated by
  its most selective triple pattern, as powers of ten: MANY for a pattern with a variable subject (a
  variable bound by VALUES counts as a constant) and at most one constant, not counting the predicates rdf:type
  and rdfs:label, which most subjects have (``?a <p> ?b``, ``?d a mnd:Disease``); SOME for a subject's triples
  (``<s> ?p ?o``) or the subjects of a predicate and object (``?s <p> <o>``); FEW for a subject's values of one
  predicate (``<s> <p> ?o``); a VALUES block by its rows. So two broad parts make a product
  (``?a <p> ?b . ?c <p> ?d``), and so do a broad part and a subject's triples, or three subjects' triples;
  a broad part and one subject's label do not;
- or a property path with ``*`` or ``+`` joins two variables (``?a <p>+ ?b``: a closure of the graph);

unless the query stops at its first rows: an ASK, or a LIMIT without ORDER BY, GROUP BY, aggregate or DISTINCT.
A tree that does not translate (an unknown prefix) is not heavy by its shape: the engine refuses the query.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from rdflib import RDF, RDFS, BNode, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, Path, SequencePath

from kg.sparql.parse import expand_escapes

if TYPE_CHECKING:
    from pyparsing import ParseResults

CHECKED_LENGTH = 16384  # the longest query text rdflib's parser reads in kg serve (40 to 80 µs a character)
# a part's estimated rows, as a power of ten (the project's graph: about 10^4 triples)
MANY = 4.0
SOME = 2.0
FEW = 1.0
PRODUCT_ROWS = 6.0  # a product estimated at 10^6 rows or more is heavy
_SPACE = " \t"  # SPARQL's white space within a line
_COMMON = frozenset({RDF.type, RDFS.label})  # predicates nearly every subject has: no restriction
_WHOLE_RESULT = frozenset({"OrderBy", "Group", "AggregateJoin", "Distinct", "Reduced"})  # read every row


@dataclass
class _Part:
    """Triple patterns joined by shared variables: their variables, and their estimated rows (a power of ten)."""

    variables: set[Any]
    rows: float


def without_comment_lines(text: str) -> str:
    """``text`` without its lines that are blank or comments alone (``#`` their first character but spaces and
    tabs), which change neither its shape, nor whether it holds SERVICE, nor whether it parses: the key its reading
    is kept by, so that a text differing only there is not parsed again. A text with a long string (three quotes,
    also spelled with escapes), within which such a line would be a part of the string, is kept whole. Lines end
    where SPARQL's do (``\\r``, ``\\n``) and at more characters besides: a comment is never dropped beyond its
    end."""
    expanded = expand_escapes(text)
    if '"""' in expanded or "'''" in expanded:
        return text
    lines = text.splitlines()
    return "\n".join(line for line in lines if line.strip(_SPACE) and not line.lstrip(_SPACE).startswith("#"))


def heavy_by_shape(tree: ParseResults) -> bool:
    """Whether the query of rdflib's parse tree ``tree`` is heavy by its shape (see the module's docstring)."""
    from rdflib.plugins.sparql.algebra import translateQuery

    try:
        algebra = translateQuery(tree).algebra
    except Exception:  # a translation's bare Exception (an unknown prefix): the engine refuses the query
        return False
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
    """The parts sharing no variable that ``node``'s solutions join; appends to ``found`` at any product of
    PRODUCT_ROWS or more, or any closure between two variables."""
    name = getattr(node, "name", None)
    if name == "BGP":
        parts = [part for triple in node["triples"] if (part := _pattern(triple, bound, found)) is not None]
    elif name in ("Join", "LeftJoin"):
        parts = _parts(node["p1"], bound, found) + _parts(node["p2"], bound, found)
    elif name == "Minus":
        _parts(node["p2"], bound, found)
        return _parts(node["p1"], bound, found)
    elif name == "Union":
        branches = [_parts(node[side], bound, found) for side in ("p1", "p2")]
        variables = set().union(*(part.variables for branch in branches for part in branch))
        return [_Part(variables, max(sum(part.rows for part in branch) for branch in branches))]
    elif name == "values":
        return [_Part({variable for row in node["res"] for variable in row}, math.log10(max(1, len(node["res"]))))]
    elif name is not None and isinstance(node.get("p"), dict):  # Filter, Extend, Graph, ToMultiSet, a subquery
        return _parts(node["p"], bound, found)
    else:
        return []
    merged = _merge(parts)
    if len(merged) >= 2 and sum(part.rows for part in merged) >= PRODUCT_ROWS:
        found.append(True)
    return merged


def _pattern(triple: tuple[Any, Any, Any], bound: set[Any], found: list[bool]) -> _Part | None:
    subject, predicate, obj = triple
    variables = {term for term in (subject, predicate, obj) if _variable(term)}
    if not variables:
        return None
    if isinstance(predicate, Path):
        if _free(subject, bound) and _free(obj, bound) and _closure(predicate):
            found.append(True)
        restricts = 1
    else:
        restricts = 0 if _free(predicate, bound) or (_free(subject, bound) and predicate in _COMMON) else 1
    restricts += 0 if _free(obj, bound) else 1
    if _free(subject, bound):
        return _Part(variables, MANY if restricts <= 1 else SOME)
    return _Part(variables, SOME if restricts == 0 else FEW)


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
    """Parts that share a variable made one, estimated by the more selective."""
    merged: list[_Part] = []
    for part in parts:
        joined = _Part(set(part.variables), part.rows)
        for other in [other for other in merged if other.variables & joined.variables]:
            merged.remove(other)
            joined = _Part(joined.variables | other.variables, min(joined.rows, other.rows))
        merged.append(joined)
    return merged
