"""``kg serve``: the graph behind a read-only SPARQL 1.1 endpoint with a front page.

Oxigraph's own server (``oxigraph serve-read-only``, from the PyPI package ``oxigraph``) answers the queries. Two
of them (kg.serve.engine: a main and a heavy lane, each restarted when it dies) run as child processes on free
loopback ports, over a store loaded from ``kg export``'s N-Quads: the asserted and inferred triples in their
named graphs, and their union in the default graph, as in the embedded engine. waitress serves the front page
and the SPARQL Protocol on the public port (kg.serve.app) and passes queries on through kg.serve.gate; it
closes idle connections after IDLE_SECONDS and requests still arriving after REQUEST_SECONDS (slowloris). The
children stop with the server, whether it ends by SIGINT, SIGTERM or an error, and die with it should the
server be killed; the temporary folder a killed server leaves is removed when the next one starts.
"""

from __future__ import annotations

import errno
import logging
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

import waitress
from rdflib import Dataset

from kg.answers.ask import ask_html
from kg.answers.claim_index import build_index
from kg.answers.overview import disease_overview
from kg.errors import InputError, ServiceError
from kg.serve.app import make_app
from kg.serve.engine import TEMP_PREFIX, Engine, mark_folder, remove_stale_folders, watch
from kg.serve.reading import READ_SECONDS, Reader
from kg.serve.schedule import FAST_SECONDS, HEAVY_NICENESS, Lanes
from kg.sparql.limits import Limits
from kg.sparql.saved import SavedQuery
from kg.stores.export import serialize

THREADS = 32  # requests waiting for the heavy engine must leave threads for the rest
CONNECTIONS = 500  # open connections at most (slow ones are closed, see close_slow_requests); fds stay < 1024
IDLE_SECONDS = 30.0
REQUEST_SECONDS = 10.0


def bind_listener(host: str, port: int) -> socket.socket:
    """The server's listening socket, bound at once so that a busy port fails before any slow work."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    listener = socket.socket(family, socket.SOCK_STREAM)
    try:
        listener.bind((host, port))
    except OSError as error:
        listener.close()
        if error.errno == errno.EADDRINUSE:
            raise InputError(f"port {port} on {host} is already in use", "--port") from error
        raise InputError(f"cannot listen on {host}:{port}: {error.strerror}", "--host/--port") from error
    listener.listen(64)
    return listener


def url_of(listener: socket.socket) -> str:
    host, port = listener.getsockname()[:2]
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"


def run_server(listener: socket.socket, dataset: Dataset, queries: list[SavedQuery], limits: Limits,
               on_ready: Callable[[str], None]) -> None:
    """Serve until the loop ends (see stop_on_signals), then stop the Oxigraph children and remove their store;
    ServiceError (exit 3) when an engine cannot be kept running. Folders of earlier runs that were killed are
    removed first."""
    remove_stale_folders()
    with tempfile.TemporaryDirectory(prefix=TEMP_PREFIX) as name:
        folder = Path(name)
        mark_folder(folder)
        store = load_store(folder, serialize(dataset, "all", "nt") + serialize(dataset, "all", "nquads"))
        binary = oxigraph_binary()
        lanes = (("main", FAST_SECONDS, 0), ("heavy", limits.timeout, HEAVY_NICENESS))
        engines = [Engine(binary, store, folder / f"oxigraph-{lane}.log", timeout, limits.memory, niceness)
                   for lane, timeout, niceness in lanes]
        reader = Reader()
        stopped = threading.Event()
        failures: list[ServiceError] = []
        try:
            for engine in engines:
                engine.start()
            reader.start()
            schedule = Lanes(engines[0], engines[1], reader)
            threading.Thread(target=read_ahead, args=(schedule, [query.text for query in queries]),
                             name="mnd-kg read ahead", daemon=True).start()
            index = build_index(dataset)
            by_name = {query.name: query for query in queries}
            app = make_app(disease_overview(index), schedule, limits,
                           lambda question: ask_html(question, index, lambda: by_name, lambda: dataset), queries)
            server = waitress.create_server(
                app, sockets=[listener], threads=THREADS, ident="mnd-kg", max_request_body_size=1024 * 1024,
                clear_untrusted_proxy_headers=True, connection_limit=CONNECTIONS, channel_timeout=IDLE_SECONDS,
                cleanup_interval=1, asyncore_use_poll=True)
            close_slow_requests(server, REQUEST_SECONDS)
            logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth" under load is normal

            def give_up(error: ServiceError) -> None:
                failures.append(error)
                os.kill(os.getpid(), signal.SIGTERM)

            threading.Thread(target=watch, args=(engines, stopped, give_up), name="mnd-kg engine watch",
                             daemon=True).start()
            on_ready(url_of(listener))
            try:
                server.run()  # returns on SIGINT or SIGTERM (waitress swallows the KeyboardInterrupt)
            finally:
                stopped.set()
                server.close()
            if failures:
                raise failures[0]
        finally:
            stopped.set()
            for engine in engines:
                engine.stop()
            reader.stop()


def read_ahead(lanes: Lanes, texts: list[str]) -> None:
    """Read ``texts`` (the saved queries, which the front page and the editor offer) before anyone sends them, so
    that their first requests do not wait for the parse."""
    for text in texts:
        lanes.reading(text, time.monotonic() + READ_SECONDS)


def close_slow_requests(server: Any, seconds: float) -> None:
    """Make waitress close a connection whose request (headers and body) is still arriving ``seconds`` after
    its first byte was seen: waitress's channel_timeout closes idle connections only, so clients sending a
    byte now and then (slowloris) would hold connections for ever. Checked in waitress's maintenance, every
    cleanup_interval."""
    maintenance = server.maintenance
    started: dict[int, tuple[object, float]] = {}

    def close_slow(now: float) -> None:
        maintenance(now)
        for fileno, channel in list(server.active_channels.items()):
            request = getattr(channel, "request", None)
            if request is None:
                started.pop(fileno, None)
                continue
            seen, since = started.setdefault(fileno, (request, now))
            if seen is not request:
                started[fileno] = (request, now)
            elif now - since > seconds:
                channel.will_close = True
        for fileno in set(started) - set(server.active_channels):
            del started[fileno]

    server.maintenance = close_slow


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT and SIGTERM end what runs inside, cleanly (even when the shell started it with SIGINT ignored)."""
    def stop(signum: int, frame: FrameType | None) -> None:
        for sig in previous:  # a second signal must not interrupt the clean-up
            signal.signal(sig, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    except KeyboardInterrupt:
        pass
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def oxigraph_binary() -> str:
    """The ``oxigraph`` command installed beside this Python, else on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if found is None:
        raise ServiceError("the Oxigraph server is not installed (pip install oxigraph)", "kg serve")
    return found


def load_store(folder: Path, nquads: bytes) -> Path:
    """Load ``nquads`` into an Oxigraph store in ``folder``; its location."""
    data = folder / "graph.nq"
    data.write_bytes(nquads)
    store = folder / "store"
    loaded = subprocess.run([oxigraph_binary(), "load", "--location", str(store), "--file", str(data)],
                            capture_output=True, text=True, check=False)
    if loaded.returncode != 0:
        lines = [line.strip() for line in loaded.stderr.splitlines() if line.strip()]
        raise ServiceError(f"oxigraph load failed: {lines[-1] if lines else 'no message'}", str(data))
    data.unlink()
    return store
