"""``kg docs``: the ontology's HTML documentation, generated from ontology/mnd.ttl with pyLODE.

The page is a pure function of the ontology: pyLODE's output is made byte-identical across runs and hash
seeds (subjects sorted, no generation date), so CI can regenerate it and compare it with docs/ontology.html.
Run ``python -m kg.serve.ontology_docs`` or ``kg docs`` after changing the ontology.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from kg.errors import InputError
from kg.graph import load_graph
from kg.graph.paths import ONTOLOGY_DIR

DOCS_FILE = Path("docs") / "ontology.html"  # in the current folder: a checkout of the project or of a fork


def ontology_html(ontology_dir: Path = ONTOLOGY_DIR) -> str:
    """The HTML page documenting the ontology files in ``ontology_dir``."""
    try:
        from pylode import OntPub
    except ImportError as error:  # an optional dependency: pip install -e ".[docs]"
        raise InputError("pyLODE is not installed: pip install -e \".[docs]\"", "kg docs") from error
    for name in ("root", "pylode", "httpx", "asyncio"):
        logging.getLogger(name).setLevel(logging.WARNING)
    html = OntPub(load_graph([ontology_dir]), sort_subjects=True).make_html()
    return html.rstrip("\n") + "\n"


def write_docs(destination: Path = DOCS_FILE) -> Path:
    """Write the page to ``destination`` (folders created; replaced whole, never half-written; a new file with
    the umask's mode, a replaced one keeping its mode)."""
    from kg.stores.export import write_atomically

    html = ontology_html()
    destination.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(destination, html.encode("utf-8"))
    return destination


def docs_are_current(destination: Path = DOCS_FILE) -> bool:
    """True when ``destination`` holds exactly the page the ontology generates (compared as bytes: a file that is
    not UTF-8 is out of date, not an error)."""
    return destination.is_file() and destination.read_bytes() == ontology_html().encode("utf-8")


if __name__ == "__main__":
    print(write_docs(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_FILE))
