"""kg load and kg query --endpoint against two independent real stores, Oxigraph and Virtuoso, started by the tests.

Every saved query, with its defaults and with each declared question's bindings, answers on the store exactly
as on the embedded graph: the rows compared as sets of RDF terms, with the stores' literal normalisation
undone (numbers and booleans by value, language tags in lower case, ``xsd:string`` as a plain literal).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

import pytest
from click.testing import CliRunner, Result
from rdflib import BNode, Dataset, Literal
from rdflib.namespace import XSD
from rdflib.query import Result as QueryResult
from rdflib.term import Node

from kg.cli import cli
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from kg.graph.paths import QUERIES_DIR
from kg.sparql.format import format_result
from kg.sparql.results import solutions
from kg.sparql.run import run_saved_query
from kg.sparql.saved import SavedQuery, load_saved_queries
from kg.stores.load import load, targets_of
from kg.stores.remote import Remote, query_endpoint
from kg.stores.remote_query import DEFAULT_GRAPHS, context_graph, run_remote_saved_query
from tests.stores import Server

STORES = ("oxigraph", "virtuoso")
_NUMERIC = {XSD[name] for name in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                                   "positiveInteger", "nonNegativeInteger", "negativeInteger", "nonPositiveInteger",
                                   "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}

Binding = tuple[tuple[str, tuple[str, ...]], ...]
Rows = set[tuple[tuple[str, object], ...]]


def _cases() -> list[tuple[str, Binding]]:
    """Every saved query with its defaults, and once more for each distinct binding its questions declare."""
    cases: list[tuple[str, Binding]] = []
    for name, query in load_saved_queries(QUERIES_DIR).items():
        bindings: dict[Binding, None] = {(): None}
        for question in query.questions:
            bindings[tuple(sorted(question.bindings.items()))] = None
        cases += [(name, binding) for binding in bindings]
    return cases


CASES = _cases()


def remote_of(server: Server) -> Remote:
    return Remote(server.user, server.password, timeout=60)  # generous: the machine running the tests is shared


def credentials(server: Server) -> list[str]:
    return ["--user", server.user, "--password", server.password or ""] if server.user else []


def kg(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture(scope="module", params=STORES)
def store(request: pytest.FixtureRequest) -> Iterator[Server]:
    """Each store, loaded once with kg load (staged: Graph Store PUT, then one MOVE request)."""
    server: Server = request.getfixturevalue(f"{request.param}_server")
    result = kg("load", "--store", server.store, "--update", server.update, *credentials(server))
    assert result.exit_code == 0, result.output
    yield server


def graph_counts(server: Server) -> dict[str, int]:
    reply = query_endpoint(server.query, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g",
                           remote_of(server), DEFAULT_GRAPHS)
    return {str(row["g"]): int(str(row["n"])) for row in solutions(reply)}


def normalised(term: Node | None) -> object:
    """A term as a value both stores agree on (Oxigraph returns an ``xsd:positiveInteger`` as ``xsd:integer``,
    Virtuoso a ``1.5e3`` as ``1500.0`` and ``true`` as ``1``)."""
    if isinstance(term, Literal):
        if term.datatype in _NUMERIC:
            return ("number", Decimal(str(term)).normalize())
        if term.datatype == XSD.boolean:
            return ("boolean", str(term) in ("true", "1"))
        if term.datatype in (None, XSD.string):
            return ("string", str(term), (term.language or "").lower())
        return ("literal", str(term), str(term.datatype))
    if isinstance(term, BNode):
        return "blank node"
    return term


def rows_of(result: QueryResult) -> Rows:
    return {tuple((k, normalised(v)) for k, v in sorted(row.items())) for row in solutions(result)}


@pytest.fixture(scope="module")
def counts(dataset: Dataset) -> dict[str, int]:
    """How many triples each named graph of the embedded default holds: what a load must put in the store."""
    return {str(name): len(dataset.graph(name)) for name in (ASSERTED_GRAPH, INFERRED_GRAPH)}


def test_load_puts_asserted_and_inferred_in_their_named_graphs(store: Server, counts: dict[str, int]) -> None:
    assert graph_counts(store) == counts


def test_load_again_replaces_rather_than_duplicates(store: Server, counts: dict[str, int]) -> None:
    result = kg("load", "--store", store.store, "--update", store.update, *credentials(store))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [f"{counts[str(ASSERTED_GRAPH)]} triples into <{ASSERTED_GRAPH}>",
                                              f"{counts[str(INFERRED_GRAPH)]} triples into <{INFERRED_GRAPH}>"]
    assert graph_counts(store) == counts
    leftovers = query_endpoint(store.query, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                               "FILTER(STRSTARTS(STR(?g), 'urn:kg-load:')) }", remote_of(store))
    assert solutions(leftovers) == []


def test_load_reports_as_json_what_it_reports_as_text(store: Server, counts: dict[str, int]) -> None:
    load_args = ("load", "--store", store.store, "--update", store.update, *credentials(store))
    text, as_json = kg(*load_args), kg(*load_args, "--format", "json")
    assert (text.exit_code, as_json.exit_code) == (0, 0), as_json.output
    report = json.loads(as_json.stdout)
    assert report["targets"] == [{"graph": str(name), "triples": counts[str(name)]}
                                 for name in (ASSERTED_GRAPH, INFERRED_GRAPH)]
    assert text.stdout.splitlines()[:-1] == [f"{t['triples']} triples into <{t['graph']}>" for t in report["targets"]]
    assert text.stdout.splitlines()[-1].endswith(f" s ({report['method']})")
    assert graph_counts(store) == counts


@pytest.fixture(scope="module")
def embedded_answers() -> dict[tuple[str, Binding], tuple[list[str], Rows]]:
    """Each case's variables and rows on the embedded graph, kept for the second store: rdflib takes 6 s of CPU
    to answer every case."""
    return {}


@pytest.mark.parametrize(("name", "binding"), CASES, ids=[f"{n}{dict(b) or ''}" for n, b in CASES])
def test_saved_query_answers_as_on_the_embedded_graph(
        store: Server, dataset: Dataset, saved_queries: dict[str, SavedQuery], name: str, binding: Binding,
        embedded_answers: dict[tuple[str, Binding], tuple[list[str], Rows]]) -> None:
    values = {key: list(terms) for key, terms in binding}
    if (name, binding) not in embedded_answers:
        local = run_saved_query(dataset, saved_queries[name], values)
        embedded_answers[name, binding] = ([str(v) for v in local.vars or []], rows_of(local))
    variables, expected = embedded_answers[name, binding]
    remote = run_remote_saved_query(store.query, saved_queries[name], values, remote_of(store), DEFAULT_GRAPHS)
    assert [str(v) for v in remote.vars or []] == variables
    assert expected, f"{name} answers nothing locally"
    assert rows_of(remote) == expected


def test_labels_resolve_against_the_store(store: Server, dataset: Dataset,
                                          saved_queries: dict[str, SavedQuery]) -> None:
    query = saved_queries["is-demyelinating"]
    remote = run_remote_saved_query(store.query, query, {"disease": ["multiple sclerosis"]}, remote_of(store),
                                    DEFAULT_GRAPHS)
    assert rows_of(remote) == rows_of(run_saved_query(dataset, query, {"disease": ["kg:MS"]}))


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_cited_tables_match_the_embedded_ones(store: Server, dataset: Dataset, saved_queries: dict[str, SavedQuery],
                                              fmt: str) -> None:
    """The citations of a remote answer are fetched from the store and numbered as locally."""
    query = saved_queries["is-demyelinating"]
    local = format_result(run_saved_query(dataset, query, {}), fmt, dataset)
    result = kg("query", "is-demyelinating", "--endpoint", store.query, "--format", fmt, *credentials(store))
    assert result.exit_code == 0, result.output
    assert result.output == local
    remote = run_remote_saved_query(store.query, query, {}, remote_of(store), DEFAULT_GRAPHS)
    assert "Citations" in format_result(remote, fmt, context_graph(store.query, remote, remote_of(store),
                                                                    DEFAULT_GRAPHS))


def test_sparql_on_the_endpoint_sees_the_union_and_the_named_graphs(store: Server, counts: dict[str, int]) -> None:
    text = ("SELECT ?g (COUNT(*) AS ?n) WHERE { { GRAPH ?g { ?s ?p ?o } } UNION { ?s ?p ?o BIND('union' AS ?g) } } "
            "GROUP BY ?g")
    result = kg("sparql", text, "--endpoint", store.query, "--format", "csv")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "g,n"
    assert sorted(lines[1:]) == sorted([*(f"{graph},{n}" for graph, n in counts.items()),
                                        f"union,{sum(counts.values())}"])


@pytest.mark.parametrize("mode", ["update only", "store only"])
def test_other_load_modes_replace_one_graph(store: Server, dataset: Dataset, mode: str,
                                            counts: dict[str, int]) -> None:
    graph = f"https://example.org/kg-test/{mode.replace(' ', '-')}"
    endpoints = ["--update", store.update] if mode == "update only" else ["--store", store.store]
    result = kg("load", *endpoints, "--graph", graph, "--part", "inferred", *credentials(store))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"{counts[str(INFERRED_GRAPH)]} triples into <{graph}>"
    update, gsp = (store.update, None) if mode == "update only" else (None, store.store)
    load(targets_of(dataset, "inferred", graph), gsp, update, remote_of(store))
    reply = query_endpoint(store.query, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                           remote_of(store))
    assert int(str(solutions(reply)[0]["n"])) == counts[str(INFERRED_GRAPH)]


def test_ask_and_construct_on_the_endpoint(store: Server) -> None:
    ask = kg("sparql", "ASK { <https://w3id.org/mnd-kg/resource/ALS> a ?c }", "--endpoint", store.query)
    assert (ask.exit_code, ask.output) == (0, "true\n")
    text = ("CONSTRUCT { <https://w3id.org/mnd-kg/resource/ALS> <urn:kg-test:named> ?name } "
            "WHERE { <https://w3id.org/mnd-kg/resource/ALS> <http://www.w3.org/2000/01/rdf-schema#label> ?name }")
    construct = kg("sparql", text, "--endpoint", store.query, "--format", "csv")
    assert construct.exit_code == 0, construct.output
    assert construct.output == ('<https://w3id.org/mnd-kg/resource/ALS> <urn:kg-test:named> '
                                '"amyotrophic lateral sclerosis"@en .\n')
