"""Faithfulness: every fact traces to a citation whose quote occurs verbatim in its source document."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from kg.graph.namespaces import KG, MND, PROV, SRC

ONTOLOGY_NS = str(MND._NS)
PROVENANCE_CLASSES = {MND.Citation, MND.Claim, MND.SourceDocument, MND.Reference,
                      URIRef(ONTOLOGY_NS + "Guideline"), URIRef(ONTOLOGY_NS + "ResearchArticle")}
DERIVED_ONLY = {URIRef(ONTOLOGY_NS + name) for name in (
    "MotorNeuronDisease", "NeurodegenerativeDisease", "DemyelinatingDisease", "NonDemyelinatingDisease",
    "MuscularDystrophy", "NeuromuscularDisorder", "GeneticDisease", "PrimaryPathology", "SecondaryPathology",
    "AffectedNeuron", "MotorNeuronDegeneration", "UpperMotorNeuronSign", "LowerMotorNeuronSign")}


def data_subjects(asserted: Graph) -> set[URIRef]:
    """Subjects described by the data (not ontology terms)."""
    return {s for s in asserted.subjects() if isinstance(s, URIRef) and not str(s).startswith(ONTOLOGY_NS)}


def is_fact(asserted: Graph, s: Node, p: Node, o: Node) -> bool:
    """A fact: an ontology object/datatype property between data terms, or a typing to an ontology class."""
    if p == RDF.type:
        if str(s).startswith(ONTOLOGY_NS):
            return False  # declarations of ontology terms are axioms, not claims
        return str(o).startswith(ONTOLOGY_NS) and o not in PROVENANCE_CLASSES and o not in {
            URIRef(ONTOLOGY_NS + c) for c in ("QuantityKind", "Unit", "TimeOrigin", "ClassificationStatus")}
    if not str(p).startswith(ONTOLOGY_NS):
        return False
    return (p, RDF.type, OWL.ObjectProperty) in asserted or (p, RDF.type, OWL.DatatypeProperty) in asserted


def test_every_quote_occurs_verbatim_in_its_source_document(asserted: Graph, seeds: dict[str, str]) -> None:
    missing = []
    citations = list(asserted.subjects(RDF.type, MND.Citation))
    assert len(citations) > 100, "the five documents yield well over a hundred cited sentences"
    for citation in citations:
        document = asserted.value(citation, PROV.wasQuotedFrom)
        if (document, RDF.type, MND.SupplementarySource) in asserted:
            continue  # checked against its own file in test_supplement.py
        quote = str(asserted.value(citation, MND.quote))
        text = seeds[str(asserted.value(document, MND.fileName))]
        if not any(quote in line for line in text.splitlines()):
            missing.append((str(citation), quote))
    assert missing == []


def test_every_document_named_in_the_graph_is_a_seed_file(asserted: Graph, seeds: dict[str, str]) -> None:
    named = {str(asserted.value(document, MND.fileName)) for document in asserted.subjects(MND.fileName, None)
             if (document, RDF.type, MND.SupplementarySource) not in asserted}
    assert named == set(seeds)


def test_each_document_question_is_its_first_line(asserted: Graph, seeds: dict[str, str]) -> None:
    for document in asserted.subjects(RDF.type, MND.SourceDocument):
        first_line = seeds[str(asserted.value(document, MND.fileName))].splitlines()[0].strip()
        if str(asserted.value(document, MND.fileName)).startswith("004"):
            assert str(asserted.value(document, MND.question)) in seeds[str(asserted.value(document, MND.fileName))]
        else:
            assert str(asserted.value(document, MND.question)) == first_line


def test_every_citation_names_its_document_and_only_references_of_that_document(asserted: Graph) -> None:
    for citation in asserted.subjects(RDF.type, MND.Citation):
        documents = list(asserted.objects(citation, PROV.wasQuotedFrom))
        assert len(documents) == 1, citation
        for reference in asserted.objects(citation, MND.citesReference):
            assert (reference, URIRef("http://purl.org/dc/terms/isPartOf"), documents[0]) in asserted, (citation,
                                                                                                        reference)
            assert asserted.value(reference, MND.referenceNumber) is not None, (citation, reference)


def test_every_claim_reifies_one_asserted_triple_and_has_a_citation(asserted: Graph) -> None:
    problems = []
    for claim in asserted.subjects(RDF.type, MND.Claim):
        parts = [list(asserted.objects(claim, p)) for p in (RDF.subject, RDF.predicate, RDF.object)]
        if any(len(values) != 1 for values in parts):
            problems.append((str(claim), "not exactly one subject, predicate and object"))
            continue
        triple = (parts[0][0], parts[1][0], parts[2][0])
        if triple not in asserted:
            problems.append((str(claim), "reifies a triple the graph does not assert"))
        citations = list(asserted.objects(claim, PROV.wasDerivedFrom))
        if not citations or any((c, RDF.type, MND.Citation) not in asserted for c in citations):
            problems.append((str(claim), "has no citation"))
    assert problems == []


def test_every_cited_statement_has_a_citation(asserted: Graph, reasoned) -> None:
    statements = set(reasoned.inferred.subjects(RDF.type, MND.CitedStatement)) | set(
        asserted.subjects(RDF.type, MND.CitedStatement))
    assert statements
    uncited = [s for s in statements if not any(
        (c, RDF.type, MND.Citation) in asserted for c in asserted.objects(s, PROV.wasDerivedFrom))]
    assert uncited == []


def test_no_fact_without_a_citation(asserted: Graph, reasoned) -> None:
    """Every fact is reified by a cited claim, or belongs to a cited n-ary statement it is part of."""
    claimed = {
        (asserted.value(c, RDF.subject), asserted.value(c, RDF.predicate), asserted.value(c, RDF.object))
        for c in asserted.subjects(RDF.type, MND.Claim)
    }
    statements = set(reasoned.inferred.subjects(RDF.type, MND.CitedStatement)) | set(
        asserted.subjects(RDF.type, MND.CitedStatement))
    uncited = []
    for s, p, o in asserted:
        if not isinstance(s, URIRef) or str(s).startswith(str(SRC)):
            continue
        if s in statements or (s, p, o) in claimed or not is_fact(asserted, s, p, o):
            continue
        uncited.append((s.n3(asserted.namespace_manager), p.n3(asserted.namespace_manager),
                        o.n3(asserted.namespace_manager)))
    assert sorted(uncited) == []


def test_no_derived_class_membership_is_asserted_by_hand(asserted: Graph) -> None:
    hand_made = sorted((str(s), str(o)) for s, o in asserted.subject_objects(RDF.type)
                       if o in DERIVED_ONLY and not str(s).startswith(ONTOLOGY_NS))
    assert hand_made == []


def test_figures_are_typed_numbers_with_a_unit(asserted: Graph) -> None:
    figures = list(asserted.subjects(RDF.type, URIRef(ONTOLOGY_NS + "Figure")))
    assert len(figures) >= 12
    for figure in figures:
        assert asserted.value(figure, URIRef(ONTOLOGY_NS + "unit")) is not None, figure
        numbers = [o for p in ("value", "minimumValue", "maximumValue")
                   for o in asserted.objects(figure, URIRef(ONTOLOGY_NS + p))]
        assert numbers, figure
        assert all(isinstance(n, Literal) and n.datatype is not None and not n.ill_typed for n in numbers), figure


def test_every_entity_has_a_label(asserted: Graph) -> None:
    unlabeled = [str(s) for s in data_subjects(asserted)
                 if str(s).startswith(str(KG)) and asserted.value(s, RDFS.label) is None]
    assert unlabeled == []


def test_the_manifest_lists_every_source_file_with_its_hash() -> None:
    """sources/manifest.tsv: each file once, with the SHA-256 of its bytes, and no file left unlisted."""
    import csv
    import hashlib

    from kg.graph.paths import SOURCES_DIR, SOURCES_MANIFEST

    with SOURCES_MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    assert [list(row) for row in rows[:1]] == [["file", "document", "title", "site", "date", "sha256"]]
    listed = {row["file"]: row["sha256"] for row in rows}
    on_disk = {p.relative_to(SOURCES_DIR).as_posix() for p in SOURCES_DIR.rglob("*") if p.is_file()} - {"manifest.tsv"}
    assert set(listed) == on_disk
    for name, digest in listed.items():
        assert hashlib.sha256((SOURCES_DIR / name).read_bytes()).hexdigest() == digest, name


def test_the_manifest_names_each_document_the_graph_cites(asserted: Graph) -> None:
    """Each source document and supplementary source of the graph is a manifest row, under its own file name."""
    import csv

    from kg.graph.paths import SOURCES_MANIFEST

    with SOURCES_MANIFEST.open(encoding="utf-8", newline="") as handle:
        rows = {row["document"]: row["file"] for row in csv.DictReader(handle, delimiter="\t")}
    cited = {str(document): str(name) for document, name in asserted.subject_objects(MND.fileName)}
    assert {document: rows.get(document, "").rsplit("/", 1)[-1] for document in cited} == cited
