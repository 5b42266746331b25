"""The SHACL shapes of shapes/ validated with pySHACL: structural rules other tools can reuse as they are.

Returns findings and never prints; ``kg check`` reports them beside its SPARQL checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kg.graph import load_graph
from kg.graph.namespaces import KG, SRC

if TYPE_CHECKING:
    from kg.reasoning.engine import ReasonedGraph

SEVERITY: dict[Node | None, str] = {SH.Violation: "error", SH.Warning: "warning", SH.Info: "warning"}
# pySHACL takes about a second on the project's graph (7,000 triples) and minutes at 160,000: above this many
# asserted triples the shapes are not run, and a warning says so.
MAX_TRIPLES = 20_000


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
    """Validate a reasoned graph's asserted triples, or warn that it is too large for pySHACL."""
    if reasoned.triples > MAX_TRIPLES:
        return [ShapeFinding("warning", "shapes", f"SHACL shapes not run: more than {MAX_TRIPLES} asserted triples",
                             (str(reasoned.triples),))]
    return validate(reasoned.asserted, shapes)


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
