"""kg.serve.schedule, the policy of `kg serve` under its worst clients, without a server: the answers it keeps,
the cost it estimates from a query's shape, the history that overrides it, the heavy lane's turns and the limit
per client. Its effect under load is measured by benchmarks/serve_load.py (docs/serve.md), never asserted here.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from rdflib import Graph

from kg.errors import ServiceError
from kg.serve import reading
from kg.serve.engine import MAX_RESTARTS, Engine
from kg.serve.reading import UNCHECKED, Reader, Reading, read
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
PREFIXES = ("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX mnd: <https://w3id.org/mnd-kg/ontology#> "
            "PREFIX kg: <https://w3id.org/mnd-kg/resource/> ")
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
    # a selective part and a broad one: ALS's 103 triples times the graph's (went to the main engine)
    PREFIXES + "SELECT * WHERE { kg:ALS ?p ?o . ?a ?b ?c } ORDER BY ?a ?o",
    "SELECT * WHERE { <urn:s> ?p ?b . ?c <urn:p> ?d } ORDER BY ?b",
    PREFIXES + "SELECT * WHERE { kg:ALS ?p ?o . kg:SMA ?q ?r . kg:PLS ?s ?t } ORDER BY ?o",  # three subjects' triples
    PREFIXES + "SELECT * WHERE { VALUES ?x { 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 "
               "28 29 30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59 60 61 "
               "62 63 64 65 66 67 68 69 70 71 72 73 74 75 76 77 78 79 80 81 82 83 84 85 86 87 88 89 90 91 92 93 94 95 "
               "96 97 98 99 100 } ?a ?b ?c } ORDER BY ?a",  # a hundred rows of VALUES times the graph
)
CHEAP = (  # near misses: joined, bound, selective, or stopping at the first rows
    "SELECT * WHERE { ?a <urn:p> ?b . ?b <urn:p> ?c . ?c ?q ?d } ORDER BY ?a",  # one connected join
    "SELECT * WHERE { ?a <urn:p> ?b . ?c <urn:p> ?d VALUES ?a { <urn:x> <urn:y> } } ORDER BY ?a",
    "SELECT * WHERE { VALUES (?a ?c) { (<urn:x> <urn:y>) } ?a ?p ?b . ?c ?q ?d } ORDER BY ?b",
    "SELECT * WHERE { <urn:s> <urn:p> ?b . ?c <urn:p> ?d } ORDER BY ?b",  # a subject's values of one predicate
    PREFIXES + "SELECT * WHERE { kg:ALS rdfs:label ?n . ?d a mnd:Disease } ORDER BY ?d",
    "SELECT * WHERE { ?a <urn:p> <urn:o> . ?c <urn:q> <urn:o> } ORDER BY ?a",  # two constants each
    "SELECT * WHERE { <urn:s> ?p ?b . <urn:t> ?q ?d } ORDER BY ?b",  # two subjects' triples
    "ASK { ?a ?b ?c . ?d ?e ?f }",
    "ASK { ?a <urn:p> ?b . ?c <urn:p> ?d } LIMIT 1",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 10",  # streamed: Oxigraph stops at the tenth row
    "SELECT * WHERE { ?a <urn:p>+ <urn:o> }",  # a closure from one node
    "SELECT * WHERE { ?a <urn:p> ?b FILTER NOT EXISTS { ?c <urn:p> ?d } MINUS { ?e <urn:p> ?f } }",
    "SELECT ?a ?b ?c WHERE { ?a ?b ?c } ORDER BY ?a ?b ?c",  # one pattern
    "SELECT * WHERE { ?a <urn:p> ?b . ?c <urn:p> ?d",  # no query: the engine refuses it (400), not the schedule
)
GENEROUS = 60.0  # seconds a thread of these tests may wait for another: never reached unless the code is wrong


def lanes_engines() -> tuple[Engine, Engine]:
    unstarted = Engine("oxigraph", Path("/nonexistent"), Path("/nonexistent/log"), 5.0, 100)  # cpu_seconds: 0
    return unstarted, unstarted


def lanes() -> Lanes:
    return Lanes(*lanes_engines(), CountingReader())


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
    assert read(text).heavy


@pytest.mark.parametrize("text", PRODUCTS)
def test_a_large_product_or_a_closure_between_variables_is_heavy_before_it_runs(text: str) -> None:
    assert read(text).heavy


@pytest.mark.parametrize("text", CHEAP)
def test_a_join_a_bound_or_selective_pattern_and_a_query_stopping_early_are_not_heavy_by_shape(text: str) -> None:
    assert not read(text).heavy


@pytest.mark.parametrize(("text", "expected"), [
    ("SELECT * WHERE { ?s ?p }",
     Reading(heavy=False, problem="invalid SPARQL query: line 1, column 18: unexpected '?'")),
    ("INSERT DATA { <urn:s> <urn:p> <urn:o> }", Reading(heavy=False, update=True, problem="SPARQL Update: updates are "
                                                        "not accepted, only queries (the graph is read-only here)")),
    ("SELECT * WHERE { SERVICE <urn:x> { ?s ?p ?o } }", Reading(heavy=False, service=True)),
    ("SELECT * WHERE { \\u0053ERVICE <urn:x> { ?s ?p ?o } }", Reading(heavy=False, service=True)),
    ('SELECT ?s WHERE { BIND ("SERVICE <urn:x>" AS ?s) }', Reading(heavy=False)),
    ("SELECT * WHERE { ?s ?p ?o } # " + "x" * CHECKED_LENGTH, UNCHECKED),
])
def test_one_parse_says_whether_a_text_is_heavy_holds_service_or_where_it_does_not_parse(text: str,
                                                                                        expected: Reading) -> None:
    assert read(text) == expected


class CountingReader(Reader):
    """Reads in this process, and counts the texts it was asked to read."""

    def __init__(self) -> None:
        super().__init__()
        self.texts: list[str] = []

    def read(self, text: str, deadline: float, kept: Callable[[], Reading | None] = lambda: None) -> Reading | None:
        self.texts.append(text)
        return read(text)


def test_a_text_is_parsed_once_and_one_differing_in_comment_lines_only_if_it_does_not_parse() -> None:
    """Parsed once, also on the way to a 400: the parser's line numbers count the comment lines."""
    counting = CountingReader()
    schedule = Lanes(*lanes_engines(), counting)
    deadline = time.monotonic() + GENEROUS
    query, invalid = "SELECT * WHERE {\n ?s ?p ?o }", "SELECT * WHERE {\n ?s ?p }"
    for text in (query, query, query + "\n# request 2", invalid, invalid, "# request 2\n" + invalid):
        assert schedule.reading(text, deadline) == read(text)
    assert counting.texts == [query, invalid, "# request 2\n" + invalid]
    assert read(invalid).problem.endswith("line 2, column 2: unexpected '?'")
    assert read("# request 2\n" + invalid).problem.endswith("line 3, column 2: unexpected '?'")


def test_a_service_pattern_after_a_comment_ending_at_a_carriage_return_gets_a_reading_of_its_own() -> None:
    """SPARQL's comment ends at \\r as at \\n: a text whose key dropped the rest of such a line would share the
    reading of the text without its SERVICE pattern, and reach the network."""
    schedule = lanes()
    deadline = time.monotonic() + GENEROUS
    benign = "SELECT * WHERE {\n ?s ?p ?o }"
    hidden = "SELECT * WHERE {\n# c\r SERVICE <urn:x> { ?a ?b ?c }\n ?s ?p ?o }"
    assert schedule.reading(benign, deadline) == Reading(heavy=False)
    assert schedule.reading(hidden, deadline) == Reading(heavy=False, service=True)


def test_the_reader_parses_in_its_worker_process_and_restarts_it_when_it_dies_or_takes_too_long(
        monkeypatch: pytest.MonkeyPatch) -> None:
    worker = Reader()
    deadline = time.monotonic() + GENEROUS
    try:
        for text in (WORST[0], CHEAP[0], "SELECT * WHERE { ?s ?p }", "SELECT * WHERE { SERVICE <urn:x> {} }"):
            assert worker.read(text, deadline) == read(text)
        assert worker.child is not None
        worker.child.kill()
        assert worker.read(CHEAP[1], deadline) == read(CHEAP[1])
        monkeypatch.setattr(reading, "READ_SECONDS", 0.0)
        assert worker.read(CHEAP[2], deadline) == UNCHECKED
        assert worker.child is None  # killed: a new one reads the next text
        monkeypatch.undo()
        assert worker.read(CHEAP[2], deadline) == read(CHEAP[2])
    finally:
        worker.stop()


def test_a_reading_is_kept_by_the_text_without_its_comment_lines_unless_one_may_be_in_a_long_string() -> None:
    text = "SELECT * WHERE {\n  # a note\n  ?a <urn:p> ?b . ?c <urn:p> ?d } ORDER BY ?a # last"
    assert without_comment_lines(text + "\n# request 2") == "SELECT * WHERE {\n  ?a <urn:p> ?b . ?c <urn:p> ?d } " \
                                                          "ORDER BY ?a # last"
    for long_string in ('SELECT ("""\n# x\n""" AS ?s) {}', "SELECT (\\u0027\\u0027\\u0027\n# x\n''' AS ?s) {}"):
        assert without_comment_lines(long_string) == long_string


def test_a_text_too_long_to_parse_in_time_is_taken_for_heavy_until_its_history_says_otherwise() -> None:
    schedule = lanes()
    text = "SELECT * WHERE { ?s <urn:p> ?o } # " + "x" * CHECKED_LENGTH
    unchecked = schedule.reading(text, time.monotonic())
    assert unchecked == UNCHECKED
    assert schedule.is_known_heavy(text, unchecked)
    schedule.record(text, heavy=False)
    assert not schedule.is_known_heavy(text, unchecked)


def test_no_saved_query_and_no_document_question_is_taken_for_heavy_by_its_shape(asserted: Graph) -> None:
    queries = load_saved_queries(ROOT / "queries")
    texts = {name: query.text for name, query in queries.items()}
    texts |= {f"{name}: {question.text}": query.bind(bind_values(query, question.bindings, asserted))
              for name, query in queries.items() for question in query.questions if question.bindings}
    assert (len(queries), len(texts)) == (29, 40)  # the other questions run their query as it stands
    assert [name for name, text in texts.items() if read(text).heavy] == []


def test_the_cpu_time_history_overrides_the_shape() -> None:
    schedule = lanes()
    cheap, costly = WORST[0], "SELECT * WHERE { ?s <urn:p> ?o }"
    schedule.record(cheap, heavy=False)
    schedule.record(costly, heavy=True)
    assert (schedule.is_known_heavy(cheap, read(cheap)), schedule.is_known_heavy(costly, read(costly))) == (False, True)
    spaced = " SELECT *  WHERE {\n?s <urn:p> ?o }"  # the same query, spaced otherwise
    assert schedule.is_known_heavy(spaced, read(spaced))


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


@pytest.mark.parametrize("in_flight, gives_up", [(1, False), (0, True)])
def test_an_engine_dying_under_its_queries_is_restarted_without_giving_up(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, in_flight: int, gives_up: bool) -> None:
    """A child that dies while a query runs (its --memory reached: an abusive client's work) is restarted however
    often; one that keeps dying with nothing in flight stops the server (ServiceError, exit 3) after
    MAX_RESTARTS in RESTART_WINDOW. Each 'start' here is a child that has already exited."""
    engine = Engine("oxigraph", tmp_path, tmp_path / "log", 5.0, 100)
    (tmp_path / "log").write_text("")

    def start_dead() -> None:
        child = subprocess.Popen(["true"])
        child.wait()
        engine.child = child

    monkeypatch.setattr(engine, "start", start_dead)
    start_dead()
    engine.in_flight = in_flight
    failures = []
    for _death in range(MAX_RESTARTS + 2):
        try:
            engine.revive()
        except ServiceError as error:
            failures.append(error)
            break
    assert bool(failures) == gives_up
