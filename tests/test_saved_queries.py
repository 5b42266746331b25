"""Saved query files: valid SPARQL 1.1, a well-formed #+ header, declared parameters used, all documented."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.cli import cli
from kg.errors import InputError
from kg.graph.paths import QUERIES_DIR, ROOT
from kg.sparql.saved import SavedQuery, parse_saved_query

QUERY_FILES = sorted(QUERIES_DIR.glob("*.rq"))


@pytest.mark.parametrize("path", QUERY_FILES, ids=lambda p: p.stem)
def test_query_file_parses_with_summary_questions_and_used_parameters(path: Path) -> None:
    query = parse_saved_query(path)
    assert query.summary and query.questions
    body = "\n".join(line for line in query.text.splitlines() if not line.startswith("#"))
    for parameter in query.parameters:
        assert f"?{parameter.name}" in body.split("WHERE", 1)[1]
        assert parameter.default, parameter.name
    assert re.search(r"^ORDER BY ", body, re.M), "an ORDER BY makes the answer's row order deterministic"
    assert re.search(r"^PREFIX mnd:", body, re.M), "queries declare their prefixes so they run on any store"


def test_every_saved_query_and_command_is_documented_in_the_readme(saved_queries: dict[str, SavedQuery]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert [name for name in saved_queries if f"`{name}`" not in readme] == []
    assert [name for name in cli.commands if f"| `kg {name}" not in readme] == []


def test_bind_replaces_only_the_values_block(saved_queries: dict[str, SavedQuery]) -> None:
    query = saved_queries["is-demyelinating"]
    bound = query.bind({"disease": [URIRef("https://w3id.org/mnd-kg/resource/MS")]})
    assert "VALUES ?disease { <https://w3id.org/mnd-kg/resource/MS> }" in bound
    assert bound.replace("VALUES ?disease { <https://w3id.org/mnd-kg/resource/MS> }",
                         "VALUES ?disease { kg:ALS kg:SMA }") == query.text


@pytest.mark.parametrize(("header_and_body", "message"), [
    ("SELECT * WHERE { ?s ?p ?o } ORDER BY ?s", "no '#+' header"),
    ("#+ summary: [unclosed\nSELECT * WHERE { ?s ?p ?o }", "malformed '#+' header"),
    ("#+ questions: ['Q?']\nSELECT * WHERE { ?s ?p ?o }", "no 'summary'"),
    ("#+ summary: s\nSELECT * WHERE { ?s ?p ?o }", "lists no 'questions'"),
    ("#+ summary: s\n#+ questions: ['Q?']\n#+ colour: red\nSELECT * WHERE { ?s ?p ?o }", "unknown header key"),
    ("#+ summary: s\n#+ questions: ['Q?']\n#+ params: {d: {type: iri, description: x, default: [a:b]}}\n"
     "SELECT * WHERE { ?s ?p ?o }", "needs exactly one 'VALUES ?d"),
    ("#+ summary: s\n#+ questions: ['Q?']\n#+ params: {d: {type: iri, description: x, default: [a:b]}}\n"
     "SELECT * WHERE { VALUES ?d { a:c } ?s ?p ?o }", "differs from its VALUES block"),
    ("#+ summary: s\n#+ questions: ['Q?']\n#+ params: {d: {type: colour, description: x, default: [a:b]}}\n"
     "SELECT * WHERE { VALUES ?d { a:b } }", "has type 'colour'"),
    ("#+ summary: s\n#+ questions: ['Q?']\nSELECT * WHERE { VALUES ?x { 1 } }",
     "VALUES ?x is not a declared parameter"),
    ("#+ summary: s\n#+ questions: ['Q?']\nSELECT * WHERE { ?s ?p }", "invalid SPARQL"),
    ("#+ summary: s\n#+ questions: [{text: 'Q?', bind: {nope: [a:b]}}]\nSELECT * WHERE { ?s ?p ?o }",
     "binds unknown parameter"),
])
def test_malformed_saved_query_is_rejected(tmp_path: Path, header_and_body: str, message: str) -> None:
    path = tmp_path / "broken.rq"
    path.write_text(header_and_body)
    with pytest.raises(InputError, match=re.escape(message)) as caught:
        parse_saved_query(path)
    assert str(path) in str(caught.value)


def test_query_file_name_must_be_a_plain_name(tmp_path: Path) -> None:
    path = tmp_path / "Bad Name.rq"
    path.write_text("#+ summary: s\n#+ questions: ['Q?']\nSELECT * WHERE { ?s ?p ?o }")
    with pytest.raises(InputError, match="lower-case words"):
        parse_saved_query(path)
