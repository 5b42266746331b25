"""Composing a plain-words answer from a saved query's result (the front page of ``kg serve``): verdict first,
cited facts, references. ``kg ask`` answers from the cited claims instead (kg.answers.verdict)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.answers.citations import CitationDetail, citation_details, collect_citation
from kg.answers.explain import Explainer, explainer_from
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from kg.graph.terms import term_text
from kg.sparql.results import CITATION_VARIABLE, solutions
from kg.sparql.run import bind_values, run_sparql
from kg.sparql.saved import SavedQuery

SUPPORT = 3  # cited sentences shown by default

VERDICT_COLUMNS = ("verdict", "demyelinating", "primarily_axonal", "always_inherited", "familial_cases")
NAME_COLUMNS = ("name", "left_name", "right_name")


@dataclass(frozen=True)
class Fact:
    entity: str
    text: str
    citations: tuple[int, ...]
    why: str | None = None


@dataclass(frozen=True)
class Answer:
    """A saved query's answer on the front page: the query and bindings used, verdicts, facts and references."""

    question: str
    status: str  # answered
    query: str | None = None
    bindings: dict[str, list[str]] = field(default_factory=dict)
    verdicts: list[dict[str, str]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    references: list[CitationDetail] = field(default_factory=list)
    sparql: str | None = None


def answer_with(question: str, query: SavedQuery, raw: dict[str, list[str]], dataset: Dataset) -> Answer:
    """Answer ``question`` with the saved ``query``, its parameters bound to ``raw`` values."""
    sparql = query.bind(bind_values(query, raw, dataset))
    rows = solutions(run_sparql(dataset, sparql, f"query {query.name}"))
    verdicts, facts, order = _compose(rows, dataset)
    details = citation_details(dataset, order)
    return Answer(question, "answered", query.name, raw, verdicts, facts,
                  [details[c] for c in order if c in details], sparql=sparql)


def _compose(rows: list[dict[str, Node | None]],
             dataset: Dataset) -> tuple[list[dict[str, str]], list[Fact], list[URIRef]]:
    order: list[URIRef] = []
    verdicts: dict[str, dict[str, str]] = {}
    cited: dict[tuple[str, str], list[URIRef]] = {}
    terms: dict[str, Node | None] = {}
    for row in rows:
        entity_term = next(iter(row.values()))
        entity = term_text(entity_term, dataset)
        name = next((term_text(row[c], dataset) for c in NAME_COLUMNS if row.get(c) is not None), entity)
        terms.setdefault(name, entity_term)
        verdict = {c: term_text(row[c], dataset) for c in VERDICT_COLUMNS if row.get(c) is not None}
        if verdict:
            verdicts.setdefault(entity, {"entity": entity, "name": name, **verdict})
        skip = {CITATION_VARIABLE, *VERDICT_COLUMNS, *NAME_COLUMNS}
        parts = [term_text(value, dataset) for key, value in list(row.items())[1:]
                 if key not in skip and value is not None]
        if not parts:
            continue
        text = ": ".join(parts[:2]) + ("; " + "; ".join(parts[2:]) if len(parts) > 2 else "")
        collect_citation(cited, order, (name, text), row.get(CITATION_VARIABLE))
    number = {c: n for n, c in enumerate(order, start=1)}
    facts = []
    explainer: Explainer | None = None
    for (name, text), citations in cited.items():
        why = None
        if text.startswith("derived"):
            explainer = explainer or explainer_from(dataset.graph(ASSERTED_GRAPH), dataset.graph(INFERRED_GRAPH))
            why = _why(explainer, dataset, terms[name], text)
        facts.append(Fact(name, text, tuple(sorted(number[c] for c in citations)), why))
    return list(verdicts.values()), facts, order


def _why(explainer: Explainer, dataset: Dataset, entity: Node | None, text: str) -> str | None:
    """One line: the asserted premises of the entity's derived class membership named in ``text``."""
    if not isinstance(entity, URIRef):
        return None
    for cls in sorted(dataset.graph(INFERRED_GRAPH).objects(entity, RDF.type), key=str):
        label = dataset.value(cls, RDFS.label)
        if label is not None and str(label) in text:
            step = explainer.explain((entity, RDF.type, cls))
            if step is not None:
                premises = ["{} {} {}".format(*(_label(t, dataset) for t in leaf.triple)) for leaf in step.leaves()]
                return "because " + "; ".join(premises)
    return None


def _label(term: Node, dataset: Dataset) -> str:
    label = dataset.value(term, RDFS.label) if isinstance(term, URIRef) else None
    if label is not None:
        return str(label)
    return "is a" if term == RDF.type else term_text(term, dataset)


def verdict_line(verdict: dict[str, str]) -> str:
    """An entity's verdict in words: its name, the main verdict, then any other verdict columns."""
    main = verdict.get("verdict") or next(v for k, v in verdict.items() if k in VERDICT_COLUMNS)
    others = [f"{k.replace('_', ' ')}: {v}" for k, v in verdict.items()
              if k in VERDICT_COLUMNS and k != "verdict" and not (k == next(
                  (c for c in VERDICT_COLUMNS if c in verdict), None) and "verdict" not in verdict)]
    return f"{verdict['name']}: {main.capitalize()}" + (f" ({'; '.join(others)})" if others else "")


def declared(question: str, queries: Mapping[str, SavedQuery]) -> tuple[SavedQuery, dict[str, list[str]]] | None:
    """The saved query that declares ``question`` (words compared, case and punctuation aside) with the
    question's own bindings: the documents' own questions keep the answers their queries give."""
    asked = _words(question)
    for name in sorted(queries):
        for candidate in queries[name].questions:
            if _words(candidate.text) == asked:
                query = queries[name]
                return query, {p: list(candidate.bindings.get(p, ())) for p in candidate.bindings}
    return None


def _words(text: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+", text.casefold()))


def format_declared(answer: Answer, width: int, every: bool = False) -> str:
    """A saved query's answer as kg ask prints it: the query used, verdicts, the facts, then at most three
    cited sentences (``every``: all) with [document, reference]."""
    from kg.answers.reply_format import where, wrap

    lines = [wrap(f"Understood: a question the documents ask, answered by the saved query {answer.query}", width)]
    lines += [wrap(verdict_line(verdict), width) for verdict in answer.verdicts]
    several = len({fact.entity for fact in answer.facts}) > 1
    lines += [wrap(f"- {fact.entity + ': ' if several else ''}{fact.text}", width, "  ") for fact in answer.facts]
    shown = answer.references if every else answer.references[:SUPPORT]
    lines += [wrap(f'- "{detail.quote}" {where(detail)}', width, "  ") for detail in shown]
    return "\n".join(lines) + "\n"


def declared_json(answer: Answer) -> dict[str, Any]:
    """A saved query's answer for programs: the query and bindings, verdicts, facts and every citation."""
    return {
        "question": answer.question,
        "understood": {"saved_query": answer.query, "bindings": answer.bindings},
        "verdicts": answer.verdicts,
        "facts": [{"entity": f.entity, "text": f.text, "citations": list(f.citations), "why": f.why}
                  for f in answer.facts],
        "citations": [{"number": n, "iri": d.iri, "quote": d.quote, "document": d.document_file,
                       "references": list(d.references)} for n, d in enumerate(answer.references, start=1)],
    }
