"""The closure cache: keyed by every input byte, written atomically, never trusted when corrupt."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from rdflib.compare import to_isomorphic

from kg.graph import paths
from kg.graph.paths import DATA_FILE, ONTOLOGY_DIR
from kg.reasoning import cache
from kg.reasoning.engine import fast_available, load_reasoned
from kg.reasoning.store import ReasonedStore

pytestmark = pytest.mark.skipif(not fast_available(), reason="the fast engines (pyoxigraph, reasonable) are absent")


@pytest.fixture
def graph_files(tmp_path: Path) -> list[Path]:
    """Copies of the project's files, free to change."""
    ontology = tmp_path / "mnd.ttl"
    data = tmp_path / "triples.ttl"
    shutil.copy(ONTOLOGY_DIR / "mnd.ttl", ontology)
    shutil.copy(DATA_FILE, data)
    return [ontology, data]


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    directory = tmp_path / "cache"
    monkeypatch.setenv("MND_KG_CACHE_DIR", str(directory))
    return directory


def entries(directory: Path) -> list[Path]:
    cache.finish_writes()
    return sorted(directory.iterdir()) if directory.exists() else []


def closures(directory: Path) -> list[Path]:
    """The closure entries (the folder also holds kg.sparql.saved's memo of valid saved queries)."""
    return [path for path in entries(directory) if path.suffix == ".nq"]


def test_entry_is_written_once_and_read_back_the_same(graph_files: list[Path], cache_dir: Path) -> None:
    built = load_reasoned(graph_files)
    [entry] = entries(cache_dir)
    assert entry.name == cache.cache_key(graph_files) + ".nq"
    read = load_reasoned(graph_files)
    assert isinstance(built, ReasonedStore) and isinstance(read, ReasonedStore)
    assert read is not built
    assert set(read.inferred) == set(built.inferred)
    assert to_isomorphic(read.asserted) == to_isomorphic(built.asserted)
    assert read.findings == built.findings
    assert read.originals == built.originals
    assert entries(cache_dir) == [entry]


def test_key_changes_with_any_input_byte(graph_files: list[Path], cache_dir: Path) -> None:
    before = cache.cache_key(graph_files)
    with graph_files[1].open("a", encoding="utf-8") as out:
        out.write("\n# a comment changes no triple but is an input byte\n")
    after = cache.cache_key(graph_files)
    assert before != after
    assert cache.cache_key(list(reversed(graph_files))) != after


def test_changed_graph_is_reasoned_again_never_served_stale(graph_files: list[Path], cache_dir: Path) -> None:
    first = load_reasoned(graph_files)
    assert first.consistent
    with graph_files[1].open("a", encoding="utf-8") as out:
        out.write("\nkg:ALS a mnd:DemyelinatingDisease .\n")
    second = load_reasoned(graph_files)
    assert not second.consistent
    assert second.findings[0].rule == "cax-dw"
    assert len(entries(cache_dir)) == 2


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage-with-valid-header"])
def test_corrupt_entry_is_ignored_and_rebuilt(graph_files: list[Path], cache_dir: Path, damage: str) -> None:
    built = load_reasoned(graph_files)
    [entry] = entries(cache_dir)
    data = entry.read_bytes()
    if damage == "truncate":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        middle = len(data) // 2
        entry.write_bytes(data[:middle] + bytes([data[middle] ^ 1]) + data[middle + 1:])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:
        import hashlib
        rest = b"# {not json\nnot quads\n"
        entry.write_bytes(f"# {cache.FORMAT} sha256={hashlib.sha256(rest).hexdigest()}\n".encode() + rest)
    assert cache.read(cache_dir, cache.cache_key(graph_files)) is None
    rebuilt = load_reasoned(graph_files)
    assert set(rebuilt.inferred) == set(built.inferred)
    assert cache.read(cache_dir, cache.cache_key(graph_files)) is not None


def test_no_temporary_file_is_left_behind(graph_files: list[Path], cache_dir: Path) -> None:
    load_reasoned(graph_files)
    assert [p.name for p in entries(cache_dir) if not p.name.endswith(".nq")] == []


def test_cache_can_be_turned_off(graph_files: list[Path], cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MND_KG_CACHE", "off")
    assert paths.cache_dir() is None
    load_reasoned(graph_files)
    assert entries(cache_dir) == []


def test_a_load_without_the_cache_neither_reads_nor_writes_it(graph_files: list[Path], cache_dir: Path) -> None:
    load_reasoned(graph_files, cache=False)
    assert closures(cache_dir) == []
    before = load_reasoned(graph_files)
    [entry] = closures(cache_dir)
    with graph_files[1].open("a", encoding="utf-8") as out:
        out.write("\n<https://w3id.org/mnd-kg/resource/X> <http://www.w3.org/2000/01/rdf-schema#label> \"X\" .\n")
    planted = entry.rename(cache_dir / f"{cache.cache_key(graph_files)}.nq")  # the old closure under the new key
    fresh = load_reasoned(graph_files, cache=False)
    assert fresh.triples == before.triples + 1
    assert closures(cache_dir) == [planted]
    assert load_reasoned(graph_files).triples == before.triples  # read from the cache, the planted entry is served


def test_standard_input_stays_out_of_the_cache_and_the_environment(graph_files: list[Path], cache_dir: Path,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """kg reads ``--graph -`` into a private file that no later command names: it is reasoned without the cache,
    and the process's environment (MND_KG_CACHE, which other threads read) is left as it was."""
    from click.testing import CliRunner

    from kg.cli import cli
    from kg.reasoning import engine

    log = tmp_path / "environments"  # the command's work runs in a forked child (kg.worker): it writes to a file
    original = engine.cache_dir

    def seen() -> Path | None:
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.environ.get('MND_KG_CACHE')}\n")
        return original()

    def environments() -> list[str]:
        return log.read_text(encoding="utf-8").splitlines() if log.exists() else []

    monkeypatch.delenv("MND_KG_CACHE", raising=False)
    monkeypatch.setattr(engine, "cache_dir", seen)
    data = b"".join(path.read_bytes() for path in graph_files)
    command = ["query", "is-demyelinating", "-p", "disease=ALS", "--format", "tsv"]
    from_stdin = CliRunner().invoke(cli, [*command, "--graph", "-"], input=data)
    assert (from_stdin.exit_code, closures(cache_dir), environments()) == (0, [], [])
    from_files = CliRunner().invoke(cli, [*command, *(arg for path in graph_files for arg in ("--graph", str(path)))])
    assert (from_files.exit_code, from_files.output) == (0, from_stdin.output)
    assert len(closures(cache_dir)) == 1
    assert environments() == ["None"]


def test_default_location_honours_xdg_cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MND_KG_CACHE_DIR", raising=False)
    monkeypatch.delenv("MND_KG_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert paths.cache_dir() == tmp_path / "xdg" / "mnd-kg"


def test_unwritable_cache_is_not_an_error(graph_files: list[Path], tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("MND_KG_CACHE_DIR", str(blocker / "cache"))
    assert load_reasoned(graph_files).consistent


def test_unwritable_cache_is_no_error_for_kg_ask_either(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The claim index's cache (kg ask) ended in an UnboundLocalError traceback when its folder could not be made."""
    from kg.answers.index_cache import load_index
    from kg.answers.verdict import answer
    from kg.cli.commands import _load, default_graph_files

    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    files = default_graph_files(supplement=False)
    monkeypatch.setenv("MND_KG_CACHE", "off")
    built = load_index(files, lambda: _load((), True))
    monkeypatch.delenv("MND_KG_CACHE")
    monkeypatch.setenv("MND_KG_CACHE_DIR", str(blocker / "cache"))
    unwritable = load_index(files, lambda: _load((), True))
    assert answer("Does ALS affect upper motor neurons?", unwritable) == answer("Does ALS affect upper motor neurons?",
                                                                                  built)
    assert blocker.read_text() == "not a folder"


def test_the_key_covers_every_module_the_reasoning_code_imports() -> None:
    """A change to any module the reasoning code uses changes the key, so an entry is never stale."""
    import ast

    from kg.reasoning import cache

    package = Path(cache.__file__).parent.parent
    covered = set(cache._REASONING_CODE)
    for name in sorted(covered):
        tree = ast.parse((package / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            modules = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            names = [alias.name for alias in node.names] if isinstance(node, ast.ImportFrom) else []
            for module in modules:
                used = [f"{module}.{n}" for n in names] if module == "kg" else [module]
                for dotted in used:
                    if dotted.startswith("kg."):
                        target = dotted.removeprefix("kg.").replace(".", "/") + ".py"
                        if (package / target).exists() and target not in {"errors.py", "graph/paths.py"}:
                            assert target in covered, f"{name} imports {dotted}, which the cache key leaves out"


QUERY = "#+ summary: s\n#+ questions: ['Q?']\nSELECT ?s WHERE { ?s ?p ?o }\n"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every text rdflib's SPARQL parser is asked to parse."""
    import rdflib.plugins.sparql

    seen: list[str] = []
    real = rdflib.plugins.sparql.prepareQuery

    def counting(text: str) -> object:
        seen.append(text)
        return real(text)

    monkeypatch.setattr(rdflib.plugins.sparql, "prepareQuery", counting)
    return seen


def test_a_saved_query_is_parsed_once_then_remembered(tmp_path: Path, cache_dir: Path, parses: list[str]) -> None:
    from kg.sparql.saved import parse_saved_query

    path = tmp_path / "q.rq"
    path.write_text(QUERY, encoding="utf-8")
    parse_saved_query(path)
    parse_saved_query(path)
    assert parses == [QUERY]
    path.write_text(QUERY.replace("?o }", "?o . }"), encoding="utf-8")
    parse_saved_query(path)
    assert len(parses) == 2


def test_an_invalid_query_is_never_remembered(tmp_path: Path, cache_dir: Path, parses: list[str]) -> None:
    from kg.errors import InputError
    from kg.sparql.saved import parse_saved_query

    path = tmp_path / "q.rq"
    path.write_text(QUERY.replace("?p ?o", "?p"), encoding="utf-8")
    for _ in range(2):
        with pytest.raises(InputError, match="invalid SPARQL"):
            parse_saved_query(path)
    assert len(parses) == 2


def test_without_the_cache_every_query_is_parsed(tmp_path: Path, cache_dir: Path, parses: list[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.sparql.saved import parse_saved_query

    monkeypatch.setenv("MND_KG_CACHE", "off")
    path = tmp_path / "q.rq"
    path.write_text(QUERY, encoding="utf-8")
    parse_saved_query(path)
    parse_saved_query(path)
    assert len(parses) == 2 and not cache_dir.exists()


def test_a_cached_kg_query_loads_neither_the_sparql_parser_nor_owlrl(cache_dir: Path) -> None:
    """What makes a cold ``kg query`` fast: a shipped saved query's validity is known (kg.sparql.validity.SHIPPED),
    and with the closure cached the process needs neither rdflib's SPARQL parser nor owlrl (timings are the
    benchmark's business, not this test's)."""
    import subprocess
    import sys

    script = ("import sys\nimport kg.cli.commands\nfrom kg.cli import main\nsys.argv = ['kg', 'query', 'genes']\n"
              "kg.cli.commands.run_limited = lambda work, *limits: work()  # in this process, to see its imports\n"
              "try:\n    main()\n"
              "except SystemExit:\n    pass\n"
              "print(sorted(m for m in ('rdflib.plugins.sparql', 'owlrl') if m in sys.modules), file=sys.stderr)")
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
            for _ in range(2)]
    assert runs[0].stdout == runs[1].stdout and "SOD1" in runs[1].stdout
    assert [run.stderr.strip() for run in runs] == ["[]", "[]"]  # validated when shipped; owlrl never loads


def test_the_shipped_queries_validity_is_current() -> None:
    """SHIPPED lists every saved query the package ships, each parsed by rdflib's SPARQL parser here; after editing
    one, ``python -m kg.sparql.saved`` rewrites it (a stale list costs only speed: an unlisted text is
    parsed, and remembered in the cache)."""
    from kg.sparql.saved import shipped_validity
    from kg.sparql.validity import SHIPPED

    assert SHIPPED.read_text(encoding="utf-8") == shipped_validity(), "run: python -m kg.sparql.saved"


def test_an_edited_saved_query_is_parsed_though_the_shipped_one_is_known(tmp_path: Path, cache_dir: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the very text shipped is taken as valid: one character changed, rdflib's parser checks it (once)."""
    import kg.sparql.saved as saved
    from kg.graph.paths import QUERIES_DIR
    from kg.sparql.saved import parse_saved_query

    parses: list[str] = []
    real = saved.parse_query

    def counted(text: str, where: str) -> object:
        parses.append(where)
        return real(text, where)

    monkeypatch.setattr(saved, "parse_query", counted)
    shipped = QUERIES_DIR / "genes.rq"
    parse_saved_query(shipped)
    edited = tmp_path / "genes.rq"
    edited.write_text(shipped.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    parse_saved_query(edited)
    parse_saved_query(edited)
    assert parses == [str(edited)]
