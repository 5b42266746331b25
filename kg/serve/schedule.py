"""Which engine runs a query, and which answers need no engine: the policy that keeps cheap queries cheap while
the worst clients of ``kg serve`` send the costliest queries they can find, on a machine of two cores.

- **Answers kept**: the graph never changes while the server runs, so the answer (200, or the 422 of a result
  over the cap) of a query that gives the same answer every time (none of RAND, NOW, UUID, STRUUID, BNODE) is
  kept, by its exact text, dataset and Accept header, in an LRU cache of CACHE_BYTES (entries up to
  CACHE_ENTRY_BYTES). An identical query is answered without an engine, and one sent while the first is
  still running waits for its answer rather than running again.
- **Cost estimated by shape**: a query whose parse (kg.serve.shape) shows a large cartesian product (of parts
  sharing no variable), or a closure (``*``, ``+``) between two variables, is taken for heavy before it
  runs, unless its history says otherwise: the worst queries found are such products, and a sort over one
  escapes the main engine's timeout. The parse is a worker process's (kg.serve.reading: 75 ms for a saved
  query, which in the server would hold the GIL), and what it showed is kept by the query's text without its
  comment lines, or by its exact text when it does not parse (the parser's message counts those lines).
- **Two lanes**: every query starts on the main engine, unless its history or its shape says it is heavy.
  One without an answer after FAST_SECONDS is run on the heavy engine. The main engine's own timeout is
  FAST_SECONDS, so it stops evaluating the query too: closing the connection does not stop Oxigraph before
  the query's first row (a COUNT over a cartesian product went on for the whole --timeout, taking the CPU of
  the cheap queries), though it does not stop a sort either (one growing to --memory ends with the engine's
  restart).
- **History in CPU time**: the heavy engine takes one query at a time, so its CPU time is the query's. A
  query that uses HEAVY_CPU_SECONDS there (known as soon as it has), or stops the engine (memory), is
  remembered as heavy: its next run goes straight to the heavy lane. One answered having used less is
  remembered as cheap (it was only slow on a busy main engine, or its shape misled): its next run starts on
  the main one. One that timed out having used less was starved of the CPU, and is not judged.
- **The heavy engine yields the CPU**: it runs at the lowest priority (nice HEAVY_NICENESS), so the main
  engine and the server keep the CPU that heavy work would take.
- **Unproven work first**: a query moved from the main engine, not yet known heavy, waits for the heavy
  engine until its deadline, goes before the queries known heavy, and makes one running there give way
  (cancelled, 503 retry later): a cheap query moved by mistake runs at once, and costly ones take turns.
- **Per client**: a client (an address) has at most HEAVY_PER_CLIENT queries known heavy on the heavy lane,
  running or waiting; a query known heavy waits SLOT_WAIT for its turn, then is refused (503 retry later).
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from kg.serve.engine import Engine
from kg.serve.reading import Reader, Reading
from kg.serve.shape import without_comment_lines
from kg.sparql.parse import expand_escapes

FAST_SECONDS = 2  # the main engine's patience (Oxigraph's timeout there: whole seconds)
HEAVY_CPU_SECONDS = 1.0  # CPU time on the heavy engine that makes a query heavy (ordinary ones use < 0.3 s)
HEAVY_NICENESS = 19
HEAVY_PER_CLIENT = 1
TICK = 0.25  # seconds between looks at a query waiting for its answer
SLOT_WAIT = 1.0  # a client refused at once would ask again at once
HISTORY = 10_000  # query texts remembered as heavy or cheap, and readings kept
CACHE_BYTES = 64 * 1024 * 1024
CACHE_ENTRY_BYTES = 4 * 1024 * 1024
# functions whose value differs from one evaluation to the next: an answer using them is never kept
_VOLATILE = re.compile(r"\b(?:rand|now|uuid|struuid|bnode)\s*\(", re.IGNORECASE)

Answer = tuple[int, str, bytes]  # HTTP status, media type, body


class AnswerCache:
    """Answers by key, the least recently used dropped beyond ``capacity`` bytes of bodies."""

    def __init__(self, capacity: int, entry_limit: int) -> None:
        self.capacity, self.entry_limit = capacity, entry_limit
        self.entries: OrderedDict[str, Answer] = OrderedDict()
        self.used = 0
        self.lock = threading.Lock()

    def get(self, key: str) -> Answer | None:
        with self.lock:
            answer = self.entries.get(key)
            if answer is not None:
                self.entries.move_to_end(key)
            return answer

    def put(self, key: str, answer: Answer) -> None:
        if len(answer[2]) > self.entry_limit:
            return
        with self.lock:
            if key in self.entries:
                return
            self.entries[key] = answer
            self.used += len(answer[2])
            while self.used > self.capacity:
                self.used -= len(self.entries.popitem(last=False)[1][2])


@dataclass
class Hold:
    """A query's hold on the heavy engine: whether it is known heavy, and whether it must give way."""

    proven: bool
    give_way: bool = False


class Lanes:
    """The engines, what is known of the queries, and the answers kept: see the module's docstring."""

    def __init__(self, main: Engine, heavy: Engine, reader: Reader | None = None) -> None:
        self.main, self.heavy = main, heavy
        self.reader = reader or Reader()
        self.history: OrderedDict[str, bool] = OrderedDict()  # True: heavy
        self.readings: OrderedDict[str, Reading] = OrderedDict()  # of texts that parse, without comment lines
        self.problems: OrderedDict[str, Reading] = OrderedDict()  # of texts that do not, exact (the line numbers)
        self.lock = threading.Lock()
        self.heavy_lane = threading.Condition()  # guards holder, unproven_waiting, per_client
        self.holder: Hold | None = None
        self.unproven_waiting = 0
        self.per_client: dict[str, int] = {}
        self.answers = AnswerCache(CACHE_BYTES, CACHE_ENTRY_BYTES)
        self.running: dict[str, threading.Event] = {}  # answer keys of the queries running

    def reading(self, text: str, deadline: float) -> Reading | None:
        """What a parse of ``text`` showed: kept, else the reader's (kg.serve.reading); None when the reader is
        not free by ``deadline`` (time.monotonic())."""
        parsing, exact = _exact_key(without_comment_lines(text)), _exact_key(text)

        def kept() -> Reading | None:
            with self.lock:
                return self.readings.get(parsing) or self.problems.get(exact)

        reading = kept() or self.reader.read(text, deadline, kept)
        if reading is not None and reading.checked:
            with self.lock:
                if reading.problem:
                    _remember(self.problems, exact, reading)
                else:
                    _remember(self.readings, parsing, reading)
        return reading

    def is_known_heavy(self, text: str, reading: Reading) -> bool:
        """Whether the query is heavy by its history, else by its reading's shape."""
        with self.lock:
            known = self.history.get(_key(text))
        return reading.heavy if known is None else known

    def record(self, text: str, heavy: bool) -> None:
        """What a run on the heavy engine showed: the query is heavy, or cheap."""
        with self.lock:
            _remember(self.history, _key(text), heavy)

    @contextlib.contextmanager
    def kept_answer(self, key: str, wait: float) -> Iterator[Answer | None]:
        """The answer kept under ``key``, waiting up to ``wait`` seconds for an identical query running; else
        None, and the block runs the query (those that come meanwhile wait for it)."""
        answer = self.answers.get(key)
        if answer is not None:
            yield answer
            return
        with self.lock:
            running = self.running.get(key)
            if running is None:
                done = self.running[key] = threading.Event()
        if running is not None:
            running.wait(max(0.0, wait))
            yield self.answers.get(key)  # None when that run had no answer to keep: this one runs
            return
        try:
            yield None
        finally:
            with self.lock:
                del self.running[key]
            done.set()

    @contextlib.contextmanager
    def heavy_slot(self, client: str, known_heavy: bool, wait: float) -> Iterator[Hold | str]:
        """The query's Hold on the heavy engine, for the block; or, when it gets none in ``wait`` seconds, why:
        ``"client"`` (the client has HEAVY_PER_CLIENT queries known heavy on the lane) or ``"busy"``. A query
        not known heavy goes before those known heavy, and makes a known heavy one running give way."""
        deadline = time.monotonic() + wait
        hold = Hold(proven=known_heavy)
        with self.heavy_lane:
            if known_heavy and not self._wait(deadline, lambda: self.per_client.get(client, 0) < HEAVY_PER_CLIENT):
                refused = "client"
            elif known_heavy:
                self.per_client[client] = self.per_client.get(client, 0) + 1
                refused = "" if self._wait(deadline, lambda: self.holder is None and not self.unproven_waiting) \
                    else "busy"
            else:
                self.unproven_waiting += 1
                try:
                    refused = "" if self._wait(deadline, lambda: self.holder is None) else "busy"
                finally:
                    self.unproven_waiting -= 1
            if not refused:
                self.holder = hold
        try:
            yield refused or hold
        finally:
            with self.heavy_lane:
                if not refused:
                    self.holder = None
                if known_heavy and refused != "client":
                    self.per_client[client] -= 1
                    if not self.per_client[client]:
                        del self.per_client[client]
                self.heavy_lane.notify_all()

    def _wait(self, deadline: float, ready: Callable[[], bool]) -> bool:
        """Under self.heavy_lane: wait until ``ready()`` or the deadline; a known heavy holder is asked to give
        way while a query not known heavy waits."""
        while not ready():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            if self.unproven_waiting and self.holder is not None and self.holder.proven:
                self.holder.give_way = True
            self.heavy_lane.wait(min(remaining, TICK))
        return True

    def heavy_watch(self, text: str, hold: Hold) -> Callable[[], bool]:
        """A function, asked every TICK while ``text`` runs on the heavy engine under ``hold``: True when it
        must give way; it remembers the query as heavy once it has used HEAVY_CPU_SECONDS there."""
        started = self.heavy.cpu_seconds()

        def watch() -> bool:
            if not hold.proven and self.heavy.cpu_seconds() - started >= HEAVY_CPU_SECONDS:
                self.record(text, heavy=True)
                with self.heavy_lane:
                    hold.proven = True
                    self.heavy_lane.notify_all()
            return hold.give_way

        return watch


def answer_key(form: list[tuple[str, str]], accept: str) -> str | None:
    """The cache key of a query's answer (its exact text, dataset and Accept), or None when the query may
    answer differently each time."""
    text = form[0][1]
    if _VOLATILE.search(expand_escapes(text)):
        return None
    return hashlib.sha256(repr((form, accept)).encode()).hexdigest()


def _remember(memory: OrderedDict[str, Any], key: str, value: Any) -> None:
    memory[key] = value
    memory.move_to_end(key)
    while len(memory) > HISTORY:
        memory.popitem(last=False)


def _key(text: str) -> str:
    """The key of a query in its history: its text, however spaced."""
    return hashlib.sha256(" ".join(text.split()).encode()).hexdigest()


def _exact_key(text: str) -> str:
    """The key of a reading: spacing counts (``# a comment`` ends at a line's end)."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
