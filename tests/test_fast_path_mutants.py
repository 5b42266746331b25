"""The same closure on both engines for graphs that need the equality rules or hold a list in the data (the
mutants that make a graph inconsistent are compared on the generated graph: tests/test_fast_path_generated.py;
tests/differential.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from rdflib import BNode, Graph
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.graph import load_graph
from kg.graph.namespaces import KG, MND
from kg.graph.paths import ONTOLOGY_DIR
from kg.reasoning import fast_reason
from kg.reasoning.reason import reason
from tests.differential import NEEDS_FAST_ENGINES, copy_of

pytestmark = NEEDS_FAST_ENGINES


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
