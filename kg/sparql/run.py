"""Running SPARQL on the embedded graph: read-only, no network, parameters bound as RDF terms.

The one place where the query path depends on the engine: Oxigraph (kg.reasoning.store) plans saved queries
around their bound parameters; the owlrl reference (kg.reasoning.reason) runs them with rdflib.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph
from rdflib.query import Result
from rdflib.term import Node

from kg.sparql.format import CITATION_VARIABLE
from kg.sparql.parse import parse_read_only
from kg.sparql.resolve import is_label, to_term
from kg.sparql.results import solutions
from kg.sparql.saved import SavedQuery

if TYPE_CHECKING:

    from kg.reasoning.engine import ReasonedGraph


def run_saved_query(dataset: Dataset, query: SavedQuery, raw_values: Mapping[str, Sequence[str]]) -> Result:
    """Run a saved query with parameter values given as text (IRIs, prefixed names, labels, numbers)."""
    return run_sparql(dataset, query.bind(bind_values(query, raw_values, dataset)), f"query {query.name}")


def run_saved(reasoned: ReasonedGraph, query: SavedQuery, raw_values: Mapping[str, Sequence[str]],
              cap: int | None = None) -> Result:
    """Run a saved query on a reasoned graph of either engine; the same solutions either way. Oxigraph stops
    at more than ``cap`` solutions (kg.sparql.limits.within_cap counts rdflib's as they come)."""
    from kg.reasoning.store import ReasonedStore, saved_query_plan

    if not isinstance(reasoned, ReasonedStore):
        return run_saved_query(reasoned.dataset(), query, raw_values)

    labels = reasoned.labels() if names_by_label(query, raw_values) else Graph()
    plan = saved_query_plan(query, bind_values(query, raw_values, labels))
    return reasoned.select(plan.text, *plan.runs, cap=cap, where=f"query {query.name}")


def run_any_sparql(reasoned: ReasonedGraph, text: str, where: str, cap: int | None = None) -> Result:
    """Run one read-only SPARQL query on a reasoned graph of either engine (``cap``: see run_saved)."""
    from kg.reasoning.store import ReasonedStore

    if not isinstance(reasoned, ReasonedStore):
        return run_sparql(reasoned.dataset(), text, where)
    parse_read_only(text, where)
    return reasoned.select(text, cap=cap, where=where)


def answer_graph(reasoned: ReasonedGraph, result: Result) -> Graph:
    """The graph a formatter needs for ``result``: prefixes, and the details of the citations it names."""
    from kg.reasoning.store import ReasonedStore

    if not isinstance(reasoned, ReasonedStore):
        return reasoned.dataset()
    cited = {row.get(CITATION_VARIABLE) for row in solutions(result)} if result.type == "SELECT" else set()
    return reasoned.describe(term for term in cited if term is not None)


def names_by_label(query: SavedQuery, raw_values: Mapping[str, Sequence[str]]) -> bool:
    """Some IRI parameter's value is a label or synonym: resolving it needs the graph's labels."""
    return any(query.parameter(name).type == "iri" and is_label(value)
               for name, values in raw_values.items() for value in values)


def bind_values(query: SavedQuery, raw_values: Mapping[str, Sequence[str]], graph: Graph) -> dict[str, list[Node]]:
    """Validate each value for its parameter's type and turn it into an RDF term."""
    where = f"query {query.name}"
    return {
        name: [to_term(query.parameter(name), value, graph, where) for value in values]
        for name, values in raw_values.items()
    }


def run_sparql(dataset: Dataset, text: str, where: str) -> Result:
    """Run one read-only SPARQL query over asserted and inferred triples."""
    parsed = parse_read_only(text, where)
    return dataset.query(parsed)
