"""Same closure, findings, answers and ``kg check`` findings on both engines for a generated graph of the
project's shape: the ontology, a copy of the data and part of a second with IRIs of its own (tests/differential.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.checks.checker import check_reasoned, load_check_files
from kg.graph import load_graph
from kg.graph.paths import CHECKS_DIR, DOCUMENTS_DIR, SUPPLEMENTARY_DIR
from kg.reasoning.engine import load_reasoned
from kg.reasoning.reason import reason
from kg.reasoning.store import ReasonedStore
from kg.sparql.saved import SavedQuery
from tests.differential import NEEDS_FAST_ENGINES, ROOT, assert_same, findings_of

pytestmark = NEEDS_FAST_ENGINES


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 9,000 triples of the project's shape: the ontology, one copy of the data and part of a second."""
    path = tmp_path_factory.mktemp("generated") / "graph.ttl"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--triples", "9000", "-o", str(path)],
                   check=True)
    return path


def test_generated_graph_same_closure_findings_and_answers(generated: Path,
                                                           saved_queries: dict[str, SavedQuery]) -> None:
    fast = load_reasoned([generated])
    assert isinstance(fast, ReasonedStore)
    reference = reason(load_graph([generated]), reference=True)
    assert fast.triples == reference.triples
    assert 9000 <= fast.triples < 9200
    assert_same(fast, reference, saved_queries)
    checks = load_check_files(CHECKS_DIR)
    assert findings_of(check_reasoned(fast, checks, DOCUMENTS_DIR, SUPPLEMENTARY_DIR)) == findings_of(
        check_reasoned(reference, checks, DOCUMENTS_DIR, SUPPLEMENTARY_DIR))


