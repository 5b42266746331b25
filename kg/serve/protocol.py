"""The SPARQL 1.1 Protocol's conventions around the query itself: the Service Description that a GET without a
query returns (Turtle or JSON-LD, by the Accept header), and the CORS headers that let a query editor on another
origin use the endpoint (the data is public and read-only, so any origin may).

Oxigraph negotiates the results' format (SPARQL JSON, XML, CSV, TSV; Turtle, N-Triples, RDF/XML, JSON-LD);
an Accept header it cannot satisfy gets its 406 line. A client that names none of these formats but takes any
(``*/*``, or no Accept header) gets SPARQL JSON or Turtle, rather than Oxigraph's N-Quads for a graph.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, BNode, Graph, Namespace, URIRef
from werkzeug.datastructures import MIMEAccept
from werkzeug.http import parse_accept_header

from kg.serve.gate import Outcome, refusal

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "N-Triples", "RDF_XML", "JSON-LD")
# the Service Description's media types, the first the default; application/json asks for JSON-LD
DESCRIPTION_TYPES = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/json": "json-ld"}
# the media types of the results formats above, as clients name them (application/json: SPARQL JSON or JSON-LD)
RESULT_TYPES = ("application/sparql-results+json", "application/json", "application/sparql-results+xml",
                "application/xml", "text/csv", "text/tab-separated-values", "text/turtle", "application/n-triples",
                "application/rdf+xml", "application/ld+json", "application/n-quads", "application/trig")
ANY_RESULT = "application/sparql-results+json, text/turtle;q=0.9"
METHODS = "GET, POST, OPTIONS"
CORS_HEADERS = [("Access-Control-Allow-Origin", "*")]
PREFLIGHT_HEADERS = [*CORS_HEADERS, ("Access-Control-Allow-Methods", METHODS),
                     ("Access-Control-Allow-Headers", "Accept, Content-Type, X-Requested-With"),
                     ("Access-Control-Max-Age", "86400")]


def service_description(endpoint: str, named_graphs: Iterable[URIRef]) -> Graph:
    """The SPARQL 1.1 Service Description of the endpoint at ``endpoint``: read-only SPARQL 1.1 Query, its
    result formats, and its default dataset (the union of ``named_graphs`` as default graph, and each of them)."""
    graph = Graph()
    graph.bind("sd", SD)
    graph.bind("formats", FORMATS)
    service, dataset, default = URIRef(endpoint + "#service"), BNode("dataset"), BNode("default")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for name in RESULT_FORMATS:
        graph.add((service, SD.resultFormat, FORMATS[name]))
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    for number, name in enumerate(sorted(named_graphs)):
        named, described = BNode(f"named{number}"), BNode(f"graph{number}")
        graph.add((dataset, SD.namedGraph, named))
        graph.add((named, RDF.type, SD.NamedGraph))
        graph.add((named, SD.name, name))
        graph.add((named, SD.graph, described))
        graph.add((described, RDF.type, SD.Graph))
    return graph


def results_accept(accept: str) -> str:
    """The Accept header to ask the engine with: the client's, or ANY_RESULT when it names no results format
    but takes any."""
    parsed = parse_accept_header(accept, MIMEAccept)
    if any(value in RESULT_TYPES for value, quality in parsed if quality > 0):
        return accept
    return ANY_RESULT if not accept.strip() or parsed.best_match(["text/turtle"]) else accept


def wants_page(accept: str) -> bool:
    """Whether the Accept header prefers HTML to the Service Description's formats: a browser, sent on to the
    query editor."""
    return parse_accept_header(accept, MIMEAccept).best_match([*DESCRIPTION_TYPES, "text/html"]) == "text/html"


def description_outcome(endpoint: str, named_graphs: Iterable[URIRef], accept: str) -> Outcome:
    """The Service Description in the format the Accept header prefers (Turtle when it names none), or 406."""
    media_type = parse_accept_header(accept, MIMEAccept).best_match(DESCRIPTION_TYPES) if accept.strip() \
        else next(iter(DESCRIPTION_TYPES))
    if media_type is None:
        return refusal(406, "the service description is in Turtle (text/turtle) or JSON-LD (application/ld+json)")
    body = service_description(endpoint, named_graphs).serialize(format=DESCRIPTION_TYPES[media_type])
    content_type = "application/ld+json" if DESCRIPTION_TYPES[media_type] == "json-ld" else "text/turtle"
    return Outcome(200, f"{content_type}; charset=utf-8", body.encode())
