"""The one way commands load a graph: the fast path (Oxigraph, reasonable, the closure cache), or the reference
path (rdflib, owlrl) when it is asked for or the graph uses an axiom the fast engine lacks. Both give the same
answers.

``MND_KG_ENGINE=reference`` forces the reference path.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from rdflib import Dataset, Graph, URIRef
from rdflib.query import Result
from rdflib.term import Node

from kg.graph import load_graph, turtle_files
from kg.graph.paths import cache_dir
from kg.reasoning import fast_reason
from kg.reasoning.reason import reason, use_reference

if TYPE_CHECKING:
    from kg.reasoning.consistency import Finding
    from kg.sparql.saved import SavedQuery


class ReasonedGraph(Protocol):
    """The engine seam: what every command needs of a reasoned graph, whichever engine computed it
    (kg.reasoning.store.ReasonedStore, the fast path; kg.reasoning.reason.Reasoned, the owlrl reference)."""

    @property
    def findings(self) -> tuple[Finding, ...]: ...

    @property
    def consistent(self) -> bool: ...

    @property
    def triples(self) -> int: ...

    @property
    def asserted(self) -> Graph: ...

    @property
    def inferred(self) -> Graph: ...

    def select(self, text: str) -> Result: ...

    def select_asserted(self, text: str, prefixes: Mapping[str, str], bindings: Mapping[str, URIRef]) -> Result:
        """Run a SELECT over the asserted graph alone (SHACL's data graph), with ``prefixes`` declared and each
        variable of ``bindings`` bound to its IRI (a SHACL-SPARQL constraint's ``$this``)."""
        ...

    def reason_part(self, construct: str) -> ReasonedGraph:
        """The graph a CONSTRUCT query builds from this one, reasoned on its own by the same engine."""
        ...

    def run_saved(self, query: SavedQuery, raw_values: Mapping[str, Sequence[str]], cap: int | None = None) -> Result:
        """Run a saved query with parameter values given as text (IRIs, prefixed names, labels, numbers); the
        same solutions on either engine. ``cap``: stop at more than this many solutions where the engine can."""
        ...

    def run_query(self, text: str, where: str, cap: int | None = None) -> Result:
        """Run one read-only SPARQL query (refused with an InputError naming ``where`` if it is not one)."""
        ...

    def answer_graph(self, result: Result) -> Graph:
        """The graph a formatter needs for ``result``: prefixes, and the details of the citations it names."""
        ...

    def report_graph(self, iris: Iterable[Node]) -> Graph: ...

    def dataset(self) -> Dataset: ...


def fast_available() -> bool:
    """Both fast engines can be imported (they are dependencies) and the reference path is not asked for."""
    if use_reference():
        return False
    try:
        import pyoxigraph  # noqa: F401
    except ImportError:
        return False
    return fast_reason.available()


def load_reasoned(paths: Iterable[Path], cache: bool = True) -> ReasonedGraph:
    """Load and reason the Turtle files (folders expanded): from the closure cache when it holds them.

    ``cache=False`` neither reads nor writes the closure cache, whatever MND_KG_CACHE says: for files that will
    not be read again (``kg``'s standard input, copied to a private file), whose entries would only fill it.
    """
    files = turtle_files(paths)
    if not fast_available():
        return reason(load_graph(files))
    from kg.reasoning import cache as closure_cache
    from kg.reasoning.store import load_files, reason_store, uses_unsupported_axioms

    directory = cache_dir() if cache else None
    key = closure_cache.cache_key(files) if directory else ""
    if directory and (hit := closure_cache.read(directory, key)) is not None:
        return hit
    loaded = load_files(files)
    if uses_unsupported_axioms(loaded.store):
        return reason(load_graph(files))
    reasoned = reason_store(*loaded)
    if directory:
        closure_cache.write(directory, key, reasoned)
    return reasoned


def reason_graph(asserted: Graph) -> ReasonedGraph:
    """Reason an rdflib graph with the fast engines when installed (no cache: the graph has no file)."""
    if not fast_available() or fast_reason.needs_reference(asserted.predicates(unique=True)):
        return reason(asserted)
    from kg.reasoning.store import reason_store, store_from_graph

    return reason_store(*store_from_graph(asserted))
