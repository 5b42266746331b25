"""A real ``kg serve`` on 127.0.0.1 for the tests: started on a free port, stopped by signal and checked."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from kg.errors import ServiceError
from kg.serve.server import oxigraph_binary

READY_SECONDS = 180
TIMEOUT = 2  # the test server's --timeout
MAX_RESULTS = 5000  # and its --max-results
READY_LINE = re.compile(r"^kg serve: (http://127\.0\.0\.1:\d+/) \(SPARQL endpoint \1sparql\); stop with Ctrl-C$")


def require(available: bool, reason: str) -> None:
    """Under CI (CI=true) a missing server or browser is a failure; elsewhere the test is skipped."""
    if not available:
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)


def require_oxigraph() -> None:
    try:
        oxigraph_binary()
    except ServiceError as error:
        require(False, str(error))


@dataclass
class Served:
    process: subprocess.Popen
    url: str
    children: list[int]


def start_serve(log: Path, *options: str) -> Served:
    """Run ``kg serve --port 0 OPTIONS`` and wait for its ready line; its standard error goes to ``log``."""
    require_oxigraph()
    with log.open("wb") as errors:
        process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", "0", *options],
                                   stdout=subprocess.PIPE, stderr=errors, text=True)
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    threading.Thread(target=lambda: lines.put(process.stdout.readline()), daemon=True).start()  # type: ignore[union-attr]
    try:
        line = lines.get(timeout=READY_SECONDS)
    except queue.Empty:
        process.kill()
        raise AssertionError(f"kg serve printed no URL in {READY_SECONDS} s: {log.read_text()}") from None
    match = READY_LINE.match(line.rstrip("\n"))
    assert match, f"unexpected ready line {line!r}; stderr: {log.read_text()}"
    return Served(process, match.group(1), children_of(process.pid))


def children_of(pid: int) -> list[int]:
    """The child processes of ``pid``'s threads; a thread (or the process) that ends while read has none."""
    children: list[int] = []
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:  # the process has just ended
        return children
    for task in tasks:
        try:
            children.extend(int(child) for child in (task / "children").read_text().split())
        except OSError:  # the thread has just ended
            continue
    return sorted(children)


def stop_serve(served: Served, signum: int = signal.SIGTERM) -> int:
    """Send ``signum``; the exit code, once the server and its Oxigraph child have both gone."""
    served.process.send_signal(signum)
    code = served.process.wait(timeout=30)
    for child in served.children:
        assert not alive(child), f"kg serve left its child {child} running"
    return code


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return status.exists() and "State:\tZ" not in status.read_text()
