"""An on-disk cache of reasoned graphs, keyed by a hash of every input byte, so it is never stale.

The key covers the graph files (names and contents, in order), the code that reasons, and the versions of
the package and of every engine. An entry is one file: a header line with the SHA-256 of the rest, a JSON
line (findings, literal forms), then the asserted and inferred graphs as N-Quads. Entries are written to a
temporary file and renamed into place; an entry whose checksum or content is wrong is ignored and rebuilt.

Where it lives, and how to turn it off: kg.graph.paths.cache_dir.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from importlib import metadata
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.reasoning.consistency import RULES_DIR, Finding
from kg.reasoning.store import ReasonedStore

FORMAT = "mnd-kg-closure-1"
# every module the reasoning imports (tests/test_cache.py checks it), so a change to any of them changes the key
_REASONING_CODE = ("reasoning/cache.py", "reasoning/consistency.py", "reasoning/fast_reason.py", "graph/load.py",
                   "graph/namespaces.py", "reasoning/reason.py", "sparql/results.py", "reasoning/rules.py",
                   "sparql/parse.py", "sparql/resolve.py", "sparql/saved.py", "sparql/validity.py",
                   "reasoning/store.py", "sparql/run.py", "reasoning/schema.py")
_ENGINES = ("mnd-kg", "reasonable", "pyoxigraph", "owlrl", "rdflib")


def cache_key(files: list[Path]) -> str:
    """SHA-256 of the format, engine versions, reasoning code, and each file's name and bytes."""
    digest = hashlib.sha256(FORMAT.encode())
    for name in _ENGINES:
        digest.update(f"\0{name}={_version(name)}".encode())
    code = Path(__file__).parent.parent
    for name in _REASONING_CODE:
        digest.update(b"\0code\0" + (code / name).read_bytes())
    for rule in sorted(RULES_DIR.glob("*.rq")):  # the inconsistency rules' queries are reasoning code too
        digest.update(f"\0rule\0{rule.name}\0".encode() + rule.read_bytes())
    for query in sorted((code / "reasoning" / "queries").glob("*.rq")):  # as are the queries reading the rules' input
        digest.update(f"\0query\0{query.name}\0".encode() + query.read_bytes())
    for path in files:
        data = path.read_bytes()
        digest.update(b"\0file\0" + os.fsencode(path.resolve()) + f"\0{len(data)}\0".encode() + data)  # any name
    return digest.hexdigest()


def read(directory: Path, key: str) -> ReasonedStore | None:
    """The cached reasoned graph for ``key``, or None when absent, unreadable or corrupt."""
    finish_writes()
    try:
        data = (directory / f"{key}.nq").read_bytes()
        header, rest = data.split(b"\n", 1)
        if header != f"# {FORMAT} sha256={hashlib.sha256(rest).hexdigest()}".encode():
            return None
        meta_line, quads = rest.split(b"\n", 1)
        meta = json.loads(meta_line[2:])
        store = ox.Store()
        # lenient: Oxigraph's own dump, checksummed, needs no IRI validation (a third of the load's time)
        store.load(quads, format=ox.RdfFormat.N_QUADS, lenient=True)
        findings = tuple(Finding(rule, message, tuple(terms)) for rule, message, terms in meta["findings"])
        originals = {_literal(canonical): _literal(written) for canonical, written in meta["originals"]}
        return ReasonedStore(store, findings, originals)
    except (OSError, ValueError, KeyError, TypeError, SyntaxError):
        return None


_writes: list[threading.Thread] = []


def write(directory: Path, key: str, reasoned: ReasonedStore) -> None:
    """Store an entry atomically, in the background: Oxigraph's dump, the checksum and the file write release
    the GIL, so the command goes on with its checks or query meanwhile (kg.worker.run_shared forks its second
    process once the write is done). The thread is not a daemon: the process waits for it before it exits. A
    cache that cannot be written is simply not used."""
    meta = {
        "findings": [[f.rule, f.message, list(f.terms)] for f in reasoned.findings],
        "originals": sorted([_pair(canonical), _pair(written)] for canonical, written in reasoned.originals.items()),
    }
    thread = threading.Thread(target=_write, args=(directory, key, meta, reasoned.store), name="mnd-kg cache write")
    _writes.append(thread)
    thread.start()


def finish_writes() -> None:
    """Wait until every entry this process started writing is in place (or given up)."""
    while _writes:
        _writes.pop().join()


def _write(directory: Path, key: str, meta: dict[str, Any], store: ox.Store) -> None:
    try:
        quads = store.dump(format=ox.RdfFormat.N_QUADS) or b""
        meta_line = b"# " + json.dumps(meta, ensure_ascii=False).encode() + b"\n"
        digest = hashlib.sha256(meta_line)
        digest.update(quads)
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{key}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                out.writelines((f"# {FORMAT} sha256={digest.hexdigest()}\n".encode(), meta_line, quads))
            os.replace(temporary, directory / f"{key}.nq")
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)
    except OSError:
        return


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "absent"


def _pair(literal: Any) -> list[str]:
    return [literal.value, literal.datatype.value]


def _literal(pair: list[str]) -> Any:
    value, datatype = pair
    return ox.Literal(value, datatype=ox.NamedNode(datatype))
