"""What another repository runs: the pre-commit hook's entry and the composite action's kg check step, run
as written in .pre-commit-hooks.yaml and action.yml on a folder of Turtle files, broken and not."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
MUTANT = ROOT / "tests" / "mutants" / "als-asserted-muscular-dystrophy.ttl"
HOOK = next(hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
            if hook["id"] == "kg-check")
ACTION = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
WORKFLOW = yaml.safe_load((ROOT / ".github" / "workflows" / "kg-check.yml").read_text(encoding="utf-8"))


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    """Another repository's Turtle: the project's ontology and data, copied."""
    for path in [*sorted((ROOT / "ontology").glob("*.ttl")), ROOT / "data" / "triples.ttl"]:
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


def kg_on_path(folder: Path) -> dict[str, str]:
    """An environment whose ``kg`` is this checkout's, as pip would install it."""
    bin_dir = folder.parent / f"{folder.name}-bin"
    bin_dir.mkdir()
    script = bin_dir / "kg"
    script.write_text(f"#!/bin/sh\nexec {shlex.quote(sys.executable)} -m kg \"$@\"\n", encoding="utf-8")
    script.chmod(0o755)
    return {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "PYTHONPATH": str(ROOT)}


def run_hook(folder: Path) -> subprocess.CompletedProcess[str]:
    command = [*shlex.split(HOOK["entry"]), *HOOK.get("args", [])]
    return subprocess.run(command, cwd=folder, env=kg_on_path(folder), capture_output=True, text=True, check=False)


def test_hook_runs_on_turtle_files_only() -> None:
    assert re.search(HOOK["files"], "data/triples.ttl") and not re.search(HOOK["files"], "queries/x.rq")
    assert HOOK["pass_filenames"] is False  # the graph is checked whole, not only the changed files


def test_hook_passes_a_good_graph(repository: Path) -> None:
    result = run_hook(repository)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith("kg check: 0 error(s), 0 warning(s)\n")


def test_hook_fails_a_broken_file_naming_its_line(repository: Path) -> None:
    shutil.copy(MUTANT, repository / "broken.ttl")
    result = run_hook(repository)
    assert result.returncode == 1
    assert result.stdout.startswith("kg check: 3 error(s), 0 warning(s)\n")
    assert "error  type-without-claim  " in result.stdout
    assert "    at broken.ttl:15:8\n" in result.stdout


def test_action_writes_sarif_markdown_tsv_and_the_status(repository: Path) -> None:
    shutil.copy(MUTANT, repository / "broken.ttl")
    step = next(step for step in ACTION["runs"]["steps"] if step.get("id") == "check")
    outputs, summary = repository.parent / "outputs", repository.parent / "summary"
    env = {**kg_on_path(repository), "PATHS": ".", "FAIL_ON": "error",
           "GITHUB_OUTPUT": str(outputs), "GITHUB_STEP_SUMMARY": str(summary)}
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repository, env=env, check=True)
    assert outputs.read_text(encoding="utf-8") == "status=1\n"
    results = json.loads((repository / ACTION["outputs"]["sarif"]["value"]).read_text())["runs"][0]["results"]
    assert {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results} == {"broken.ttl"}
    tsv = (repository / ACTION["outputs"]["tsv"]["value"]).read_text(encoding="utf-8")
    assert tsv.splitlines()[0] == "Level\tRule Name\tSubject\tProperty\tValue\tLocation"
    markdown = (repository / ACTION["outputs"]["markdown"]["value"]).read_text(encoding="utf-8")
    assert markdown.startswith("## kg check: 3 error(s), 0 warning(s)\n")
    assert summary.read_text(encoding="utf-8") == markdown


def test_workflow_uploads_sarif_updates_one_comment_and_fails_on_errors() -> None:
    steps = WORKFLOW["jobs"]["check"]["steps"]
    assert [s.get("uses") for s in steps][:2] == ["actions/checkout@v4", "./"]
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif@"))
    assert upload["with"]["sarif_file"] == "${{ steps.kg.outputs.sarif }}"
    comment = next(s for s in steps if "comment" in s.get("name", "").lower())["run"]
    assert "--method PATCH" in comment and "startswith(\\\"$marker\\\")" in comment
    assert "gh pr comment" not in comment
    install = next(s for s in ACTION["runs"]["steps"] if s.get("name", "").startswith("Install"))["run"]
    assert install.endswith('pip install --quiet "$ACTION_PATH"')  # the package alone, not the test extra
    assert steps[-1]["if"] == "steps.kg.outputs.status != '0'"
    assert WORKFLOW["permissions"]["security-events"] == "write"
