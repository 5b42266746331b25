"""kg.worker.run_shared: tasks shared between this process and a forked one, results in the tasks' order."""

from __future__ import annotations

import os
import sys
import threading
import time
from functools import partial
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.worker import run_shared

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="tasks are shared on Linux only")


def test_results_come_back_in_the_order_of_the_tasks() -> None:
    tasks = [partial(pow, n, 2) for n in range(40)]
    assert run_shared(tasks) == [n * n for n in range(40)]


def test_two_processes_work_at_once(tmp_path: Path) -> None:
    """The first task taken waits until the second has run: only a second process can run it meanwhile."""
    marker = tmp_path / "second-ran"

    def first() -> int:
        deadline = time.monotonic() + 60
        while not marker.exists():
            assert time.monotonic() < deadline, "the second task never ran"
            time.sleep(0.01)
        return os.getpid()

    def second() -> int:
        marker.touch()
        return os.getpid()

    first_pid, second_pid = run_shared([first, second])
    assert first_pid != second_pid and os.getpid() in (first_pid, second_pid)


def test_an_input_error_in_either_process_is_raised_as_it_was() -> None:
    def failing() -> None:
        raise InputError("no such thing", "here")

    with pytest.raises(InputError, match="no such thing"):
        run_shared([failing, failing, failing])


def test_no_fork_while_another_thread_runs() -> None:
    """A fork copies what a running thread holds half-done: the tasks run in a forked process see the thread's work
    finished (this process runs tasks meanwhile)."""
    written: list[int] = []

    def write() -> None:
        time.sleep(0.2)
        written.append(1)

    def task() -> tuple[int, list[int]]:
        time.sleep(0.05)
        return os.getpid(), written.copy()

    threading.Thread(target=write).start()
    results = run_shared([task] * 12)
    assert all(seen == [1] for pid, seen in results if pid != os.getpid())
