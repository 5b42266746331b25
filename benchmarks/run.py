"""Measure the project at growing sizes, fast path beside the plain one: ``run.py [--sizes N ...] [--json]``.

For each size, a graph of the project's shape (benchmarks/generate.py) is measured in separate processes:

- fast: Oxigraph load, reasoning (reasonable + owlrl on the schema + the rules it lacks), every saved query
  (median and 95th percentile over ``--repeat`` runs), and ``kg check`` as a whole process, cold (empty
  closure cache) and warm (cache filled), with its peak memory;
- plain: rdflib parse, owlrl ``DeductiveClosure`` (with the inconsistency rules, as ``kg check`` needs) and
  rdflib SPARQL for each saved query (skipped above ``--plain-max`` triples: it takes too long). The plain
  check time is parse + closure alone, what any check must do first: the ratio flatters the plain path. Its CPU
  time is measured too, to set against the cold check's: on a shared machine the wall-clock ratio follows the load.

Then, on the project's own graph, a whole ``kg query`` process: warm cache, cold cache, and plain (rdflib
parse + owlrl + rdflib SPARQL). Prints a table, or JSON with ``--json``. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_SIZES = (1_000, 10_000, 160_000, 1_000_000)
PROJECT_QUERY = "primary-pathology"
PROJECT_QUESTION = "What is the primary pathology of ALS?"
# a generous limit: the plain (owlrl) path on a loaded machine can outlast kg's default 30 s, and a run stopped at
# its limit is no timing (_timed refuses it)
PATIENT = ("--timeout", "600")
CHECKED = frozenset({0, 1})  # kg check ran to the end: clean, or errors found (the generated graphs have some)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES), help="Triples per graph.")
    parser.add_argument("--repeat", type=int, default=7, help="Runs of each saved query (median, p95).")
    parser.add_argument("--plain-repeat", type=int, default=3, help="Runs of each saved query on the plain path.")
    parser.add_argument("--plain-max", type=int, default=160_000,
                        help="Largest size the plain path (rdflib, owlrl) is measured at.")
    parser.add_argument("--no-project", dest="project", action="store_false",
                        help="Leave out the whole kg query and kg ask processes on the project's graph.")
    parser.add_argument("--json", action="store_true", help="Print JSON instead of the table.")
    parser.add_argument("--worker", choices=("fast", "plain"), help=argparse.SUPPRESS)
    parser.add_argument("file", nargs="?", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(_work(args.worker, args.file, args.repeat)))
        return
    report = benchmark(args.sizes, args.repeat, args.plain_repeat, args.plain_max, args.project)
    print(json.dumps(report, indent=2) if args.json else table(report))


def benchmark(sizes: list[int], repeat: int, plain_repeat: int, plain_max: int,
              project: bool = True) -> dict[str, Any]:
    """Every figure for every size, and (``project``) whole ``kg query`` and ``kg ask`` processes on the project's
    graph.

    The package is byte-compiled first, as ``pip install`` does: from an editable install, with
    PYTHONDONTWRITEBYTECODE set, every process would otherwise compile every module (40 ms of a cold query).
    """
    compileall.compile_dir(ROOT / "kg", quiet=1)
    with tempfile.TemporaryDirectory(prefix="mnd-kg-bench-") as scratch:
        folder = Path(scratch)
        runs = []
        for size in sizes:
            graph = folder / f"graph-{size}.ttl"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--triples", str(size),
                            "-o", str(graph)], check=True)
            fast, fast_memory = _spawn([sys.executable, __file__, "--worker", "fast", "--repeat", str(repeat),
                                        str(graph)], folder / "unused-cache")
            cache = folder / f"cache-{size}"
            cold = _timed([_kg(), "check", str(graph)], cache, finished=CHECKED)
            warm = _timed([_kg(), "check", str(graph)], cache, finished=CHECKED)
            run: dict[str, Any] = {"size": size, "triples": fast["triples"], "fast": {
                **fast, "peak_memory_mib": fast_memory, "kg_check_cold_s": cold["seconds"],
                "kg_check_cold_cpu_s": cold["cpu_seconds"], "kg_check_cold_peak_mib": cold["peak_mib"],
                "kg_check_warm_s": warm["seconds"], "kg_check_warm_cpu_s": warm["cpu_seconds"],
                "kg_check_exit": cold["exit"]}}
            if size <= plain_max:
                plain, plain_memory = _spawn([sys.executable, __file__, "--worker", "plain", "--repeat",
                                              str(plain_repeat), str(graph)], folder / "unused-cache")
                run["plain"] = {**plain, "peak_memory_mib": plain_memory}
                run["ratios"] = _ratios(run["fast"], run["plain"])
            else:
                run["plain"] = None
                run["ratios"] = None
            runs.append(run)
            graph.unlink()
        report = {"machine": {"cpus": os.cpu_count(), "python": sys.version.split()[0]},
                  "engines": _engines(), "sizes": runs}
        if project:
            report["project_query"] = _project_command(folder, repeat, "query",
                                                       [_kg(), "query", PROJECT_QUERY, *PATIENT])
            report["project_ask"] = _project_command(folder, repeat, "ask", [_kg(), "ask", PROJECT_QUESTION, *PATIENT])
        return {**report, "targets": targets(report)}


def targets(report: dict[str, Any]) -> list[dict[str, Any]]:
    """The targets of issues 6 and 18 against this run's figures: ``met`` true or false, or None when the run lacks
    the size."""
    def verdict(target: str, measured: str | None, met: bool | None) -> dict[str, Any]:
        return {"target": target, "measured": measured, "met": met}

    small = next((run for run in report["sizes"] if 15_000 <= run["triples"] <= 30_000 and run["ratios"]), None)
    mid = next((run for run in report["sizes"] if 100_000 <= run["triples"] <= 250_000 and run["ratios"]), None)
    big = next((run for run in report["sizes"] if 900_000 <= run["triples"] <= 1_200_000), None)
    verdicts = [verdict("kg check on ~160,000 triples at least 25x faster than plain parse + owlrl", None, None),
                verdict("kg check on ~1,000,000 triples under 30 s and 1.5 GiB", None, None),
                verdict("every saved query on ~1,000,000 triples: median under 50 ms", None, None)]
    if mid:
        ratio, fast = mid["ratios"]["check_cold"], mid["fast"]
        verdicts[0].update(measured=f"{ratio:.1f}x ({fast['kg_check_cold_s']:.2f} s against "
                                    f"{mid['plain']['check_total_s']:.1f} s)", met=ratio >= 25)
    if big:
        fast = big["fast"]
        seconds, gib = fast["kg_check_cold_s"], fast["kg_check_cold_peak_mib"] / 1024
        verdicts[1].update(measured=f"{seconds:.1f} s, {gib:.2f} GiB", met=seconds < 30 and gib < 1.5)
        over = {name: q["median_ms"] for name, q in fast["queries"].items() if q["median_ms"] >= 50}
        verdicts[2].update(measured=f"{len(fast['queries']) - len(over)} of {len(fast['queries'])} under 50 ms"
                                    + "".join(f"; {name} {ms:.1f} ms" for name, ms in over.items()), met=not over)
    verdicts += _project_targets(report.get("project_query"), report.get("project_ask"))
    cold = verdict("kg check on ~20,000 triples at least 20x faster than plain parse + owlrl", None, None)
    if small:
        ratio, fast = small["ratios"]["check_cold"], small["fast"]
        cold.update(measured=f"{ratio:.1f}x ({fast['kg_check_cold_s']:.2f} s against "
                             f"{small['plain']['check_total_s']:.1f} s)", met=ratio >= 20)
    return [*verdicts, cold]


def _project_command(folder: Path, repeat: int, label: str, command: list[str]) -> dict[str, Any]:
    """A whole ``kg`` process on the project's graph: warm cache, cold cache, and plain (the owlrl reference
    path: rdflib parse, owlrl closure, rdflib SPARQL, on the same files)."""
    cache = folder / f"project-{label}-cache"
    filling = _timed(command, cache)  # an empty cache, as each cold run's: it is the first of them
    warm = [_timed(command, cache) for _ in range(max(repeat, 3))]
    cold = [filling, *(_timed(command, folder / f"project-{label}-cold-{n}") for n in range(1, max(repeat // 2, 1)))]
    # an empty cache each time: the plain path neither reads the closure nor kg ask's claim index from the warm one
    plain = [_timed(command, folder / f"project-{label}-plain-{n}", {"MND_KG_ENGINE": "reference"})
             for n in range(max(repeat // 3, 1))]
    figures: dict[str, Any] = {"command": " ".join(["kg", *command[1:]])}
    for kind, runs in (("warm", warm), ("cold_cache", cold), ("plain", plain)):
        figures[f"{kind}_s"] = statistics.median(run["seconds"] for run in runs)
        figures[f"{kind}_cpu_s"] = statistics.median(run["cpu_seconds"] for run in runs)
    figures["plain_over_warm"] = figures["plain_s"] / figures["warm_s"]
    figures["plain_over_cold"] = figures["plain_s"] / figures["cold_cache_s"]
    figures["plain_over_warm_cpu"] = figures["plain_cpu_s"] / figures["warm_cpu_s"]
    return figures


def _work(kind: str, file: Path, repeat: int) -> dict[str, Any]:
    """One path's figures for one graph file, measured in this (fresh) process."""
    from kg.checks.checker import check_reasoned, load_check_files
    from kg.graph.paths import CHECKS_DIR, DOCUMENTS_DIR, QUERIES_DIR
    from kg.sparql.saved import load_saved_queries

    queries = load_saved_queries(QUERIES_DIR)
    checks = load_check_files(CHECKS_DIR)
    started, started_cpu = time.perf_counter(), time.process_time()
    if kind == "fast":
        from kg.reasoning.store import load_files, reason_store

        asserted = load_files([file])
        loaded = time.perf_counter()
        reasoned: Any = reason_store(*asserted)
    else:
        os.environ["MND_KG_ENGINE"] = "reference"
        from kg.graph import load_graph
        from kg.reasoning.reason import reason

        graph = load_graph([file])
        loaded = time.perf_counter()
        reasoned = reason(graph, reference=True)
    reasoned_at = time.perf_counter()
    findings = None
    if kind == "fast":
        report = check_reasoned(reasoned, checks, DOCUMENTS_DIR if DOCUMENTS_DIR.is_dir() else None)
        findings = {"errors": report.errors, "warnings": report.warnings}
    checked, checked_cpu = time.perf_counter(), time.process_time()
    latencies = {}
    for name, query in queries.items():
        times = []
        for _ in range(repeat):
            begin = time.perf_counter()
            reasoned.run_saved(query, {})
            times.append(time.perf_counter() - begin)
        latencies[name] = {"median_ms": statistics.median(times) * 1000, "p95_ms": _p95(times) * 1000}
    return {"triples": reasoned.triples, "load_s": loaded - started, "reason_s": reasoned_at - loaded,
            "checks_s": checked - reasoned_at if kind == "fast" else None,
            "check_total_s": checked - started, "check_total_cpu_s": checked_cpu - started_cpu,
            "findings": findings, "queries": latencies}


def _ratios(fast: dict[str, Any], plain: dict[str, Any]) -> dict[str, Any]:
    """How many times faster the fast path is than the plain one."""
    medians = {name: plain["queries"][name]["median_ms"] / max(fast["queries"][name]["median_ms"], 1e-6)
               for name in fast["queries"]}
    return {"load": plain["load_s"] / fast["load_s"], "reason": plain["reason_s"] / fast["reason_s"],
            "check_cold": plain["check_total_s"] / fast["kg_check_cold_s"],
            "check_warm": plain["check_total_s"] / fast["kg_check_warm_s"],
            "check_cold_cpu": plain["check_total_cpu_s"] / fast["kg_check_cold_cpu_s"],
            "query_median_min": min(medians.values()), "query_median_geomean": statistics.geometric_mean(
                medians.values())}


def _spawn(command: list[str], cache: Path) -> tuple[dict[str, Any], float]:
    """Run a worker; its JSON output and its own peak memory (MiB)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, env=_env(cache))
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"benchmark worker failed: {' '.join(command)}")
    return json.loads(output), usage.ru_maxrss / 1024


def _timed(command: list[str], cache: Path, extra: dict[str, str] | None = None,
           finished: frozenset[int] = frozenset({0})) -> dict[str, Any]:
    """Wall-clock seconds, exit code and peak memory of a whole process that ended with an exit code of
    ``finished``."""
    begin = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**_env(cache), **(extra or {})})
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - begin
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode not in finished:  # a command stopped at its limit or failing: its time measures nothing
        raise SystemExit(f"benchmark: {' '.join(command)} exited {process.returncode}")
    return {"seconds": seconds, "cpu_seconds": usage.ru_utime + usage.ru_stime, "exit": process.returncode,
            "peak_mib": usage.ru_maxrss / 1024}


def _env(cache: Path) -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if not key.startswith("MND_KG_")}
    return {**environment, "MND_KG_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT)}


def _kg() -> str:
    found = Path(sys.executable).with_name("kg")
    return str(found) if found.exists() else "kg"


def _p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _engines() -> dict[str, str]:
    from importlib import metadata

    versions = {}
    for name in ("mnd-kg", "pyoxigraph", "reasonable", "owlrl", "rdflib"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def _project_targets(query: dict[str, Any] | None, ask: dict[str, Any] | None) -> list[dict[str, Any]]:
    """The targets of the whole processes on the project's graph: the first not measured (None) without them, the
    others only with them."""
    cold = {"target": "a cold kg query process under 0.3 s and at least 3x faster than plain", "measured": None,
            "met": None}
    if query:
        cold.update(measured=f"{query['warm_s']:.3f} s, {query['plain_over_warm']:.1f}x",
                    met=query["warm_s"] < 0.3 and query["plain_over_warm"] >= 3)
    verdicts = [cold]
    for name, figures in (("query", query), ("ask", ask)):
        if figures and "plain_over_cold" in figures:
            verdicts.append({"target": f"kg {name}: warm at least 10x and cold at least 3x faster than plain "
                                       f"rdflib+owlrl",
                             "measured": f"warm {figures['plain_over_warm']:.1f}x, "
                                         f"cold {figures['plain_over_cold']:.1f}x",
                             "met": figures["plain_over_warm"] >= 10 and figures["plain_over_cold"] >= 3})
    if query and ask:
        verdicts.append({"target": "a warm kg ask within 1.5x of a warm kg query",
                         "measured": f"{ask['warm_s']:.3f} s against {query['warm_s']:.3f} s",
                         "met": ask["warm_s"] <= 1.5 * query["warm_s"]})
    return verdicts


def table(report: dict[str, Any]) -> str:
    """The report for people: one block per size, then the project's cold query."""
    lines = [f"engines: {', '.join(f'{k} {v}' for k, v in report['engines'].items())}; "
             f"{report['machine']['cpus']} CPUs", ""]
    for run in report["sizes"]:
        fast, plain, ratios = run["fast"], run["plain"], run["ratios"]
        lines.append(f"== {run['triples']:,} triples ==")
        lines.append(f"{'':40}{'fast':>12}{'plain':>12}{'plain/fast':>12}")
        rows = [("load (s)", fast["load_s"], plain and plain["load_s"], ratios and ratios["load"]),
                ("reasoning (s)", fast["reason_s"], plain and plain["reason_s"], ratios and ratios["reason"]),
                ("kg check cold (s) [plain: parse+owlrl]", fast["kg_check_cold_s"], plain and plain["check_total_s"],
                 ratios and ratios["check_cold"]),
                ("kg check cold, CPU (s)", fast["kg_check_cold_cpu_s"], plain and plain["check_total_cpu_s"],
                 ratios and ratios["check_cold_cpu"]),
                ("kg check warm (s)", fast["kg_check_warm_s"], None, ratios and ratios["check_warm"]),
                ("peak memory (MiB)", fast["kg_check_cold_peak_mib"], plain and plain["peak_memory_mib"], None)]
        lines += [f"{label:40}{_cell(a)}{_cell(b)}{_cell(c, 'x')}" for label, a, b, c in rows]
        lines.append(f"{'saved query median/p95 (ms)':36}{'fast':>16}{'plain':>16}")
        for name, figures in fast["queries"].items():
            other = plain["queries"][name] if plain else None
            lines.append(f"  {name:34}{figures['median_ms']:>8.1f}/{figures['p95_ms']:<7.1f}"
                         + (f"{other['median_ms']:>8.1f}/{other['p95_ms']:<7.1f}" if other else f"{'—':>8}"))
        lines.append("")
    for project in (report[key] for key in ("project_query", "project_ask") if key in report):
        lines.append(f"whole `{project['command']}` process on the project's graph (wall / CPU seconds): "
                     f"warm cache {project['warm_s']:.3f} / {project['warm_cpu_s']:.3f}, cold cache "
                     f"{project['cold_cache_s']:.3f} / {project['cold_cache_cpu_s']:.3f}, plain "
                     f"{project['plain_s']:.3f} / {project['plain_cpu_s']:.3f} ({project['plain_over_warm']:.1f}x "
                     f"warm, {project['plain_over_cold']:.1f}x cold, {project['plain_over_warm_cpu']:.1f}x CPU)")
    lines.append("")
    lines += [f"target: {t['target']}: {t['measured'] or 'not measured at this size'} -> "
              f"{'not measured' if t['met'] is None else 'met' if t['met'] else 'NOT met'}" for t in report["targets"]]
    return "\n".join(lines)


def _cell(value: float | None, unit: str = "") -> str:
    if value is None:
        return f"{'—':>12}"
    return f"{value:>11.2f}{unit or ' '}" if value < 1000 else f"{value:>11.0f}{unit or ' '}"


if __name__ == "__main__":
    main()
