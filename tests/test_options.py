"""One vocabulary of options across every kg command: the format names, their old spellings, -h, and `-`."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import cli
from kg.cli.options import DEPRECATED, SHARED_FORMATS, SYNONYMS, VOCABULARY

DIFF_DIR = Path(__file__).parent / "diff"

# each command, the arguments it needs, and the --format names it takes (the rest of the vocabulary it refuses)
COMMAND_FORMATS = {
    ("query", "cure"): ("text", "json", "csv", "tsv", "markdown"),
    ("sparql", "ASK {}"): ("text", "json", "csv", "tsv", "markdown"),
    ("ask", "Is ALS painless?"): ("text", "json"),
    ("list",): ("text", "json"),
    ("check",): ("text", "json", "markdown", "tsv", "sarif"),
    ("diff", "a.ttl", "b.ttl"): ("text", "tsv", "markdown"),
    ("export",): ("turtle", "nt", "nquads", "trig", "jsonld"),
}
# the commands without --format: their output is a fixed kind (an explanation, a page, a server, a load report)
NO_FORMAT = ("explain", "serve", "docs", "load")


def run(*args: str, input: str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), prog_name="kg", input=input)


def parsed(args: tuple[str, ...]) -> dict:
    """The parameters click parses from ``kg ARGS`` (the command is not run)."""
    with cli.make_context("kg", list(args)) as parent, \
            cli.commands[args[0]].make_context(args[0], list(args[1:]), parent=parent) as ctx:
        return ctx.params


def test_every_command_is_listed_here() -> None:
    assert {args[0] for args in COMMAND_FORMATS} | set(NO_FORMAT) == set(cli.commands)


def test_every_format_name_is_from_the_vocabulary() -> None:
    for formats in COMMAND_FORMATS.values():
        assert set(formats) <= set(VOCABULARY)
    assert set(DEPRECATED.values()) <= set(SHARED_FORMATS)


@pytest.mark.parametrize(("args", "fmt"), [(args, fmt) for args, formats in COMMAND_FORMATS.items()
                                           for fmt in formats])
def test_each_command_accepts_its_format_names(args: tuple[str, ...], fmt: str) -> None:
    assert parsed((*args, "--format", fmt))["fmt"] == fmt


@pytest.mark.parametrize("args", list(COMMAND_FORMATS), ids=[args[0] for args in COMMAND_FORMATS])
def test_each_command_refuses_the_other_names_in_one_line(args: tuple[str, ...]) -> None:
    offered = COMMAND_FORMATS[args]
    listed = ", ".join(f"'{name}'" for name in offered)
    for fmt in [name for name in VOCABULARY if name not in offered] + ["xml"]:
        result = run(*args, "--format", fmt)
        assert result.exit_code == 2
        assert result.stdout == ""
        assert result.stderr == (f"Error: Invalid value for '--format': '{fmt}' is not one of {listed} "
                                 f"(kg {args[0]}; see 'kg {args[0]} --help')\n")


@pytest.mark.parametrize("command", NO_FORMAT)
def test_commands_without_format_refuse_it(command: str) -> None:
    result = run(command, "--format", "text")
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: No such option '--format'")  # serve adds: Did you mean '--port'?
    assert result.stderr.endswith(f" (kg {command}; see 'kg {command} --help')\n")
    assert result.stderr.count("\n") == 1


def test_help_lists_only_the_current_names() -> None:
    help_text = run("query", "--help").output
    assert "[text|json|csv|tsv|markdown]" in help_text
    assert "table|" not in help_text and "|md" not in help_text
    assert "--json" not in run("ask", "--help").output


def test_ntriples_is_another_name_for_nt() -> None:
    assert SYNONYMS == {"ntriples": "nt"}
    assert parsed(("export", "--format", "ntriples"))["fmt"] == "nt"
    assert parsed(("export", "--format", "ntriples"))["fmt"] == parsed(("export", "--format", "nt"))["fmt"]


@pytest.mark.parametrize(("old", "new"), [
    (("query", "comparison-chart", "--format", "md"), ("query", "comparison-chart", "--format", "markdown")),
    (("query", "cure", "--format", "table"), ("query", "cure", "--format", "text")),
    (("sparql", "ASK {}", "--format", "table"), ("sparql", "ASK {}", "--format", "text")),
    (("diff", str(DIFF_DIR / "old.ttl"), str(DIFF_DIR / "new.ttl"), "--format", "md"),
     ("diff", str(DIFF_DIR / "old.ttl"), str(DIFF_DIR / "new.ttl"), "--format", "markdown")),
    (("list", "--json"), ("list", "--format", "json")),
    (("ask", "Is ALS painless?", "--json", "--no-supplement"),
     ("ask", "Is ALS painless?", "--format", "json", "--no-supplement")),
], ids=["md", "table", "sparql-table", "diff-md", "list-json", "ask-json"])
def test_old_spellings_give_the_same_output_and_one_warning(old: tuple[str, ...], new: tuple[str, ...]) -> None:
    before, after = run(*old), run(*new)
    assert (before.exit_code, after.exit_code) == (0, 0), before.output
    assert before.stdout == after.stdout
    spelled = "--json" if "--json" in old else f"--format {old[old.index('--format') + 1]}"
    replacement = "--format json" if "--json" in old else f"--format {new[new.index('--format') + 1]}"
    assert before.stderr == f"Warning: {spelled} is deprecated; use {replacement}\n"
    assert after.stderr == ""


@pytest.mark.parametrize("command", [(), *((name,) for name in sorted(cli.commands))],
                         ids=["kg", *sorted(cli.commands)])
def test_h_is_help(command: tuple[str, ...]) -> None:
    short, long = run(*command, "-h"), run(*command, "--help")
    assert (short.exit_code, long.exit_code) == (0, 0)
    assert short.output == long.output
    assert "-h, --help" in long.output
