"""`kg serve`: a real server on 127.0.0.1, queried over the SPARQL 1.1 Protocol with SPARQLWrapper and plain HTTP.

Read-only and offline: updates, LOAD and SERVICE are refused, FROM only chooses among the store's graphs, and a
listener started by the test proves no query reaches the network. Time and size limits give clear errors.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS
from SPARQLWrapper import CSV, GET, JSON, JSONLD, N3, POST, POSTDIRECTLY, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH, PREFIXES
from kg.sparql.results import solutions
from kg.sparql.run import run_saved_query
from kg.sparql.saved import SavedQuery
from tests.serving import MAX_RESULTS, TIMEOUT, Served, alive, children_of, start_serve, stop_serve
from tests.stores import Listener

PROLOGUE = "".join(f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items())
UPDATE_REFUSED = "SPARQL Update (and LOAD) is not accepted: kg serve is read-only"
SERVICE_REFUSED = "SERVICE is not allowed: kg serve never reaches the network"
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def sparql(served: Served, query: str, method: str = GET) -> dict:
    client = SPARQLWrapper(served.url + "sparql")
    client.setQuery(PROLOGUE + query)
    client.setReturnFormat(JSON)
    client.setMethod(POST if method == POSTDIRECTLY else method)
    if method == POSTDIRECTLY:
        client.setRequestMethod(POSTDIRECTLY)
    client.setTimeout(30)
    result = client.queryAndConvert()
    assert isinstance(result, dict)
    return result


def values(result: dict) -> list[dict[str, str]]:
    return [{name: cell["value"] for name, cell in row.items()} for row in result["results"]["bindings"]]


def http(served: Served, path: str, form: dict[str, str] | None = None, *, body: bytes | None = None,
         content_type: str = "application/x-www-form-urlencoded", method: str | None = None,
         accept: str = "application/sparql-results+json") -> tuple[int, str, bytes]:
    """Status, Content-Type and body of one plain HTTP request (errors included)."""
    data = urllib.parse.urlencode(form).encode() if form is not None else body
    request = urllib.request.Request(served.url + path.lstrip("/"), data=data, method=method,
                                     headers={"Accept": accept, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


def test_default_graph_is_the_union_of_asserted_and_inferred(served: Served, dataset: Dataset) -> None:
    union = set(dataset.graph(ASSERTED_GRAPH)) | set(dataset.graph(INFERRED_GRAPH))
    result = sparql(served, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert values(result) == [{"n": str(len(union))}]


def test_graph_queries_see_each_named_graph(served: Served, dataset: Dataset) -> None:
    result = sparql(served, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    assert values(result) == [{"g": str(ASSERTED_GRAPH), "n": str(len(dataset.graph(ASSERTED_GRAPH)))},
                              {"g": str(INFERRED_GRAPH), "n": str(len(dataset.graph(INFERRED_GRAPH)))}]


def test_from_chooses_a_named_graph_as_the_default_graph(served: Served, dataset: Dataset) -> None:
    result = sparql(served, f"SELECT (COUNT(*) AS ?n) FROM <{ASSERTED_GRAPH}> WHERE {{ ?s ?p ?o }}")
    assert values(result) == [{"n": str(len(dataset.graph(ASSERTED_GRAPH)))}]


@pytest.mark.parametrize(("query", "expected"), [
    ("ASK { kg:ALS a mnd:NonDemyelinatingDisease }", True),
    ("ASK { kg:ALS a mnd:DemyelinatingDisease }", False),
    (f"ASK {{ GRAPH <{INFERRED_GRAPH}> {{ kg:ALS a mnd:NonDemyelinatingDisease }} }}", True),
    (f"ASK {{ GRAPH <{ASSERTED_GRAPH}> {{ kg:ALS a mnd:NonDemyelinatingDisease }} }}", False),
])
def test_ask(served: Served, query: str, expected: bool) -> None:
    assert sparql(served, query) == {"head": {}, "boolean": expected}


@pytest.mark.parametrize("method", [GET, POST, POSTDIRECTLY])
def test_every_protocol_method_gives_the_same_answer(served: Served, method: str) -> None:
    result = sparql(served, "SELECT ?name WHERE { kg:ALS rdfs:label ?name }", method)
    assert values(result) == [{"name": "amyotrophic lateral sclerosis"}]


@pytest.mark.parametrize("name", ["cure", "is-demyelinating", "definition", "genes", "inheritance"])
def test_saved_queries_answer_as_the_embedded_engine(served: Served, dataset: Dataset,
                                                    saved_queries: dict[str, SavedQuery], name: str) -> None:
    query = saved_queries[name]
    local = {tuple(sorted((k, str(v)) for k, v in row.items() if v is not None))
             for row in solutions(run_saved_query(dataset, query, {}))}
    client = SPARQLWrapper(served.url + "query")
    client.setQuery(query.text)
    client.setReturnFormat(JSON)
    remote = {tuple(sorted(row.items())) for row in values(client.queryAndConvert())}  # type: ignore[arg-type]
    assert remote == local
    assert len(local) > 1


@pytest.mark.parametrize(("form", "status", "message"), [
    ({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, 403, UPDATE_REFUSED),
    ({"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}, 403, UPDATE_REFUSED),
    ({"query": "CLEAR ALL"}, 403, UPDATE_REFUSED),
    ({"query": "SELECT * WHERE { SERVICE <urn:x> { ?s ?p ?o } }"}, 403, SERVICE_REFUSED),
    ({"query": "SELECT * WHERE { OPTIONAL { service silent <urn:x> { ?s ?p ?o } } }"}, 403, SERVICE_REFUSED),
    ({"query": "SELECT * WHERE { \\u0053ERVICE <urn:x> { ?s ?p ?o } }"}, 403, SERVICE_REFUSED),
    ({"query": "SELECT * WHERE { \\U00000053ERVICE <urn:x> { ?s ?p ?o } }"}, 403, SERVICE_REFUSED),
    ({"query": "ASK { ?s ?p ?o } # service" + " " * 16384}, 413,
     "a query that mentions SERVICE must be at most 16384 characters long, to be checked"),
    ({}, 400, "give exactly one query (query=...); the query editor is at /editor"),
])
def test_refused_requests_get_a_status_and_one_clear_line(served: Served, form: dict[str, str], status: int,
                                                          message: str) -> None:
    assert http(served, "/query", form) == (status, "text/plain; charset=utf-8", (message + "\n").encode())


@pytest.mark.parametrize(("query", "message"), [
    ("SELECT * WHERE { ?s ?p }", "invalid SPARQL query: line 1, column 18: unexpected '?'"),
    ("PREFIX kg: <https://w3id.org/mnd-kg/resource/>\nSELEC ?x WHERE { ?x ?p ?o }",
     "invalid SPARQL query: line 2, column 1: unexpected 'SELEC'"),
    ("SELECT * WHERE { SERVICE <urn:x> }", "invalid SPARQL query: line 1, column 18: unexpected 'SERVICE'"),
])
def test_a_malformed_query_gets_400_and_one_line_saying_where(served: Served, query: str, message: str) -> None:
    for path in ("/sparql", "/query"):
        assert http(served, path, {"query": query}) == (400, "text/plain; charset=utf-8", (message + "\n").encode())


@pytest.mark.parametrize("query", ["SELEC * WHERE { ?s ?p ?o }", "SELECT * WHERE { ?s ?p }",
                                   "SELECT * WHERE { SERVICE <urn:x> }", 'ASK { ?s ?p "\\UFFFFFFFF service" }',
                                   "INSERT DATA { " + "x" * 500_000])
def test_invalid_query_is_400_with_the_parser_message(served: Served, query: str) -> None:
    status, content_type, body = http(served, "/query", {"query": query})
    assert (status, content_type) == (400, "text/plain; charset=utf-8")
    assert body.startswith(b"invalid SPARQL query: ") and body.count(b"\n") == 1, body


def test_the_word_service_elsewhere_is_no_refusal(served: Served) -> None:
    result = sparql(served, 'SELECT ?service WHERE { BIND ("SERVICE <urn:x>" AS ?service) }')
    assert values(result) == [{"service": "SERVICE <urn:x>"}]


def test_sparql_update_content_type_and_other_paths_are_refused(served: Served) -> None:
    update = b"INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    assert http(served, "/query", body=update, content_type="application/sparql-update")[:2] == (
        403, "text/plain; charset=utf-8")
    assert http(served, "/update", body=update, content_type="application/sparql-update")[0] == 404
    assert http(served, "/store?default", body=b"<urn:a> <urn:b> <urn:c> .", content_type="application/n-triples",
                method="PUT")[0] == 404
    assert http(served, "/query", body=b"x", method="PUT") == (
        405, "text/plain; charset=utf-8", b"the SPARQL endpoint answers GET, POST and OPTIONS\n")
    assert sparql(served, "ASK { <urn:a> <urn:b> <urn:c> }")["boolean"] is False


def test_no_query_reaches_the_network(served: Served) -> None:
    listener = Listener(b"")
    url = listener.url
    try:
        refused = [
            {"query": f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"},
            {"query": f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}"},
            # a comment ends at a carriage return, in SPARQL and Oxigraph (rdflib's parser read on to the line feed)
            {"query": f"SELECT * WHERE {{\n# note\r SERVICE <{url}> {{ ?s ?p ?o }}\n}}"},
            {"query": f"LOAD <{url}>"},
            {"update": f"LOAD <{url}> INTO GRAPH <urn:g>"},
        ]
        for form in refused:
            assert http(served, "/query", form)[0] == 403, form
        empty = [
            {"query": f"SELECT (COUNT(*) AS ?n) FROM <{url}> WHERE {{ ?s ?p ?o }}"},
            {"query": f"SELECT (COUNT(*) AS ?n) FROM NAMED <{url}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"},
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "default-graph-uri": url},
            {"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": url},
        ]
        for form in empty:
            status, _, body = http(served, "/query", form)
            assert (status, values(json.loads(body))) == (200, [{"n": "0"}]), form
        status, _, body = http(served, "/query", {"query": f"DESCRIBE <{url}>"}, accept="application/n-triples")
        assert (status, body) == (200, b"")
        page = http(served, "/?" + urllib.parse.urlencode({"query": f"ASK {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"}),
                    accept="text/html")
        assert page[0] == 200
        assert f"Error 403: {SERVICE_REFUSED}" in page[2].decode()
    finally:
        listener.close()
    assert listener.connections == 0


def test_result_cap(served: Served) -> None:
    message = (f"the result has more than {MAX_RESULTS} rows or triples (--max-results); add a LIMIT\n").encode()
    for accept in ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                   "text/tab-separated-values"):
        assert http(served, "/query", {"query": "SELECT * WHERE { ?s ?p ?o }"}, accept=accept) == (
            422, "text/plain; charset=utf-8", message), accept
    assert http(served, "/query", {"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, accept="text/turtle")[0] == 422
    result = sparql(served, f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_RESULTS}")
    assert len(result["results"]["bindings"]) == MAX_RESULTS
    status, content_type, body = http(served, "/query", {"query": f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_RESULTS}"},
                                      accept="text/csv")
    assert (status, content_type, len(body.decode().splitlines())) == (200, "text/csv; charset=utf-8", MAX_RESULTS + 1)


def test_timeout(served: Served) -> None:
    message = f"the query took longer than {TIMEOUT} s (--timeout) and was cancelled\n".encode()
    assert http(served, "/query", {"query": CROSS_PRODUCT}) == (503, "text/plain; charset=utf-8", message)
    assert sparql(served, "ASK { ?s ?p ?o }")["boolean"] is True  # and the server still answers


ALS_LABEL = "SELECT ?name WHERE { kg:ALS rdfs:label ?name }"
ALS_TRIPLE = "CONSTRUCT { kg:ALS rdfs:label ?name } WHERE { kg:ALS rdfs:label ?name }"
ALS = URIRef("https://w3id.org/mnd-kg/resource/ALS")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")


def client(served: Served, query: str, return_format: str, method: str = GET) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(served.url + "sparql")
    wrapper.setQuery(PROLOGUE + query)
    wrapper.setReturnFormat(return_format)
    wrapper.setMethod(method)
    wrapper.setTimeout(30)
    return wrapper


@pytest.mark.parametrize("method", [GET, POST])
def test_sparql_clients_get_every_results_format_from_sparql(served: Served, method: str) -> None:
    """SPARQLWrapper, asking /sparql for each standard results format, gets it (its own parsers read them)."""
    assert values(client(served, ALS_LABEL, JSON, method).queryAndConvert()) == [  # type: ignore[arg-type]
        {"name": "amyotrophic lateral sclerosis"}]
    document = client(served, ALS_LABEL, XML, method).queryAndConvert()
    literals = [node.firstChild.data for node in document.getElementsByTagName("literal")]  # type: ignore[union-attr]
    assert literals == ["amyotrophic lateral sclerosis"]
    assert client(served, ALS_LABEL, CSV, method).queryAndConvert() == b"name\r\namyotrophic lateral sclerosis\r\n"
    assert client(served, ALS_LABEL, TSV, method).queryAndConvert() == (
        b'?name\n"amyotrophic lateral sclerosis"@en\n')
    ask = client(served, "ASK { kg:ALS a mnd:Disease }", JSON, method).queryAndConvert()
    assert ask == {"head": {}, "boolean": True}


@pytest.mark.parametrize(("return_format", "media_type"), [
    (TURTLE, "text/turtle"), (N3, "text/turtle"), (RDFXML, "application/rdf+xml"), (JSONLD, "application/ld+json")])
def test_construct_comes_in_every_rdf_format(served: Served, return_format: str, media_type: str) -> None:
    response = client(served, ALS_TRIPLE, return_format).query()
    assert response.response.headers["Content-Type"].split(";")[0] == media_type
    graph = Graph().parse(data=response.response.read(), format={
        "text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld"}[media_type])
    assert set(graph) == {(ALS, RDFS.label, Literal("amyotrophic lateral sclerosis", lang="en"))}
    status, content_type, body = http(served, "/sparql", {"query": PROLOGUE + ALS_TRIPLE},
                                      accept="application/n-triples")
    assert (status, content_type) == (200, "application/n-triples")
    assert body == b'<https://w3id.org/mnd-kg/resource/ALS> <http://www.w3.org/2000/01/rdf-schema#label> ' \
                   b'"amyotrophic lateral sclerosis"@en .\n'


@pytest.mark.parametrize("accept", ["*/*", "", "text/html,application/xhtml+xml,*/*;q=0.8"])
def test_a_client_taking_any_format_gets_sparql_json_or_turtle(served: Served, accept: str) -> None:
    status, content_type, body = http(served, "/sparql", {"query": PROLOGUE + ALS_LABEL}, accept=accept)
    assert (status, content_type) == (200, "application/sparql-results+json")
    assert values(json.loads(body)) == [{"name": "amyotrophic lateral sclerosis"}]
    status, content_type, body = http(served, "/sparql", {"query": PROLOGUE + ALS_TRIPLE}, accept=accept)
    assert (status, content_type) == (200, "text/turtle")
    assert set(Graph().parse(data=body, format="turtle")) == {
        (ALS, RDFS.label, Literal("amyotrophic lateral sclerosis", lang="en"))}


def test_an_unknown_results_format_is_406(served: Served) -> None:
    status, content_type, body = http(served, "/sparql", {"query": "ASK {}"}, accept="image/png")
    assert (status, content_type, body.count(b"\n")) == (406, "text/plain; charset=utf-8", 1)


@pytest.mark.parametrize(("accept", "rdf_format", "media_type"), [
    ("text/turtle", "turtle", "text/turtle"), ("application/ld+json", "json-ld", "application/ld+json"),
    ("*/*", "turtle", "text/turtle"), ("", "turtle", "text/turtle")])
def test_a_get_without_query_is_the_service_description(served: Served, accept: str, rdf_format: str,
                                                          media_type: str) -> None:
    status, content_type, body = http(served, "/sparql", accept=accept)
    assert (status, content_type) == (200, f"{media_type}; charset=utf-8")
    description = Graph().parse(data=body, format=rdf_format)
    endpoint = URIRef(served.url + "sparql")
    (service,) = description.subjects(RDF.type, SD.Service)
    assert set(description.objects(service, SD.endpoint)) == {endpoint}
    assert set(description.objects(service, SD.supportedLanguage)) == {SD.SPARQL11Query}
    assert set(description.objects(service, SD.feature)) == {SD.UnionDefaultGraph}
    formats = Namespace("http://www.w3.org/ns/formats/")
    assert set(description.objects(service, SD.resultFormat)) == {formats[name] for name in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
        "N-Triples", "RDF_XML", "JSON-LD")}
    (dataset,) = description.objects(service, SD.defaultDataset)
    assert set(description.objects(dataset, RDF.type)) == {SD.Dataset}
    assert len(set(description.objects(dataset, SD.defaultGraph))) == 1
    named = {description.value(graph, SD.name) for graph in description.objects(dataset, SD.namedGraph)}
    assert named == {ASSERTED_GRAPH, INFERRED_GRAPH}
    assert http(served, "/sparql", accept="image/png") == (
        406, "text/plain; charset=utf-8",
        b"the service description is in Turtle (text/turtle) or JSON-LD (application/ld+json)\n")


def test_a_browser_asking_for_the_endpoint_is_sent_to_the_query_editor(served: Served) -> None:
    browser = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
    request = urllib.request.Request(served.url + "sparql", headers={"Accept": browser})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert (response.url, response.headers["Content-Type"]) == (served.url + "editor", "text/html; charset=utf-8")
        assert b"<title>mnd-kg: SPARQL query editor</title>" in response.read()


def test_cors_lets_an_editor_on_another_origin_query(served: Served) -> None:
    preflight = urllib.request.Request(served.url + "sparql", method="OPTIONS", headers={
        "Origin": "https://editor.example", "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, accept"})
    with urllib.request.urlopen(preflight, timeout=30) as response:
        assert (response.status, response.read()) == (204, b"")
        headers = {name: response.headers[name] for name in (
            "Access-Control-Allow-Origin", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers")}
    assert headers == {"Access-Control-Allow-Origin": "*", "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                       "Access-Control-Allow-Headers": "Accept, Content-Type, X-Requested-With"}
    for form in ({"query": "ASK {}"}, {"query": "SELEC"}, {"update": "CLEAR ALL"}):
        request = urllib.request.Request(served.url + "sparql", data=urllib.parse.urlencode(form).encode(),
                                         headers={"Origin": "https://editor.example"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                origin = response.headers["Access-Control-Allow-Origin"]
        except urllib.error.HTTPError as error:
            origin = error.headers["Access-Control-Allow-Origin"]
        assert origin == "*", form


def test_an_update_is_403_and_the_graph_is_unchanged(served: Served, dataset: Dataset) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = values(sparql(served, count))
    insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    delete = "DELETE WHERE { ?s ?p ?o }"
    refusal = (403, "text/plain; charset=utf-8", (UPDATE_REFUSED + "\n").encode())
    for update in (insert, delete, "CLEAR ALL", "DROP ALL"):
        assert http(served, "/sparql", {"update": update}) == refusal
        assert http(served, "/sparql", body=update.encode(), content_type="application/sparql-update") == refusal
        assert http(served, "/sparql", {"query": update}) == refusal
    after = values(sparql(served, count))
    assert before == after == [{"n": str(len(dataset.graph(ASSERTED_GRAPH)) + len(dataset.graph(INFERRED_GRAPH)))}]
    assert sparql(served, "ASK { <urn:a> <urn:b> <urn:c> }")["boolean"] is False


def test_busy_port_is_one_error_line_and_exit_2() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = subprocess.run([sys.executable, "-m", "kg", "serve", "--port", str(port)],
                              capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", f"Error: port {port} on 127.0.0.1 is already in use (--port)\n")


def test_binds_loopback_by_default(served: Served) -> None:
    done = subprocess.run([sys.executable, "-m", "kg", "serve", "--help"], capture_output=True, text=True, check=True)
    assert "--host TEXT" in done.stdout and "[default: 127.0.0.1]" in done.stdout
    assert served.url.startswith("http://127.0.0.1:")


def test_served_page_is_the_page_rendered_here(served: Served, dataset: Dataset,
                                               saved_queries: dict[str, SavedQuery]) -> None:
    from kg.answers.claim_index import build_index
    from kg.answers.overview import disease_overview
    from kg.serve.front_page import render_page

    status, content_type, body = http(served, "/", accept="text/html")
    assert (status, content_type) == (200, "text/html; charset=utf-8")
    assert body.decode() == render_page(disease_overview(build_index(dataset)), saved_queries.values())


def test_missing_oxigraph_is_one_error_line_and_exit_3(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from kg.cli import cli

    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    monkeypatch.setenv("PATH", str(tmp_path))
    result = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert (result.exit_code, result.output) == (
        3, "Error: the Oxigraph server is not installed (pip install oxigraph) (kg serve)\n")


def test_the_oxigraph_children_die_with_a_killed_server_and_the_next_start_removes_its_folder(
        tmp_path: Path) -> None:
    server = start_serve(tmp_path / "stderr.log")
    engines = engines_of(server.process.pid)
    assert len(engines) == 2  # the main and the heavy lane
    assert len(server.children) == 3  # and the query reader (kg.serve.reading)
    niceness = sorted(int(Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()[16])
                      for child in engines)
    assert niceness == [os.nice(0), min(19, os.nice(0) + 19)]  # the heavy lane yields the CPU
    folders = set()
    for child in engines:
        arguments = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
        folders.add(Path(arguments[arguments.index(b"--location") + 1].decode()).parent)
    (folder,) = folders
    server.process.kill()
    server.process.wait(timeout=30)
    deadline = time.monotonic() + 10
    while any(alive(child) for child in server.children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(child) for child in server.children)
    assert (folder / "store").is_dir()  # SIGKILL leaves the temporary store behind
    again = start_serve(tmp_path / "again.log")
    try:
        assert not folder.exists()
    finally:
        assert stop_serve(again) == 0


MEMORY_HUNGRY = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?a ?c ?f"  # took the engine past 6 GB


@pytest.fixture(scope="module")
def fragile(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A server whose engines may use 384 MiB each and whose queries may run 10 s (the heavy-lane test waits out
    one full timeout)."""
    log = tmp_path_factory.mktemp("fragile") / "stderr.log"
    server = start_serve(log, "--timeout", "10", "--memory", "384")
    yield server
    assert stop_serve(server) == 0, log.read_text()


def test_a_query_that_exhausts_memory_gets_503_and_the_engine_is_restarted(fragile: Served) -> None:
    message = (b"the query stopped the SPARQL server (it may need more than 384 MiB, the --memory of kg serve); "
               b"the server was restarted\n")
    for _ in range(2):  # its shape sends it to the heavy lane, which is restarted each time
        assert http(fragile, "/query", {"query": MEMORY_HUNGRY}) == (503, "text/plain; charset=utf-8", message)
        assert sparql(fragile, "ASK { ?s ?p ?o }")["boolean"] is True


SELECTIVE_TIMES_BROAD = PROLOGUE + "SELECT * WHERE { kg:ALS ?p ?o . kg:SMA ?q ?r . ?a ?b ?c } ORDER BY ?a ?o ?r"


def test_a_sort_over_selective_parts_times_a_broad_one_never_reaches_the_main_engine(fragile: Served) -> None:
    """ALS's triples times SMA's times the graph's (issue 19): one part of variables alone, so the shape of
    broad parts missed it, and on the main engine its sort grew past 384 MiB (--memory) in its first 2 s, and the
    main engine was restarted. Taken for heavy, it costs only the heavy engine: the main engine answers cheap
    queries while it runs, and is the same process after."""
    (main,) = [pid for pid in engines_of(fragile.process.pid)
               if int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[16]) == os.nice(0)]
    hostile: list[int] = []
    sent = threading.Thread(target=lambda: hostile.append(http(fragile, "/query", {"query": SELECTIVE_TIMES_BROAD})[0]))
    sent.start()
    while sent.is_alive():
        assert sparql(fragile, "ASK { kg:ALS a mnd:Disease }")["boolean"] is True
        time.sleep(0.5)
    assert hostile == [503]  # the heavy engine stopped at --memory (restarted), or the query at --timeout
    assert sparql(fragile, "ASK { ?s ?p ?o }")["boolean"] is True
    assert main in engines_of(fragile.process.pid)


def test_heavy_queries_cannot_hold_up_a_cheap_one(fragile: Served) -> None:
    """Eight clients send a query that runs for the full 10 s; meanwhile cheap queries are answered, each
    before any heavy one ends (before, a plain ASK {} waited 9 s behind eight heavy queries). Their shape (a
    product of patterns of variables alone) sends them to the heavy lane, one at a time for this client."""
    heavy: list[tuple[int, float]] = []

    def send_heavy(n: int) -> None:
        status = http(fragile, "/query", {"query": CROSS_PRODUCT + " #" * n})[0]
        heavy.append((status, time.monotonic()))

    threads = [threading.Thread(target=send_heavy, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)  # all eight sent, and the first past its second on the main engine
    cheap = []
    for _ in range(5):
        assert sparql(fragile, "ASK { kg:ALS a mnd:Disease }")["boolean"] is True
        cheap.append(time.monotonic())
    for thread in threads:
        thread.join()
    statuses = sorted(status for status, _ in heavy)
    assert statuses == [503] * 8  # one cancelled at 10 s, seven turned away: one long query at a time per client
    assert max(cheap) < max(moment for _, moment in heavy)


def test_slow_clients_are_disconnected_and_cannot_lock_others_out(fragile: Served) -> None:
    """150 sockets dribbling a request a byte a second (slowloris): the server still answers, and closes them
    once their request has been arriving for 10 s (REQUEST_SECONDS)."""
    port = int(urllib.parse.urlsplit(fragile.url).port or 0)
    slow = [socket.create_connection(("127.0.0.1", port)) for _ in range(150)]
    try:
        for connection in slow:
            connection.sendall(b"GET /query?query=ASK HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        deadline = time.monotonic() + 60
        while any(_open(connection) for connection in slow) and time.monotonic() < deadline:
            assert sparql(fragile, "ASK { ?s ?p ?o }")["boolean"] is True
            for connection in slow:
                with contextlib.suppress(OSError):
                    connection.sendall(b"X")
            time.sleep(1)
        assert not any(_open(connection) for connection in slow)
    finally:
        for connection in slow:
            connection.close()


def _open(connection: socket.socket) -> bool:
    """The server has not closed this connection."""
    connection.setblocking(False)
    try:
        return connection.recv(1024) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False


def engines_of(pid: int) -> list[int]:
    """The Oxigraph children of ``pid`` (not its query reader)."""
    return [child for child in children_of(pid) if b"serve-read-only" in _command_line(child)]


def _command_line(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:  # it has just ended
        return b""


def newest(pids: list[int]) -> int:
    """The process started last (process ids wrap around, so not the highest); one that has just ended is none."""
    started = {}
    for pid in pids:
        try:
            started[pid] = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
        except OSError:
            continue
    return max(started, key=started.__getitem__)


def engine_answers(pid: int) -> bool:
    """Whether the Oxigraph child ``pid`` answers ASK {} on the address its command line binds."""
    try:
        arguments = Path(f"/proc/{pid}/cmdline").read_bytes().decode().split("\0")
        address = arguments[arguments.index("--bind") + 1]
        with urllib.request.urlopen(f"http://{address}/query?query=ASK%7B%7D", timeout=1) as response:
            return bool(response.status == 200)
    except (OSError, ValueError):
        return False


def test_a_server_whose_engine_keeps_dying_exits_with_code_3(tmp_path: Path) -> None:
    log = tmp_path / "stderr.log"
    server = start_serve(log)
    try:
        engines = len(engines_of(server.process.pid))
        for _ in range(6):  # MAX_RESTARTS is 5 in 60 s
            victim = newest(engines_of(server.process.pid))  # the same engine each time
            os.kill(victim, signal.SIGKILL)
            # until its successor answers: killed while starting, it is retried, not counted as a death
            deadline = time.monotonic() + 60
            while server.process.poll() is None and time.monotonic() < deadline:
                now = engines_of(server.process.pid)
                if victim not in now and len(now) == engines and engine_answers(newest(now)):
                    break
                time.sleep(0.1)
            time.sleep(0.5)  # kg serve's own readiness probe sees it too
        assert server.process.wait(timeout=60) == 3
    finally:
        server.process.kill()
    lines = log.read_text().splitlines()
    assert lines[-1].startswith("Error: the Oxigraph server died 6 times in 60 s"), lines
