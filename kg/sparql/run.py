"""Running SPARQL on the embedded graph: read-only, no network, parameters bound as RDF terms.

The rdflib side of the engine seam (the owlrl reference runs queries here) and the parameter binding both
engines share; each engine's ``run_saved``/``run_query`` (kg.reasoning.engine.ReasonedGraph) is the way in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rdflib import Dataset, Graph
from rdflib.query import Result
from rdflib.term import Node

from kg.sparql.parse import parse_read_only
from kg.sparql.resolve import is_label, to_term
from kg.sparql.saved import SavedQuery


def run_saved_query(dataset: Dataset, query: SavedQuery, raw_values: Mapping[str, Sequence[str]]) -> Result:
    """Run a saved query with parameter values given as text (IRIs, prefixed names, labels, numbers)."""
    return run_sparql(dataset, query.bind(bind_values(query, raw_values, dataset)), f"query {query.name}")


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
