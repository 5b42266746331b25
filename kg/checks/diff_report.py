"""Rendering a ``kg diff``: text for the terminal, JSON and TSV for programs, Markdown for a pull-request comment."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from rdflib import URIRef

if TYPE_CHECKING:
    from kg.checks.diff import Change, Diff

DIFF_FORMATS = ("text", "json", "tsv", "markdown")
MD_ROWS = 200  # per section, so that a pull-request comment stays within GitHub's size limit
SECTIONS = (("asserted", "added"), ("asserted", "removed"), ("inferred", "added"), ("inferred", "removed"))


def format_diff(diff: Diff, fmt: str) -> str:
    """``diff`` in one of DIFF_FORMATS; the same diff always gives the same bytes."""
    if fmt == "tsv":
        return _tsv(diff)
    if fmt == "json":
        return _json(diff)
    return _markdown(diff) if fmt == "markdown" else _text(diff)


def _summary(diff: Diff) -> str:
    counts = "; ".join(f"{kind}: +{diff.count('added', kind)} -{diff.count('removed', kind)}"
                       for kind in ("asserted", "inferred"))
    return (f"{counts}; provenance (claims, citations, sources): +{diff.provenance_added} "
            f"-{diff.provenance_removed} triples")


def _section(diff: Diff, kind: str, change: str) -> list[Change]:
    return [c for c in diff.changes if c.kind == kind and c.change == change]


def _text(diff: Diff) -> str:
    lines = [f"kg diff {diff.old} -> {diff.new}", _summary(diff)]
    if not diff.changes:
        lines.append("No fact changed.")
    for kind, change in SECTIONS:
        section = _section(diff, kind, change)
        if not section:
            continue
        lines += ["", f"{kind.capitalize()} facts {change} ({len(section)}):"]
        sign = "+" if change == "added" else "-"
        for item in section:
            lines.append(f"{sign} {' '.join(item.names)}")
            if any(isinstance(term, URIRef) and label != name
                   for term, name, label in zip(item.triple, item.names, item.labels, strict=True)):
                lines.append("    " + " | ".join(_short(label) for label in item.labels))
            lines += [f"    cited: {citation}" for citation in item.citations]
            if kind == "inferred":
                lines.append("    derived by the OWL 2 RL reasoner")
    return "\n".join(lines) + "\n"


def _short(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _tsv(diff: Diff) -> str:
    header = ["change", "kind", "subject", "predicate", "object", "subject_label", "predicate_label",
              "object_label", "citations"]
    rows = [[c.change, c.kind, *(term.n3() for term in c.triple), *c.labels, " | ".join(c.citations)]
            for c in diff.changes]
    return "\n".join("\t".join(_one_line(cell) for cell in row) for row in [header, *rows]) + "\n"


def _json(diff: Diff) -> str:
    """The TSV's columns for each change, with the counts of the text's summary."""
    document = {
        "old": diff.old, "new": diff.new,
        "counts": {kind: {change: diff.count(change, kind) for change in ("added", "removed")}
                   for kind in ("asserted", "inferred")},
        "provenance": {"added": diff.provenance_added, "removed": diff.provenance_removed},
        "changes": [{"change": c.change, "kind": c.kind,
                     **{part: term.n3() for part, term in zip(("subject", "predicate", "object"), c.triple,
                                                               strict=True)},
                     "labels": list(c.labels), "citations": list(c.citations)} for c in diff.changes],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _markdown(diff: Diff) -> str:
    lines = [f"### Knowledge graph diff: `{diff.old}` → `{diff.new}`", "",
             "| | asserted | inferred |", "| --- | --- | --- |"]
    for change in ("added", "removed"):
        lines.append(f"| {change} | {diff.count(change, 'asserted')} | {diff.count(change, 'inferred')} |")
    lines += ["", f"Provenance triples (claims, citations, sources): {diff.provenance_added} added, "
                  f"{diff.provenance_removed} removed."]
    if not diff.changes:
        lines += ["", "No fact changed."]
    for kind, change in SECTIONS:
        section = _section(diff, kind, change)
        if not section:
            continue
        lines += ["", f"<details><summary>{kind.capitalize()} facts {change} ({len(section)})</summary>", "",
                  "| subject | predicate | object | " + ("cited |" if kind == "asserted" else "why |"),
                  "| --- | --- | --- | --- |"]
        for item in section[:MD_ROWS]:
            why = "<br>".join(item.citations) if kind == "asserted" else "derived by the reasoner"
            cells = [f"{label} (`{name}`)" if isinstance(term, URIRef) and label != name else label
                     for term, name, label in zip(item.triple, item.names, item.labels, strict=True)]
            lines.append("| " + " | ".join(_md_cell(cell) for cell in [*cells, why]) + " |")
        if len(section) > MD_ROWS:
            lines.append(f"| … and {len(section) - MD_ROWS} more (see `kg diff --format tsv`) | | | |")
        lines += ["", "</details>"]
    return "\n".join(lines) + "\n"


def _md_cell(text: str) -> str:
    return _one_line(text).replace("|", "\\|")


def _one_line(text: str) -> str:
    return " ".join(text.split("\t")).replace("\r", " ").replace("\n", " ")
