"""The front page of ``kg serve``: every question the saved queries declare, answered from the graph with its
citations, and a query box. Plain HTML, no script, every text escaped; the same graph gives the same bytes."""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass

import pyoxigraph
from rdflib import Dataset

from kg.answers.answer import Answer, answer_with, verdict_line
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH, PREFIXES
from kg.serve.gate import Outcome
from kg.sparql.saved import SavedQuery, internal_query

EXAMPLE_QUERY = internal_query(__file__, "example")  # what the query box holds at first
# the media types the query box asks for: a table for SELECT and ASK, triples for CONSTRUCT and DESCRIBE
BOX_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9"

_STYLE = """body{font-family:sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;line-height:1.4}
textarea{width:100%;font-family:monospace}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;
text-align:left;vertical-align:top}.answer{border-top:1px solid #ddd;margin-top:1.5rem}.references{font-size:90%}
.error{color:#a00}"""


@dataclass(frozen=True)
class Entry:
    """A declared question of a saved query and the graph's answer to it."""

    anchor: str
    query: SavedQuery
    answer: Answer


def document_answers(dataset: Dataset, queries: Iterable[SavedQuery]) -> list[Entry]:
    """Every question the saved queries declare, answered by its query with the question's own bindings."""
    entries = []
    for query in queries:
        for number, question in enumerate(query.questions, start=1):
            raw = {name: list(values) for name, values in question.bindings.items()}
            entries.append(Entry(f"{query.name}-{number}", query, answer_with(question.text, query, raw, dataset)))
    return entries


def render_page(entries: list[Entry], query_text: str = EXAMPLE_QUERY, outcome: Outcome | None = None,
                question: str = "", answer_section: str = "") -> str:
    """The whole page; with ``outcome``, the query box's results below it; with ``answer_section`` (HTML made
    by kg.answers.reply_format.answer_html), the answer to ``question`` below the question box."""
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        "<title>mnd-kg: what the documents say about motor neuron diseases</title>\n",
        f"<style>{_STYLE}</style>\n</head>\n<body>\n",
        "<h1>mnd-kg: what the documents say about motor neuron diseases</h1>\n",
        "<p>Each question the saved queries answer, answered from the graph (asserted and inferred triples), "
        "with its citations: the source document, the references it cites and the verbatim sentence. "
        "The SPARQL 1.1 endpoint is <a href=\"/query\"><code>/query</code></a> (read-only); its default graph is "
        f"the union of the named graphs <code>{_e(ASSERTED_GRAPH)}</code> and <code>{_e(INFERRED_GRAPH)}</code>.</p>\n",
        _question_box(question, answer_section),
        _query_box(query_text, outcome),
        "<h2 id=\"questions\">Questions</h2>\n<ol class=\"toc\">\n",
        *(f"<li><a href=\"#{_e(entry.anchor)}\">{_e(entry.answer.question)}</a></li>\n" for entry in entries),
        "</ol>\n",
        *(_answer_section(entry) for entry in entries),
        "</body>\n</html>\n",
    ]
    return "".join(parts)


def _question_box(question: str, answer_section: str) -> str:
    """A question in plain words, answered from the cited claims as ``kg ask`` answers it."""
    return ("<h2 id=\"ask-box\">Ask</h2>\n<form method=\"get\" action=\"/\">\n"
            f"<input id=\"ask\" name=\"ask\" size=\"80\" maxlength=\"1000\" value=\"{_e(question)}\" />\n"
            "<button id=\"ask-run\" type=\"submit\">Ask</button>\n</form>\n" + answer_section)


def _query_box(query_text: str, outcome: Outcome | None) -> str:
    box = ("<h2 id=\"query-box\">Query</h2>\n<form method=\"get\" action=\"/\">\n"
           f"<textarea id=\"query\" name=\"query\" rows=\"12\">{_e(query_text)}</textarea>\n"
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
    """A term as people read it: IRIs with the project's prefixes, literals by their text."""
    if term is None:
        return ""
    if isinstance(term, pyoxigraph.NamedNode):
        for prefix, namespace in PREFIXES.items():
            if term.value.startswith(namespace) and term.value != namespace:
                return f"{prefix}:{term.value[len(namespace):]}"
        return term.value
    if isinstance(term, pyoxigraph.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, pyoxigraph.Literal):
        return term.value
    return str(term)


def _answer_section(entry: Entry) -> str:
    answer = entry.answer
    parts = [f"<section class=\"answer\" id=\"{_e(entry.anchor)}\">\n",
             f"<h3 class=\"question\">{_e(answer.question)}</h3>\n"]
    parts += [f"<p class=\"verdict\">{_e(verdict_line(verdict))}</p>\n" for verdict in answer.verdicts]
    if not answer.facts:
        parts.append("<p class=\"unknown\">Unknown: the graph holds no fact that answers this.</p>\n")
    grouped = len({fact.entity for fact in answer.facts}) > 1
    current = None
    parts.append("<ul class=\"facts\">\n")
    for fact in answer.facts:
        if grouped and fact.entity != current:  # facts under their entity, in the answer's order
            parts.append("</ul></li>\n" if current is not None else "")
            parts.append(f"<li class=\"entity\"><strong>{_e(fact.entity)}</strong>\n<ul>\n")
            current = fact.entity
        cites = "".join(f"<a href=\"#{_e(entry.anchor)}-ref-{n}\">[{n}]</a>" for n in fact.citations)
        why = f" <span class=\"why\">({_e(fact.why)})</span>" if fact.why else ""
        parts.append(f"<li class=\"fact\">{_e(fact.text)}{' ' + cites if cites else ''}{why}</li>\n")
    parts.append("</ul></li>\n</ul>\n" if current is not None else "</ul>\n")
    if answer.references:
        parts.append("<ol class=\"references\">\n")
        parts += [f"<li id=\"{_e(entry.anchor)}-ref-{n}\">{_e(detail.describe())}</li>\n"
                  for n, detail in enumerate(answer.references, start=1)]
        parts.append("</ol>\n")
    link = "/?query=" + urllib.parse.quote(answer.sparql or entry.query.text, safe="") + "#results"
    parts.append(f"<p class=\"source\">Saved query <code>{_e(entry.query.name)}</code>: "
                 f"<a href=\"{_e(link)}\">run it in the query box</a></p>\n</section>\n")
    return "".join(parts)


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
