"""How a term is written for people, in every table, report, diff and answer: one renderer."""

from __future__ import annotations

from typing import Literal as Choice

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node


def term_text(term: Node | None, graph: Graph, literals: Choice["text", "turtle"] = "text") -> str:
    """An IRI as a prefixed name where the graph's prefixes give one (else ``<iri>``), a blank node as ``_:id``,
    a literal by its text, or as Turtle with its language or datatype when ``literals="turtle"``."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return graph.namespace_manager.normalizeUri(term)
    if isinstance(term, Literal):
        return str(term) if literals == "text" else term.n3(graph.namespace_manager)
    return term.n3()
