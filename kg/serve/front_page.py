"""The front page of ``kg serve``, for a person on any screen: a question box answered as ``kg ask`` answers
(a GET form, no script needed), the diseases and what the graph knows about each, the documents' questions as
links that ask them, and a SPARQL box. Plain HTML and CSS, every text escaped; the same graph gives the same
bytes."""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Iterable, Sequence

import pyoxigraph
from rdflib import BNode, Graph, Literal, URIRef

from kg.answers.overview import Disease, Known
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH, namespace_manager
from kg.graph.terms import term_text
from kg.serve.gate import Outcome
from kg.sparql.saved import SavedQuery, internal_query

EXAMPLE_QUERY = internal_query(__file__, "example")  # what the query box holds at first
# the media types the query box asks for: a table for SELECT and ASK, triples for CONSTRUCT and DESCRIBE
BOX_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"
_PREFIXED = Graph(namespace_manager=namespace_manager())  # the project's prefixes, for term_text

_STYLE = """html{font-size:16px}body{font-family:sans-serif;line-height:1.5;max-width:60rem;margin:0 auto;
padding:0 1rem;overflow-wrap:anywhere}input,textarea,button{font-size:1rem}input[type=search],textarea{width:100%;
box-sizing:border-box}textarea{font-family:monospace}button{padding:.3rem 1rem;margin:.3rem 0}
table{border-collapse:collapse;display:block;overflow-x:auto}td,th{border:1px solid #bbb;padding:2px 6px;
text-align:left;vertical-align:top}summary{cursor:pointer;font-weight:bold}dd{margin:0 0 .5rem 1rem}
dd ul{margin:0;padding-left:1.2rem}.sources,.count,.qualifiers{color:#555;font-size:.9rem}.error{color:#a00}
.verdict{font-weight:bold}h1{font-size:1.6rem}"""


def render_page(diseases: Sequence[Disease], queries: Iterable[SavedQuery], query_text: str = EXAMPLE_QUERY,
                outcome: Outcome | None = None, question: str = "", answer_section: str = "") -> str:
    """The whole page; with ``answer_section`` (HTML made by kg.answers.ask.ask_html), the answer to
    ``question`` below the question box; with ``outcome``, the SPARQL box's results below it."""
    questions = [asked.text for query in queries for asked in query.questions]
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<title>mnd-kg: what the documents say about motor neuron diseases</title>\n",
        f"<style>{_STYLE}</style>\n</head>\n<body>\n",
        "<h1>What the documents say about motor neuron diseases</h1>\n",
        "<p>A knowledge graph of what five clinical documents say about ALS, SMA, multiple sclerosis and muscular "
        "dystrophy, with what a reasoner derives from it. Every answer cites its document and the verbatim "
        "sentence; where the documents are silent, it says so. Ask in plain words, read what is known about each "
        "disease, or query it: the <a href=\"/editor\">SPARQL query editor</a>, the read-only endpoint "
        "<a href=\"/sparql\"><code>/sparql</code></a> (its default graph is the union of the named graphs "
        f"<code>{_e(ASSERTED_GRAPH)}</code> and <code>{_e(INFERRED_GRAPH)}</code>).</p>\n",
        _question_box(question, answer_section),
        _diseases(diseases),
        "<h2 id=\"questions\">The documents' questions</h2>\n<ol class=\"questions\">\n",
        *(f"<li><a href=\"/?q={_e(urllib.parse.quote_plus(text))}#answer\">{_e(text)}</a></li>\n"
          for text in questions),
        "</ol>\n",
        _query_box(query_text, outcome),
        "</body>\n</html>\n",
    ])


def _question_box(question: str, answer_section: str) -> str:
    """A question in plain words, answered as ``kg ask`` answers it."""
    return ("<h2 id=\"ask\">Ask</h2>\n<form method=\"get\" action=\"/#answer\">\n"
            "<label for=\"q\">A question in plain words, such as <em>Does ALS cause pain?</em></label>\n"
            f"<input id=\"q\" name=\"q\" type=\"search\" maxlength=\"1000\" value=\"{_e(question)}\">\n"
            "<button id=\"ask-run\" type=\"submit\">Ask</button>\n</form>\n" + answer_section)


def _diseases(diseases: Sequence[Disease]) -> str:
    """Each disease, and what its cited statements say, relation by relation (opened by a click; no script)."""
    parts = ["<h2 id=\"diseases\">Diseases</h2>\n<p>What the graph knows about each disease: its cited statements "
             "(<em>derived</em>: by the reasoner, from cited ones) and where the documents say them.</p>\n"]
    for number, disease in enumerate(diseases, start=1):
        count = sum(len(values) for _, values in disease.relations)
        parts.append(f"<details class=\"disease\" id=\"disease-{number}\">\n<summary>{_e(disease.name)} "
                     f"<span class=\"count\">({count} fact{'s' if count != 1 else ''})</span></summary>\n")
        if not disease.relations:
            parts.append("<p>The documents say nothing more about it.</p>\n")
        parts.append("<dl>\n")
        for relation, values in disease.relations:
            parts.append(f"<dt>{_e(relation)}</dt>\n<dd><ul>\n" + "".join(map(_known, values)) + "</ul></dd>\n")
        parts.append("</dl>\n</details>\n")
    return "".join(parts)


def _known(known: Known) -> str:
    qualifiers = f" <span class=\"qualifiers\">({_e('; '.join(known.qualifiers))})</span>" if known.qualifiers else ""
    derived = " <em>derived</em>" if known.derived else ""
    return (f"<li>{_e(known.value)}{qualifiers}{derived} "
            f"<span class=\"sources\">{_e(' '.join(known.sources))}</span></li>\n")


def _query_box(query_text: str, outcome: Outcome | None) -> str:
    box = ("<h2 id=\"query-box\">SPARQL</h2>\n<p>Any read-only query, answered as a table (the "
           "<a href=\"/editor\">query editor</a> has more).</p>\n<form method=\"get\" action=\"/#results\">\n"
           f"<textarea id=\"query\" name=\"query\" rows=\"8\" aria-label=\"SPARQL query\">{_e(query_text)}</textarea>\n"
           "<button id=\"run\" type=\"submit\">Run query</button>\n</form>\n")
    if outcome is None:
        return box
    return box + f"<section id=\"results\">\n<h3>Results</h3>\n{render_outcome(outcome)}</section>\n"


def render_outcome(outcome: Outcome) -> str:
    """A query's answer as HTML: a table of rows or triples, a boolean, or the error line."""
    if outcome.status != 200:
        message = outcome.body.decode("utf-8", "replace").strip()
        return f"<p class=\"error\">Error {outcome.status}: {_e(message)}</p>\n"
    media_type = outcome.content_type.split(";")[0].strip()
    results_format = pyoxigraph.QueryResultsFormat.from_media_type(media_type)
    if results_format is None:
        triples = pyoxigraph.parse(outcome.body, pyoxigraph.RdfFormat.N_TRIPLES)
        return _table(["subject", "predicate", "object"], ([t.subject, t.predicate, t.object] for t in triples))
    results = pyoxigraph.parse_query_results(outcome.body, results_format)
    if isinstance(results, pyoxigraph.QueryBoolean):
        return f"<p class=\"boolean\">{'true' if bool(results) else 'false'}</p>\n"
    names = [variable.value for variable in results.variables]
    return _table(names, ([solution[name] for name in names] for solution in results))


def _table(header: list[str], rows: Iterable[list]) -> str:
    lines = ["<table class=\"results\">\n<thead><tr>", *(f"<th>{_e(name)}</th>" for name in header), "</tr></thead>\n"]
    lines.append("<tbody>\n")
    count = 0
    for row in rows:
        count += 1
        lines.append("<tr>" + "".join(f"<td>{_e(_term(term))}</td>" for term in row) + "</tr>\n")
    lines.append(f"</tbody>\n</table>\n<p class=\"count\">{count} row{'s' if count != 1 else ''}</p>\n")
    return "".join(lines)


def _term(term: object) -> str:
    """An Oxigraph term of a result as kg.graph.terms writes every term."""
    if isinstance(term, pyoxigraph.NamedNode):
        return term_text(URIRef(term.value), _PREFIXED)
    if isinstance(term, pyoxigraph.BlankNode):
        return term_text(BNode(term.value), _PREFIXED)
    if isinstance(term, pyoxigraph.Literal):
        return term_text(Literal(term.value), _PREFIXED)
    return ""  # an unbound variable


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
