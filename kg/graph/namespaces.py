"""Namespaces of the graph, and the names of its two named graphs."""

from __future__ import annotations

import re

from rdflib import Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD, DefinedNamespace, NamespaceManager

BASE = "https://w3id.org/mnd-kg/"


class MND(DefinedNamespace):
    """The ontology terms the code relies on (closed: a typo raises instead of minting an IRI)."""

    _NS = Namespace(BASE + "ontology#")
    _fail = True

    Citation: URIRef
    Claim: URIRef
    SourceDocument: URIRef
    SupplementarySource: URIRef
    Reference: URIRef
    CitedStatement: URIRef
    Disease: URIRef
    QuantityKind: URIRef
    quote: URIRef
    fileName: URIRef
    question: URIRef
    site: URIRef
    citesReference: URIRef
    referenceNumber: URIRef
    listPosition: URIRef


KG = Namespace(BASE + "resource/")
SRC = Namespace(BASE + "source/")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
OBO = Namespace("http://purl.obolibrary.org/obo/")

ASSERTED_GRAPH = URIRef(BASE + "graph/asserted")
INFERRED_GRAPH = URIRef(BASE + "graph/inferred")

PREFIXES: dict[str, str] = {
    "mnd": str(MND._NS),
    "kg": str(KG),
    "src": str(SRC),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "dcterms": str(DCTERMS),
    "obo": str(OBO),
}

# characters RFC 3987 does not allow in an IRI (rdflib accepts some of them with only a warning)
IRI_FORBIDDEN = re.compile(r'[\s<>"{}|^`\\\x00-\x1f\x7f]')

W3C_VOCABULARIES = (str(RDF), str(RDFS), str(OWL), str(XSD))


def namespace_manager() -> NamespaceManager:
    """A namespace manager with exactly the project's prefixes (no rdflib defaults)."""
    from rdflib import Graph

    manager = NamespaceManager(Graph(), bind_namespaces="none")
    for prefix, iri in PREFIXES.items():
        manager.bind(prefix, iri, override=True, replace=True)
    return manager
