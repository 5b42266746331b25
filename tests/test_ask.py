"""kg ask: reworded questions get the documents' answer; questions outside the graph are declined."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from rdflib import Dataset, URIRef

from kg.answers.answer import Answer, answer_question
from kg.answers.ask import Linker, entity_linker, find_mentions
from kg.cli import cli
from kg.sparql.saved import SavedQuery

KG = "https://w3id.org/mnd-kg/resource/"


@pytest.fixture(scope="module")
def linker(dataset: Dataset) -> Linker:
    return entity_linker(dataset)


def ask(question: str, dataset: Dataset, saved_queries: dict[str, SavedQuery], linker: Linker) -> Answer:
    return answer_question(question, dataset, saved_queries, linker)


REWORDED = [
    # (question, saved query, bound entities, {entity: verdict} where the question is yes/no)
    ("Is ALS demyelinating?", "is-demyelinating", ["ALS"], {"kg:ALS": "no"}),
    ("Is SMA a demyelinating disease?", "is-demyelinating", ["SMA"], {"kg:SMA": "no"}),
    ("Is multiple sclerosis demyelinating?", "is-demyelinating", ["MS"], {"kg:MS": "yes"}),
    ("Is Guillain-Barré syndrome demyelinating?", "is-demyelinating", ["GBS"], {"kg:GBS": "yes"}),
    ("Is SMA type 1 demyelinating?", "is-demyelinating", ["SMA-type-1"], {"kg:SMA-type-1": "no"}),
    ("Is demyelinating polyneuropathy demyelinating?", "is-demyelinating", ["demyelinating-polyneuropathy"],
     {"kg:demyelinating-polyneuropathy": "unknown"}),
    ("Does ALS damage myelin or axons?", "primary-pathology", ["ALS"], {}),
    ("Is ALS a muscular dystrophy?", "is-muscular-dystrophy", ["ALS"], {"kg:ALS": "no"}),
    ("Is SMA a form of muscular dystrophy?", "is-muscular-dystrophy", ["SMA"], {"kg:SMA": "no"}),
    # document 002: ALS "has traditionally been classified within neuromuscular disorders, but accumulating
    # evidence shows extensive central nervous system involvement" (issue 16: no flat "yes" from MONDO)
    ("Is ALS a neuromuscular disease?", "is-neuromuscular", ["ALS"], {"kg:ALS": "traditionally"}),
    ("Is ALS genetic?", "inheritance", ["ALS"], {}),
    ("Is SMA inherited?", "inheritance", ["SMA"], {}),
    ("Can ALS be cured?", "cure", ["ALS"], {"kg:ALS": "no"}),
    ("How is SMA treated?", "has-treatment", ["SMA"], {"kg:SMA": "yes"}),
    ("How do doctors diagnose ALS?", "diagnosis", ["ALS"], {}),
    ("How is muscular dystrophy diagnosed?", "diagnosis", ["muscular-dystrophy"], {}),
    ("What are the signs of SMA?", "clinical-features", ["SMA"], {}),
    ("How long do people with ALS live?", "survival", ["ALS"], {}),
    ("What is the difference between ALS and SMA?", "comparison-chart", ["ALS", "SMA"], {}),
    ("Which genes cause ALS?", "genes", ["ALS"], {}),
    ("Does ALS hurt?", "is-painless", ["ALS"], {"kg:ALS": "no"}),
    ("Does SMA affect thinking?", "cognitive-involvement", ["SMA"], {"kg:SMA": "no"}),
    ("Who gets ALS?", "risk-groups", ["ALS"], {}),
    ("Are there types of SMA?", "subtypes", ["SMA"], {"kg:SMA": "yes"}),
    ("Can SMA be found before birth?", "prenatal-detection", ["SMA"], {"kg:SMA": "yes"}),
    ("What is spinal muscular atrophy?", "definition", ["SMA"], {}),
    ("What MRI findings are seen in ALS?", "imaging", ["ALS"], {}),
    ("How fast does ALS progress?", "progression", ["ALS"], {"kg:ALS": "yes"}),
    ("What causes ALS?", "cause", ["ALS"], {}),
    ("Which neurons does SMA affect?", "affected-neurons", ["SMA"], {}),
    ("Which diseases are demyelinating?", "demyelinating-diseases", [], {}),
    # synonyms from the Orphanet packets (data/triples.ttl names the files)
    ("Is Lou Gehrig's disease demyelinating?", "is-demyelinating", ["ALS"], {"kg:ALS": "no"}),
    ("Is Lou Gehrig disease a form of muscular dystrophy?", "is-muscular-dystrophy", ["ALS"], {"kg:ALS": "no"}),
    ("Is Werdnig-Hoffmann disease demyelinating?", "is-demyelinating", ["SMA-type-1"], {"kg:SMA-type-1": "no"}),
    ("Is Kugelberg-Welander disease demyelinating?", "is-demyelinating", ["SMA-type-3"], {"kg:SMA-type-3": "no"}),
    ("Is Devic disease demyelinating?", "is-demyelinating", ["NMOSD"], {"kg:NMOSD": "yes"}),
]

SYNONYMS = {
    "Lou Gehrig disease": "ALS", "Charcot disease": "ALS", "Werdnig-Hoffmann disease": "SMA-type-1",
    "SMA1": "SMA-type-1", "infantile spinal muscular atrophy": "SMA-type-1", "SMA type II": "SMA-type-2",
    "Kugelberg-Welander disease": "SMA-type-3", "SMA-III": "SMA-type-3", "spinal muscular atrophy, adult form":
    "SMA-type-4", "proximal spinal muscular atrophy": "SMA", "Devic disease": "NMOSD",
    "acute demyelinating encephalomyelitis": "ADEM", "Guillain-Barré-Strohl syndrome": "GBS",
}


def test_every_verified_synonym_names_its_disease(linker: Linker) -> None:
    assert {name: linker.lexicon[name.casefold()] for name in SYNONYMS} == {
        name: URIRef(KG + entity) for name, entity in SYNONYMS.items()}


def test_possessive_form_of_a_synonym_is_found(linker: Linker) -> None:
    for question in ("Is Lou Gehrig's disease inherited?", "Is Lou Gehrig\u2019s disease inherited?"):
        assert [(m.text, str(m.entity)) for m in find_mentions(question, linker.lexicon)] == [
            (question[3:23], KG + "ALS")]


@pytest.mark.parametrize(("question", "query", "entities", "verdicts"), REWORDED, ids=[q for q, *_ in REWORDED])
def test_reworded_question_gets_the_documents_answer(dataset: Dataset, saved_queries: dict[str, SavedQuery],
                                                     linker: Linker, question: str, query: str,
                                                     entities: list[str], verdicts: dict[str, str]) -> None:
    answer = ask(question, dataset, saved_queries, linker)
    assert (answer.status, answer.query) == ("answered", query)
    bound = [value for values in answer.bindings.values() for value in values]
    if entities:
        assert bound == [KG + e for e in entities]
    assert {v["entity"]: v["verdict"] for v in answer.verdicts if "verdict" in v} == verdicts
    assert all(f.citations or f.text.startswith(("derived", "imported")) for f in answer.facts)
    assert answer.facts or set(verdicts.values()) == {"unknown"}


def test_every_document_question_asked_verbatim_answers_with_its_query(
        dataset: Dataset, saved_queries: dict[str, SavedQuery], linker: Linker) -> None:
    from tests.test_answers import DOCUMENT_QUESTIONS
    owner = {q.text: name for name, query in saved_queries.items() for q in query.questions}
    wrong = [(q, ask(q, dataset, saved_queries, linker).query, owner[q]) for q in DOCUMENT_QUESTIONS
             if ask(q, dataset, saved_queries, linker).query != owner[q]]
    assert wrong == []


@pytest.mark.parametrize("question", ["What is the capital of France?", "What is the weather tomorrow?",
                                      "Who won the football match?"])
def test_question_outside_the_graph_is_declined_with_suggestions(
        dataset: Dataset, saved_queries: dict[str, SavedQuery], linker: Linker, question: str) -> None:
    answer = ask(question, dataset, saved_queries, linker)
    assert answer.status == "declined"
    assert answer.facts == [] and answer.verdicts == []
    assert len(answer.suggestions) == 3


def test_unknown_disease_is_named_as_unknown(dataset: Dataset, saved_queries: dict[str, SavedQuery],
                                             linker: Linker) -> None:
    answer = ask("Is Parkinson's disease demyelinating?", dataset, saved_queries, linker)
    assert (answer.status, answer.unknown) == ("unknown-entity", ["Parkinson's disease"])
    assert answer.verdicts == []


def test_derived_fact_says_why(dataset: Dataset, saved_queries: dict[str, SavedQuery], linker: Linker) -> None:
    answer = ask("Is ALS demyelinating?", dataset, saved_queries, linker)
    derived = [f for f in answer.facts if f.text.startswith("derived")]
    assert [f.why for f in derived] == [
        "because amyotrophic lateral sclerosis has primary pathology progressive degeneration and death of motor "
        "neurons and their axons (ALS); progressive degeneration and death of motor neurons and their axons (ALS) "
        "is a neuronal degeneration"]


def test_ask_command_text_json_and_query_are_stable() -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["ask", "Can ALS be cured?"])
    assert text.exit_code == 0
    assert text.output.splitlines()[:3] == ["Q: Can ALS be cured?", "amyotrophic lateral sclerosis: No",
                                            "  - cure status: no known cure [1][2][3][4]"]
    assert "References:\n  [1] Difference Wiki" in text.output
    assert text.output == runner.invoke(cli, ["ask", "Can ALS be cured?"]).output
    document = json.loads(runner.invoke(cli, ["ask", "Can ALS be cured?", "--json"]).output)
    assert (document["status"], document["query"], document["bindings"]) == (
        "answered", "cure", {"disease": [KG + "ALS"]})
    assert document["verdicts"][0]["verdict"] == "no"
    assert document["citations"][0]["quote"] == ("There is no known cure for ALS, and treatments are focused on "
                                                 "managing symptoms and prolonging survival.")
    shown = runner.invoke(cli, ["ask", "Can ALS be cured?", "--show-query"]).output
    assert shown.startswith("#+ summary:") and f"VALUES ?disease {{ <{KG}ALS> }}" in shown
