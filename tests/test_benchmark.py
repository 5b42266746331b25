"""The benchmark runs at a small size and reports every figure (timings are printed, never asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.reasoning.engine import fast_available

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
    """Every figure of one size (the whole processes on the project's graph: the next test)."""
    command = [sys.executable, str(BENCHMARKS / "run.py"), "--sizes", "2000", "--repeat", "1", "--plain-repeat", "1",
               "--no-project", "--json"]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    report = json.loads(output)
    assert set(report) == {"machine", "engines", "sizes", "targets"}
    # 2,000 triples: sizes not measured; no whole process on the project's graph
    assert [t["met"] for t in report["targets"]] == [None, None, None, None, None]
    [run] = report["sizes"]
    # the ontology (about 1,150 triples) and then whole subject blocks of the data up to the size asked
    assert run["size"] == 2000 and 2000 <= run["triples"] < 2100
    assert {"load_s", "reason_s", "check_total_s", "kg_check_cold_s", "kg_check_cold_cpu_s", "kg_check_warm_s",
            "kg_check_cold_peak_mib", "peak_memory_mib", "queries", "findings"} <= set(run["fast"])
    assert {"load_s", "reason_s", "check_total_s", "check_total_cpu_s", "peak_memory_mib",
            "queries"} <= set(run["plain"])
    assert run["plain"]["check_total_cpu_s"] > 0
    assert set(run["fast"]["findings"]) == {"errors", "warnings"}
    assert set(run["fast"]["queries"]) == set(run["plain"]["queries"])
    assert all(set(q) == {"median_ms", "p95_ms"} for q in run["fast"]["queries"].values())
    assert {"load", "reason", "check_cold", "check_warm", "check_cold_cpu", "query_median_min"} <= set(run["ratios"])
    assert [t["target"] for t in report["targets"][3:]] == [
        "a cold kg query process under 0.3 s and at least 3x faster than plain",
        "kg check on ~20,000 triples at least 20x faster than plain parse + owlrl"]


def test_a_whole_process_is_timed_warm_cold_and_plain(tmp_path: Path) -> None:
    """The figures of a whole kg process as the benchmark takes them of kg query and kg ask on the project's graph
    (here of kg list, which a plain run takes as long as a fast one: the project's plain kg ask alone takes 35 s
    of a loaded machine), and the targets judged on them."""
    from benchmarks.run import _kg, _project_command, targets

    figures = _project_command(tmp_path, 1, "list", [_kg(), "list"])
    assert figures["command"] == "kg list"
    assert {"warm_s", "warm_cpu_s", "cold_cache_s", "cold_cache_cpu_s", "plain_s", "plain_cpu_s", "plain_over_warm",
            "plain_over_cold", "plain_over_warm_cpu"} == set(figures) - {"command"}
    assert figures["plain_over_warm"] == figures["plain_s"] / figures["warm_s"] > 0
    verdicts = targets({"sizes": [], "project_query": figures, "project_ask": figures})
    assert [v["target"].split(":")[0] for v in verdicts[3:]] == [
        "a cold kg query process under 0.3 s and at least 3x faster than plain", "kg query", "kg ask",
        "a warm kg ask within 1.5x of a warm kg query",
        "kg check on ~20,000 triples at least 20x faster than plain parse + owlrl"]
    assert verdicts[6]["met"] is True  # the same figures for both: within 1.5x


def _report(check_160k_ratio: float, check_1m_s: float, peak_1m_mib: float, slowest_ms: float,
            process_s: float, check_20k_ratio: float | None = None) -> dict:
    queries = {"genes": {"median_ms": 1.0, "p95_ms": 2.0}, "survival": {"median_ms": slowest_ms, "p95_ms": 99.0}}
    small = [] if check_20k_ratio is None else [
        {"triples": 20_001, "ratios": {"check_cold": check_20k_ratio}, "plain": {"check_total_s": 14.0},
         "fast": {"kg_check_cold_s": 14.0 / check_20k_ratio}}]
    return {"sizes": [
        *small,
        {"triples": 160_002, "ratios": {"check_cold": check_160k_ratio}, "plain": {"check_total_s": 88.0},
         "fast": {"kg_check_cold_s": 88.0 / check_160k_ratio}},
        {"triples": 1_000_001, "ratios": None, "plain": None,
         "fast": {"kg_check_cold_s": check_1m_s, "kg_check_cold_peak_mib": peak_1m_mib, "queries": queries}}],
        "project_query": {"warm_s": process_s, "plain_over_warm": 4.0 / process_s}}


@pytest.mark.parametrize(("report", "met"), [
    (_report(25.0, 29.9, 1535, 49.9, 0.29, 20.0), [True, True, True, True, True]),
    (_report(24.9, 30.0, 1000, 50.0, 0.30, 19.9), [False, False, False, False, False]),
    (_report(30.0, 20.0, 1536, 10.0, 1.40), [True, False, True, False, None]),
])
def test_targets_are_judged_on_the_measured_figures(report: dict, met: list[bool | None]) -> None:
    sys.path.insert(0, str(BENCHMARKS.parent))
    from benchmarks.run import targets

    verdicts = targets(report)
    assert [v["met"] for v in verdicts] == met
    assert ("survival 50.0 ms" in verdicts[2]["measured"]) is (not met[2])


def test_a_command_that_stops_at_its_limit_is_refused_as_a_timing(tmp_path: Path) -> None:
    """A kg run stopped at its --timeout (exit 4) measured nothing: the benchmark stops and says which command."""
    from benchmarks.run import _timed

    with pytest.raises(SystemExit) as stopped:
        _timed([sys.executable, "-c", "raise SystemExit(4)"], tmp_path / "cache")
    assert str(stopped.value) == f"benchmark: {sys.executable} -c raise SystemExit(4) exited 4"
    assert _timed([sys.executable, "-c", "pass"], tmp_path / "cache")["exit"] == 0
