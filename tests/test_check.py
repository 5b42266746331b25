"""kg check: the project's graph passes; every mutant of it fails with a finding naming the culprit."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.answers.explain import Step
from kg.checks.checker import CheckReport, load_check_files, run_checks
from kg.cli import cli
from kg.graph import load_graph
from kg.graph.namespaces import KG, SRC
from kg.graph.paths import CHECKS_DIR, DATA_FILE, DOCUMENTS_DIR, ONTOLOGY_DIR, SUPPLEMENTARY_DIR, default_graph_files

MUTANTS_DIR = Path(__file__).resolve().parent / "mutants"
CURATED = (str(KG), str(SRC))
MUTANTS = sorted(p for p in MUTANTS_DIR.glob("*.ttl") if not p.name.startswith("malformed"))
BUILT_IN = ("logical-consistency", "unsatisfiable-classes", "unintended-equivalences", "quotes-verbatim",
            "type-object-not-a-class", "claim-structure", "citation-structure", "property-outside-domain",
            "property-outside-range")


def expectations(path: Path, key: str) -> list[list[str]]:
    return [line.split()[2:] for line in path.read_text().splitlines() if line.startswith(f"# {key}:")]


@pytest.fixture(scope="module")
def clean_report(asserted: Graph) -> CheckReport:
    return run_checks(asserted, load_check_files(CHECKS_DIR), DOCUMENTS_DIR, SUPPLEMENTARY_DIR)


def independent_groups(asserted: Graph, paths: list[Path]) -> list[list[Path]]:
    """The mutants in groups that can share one graph: no two in a group mention the same resource (kg:, src:)
    or subject, so a finding naming a mutant's culprit is that mutant's; one that changes a term the ontology
    already has (a property made functional, ...) is alone."""
    groups: list[tuple[list[Path], set[str]]] = []
    for path in paths:
        mutant = Graph().parse(path, format="turtle")
        terms = {str(t) for triple in mutant for t in triple if str(t).startswith(CURATED)}
        terms |= {str(s) for s in mutant.subjects()}
        alone = any(not str(s).startswith(CURATED) and (s, None, None) in asserted for s in mutant.subjects())
        group = next((g for g in groups if not alone and g[1] and not g[1] & terms), None)
        if group is None:
            groups.append(([path], set() if alone else terms))
        else:
            group[0].append(path)
            group[1].update(terms)
    return [members for members, _ in groups]


@pytest.fixture(scope="module")
def mutant_reports(asserted: Graph) -> dict[str, CheckReport]:
    """Each mutant's report: that of its group's graph (the project's graph and the group's mutants), one check
    per group rather than per mutant (each check validates the SHACL shapes: a second or more)."""
    reports = {}
    for group in independent_groups(asserted, MUTANTS):
        graph = Graph()
        for triple in asserted:
            graph.add(triple)
        for path in group:
            graph.parse(path, format="turtle")
        report = run_checks(graph, load_check_files(CHECKS_DIR), DOCUMENTS_DIR, SUPPLEMENTARY_DIR)
        reports.update(dict.fromkeys((path.name for path in group), report))
    return reports


def culprits(path: Path) -> set[str]:
    return {culprit for _, culprit in expectations(path, "expect")}


def test_project_graph_passes_every_check(clean_report: CheckReport) -> None:
    assert [(f.check, f.terms) for f in clean_report.findings] == []


def test_every_check_file_runs(clean_report: CheckReport) -> None:
    files = {p.name.removesuffix("-violation.rq") for p in CHECKS_DIR.glob("*-violation.rq")}
    assert len(files) >= 13
    assert set(clean_report.checks_run) == files | set(BUILT_IN)


@pytest.mark.parametrize("path", MUTANTS, ids=lambda p: p.stem)
def test_mutant_fails_with_a_finding_naming_the_culprit(mutant_reports: dict[str, CheckReport], path: Path) -> None:
    report = mutant_reports[path.name]
    assert report.errors > 0
    found = {(f.check, term) for f in report.findings for term in f.terms}
    for check, culprit in expectations(path, "expect"):
        assert (check, culprit) in found, (check, culprit, sorted(found))


@pytest.mark.parametrize("path", [p for p in MUTANTS if expectations(p, "cites")], ids=lambda p: p.stem)
def test_logical_finding_names_the_citations_behind_it(mutant_reports: dict[str, CheckReport], path: Path) -> None:
    report = mutant_reports[path.name]
    cited = {str(c) for f in report.findings if culprits(path) & set(f.terms)
             for step in f.because for leaf in step.leaves() for c in leaf.citations}
    for (citation,) in expectations(path, "cites"):
        assert citation in cited


def test_every_check_is_triggered_by_some_mutant(mutant_reports: dict[str, CheckReport]) -> None:
    """Proves no check is dead: each one fires on at least one broken graph."""
    triggered = {f.check for report in mutant_reports.values() for f in report.findings}
    files = {p.name.removesuffix("-violation.rq") for p in CHECKS_DIR.glob("*-violation.rq")}
    expected = files | {"cax-dw", "dt-not-type", "unsatisfiable-class", "unintended-equivalence", "quotes-verbatim"}
    assert expected - triggered == set()


def test_finding_explains_both_sides_of_a_disjointness_clash(mutant_reports: dict[str, CheckReport]) -> None:
    clash = next(f for f in mutant_reports["als-asserted-muscular-dystrophy.ttl"].findings
                 if f.check == "cax-dw" and f.terms[0] == str(KG.ALS))
    assert [step.rule for step in clash.because] == [
        "mnd:MotorNeuronDisease ≡ mnd:hasPrimaryPathology some mnd:MotorNeuronDegeneration", "asserted"]
    assert isinstance(clash.because[1], Step) and clash.because[1].citations == ()


def test_check_command_exit_codes_and_byte_identical_output(tmp_path: Path) -> None:
    runner = CliRunner()
    clean = runner.invoke(cli, ["check"])
    assert clean.exit_code == 0, clean.output
    assert clean.output.startswith("kg check: 0 error(s), 0 warning(s)\n")
    mutant = MUTANTS_DIR / "als-asserted-muscular-dystrophy.ttl"
    args = ["check", str(ONTOLOGY_DIR), str(DATA_FILE), str(mutant), "--format", "json"]
    first, second = runner.invoke(cli, args), runner.invoke(cli, args)
    assert first.exit_code == 1
    assert first.output == second.output
    report = json.loads(first.output)
    assert {f["check"] for f in report["findings"]} == {"cax-dw", "derived-membership-asserted", "type-without-claim"}
    markdown = runner.invoke(cli, ["check", str(ONTOLOGY_DIR), str(DATA_FILE), str(mutant), "--format", "markdown"])
    assert markdown.output.startswith("## kg check: 3 error(s), 0 warning(s)\n")
    assert "| error | cax-dw | disjoint classes share a member |" in markdown.output


def test_malformed_turtle_is_an_input_error_with_position() -> None:
    bad = MUTANTS_DIR / "malformed-turtle.ttl"
    result = CliRunner().invoke(cli, ["check", str(ONTOLOGY_DIR), str(bad)])
    assert result.exit_code == 2
    assert re.fullmatch(rf"Error: malformed Turtle: .* \({re.escape(str(bad))}:\d+:\d+\)\n", result.output)


def test_explain_prints_premises_with_citations() -> None:
    result = CliRunner().invoke(cli, ["explain", "SMA type 1"])
    assert result.exit_code == 0
    assert result.output.startswith("kg:SMA-type-1 (spinal muscular atrophy type 1): 4 inferred class membership(s)")
    assert ("kg:SMA-type-1 mnd:subtypeOf kg:SMA  (asserted; cited: document 004 \"Yes, varying from Type 1 (most "
            "severe) to Type 4 (least severe).\")") in result.output


EXPLAIN_PREFIXES = ("@prefix ex: <http://example.org/> . @prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
                    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n")


def explained(turtle: str, entity: str, cls: str) -> Step | None:
    """The explanation of ``entity rdf:type cls`` in the reasoned ``turtle``."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    from kg.answers.explain import explainer_from
    from kg.reasoning.reason import reason

    reasoned = reason(Graph().parse(data=EXPLAIN_PREFIXES + turtle, format="turtle"))
    triple = (URIRef("http://example.org/" + entity), RDF.type, URIRef("http://example.org/" + cls))
    assert triple in reasoned.inferred
    return explainer_from(reasoned.asserted, reasoned.inferred).explain(triple)


def test_explain_follows_a_cycle_of_subclasses() -> None:
    """A ⊑ B ⊑ A, x a A: 'x a B' is inferred, and kg explain said 'no inferred class membership'."""
    step = explained("ex:A rdfs:subClassOf ex:B . ex:B rdfs:subClassOf ex:A . ex:x a ex:A .", "x", "B")
    assert step is not None and step.rule == "http://example.org/A ⊑ http://example.org/B"
    assert [leaf.rule for leaf in step.leaves()] == ["asserted"]


@pytest.mark.parametrize(("chain", "facts", "leaves"), [
    # a chain of no property, or of one: ValueError (not enough values to unpack) from kg explain and kg check
    ("( )", "ex:s rdfs:subPropertyOf ex:r . ex:a ex:s ex:b .", 1),
    ("( ex:s )", "ex:s rdfs:subPropertyOf ex:r . ex:a ex:s ex:b .", 1),
    # of three: only two steps were read, so 'a r d' had no explanation, nor 'a a C' ("no inferred class membership")
    ("( ex:s ex:s ex:s )", "ex:a ex:s ex:b . ex:b ex:s ex:c . ex:c ex:s ex:d .", 3),
], ids=["empty", "one-step", "three-steps"])
def test_explain_reads_property_chains_of_any_length(chain: str, facts: str, leaves: int) -> None:
    step = explained(f"ex:r owl:propertyChainAxiom {chain} ; rdfs:domain ex:C . {facts}", "a", "C")
    assert step is not None and step.rule == "domain of http://example.org/r is http://example.org/C"
    assert len(step.leaves()) == leaves


def test_check_of_project_files_equals_default(asserted: Graph) -> None:
    assert len(load_graph(default_graph_files())) == len(asserted)
