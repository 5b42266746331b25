"""kg check's outputs for CI: places of findings (file:line:column), ROBOT TSV, SARIF 2.1.0, --fail-on, and a
Markdown report that fits a pull-request comment."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.checks.checker import CheckFinding, CheckReport
from kg.checks.output import FAIL_ON, REPORT_FORMATS, render
from kg.checks.report import MARKDOWN_LIMIT, format_report
from kg.cli import cli
from kg.graph.locate import Locator, Place, _TurtleFile
from kg.graph.paths import DATA_FILE, ONTOLOGY_DIR, default_graph_files

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
TRICKY = TESTS / "locate" / "tricky.ttl"
LINES = TESTS / "locate" / "lines.ttl"
MUTANT = TESTS / "mutants" / "als-asserted-muscular-dystrophy.ttl"
SCHEMA = json.loads((TESTS / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
EX = "https://example.org/"
KG_ALS = URIRef("https://w3id.org/mnd-kg/resource/ALS")
MUSCULAR_DYSTROPHY = URIRef("https://w3id.org/mnd-kg/ontology#MuscularDystrophy")
SHOWN = "tests/mutants/als-asserted-muscular-dystrophy.ttl"


def ex(name: str) -> URIRef:
    return URIRef(EX + name)


def check(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", str(ONTOLOGY_DIR), str(DATA_FILE), *args])
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def tricky() -> Locator:
    return Locator([TRICKY], root=ROOT)


@pytest.mark.parametrize(("triple", "line", "column"), [
    ((ex("a"), RDFS.label, Literal("a dot . inside; a string # not a comment")), 7, 6),
    ((ex("a"), ex("p"), ex("b")), 8, 5),
    ((ex("a"), ex("p"), ex("c")), 8, 16),
    ((ex("a"), ex("p"), ex("d")), 9, 9),
    ((ex("e.f"), ex("p"), Literal("1.5", datatype=URIRef("http://www.w3.org/2001/XMLSchema#decimal"))), 10, 8),
    ((ex("g"), ex("p"), Literal('three\nlines . with ; and "quotes" ')), 10, 24),
    ((ex("base/relative"), ex("p"), BNode()), 12, 12),
])
def test_each_triple_is_placed_at_its_predicate_or_object(tricky: Locator, triple: tuple, line: int,
                                                          column: int) -> None:
    assert tricky.triple_places(triple) == (Place("tests/locate/tricky.ttl", line, column),)


def test_a_blank_node_subject_or_an_unwritten_triple_has_no_place(tricky: Locator) -> None:
    nested = next(s for s, _, _ in Graph().parse(TRICKY).triples((None, ex("q"), ex("h"))))
    assert tricky.triple_places((nested, ex("q"), ex("h"))) == ()
    assert tricky.triple_places((ex("a"), ex("p"), ex("z"))) == ()
    assert tricky.subject_places(ex("g")) == (Place("tests/locate/tricky.ttl", 10, 19),)


@pytest.mark.parametrize(("triple", "line", "column"), [
    ((ex("a"), ex("p"), ex("b")), 6, 5),
    ((ex("b"), ex("p"), ex("c")), 7, 6),
    ((ex("c"), ex("p"), ex("a")), 7, 23),
    ((ex("d"), ex("p"), ex("f")), 9, 5),
    ((ex("e.x"), ex("p"), Literal(2)), 10, 8),
])
def test_statements_are_found_from_their_subjects_in_a_file_without_multiline_strings(triple: tuple, line: int,
                                                                                     column: int) -> None:
    lines = Locator([LINES], root=ROOT)
    assert not lines._files[0].whole
    assert lines.triple_places(triple) == (Place("tests/locate/lines.ttl", line, column),)
    assert lines.subject_places(ex("b")) == (Place("tests/locate/lines.ttl", 7, 1),)  # not the string's


@pytest.mark.parametrize("path", [LINES, *default_graph_files()], ids=lambda p: p.name)
def test_finding_statements_by_subject_agrees_with_scanning_the_whole_file(path: Path) -> None:
    found, scanned = _TurtleFile(path, path.name), _TurtleFile(path, path.name, whole=True)
    for iri, starts in scanned.by_subject.items():
        assert found.starts(iri) == starts, iri
    if not found.whole:
        iris = sorted(scanned.by_subject)
        for iri in iris[:200]:
            assert found.mention_starts(iri) == scanned.mention_starts(iri), iri


def test_a_report_without_findings_reads_no_file() -> None:
    """The files are read again only to place findings (a missing one would raise here)."""
    log = render(CheckReport(0, (), ()), Graph(), "sarif", Locator([TESTS / "no-such-file.ttl"]), [], "kg check")
    assert json.loads(log)["runs"][0]["results"] == []


def test_every_asserted_triple_of_the_project_is_placed_where_rdflib_reads_it(asserted: Graph) -> None:
    """Each place is confirmed by rdflib, so this proves the scanner reaches every statement. The subjects are
    indexed as kg check indexes its findings' (Locator.prepare: one pass over each file for all of them); looked
    up one by one, each a pass of its own (8 s of CPU here), the same starts are found: the test above compares
    them with the whole scan, subject by subject."""
    locator = Locator(default_graph_files(), root=ROOT)
    subjects = sorted({str(subject) for subject in asserted.subjects() if isinstance(subject, URIRef)})
    locator.prepare([((subject,), ()) for subject in subjects])
    unplaced = [t for t in asserted if isinstance(t[0], URIRef) and not locator.triple_places(t)]
    assert unplaced == []


def test_finding_on_an_asserted_triple_and_an_inferred_one_point_at_the_line() -> None:
    code, output = check(str(MUTANT), "--format", "json")
    assert code == 1
    findings = {f["check"]: f for f in json.loads(output)["findings"]}
    at_mutant = {"file": SHOWN, "line": 15, "column": 8}
    for name in ("type-without-claim", "derived-membership-asserted"):
        assert findings[name]["triple"] == [str(KG_ALS), str(RDF.type), str(MUSCULAR_DYSTROPHY)]
        assert findings[name]["places"] == [at_mutant]
    clash = findings["cax-dw"]  # inferred: the asserted premises' places, the finding's own triple first
    assert clash["places"][0] == at_mutant
    assert {"file": "data/triples.ttl", "line": line_of("kg:anterior-horn-cell a mnd:MotorNeuron ;"),
            "column": 23} in clash["places"]
    premise = clash["because"][0]["premises"][0]
    assert premise["triple"][1] == "https://w3id.org/mnd-kg/ontology#hasPrimaryPathology"
    pathology = line_of("kg:ALS mnd:hasPrimaryPathology kg:als-motor-neuron-degeneration .")
    assert premise["places"][0] == {"file": "data/triples.ttl", "line": pathology, "column": 8}


def line_of(statement: str) -> int:
    """The line (from 1) where ``statement`` first starts a line of data/triples.ttl: the data moves, the
    statement the places must point at does not."""
    lines = (ROOT / "data" / "triples.ttl").read_text(encoding="utf-8").splitlines()
    return lines.index(statement) + 1


def test_text_names_the_place_of_each_finding_and_premise() -> None:
    _, output = check(str(MUTANT))
    assert ("error  type-without-claim  entity is asserted a member of an ontology class without a cited claim: "
            "kg:ALS (amyotrophic lateral sclerosis), mnd:MuscularDystrophy (muscular dystrophy)\n"
            f"    at {SHOWN}:15:8\n") in output
    assert f"kg:ALS rdf:type mnd:MuscularDystrophy  (asserted at {SHOWN}:15:8, no citation)" in output


def test_tsv_has_robot_report_columns() -> None:
    code, output = check(str(MUTANT), "--format", "tsv")
    assert code == 1
    assert output == (
        "Level\tRule Name\tSubject\tProperty\tValue\tLocation\n"
        f"ERROR\tcax-dw\tkg:ALS\trdf:type\tmnd:MuscularDystrophy\t{SHOWN}:15:8\n"
        f"ERROR\tderived-membership-asserted\tkg:ALS\trdf:type\tmnd:MuscularDystrophy\t{SHOWN}:15:8\n"
        f"ERROR\ttype-without-claim\tkg:ALS\trdf:type\tmnd:MuscularDystrophy\t{SHOWN}:15:8\n")


def test_sarif_is_valid_and_puts_each_result_on_its_line() -> None:
    runner = CliRunner()
    args = ["check", str(ONTOLOGY_DIR), str(DATA_FILE), str(MUTANT), "--format", "sarif"]
    first, second = runner.invoke(cli, args), runner.invoke(cli, args)
    assert first.exit_code == 1
    assert first.output == second.output
    log = json.loads(first.output)
    jsonschema.Draft4Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(log)
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    check_files = sorted(p.name.removesuffix("-violation.rq") for p in (ROOT / "queries" / "checks").glob("*.rq"))
    assert rules == [*check_files, "cax-dw"]
    type_rule = run["tool"]["driver"]["rules"][rules.index("type-without-claim")]
    assert type_rule["shortDescription"]["text"] == \
        "entity is asserted a member of an ontology class without a cited claim"
    assert type_rule["defaultConfiguration"]["level"] == "error"
    placed = {(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
               r["locations"][0]["physicalLocation"]["region"]["startLine"],
               r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in run["results"]}
    assert placed == {(name, "error", SHOWN, 15, 8)
                      for name in ("cax-dw", "derived-membership-asserted", "type-without-claim")}
    clash = next(r for r in run["results"] if r["ruleId"] == "cax-dw")
    assert rules[clash["ruleIndex"]] == "cax-dw"
    assert len(clash["relatedLocations"]) == 3


def test_sarif_of_a_clean_graph_is_valid_with_no_results() -> None:
    code, output = check("--format", "sarif")
    assert code == 0
    log = json.loads(output)
    jsonschema.Draft4Validator(SCHEMA).validate(log)
    assert log["runs"][0]["results"] == []


@pytest.mark.parametrize(("severities", "fail_on", "fails_"), [
    ((), "error", False), (("warning",), "error", False), (("warning",), "warning", True),
    (("warning",), "none", False), (("error",), "warning", True), (("error", "warning"), "none", False),
])
def test_fail_on_levels_as_robot(severities: tuple[str, ...], fail_on: str, fails_: bool) -> None:
    """The level decides: a warning fails only --fail-on warning, an error both levels, none never."""
    from kg.checks.output import fails

    findings = tuple(CheckFinding(severity, "a-check", "found", (f"urn:x:{n}",))
                     for n, severity in enumerate(severities))
    assert fails(CheckReport(1, ("a-check",), findings), fail_on) is fails_


def test_fail_on_sets_the_exit_code() -> None:
    assert check(str(MUTANT), "--fail-on", "none")[0] == 0
    assert check(str(MUTANT), "--fail-on", "ERROR")[0] == 1
    assert check("--fail-on", "warning")[0] == 0  # the project's graph: no finding at all
    assert check("--fail-on", "fatal")[0] == 2


def test_markdown_fits_a_comment_keeps_the_most_severe_and_tallies_the_rest() -> None:
    warnings = [CheckFinding("warning", "quotes-verbatim", "source documents not given: quote not checked",
                             (f"urn:x:warning-{n:04}",)) for n in range(3000)]
    errors = [CheckFinding("error", "claim-without-citation", "claim has no citation", (f"urn:x:error-{n:04}",))
              for n in range(400)]
    report = CheckReport(1, ("claim-without-citation",), tuple(sorted(warnings + errors)))
    text = format_report(report, Graph(), "markdown", command="kg check data --format text")
    assert len(text.encode("utf-16-le")) // 2 <= MARKDOWN_LIMIT
    rows = [line for line in text.splitlines() if line.startswith(("| error", "| warning"))]
    assert all("| error |" in row for row in rows[:400]) and "urn:x:error-0399" in rows[399]
    shown_warnings = len(rows) - 400
    assert 0 < shown_warnings < 3000
    assert text.endswith(f"**{3000 - shown_warnings} of 3400 findings left out** ({3000 - shown_warnings} "
                         "warning(s)) to keep this comment under 60,000 characters; see them all with "
                         "`kg check data --format text`\n")


def test_markdown_with_room_leaves_nothing_out() -> None:
    code, output = check(str(MUTANT), "--format", "markdown")
    assert code == 1
    assert "left out" not in output
    assert f"| error | type-without-claim | entity is asserted a member of an ontology class without a cited claim " \
           f"| kg:ALS (amyotrophic lateral sclerosis), mnd:MuscularDystrophy (muscular dystrophy) | `{SHOWN}:15:8` |" \
        in output


def test_the_ci_page_documents_every_format_and_level() -> None:
    page = (ROOT / "docs" / "check-in-ci.md").read_text(encoding="utf-8")
    for name in (*REPORT_FORMATS, *FAIL_ON):
        assert f"`{name}`" in page, name
    assert "[--format text|json|markdown|tsv|sarif] [--fail-on error|warning|none]" in page


def _restriction_label(value: str) -> str:
    """The label of ``[ a owl:Restriction; owl:onProperty mnd:reflectsDegenerationOf; owl:hasValue value ]``:
    the SHA-256 of what it says, one sorted ``predicate object`` line each."""
    said = sorted([f"<{RDF.type}> <http://www.w3.org/2002/07/owl#Restriction>",
                   "<http://www.w3.org/2002/07/owl#onProperty> <https://w3id.org/mnd-kg/ontology#reflectsDegenerationOf>",
                   f"<http://www.w3.org/2002/07/owl#hasValue> <https://w3id.org/mnd-kg/resource/{value}>"])
    return "_:" + hashlib.sha256("\n".join(said).encode()).hexdigest()


@pytest.fixture(scope="module")
def checked_by_seed() -> dict[str, list[tuple[int, str]]]:
    """Each format's (exit code, output) of ``kg check`` on a graph with blank nodes, in two processes of two hash
    seeds: each process runs the command once per format (five parses), rather than a process per run."""
    script = ("import json, sys\nfrom click.testing import CliRunner\nfrom kg.cli import cli\n"
              "from kg.checks.output import REPORT_FORMATS\n"
              "runs = {fmt: CliRunner().invoke(cli, sys.argv[1:] + ['--format', fmt]) for fmt in REPORT_FORMATS}\n"
              "print(json.dumps({fmt: [run.exit_code, run.stdout] for fmt, run in runs.items()}))\n")
    command = [sys.executable, "-c", script, "check", "ontology", "tests/mutants/unsatisfiable-class.ttl",
               str(MUTANT.relative_to(ROOT))]
    runs = [json.loads(subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=True, timeout=600,
                                      env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed}).stdout)
            for seed in ("1", "2")]
    return {fmt: [(code, output) for code, output in (run[fmt] for run in runs)] for fmt in REPORT_FORMATS}


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_a_blank_node_is_shown_by_the_same_label_on_every_run(
        fmt: str, checked_by_seed: dict[str, list[tuple[int, str]]]) -> None:
    """The undescribed-iri finding points at a triple whose subject is a restriction written as ``[ ... ]``: the
    parser labels it at random, the report names it by what it says, so two runs (two hash seeds, two parses)
    write the same bytes."""
    outputs = checked_by_seed[fmt]
    assert [code for code, _ in outputs] == [1, 1]
    assert outputs[0][1] == outputs[1][1]
    lower, upper = _restriction_label("lower-motor-neuron"), _restriction_label("upper-motor-neuron")
    if fmt == "json":
        triples = [f["triple"] for f in json.loads(outputs[0][1])["findings"] if f["check"] == "undescribed-iri"]
        assert triples == [[lower, "http://www.w3.org/2002/07/owl#hasValue", "https://w3id.org/mnd-kg/resource/lower-motor-neuron"],
                           [upper, "http://www.w3.org/2002/07/owl#hasValue", "https://w3id.org/mnd-kg/resource/upper-motor-neuron"]]
    if fmt == "tsv":
        rows = [line for line in outputs[0][1].splitlines() if "\tundescribed-iri\t" in line]
        # each restriction's place: the line its owl:equivalentClass [ opens, column 5 (its owl:hasValue two lines on)
        ontology = (ROOT / "ontology" / "mnd.ttl").read_text(encoding="utf-8").splitlines()
        lines = {which: next(n for n, line in enumerate(ontology, 1) if line.strip().startswith("owl:equivalentClass [")
                             and f"/{which}-motor-neuron>" in ontology[n + 1]) for which in ("lower", "upper")}
        assert rows == [
            f"ERROR\tundescribed-iri\t{lower}\towl:hasValue\tkg:lower-motor-neuron\tontology/mnd.ttl:{lines['lower']}:5",
            f"ERROR\tundescribed-iri\t{upper}\towl:hasValue\tkg:upper-motor-neuron\tontology/mnd.ttl:{lines['upper']}:5"]


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_a_finding_in_a_file_whose_name_is_not_utf8_is_reported_in_every_format(fmt: str, tmp_path: Path) -> None:
    """The Markdown report counted its length in UTF-16 and stopped at the name's undecodable byte (b"caf\\xe9.ttl",
    held as a lone surrogate): a UnicodeEncodeError traceback."""
    folder = tmp_path / "graph"
    folder.mkdir()
    (folder / os.fsdecode(b"caf\xe9.ttl")).write_text(
        "@prefix kg: <https://w3id.org/mnd-kg/resource/> .\nkg:z a kg:NoClass .\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(folder), "--format", fmt])
    assert result.exit_code == 1, result.output
    assert "caf" in result.stdout and "Traceback" not in result.output
