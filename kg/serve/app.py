"""The WSGI application of ``kg serve``: the front page at ``/`` and the SPARQL 1.1 Protocol at ``/sparql``
(and ``/query``, its earlier name).

Queries go through kg.serve.gate to the Oxigraph server on loopback; nothing else of Oxigraph (``/update``,
``/store``) is reachable through this application. A GET without a query gets the Service Description, an
OPTIONS the CORS preflight's answer (kg.serve.protocol).
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from http import HTTPStatus
from typing import cast

from werkzeug import wsgi
from werkzeug.middleware.shared_data import SharedDataMiddleware

from kg.answers.overview import Disease
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from kg.serve.editor import EDITOR_HEADERS, STATIC_PREFIX, render_editor
from kg.serve.front_page import BOX_ACCEPT, render_page
from kg.serve.gate import UPDATE_REFUSED, Outcome, refusal, run_query
from kg.serve.protocol import CORS_HEADERS, METHODS, PREFLIGHT_HEADERS, description_outcome, results_accept, wants_page
from kg.serve.schedule import Lanes
from kg.sparql.limits import Limits
from kg.sparql.saved import SavedQuery

ENDPOINTS = ("/sparql", "/query")
MAX_REQUEST_BYTES = 1024 * 1024
GRAPH_PARAMETERS = ("default-graph-uri", "named-graph-uri")
HTML_HEADERS = [
    ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'"),
    ("X-Content-Type-Options", "nosniff"),
]

StartResponse = Callable[[str, list[tuple[str, str]]], object]
Application = Callable[[dict, StartResponse], Iterable[bytes]]


def make_app(diseases: list[Disease], lanes: Lanes, limits: Limits,
             ask: Callable[[str], tuple[int, str]] | None = None, queries: Sequence[SavedQuery] = ()) -> Application:
    """The application: the front page shows ``diseases`` and the questions of ``queries`` (which also fill
    the query editor), ``ask`` answers its question box (status and HTML section, kg.answers.ask.ask_html),
    queries run on the Oxigraph servers of ``lanes``."""
    front_page = render_page(diseases, queries).encode()
    editor = render_editor(queries).encode()

    def application(environ: dict, start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == "/":
            if method not in ("GET", "HEAD"):
                return _send(start_response, refusal(405, "the front page only answers GET"), [("Allow", "GET, HEAD")])
            params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
            if "q" in params and ask is not None:
                status, section = ask(params["q"][0])
                page = render_page(diseases, queries, question=params["q"][0], answer_section=section).encode()
                return _send(start_response, Outcome(status, "text/html; charset=utf-8", page), HTML_HEADERS)
            if "query" not in params:
                return _send(start_response, Outcome(200, "text/html; charset=utf-8", front_page), HTML_HEADERS)
            text = params["query"][0]
            outcome = run_query(lanes, text, {}, BOX_ACCEPT, limits, environ.get("REMOTE_ADDR", ""))
            page = render_page(diseases, queries, text, outcome).encode()
            return _send(start_response, Outcome(200, "text/html; charset=utf-8", page), HTML_HEADERS)
        if path in ENDPOINTS:
            return _endpoint(environ, start_response, lanes, limits)
        if path == "/editor":
            if method not in ("GET", "HEAD"):
                return _send(start_response, refusal(405, "the query editor only answers GET"),
                             [("Allow", "GET, HEAD")])
            return _send(start_response, Outcome(200, "text/html; charset=utf-8", editor), EDITOR_HEADERS)
        return _send(start_response, refusal(404, "not found: the front page is /, the SPARQL endpoint /sparql "
                                                  "and the query editor /editor"))

    static = SharedDataMiddleware(application, {STATIC_PREFIX: ("kg.serve", "static")}, fallback_mimetype="text/plain")
    return cast(Application, static)  # werkzeug's WSGI types are stricter than the callers' (tests pass lambdas)


def _endpoint(environ: dict, start_response: StartResponse, lanes: Lanes, limits: Limits) -> list[bytes]:
    """The SPARQL 1.1 Protocol: queries by GET and POST, the Service Description, the CORS preflight."""
    method = environ.get("REQUEST_METHOD", "GET")
    if method == "OPTIONS":
        return _send(start_response, Outcome(204, "", b""), [("Allow", METHODS), *PREFLIGHT_HEADERS])
    if method not in ("GET", "POST"):
        return _send(start_response, refusal(405, "the SPARQL endpoint answers GET, POST and OPTIONS"),
                     [("Allow", METHODS), *CORS_HEADERS])
    if method == "GET" and not urllib.parse.parse_qs(environ.get("QUERY_STRING", "")):
        accept = environ.get("HTTP_ACCEPT", "")
        if wants_page(accept):
            return _send(start_response, Outcome(303, "text/plain; charset=utf-8", b"the query editor: /editor\n"),
                         [("Location", "/editor"), ("Vary", "Accept"), *CORS_HEADERS])
        endpoint = wsgi.get_current_url(environ, strip_querystring=True)
        outcome = description_outcome(endpoint, (ASSERTED_GRAPH, INFERRED_GRAPH), accept)
        return _send(start_response, outcome, [("Vary", "Accept"), *CORS_HEADERS])
    request = _protocol_request(environ)
    if isinstance(request, Outcome):
        return _send(start_response, request, CORS_HEADERS)
    text, graphs = request
    outcome = run_query(lanes, text, graphs, results_accept(environ.get("HTTP_ACCEPT", "")), limits,
                        environ.get("REMOTE_ADDR", ""))
    return _send(start_response, outcome, [("Vary", "Accept"), *CORS_HEADERS])


def _protocol_request(environ: dict) -> tuple[str, dict[str, list[str]]] | Outcome:
    """The query and its dataset parameters from a SPARQL 1.1 Protocol request, or why it is refused."""
    params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
    if environ.get("REQUEST_METHOD") == "POST":
        media_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return refusal(400, "bad Content-Length")
        if length > MAX_REQUEST_BYTES:
            return refusal(413, f"the request body is larger than {MAX_REQUEST_BYTES} bytes")
        body = environ["wsgi.input"].read(length) if length else b""
        if media_type == "application/sparql-update":
            return refusal(403, UPDATE_REFUSED)
        if media_type == "application/sparql-query":
            params["query"] = [body.decode("utf-8", "replace")]
        elif media_type == "application/x-www-form-urlencoded":
            for key, values in urllib.parse.parse_qs(body.decode("utf-8", "replace")).items():
                params.setdefault(key, []).extend(values)
        else:
            return refusal(415, "POST needs Content-Type application/sparql-query or "
                                "application/x-www-form-urlencoded")
    if "update" in params:
        return refusal(403, UPDATE_REFUSED)
    queries = params.get("query", [])
    if len(queries) != 1:
        return refusal(400, "give exactly one query (query=...); the query editor is at /editor")
    return queries[0], {key: params[key] for key in GRAPH_PARAMETERS if key in params}


def _send(start_response: StartResponse, outcome: Outcome, extra: list[tuple[str, str]] | None = None) -> list[bytes]:
    status = HTTPStatus(outcome.status)
    headers = [("Content-Type", outcome.content_type)] if outcome.content_type else []
    headers += [("Content-Length", str(len(outcome.body))), *(extra or [])]
    start_response(f"{status.value} {status.phrase}", headers)
    return [outcome.body]
