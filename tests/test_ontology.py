"""The ontology: a documented OWL 2 RL vocabulary whose cross-references are all verified identifiers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.graph import load_graph
from kg.graph.namespaces import MND
from kg.graph.paths import ONTOLOGY_DIR

ONTOLOGY = URIRef("https://w3id.org/mnd-kg/ontology")
REPOSITORY = Path(__file__).resolve().parents[1]
IDENTIFIERS_FILE = Path(__file__).parent / "data" / "identifiers.md"  # a copy of the checked identifiers reference
DCT = "http://purl.org/dc/terms/"
EXTERNAL = re.compile(
    r"^(?:http://purl\.obolibrary\.org/obo/(?P<obo>[A-Za-z]+)_(?P<obo_id>\d+)"
    r"|http://www\.orpha\.net/ORDO/Orphanet_(?P<orpha>\d+)"
    r"|http://identifiers\.org/hgnc/(?P<hgnc>\d+))$")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_graph([ONTOLOGY_DIR])


def test_ontology_header_has_title_description_license_and_version_iri(ontology: Graph) -> None:
    for predicate in ("title", "description", "license"):
        assert ontology.value(ONTOLOGY, URIRef(DCT + predicate)) is not None, predicate
    assert str(ontology.value(ONTOLOGY, OWL.versionIRI)).startswith(str(ONTOLOGY) + "/")


def test_design_card_classes_exist(ontology: Graph) -> None:
    for name in ("Disease", "PrimaryPathology", "AffectedNeuron", "Citation"):
        assert (URIRef(str(MND._NS) + name), RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("kind", [OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty])
def test_every_class_and_property_has_a_label_and_a_definition(ontology: Graph, kind: URIRef) -> None:
    terms = [t for t in ontology.subjects(RDF.type, kind) if isinstance(t, URIRef)]
    assert terms
    undocumented = [str(t) for t in terms
                    if ontology.value(t, RDFS.label) is None or ontology.value(t, SKOS.definition) is None]
    assert undocumented == []


def test_every_cross_reference_is_a_verified_identifier(asserted: Graph) -> None:
    """Each MONDO/DOID/HP/CL/GO/UBERON/Orphanet/HGNC IRI used must be listed in identifiers.md."""
    verified = IDENTIFIERS_FILE.read_text(encoding="utf-8")
    used = {o for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch) for o in asserted.objects(None, p)}
    used |= set(asserted.objects(None, URIRef(DCT + "source")))
    assert len(used) > 60
    unverified = []
    for iri in sorted(str(u) for u in used):
        match = EXTERNAL.match(iri)
        if not match:
            unverified.append(iri)
            continue
        if match["obo"]:
            curie = f"{match['obo']}:{match['obo_id']}"
        elif match["orpha"]:
            curie = f"Orphanet:{match['orpha']}"
        else:
            curie = f"HGNC:{match['hgnc']}"
        if not re.search(re.escape(curie) + r"(?!\d)", verified):
            unverified.append(iri)
    assert unverified == []


def test_no_obsolete_mondo_motor_neuron_disease_term(asserted: Graph) -> None:
    assert not any("MONDO_0005270" in str(o) for o in asserted.objects())


OBO = "http://purl.obolibrary.org/obo/"
ORPHA = "http://www.orpha.net/ORDO/Orphanet_"
HGNC = "http://identifiers.org/hgnc/"
EXACT_MATCHES = {
    "ALS": {OBO + "MONDO_0004976", OBO + "DOID_332", ORPHA + "803"},
    "SMA": {ORPHA + "70"},
    "SMA-type-1": {OBO + "MONDO_0009669", OBO + "DOID_13137", ORPHA + "83330", OBO + "OMIM_253300"},
    "SMA-type-2": {OBO + "MONDO_0009673", OBO + "DOID_0050530", ORPHA + "83418", OBO + "OMIM_253550"},
    "SMA-type-3": {OBO + "MONDO_0009672", OBO + "DOID_12376", ORPHA + "83419", OBO + "OMIM_253400"},
    "SMA-type-4": {OBO + "MONDO_0010056", OBO + "DOID_0050529", ORPHA + "83420", OBO + "OMIM_271150"},
    "MS": {OBO + "MONDO_0005301", OBO + "DOID_2377"},
    "muscular-dystrophy": {OBO + "MONDO_0020121", OBO + "DOID_9884", ORPHA + "98473"},
    "SMN1": {HGNC + "11117"}, "SOD1": {HGNC + "11179"}, "C9orf72": {HGNC + "28337"}, "FUS": {HGNC + "4010"},
    "TARDBP": {HGNC + "11571"}, "DMD": {HGNC + "2928"},
    "spasticity": {OBO + "HP_0001257"}, "fasciculations": {OBO + "HP_0002380"},
}


def test_cross_references_resolve_to_the_right_terms(asserted: Graph) -> None:
    """The identifiers of identifiers.md, entity by entity: a wrong or missing match fails."""
    kg = "https://w3id.org/mnd-kg/resource/"
    found = {name: {str(o) for o in asserted.objects(URIRef(kg + name), SKOS.exactMatch)} for name in EXACT_MATCHES}
    assert found == EXACT_MATCHES
    assert {str(o) for o in asserted.objects(URIRef(kg + "SMA"), SKOS.closeMatch)} == {OBO + "MONDO_0019079"}
    assert {str(o) for o in asserted.objects(URIRef(kg + "motor-neuron"), SKOS.closeMatch)} == {OBO + "CL_0000100"}


def test_ontology_version_is_the_package_version(ontology: Graph) -> None:
    """owl:versionInfo and owl:versionIRI name the release in pyproject.toml; CHANGELOG.md has its section."""
    found = re.search(r'^version = "([^"]+)"$', (REPOSITORY / "pyproject.toml").read_text(encoding="utf-8"), re.M)
    assert found is not None
    version = found[1]
    assert str(ontology.value(ONTOLOGY, OWL.versionInfo)) == version
    assert str(ontology.value(ONTOLOGY, OWL.versionIRI)) == f"{ONTOLOGY}/{version}"
    assert f"## {version}" in (REPOSITORY / "CHANGELOG.md").read_text(encoding="utf-8")
