"""Real triple stores for the tests: Oxigraph and Virtuoso, each started on a free loopback port with a private
folder, polled until it answers, and stopped by its process id.

Where a server is not installed its tests skip with the reason; under CI (``CI=true``) they fail instead.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

READY_TIMEOUT = 60.0
VIRTUOSO_USER = "dba"
VIRTUOSO_PASSWORD = "dba"


@dataclass
class Server:
    """A running store: its process and its endpoints."""

    name: str
    process: subprocess.Popen[bytes]
    folder: Path
    port: int
    query: str
    update: str
    store: str
    user: str | None = None
    password: str | None = None

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def require(executable: str, how: str) -> str:
    """The path of a server program, or skip (fail under CI) saying how to install it."""
    found = shutil.which(executable) or shutil.which(executable, path=str(Path(sys.executable).parent))
    if found:
        return found
    message = f"{executable} is not installed ({how})"
    if os.environ.get("CI") == "true":
        pytest.fail(message + "; under CI a missing server is a failure")
    pytest.skip(message)


def start_oxigraph(folder: Path, port: int | None = None) -> Server:
    """``oxigraph serve`` on 127.0.0.1 with its data in ``folder`` (reused when it already holds a store)."""
    program = require("oxigraph", "pip install oxigraph, part of the test extra")
    port = port or free_port()
    log = (folder.parent / f"{folder.name}.log").open("ab")
    process = subprocess.Popen([program, "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    server = Server("oxigraph", process, folder, port, f"{base}/query", f"{base}/update", f"{base}/store")
    _wait_until_ready(server)
    return server


def start_virtuoso(folder: Path) -> Server:
    """``virtuoso-t`` in the foreground with a private virtuoso.ini, database and ports."""
    program = require("virtuoso-t", "apt-get install virtuoso-opensource-7-bin; .ci/run does it")
    folder.mkdir(parents=True, exist_ok=True)
    http_port, sql_port = free_port(), free_port()
    template = (Path(__file__).parent / "virtuoso.ini").read_text(encoding="utf-8")
    ini = folder / "virtuoso.ini"
    ini.write_text(template.replace("$DIR", str(folder)).replace("$SQLPORT", str(sql_port))
                   .replace("$HTTPPORT", str(http_port)), encoding="utf-8")
    log = (folder / "stdout.log").open("ab")
    process = subprocess.Popen([program, "+foreground", "+configfile", str(ini)], cwd=folder,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{http_port}"
    server = Server("virtuoso", process, folder, http_port, f"{base}/sparql", f"{base}/sparql-auth",
                    f"{base}/sparql-graph-crud-auth", VIRTUOSO_USER, VIRTUOSO_PASSWORD)
    _wait_until_ready(server)
    return server


def _wait_until_ready(server: Server) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    probe = server.query + "?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"{server.name} exited with code {server.process.returncode} before it was ready "
                        f"(see {server.folder})")
        try:
            with urllib.request.urlopen(probe, timeout=2) as reply:
                if reply.status == 200:
                    return
        except (urllib.error.URLError, OSError):
            time.sleep(0.05)
    server.stop(signal.SIGKILL)
    pytest.fail(f"{server.name} was not ready within {READY_TIMEOUT:g} s")


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_oxigraph(tmp_path_factory.mktemp("oxigraph") / "db")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    server = start_virtuoso(tmp_path_factory.mktemp("virtuoso"))
    yield server
    server.stop()


class Listener:
    """A tiny HTTP-ish server on 127.0.0.1 for fault tests: it reads each request, then sends ``reply`` (raw
    bytes), closes the connection without a word (``b""``), or stalls until closed (``None``)."""

    def __init__(self, reply: bytes | None) -> None:
        self.reply = reply
        self.connections = 0
        self.server = socket.create_server(("127.0.0.1", 0))
        self.server.settimeout(0.05)
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}/sparql"
        self.closed = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.closed.set()
        self.thread.join()
        self.server.close()

    def _serve(self) -> None:
        while not self.closed.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            self.connections += 1
            threading.Thread(target=self._answer, args=(connection,), daemon=True).start()

    def _answer(self, connection: socket.socket) -> None:
        with connection:
            connection.settimeout(10)
            _read_request(connection)
            if self.reply is None:
                self.closed.wait()
            else:
                connection.sendall(self.reply)


def http_reply(status: str, content_type: str, body: bytes) -> bytes:
    head = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n"
    return head.encode() + b"Connection: close\r\n\r\n" + body


def _read_request(connection: socket.socket) -> None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lengths = [int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length:")]
    length = lengths[0] if lengths else 0
    while len(body) < length:
        chunk = connection.recv(65536)
        if not chunk:
            return
        body += chunk
