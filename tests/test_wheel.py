"""The package as people install it: the wheel, with no extras, in a fresh virtual environment, run from an
empty folder, sees the whole graph, its saved queries and its source documents."""

from __future__ import annotations

import json
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

REPOSITORY = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ``kg`` script of a fresh virtual environment with only the built wheel (and its dependencies),
    installed by this interpreter's pip (``--python``: bootstrapping a pip of its own took 5 s of CPU) without
    byte-compiling every dependency (3 s; the first command compiles what it imports)."""
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(base / "dist"),
                    str(REPOSITORY)], check=True, capture_output=True)
    (wheel,) = (base / "dist").glob("mnd_kg-*.whl")
    venv.create(base / "venv")
    python = base / "venv" / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--no-compile", "--quiet",
                    str(wheel)], check=True, capture_output=True)
    return base / "venv" / "bin" / "kg"


def run(kg: Path, folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(kg), *args], cwd=folder, capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(folder), "MND_KG_CACHE": "off"})


def test_the_wheel_carries_the_graph_queries_checks_and_sources(installed: Path) -> None:
    site = next((installed.parent.parent / "lib").glob("python3*/site-packages"))
    bundled = site / "kg" / "resources"
    for folder in ("ontology", "data", "queries", "queries/checks", "shapes", "sources/documents"):
        expected = sorted(p.relative_to(REPOSITORY / folder).as_posix()
                          for p in (REPOSITORY / folder).iterdir() if p.is_file())
        assert sorted(p.relative_to(bundled / folder).as_posix()
                      for p in (bundled / folder).iterdir() if p.is_file()) == expected, folder


def test_query_from_an_empty_folder_answers_as_the_checkout_does(installed: Path, tmp_path: Path) -> None:
    result = run(installed, tmp_path, "query", "cure", "--format", "json")
    assert result.returncode == 0, result.stderr
    here = CliRunner().invoke(cli, ["query", "cure", "--format", "json"])
    assert json.loads(result.stdout) == json.loads(here.output)


def test_ask_from_an_empty_folder_answers_as_the_checkout_does(installed: Path, tmp_path: Path) -> None:
    question = "Is ALS a demyelinating disease?"
    result = run(installed, tmp_path, "ask", question)
    assert result.returncode == 0, result.stderr
    assert result.stdout == CliRunner().invoke(cli, ["ask", question]).output


def test_check_from_an_empty_folder_checks_the_whole_graph_and_its_quotes(installed: Path, tmp_path: Path) -> None:
    result = run(installed, tmp_path, "check", "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    here = json.loads(CliRunner().invoke(cli, ["check", "--format", "json"]).output)
    assert report == here
    assert "quotes-verbatim" in report["checks_run"]


def test_export_from_an_empty_folder_is_byte_identical_to_the_checkout(installed: Path, tmp_path: Path) -> None:
    result = run(installed, tmp_path, "export", "--format", "nt", "-o", "graph.nt")
    assert result.returncode == 0, result.stderr
    here = tmp_path / "here.nt"
    assert CliRunner().invoke(cli, ["export", "--format", "nt", "-o", str(here)]).exit_code == 0
    assert (tmp_path / "graph.nt").read_bytes() == here.read_bytes()


def test_check_of_an_empty_graph_is_an_error_not_a_pass(installed: Path, tmp_path: Path) -> None:
    (tmp_path / "empty.ttl").write_text("# nothing here\n", encoding="utf-8")
    result = run(installed, tmp_path, "check", "empty.ttl")
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "Error: the graph has no triples: nothing to check (empty.ttl)\n"


def test_the_wheel_carries_the_query_editor_with_its_licence(installed: Path) -> None:
    site = next((installed.parent.parent / "lib").glob("python3*/site-packages"))
    static = REPOSITORY / "kg" / "serve" / "static"
    expected = sorted(p.relative_to(static).as_posix() for p in static.rglob("*") if p.is_file())
    assert expected == ["editor.js", "yasgui/LICENSE", "yasgui/README.md", "yasgui/yasgui.min.css",
                        "yasgui/yasgui.min.js"]
    for name in expected:
        assert (site / "kg" / "serve" / "static" / name).read_bytes() == (static / name).read_bytes(), name
