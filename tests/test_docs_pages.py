"""The README and the docs/ pages: every shown example runs and prints what the page shows, every command and
saved query is documented, every page the README links to exists.

A ```console block holds `$ kg ...` lines, each followed by its exact output up to the next `$ ` line; a
trailing `# exit N` names the exit code (else 0). A ```pycon block is a doctest of `import kg`.
"""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path
from typing import NamedTuple

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.graph.paths import ROOT
from kg.sparql.saved import SavedQuery

README = ROOT / "README.md"
DOCS_DIR = ROOT / "docs"
PAGES = [README, *sorted(DOCS_DIR.glob("*.md"))]
README_MAX_BYTES = 6 * 1024

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
EXIT_COMMENT = re.compile(r"\s+# exit (\d+)$")
LINK = re.compile(r"\]\((?!https?:)([^)#\s]*\.md)?(?:#([\w-]+))?\)")


class Example(NamedTuple):
    """One shown command: where it is, its arguments, the exit code and the output the page shows."""

    where: str
    command: str
    exit_code: int
    output: str


def fenced_blocks(text: str, language: str) -> list[tuple[int, str]]:
    """The (line number, body) of every fenced block in ``language``."""
    return [(text.count("\n", 0, match.start()) + 2, match.group(2))
            for match in FENCE.finditer(text) if match.group(1) == language]


def console_examples(text: str, name: str) -> list[Example]:
    """The `$ kg` examples of the console blocks in ``text``; any other `$ ` line there is an error."""
    examples = []
    for first_line, body in fenced_blocks(text, "console"):
        command: tuple[int, str] | None = None
        output: list[str] = []
        for number, line in enumerate([*body.splitlines(), "$ "], start=first_line):
            if not line.startswith("$ "):
                assert command is not None, f"{name}:{number}: output before any '$ kg' command"
                output.append(line)
                continue
            if command is not None:
                shown = EXIT_COMMENT.search(command[1])
                examples.append(Example(f"{name}:{command[0]}", EXIT_COMMENT.sub("", command[1]),
                                        int(shown.group(1)) if shown else 0,
                                        "".join(f"{out}\n" for out in output)))
            assert line == "$ " or line.startswith("$ kg "), f"{name}:{number}: a console block runs only kg"
            command, output = (number, line[2:]), []
    return examples


def all_examples() -> list[Example]:
    return [example for page in PAGES
            for example in console_examples(page.read_text(encoding="utf-8"), page.relative_to(ROOT).as_posix())]


def run_example(example: Example) -> None:
    """Run the example's command in-process, as a reader would type it at the repository root."""
    # a fixed terminal width: kg ask wraps its answer to the terminal
    result = CliRunner(env={"COLUMNS": "100"}).invoke(cli, shlex.split(example.command)[1:], prog_name="kg")
    assert (result.exit_code, result.output) == (example.exit_code, example.output), example.where


@pytest.mark.parametrize("example", all_examples(), ids=lambda example: example.where)
def test_example_prints_what_the_page_shows(example: Example, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    run_example(example)


def test_a_wrong_expected_output_or_exit_code_fails() -> None:
    page = "```console\n$ kg query no-such-query\nError: nothing\n$ kg list --names  # exit 2\naffected-neurons\n```\n"
    wrong_output, wrong_code = console_examples(page, "page.md")
    assert wrong_output == Example("page.md:2", "kg query no-such-query", 0, "Error: nothing\n")
    assert wrong_code.command == "kg list --names"
    for example in (wrong_output, wrong_code):
        with pytest.raises(AssertionError):
            run_example(example)


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_python_examples_run(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for first_line, body in fenced_blocks(text, "pycon"):
        test = doctest.DocTestParser().get_doctest(body, {}, page.name, str(page), first_line - 1)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
        runner.run(test)
        assert runner.summarize(verbose=False).failed == 0, f"{page.name}:{first_line}"


def test_readme_is_short_and_keeps_the_two_setup_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= README_MAX_BYTES
    assert 'pip install -e . && kg ask "Is ALS a demyelinating disease?"' in text
    ci_block = text.split("<!-- ci: test command -->", 1)[1].lstrip().splitlines()
    assert ci_block[0] == "```bash" and ci_block[1].startswith('pip install -e ".[test]"'), ci_block[:2]


def heading_anchors(page: Path) -> set[str]:
    """The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as hyphens."""
    headings = [line.lstrip("#").strip() for line in FENCE.sub("", page.read_text(encoding="utf-8")).splitlines()
                if line.startswith("#")]
    return {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in headings}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_relative_link_resolves_to_a_page_and_heading(page: Path) -> None:
    broken = []
    for target, anchor in LINK.findall(FENCE.sub("", page.read_text(encoding="utf-8"))):
        linked = (page.parent / target).resolve() if target else page
        if not linked.is_file() or (anchor and anchor not in heading_anchors(linked)):
            broken.append(f"{target}#{anchor}" if anchor else target)
    assert broken == [], page.name


def test_the_readme_links_every_docs_page() -> None:
    linked = {target for target, _ in LINK.findall(README.read_text(encoding="utf-8"))}
    assert {f"docs/{page.name}" for page in DOCS_DIR.glob("*.md")} <= linked


def test_every_command_has_a_section_in_a_docs_page() -> None:
    headings = "\n".join(line for page in DOCS_DIR.glob("*.md")
                         for line in FENCE.sub("", page.read_text(encoding="utf-8")).splitlines()
                         if line.startswith("#"))
    assert [name for name in cli.commands if f"`kg {name}`" not in headings] == []


def test_every_saved_query_is_in_the_query_page_with_its_questions(saved_queries: dict[str, SavedQuery]) -> None:
    rows = {line.split("|")[1].strip(" `"): line for line in (DOCS_DIR / "query.md").read_text(encoding="utf-8")
            .splitlines() if line.startswith("| `")}
    for name, query in saved_queries.items():
        assert name in rows, name
        assert [question.text for question in query.questions if question.text not in rows[name]] == [], name
