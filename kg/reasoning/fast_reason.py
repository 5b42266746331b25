"""The fast OWL 2 RL closure: kg.reasoning.rules for the data (``reasonable`` where the equality rules are
needed), kg.reasoning.schema for the schema, and the rules both leave out, so that the derived triples equal
owlrl's on the whole graph.

How each part of OWL 2 RL is covered:

- the schema rules (``scm-*``: subclass and subproperty transitivity, inherited domains and ranges, ...):
  kg.reasoning.schema computes owlrl's closure of the schema triples alone, which is small whatever the
  data's size;
- the data rules: kg.reasoning.rules, compiled from that schema closure; a graph with a non-reflexive ``owl:sameAs`` or
  two values of a functional property goes to ``reasonable``, which has the equality rules (``eq-*``,
  ``prp-fp``, ``prp-ifp``);
- ``prp-spo2`` (property chains): applied here, alternating with the data rules until nothing new follows;
- ``cls-oo`` (``owl:oneOf``): applied in the schema closure, before the data is reasoned;
- the rules that only detect inconsistencies (``cax-dw``, ``prp-irp``, ...): kg.reasoning.consistency's SPARQL rules,
  run on the closure like on owlrl's;
- ``prp-key`` and the max-cardinality rules (``cls-maxc2``, ``cls-maxqc3/4``): a graph that uses
  ``owl:hasKey``, ``owl:maxCardinality`` or ``owl:maxQualifiedCardinality`` is reasoned by owlrl instead
  (see ``needs_reference``).

Only triples whose predicate some schema axiom mentions can take part in a rule, so labels, quotes and the
like are not reasoned over (all of them are when the graph uses ``owl:sameAs``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from rdflib import Graph, Literal
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from kg.graph.namespaces import W3C_VOCABULARIES
from kg.reasoning import rules
from kg.reasoning.schema import schema_closure as closed_schema

Triple = tuple[Node, Node, Node]

_OWL_SCHEMA = (
    "allValuesFrom", "someValuesFrom", "hasValue", "onProperty", "onProperties", "onClass", "onDataRange",
    "onDatatype", "withRestrictions", "cardinality", "minCardinality", "maxCardinality", "qualifiedCardinality",
    "minQualifiedCardinality", "maxQualifiedCardinality", "complementOf", "datatypeComplementOf",
    "disjointUnionOf", "disjointWith", "distinctMembers", "equivalentClass", "equivalentProperty", "hasKey",
    "hasSelf", "intersectionOf", "inverseOf", "members", "oneOf", "propertyChainAxiom", "propertyDisjointWith",
    "unionOf",
)
SCHEMA_PREDICATES = frozenset({RDFS.subClassOf, RDFS.subPropertyOf, RDFS.domain, RDFS.range, RDF.first, RDF.rest,
                               *(OWL[name] for name in _OWL_SCHEMA)})
_DECLARATIONS = frozenset({OWL.Class, RDFS.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                           RDF.Property, OWL.Ontology, OWL.NamedIndividual, RDFS.Datatype})
UNSUPPORTED = (OWL.hasKey, OWL.maxCardinality, OWL.maxQualifiedCardinality)
# the axioms whose object is an RDF list: only those lists' cells are schema
LIST_AXIOMS = frozenset(OWL[name] for name in (
    "intersectionOf", "unionOf", "oneOf", "members", "distinctMembers", "propertyChainAxiom", "hasKey",
    "onProperties", "withRestrictions", "disjointUnionOf"))


def available() -> bool:
    """True when the ``reasonable`` engine is installed."""
    try:
        import reasonable  # noqa: F401
    except ImportError:
        return False
    return True


def needs_reference(predicates: Iterable[Node]) -> bool:
    """True when the graph uses an axiom whose rule ``reasonable`` lacks and this module does not add."""
    return any(predicate in UNSUPPORTED for predicate in predicates)


def is_schema(triple: Triple) -> bool:
    """A schema (TBox) triple: an axiom, a list cell, or a type whose class is OWL/RDFS vocabulary."""
    _, predicate, obj = triple
    return predicate in SCHEMA_PREDICATES or (predicate in rules.IS_TYPE and str(obj).startswith(W3C_VOCABULARIES))


def schema_of(triples: list[Triple]) -> list[Triple]:
    """The schema triples (``is_schema``) less the cells of lists no axiom points to: a list in the data
    (``ex:s ex:p ( ... )``) is data. In owlrl's closure its cells cost time quadratic in its length (a
    10,000-item list: 17 s); a rule reads only the lists of LIST_AXIOMS."""
    rest = {subject: obj for subject, predicate, obj in triples if predicate in _IS_REST}
    cells: set[Node] = set()
    for cell in {obj for _, predicate, obj in triples if predicate in LIST_AXIOMS}:
        while cell in rest and cell not in cells:
            cells.add(cell)
            cell = rest[cell]
    return [t for t in triples if is_schema(t) and (t[1] not in _LIST_CELL or t[0] in cells)]


_LIST_CELL = (RDF.first, RDF.rest)
_IS_REST = frozenset({RDF.rest})  # a set test compares hashes first, not rdflib's slow __eq__


def schema_closure(schema: Iterable[Triple]) -> Graph:
    """The OWL 2 RL closure of the schema triples, owlrl's (kg.reasoning.schema computes it without owlrl)."""
    return _schema_closure(frozenset(schema))


@lru_cache(maxsize=4)
def _schema_closure(schema: frozenset[Triple]) -> Graph:
    """Cached: ``kg check`` reasons the same schema twice (the graph, then the class probes)."""
    graph = Graph(store="SimpleMemory")  # no contexts: the tables' lookups run faster
    for triple in closed_schema(schema):
        graph.add(triple)
    return graph


def active_predicates(schema: Iterable[Triple]) -> set[Node]:
    """Predicates some axiom of the schema closure mentions (declarations and reflexive triples aside)."""
    active: set[Node] = {RDF.type, OWL.sameAs, OWL.differentFrom}
    for subject, predicate, obj in schema:
        if subject == obj or (predicate in rules.IS_TYPE and obj in _DECLARATIONS):
            continue
        active.update((subject, obj))
    return active


def closure(asserted: Iterable[Triple]) -> set[Triple]:
    """Every triple of the OWL 2 RL closure of ``asserted`` (asserted ones included, literals as parsed), as a set:
    the caller takes the asserted triples away in one set difference rather than testing each triple."""
    data = list(asserted)
    schema = schema_closure(schema_of(data))
    axioms = list(schema)  # iterated three times here: an rdflib graph yields each triple through generators
    if rules.SAME_AS not in {t[1] for t in data}:
        active = active_predicates(axioms)
        data = [t for t in data if t[1] in active]
    chains = _chains(schema)
    base = [t for t in (*data, *axioms) if not isinstance(t[0], Literal)]
    try:
        derived = _data_closure(base, schema, chains, _rules_engine(schema))
    except rules.SameAsNeeded:
        derived = _data_closure(base, schema, chains, _reasonable)
    derived.update(axioms)
    return derived


def _data_closure(base: list[Triple], schema: Graph, chains: list[tuple[Node, list[Node]]],
                  engine: Engine) -> set[Triple]:
    if chains:
        related = _chain_related(schema, chains)
        base = base + list(_with_chains([t for t in base if t[1] in related or is_schema(t)], chains, engine)
                           - set(base))
    return _with_chains(base, chains, engine)


# A new, empty reasoner: called with triples, it adds them and returns its whole closure so far.
Engine = Callable[[], Callable[[list[Triple]], set[Triple]]]


def _rules_engine(schema: Graph) -> Engine:
    """The rules compiled from the schema: lean enough for a million triples (reasonable runs out of memory)."""
    tables = rules.RuleTables(schema)
    return lambda: rules.ForwardChainer(tables).add


def _reasonable() -> Callable[[list[Triple]], set[Triple]]:
    import reasonable

    reasoner = reasonable.PyReasoner()

    def add(triples: list[Triple]) -> set[Triple]:
        reasoner.from_graph(triples)
        return {plain(t) for t in reasoner.reason()}

    return add


def _with_chains(triples: list[Triple], chains: list[tuple[Node, list[Node]]], engine: Engine) -> set[Triple]:
    """The engine's closure of ``triples``, and rule prp-spo2 (property chains), alternated to a fixpoint."""
    add = engine()
    derived = add(triples)  # the engine's own set, not copied: nothing else reads it
    while True:
        added = _apply_chains(chains, derived) - derived
        if not added:
            return derived
        derived = add(list(added))


def _chain_related(schema: Graph, chains: list[tuple[Node, list[Node]]]) -> set[Node]:
    """The chains' properties and those that imply them (sub-, equivalent and inverse properties): a first,
    small round over just their triples finds the chains' conclusions, so the full round usually runs once."""
    related = {step for _, chain in chains for step in chain} | {OWL.sameAs}
    links = [(s, o) for p in (RDFS.subPropertyOf, OWL.equivalentProperty, OWL.inverseOf)
             for s, o in schema.subject_objects(p)]
    while True:
        more = {s for s, o in links if o in related} | {o for s, o in links if s in related and o != s}
        if more <= related:
            return related
        related |= more


def _chains(schema: Graph) -> list[tuple[Node, list[Node]]]:
    """Each property chain axiom's property and steps; a chain of no step (``( )``, a literal, an IRI that is
    no list) implies nothing, as in owlrl and kg.reasoning.schema."""
    chains = [(prop, list(Collection(schema, chain))) for prop, chain in schema.subject_objects(OWL.propertyChainAxiom)]
    return [(prop, steps) for prop, steps in chains if steps]


def _apply_chains(chains: list[tuple[Node, list[Node]]], triples: set[Triple]) -> set[Triple]:
    """Rule prp-spo2: x p1 y1 ... yn-1 pn z gives x p z, for each property chain axiom."""
    if not chains:
        return set()
    wanted = {step for _, chain in chains for step in chain}
    pairs: dict[Node, dict[Node, set[Node]]] = {p: {} for p in wanted}
    for subject, predicate, obj in triples:
        if predicate in pairs:
            pairs[predicate].setdefault(subject, set()).add(obj)
    found: set[Triple] = set()
    for prop, chain in chains:
        reach = {(start, end) for start, ends in pairs[chain[0]].items() for end in ends}
        for step in chain[1:]:
            reach = {(start, nxt) for start, middle in reach for nxt in pairs[step].get(middle, ())}
        found.update((start, prop, end) for start, end in reach)
    return found


_IS_STRING = frozenset({XSD.string})  # a set test compares hashes first, not rdflib's slow __eq__


def plain(triple: Triple) -> Triple:
    """The triple with a simple literal untyped: ``reasonable`` types every one xsd:string, rdflib does not."""
    subject, predicate, obj = triple
    if isinstance(obj, Literal) and obj.datatype in _IS_STRING:
        return subject, predicate, Literal(str(obj))
    return triple

