"""``kg check --format tsv``: the columns of a ROBOT report (Level, Rule Name, Subject, Property, Value), so
a team can read it where it reads ``robot report``, with a sixth column, Location, for ``file:line:column``.

Subject, Property and Value are the asserted triple the finding points at (see kg.graph.locate); a finding that
points at no triple gives its first term as Subject and its other terms as Value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Graph, URIRef

from kg.checks.report import by_severity
from kg.graph.locate import IRI, Locator
from kg.graph.terms import term_text

if TYPE_CHECKING:
    from kg.checks.checker import CheckReport

COLUMNS = ("Level", "Rule Name", "Subject", "Property", "Value", "Location")
LEVELS = {"error": "ERROR", "warning": "WARN"}  # ROBOT's level names (it also has INFO)


def robot_tsv(report: CheckReport, graph: Graph, locator: Locator) -> str:
    """One row per finding, most severe first."""
    rows = [COLUMNS]
    for finding in by_severity(report.findings):
        located = locator.locate(finding.terms, finding.because)
        if located.triple is not None:
            subject, prop, value = (term_text(term, graph) for term in located.triple)
        else:
            subject = _term_cell(finding.terms[0], graph) if finding.terms else ""
            prop, value = "", " ".join(_term_cell(t, graph) for t in finding.terms[1:])
        where = str(located.places[0]) if located.places else ""
        rows.append((LEVELS.get(finding.severity, finding.severity.upper()), finding.check, subject, prop, value,
                     where))
    return "".join("\t".join(_escape(cell) for cell in row) + "\n" for row in rows)


def _term_cell(term: str, graph: Graph) -> str:
    """A term of a check row (rows carry terms as strings): an IRI's prefixed name, else the text."""
    return term_text(URIRef(term), graph) if IRI.fullmatch(term) else term


def _escape(cell: str) -> str:
    """TSV has no quoting: tabs, line breaks and backslashes are written as escapes."""
    return cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")
