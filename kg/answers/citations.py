"""What a citation says: its document, the references its sentence cites, and the verbatim quote."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.graph.namespaces import DCTERMS, MND, PROV


@dataclass(frozen=True)
class CitationDetail:
    iri: str
    document_file: str
    document_question: str
    site: str
    references: tuple[int, ...]
    quote: str
    works: tuple[str, ...] = ()

    def describe(self) -> str:
        refs = ", ".join(str(n) for n in self.references)
        cited = f", reference {refs}" if len(self.references) == 1 else (f", references {refs}" if refs else "")
        rests = f" (rests on: {' '.join(self.works)})" if self.works else ""
        return f"{self.site}, \"{self.document_question}\" ({self.document_file}){cited}: \"{self.quote}\"{rests}"


Line = TypeVar("Line", bound=Hashable)


def collect_citation(lines: dict[Line, list[URIRef]], order: list[URIRef], line: Line, citation: Node | None) -> None:
    """Record ``citation`` for an answer line (a line appears even without one); ``order`` keeps the
    citations in order of first appearance, which is how they are numbered."""
    cites = lines.setdefault(line, [])
    if isinstance(citation, URIRef):
        if citation not in order:
            order.append(citation)
        if citation not in cites:
            cites.append(citation)


def citation_details(graph: Graph, citations: Iterable[URIRef]) -> dict[URIRef, CitationDetail]:
    """Details of each citation IRI (those not described in the graph are left out)."""
    details = {}
    for citation in citations:
        document = graph.value(citation, PROV.wasQuotedFrom)
        quote = graph.value(citation, MND.quote)
        if document is None or quote is None:
            continue
        numbers = sorted(
            int(str(number))
            for reference in graph.objects(citation, MND.citesReference)
            for number in graph.objects(reference, MND.referenceNumber)
        )
        details[citation] = CitationDetail(
            iri=str(citation),
            document_file=str(graph.value(document, MND.fileName) or document),
            document_question=str(graph.value(document, MND.question) or ""),
            site=str(graph.value(document, MND.site) or ""),
            references=tuple(numbers),
            quote=str(quote),
            works=tuple(sorted(str(work) for reference in graph.objects(citation, MND.citesReference)
                               for work in graph.objects(reference, DCTERMS.bibliographicCitation))),
        )
    return details
