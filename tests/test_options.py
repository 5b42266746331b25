"""One vocabulary of options across every kg command: the format names, their old spellings, -h, and `-`."""

from __future__ import annotations

import json
import os
import pty
import re
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg import worker
from kg.cli import cli
from kg.cli.options import DEPRECATED, SHARED_FORMATS, SYNONYMS, VOCABULARY
from kg.sparql.limits import Limits
from kg.sparql.saved import load_saved_queries

DIFF_DIR = Path(__file__).parent / "diff"

# each command, the arguments it needs, and the --format names it takes (the rest of the vocabulary it refuses)
COMMAND_FORMATS = {
    ("query", "cure"): ("text", "json", "csv", "tsv", "markdown", "turtle", "nt"),
    ("sparql", "ASK {}"): ("text", "json", "csv", "tsv", "markdown", "turtle", "nt"),
    ("ask", "Is ALS painless?"): ("text", "json"),
    ("list",): ("text", "json"),
    ("check",): ("text", "json", "markdown", "tsv", "sarif"),
    ("diff", "a.ttl", "b.ttl"): ("text", "json", "tsv", "markdown"),
    ("export",): ("turtle", "nt", "nquads", "trig", "jsonld"),
    ("explain", "ALS"): ("text", "json"),
    ("load", "--store", "http://127.0.0.1:9/store"): ("text", "json"),
}
# the commands without --format: one writes a page, the other serves
NO_FORMAT = ("serve", "docs")


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
    assert "[text|json|csv|tsv|markdown|turtle|nt]" in help_text
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


QUERIES_DIR = Path(__file__).resolve().parents[1] / "queries"


def test_query_by_path_or_stdin_equals_by_name_byte_for_byte() -> None:
    by_name = run("query", "cure", "--format", "csv")
    by_path = run("query", str(QUERIES_DIR / "cure.rq"), "--format", "csv")
    by_stdin = run("query", "-", "--format", "csv", input=(QUERIES_DIR / "cure.rq").read_text(encoding="utf-8"))
    assert by_name.exit_code == 0 and by_name.stdout.startswith("disease,name,verdict,evidence,value,citation\n")
    assert by_path.stdout_bytes == by_name.stdout_bytes
    assert by_stdin.stdout_bytes == by_name.stdout_bytes


@pytest.mark.parametrize(("argument", "content", "error"), [
    ("{tmp}/absent.rq", None, "Error: no such query file ({tmp}/absent.rq)"),
    ("absent.rq", None, "Error: no such query file (absent.rq)"),
    ("{tmp}", None, "Error: not a query file but a folder ({tmp})"),
    ("{tmp}/plain.rq", "ASK {}\n", "Error: no '#+' header at the top of the file: not a saved query (kg sparql --file "
                                   "runs any query) ({tmp}/plain.rq:1)"),
    ("{tmp}/notes.txt", "some notes\n", "Error: no '#+' header at the top of the file: not a saved query (kg sparql "
                                        "--file runs any query) ({tmp}/notes.txt:1)"),
    ("-", "ASK {}\n", "Error: no '#+' header at the top of the file: not a saved query (kg sparql --file runs any "
                      "query) (<stdin>:1)"),
    ("no-such-query", None, f"Error: no saved query named 'no-such-query' (see 'kg list --names') ({QUERIES_DIR})"),
], ids=["missing-path", "missing-relative", "folder", "plain-sparql", "not-a-query", "stdin-plain-sparql",
        "unknown-name"])
def test_a_query_that_is_not_there_or_not_a_query_is_one_line(tmp_path: Path, argument: str, content: str | None,
                                                                error: str) -> None:
    argument = argument.replace("{tmp}", str(tmp_path))
    if content is not None and argument != "-":
        Path(argument).write_text(content, encoding="utf-8")
    result = run("query", argument, input=content if argument == "-" else None)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error.replace("{tmp}", str(tmp_path)) + "\n")


def test_sparql_reads_its_query_from_stdin() -> None:
    ask = "ASK { <https://w3id.org/mnd-kg/resource/ALS> a <https://w3id.org/mnd-kg/ontology#MotorNeuronDisease> }"
    assert run("sparql", "--file", "-", input=ask).stdout == "true\n"
    assert run("sparql", "-", input=ask).stdout == "true\n"
    broken = run("sparql", "--file", "-", input="ASK {")
    assert (broken.exit_code, broken.stderr) == (
        2, "Error: invalid SPARQL query: line 1, column 6: unexpected end of text (<stdin>)\n")


ONTOLOGY_DIR = Path(__file__).resolve().parents[1] / "ontology"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/mnd-kg/graph/asserted> { ?s ?p ?o } }"


def test_graph_from_stdin_is_the_same_graph_as_from_its_file(tmp_path: Path) -> None:
    turtle = "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n"
    (tmp_path / "g.ttl").write_text(turtle, encoding="utf-8")
    from_file = run("sparql", COUNT, "--graph", str(ONTOLOGY_DIR), "--graph", str(tmp_path / "g.ttl"),
                    "--format", "csv")
    from_stdin = run("sparql", COUNT, "--graph", str(ONTOLOGY_DIR), "--graph", "-", "--format", "csv", input=turtle)
    assert from_stdin.exit_code == 0, from_stdin.output
    assert from_stdin.stdout == from_file.stdout
    ontology_only = run("sparql", COUNT, "--graph", str(ONTOLOGY_DIR), "--format", "csv").stdout.split()[1]
    assert int(from_stdin.stdout.split()[1]) == int(ontology_only) + 2
    exported = run("export", "--graph", "-", "--format", "nt", input=turtle)
    assert exported.stdout == "<urn:a> <urn:b> <urn:c> .\n<urn:a> <urn:b> <urn:d> .\n"


@pytest.mark.parametrize(("args", "turtle", "error"), [
    (("sparql", "ASK {}", "--graph", "-"), "<urn:a> <urn:b> .\n",
     "Error: malformed Turtle: objectList expected (<stdin>:1:16)"),
    (("export", "--graph", "-"), "", "Error: empty graph file (0 bytes): a graph file holds at least one triple "
                                     "(<stdin>)"),
    (("check", "-"), "@prefix ex: <http://example.org/> .\n",
     "Error: the graph has no triples: nothing to check (<stdin>)"),
], ids=["malformed", "empty", "check-no-triples"])
def test_errors_in_stdin_name_it(args: tuple[str, ...], turtle: str, error: str) -> None:
    result = run(*args, input=turtle)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", error + "\n")


def test_check_places_findings_in_stdin() -> None:
    turtle = ("@prefix mnd: <https://w3id.org/mnd-kg/ontology#> .\n@prefix kg: <https://w3id.org/mnd-kg/resource/> .\n"
              "\nkg:X a mnd:Disease .\n")
    result = run("check", str(ONTOLOGY_DIR), "-", "--format", "tsv", "--fail-on", "none", input=turtle)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.stdout.splitlines() if "<stdin>" in line]
    assert rows == [
        ["ERROR", "disease-without-label", "kg:X", "", "", "<stdin>:4:1"],
        ["ERROR", "disease-without-pathology", "kg:X", "", "", "<stdin>:4:1"],
        ["ERROR", "entity-without-label", "kg:X", "", "", "<stdin>:4:1"],
        ["ERROR", "type-without-claim", "kg:X", "rdf:type", "mnd:Disease", "<stdin>:4:6"]]


def test_query_help_lists_the_saved_queries_with_their_first_question() -> None:
    help_text = run("query", "--help").stdout
    section = help_text[help_text.index("Saved queries (kg list shows their questions and parameters):"):]
    listed = " ".join(section.split()[9:])  # the titles wrapped to the terminal, unwrapped
    queries = load_saved_queries(QUERIES_DIR).values()
    assert listed == " ".join(f"{query.name} {query.questions[0].text}" for query in queries)


def test_the_shell_completes_saved_query_names() -> None:
    def complete(shell: str, words: str) -> str:
        env = {**os.environ, "_KG_COMPLETE": f"{shell}_complete", "COMP_WORDS": words,
               "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
        return subprocess.run([sys.executable, "-m", "kg"], env=env, capture_output=True, text=True,
                              check=True).stdout

    assert complete("bash", "kg query is-") == ("plain,is-demyelinating\nplain,is-muscular-dystrophy\n"
                                               "plain,is-neuromuscular\nplain,is-painless\n")
    assert complete("zsh", "kg query cu") == "plain\ncure\nCan ALS be cured?\n"
    assert complete("bash", "kg query ./q") == "file,./q\n"
    assert complete("bash", "kg query --format m") == "plain,markdown\n"


def test_completion_reads_the_queries_folder_given_before(tmp_path: Path) -> None:
    (tmp_path / "my-question.rq").write_text('#+ summary: "Mine"\n#+ questions: ["Is it mine?"]\nASK {}\n',
                                             encoding="utf-8")
    words = f"kg query --queries {tmp_path} my"
    env = {**os.environ, "_KG_COMPLETE": "zsh_complete", "COMP_WORDS": words, "COMP_CWORD": "4"}
    completed = subprocess.run([sys.executable, "-m", "kg"], env=env, capture_output=True, text=True, check=True)
    assert completed.stdout == "plain\nmy-question\nIs it mine?\n"


@pytest.mark.parametrize("args", [("export", "--graph", str(ONTOLOGY_DIR), "-o"), ("docs", "-o")],
                         ids=["export", "docs"])
def test_files_are_written_with_the_umask_and_keep_a_replaced_files_mode(tmp_path: Path,
                                                                          args: tuple[str, ...]) -> None:
    def write(path: Path) -> None:
        subprocess.run([sys.executable, "-m", "kg", *args, str(path)], preexec_fn=lambda: os.umask(0o027),
                       capture_output=True, check=True)

    new, existing = tmp_path / "new.out", tmp_path / "existing.out"
    existing.write_bytes(b"old\n")
    existing.chmod(0o604)
    write(new)
    write(existing)
    assert stat.S_IMODE(new.stat().st_mode) == 0o640
    assert stat.S_IMODE(existing.stat().st_mode) == 0o604
    assert existing.read_bytes() == new.read_bytes() != b"old\n"


def slept(seconds: float) -> str:
    """Work that takes ``seconds``."""
    time.sleep(seconds)
    return "done"


def on_a_terminal(monkeypatch: pytest.MonkeyPatch, work: Callable[[], object]) -> str:
    """What ``work`` writes to standard error when it is a terminal (a pseudo-terminal), to its end."""
    controller, terminal_fd = pty.openpty()
    with os.fdopen(terminal_fd, "w") as terminal:
        monkeypatch.setattr(sys, "stderr", terminal)
        work()
    shown = ""
    while True:  # everything written, then EIO: the terminal's side is closed (a single read can stop short)
        try:
            shown += os.read(controller, 65536).decode()
        except OSError:
            break
    os.close(controller)
    return shown


def test_progress_shows_on_a_terminal_and_is_erased(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "PROGRESS_DELAY", 0.1)  # instead of 2 s, so that a short work shows it
    answers = []
    shown = on_a_terminal(monkeypatch, lambda: answers.append(
        worker.run_limited(lambda: slept(1), Limits(30, memory=1024), "kg check", "checking")))
    assert answers == ["done"]
    assert re.fullmatch(r"(\r[|/\\-] checking\.\.\. \d+ s *)+\r +\r", shown), repr(shown)


def test_progress_of_work_in_this_process_shows_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(worker, "PROGRESS_DELAY", 0.1)

    def load() -> None:
        with worker.progress_shown("loading"):
            slept(1)

    shown = on_a_terminal(monkeypatch, load)
    assert re.fullmatch(r"(\r[|/\\-] loading\.\.\. \d+ s *)+\r +\r", shown), repr(shown)


def test_progress_is_never_written_to_a_pipe_or_a_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(worker, "PROGRESS_DELAY", 0.0)
    with (tmp_path / "stderr").open("w") as file:
        monkeypatch.setattr(sys, "stderr", file)
        assert worker.run_limited(lambda: slept(0.5), Limits(30, memory=1024), "kg", "work") == "done"
        with worker.progress_shown("work"):
            slept(0.5)
    assert (tmp_path / "stderr").read_text() == ""


def test_a_constructed_graph_is_written_in_the_rdf_format_named() -> None:
    construct = ("CONSTRUCT WHERE { <https://w3id.org/mnd-kg/resource/ALS> a "
                 "<https://w3id.org/mnd-kg/ontology#MotorNeuronDisease> }")
    triple = ("<https://w3id.org/mnd-kg/resource/ALS> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
              "<https://w3id.org/mnd-kg/ontology#MotorNeuronDisease> .\n")
    assert run("sparql", construct, "--format", "nt").stdout == triple
    assert run("sparql", construct, "--format", "ntriples").stdout == triple
    turtle = run("sparql", construct, "--format", "turtle").stdout
    assert turtle == run("sparql", construct, "--format", "text").stdout
    assert turtle == ("@prefix kg: <https://w3id.org/mnd-kg/resource/> .\n"
                      "@prefix mnd: <https://w3id.org/mnd-kg/ontology#> .\n\nkg:ALS a mnd:MotorNeuronDisease .\n\n")
    table = run("sparql", "ASK {}", "--format", "turtle")
    assert (table.exit_code, table.stdout, table.stderr) == (
        2, "", "Error: turtle is for the graph of a CONSTRUCT or DESCRIBE query; ASK results take text, json, "
               "csv, tsv or markdown (--format)\n")


def test_diff_json_holds_the_tsv_rows_and_the_summary_counts() -> None:
    old, new = str(DIFF_DIR / "old.ttl"), str(DIFF_DIR / "new.ttl")
    document = json.loads(run("diff", old, new, "--format", "json").stdout)
    header, *rows = [line.split("\t") for line in run("diff", old, new, "--format", "tsv").stdout.splitlines()]
    assert header == ["change", "kind", "subject", "predicate", "object", "subject_label", "predicate_label",
                      "object_label", "citations"]
    assert [[c["change"], c["kind"], c["subject"], c["predicate"], c["object"], *c["labels"],
             " | ".join(c["citations"])] for c in document["changes"]] == rows
    summary = run("diff", old, new).stdout.splitlines()[1]
    counts = document["counts"]
    assert summary.startswith(f"asserted: +{counts['asserted']['added']} -{counts['asserted']['removed']}; "
                              f"inferred: +{counts['inferred']['added']} -{counts['inferred']['removed']}; ")
    assert summary.endswith(f"+{document['provenance']['added']} -{document['provenance']['removed']} triples")


def test_the_documented_bash_line_installs_completion_of_query_names(tmp_path: Path) -> None:
    """The install line of docs/query.md, in a real bash, completes `kg query is-` to the saved queries."""
    page = (Path(__file__).resolve().parents[1] / "docs" / "query.md").read_text(encoding="utf-8")
    line = next(line.strip() for line in page.splitlines() if "bash_source" in line)
    install = line.split("'")[1]  # what the line appends to ~/.bashrc
    assert install == 'eval "$(_KG_COMPLETE=bash_source kg)"'
    kg = tmp_path / "kg"  # this checkout's kg, first on PATH
    kg.write_text(f"#!/bin/sh\nexec {sys.executable} -m kg \"$@\"\n")
    kg.chmod(0o755)
    script = (f"{install}\nCOMP_WORDS=(kg query is-); COMP_CWORD=2; _kg_completion kg\n"
              'printf "%s\\n" "${COMPREPLY[@]}"')
    completed = subprocess.run(["bash", "-c", script], env={**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"},
                               capture_output=True, text=True, check=True)
    assert completed.stdout == "is-demyelinating\nis-muscular-dystrophy\nis-neuromuscular\nis-painless\n"


def test_explain_json_holds_the_memberships_the_text_explains() -> None:
    document = json.loads(run("explain", "ALS", "--format", "json").stdout)
    text = run("explain", "ALS").stdout
    assert (document["entity"], document["label"]) == ("https://w3id.org/mnd-kg/resource/ALS",
                                                       "amyotrophic lateral sclerosis")
    assert text.startswith(f"kg:ALS (amyotrophic lateral sclerosis): {len(document['memberships'])} inferred ")
    shown = [line for line in text.splitlines() if line.startswith("kg:ALS rdf:type ")]
    assert shown == [f"kg:ALS rdf:type {m['triple'][2].replace('https://w3id.org/mnd-kg/ontology#', 'mnd:')}  "
                     f"because {m['rule']}" for m in document["memberships"]]


def test_diff_reads_a_version_from_stdin_and_names_it() -> None:
    old, new = DIFF_DIR / "old.ttl", DIFF_DIR / "new.ttl"
    from_file = run("diff", str(old), str(new)).stdout
    from_stdin = run("diff", "-", str(new), input=old.read_text(encoding="utf-8")).stdout
    assert from_stdin == from_file.replace(f"kg diff {old} -> ", "kg diff <stdin> -> ", 1)
    assert from_stdin.startswith("kg diff <stdin> -> ")
    broken = run("diff", "-", str(new), input="<a> <b> .\n")
    assert (broken.exit_code, broken.stderr) == (2, "Error: malformed Turtle: objectList expected (<stdin>:1:8)\n")
