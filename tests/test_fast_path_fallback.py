"""Without the fast engines every command gives the same output, from rdflib and owlrl (tests/differential.py)."""

from __future__ import annotations

import json
import sys

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.cli import commands as kg_commands
from kg.graph import turtle_files
from kg.graph.paths import ONTOLOGY_DIR, default_graph_files
from kg.reasoning import fast_reason
from kg.reasoning.engine import fast_available, load_reasoned
from kg.reasoning.reason import Reasoned
from tests.differential import MUTANTS_DIR, NEEDS_FAST_ENGINES

pytestmark = NEEDS_FAST_ENGINES

# a small graph whose check finds an unsatisfiable class, a disjointness clash's premises missing and the like:
# the project's graph passes every check on both engines (tests/test_fast_path.py), this one fails several
BROKEN = [str(ONTOLOGY_DIR), str(MUTANTS_DIR / "unsatisfiable-class.ttl"),
          str(MUTANTS_DIR / "als-asserted-muscular-dystrophy.ttl")]


def test_without_the_fast_engines_every_command_answers_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
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
        assert isinstance(load_reasoned([ONTOLOGY_DIR]), Reasoned)
        # the project's graph reasoned by owlrl (6 s of CPU) once for both queries, here: each command works in a
        # child process forked from this one, which finds it
        project, project_files = load_reasoned(default_graph_files()), turtle_files(default_graph_files())
        assert isinstance(project, Reasoned)
        patch.setattr(kg_commands, "load_reasoned", lambda paths, cache=True: project
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


