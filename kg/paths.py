"""Where the project's own files live."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
DATA_FILE = ROOT / "data" / "triples.ttl"
COVERAGE_FILE = ROOT / "data" / "coverage.tsv"
SUPPLEMENT_DIR = ROOT / "data" / "supplement"
QUERIES_DIR = ROOT / "queries"
CHECKS_DIR = QUERIES_DIR / "checks"
SHAPES_DIR = ROOT / "shapes"
SEEDS_DIR = ROOT.parent / "shared" / "seeds"
REFERENCE_DIR = ROOT.parent / "shared" / "reference"


def default_graph_files(supplement: bool = True) -> list[Path]:
    """The ontology files and the curated data: what every command loads by default.

    ``supplement``: also the curated supplementary sources (data/supplement), claims the five documents
    leave out, kept in their own files with their own citations.
    """
    return project_graph_files(ROOT, supplement)


def project_graph_files(root: Path, supplement: bool = True) -> list[Path]:
    """The graph files of the project checked out at ``root`` (ontology, data and, optionally, supplement)."""
    data = root / DATA_FILE.relative_to(ROOT)
    extra = sorted((root / SUPPLEMENT_DIR.relative_to(ROOT)).glob("*.ttl")) if supplement else []
    return [*sorted((root / ONTOLOGY_DIR.relative_to(ROOT)).glob("*.ttl")), *([data] if data.is_file() else []), *extra]
