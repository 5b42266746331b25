"""The package's shape: a library API whose example runs, stage subpackages that name their role, no import
cycles (function-level imports included: a lazy import that closes a circle is still a circle)."""

from __future__ import annotations

import ast
import doctest
import re
import sys
from pathlib import Path

import pytest

import kg

PACKAGE = Path(kg.__file__).parent
STAGES = ("graph", "reasoning", "sparql", "answers", "checks", "stores", "serve", "cli")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def kg_imports(path: Path, modules: set[str]) -> set[str]:
    """The kg modules ``path`` imports anywhere except under ``if TYPE_CHECKING:``."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                continue
            if isinstance(child, ast.ImportFrom) and child.module and child.module.split(".")[0] == "kg":
                for alias in child.names:
                    dotted = f"{child.module}.{alias.name}"
                    found.add(dotted if dotted in modules else child.module)
            elif isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names if alias.name.split(".")[0] == "kg")
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found & modules


def import_cycles() -> list[list[str]]:
    """Strongly connected groups of two or more modules in the import graph (Tarjan)."""
    files = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph = {name: kg_imports(path, set(files)) - {name} for name, path in files.items()}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for name in sorted(graph):
        if name not in index:
            connect(name)
    return cycles


def test_no_import_cycles() -> None:
    assert import_cycles() == []


def test_the_cycle_finder_finds_a_cycle(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The test above can fail: two modules that import each other (one lazily) are reported."""
    package = tmp_path / "kg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a.py").write_text("from kg.b import x\n")
    (package / "b.py").write_text("def x():\n    from kg import a\n")
    (package / "c.py").write_text("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kg import a\n")
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    assert import_cycles() == [["kg.a", "kg.b"]]


def test_each_stage_is_a_subpackage_that_names_its_role() -> None:
    for stage in STAGES:
        init = PACKAGE / stage / "__init__.py"
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8")))
        assert doc and "\n" not in doc.strip(), f"kg/{stage}/__init__.py needs a one-line docstring naming its role"
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py", "errors.py", "worker.py"]


def test_the_library_example_runs() -> None:
    """The example in kg's docstring is what `import kg` does; it runs as written."""
    failures, tried = doctest.testmod(kg, optionflags=doctest.ELLIPSIS)
    assert (failures, tried > 4) == (0, True)


_QUERY_TEXT = re.compile(
    r"\b(SELECT|CONSTRUCT|DESCRIBE)\b\s*(\*|\?\w+|\{|\(|DISTINCT|REDUCED|WHERE)|\bASK\s*(\{|WHERE)")


def sparql_in_strings(source: str) -> list[int]:
    """Lines of string constants (f-strings included) that hold a SPARQL query."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value for part in node.values
                           if isinstance(part, ast.Constant) and isinstance(part.value, str))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            text = node.value
        else:
            continue
        if _QUERY_TEXT.search(text):
            lines.append(node.lineno)
    return sorted(set(lines))


def test_sparql_lives_in_rq_files() -> None:
    """No module builds a query in a string: each is a .rq file beside the code that runs it (docstrings,
    which may name a form in prose, are the modules' own and are not queries)."""
    package = Path(kg.__file__).parent
    found = {}
    for path in sorted(package.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        docstrings = {n.body[0].value.lineno for n in ast.walk(ast.parse(source))
                      if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                      and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        if lines := sorted(set(sparql_in_strings(source)) - docstrings):
            found[str(path.relative_to(package))] = lines
    assert found == {}


def test_the_query_finder_finds_a_query_in_a_string() -> None:
    assert sparql_in_strings('Q = f"SELECT ?s WHERE {{ ?s ?p <{x}> }}"\nR = "selected items"\n') == [1]
