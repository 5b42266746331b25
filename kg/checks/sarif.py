"""``kg check --format sarif``: SARIF 2.1.0, which code scanning reads to show each finding on its line.

One rule per check file (its name, and its header's summary as description and help) and one per built-in
check that found something; one result per finding, at the place of the triple it points at (kg.graph.locate),
the other places (an inferred finding's asserted premises) as related locations.
"""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from rdflib import Graph

from kg.checks.report import by_severity, term_name
from kg.graph.locate import Locator, Place
from kg.reasoning.consistency import RULES

if TYPE_CHECKING:
    from kg.checks.checker import CheckFile, CheckFinding, CheckReport

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning"}
RELATED_SHOWN = 20
BUILT_IN = {
    **{rule: f"OWL 2 RL rule {rule}: {message}" for rule, (message, _) in RULES.items()},
    "dt-not-type": "OWL 2 RL rule dt-not-type: a literal does not match its datatype",
    "unsatisfiable-class": "a class cannot have any member: a fresh individual of it makes the graph inconsistent",
    "unintended-equivalence": "reasoning made two distinct entities (owl:sameAs) or named classes "
                              "(owl:equivalentClass) the same",
    "quotes-verbatim": "a citation's quote must occur verbatim within one line of its source document",
}


def sarif_log(report: CheckReport, graph: Graph, locator: Locator, checks: list[CheckFile]) -> str:
    """The report as a SARIF 2.1.0 log with one run."""
    rules = [_rule(check.name, check.summary, check.severity, _help(check)) for check in checks]
    known = {check.name for check in checks}
    for finding in report.findings:
        if finding.check not in known:
            known.add(finding.check)
            text = BUILT_IN.get(finding.check, finding.message)
            rules.append(_rule(finding.check, text, finding.severity, text))
    index = {rule["id"]: n for n, rule in enumerate(rules)}
    results = [_result(finding, index[finding.check], graph, locator) for finding in by_severity(report.findings)]
    log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "kg check", "rules": rules}},
        "columnKind": "unicodeCodePoints",
        "results": results,
    }]}
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def _help(check: CheckFile) -> str:
    return (f"{check.summary} ({check.severity}). The check is a SPARQL SELECT that must return no rows: "
            f"queries/checks/{check.path.name}.")


def _rule(rule_id: str, summary: str, severity: str, help_text: str) -> dict[str, Any]:
    return {"id": rule_id, "name": rule_id, "shortDescription": {"text": summary},
            "fullDescription": {"text": summary}, "help": {"text": help_text},
            "defaultConfiguration": {"level": LEVELS.get(severity, "warning")}}


def _result(finding: CheckFinding, rule_index: int, graph: Graph, locator: Locator) -> dict[str, Any]:
    located = locator.locate(finding.terms, finding.because)
    terms = ", ".join(term_name(t, graph) for t in finding.terms)
    result: dict[str, Any] = {"ruleId": finding.check, "ruleIndex": rule_index,
                              "level": LEVELS.get(finding.severity, "warning"),
                              "message": {"text": f"{finding.message}: {terms}" if terms else finding.message}}
    if located.places:
        result["locations"] = [_location(located.places[0])]
        related = located.places[1:1 + RELATED_SHOWN]
        if related:
            what = "asserted premise" if finding.because else "also written"
            result["relatedLocations"] = [{**_location(place), "id": n, "message": {"text": what}}
                                          for n, place in enumerate(related, start=1)]
    elif finding.terms:
        result["locations"] = [{"logicalLocations": [{"fullyQualifiedName": finding.terms[0]}]}]
    return result


def _location(place: Place) -> dict[str, Any]:
    return {"physicalLocation": {"artifactLocation": {"uri": _uri(place.file)},
                                 "region": {"startLine": place.line, "startColumn": place.column}}}


def _uri(file: str) -> str:
    """A path below the working directory as a relative URI (code scanning resolves it against the
    checkout); any other as a file: URI."""
    path = Path(file)
    return path.as_uri() if path.is_absolute() else quote(PurePosixPath(file).as_posix())
