"""What ``kg serve`` needs to know of a query text before it runs, read by one parse with rdflib's parser
(kg.sparql.parse, the project's one parser): whether it is heavy by its shape (kg.serve.shape), whether it holds
a SERVICE pattern, and where it does not parse.

rdflib's parser is pure Python: 40 to 80 µs of CPU a character, 75 ms for a saved query. In the server's own
process it would hold the GIL that long, and every other request would wait for it (with 2 of 8 clients sending
texts new in their patterns, the other clients' p99 was 2 to 4 s; 0.8 to 0.9 s with the worker, docs/serve.md).
So a ``Reader`` parses in a worker process (``python -m kg.serve.reading``), one text at a time, under an
address-space limit of READER_MEMORY MiB; a worker that takes longer than READ_SECONDS over one text is killed
(and started again for the next), and the text is unchecked: taken for heavy, like a text over CHECKED_LENGTH,
which is never parsed.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.errors import InputError, ServiceError
from kg.serve.shape import CHECKED_LENGTH, heavy_by_shape
from kg.sparql.parse import UpdateError, parse_tree, uses_service
from kg.sparql.saved import internal_query

READ_SECONDS = 5.0  # for one text of at most CHECKED_LENGTH characters (1.3 s alone), on a loaded machine
READY_SECONDS = 30.0  # for the worker to import rdflib and say it is ready
READER_MEMORY = 1024  # MiB of address space for the worker
_READY = b"ready\n"


@dataclass(frozen=True)
class Reading:
    """What one parse of a query text showed. ``problem`` is where rdflib's parser stopped (one line), empty when
    the text parses; an unchecked text (not parsed: too long, or not read in time) is taken for heavy."""

    heavy: bool
    service: bool = False
    update: bool = False
    problem: str = ""
    checked: bool = True


UNCHECKED = Reading(heavy=True, checked=False)


def read(text: str) -> Reading:
    """Parse ``text`` once and say what it is (in this process: the worker's work)."""
    if len(text) > CHECKED_LENGTH:
        return UNCHECKED
    try:
        tree = parse_tree(text, "kg serve")
    except UpdateError as error:
        return Reading(heavy=False, update=True, problem=error.what)
    except InputError as error:
        return Reading(heavy=False, problem=error.what)
    service = uses_service(tree)
    return Reading(heavy=heavy_by_shape(tree), service=service)


class Reader:
    """The worker process that reads query texts, started on the first ``read`` (or by ``start``), one text at a
    time for every thread of the server."""

    def __init__(self) -> None:
        self.child: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()

    def start(self) -> None:
        """Start the worker and wait until it is ready; ServiceError when it is not ready in READY_SECONDS."""
        with self.lock:
            self._start()

    def read(self, text: str, deadline: float, kept: Callable[[], Reading | None] = lambda: None) -> Reading | None:
        """The reading of ``text``: ``kept()`` if, once the worker is free, it gives one (another thread read the
        same text meanwhile), else the worker's (UNCHECKED when it fails twice, or takes over READ_SECONDS); None when
        the worker is not free by ``deadline`` (time.monotonic())."""
        if len(text) > CHECKED_LENGTH:
            return UNCHECKED
        if not self.lock.acquire(timeout=max(0.0, deadline - time.monotonic())):
            return None
        try:
            reading = kept()
            if reading is not None:
                return reading
            for _attempt in range(2):  # a worker found dead (its output ended) is started again, once
                try:
                    self._start()
                    assert self.child is not None and self.child.stdin is not None
                    self.child.stdin.write(json.dumps(text).encode() + b"\n")
                    self.child.stdin.flush()
                    line = _line(self.child, time.monotonic() + READ_SECONDS)
                except (OSError, ServiceError):
                    line = b""
                if line:
                    return Reading(**json.loads(line))
                self._stop()
                if line is None:  # it took too long
                    break
            return UNCHECKED
        finally:
            self.lock.release()

    def stop(self) -> None:
        with self.lock:
            self._stop()

    def _start(self) -> None:
        if self.child is not None and self.child.poll() is None:
            return
        self._stop()
        package_parent = str(Path(__file__).resolve().parents[2])
        environment = {**os.environ, "PYTHONPATH": os.pathsep.join(
            [package_parent, *filter(None, [os.environ.get("PYTHONPATH")])])}
        self.child = subprocess.Popen([sys.executable, "-m", "kg.serve.reading"], stdin=subprocess.PIPE,
                                      stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment,
                                      start_new_session=True, preexec_fn=_limit_worker)
        if _line(self.child, time.monotonic() + READY_SECONDS) != _READY:
            self._stop()
            raise ServiceError(f"the query reader (python -m kg.serve.reading) was not ready in {READY_SECONDS:g} s",
                               "kg serve")

    def _stop(self) -> None:
        if self.child is not None:
            self.child.kill()
            self.child.wait()
            for stream in (self.child.stdin, self.child.stdout):
                if stream is not None:
                    stream.close()
            self.child = None


def _limit_worker() -> None:
    """In the worker, before exec: the address-space limit, and SIGTERM when the server dies."""
    limit = READER_MEMORY * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _line(child: subprocess.Popen[bytes], deadline: float) -> bytes | None:
    """The next line the worker writes; b"" when its output ends first, None when it writes none by
    ``deadline``."""
    assert child.stdout is not None
    descriptor = child.stdout.fileno()
    chunks: list[bytes] = []
    while not chunks or not chunks[-1].endswith(b"\n"):
        remaining = deadline - time.monotonic()
        if remaining <= 0 or not select.select([descriptor], [], [], remaining)[0]:
            return None
        chunk = os.read(descriptor, 65536)
        if not chunk:
            return b""
        chunks.append(chunk)
    return b"".join(chunks)


def _serve() -> None:
    """The worker: a text a line in (JSON), its reading a line out (JSON), until its input ends."""
    read(internal_query(__file__, "example"))  # rdflib's parser imported and built before the worker is ready
    output = sys.stdout.buffer
    output.write(_READY)
    output.flush()
    for line in sys.stdin.buffer:
        output.write(json.dumps(asdict(read(json.loads(line)))).encode() + b"\n")
        output.flush()


if __name__ == "__main__":
    _serve()
