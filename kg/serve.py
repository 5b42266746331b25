"""``kg serve``: the graph behind a read-only SPARQL 1.1 endpoint with a front page.

Oxigraph's own server (``oxigraph serve-read-only``, from the PyPI package ``oxigraph``) answers the queries. It
runs as a child process on a free loopback port, over a store loaded from ``kg export``'s N-Quads: the asserted
and inferred triples in their named graphs, and their union in the default graph, as in the embedded engine.
waitress serves the front page and the SPARQL Protocol on the public port (kg.serve_app) and passes queries on
through kg.sparql_gate. The child stops with the server, whether it ends by SIGINT, SIGTERM or an error, and
dies with it should the server be killed.
"""

from __future__ import annotations

import ctypes
import errno
import logging
import math
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import waitress
from rdflib import Dataset

from kg.claim_index import build_index
from kg.errors import InputError, ServiceError
from kg.export import serialize
from kg.front_page import document_answers
from kg.limits import Limits
from kg.reply_format import answer_html
from kg.saved import SavedQuery
from kg.serve_app import make_app

READY_SECONDS = 20.0
STOP_SECONDS = 5.0
THREADS = 8


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
    """Serve until the loop ends (see stop_on_signals), then stop the Oxigraph child and remove its store."""
    with tempfile.TemporaryDirectory(prefix="kg-serve-") as folder:
        upstream = start_oxigraph(Path(folder), serialize(dataset, "all", "nt") + serialize(dataset, "all", "nquads"),
                                  limits.timeout)
        with upstream as query_url:
            index = build_index(dataset)
            app = make_app(document_answers(dataset, queries), query_url, limits,
                           lambda question: answer_html(question, index))
            server = waitress.create_server(app, sockets=[listener], threads=THREADS, ident="mnd-kg",
                                            max_request_body_size=1024 * 1024, clear_untrusted_proxy_headers=True)
            logging.getLogger("waitress.queue").setLevel(logging.ERROR)  # "task queue depth" under load is normal
            on_ready(url_of(listener))
            try:
                server.run()
            finally:
                server.close()


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


@contextmanager
def start_oxigraph(folder: Path, nquads: bytes, timeout: float) -> Iterator[str]:
    """Load ``nquads`` into a store in ``folder`` and serve it read-only on loopback; yields its /query URL."""
    binary = oxigraph_binary()
    data = folder / "graph.nq"
    data.write_bytes(nquads)
    store = folder / "store"
    loaded = subprocess.run([binary, "load", "--location", str(store), "--file", str(data)],
                            capture_output=True, text=True, check=False)
    if loaded.returncode != 0:
        raise ServiceError(f"oxigraph load failed: {_last_line(loaded.stderr)}", str(data))
    log = folder / "oxigraph.log"
    for _attempt in range(3):  # another process may take the free port between choosing and binding it
        port = _free_loopback_port()
        with log.open("wb") as log_stream:
            child = subprocess.Popen(
                [binary, "serve-read-only", "--location", str(store), "--bind", f"127.0.0.1:{port}",
                 "--timeout-s", str(max(1, math.ceil(timeout)))],
                stdin=subprocess.DEVNULL, stdout=log_stream, stderr=log_stream,
                start_new_session=True, preexec_fn=_die_with_parent)
        try:
            query_url = f"http://127.0.0.1:{port}/query"
            if _wait_ready(child, query_url):
                yield query_url
                return
        finally:
            _stop(child)
    raise ServiceError(f"the Oxigraph server did not start: {_last_line(log.read_text('utf-8', 'replace'))}",
                       str(log))


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to send SIGTERM when the parent dies (no orphaned server)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _free_loopback_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_ready(child: subprocess.Popen, query_url: str) -> bool:
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline and child.poll() is None:
        try:
            with urllib.request.urlopen(query_url + "?query=ASK%7B%7D", timeout=1) as response:
                if response.status == 200:
                    return True
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    return False


def _stop(child: subprocess.Popen) -> None:
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no message"
