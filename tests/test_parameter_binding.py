"""Parameters are bound as RDF terms, never spliced: no value changes a saved query's structure (hypothesis)."""

from __future__ import annotations

import functools
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, Variable

from kg.errors import InputError
from kg.graph.namespaces import IRI_FORBIDDEN
from kg.sparql.resolve import to_term
from kg.sparql.saved import Parameter, SavedQuery

HOSTILE = [
    '"', "'", '"""', "'''", "\\", "\\u0022", "{", "}", "} UNION { ?s ?p ?o }", "# comment", "\n", "\r\n",
    "\u202e", "\u2066", "\x00", "\x07", "\x1b[31m", "<urn:x>", "> . <urn:a> <urn:b> <urn:c", "?disease",
    "$disease", ")", "]", ";", "DROP ALL", "\ufeff", "ALS\u200b", "' } ; DELETE WHERE { ?s ?p ?o } #",
]
hostile_text = st.one_of(
    st.text(),
    st.sampled_from(HOSTILE),
    st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=5)), max_size=8).map("".join),
)
iri_like = st.one_of(
    hostile_text,
    st.builds(lambda path: "https://w3id.org/mnd-kg/resource/" + path, hostile_text),
    st.builds(lambda path: "<urn:" + path + ">", hostile_text),
)
VERY_LONG = "} UNION { ?s ?p ?o } #\n" * 5_000


def shape(node: object) -> object:
    """The query's algebra with the data of its VALUES blocks left out: what a value must never change."""
    if isinstance(node, CompValue):
        return (node.name, tuple((key, shape(value)) for key, value in node.items()
                                 if not (node.name == "values" and key == "res")))
    if isinstance(node, dict):
        return tuple(sorted((str(key), shape(value)) for key, value in node.items()))
    if isinstance(node, list | tuple):
        return tuple(shape(item) for item in node)
    if isinstance(node, set | frozenset):
        return tuple(sorted(str(item) for item in node))
    return node


def values_terms(node: object, name: str) -> Iterator[Node]:
    """The terms the query's VALUES blocks give the variable ``name``."""
    if isinstance(node, CompValue) and node.name == "values":
        for row in node["res"]:
            if Variable(name) in row:
                yield row[Variable(name)]
    if isinstance(node, dict):
        for value in node.values():
            yield from values_terms(value, name)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from values_terms(value, name)


@functools.cache
def template_shape(text: str) -> object:
    return shape(prepareQuery(text).algebra)


@pytest.fixture(scope="module")
def parameterised(saved_queries: dict[str, SavedQuery]) -> list[tuple[SavedQuery, Parameter]]:
    return [(query, parameter) for query in saved_queries.values() for parameter in query.parameters]


# 100 examples, not 200: each costs rdflib a parse of a whole saved query (0.1 s), and a string is escaped the
# same whichever query it is bound into; 100 still draw each of the 28 hostile fragments about 3 times.
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=hostile_text, pick=st.integers(min_value=0))
@example(text=VERY_LONG, pick=0)
@example(text="\\u0022 } UNION { ?s ?p ?o } #", pick=0)
def test_a_string_value_is_one_literal_and_leaves_the_query_unchanged(
        text: str, pick: int, parameterised: list[tuple[SavedQuery, Parameter]]) -> None:
    """Bound exactly, or refused when SPARQL's \\u escapes would change it (rdflib decodes them even after \\\\)."""
    try:
        term = to_term(Parameter("name", "string", "any text", ("x",)), text, Graph(), "test")
    except InputError as error:
        assert "backslash followed by 'u'" in str(error) and ("\\u" in text or "\\U" in text)
        return
    query, parameter = parameterised[pick % len(parameterised)]
    bound = prepareQuery(query.bind({parameter.name: [term]})).algebra
    assert shape(bound) == template_shape(query.text)
    assert list(values_terms(bound, parameter.name)) == [Literal(text)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=iri_like, pick=st.integers(min_value=0))
@example(text="<http://ex.org/a b>", pick=0)
@example(text="https://w3id.org/mnd-kg/resource/ALS> } UNION { ?s ?p ?o", pick=0)
def test_an_iri_value_is_rejected_or_bound_as_one_iri(
        text: str, pick: int, parameterised: list[tuple[SavedQuery, Parameter]]) -> None:
    query, parameter = parameterised[pick % len(parameterised)]
    try:
        term = to_term(parameter, text, Graph(), "test")
    except InputError:
        return
    assert isinstance(term, URIRef) and not IRI_FORBIDDEN.search(term)
    bound = prepareQuery(query.bind({parameter.name: [term]})).algebra
    assert shape(bound) == template_shape(query.text)
    assert list(values_terms(bound, parameter.name)) == [term]


@settings(max_examples=200, deadline=None)
@given(text=hostile_text)
@example(text="12 } UNION {")
@example(text="0\x1f")  # str.strip() drops the control character, int() refuses it
def test_an_integer_parameter_is_a_whole_number_or_rejected(text: str) -> None:
    parameter = Parameter("n", "integer", "a count", ("1",))
    try:
        term = to_term(parameter, text, Graph(), "test")
    except InputError:
        return
    assert isinstance(term, Literal) and term.toPython() == int(text)


def test_the_shape_sees_a_changed_structure(parameterised: list[tuple[SavedQuery, Parameter]]) -> None:
    """The comparison can fail: splicing text into a query (what grlc does) changes its shape."""
    query, parameter = parameterised[0]
    spliced = query.text.replace(" ".join(parameter.default), "<urn:a> } ?s ?p ?o . VALUES ?z { 1", 1)
    assert shape(prepareQuery(spliced).algebra) != shape(prepareQuery(query.text).algebra)


def test_variables_named_in_a_value_stay_text() -> None:
    query = SavedQuery("q", Path("q.rq"), "s", (), (Parameter("x", "string", "d", ("1",)),),
                       "SELECT ?y WHERE { VALUES ?x { 1 } BIND(?x AS ?y) }")
    bound = prepareQuery(query.bind({"x": [Literal("?y")]})).algebra
    assert list(values_terms(bound, "x")) == [Literal("?y")]
