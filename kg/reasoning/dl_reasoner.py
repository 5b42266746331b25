"""An independent OWL 2 DL cross-check: classify the graph with HermiT, run through owlready2."""

from __future__ import annotations

import contextlib
import io
import shutil
import tempfile
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from kg.errors import KgError
from kg.graph.namespaces import MND, W3C_VOCABULARIES

ONTOLOGY_NS = str(MND._NS)
# Where a class IRI used as an individual (punning) is renamed to; see dl_subgraph.
PUN_NS = "https://w3id.org/mnd-kg/dl-check/individual/"

# The OWL 2 datatype map (OWL 2 Structural Specification, section 4): HermiT supports these and only these.
OWL2_DATATYPES = frozenset({
    OWL.real, OWL.rational, RDF.PlainLiteral, RDF.XMLLiteral, RDFS.Literal,
    *(XSD[name] for name in (
        "decimal", "integer", "nonNegativeInteger", "nonPositiveInteger", "positiveInteger", "negativeInteger",
        "long", "int", "short", "byte", "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte",
        "double", "float", "string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN",
        "boolean", "hexBinary", "base64Binary", "anyURI", "dateTime", "dateTimeStamp",
    )),
})


class ReasonerUnavailable(KgError):
    """HermiT cannot run here: owlready2 is not installed or Java is not found."""


class ReasonerFailed(KgError):
    """HermiT ran but stopped with an error instead of an answer."""


@dataclass(frozen=True)
class DLResult:
    """What HermiT concluded: consistency, named-class memberships per individual, unsatisfiable classes."""

    consistent: bool
    memberships: dict[str, frozenset[str]]
    unsatisfiable: tuple[str, ...]


def dl_subgraph(graph: Graph) -> Graph:
    """The part of ``graph`` HermiT is given: everything except what is not OWL 2 DL (see the comments)."""
    claims = set(graph.subjects(RDF.type, MND.Claim))
    classes = {c for c in graph.objects(None, RDF.type) if not str(c).startswith(W3C_VOCABULARIES)}
    classes |= set(graph.subjects(RDF.type, OWL.Class))
    annotations = set(graph.subjects(RDF.type, OWL.AnnotationProperty))
    kept = Graph()
    for subject, predicate, obj in graph:
        # The RDF reification of facts: every triple about a mnd:Claim (its type, rdf:subject, rdf:predicate,
        # rdf:object, prov:wasDerivedFrom). OWL 2 DL forbids rdf:subject/predicate/object as properties (rdf:object
        # would also be an object and a datatype property at once: some claims reify literal facts), and a claim's
        # prov:wasDerivedFrom links would only add individuals that belong to no class the check is about.
        if subject in claims:
            continue
        # mnd:Claim rdfs:subClassOf rdf:Statement: a reserved rdf: IRI cannot be a class in OWL 2 DL.
        if predicate == RDFS.subClassOf and str(obj).startswith(str(RDF)):
            continue
        # Datatypes outside the OWL 2 datatype map (here xsd:gYear and xsd:date): HermiT stops with
        # UnsupportedDatatypeException on mnd:asOfYear rdfs:range xsd:gYear, so such ranges and literals go
        # (mnd:asOfYear's values, and annotations such as dcterms:date, which HermiT would ignore anyway).
        if predicate == RDFS.range and str(obj).startswith(str(XSD)) and obj not in OWL2_DATATYPES:
            continue
        if isinstance(obj, Literal) and obj.datatype is not None and obj.datatype not in OWL2_DATATYPES:
            continue
        # Ill-typed literals ("abc"^^xsd:decimal): owlready2's N-Triples parser stops on them.
        # kg.reasoning.reason reports them (rule dt-not-type); this check is about classes.
        if isinstance(obj, Literal) and obj.ill_typed:
            continue
        # owl:imports: owlready2 would fetch the imported ontologies from the web; the graph given is the whole input.
        if predicate == OWL.imports:
            continue
        # Punning (a class IRI used as an individual, e.g. ... mnd:asCategory mnd:NeurodegenerativeDisease) is
        # OWL 2 DL, but owlready2 0.51 keeps one kind per IRI when it reads HermiT's answer back, and records the
        # class's inferred superclasses as rdf:type triples. The individual is renamed (in PUN_NS): under the
        # direct semantics a punned class and individual are unrelated, so this changes no entailment.
        if predicate in (OWL.sameAs, OWL.differentFrom) or not (
                predicate in annotations or str(predicate).startswith(W3C_VOCABULARIES)):
            subject, obj = _individual(subject, classes), _individual(obj, classes)
        elif predicate == RDF.type and not str(obj).startswith(W3C_VOCABULARIES):
            subject = _individual(subject, classes)
        elif predicate == OWL.hasValue:
            obj = _individual(obj, classes)
        kept.add((subject, predicate, obj))
    return kept


def classify_with_hermit(graph: Graph) -> DLResult:
    """Classify ``graph`` (ontology and data, left unchanged) with HermiT in a fresh owlready2 World."""
    try:
        import owlready2
    except ImportError as error:
        raise ReasonerUnavailable("owlready2 is not installed (pip install owlready2)") from error
    if shutil.which(owlready2.JAVA_EXE) is None:
        raise ReasonerUnavailable(f"Java not found ({owlready2.JAVA_EXE!r} is not on PATH), HermiT needs it")
    world = owlready2.World()
    # owlready2 reports on stdout and stderr; this function prints nothing.
    silenced = io.StringIO()
    try:
        with tempfile.TemporaryDirectory() as folder, \
                contextlib.redirect_stdout(silenced), contextlib.redirect_stderr(silenced):
            path = Path(folder) / "graph.nt"
            dl_subgraph(graph).serialize(path, format="nt", encoding="utf-8")
            with path.open("rb") as file:
                try:
                    world.get_ontology("https://w3id.org/mnd-kg/dl-check").load(fileobj=file, format="ntriples")
                except owlready2.OwlReadyOntologyParsingError as error:
                    raise ReasonerFailed(f"owlready2 cannot read the graph: {error}") from error
            try:
                owlready2.sync_reasoner(world, infer_property_values=False, debug=0)
            except owlready2.OwlReadyInconsistentOntologyError:
                return DLResult(consistent=False, memberships={}, unsatisfiable=())
            except owlready2.OwlReadyJavaError as error:
                raise ReasonerFailed(f"HermiT failed: {_java_message(str(error))}") from error
            except OSError as error:
                raise ReasonerUnavailable(f"cannot run Java: {error}") from error
            return _read_back(world.as_rdflib_graph())
    finally:
        world.close()


def _read_back(closure: Graph) -> DLResult:
    """Memberships and unsatisfiable classes from the asserted triples plus those owlready2 added from HermiT."""
    parents: dict[Node, set[Node]] = {}
    for child, parent in closure.subject_objects(RDFS.subClassOf):
        parents.setdefault(child, set()).add(parent)
    for left, right in closure.subject_objects(OWL.equivalentClass):
        parents.setdefault(left, set()).add(right)
        parents.setdefault(right, set()).add(left)
    types: dict[str, set[Node]] = {}
    for individual, cls in closure.subject_objects(RDF.type):
        if isinstance(individual, URIRef) and (cls == OWL.NamedIndividual or not str(cls).startswith(W3C_VOCABULARIES)):
            iri = str(individual)
            iri = urllib.parse.unquote(iri.removeprefix(PUN_NS)) if iri.startswith(PUN_NS) else iri
            types.setdefault(iri, set()).add(cls)
    memberships = {
        individual: frozenset(str(c) for c in _ancestors(direct, parents) if str(c).startswith(ONTOLOGY_NS))
        for individual, direct in types.items()
    }
    unsatisfiable = sorted(
        str(c) for c in parents
        if isinstance(c, URIRef) and c != OWL.Nothing and OWL.Nothing in _ancestors({c}, parents)
    )
    return DLResult(consistent=True, memberships=memberships, unsatisfiable=tuple(unsatisfiable))


def _individual(node: Node, classes: set[Node]) -> Node:
    """``node`` renamed into PUN_NS if it is a class IRI (so it is used here as an individual)."""
    return URIRef(PUN_NS + urllib.parse.quote(str(node), safe="")) if node in classes else node


def _ancestors(start: Iterable[Node], parents: dict[Node, set[Node]]) -> set[Node]:
    """``start`` and every class reachable from it by rdfs:subClassOf and owl:equivalentClass."""
    seen = set(start)
    todo = list(seen)
    while todo:
        for parent in parents.get(todo.pop(), ()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def _java_message(message: str) -> str:
    """Java's exception message on one line, without owlready2's preamble and the stack trace."""
    lines = [line.strip() for line in message.splitlines() if line.strip()]
    start = next((i for i, line in enumerate(lines) if "Exception" in line), len(lines) - 1)
    end = next((i for i, line in enumerate(lines) if i > start and line.startswith("at ")), len(lines))
    return " ".join(lines[start:end]) or "no message"
