"""The OWL 2 RL closure of the schema: owlrl's rules (``OWLRL_Semantics``, without axiomatic triples) over
Python dictionaries instead of rdflib lookups, so that no command runs owlrl, the reference reasoner.

kg.reasoning.fast_reason gives it the schema triples alone (a few hundred at any size of data); owlrl took
0.6 s over the project's 441, this takes a few milliseconds. It derives the same triples as owlrl
(tests/test_fast_path.py compares them), except for what no store can keep and no rule here reads back:

- owlrl's error messages (fresh blank nodes typed ``ErrorMessage``): the inconsistency rules are
  kg.reasoning.consistency's SPARQL, run on the whole closure;
- triples with a literal subject (``"x" owl:sameAs "x"``, a literal typed with its datatype): generalized
  RDF, which Oxigraph cannot store; they take part in the closure and are left out of its result, as owlrl's
  triples with a blank-node predicate are.

Like owlrl, it applies every rule to every triple of the graph, cycle after cycle, until a cycle adds
nothing (a small graph: indexes make each lookup a dictionary access). The rules that only detect
inconsistencies are left out, and so are ``prp-key`` and the max-cardinality rules: a graph using them is
reasoned by owlrl on the reference path (kg.reasoning.fast_reason.needs_reference).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations

from rdflib import BNode, Literal
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

Triple = tuple[Node, Node, Node]

TYPE, SAME_AS, SUB_CLASS, SUB_PROPERTY = RDF.type, OWL.sameAs, RDFS.subClassOf, RDFS.subPropertyOf
EQUIVALENT_CLASS, EQUIVALENT_PROPERTY, ON_PROPERTY = OWL.equivalentClass, OWL.equivalentProperty, OWL.onProperty
SOME, ALL, HAS_VALUE, THING, NOTHING = (OWL.someValuesFrom, OWL.allValuesFrom, OWL.hasValue, OWL.Thing,
                                         OWL.Nothing)

# The datatypes of OWL 2 RL, their subsumptions and disjointness, as owlrl lists them (owlrl.XsdDatatypes,
# owlrl.AxiomaticTriples): the rules dt-type1 and dt-type2 add them for the datatypes in use.
_XSD_NAMES = ("integer", "decimal", "nonNegativeInteger", "nonPositiveInteger", "negativeInteger", "positiveInteger",
              "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "float",
              "double", "string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN", "boolean",
              "hexBinary", "base64Binary", "anyURI", "dateTimeStamp", "dateTime", "time", "date")
RL_DATATYPES = (*(XSD[name] for name in _XSD_NAMES), RDFS.Literal, RDF.XMLLiteral, RDF.HTML, RDF.langString,
                RDF.PlainLiteral)
_IS_RL_DATATYPE = frozenset(RL_DATATYPES)
_SUPERTYPES = {  # each datatype's supertypes, nearest first
    "dateTimeStamp": "dateTime", "integer": "decimal", "long": "integer decimal", "int": "long integer decimal",
    "short": "int long integer decimal", "byte": "short int long integer decimal",
    "nonNegativeInteger": "integer decimal", "positiveInteger": "nonNegativeInteger integer decimal",
    "unsignedLong": "nonNegativeInteger integer decimal",
    "unsignedInt": "unsignedLong nonNegativeInteger integer decimal",
    "unsignedShort": "unsignedInt unsignedLong nonNegativeInteger integer decimal",
    "unsignedByte": "unsignedShort unsignedInt unsignedLong nonNegativeInteger integer decimal",
    "nonPositiveInteger": "integer decimal", "negativeInteger": "nonPositiveInteger integer decimal",
    "normalizedString": "string", "token": "normalizedString string", "language": "token normalizedString string",
    "Name": "token normalizedString string", "NCName": "Name token normalizedString string",
    "NMTOKEN": "Name token normalizedString string",
}
DATATYPE_SUBSUMPTIONS: dict[Node, tuple[Node, ...]] = {
    XSD[name]: tuple(XSD[parent] for parent in parents.split()) for name, parents in _SUPERTYPES.items()}
_DISJOINT_TOPS = (*(XSD[name] for name in ("anyURI", "base64Binary", "boolean", "dateTime", "decimal", "double",
                                           "float", "hexBinary", "string")), RDF.PlainLiteral, RDF.XMLLiteral)
DATATYPE_DISJOINTNESS = tuple(pair for pair in combinations(_DISJOINT_TOPS, 2)
                              if pair not in {(XSD.string, RDF.PlainLiteral), (RDF.PlainLiteral, RDF.XMLLiteral)})
ANNOTATION_PROPERTIES = (RDFS.label, RDFS.comment, RDFS.seeAlso, RDFS.isDefinedBy, OWL.deprecated, OWL.versionInfo,
                         OWL.priorVersion, OWL.backwardCompatibleWith, OWL.incompatibleWith)
_PROPERTY_TYPES = frozenset({OWL.ObjectProperty, OWL.DatatypeProperty, RDF.Property})


class _Graph:
    """A set of triples with the indexes the rules look up."""

    def __init__(self) -> None:
        self.triples: set[Triple] = set()
        self.out: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))    # s -> p -> objects
        self.into: dict[Node, dict[Node, set[Node]]] = defaultdict(lambda: defaultdict(set))   # p -> o -> subjects
        self.pairs: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)                    # p -> (s, o)
        self.about: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)                    # o -> (s, p)
        self.nodes: set[Node] = set()
        self.fresh: list[Node] = []  # nodes added since eq-ref last ran

    def add(self, triple: Triple) -> None:
        if triple in self.triples:
            return
        self.triples.add(triple)
        subject, predicate, obj = triple
        for node in triple:
            if node not in self.nodes:
                self.nodes.add(node)
                self.fresh.append(node)
        self.out[subject][predicate].add(obj)
        self.into[predicate][obj].add(subject)
        self.pairs[predicate].append((subject, obj))
        self.about[obj].append((subject, predicate))

    def objects(self, subject: Node, predicate: Node) -> Iterable[Node]:
        found = self.out.get(subject)
        return found.get(predicate, ()) if found is not None else ()

    def subjects(self, predicate: Node, obj: Node) -> Iterable[Node]:
        found = self.into.get(predicate)
        return found.get(obj, ()) if found is not None else ()

    def items(self, head: Node) -> list[Node]:
        """The members of the RDF list at ``head`` (rdflib's Graph.items; a cyclic list stops)."""
        members: list[Node] = []
        seen: set[Node] = set()
        cell: Node | None = head
        while cell is not None and cell not in seen:
            seen.add(cell)
            members += self._one(cell, RDF.first)
            rest = self._one(cell, RDF.rest)
            cell = rest[0] if rest else None
        return members

    def _one(self, subject: Node, predicate: Node) -> list[Node]:
        values = self.objects(subject, predicate)
        return sorted(values, key=str)[:1] if values else []


def schema_closure(schema: Iterable[Triple]) -> list[Triple]:
    """Every triple of the closure of ``schema`` (its own triples included), as owlrl derives it (see the module)."""
    graph = _Graph()
    for triple in schema:
        graph.add(triple)
    for triple in _one_time(graph):
        graph.add(triple)
    while True:
        new = {t for t in _derive(graph) if t not in graph.triples and not isinstance(t[1], Literal)}
        new.update((node, SAME_AS, node) for node in graph.fresh)  # eq-ref, once for each node
        graph.fresh.clear()
        if not new - graph.triples:
            break
        for triple in new:
            graph.add(triple)
    return [t for t in graph.triples if not isinstance(t[0], Literal) and not isinstance(t[1], BNode)]


def _one_time(graph: _Graph) -> Iterator[Triple]:
    """cls-thing, cls-nothing1, prp-ap, dt-type1 and dt-type2, applied once before the cycles (as owlrl does)."""
    yield THING, TYPE, OWL.Class
    yield NOTHING, TYPE, OWL.Class
    for prop in ANNOTATION_PROPERTIES:
        yield prop, TYPE, OWL.AnnotationProperty
    implicit: dict[Node, Node] = {obj: obj.datatype for _, _, obj in graph.triples
                                  if isinstance(obj, Literal) and obj.datatype in _IS_RL_DATATYPE}
    used: set[Node] = set(implicit.values())
    for literal, datatype in implicit.items():
        yield literal, TYPE, datatype
    explicit: dict[Node, set[Node]] = defaultdict(set)
    for subject, cls in graph.pairs[TYPE]:
        if cls in _IS_RL_DATATYPE:
            used.add(cls)
            if subject not in implicit:
                explicit[subject].add(cls)
    for subject, obj in list(graph.pairs[SAME_AS]):
        if obj in implicit:
            explicit[subject].add(implicit[obj])
        if obj in explicit:
            explicit[subject].add(obj)  # owlrl adds the node itself, not its datatypes
        if subject in explicit:
            explicit[obj].add(subject)
    for datatype in RL_DATATYPES:
        yield datatype, TYPE, RDFS.Datatype
    for datatypes in explicit.values():
        for datatype in datatypes:
            yield datatype, TYPE, RDFS.Datatype
    for node, datatype in [*((r, dt) for r, dts in explicit.items() for dt in dts), *implicit.items()]:
        for parent in DATATYPE_SUBSUMPTIONS.get(datatype, ()):
            yield node, TYPE, parent
            yield parent, TYPE, RDFS.Datatype
            used.add(parent)
    for left, right in DATATYPE_DISJOINTNESS:
        if left in used and right in used:
            yield left, OWL.disjointWith, right


def _derive(graph: _Graph) -> Iterator[Triple]:
    """One cycle: every rule but eq-ref (see schema_closure) applied to every triple of ``graph``."""
    for subject, predicate, obj in list(graph.triples):
        rules = _RULES.get(predicate)
        if rules is not None:
            for rule in rules:
                yield from rule(graph, subject, obj)


Rule = Callable[["_Graph", Node, Node], Iterator[Triple]]


# The rules, by the predicate of the triple that triggers them (owlrl's _properties, _equality, _classes,
# _class_axioms and _schema_vocabulary, in that order).

def _prp_dom(g: _Graph, prop: Node, cls: Node) -> Iterator[Triple]:
    return ((x, TYPE, cls) for x, _ in g.pairs.get(prop, ()))


def _prp_rng(g: _Graph, prop: Node, cls: Node) -> Iterator[Triple]:
    return ((y, TYPE, cls) for _, y in g.pairs.get(prop, ()))


def _typed(g: _Graph, node: Node, cls: Node) -> Iterator[Triple]:
    if cls not in _TYPES_WITH_RULES:  # most types: one hashed lookup, not five comparisons (rdflib's __eq__)
        return
    if cls == OWL.FunctionalProperty:  # prp-fp
        yield from ((y1, SAME_AS, y2) for x, y1 in g.pairs.get(node, ()) for y2 in g.objects(x, node) if y1 != y2)
    elif cls == OWL.InverseFunctionalProperty:  # prp-ifp
        yield from ((x1, SAME_AS, x2) for x1, y in g.pairs.get(node, ()) for x2 in g.subjects(node, y) if x1 != x2)
    elif cls == OWL.SymmetricProperty:  # prp-symp
        yield from ((y, node, x) for x, y in g.pairs.get(node, ()))
    elif cls == OWL.TransitiveProperty:  # prp-trp
        yield from ((x, node, z) for x, y in g.pairs.get(node, ()) for z in g.objects(y, node))
    if cls == OWL.Class:  # scm-cls
        yield from ((node, SUB_CLASS, node), (node, EQUIVALENT_CLASS, node), (node, SUB_CLASS, THING),
                    (NOTHING, SUB_CLASS, node))
    elif cls in _PROPERTY_TYPES:  # scm-op, scm-dp
        yield from ((node, SUB_PROPERTY, node), (node, EQUIVALENT_PROPERTY, node))


_TYPES_WITH_RULES = frozenset({OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.SymmetricProperty,
                               OWL.TransitiveProperty, OWL.Class, *_PROPERTY_TYPES})


def _sub_property(g: _Graph, p1: Node, p2: Node) -> Iterator[Triple]:
    yield from ((x, p2, y) for x, y in g.pairs.get(p1, ()))  # prp-spo1
    if p1 != p2:
        yield from ((p1, SUB_PROPERTY, p3) for p3 in g.objects(p2, SUB_PROPERTY) if p3 != p1)  # scm-spo
        if (p2, SUB_PROPERTY, p1) in g.triples:  # scm-eqp2
            yield p1, EQUIVALENT_PROPERTY, p2


def _chain(g: _Graph, prop: Node, head: Node) -> Iterator[Triple]:
    """prp-spo2."""
    chain = g.items(head)
    if not chain:
        return
    for start, first in list(g.pairs.get(chain[0], ())):
        ends = [first]
        for step in chain[1:]:
            ends = [end for middle in ends for end in g.objects(middle, step)]
            if not ends:
                break
        yield from ((start, prop, end) for end in ends)


def _equivalent_property(g: _Graph, p1: Node, p2: Node) -> Iterator[Triple]:
    if p1 != p2:
        yield from ((x, p2, y) for x, y in g.pairs.get(p1, ()))  # prp-eqp1
        yield from ((x, p1, y) for x, y in g.pairs.get(p2, ()))  # prp-eqp2
        yield from ((p1, SUB_PROPERTY, p2), (p2, SUB_PROPERTY, p1))  # scm-eqp1


def _inverse(g: _Graph, p1: Node, p2: Node) -> Iterator[Triple]:
    yield from ((y, p2, x) for x, y in g.pairs.get(p1, ()))  # prp-inv1
    yield from ((y, p1, x) for x, y in g.pairs.get(p2, ()))  # prp-inv2


def _same_as(g: _Graph, x: Node, y: Node) -> Iterator[Triple]:
    if x == y:  # each of eq-sym, eq-trans and eq-rep-* gives back a triple of the graph
        return
    yield y, SAME_AS, x  # eq-sym
    yield from ((x, SAME_AS, z) for z in g.objects(y, SAME_AS))  # eq-trans
    yield from ((y, p, o) for p, objects in g.out.get(x, {}).items() for o in objects)  # eq-rep-s
    yield from ((s, y, o) for s, o in g.pairs.get(x, ()))  # eq-rep-p
    yield from ((s, p, x) for s, p in g.about.get(y, ()))  # eq-rep-o


def _intersection(g: _Graph, cls: Node, head: Node) -> Iterator[Triple]:
    classes = g.items(head)
    if classes:  # cls-int1
        yield from ((y, TYPE, cls) for y in g.subjects(TYPE, classes[0])
                    if all((y, TYPE, other) in g.triples for other in classes[1:]))
    yield from ((y, TYPE, member) for y in g.subjects(TYPE, cls) for member in classes)  # cls-int2
    yield from ((cls, SUB_CLASS, member) for member in classes)  # scm-int


def _union(g: _Graph, cls: Node, head: Node) -> Iterator[Triple]:
    members = g.items(head)
    yield from ((y, TYPE, cls) for member in members for y in g.subjects(TYPE, member))  # cls-uni
    yield from ((member, SUB_CLASS, cls) for member in members)  # scm-uni


def _some_values(g: _Graph, restriction: Node, cls: Node) -> Iterator[Triple]:
    for prop in g.objects(restriction, ON_PROPERTY):  # cls-svf1, cls-svf2
        yield from ((u, TYPE, restriction) for u, v in g.pairs.get(prop, ())
                    if cls == THING or (v, TYPE, cls) in g.triples)
    yield from _scm_values(g, restriction, cls, SOME, False)  # scm-svf1, scm-svf2


def _all_values(g: _Graph, restriction: Node, cls: Node) -> Iterator[Triple]:
    for prop in g.objects(restriction, ON_PROPERTY):  # cls-avf
        yield from ((v, TYPE, cls) for u in g.subjects(TYPE, restriction) for v in g.objects(u, prop))
    yield from _scm_values(g, restriction, cls, ALL, True)  # scm-avf1, scm-avf2


def _scm_values(g: _Graph, c1: Node, y1: Node, kind: Node, reverse_sub_property: bool) -> Iterator[Triple]:
    for prop in g.objects(c1, ON_PROPERTY):
        for c2 in g.subjects(ON_PROPERTY, prop):
            yield from ((c1, SUB_CLASS, c2) for y2 in g.objects(c2, kind) if (y1, SUB_CLASS, y2) in g.triples)
    for p1 in g.objects(c1, ON_PROPERTY):
        for c2 in g.subjects(kind, y1):
            for p2 in g.objects(c2, ON_PROPERTY):
                if (p1, SUB_PROPERTY, p2) in g.triples:
                    yield (c2, SUB_CLASS, c1) if reverse_sub_property else (c1, SUB_CLASS, c2)


def _has_value(g: _Graph, restriction: Node, value: Node) -> Iterator[Triple]:
    for prop in g.objects(restriction, ON_PROPERTY):
        yield from ((u, prop, value) for u in g.subjects(TYPE, restriction))  # cls-hv1
        yield from ((u, TYPE, restriction) for u in g.subjects(prop, value))  # cls-hv2
    for p1 in g.objects(restriction, ON_PROPERTY):  # scm-hv
        for c2 in g.subjects(HAS_VALUE, value):
            for p2 in g.objects(c2, ON_PROPERTY):
                if (p1, SUB_PROPERTY, p2) in g.triples:
                    yield restriction, SUB_CLASS, c2


def _one_of(g: _Graph, cls: Node, head: Node) -> Iterator[Triple]:
    return ((member, TYPE, cls) for member in g.items(head))  # cls-oo


def _sub_class(g: _Graph, c1: Node, c2: Node) -> Iterator[Triple]:
    if c1 != c2:
        yield from ((x, TYPE, c2) for x in g.subjects(TYPE, c1))  # cax-sco
        yield from ((c1, SUB_CLASS, c3) for c3 in g.objects(c2, SUB_CLASS) if c3 != c1)  # scm-sco
    if (c2, SUB_CLASS, c1) in g.triples:  # scm-eqc2
        yield c1, EQUIVALENT_CLASS, c2


def _equivalent_class(g: _Graph, c1: Node, c2: Node) -> Iterator[Triple]:
    if c1 != c2:
        yield from ((x, TYPE, c2) for x in g.subjects(TYPE, c1))  # cax-eqc1
        yield from ((x, TYPE, c1) for x in g.subjects(TYPE, c2))  # cax-eqc2
        yield from ((c1, SUB_CLASS, c2), (c2, SUB_CLASS, c1))  # scm-eqc1


def _domain_range(predicate: Node) -> Rule:
    def rule(g: _Graph, prop: Node, cls: Node) -> Iterator[Triple]:
        yield from ((prop, predicate, c2) for c2 in g.objects(cls, SUB_CLASS) if c2 != cls)  # scm-dom1, scm-rng1
        yield from ((p1, predicate, cls) for p1 in g.subjects(SUB_PROPERTY, prop) if p1 != prop)  # scm-dom2, -rng2
    return rule


_RULES: dict[Node, tuple[Rule, ...]] = {
    RDFS.domain: (_prp_dom, _domain_range(RDFS.domain)),
    RDFS.range: (_prp_rng, _domain_range(RDFS.range)),
    TYPE: (_typed,),
    SUB_PROPERTY: (_sub_property,),
    OWL.propertyChainAxiom: (_chain,),
    EQUIVALENT_PROPERTY: (_equivalent_property,),
    OWL.inverseOf: (_inverse,),
    SAME_AS: (_same_as,),
    OWL.intersectionOf: (_intersection,),
    OWL.unionOf: (_union,),
    SOME: (_some_values,),
    ALL: (_all_values,),
    HAS_VALUE: (_has_value,),
    OWL.oneOf: (_one_of,),
    SUB_CLASS: (_sub_class,),
    EQUIVALENT_CLASS: (_equivalent_class,),
}
