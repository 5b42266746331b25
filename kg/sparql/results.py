"""Reading SPARQL results as plain Python values."""

from __future__ import annotations

from rdflib.query import Result, ResultRow
from rdflib.term import Node


def solutions(result: Result) -> list[dict[str, Node | None]]:
    """The rows of a SELECT result as dicts from variable name to term (None where unbound)."""
    variables = [str(v) for v in result.vars or []]
    return [{v: row.get(v) for v in variables} for row in result if isinstance(row, ResultRow)]
