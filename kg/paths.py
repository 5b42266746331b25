"""Where the project's own files live."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
DATA_FILE = ROOT / "data" / "triples.ttl"
QUERIES_DIR = ROOT / "queries"
CHECKS_DIR = QUERIES_DIR / "checks"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"


def default_graph_files() -> list[Path]:
    """The ontology files and the curated data: what every command loads by default."""
    return [*sorted(ONTOLOGY_DIR.glob("*.ttl")), DATA_FILE]
