"""The kg command, run in-process: output formats, and one clear line with a documented exit code on bad input."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.graph.paths import DATA_FILE, ONTOLOGY_DIR, QUERIES_DIR

EXAMPLE = "is-demyelinating"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def assert_one_error_line(result: Result, exit_code: int, *fragments: str) -> None:
    assert result.exit_code == exit_code, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for fragment in fragments:
        assert fragment in lines[0]
    assert "Traceback" not in result.output


def test_list_shows_every_query_and_all_document_questions() -> None:
    from tests.test_answers import DOCUMENT_QUESTIONS
    result = run("list")
    assert result.exit_code == 0
    for question in DOCUMENT_QUESTIONS:
        assert f"? {question}" in result.output
    names = run("list", "--names").output.split()
    assert names == sorted(p.stem for p in QUERIES_DIR.glob("*.rq"))


def test_list_json_describes_parameters_with_defaults() -> None:
    described = {q["name"]: q for q in json.loads(run("list", "--format", "json").output)}
    assert described[EXAMPLE]["parameters"] == [{
        "name": "disease", "type": "iri", "default": ["kg:ALS", "kg:SMA"],
        "description": "The disease(s), by IRI, prefixed name, label or abbreviation."}]


def test_query_table_answers_with_verdicts_and_numbered_citations() -> None:
    result = run("query", EXAMPLE)
    assert result.exit_code == 0, result.output
    verdicts = {line.split("  ")[0]: line for line in result.output.splitlines() if line.startswith("kg:")}
    assert set(verdicts) == {"kg:ALS", "kg:SMA"}
    assert all("  no  " in line for line in result.output.splitlines() if line.startswith("kg:"))
    assert "\nCitations:\n[1] " in result.output
    assert "(000_947c2a3b24724246.txt), reference 1:" in result.output


def test_query_json_is_sparql_results_json() -> None:
    result = run("query", EXAMPLE, "--format", "json")
    document = json.loads(result.output)
    assert document["head"]["vars"] == ["disease", "name", "verdict", "evidence", "value", "citation"]
    verdicts = {(b["disease"]["value"], b["verdict"]["value"]) for b in document["results"]["bindings"]}
    assert verdicts == {("https://w3id.org/mnd-kg/resource/ALS", "no"), ("https://w3id.org/mnd-kg/resource/SMA", "no")}


@pytest.mark.parametrize(("fmt", "delimiter", "header"), [("csv", ",", "aspect"), ("tsv", "\t", "?aspect")])
def test_query_csv_and_tsv(fmt: str, delimiter: str, header: str) -> None:
    result = run("query", "comparison-chart", "--format", fmt)
    rows = list(csv.reader(io.StringIO(result.output), delimiter=delimiter))
    assert rows[0][0] == header
    assert len(rows) == 1 + 10  # five aspects, two cited cells each


def test_query_markdown_has_a_table_and_citations() -> None:
    result = run("query", "comparison-chart", "--format", "markdown")
    assert result.output.startswith("| aspect | left_cell | right_cell | cited |\n| --- | --- | --- | --- |\n")
    assert "| Primary Cause | Neurodegeneration of motor neurons | Genetic deficiency in the SMN1 gene | [1] [2] |" in (
        result.output)
    assert "**Citations**" in result.output


def test_a_value_with_tabs_and_line_breaks_keeps_tsv_and_markdown_rows_whole(tmp_path: Path) -> None:
    """A literal holding a tab or a line break was written raw: a TSV row in N3's triple quotes spread over two
    lines and an extra column (SPARQL 1.1 TSV escapes them as \\t \\n \\r), a Markdown row broke the table."""
    graph = tmp_path / "graph.ttl"
    graph.write_text('<urn:a> <urn:b> "x\\ty\\r\\nz"@en .\n', encoding="utf-8")
    query = "SELECT ?o WHERE { ?s ?p ?o }"
    tsv = run("sparql", query, "--graph", str(graph), "--format", "tsv")
    assert (tsv.exit_code, tsv.output) == (0, '?o\n"x\\ty\\r\\nz"@en\n')
    markdown = run("sparql", query, "--graph", str(graph), "--format", "markdown")
    assert (markdown.exit_code, markdown.output) == (0, "| o |\n| --- |\n| x y<br>z |\n")


def test_query_parameter_by_label() -> None:
    result = run("query", EXAMPLE, "-p", "disease=multiple sclerosis", "--format", "json")
    verdicts = {b["verdict"]["value"] for b in json.loads(result.output)["results"]["bindings"]}
    assert verdicts == {"yes"}


def test_query_parameter_repeated_gives_several_values() -> None:
    result = run("query", EXAMPLE, "-p", "disease=MS", "-p", "disease=ALS", "--format", "json")
    verdicts = {(b["name"]["value"], b["verdict"]["value"]) for b in json.loads(result.output)["results"]["bindings"]}
    assert verdicts == {("multiple sclerosis", "yes"), ("amyotrophic lateral sclerosis", "no")}


def test_sparql_over_the_inferred_named_graph() -> None:
    query = ("PREFIX mnd: <https://w3id.org/mnd-kg/ontology#> SELECT ?d WHERE { GRAPH "
             "<https://w3id.org/mnd-kg/graph/inferred> { ?d a mnd:DemyelinatingDisease } } ORDER BY ?d")
    result = run("sparql", query, "--format", "csv")
    assert result.output.split() == ["d", *(f"https://w3id.org/mnd-kg/resource/{d}" for d in
                                            ("ADEM", "GBS", "MS", "NMOSD"))]


def test_sparql_from_file(tmp_path: Path) -> None:
    path = tmp_path / "q.rq"
    path.write_text("ASK { <https://w3id.org/mnd-kg/resource/ALS> a "
                    "<https://w3id.org/mnd-kg/ontology#MotorNeuronDisease> }")
    assert run("sparql", "--file", str(path)).output == "true\n"


def test_malformed_turtle_names_file_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.ttl"
    bad.write_text('@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\nex:d ex:e "unterminated .\n')
    result = run("query", EXAMPLE, "--graph", str(ONTOLOGY_DIR), "--graph", str(bad))
    assert_one_error_line(result, 2, "malformed Turtle", f"{bad}:3:")


def test_inconsistent_graph_is_refused_with_exit_1(tmp_path: Path) -> None:
    contradiction = tmp_path / "contradiction.ttl"
    contradiction.write_text("<https://w3id.org/mnd-kg/resource/ALS> a "
                             "<https://w3id.org/mnd-kg/ontology#MuscularDystrophy> .\n")
    result = run("query", EXAMPLE, "--graph", str(ONTOLOGY_DIR), "--graph", str(DATA_FILE),
                 "--graph", str(contradiction))
    assert_one_error_line(result, 1, "the graph is inconsistent", "disjoint classes share a member",
                          "https://w3id.org/mnd-kg/resource/ALS", "cax-dw")


def test_unknown_option_value_is_a_usage_error() -> None:
    result = run("query", EXAMPLE, "--format", "xml")
    assert result.exit_code == 2
    assert "Invalid value for '--format'" in result.output


def test_debug_shows_the_traceback() -> None:
    result = CliRunner().invoke(cli, ["--debug", "query", "no-such-query"])
    assert result.exit_code != 0
    assert result.exception is not None and "no saved query" in str(result.exception)


def test_output_is_identical_between_runs() -> None:
    first = run("query", "definition", "--format", "markdown").output
    assert first == run("query", "definition", "--format", "markdown").output


def test_output_is_byte_identical_whatever_the_hash_seed() -> None:
    """Set and dict iteration order depends on PYTHONHASHSEED; the output must not."""
    import os
    import subprocess
    import sys

    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        completed = subprocess.run([sys.executable, "-m", "kg", "query", "definition", "--format", "markdown"],
                                   capture_output=True, env=env, check=True)
        outputs.add(completed.stdout)
    assert len(outputs) == 1
