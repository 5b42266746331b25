"""The SHACL shapes of shapes/: structural rules other tools can reuse as they are.

Shapes that use only what ``compile_shapes`` reads (the targets, constraints and SPARQL constraints of the
project's shapes) are evaluated here, from queries the graph's engine runs (Oxigraph on the fast path);
pySHACL validates any other shapes graph, and is the reference the tests compare the two with. Returns findings
and never prints; ``kg check`` reports them beside its SPARQL checks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from kg.graph import load_graph
from kg.graph.namespaces import KG, SRC
from kg.sparql.results import solutions
from kg.sparql.saved import internal_query, with_values

if TYPE_CHECKING:
    from kg.reasoning.engine import ReasonedGraph

SEVERITY: dict[Node | None, str] = {SH.Violation: "error", SH.Warning: "warning", SH.Info: "warning"}
# pySHACL took about a second on the project's graph (7,000 triples) and minutes at 160,000: above this many
# asserted triples the shapes are not run, and a warning says so (evaluate is faster, the limit is kept for both).
MAX_TRIPLES = 20_000
# What a node shape and a property shape may say for compile_shapes to evaluate them (sh:datatype: xsd:string)
_NODE_KEYS = frozenset({RDF.type, SH.targetClass, SH.targetSubjectsOf, SH.targetNode, SH.property, SH.sparql,
                        SH.severity})
_PROPERTY_KEYS = frozenset({SH.path, SH.message, SH.severity, SH.minCount, SH.maxCount, SH.nodeKind, SH["class"],
                            SH.datatype, SH.minLength})
_SPARQL_KEYS = frozenset({RDF.type, SH.message, SH.prefixes, SH.select})
_NODE_KINDS = {SH.IRI: (URIRef,), SH.BlankNode: (BNode,), SH.Literal: (Literal,), SH.BlankNodeOrIRI: (BNode, URIRef),
               SH.BlankNodeOrLiteral: (BNode, Literal), SH.IRIOrLiteral: (URIRef, Literal)}


@dataclass(frozen=True)
class ShapeFinding:
    """One SHACL result: severity, the shape's name, its message, the focus node (culprit) and value."""

    severity: str
    shape: str
    message: str
    terms: tuple[str, ...]


def load_shapes(directory: Path) -> Graph:
    """Every Turtle file of ``directory`` as one shapes graph (a syntax error is an InputError)."""
    return load_graph([directory])


def shape_names(shapes: Graph) -> list[str]:
    """The names of the node shapes, as ``kg check`` lists them."""
    return sorted(_name(s) for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef))


def validate_reasoned(reasoned: ReasonedGraph, shapes: Graph) -> list[ShapeFinding]:
    """Validate a reasoned graph's asserted triples (``evaluate`` when the shapes compile, else pySHACL), or warn
    that it is larger than MAX_TRIPLES."""
    if reasoned.triples > MAX_TRIPLES:
        return [ShapeFinding("warning", "shapes", f"SHACL shapes not run: more than {MAX_TRIPLES} asserted triples",
                             (str(reasoned.triples),))]
    compiled = compile_shapes(shapes)
    return evaluate(reasoned, compiled) if compiled is not None else validate(reasoned.asserted, shapes)


def validate(data: Graph, shapes: Graph) -> list[ShapeFinding]:
    """Validate the curated resources of ``data`` (asserted triples) against ``shapes``, the rest of ``data``
    (the ontology) mixed in for class lookups; one finding per result."""
    from pyshacl import validate as shacl_validate  # loaded only when shapes are run

    curated, ontology = Graph(), Graph()
    for triple in data:
        (curated if str(triple[0]).startswith((str(KG), str(SRC))) else ontology).add(triple)
    _, results, _ = shacl_validate(curated, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                   allow_warnings=True)
    assert isinstance(results, Graph)
    findings = []
    for result in results.subjects(RDF.type, SH.ValidationResult):
        focus, value = results.value(result, SH.focusNode), results.value(result, SH.value)
        if not _curated(focus) and not _curated(value):
            continue  # the ontology's own terms, typed with OWL's vocabulary, are mixed in only for lookups
        shape = results.value(result, SH.sourceShape)
        while shape is not None and (None, SH.property, shape) in shapes:  # a property shape: name its node shape
            shape = shapes.value(None, SH.property, shape)
        # a whole-graph rule's focus node is the graph: its culprit is the value
        terms = tuple(str(t) for t in (focus if _curated(focus) else None, results.value(result, SH.resultPath),
                                       value) if t is not None)
        severity = results.value(result, SH.resultSeverity)
        findings.append(ShapeFinding(SEVERITY.get(severity, "error") if isinstance(severity, URIRef) else "error",
                                     _name(shape), str(results.value(result, SH.resultMessage) or ""), terms))
    return sorted(set(findings), key=lambda f: (f.shape, f.terms, f.message))


def _curated(term: object) -> bool:
    return str(term).startswith((str(KG), str(SRC)))


def _name(shape: object) -> str:
    return str(shape).rsplit("#", 1)[-1]


@dataclass(frozen=True)
class PropertyRule:
    """A property shape: its path (an IRI), the constraints it sets, and the message and severity of a result."""

    path: URIRef
    message: str
    severity: str
    min_count: int | None
    max_count: int | None
    node_kind: tuple[type, ...] | None
    cls: URIRef | None
    string: bool
    min_length: int | None


@dataclass(frozen=True)
class SparqlRule:
    """A SHACL-SPARQL constraint: its SELECT, the prefixes it declares, and its message."""

    select: str
    prefixes: tuple[tuple[str, str], ...]
    message: str


@dataclass(frozen=True)
class NodeRule:
    """A node shape: its name, its targets, and its property shapes and SPARQL constraints."""

    name: str
    severity: str
    classes: tuple[URIRef, ...]
    subjects_of: tuple[URIRef, ...]
    nodes: tuple[URIRef, ...]
    properties: tuple[PropertyRule, ...]
    sparql: tuple[SparqlRule, ...]


def compile_shapes(shapes: Graph) -> list[NodeRule] | None:
    """The node shapes as rules this module evaluates, or None when one says more than it reads (then pySHACL
    validates the whole shapes graph)."""
    rules = []
    for shape in sorted(shapes.subjects(RDF.type, SH.NodeShape), key=str):
        rule = _node_rule(shapes, shape) if isinstance(shape, URIRef) else None
        if rule is None:
            return None
        rules.append(rule)
    return rules


def _node_rule(shapes: Graph, shape: URIRef) -> NodeRule | None:
    if set(shapes.predicates(shape)) - _NODE_KEYS or set(shapes.objects(shape, RDF.type)) != {SH.NodeShape}:
        return None
    properties = [_property_rule(shapes, node) for node in shapes.objects(shape, SH.property)]
    sparql = [_sparql_rule(shapes, node) for node in shapes.objects(shape, SH.sparql)]
    severity = _severity(shapes, shape)
    classes, subjects_of, nodes = (_iris(shapes, shape, key)
                                   for key in (SH.targetClass, SH.targetSubjectsOf, SH.targetNode))
    checked = [p for p in properties if p is not None], [c for c in sparql if c is not None]
    if len(checked[0]) < len(properties) or len(checked[1]) < len(sparql) or severity is None \
            or None in (classes, subjects_of, nodes):
        return None
    return NodeRule(_name(shape), severity, classes or (), subjects_of or (), nodes or (), tuple(checked[0]),
                    tuple(checked[1]))


def _iris(shapes: Graph, node: Node, key: URIRef) -> tuple[URIRef, ...] | None:
    """The objects of ``key``, sorted, or None when one is not an IRI."""
    found = sorted(shapes.objects(node, key), key=str)
    return tuple(t for t in found if isinstance(t, URIRef)) if all(isinstance(t, URIRef) for t in found) else None


def _property_rule(shapes: Graph, node: Node) -> PropertyRule | None:
    keys = set(shapes.predicates(node))
    path, message, severity = shapes.value(node, SH.path), _message(shapes, node), _severity(shapes, node)
    counts = [shapes.value(node, key) for key in (SH.minCount, SH.maxCount, SH.minLength)]
    kind, cls, datatype = (shapes.value(node, key) for key in (SH.nodeKind, SH["class"], SH.datatype))
    if keys - _PROPERTY_KEYS or not isinstance(path, URIRef) or message is None or severity is None \
            or any(len(list(shapes.objects(node, key))) > 1 for key in keys - {SH.severity}) \
            or not all(c is None or (isinstance(c, Literal) and isinstance(c.value, int)) for c in counts) \
            or (kind is not None and kind not in _NODE_KINDS) \
            or (cls is not None and not isinstance(cls, URIRef)) \
            or datatype not in (None, XSD.string):
        return None
    minimum, maximum, length = (int(c) if isinstance(c, Literal) else None for c in counts)
    return PropertyRule(path, message, severity, minimum, maximum,
                        _NODE_KINDS[kind] if isinstance(kind, URIRef) else None,
                        cls if isinstance(cls, URIRef) else None, datatype is not None, length)


def _sparql_rule(shapes: Graph, node: Node) -> SparqlRule | None:
    select, message = shapes.value(node, SH.select), _message(shapes, node)
    if set(shapes.predicates(node)) - _SPARQL_KEYS or not isinstance(select, Literal) or message is None \
            or set(shapes.objects(node, RDF.type)) - {SH.SPARQLConstraint}:
        return None
    prefixes = sorted((str(shapes.value(declared, SH.prefix)), str(shapes.value(declared, SH.namespace)))
                      for owner in shapes.objects(node, SH.prefixes) for declared in shapes.objects(owner, SH.declare))
    return SparqlRule(str(select), tuple(prefixes), message)


def _message(shapes: Graph, node: Node) -> str | None:
    """The one sh:message, when it has no {?variable} for a validator to fill in."""
    messages = list(shapes.objects(node, SH.message))
    return str(messages[0]) if len(messages) == 1 and "{" not in str(messages[0]) else None


def _severity(shapes: Graph, node: Node) -> str | None:
    found = list(shapes.objects(node, SH.severity))
    return "error" if not found else SEVERITY.get(found[0]) if len(found) == 1 else None


def evaluate(reasoned: ReasonedGraph, rules: list[NodeRule]) -> list[ShapeFinding]:
    """The findings of ``rules`` on the reasoned graph's asserted triples (the same as pySHACL's): two queries
    read the instances of the classes and the triples of the properties the rules name; the SPARQL
    constraints run over the asserted graph."""
    classes = {c for rule in rules for c in rule.classes} | {p.cls for rule in rules for p in rule.properties if p.cls}
    instances = _pairs(reasoned, "shape-instances", "class", classes)
    properties = {p for rule in rules for p in rule.subjects_of} | {p.path for rule in rules for p in rule.properties}
    values = _pairs(reasoned, "shape-values", "property", properties)
    findings = []
    for rule in rules:
        focus = set(rule.nodes).union(*(instances[c] for c in rule.classes),
                                      *({node for node, _ in values[p]} for p in rule.subjects_of))
        for prop in rule.properties:
            found = defaultdict(list)
            for node, value in values[prop.path]:
                if node in focus:
                    found[node].append(value)
            for node in focus:
                for value, message in _violations(prop, found.get(node, []), instances):
                    findings.append(_finding(prop.severity, rule.name, message, node, prop.path, value))
        for constraint in rule.sparql:
            for node in focus:
                for row in solutions(reasoned.select_asserted(constraint.select, dict(constraint.prefixes),
                                                              {"this": node})):
                    path = row.get("path")
                    findings.append(_finding(rule.severity, rule.name, constraint.message, node,
                                             path if isinstance(path, URIRef) else None, row.get("value") or node))
    return sorted({f for f in findings if f is not None}, key=lambda f: (f.shape, f.terms, f.message))


def _pairs(reasoned: ReasonedGraph, query: str, variable: str, keys: Iterable[Node]) -> dict[Node, set]:
    """Each key's set of nodes (``shape-instances``) or of (node, value) pairs (``shape-values``)."""
    found: dict[Node, set] = defaultdict(set)
    if not keys:
        return found
    text = with_values(internal_query(__file__, query), variable, sorted(keys, key=str))
    for row in solutions(reasoned.select(text)):
        key, node = row[variable], row["node"]
        assert key is not None and node is not None
        found[key].add(node if "value" not in row else (node, row["value"]))
    return found


def _violations(prop: PropertyRule, values: list[Node],
                instances: dict[Node, set]) -> Iterable[tuple[Node | None, str]]:
    """The value (None for a count) and message of each result of one property shape on one focus node."""
    if (prop.min_count is not None and len(values) < prop.min_count) or \
            (prop.max_count is not None and len(values) > prop.max_count):
        yield None, prop.message
    for value in values:
        if (prop.node_kind is not None and not isinstance(value, prop.node_kind)) \
                or (prop.cls is not None and value not in instances[prop.cls]) \
                or (prop.string and not (isinstance(value, Literal) and value.language is None
                                        and value.datatype in (None, XSD.string))) \
                or (prop.min_length is not None and (isinstance(value, BNode) or len(str(value)) < prop.min_length)):
            yield value, prop.message


def _finding(severity: str, shape: str, message: str, focus: Node, path: Node | None,
             value: Node | None) -> ShapeFinding | None:
    """A result as ``validate`` reports it: None when neither its focus node nor its value is curated."""
    if not _curated(focus) and not _curated(value):
        return None
    terms = tuple(str(t) for t in (focus if _curated(focus) else None, path, value) if t is not None)
    return ShapeFinding(severity, shape, message, terms)
