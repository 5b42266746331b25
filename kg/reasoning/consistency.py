"""Logical inconsistencies of a reasoned graph, as typed, sorted findings rather than owlrl's free text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal
from rdflib.term import Node

from kg.sparql.results import solutions

RULES_DIR = Path(__file__).parent / "inconsistency"


def _read_rules() -> dict[str, tuple[str, str]]:
    """Each OWL 2 RL inconsistency rule: ``<rule>.rq`` in RULES_DIR, a SELECT whose rows are violations,
    its message on the first line (``#+ summary: ...``)."""
    rules = {}
    for path in sorted(RULES_DIR.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        rules[path.stem] = (text.split("\n", 1)[0].removeprefix("#+ summary: "), text)
    return rules


RULES = _read_rules()


@dataclass(frozen=True, order=True)
class Finding:
    """One logical problem: the OWL 2 RL rule it violates, a message, and the terms involved."""

    rule: str
    message: str
    terms: tuple[str, ...]


def find_inconsistencies(closure: Graph) -> tuple[Finding, ...]:
    """Run each inconsistency rule over the closure."""
    findings = {
        Finding(rule, message, tuple(str(term) for term in row.values()))
        for rule, (message, query) in RULES.items()
        for row in solutions(closure.query(query))
    }
    return tuple(sorted(findings))


def ill_typed_triples(graph: Graph) -> list[tuple[Node, Node, Literal]]:
    """Triples whose literal's lexical form does not match its datatype (rule dt-not-type)."""
    return [(s, p, o) for s, p, o in graph if isinstance(o, Literal) and o.ill_typed]


def ill_typed_finding(triple: tuple[Node, Node, Literal]) -> Finding:
    subject, predicate, literal = triple
    return Finding("dt-not-type", "literal does not match its datatype",
                   (str(subject), str(predicate), f"{literal}^^{literal.datatype}"))
