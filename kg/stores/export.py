"""Exporting the graph for other triple stores: deterministic bytes in five RDF formats.

Asserted and inferred triples go to two named graphs in the quad formats (N-Quads, TriG):
``https://w3id.org/mnd-kg/graph/asserted`` and ``https://w3id.org/mnd-kg/graph/inferred``. The triple formats
(Turtle, N-Triples, JSON-LD) hold the chosen part, or the union of both, in the default graph.

The same graph gives byte-identical files whatever ``PYTHONHASHSEED`` is: blank nodes get canonical labels
(rdflib.compare), N-Triples and N-Quads lines are sorted, Turtle is rdflib's diff-stable ``longturtle``, and
JSON-LD nodes are sorted by ``@id``.
"""

from __future__ import annotations

import glob
import json
import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph

from kg.errors import InputError
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH, namespace_manager
from kg.worker import process_running

PARTS = ("asserted", "inferred", "all")
EXPORT_FORMATS = ("turtle", "nt", "nquads", "trig", "jsonld")
QUAD_FORMATS = ("nquads", "trig")
MEDIA_TYPES = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json",
}
SUFFIXES = {"turtle": ".ttl", "nt": ".nt", "nquads": ".nq", "trig": ".trig", "jsonld": ".jsonld"}


def part_graphs(dataset: Dataset, part: str) -> list[tuple[URIRef, Graph]]:
    """The named graphs a part consists of: asserted, inferred, or both (in that order)."""
    names = {"asserted": [ASSERTED_GRAPH], "inferred": [INFERRED_GRAPH], "all": [ASSERTED_GRAPH, INFERRED_GRAPH]}
    if part not in names:
        raise InputError(f"unknown part {part!r}; choose one of {', '.join(PARTS)}", "--part")
    return [(name, _canonical(dataset.graph(name))) for name in names[part]]


def serialize(dataset: Dataset, part: str, fmt: str) -> bytes:
    """The chosen part of ``dataset`` in ``fmt``, as deterministic UTF-8 bytes."""
    graphs = part_graphs(dataset, part)
    if fmt in QUAD_FORMATS:
        return _serialize_quads(graphs, fmt)
    if fmt not in EXPORT_FORMATS:
        raise InputError(f"unknown format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}", "--format")
    union = Graph(namespace_manager=namespace_manager())
    for _, graph in graphs:
        for triple in graph:
            union.add(triple)
    if fmt == "nt":
        return _sorted_lines(union.serialize(format="nt", encoding="utf-8"))
    if fmt == "jsonld":
        return _jsonld(union)
    return union.serialize(format="longturtle", encoding="utf-8")


def check_writable(path: Path) -> None:
    """Fail early, before any work, when the output file's folder does not exist or something other than a
    regular file (a symlink, a device, a folder) is at the path: an export replaces only regular files."""
    if not path.parent.is_dir():
        raise InputError("no such folder for the output file", str(path.parent))
    try:
        found = path.lstat()
    except FileNotFoundError:
        return
    if not stat.S_ISREG(found.st_mode):
        kind = "a symlink" if stat.S_ISLNK(found.st_mode) else "a device, socket, pipe or folder"
        raise InputError(f"the output path is {kind}, not a regular file; kg replaces only regular files", str(path))


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder: all or nothing. A new file gets
    the mode the umask allows, a replaced file keeps its mode; temporary files of writers that died (killed
    midway) are removed first."""
    check_writable(path)
    remove_stale_parts(path)
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o666 & ~_umask()
    try:
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.",
                                                 suffix=".part")
    except OSError as error:  # a read-only folder or file system, /proc
        raise _unwritable(error, path) from error
    try:
        with os.fdopen(descriptor, "wb") as stream:
            os.fchmod(stream.fileno(), mode)
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException as error:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(error, OSError):  # a full disk, a quota
            raise _unwritable(error, path) from error
        raise


def _unwritable(error: OSError, path: Path) -> InputError:
    return InputError(f"cannot write the output file: {error.strerror}", str(path))


def remove_stale_parts(path: Path) -> None:
    """Remove the temporary files (``.NAME.PID.*.part``) that writers of ``path`` left when they were killed;
    a running writer's file is left alone."""
    for part in path.parent.glob(f".{glob.escape(path.name)}.*.part"):
        pid = part.name[len(path.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not process_running(int(pid)):
            part.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _canonical(graph: Graph) -> Graph:
    """A copy of ``graph`` with blank node labels computed from its structure and numbers as Turtle writes them.

    Turtle's number shorthand rewrites lexical forms (``"85"^^xsd:decimal`` becomes ``85.0``), so every format
    writes numbers that way, and all five hold the same terms.
    """
    canonical = Graph(namespace_manager=namespace_manager())
    for subject, predicate, obj in to_canonical_graph(graph):
        canonical.add((subject, predicate, _as_turtle_writes(obj) if isinstance(obj, Literal) else obj))
    return canonical


def _as_turtle_writes(literal: Literal) -> Literal:
    if literal.datatype is None:
        return literal
    written = literal._literal_n3(use_plain=True)
    if written.startswith('"'):
        return literal
    parsed = Graph().parse(data=f"<urn:s> <urn:p> {written} .", format="turtle")
    return next(iter(parsed.objects()))  # type: ignore[return-value]


def _serialize_quads(graphs: Iterable[tuple[URIRef, Graph]], fmt: str) -> bytes:
    chunks: list[bytes] = []
    for name, graph in graphs:
        dataset = Dataset()
        dataset.namespace_manager = namespace_manager()
        named = dataset.graph(name)
        for triple in graph:
            named.add(triple)
        if fmt == "nquads":
            chunks.append(_sorted_lines(dataset.serialize(format="nquads", encoding="utf-8")))
        else:
            chunks.append(_trig_graph(name, graph))
    if fmt == "trig":
        return _prefix_block() + b"\n".join(chunks)
    return b"".join(chunks)


def _trig_graph(name: URIRef, graph: Graph) -> bytes:
    """One named graph in TriG: the graph's diff-stable Turtle body inside ``<name> { ... }``."""
    body = graph.serialize(format="longturtle", encoding="utf-8").decode("utf-8")
    statements = [line for line in body.splitlines() if not line.startswith(("PREFIX ", "@prefix "))]
    inner = "\n".join(statements).strip("\n")
    return f"<{name}> {{\n{inner}\n}}\n".encode()


def _prefix_block() -> bytes:
    lines = [f"PREFIX {prefix}: <{iri}>" for prefix, iri in sorted(namespace_manager().namespaces())]
    return ("\n".join(lines) + "\n\n").encode()


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted({line for line in data.decode("utf-8").splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode() if lines else b""


def _jsonld(graph: Graph) -> bytes:
    document = json.loads(graph.serialize(format="json-ld", encoding="utf-8", auto_compact=False))
    nodes = document if isinstance(document, list) else document.get("@graph", [document])
    for node in nodes:
        for key, values in node.items():
            if isinstance(values, list):
                node[key] = sorted(values, key=lambda value: json.dumps(value, sort_keys=True))
    nodes.sort(key=lambda node: node.get("@id", ""))
    return (json.dumps(nodes, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode()
