"""Composing a plain-words answer from a saved query's result: verdict first, cited facts, references."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Dataset, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.answers.ask import MIN_SCORE, Linker, find_mentions, match_question, unknown_names, vocabulary
from kg.answers.citations import CitationDetail, citation_details, collect_citation
from kg.answers.explain import Explainer, explainer_from
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH
from kg.sparql.format import CITATION_VARIABLE, cell
from kg.sparql.results import solutions
from kg.sparql.run import bind_values, run_sparql
from kg.sparql.saved import SavedQuery

VERDICT_COLUMNS = ("verdict", "demyelinating", "primarily_axonal", "always_inherited", "familial_cases")
NAME_COLUMNS = ("name", "left_name", "right_name")
SUGGESTIONS = 3


@dataclass(frozen=True)
class Fact:
    entity: str
    text: str
    citations: tuple[int, ...]
    why: str | None = None


@dataclass(frozen=True)
class Answer:
    """What ``kg ask`` says: its status, the query and bindings used, verdicts, facts and references."""

    question: str
    status: str  # answered | declined | unknown-entity
    query: str | None = None
    bindings: dict[str, list[str]] = field(default_factory=dict)
    verdicts: list[dict[str, str]] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    references: list[CitationDetail] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)
    sparql: str | None = None


def answer_question(question: str, dataset: Dataset, queries: dict[str, SavedQuery], linker: Linker) -> Answer:
    """Answer ``question`` from the graph, or decline it with the closest questions the graph can answer."""
    matches = match_question(question, queries, linker)
    suggestions = list(dict.fromkeys(m.question for m in matches))[:SUGGESTIONS]
    best = matches[0]
    mentions = find_mentions(question, linker.lexicon)
    unknown = unknown_names(question, mentions, vocabulary(queries, linker.lexicon))
    if best.score < MIN_SCORE:
        return Answer(question, "declined", suggestions=suggestions, unknown=unknown)
    if unknown and not mentions and any(p.type == "iri" for p in best.query.parameters):
        return Answer(question, "unknown-entity", best.query.name, suggestions=suggestions, unknown=unknown)
    return answer_with(question, best.query, {name: list(values) for name, values in best.bindings.items()}, dataset)


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
        entity = cell(entity_term, dataset)
        name = next((cell(row[c], dataset) for c in NAME_COLUMNS if row.get(c) is not None), entity)
        terms.setdefault(name, entity_term)
        verdict = {c: cell(row[c], dataset) for c in VERDICT_COLUMNS if row.get(c) is not None}
        if verdict:
            verdicts.setdefault(entity, {"entity": entity, "name": name, **verdict})
        skip = {CITATION_VARIABLE, *VERDICT_COLUMNS, *NAME_COLUMNS}
        parts = [cell(value, dataset) for key, value in list(row.items())[1:] if key not in skip and value is not None]
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
    return "is a" if term == RDF.type else cell(term, dataset)


def format_answer(answer: Answer) -> str:
    """The answer as a clinician reads it: verdict first, then cited facts, then the references."""
    lines = [f"Q: {answer.question}"]
    if answer.status == "declined":
        lines.append("No saved query answers this question, so the graph gives no answer.")
        if answer.unknown:
            lines.append("Not in the graph: " + ", ".join(answer.unknown) + ".")
        lines.append("Closest questions it can answer:")
        lines += [f"  - {s}" for s in answer.suggestions]
        return "\n".join(lines) + "\n"
    if answer.status == "unknown-entity":
        lines.append(f"Unknown: the graph knows nothing about {', '.join(answer.unknown)}.")
        lines.append("Questions it can answer about the diseases it knows, for example:")
        lines += [f"  - {s}" for s in answer.suggestions]
        return "\n".join(lines) + "\n"
    lines += [verdict_line(verdict) for verdict in answer.verdicts]
    if not answer.facts:
        lines.append("Unknown: the graph holds no fact that answers this.")
    current = None
    for fact in answer.facts:
        if fact.entity != current and len({f.entity for f in answer.facts}) > 1:
            lines.append(f"{fact.entity}:")
            current = fact.entity
        cites = "".join(f"[{n}]" for n in fact.citations)
        lines.append(f"  - {fact.text} {cites}".rstrip())
        if fact.why:
            lines.append(f"    ({fact.why})")
    if answer.references:
        lines.append("References:")
        lines += [f"  [{n}] {detail.describe()}" for n, detail in enumerate(answer.references, start=1)]
    binding = "; ".join(f"{k} = {', '.join(v)}" for k, v in answer.bindings.items())
    lines.append(f"(saved query {answer.query}" + (f", {binding})" if binding else ")"))
    return "\n".join(lines) + "\n"


def verdict_line(verdict: dict[str, str]) -> str:
    """An entity's verdict in words: its name, the main verdict, then any other verdict columns."""
    main = verdict.get("verdict") or next(v for k, v in verdict.items() if k in VERDICT_COLUMNS)
    others = [f"{k.replace('_', ' ')}: {v}" for k, v in verdict.items()
              if k in VERDICT_COLUMNS and k != "verdict" and not (k == next(
                  (c for c in VERDICT_COLUMNS if c in verdict), None) and "verdict" not in verdict)]
    return f"{verdict['name']}: {main.capitalize()}" + (f" ({'; '.join(others)})" if others else "")


def answer_json(answer: Answer) -> dict:
    """The answer for programs: verdicts, facts, numbered citations, the query name and bindings."""
    return {
        "question": answer.question,
        "status": answer.status,
        "query": answer.query,
        "bindings": answer.bindings,
        "verdicts": answer.verdicts,
        "facts": [{"entity": f.entity, "text": f.text, "citations": list(f.citations), "why": f.why}
                  for f in answer.facts],
        "citations": [{"number": n, "citation": d.iri, "document": d.document_file, "question": d.document_question,
                       "site": d.site, "references": list(d.references), "quote": d.quote}
                      for n, d in enumerate(answer.references, start=1)],
        "suggestions": answer.suggestions,
        "unknown": answer.unknown,
    }
