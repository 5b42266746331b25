"""Saved queries and their cited answers on a remote SPARQL endpoint, rendered as the embedded ones are.

Parameter labels are resolved against the labels in the remote graphs, and the details of the citations
an answer names are fetched from there, so ``kg.sparql.format`` renders a remote answer exactly as a local one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rdflib import Graph, URIRef
from rdflib.query import Result

from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH, namespace_manager
from kg.sparql.resolve import LABELS
from kg.sparql.results import CITATION_VARIABLE, solutions
from kg.sparql.run import bind_values, names_by_label
from kg.sparql.saved import SavedQuery, internal_query, with_values
from kg.stores.remote import Remote, query_endpoint

DEFAULT_GRAPHS = (str(ASSERTED_GRAPH), str(INFERRED_GRAPH))
_CITED_DETAILS = internal_query(__file__, "cited-details")


def run_remote_saved_query(url: str, query: SavedQuery, raw_values: Mapping[str, Sequence[str]], remote: Remote,
                           default_graphs: Sequence[str]) -> Result:
    """Run a saved query on the endpoint with parameter values given as text, as ``kg query`` does locally."""
    labels = Graph(namespace_manager=namespace_manager())
    if names_by_label(query, raw_values):
        labels = _construct(url, LABELS, remote, default_graphs)
    text = query.bind(bind_values(query, raw_values, labels))
    return query_endpoint(url, text, remote, default_graphs, f"query {query.name}")


def context_graph(url: str, result: Result, remote: Remote, default_graphs: Sequence[str]) -> Graph:
    """The project's prefixes, and the details of every citation the result names (for table and md)."""
    rows = solutions(result) if result.type == "SELECT" else []
    citations = sorted({citation for row in rows if isinstance(citation := row.get(CITATION_VARIABLE), URIRef)})
    if not citations:
        return Graph(namespace_manager=namespace_manager())
    return _construct(url, with_values(_CITED_DETAILS, "citation", citations), remote, default_graphs)


def _construct(url: str, text: str, remote: Remote, default_graphs: Sequence[str]) -> Graph:
    graph = Graph(namespace_manager=namespace_manager())
    reply = query_endpoint(url, text, remote, default_graphs)
    assert reply.graph is not None
    for triple in reply.graph:
        graph.add(triple)
    return graph
