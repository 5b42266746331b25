"""Turning a parameter's text (IRI, prefixed name, label or synonym) into an RDF term."""

from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS, XSD
from rdflib.term import Node

from kg.errors import InputError
from kg.graph.namespaces import IRI_FORBIDDEN, PREFIXES
from kg.sparql.saved import Parameter, internal_query

_CODEPOINT_ESCAPE = re.compile(r"\\[uU]")
_PREFIXED = re.compile(r"^([a-z][a-z0-9]*):([^\s]+)$")
_INTEGER = re.compile(r"^[+-]?\d{1,18}$")
_LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
LABELS = internal_query(__file__, "labels")  # a CONSTRUCT of the _LABELS triples, for engines to run


def to_term(parameter: Parameter, value: str, graph: Graph, where: str) -> Node:
    """The RDF term for one parameter value, validated for the parameter's type."""
    if parameter.type == "iri":
        return resolve_entity(value, graph, where)
    if parameter.type == "integer":
        number = value.strip(" \t\r\n")  # not str.strip(): it also drops control characters int() refuses
        if not _INTEGER.fullmatch(number):
            raise InputError(f"parameter {parameter.name!r} needs a whole number, got {value!r}", where)
        return Literal(int(number), datatype=XSD.integer)
    if _CODEPOINT_ESCAPE.search(value):
        raise InputError(f"parameter {parameter.name!r} cannot hold a backslash followed by 'u' or 'U': SPARQL "
                         "engines read it as a \\u escape and would change the value", where)
    return Literal(value)


def resolve_entity(text: str, graph: Graph, where: str) -> URIRef:
    """An IRI (``<...>`` or ``http(s)://...``), a prefixed name (``kg:ALS``) or a label/synonym in the graph."""
    value = text.strip()
    iri = _written_iri(value)
    return _by_label(value, graph, where) if iri is None else _checked_iri(iri, text, where)


def is_label(text: str) -> bool:
    """The text names an entity by label or synonym (so resolving it needs the graph), not by IRI."""
    return _written_iri(text.strip()) is None


def _written_iri(value: str) -> str | None:
    if value.startswith("<") and value.endswith(">"):
        return value[1:-1]
    if value.startswith(("http://", "https://")):
        return value
    match = _PREFIXED.match(value)
    return PREFIXES[match.group(1)] + match.group(2) if match and match.group(1) in PREFIXES else None


def _checked_iri(iri: str, text: str, where: str) -> URIRef:
    if not iri or IRI_FORBIDDEN.search(iri) or not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", iri):
        raise InputError(f"not a valid IRI: {text!r}", where)
    return URIRef(iri)


def _by_label(label: str, graph: Graph, where: str) -> URIRef:
    wanted = label.casefold()
    matches = sorted(
        {subject for predicate in _LABELS for subject, name in graph.subject_objects(predicate)
         if isinstance(subject, URIRef) and str(name).casefold() == wanted}
    )
    if not matches:
        raise InputError(f"no entity in the graph is named {label!r} (give an IRI, a prefixed name or a label)",
                         where)
    if len(matches) > 1:
        names = ", ".join(graph.namespace_manager.normalizeUri(m) for m in matches)
        raise InputError(f"{label!r} names several entities: {names}", where)
    return matches[0]
