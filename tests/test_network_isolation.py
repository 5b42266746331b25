"""No outbound network: nothing the local commands are given makes them connect anywhere.

A listener on 127.0.0.1 (tests/stores.py) counts every connection; queries and graph files name its URL in
every place rdflib could fetch from (SERVICE, FROM, FROM NAMED, LOAD, owl:imports, DESCRIBE, a --graph URL).
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph.paths import ONTOLOGY_DIR
from tests.stores import Listener


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    listening = Listener(b"")
    yield listening
    listening.close()


def hostile_invocations(url: str, tmp_path: Path) -> list[list[str]]:
    imports = tmp_path / "imports.ttl"
    imports.write_text(f"@base <{url}/base/> .\n<> <http://www.w3.org/2002/07/owl#imports> <{url}/ontology.ttl> .\n"
                       f"<a> <http://www.w3.org/2000/01/rdf-schema#seeAlso> <{url}/more.ttl> .\n")
    graph = ["--graph", str(ONTOLOGY_DIR)]
    return [
        ["sparql", f"SELECT * WHERE {{ SERVICE <{url}/sparql> {{ ?s ?p ?o }} }}", *graph],
        ["sparql", f"SELECT * WHERE {{ SERVICE SILENT <{url}/sparql> {{ ?s ?p ?o }} }}", *graph],
        ["sparql", f"SELECT * FROM <{url}/data.ttl> WHERE {{ ?s ?p ?o }}", *graph],
        ["sparql", f"SELECT * FROM NAMED <{url}/data.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}", *graph],
        ["sparql", f"LOAD <{url}/data.ttl>", *graph],
        ["sparql", f"LOAD SILENT <{url}/data.ttl> INTO GRAPH <urn:g>", *graph],
        ["sparql", f"DESCRIBE <{url}/thing>", *graph],
        ["sparql", f"SELECT * WHERE {{ <{url}/thing> ?p ?o }}", *graph],
        ["sparql", f"ASK {{ GRAPH <{url}/graph> {{ ?s ?p ?o }} }}", *graph],
        ["query", "is-demyelinating", "-p", f"disease=<{url}/disease>", *graph],
        ["query", "is-demyelinating", "-p", f"disease={url}/disease", *graph],
        ["sparql", "ASK {}", "--graph", f"{url}/graph.ttl"],
        ["sparql", "SELECT * WHERE { ?s ?p ?o }", *graph, "--graph", str(imports)],
        ["export", "--format", "nt", "--graph", str(imports)],
        ["check", str(imports)],
    ]


def test_nothing_reaches_a_listener_named_in_queries_and_files(listener: Listener, tmp_path: Path) -> None:
    outcomes = []
    for args in hostile_invocations(listener.url, tmp_path):
        result = CliRunner().invoke(cli, args)
        outcomes.append((args[0], result.exit_code))
        assert result.exception is None or isinstance(result.exception, SystemExit), args
    assert listener.connections == 0
    refused = [code for command, code in outcomes[:6]]
    assert refused == [2] * 6


def test_the_listener_counts_a_real_connection(listener: Listener) -> None:
    """The isolation test can fail: a connection to the listener is counted."""
    before = listener.connections
    with socket.create_connection(listener.server.getsockname(), timeout=2):
        pass
    for _ in range(50):
        if listener.connections > before:
            break
        threading.Event().wait(0.05)
    assert listener.connections == before + 1
