"""Talking to a remote store: SPARQL queries and updates through SPARQLWrapper, Graph Store PUTs through requests.

Every failure becomes one ``RemoteError`` line (exit 3) naming what went wrong and the URL. A reply is read up
to MAX_REPLY_MIB. Each request as a whole (connection, headers and body) is bounded by ``Remote.timeout``: the
socket timeouts of urllib and requests bound each read, and a server sending a byte a second never trips them.
A request is retried (``Remote.retries`` times, with a short back-off) only where that can help and cannot do
harm: the connection was refused or the server answered 503, or, for idempotent requests (queries, PUT), the
connection was reset.
"""

from __future__ import annotations

import json
import re
import socket
import threading
import time
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from http.client import HTTPException
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar, cast
from urllib.parse import urlsplit

from rdflib import Graph
from rdflib.query import Result

from kg.errors import InputError, RemoteError
from kg.sparql.parse import query_form

if TYPE_CHECKING:
    from requests.auth import AuthBase
    from SPARQLWrapper import SPARQLWrapper

DEFAULT_TIMEOUT = 30.0
DEFAULT_RETRIES = 2
AUTH_SCHEMES = ("digest", "basic")
_BACKOFF = 0.5
MAX_REPLY_MIB = 64  # the most of a reply read: 100,000 rows of three IRIs are about 45 MiB of JSON
_MIB = 1024 * 1024
_ERROR_BODY = 65536  # the most of an error reply read: a snippet of it is shown
_GRAPH_FORMS = ("ConstructQuery", "DescribeQuery")
_HOST = re.compile(r"[\w.-]+|[0-9a-f:.]+(%[\w.-]+)?")  # a name (IDN letters included), IPv4, or IPv6 with a zone

T = TypeVar("T")


@dataclass(frozen=True)
class Remote:
    """How to reach a server: credentials, the bound on each network wait, and how often to retry."""

    user: str | None = None
    password: str | None = None
    auth: str = "digest"
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES

    def requests_auth(self) -> AuthBase | None:
        from requests.auth import HTTPBasicAuth, HTTPDigestAuth  # imported when used: see _requests

        if self.user is None:
            return None
        scheme = HTTPDigestAuth if self.auth == "digest" else HTTPBasicAuth
        return scheme(self.user, self.password or "")


def check_url(url: str, option: str) -> str:
    """An http(s) URL with a host name or IP address, a port from 1 to 65535, no space or control character and
    no user name or password (not quoted back), or an InputError naming the option."""
    odd = next((c for c in url if c.isspace() or unicodedata.category(c) == "Cc"), None)
    if odd is not None:
        raise InputError(f"not a valid URL: {url!r}: a space or control character (U+{ord(odd):04X})", option)
    try:
        parts = urlsplit(url)
        port = parts.port  # raises ValueError for a port out of range
    except ValueError as error:
        raise InputError(f"not a valid URL: {url!r}: {error}", option) from error
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"not an http(s) URL: {url!r}", option)
    if port == 0:
        raise InputError(f"not a valid URL: {url!r}: Port out of range 1-65535", option)
    if not _HOST.fullmatch(parts.hostname):
        raise InputError(f"not a valid URL: {url!r}: {parts.hostname!r} is no host name or IP address", option)
    if parts.username is not None or parts.password is not None:  # urllib took them for the host: 'unknown host'
        raise InputError(f"not a valid URL: {_public(url)!r}: a user name or password in the URL is never sent; "
                         "give --user and --password", option)
    return url


def query_endpoint(url: str, text: str, remote: Remote, default_graphs: Sequence[str] = (), where: str = "") -> Result:
    """Run a SPARQL 1.1 query on an endpoint (form-encoded POST) and read the reply into an rdflib Result, both
    within the request's timeout (reading 64 MiB of results takes seconds)."""
    from SPARQLWrapper import JSON, TURTLE

    form = query_form(text, where or url)
    wrapper = _wrapper(url, remote)
    wrapper.setQuery(text)
    for graph in default_graphs:
        wrapper.addDefaultGraph(graph)
        wrapper.addNamedGraph(graph)
    wrapper.setReturnFormat(TURTLE if form in _GRAPH_FORMS else JSON)
    return _retrying(url, remote, idempotent=True, action=lambda: _parse_reply(*_read(wrapper), form, url))


def update_endpoint(url: str, text: str, remote: Remote) -> None:
    """Run a SPARQL 1.1 Update request (form-encoded POST). Not retried once the request may have arrived."""
    wrapper = _wrapper(url, remote)
    wrapper.setQuery(text)
    _retrying(url, remote, idempotent=False, action=lambda: _read(wrapper))


def gsp_put(url: str, graph: str, data: bytes, media_type: str, remote: Remote) -> None:
    """Replace one named graph through the SPARQL 1.1 Graph Store HTTP Protocol (``?graph=IRI``)."""
    def put() -> None:
        with _requests().put(url, params={"graph": graph}, data=data, headers={"Content-Type": media_type},
                             auth=remote.requests_auth(), timeout=remote.timeout, stream=True) as response:
            if response.status_code >= 400:
                body = next(response.iter_content(_ERROR_BODY), b"")  # decoded, unlike response.raw
                raise _HttpStatus(response.status_code, response.reason, body)
    _retrying(url, remote, idempotent=True, action=put)


class _HttpStatus(Exception):
    def __init__(self, status: int, reason: str, body: bytes) -> None:
        super().__init__(status)
        self.status, self.reason, self.body = status, reason, body


class _TooLarge(Exception):
    """The reply is longer than MAX_REPLY_MIB."""


def _wrapper(url: str, remote: Remote) -> SPARQLWrapper:
    """A POST request to ``url``; SPARQLWrapper is imported here, so that the commands that never reach a
    remote store start without it."""
    from SPARQLWrapper import BASIC, DIGEST, POST, URLENCODED, SPARQLWrapper

    wrapper = SPARQLWrapper(url)
    wrapper.setMethod(POST)
    wrapper.setRequestMethod(URLENCODED)  # Virtuoso never answers a direct application/sparql-query POST
    wrapper.setTimeout(remote.timeout)  # type: ignore[arg-type]
    if remote.user is not None:
        wrapper.setHTTPAuth(DIGEST if remote.auth == "digest" else BASIC)
        wrapper.setCredentials(remote.user, remote.password or "")
    return wrapper


def _read(wrapper: SPARQLWrapper) -> tuple[bytes, str]:
    """The reply's body and Content-Type. SPARQLWrapper builds the request (and installs the digest-auth opener),
    but it is sent here: SPARQLWrapper reads an error reply whole, however long."""
    request = wrapper._createRequest()
    try:
        with urllib.request.urlopen(request, timeout=wrapper.timeout) as response:
            body = _read_at_most(response, MAX_REPLY_MIB * _MIB)
            if len(body) > MAX_REPLY_MIB * _MIB:
                raise _TooLarge()
            return body, response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        raise _HttpStatus(error.code, str(error.reason), _read_at_most(error, _ERROR_BODY)) from error


def _read_at_most(stream: Any, limit: int) -> bytes:
    """The bytes of ``stream`` up to its end or to ``limit`` + 1 bytes, whichever comes first."""
    chunks: list[bytes] = []
    size = 0
    while size <= limit:
        chunk = stream.read(min(_MIB, limit + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _parse_reply(body: bytes, content_type: str, form: str, url: str) -> Result:
    kind = content_type.split(";")[0].strip() or "no Content-Type"
    try:
        if form in _GRAPH_FORMS:
            result = Result("CONSTRUCT" if form == "ConstructQuery" else "DESCRIBE")
            result.graph = Graph().parse(data=body, format="turtle")
            return result
        reply = _json_in_steps(body.decode("utf-8-sig"))
    except Exception as error:  # the JSON and Turtle parsers raise many kinds
        raise RemoteError(f"the reply is not SPARQL results ({kind}): {_snippet(body)}", url) from error
    # rdflib reads '"boolean": "maybe"' as true, and a reply of the other form as this query's answer
    ask = form == "AskQuery"
    if not isinstance(reply, dict) or (not isinstance(reply.get("boolean"), bool) if ask
                                       else not isinstance(reply.get("results"), dict)):
        raise RemoteError(f"the reply is not SPARQL results of {'an ASK' if ask else 'a SELECT'} query ({kind}): "
                          f"{_snippet(body)}", url)
    from rdflib.plugins.sparql.results.jsonresults import JSONResult  # here: importing it loads the SPARQL parser

    try:
        return JSONResult(reply)
    except Exception as error:
        raise RemoteError(f"the reply is not SPARQL results ({kind}): {_snippet(body)}", url) from error


_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


def _past_space(text: str, at: int) -> int:
    """Where JSON's white space from ``at`` ends."""
    return _SPACE.match(text, at).end()  # type: ignore[union-attr]  # the pattern matches the empty string


def _json_in_steps(text: str) -> Any:
    """``text`` as JSON, each array value and each object member its own step: ``json.loads`` of a 64 MiB reply
    holds the interpreter's lock for seconds, during which the thread keeping the request's deadline cannot run
    (a 1 s --timeout ended after 8 s); in steps, it ends the request on time."""
    value, end = _value_in_steps(text, _past_space(text, 0), 3)
    if _past_space(text, end) != len(text):
        raise ValueError(f"extra data at character {end}")
    return value


def _value_in_steps(text: str, at: int, depth: int) -> tuple[Any, int]:
    """The JSON value starting at ``at`` and where it ends; an object's or array's parts decoded one by one down to
    ``depth`` levels (a reply, its results, their bindings), each part below in one step (one binding)."""
    opening = text[at:at + 1]
    if opening not in ("{", "[") or depth == 0:
        return _DECODER.raw_decode(text, at)
    closing = "}" if opening == "{" else "]"
    items: list[Any] = []
    members: dict[str, Any] = {}
    at = _past_space(text, at + 1)
    if text[at:at + 1] == closing:
        return (members if opening == "{" else items), at + 1
    while True:
        if opening == "{":
            key, at = _DECODER.raw_decode(text, at)
            if not isinstance(key, str):
                raise ValueError(f"an object key that is not a string at character {at}")
            at = _past_space(text, at)
            if text[at:at + 1] != ":":
                raise ValueError(f"':' expected at character {at}")
            members[key], at = _value_in_steps(text, _past_space(text, at + 1), depth - 1)
        else:
            item, at = _value_in_steps(text, at, depth - 1)
            items.append(item)
        at = _past_space(text, at)
        separator = text[at:at + 1]
        if separator == closing:
            return (members if opening == "{" else items), at + 1
        if separator != ",":
            raise ValueError(f"',' or {closing!r} expected at character {at}")
        at = _past_space(text, at + 1)


def _retrying(url: str, remote: Remote, idempotent: bool, action: Callable[[], T]) -> T:
    for attempt in range(remote.retries + 1):
        try:
            return _within(remote.timeout, action)
        except Exception as error:
            message, retryable = _describe(error, remote, idempotent)
            if message is None:
                raise
            if retryable and attempt < remote.retries:
                time.sleep(_BACKOFF * 2**attempt)
                continue
            tries = f" (after {attempt + 1} attempts)" if attempt else ""
            raise RemoteError(message + tries, _public(url)) from error
    raise AssertionError("unreachable")


def _within(seconds: float, action: Callable[[], T]) -> T:
    """``action()``, run in a daemon thread, or TimeoutError once ``seconds`` pass: a whole-request deadline.
    A request still running then is abandoned; its socket closes when the process ends."""
    outcome: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            outcome.append((True, action()))
        except BaseException as error:  # handed to the caller's thread
            outcome.append((False, error))

    worker = threading.Thread(target=run, name="mnd-kg request", daemon=True)
    worker.start()
    worker.join(seconds)
    if not outcome:
        raise TimeoutError(f"the request took longer than {seconds:g} s")
    succeeded, value = outcome[0]
    if not succeeded:
        raise value
    return cast(T, value)


def _describe(error: BaseException, remote: Remote, idempotent: bool) -> tuple[str | None, bool]:
    """A one-line message for a network failure and whether retrying can help; (None, False) if not one."""
    if isinstance(error, _TooLarge):
        return f"the reply is larger than {MAX_REPLY_MIB} MiB, the most kg reads", False
    if isinstance(error, _HttpStatus):
        if error.status == 401:
            return "HTTP 401: the server refused the credentials (see --user, --password, --auth)", False
        status = " ".join(part for part in (str(error.status or "error"), error.reason) if part)
        return f"HTTP {status}: {_snippet(error.body)}", error.status == 503
    causes = list(_chain(error))
    if any(isinstance(cause, ConnectionRefusedError) for cause in causes):
        return "connection refused: no server is listening there", True
    if any(isinstance(cause, socket.gaierror) for cause in causes):
        return "unknown host", False
    requests = _requests()
    if any(isinstance(cause, TimeoutError | requests.Timeout) for cause in causes):
        return f"no answer within {remote.timeout:g} s (see --timeout)", False
    if any(isinstance(cause, ConnectionError | HTTPException | requests.ConnectionError) for cause in causes):
        return "the server closed the connection before answering", idempotent
    if any(isinstance(cause, OSError | urllib.error.URLError) for cause in causes):
        return f"network error: {' '.join(str(error).split())}", False
    return None, False


def _chain(error: BaseException) -> list[BaseException]:
    """The error, what caused it, and urllib's and urllib3's wrapped reasons."""
    seen: list[BaseException] = []
    pending: list[object] = [error]
    while pending:
        item = pending.pop()
        if not isinstance(item, BaseException) or any(item is s for s in seen):
            continue
        seen.append(item)
        pending += [item.__cause__, item.__context__, getattr(item, "reason", None), *item.args]
    return seen


def _snippet(body: bytes) -> str:
    """The first 200 characters of a reply, without HTML tags, on one line."""
    text = re.sub(r"<[^>]*>", " ", body.decode("utf-8", "replace"))
    text = " ".join(text.split())
    return (text[:200] + "...") if len(text) > 200 else (text or "(empty reply)")


def _public(url: str) -> str:
    """The URL without its query string (which may hold a long query) and without credentials."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}{parts.path}"


def _requests() -> ModuleType:
    """The requests package, imported on first use: it adds about 50 ms to the start of every kg command."""
    import requests

    return requests
