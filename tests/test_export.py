"""`kg export`: every format and part holds exactly the graph, parses in independent parsers, and is byte-stable."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner
from pyld import jsonld
from rdflib import BNode, Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDFS, XSD
from rdflib.term import Node

from kg.cli import cli
from kg.errors import InputError
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from kg.graph.paths import DATA_FILE, ONTOLOGY_DIR
from kg.stores.export import EXPORT_FORMATS, PARTS, QUAD_FORMATS, serialize, write_atomically

RDFLIB_FORMATS = {"turtle": "turtle", "nt": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}
OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nquads": pyoxigraph.RdfFormat.N_QUADS,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}
RAPPER_SYNTAX = {"turtle": "turtle", "nt": "ntriples", "nquads": "nquads", "trig": "trig"}
NUMBERS = {XSD.decimal, XSD.integer, XSD.double, XSD.boolean}
PART_GRAPHS = {"asserted": [ASSERTED_GRAPH], "inferred": [INFERRED_GRAPH], "all": [ASSERTED_GRAPH, INFERRED_GRAPH]}


def expected_graph(dataset: Dataset, part: str) -> Graph:
    """The part's triples, numbers compared by value and datatype (Turtle rewrites "85"^^xsd:decimal as 85.0)."""
    union = Graph()
    for name in PART_GRAPHS[part]:
        for subject, predicate, obj in dataset.graph(name):
            union.add((subject, predicate, _by_value(obj)))
    return union


def _by_value(term: Node) -> Node:
    if isinstance(term, Literal) and term.datatype in NUMBERS:
        value = term.toPython()
        lexical = format(value.normalize(), "f") if isinstance(value, Decimal) else repr(value)
        return Literal(lexical, datatype=term.datatype)
    return term


@pytest.fixture(scope="module")
def exports(dataset: Dataset) -> dict[tuple[str, str], bytes]:
    return {(fmt, part): serialize(dataset, part, fmt) for fmt in EXPORT_FORMATS for part in PARTS}


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_export_holds_exactly_the_part(fmt: str, part: str, dataset: Dataset,
                                       exports: dict[tuple[str, str], bytes]) -> None:
    parsed = Dataset()
    parsed.parse(data=exports[fmt, part], format=RDFLIB_FORMATS[fmt])
    union = Graph()
    for subject, predicate, obj, _ in parsed.quads((None, None, None, None)):
        union.add((subject, predicate, _by_value(obj)))
    assert isomorphic(union, expected_graph(dataset, part))


@pytest.mark.parametrize("fmt", QUAD_FORMATS)
def test_quad_formats_keep_asserted_and_inferred_in_their_named_graphs(
        fmt: str, dataset: Dataset, exports: dict[tuple[str, str], bytes]) -> None:
    quads = list(pyoxigraph.parse(exports[fmt, "all"], format=OXIGRAPH_FORMATS[fmt]))
    counts: dict[str, int] = {}
    for quad in quads:
        counts[quad.graph_name.value] = counts.get(quad.graph_name.value, 0) + 1
    assert counts == {str(ASSERTED_GRAPH): len(dataset.graph(ASSERTED_GRAPH)),
                      str(INFERRED_GRAPH): len(dataset.graph(INFERRED_GRAPH))}


@pytest.mark.parametrize("part", PARTS)
@pytest.mark.parametrize("fmt", EXPORT_FORMATS)
def test_oxigraph_parses_every_export(fmt: str, part: str, dataset: Dataset,
                                      exports: dict[tuple[str, str], bytes]) -> None:
    quads = list(pyoxigraph.parse(exports[fmt, part], format=OXIGRAPH_FORMATS[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(expected_graph(dataset, part))


def _rapper() -> str:
    found = shutil.which("rapper")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("rapper (Debian raptor2-utils) is missing under CI; .ci/run installs it")
        pytest.skip("rapper (Debian raptor2-utils) is not installed")
    return found


@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_raptor_parses_every_export(fmt: str, dataset: Dataset, exports: dict[tuple[str, str], bytes],
                                    tmp_path: Path) -> None:
    path = tmp_path / f"export.{fmt}"
    path.write_bytes(exports[fmt, "all"])
    done = subprocess.run([_rapper(), "-i", RAPPER_SYNTAX[fmt], "-c", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert f"returned {len(expected_graph(dataset, 'all'))} triples" in done.stderr


def test_json_ld_processor_reads_the_json_ld_export(dataset: Dataset, exports: dict[tuple[str, str], bytes]) -> None:
    """pyld, the JSON-LD reference processor, turns the export into exactly the graph's N-Quads."""
    nquads = jsonld.to_rdf(json.loads(exports["jsonld", "all"]), {"format": "application/n-quads"})
    graph = Graph()
    for subject, predicate, obj in Graph().parse(data=nquads, format="nquads"):
        graph.add((subject, predicate, _by_value(obj)))
    assert isomorphic(graph, expected_graph(dataset, "all"))


def test_no_noise_that_stores_reject_or_that_says_nothing(exports: dict[tuple[str, str], bytes]) -> None:
    graph = Graph().parse(data=exports["nt", "all"], format="nt")
    for subject, predicate, obj in graph:
        assert not isinstance(subject, Literal)
        assert not (predicate in {OWL.sameAs, RDFS.subClassOf, OWL.equivalentClass} and subject == obj)
        assert obj not in {OWL.Thing, RDFS.Resource}
        assert subject not in {OWL.Nothing, OWL.Thing}
    inferred = Graph().parse(data=exports["nt", "inferred"], format="nt")
    assert not any(isinstance(term, BNode) for triple in inferred for term in triple)


def test_export_is_byte_identical_whatever_the_hash_seed(tmp_path: Path,
                                                        exports: dict[tuple[str, str], bytes]) -> None:
    """A process with another hash seed than this one (random, or the PYTHONHASHSEED it was given) writes the
    same bytes as this process's exports: every format of the whole graph (a part is the same code on fewer
    named graphs; each format is 1-2 s of CPU)."""
    script = (
        "import sys; from pathlib import Path\n"
        "from kg.graph import load_graph; from kg.graph.paths import default_graph_files\n"
        "from kg.reasoning.reason import reason; from kg.stores.export import EXPORT_FORMATS, serialize\n"
        "dataset = reason(load_graph(default_graph_files())).dataset()\n"
        "for fmt in EXPORT_FORMATS:\n"
        "    Path(sys.argv[1], f'all.{fmt}').write_bytes(serialize(dataset, 'all', fmt))\n"
    )
    seed = "4242" if os.environ.get("PYTHONHASHSEED") == "0" else "0"
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], check=True,
                   env={**os.environ, "PYTHONHASHSEED": seed})
    written = {path.name: path.read_bytes() for path in sorted(tmp_path.iterdir())}
    assert written == {f"all.{fmt}": exports[fmt, "all"] for fmt in EXPORT_FORMATS}


def test_cli_writes_the_format_named_by_the_suffix(tmp_path: Path, exports: dict[tuple[str, str], bytes]) -> None:
    output = tmp_path / "graph.nq"
    result = CliRunner().invoke(cli, ["export", "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.read_bytes() == exports["nquads", "all"]
    assert [path.name for path in tmp_path.iterdir()] == ["graph.nq"]


def test_cli_writes_to_standard_output(exports: dict[tuple[str, str], bytes]) -> None:
    result = CliRunner().invoke(cli, ["export", "--part", "inferred", "--format", "nt"])
    assert result.exit_code == 0
    assert result.stdout_bytes == exports["nt", "inferred"]


def test_missing_output_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "-o", str(tmp_path / "no-such-folder" / "graph.ttl")])
    assert result.exit_code == 2
    assert result.output == f"Error: no such folder for the output file ({tmp_path / 'no-such-folder'})\n"


def test_failed_export_leaves_the_previous_file_untouched(tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    output.write_text("previous release\n")
    inconsistent = tmp_path.parent / "als-is-a-muscular-dystrophy.ttl"
    inconsistent.write_text(DATA_FILE.read_text(encoding="utf-8")
                            + "\nkg:ALS a <https://w3id.org/mnd-kg/ontology#MuscularDystrophy> .\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["export", "-o", str(output), "--graph", str(ONTOLOGY_DIR),
                                      "--graph", str(inconsistent)])
    assert result.exit_code == 1
    assert output.read_text() == "previous release\n"
    assert [path.name for path in tmp_path.iterdir()] == ["graph.ttl"]


def test_write_interrupted_midway_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "graph.ttl"
    output.write_text("previous release\n")

    def disk_full(_descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(InputError) as raised:
        write_atomically(output, b"<urn:a> <urn:b> <urn:c> .\n")
    assert str(raised.value) == f"cannot write the output file: No space left on device ({output})"
    assert output.read_text() == "previous release\n"
    assert [path.name for path in tmp_path.iterdir()] == ["graph.ttl"]


def test_unknown_part_is_an_input_error(dataset: Dataset) -> None:
    with pytest.raises(InputError, match="unknown part 'everything'"):
        serialize(dataset, "everything", "nt")



@pytest.mark.parametrize("kind", ["symlink", "device"])
def test_export_refuses_to_replace_what_is_not_a_regular_file(tmp_path: Path, kind: str) -> None:
    target = tmp_path / "target.ttl"
    target.write_text("the link's target\n")
    output = tmp_path / "link.ttl" if kind == "symlink" else Path("/dev/null")
    if kind == "symlink":
        output.symlink_to(target)
    before = output.lstat()
    result = CliRunner().invoke(cli, ["export", "--graph", str(ONTOLOGY_DIR), "-o", str(output)])
    assert result.exit_code == 2
    named = "a symlink" if kind == "symlink" else "a device, socket, pipe or folder"
    assert result.output == (f"Error: the output path is {named}, not a regular file; kg replaces only regular "
                             f"files ({output})\n")
    assert output.lstat() == before
    assert target.read_text() == "the link's target\n"


def test_a_new_export_follows_the_umask_and_a_replaced_one_keeps_its_mode(tmp_path: Path) -> None:
    new, existing = tmp_path / "new.ttl", tmp_path / "existing.ttl"
    existing.write_text("previous release\n")
    existing.chmod(0o604)
    mask = os.umask(0o027)
    try:
        write_atomically(new, b"<urn:a> <urn:b> <urn:c> .\n")
        write_atomically(existing, b"<urn:a> <urn:b> <urn:c> .\n")
    finally:
        os.umask(mask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    assert stat.S_IMODE(existing.stat().st_mode) == 0o604


def test_the_next_export_removes_the_part_file_a_killed_writer_left(tmp_path: Path) -> None:
    output = tmp_path / "graph.ttl"
    killed = subprocess.Popen([sys.executable, "-c", "pass"])
    killed.wait()  # its pid is free: a writer with that pid is dead
    stale = tmp_path / f".graph.ttl.{killed.pid}.x1y2.part"
    running = tmp_path / f".graph.ttl.{os.getpid()}.a1b2.part"
    for part in (stale, running):
        part.write_bytes(b"half of an export")
    write_atomically(output, b"<urn:a> <urn:b> <urn:c> .\n")
    assert sorted(path.name for path in tmp_path.iterdir()) == [running.name, "graph.ttl"]
