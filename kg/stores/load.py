"""Loading the graph into a remote triple store so that a failure midway leaves its previous content intact.

Three ways, by what the store offers:

- Graph Store and Update endpoints (``--store`` and ``--update``): each part is PUT into a fresh staging graph,
  then one SPARQL Update request moves every staging graph onto its target. Stores that run an update request
  in one transaction (Oxigraph, Virtuoso) swap all targets at once or not at all.
- Update endpoint only: the staging graphs are filled with ``INSERT`` requests of bounded size, then swapped
  the same way.
- Graph Store endpoint only: one PUT per target graph. Whether a failed PUT keeps the old graph is up to the
  store (Oxigraph clears the graph first, then loads, so it does not).

The staging graphs of a failed load are dropped where the store can still be reached.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from rdflib import Dataset

from kg.errors import RemoteError
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from kg.stores.export import serialize
from kg.stores.remote import Remote, gsp_put, update_endpoint

PART_GRAPHS = {"asserted": [ASSERTED_GRAPH], "inferred": [INFERRED_GRAPH], "all": [ASSERTED_GRAPH, INFERRED_GRAPH]}
INSERT_CHUNK_BYTES = 128 * 1024  # Oxigraph refuses update bodies over 1 MiB; URL encoding can triple the size
N_TRIPLES = "application/n-triples"
TURTLE = "text/turtle"


@dataclass(frozen=True)
class Target:
    """One graph to replace in the store, and its content as sorted N-Triples."""

    graph: str
    ntriples: bytes

    @property
    def triples(self) -> int:
        return self.ntriples.count(b"\n")


@dataclass(frozen=True)
class LoadReport:
    targets: tuple[Target, ...]
    method: str
    seconds: float


def targets_of(dataset: Dataset, part: str, graph: str | None) -> list[Target]:
    """The part in the named graph ``graph``, or, without it, asserted and inferred each in its own graph."""
    if graph is not None:
        return [Target(graph, serialize(dataset, part, "nt"))]
    return [Target(str(name), serialize(dataset, name_part, "nt"))
            for name_part in (["asserted", "inferred"] if part == "all" else [part])
            for name in PART_GRAPHS[name_part]]


def load(targets: Sequence[Target], store: str | None, update: str | None, remote: Remote) -> LoadReport:
    """Replace each target graph in the store; raise RemoteError, with the old content intact, on failure."""
    started = time.perf_counter()
    if update is None:
        assert store is not None
        for target in targets:
            gsp_put(store, target.graph, target.ntriples, TURTLE, remote)
        return LoadReport(tuple(targets), "Graph Store PUT", time.perf_counter() - started)
    staging = {target.graph: f"urn:kg-load:staging:{uuid.uuid4().hex}" for target in targets}
    try:
        for target in targets:
            if store is not None:
                gsp_put(store, staging[target.graph], target.ntriples, TURTLE, remote)
            else:
                for chunk in _chunks(target.ntriples, INSERT_CHUNK_BYTES):
                    update_endpoint(update, insert_request(staging[target.graph], chunk), remote)
        update_endpoint(update, swap_request(targets, staging), remote)
    except RemoteError as error:
        _drop_quietly(update, staging.values(), remote)
        raise RemoteError(f"{error.what}; the store's previous content is unchanged", error.where) from error
    method = ("Graph Store PUT into staging graphs" if store else "INSERT into staging graphs") + \
        ", then one MOVE request"
    return LoadReport(tuple(targets), method, time.perf_counter() - started)


def insert_request(graph: str, ntriples: str) -> str:
    """Add N-Triples lines to ``graph``. ``INSERT ... WHERE {}`` rather than ``INSERT DATA``, since Virtuoso
    refuses blank nodes in ``INSERT DATA``."""
    return f"INSERT {{ GRAPH <{graph}> {{\n{ntriples}}} }} WHERE {{}}"


def swap_request(targets: Sequence[Target], staging: dict[str, str]) -> str:
    """One update request that replaces every target by its staging graph (an empty part just clears it)."""
    operations = [
        f"MOVE GRAPH <{staging[t.graph]}> TO GRAPH <{t.graph}>" if t.triples else f"DROP SILENT GRAPH <{t.graph}>"
        for t in targets
    ]
    return " ;\n".join(operations)


def _chunks(ntriples: bytes, limit: int) -> Iterator[str]:
    """N-Triples lines in pieces of about ``limit`` bytes; lines sharing a blank node stay in one piece,
    since each update request has its own blank nodes."""
    groups: dict[str, list[str]] = {}
    parent: dict[str, str] = {}

    def find(label: str) -> str:
        while parent.setdefault(label, label) != label:
            label = parent[label]
        return label

    lines = ntriples.decode("utf-8").splitlines()
    for line in lines:
        labels = _blank_labels(line)
        for other in labels[1:]:
            parent[find(other)] = find(labels[0])
    for line in lines:
        labels = _blank_labels(line)
        key = find(labels[0]) if labels else line
        groups.setdefault(key, []).append(line)
    piece: list[str] = []
    size = 0
    for group in groups.values():
        text = "".join(line + "\n" for line in group)
        if piece and size + len(text) > limit:
            yield "".join(piece)
            piece, size = [], 0
        piece.append(text)
        size += len(text)
    if piece:
        yield "".join(piece)


def _blank_labels(line: str) -> list[str]:
    """The blank node labels of an N-Triples line (subject and object positions only)."""
    parts = line.split(" ", 1)
    labels = [parts[0]] if parts[0].startswith("_:") else []
    tail = line.rstrip(" .")
    if tail.endswith(">") or tail.endswith('"'):
        return labels
    last = tail.rsplit(" ", 1)[-1]
    return [*labels, last] if last.startswith("_:") else labels


def _drop_quietly(update: str, graphs: Iterable[str], remote: Remote) -> None:
    request = " ;\n".join(f"DROP SILENT GRAPH <{graph}>" for graph in graphs)
    with contextlib.suppress(RemoteError):
        update_endpoint(update, request, Remote(remote.user, remote.password, remote.auth, remote.timeout, 0))
