"""The curated supplement: approved treatments the documents leave out, kept apart with their own citations."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SKOS

from kg.cli import cli
from kg.graph import load_graph
from kg.graph.namespaces import DCTERMS, KG, MND, PROV, SRC
from kg.graph.paths import DATA_FILE, SUPPLEMENT_DIR, SUPPLEMENTARY_DIR

SUPPLEMENT = SRC["supplement-treatments"]
TREATMENTS_FILE = SUPPLEMENTARY_DIR / "treatments.md"


@pytest.fixture(scope="module")
def supplement() -> Graph:
    return load_graph([SUPPLEMENT_DIR])


@pytest.fixture(scope="module")
def treatments_lines() -> list[str]:
    if not TREATMENTS_FILE.is_file():
        pytest.fail(f"curated source not found: {TREATMENTS_FILE}")
    return TREATMENTS_FILE.read_text(encoding="utf-8").splitlines()


def test_every_supplement_quote_occurs_verbatim_in_treatments_md(supplement: Graph,
                                                                 treatments_lines: list[str]) -> None:
    citations = sorted(supplement.subjects(PROV.wasQuotedFrom, SUPPLEMENT), key=str)
    assert len(citations) == 16
    missing = [str(c) for c in citations
               if not any(str(supplement.value(c, MND.quote)) in line for line in treatments_lines)]
    assert missing == []


def test_every_primary_publication_is_named_as_treatments_md_names_it(supplement: Graph,
                                                                       treatments_lines: list[str]) -> None:
    works = {str(w) for w in supplement.objects(None, DCTERMS.bibliographicCitation)}
    assert len(works) == 8
    assert [w for w in sorted(works) if not any(w in line for line in treatments_lines)] == []


def test_supplement_is_its_own_marked_source(supplement: Graph) -> None:
    assert (SUPPLEMENT, RDF.type, MND.SupplementarySource) in supplement
    assert {str(d) for d in supplement.objects(None, PROV.wasQuotedFrom)} == {str(SUPPLEMENT)}
    documents = load_graph([DATA_FILE])
    assert not any(documents.subjects(PROV.wasQuotedFrom, SUPPLEMENT))


def test_drugs_and_their_status_as_treatments_md_states_them(supplement: Graph) -> None:
    status = {str(supplement.value(drug, URIRef(str(MND._NS) + "status"))): str(disease).removeprefix(str(KG))
              for disease, drug in supplement.subject_objects(URIRef(str(MND._NS) + "hasTreatmentApproach"))
              if (drug, RDF.type, URIRef(str(MND._NS) + "Drug")) in supplement}
    assert status == {
        "US FDA approval, December 1995": "ALS", "US FDA approval, May 2017": "ALS",
        "US FDA accelerated approval, April 2023": "ALS",
        "US FDA approval September 2022; withdrawn from the market by its maker in April 2024 after its phase 3 "
        "trial (PHOENIX) failed": "ALS",
        "US FDA approval, December 2016": "SMA", "US FDA approval, May 2019": "SMA",
        "US FDA approval, August 2020": "SMA",
    }


def test_the_withdrawn_drug_carries_its_withdrawal(supplement: Graph) -> None:
    withdrawn = list(supplement.subjects(RDF.type, URIRef(str(MND._NS) + "WithdrawnDrug")))
    assert withdrawn == [KG["sodium-phenylbutyrate-taurursodiol"]]
    claim = next(c for c in supplement.subjects(RDF.object, withdrawn[0])
                 if supplement.value(c, RDF.subject) == KG.ALS)
    quotes = {str(supplement.value(c, MND.quote)) for c in supplement.objects(claim, PROV.wasDerivedFrom)}
    assert any("withdrawn from the market" in q for q in quotes)


def test_no_drug_identifier_is_given(supplement: Graph) -> None:
    assert list(supplement.subject_objects(SKOS.exactMatch)) == list(supplement.subject_objects(SKOS.closeMatch)) == []


def test_one_option_leaves_the_supplement_out() -> None:
    runner = CliRunner()
    question = "What is the primary treatment for Amyotrophic Lateral Sclerosis (ALS)?"
    full = runner.invoke(cli, ["ask", question])
    documents_only = runner.invoke(cli, ["ask", question, "--no-supplement"])
    assert full.exit_code == documents_only.exit_code == 0
    assert "  - drug: riluzole; " in full.output and "withdrawn drug: sodium phenylbutyrate" in full.output
    assert "riluzole" not in documents_only.output and "supplement" not in documents_only.output
    assert "treatment or care: symptom management; from the documents" in documents_only.output
    tsv = runner.invoke(cli, ["query", "treatments", "--no-supplement", "--format", "tsv"]).output
    assert "curated supplement" not in tsv
    # the header and one row per citation of the documents (18 since issue 16: document 004's "Her treatment for
    # ALS focused on managing symptoms and improving quality of life." cites symptom management too)
    assert len(tsv.splitlines()) == 18
