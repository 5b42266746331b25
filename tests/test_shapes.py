"""kg check's SHACL shapes: evaluated from the engine's queries with pySHACL's findings, pySHACL for the rest."""

from __future__ import annotations

from rdflib import Graph

from kg.checks.shapes import compile_shapes, evaluate, load_shapes, shape_names, validate, validate_reasoned
from kg.graph.paths import SHAPES_DIR
from kg.reasoning.engine import reason_graph
from tests.differential import MUTANTS_DIR, copy_of

SHAPE_MUTANTS = ("gene-as-clinical-feature.ttl", "citation-without-document.ttl", "claim-without-citation.ttl",
                 "als-typed-as-disease-resource.ttl")
PREFIXES = """@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix mnd: <https://w3id.org/mnd-kg/ontology#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix kg: <https://w3id.org/mnd-kg/resource/> .
@prefix src: <https://w3id.org/mnd-kg/source/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
"""
# What the mutants leave out: two subjects (sh:maxCount), a literal relation (sh:nodeKind), an empty quote
# (sh:minLength), a quote with a language (sh:datatype), a citation quoted from a disease (sh:class)
BROKEN = PREFIXES + """
src:claim-shapes a mnd:Claim ; rdf:subject kg:ALS, kg:SMA ; rdf:predicate "has gene" ; rdf:object kg:SOD1 ;
    prov:wasDerivedFrom src:cit-shapes-1 .
src:cit-shapes-1 a mnd:Citation ; mnd:quote "" ; prov:wasQuotedFrom src:doc-000 .
src:cit-shapes-2 a mnd:Citation ; mnd:quote "ALS"@en ; prov:wasQuotedFrom kg:ALS .
"""


def test_shapes_are_evaluated_with_pyshacls_findings(asserted: Graph) -> None:
    """The project's shapes compile, and on a graph breaking every constraint they set (each shape and each
    kind of constraint found) the findings are pySHACL's, the reference."""
    graph = copy_of(asserted)
    for mutant in SHAPE_MUTANTS:
        graph.parse(MUTANTS_DIR / mutant, format="turtle")
    graph.parse(data=BROKEN, format="turtle")
    shapes = load_shapes(SHAPES_DIR)
    rules = compile_shapes(shapes)
    assert rules is not None
    reasoned = reason_graph(graph)
    found = evaluate(reasoned, rules)
    assert found == validate(reasoned.asserted, shapes)
    assert {f.shape for f in found} == set(shape_names(shapes))
    culprits = {(f.shape, f.terms[-1]) for f in found}
    assert {("claim-structure", "has gene"), ("citation-structure", ""), ("citation-structure", "ALS"),
            ("citation-structure", "https://w3id.org/mnd-kg/resource/ALS")} <= culprits
    assert ("claim-structure", "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject") in culprits  # the count


def test_a_shape_beyond_what_compiles_goes_to_pyshacl() -> None:
    """A constraint compile_shapes does not read (sh:pattern) sends the whole shapes graph to pySHACL."""
    shapes = Graph().parse(data=PREFIXES + """
        <urn:shapes#pattern> a sh:NodeShape ; sh:targetClass mnd:Claim ;
            sh:property [ sh:path mnd:quote ; sh:pattern "^[A-Z]" ; sh:message "a quote starts with a capital" ] .
        """, format="turtle")
    data = Graph().parse(data=PREFIXES + 'src:claim-1 a mnd:Claim ; mnd:quote "lower case" .', format="turtle")
    assert compile_shapes(shapes) is None
    found = validate_reasoned(reason_graph(data), shapes)
    assert [(f.shape, f.message, f.terms) for f in found] == [
        ("pattern", "a quote starts with a capital",
         ("https://w3id.org/mnd-kg/source/claim-1", "https://w3id.org/mnd-kg/ontology#quote", "lower case"))]


def test_a_sparql_constraint_leaving_value_unbound_names_its_focus_node() -> None:
    """A SPARQL constraint's result that leaves ?value unbound has the focus node as its value."""
    shapes = Graph().parse(data=PREFIXES + """
        <urn:shapes#quoted-claim> a sh:NodeShape ; sh:targetClass mnd:Claim ;
            sh:sparql [ a sh:SPARQLConstraint ; sh:message "a claim has no quote of its own" ;
                        sh:select "SELECT $this ?value WHERE { $this <https://w3id.org/mnd-kg/ontology#quote> ?q }" ] .
        """, format="turtle")
    data = Graph().parse(data=PREFIXES + 'src:claim-1 a mnd:Claim ; mnd:quote "a quote" .', format="turtle")
    rules = compile_shapes(shapes)
    assert rules is not None
    reasoned = reason_graph(data)
    found = evaluate(reasoned, rules)
    assert found == validate(reasoned.asserted, shapes)
    assert [f.terms for f in found] == [("https://w3id.org/mnd-kg/source/claim-1",) * 2]
