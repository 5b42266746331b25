"""Generate a graph of the project's own shape at any size: ``generate.py --triples N -o FILE.ttl``.

The ontology is written once; then copies of the curated data (diseases, pathologies, neurons, genes,
claims with their citations and verbatim quotes) follow, each copy with its own resource IRIs
(``kg:ALS`` becomes ``kg:ALS-g2``, ``src:claim-...`` becomes ``src:claim-...-g2``). Copy 0 keeps the
project's IRIs, so every saved query's default parameters still name entities of the graph. Whole
subjects are written (a claim is never cut in half) until the graph holds about N triples. Copies share
no resource, so a consistent template gives a consistent graph. The output is N-Triples, which is
Turtle, and byte-identical for the same N.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.graph import parse_turtle  # noqa: E402
from kg.graph.namespaces import KG, SRC  # noqa: E402
from kg.graph.paths import DATA_FILE, ONTOLOGY_DIR  # noqa: E402

_RENAMED = (str(KG), str(SRC))


def generate(triples: int) -> Iterator[str]:
    """N-Triples lines: the ontology, then copies of the data's subjects until about ``triples`` lines."""
    ontology = Graph()
    for path in sorted(ONTOLOGY_DIR.glob("*.ttl")):
        ontology += parse_turtle(path)
    ontology = to_canonical_graph(ontology)  # blank node labels that do not depend on the parse
    lines = sorted(_line(triple) for triple in ontology)
    yield from lines
    written = len(lines)
    blocks = _subject_blocks(to_canonical_graph(parse_turtle(DATA_FILE)))
    copy = 0
    while written < triples:
        for block in blocks:
            if written >= triples:
                return
            renamed = sorted(_line(tuple(_rename(term, copy) for term in triple)) for triple in block)
            yield from renamed
            written += len(renamed)
        copy += 1


def _subject_blocks(graph: Graph) -> list[list[tuple[Node, Node, Node]]]:
    """The data's triples grouped by subject (blank-node descriptions stay with the subject that names them)."""
    blocks: dict[Node, list[tuple[Node, Node, Node]]] = {}
    for triple in sorted(graph, key=lambda t: (isinstance(t[0], BNode), str(t[0]))):
        blocks.setdefault(_owner(graph, triple[0]), []).append(triple)
    return [blocks[subject] for subject in sorted(blocks, key=str)]


def _owner(graph: Graph, subject: Node) -> Node:
    seen = set()
    while isinstance(subject, BNode) and subject not in seen:
        seen.add(subject)
        parent = next(graph.subjects(None, subject), None)
        if parent is None:
            break
        subject = parent
    return subject


def _rename(term: Node, copy: int) -> Node:
    if copy == 0:
        return term
    if isinstance(term, URIRef) and str(term).startswith(_RENAMED):
        return URIRef(f"{term}-g{copy}")
    if isinstance(term, BNode):
        return BNode(f"{term}g{copy}")
    return term


def _line(triple: tuple[Node, ...]) -> str:
    return " ".join(term.n3() for term in triple) + " .\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, required=True, help="About how many triples to write.")
    parser.add_argument("-o", "--output", type=Path, required=True, help="Turtle (N-Triples) file to write.")
    args = parser.parse_args(argv)
    if args.triples < 1:
        parser.error("--triples must be a positive number")
    partial = args.output.with_name(args.output.name + ".partial")
    with partial.open("w", encoding="utf-8") as out:
        out.writelines(generate(args.triples))
    partial.replace(args.output)


if __name__ == "__main__":
    main()
