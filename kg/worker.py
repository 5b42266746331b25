"""Running a command's work where it can be stopped: a forked child process with an address-space limit
(RLIMIT_AS) and a wall-clock limit, killed when either is hit or when the user presses Ctrl-C.

The embedded engines (Oxigraph, the reasoners) evaluate in native code that neither SIGALRM nor Ctrl-C can
interrupt, and a query can allocate gigabytes in seconds. The child is forked when the command starts, before
any graph is loaded, so the fork copies a small process (about 1 ms) and the limits cover loading, reasoning,
evaluating and formatting alike. The child sends back what the command prints (pickled, through a pipe) or the
error it raised; the parent only waits, so a signal reaches it at once. While it waits, it says on standard error
what runs and for how long, once the work has taken PROGRESS_DELAY seconds, when standard error is a terminal.
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import resource
import select
import signal
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import replace
from typing import Any, TextIO, TypeVar

from kg.errors import KgError, QueryLimitError, StoppedError
from kg.sparql.limits import Limits

T = TypeVar("T")
MIB = 1024 * 1024
_CHUNK = 1024 * 1024
PROGRESS_DELAY = 2.0  # seconds of work before the progress line appears
_TICK = 0.25  # seconds between its updates


def run_limited(work: Callable[[], T], limits: Limits, where: str, what: str = "the query") -> T:
    """``work()``'s return value, computed in a child process within ``limits.timeout`` seconds and
    ``limits.memory`` MiB of address space; QueryLimitError (exit 4) when it takes longer or needs more,
    StoppedError (exit 130) on Ctrl-C or SIGTERM. A KgError raised by ``work`` is raised here as it was. Under a
    lower hard limit (``ulimit -v``), that limit is the one that holds."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:  # None when the shell closed it (>&-)
            stream.flush()
    allowed = replace(limits, memory=_allowed_memory(limits.memory))
    with tempfile.TemporaryFile() as errors:
        read_end, write_end = os.pipe()
        parent = os.getpid()
        child = os.fork()
        if child == 0:  # pragma: no cover - the child ends in os._exit; its work is tested through the parent
            os.close(read_end)
            _serve_child(work, allowed.memory, write_end, errors.fileno(), parent)
        os.close(write_end)
        deadline = time.monotonic() + limits.timeout
        progress = Progress(what, sys.stderr)
        try:
            with _terminate_as_interrupt():
                payload = _receive(read_end, deadline, progress)
        except KeyboardInterrupt as interrupt:
            _kill(child)
            raise StoppedError(f"{what} was stopped (Ctrl-C or SIGTERM)", where) from interrupt
        finally:
            progress.clear()
            os.close(read_end)
        if payload is None:
            _kill(child)
            raise QueryLimitError(f"{what} timed out after {limits.timeout:g} s (raise it with --timeout)", where)
        status = os.waitpid(child, 0)[1]
        errors.seek(0)
        advice = "raise it with --memory" if allowed == limits else "the most ulimit -v allows"
        return _outcome(payload, status, errors.read().decode("utf-8", "replace"), allowed, advice, where, what)


def _allowed_memory(memory_mib: int) -> int:
    """``memory_mib``, or less when the process may not have that much (``ulimit -v``: a hard limit cannot be
    raised, and asking for more would fail the child before its work)."""
    hard = resource.getrlimit(resource.RLIMIT_AS)[1]
    return memory_mib if hard == resource.RLIM_INFINITY else min(memory_mib, hard // MIB)


def _serve_child(work: Callable[[], Any], memory_mib: int, write_end: int, stderr_fd: int, parent: int) -> None:
    """In the child: run ``work`` under the memory limit, send its outcome, and exit without clean-up."""
    code = 0
    try:
        gc.freeze()  # the objects the parent made are never collected here: full collections skip them
        _die_with(parent)  # the parent keeps the time limit: without it, the work would run on unbounded
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides; it kills this process
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.dup2(stderr_fd, 2)  # native messages ("memory allocation of N bytes failed") go to the parent
        sys.stderr = io.TextIOWrapper(os.fdopen(os.dup(2), "wb"), encoding="utf-8", write_through=True)
        resource.setrlimit(resource.RLIMIT_AS, (memory_mib * MIB, memory_mib * MIB))
        try:
            outcome: tuple[Any, ...] = ("value", work())
            _join_threads()
        except KgError as error:
            outcome = ("error", type(error), error.what, error.where)
        except MemoryError:
            outcome = ("memory",)
        except BaseException:  # a bug: its traceback goes to the parent, which raises it
            outcome = ("crash", traceback.format_exc())
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
    except BaseException:  # MemoryError while sending: the parent reports the limit from the empty reply
        code = 1
    finally:
        os._exit(code)


def _die_with(parent: int) -> None:
    """In a forked process: be killed when ``parent`` dies (Linux's PR_SET_PDEATHSIG), and exit at once if it
    already has. A kg process killed outright (SIGKILL, the OOM killer) left its child evaluating for good."""
    if sys.platform.startswith("linux"):
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)


def run_shared(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Each task's result, in the tasks' order, the tasks shared with a forked process so that two cores work.

    Both processes take the next task from one pipe (a byte per task: put the costliest first), so neither waits
    while the other has work left; the child sends its results back pickled. Oxigraph holds the GIL while it
    evaluates, so threads would take turns. For the worker child only (``run_limited``'s work: one thread, its
    limits): the forked process gets SIGKILL when its parent dies (Linux; elsewhere the tasks run here, one after
    another), so a stopped command stops both. A KgError raised by a task in the child is raised here as it was.
    No fork while another thread runs (a closure cache being written): a fork copies the locks it holds, and the
    forked process waited forever on one Oxigraph held for the cache's dump (about one cold ``kg check`` in ten on
    20,000 triples hung until its timeout). Meanwhile this process runs the cheapest tasks (the last) itself.
    """
    if len(tasks) < 2 or not sys.platform.startswith("linux") or len(tasks) > 255:
        return [task() for task in tasks]
    results: dict[int, T] = {}
    waiting = list(range(len(tasks)))
    while len(waiting) > 1 and _running_threads():
        index = waiting.pop()
        results[index] = tasks[index]()
    if len(waiting) < 2:
        results.update((index, tasks[index]()) for index in waiting)
        return [results[index] for index in range(len(tasks))]
    queue_read, queue_write = os.pipe()
    os.write(queue_write, bytes(waiting))
    os.close(queue_write)
    results_read, results_write = os.pipe()
    parent = os.getpid()
    child = os.fork()
    if child == 0:  # pragma: no cover - the child ends in os._exit; its results are tested through the parent
        os.close(results_read)
        _serve_shared(tasks, queue_read, results_write, parent)
    os.close(results_write)
    try:
        results.update(_take_tasks(tasks, queue_read))
        with os.fdopen(results_read, "rb", closefd=False) as stream:
            payload = stream.read()
    except BaseException:
        with suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)
        raise
    finally:
        os.close(queue_read)
        os.close(results_read)
        os.waitpid(child, 0)
    outcome: tuple[Any, ...] = pickle.loads(payload) if payload else ("memory",)
    if outcome[0] == "error":
        _, kind, message, place = outcome
        raise kind(message, place)
    if outcome[0] == "memory":
        raise MemoryError("the second process ran out of memory")
    if outcome[0] == "crash":
        raise RuntimeError(f"the second process failed:\n{outcome[1]}")
    results.update(outcome[1])
    return [results[index] for index in range(len(tasks))]


def _take_tasks(tasks: Sequence[Callable[[], T]], queue: int) -> Iterator[tuple[int, T]]:
    """Run tasks taken from the queue, one byte (a task's index) at a time, until it is empty."""
    while taken := os.read(queue, 1):
        yield taken[0], tasks[taken[0]]()


def _serve_shared(tasks: Sequence[Callable[[], Any]], queue: int, write_end: int, parent: int) -> None:
    """In the forked process: take tasks until none is left, send the results (or the error), and exit."""
    code = 0
    try:
        gc.freeze()  # the inherited objects are never collected here: no pass touches (copies) their pages
        _die_with(parent)
        try:
            outcome: tuple[Any, ...] = ("value", dict(_take_tasks(tasks, queue)))
        except KgError as error:
            outcome = ("error", type(error), error.what, error.where)
        except MemoryError:
            outcome = ("memory",)
        except BaseException:
            outcome = ("crash", traceback.format_exc())
        data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
    except BaseException:
        code = 1
    finally:
        os._exit(code)


def _join_threads() -> None:
    """Wait for the threads the work left running (a closure cache being written), as an exit would."""
    for thread in _running_threads():
        thread.join()


def _running_threads() -> list[threading.Thread]:
    """The threads besides this one that an exit waits for (not daemons)."""
    current = threading.current_thread()
    return [thread for thread in threading.enumerate() if thread is not current and not thread.daemon]


class Progress:
    """One line on ``stream``, rewritten in place: what runs and for how long, shown once it has run
    PROGRESS_DELAY seconds, only when ``stream`` is a terminal (never in a pipe or a file); erased at the end."""

    FRAMES = "|/-\\"

    def __init__(self, what: str, stream: TextIO) -> None:
        self.what = what
        self.stream = stream
        self.active = stream.isatty()
        self.started = time.monotonic()
        self.width = 0

    def update(self) -> None:
        elapsed = time.monotonic() - self.started
        if self.active and elapsed >= PROGRESS_DELAY:
            line = f"{self.FRAMES[int(elapsed / _TICK) % len(self.FRAMES)]} {self.what}... {elapsed:.0f} s"
            self.stream.write("\r" + line.ljust(self.width))
            self.stream.flush()
            self.width = len(line)

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


@contextmanager
def progress_shown(what: str) -> Iterator[None]:
    """The progress line of work done in this process (kg serve's loading, kg load's requests), updated by a
    thread while the block runs."""
    progress = Progress(what, sys.stderr)
    if not progress.active:
        yield
        return
    done = threading.Event()

    def tick() -> None:
        while not done.wait(_TICK):
            progress.update()

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()
        progress.clear()


def _receive(read_end: int, deadline: float, progress: Progress) -> bytes | None:
    """Everything the child sends, or None when the deadline passes first."""
    chunks: list[bytes] = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return None
        ready, _, _ = select.select([read_end], [], [], min(remaining, _TICK) if progress.active else remaining)
        progress.update()
        if ready:
            chunk = os.read(read_end, _CHUNK)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)


def _outcome(payload: bytes, status: int, errors: str, limits: Limits, advice: str, where: str, what: str) -> Any:
    if not payload:
        died = (f"signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status)
                else f"exit code {os.waitstatus_to_exitcode(status)}")
        raise QueryLimitError(f"{what} needed more than {limits.memory} MiB of memory and was stopped ({died}; "
                              f"{advice})", where)
    outcome = pickle.loads(payload)
    if outcome[0] == "value":
        if errors:
            sys.stderr.write(errors)
        return outcome[1]
    if outcome[0] == "error":
        _, kind, message, place = outcome
        raise kind(message, place)
    if outcome[0] == "memory":
        raise QueryLimitError(f"{what} needed more than {limits.memory} MiB of memory and was stopped "
                              f"({advice})", where)
    raise RuntimeError(f"the worker process failed:\n{outcome[1]}")


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM raises KeyboardInterrupt while the parent waits, so that ``kill`` stops the child too."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _kill(child: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(child, signal.SIGKILL)
    os.waitpid(child, 0)


def process_running(pid: int) -> bool:
    """Whether a process with this id exists (another user's included)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
