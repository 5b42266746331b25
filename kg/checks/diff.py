"""``kg diff``: the facts added and removed between two versions of the graph, asserted and inferred.

A version is a Turtle file, a folder (a project checkout, or any folder of Turtle files) or a git revision
of the project, read with ``git archive`` into a temporary folder: the working tree is never touched.
Both versions are reasoned with OWL 2 RL. Provenance (claims, citations, sources) is not listed fact by
fact: it is shown as the citations of each changed fact, and counted.
"""

from __future__ import annotations

import io
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.compare import graph_diff, to_isomorphic
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from kg.errors import InputError
from kg.graph.namespaces import MND, PROV, SRC
from kg.graph.paths import project_graph_files
from kg.graph.terms import named_by_content, term_text
from kg.reasoning.engine import ReasonedGraph, load_reasoned

Triple = tuple[Node, Node, Node]


@dataclass(frozen=True)
class Change:
    """One fact added or removed: how it is known (asserted or inferred), its labels and its citations."""

    change: str  # added | removed
    kind: str  # asserted | inferred
    triple: Triple
    names: tuple[str, str, str]
    labels: tuple[str, str, str]
    citations: tuple[str, ...]


@dataclass(frozen=True)
class Diff:
    """What changed from ``old`` to ``new``: facts in a fixed order, and the count of provenance triples."""

    old: str
    new: str
    changes: tuple[Change, ...]
    provenance_added: int
    provenance_removed: int

    def count(self, change: str, kind: str) -> int:
        return sum(c.change == change and c.kind == kind for c in self.changes)


def diff_versions(old: str, new: str, repository: Path, names: tuple[str, str] | None = None) -> Diff:
    """Load, reason and compare two versions given as paths or as git revisions of ``repository``, named by
    ``names`` (default: as given)."""
    return diff_graphs(load_version(old, repository), load_version(new, repository), *(names or (old, new)))


def load_version(spec: str, repository: Path) -> ReasonedGraph:
    """A file or folder if ``spec`` names one, else a git revision of ``repository``: read and reasoned as every
    command reads a graph (Oxigraph's parser when installed: rdflib's took 49 s for a literal of 400,000 lines)."""
    path = Path(spec)
    if path.exists():
        return load_reasoned(_graph_files(path))
    return _load_revision(spec, repository)


def diff_graphs(old_version: ReasonedGraph, new_version: ReasonedGraph, old_name: str, new_name: str) -> Diff:
    """Compare the asserted facts (blank nodes matched by canonical labelling) and the inferred facts."""
    old, new = old_version.asserted, new_version.asserted
    old_facts, old_provenance = _split(old)
    new_facts, new_provenance = _split(new)
    old_named, new_named = named_by_content(old_facts), named_by_content(new_facts)
    if old_named is None or new_named is None:
        old_named, new_named = (set(canonical) for canonical in graph_diff(to_isomorphic(old_facts),
                                                                          to_isomorphic(new_facts))[1:])
    removed, added = old_named - new_named, new_named - old_named
    old_inferred, new_inferred = old_version.inferred, new_version.inferred
    old_inferred_facts, new_inferred_facts = _split(old_inferred)[0], _split(new_inferred)[0]
    changes = [
        *(_change("added", "asserted", t, new) for t in added),
        *(_change("removed", "asserted", t, old) for t in removed),
        *(_change("added", "inferred", t, new) for t in set(new_inferred_facts) - set(old_inferred_facts)),
        *(_change("removed", "inferred", t, old) for t in set(old_inferred_facts) - set(new_inferred_facts)),
    ]
    order = {"added": 0, "removed": 1, "asserted": 0, "inferred": 1}
    changes.sort(key=lambda c: (order[c.kind], order[c.change], *(term.n3() for term in c.triple)))
    return Diff(old_name, new_name, tuple(changes), len(set(new_provenance) - set(old_provenance)),
                len(set(old_provenance) - set(new_provenance)))


def name(term: Node, graph: Graph) -> str:
    """A term as written in Turtle, with the project's prefixes (a blank node by a short stable label)."""
    if isinstance(term, BNode):
        return "_:" + str(term)[-8:]
    return term_text(term, graph, "turtle")


def label(term: Node, graph: Graph) -> str:
    """A term as people read it: its rdfs:label, else its prefixed name; 'is a' for rdf:type."""
    if term == RDF.type:
        return "is a"
    if isinstance(term, BNode):
        return "[]"
    name = graph.value(term, RDFS.label) if isinstance(term, URIRef) else None
    return str(name) if name is not None else term_text(term, graph)


def _split(graph: Graph) -> tuple[Graph, Graph]:
    """The facts, and the provenance: triples about claims, citations and sources (the src: namespace)."""
    facts, provenance = Graph(), Graph()
    for triple in graph:
        (provenance if str(triple[0]).startswith(str(SRC)) else facts).add(triple)
    return facts, provenance


def _change(change: str, kind: str, triple: Triple, graph: Graph) -> Change:
    names = (name(triple[0], graph), name(triple[1], graph), name(triple[2], graph))
    labels = (label(triple[0], graph), label(triple[1], graph), label(triple[2], graph))
    citations = _citations(triple, graph) if kind == "asserted" else ()
    return Change(change, kind, triple, names, labels, citations)


def _citations(triple: Triple, graph: Graph) -> tuple[str, ...]:
    """The quotes behind a fact: those of the claims that reify it, or of the cited statement it is part of."""
    subject, predicate, obj = triple
    claims = {c for c in graph.subjects(RDF.subject, subject)
              if (c, RDF.predicate, predicate) in graph and (c, RDF.object, obj) in graph}
    if any(graph.objects(subject, PROV.wasDerivedFrom)):  # a cited n-ary statement carries its citations
        claims.add(subject)
    citations = {citation for claim in claims for citation in graph.objects(claim, PROV.wasDerivedFrom)}
    described = []
    for citation in citations:
        document = graph.value(citation, PROV.wasQuotedFrom)
        quote = graph.value(citation, MND.quote)
        if document is not None and quote is not None:
            described.append(f'{graph.value(document, MND.fileName) or document}: "{quote}"')
    return tuple(sorted(described))


def _graph_files(path: Path) -> list[Path]:
    """A project checkout's graph files, or the path itself (a Turtle file or a folder of them)."""
    if path.is_dir() and (path / "ontology").is_dir() and (path / "data").is_dir():
        return project_graph_files(path)
    return [path]


def _load_revision(revision: str, repository: Path) -> ReasonedGraph:
    if revision.startswith("-") or not _is_revision(revision, repository):
        raise InputError("not a file, folder or git revision", revision)
    archive = subprocess.run(["git", "-C", str(repository), "archive", "--format=tar", revision, "--",
                              "ontology", "data"], capture_output=True, check=False)
    if archive.returncode != 0:
        raise InputError("git revision has no ontology/ and data/ folders", revision)
    with tempfile.TemporaryDirectory(prefix="kg-diff-") as folder, \
            tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        try:
            if hasattr(tarfile, "data_filter"):
                tar.extractall(folder, filter="data")
            else:  # Python without extraction filters; git archive output has no absolute or parent paths
                tar.extractall(folder)
        except tarfile.FilterError as error:  # a committed symlink pointing out of the folder, say
            member = error.tarinfo.name
            raise InputError(f"the revision commits {member}, which cannot be read safely: {error}",
                             f"{revision}:{member}") from error
        return load_reasoned(project_graph_files(Path(folder)), cache=False)


def _is_revision(revision: str, repository: Path) -> bool:
    try:
        result = subprocess.run(["git", "-C", str(repository), "rev-parse", "--verify", "--quiet",
                                 f"{revision}^{{commit}}"], capture_output=True, check=False)
    except FileNotFoundError:
        return False
    return result.returncode == 0
