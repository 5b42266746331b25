"""The benchmark runs at a small size and reports every figure (timings are printed, never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.engine import fast_available

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def test_generated_graph_has_about_the_asked_size_and_is_byte_identical(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    for path in (first, second):
        subprocess.run([sys.executable, str(BENCHMARKS / "generate.py"), "--triples", "12000", "-o", str(path)],
                       check=True)
    assert first.read_bytes() == second.read_bytes()
    lines = first.read_text(encoding="utf-8").splitlines()
    assert 12000 <= len(lines) < 12200
    assert all(line.endswith(" .") for line in lines)
    assert "<https://w3id.org/mnd-kg/resource/ALS-g1>" in first.read_text(encoding="utf-8")


@pytest.mark.skipif(not fast_available(), reason="the fast engines (pyoxigraph, reasonable) are absent")
def test_benchmark_json_has_every_figure() -> None:
    command = [sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "1000", "--repeat", "1", "--plain-repeat", "1",
               "--json"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    report = json.loads(output)
    assert set(report) == {"machine", "engines", "sizes", "project_query"}
    [run] = report["sizes"]
    assert run["size"] == 1000 and 1000 <= run["triples"] < 1100
    assert {"load_s", "reason_s", "check_total_s", "kg_check_cold_s", "kg_check_cold_cpu_s", "kg_check_warm_s",
            "kg_check_cold_peak_mib", "peak_memory_mib", "queries", "findings"} <= set(run["fast"])
    assert {"load_s", "reason_s", "check_total_s", "peak_memory_mib", "queries"} <= set(run["plain"])
    assert set(run["fast"]["findings"]) == {"errors", "warnings"}
    assert set(run["fast"]["queries"]) == set(run["plain"]["queries"])
    assert all(set(q) == {"median_ms", "p95_ms"} for q in run["fast"]["queries"].values())
    assert {"load", "reason", "check_cold", "check_warm", "query_median_min"} <= set(run["ratios"])
    assert {"warm_s", "cold_cache_s", "plain_s", "plain_over_warm"} <= set(report["project_query"])
