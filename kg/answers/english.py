"""Common English: the words a question may use that name nothing, told from names by how often English uses them.

A word of the question that the graph's literals never use is a name unknown to the graph ("aspirin",
"riluzole", "SOD2") unless English uses it at least ten times in a million words (wordfreq's Zipf 4: "just",
"near", "official", "spread"); drug names stay below it (aspirin 3.3, lithium 3.6, insulin 3.8). The list is
read from wordfreq once and kept in the cache folder beside the claim index, so a warm ``kg ask`` does not
import wordfreq.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from importlib import metadata
from pathlib import Path

from kg.graph.paths import cache_dir

ZIPF = 4.0  # log10 of uses per billion words: ten in a million
FORMAT = "mnd-kg-common-english-1"


# endings of English word forms: a form of a common word is common ("commonest", "curable"); drug and gene names
# seldom end so ("aspirin", "riluzole", "statins": "statin" is no common word either)
ENDINGS = ("est", "er", "ly", "able", "ible", "ness", "ing", "ed", "es", "s")


def common(word: str) -> bool:
    """Whether ``word`` (lower case) is common English, or a form of a common word by one of its ENDINGS."""
    found = common_words()
    return word in found or any(word.endswith(ending) and len(word) - len(ending) >= 3
                                and (word[:-len(ending)] in found or word[:-len(ending)] + "e" in found)
                                for ending in ENDINGS)


@functools.cache
def common_words() -> frozenset[str]:
    """The lower-case English words used at least ZIPF often, from the cache, else from wordfreq (then saved)."""
    directory = cache_dir()
    path = directory / f"{FORMAT}-{metadata.version('wordfreq')}-{ZIPF}.json" if directory is not None else None
    if path is not None:
        try:
            return frozenset(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass
    found = _from_wordfreq()
    if path is not None:
        _save(path, found)
    return found


def _from_wordfreq() -> frozenset[str]:
    from wordfreq import get_frequency_dict

    least = 10 ** (ZIPF - 9)
    return frozenset(word for word, frequency in get_frequency_dict("en", wordlist="small").items()
                     if frequency >= least)


def _save(path: Path, found: frozenset[str]) -> None:
    """Write ``found`` atomically; a cache that cannot be written is simply not used."""
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".english-")
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            json.dump(sorted(found), file)
        os.replace(temporary, path)
    except OSError:  # the cache folder cannot be made (a file, read-only)
        if temporary is not None:
            Path(temporary).unlink(missing_ok=True)
