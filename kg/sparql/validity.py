"""Saved-query texts that rdflib's SPARQL parser accepted before, remembered in the cache, so that a command
need not load that parser (slow to import) to run a query it has validated before."""

from __future__ import annotations

import hashlib
from pathlib import Path

from kg.graph.paths import cache_dir

FORMAT = "mnd-kg-valid-query-1"


def known_valid(text: str) -> bool:
    """rdflib's SPARQL parser accepted exactly this query text before (``remember_valid``)."""
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
