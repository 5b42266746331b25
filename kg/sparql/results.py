"""Reading SPARQL results as plain Python values."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

from rdflib.query import Result, ResultRow
from rdflib.term import Node

from kg.errors import QueryLimitError

T = TypeVar("T")
CITATION_VARIABLE = "citation"  # the column of a saved query's rows that names the citation behind the row


def solutions(result: Result) -> list[dict[str, Node | None]]:
    """The rows of a SELECT result as dicts from variable name to term (None where unbound)."""
    variables = [str(v) for v in result.vars or []]
    return [{v: row.get(v) for v in variables} for row in result if isinstance(row, ResultRow)]


def capped(items: Iterable[T], cap: int, unit: str, where: str | None = None) -> Iterator[T]:
    """``items`` one by one; QueryLimitError as soon as there are more than ``cap`` of them."""
    for count, item in enumerate(items, 1):
        if count > cap:
            raise QueryLimitError(f"the result has more {unit} than the cap of {cap} allows "
                                  "(raise it with --max-results, or add LIMIT)", where)
        yield item
