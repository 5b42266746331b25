"""Saved-query texts that rdflib's SPARQL parser accepted before, so that a command need not load that parser
(slow to import, 1.4 s to check the saved queries) to run a query validated before: the saved queries the package
ships, checked when they were written (``SHIPPED``, kept current by a test: ``python -m kg.sparql.saved``
rewrites it), and any other text once this machine's parser accepted it (remembered in the cache)."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

from kg.graph.paths import cache_dir

FORMAT = "mnd-kg-valid-query-1"
SHIPPED = Path(__file__).with_name("shipped-queries.sha256")


def known_valid(text: str) -> bool:
    """rdflib's SPARQL parser accepts exactly this query text: a saved query as shipped (under the same major
    version of rdflib), or one it accepted before on this machine (``remember_valid``)."""
    if shipped_digest(text) in _shipped():
        return True
    marker = _validity_marker(text)
    return marker is not None and marker.is_file()


def remember_valid(text: str) -> None:
    """Record that rdflib's SPARQL parser accepts ``text``; nothing happens when the cache cannot be written."""
    marker = _validity_marker(text)
    if marker is not None:
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            return


def _validity_marker(text: str) -> Path | None:
    """An empty file named by the SHA-256 of the parser's version and the text."""
    import rdflib

    directory = cache_dir()
    if directory is None:
        return None
    digest = hashlib.sha256(f"{FORMAT}\0rdflib={rdflib.__version__}\0".encode() + text.encode())
    return directory / "valid-queries" / digest.hexdigest()


@cache
def _shipped() -> frozenset[str]:
    """The digests in ``SHIPPED``, if it was written under this major version of rdflib; none otherwise."""
    import rdflib

    try:
        header, *digests = SHIPPED.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return frozenset()
    return frozenset(digests) if header == shipped_header(rdflib.__version__) else frozenset()


def shipped_digest(text: str) -> str:
    """A query text's line in ``SHIPPED``: the SHA-256 of its text."""
    return hashlib.sha256(text.encode()).hexdigest()


def shipped_header(version: str) -> str:
    """The first line of ``SHIPPED``: its format and rdflib's major version."""
    return f"{FORMAT} rdflib={version.split('.')[0]}"
