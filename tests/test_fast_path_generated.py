"""Same closure, findings, answers and ``kg check`` findings on both engines for a generated graph of the
project's shape (the ontology, a copy of the data and part of a second with IRIs of its own) with mutants that
break it: a disjointness clash and an ill-typed literal (tests/differential.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.checks.checker import check_reasoned, load_check_files
from kg.graph import load_graph
from kg.graph.paths import CHECKS_DIR, DOCUMENTS_DIR, SUPPLEMENTARY_DIR
from kg.reasoning.engine import load_reasoned, reason_graph
from kg.reasoning.reason import reason
from kg.reasoning.store import ReasonedStore
from kg.sparql.saved import SavedQuery
from tests.differential import MUTANTS_DIR, NEEDS_FAST_ENGINES, ROOT, assert_same, findings_of
from tests.test_check import expectations

pytestmark = NEEDS_FAST_ENGINES

# the mutants that make the graph inconsistent: two disjointness clashes of different causes, an ill-typed literal
LOGICAL_MUTANTS = tuple(MUTANTS_DIR / name for name in ("als-asserted-muscular-dystrophy.ttl",
                                                         "als-given-demyelinating-pathology.ttl",
                                                         "ill-typed-literal.ttl"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 9,000 triples of the project's shape: the ontology, one copy of the data and part of a second."""
    path = tmp_path_factory.mktemp("generated") / "graph.ttl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--triples", "9000", "-o", str(path)],
                   check=True)
    return path


def test_generated_graph_with_mutants_same_closure_findings_and_answers(generated: Path,
                                                                        saved_queries: dict[str, SavedQuery]) -> None:
    """The generated graph and the three logical mutants together, loaded from their files and from an rdflib
    graph: each mutant's findings are there, named alike by both engines. One graph for both: the reference
    engine reasons and checks a graph this size in about 30 s of CPU (owlrl, then rdflib's SPARQL for the checks),
    and the project's graph with the mutants alone took another 20 s."""
    fast = load_reasoned([generated, *LOGICAL_MUTANTS])
    assert isinstance(fast, ReasonedStore)
    graph = load_graph([generated, *LOGICAL_MUTANTS])
    from_graph = reason_graph(graph)
    assert isinstance(from_graph, ReasonedStore)
    reference = reason(graph, reference=True)
    assert fast.triples == from_graph.triples == reference.triples
    assert 9000 <= fast.triples - len(load_graph(list(LOGICAL_MUTANTS))) < 9200
    assert_same(fast, reference, saved_queries)
    assert from_graph.findings == reference.findings
    checks = load_check_files(CHECKS_DIR)
    reports = [check_reasoned(reasoned, checks, DOCUMENTS_DIR, SUPPLEMENTARY_DIR)
               for reasoned in (fast, reference, from_graph)]
    fast_report = findings_of(reports[0])
    assert [findings_of(report) for report in reports[1:]] == [fast_report, fast_report]
    assert {(report.checks_run, report.triples) for report in reports} == {(reports[0].checks_run, fast.triples)}
    expected = {(check, culprit) for mutant in LOGICAL_MUTANTS for check, culprit in expectations(mutant, "expect")}
    assert expected - {(check, term) for _, check, _, terms, _ in fast_report for term in terms} == set()
    assert {"cax-dw", "dt-not-type"} <= {finding.rule for finding in fast.findings}
