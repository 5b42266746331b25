"""HermiT (OWL 2 DL, through owlready2) cross-checks owlrl's OWL 2 RL conclusions on the project graph."""

from __future__ import annotations

import os
import sys

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.graph.namespaces import KG, MND, namespace_manager
from kg.reasoning import dl_reasoner
from kg.reasoning.dl_reasoner import DLResult, ReasonerUnavailable, classify_with_hermit
from kg.reasoning.reason import Reasoned

ONT = str(MND._NS)
DEFINED_CLASSES = frozenset(ONT + name for name in (
    "DemyelinatingDisease", "NonDemyelinatingDisease", "MotorNeuronDisease", "NeurodegenerativeDisease",
    "MuscularDystrophy", "NeuromuscularDisorder", "GeneticDisease", "UpperMotorNeuronSign", "LowerMotorNeuronSign",
))


def hermit(graph: Graph) -> DLResult:
    """HermiT's answer; a skip where it cannot run, except on CI (CI=true), where that is a failure."""
    try:
        return classify_with_hermit(graph)
    except ReasonerUnavailable as error:
        if os.environ.get("CI") == "true":
            pytest.fail(f"HermiT must run on CI: {error}")
        pytest.skip(f"HermiT cannot run here: {error}")


@pytest.fixture(scope="module")
def dl(asserted: Graph) -> DLResult:
    """HermiT's classification of the project graph, computed once."""
    return hermit(asserted)


def owlrl_memberships(reasoned: Reasoned) -> set[tuple[str, str]]:
    """(individual, defined class) pairs owlrl asserts or derives."""
    return {
        (str(individual), str(cls))
        for graph in (reasoned.asserted, reasoned.inferred)
        for individual, cls in graph.subject_objects(RDF.type)
        if isinstance(individual, URIRef) and str(cls) in DEFINED_CLASSES
    }


def hermit_memberships(dl: DLResult) -> set[tuple[str, str]]:
    """(individual, defined class) pairs HermiT infers."""
    return {(individual, cls) for individual, classes in dl.memberships.items() for cls in classes & DEFINED_CLASSES}


def short(iri: str) -> str:
    return URIRef(iri).n3(namespace_manager())


def test_hermit_finds_the_project_graph_consistent(dl: DLResult) -> None:
    assert dl.consistent


@pytest.mark.parametrize(("disease", "name"), [
    ("ALS", "NonDemyelinatingDisease"),
    ("ALS", "MotorNeuronDisease"),
    ("SMA", "NonDemyelinatingDisease"),
    ("SMA", "MotorNeuronDisease"),
    ("MS", "DemyelinatingDisease"),
    ("muscular-dystrophy", "MuscularDystrophy"),
])
def test_both_reasoners_derive_the_key_memberships(dl: DLResult, reasoned: Reasoned, disease: str, name: str) -> None:
    pair = (str(KG[disease]), ONT + name)
    assert pair in hermit_memberships(dl), "HermiT"
    assert pair in owlrl_memberships(reasoned), "owlrl"


def test_both_reasoners_agree_on_every_defined_class_membership(dl: DLResult, reasoned: Reasoned) -> None:
    owlrl, dl_pairs = owlrl_memberships(reasoned), hermit_memberships(dl)
    disagreements = sorted(
        [(individual, cls, "owlrl") for individual, cls in owlrl - dl_pairs]
        + [(individual, cls, "HermiT") for individual, cls in dl_pairs - owlrl]
    )
    assert owlrl, "owlrl derives no membership in a defined class"
    assert not disagreements, f"{len(disagreements)} disagreement(s):\n" + "\n".join(
        f"{short(individual)} a {short(cls)}: only {who} says yes" for individual, cls, who in disagreements
    )


def test_hermit_finds_als_as_muscular_dystrophy_inconsistent(
    asserted: Graph, capfd: pytest.CaptureFixture[str]
) -> None:
    """MotorNeuronDisease owl:disjointWith MuscularDystrophy, and ALS is derived a motor neuron disease."""
    graph = Graph()
    for triple in asserted:
        graph.add(triple)
    graph.add((KG.ALS, RDF.type, URIRef(ONT + "MuscularDystrophy")))
    result = hermit(graph)
    assert (result.consistent, result.memberships) == (False, {})
    assert capfd.readouterr() == ("", "")


def test_no_named_class_is_unsatisfiable(dl: DLResult) -> None:
    assert dl.unsatisfiable == ()


def test_missing_java_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dl_reasoner.shutil, "which", lambda _name: None)
    with pytest.raises(ReasonerUnavailable) as caught:
        classify_with_hermit(Graph())
    assert "\n" not in str(caught.value)


def test_missing_owlready2_is_a_one_line_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "owlready2", None)
    with pytest.raises(ReasonerUnavailable, match="owlready2") as caught:
        classify_with_hermit(Graph())
    assert "\n" not in str(caught.value)
