"""mnd-kg: a knowledge graph of motor neuron disease claims, with reasoning and saved SPARQL queries.

The library behind the ``kg`` command. Each function takes and returns values and never prints or exits;
bad input raises a :class:`kg.errors.KgError` that says what and where.

>>> import kg
>>> graph = kg.reason()                                  # the project's ontology and claims, reasoned (OWL 2 RL)
>>> graph.consistent
True
>>> rows = kg.query("is-demyelinating", {"disease": ["ALS"]}, graph)
>>> sorted({str(row.verdict) for row in rows})
['no']
>>> kg.ask("Does ALS cause pain?").sentence
'Partly: amyotrophic lateral sclerosis has clinical feature pain (some patients).'
>>> kg.check(graph).errors
0
>>> kg.export(graph, fmt="nt").startswith(b"<")
True

The stages, one subpackage each: ``kg.graph`` (load) → ``kg.reasoning`` (reason) → ``kg.sparql`` (query),
``kg.checks`` (check), ``kg.answers`` (ask) → ``kg.stores`` (export, load into a store) and ``kg.serve``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.query import Result

    from kg.answers.reply import Reply
    from kg.checks.checker import CheckReport
    from kg.reasoning.engine import ReasonedGraph

__version__ = "0.1.0"
__all__ = ["ask", "check", "export", "load", "query", "reason"]

PathsArgument = Union[str, "os.PathLike[str]", Iterable[Union[str, "os.PathLike[str]"]]]


def load(paths: PathsArgument = (), supplement: bool = True) -> Graph:
    """The asserted triples of ``paths`` (Turtle files or folders: one path, or several), by default the project's
    ontology and claims (with the curated supplement unless ``supplement`` is false)."""
    from kg.graph import load_graph
    from kg.graph.paths import default_graph_files

    return load_graph(_paths(paths) or default_graph_files(supplement))


def reason(paths: PathsArgument = (), supplement: bool = True) -> ReasonedGraph:
    """``paths`` (as for :func:`load`) reasoned with OWL 2 RL: asserted and inferred triples, and the logical
    inconsistencies found (``.findings``); from the closure cache when it holds these exact files."""
    from kg.graph.paths import default_graph_files
    from kg.reasoning.engine import load_reasoned

    return load_reasoned(_paths(paths) or default_graph_files(supplement))


def _paths(paths: PathsArgument) -> list[Path]:
    """One path (text or a path object) or several, as paths: a lone string is one path, not its characters."""
    if isinstance(paths, str | os.PathLike):
        return [Path(paths)]
    return [Path(path) for path in paths]


def query(name_or_sparql: str, params: Mapping[str, str | Sequence[str]] | None = None,
          graph: ReasonedGraph | None = None) -> Result:
    """Run a saved query by name (with ``params``: parameter name to a value or a list of values, as IRIs, prefixed
    names or labels), or any read-only SPARQL text, on ``graph`` (by default the project's, reasoned)."""
    from kg.errors import InputError
    from kg.graph.paths import QUERIES_DIR
    from kg.sparql.saved import load_saved_query

    if not isinstance(name_or_sparql, str):
        raise InputError(f"a query must be text (a saved query's name or SPARQL), not {type(name_or_sparql).__name__}",
                         "kg.query")
    reasoned = graph if graph is not None else reason()
    if len(name_or_sparql.split()) != 1:  # SPARQL text
        if params:
            raise InputError("parameters are only for saved queries", "kg.query")
        return reasoned.run_query(name_or_sparql, "kg.query")
    saved = load_saved_query(QUERIES_DIR, name_or_sparql)
    if saved is None:
        raise InputError(f"no saved query named {name_or_sparql!r}", str(QUERIES_DIR))
    values = {name: [values] if isinstance(values, str) else list(values) for name, values in (params or {}).items()}
    return reasoned.run_saved(saved, values)


def ask(question: str, supplement: bool = True) -> Reply:
    """Answer a question in plain words from the project's cited claims: the verdict (yes, no, qualified, or
    the documents don't say), its sentence and the statements it rests on (``Reply.used``)."""
    from kg.answers.index_cache import load_index
    from kg.answers.question import checked
    from kg.answers.verdict import answer
    from kg.graph.paths import default_graph_files

    index = load_index(default_graph_files(supplement), lambda: reason(supplement=supplement).dataset())
    return answer(checked(question), index)


def check(graph: ReasonedGraph | None = None, sources: Path | None = None) -> CheckReport:
    """Run every consistency and data-quality check on ``graph`` (by default the project's), quotes checked
    verbatim against the documents in ``sources`` (by default the bundled source documents)."""
    from kg.checks.checker import check_reasoned, load_check_files
    from kg.graph.paths import CHECKS_DIR, DOCUMENTS_DIR, SUPPLEMENTARY_DIR

    reasoned = graph if graph is not None else reason()
    return check_reasoned(reasoned, load_check_files(CHECKS_DIR), sources or DOCUMENTS_DIR, SUPPLEMENTARY_DIR)


def export(graph: ReasonedGraph | None = None, part: str = "all", fmt: str = "turtle") -> bytes:
    """The graph's ``part`` (asserted, inferred or all) as deterministic bytes in ``fmt`` (turtle, nt, nquads,
    trig, jsonld)."""
    from kg.stores.export import serialize

    return serialize((graph if graph is not None else reason()).dataset(), part, fmt)
