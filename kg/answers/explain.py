"""Why an inferred triple holds: the axioms and asserted triples (with their citations) behind it.

A targeted justifier for the OWL 2 RL patterns the ontology uses (subClassOf, equivalentClass with
someValuesFrom / hasValue restrictions, domain and range, subPropertyOf, property chains, transitive and
symmetric properties). It walks the reasoned closure and stops at asserted triples, which carry citations.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg.graph.namespaces import MND, PROV

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Step:
    """A triple, the rule that gives it (``asserted`` for a leaf), its citations, and the steps it rests on."""

    triple: Triple
    rule: str
    citations: tuple[URIRef, ...] = ()
    premises: tuple[Step, ...] = ()

    def leaves(self) -> list[Step]:
        """The asserted triples this step rests on, in order, without repeats."""
        if not self.premises:
            return [self]
        seen: dict[Triple, Step] = {}
        for premise in self.premises:
            for leaf in premise.leaves():
                seen.setdefault(leaf.triple, leaf)
        return list(seen.values())


class Explainer:
    """Explains triples of ``closure`` (asserted plus inferred) down to triples of ``asserted``."""

    def __init__(self, asserted: Graph, closure: Graph) -> None:
        self.asserted = asserted
        self.closure = closure

    def explain(self, triple: Triple) -> Step | None:
        return self._explain(triple, frozenset())

    def citations(self, triple: Triple) -> tuple[URIRef, ...]:
        """Citations of an asserted triple: those of its claims, or of the cited statement it belongs to."""
        subject, predicate, obj = triple
        found = {
            citation
            for claim in self.asserted.subjects(RDF.subject, subject)
            if (claim, RDF.predicate, predicate) in self.asserted and (claim, RDF.object, obj) in self.asserted
            for citation in self.asserted.objects(claim, PROV.wasDerivedFrom)
        }
        if not found and (subject, PROV.wasDerivedFrom, None) in self.asserted:
            found = {c for c in self.asserted.objects(subject, PROV.wasDerivedFrom) if isinstance(c, URIRef)}
        return tuple(sorted(c for c in found if isinstance(c, URIRef)))

    def _explain(self, triple: Triple, visiting: frozenset[Triple]) -> Step | None:
        if triple in self.asserted:
            return Step(triple, "asserted", self.citations(triple))
        if triple not in self.closure or triple in visiting:
            return None
        visiting = visiting | {triple}
        subject, predicate, obj = triple
        if predicate == RDF.type and isinstance(obj, URIRef):
            return self._explain_type(subject, obj, visiting)
        return self._explain_property(subject, predicate, obj, visiting)

    def _explain_type(self, subject: Node, cls: URIRef, visiting: frozenset[Triple]) -> Step | None:
        triple = (subject, RDF.type, cls)
        for restriction in sorted(self.closure.objects(cls, OWL.equivalentClass), key=str):
            if not isinstance(restriction, BNode):
                continue
            prop = self.closure.value(restriction, OWL.onProperty)
            filler = self.closure.value(restriction, OWL.someValuesFrom)
            value = self.closure.value(restriction, OWL.hasValue)
            if prop is None:
                continue
            if filler is not None:
                for target in sorted(self.closure.objects(subject, prop), key=str):
                    if (target, RDF.type, filler) in self.closure:
                        link = self._explain((subject, prop, target), visiting)
                        kind = self._explain((target, RDF.type, filler), visiting)
                        if link and kind:
                            return Step(triple, f"{_n(cls)} ≡ {_n(prop)} some {_n(filler)}", (), (link, kind))
            elif value is not None and (subject, prop, value) in self.closure:
                link = self._explain((subject, prop, value), visiting)
                if link:
                    return Step(triple, f"{_n(cls)} ≡ {_n(prop)} value {_n(value)}", (), (link,))
        subs = sorted((sub for sub in self.closure.subjects(RDFS.subClassOf, cls)
                       if isinstance(sub, URIRef) and sub != cls and (sub, RDFS.subClassOf, cls) in self.asserted
                       and (subject, RDF.type, sub) in self.closure), key=str)
        # a strict subclass here; an equivalent one (A ⊑ B ⊑ A, a cycle) last, when nothing else explains it
        equivalent = [sub for sub in subs if (cls, RDFS.subClassOf, sub) in self.closure]
        for sub in (sub for sub in subs if sub not in equivalent):
            step = self._explain((subject, RDF.type, sub), visiting)
            if step:
                return Step(triple, f"{_n(sub)} ⊑ {_n(cls)}", (), (step,))
        for prop in sorted(self.asserted.subjects(RDFS.range, cls), key=str):
            for source in sorted(self.closure.subjects(prop, subject), key=str):
                step = self._explain((source, prop, subject), visiting)
                if step:
                    return Step(triple, f"range of {_n(prop)} is {_n(cls)}", (), (step,))
        for prop in sorted(self.asserted.subjects(RDFS.domain, cls), key=str):
            for target in sorted(self.closure.objects(subject, prop), key=str):
                step = self._explain((subject, prop, target), visiting)
                if step:
                    return Step(triple, f"domain of {_n(prop)} is {_n(cls)}", (), (step,))
        for sub in equivalent:
            step = self._explain((subject, RDF.type, sub), visiting)
            if step:
                return Step(triple, f"{_n(sub)} ⊑ {_n(cls)}", (), (step,))
        return None

    def _chain_links(self, start: Node, steps: list[Node], end: Node, visiting: frozenset[Triple]) -> list[Step] | None:
        """Explained links ``start steps[0] m1 ... steps[-1] end`` through the closure, for a chain of any length."""
        first, rest = steps[0], steps[1:]
        if not rest:
            link = self._explain((start, first, end), visiting) if (start, first, end) in self.closure else None
            return [link] if link else None
        for middle in sorted(self.closure.objects(start, first), key=str):
            after = self._chain_links(middle, rest, end, visiting)
            link = self._explain((start, first, middle), visiting) if after else None
            if after and link:
                return [link, *after]
        return None

    def _explain_property(self, subject: Node, predicate: Node, obj: Node,
                          visiting: frozenset[Triple]) -> Step | None:
        triple = (subject, predicate, obj)
        for chain in sorted(self.asserted.objects(predicate, OWL.propertyChainAxiom), key=str):
            steps = list(Collection(self.asserted, chain))  # none for ( ), a literal or an IRI that is no list
            links = self._chain_links(subject, steps, obj, visiting) if steps else None
            if links:
                return Step(triple, f"{_n(predicate)} ⊒ {' ∘ '.join(map(_n, steps))}", (), tuple(links))
        for sub in sorted(self.asserted.subjects(RDFS.subPropertyOf, predicate), key=str):
            if (subject, sub, obj) in self.closure:
                step = self._explain((subject, sub, obj), visiting)
                if step:
                    return Step(triple, f"{_n(sub)} ⊑ {_n(predicate)}", (), (step,))
        if (predicate, RDF.type, OWL.TransitiveProperty) in self.asserted:
            for middle in sorted(self.closure.objects(subject, predicate), key=str):
                if middle not in (subject, obj) and (middle, predicate, obj) in self.closure:
                    left = self._explain((subject, predicate, middle), visiting)
                    right = self._explain((middle, predicate, obj), visiting)
                    if left and right:
                        return Step(triple, f"{_n(predicate)} is transitive", (), (left, right))
        if (predicate, RDF.type, OWL.SymmetricProperty) in self.asserted and (obj, predicate, subject) in self.closure:
            step = self._explain((obj, predicate, subject), visiting)
            if step:
                return Step(triple, f"{_n(predicate)} is symmetric", (), (step,))
        return None


def explainer_from(asserted: Graph, inferred: Graph) -> Explainer:
    """An explainer over the closure made of the asserted and the inferred triples."""
    closure = Graph()
    for triple in (*asserted, *inferred):
        closure.add(triple)
    return Explainer(asserted, closure)


def _n(term: Node) -> str:
    """A short name for a term in a rule description."""
    text = str(term)
    for prefix, namespace in (("mnd:", str(MND._NS)), ("owl:", str(OWL)), ("rdfs:", str(RDFS))):
        if text.startswith(namespace):
            return prefix + text[len(namespace):]
    return text
