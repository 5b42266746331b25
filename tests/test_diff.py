"""kg diff: facts added and removed between two versions, asserted and inferred, with labels and citations."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.checks.diff import diff_graphs, diff_versions
from kg.checks.diff_report import format_diff
from kg.cli import cli
from kg.errors import InputError
from kg.graph import load_graph
from kg.graph.paths import ONTOLOGY_DIR
from kg.reasoning.engine import ReasonedGraph, reason_graph

HERE = Path(__file__).resolve().parent / "diff"
OLD, NEW = HERE / "old.ttl", HERE / "new.ttl"

TEXT = '''kg diff old.ttl -> new.ttl
asserted: +4 -1; inferred: +3 -0; provenance (claims, citations, sources): +8 -0 triples

Asserted facts added (4):
+ kg:X rdfs:label "X disease"@en
    X disease | rdfs:label | X disease
+ kg:X mnd:hasPrimaryPathology kg:p
    X disease | has primary pathology | loss of myelin
    cited: x.txt: "X destroys myelin first."
+ kg:p rdf:type mnd:Demyelination
    loss of myelin | is a | demyelination
+ kg:p rdfs:label "loss of myelin"@en
    loss of myelin | rdfs:label | loss of myelin

Asserted facts removed (1):
- kg:X rdfs:label "disease X"@en
    disease X | rdfs:label | disease X

Inferred facts added (3):
+ kg:X rdf:type mnd:DemyelinatingDisease
    X disease | is a | demyelinating disease
    derived by the OWL 2 RL reasoner
+ kg:p rdf:type mnd:PathologicalProcess
    loss of myelin | is a | pathological process
    derived by the OWL 2 RL reasoner
+ kg:p rdf:type mnd:PrimaryPathology
    loss of myelin | is a | primary pathology
    derived by the OWL 2 RL reasoner
'''


def reasoned(data: Path) -> ReasonedGraph:
    """The ontology and ``data`` read by rdflib's parser: the files kg diff reads with Oxigraph's, another way."""
    return reason_graph(load_graph([ONTOLOGY_DIR, data]))


@pytest.fixture(scope="module")
def diff():
    return diff_graphs(reasoned(OLD), reasoned(NEW), "old.ttl", "new.ttl")


def test_text_lists_asserted_and_inferred_changes_with_labels_and_citations(diff) -> None:
    assert format_diff(diff, "text") == TEXT


def test_tsv_has_one_row_per_change_with_full_iris(diff) -> None:
    lines = format_diff(diff, "tsv").splitlines()
    assert lines[0].split("\t") == ["change", "kind", "subject", "predicate", "object", "subject_label",
                                    "predicate_label", "object_label", "citations"]
    assert lines[2].split("\t") == [
        "added", "asserted", "<https://w3id.org/mnd-kg/resource/X>",
        "<https://w3id.org/mnd-kg/ontology#hasPrimaryPathology>", "<https://w3id.org/mnd-kg/resource/p>",
        "X disease", "has primary pathology", "loss of myelin", 'x.txt: "X destroys myelin first."']
    assert [line.split("\t")[:2] for line in lines[1:]] == [["added", "asserted"]] * 4 + [
        ["removed", "asserted"]] + [["added", "inferred"]] * 3


def test_markdown_is_a_pull_request_comment(diff) -> None:
    text = format_diff(diff, "markdown")
    assert text.startswith("### Knowledge graph diff: `old.ttl` → `new.ttl`\n\n| | asserted | inferred |\n")
    assert "| added | 4 | 3 |\n| removed | 1 | 0 |\n" in text
    assert "<details><summary>Inferred facts added (3)</summary>" in text
    assert ("| X disease (`kg:X`) | has primary pathology (`mnd:hasPrimaryPathology`) | loss of myelin (`kg:p`) "
            '| x.txt: "X destroys myelin first." |') in text
    assert "| disease X (`kg:X`) | rdfs:label | disease X |  |" in text


def test_no_change_says_so(diff) -> None:
    same = diff_graphs(reasoned(OLD), reasoned(OLD), "a", "b")
    assert format_diff(same, "text").splitlines()[1:] == [
        "asserted: +0 -0; inferred: +0 -0; provenance (claims, citations, sources): +0 -0 triples",
        "No fact changed."]


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project-shaped git repository with two commits: OLD's data, then NEW's."""
    root = tmp_path_factory.mktemp("repo")
    _git(root, "init", "-q")
    shutil.copytree(ONTOLOGY_DIR, root / "ontology")
    (root / "data").mkdir()
    for data in (OLD, NEW):
        shutil.copy(data, root / "data" / "triples.ttl")
        _git(root, "add", "-A")
        _git(root, "commit", "-q", "-m", data.name)
    return root


def _git(root: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(root), "-c", "user.name=kg", "-c", "user.email=kg@example.org", *args],
                   check=True)


def test_git_revisions_diff_like_the_files_and_leave_the_working_tree_alone(repository: Path, diff) -> None:
    (repository / "data" / "triples.ttl").write_text("not even Turtle", encoding="utf-8")
    by_revision = diff_versions("HEAD~1", "HEAD", repository)
    assert by_revision.changes == diff.changes
    assert (repository / "data" / "triples.ttl").read_text(encoding="utf-8") == "not even Turtle"


def test_a_revision_committing_a_symlink_out_of_the_project_is_an_input_error(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    shutil.copytree(ONTOLOGY_DIR, root / "ontology")
    (root / "data").mkdir()
    shutil.copy(OLD, root / "data" / "triples.ttl")
    (root / "data" / "passwords.ttl").symlink_to("/etc/passwd")
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "a symlink")
    with pytest.raises(InputError) as raised:
        diff_versions("HEAD", "HEAD", root)
    assert str(raised.value) == ("the revision commits data/passwords.ttl, which cannot be read safely: "
                                 "'data/passwords.ttl' is a link to an absolute path (HEAD:data/passwords.ttl)")


def test_project_checkout_folders_are_compared_as_projects(tmp_path: Path, diff) -> None:
    for name, data in (("a", OLD), ("b", NEW)):
        shutil.copytree(ONTOLOGY_DIR, tmp_path / name / "ontology")
        (tmp_path / name / "data").mkdir()
        shutil.copy(data, tmp_path / name / "data" / "triples.ttl")
    assert diff_versions(str(tmp_path / "a"), str(tmp_path / "b"), tmp_path).changes == diff.changes


def test_unknown_revision_is_an_input_error(repository: Path) -> None:
    with pytest.raises(InputError, match="not a file, folder or git revision"):
        diff_versions("no-such-revision", "HEAD", repository)
    result = CliRunner().invoke(cli, ["diff", "no-such-revision", "HEAD"])
    assert result.exit_code == 2
    assert result.output == "Error: not a file, folder or git revision (no-such-revision)\n"


def test_command_output_is_stable_and_exits_zero_on_a_difference() -> None:
    runner = CliRunner()
    first = runner.invoke(cli, ["diff", str(OLD), str(NEW), "--format", "markdown"])
    assert first.exit_code == 0
    assert first.output == runner.invoke(cli, ["diff", str(OLD), str(NEW), "--format", "markdown"]).output


def test_output_is_byte_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Blank nodes of the ontology and set order must not leak into the output."""
    import os
    import sys

    for name, data in (("a", OLD), ("b", NEW)):
        shutil.copytree(ONTOLOGY_DIR, tmp_path / name / "ontology")
        (tmp_path / name / "data").mkdir()
        shutil.copy(data, tmp_path / name / "data" / "triples.ttl")
    outputs = set()
    for seed in ("1", "2"):
        completed = subprocess.run([sys.executable, "-m", "kg", "diff", "a", "b", "--format", "markdown"], cwd=tmp_path,
                                   capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, check=True)
        outputs.add(completed.stdout)
    assert len(outputs) == 1
