"""The fast path: asserted and inferred triples in an Oxigraph store, queried with Oxigraph's SPARQL engine.

Answers are rdflib terms and results, so formatting and checks do not care which engine ran; the store is
built from the files with Oxigraph's parser, reasoned by kg.reasoning.fast_reason, and checked with
kg.reasoning.consistency's rules. Needs ``pyoxigraph`` (see ``available``); kg.reasoning.reason's rdflib path is
the reference.
"""

from __future__ import annotations

import gc
import io
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cached_property
from itertools import islice
from operator import attrgetter
from pathlib import Path
from threading import Event, Thread
from typing import Any, NamedTuple, cast

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef, Variable
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.query import Result
from rdflib.term import Node

from kg.errors import InputError
from kg.graph import parse_turtle
from kg.graph.load import LIST_ITEMS, too_many_list_items
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH, PREFIXES, namespace_manager
from kg.reasoning import fast_reason, rules
from kg.reasoning.consistency import RULES, Finding, ill_typed_finding
from kg.reasoning.reason import is_informative
from kg.sparql.parse import parse_read_only
from kg.sparql.resolve import LABELS
from kg.sparql.results import CITATION_VARIABLE, capped, solutions
from kg.sparql.run import bind_values, names_by_label
from kg.sparql.saved import SavedQuery, _values_block, internal_query, with_values

_ASSERTED = ox.NamedNode(str(ASSERTED_GRAPH))
_INFERRED = ox.NamedNode(str(INFERRED_GRAPH))
_NOISE = ox.NamedNode("urn:mnd-kg:graph:closure-noise")
_SET_ASIDE = ox.NamedNode("urn:mnd-kg:graph:ill-typed")
_XSD_STRING = ox.NamedNode(str(XSD.string))
_PROBE = ox.NamedNode("urn:mnd-kg:probe")
_ABOUT = internal_query(__file__, "about")
_PREDICATES = internal_query(__file__, "asserted-predicates")
_COUNT = internal_query(__file__, "asserted-count")
_TYPED_LITERALS = internal_query(__file__, "typed-literals")
MIB = 1024 * 1024
TOKEN_LIMIT = 16 * MIB  # Oxigraph's parsers keep a token in a buffer of at most this size
_REST = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#rest")
_PREDICATE, _OBJECT = attrgetter("predicate"), attrgetter("object")
_CHUNK = 65536  # quads parsed between counts of the list items
_READ = MIB  # bytes the loader thread reads at a time: it stops, when asked, at its next read


class ReasonedStore:
    """A reasoned graph in Oxigraph: the asserted and inferred named graphs, and the logical findings."""

    def __init__(self, store: ox.Store, findings: tuple[Finding, ...], originals: dict[Any, Any]) -> None:
        self.store = store
        self.findings = findings
        self.originals = originals
        self._terms = _Terms(originals)

    @property
    def consistent(self) -> bool:
        return not self.findings

    @cached_property
    def triples(self) -> int:
        """How many triples are asserted."""
        rows = self.store.query(_COUNT)
        assert isinstance(rows, ox.QuerySolutions)
        return int(next(rows)[0].value)

    def select(self, text: str, *runs: dict[Variable, URIRef], cap: int | None = None,
               where: str | None = None) -> Result:
        """Run a read-only query over the union of the asserted and inferred graphs; an rdflib Result.

        Each of ``runs`` binds variables to IRIs before an evaluation (SEP-0007), so that every part of the
        query, OPTIONAL and UNION branches included, starts from the IRIs; the runs' rows follow one another
        (see QueryPlan). Oxigraph's cost estimates still count such a variable as unbound: the saved queries
        put the pattern on it first and compare constant predicates in FILTERs.
        A final ORDER BY on projected variables is done here, in rdflib's order (see ``_ordered``). Solutions
        are counted as Oxigraph streams them: more than ``cap`` in one run stop the evaluation (QueryLimitError naming
        ``where``, the query).
        """
        conditions, unordered = order_conditions(text), text
        if conditions and all(_projected(str(variable), text) for variable, _ in conditions):
            unordered = _ORDER_BY.sub("", text)
        results = [self._result(self._answer(unordered, run), conditions or [], unordered is not text, cap, where)
                   for run in runs or ({},)]
        for result in results[1:]:
            results[0].bindings.extend(result.bindings)
        return results[0]

    def select_asserted(self, text: str, prefixes: Mapping[str, str], bindings: Mapping[str, URIRef]) -> Result:
        """Run a SELECT over the asserted graph alone (SHACL's data graph), with ``prefixes`` declared and each
        variable of ``bindings`` bound to its IRI (SEP-0007)."""
        substitutions: dict[ox.Variable, Any] = {ox.Variable(name): ox.NamedNode(str(iri))
                                                 for name, iri in bindings.items()}
        try:
            answer = self.store.query(text, prefixes=dict(prefixes), default_graph=_ASSERTED,
                                      substitutions=substitutions or None)
        except SyntaxError as error:
            raise InputError(f"invalid SPARQL query: {' '.join(str(error).split())}", "Oxigraph") from error
        return self._result(answer, [], False)

    def reason_part(self, construct: str) -> ReasonedStore:
        """The graph a CONSTRUCT query builds from this one, reasoned on its own: kept in Oxigraph's terms from
        the query to the new store (no rdflib graph in between)."""
        part = ox.Store()
        part.extend([ox.Quad(triple.subject, triple.predicate, triple.object, _ASSERTED)
                     for triple in self._answer(construct, {})])
        return reason_store(part, self.originals)

    def _answer(self, text: str, substitutions: dict[Variable, URIRef]) -> Any:
        bound: dict[ox.Variable, Any] = {ox.Variable(str(name)): ox.NamedNode(str(iri))
                                         for name, iri in substitutions.items()}
        try:
            return self.store.query(text, use_default_graph_as_union=True, substitutions=bound or None)
        except SyntaxError as error:
            raise InputError(f"invalid SPARQL query: {' '.join(str(error).split())}", "Oxigraph") from error

    def describe(self, iris: Iterable[Node], hops: int = 2) -> Graph:
        """The triples about ``iris`` and, ``hops`` deep, about the IRIs they point to (labels, citations)."""
        graph = Graph(namespace_manager=namespace_manager())
        frontier = {iri for iri in iris if isinstance(iri, URIRef)}
        seen: set[Node] = set()
        for _ in range(hops):
            frontier -= seen
            if not frontier:
                break
            seen |= frontier
            found = self.select(with_values(_ABOUT, "s", sorted(frontier)))
            frontier = set()
            for row in found.bindings:
                triple = (row[Variable("s")], row[Variable("p")], row[Variable("o")])
                graph.add(triple)
                if isinstance(triple[2], URIRef):
                    frontier.add(triple[2])
        return graph

    def labels(self) -> Graph:
        """Every label and synonym (rdfs:label, skos:prefLabel, skos:altLabel), to resolve names to IRIs."""
        graph = self.select(LABELS).graph
        assert graph is not None
        return graph

    def run_saved(self, query: SavedQuery, raw_values: Mapping[str, Sequence[str]], cap: int | None = None) -> Result:
        """Run a saved query with parameter values given as text, planned around its bound parameters; stops at
        more than ``cap`` solutions."""
        labels = self.labels() if names_by_label(query, raw_values) else Graph()
        plan = saved_query_plan(query, bind_values(query, raw_values, labels))
        return self.select(plan.text, *plan.runs, cap=cap, where=f"query {query.name}")

    def run_query(self, text: str, where: str, cap: int | None = None) -> Result:
        """Run one read-only SPARQL query (``cap``: see run_saved)."""
        parse_read_only(text, where)
        return self.select(text, cap=cap, where=where)

    def answer_graph(self, result: Result) -> Graph:
        """The graph a formatter needs for ``result``: prefixes, and the details of the citations it names."""
        cited = {row.get(CITATION_VARIABLE) for row in solutions(result)} if result.type == "SELECT" else set()
        return self.describe(term for term in cited if term is not None)

    def report_graph(self, iris: Iterable[Node]) -> Graph:
        """What a report about ``iris`` needs to name them and their citations."""
        return self.describe(iris, hops=3)

    def graph(self, name: Node) -> Graph:
        """One named graph (ASSERTED_GRAPH or INFERRED_GRAPH) as an rdflib Graph."""
        graph = Graph(namespace_manager=namespace_manager())
        for quad in self.store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))):
            graph.add(self._triple(quad))
        return graph

    @cached_property
    def asserted(self) -> Graph:
        return self.graph(ASSERTED_GRAPH)

    @cached_property
    def inferred(self) -> Graph:
        return self.graph(INFERRED_GRAPH)

    def dataset(self) -> Dataset:
        """Asserted and inferred triples as two named graphs of an rdflib Dataset; the default graph is their union."""
        dataset = Dataset(default_union=True)
        dataset.namespace_manager = namespace_manager()
        for name, graph in ((ASSERTED_GRAPH, self.asserted), (INFERRED_GRAPH, self.inferred)):
            target = dataset.graph(name)
            for triple in graph:
                target.add(triple)
        return dataset

    def _result(self, answer: Any, conditions: list[tuple[Variable, bool]], unsorted: bool,
                cap: int | None = None, where: str | None = None) -> Result:
        """The answer as an rdflib Result; a SELECT's rows in the order of ``conditions`` (see ``_ordered``)."""
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
            return result
        if isinstance(answer, ox.QueryTriples):
            result = Result("CONSTRUCT")
            graph = Graph(namespace_manager=namespace_manager())
            for triple in capped(answer, cap, "triples", where) if cap else answer:
                graph.add((self.term(triple.subject), self.term(triple.predicate), self.term(triple.object)))
            result.graph = graph
            return result
        variables = [Variable(v.value) for v in answer.variables]
        term = self._terms.__getitem__
        streamed = capped(answer, cap, "rows", where) if cap else answer
        rows = _ordered([tuple(map(term, solution)) for solution in streamed], [
            (variables.index(variable), descending) for variable, descending in conditions if variable in variables
        ], unsorted)
        result = Result("SELECT")
        result.vars = variables
        result.bindings = [{name: value for name, value in zip(variables, row, strict=True) if value is not None}
                           for row in rows]
        return result

    def term(self, term: Any) -> Node:
        """The rdflib term for an Oxigraph term: a literal as the files wrote it, a simple literal untyped."""
        return cast(Node, self._terms[term])

    def _triple(self, quad: ox.Quad) -> tuple[Node, Node, Node]:
        return self.term(quad.subject), self.term(quad.predicate), self.term(quad.object)


class _Terms(dict[Any, Any]):
    """rdflib terms by Oxigraph term (None, an unbound value, stays None), each converted once; a term of the RDF,
    RDFS or OWL vocabulary is rdflib's own object (``_VOCABULARY``)."""

    def __init__(self, originals: dict[Any, Any]) -> None:
        super().__init__({None: None})
        self.originals = originals

    def __missing__(self, term: Any) -> Node:
        found = to_rdflib(self.originals.get(term, term))
        found = self[term] = _VOCABULARY.get(found, found)
        return found


class _OxigraphTerms(dict[Any, Any]):
    """Oxigraph terms by rdflib term: given those a store's terms were read as (each as the store holds it), the
    others converted once."""

    def __missing__(self, term: Node) -> Any:
        found = self[term] = to_oxigraph(term)
        return found


# The vocabulary's terms as rdflib's namespaces give them: set and tuple lookups against the rules' constants
# (rdf:type, owl:sameAs, ...) then match by identity, without rdflib's Python-level __eq__ (76,000 calls, a
# tenth of the reasoning at 20,000 triples)
_VOCABULARY: dict[Node, Node] = {term: term for namespace in (RDF, RDFS, OWL)
                                 for term in (getattr(namespace, name) for name in namespace.__annotations__)}


def _ordered(rows: list[tuple[Any, ...]], conditions: list[tuple[int, bool]], unsorted: bool) -> list[tuple[Any, ...]]:
    """Rows in rdflib's ORDER BY order on the columns at ``conditions``' indexes, sorted stably one condition
    at a time as rdflib does. SPARQL leaves the order of unlike terms (a plain and a language-tagged literal,
    say) to the engine, and the reference path is rdflib; a column of like terms sorts by its strings (much
    faster than rdflib's comparisons), and Oxigraph has already put such columns in order when it did the
    sorting (``unsorted`` false)."""
    alike = {index: _ordered_alike({id(row[index]): row[index] for row in rows}.values()) for index, _ in conditions}
    if not unsorted and all(alike.values()):
        return rows
    for index, descending in reversed(conditions):
        if alike[index]:
            rows.sort(key=lambda row: (0, "") if (term := row[index]) is None else (1, str(term)), reverse=descending)
        else:
            rows.sort(key=lambda row: _rdflib_order(row[index]), reverse=descending)
    return rows


def _rdflib_order(term: Node | None) -> tuple[int, Node | str]:
    """rdflib's ORDER BY key (rdflib.plugins.sparql.evalutils._val, whose package takes 80 ms to import):
    unbound, then blank nodes, IRIs and literals, each compared by rdflib's own rules."""
    if term is None:
        return 0, ""
    return _NODE_RANK.get(type(term), 3), term


_NODE_RANK = {BNode: 1, URIRef: 2}  # literals: 3


def _ordered_alike(column: Iterable[Node | None]) -> bool:
    """Oxigraph and rdflib order this column the same way, by the terms' strings: it holds one kind of term
    (IRIs, plain strings, or strings in one language), unbound or not."""
    kinds = {_kind(term) for term in column if term is not None}
    return len(kinds) <= 1 and "other" not in kinds


def _kind(term: Node) -> str:
    if isinstance(term, URIRef):
        return "iri"
    if isinstance(term, Literal) and term.datatype is None:
        return f"string@{term.language or ''}"
    return "other"


def uses_unsupported_axioms(store: ox.Store) -> bool:
    """The graph uses an axiom the fast engine does not cover (see kg.reasoning.fast_reason.needs_reference)."""
    return any(next(store.quads_for_pattern(None, ox.NamedNode(str(p)), None), None) is not None
               for p in fast_reason.UNSUPPORTED)


class QueryPlan(NamedTuple):
    """A saved query's text with its parameters bound, and the substitutions of each evaluation (one or more)."""

    text: str
    runs: tuple[dict[Variable, URIRef], ...]


def saved_query_plan(query: SavedQuery, values: dict[str, list[Node]]) -> QueryPlan:
    """Bind the parameters, moving IRI parameters from VALUES blocks to substitutions where the solutions are
    the same: Oxigraph then evaluates every OPTIONAL and UNION branch from the IRI, where it evaluates them
    blind to the VALUES block before them. A single IRI is substituted; several IRIs of the first ORDER BY
    variable are evaluated one at a time, in that order, when nothing (an aggregate, a LIMIT) looks across them.
    """
    text = query.bind(values)
    fixed: dict[Variable, URIRef] = {}
    each: list[dict[Variable, URIRef]] = [{}]
    for parameter in query.parameters:
        terms: list[Node | None] = [*values.get(parameter.name, [])] or [_iri_token(t) for t in parameter.default]
        iris = [term for term in terms if isinstance(term, URIRef)]
        if parameter.type != "iri" or len(iris) != len(terms) or not _projected(parameter.name, text):
            continue
        variable = Variable(parameter.name)
        if len(iris) == 1:
            fixed[variable] = iris[0]
        elif len(each) == 1 and (descending := _one_at_a_time(variable, iris, text)) is not None:
            each = [{variable: iri} for iri in sorted(iris, key=str, reverse=descending)]
        else:
            continue
        text = _values_block(parameter.name).sub("", text, count=1)
    return QueryPlan(text, tuple({**fixed, **run} for run in each))


_ACROSS_ROWS = re.compile(r"\b(?:GROUP\s+BY|COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT|LIMIT|OFFSET)\b", re.IGNORECASE)


def _one_at_a_time(variable: Variable, iris: list[URIRef], text: str) -> bool | None:
    """Whether the rows for ``iris`` come out in descending order, when ``variable`` (projected) is the first
    ORDER BY key, so that evaluating each IRI on its own and putting the rows one after another gives the same
    rows in the same order; None when it does not (repeated IRIs, no such ORDER BY, an aggregate or a LIMIT)."""
    conditions = order_conditions(text)
    if len(set(iris)) != len(iris) or not conditions or conditions[0][0] != variable or _ACROSS_ROWS.search(text):
        return None
    return conditions[0][1]


_ORDER_BY = re.compile(r"\bORDER\s+BY\b(?P<conditions>[^{}]*)$", re.IGNORECASE)
_CONDITION = re.compile(r"\s*(?:(?P<direction>ASC|DESC)\s*\(\s*\?(?P<wrapped>\w+)\s*\)|\?(?P<plain>\w+))",
                        re.IGNORECASE)


def order_conditions(text: str) -> list[tuple[Variable, bool]] | None:
    """The top-level ORDER BY as (variable, descending) pairs, or None when there is none, when it orders by
    an expression, or when LIMIT / OFFSET follow (re-sorting would then change which rows are kept)."""
    match = _ORDER_BY.search(text)
    if match is None:
        return None
    rest, conditions = match.group("conditions"), []
    while rest.strip():
        condition = _CONDITION.match(rest)
        if condition is None:
            return None
        name = condition.group("wrapped") or condition.group("plain")
        conditions.append((Variable(name), (condition.group("direction") or "").upper() == "DESC"))
        rest = rest[condition.end():]
    return conditions


def _projected(variable: str, text: str) -> bool:
    """``?variable`` is a column of the query's answer: named bare in its SELECT clause, not only inside an
    expression such as ``(STR(?variable) AS ?name)`` (Oxigraph substitutes projected variables only)."""
    clause = re.search(r"\bSELECT\b(.*?)\bWHERE\b", text, re.IGNORECASE | re.DOTALL)
    if clause is None:
        return False
    bare, expressions = clause.group(1), 1
    while expressions:
        bare, expressions = _EXPRESSION.subn(" ", bare)
    return re.search(r"[?$]" + re.escape(variable) + r"\b", bare) is not None


_EXPRESSION = re.compile(r"\([^()]*\)")


def _iri_token(token: str) -> Node | None:
    if token.startswith("<") and token.endswith(">"):
        return URIRef(token[1:-1])
    prefix, colon, local = token.partition(":")
    return URIRef(PREFIXES[prefix] + local) if colon and prefix in PREFIXES else None


def to_rdflib(term: Any) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype == _XSD_STRING:
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def to_oxigraph(term: Node) -> Any:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is None:
        return ox.Literal(str(term))
    return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))


class Loaded(NamedTuple):
    """A store holding the asserted graph; ``originals``: the written form of each literal the store rewrote;
    ``typed``: every typed literal (neither a string nor language-tagged) of the graph, as the store holds it."""

    store: ox.Store
    originals: dict[Any, Any]
    typed: frozenset[Any]


def load_files(files: Iterable[Path]) -> Loaded:
    """Parse each Turtle file into the asserted graph of a new in-memory store.

    A file Oxigraph cannot parse is parsed by rdflib, so a syntax error reads exactly as on the reference path.
    Also returns ``originals``: the store keeps typed literals in canonical form (``"01"^^xsd:positiveInteger``
    becomes ``"1"^^xsd:integer``), so each canonical literal maps back to the one literal the files wrote.
    Oxigraph loads a file into the store in a second thread (its load releases the GIL; lenient, without
    validating IRIs again) while this one parses it, strictly, for the literals as written and the list items:
    0.34 s instead of 0.61 s for 160,000 triples. A graph with more than LIST_ITEMS list items is refused
    (InputError, naming the file that passed the limit) before any reasoning.
    """
    return _load_files(list(files), lenient=True)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for a while, if it was on. Loading and reasoning make millions of
    objects that live until the end and form no cycle, and each full collection walked them all again: 0.3 of
    2 s of CPU at 160,000 triples. What becomes garbage meanwhile is freed as usual (by reference counts)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@_collector_paused()
def _load_files(files: list[Path], lenient: bool) -> Loaded:
    store = ox.Store()
    typed: set[Any] = set()
    items = 0
    for path in files:
        before = items
        loaded: list[bool] = []
        stop = Event()
        loader = Thread(target=_load_into, args=(store, path, loaded, stop, lenient), name="mnd-kg load")
        loader.start()
        parsed = False
        written: set[Any] = set()
        try:
            parser = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
            while chunk := list(islice(parser, _CHUNK)):
                items += _list_items(chunk)
                if items > LIST_ITEMS:
                    break
                written.update(literal for literal in map(_OBJECT, chunk)
                               if isinstance(literal, ox.Literal) and _canonicalized(literal))
            parsed = True
        except (SyntaxError, ValueError, OSError):
            pass
        except MemoryError as error:  # "Reached the buffer maximal size of 16777216"
            loader.join()
            raise InputError(f"malformed Turtle: a literal or IRI longer than {TOKEN_LIMIT // MIB} MiB, the "
                             "most the parser accepts", _long_line(path)) from error
        if parsed and items > LIST_ITEMS:  # refused without loading the rest: the loader stops
            stop.set()
            loader.join()
            raise too_many_list_items(path)
        loader.join()
        if not parsed:
            if loaded and lenient:  # the lenient load took what the strict parser refused: start again without it
                return _load_files(files, lenient=False)
            graph = parse_turtle(path)  # raises the InputError the reference path gives
            quads = [ox.Quad(*map(to_oxigraph, triple)) for triple in graph]
            items = before + _list_items(quads)
            if items > LIST_ITEMS:
                raise too_many_list_items(path)
            if not loaded:
                store.extend([ox.Quad(q.subject, q.predicate, q.object, _ASSERTED) for q in quads])
            written = {q.object for q in quads if isinstance(q.object, ox.Literal) and _canonicalized(q.object)}
        elif not loaded:  # the loader could not read the file this thread parsed
            store.load(path=str(path), format=ox.RdfFormat.TURTLE, to_graph=_ASSERTED)
        typed |= written
    return Loaded(store, *_originals(typed))


def _list_items(quads: list[ox.Quad]) -> int:
    return sum(map(_REST.__eq__, map(_PREDICATE, quads)))


def _load_into(store: ox.Store, path: Path, loaded: list[bool], stop: Event, lenient: bool) -> None:
    """Load one file into the asserted graph (all or nothing); ``loaded`` says whether it was. Once ``stop`` is
    set, the load ends at its next read, loading nothing."""
    try:
        with path.open("rb") as raw:
            store.load(input=io.BufferedReader(_Stoppable(raw, stop), _READ), format=ox.RdfFormat.TURTLE,
                       to_graph=_ASSERTED, lenient=lenient)
        loaded.append(True)
    except (SyntaxError, ValueError, OSError, MemoryError):  # this thread's caller reports them (or stopped it)
        return


class _Stoppable(io.RawIOBase):
    """A file read until ``stop`` is set: then InterruptedError."""

    def __init__(self, raw: io.BufferedReader, stop: Event) -> None:
        self.raw, self.stop = raw, stop

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self.stop.is_set():
            raise InterruptedError("the load was stopped")
        return self.raw.readinto(buffer)


def _long_line(path: Path) -> str:
    """``path:line`` of the first line longer than TOKEN_LIMIT bytes (where a long token starts), else ``path``."""
    with path.open("rb") as stream:
        for number, line in enumerate(stream, 1):
            if len(line) > TOKEN_LIMIT:
                return f"{path}:{number}"
    return str(path)


def store_from_graph(graph: Graph) -> Loaded:
    """An rdflib graph as the asserted graph of a new store, with its literals' written forms."""
    store = ox.Store()
    cache: dict[Node, Any] = {}
    quads = [ox.Quad(*[cache[t] if t in cache else cache.setdefault(t, to_oxigraph(t)) for t in triple],
                     _ASSERTED) for triple in graph]  # type: ignore[call-arg]
    store.extend(quads)
    return Loaded(store, *_originals({t for t in cache.values() if isinstance(t, ox.Literal) and _canonicalized(t)}))


def _canonicalized(literal: Any) -> bool:
    return literal.language is None and literal.datatype != _XSD_STRING


def _originals(typed: set[Any]) -> tuple[dict[Any, Any], frozenset[Any]]:
    """Canonical form -> written form, for literals the store rewrites (ambiguous ones are left out), and the
    canonical forms of all of ``typed``."""
    probe = ox.Store()
    order = sorted(typed, key=str)
    probe.extend([ox.Quad(ox.NamedNode(f"urn:mnd-kg:literal:{n}"), _PROBE, literal) for n, literal in enumerate(order)])
    written: dict[Any, set[Any]] = {}
    for quad in probe.quads_for_pattern(None, _PROBE, None):
        original = order[int(str(quad.subject).strip("<>").rsplit(":", 1)[1])]
        written.setdefault(quad.object, set()).add(original)
    return {canonical: next(iter(originals)) for canonical, originals in written.items()
            if len(originals) == 1 and canonical not in originals and canonical not in typed}, frozenset(written)


@_collector_paused()
def reason_store(store: ox.Store, originals: dict[Any, Any], typed: frozenset[Any] | None = None) -> ReasonedStore:
    """Add the inferred graph to a store holding the asserted graph, and find the logical problems. ``typed``: the
    graph's typed literals (see Loaded), when known; else a query finds them."""
    converted = ReasonedStore(store, (), originals)
    if typed is None:
        ill_typed = [quad for quad in _typed_literal_quads(store)
                     if cast(Literal, converted.term(quad.object)).ill_typed]
    else:  # a query would read every asserted triple: 0.1 s at 160,000 triples
        ill_typed = [quad for literal in typed if cast(Literal, converted.term(literal)).ill_typed
                     for quad in store.quads_for_pattern(None, None, literal, _ASSERTED)]
    read, triples = _rule_input(converted)
    set_aside = {converted._triple(quad) for quad in ill_typed}
    asserted = [triple for triple in triples if triple not in set_aside] if set_aside else triples
    # the closure's literals are plain already: to_rdflib writes an xsd:string literal without its datatype, and
    # fast_reason makes ``reasonable``'s plain
    new = fast_reason.closure(asserted)
    new -= set(triples)
    new -= set_aside
    inferred: list[ox.Quad] = []
    noise: list[ox.Quad] = []
    oxigraph = _OxigraphTerms((term, found) for found, term in converted._terms.items())
    for triple in new:
        subject, predicate, obj = oxigraph[triple[0]], oxigraph[triple[1]], oxigraph[triple[2]]
        if triple[1] not in read and ox.Quad(subject, predicate, obj, _ASSERTED) in store:
            continue  # asserted, with a predicate the rules do not read
        if is_informative(*triple):
            inferred.append(ox.Quad(subject, predicate, obj, _INFERRED))
        else:
            noise.append(ox.Quad(subject, predicate, obj, _NOISE))
    store.extend(inferred)
    store.extend(noise)
    for quad in ill_typed:
        store.remove(quad)
        store.add(ox.Quad(quad.subject, quad.predicate, quad.object, _SET_ASIDE))
    findings = set(_rule_findings(converted))
    for quad in ill_typed:
        store.remove(ox.Quad(quad.subject, quad.predicate, quad.object, _SET_ASIDE))
        store.add(quad)
        findings.add(ill_typed_finding(converted._triple(quad)))  # type: ignore[arg-type]
    store.remove_graph(_NOISE)
    if ill_typed:
        store.remove_graph(_SET_ASIDE)
    return ReasonedStore(store, tuple(sorted(findings)), originals)


def _typed_literal_quads(store: ox.Store) -> list[ox.Quad]:
    """The asserted quads whose object is a typed literal (the only ones that can be ill-typed)."""
    rows = store.query(_TYPED_LITERALS)
    assert isinstance(rows, ox.QuerySolutions)
    return [ox.Quad(*row, _ASSERTED) for row in rows]  # type: ignore[call-arg]


def _rule_input(reasoned: ReasonedStore) -> tuple[set[Node], list[tuple[Node, Node, Node]]]:
    """The predicates whose asserted triples the rules can read, and those triples as rdflib terms: the schema's
    (axioms, list cells, types) and those of the predicates the schema's closure makes active
    (kg.reasoning.fast_reason.active_predicates); every triple when one is an owl:sameAs. The others (labels,
    quotes, ...) are not converted, the closure being the same without them: 0.03 s of 0.08 s at 20,000 triples."""
    rows = reasoned.store.query(_PREDICATES)
    assert isinstance(rows, ox.QuerySolutions)
    predicates = {reasoned.term(row[0]): row[0] for row in rows}

    term = reasoned._terms.__getitem__

    def triples(chosen: Iterable[Node]) -> list[tuple[Node, Node, Node]]:
        return [(term(quad.subject), predicate, term(quad.object)) for predicate in chosen
                for quad in reasoned.store.quads_for_pattern(None, predicates[predicate], None, _ASSERTED)]

    if rules.SAME_AS in predicates:
        return set(predicates), triples(predicates)
    schema_side = [p for p in predicates if p in fast_reason.SCHEMA_PREDICATES or p in rules.IS_TYPE]
    read = triples(schema_side)
    active = fast_reason.active_predicates(fast_reason.schema_closure(fast_reason.schema_of(read)))
    more = [p for p in predicates if p in active and p not in schema_side]
    return {*schema_side, *more}, read + triples(more)


def _rule_findings(reasoned: ReasonedStore) -> Iterator[Finding]:
    graphs: list[Any] = [_ASSERTED, _INFERRED, _NOISE]
    for rule, (message, query) in RULES.items():
        solutions = reasoned.store.query(query, default_graph=graphs)
        assert isinstance(solutions, ox.QuerySolutions)
        for solution in solutions:
            terms = tuple(str(reasoned.term(value)) for value in solution if value is not None)
            yield Finding(rule, message, terms)
