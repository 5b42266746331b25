"""Rendering check reports and explanations as text, JSON or Markdown: labels and citations included."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS
from rdflib.term import Node

from kg.answers.citations import CitationDetail, citation_details

if TYPE_CHECKING:
    from kg.answers.explain import Step
    from kg.checks.checker import CheckFinding, CheckReport

REPORT_FORMATS = ("text", "json", "markdown")
CITATIONS_SHOWN = 2


def format_report(report: CheckReport, graph: Graph, fmt: str) -> str:
    """A check report in one of REPORT_FORMATS."""
    if fmt == "json":
        return json.dumps(_report_json(report, graph), indent=2, ensure_ascii=False) + "\n"
    markdown = fmt == "markdown"
    lines = [(f"## kg check: {report.errors} error(s), {report.warnings} warning(s)\n" if markdown else
              f"kg check: {report.errors} error(s), {report.warnings} warning(s)"),
             f"{report.triples} triples; {len(report.checks_run)} checks run: {', '.join(report.checks_run)}"]
    if markdown:
        lines += ["", "| severity | check | finding | terms |", "| --- | --- | --- | --- |"]
        lines += [f"| {f.severity} | {f.check} | {f.message} | {_md(', '.join(_term(t, graph) for t in f.terms))} |"
                  for f in report.findings]
    for finding in report.findings:
        if markdown:
            if finding.because:
                lines += ["", f"### {finding.check}: {_md(', '.join(_term(t, graph) for t in finding.terms))}", ""]
                lines += [f"{'  ' * depth}- {_md(text)}" for depth, text in _step_lines(finding.because, graph)]
        else:
            lines.append(f"{finding.severity}  {finding.check}  {finding.message}: "
                         + ", ".join(_term(t, graph) for t in finding.terms))
            lines += [f"    {'  ' * depth}{text}" for depth, text in _step_lines(finding.because, graph)]
    return "\n".join(lines) + "\n"


def format_explanations(entity: URIRef, steps: list[Step], graph: Graph) -> str:
    """Why each inferred class membership of an entity holds."""
    if not steps:
        return f"{_term(str(entity), graph)}: no inferred class membership\n"
    lines = [f"{_term(str(entity), graph)}: {len(steps)} inferred class membership(s)"]
    for step in steps:
        lines.append("")
        lines += [f"{'  ' * depth}{text}" for depth, text in _step_lines([step], graph)]
    return "\n".join(lines) + "\n"


def _step_lines(steps: Iterable[Step], graph: Graph, depth: int = 0) -> list[tuple[int, str]]:
    lines: list[tuple[int, str]] = []
    for step in steps:
        statement = " ".join(_node(t, graph) for t in step.triple)
        if step.rule == "asserted":
            lines.append((depth, f"{statement}  (asserted{_cited(step.citations, graph)})"))
        else:
            lines.append((depth, f"{statement}  because {step.rule}"))
            lines += _step_lines(step.premises, graph, depth + 1)
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


def _report_json(report: CheckReport, graph: Graph) -> dict:
    return {
        "triples": report.triples,
        "checks_run": list(report.checks_run),
        "errors": report.errors,
        "warnings": report.warnings,
        "findings": [_finding_json(f, graph) for f in report.findings],
    }


def _finding_json(finding: CheckFinding, graph: Graph) -> dict:
    return {
        "severity": finding.severity,
        "check": finding.check,
        "message": finding.message,
        "terms": [{"term": t, "label": _label(t, graph)} for t in finding.terms],
        "because": [_step_json(step, graph) for step in finding.because],
    }


def _step_json(step: Step, graph: Graph) -> dict:
    details = citation_details(graph, step.citations)
    return {
        "triple": [str(t) for t in step.triple],
        "rule": step.rule,
        "citations": [{"citation": str(c), "document": details[c].document_file,
                       "references": list(details[c].references), "quote": details[c].quote}
                      for c in step.citations if c in details],
        "premises": [_step_json(p, graph) for p in step.premises],
    }


def _label(term: str, graph: Graph) -> str | None:
    label = graph.value(URIRef(term), RDFS.label) if ":" in term else None
    return str(label) if label is not None else None


def _term(term: str, graph: Graph) -> str:
    name = graph.namespace_manager.normalizeUri(URIRef(term)) if term.startswith(("http", "urn:")) else term
    label = _label(term, graph)
    return f"{name} ({label})" if label else name


def _node(term: Node, graph: Graph) -> str:
    if isinstance(term, URIRef):
        return graph.namespace_manager.normalizeUri(term)
    if isinstance(term, Literal):
        return term.n3()
    return str(term)


def _md(text: str) -> str:
    return text.replace("|", "\\|")
