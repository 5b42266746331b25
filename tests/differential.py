"""What the differential tests (tests/test_fast_path*.py) compare: the fast path (Oxigraph, kg.reasoning.rules,
reasonable, closure cache) against the reference (rdflib, owlrl), on the same graph.

The tests are spread over several files so that ``--dist loadfile`` gives each of the two workers a share of the
reference engine's work (owlrl and rdflib's SPARQL engine are the slow side).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import to_isomorphic
from rdflib.namespace import RDF
from rdflib.query import Result

from kg.checks.checker import CheckReport
from kg.reasoning.engine import ReasonedGraph, fast_available
from kg.reasoning.reason import Reasoned
from kg.sparql.results import solutions
from kg.sparql.saved import SavedQuery

ROOT = Path(__file__).resolve().parent.parent
MUTANTS_DIR = Path(__file__).resolve().parent / "mutants"
NEEDS_FAST_ENGINES = pytest.mark.skipif(not fast_available(),
                                        reason="the fast engines (pyoxigraph, reasonable) are absent")


@dataclass(frozen=True)
class RememberingReference(Reasoned):
    """The reference, answering each saved query once per set of values: several tests compare the same saved
    queries' answers (as rows, as text, as tab-separated values), and rdflib takes seconds over all of them."""

    runs: dict[tuple, Result] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def of(cls, reasoned: Reasoned) -> RememberingReference:
        return cls(reasoned.asserted, reasoned.inferred, reasoned.findings)

    def run_saved(self, query: SavedQuery, raw_values: Mapping[str, Sequence[str]], cap: int | None = None) -> Result:
        key = (query.path, tuple((name, tuple(values)) for name, values in sorted(raw_values.items())), cap)
        if key not in self.runs:
            self.runs[key] = super().run_saved(query, raw_values, cap)
        return self.runs[key]


def answers(reasoned: ReasonedGraph, query: SavedQuery, values: dict[str, list[str]]) -> Counter:
    result = reasoned.run_saved(query, values)
    return Counter(tuple(sorted(row.items())) for row in solutions(result))


def memberships(graph: Graph) -> set:
    return set(graph.triples((None, RDF.type, None)))


def assert_same(fast: ReasonedGraph, reference: Reasoned, queries: dict[str, SavedQuery]) -> None:
    assert memberships(fast.inferred) == memberships(reference.inferred)
    assert set(fast.inferred) == set(reference.inferred)
    assert fast.findings == reference.findings
    assert to_isomorphic(fast.asserted) == to_isomorphic(reference.asserted)
    for name, query in queries.items():
        assert answers(fast, query, {}) == answers(reference, query, {}), name
        for question in query.questions:
            values = {k: list(v) for k, v in question.bindings.items()}
            if values:
                assert answers(fast, query, values) == answers(reference, query, values), (name, question.text)


def findings_of(report: CheckReport) -> list[tuple]:
    return [(f.severity, f.check, f.message, f.terms, [s.triple for s in f.because]) for f in report.findings]


def copy_of(asserted: Graph) -> Graph:
    """A new graph holding ``asserted``'s triples, to add a mutant to."""
    graph = Graph()
    for triple in asserted:
        graph.add(triple)
    return graph
