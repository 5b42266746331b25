"""kg.serve.schedule, the policy of `kg serve` under its worst clients, without a server: the answers it keeps,
the cost it estimates from a query's shape, the history that overrides it, the heavy lane's turns and the limit
per client. Its effect under load is measured by benchmarks/serve_load.py (docs/serve.md), never asserted here.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from rdflib import Graph

from kg.serve.engine import Engine
from kg.serve.schedule import HEAVY_PER_CLIENT, AnswerCache, Hold, Lanes, answer_key
from kg.serve.shape import CHECKED_LENGTH, without_comment_lines
from kg.sparql.run import bind_values
from kg.sparql.saved import load_saved_queries

ROOT = Path(__file__).resolve().parent.parent
WORST = (  # the worst queries found (issue 19): a sort, a count and a result over a cartesian product
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { $x $y $z } }",
)
PREFIXES = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX mnd: <https://w3id.org/mnd-kg/ontology#> "
PRODUCTS = (  # products with constants, which the shape of variables alone missed, and closures between variables
    "SELECT * WHERE { ?a <urn:p> ?b . ?c <urn:p> ?d } ORDER BY ?a",  # reached the memory limit on the main engine
    "SELECT * WHERE { ?a <urn:p> ?b . ?c <urn:p> ?d } ORDER BY ?a LIMIT 5",  # the sort still reads every row
    PREFIXES + "SELECT * WHERE { ?d a mnd:Disease ; rdfs:label ?n . ?e rdfs:label ?m } ORDER BY ?n",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a <urn:p> ?b . { ?c <urn:q> ?d } UNION { ?c <urn:r> ?d } }",
    "SELECT * WHERE { ?a <urn:p> ?b { SELECT ?c ?d WHERE { ?c <urn:p> ?d } } } ORDER BY ?a",
    "SELECT * WHERE { ?a <urn:p> ?b OPTIONAL { ?c <urn:q> ?d } } ORDER BY ?a",
    "SELECT * WHERE { ?a <urn:p>+ ?b }",
    "SELECT * WHERE { ?a <urn:q>/^<urn:p>* ?b } ORDER BY ?a",
    "SELECT * WHERE { ?a <urn:p> ?b . ?c <urn:p> ?d } \u004FRDER BY ?a",  # a keyword spelled with an escape
)
CHEAP = (  # near misses: joined, bound, selective, or stopping at the first rows
    "SELECT * WHERE { ?a <urn:p> ?b . ?b <urn:p> ?c . ?c ?q ?d } ORDER BY ?a",  # one connected join
    "SELECT * WHERE { ?a <urn:p> ?b . ?c <urn:p> ?d VALUES ?a { <urn:x> <urn:y> } } ORDER BY ?a",
    "SELECT * WHERE { VALUES (?a ?c) { (<urn:x> <urn:y>) } ?a ?p ?b . ?c ?q ?d } ORDER BY ?b",
    "SELECT * WHERE { <urn:s> ?p ?b . ?c <urn:p> ?d } ORDER BY ?b",  # a subject's triples are few
    "SELECT * WHERE { ?a <urn:p> <urn:o> . ?c <urn:q> <urn:o> } ORDER BY ?a",  # two constants each
    "ASK { ?a ?b ?c . ?d ?e ?f }",
    "ASK { ?a <urn:p> ?b . ?c <urn:p> ?d } LIMIT 1",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 10",  # streamed: Oxigraph stops at the tenth row
    "SELECT * WHERE { ?a <urn:p>+ <urn:o> }",  # a closure from one node
    "SELECT * WHERE { ?a <urn:p> ?b FILTER NOT EXISTS { ?c <urn:p> ?d } MINUS { ?e <urn:p> ?f } }",
    "SELECT ?a ?b ?c WHERE { ?a ?b ?c } ORDER BY ?a ?b ?c",  # one pattern
    "SELECT * WHERE { ?a <urn:p> ?b . ?c <urn:p> ?d",  # no query: the engine refuses it (400), not the schedule
)
GENEROUS = 60.0  # seconds a thread of these tests may wait for another: never reached unless the code is wrong


def lanes() -> Lanes:
    unstarted = Engine("oxigraph", Path("/nonexistent"), Path("/nonexistent/log"), 5.0, 100)  # cpu_seconds: 0
    return Lanes(unstarted, unstarted)


def test_an_answer_cache_drops_the_least_recently_used_beyond_its_bytes_and_keeps_no_large_entry() -> None:
    cache = AnswerCache(capacity=10, entry_limit=6)
    cache.put("a", (200, "text/csv", b"1234"))
    cache.put("b", (200, "text/csv", b"1234"))
    assert cache.get("a") == (200, "text/csv", b"1234")  # now the most recently used
    cache.put("c", (422, "text/plain", b"1234"))  # 12 bytes: "b" goes
    cache.put("d", (200, "text/csv", b"1234567"))  # over the entry limit: not kept
    assert [cache.get(key) for key in "abcd"] == [(200, "text/csv", b"1234"), None,
                                                  (422, "text/plain", b"1234"), None]
    assert cache.used == 8


@pytest.mark.parametrize("text", [
    "SELECT (RAND() AS ?r) {}", "SELECT (now () AS ?t) {}", "SELECT (UUID() AS ?u) {}",
    "SELECT (STRUUID() AS ?u) {}", "CONSTRUCT { ?s <urn:p> ?b } WHERE { ?s ?p ?o BIND(BNODE() AS ?b) }",
    "SELECT (\\u0052AND() AS ?r) {}"])
def test_an_answer_that_may_differ_from_one_run_to_the_next_is_never_kept(text: str) -> None:
    assert answer_key([("query", text)], "text/csv") is None


def test_answers_are_kept_by_exact_text_dataset_and_accept() -> None:
    text = "SELECT * WHERE { ?s a <urn:C> }"
    keys = {answer_key([("query", text)], "text/csv"), answer_key([("query", text)], "text/csv"),
            answer_key([("query", text)], "application/sparql-results+json"),
            answer_key([("query", text), ("default-graph-uri", "urn:g")], "text/csv"),
            answer_key([("query", text.replace(" a ", "  a "))], "text/csv")}
    assert None not in keys
    assert len(keys) == 4


def test_a_query_sent_while_an_identical_one_runs_gets_its_answer() -> None:
    schedule = lanes()
    answer = (200, "text/csv", b"n\r\n1\r\n")
    got: list[object] = []
    with schedule.kept_answer("k", GENEROUS) as first:
        assert first is None  # this one runs
        with schedule.kept_answer("k", 0) as impatient:
            assert impatient is None  # it would not wait: it runs too, and the first is still the one awaited
        follower = threading.Thread(target=lambda: got.append(schedule.kept_answer("k", GENEROUS).__enter__()))
        follower.start()
        schedule.answers.put("k", answer)
    follower.join(GENEROUS)
    assert got == [answer]
    assert schedule.running == {}


@pytest.mark.parametrize("text", WORST)
def test_a_product_of_patterns_of_variables_alone_is_heavy_before_it_runs(text: str) -> None:
    assert lanes().is_known_heavy(text)


@pytest.mark.parametrize("text", PRODUCTS)
def test_a_product_of_broad_parts_or_a_closure_between_variables_is_heavy_before_it_runs(text: str) -> None:
    assert lanes().is_known_heavy(text)


@pytest.mark.parametrize("text", CHEAP)
def test_a_join_a_bound_or_selective_pattern_and_a_query_stopping_early_are_not_heavy_by_shape(text: str) -> None:
    assert not lanes().is_known_heavy(text)


def test_the_shape_is_kept_by_the_text_without_its_comment_lines_unless_one_may_be_in_a_long_string() -> None:
    text = "SELECT * WHERE {\n  # a note\n  ?a <urn:p> ?b . ?c <urn:p> ?d } ORDER BY ?a # last"
    assert without_comment_lines(text + "\n# request 2") == "SELECT * WHERE {\n  ?a <urn:p> ?b . ?c <urn:p> ?d } " \
                                                          "ORDER BY ?a # last"
    for long_string in ('SELECT ("""\n# x\n""" AS ?s) {}', "SELECT (\\u0027\\u0027\\u0027\n# x\n''' AS ?s) {}"):
        assert without_comment_lines(long_string) == long_string


def test_a_text_too_long_to_parse_in_time_is_taken_for_heavy_until_its_history_says_otherwise() -> None:
    schedule = lanes()
    text = "SELECT * WHERE { ?s <urn:p> ?o } # " + "x" * CHECKED_LENGTH
    assert schedule.is_known_heavy(text)
    schedule.record(text, heavy=False)
    assert not schedule.is_known_heavy(text)


def test_no_saved_query_and_no_document_question_is_taken_for_heavy_by_its_shape(asserted: Graph) -> None:
    schedule = lanes()
    queries = load_saved_queries(ROOT / "queries")
    texts = {name: query.text for name, query in queries.items()}
    texts |= {f"{name}: {question.text}": query.bind(bind_values(query, question.bindings, asserted))
              for name, query in queries.items() for question in query.questions if question.bindings}
    assert (len(queries), len(texts)) == (29, 40)  # the other questions run their query as it stands
    assert [name for name, text in texts.items() if schedule.is_known_heavy(text)] == []


def test_the_cpu_time_history_overrides_the_shape() -> None:
    schedule = lanes()
    cheap, costly = WORST[0], "SELECT * WHERE { ?s <urn:p> ?o }"
    schedule.record(cheap, heavy=False)
    schedule.record(costly, heavy=True)
    assert (schedule.is_known_heavy(cheap), schedule.is_known_heavy(costly)) == (False, True)
    assert schedule.is_known_heavy(" SELECT *  WHERE {\n?s <urn:p> ?o }")  # the same query, spaced otherwise


def test_a_client_has_one_heavy_query_at_a_time_and_another_client_waits_for_the_lane() -> None:
    schedule = lanes()
    with schedule.heavy_slot("10.0.0.1", known_heavy=True, wait=0) as first:
        assert first == Hold(proven=True)
        with schedule.heavy_slot("10.0.0.1", known_heavy=True, wait=0) as second:
            assert second == "client"
        with schedule.heavy_slot("10.0.0.2", known_heavy=True, wait=0) as other:
            assert other == "busy"
    assert HEAVY_PER_CLIENT == 1
    with schedule.heavy_slot("10.0.0.1", known_heavy=True, wait=0) as again:
        assert again == Hold(proven=True)
    assert (schedule.holder, schedule.per_client, schedule.unproven_waiting) == (None, {}, 0)


def test_a_query_not_known_heavy_makes_a_heavy_one_give_way() -> None:
    """A cheap query moved from a busy main engine must not wait behind the worst client's query."""
    schedule = lanes()
    got: list[object] = []
    with schedule.heavy_slot("10.0.0.1", known_heavy=True, wait=0) as heavy:
        assert isinstance(heavy, Hold)
        watch = schedule.heavy_watch(WORST[1], heavy)
        assert watch() is False
        moved = threading.Thread(target=lambda: got.append(
            schedule.heavy_slot("10.0.0.1", known_heavy=False, wait=GENEROUS).__enter__()))
        moved.start()
        with schedule.heavy_lane:
            assert schedule.heavy_lane.wait_for(lambda: heavy.give_way, GENEROUS)
        assert watch() is True  # the heavy query's wait loop cancels it
    moved.join(GENEROUS)
    assert got == [Hold(proven=False)]
