"""Same logical findings and ``kg check`` findings on both engines for mutants of the project's graph that break
it (a disjointness clash, an ill-typed literal), and the same closure for graphs that need the equality rules or
hold a list in the data (tests/differential.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from rdflib import BNode, Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.checks.checker import check_reasoned, load_check_files
from kg.graph import load_graph
from kg.graph.namespaces import KG, MND
from kg.graph.paths import CHECKS_DIR, DOCUMENTS_DIR, ONTOLOGY_DIR, SUPPLEMENTARY_DIR
from kg.reasoning import fast_reason
from kg.reasoning.engine import reason_graph
from kg.reasoning.reason import reason
from kg.reasoning.store import ReasonedStore
from tests.differential import MUTANTS_DIR, NEEDS_FAST_ENGINES, copy_of, findings_of
from tests.test_check import expectations

LOGICAL_MUTANTS = ("als-asserted-muscular-dystrophy.ttl", "als-given-demyelinating-pathology.ttl",
                   "ill-typed-literal.ttl")

pytestmark = NEEDS_FAST_ENGINES


def test_logical_mutants_same_findings_and_check_findings(asserted: Graph) -> None:
    """The three mutants that make the graph inconsistent (two disjointness clashes of different causes, an
    ill-typed literal), added together: each one's findings are there, named alike by both engines. One graph
    rather than three: the reference engine reasons and checks a graph of the project's size in about a minute."""
    graph = copy_of(asserted)
    expected: set[tuple[str, str]] = set()
    for mutant in LOGICAL_MUTANTS:
        graph.parse(MUTANTS_DIR / mutant, format="turtle")
        expected |= {(check, culprit) for check, culprit in expectations(MUTANTS_DIR / mutant, "expect")}
    checks = load_check_files(CHECKS_DIR)
    fast = reason_graph(graph)
    assert isinstance(fast, ReasonedStore)
    reference = reason(graph, reference=True)
    assert fast.findings == reference.findings
    fast_report = findings_of(check_reasoned(fast, checks, DOCUMENTS_DIR, SUPPLEMENTARY_DIR))
    assert fast_report == findings_of(check_reasoned(reference, checks, DOCUMENTS_DIR, SUPPLEMENTARY_DIR))
    assert expected - {(check, term) for _, check, _, terms, _ in fast_report for term in terms} == set()
    assert {"cax-dw", "dt-not-type"} <= {finding.rule for finding in fast.findings}


# a sameAs needs eq-*, two values of a functional property prp-fp: rules kg.reasoning.rules leaves to reasonable
EQUALITY_EXTRAS = ("kg:ALS owl:sameAs kg:amyotrophic-lateral-sclerosis-twin .", "kg:ALS mnd:thresholdValue 1, 2 .")


def with_extras(asserted: Graph, *extras: str) -> Graph:
    graph = copy_of(asserted)
    graph.parse(data="@prefix kg: <https://w3id.org/mnd-kg/resource/> . @prefix owl: <http://www.w3.org/2002/07/owl#> ."
                     " @prefix mnd: <https://w3id.org/mnd-kg/ontology#> . " + " ".join(extras), format="turtle")
    return graph


@pytest.mark.parametrize("extra", EQUALITY_EXTRAS)
def test_graphs_needing_equality_rules_go_to_reasonable(asserted: Graph, extra: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """A sameAs, or two values of a functional property, need eq-* and prp-fp, which kg.reasoning.rules leaves out:
    such a graph is reasoned by reasonable (with owlrl's result: the next test)."""
    used = []
    original = fast_reason._reasonable

    def counted() -> Callable[[list], set]:
        used.append(1)
        return original()

    monkeypatch.setattr(fast_reason, "_reasonable", counted)
    reason(with_extras(asserted, extra))
    assert used


def test_graphs_needing_equality_rules_are_reasoned_as_owlrl_does(asserted: Graph) -> None:
    """Both equality cases in one graph (each one's derivations are in it): owlrl reasons a graph of the
    project's size in about 6 s of CPU, once here rather than once for each case."""
    graph = with_extras(asserted, *EQUALITY_EXTRAS)
    fast = reason(graph)
    reference = reason(graph, reference=True)
    assert set(fast.inferred) == set(reference.inferred)
    assert fast.findings == reference.findings


def test_a_list_in_the_data_is_reasoned_like_owlrl_but_is_not_schema() -> None:
    """A list that no axiom points to stays out of owlrl's schema closure (where its cells cost quadratic
    time), the ontology's own lists (unionOf, ...) stay in, and the closure is still owlrl's. On the ontology
    alone: owlrl reasons it in 1 s of CPU, the project's graph in 5."""
    ontology = load_graph([ONTOLOGY_DIR])
    graph = copy_of(ontology)
    items = " ".join(f"kg:neuron-{n}" for n in range(200))
    graph.parse(data="@prefix kg: <https://w3id.org/mnd-kg/resource/> . "
                     f"@prefix mnd: <https://w3id.org/mnd-kg/ontology#> . kg:ALS mnd:affectsNeuron ( {items} ) .",
                format="turtle")
    head = next(o for o in graph.objects(KG.ALS, MND._NS["affectsNeuron"]) if isinstance(o, BNode))
    data_cells = {cell for cell, _, _ in graph.triples((None, RDF.first, None))
                  if cell in set(_cells(graph, head))}
    schema_cells = {s for s, p, _ in fast_reason.schema_of(list(graph)) if p == RDF.first}
    assert len(data_cells) == 200
    assert schema_cells == {s for s, _, _ in ontology.triples((None, RDF.first, None))} != set()
    fast, reference = reason(graph), reason(graph, reference=True)
    assert set(fast.inferred) == set(reference.inferred)
    assert fast.findings == reference.findings


def _cells(graph: Graph, head: Node | None) -> Iterator[Node]:
    while head is not None and head != RDF.nil:
        yield head
        head = graph.value(head, RDF.rest)
