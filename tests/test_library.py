"""`import kg` used as a hostile or careless caller would: every bad argument is a KgError saying what and where,
never an AttributeError from deep inside, and a lone path or value is not read one character at a time."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Variable

import kg
from kg.errors import InputError
from kg.graph.paths import ONTOLOGY_DIR

VERDICT = Variable("verdict")
TINY = "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\n"


def test_a_path_may_be_text_and_a_lone_path_is_one_path(tmp_path: Path) -> None:
    """``kg.load("graph.ttl")`` was an AttributeError ('str' object has no attribute 'is_dir'), and a lone string
    was iterated as one path per character."""
    path = tmp_path / "graph.ttl"
    path.write_text(TINY, encoding="utf-8")
    expected = set(kg.load([path]))
    assert set(kg.load([str(path)])) == set(kg.load(str(path))) == set(kg.load(path)) == expected
    assert kg.export(kg.reason(str(path)), fmt="nt") == kg.export(kg.reason([path]), fmt="nt")


def test_a_lone_text_path_that_does_not_exist_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder") as raised:
        kg.load(str(tmp_path / "absent.ttl"))
    assert raised.value.where == str(tmp_path / "absent.ttl")


def test_a_parameter_given_one_value_as_text_is_that_value() -> None:
    """``{"disease": "ALS"}`` was read as the values 'A', 'L', 'S' ("no entity in the graph is named 'A'")."""
    graph = kg.reason([ONTOLOGY_DIR, ONTOLOGY_DIR.parent / "data" / "triples.ttl"])
    def verdicts(value: str | list[str]) -> set[str]:
        return {str(row[VERDICT]) for row in kg.query("is-demyelinating", {"disease": value}, graph).bindings}

    assert verdicts("ALS") == verdicts(["ALS"]) == {"no"}


@pytest.mark.parametrize("call", [
    lambda: kg.ask(None),  # type: ignore[arg-type]
    lambda: kg.ask(b"Is ALS demyelinating?"),  # type: ignore[arg-type]
    lambda: kg.query(None),  # type: ignore[arg-type]
    lambda: kg.query(42),  # type: ignore[arg-type]
], ids=["ask-none", "ask-bytes", "query-none", "query-int"])
def test_a_question_or_query_that_is_not_text_is_an_input_error(call: object) -> None:
    """They were a TypeError or AttributeError from deep inside ('category() argument must be a unicode
    character, not int')."""
    with pytest.raises(InputError, match="must be text"):
        call()  # type: ignore[operator]


def test_a_graph_nested_too_deeply_for_rdflib_is_an_input_error(tmp_path: Path) -> None:
    """2,000 blank nodes within one another: valid Turtle that Oxigraph reads, but rdflib's recursive parser
    (kg.load, the reference engine) stopped with a RecursionError."""
    path = tmp_path / "deep.ttl"
    path.write_text("<urn:a> <urn:b> " + "[ <urn:c> " * 2000 + "<urn:d>" + " ]" * 2000 + " .\n", encoding="utf-8")
    with pytest.raises(InputError, match="Turtle nested too deeply") as raised:
        kg.load(path)
    assert raised.value.where == str(path)
