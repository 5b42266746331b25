"""Per-query limits for the command line: a wall-clock timeout and a cap on the number of results."""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from rdflib.query import Result

from kg.errors import QueryLimitError

DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RESULTS = 100_000


@dataclass(frozen=True)
class Limits:
    """How long a query may run (seconds) and how many rows or triples its result may have."""

    timeout: float = DEFAULT_TIMEOUT
    max_results: int = DEFAULT_MAX_RESULTS


@contextmanager
def time_limit(seconds: float, where: str) -> Iterator[None]:
    """Raise QueryLimitError in the block once ``seconds`` of wall-clock time have passed.

    Uses SIGALRM, so it applies in the main thread of a Unix process (the command line); elsewhere it is a no-op.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def expire(_signum: int, _frame: FrameType | None) -> None:
        raise QueryLimitError(f"query timed out after {seconds:g} s (raise it with --timeout)", where)

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_within(limits: Limits, where: str, run: Callable[[], Result]) -> Result:
    """Run and fully evaluate a query under the time limit; refuse a result larger than the cap."""
    with time_limit(limits.timeout, where):
        return within_cap(run(), limits, where)


def within_cap(result: Result, limits: Limits, where: str) -> Result:
    """``result`` itself, fully evaluated, or QueryLimitError when it is larger than the cap."""
    size = result_size(result)
    if size > limits.max_results:
        unit = "triples" if result.type in ("CONSTRUCT", "DESCRIBE") else "rows"
        raise QueryLimitError(f"the result has {size} {unit}, more than the cap of {limits.max_results} "
                              "(raise it with --max-results, or add LIMIT)", where)
    return result


def result_size(result: Result) -> int:
    """Rows of a SELECT, triples of a CONSTRUCT or DESCRIBE, 1 for an ASK (evaluating the result fully)."""
    if result.type in ("CONSTRUCT", "DESCRIBE") and result.graph is not None:
        return len(result.graph)
    return len(result)
