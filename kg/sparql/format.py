"""Rendering query results: SPARQL 1.1 JSON/CSV/TSV for programs, tables with cited footnotes for people, and a
CONSTRUCT or DESCRIBE result's graph in Turtle or N-Triples."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result
from rdflib.term import Node

from kg.answers.citations import citation_details, collect_citation
from kg.errors import InputError
from kg.graph.terms import term_text
from kg.sparql.results import CITATION_VARIABLE, solutions

TABLE_FORMATS = ("text", "json", "csv", "tsv", "markdown")
GRAPH_FORMATS = ("turtle", "nt")  # only for a CONSTRUCT or DESCRIBE result
FORMATS = (*TABLE_FORMATS, *GRAPH_FORMATS)


def format_result(result: Result, fmt: str, graph: Graph) -> str:
    """Render a query result in one of FORMATS; ``graph`` supplies prefixes and citation details."""
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        assert result.graph is not None
        if fmt not in ("csv", "tsv", "nt"):
            return result.graph.serialize(format="turtle")
        lines = sorted({line for line in result.graph.serialize(format="nt").splitlines() if line})
        return "".join(line + "\n" for line in lines)  # sorted: the same bytes whatever the hash seed
    if fmt in GRAPH_FORMATS:
        raise InputError(f"{fmt} is for the graph of a CONSTRUCT or DESCRIBE query; {result.type} results take "
                         f"{', '.join(TABLE_FORMATS[:-1])} or {TABLE_FORMATS[-1]}", "--format")
    if fmt in ("json", "csv"):
        return (result.serialize(format=fmt) or b"").decode("utf-8")
    if result.type == "ASK":
        answer = "true" if result.askAnswer else "false"
        return answer + "\n" if fmt != "tsv" else f"?_askResult\n{answer}\n"
    variables = [str(v) for v in result.vars or []]
    rows = [[solution[v] for v in variables] for solution in solutions(result)]
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join(_tsv_term(term) for term in row) for row in rows]
        return "\n".join(lines) + "\n"
    return _human(variables, rows, graph, markdown=(fmt == "markdown"))


_TSV_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _tsv_term(term: Node | None) -> str:
    """A term as SPARQL 1.1 TSV writes it: Turtle, a literal on one line with its tab, line feed and carriage
    return escaped (rdflib's n3() puts one holding a line break in triple quotes, across lines)."""
    if term is None:
        return ""
    if not isinstance(term, Literal) or not any(c in term for c in "\t\n\r"):
        return term.n3()
    written = '"' + str(term).translate(_TSV_ESCAPES) + '"'
    if term.language:
        return f"{written}@{term.language}"
    return written if term.datatype in (None, XSD.string) else f"{written}^^<{term.datatype}>"


def _human(variables: list[str], rows: list[list[Node | None]], graph: Graph, markdown: bool) -> str:
    """One line per distinct answer; its citations become numbered footnotes, as the documents cite."""
    if CITATION_VARIABLE in variables:
        index = variables.index(CITATION_VARIABLE)
        shown = [v for v in variables if v != CITATION_VARIABLE]
        merged: dict[tuple[str, ...], list[URIRef]] = {}
        order: list[URIRef] = []
        for row in rows:
            key = tuple(term_text(term, graph) for i, term in enumerate(row) if i != index)
            collect_citation(merged, order, key, row[index])
        number = {citation: n for n, citation in enumerate(order, start=1)}
        header = [*shown, "cited"]
        body = [[*key, " ".join(f"[{n}]" for n in sorted(number[c] for c in cites))] for key, cites in merged.items()]
        details = citation_details(graph, order)
        notes = [f"[{number[c]}] {details[c].describe()}" if c in details else f"[{number[c]}] {c}" for c in order]
    else:
        header = variables
        body = [[term_text(term, graph) for term in row] for row in rows]
        notes = []
    table = _markdown(header, body) if markdown else _plain(header, body)
    if not body:
        table += "(no answer: the graph holds nothing that matches)\n"
    if notes:
        table += ("\n**Citations**\n\n" if markdown else "\nCitations:\n") + "".join(
            ("- " if markdown else "") + note + "\n" for note in notes)
    return table


def _plain(header: list[str], body: list[list[str]]) -> str:
    widths = [max([len(h), *(len(row[i]) for row in body)]) for i, h in enumerate(header)]
    def line(cells: list[str]) -> str:
        return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip() + "\n"
    return line(header) + line(["-" * w for w in widths]) + "".join(line(row) for row in body)


def _markdown(header: list[str], body: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(_markdown_cell(cell) for cell in cells) + " |\n"
    return line(header) + line(["---"] * len(header)) + "".join(line(row) for row in body)


def _markdown_cell(text: str) -> str:
    """A table cell on one line: its pipes escaped, a line break as <br>, a tab as a space."""
    text = text.replace("|", "\\|").replace("\t", " ")
    return "<br>".join(text.splitlines()) if "\n" in text or "\r" in text else text
