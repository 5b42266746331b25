"""Which sentences of the source documents the graph quotes, and which it lists as not a claim.

Every sentence of every document is either covered by citation quotes or listed in data/coverage.tsv with a
reason (site chrome, disclaimer, heading, ...). Returns values and never prints.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from kg.errors import InputError
from kg.graph.namespaces import MND, PROV

REASONS = ("site chrome", "disclaimer", "heading", "reference list entry", "byline", "author biography",
           "restates a claim", "fragment")
_BOUNDARY = re.compile("(?<!vs\\.)(?<=[.!?])\\s+(?=[A-Z\"\u201c(])")  # "ALS vs. SMA" is one sentence
_LEFTOVER = re.compile("[\\s\\d,.;:\u2022\\-\u2013\u2014()\"\u201c\u201d']*")  # reference numbers, punctuation


@dataclass(frozen=True, order=True)
class Sentence:
    """One sentence of a source document: its file, its line (from 1) and its text."""

    file: str
    line: int
    text: str


def sentences(file_name: str, text: str) -> list[Sentence]:
    """The sentences of a document: each non-empty line split after '.', '?' or '!' before a capital (not
    after "vs.")."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.strip().lstrip("•").strip()
        found += [Sentence(file_name, number, part) for part in _BOUNDARY.split(body) if part.strip()]
    return found


def covered(sentence: Sentence, quotes: list[str]) -> bool:
    """True when the quotes found in the sentence leave nothing but reference numbers and punctuation."""
    rest = sentence.text
    for quote in sorted(quotes, key=len, reverse=True):
        if quote and quote in rest:
            rest = rest.replace(quote, " ")
    return rest != sentence.text and _LEFTOVER.fullmatch(rest) is not None


def quotes_by_file(graph: Graph) -> dict[str, list[str]]:
    """Every citation's quote, by the file name of the document it is quoted from."""
    quotes: dict[str, list[str]] = {}
    for citation, quote in graph.subject_objects(MND.quote):
        document = graph.value(citation, PROV.wasQuotedFrom)
        file_name = graph.value(document, MND.fileName) if document is not None else None
        if file_name is not None:
            quotes.setdefault(str(file_name), []).append(str(quote))
    return quotes


def read_coverage(path: Path) -> dict[Sentence, str]:
    """The sentences listed as not a claim (file, line, reason, sentence: tab-separated, a header row)."""
    listed: dict[Sentence, str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row_number, row in enumerate(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), start=1):
            if row_number == 1:
                continue
            if len(row) != 4 or not row[1].isdigit() or row[2] not in REASONS:
                raise InputError("coverage row needs file, line, a known reason and the sentence",
                                 f"{path}:{row_number}")
            listed[Sentence(row[0], int(row[1]), row[3])] = row[2]
    return listed


def uncovered(graph: Graph, sources: Path, listed: dict[Sentence, str]) -> list[Sentence]:
    """The sentences of the documents in ``sources`` that no quote covers and ``listed`` does not list."""
    quotes = quotes_by_file(graph)
    missing = []
    for path in sorted(sources.glob("*.txt")):
        for sentence in sentences(path.name, path.read_text(encoding="utf-8")):
            if sentence not in listed and not covered(sentence, quotes.get(path.name, [])):
                missing.append(sentence)
    return missing
