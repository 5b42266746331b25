"""What ``kg check`` writes, in which format, and when it fails: one place for the formats and --fail-on."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rdflib import Graph

from kg.locate import Locator
from kg.report import SEVERITY_ORDER, format_report
from kg.robot_report import robot_tsv
from kg.sarif import sarif_log

if TYPE_CHECKING:
    from kg.check import CheckFile, CheckReport

REPORT_FORMATS = ("text", "json", "markdown", "tsv", "sarif")
FAIL_ON = ("error", "warning", "none")  # as ROBOT's report --fail-on (ERROR, WARN, none)


def render(report: CheckReport, graph: Graph, fmt: str, locator: Locator, checks: list[CheckFile],
           command: str) -> str:
    """The report in one of REPORT_FORMATS; ``command`` is how to see every finding (named by the Markdown
    when it leaves some out)."""
    locator.prepare((finding.terms, finding.because) for finding in report.findings)
    if fmt == "tsv":
        return robot_tsv(report, graph, locator)
    if fmt == "sarif":
        return sarif_log(report, graph, locator, checks)
    return format_report(report, graph, fmt, locator, command)


def fails(report: CheckReport, fail_on: str) -> bool:
    """Whether a finding at ``fail_on`` or a more severe level was found (``none``: never)."""
    if fail_on == "none":
        return False
    worst = SEVERITY_ORDER[:SEVERITY_ORDER.index(fail_on) + 1]
    return any(finding.severity in worst for finding in report.findings)
