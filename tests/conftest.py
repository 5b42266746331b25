"""Shared fixtures: the project's graph is loaded and reasoned once per test session."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph

from kg.graph import load_graph
from kg.graph.paths import DOCUMENTS_DIR, QUERIES_DIR, default_graph_files
from kg.reasoning.reason import Reasoned, reason
from kg.sparql.saved import SavedQuery, load_saved_queries
from tests.serving import MAX_RESULTS, TIMEOUT, Served, start_serve, stop_serve
from tests.stores import oxigraph_server, virtuoso_server  # noqa: F401  (session fixtures: real triple stores)

TESTS_DIR = Path(__file__).resolve().parent
# The files that take longest, slowest first (the wall time each took in a quiet run of the suite
# on 2 workers; a file of SAME_WORKER counts with its partner's). With --dist loadfile a file is one worker's, and
# xdist hands the files out in the order collected (--no-loadscope-reorder: its own order, most tests first, left
# the one-test files that reason with owlrl for last, one worker busy with them while the other had finished): the
# long ones start first and the many short ones even out the two ends.
# test_limits.py comes after the files that reason with owlrl: run first on a worker (a cold closure cache, the
# other worker in owlrl), its Ctrl-C and timeout tests stopped after their 10 s bound on a loaded machine; run last
# (its place among the rest), its 41 s of mostly waiting left one worker busy 30 s after the other had finished.
SLOWEST_FIRST = ("test_serve.py", "test_fast_path.py", "test_remote_stores.py", "test_fast_path_generated.py",
                 "test_export.py", "test_ask.py", "test_benchmark.py", "test_limits.py", "test_serve_load.py",
                 "test_wheel.py", "test_check_output.py", "test_fast_path_mutants.py", "test_options.py",
                 "test_answers.py", "test_check.py", "test_cache.py", "test_parameter_binding.py",
                 "test_dl_reasoner.py", "test_reasoning.py", "test_docs_pages.py", "test_docs.py", "test_ci_hooks.py")


# Files that use a session fixture costly to start, run by the worker that runs the first: xdist gives each worker
# a session of its own, and two workers each started the real Oxigraph and Virtuoso servers (Virtuoso takes
# seconds to come up), or each a kg serve.
SAME_WORKER = {"test_remote_faults.py": "test_remote_stores.py", "test_front_page.py": "test_serve.py"}


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """--dist loadfile (the default, pyproject.toml), with the files of SAME_WORKER one unit of work."""
    from xdist.scheduler import LoadFileScheduling

    if config.getoption("dist") != "loadfile":
        return None

    class SharedFixtureScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            folder, _, name = super()._split_scope(nodeid).rpartition("/")
            return f"{folder}/{SAME_WORKER.get(name, name)}"

    return SharedFixtureScheduling(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The slowest files first (SLOWEST_FIRST), the rest in the order collected."""
    rank = {name: n for n, name in enumerate(SLOWEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))


@pytest.fixture(scope="session", autouse=True)
def private_closure_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Every test (and every kg process a test starts) uses a closure cache of the test session's own, never the
    user's. The xdist workers share it (in the folder above their own), as kg processes share a user's: entries are
    written atomically, and each graph's closure and claim index are built once rather than once per worker."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        directory = tmp_path_factory.getbasetemp().parent / "closure-cache"
        directory.mkdir(exist_ok=True)
    else:
        directory = tmp_path_factory.mktemp("closure-cache")
    patch = pytest.MonkeyPatch()
    patch.setenv("MND_KG_CACHE_DIR", str(directory))
    yield directory
    patch.undo()


@pytest.fixture(scope="session")
def asserted() -> Graph:
    return load_graph(default_graph_files())


@pytest.fixture(scope="session")
def reasoned(asserted: Graph) -> Reasoned:
    return reason(asserted)


@pytest.fixture(scope="session")
def dataset(reasoned: Reasoned) -> Dataset:
    return reasoned.dataset()


@pytest.fixture(scope="session")
def saved_queries() -> dict[str, SavedQuery]:
    return load_saved_queries(QUERIES_DIR)


@pytest.fixture(scope="session")
def seeds() -> dict[str, str]:
    """The five source documents by file name (sources/documents)."""
    files = sorted(DOCUMENTS_DIR.glob("*.txt"))
    if not files:
        pytest.fail(f"source documents not found in {DOCUMENTS_DIR}")
    return {path.name: path.read_text(encoding="utf-8") for path in files}


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """A real ``kg serve`` on 127.0.0.1 (short --timeout and --max-results); stopped by SIGTERM, and checked."""
    log = tmp_path_factory.mktemp("serve") / "stderr.log"
    server = start_serve(log, "--timeout", str(TIMEOUT), "--max-results", str(MAX_RESULTS))
    yield server
    assert stop_serve(server, signal.SIGTERM) == 0, log.read_text()
