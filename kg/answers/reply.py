"""What ``kg ask`` says: the reply (what was understood, the verdict, its sentence) and the statements it rests on."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rdflib import URIRef

from kg.answers.claim_index import ClaimIndex, Statement
from kg.answers.question import Reading

SUPPORT = 3


@dataclass(frozen=True)
class Used:
    """A statement an answer rests on, with its BM25 score for the question."""

    statement: Statement
    score: float


@dataclass(frozen=True)
class Reply:
    """What ``kg ask`` says: what was understood, the verdict, its sentence and the statements it rests on."""

    question: str
    reading: Reading
    verdict: str  # yes | no | qualified | unstated | unknown-entity | answer
    sentence: str
    used: tuple[Used, ...] = ()
    qualifiers: tuple[str, ...] = ()
    groups: tuple[tuple[str, tuple[str, ...]], ...] = field(default=())
    members: bool = False  # a list of a disease group's members, grouped by what the statements say
    widest: tuple[tuple[URIRef, str], ...] = ()  # a list's citations (and a statement each) naming most of it
    full: str = ""  # a long list's sentence with every value (``sentence`` names the first LISTED of each group)
    each: bool = False  # an answer for each of several diseases: its cited sentences are taken from each in turn
    # "A rather than B": the question asked of whichever of the two the statements say yes of, as read
    contrasted: Reading | None = None
    unclear: URIRef | None = None  # "Is it known ...?": the citation saying it is not ("remains unclear")


def used_of(index: ClaimIndex, numbers: list[int], score: dict[int, float]) -> tuple[Used, ...]:
    ordered = sorted(dict.fromkeys(numbers), key=lambda n: (-score.get(n, 0.0), index.statements[n].derived, n))
    return tuple(Used(index.statements[n], round(score.get(n, 0.0), 4)) for n in ordered)


def unstated(reply: Reply) -> Reply:
    """``reply`` as "the documents don't say", its verdict, qualifiers and groups dropped (its statements kept)."""
    return replace(reply, verdict="unstated", sentence=f"The documents don't say this: {reply.question}",
                   qualifiers=(), groups=())
