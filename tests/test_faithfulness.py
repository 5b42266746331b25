"""Issue 16: the graph says exactly what the sources say, one test per finding of the claim-by-claim read.

Each test quotes the sentence it rests on. The graph is read as a user's SPARQL reads it: asserted plus derived.
"""

from __future__ import annotations

import pytest
from rdflib import Dataset, Graph, Namespace, URIRef
from rdflib.namespace import RDF

from kg.graph.namespaces import KG, PROV
from kg.reasoning.reason import Reasoned
from kg.sparql.results import solutions
from kg.sparql.run import run_saved_query
from kg.sparql.saved import SavedQuery

ONT = Namespace("https://w3id.org/mnd-kg/ontology#")
SHARED_FEATURES = ["muscle-weakness", "muscle-atrophy", "hypertonicity", "hyperreflexia", "fasciculations",
                   "spasticity", "pathological-reflexes"]


def holds(reasoned: Reasoned, triple: tuple[URIRef, URIRef, URIRef]) -> bool:
    return triple in reasoned.asserted or triple in reasoned.inferred


@pytest.mark.parametrize("feature", SHARED_FEATURES)
def test_what_a_document_says_of_als_signs_stays_with_als(reasoned: Reasoned, feature: str) -> None:
    """Document 001: "ALS presents with mixed upper and lower motor neuron signs (hypertonicity, hyperreflexia,
    muscle fasciculations, weakness, and atrophy) reflecting motor neuron death, not demyelination". Said of
    ALS's signs, not of the sign in every disease (muscular dystrophy has muscle weakness too)."""
    node = KG[feature]
    for predicate in (ONT.reflectsDegenerationOf, ONT.notIndicativeOf, ONT.dueTo):
        assert list(reasoned.asserted.objects(node, predicate)) == [], (feature, predicate)
    for sign in (ONT.UpperMotorNeuronSign, ONT.LowerMotorNeuronSign):
        assert not holds(reasoned, (node, RDF.type, sign)), (feature, sign)


def test_als_weakness_is_a_lower_motor_neuron_sign_in_als(reasoned: Reasoned) -> None:
    """Document 002, in its ALS section: "Muscle fasciculations, weakness, and atrophy (lower motor neuron
    degeneration)"; the ALS manifestation of weakness carries it, linked to ALS and to weakness."""
    manifestation = KG["als-muscle-weakness"]
    assert (manifestation, ONT.inDisease, KG.ALS) in reasoned.asserted
    assert (manifestation, ONT.manifestationOf, KG["muscle-weakness"]) in reasoned.asserted
    assert holds(reasoned, (manifestation, RDF.type, ONT.LowerMotorNeuronSign))
    assert (manifestation, ONT.notIndicativeOf, ONT.Demyelination) in reasoned.asserted


@pytest.mark.parametrize("hallmark",
                         ["intrinsic-muscle-defects", "inflammation", "selective-motor-neuron-vulnerability"])
def test_shared_hallmarks_are_hallmarks_not_mechanisms(reasoned: Reasoned, hallmark: str) -> None:
    """Document 000: "Both diseases share pathological hallmarks including intrinsic muscle defects,
    neuroinflammation, and selective motor neuron vulnerability": hallmarks, not mechanisms (the hallmark
    sentence is the only one behind intrinsic muscle defects and selective vulnerability)."""
    node = KG[hallmark]
    for disease in (KG.ALS, KG.SMA):
        assert (disease, ONT.hasPathologicalHallmark, node) in reasoned.asserted
        claims = {c for c in reasoned.asserted.subjects(RDF.subject, disease)
                  if (c, RDF.predicate, ONT.involvesMechanism) in reasoned.asserted
                  and (c, RDF.object, node) in reasoned.asserted}
        cited = {str(cit) for c in claims for cit in reasoned.asserted.objects(c, PROV.wasDerivedFrom)}
        assert "https://w3id.org/mnd-kg/source/cit-d000-10" not in cited


def test_snake_eyes_reflects_lower_motor_neuron_disease_not_a_neuron(reasoned: Reasoned) -> None:
    """Document 000: "The "snake eyes" appearance in the anterior horns on spinal imaging reflects lower motor
    neuron disease, not primary demyelination": a disease (process), not the neuron population."""
    sign = KG["snake-eyes-sign"]
    assert (sign, ONT.correspondsTo, KG["lower-motor-neuron"]) not in reasoned.asserted
    assert (sign, ONT.correspondsTo, KG["lower-motor-neuron-disease"]) in reasoned.asserted


def test_muscular_dystrophy_bulbar_statement_keeps_its_qualifiers(reasoned: Reasoned) -> None:
    """Document 002: "Does not typically affect bulbar muscles early in the disease course": not "does not
    primarily affect"."""
    md = KG["muscular-dystrophy"]
    assert (md, ONT.doesNotPrimarilyAffect, KG["bulbar-muscle"]) not in reasoned.asserted
    assert (md, ONT.doesNotTypicallyAffect, KG["bulbar-muscle"]) in reasoned.asserted
    claims = {c for c in reasoned.asserted.subjects(RDF.subject, md)
              if (c, RDF.predicate, ONT.doesNotTypicallyAffect) in reasoned.asserted}
    assert {str(n) for c in claims for n in reasoned.asserted.objects(c, ONT.contextNote)} == \
        {"early in the disease course"}


def test_neuromuscular_classification_of_als_is_not_derived_flat(reasoned: Reasoned) -> None:
    """Document 002: ALS "has traditionally been classified within neuromuscular disorders, but accumulating
    evidence shows extensive central nervous system involvement": MONDO's hierarchy must not make it a flat fact."""
    assert not holds(reasoned, (KG.ALS, RDF.type, ONT.NeuromuscularDisorder))


@pytest.mark.parametrize("subtype", ["SMA-type-1", "SMA-type-2", "SMA-type-3", "SMA-type-4"])
def test_sma_types_are_derived_genetic(reasoned: Reasoned, subtype: str) -> None:
    """Document 004: "SMA is a genetic disorder caused by a deficiency in the SMN1 gene"; "Yes, varying from
    Type 1 (most severe) to Type 4 (least severe)": the types inherit their parent's causal gene."""
    assert (KG[subtype], RDF.type, ONT.GeneticDisease) in reasoned.inferred
    assert (KG[subtype], ONT.hasCausalGene, KG.SMN1) in reasoned.inferred


def quoted(asserted: Graph) -> set[str]:
    return {str(q) for q in asserted.objects(None, ONT.quote)}


@pytest.mark.parametrize("sentence", [
    "He was diagnosed with ALS, which affected his muscle control.",
    "Her treatment for ALS focused on managing symptoms and improving quality of life.",
    "As ALS advanced, he required more assistance for daily activities.",
    "ALS led to a gradual loss of her ability to walk.",
])
def test_content_bearing_sentences_of_document_004_are_claims(asserted: Graph, sentence: str) -> None:
    """Document 004's example sentences with content found nowhere else are quoted by a claim."""
    citations = set(asserted.subjects(ONT.quote, None))
    citing = {c for c in citations if str(asserted.value(c, ONT.quote)) == sentence}
    assert citing, sentence
    assert any(asserted.subjects(PROV.wasDerivedFrom, c) for c in citing)


def test_als_is_not_answered_not_inherited(dataset: Dataset, saved_queries: dict[str, SavedQuery]) -> None:
    """Document 004: "Most ALS cases are sporadic, but some are familial."; document 002: "Genetic factors are
    present in 5-10% of cases (familial ALS)": no sentence says ALS is not genetic, so "no" would be a negative
    from absence. The verdict says what the sentences say: not always, with familial cases."""
    result = run_saved_query(dataset, saved_queries["inheritance"], {"disease": ["kg:ALS"]})
    verdicts = {(str(row["always_inherited"]), str(row["familial_cases"])) for row in solutions(result)}
    assert verdicts == {("not always", "yes")}


def test_the_unattributed_gloss_keeps_its_qualification(asserted: Graph) -> None:
    """Document 004 prints "Thickening of tissue in the motor tracts of the lateral columns and anterior horns of
    the spinal cord; results in progressive muscle atrophy that starts in the limbs" without naming a disease:
    every claim resting on it alone says so in a qualifier answers render."""
    gloss = URIRef("https://w3id.org/mnd-kg/source/cit-d004-35")
    claims = {c for c in asserted.subjects(PROV.wasDerivedFrom, gloss)
              if set(asserted.objects(c, PROV.wasDerivedFrom)) == {gloss}}
    assert len(claims) >= 8
    for claim in claims:
        assert str(asserted.value(claim, ONT.contextNote)).startswith("a gloss the document prints without naming")


def _quotes(graph: Graph, claim: URIRef) -> list[str]:
    return [str(q) for c in graph.objects(claim, PROV.wasDerivedFrom) for q in graph.objects(c, ONT.quote)]


def test_a_hedged_denial_keeps_the_hedge_its_sentence_gives_it(reasoned: Reasoned) -> None:
    """Document 002: "Usually lacks the upper motor neuron signs (hyperreflexia, spasticity) seen in ALS" is no
    plain "does not have": the claim carries "usually" (mnd:frequencyNote). Document 004's "No, SMA does not
    typically affect cognitive functions." answers no itself, and "without sensory loss" is plain: no hedge."""
    graph = reasoned.asserted
    for claim in graph.subjects(RDF.predicate, ONT.doesNotTypicallyHave):
        assert isinstance(claim, URIRef)
        quotes = _quotes(graph, claim)
        notes = {str(n) for n in graph.objects(claim, ONT.frequencyNote)}
        hedged = not any(q.startswith("No,") for q in quotes) and any(
            w in q.lower().split() for q in quotes for w in ("usually", "typically"))
        assert notes == ({w for w in ("usually", "typically") if any(w in q.lower().split() for q in quotes)}
                         if hedged else set()), claim


def test_a_secondary_pathology_claim_says_how_in_its_sentences_words(reasoned: Reasoned) -> None:
    """Documents 000 and 001: "any demyelination seen is secondary to the primary axonal degeneration"; "axonal
    injury being variable and secondary". Each claim of a secondary pathology carries those words, verbatim from a
    sentence it cites (mnd:contextNote), so kg ask answers it as partly so, not as a plain yes."""
    graph = reasoned.asserted
    claims = list(graph.subjects(RDF.predicate, ONT.hasSecondaryPathology))
    assert claims
    for claim in claims:
        assert isinstance(claim, URIRef)
        notes = [str(n) for n in graph.objects(claim, ONT.contextNote)]
        assert notes and all(any(n in q for q in _quotes(graph, claim)) for n in notes), claim


def test_the_long_term_survival_share_keeps_its_only(reasoned: Reasoned) -> None:
    """Documents 002 and 003: "with only 5-10% living longer than 10 years", "Only 5-10% of patients live longer
    than 10 years": each claim of the figure carries "only 5-10%", in its sentence's words."""
    graph = reasoned.asserted
    claims = [c for c in graph.subjects(RDF.object, KG["als-long-term-survival"])
              if (c, RDF.predicate, ONT.hasFigure) in graph]
    assert len(claims) == 2
    for claim in claims:
        assert isinstance(claim, URIRef)
        assert {str(n) for n in graph.objects(claim, ONT.frequencyNote)} == {"only 5-10%"}
        assert any("only 5-10%" in q.lower() for q in _quotes(graph, claim))
