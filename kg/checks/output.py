"""What ``kg check`` writes, in which format, and when it fails: one place for the formats and --fail-on.

The renderers are imported when a report is rendered, so that the ``kg`` command starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.checks.checker import CheckFile, CheckReport
    from kg.graph.locate import Locator

REPORT_FORMATS = ("text", "json", "markdown", "tsv", "sarif")
FAIL_ON = ("error", "warning", "none")  # as ROBOT's report --fail-on (ERROR, WARN, none)


def render(report: CheckReport, graph: Graph, fmt: str, locator: Locator, checks: list[CheckFile],
           command: str) -> str:
    """The report in one of REPORT_FORMATS; ``command`` is how to see every finding (named by the Markdown
    when it leaves some out)."""
    from kg.checks.report import format_report
    from kg.checks.robot_report import robot_tsv
    from kg.checks.sarif import sarif_log

    locator.prepare((finding.terms, finding.because) for finding in report.findings)
    if fmt == "tsv":
        return robot_tsv(report, graph, locator)
    if fmt == "sarif":
        return sarif_log(report, graph, locator, checks)
    return format_report(report, graph, fmt, locator, command)


def fails(report: CheckReport, fail_on: str) -> bool:
    """Whether a finding at ``fail_on`` or a more severe level was found (``none``: never)."""
    from kg.checks.checker import SEVERITIES

    if fail_on == "none":
        return False
    worst = SEVERITIES[:SEVERITIES.index(fail_on) + 1]
    return any(finding.severity in worst for finding in report.findings)
