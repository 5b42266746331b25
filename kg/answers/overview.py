"""What the graph knows about each disease, read without SPARQL: its cited statements (asserted and derived)
grouped by relation, each value with its qualifiers and where the documents say it."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal

from kg.answers.claim_index import ClaimIndex
from kg.answers.reply_format import where

WHOLE_STATEMENT = "statement"


@dataclass(frozen=True)
class Known:
    """One value of a relation: its name, its qualifiers, whether the reasoner derived it, and its sources."""

    value: str
    qualifiers: tuple[str, ...]
    derived: bool
    sources: tuple[str, ...]  # [document 002, reference 4], as kg ask cites


@dataclass(frozen=True)
class Disease:
    name: str
    relations: tuple[tuple[str, tuple[Known, ...]], ...]  # relation name -> values, both in alphabetical order


def disease_overview(index: ClaimIndex) -> list[Disease]:
    """Every disease of the graph by name, with what its statements say (a value said by several statements
    once, with all their sources)."""
    diseases = []
    for disease in sorted(index.diseases, key=lambda term: (index.label(term).casefold(), str(term))):
        relations: dict[str, dict[tuple[str, tuple[str, ...], bool], dict[str, None]]] = {}
        for statement in index.statements:
            if statement.subject == disease:
                value = str(statement.object) if isinstance(statement.object, Literal) \
                    else index.label(statement.object)
                # an n-ary statement linking nothing but the disease (a figure, say) is its own value
                whole = str(statement.object) == statement.iri
                relation = WHOLE_STATEMENT if whole else index.relation(statement)
                sources = relations.setdefault(relation, {}).setdefault(
                    (value, statement.qualifiers, statement.derived), {})
                sources.update((where(index.citations[citation]), None) for citation in statement.citations
                               if citation in index.citations)
        diseases.append(Disease(index.label(disease), tuple(
            (relation, tuple(Known(*key, tuple(sorted(sources))) for key, sources in sorted(values.items())))
            for relation, values in sorted(relations.items()))))
    return diseases
