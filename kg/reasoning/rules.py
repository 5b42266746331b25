"""OWL 2 RL rules over the data (ABox), compiled from a closed schema: lean forward chaining in plain Python.

The schema closure (owlrl's, see kg.reasoning.fast_reason) fixes every axiom, so each rule becomes a lookup table, and
each new triple is matched against the tables it can trigger, once (semi-naive, with an agenda). Memory grows
with the data's active triples only, unlike ``reasonable``, whose memory grows faster than the data.

Rules: cax-sco (with cax-eqc through scm-eqc1), prp-dom, prp-rng, prp-spo1 (with prp-eqp through scm-eqp1),
prp-inv1/2, prp-symp, prp-trp, cls-int1/2, cls-uni, cls-svf1/2, cls-hv1/2, cls-avf. The rules that only detect
inconsistencies are kg.reasoning.consistency's; property chains (prp-spo2) are applied by
kg.reasoning.fast_reason. A graph whose
rules would make two nodes the same (``owl:sameAs``, two values of a functional property, two subjects of an
inverse-functional one) is left to ``reasonable``, which has the equality rules (``SameAsNeeded``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rdflib import Graph, Literal
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

Triple = tuple[Node, Node, Node]
# looked up once: an attribute of rdflib's namespaces costs a function call, and the loops below run per triple
TYPE, SAME_AS, THING = RDF.type, OWL.sameAs, OWL.Thing
# Membership tests against these compare hashes first: rdflib's Python-level __eq__ runs only on a hash match,
# where ``predicate == TYPE`` would run it for every triple.
IS_TYPE, IS_SAME_AS = frozenset({TYPE}), frozenset({SAME_AS})


class SameAsNeeded(Exception):
    """The graph needs the equality rules (eq-*, prp-fp, prp-ifp), which this engine leaves out."""


class RuleTables:
    """The schema closure's axioms as lookup tables, one per rule."""

    def __init__(self, schema: Graph) -> None:
        self.functional = set(schema.subjects(RDF.type, OWL.FunctionalProperty))
        self.inverse_functional = set(schema.subjects(RDF.type, OWL.InverseFunctionalProperty))
        self.superclasses = _pairs(schema, RDFS.subClassOf)
        self.superproperties = _pairs(schema, RDFS.subPropertyOf)
        self.domains = _pairs(schema, RDFS.domain)
        self.ranges = _pairs(schema, RDFS.range)
        self.inverses = _pairs(schema, OWL.inverseOf)
        for prop, others in list(self.inverses.items()):
            for other in others:
                self.inverses[other].add(prop)
        self.symmetric = set(schema.subjects(RDF.type, OWL.SymmetricProperty))
        self.transitive = set(schema.subjects(RDF.type, OWL.TransitiveProperty))
        self.intersections: dict[Node, list[Node]] = {
            cls: list(Collection(schema, members)) for cls, members in schema.subject_objects(OWL.intersectionOf)}
        self.in_intersection: dict[Node, set[Node]] = defaultdict(set)
        for cls, members in self.intersections.items():
            for member in members:
                self.in_intersection[member].add(cls)
        self.in_union: dict[Node, set[Node]] = defaultdict(set)
        for cls, union in schema.subject_objects(OWL.unionOf):
            for member in Collection(schema, union):
                self.in_union[member].add(cls)
        self.some: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)      # property -> (restriction, class)
        self.some_of: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)   # class -> (restriction, property)
        self.has_value: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)  # property -> (restriction, value)
        self.value_of: dict[Node, tuple[Node, Node]] = {}                       # restriction -> (property, value)
        self.all_values: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)  # property -> (restriction, class)
        self.all_of: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)    # restriction -> (property, class)
        for restriction, prop in schema.subject_objects(OWL.onProperty):
            for cls in schema.objects(restriction, OWL.someValuesFrom):
                self.some[prop].append((restriction, cls))
                self.some_of[cls].append((restriction, prop))
            for value in schema.objects(restriction, OWL.hasValue):
                self.has_value[prop].append((restriction, value))
                self.value_of[restriction] = (prop, value)
            for cls in schema.objects(restriction, OWL.allValuesFrom):
                self.all_values[prop].append((restriction, cls))
                self.all_of[restriction].append((prop, cls))


class ForwardChainer:
    """The closure so far, with the indexes the rules look up; ``add`` extends it to a new fixpoint."""

    def __init__(self, tables: RuleTables) -> None:
        self.tables = tables
        self.known: set[Triple] = set()
        self.types: dict[Node, set[Node]] = defaultdict(set)
        self.out: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))   # p -> s -> objects
        self.into: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))  # p -> o -> subjects
        self._implied: dict[Node, list[Node] | None] = {}  # class -> the classes its members always get

    def add(self, triples: Iterable[Triple]) -> set[Triple]:
        """Add ``triples`` and all that the rules derive from them; the whole closure so far."""
        agenda = list(triples)
        while agenda:
            triple = agenda.pop()
            if triple in self.known:
                continue
            self.known.add(triple)
            subject, predicate, obj = triple
            if predicate in IS_SAME_AS and subject != obj:
                raise SameAsNeeded("owl:sameAs")
            if predicate in IS_TYPE:
                self.types[subject].add(obj)
                agenda.extend(self._typed(subject, obj))
            else:
                self._check_functional(subject, predicate, obj)
                self.out[predicate][subject].add(obj)
                self.into[predicate][obj].add(subject)
                agenda.extend(self._related(subject, predicate, obj))
        return self.known

    def _typed(self, node: Node, cls: Node) -> list[Triple]:
        if cls not in self._implied:
            self._implied[cls] = self._implied_classes(cls)
        implied = self._implied[cls]
        if implied is not None:
            return [(node, TYPE, other) for other in implied]
        tables, types, out, into = self.tables, self.types, self.out, self.into
        new: list[Triple] = [(node, TYPE, parent) for parent in tables.superclasses.get(cls, ())]  # cax-sco
        new += [(node, TYPE, whole) for whole in tables.in_intersection.get(cls, ())          # cls-int1
                if all(member in types[node] for member in tables.intersections[whole])]
        new += [(node, TYPE, member) for member in tables.intersections.get(cls, ())]        # cls-int2
        new += [(node, TYPE, union) for union in tables.in_union.get(cls, ())]               # cls-uni
        if cls in tables.value_of:                                                                 # cls-hv1
            prop, value = tables.value_of[cls]
            new.append((node, prop, value))
        for restriction, prop in tables.some_of.get(cls, ()):                                      # cls-svf1
            new += [(subject, TYPE, restriction) for subject in into[prop].get(node, ())]
        for prop, target in tables.all_of.get(cls, ()):                                            # cls-avf
            new += [(value, TYPE, target) for value in out[prop].get(node, ()) if not isinstance(value, Literal)]
        return new

    def _implied_classes(self, cls: Node) -> list[Node] | None:
        """The classes ``_typed`` derives for any member of ``cls``, in its order, when they depend on nothing
        else (no cls-int1, cls-hv1, cls-svf1 or cls-avf axiom on ``cls``); else None. Most classes' members
        get only superclasses, worked out once per class rather than once per member."""
        tables = self.tables
        if cls in tables.in_intersection or cls in tables.value_of or tables.some_of.get(cls) \
                or tables.all_of.get(cls):
            return None
        return [*tables.superclasses.get(cls, ()), *tables.intersections.get(cls, ()), *tables.in_union.get(cls, ())]

    def _check_functional(self, subject: Node, prop: Node, obj: Node) -> None:
        """prp-fp and prp-ifp would make two distinct nodes the same: leave such a graph to the equality rules."""
        if prop in self.tables.functional and self.out[prop].get(subject, set()) - {obj}:
            raise SameAsNeeded(f"two values of the functional property {prop}")
        if prop in self.tables.inverse_functional and self.into[prop].get(obj, set()) - {subject}:
            raise SameAsNeeded(f"two subjects of the inverse-functional property {prop}")

    def _related(self, subject: Node, prop: Node, obj: Node) -> list[Triple]:
        tables, types, out, into = self.tables, self.types, self.out, self.into
        new: list[Triple] = [(subject, TYPE, cls) for cls in tables.domains.get(prop, ())]  # prp-dom
        if not isinstance(obj, Literal):
            new += [(obj, TYPE, cls) for cls in tables.ranges.get(prop, ())]                  # prp-rng
            new += [(obj, TYPE, cls)                                                           # cls-avf
                    for restriction, cls in tables.all_values.get(prop, ()) if restriction in types[subject]]
            new += [(obj, inverse, subject) for inverse in tables.inverses.get(prop, ())]         # prp-inv1/2
            if prop in tables.symmetric:                                                           # prp-symp
                new.append((obj, prop, subject))
            if prop in tables.transitive:                                                          # prp-trp
                new += [(subject, prop, further) for further in out[prop].get(obj, ())]
                new += [(earlier, prop, obj) for earlier in into[prop].get(subject, ())]
        new += [(subject, parent, obj) for parent in tables.superproperties.get(prop, ())]        # prp-spo1
        for restriction, cls in tables.some.get(prop, ()):                                         # cls-svf1/2
            if cls == THING or cls in types[obj]:
                new.append((subject, TYPE, restriction))
        new += [(subject, TYPE, restriction)                                                   # cls-hv2
                for restriction, value in tables.has_value.get(prop, ()) if value == obj]
        return new


def _pairs(schema: Graph, predicate: Node) -> dict[Node, set[Node]]:
    table: dict[Node, set[Node]] = defaultdict(set)
    for subject, obj in schema.subject_objects(predicate):
        if subject != obj:
            table[subject].add(obj)
    return table
