"""The claim index of kg ask, kept on disk beside the closure cache so a warm ``kg ask`` neither loads nor
reasons the graph: one JSON file of the statements, names, citations and BM25 scores.

The key is the closure cache's key (every graph byte, the reasoning code, the engines) with the indexing
code and the bm25s version; an entry is written to a temporary folder and renamed into place, and one that
cannot be read is rebuilt.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from rdflib import Dataset, URIRef
from rdflib.term import Node
from rdflib.util import from_n3

from kg.answers.citations import CitationDetail
from kg.answers.claim_index import ClaimIndex, Share, Statement, build_index
from kg.graph.paths import cache_dir
from kg.reasoning import cache

FORMAT = "mnd-kg-claim-index-9"


def load_index(files: list[Path], dataset: Callable[[], Dataset]) -> ClaimIndex:
    """The claim index of the graph made of ``files``: from the cache, else built from ``dataset()`` and saved."""
    directory = cache_dir()
    if directory is None:
        return build_index(dataset())
    folder = directory / f"ask-{_key(files)}"
    try:
        return _read(folder)
    except (OSError, ValueError, KeyError, TypeError):
        index = build_index(dataset())
        _write(folder, index)
        return index


def _key(files: list[Path]) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{cache.cache_key(files)}\0{metadata.version('bm25s')}".encode())
    digest.update((Path(__file__).parent / "claim_index.py").read_bytes())
    return digest.hexdigest()


def _n3(term: Node) -> str:
    return term.n3()


def _node(text: str) -> Any:
    return from_n3(text)


def _write(folder: Path, index: ClaimIndex) -> None:
    """Save ``index`` atomically; a cache that cannot be written is simply not used."""
    document = {
        "statements": [{**{k: v for k, v in s.__dict__.items() if k not in ("subject", "property", "object",
                                                                            "citations", "about")},
                        "subject": _n3(s.subject), "property": _n3(s.property), "object": _n3(s.object),
                        "citations": [str(c) for c in s.citations], "about": sorted(_n3(a) for a in s.about)}
                       for s in index.statements],
        "entity_names": [[list(k), sorted(str(t) for t in v)] for k, v in index.entity_names.items()],
        "relation_names": [[list(k), sorted(str(t) for t in v)] for k, v in index.relation_names.items()],
        "labels": sorted([_n3(k), v] for k, v in index.labels.items()),
        "citations": [c.__dict__ for c in index.citations.values()],
        "vocabulary": sorted(index.vocabulary),
        "classes": sorted(str(c) for c in index.classes),
        "diseases": sorted(str(d) for d in index.diseases),
        "disjoint": sorted([str(k), sorted(str(d) for d in v)] for k, v in index.disjoint.items()),
        "negation_of": sorted([str(k), str(v)] for k, v in index.negation_of.items()),
        "negation_hedges": sorted([str(k), sorted(v)] for k, v in index.negation_hedges.items()),
        "broader": sorted([str(k), sorted(str(b) for b in v)] for k, v in index.broader.items()),
        "negative_values": sorted(str(v) for v in index.negative_values),
        "defined_by": sorted([str(k), sorted(str(p) for p in v)] for k, v in index.defined_by.items()),
        "inverse_names": [[list(k), sorted(str(t) for t in v)] for k, v in index.inverse_names.items()],
        "stopwords": sorted(index.stopwords),
        "kind_names": [[list(k), sorted(str(t) for t in v)] for k, v in index.kind_names.items()],
        "of_kind": sorted([str(k), sorted(str(f) for f in v)] for k, v in index.of_kind.items()),
        "first_rank_names": [[list(k), sorted(str(t) for t in v)] for k, v in index.first_rank_names.items()],
        "last_rank_names": [[list(k), sorted(str(t) for t in v)] for k, v in index.last_rank_names.items()],
        "shares": sorted([str(k), sorted(str(c) for c in v.counted), sorted(str(a) for a in v.among), v.low, v.high,
                          v.threshold] for k, v in index.shares.items()),
        "postings": index.postings,
        "quote_postings": index.quote_postings,
        "contrary_names": [[list(k), sorted(str(t) for t in v)] for k, v in index.contrary_names.items()],
    }
    temporary: Path | None = None
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".ask-"))
        (temporary / "index.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        temporary.rename(folder)
    except OSError:  # the cache folder cannot be made (a file, read-only) or another writer came first
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)


def _read(folder: Path) -> ClaimIndex:
    document = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    statements = [Statement(**{**s, "subject": _node(s["subject"]), "property": _node(s["property"]),
                               "object": _node(s["object"]), "qualifiers": tuple(s["qualifiers"]),
                               "premises": tuple(s["premises"]),
                               "citations": tuple(URIRef(c) for c in s["citations"]),
                               "about": frozenset(_node(a) for a in s["about"])})
                  for s in document["statements"]]
    citations = {URIRef(c["iri"]): CitationDetail(**{**c, "references": tuple(c["references"]),
                                                     "works": tuple(c["works"])})
                 for c in document["citations"]}
    return ClaimIndex(
        statements,
        {tuple(k): frozenset(URIRef(t) for t in v) for k, v in document["entity_names"]},
        {tuple(k): frozenset(URIRef(t) for t in v) for k, v in document["relation_names"]},
        {_node(k): v for k, v in document["labels"]},
        citations,
        frozenset(document["vocabulary"]),
        frozenset(URIRef(c) for c in document["classes"]),
        frozenset(URIRef(d) for d in document["diseases"]),
        {URIRef(k): frozenset(URIRef(d) for d in v) for k, v in document["disjoint"]},
        {URIRef(k): URIRef(v) for k, v in document["negation_of"]},
        {URIRef(k): frozenset(v) for k, v in document["negation_hedges"]},
        {URIRef(k): frozenset(URIRef(b) for b in v) for k, v in document["broader"]},
        frozenset(URIRef(v) for v in document["negative_values"]),
        {URIRef(k): frozenset(URIRef(p) for p in v) for k, v in document["defined_by"]},
        {tuple(k): frozenset(URIRef(t) for t in v) for k, v in document["inverse_names"]},
        frozenset(document["stopwords"]),
        {tuple(k): frozenset(URIRef(t) for t in v) for k, v in document["kind_names"]},
        {URIRef(k): frozenset(URIRef(f) for f in v) for k, v in document["of_kind"]},
        {tuple(k): frozenset(URIRef(t) for t in v) for k, v in document["first_rank_names"]},
        {tuple(k): frozenset(URIRef(t) for t in v) for k, v in document["last_rank_names"]},
        {URIRef(k): Share(frozenset(URIRef(c) for c in counted), frozenset(URIRef(a) for a in among), low, high,
                          threshold) for k, counted, among, low, high, threshold in document["shares"]},
        {token: {int(n): s for n, s in scores.items()} for token, scores in document["postings"].items()},
        document["quote_postings"],
        {tuple(k): frozenset(URIRef(t) for t in v) for k, v in document["contrary_names"]},
    )
