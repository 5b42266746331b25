"""OWL 2 RL reasoning: a closure kept apart from the asserted triples, minus the reasoner's noise.

owlrl is the reference engine; when the Rust engine ``reasonable`` is installed, kg.reasoning.fast_reason computes the
same closure much faster (``reference=True`` or ``MND_KG_ENGINE=reference`` forces owlrl).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.query import Result
from rdflib.term import Node, Variable

from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH, W3C_VOCABULARIES, namespace_manager
from kg.reasoning import fast_reason
from kg.reasoning.consistency import Finding, find_inconsistencies, ill_typed_finding, ill_typed_triples
from kg.sparql.run import run_saved_query, run_sparql
from kg.sparql.saved import SavedQuery

_REFLEXIVE_NOISE = {OWL.sameAs, OWL.equivalentClass, OWL.equivalentProperty, RDFS.subClassOf, RDFS.subPropertyOf}
_TRIVIAL_OBJECTS = {OWL.Thing, RDFS.Resource}
_IS_TYPE = frozenset({RDF.type})
ENGINE_VARIABLE = "MND_KG_ENGINE"


@dataclass(frozen=True)
class Reasoned:
    """The asserted graph, what reasoning added to it, and the logical problems it found."""

    asserted: Graph
    inferred: Graph
    findings: tuple[Finding, ...]

    @property
    def consistent(self) -> bool:
        return not self.findings

    @property
    def triples(self) -> int:
        """How many triples are asserted."""
        return len(self.asserted)

    def select(self, text: str) -> Result:
        """Run a read-only query over the union of the asserted and inferred graphs (rdflib's engine)."""
        return self.union.query(text)

    def select_asserted(self, text: str, prefixes: Mapping[str, str], bindings: Mapping[str, URIRef]) -> Result:
        """Run a SELECT over the asserted graph alone, ``bindings`` given to rdflib as initial bindings."""
        return self.asserted.query(text, initNs=dict(prefixes),
                                   initBindings={Variable(name): iri for name, iri in bindings.items()})

    def reason_part(self, construct: str) -> Reasoned:
        """The graph a CONSTRUCT query builds from this one, reasoned on its own by owlrl."""
        graph = self.select(construct).graph
        assert graph is not None
        return reason(graph)

    def run_saved(self, query: SavedQuery, raw_values: Mapping[str, Sequence[str]], cap: int | None = None) -> Result:
        """Run a saved query with parameter values given as text (rdflib yields rows lazily: ``cap`` is counted by
        the caller, kg.sparql.limits.within_cap)."""
        return run_saved_query(self.union, query, raw_values)

    def run_query(self, text: str, where: str, cap: int | None = None) -> Result:
        """Run one read-only SPARQL query (``cap``: see run_saved)."""
        return run_sparql(self.union, text, where)

    def answer_graph(self, result: Result) -> Graph:
        """The graph a formatter needs for ``result``: here, the whole dataset."""
        return self.union

    def report_graph(self, iris: Iterable[Node]) -> Graph:
        """What a report about ``iris`` needs to name them and their citations: here, the asserted graph."""
        return self.asserted

    @cached_property
    def union(self) -> Dataset:
        """Asserted and inferred triples as two named graphs; the default graph is their union."""
        dataset = Dataset(default_union=True)
        dataset.namespace_manager = namespace_manager()
        asserted = dataset.graph(ASSERTED_GRAPH)
        for triple in self.asserted:
            asserted.add(triple)
        inferred = dataset.graph(INFERRED_GRAPH)
        for triple in self.inferred:
            inferred.add(triple)
        return dataset

    def dataset(self) -> Dataset:
        """The asserted and inferred named graphs over their union (built once; do not modify it)."""
        return self.union


def use_reference() -> bool:
    """True when owlrl must be used: asked for, or the fast engine is not installed."""
    return os.environ.get(ENGINE_VARIABLE, "") == "reference" or not fast_reason.available()


def reason(asserted: Graph, reference: bool = False) -> Reasoned:
    """Compute the OWL 2 RL closure of ``asserted`` (left unchanged) and check it for inconsistencies.

    Ill-typed literals are findings and are left out of the closure (owlrl would crash on some of them).
    """
    ill_typed = ill_typed_triples(asserted)
    closure = Graph()
    for triple in asserted:
        closure.add(triple)
    for triple in ill_typed:
        closure.remove(triple)
    if reference or use_reference() or fast_reason.needs_reference(closure.predicates(unique=True)):
        import owlrl  # loaded only when a closure is computed, not on a cache hit

        owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(closure)
    else:
        for triple in fast_reason.closure(list(closure)):
            closure.add(triple)
    inferred = Graph(namespace_manager=namespace_manager())
    for triple in closure:
        if not is_asserted(asserted, triple) and is_informative(*triple):
            inferred.add(triple)
    findings = sorted([*find_inconsistencies(closure), *map(ill_typed_finding, ill_typed)])
    return Reasoned(asserted, inferred, tuple(findings))


def is_asserted(asserted: Graph, triple: tuple[Node, Node, Node]) -> bool:
    """``triple`` is asserted, a simple literal matching its explicitly xsd:string-typed form (RDF 1.1)."""
    subject, predicate, obj = triple
    if triple in asserted:
        return True
    return isinstance(obj, Literal) and obj.datatype is None and obj.language is None \
        and (subject, predicate, Literal(str(obj), datatype=XSD.string)) in asserted


def is_informative(subject: Node, predicate: Node, obj: Node) -> bool:
    """False for owlrl's noise: literal or blank subjects, blank objects, vocabulary axioms, tautologies."""
    if not isinstance(subject, URIRef) or isinstance(obj, BNode):
        return False
    if str(subject).startswith(W3C_VOCABULARIES):
        return False
    if predicate in _REFLEXIVE_NOISE and subject == obj:
        return False
    if obj in _TRIVIAL_OBJECTS:
        return False
    return not (predicate in _IS_TYPE and str(obj).startswith(W3C_VOCABULARIES))
