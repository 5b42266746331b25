"""kg.serve.schedule, the policy of `kg serve` under its worst clients, without a server: the answers it keeps,
the cost it estimates from a query's shape, the history that overrides it, the heavy lane's turns and the limit
per client. Its effect under load is measured by benchmarks/serve_load.py (docs/serve.md), never asserted here.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from kg.serve.engine import Engine
from kg.serve.schedule import HEAVY_PER_CLIENT, AnswerCache, Hold, Lanes, answer_key

ROOT = Path(__file__).resolve().parent.parent
WORST = (  # the worst queries found (issue 19): a sort, a count and a result over a cartesian product
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f",
    "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "SELECT * WHERE { ?s ?p ?o OPTIONAL { $x $y $z } }",
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


def test_no_saved_query_is_taken_for_heavy_by_its_shape() -> None:
    schedule = lanes()
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted((ROOT / "queries").glob("*.rq"))}
    assert len(texts) >= 29
    assert [name for name, text in texts.items() if schedule.is_known_heavy(text)] == []
    assert not schedule.is_known_heavy("SELECT ?a ?b ?c WHERE { ?a ?b ?c } ORDER BY ?a ?b ?c")  # one pattern


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
