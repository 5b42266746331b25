"""The SHACL shapes of shapes/ validated with pySHACL: structural rules other tools can reuse as they are.

Returns findings and never prints; ``kg check`` reports them beside its SPARQL checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH

from kg.graph import load_graph
from kg.namespaces import KG, SRC

SEVERITY = {SH.Violation: "error", SH.Warning: "warning", SH.Info: "warning"}


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


def validate(data: Graph, directory: Path) -> list[ShapeFinding]:
    """Validate the curated resources of ``data`` (asserted triples) against the shapes of ``directory``, the
    rest of ``data`` (the ontology) mixed in for class lookups; one finding per result."""
    from pyshacl import validate as shacl_validate  # loaded only when shapes are run

    curated, ontology = Graph(), Graph()
    for triple in data:
        (curated if str(triple[0]).startswith((str(KG), str(SRC))) else ontology).add(triple)
    shapes = load_shapes(directory)
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
        findings.append(ShapeFinding(SEVERITY.get(results.value(result, SH.resultSeverity), "error"),
                                     _name(shape), str(results.value(result, SH.resultMessage) or ""), terms))
    return sorted(set(findings), key=lambda f: (f.shape, f.terms, f.message))


def _curated(term: object) -> bool:
    return str(term).startswith((str(KG), str(SRC)))


def _name(shape: object) -> str:
    return str(shape).rsplit("#", 1)[-1]
