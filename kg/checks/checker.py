"""``kg check``: logical consistency after OWL 2 RL reasoning, what owlrl misses, and data-quality checks.

Returns a report and never prints. Findings are sorted and carry their explanation: the asserted triples
that led there, each with its citations.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF

from kg.answers.explain import Explainer, Step, Triple, explainer_from
from kg.checks.shapes import load_shapes, shape_names, validate_reasoned
from kg.errors import InputError
from kg.graph.namespaces import W3C_VOCABULARIES
from kg.graph.paths import SHAPES_DIR
from kg.reasoning.fast_reason import LIST_AXIOMS
from kg.sparql.results import solutions
from kg.sparql.saved import internal_query, read_header, with_values

if TYPE_CHECKING:
    from kg.reasoning.engine import ReasonedGraph

SEVERITIES = ("error", "warning")
PROBE = "urn:mnd-kg:probe:"


@dataclass(frozen=True, order=True)
class CheckFinding:
    """One problem: severity, the check that found it, a message, the terms involved, and why."""

    severity: str
    check: str
    message: str
    terms: tuple[str, ...]
    because: tuple[Step, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class CheckFile:
    name: str
    path: Path
    summary: str
    severity: str
    text: str


@dataclass(frozen=True)
class CheckReport:
    triples: int
    checks_run: tuple[str, ...]
    findings: tuple[CheckFinding, ...]

    @property
    def errors(self) -> int:
        return sum(f.severity == "error" for f in self.findings)

    @property
    def warnings(self) -> int:
        return sum(f.severity == "warning" for f in self.findings)


def load_check_files(directory: Path) -> list[CheckFile]:
    """Every ``*-violation.rq`` file in ``directory``: a SELECT that must return no rows."""
    checks = []
    for path in sorted(directory.glob("*.rq")):
        if not path.name.endswith("-violation.rq"):
            raise InputError("check files must be named <name>-violation.rq", str(path))
        text = path.read_text(encoding="utf-8")
        header = read_header(text, path)
        summary, severity = header.get("summary"), header.get("severity")
        if not isinstance(summary, str) or severity not in SEVERITIES:
            raise InputError(f"check header needs 'summary' and 'severity' ({' or '.join(SEVERITIES)})", str(path))
        checks.append(CheckFile(path.name.removesuffix("-violation.rq"), path, summary.strip(), severity, text))
    return checks


def run_checks(asserted: Graph, check_files: list[CheckFile], sources: Path | None,
               supplements: Path | None = None) -> CheckReport:
    """Reason over ``asserted`` and run every check; ``sources`` holds the documents quotes come from,
    ``supplements`` the files of the curated supplementary sources."""
    from kg.reasoning.engine import reason_graph

    return check_reasoned(reason_graph(asserted), check_files, sources, supplements)


def check_reasoned(reasoned: ReasonedGraph, check_files: list[CheckFile], sources: Path | None,
                   supplements: Path | None = None, parallel: bool = False) -> CheckReport:
    """Run every check on a graph reasoned by either engine (the same findings either way). ``parallel``: share
    the checks with a forked process (kg.worker.run_shared; for ``kg check``'s worker process only)."""
    explainer = _LazyExplainer(reasoned)
    findings: list[CheckFinding] = []
    for finding in reasoned.findings:
        because = _explain_terms(explainer, finding.rule, finding.terms)
        findings.append(CheckFinding("error", finding.rule, finding.message, finding.terms, because))
    findings += unintended_equivalences(Graph(), _graph(reasoned, "inferred-equivalences"), explainer)
    shapes = load_shapes(SHAPES_DIR)
    names = ["logical-consistency", "unsatisfiable-classes", "unintended-equivalences",
             *(check.name for check in check_files), *shape_names(shapes), "quotes-verbatim"]
    costliest_first = sorted(check_files, key=lambda check: _COSTLIEST.get(check.name, len(_COSTLIEST)))
    tasks: list[Callable[[], list[CheckFinding]]] = [
        partial(_shape_findings, reasoned, shapes), *(partial(_check_findings, reasoned, c) for c in costliest_first),
        partial(unsatisfiable_classes, reasoned), partial(quotes_not_in_sources, reasoned, sources, supplements)]
    if parallel:
        from kg.worker import run_shared

        found = run_shared(tasks)
    else:
        found = [task() for task in tasks]
    findings += [finding for part in found for finding in part]
    return CheckReport(reasoned.triples, tuple(names), tuple(sorted(set(findings), key=_ORDER)))


# CheckFinding's order (its compared fields), as a key: one tuple per finding rather than two per comparison
_ORDER = attrgetter("severity", "check", "message", "terms")


# The check files that take longest on large graphs (1,000,000 triples: 2.9, 2.1 and 1.1 s of CPU), run first so
# that the two processes of a parallel check finish together; the shapes, when run, come before them.
_COSTLIEST = {name: rank for rank, name in enumerate(
    ("single-disease-claim-on-shared-node", "claim-malformed", "undescribed-iri"))}


def _check_findings(reasoned: ReasonedGraph, check: CheckFile) -> list[CheckFinding]:
    """One check file's rows as findings."""
    return [CheckFinding(check.severity, check.name, check.summary,
                         tuple(str(value) for value in row.values() if value is not None))
            for row in solutions(reasoned.select(check.text))]


def _shape_findings(reasoned: ReasonedGraph, shapes: Graph) -> list[CheckFinding]:
    return [CheckFinding(f.severity, f.shape, f.message, f.terms) for f in validate_reasoned(reasoned, shapes)]


def _graph(reasoned: ReasonedGraph, construct: str) -> Graph:
    """The graph one of this stage's CONSTRUCT queries (``queries/<construct>.rq``) builds."""
    graph = reasoned.select(internal_query(__file__, construct)).graph
    assert graph is not None
    return graph


class _LazyExplainer(Explainer):
    """An explainer whose closure graph is only built when a finding needs explaining."""

    def __init__(self, reasoned: ReasonedGraph) -> None:
        self._reasoned = reasoned
        self._built: Explainer | None = None

    def explain(self, triple: Triple) -> Step | None:
        if self._built is None:
            self._built = explainer_from(self._reasoned.asserted, self._reasoned.inferred)
        return self._built.explain(triple)


def unsatisfiable_classes(reasoned: ReasonedGraph) -> list[CheckFinding]:
    """Classes that cannot have members: probe each with a fresh individual and reason over the axioms."""
    probe = with_values(internal_query(__file__, "schema-axioms"), "axiom", sorted(LIST_AXIOMS, key=str))
    probed = reasoned.reason_part(probe)
    unsatisfiable = sorted({term[len(PROBE):] for finding in probed.findings for term in finding.terms
                            if term.startswith(PROBE)})
    return [CheckFinding("error", "unsatisfiable-class", "class cannot have any member", (cls,))
            for cls in unsatisfiable]


def unintended_equivalences(asserted: Graph, inferred: Graph, explainer: Explainer) -> list[CheckFinding]:
    """owl:sameAs between distinct curated entities, or owl:equivalentClass between distinct named classes,
    that reasoning introduced."""
    findings = []
    for predicate, what in ((OWL.sameAs, "entities"), (OWL.equivalentClass, "classes")):
        for subject, obj in inferred.subject_objects(predicate):
            if isinstance(obj, URIRef) and subject != obj and str(subject) < str(obj) \
                    and not str(obj).startswith(W3C_VOCABULARIES) and (subject, predicate, obj) not in asserted:
                step = explainer.explain((subject, predicate, obj))
                findings.append(CheckFinding("error", "unintended-equivalence",
                                             f"reasoning made two distinct {what} the same",
                                             (str(subject), str(obj)), (step,) if step else ()))
    return findings


def quotes_not_in_sources(reasoned: ReasonedGraph, sources: Path | None,
                          supplements: Path | None = None) -> list[CheckFinding]:
    """Each citation's quote must occur verbatim within one line of its source document (the file of a
    supplementary source is looked up in ``supplements``). Read as rows of strings rather than as a graph:
    at 160,000 triples the graph of 15,000 citation triples took longer than the check itself."""
    cited: dict[str, tuple[str, str, bool]] = {}
    for row in solutions(reasoned.select(internal_query(__file__, "quoted-citations"))):
        citation, entry = str(row["citation"]), (str(row["quote"]), str(row["file"]), row["supplementary"] is not None)
        cited[citation] = min(cited.get(citation, entry), entry)  # one quote and one document each, if more
    findings = []
    texts: dict[str, list[str] | None] = {}
    found: dict[tuple[str, str], bool] = {}  # (path, quote): copies of a graph repeat the same quotes
    for citation, (quote, file_name, supplementary) in sorted(cited.items()):
        folder = supplements if supplementary else sources
        if folder is None:
            findings.append(CheckFinding("warning", "quotes-verbatim", "source documents not given: quote not checked",
                                         (citation,)))
            continue
        path = folder / file_name
        if str(path) not in texts:
            texts[str(path)] = path.read_text(encoding="utf-8").splitlines() if path.is_file() else None
        lines = texts[str(path)]
        if lines is None:
            findings.append(CheckFinding("error", "quotes-verbatim", "source document not found",
                                         (citation, str(path))))
        elif not _occurs(quote, str(path), lines, found):
            findings.append(CheckFinding("error", "quotes-verbatim", "quote does not occur verbatim in its source",
                                         (citation, quote)))
    return findings


def _occurs(quote: str, path: str, lines: list[str], found: dict[tuple[str, str], bool]) -> bool:
    """``quote`` is within one of the document's ``lines``; remembered in ``found``."""
    if (path, quote) not in found:
        found[path, quote] = any(quote in line for line in lines)
    return found[path, quote]


def _explain_terms(explainer: Explainer, rule: str, terms: tuple[str, ...]) -> tuple[Step, ...]:
    """The derivations behind a logical finding (each class membership of a disjointness clash, ...)."""
    if rule in ("cax-dw", "cls-com"):  # a member of two disjoint classes, of a class and its complement
        entity, first, second = (URIRef(t) for t in terms)
        steps = [explainer.explain((entity, RDF.type, cls)) for cls in (first, second)]
    elif rule == "cls-nothing2":
        steps = [explainer.explain((URIRef(terms[0]), RDF.type, OWL.Nothing))]
    elif rule == "dt-not-type":
        subject, predicate, _ = terms
        steps = [Step((URIRef(subject), URIRef(predicate), Literal(terms[2])), "asserted")]
    else:
        steps = []
    return tuple(step for step in steps if step is not None)
