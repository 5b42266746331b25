"""Remote faults give one clear line, exit code 3, within a bounded time, and kg load never loses the store's
previous content: refused connections, stalls, garbage, 5xx, resets and wrong credentials from real sockets on
127.0.0.1, a real Oxigraph killed with SIGKILL in the middle of a load, and loads the server rejects."""

from __future__ import annotations

import json
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from rdflib import Dataset

from kg.cli import cli
from kg.errors import RemoteError
from kg.graph.namespaces import ASSERTED_GRAPH
from kg.sparql.results import solutions
from kg.stores.load import Target, _chunks, load, targets_of
from kg.stores.remote import Remote, _json_in_steps, query_endpoint, update_endpoint
from tests.stores import Listener, Server, free_port, http_reply, start_oxigraph

KEPT = "https://example.org/kg-test/kept"


def kg(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def assert_remote_failure(result: Result, *fragments: str) -> str:
    assert result.exit_code == 3, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for fragment in fragments:
        assert fragment in lines[0], lines[0]
    assert "Traceback" not in result.output
    return lines[0]


@pytest.fixture
def listener(request: pytest.FixtureRequest) -> Iterator[Listener]:
    server = Listener(request.param)
    yield server
    server.close()


def count(server: Server, graph: str) -> int:
    reply = query_endpoint(server.query, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                           Remote(server.user, server.password))
    return int(str(solutions(reply)[0]["n"]))


def graphs_named(server: Server, prefix: str) -> list[str]:
    reply = query_endpoint(server.query, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
                           f"FILTER(STRSTARTS(STR(?g), '{prefix}')) }}", Remote(server.user, server.password))
    return sorted(str(row["g"]) for row in solutions(reply))


def test_refused_connection_is_retried_then_reported() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    started = time.monotonic()
    result = kg("sparql", "ASK {}", "--endpoint", url, "--retries", "2")
    assert_remote_failure(result, "connection refused", "after 3 attempts", url)
    assert time.monotonic() - started < 5


def test_an_ipv6_endpoint_is_named_with_its_brackets() -> None:
    url = f"http://[::1]:{free_port()}/sparql"
    result = kg("sparql", "ASK {}", "--endpoint", url, "--retries", "0")
    assert result.exit_code == 3
    assert result.output == f"Error: connection refused: no server is listening there ({url})\n"


def test_unknown_host() -> None:
    """``.invalid`` never resolves (RFC 2606), so this needs no network."""
    result = kg("sparql", "ASK {}", "--endpoint", "http://kg-test.invalid/sparql", "--retries", "0")
    assert_remote_failure(result, "unknown host", "kg-test.invalid")


@pytest.mark.parametrize("listener", [None], indirect=True)
def test_stalled_server_times_out(listener: Listener) -> None:
    started = time.monotonic()
    result = kg("sparql", "ASK {}", "--endpoint", listener.url, "--timeout", "1")
    assert_remote_failure(result, "no answer within 1 s (see --timeout)", listener.url)
    assert time.monotonic() - started < 5
    assert listener.connections == 1  # a timeout is not retried: the server may be busy with the request


@pytest.mark.parametrize("listener", [http_reply("200 OK", "text/html", b"<html><b>Welcome</b> to nginx</html>")],
                         indirect=True)
def test_reply_that_is_not_sparql_results(listener: Listener) -> None:
    result = kg("sparql", "SELECT * WHERE { ?s ?p ?o }", "--endpoint", listener.url)
    assert_remote_failure(result, "the reply is not SPARQL results (text/html): Welcome to nginx")


MAYBE = b'{"head": {}, "boolean": "maybe"}'
TRUE = b'{"head": {}, "boolean": true}'
NO_ROWS = b'{"head": {"vars": ["x"]}, "results": {"bindings": []}}'


@pytest.mark.parametrize(("listener", "query", "body"), [
    (http_reply("200 OK", "application/sparql-results+json", MAYBE), "ASK {}", MAYBE),
    (http_reply("200 OK", "application/sparql-results+json", MAYBE), "SELECT * WHERE { ?s ?p ?o }", MAYBE),
    (http_reply("200 OK", "application/sparql-results+json", TRUE), "SELECT * WHERE { ?s ?p ?o }", TRUE),
    (http_reply("200 OK", "application/sparql-results+json", NO_ROWS), "ASK {}", NO_ROWS),
], indirect=["listener"], ids=["maybe-for-ask", "maybe-for-select", "boolean-for-select", "rows-for-ask"])
def test_a_reply_of_another_form_or_a_boolean_that_is_none_is_refused(listener: Listener, query: str,
                                                                       body: bytes) -> None:
    """'"boolean": "maybe"' was printed as 'true' (rdflib reads any non-empty string as true), for an ASK and for a
    SELECT alike; a reply of the other form was printed as if it answered this query."""
    result = kg("sparql", query, "--endpoint", listener.url, "--retries", "0")
    assert_remote_failure(result, "the reply is not SPARQL results of ", body.decode())


@pytest.mark.parametrize("listener", [http_reply("503 Service Unavailable", "text/plain", b"overloaded")],
                         indirect=True)
def test_503_is_retried_a_bounded_number_of_times(listener: Listener) -> None:
    result = kg("sparql", "ASK {}", "--endpoint", listener.url, "--retries", "2")
    assert_remote_failure(result, "HTTP 503", "overloaded", "after 3 attempts")
    assert listener.connections == 3


@pytest.mark.parametrize("listener", [http_reply("500 Internal Server Error", "text/html",
                                                 b"<h1>Error</h1><p>SR186: no permission</p>")], indirect=True)
def test_500_is_reported_with_the_server_message_and_not_retried(listener: Listener) -> None:
    result = kg("sparql", "ASK {}", "--endpoint", listener.url)
    assert_remote_failure(result, "HTTP 500", "Error SR186: no permission")
    assert listener.connections == 1


@pytest.mark.parametrize("listener", [b""], indirect=True)
def test_connection_closed_without_answer(listener: Listener) -> None:
    result = kg("sparql", "ASK {}", "--endpoint", listener.url, "--retries", "1")
    assert_remote_failure(result, "the server closed the connection before answering", "after 2 attempts")
    assert listener.connections == 2


@pytest.mark.parametrize("listener", [b""], indirect=True)
def test_update_is_not_retried_once_it_may_have_arrived(listener: Listener) -> None:
    with pytest.raises(RemoteError, match="closed the connection before answering") as caught:
        update_endpoint(listener.url, "CLEAR ALL", Remote(retries=3))
    assert "attempts" not in str(caught.value)
    assert listener.connections == 1


def test_unknown_path_on_a_real_server(oxigraph_server: Server) -> None:
    url = oxigraph_server.query.replace("/query", "/nothing")
    assert_remote_failure(kg("sparql", "ASK {}", "--endpoint", url), "HTTP 404")


def test_wrong_credentials(virtuoso_server: Server) -> None:
    for result in (
        kg("load", "--store", virtuoso_server.store, "--update", virtuoso_server.update, "--part", "inferred",
           "--graph", KEPT, "--user", "dba", "--password", "wrong"),
        kg("sparql", "ASK {}", "--endpoint", virtuoso_server.update, "--user", "dba", "--password", "wrong"),
    ):
        assert_remote_failure(result, "HTTP 401: the server refused the credentials")


def test_bad_urls_and_options_are_input_errors() -> None:
    assert kg("load").exit_code == 2
    assert kg("load", "--store", "ftp://example.org/store").exit_code == 2
    assert kg("sparql", "ASK {}", "--endpoint", "localhost:7878").exit_code == 2
    assert kg("query", "cure", "--endpoint", "http://127.0.0.1:1/q", "--graph", "data").exit_code == 2


def test_insert_chunks_keep_blank_nodes_together() -> None:
    lines = [f"<urn:s{i}> <urn:p> _:b{i // 3} ." for i in range(300)] + ["_:b7 <urn:q> _:b90 ."]
    pieces = list(_chunks(("\n".join(sorted(lines)) + "\n").encode(), 400))
    assert sorted(line for piece in pieces for line in piece.splitlines()) == sorted(lines)
    for label in ("_:b7 ", "_:b90 "):
        assert sum(label in piece for piece in pieces) == 1
    assert max(len(piece) for piece in pieces) < 400 + 4 * 40 + 40


@pytest.mark.parametrize("server_name", ["oxigraph", "virtuoso"])
def test_load_the_server_rejects_leaves_the_old_graph(request: pytest.FixtureRequest, dataset: Dataset,
                                                       server_name: str) -> None:
    """The staging upload fails on the server (its data does not parse there): the target keeps its triples
    and the staging graph is dropped."""
    server: Server = request.getfixturevalue(f"{server_name}_server")
    remote = Remote(server.user, server.password)
    old = targets_of(dataset, "asserted", KEPT)
    load(old, server.store, server.update, remote)
    broken = Target(KEPT, old[0].ntriples + b"<urn:s> <urn:p> \"unterminated .\n")
    for store in (server.store, None):
        with pytest.raises(RemoteError, match="the store's previous content is unchanged"):
            load([broken], store, server.update, remote)
        assert count(server, KEPT) == len(dataset.graph(ASSERTED_GRAPH))
        assert graphs_named(server, "urn:kg-load:") == []


def test_oxigraph_runs_an_update_request_in_one_transaction(oxigraph_server: Server) -> None:
    """Why kg load's swap is all or nothing on Oxigraph: a failing second MOVE undoes the first."""
    swap_is_atomic(oxigraph_server, expected_target="old")


def test_virtuoso_commits_each_operation_of_an_update_request(virtuoso_server: Server) -> None:
    """Why the README says the swap of two graphs is two steps on Virtuoso: the first MOVE stays done."""
    swap_is_atomic(virtuoso_server, expected_target="new")


def swap_is_atomic(server: Server, expected_target: str) -> None:
    remote = Remote(server.user, server.password)
    update_endpoint(server.update, "DROP SILENT GRAPH <urn:kg-test:t> ; DROP SILENT GRAPH <urn:kg-test:s> ; "
                    "INSERT DATA { GRAPH <urn:kg-test:t> { <urn:a> <urn:p> 'old' } "
                    "GRAPH <urn:kg-test:s> { <urn:a> <urn:p> 'new' } }", remote)
    with pytest.raises(RemoteError):
        update_endpoint(server.update, "MOVE GRAPH <urn:kg-test:s> TO GRAPH <urn:kg-test:t> ; "
                        "CREATE GRAPH <urn:kg-test:t>", remote)
    reply = query_endpoint(server.query, "SELECT ?o WHERE { GRAPH <urn:kg-test:t> { <urn:a> <urn:p> ?o } }", remote)
    assert [str(row["o"]) for row in solutions(reply)] == [expected_target]


def big_graph(triples: int) -> bytes:
    return b"".join(b'<urn:kg-test:s%d> <urn:kg-test:p%d> "value %d" .\n' % (i, i % 50, i) for i in range(triples))


def test_sigkill_in_the_middle_of_a_load_leaves_the_old_graph(tmp_path: Path, dataset: Dataset) -> None:
    """A real Oxigraph is killed one second into the staging upload of 600,000 triples (which takes several);
    restarted on the same data folder, it still holds the previous load of the graph, whole."""
    folder = tmp_path / "db"
    server = start_oxigraph(folder)
    try:
        remote = Remote(retries=0, timeout=120)
        load(targets_of(dataset, "asserted", KEPT), server.store, server.update, remote)
        big = [Target(KEPT, big_graph(600_000))]
        failures: list[BaseException] = []

        def big_load() -> None:
            try:
                load(big, server.store, server.update, remote)
            except RemoteError as error:
                failures.append(error)

        loader = threading.Thread(target=big_load)
        loader.start()
        time.sleep(1.0)
        server.stop(signal.SIGKILL)
        loader.join(timeout=120)
        assert len(failures) == 1, "the server was killed only after the load had finished"
        assert "the server closed the connection before answering" in str(failures[0])
        assert "the store's previous content is unchanged" in str(failures[0])
    finally:
        server.stop(signal.SIGKILL)
    restarted = start_oxigraph(folder)
    try:
        assert count(restarted, KEPT) == len(dataset.graph(ASSERTED_GRAPH))
        assert "urn:kg-test:s1" not in {str(row["s"]) for row in solutions(query_endpoint(
            restarted.query, f"SELECT DISTINCT ?s WHERE {{ GRAPH <{KEPT}> {{ ?s ?p ?o }} }}", Remote()))}
    finally:
        restarted.stop()


@pytest.mark.parametrize(("server_name", "left"), [("oxigraph", "urn:kg-test:old"), ("virtuoso", "urn:kg-test:new")])
def test_a_graph_store_put_alone_is_as_safe_as_the_store_makes_it(request: pytest.FixtureRequest, server_name: str,
                                                                  left: str) -> None:
    """Why kg load stages: without --update it is one PUT per graph, and a PUT that fails on the server kept
    the old graph on Oxigraph but left the part that parsed, in place of the old graph, on Virtuoso."""
    server: Server = request.getfixturevalue(f"{server_name}_server")
    remote = Remote(server.user, server.password)
    graph = "urn:kg-test:put"
    load([Target(graph, b"".join(b"<urn:kg-test:old> <urn:p> %d .\n" % i for i in range(5000)))],
         server.store, None, remote)
    broken = b"".join(b"<urn:kg-test:new> <urn:p> %d .\n" % i for i in range(5000)) + b'<urn:s> <urn:p> "bad .\n'
    with pytest.raises(RemoteError, match="HTTP"):
        load([Target(graph, broken)], server.store, None, remote)
    reply = query_endpoint(server.query, f"SELECT DISTINCT ?s WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}", remote)
    assert [str(row["s"]) for row in solutions(reply)] == [left]
    assert count(server, graph) == 5000


@pytest.mark.parametrize("text", [
    '{"head": {"vars": ["s"]}, "results": {"bindings": [{"s": {"type": "uri", "value": "urn:a"}}, {}]}}',
    ' { "boolean" : true } ', '{}', '[]', '"x"', '[[[[1, {"a": [2, {"b": null}]}]]]]', '{"a": 1, "a": 2}',
    '{"k": "\\u00e9 \\" , ] }"}'])
def test_replies_read_in_steps_are_what_json_reads(text: str) -> None:
    """Replies are read part by part so the request's deadline can end the reading (json.loads of 56 MiB held
    the interpreter's lock for seconds: a 1 s --timeout ended after 8 s); the parts make what json reads."""
    assert _json_in_steps(text) == json.loads(text)


@pytest.mark.parametrize("text", ["", "[1,2,]", '{"a": 1,}', '{"a" 1}', "{1: 2}", "[1 2]", '{"a": 1} x', "[", "{"])
def test_malformed_replies_read_in_steps_are_refused_as_json_refuses_them(text: str) -> None:
    with pytest.raises(ValueError):
        json.loads(text)
    with pytest.raises(ValueError):
        _json_in_steps(text)
