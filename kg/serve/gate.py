"""What ``kg serve`` lets through to its Oxigraph server: read-only queries without SERVICE, in bounded time
and size.

The Oxigraph server federates ``SERVICE`` over HTTP, so a query is refused when rdflib's parse of it (kg.serve.reading,
once a text) finds a SERVICE pattern, or when it was not parsed (too long, or not read in time) and its text (after
SPARQL's ``\\u`` escapes) mentions the word. Updates never run: the gate forwards only to Oxigraph's read-only
``/query``. ``FROM`` and ``FROM NAMED`` only choose among the store's own graphs; Oxigraph fetches nothing.
The answer is counted while it streams in (pyoxigraph's result and RDF parsers, the csv module for CSV)
and refused past the row cap or the time limit, before anything reaches the client.
"""

from __future__ import annotations

import csv
import http.client
import io
import select
import time
import urllib.parse
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import BinaryIO

import pyoxigraph

from kg.errors import ServiceError
from kg.serve.engine import Engine
from kg.serve.reading import Reading
from kg.serve.schedule import (
    FAST_SECONDS,
    HEAVY_CPU_SECONDS,
    HEAVY_PER_CLIENT,
    SLOT_WAIT,
    TICK,
    Hold,
    Lanes,
    answer_key,
)
from kg.serve.shape import CHECKED_LENGTH
from kg.sparql.limits import Limits
from kg.sparql.parse import expand_escapes

_ERROR_BODY_LIMIT = 64 * 1024
_STOPPED = b"the query stopped the SPARQL server"


@dataclass(frozen=True)
class Outcome:
    """A query's answer as the client gets it: HTTP status, media type and body."""

    status: int
    content_type: str
    body: bytes


def refusal(status: int, message: str) -> Outcome:
    return Outcome(status, "text/plain; charset=utf-8", (message + "\n").encode())


UPDATE_REFUSED = "SPARQL Update (and LOAD) is not accepted: kg serve is read-only"


def check_query(text: str, reading: Reading) -> Outcome | None:
    """A refusal when ``text`` holds a SERVICE pattern (or names SERVICE and does not parse, or was not parsed);
    else None."""
    if not reading.checked or reading.problem:
        if "service" not in expand_escapes(text).casefold():
            return None
        if len(text) > CHECKED_LENGTH:  # rdflib's parser takes about 80 µs a character
            return refusal(413, f"a query that mentions SERVICE must be at most {CHECKED_LENGTH} characters long, "
                                "to be checked")
        if not reading.checked:
            return refusal(503, "a query that mentions SERVICE must be checked, and the server could not read this "
                                "one in time: retry later")
        return invalid(reading, "")
    if reading.service:
        return refusal(403, "SERVICE is not allowed: kg serve never reaches the network")
    return None


def invalid(reading: Reading, engine_message: str) -> Outcome:
    """The refusal of a query found invalid: 403 for an update, else 400 with one line saying where the query
    broke (rdflib's parser, for queries it read; else the engine's message)."""
    if reading.update:
        return refusal(403, UPDATE_REFUSED)
    return refusal(400, reading.problem or "invalid SPARQL query: " + engine_message)


def run_query(lanes: Lanes, text: str, graphs: Mapping[str, Sequence[str]], accept: str, limits: Limits,
              client: str = "") -> Outcome:
    """Run one query of ``client`` (its address) within ``limits``: a kept answer, or the answer of the engine
    kg.serve.schedule chooses."""
    form = [("query", text)] + [(key, value) for key, values in sorted(graphs.items()) for value in values]
    key = answer_key(form, accept)
    request = _Request(urllib.parse.urlencode(form).encode(), accept, text, time.monotonic() + limits.timeout)
    if key is None:
        return _checked(lanes, request, limits, client)
    with lanes.kept_answer(key, limits.timeout) as kept:  # only answers to queries that passed check_query
        if kept is not None:
            return Outcome(*kept)
        outcome = _checked(lanes, request, limits, client)
        if outcome.status in (200, 422):
            lanes.answers.put(key, (outcome.status, outcome.content_type, outcome.body))
        return outcome


def _checked(lanes: Lanes, request: _Request, limits: Limits, client: str) -> Outcome:
    reading = lanes.reading(request.text, request.deadline)
    if reading is None:
        return _timed_out(limits)
    refused = check_query(request.text, reading)
    if refused is not None:
        return refused
    return _scheduled(lanes, request, reading, limits, client)


def _scheduled(lanes: Lanes, request: _Request, reading: Reading, limits: Limits, client: str) -> Outcome:
    known_heavy = lanes.is_known_heavy(request.text, reading)
    if not known_heavy:
        patience = time.monotonic() + FAST_SECONDS
        outcome = _ask(lanes.main, request, reading, limits, lambda: time.monotonic() >= patience, main=True)
        if outcome is not None:
            return outcome
    wait = SLOT_WAIT if known_heavy else request.deadline - time.monotonic()
    with lanes.heavy_slot(client, known_heavy, wait) as hold:
        if hold == "client":
            return refusal(503, f"you have {HEAVY_PER_CLIENT} long query running already (at most "
                                f"{HEAVY_PER_CLIENT} at a time per client): retry when it has ended")
        if not isinstance(hold, Hold):
            if not known_heavy:
                return _timed_out(limits)
            return refusal(503, "the server is busy with a long query, and this one is long too (by its CPU time "
                                "before, or its shape): retry later")
        started = lanes.heavy.cpu_seconds()
        outcome = _ask(lanes.heavy, request, reading, limits, lanes.heavy_watch(request.text, hold), main=False)
        if outcome is None:
            return refusal(503, "this long query was cancelled to let one not known to be long run: retry later")
        if lanes.heavy.cpu_seconds() - started >= HEAVY_CPU_SECONDS or outcome.body.startswith(_STOPPED):
            lanes.record(request.text, heavy=True)
        elif outcome.status in (200, 422):
            lanes.record(request.text, heavy=False)
        return outcome


@dataclass(frozen=True)
class _Request:
    body: bytes
    accept: str
    text: str
    deadline: float


def _ask(engine: Engine, request: _Request, reading: Reading, limits: Limits, move: Callable[[], bool],
         main: bool) -> Outcome | None:
    """The engine's answer; None when ``move()``, asked every TICK until the answer begins, says so, or when
    the main engine cancelled the query (its timeout). An engine found dead is restarted; on the main engine the
    query is then asked once more, since another query may have killed it."""
    for attempt in range(2):
        port = urllib.parse.urlsplit(engine.url).port
        remaining = max(0.01, request.deadline - time.monotonic())
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=remaining)
        with engine.running():
            try:
                connection.request("POST", "/query", request.body, {
                    "Accept": request.accept or "*/*", "Content-Type": "application/x-www-form-urlencoded"})
                while not select.select([connection.sock], [], [], TICK)[0]:
                    if time.monotonic() >= request.deadline:
                        return _timed_out(limits)
                    if move():
                        return None
                return _answer(connection.getresponse(), request, reading, limits)
            except _Cancelled:
                return None if main else _timed_out(limits)
            except TimeoutError:
                return _timed_out(limits)
            except (OSError, http.client.HTTPException) as error:
                if not engine.died(within=1.0):
                    return refusal(502, f"the SPARQL server failed: {error}")
                try:
                    engine.revive()
                except ServiceError as failure:
                    return refusal(503, f"the SPARQL server stopped: {failure.what}")
                if not main or attempt:
                    return refusal(503, _STOPPED.decode() + f" (it may need more than {limits.memory} MiB, the "
                                                            "--memory of kg serve); the server was restarted")
            finally:
                connection.close()
    raise AssertionError("unreachable")


def _answer(response: http.client.HTTPResponse, request: _Request, reading: Reading, limits: Limits) -> Outcome:
    if response.status >= 400:
        message = " ".join(response.read(_ERROR_BODY_LIMIT).decode("utf-8", "replace").split())
        if response.status == 400:
            return invalid(reading, message)
        return refusal(response.status, message or f"the SPARQL server answered {response.status}")
    return _read_counted(response, request.deadline, limits)


def _timed_out(limits: Limits) -> Outcome:
    return refusal(503, f"the query took longer than {limits.timeout:g} s (--timeout) and was cancelled")


class _Recorder(io.RawIOBase):
    """Reads the upstream answer, keeping every byte, and stops at the deadline."""

    def __init__(self, response: http.client.HTTPResponse, deadline: float) -> None:
        self.response = response
        self.deadline = deadline
        self.chunks: list[bytes] = []

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if time.monotonic() > self.deadline:
            raise TimeoutError
        count = self.response.readinto(buffer)
        self.chunks.append(bytes(buffer[:count]))
        return count


class _TooMany(Exception):
    pass


class _Cancelled(Exception):
    """The engine cancelled the query at its own timeout."""


def _read_counted(response: http.client.HTTPResponse, deadline: float, limits: Limits) -> Outcome:
    content_type = response.headers.get("Content-Type", "application/octet-stream")
    recorder = _Recorder(response, deadline)
    stream = io.BufferedReader(recorder)
    try:
        _count(stream, content_type, limits.max_results)
        while stream.read(65536):
            pass
    except _TooMany:
        return refusal(422, f"the result has more than {limits.max_results} rows or triples (--max-results); "
                            "add a LIMIT")
    except TimeoutError:
        return _timed_out(limits)
    except (SyntaxError, ValueError, csv.Error, UnicodeDecodeError) as error:
        if b"cancelled" in b"".join(recorder.chunks[-4:]):
            raise _Cancelled from error
        return refusal(502, f"the SPARQL server sent a broken answer: {error}")
    return Outcome(200, content_type, b"".join(recorder.chunks))


def _count(stream: BinaryIO, content_type: str, cap: int) -> None:
    """Count the rows (SELECT), the boolean (ASK) or the triples (CONSTRUCT, DESCRIBE); _TooMany past ``cap``."""
    for count, _ in enumerate(_items(stream, content_type), start=1):
        if count > cap:
            raise _TooMany


def _items(stream: BinaryIO, content_type: str) -> Iterator[object]:
    media_type = content_type.split(";")[0].strip().lower()
    if media_type == "text/csv":
        text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
        try:
            rows = csv.reader(text)
            next(rows, None)  # the header
            yield from rows
        finally:
            text.detach()  # leave the stream open for the caller
        return
    results_format = pyoxigraph.QueryResultsFormat.from_media_type(media_type)
    if results_format is not None:
        results = pyoxigraph.parse_query_results(stream, results_format)
        if isinstance(results, pyoxigraph.QueryBoolean):
            yield results
        else:
            yield from results
        return
    rdf_format = pyoxigraph.RdfFormat.from_media_type(media_type)
    if rdf_format is None:
        raise ValueError(f"unknown media type {media_type}")
    yield from pyoxigraph.parse(stream, rdf_format)
