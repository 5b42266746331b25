"""A corpus of malformed and hostile input: every entry point answers with one line naming what and where.

Each case gives the command line, the files it needs, the exit code (README: 1 inconsistent graph, 2 bad
input, 4 query limit) and fragments the error line must contain. Every case also checks: nothing on
standard output, no traceback, and no file written beside the inputs (nothing half-written).
"""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from click.testing import CliRunner

import kg
from kg.cli import cli
from kg.graph.paths import ONTOLOGY_DIR, ROOT

ONTOLOGY = str(ONTOLOGY_DIR)
HEADER = '#+ summary: "A query"\n#+ questions: ["Is it?"]\n'
TTL_PREFIXES = "@prefix kg: <https://w3id.org/mnd-kg/resource/> .\n@prefix mnd: <https://w3id.org/mnd-kg/ontology#> .\n"
BOM = b"\xef\xbb\xbf"  # what Notepad and other Windows editors put at the head of a UTF-8 file
CROSS_PRODUCT = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@dataclass(frozen=True)
class Case:
    id: str
    args: tuple[str, ...]
    exit_code: int
    fragments: tuple[str, ...]
    files: dict[str, bytes] = field(default_factory=dict)


def saved_query_case(case_id: str, text: bytes, *fragments: str, name: str = "q.rq") -> Case:
    """A folder of saved queries holding one file, used by `kg list --queries`."""
    return Case(case_id, ("list", "--queries", "{tmp}/queries"), 2, fragments, {f"queries/{name}": text})


CASES = [
    # graph files
    Case("turtle-unterminated-string", ("query", "is-demyelinating", "--graph", ONTOLOGY, "--graph", "{tmp}/bad.ttl"),
         2, ("malformed Turtle", "{tmp}/bad.ttl:3:"),
         {"bad.ttl": b'@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e "open .\n'}),
    Case("turtle-undeclared-prefix", ("query", "is-demyelinating", "--graph", "{tmp}/bad.ttl"),
         2, ("malformed Turtle", "{tmp}/bad.ttl:2:"), {"bad.ttl": b"\nundeclared:a undeclared:b 1 .\n"}),
    Case("turtle-missing-final-dot", ("sparql", "ASK {}", "--graph", "{tmp}/bad.ttl"),
         2, ("malformed Turtle", "{tmp}/bad.ttl:1:"), {"bad.ttl": b"<urn:a> <urn:b> <urn:c>"}),
    Case("turtle-not-utf8", ("sparql", "ASK {}", "--graph", "{tmp}/latin1.ttl"),
         2, ("not UTF-8", "{tmp}/latin1.ttl"),
         {"latin1.ttl": '<urn:a> <urn:b> "Guillain\u2013Barr\u00e9" .\n'.encode("cp1252")}),
    Case("turtle-binary-garbage", ("sparql", "ASK {}", "--graph", "{tmp}/image.ttl"),
         2, ("malformed Turtle", "{tmp}/image.ttl"), {"image.ttl": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"}),
    Case("turtle-iri-with-space", ("sparql", "ASK {}", "--graph", "{tmp}/bad.ttl"),
         2, ("malformed Turtle", "{tmp}/bad.ttl:1:"), {"bad.ttl": b"<urn:a b> <urn:b> <urn:c> .\n"}),
    Case("turtle-binary-after-a-triple", ("sparql", "ASK {}", "--graph", "{tmp}/mixed.ttl"),
         2, ("malformed Turtle: not UTF-8 text", "{tmp}/mixed.ttl at byte 26"),
         {"mixed.ttl": b"<urn:a> <urn:b> <urn:c> .\n\x89PNG\r\n\x1a\n\x00"}),
    Case("turtle-literal-over-16-mib", ("sparql", "ASK {}", "--graph", "{tmp}/huge.ttl"),
         2, ("a literal or IRI longer than 16 MiB, the most the parser accepts", "{tmp}/huge.ttl:2"),
         {"huge.ttl": b'<urn:a> <urn:b> "short" .\n<urn:a> <urn:b> "' + b"x" * (16 * 1024 * 1024 + 1) + b'" .\n'}),
    Case("turtle-nested-too-deeply", ("sparql", "ASK {}", "--graph", "{tmp}/deep.ttl"),  # Oxigraph refuses it first
         2, ("Error: Turtle nested too deeply: blank nodes or lists over about 100 levels within one another, more "
             "than rdflib reads ({tmp}/deep.ttl)",),
         {"deep.ttl": b"<urn:a> <urn:b> " + b"[ <urn:c> " * 2000 + b"]" * 2000 + b" .\n"}),
    Case("graph-file-empty", ("query", "is-demyelinating", "--graph", ONTOLOGY, "--graph", "{tmp}/empty.ttl"),
         2, ("empty graph file (0 bytes)", "{tmp}/empty.ttl"), {"empty.ttl": b""}),
    Case("check-graph-without-triples", ("check", "{tmp}/prefixes.ttl"),
         2, ("the graph has no triples: nothing to check", "{tmp}/prefixes.ttl"),
         {"prefixes.ttl": TTL_PREFIXES.encode()}),
    Case("endpoint-unclosed-ipv6", ("sparql", "ASK {}", "--endpoint", "http://[::1"),
         2, ("not a valid URL: 'http://[::1': Invalid IPv6 URL", "--endpoint")),
    Case("load-port-out-of-range", ("load", "--store", "http://127.0.0.1:99999/store"),
         2, ("not a valid URL", "Port out of range", "--store")),
    Case("load-update-url-unclosed-ipv6", ("load", "--update", "http://[::1/update"),
         2, ("not a valid URL", "Invalid IPv6 URL", "--update")),
    Case("endpoint-host-with-space", ("sparql", "ASK {}", "--endpoint", "http://a b/sparql"),
         2, ("Error: not a valid URL: 'http://a b/sparql': a space or control character (U+0020) (--endpoint)",)),
    Case("endpoint-control-character", ("query", "definition", "--endpoint", "http://127.0.0.1/\x1b[2J"),
         2, ("Error: not a valid URL: 'http://127.0.0.1/\\x1b[2J': a space or control character (U+001B) "
             "(--endpoint)",)),
    Case("load-port-zero", ("load", "--store", "http://127.0.0.1:0/store"),
         2, ("Error: not a valid URL: 'http://127.0.0.1:0/store': Port out of range 1-65535 (--store)",)),
    Case("load-update-host-not-a-name", ("load", "--update", "http://%zz/update"),
         2, ("Error: not a valid URL: 'http://%zz/update': '%zz' is no host name or IP address (--update)",)),
    Case("endpoint-credentials-in-the-url", ("sparql", "ASK {}", "--endpoint", "http://kg:secret@127.0.0.1:9/sparql"),
         2, ("Error: not a valid URL: 'http://127.0.0.1:9/sparql': a user name or password in the URL is never sent; "
             "give --user and --password (--endpoint)",)),
    Case("load-credentials-in-the-url", ("load", "--store", "http://kg@127.0.0.1:9/store"),
         2, ("Error: not a valid URL: 'http://127.0.0.1:9/store': a user name or password in the URL is never sent; "
             "give --user and --password (--store)",)),
    Case("control-characters-in-a-path-are-escaped", ("check", "{tmp}/\x1b[2J\u202eevil.ttl"), 2,
         ("Error: no such file or folder ({tmp}/\\x1b[2J\\u202eevil.ttl)",)),
    Case("graph-file-missing", ("query", "is-demyelinating", "--graph", "{tmp}/absent.ttl"),
         2, ("no such file or folder", "{tmp}/absent.ttl")),
    Case("graph-folder-without-turtle", ("query", "is-demyelinating", "--graph", "{tmp}/empty"),
         2, ("no Turtle (.ttl) file in folder", "{tmp}/empty"), {"empty/readme.txt": b"nothing here\n"}),
    Case("graph-contradiction",
         ("query", "is-demyelinating", "--graph", ONTOLOGY, "--graph", "{tmp}/contradiction.ttl"),
         1, ("the graph is inconsistent", "disjoint classes share a member", "cax-dw"),
         {"contradiction.ttl": (TTL_PREFIXES + "kg:X a mnd:MotorNeuronDisease, mnd:MuscularDystrophy .\n").encode()}),
    Case("graph-ill-typed-figure", ("query", "is-demyelinating", "--graph", ONTOLOGY, "--graph", "{tmp}/figure.ttl"),
         1, ("the graph is inconsistent", "dt-not-type"),
         {"figure.ttl": (TTL_PREFIXES + '@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n'
                         'kg:f mnd:value "five"^^xsd:decimal .\n').encode()}),
    Case("check-malformed-file", ("check", "{tmp}/bad.ttl"),
         2, ("malformed Turtle", "{tmp}/bad.ttl:1:"), {"bad.ttl": b"<urn:a> <urn:b> .\n"}),
    # saved query files and their headers
    saved_query_case("query-file-over-1-mib", b"#+ summary: long\n" + b"#" * (1024 * 1024),
                     "Error: the query is longer than 1048576 characters, the most accepted ({tmp}/queries/q.rq)"),
    saved_query_case("query-without-header", b"SELECT * WHERE { ?s ?p ?o }\n", "no '#+' header",
                     "{tmp}/queries/q.rq:1"),
    saved_query_case("query-header-bad-yaml", b'#+ summary: "open\n#+ questions: [a\nASK {}\n',
                     "malformed '#+' header", "{tmp}/queries/q.rq:"),
    saved_query_case("query-header-not-mapping", b"#+ - a list\nASK {}\n", "must be a YAML mapping"),
    saved_query_case("query-header-no-summary", b'#+ questions: ["Is it?"]\nASK {}\n', "no 'summary'"),
    saved_query_case("query-header-no-questions", b'#+ summary: "A query"\nASK {}\n', "lists no 'questions'"),
    saved_query_case("query-header-unknown-key", (HEADER + "#+ endpoint: http://example.org/\nASK {}\n").encode(),
                     "unknown header key(s): endpoint"),
    saved_query_case("query-parameter-bad-type",
                     (HEADER + "#+ params: {x: {type: colour, description: d, default: a}}\n"
                      "SELECT * WHERE { VALUES ?x { a } }\n").encode(), "parameter 'x' has type 'colour'"),
    saved_query_case("query-values-differ-from-default",
                     (HEADER + '#+ params: {x: {type: iri, description: d, default: "<urn:a>"}}\n'
                      "SELECT * WHERE { VALUES ?x { <urn:b> } }\n").encode(), "differs from its VALUES block"),
    saved_query_case("query-undeclared-values", (HEADER + "SELECT * WHERE { VALUES ?x { 1 } }\n").encode(),
                     "VALUES ?x is not a declared parameter"),
    saved_query_case("query-invalid-sparql", (HEADER + "SELECT ?s WHERE { ?s ?p }\n").encode(), "invalid SPARQL"),
    saved_query_case("query-file-not-utf8", HEADER.encode() + b"ASK { ?s ?p \"caf\xe9\" }\n", "not UTF-8 text"),
    saved_query_case("query-file-name", (HEADER + "ASK {}\n").encode(), "lower-case words joined by hyphens",
                     name="My_Query.rq"),
    Case("queries-folder-without-queries", ("list", "--queries", "{tmp}/queries"), 2,
         ("Error: no saved query (.rq file) in folder ({tmp}/queries)",), {"queries/README.md": b"# queries\n"}),
    Case("queries-folder-missing", ("list", "--queries", "{tmp}/absent"), 2,
         ("no such folder of saved queries", "{tmp}/absent")),
    # query names and parameters
    Case("unknown-query", ("query", "no-such-query"), 2, ("no saved query named 'no-such-query'",)),
    Case("parameter-without-value", ("query", "is-demyelinating", "-p", "disease"), 2, ("must be NAME=VALUE",)),
    Case("unknown-parameter", ("query", "is-demyelinating", "-p", "colour=red"), 2,
         ("unknown parameter 'colour'", "query is-demyelinating")),
    Case("iri-with-space", ("query", "is-demyelinating", "--graph", ONTOLOGY, "-p", "disease=<urn:a b>"),
         2, ("not a valid IRI",)),
    Case("iri-with-angle-bracket", ("query", "is-demyelinating", "--graph", ONTOLOGY, "-p", "disease=http://a>b"),
         2, ("not a valid IRI",)),
    Case("label-not-found", ("query", "is-demyelinating", "--graph", ONTOLOGY, "-p", "disease=no such disease"),
         2, ("no entity in the graph is named 'no such disease'", "query is-demyelinating")),
    Case("label-injection", ("query", "is-demyelinating", "--graph", ONTOLOGY,
                             "-p", "disease=x } UNION { ?s ?p ?o } #"), 2, ("no entity in the graph is named",)),
    Case("label-bidi-and-control", ("query", "is-demyelinating", "--graph", ONTOLOGY,
                                    "-p", "disease=ALS\u202e\x07"), 2, ("no entity in the graph is named",)),
    Case("label-very-long", ("query", "is-demyelinating", "--graph", ONTOLOGY, "-p", "disease=" + "A" * 100_000),
         2, ("no entity in the graph is named",)),
    # ad-hoc SPARQL
    Case("sparql-update", ("sparql", "DELETE WHERE { ?s ?p ?o }"), 2, ("updates are not accepted",)),
    Case("sparql-insert-data", ("sparql", "INSERT DATA { <a:b> <a:c> <a:d> }"), 2, ("updates are not accepted",)),
    Case("sparql-load", ("sparql", "LOAD <http://127.0.0.1:9/x.ttl>"), 2, ("updates are not accepted",)),
    Case("sparql-service", ("sparql", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
         2, ("SERVICE is not allowed",)),
    Case("sparql-service-after-a-comment-ending-at-a-carriage-return",
         ("sparql", "SELECT * WHERE {\n# note\r SERVICE <http://127.0.0.1:9/> { ?s ?p ?o }\n}"),
         2, ("SERVICE is not allowed",)),
    Case("sparql-from", ("sparql", "SELECT * FROM <http://127.0.0.1:9/x> WHERE { ?s ?p ?o }"),
         2, ("FROM and FROM NAMED are not allowed",)),
    Case("sparql-from-named", ("sparql", "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }"),
         2, ("FROM and FROM NAMED are not allowed",)),
    Case("sparql-syntax", ("sparql", "SELECT ?s WHERE { ?s ?p }"), 2, ("invalid SPARQL query",)),
    Case("sparql-empty", ("sparql", "   "), 2, ("invalid SPARQL query",)),
    Case("sparql-file-over-1-mib", ("sparql", "--file", "{tmp}/long.rq"), 2,
         ("Error: the query is longer than 1048576 characters, the most accepted ({tmp}/long.rq)",),
         {"long.rq": b"ASK {}" + b"\n#" * (512 * 1024)}),
    Case("endpoint-query-over-1-mib", ("sparql", "--file", "{tmp}/long.rq", "--endpoint", "http://127.0.0.1:9/q"), 2,
         ("Error: the query is longer than 1048576 characters, the most accepted ({tmp}/long.rq)",),
         {"long.rq": b"ASK {}" + b"\n#" * (512 * 1024)}),
    Case("sparql-file-missing", ("sparql", "--file", "{tmp}/absent.rq"), 2,
         ("Error: cannot read query file: No such file or directory ({tmp}/absent.rq)",)),
    Case("sparql-file-not-utf8", ("sparql", "--file", "{tmp}/q.rq"), 2,
         ("Error: query file is not UTF-8 text (byte 16) ({tmp}/q.rq)",), {"q.rq": b"ASK { ?s ?p \"caf\xe9\" }"}),
    Case("sparql-file-is-a-device", ("sparql", "--file", "/dev/zero"), 2,
         ("Error: not a regular file (a device, pipe or socket) (/dev/zero)",)),
    Case("sparql-neither-query-nor-file", ("sparql",), 2, ("give either a QUERY argument or --file PATH",)),
    Case("stdin-graph-empty", ("sparql", "ASK {}", "--graph", "-"), 2, ("empty graph file (0 bytes)", "(<stdin>)")),
    Case("stdin-query-empty", ("sparql", "--file", "-"), 2, ("invalid SPARQL query", "(<stdin>)")),
    Case("stdin-twice", ("sparql", "--file", "-", "--graph", "-"), 2,
         ("standard input (-) holds one input: the query or --graph, not both", "(kg sparql)")),
    Case("query-file-missing", ("query", "{tmp}/absent.rq"), 2, ("no such query file", "{tmp}/absent.rq")),
    Case("query-file-without-header", ("query", "{tmp}/plain.rq"), 2,
         ("no '#+' header", "not a saved query", "{tmp}/plain.rq:1"), {"plain.rq": b"ASK {}\n"}),
    Case("query-file-a-folder", ("query", "{tmp}"), 2, ("not a query file but a folder", "({tmp})")),
    Case("sparql-query-and-file", ("sparql", "ASK {}", "--file", "{tmp}/q.rq"), 2, ("not both or neither",),
         {"q.rq": b"ASK {}"}),
    # command-line options
    Case("unknown-command", ("frobnicate",), 2, ("No such command 'frobnicate'", "see 'kg --help'")),
    Case("unknown-option", ("query", "is-demyelinating", "--colour"), 2, ("No such option '--colour'", "kg query")),
    Case("bad-format", ("query", "is-demyelinating", "--format", "xml"), 2, ("Invalid value for '--format'",)),
    Case("missing-argument", ("explain",), 2, ("Missing argument 'ENTITY'", "kg explain")),
    Case("negative-timeout", ("sparql", "ASK {}", "--timeout", "-1"), 2, ("Invalid value for '--timeout'",)),
    Case("timeout-infinite", ("sparql", "ASK {}", "--timeout", "inf"), 2,
         ("Error: Invalid value for '--timeout': inf is not in the range 0.0<x<=1000000.0 (kg sparql; see 'kg "
          "sparql --help')",)),
    Case("timeout-not-a-number", ("check", "--timeout", "nan"), 2,
         ("Error: Invalid value for '--timeout': 'nan' is not a number of seconds (kg check; see 'kg check --help')",)),
    Case("work-timeout-too-large", ("load", "--store", "http://127.0.0.1:9/", "--work-timeout", "1e308"), 2,
         ("Error: Invalid value for '--work-timeout': 1e+308 is not in the range 0.0<x<=1000000.0 (kg load; see "
          "'kg load --help')",)),
    Case("memory-too-large", ("query", "definition", "--memory", "99999999999"), 2,
         ("Error: Invalid value for '--memory': 99999999999 is not in the range 64<=x<=16777216 (kg query; see "
          "'kg query --help')",)),
    Case("zero-max-results", ("sparql", "ASK {}", "--max-results", "0"), 2, ("Invalid value for '--max-results'",)),
    Case("export-bad-part", ("export", "--part", "everything"), 2, ("Invalid value for '--part'",)),
    Case("export-into-a-folder-that-takes-no-files", ("export", "--graph", ONTOLOGY, "-o", "/proc/kg-export.ttl"),
         2, ("Error: cannot write the output file: No such file or directory (/proc/kg-export.ttl)",)),
    Case("export-into-missing-folder", ("export", "--graph", ONTOLOGY, "-o", "{tmp}/absent/graph.ttl"),
         2, ("no such folder for the output file", "{tmp}/absent")),
    Case("explain-unknown-entity", ("explain", "Parkinson disease", "--graph", ONTOLOGY),
         2, ("no entity in the graph is named 'Parkinson disease'",)),
    Case("explain-iri-not-in-the-graph", ("explain", "kg:ALSS", "--graph", ONTOLOGY),
         2, ("Error: no entity in the graph has the IRI <https://w3id.org/mnd-kg/resource/ALSS> (kg explain)",)),
    # query limits
    Case("timeout", ("sparql", CROSS_PRODUCT, "--graph", ONTOLOGY, "--timeout", "0.5"),
         4, ("query timed out after 0.5 s", "--timeout")),
    Case("result-cap", ("sparql", "SELECT * WHERE { ?s ?p ?o }", "--graph", ONTOLOGY, "--max-results", "10"),
         4, ("more rows than the cap of 10", "--max-results")),
    Case("construct-cap", ("sparql", "CONSTRUCT WHERE { ?s ?p ?o }", "--graph", ONTOLOGY, "--max-results", "5"),
         4, ("more triples than the cap of 5",)),
]


def test_the_corpus_is_large_and_ids_are_unique() -> None:
    assert len(CASES) >= 30
    assert len({case.id for case in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_bad_input_gives_one_line_naming_what_and_where(case: Case, tmp_path: Path) -> None:
    for name, content in case.files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    before = sorted(tmp_path.rglob("*"))
    result = CliRunner().invoke(cli, [arg.replace("{tmp}", str(tmp_path)) for arg in case.args], prog_name="kg")
    assert result.exit_code == case.exit_code, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    for fragment in case.fragments:
        assert fragment.replace("{tmp}", str(tmp_path)) in lines[0]
    assert "Traceback" not in result.output
    assert sorted(tmp_path.rglob("*")) == before


@pytest.mark.parametrize("kind", ["device", "link-to-device-in-folder", "pipe-in-folder"])
def test_a_graph_path_that_is_no_regular_file_is_refused_before_it_is_read(kind: str, tmp_path: Path) -> None:
    """A device or a named pipe would be read without end (or wait for a writer) until --timeout: exit 4, not 2."""
    folder = tmp_path / "graph"
    folder.mkdir()
    (folder / "a.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n")
    if kind == "device":
        given = culprit = "/dev/zero"
    else:
        given, culprit = str(folder), str(folder / "b.ttl")
        if kind == "pipe-in-folder":
            os.mkfifo(culprit)
        else:
            os.symlink("/dev/zero", culprit)
    for args in (["sparql", "ASK {}", "--graph", given, "--timeout", "60"], ["check", given, "--timeout", "60"]):
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 2, result.output
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            f"Error: not a regular file or folder (a device, pipe or socket) ({culprit})"]


@pytest.mark.parametrize("where", ["given", "in-folder"])
@pytest.mark.parametrize("head", [b"", BOM], ids=["plain", "bom"])
def test_a_graph_file_whose_name_is_not_utf8_is_read(where: str, head: bytes, tmp_path: Path) -> None:
    """A name with a byte that is not UTF-8 (0xe9: Latin-1 'é', from an old archive) broke the closure cache's key
    (UnicodeEncodeError) and rdflib's parse, which Oxigraph hands a file it does not read (a byte order mark, a
    relative IRI) and the library uses (FileNotFoundError on a name decoded from its file: URI): a traceback."""
    folder = tmp_path / "graph"
    folder.mkdir()
    named = folder / os.fsdecode(b"caf\xe9.ttl")
    named.write_bytes(head + b"<urn:a> <urn:b> <urn:c> .\n")
    given = named if where == "given" else folder
    result = CliRunner().invoke(cli, ["export", "--format", "nt", "--graph", str(given)])
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout == "<urn:a> <urn:b> <urn:c> .\n"
    assert len(kg.load(given)) == 1


@pytest.mark.parametrize("kind", ["pipe", "link-to-device"])
def test_a_saved_query_that_is_no_regular_file_is_refused_before_it_is_read(kind: str, tmp_path: Path) -> None:
    """kg list reads saved queries in its own process: a pipe hung it, /dev/zero ended in a MemoryError."""
    (tmp_path / "queries").mkdir()
    culprit = tmp_path / "queries" / "q.rq"
    if kind == "pipe":
        os.mkfifo(culprit)
    else:
        culprit.symlink_to("/dev/zero")
    result = CliRunner().invoke(cli, ["list", "--queries", str(tmp_path / "queries")])
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"Error: not a regular file (a device, pipe or socket) ({culprit})"]


@pytest.mark.parametrize("args", [("list",), ("query", "definition"), ("export", "--graph", ONTOLOGY)],
                         ids=["list", "query", "export"])
def test_a_full_standard_output_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    """Standard output on a full device (/dev/full) ended in an OSError traceback."""
    with open("/dev/full", "w") as full:
        completed = subprocess.run([sys.executable, "-m", "kg", *args], stdout=full, stderr=subprocess.PIPE,
                                   text=True, timeout=120, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert completed.returncode == 2
    assert completed.stderr == "Error: cannot write the output: No space left on device (standard output)\n"


def test_a_closed_standard_output_is_no_error() -> None:
    """With standard output closed (>&-) the worker's flush of it ended in an AttributeError traceback."""
    completed = subprocess.run([sys.executable, "-m", "kg", "query", "definition"], stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True, timeout=120, cwd=ROOT, close_fds=True,
                               env={**os.environ, "PYTHONPATH": str(ROOT)},
                               preexec_fn=lambda: os.close(1))
    assert (completed.returncode, completed.stderr) == (0, "")


def test_debug_shows_the_traceback_of_a_corpus_case(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_bytes(b"<urn:a> <urn:b> .\n")
    result = CliRunner().invoke(cli, ["--debug", "sparql", "ASK {}", "--graph", str(bad)])
    assert result.exit_code != 0
    assert result.exception is not None and "malformed Turtle" in str(result.exception)




@pytest.mark.parametrize("args", [
    ("sparql", "--file", "{tmp}/ask.rq", "--graph", "{tmp}/graph.ttl"),
    ("sparql", "--file", "-", "--graph", "{tmp}/graph.ttl"),
    ("query", "{tmp}/saved.rq", "--graph", "{tmp}/graph.ttl"),
    ("list", "--queries", "{tmp}/queries"),
], ids=["query-file", "standard-input", "saved-query-file", "saved-queries-folder"])
def test_a_byte_order_mark_heads_a_query_as_it_does_a_graph(args: tuple[str, ...], tmp_path: Path) -> None:
    """A graph file may start with one (rdflib skips it); a query file with one was 'invalid SPARQL query: line 1,
    column 1: unexpected '\\ufeff'' or "no '#+' header at the top of the file"."""
    (tmp_path / "graph.ttl").write_bytes(BOM + b"<urn:a> <urn:b> <urn:c> .\n")
    (tmp_path / "ask.rq").write_bytes(BOM + b"ASK { ?s ?p ?o }\n")
    (tmp_path / "queries").mkdir()
    for saved in (tmp_path / "saved.rq", tmp_path / "queries" / "saved.rq"):
        saved.write_bytes(BOM + HEADER.encode() + b"ASK { ?s ?p ?o }\n")
    result = CliRunner().invoke(cli, [arg.replace("{tmp}", str(tmp_path)) for arg in args], prog_name="kg",
                                input=BOM + b"ASK { ?s ?p ?o }\n")
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout.split() in (["true"], ["saved:", "A", "query", "?", "Is", "it?"])
