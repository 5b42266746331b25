"""The SPARQL engines behind ``kg serve``, kept alive and kept apart, so that its worst client cannot take the
server down or hold every other client up.

- ``Engine``: one ``oxigraph serve-read-only`` child on a free loopback port, with an address-space limit
  (RLIMIT_AS, ``--memory``): a query needing more makes it abort, and ``watch`` restarts it; when it keeps
  dying with no query in flight (more than MAX_RESTARTS in RESTART_WINDOW seconds), the server stops with exit
  code 3 for a supervisor. A death while queries run is the memory limit at work, not a failing engine: an
  abusive client sending memory-hungry queries made a heavy engine die six times a minute, and the server exit.
  ``cpu_seconds`` is the CPU time it has used; a ``niceness`` lowers its CPU priority.

Which of the two engines (a main and a heavy lane) runs a query is kg.serve.schedule's decision; a heavy
query that exhausts memory kills only the heavy engine.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from kg.errors import ServiceError
from kg.worker import process_running

READY_SECONDS = 20.0
STOP_SECONDS = 5.0
MAX_RESTARTS = 5
RESTART_WINDOW = 60.0
TEMP_PREFIX = "kg-serve-"
_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
# glibc reserves 64 MiB of address space for each thread's malloc arena, and Oxigraph's server runs a thread per
# connection: without a cap, eight connections reached a 1 GiB limit with no query using the memory
_CHILD_ENVIRONMENT = {**os.environ, "MALLOC_ARENA_MAX": "2"}


class Engine:
    """One Oxigraph server over ``store``, read-only on loopback; restarted by ``revive`` when it has died."""

    def __init__(self, binary: str, store: Path, log: Path, timeout: float, memory_mib: int,
                 niceness: int = 0) -> None:
        self.binary, self.store, self.log = binary, store, log
        self.timeout, self.memory_mib, self.niceness = timeout, memory_mib, niceness
        self.child: subprocess.Popen[bytes] | None = None
        self.url = ""
        self.restarts: list[float] = []
        self.in_flight = 0  # queries sent to the child and not yet answered (``running``)
        self.lock = threading.Lock()
        self._counting = threading.Lock()  # apart from ``lock``, which ``revive`` holds while the child starts

    def start(self) -> None:
        """Start the child and wait until it answers; ServiceError when it cannot."""
        for _attempt in range(3):  # another process may take the free port between choosing and binding it
            port = _free_loopback_port()
            with self.log.open("ab") as log_stream:
                child = subprocess.Popen(
                    [self.binary, "serve-read-only", "--location", str(self.store), "--bind", f"127.0.0.1:{port}",
                     "--timeout-s", str(max(1, int(self.timeout + 0.999)))],
                    stdin=subprocess.DEVNULL, stdout=log_stream, stderr=log_stream, env=_CHILD_ENVIRONMENT,
                    start_new_session=True, preexec_fn=self._limit_child)
            url = f"http://127.0.0.1:{port}/query"
            if _wait_ready(child, url):
                self.child, self.url = child, url
                return
            _stop(child)
        raise ServiceError(f"the Oxigraph server did not start: {_last_line(self.log)}", str(self.log))

    def _limit_child(self) -> None:
        """In the child, before exec: the address-space limit, the CPU priority, and SIGTERM when the parent
        dies."""
        limit = self.memory_mib * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        os.nice(self.niceness)
        if sys.platform.startswith("linux"):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG

    def alive(self) -> bool:
        return self.child is not None and self.child.poll() is None

    def cpu_seconds(self) -> float:
        """The CPU time (user and system, all threads) the running child has used; 0 when none runs."""
        if self.child is None:
            return 0.0
        try:
            stat = Path(f"/proc/{self.child.pid}/stat").read_text()
        except OSError:
            return 0.0
        fields = stat.rsplit(")", 1)[1].split()  # after the command name, which may hold spaces
        return (int(fields[11]) + int(fields[12])) / _CLOCK_TICKS

    @contextlib.contextmanager
    def running(self) -> Iterator[None]:
        """Count a query in flight while the block runs: a death then is its --memory at work (see ``revive``)."""
        with self._counting:
            self.in_flight += 1
        try:
            yield
        finally:
            with self._counting:
                self.in_flight -= 1

    def died(self, within: float) -> bool:
        """Whether the child exits within ``within`` seconds (a failed connection: did it die, or refuse?)."""
        if self.child is None:
            return True
        try:
            self.child.wait(within)
        except subprocess.TimeoutExpired:
            return False
        return True

    def revive(self) -> None:
        """Restart the child if it has died (reaping it); ServiceError once it died too often, with no query in
        flight, to go on."""
        with self.lock:
            if self.alive():
                return
            now = time.monotonic()
            self.restarts = [moment for moment in self.restarts if now - moment < RESTART_WINDOW] + (
                [] if self.in_flight else [now])
            if len(self.restarts) > MAX_RESTARTS:
                raise ServiceError(f"the Oxigraph server died {len(self.restarts)} times in {RESTART_WINDOW:g} s; "
                                   f"last: {_last_line(self.log)}", str(self.log))
            self.start()

    def stop(self) -> None:
        if self.child is not None:
            _stop(self.child)


def watch(engines: list[Engine], stopped: threading.Event, on_failure: Callable[[ServiceError], None]) -> None:
    """Until ``stopped``: restart an engine that died; call ``on_failure`` when one cannot be kept alive."""
    while not stopped.wait(0.2):
        for engine in engines:
            try:
                engine.revive()
            except ServiceError as error:
                on_failure(error)
                return


def remove_stale_folders() -> list[Path]:
    """Remove the temporary folders of ``kg serve`` runs that were killed (SIGKILL leaves them): those whose
    ``pid`` file names a process that is no longer running. Returns what was removed."""
    removed = []
    for folder in Path(tempfile.gettempdir()).glob(TEMP_PREFIX + "*"):
        try:
            pid = int((folder / "pid").read_text())
        except (OSError, ValueError):
            continue
        if not process_running(pid):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
    return removed


def mark_folder(folder: Path) -> None:
    """Record this process in its temporary folder, for ``remove_stale_folders`` of a later run."""
    (folder / "pid").write_text(str(os.getpid()))


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(child: subprocess.Popen[bytes], query_url: str) -> bool:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline and child.poll() is None:
        try:
            with urllib.request.urlopen(query_url + "?query=ASK%7B%7D", timeout=1) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    return False


def _stop(child: subprocess.Popen[bytes]) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
    child.wait()


def _last_line(log: Path) -> str:
    try:
        text = log.read_text("utf-8", "replace")
    except OSError:
        return "no message"
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"
