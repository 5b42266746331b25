"""Every sentence of every source document is quoted by the graph or listed, with a reason, as not a claim."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph, Literal

from kg.checks.coverage import Sentence, covered, read_coverage, sentences, uncovered
from kg.errors import InputError
from kg.graph.namespaces import MND
from kg.graph.paths import COVERAGE_FILE, DOCUMENTS_DIR


def test_every_sentence_is_quoted_or_listed(asserted: Graph) -> None:
    assert uncovered(asserted, DOCUMENTS_DIR, read_coverage(COVERAGE_FILE)) == []


def test_listed_sentences_are_sentences_of_their_document_and_not_quoted(asserted: Graph) -> None:
    """A stale row (the document changed, or the sentence became a claim) fails."""
    listed = read_coverage(COVERAGE_FILE)
    everything = {s for path in DOCUMENTS_DIR.glob("*.txt") for s in sentences(path.name, path.read_text("utf-8"))}
    assert sorted(set(listed) - everything) == []
    assert sorted(s for s in listed if not uncovered_alone(asserted, s)) == []


def uncovered_alone(asserted: Graph, sentence: Sentence) -> bool:
    quotes = [str(q) for q in asserted.objects(None, MND.quote)]
    return not covered(sentence, quotes)


def test_a_sentence_whose_quote_is_removed_is_reported(asserted: Graph) -> None:
    sentence = "ALS led to a gradual loss of her ability to walk."
    graph = Graph()
    for triple in asserted:
        if triple[2] != Literal(sentence):
            graph.add(triple)
    missing = uncovered(graph, DOCUMENTS_DIR, read_coverage(COVERAGE_FILE))
    assert missing == [Sentence("004_d1c810bc7cd72f87.txt", 79, sentence)]


def test_a_partial_quote_does_not_cover_its_sentence() -> None:
    sentence = Sentence("x.txt", 1, "ALS affects both upper and lower motor neurons, resulting in spasticity.")
    assert not covered(sentence, ["ALS affects both upper and lower motor neurons"])
    assert covered(Sentence("x.txt", 1, "ALS involves degeneration of motor neurons 2, 1"),
                   ["ALS involves degeneration of motor neurons"])


def test_sentences_split_after_a_full_stop_but_not_after_vs() -> None:
    assert [s.text for s in sentences("x.txt", "ALS vs. SMA differ. SMA is genetic.\n\n  • A bullet")] == [
        "ALS vs. SMA differ.", "SMA is genetic.", "A bullet"]


@pytest.mark.parametrize("row", ["a.txt\tone\theading\tText", "a.txt\t3\tnot a reason\tText", "a.txt\t3\theading"])
def test_a_malformed_coverage_row_is_refused_with_its_line(tmp_path: Path, row: str) -> None:
    path = tmp_path / "coverage.tsv"
    path.write_text("file\tline\treason\tsentence\n" + row + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        read_coverage(path)
    assert error.value.where == f"{path}:2"
