"""Rendering check reports and explanations as text, JSON or Markdown: labels, citations and places included."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from kg.answers.citations import CitationDetail, citation_details
from kg.checks.checker import SEVERITIES
from kg.graph.locate import Locator, Place
from kg.graph.terms import term_text

if TYPE_CHECKING:
    from kg.answers.explain import Step
    from kg.checks.checker import CheckFinding, CheckReport

CITATIONS_SHOWN = 2
MARKDOWN_LIMIT = 60_000  # characters (UTF-16 code units, as GitHub counts); a comment may hold 65,536


def by_severity(findings: Iterable[CheckFinding]) -> list[CheckFinding]:
    """The most severe findings first (SEVERITIES is in that order), each severity in the report's order."""
    return sorted(findings, key=lambda f: SEVERITIES.index(f.severity) if f.severity in SEVERITIES
                  else len(SEVERITIES))


def format_report(report: CheckReport, graph: Graph, fmt: str, locator: Locator | None = None,
                  command: str = "kg check --format text") -> str:
    """A check report as text, json or markdown; ``locator`` gives the places (none without it), ``command``
    is what the Markdown names to see every finding when some are left out."""
    locator = locator or Locator([])
    if fmt == "json":
        return json.dumps(_report_json(report, graph, locator), indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        return _markdown(report, graph, locator, command)
    lines = [f"kg check: {report.errors} error(s), {report.warnings} warning(s)", _checks_line(report)]
    for finding in report.findings:
        lines.append(f"{finding.severity}  {finding.check}  {finding.message}: "
                     + ", ".join(term_name(t, graph) for t in finding.terms))
        located = locator.locate(finding.terms, finding.because)
        if located.places:
            lines.append(f"    at {_places(located.places)}")
        lines += [f"    {'  ' * depth}{text}" for depth, text in _step_lines(finding.because, graph, locator)]
    return "\n".join(lines) + "\n"


def _checks_line(report: CheckReport) -> str:
    return f"{report.triples} triples; {len(report.checks_run)} checks run: {', '.join(report.checks_run)}"


def _markdown(report: CheckReport, graph: Graph, locator: Locator, command: str) -> str:
    """A pull-request comment: a table, then each explained finding; findings that would take the comment
    past MARKDOWN_LIMIT are left out, most severe kept, with a tally and the command that shows them all."""
    head = [f"## kg check: {report.errors} error(s), {report.warnings} warning(s)\n", _checks_line(report)]
    table = ["", "| severity | check | finding | terms | where |", "| --- | --- | --- | --- | --- |"]
    rows: list[str] = []
    sections: list[str] = []
    findings = by_severity(report.findings)
    # the tally is reserved whole; 4 for the line breaks around it and at the end
    budget = MARKDOWN_LIMIT - _size("\n".join(head + table)) - _size(_left_out(findings, findings, command)) - 4
    for finding in findings:
        terms = _md(", ".join(term_name(t, graph) for t in finding.terms))
        where = _places(locator.locate(finding.terms, finding.because).places, "`")
        row = f"| {finding.severity} | {finding.check} | {_md(finding.message)} | {terms} | {where} |"
        section = []
        if finding.because:
            section += ["", f"### {finding.check}: {terms}", ""]
            section += [f"{'  ' * depth}- {_md(text)}" for depth, text in _step_lines(finding.because, graph, locator)]
        cost = _size("\n".join([row, *section])) + 1
        if cost > budget:
            break
        budget -= cost
        rows.append(row)
        sections += section
    lines = head + table + rows + sections
    if len(rows) < len(findings):
        lines += ["", _left_out(findings, findings[len(rows):], command)]
    return "\n".join(lines) + "\n"


def _left_out(findings: list[CheckFinding], left: list[CheckFinding], command: str) -> str:
    counts = ", ".join(f"{sum(f.severity == s for f in left)} {s}(s)" for s in dict.fromkeys(f.severity for f in left))
    return (f"**{len(left)} of {len(findings)} findings left out** ({counts}) to keep this comment under "
            f"{MARKDOWN_LIMIT:,} characters; see them all with `{command}`")


def _size(text: str) -> int:
    """Length as GitHub counts a comment: UTF-16 code units (a lone surrogate, from a file name that is not
    UTF-8, is one)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _places(places: tuple[Place, ...], quote: str = "") -> str:
    """The first place, and how many more there are."""
    more = f" (and {len(places) - 1} more)" if len(places) > 1 else ""
    return f"{quote}{places[0]}{quote}{more}" if places else ""


def format_explanations(entity: URIRef, steps: list[Step], graph: Graph, fmt: str = "text") -> str:
    """Why each inferred class membership of an entity holds, as text or json."""
    if fmt == "json":
        document = {"entity": str(entity), "label": _label(str(entity), graph),
                    "memberships": [_step_json(step, graph, Locator([])) for step in steps]}
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    if not steps:
        return f"{term_name(str(entity), graph)}: no inferred class membership\n"
    lines = [f"{term_name(str(entity), graph)}: {len(steps)} inferred class membership(s)"]
    for step in steps:
        lines.append("")
        lines += [f"{'  ' * depth}{text}" for depth, text in _step_lines([step], graph, Locator([]))]
    return "\n".join(lines) + "\n"


def _step_lines(steps: Iterable[Step], graph: Graph, locator: Locator,
                depth: int = 0) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    for step in steps:
        statement = " ".join(term_text(t, graph, "turtle") for t in step.triple)
        if step.rule == "asserted":
            places = locator.triple_places(step.triple)
            at = f" at {_places(places)}" if places else ""
            lines.append((depth, f"{statement}  (asserted{at}{_cited(step.citations, graph)})"))
        else:
            lines.append((depth, f"{statement}  because {step.rule}"))
            lines += _step_lines(step.premises, graph, locator, depth + 1)
    return lines


def _cited(citations: tuple[URIRef, ...], graph: Graph) -> str:
    if not citations:
        return ", no citation"
    details = citation_details(graph, citations)
    shown = [_short(details[c]) for c in citations[:CITATIONS_SHOWN] if c in details]
    more = f"; and {len(citations) - CITATIONS_SHOWN} more" if len(citations) > CITATIONS_SHOWN else ""
    return "; cited: " + "; ".join(shown) + more


def _short(detail: CitationDetail) -> str:
    refs = ", ".join(str(n) for n in detail.references)
    where = detail.document_file[:3] + (f" ref {refs}" if refs else "")
    return f'document {where} "{detail.quote}"'


def _report_json(report: CheckReport, graph: Graph, locator: Locator) -> dict:
    return {
        "triples": report.triples,
        "checks_run": list(report.checks_run),
        "errors": report.errors,
        "warnings": report.warnings,
        "findings": [_finding_json(f, graph, locator) for f in report.findings],
    }


def _finding_json(finding: CheckFinding, graph: Graph, locator: Locator) -> dict:
    located = locator.locate(finding.terms, finding.because)
    return {
        "severity": finding.severity,
        "check": finding.check,
        "message": finding.message,
        "terms": [{"term": t, "label": _label(t, graph)} for t in finding.terms],
        "triple": [_json_term(t) for t in located.triple] if located.triple else None,
        "places": [_place_json(place) for place in located.places],
        "because": [_step_json(step, graph, locator) for step in finding.because],
    }


def _json_term(term: Node) -> str:
    """A term of a triple in full: an IRI or a literal's text as it is, a blank node as ``_:label`` (the label
    kg.graph.locate gives it, the same on every run) so that it reads as no IRI."""
    return term.n3() if isinstance(term, BNode) else str(term)


def _place_json(place: Place) -> dict:
    return {"file": place.file, "line": place.line, "column": place.column}


def _step_json(step: Step, graph: Graph, locator: Locator) -> dict:
    details = citation_details(graph, step.citations)
    places = locator.triple_places(step.triple) if step.rule == "asserted" else ()
    return {
        "triple": [_json_term(t) for t in step.triple],
        "rule": step.rule,
        "places": [_place_json(place) for place in places],
        "citations": [{"citation": str(c), "document": details[c].document_file,
                       "references": list(details[c].references), "quote": details[c].quote}
                      for c in step.citations if c in details],
        "premises": [_step_json(p, graph, locator) for p in step.premises],
    }


def _label(term: str, graph: Graph) -> str | None:
    label = graph.value(URIRef(term), RDFS.label) if ":" in term else None
    return str(label) if label is not None else None


def term_name(term: str, graph: Graph) -> str:
    """A term as a prefixed name with its label."""
    name = graph.namespace_manager.normalizeUri(URIRef(term)) if term.startswith(("http", "urn:")) else term
    label = _label(term, graph)
    return f"{name} ({label})" if label else name


def _md(text: str) -> str:
    return text.replace("|", "\\|")
