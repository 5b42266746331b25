"""Load and query times of the graph in real Oxigraph and Virtuoso servers (started here on 127.0.0.1), next to
the embedded engine. Run: python -m benchmarks.remote_stores [--runs N]. Prints figures; asserts nothing."""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from kg.graph import load_graph
from kg.graph.paths import QUERIES_DIR, default_graph_files
from kg.reasoning.reason import reason
from kg.sparql.run import run_saved_query
from kg.sparql.saved import load_saved_queries
from kg.stores.load import load, targets_of
from kg.stores.remote import Remote
from kg.stores.remote_query import DEFAULT_GRAPHS, run_remote_saved_query
from tests.stores import Server, start_oxigraph, start_virtuoso


def timed(action: Callable[[], object], runs: int) -> tuple[float, float]:
    """(first, median of the others) in seconds; with one run both are the first."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return times[0], statistics.median(times[1:] or times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    dataset = reason(load_graph(default_graph_files())).dataset()
    targets = targets_of(dataset, "all", None)
    queries = load_saved_queries(QUERIES_DIR)
    print(f"graph: {sum(t.triples for t in targets)} triples in {len(targets)} named graphs; "
          f"{len(queries)} saved queries; {runs} runs, figures: first / median of the others")
    embedded = [timed(partial(run_saved_query, dataset, query, {}), runs)[1] for query in queries.values()]
    print(f"embedded (rdflib): {len(queries)} saved queries, sum of medians: {sum(embedded):.3f} s")
    with tempfile.TemporaryDirectory() as folder:
        for name, start in (("oxigraph", partial(start_oxigraph, Path(folder) / "oxigraph")),
                            ("virtuoso", partial(start_virtuoso, Path(folder) / "virtuoso"))):
            started = time.perf_counter()
            server: Server = start()
            ready = time.perf_counter() - started
            try:
                remote = Remote(server.user, server.password, timeout=120)
                print(f"{name}: ready in {ready:.2f} s")
                for mode, store, update in (("GSP staging + MOVE", server.store, server.update),
                                            ("INSERT staging + MOVE", None, server.update),
                                            ("GSP PUT only", server.store, None)):
                    first, warm = timed(partial(load, targets, store, update, remote), runs)
                    print(f"  load, {mode:22}: {first:.3f} / {warm:.3f} s")
                per_query = []
                for query in queries.values():
                    try:
                        per_query.append((timed(partial(run_remote_saved_query, server.query, query, {}, remote,
                                                        DEFAULT_GRAPHS), runs)[1], query.name))
                    except Exception as error:  # a store that cannot run a query: say so, keep measuring
                        print(f"  {query.name}: fails: {str(error)[:80]}")
                print(f"  {len(per_query)} saved queries, sum of medians: {sum(t for t, _ in per_query):.3f} s")
                slowest = sorted(per_query, reverse=True)[:3]
                print("  slowest saved queries (median): " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in slowest))
            finally:
                server.stop()


if __name__ == "__main__":
    main()
