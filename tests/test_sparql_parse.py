"""The one SPARQL parser: short errors that say where, updates named as updates, SERVICE and FROM refused."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.sparql.parse import is_update, parse_read_only, query_form


@pytest.mark.parametrize(("text", "message"), [
    ("SELECT ?s WHERE { ?s ?p }", "invalid SPARQL query: line 1, column 19: unexpected '?'"),
    ("SELECT ?s\nWHERE { ?s ?p ?o", "invalid SPARQL query: line 2, column 17: unexpected end of text"),
    ("SELEC ?s WHERE { ?s ?p ?o }", "invalid SPARQL query: line 1, column 1: unexpected 'SELEC'"),
    ("DELETE WHERE { ?s ?p ?o }",
     "SPARQL Update: updates are not accepted, only queries (the graph is read-only here)"),
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }",
     "SERVICE is not allowed: the local engine never reaches the network"),
    ("SELECT * FROM <http://127.0.0.1:9/x.ttl> WHERE { ?s ?p ?o }",
     "FROM and FROM NAMED are not allowed: the local engine never fetches URLs"),
])
def test_a_refused_query_gets_one_line_saying_what_and_where(text: str, message: str) -> None:
    with pytest.raises(InputError) as raised:
        parse_read_only(text, "here")
    assert (raised.value.args[0], raised.value.where) == (message, "here")
    assert "\n" not in raised.value.args[0]


def test_forms_and_updates_are_told_apart() -> None:
    assert [query_form(q, "q") for q in ("ASK {}", "SELECT * {}", "CONSTRUCT WHERE { ?s ?p ?o }",
                                        "DESCRIBE <urn:x>")] == ["AskQuery", "SelectQuery", "ConstructQuery",
                                                                  "DescribeQuery"]
    assert [is_update(t) for t in ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "LOAD <urn:x>",
                                   "SELECT ?insert WHERE { ?insert ?p ?o }")] == [True, True, False]


def test_the_parse_tree_reads_escaped_keywords_and_names_updates() -> None:
    from kg.sparql.parse import UpdateError, expand_escapes, parse_tree, uses_service

    assert expand_escapes("\\u0053ERVICE \\U00000053 \\UFFFFFFFF") == "SERVICE S \\UFFFFFFFF"
    assert uses_service(parse_tree("SELECT * WHERE { \\u0053ERVICE <urn:x> { ?s ?p ?o } }", "q"))
    with pytest.raises(UpdateError):
        parse_tree("CLEAR ALL", "q")
    with pytest.raises(InputError) as raised:
        parse_tree("SELECT * WHERE { ?s ?p }", "q")
    assert raised.value.args[0] == "invalid SPARQL query: line 1, column 18: unexpected '?'"
