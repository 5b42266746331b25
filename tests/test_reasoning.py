"""One test per axiom the answers rely on, with the axiom quoted; and contradictions that must be caught."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS

from kg.graph.namespaces import INFERRED_GRAPH, KG, MND
from kg.reasoning.engine import load_reasoned
from kg.reasoning.reason import Reasoned, reason

ONT = str(MND._NS)


def cls(name: str) -> URIRef:
    return URIRef(ONT + name)


def derived(reasoned: Reasoned, entity: URIRef, name: str) -> bool:
    """True if the membership was inferred (and not asserted by hand)."""
    return (entity, RDF.type, cls(name)) in reasoned.inferred and (entity, RDF.type, cls(name)) not in reasoned.asserted


def with_triples(asserted: Graph, *triples: tuple) -> Graph:
    graph = Graph()
    for triple in asserted:
        graph.add(triple)
    for triple in triples:
        graph.add(triple)
    return graph


def test_the_project_graph_is_consistent(reasoned: Reasoned) -> None:
    assert reasoned.findings == ()


@pytest.mark.parametrize("disease", ["ALS", "SMA"])
def test_non_demyelinating_disease_from_primary_pathology(reasoned: Reasoned, disease: str) -> None:
    """NonDemyelinatingDisease ≡ hasPrimaryPathology some NonDemyelinatingPathology; AxonalDegeneration ⊑
    NeuronalDegeneration ⊑ NonDemyelinatingPathology."""
    assert derived(reasoned, KG[disease], "NonDemyelinatingDisease")
    assert not derived(reasoned, KG[disease], "DemyelinatingDisease")


@pytest.mark.parametrize("disease", ["MS", "NMOSD", "ADEM", "GBS"])
def test_demyelinating_disease_from_primary_pathology(reasoned: Reasoned, disease: str) -> None:
    """DemyelinatingDisease ≡ hasPrimaryPathology some Demyelination."""
    assert derived(reasoned, KG[disease], "DemyelinatingDisease")
    assert not derived(reasoned, KG[disease], "NonDemyelinatingDisease")


@pytest.mark.parametrize("disease", ["ALS", "SMA"])
def test_motor_neuron_disease_from_degeneration_of_motor_neurons(reasoned: Reasoned, disease: str) -> None:
    """MotorNeuronDisease ≡ hasPrimaryPathology some MotorNeuronDegeneration;
    MotorNeuronDegeneration ≡ degenerationOf some MotorNeuron."""
    assert derived(reasoned, KG[disease], "MotorNeuronDisease")


@pytest.mark.parametrize("disease", ["ALS", "SMA"])
def test_motor_neuron_disease_is_neurodegenerative_not_derived_neuromuscular(reasoned: Reasoned,
                                                                             disease: str) -> None:
    """MotorNeuronDisease ⊑ NeurodegenerativeDisease (as in MONDO:0020128); MONDO's other parent, neuromuscular
    disease, is imported and not reasoned over: document 002 says ALS "has traditionally been classified within
    neuromuscular disorders" (issue 16)."""
    assert derived(reasoned, KG[disease], "NeurodegenerativeDisease")
    assert not derived(reasoned, KG[disease], "NeuromuscularDisorder")


@pytest.mark.parametrize("subtype", ["SMA-type-1", "SMA-type-4", "familial-ALS", "bulbar-onset-ALS"])
def test_subtype_inherits_primary_pathology(reasoned: Reasoned, subtype: str) -> None:
    """hasPrimaryPathology owl:propertyChainAxiom (subtypeOf hasPrimaryPathology)."""
    assert derived(reasoned, KG[subtype], "MotorNeuronDisease")
    assert derived(reasoned, KG[subtype], "NonDemyelinatingDisease")


def test_muscular_dystrophy_from_primary_muscle_degeneration(reasoned: Reasoned) -> None:
    """MuscularDystrophy ≡ hasPrimaryPathology some PrimaryMuscleDegeneration."""
    assert derived(reasoned, KG["muscular-dystrophy"], "MuscularDystrophy")
    assert not derived(reasoned, KG["muscular-dystrophy"], "MotorNeuronDisease")


@pytest.mark.parametrize("disease", ["SMA", "familial-ALS", "muscular-dystrophy"])
def test_genetic_disease_from_a_causal_gene(reasoned: Reasoned, disease: str) -> None:
    """GeneticDisease ≡ hasCausalGene some Gene."""
    assert derived(reasoned, KG[disease], "GeneticDisease")


def test_sporadic_disease_with_no_causal_gene_is_not_derived_genetic(reasoned: Reasoned) -> None:
    assert not derived(reasoned, KG["ALS"], "GeneticDisease")


@pytest.mark.parametrize(("sign", "kind"), [("als-hyperreflexia", "UpperMotorNeuronSign"),
                                            ("als-fasciculations", "LowerMotorNeuronSign"),
                                            ("sma-muscle-weakness", "LowerMotorNeuronSign")])
def test_motor_neuron_sign_from_the_neurons_it_reflects(reasoned: Reasoned, sign: str, kind: str) -> None:
    """UpperMotorNeuronSign ≡ reflectsDegenerationOf value kg:upper-motor-neuron (and likewise lower); the
    documents say it of a sign in one disease, so of that disease's manifestation."""
    assert derived(reasoned, KG[sign], kind)


@pytest.mark.parametrize("neuron", ["upper-motor-neuron", "lower-motor-neuron"])
def test_affected_neuron_from_range_of_affects_neuron(reasoned: Reasoned, neuron: str) -> None:
    """degenerationOf rdfs:range AffectedNeuron."""
    assert derived(reasoned, KG[neuron], "AffectedNeuron")


def test_primary_pathology_from_range_of_has_primary_pathology(reasoned: Reasoned) -> None:
    """hasPrimaryPathology rdfs:range PrimaryPathology."""
    assert derived(reasoned, KG["als-motor-neuron-degeneration"], "PrimaryPathology")
    assert derived(reasoned, KG["als-secondary-demyelination"], "SecondaryPathology")


def test_unknown_primary_pathology_stays_unknown(asserted: Graph) -> None:
    """Open world: a disease with no known primary pathology is in neither demyelination class."""
    mystery = KG["test-mystery-disease"]
    result = reason(with_triples(asserted, (mystery, RDF.type, MND.Disease)))
    assert (mystery, RDF.type, cls("DemyelinatingDisease")) not in result.inferred
    assert (mystery, RDF.type, cls("NonDemyelinatingDisease")) not in result.inferred


def test_als_asserted_a_muscular_dystrophy_is_inconsistent(asserted: Graph) -> None:
    """MotorNeuronDisease owl:disjointWith MuscularDystrophy."""
    result = reason(with_triples(asserted, (KG.ALS, RDF.type, cls("MuscularDystrophy"))))
    assert [f.rule for f in result.findings] == ["cax-dw"]
    assert result.findings[0].terms == (str(KG.ALS), ONT + "MotorNeuronDisease", ONT + "MuscularDystrophy")


def test_als_asserted_demyelinating_is_inconsistent(asserted: Graph) -> None:
    """NonDemyelinatingDisease owl:disjointWith DemyelinatingDisease."""
    result = reason(with_triples(asserted, (KG.ALS, RDF.type, cls("DemyelinatingDisease"))))
    assert {(f.rule, f.terms[0]) for f in result.findings} == {("cax-dw", str(KG.ALS))}


def test_als_given_a_demyelinating_primary_pathology_is_inconsistent(asserted: Graph) -> None:
    """A second primary pathology that is demyelination puts ALS in both disjoint classes."""
    result = reason(with_triples(asserted, (KG.ALS, URIRef(ONT + "hasPrimaryPathology"), KG["ms-demyelination"])))
    assert (str(KG.ALS), ONT + "NonDemyelinatingDisease", ONT + "DemyelinatingDisease") in {
        f.terms for f in result.findings} | {(f.terms[0], f.terms[2], f.terms[1]) for f in result.findings}


def test_ill_typed_literal_is_a_finding(asserted: Graph) -> None:
    from rdflib import Literal
    from rdflib.namespace import XSD
    result = reason(with_triples(asserted, (KG["als-share-of-mnd"], URIRef(ONT + "value"),
                                            Literal("about 85", datatype=XSD.decimal))))
    assert "dt-not-type" in {f.rule for f in result.findings}


def test_inferred_triples_are_kept_apart_and_free_of_owlrl_noise(reasoned: Reasoned, dataset) -> None:
    inferred = reasoned.inferred
    assert not set(inferred) & set(reasoned.asserted)
    for s, p, o in inferred:
        assert isinstance(s, URIRef), (s, p, o)
        assert not (p in (OWL.sameAs, RDFS.subClassOf, OWL.equivalentClass) and s == o), (s, p, o)
        assert o not in (OWL.Thing, RDFS.Resource), (s, p, o)
    assert (KG.ALS, RDF.type, cls("NonDemyelinatingDisease")) in dataset.graph(INFERRED_GRAPH)


TINY = """@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix ex: <http://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
"""


@pytest.mark.parametrize(("turtle", "rule"), [
    ("ex:p a owl:IrreflexiveProperty . ex:a ex:p ex:a .", "prp-irp"),
    ("ex:p a owl:AsymmetricProperty . ex:a ex:p ex:b . ex:b ex:p ex:a .", "prp-asyp"),
    ('ex:p a owl:DatatypeProperty, owl:FunctionalProperty . ex:a ex:p "1"^^xsd:integer, "2"^^xsd:integer .',
     "prp-fp-literal"),
    ("ex:a owl:sameAs ex:b . ex:a owl:differentFrom ex:b .", "eq-diff1"),
    ("ex:C owl:equivalentClass owl:Nothing . ex:a a ex:C .", "cls-nothing2"),
    ("ex:p owl:propertyDisjointWith ex:q . ex:a ex:p ex:b ; ex:q ex:b .", "prp-pdw"),
    # a class and its complement, and the other rules of OWL 2 RL's table 4 that conclude false
    ("ex:N owl:complementOf ex:C . ex:a a ex:C , ex:N .", "cls-com"),
    ("ex:N owl:complementOf ex:C . ex:D rdfs:subClassOf ex:C . ex:a a ex:D , ex:N .", "cls-com"),
    ("[] a owl:AllDifferent ; owl:members ( ex:a ex:b ) . ex:a owl:sameAs ex:b .", "eq-diff2"),
    ("[] a owl:AllDifferent ; owl:distinctMembers ( ex:a ex:b ) . ex:a owl:sameAs ex:b .", "eq-diff3"),
    ("ex:a owl:differentFrom ex:a .", "eq-irp"),
    ("[] owl:sourceIndividual ex:a ; owl:assertionProperty ex:p ; owl:targetIndividual ex:b . ex:a ex:p ex:b .",
     "prp-npa1"),
    ('[] owl:sourceIndividual ex:a ; owl:assertionProperty ex:p ; owl:targetValue "v" . ex:a ex:p "v" .',
     "prp-npa2"),
    ("[] a owl:AllDisjointProperties ; owl:members ( ex:p ex:q ) . ex:a ex:p ex:b ; ex:q ex:b .", "prp-adp"),
    ("ex:R owl:maxCardinality 0 ; owl:onProperty ex:p . ex:a a ex:R ; ex:p ex:b .", "cls-maxc1"),
    ("ex:R owl:maxQualifiedCardinality 0 ; owl:onProperty ex:p ; owl:onClass ex:C . ex:a a ex:R ; ex:p ex:b . "
     "ex:b a ex:C .", "cls-maxqc1"),
    ("ex:R owl:maxQualifiedCardinality 0 ; owl:onProperty ex:p ; owl:onClass owl:Thing . ex:a a ex:R ; ex:p ex:b .",
     "cls-maxqc2"),
])
def test_each_inconsistency_rule_is_reported(turtle: str, rule: str, tmp_path: Path) -> None:
    """By the rdflib path and by the Oxigraph store the commands use."""
    graph = Graph().parse(data=TINY + turtle, format="turtle")
    assert rule in {finding.rule for finding in reason(graph).findings}
    (tmp_path / "graph.ttl").write_text(TINY + turtle, encoding="utf-8")
    assert rule in {finding.rule for finding in load_reasoned([tmp_path / "graph.ttl"]).findings}


def test_findings_are_sorted_and_repeatable(asserted: Graph) -> None:
    mutated = with_triples(asserted, (KG.ALS, RDF.type, cls("MuscularDystrophy")),
                           (KG.SMA, RDF.type, cls("DemyelinatingDisease")))
    first, second = reason(mutated).findings, reason(mutated).findings
    assert first == second == tuple(sorted(first))
    assert [f.terms[0] for f in first] == [str(KG.ALS), str(KG.SMA)]
