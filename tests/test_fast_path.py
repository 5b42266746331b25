"""Same answers: the fast path (Oxigraph, reasonable, closure cache) against the reference (rdflib, owlrl).

Derived class memberships, inferred triples, logical findings, ``kg check`` findings and every saved query's
answers must be identical on the project's graph (here), also without the fast engines (here, on owlrl's closure
of the project's graph that the differential tests compute), on mutants of it (test_fast_path_mutants.py) and on a
generated graph (test_fast_path_generated.py).
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.namespace import OWL, RDF, RDFS, XSD
from rdflib.term import Node

from kg.cli import cli
from kg.cli import commands as kg_commands
from kg.errors import InputError
from kg.graph import load_graph, turtle_files
from kg.graph.paths import ONTOLOGY_DIR, default_graph_files
from kg.graph.terms import term_text
from kg.reasoning import fast_reason
from kg.reasoning.engine import fast_available, load_reasoned, reason_graph
from kg.reasoning.reason import Reasoned, reason
from kg.reasoning.schema import schema_closure as closed_schema
from kg.reasoning.store import ReasonedStore, load_files, saved_query_plan
from kg.sparql.format import format_result
from kg.sparql.results import CITATION_VARIABLE, solutions
from kg.sparql.run import bind_values
from kg.sparql.saved import SavedQuery, parse_saved_query
from tests.differential import MUTANTS_DIR, NEEDS_FAST_ENGINES, ROOT, RememberingReference, assert_same
from tests.test_answers import EXPECTED

pytestmark = NEEDS_FAST_ENGINES


@pytest.fixture(scope="module")
def fast() -> ReasonedStore:
    reasoned = load_reasoned(default_graph_files())
    assert isinstance(reasoned, ReasonedStore)
    return reasoned


@pytest.fixture(scope="module")
def owlrl_run(asserted: Graph) -> tuple[Reasoned, Graph]:
    """The reference on the project's graph and owlrl's closure it was made from: owlrl reasons the project's
    graph (6 s of CPU) once for every test here, the schema's and the fallback's included."""
    import owlrl

    expanded: list[Graph] = []
    expand = owlrl.DeductiveClosure.expand

    def remembered(self: owlrl.DeductiveClosure, graph: Graph) -> None:
        expand(self, graph)
        expanded.append(graph)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(owlrl.DeductiveClosure, "expand", remembered)
        reference = reason(asserted, reference=True)
    [closure] = expanded
    return RememberingReference.of(reference), closure


@pytest.fixture(scope="module")
def reference(owlrl_run: tuple[Reasoned, Graph]) -> Reasoned:
    return owlrl_run[0]


def test_project_graph_same_closure_findings_and_answers(fast: ReasonedStore, reference: Reasoned,
                                                         saved_queries: dict[str, SavedQuery]) -> None:
    assert fast.triples == reference.triples == len(reference.asserted) > 6000
    assert_same(fast, reference, saved_queries)


def test_rdflib_api_fast_closure_equals_owlrl(asserted: Graph, reference: Reasoned) -> None:
    fast = reason(asserted)
    assert set(fast.inferred) == set(reference.inferred)
    assert fast.findings == reference.findings


@pytest.mark.parametrize("fmt", ["text", "tsv"])
def test_project_graph_same_output_byte_for_byte(fast: ReasonedStore, reference: Reasoned,
                                                 saved_queries: dict[str, SavedQuery], fmt: str) -> None:
    """Rows in the same order, citations numbered alike: Oxigraph's rows are put in rdflib's ORDER BY order."""
    for name, query in saved_queries.items():
        fast_result = fast.run_saved(query, {})
        reference_result = reference.run_saved(query, {})
        assert format_result(fast_result, fmt, fast.answer_graph(fast_result)) == format_result(
            reference_result, fmt, reference.answer_graph(reference_result)), name


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_expected_answers_on_the_fast_path(fast: ReasonedStore, saved_queries: dict[str, SavedQuery],
                                           name: str) -> None:
    """tests/test_answers.py's exact answers, from Oxigraph."""
    result = fast.run_saved(saved_queries[name], {})
    graph = fast.answer_graph(result)
    variables = [str(v) for v in result.vars or [] if str(v) != CITATION_VARIABLE]
    rows = {tuple(term_text(row[v], graph) for v in variables) for row in solutions(result)}
    assert (tuple(variables), rows) == EXPECTED[name]


ALS, SMA = "https://w3id.org/mnd-kg/resource/ALS", "https://w3id.org/mnd-kg/resource/SMA"


@pytest.mark.parametrize(("name", "values", "runs"), [
    ("is-demyelinating", {}, [ALS, SMA]),  # the default, in ORDER BY order
    ("is-demyelinating", {"disease": ["kg:SMA", "kg:ALS"]}, [ALS, SMA]),  # given in the other order
    ("is-demyelinating", {"disease": ["kg:SMA"]}, [SMA]),
    ("is-demyelinating", {"disease": ["kg:ALS", "kg:ALS"]}, []),  # repeated: the VALUES block repeats rows
    ("demyelinating-diseases", {}, []),  # ?group is not the first ORDER BY key
])
def test_iri_parameters_become_one_evaluation_per_iri_when_the_rows_stay_the_same(
        fast: ReasonedStore, reference: Reasoned, saved_queries: dict[str, SavedQuery], name: str,
        values: dict[str, list[str]], runs: list[str]) -> None:
    query = saved_queries[name]
    plan = saved_query_plan(query, bind_values(query, values, fast.labels()))
    assert [str(iri) for run in plan.runs for iri in run.values()] == runs
    assert ("VALUES ?" + query.parameters[0].name in plan.text) == (not runs)
    assert fast.run_saved(query, values).bindings == reference.run_saved(query, values).bindings


@pytest.mark.parametrize("text", [
    # unlike terms in a column: IRIs, plain and language-tagged strings (rdflib orders literals whose datatypes do
    # not compare, a date beside a number, as they come in, and that order follows the hash seed; so do blank nodes)
    "SELECT ?s ?o WHERE { ?s ?p ?o FILTER (isIRI(?s) && (isIRI(?o) || datatype(?o) IN (xsd:string, rdf:langString)))"
    " } ORDER BY DESC(?o) ?s",
    "SELECT ?d ?name WHERE { ?d a mnd:Disease OPTIONAL { ?d skos:altLabel ?name } } ORDER BY ?name DESC(?d)",
    "SELECT ?d WHERE { ?d a mnd:Disease ; rdfs:label ?name } ORDER BY ?name ?d",  # by a variable not projected
    "SELECT (STR(?d) AS ?iri) WHERE { ?d a mnd:Disease } ORDER BY DESC(?d)",  # in an expression, not projected
])
def test_rows_come_in_rdflibs_order_by_order(fast: ReasonedStore, reference: Reasoned, text: str) -> None:
    query = ("PREFIX mnd: <https://w3id.org/mnd-kg/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
             "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\nPREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
             "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n")
    fast_rows = fast.run_query(query + text, "test").bindings
    assert len(fast_rows) > 10
    assert fast_rows == reference.run_query(query + text, "test").bindings


@pytest.mark.parametrize("tail", ["ORDER BY ?name ?disease", "ORDER BY ?disease LIMIT 5",
                                  "GROUP BY ?disease ?name ORDER BY ?disease ?name", "ORDER BY DESC(?disease)"])
def test_several_iris_are_one_evaluation_when_rows_of_different_iris_meet(tmp_path: Path, tail: str) -> None:
    """An ORDER BY not led by the parameter, a LIMIT or an aggregate looks across IRIs: the VALUES block
    stays; a descending first key evaluates the IRIs in descending order."""
    path = tmp_path / "names.rq"
    path.write_text("#+ summary: Names.\n#+ questions:\n#+   - What are the names?\n#+ params:\n#+   disease:\n"
                    "#+     type: iri\n#+     description: A disease.\n#+     default: [kg:ALS, kg:SMA]\nPREFIX kg: <https://w3id.org/mnd-kg/resource/>\n"
                    "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                    "SELECT ?disease ?name WHERE { VALUES ?disease { kg:ALS kg:SMA } ?disease rdfs:label ?name }\n"
                    + tail + "\n")
    plan = saved_query_plan(parse_saved_query(path), {})
    assert [str(iri) for run in plan.runs for iri in run.values()] == ([SMA, ALS] if "DESC" in tail else [])


@pytest.mark.parametrize(("value", "by_label"), [("kg:MS", False), ("<https://w3id.org/mnd-kg/resource/MS>", False),
                                                ("multiple sclerosis", True)])
def test_the_labels_are_read_only_to_resolve_a_label(fast: ReasonedStore, saved_queries: dict[str, SavedQuery],
                                                     monkeypatch: pytest.MonkeyPatch, value: str,
                                                     by_label: bool) -> None:
    """An IRI or prefixed name needs no look-up: reading every label takes a second at 1,000,000 triples."""
    read = []

    def labels(self: ReasonedStore) -> Graph:
        read.append(self)
        return Graph()

    monkeypatch.setattr(ReasonedStore, "labels", labels)
    query = saved_queries["is-demyelinating"]
    if not by_label:
        assert {str(row[Variable("disease")]) for row in fast.run_saved(query, {"disease": [value]}).bindings} == {
            "https://w3id.org/mnd-kg/resource/MS"}
    else:
        with pytest.raises(InputError, match="no entity in the graph is named 'multiple sclerosis'"):
            fast.run_saved(query, {"disease": [value]})
    assert read == ([fast] if by_label else [])


def test_the_rule_engine_alone_reasons_the_project_graph(asserted: Graph, reference: Reasoned,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """kg.reasoning.rules, not reasonable, derives the project's closure (reasonable is only for the equality rules)."""
    def no_reasonable() -> None:
        raise AssertionError("reasonable was used")

    monkeypatch.setattr(fast_reason, "_reasonable", no_reasonable)
    fast = reason(asserted)
    assert set(fast.inferred) == set(reference.inferred)
    assert fast.findings == reference.findings


def test_property_chains_are_added_to_what_reasonable_derives(fast: ReasonedStore) -> None:
    """reasonable lacks prp-spo2: subtypes inherit their disease's primary pathology through the chain."""
    from kg.graph.namespaces import KG, MND

    pathology = MND._NS["hasPrimaryPathology"]
    assert (KG["SMA-type-1"], pathology, KG["sma-motor-neuron-degeneration"]) in fast.inferred


def test_a_file_only_rdflib_reads_is_loaded_from_rdflibs_parse(tmp_path: Path) -> None:
    """Oxigraph refuses a relative IRI (no base) where rdflib resolves it against the file: its parse is used."""
    path = tmp_path / "relative.ttl"
    path.write_text("@prefix ex: <http://example.org/> .\nex:a ex:p <b> ; ex:q 7 .\n", encoding="utf-8")
    store = load_files([path]).store
    assert {(str(q.subject.value), str(q.object.value)) for q in store} == {
        ("http://example.org/a", (tmp_path / "b").as_uri()), ("http://example.org/a", "7")}


def test_unsupported_axioms_fall_back_to_owlrl() -> None:
    """The engine is chosen by the axioms the graph uses, not by its data: a class and its key alone, which owlrl
    reasons at once (the ontology took it 3 s of CPU, the project's graph takes it 10)."""
    from kg.graph.namespaces import MND

    graph = Graph()
    graph.add((MND.Disease, RDF.type, OWL.Class))
    graph.add((MND.Disease, OWL.hasKey, BNode()))
    assert fast_reason.needs_reference(graph.predicates(unique=True))
    assert isinstance(reason_graph(graph), Reasoned)




def _owlrl_closure(triples: list[tuple[Node, Node, Node]]) -> set[tuple[Node, Node, Node]]:
    """owlrl's closure, less what kg.reasoning.schema leaves out (_schema_part)."""
    import owlrl

    graph = Graph(store="SimpleMemory")
    for triple in triples:
        graph.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False, datatype_axioms=False).expand(graph)
    return _schema_part(graph)


def _schema_part(graph: Graph) -> set[tuple[Node, Node, Node]]:
    """An owlrl closure less what kg.reasoning.schema leaves out: its error messages, literal subjects and (as
    owlrl itself at the end) blank-node predicates."""
    import owlrl

    messages = set(graph.subjects(RDF.type, owlrl.Namespaces.ERRNS.ErrorMessage))
    return {t for t in graph if t[0] not in messages and not isinstance(t[0], Literal) and not isinstance(t[1], BNode)}


def _random_schema(seed: int) -> list[tuple[Node, Node, Node]]:
    """A small graph drawing on every axiom kg.reasoning.schema has a rule for, with individuals and literals."""
    pick = random.Random(seed)
    classes = [URIRef(f"http://example.org/C{n}") for n in range(5)] + [BNode(f"restriction{n}") for n in range(3)]
    properties = [URIRef(f"http://example.org/p{n}") for n in range(4)]
    individuals = [URIRef(f"http://example.org/i{n}") for n in range(5)]
    values = [*individuals, Literal("x"), Literal(1), Literal("2", datatype=XSD.positiveInteger),
              Literal("a", lang="en")]
    triples: set[tuple[Node, Node, Node]] = set()

    def rdf_list(members: list[Node]) -> Node:
        cells: list[Node] = [BNode() for _ in members]
        for cell, member, rest in zip(cells, members, [*cells[1:], RDF.nil], strict=True):
            triples.update({(cell, RDF.first, member), (cell, RDF.rest, rest)})
        return cells[0]

    for _ in range(pick.randint(5, 25)):
        c1, c2, p1, p2 = pick.choice(classes), pick.choice(classes), pick.choice(properties), pick.choice(properties)
        restriction = pick.choice(classes[5:])
        triples |= pick.choice([
            {(c1, RDFS.subClassOf, c2)}, {(c1, OWL.equivalentClass, c2)}, {(c1, RDF.type, OWL.Class)},
            {(p1, RDFS.subPropertyOf, p2)}, {(p1, OWL.equivalentProperty, p2)}, {(p1, OWL.inverseOf, p2)},
            {(p1, RDFS.domain, c1)}, {(p1, RDFS.range, c1)},
            {(p1, RDF.type, pick.choice([OWL.SymmetricProperty, OWL.TransitiveProperty, OWL.FunctionalProperty,
                                         OWL.InverseFunctionalProperty, OWL.ObjectProperty, OWL.DatatypeProperty]))},
            {(pick.choice(individuals), p1, pick.choice(values))},
            {(pick.choice(individuals), RDF.type, pick.choice([*classes, XSD.string]))},
            {(pick.choice(individuals), OWL.sameAs, pick.choice(individuals))},
            {(restriction, OWL.onProperty, p1), (restriction, pick.choice([OWL.someValuesFrom, OWL.allValuesFrom]),
                                                 pick.choice([*classes[:5], OWL.Thing]))},
            {(restriction, OWL.onProperty, p1), (restriction, OWL.hasValue, pick.choice(values))},
            {(classes[pick.randrange(5)], OWL.intersectionOf, rdf_list(pick.sample(classes[:5], 2)))},
            {(classes[pick.randrange(5)], OWL.unionOf, rdf_list(pick.sample(classes[:5], 2)))},
            {(classes[pick.randrange(5)], OWL.oneOf, rdf_list(pick.sample(individuals, 2)))},
            {(p1, OWL.propertyChainAxiom, rdf_list([p2, pick.choice(properties)]))},
        ])
    return sorted(triples)


@pytest.mark.parametrize("seed", range(60))
def test_schema_closure_is_owlrls_on_random_graphs(seed: int) -> None:
    """kg.reasoning.schema, which reasons the schema so that no command runs owlrl, derives what owlrl derives
    (every OWL 2 RL rule but those that only detect inconsistencies), on graphs mixing every axiom."""
    triples = _random_schema(seed)
    assert set(closed_schema(triples)) == _owlrl_closure(triples)


def test_schema_closure_is_owlrls_on_the_project_schema(asserted: Graph, owlrl_run: tuple[Reasoned, Graph]) -> None:
    schema = fast_reason.schema_of(list(asserted))
    assert set(closed_schema(schema)) == _owlrl_closure(schema)
    reference, closure = owlrl_run
    assert reference.findings == ()  # no ill-typed literal left out: owlrl's closure is the whole graph's
    assert set(closed_schema(list(asserted))) == _schema_part(closure)


def test_datatype_tables_are_owlrls() -> None:
    from owlrl.AxiomaticTriples import OWLRL_Datatypes_Disjointness
    from owlrl.OWLRL import OWLRL_Annotation_properties
    from owlrl.XsdDatatypes import OWL_Datatype_Subsumptions, OWL_RL_Datatypes

    from kg.reasoning import schema

    assert list(schema.RL_DATATYPES) == OWL_RL_Datatypes
    assert {k: tuple(v) for k, v in OWL_Datatype_Subsumptions.items()} == schema.DATATYPE_SUBSUMPTIONS
    assert [(left, OWL.disjointWith, right) for left, right in schema.DATATYPE_DISJOINTNESS] == \
        OWLRL_Datatypes_Disjointness
    assert list(schema.ANNOTATION_PROPERTIES) == OWLRL_Annotation_properties


def test_a_literal_in_an_axiom_is_checked_as_on_the_reference_path(tmp_path: Path) -> None:
    """``owl:hasValue "x"``: the schema closure's literal subjects (``"x" owl:sameAs "x"``) stopped the fast path
    with a TypeError from Oxigraph; they are left out, and kg check says what the reference path says."""
    path = tmp_path / "graph.ttl"
    path.write_text("@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix ex: <http://example.org/> .\n"
                    "ex:p a owl:DatatypeProperty .\n"
                    "ex:R a owl:Restriction ; owl:onProperty ex:p ; owl:hasValue \"x\" .\n"
                    "ex:C owl:equivalentClass ex:R . ex:a ex:p \"x\" .\n", encoding="utf-8")
    fast = load_reasoned([path])
    assert isinstance(fast, ReasonedStore)
    reference = reason(load_graph([path]), reference=True)
    assert set(fast.inferred) == set(reference.inferred)
    assert (URIRef("http://example.org/a"), RDF.type, URIRef("http://example.org/C")) in set(fast.inferred)
    assert fast.findings == reference.findings == ()


def test_an_empty_or_literal_property_chain_is_reasoned_as_on_the_reference_path(tmp_path: Path) -> None:
    """``owl:propertyChainAxiom ( )`` or ``"x"``: a chain of no property implies nothing (owlrl and the schema
    closure skip it); the data rules' prp-spo2 read its first step and stopped every command with an IndexError."""
    path = tmp_path / "graph.ttl"
    path.write_text("@prefix owl: <http://www.w3.org/2002/07/owl#> . @prefix ex: <http://example.org/> .\n"
                    "ex:r owl:propertyChainAxiom ( ) . ex:s owl:propertyChainAxiom \"x\" .\n"
                    "ex:t owl:propertyChainAxiom ( ex:p ex:p ) . ex:a ex:p ex:b . ex:b ex:p ex:c .\n",
                    encoding="utf-8")
    fast = load_reasoned([path])
    assert isinstance(fast, ReasonedStore)
    reference = reason(load_graph([path]), reference=True)
    assert set(fast.inferred) == set(reference.inferred)
    ex = "http://example.org/"
    assert (URIRef(ex + "a"), URIRef(ex + "t"), URIRef(ex + "c")) in set(fast.inferred)
    assert fast.findings == reference.findings == ()


def test_a_cold_check_does_not_import_owlrl(tmp_path: Path) -> None:
    """owlrl is the reference, for the differential tests and MND_KG_ENGINE=reference: never on a command's path."""
    code = ("import sys\nimport kg.cli.commands\nfrom kg.cli import main\n"
            "sys.argv = ['kg', 'check', '--format', 'json']\n"
            "kg.cli.commands.run_limited = lambda work, *limits: work()  # in this process, to see its imports\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('owlrl', 'kg.reasoning.store') if m in sys.modules), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={**os.environ, "MND_KG_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)})
    assert json.loads(done.stdout)["errors"] == 0
    assert done.stderr.strip() == "['kg.reasoning.store']"  # the fast path ran, without owlrl


# a small graph whose check finds an unsatisfiable class, a disjointness clash's premises missing and the like:
# the project's graph passes every check on both engines (tests/test_fast_path.py), this one fails several
BROKEN = [str(ONTOLOGY_DIR), str(MUTANTS_DIR / "unsatisfiable-class.ttl"),
          str(MUTANTS_DIR / "als-asserted-muscular-dystrophy.ttl")]


def test_without_the_fast_engines_every_command_answers_the_same(reference: Reasoned,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The optional engines fall back cleanly: absent reasonable, or absent pyoxigraph, or forced reference."""
    runner = CliRunner()
    # owlrl reasons the project's graph in 12 s alone, more on a loaded machine: past the default --timeout
    commands = [["query", "subtypes", "--format", "json", "--timeout", "600"],
                ["query", "is-demyelinating", "-p", "disease=MS", "--timeout", "600"], ["check", *BROKEN]]
    fast_outputs = [outcome(runner, command) for command in commands]
    assert [code for code, _ in fast_outputs] == [0, 0, 1]
    with monkeypatch.context() as patch:
        patch.setattr(fast_reason, "available", lambda: False)
        assert not fast_available()
        # any files: owlrl reasons these 15 lines at once (the ontology took it 3 s of CPU; check BROKEN, below, has
        # owlrl reason the ontology)
        assert isinstance(load_reasoned([MUTANTS_DIR / "unsatisfiable-class.ttl"]), Reasoned)
        # the project's graph as owlrl reasons it (the reference here, 6 s of CPU): each command works in a child
        # process forked from this one, which finds it
        project_files = turtle_files(default_graph_files())
        patch.setattr(kg_commands, "load_reasoned", lambda paths, cache=True: reference
                      if turtle_files(list(paths)) == project_files else load_reasoned(paths, cache))
        assert [outcome(runner, command) for command in commands] == fast_outputs
    with monkeypatch.context() as patch:
        patch.setitem(sys.modules, "pyoxigraph", None)
        assert not fast_available()
    with monkeypatch.context() as patch:
        patch.setenv("MND_KG_ENGINE", "reference")
        assert not fast_available()


def outcome(runner: CliRunner, command: list[str]) -> tuple[int, object]:
    result = runner.invoke(cli, command)
    return result.exit_code, normalized(result.output)


def normalized(output: str) -> object:
    """JSON compared as data (rdflib orders the keys of a binding as it evaluated them), text as is."""
    if not output.startswith("{"):
        return output
    data = json.loads(output)
    if "results" in data:
        data["results"]["bindings"] = sorted(json.dumps(b, sort_keys=True) for b in data["results"]["bindings"])
    return data


