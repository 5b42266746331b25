"""Where the project's own files live: the package's bundled copy in an installed wheel, else the checkout.

The wheel carries ontology/, data/, queries/, shapes/ and sources/ under ``kg/resources`` (pyproject.toml's
force-include); an editable install or a checkout reads them from the repository root, where they stay.
"""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path


def _data_root() -> Path:
    bundled = Path(str(files("kg").joinpath("resources")))
    return bundled if bundled.is_dir() else Path(__file__).resolve().parents[2]


ROOT = _data_root()
ONTOLOGY_DIR = ROOT / "ontology"
DATA_FILE = ROOT / "data" / "triples.ttl"
COVERAGE_FILE = ROOT / "data" / "coverage.tsv"
SUPPLEMENT_DIR = ROOT / "data" / "supplement"
QUERIES_DIR = ROOT / "queries"
CHECKS_DIR = QUERIES_DIR / "checks"
SHAPES_DIR = ROOT / "shapes"
SOURCES_DIR = ROOT / "sources"
SOURCES_MANIFEST = SOURCES_DIR / "manifest.tsv"
DOCUMENTS_DIR = SOURCES_DIR / "documents"
SUPPLEMENTARY_DIR = SOURCES_DIR / "supplementary"


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


def cache_dir() -> Path | None:
    """Where the cache lives, or None when it is turned off.

    ``MND_KG_CACHE_DIR`` relocates it (default ``$XDG_CACHE_HOME/mnd-kg``, else ``~/.cache/mnd-kg``);
    ``MND_KG_CACHE=off`` turns it off.
    """
    if os.environ.get("MND_KG_CACHE", "").lower() in ("off", "0", "no", "false"):
        return None
    if os.environ.get("MND_KG_CACHE_DIR"):
        return Path(os.environ["MND_KG_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mnd-kg"
