"""How a term is written for people, in every table, report, diff and answer: one renderer."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Literal as Choice

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

Triple = tuple[Node, Node, Node]


def term_text(term: Node | None, graph: Graph, literals: Choice["text", "turtle"] = "text") -> str:
    """An IRI as a prefixed name where the graph's prefixes give one (else ``<iri>``), a blank node as ``_:id``,
    a literal by its text, or as Turtle with its language or datatype when ``literals="turtle"``."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        return graph.namespace_manager.normalizeUri(term)
    if isinstance(term, Literal):
        return str(term) if literals == "text" else term.n3(graph.namespace_manager)
    return term.n3()


def named_by_content(triples: Iterable[Triple]) -> set[Triple] | None:
    """The triples with each blank node named by what it says: a hash of its outgoing triples, the blank nodes
    among their objects named first, so that the same input names them the same on every run (a parser's labels
    are random). Linear in the triples: rdflib's canonical labelling ran for minutes on a 2,000-item list. None
    when blank nodes form a cycle, which only canonical labelling names."""
    triples = list(triples)
    outgoing: dict[Node, list[tuple[Node, Node]]] = {}
    for subject, predicate, obj in triples:
        if isinstance(subject, BNode):
            outgoing.setdefault(subject, []).append((predicate, obj))
    names: dict[Node, Node] = {}
    for root in [o for _, _, o in triples if isinstance(o, BNode)] + list(outgoing):
        pending: list[tuple[Node, bool]] = [(root, False)]
        path: set[Node] = set()  # the blank nodes being named, each inside the one before
        while pending:
            node, ready = pending.pop()
            if node in names:
                continue
            if ready:
                path.discard(node)
                said = sorted(f"{p.n3()} {names.get(o, o).n3()}" for p, o in outgoing.get(node, []))
                names[node] = BNode(hashlib.sha256("\n".join(said).encode()).hexdigest())
                continue
            if node in path:
                return None
            path.add(node)
            pending.append((node, True))
            pending += [(o, False) for _, o in outgoing.get(node, []) if isinstance(o, BNode) and o not in names]
    return {(names.get(s, s), p, names.get(o, o)) for s, p, o in triples}
