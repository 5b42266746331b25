"""Limits on the work of one command or query: wall-clock time, address space, and the number of results.

kg.worker enforces time and memory (a child process, killed when either is spent); kg.sparql.results.capped counts
results as they stream out of the engine, so that a result over the cap stops evaluation instead of filling
memory.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib.query import Result

from kg.sparql.results import capped

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RESULTS = 100_000
DEFAULT_MEMORY = 4096  # MiB of address space: kg check on the project's graph, cold, runs within 512
SERVE_MEMORY = 4096  # MiB for each of kg serve's SPARQL engines: Oxigraph's server starts at about 420 MiB;
# under 2048, four clients made it fail to start request threads (EAGAIN, os error 11) in 4 of 6 load-test runs
WORK_TIMEOUT = 600.0  # check, export, explain, diff, and load's reading: reasoning a large graph from scratch

@dataclass(frozen=True)
class Limits:
    """How long work may run (seconds), how many rows or triples its result may have, and how much address
    space (MiB) it may use."""

    timeout: float = DEFAULT_TIMEOUT
    max_results: int = DEFAULT_MAX_RESULTS
    memory: int = DEFAULT_MEMORY


def within_cap(result: Result, limits: Limits, where: str) -> Result:
    """``result`` itself, its rows counted as they are evaluated, or QueryLimitError once there are more
    than the cap."""
    if result.type in ("CONSTRUCT", "DESCRIBE") and result.graph is not None:
        for _ in capped(result.graph, limits.max_results, "triples", where):
            pass
    elif result.type == "SELECT":
        for _ in capped(result, limits.max_results, "rows", where):
            pass
    return result
