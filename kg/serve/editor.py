"""The query editor of ``kg serve`` at ``/editor``: YASGUI (vendored under static/yasgui, no CDN) on this
server's ``/sparql``, with the saved queries listed, each opening in its own tab (static/editor.js)."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable

from kg.sparql.saved import SavedQuery

STATIC_PREFIX = "/static"
# YASGUI sets inline styles and draws icons as data: images; everything else comes from this server
EDITOR_HEADERS = [
    ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'self'"),
    ("X-Content-Type-Options", "nosniff"),
]


def render_editor(queries: Iterable[SavedQuery]) -> str:
    """The editor's page: YASGUI, and a button for each saved query (its name and summary)."""
    saved = list(queries)
    data = json.dumps([{"name": query.name, "text": query.text} for query in saved], ensure_ascii=False)
    buttons = "".join(
        f"<li><button class=\"saved-query\" type=\"button\" data-index=\"{number}\">{html.escape(query.name)}"
        f"</button> {html.escape(query.summary)}</li>\n" for number, query in enumerate(saved))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<title>mnd-kg: SPARQL query editor</title>\n<link rel=\"icon\" href=\"data:,\">\n"
        f"<link rel=\"stylesheet\" href=\"{STATIC_PREFIX}/yasgui/yasgui.min.css\">\n"
        "<style>body{font-family:sans-serif;font-size:16px;margin:0 auto;padding:0 1rem;max-width:80rem}"
        "#saved{columns:20rem;padding-left:1.2rem}#saved li{break-inside:avoid;margin-bottom:.3rem}</style>\n"
        "</head>\n<body>\n<h1>SPARQL query editor</h1>\n"
        "<p>Queries run on this server's read-only endpoint <a href=\"/sparql\"><code>/sparql</code></a>. "
        "<a href=\"/\">Back to the front page</a>.</p>\n"
        "<div id=\"yasgui\"></div>\n<h2>Saved queries</h2>\n<ul id=\"saved\">\n" + buttons + "</ul>\n"
        "<script type=\"application/json\" id=\"saved-queries\">" + _script_safe(data) + "</script>\n"
        f"<script src=\"{STATIC_PREFIX}/yasgui/yasgui.min.js\"></script>\n"
        f"<script src=\"{STATIC_PREFIX}/editor.js\"></script>\n"
        "</body>\n</html>\n")


def _script_safe(data: str) -> str:
    """JSON that cannot end its <script> element early: every < written as its JSON escape."""
    return data.replace("<", "\\u003c")
