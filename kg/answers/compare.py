"""What a disease is (the groups the statements put it in), and two diseases compared."""

from __future__ import annotations

from kg.answers.claim_index import ClaimIndex
from kg.answers.question import COMPARISON, Mention, Reading
from kg.answers.reply import Reply, Used, used_of


def comparing(index: ClaimIndex, reading: Reading) -> bool:
    """Whether the question compares two diseases and names no relation: an open question ("ALS vs MS") or a
    yes/no one in words of comparison ("Are ALS and MS the same disease?")."""
    entities = reading.entities
    return len(entities) == 2 and not reading.relations and all(m.terms & index.diseases for m in entities) \
        and (not reading.yes_no or any(w in COMPARISON for w in reading.words))


def compare(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
            entities: list[Mention]) -> Reply:
    """Two diseases compared: the best-ranked statements about both, then what kind each one is (and whether it
    is not of the other's kind)."""
    linking = sorted((n for n, s in enumerate(index.statements)
                      if all(m.terms & s.about for m in entities) and not s.derived),
                     key=lambda n: (-score.get(n, 0.0), n))[:2]
    parts = list(dict.fromkeys(index.phrase(index.statements[n]) + "." for n in linking))
    used = list(used_of(index, linking, score))
    for mention, other in (entities, entities[::-1]):
        kinds = [n for n, s in enumerate(index.statements) if s.subject in mention.terms
                 and s.object in index.classes and s.object not in mention.terms
                 and (not s.negative or s.object in other.terms)]  # of the groups it is not in, the other's
        if kinds:
            told = kinds_of(question, reading, index, score, kinds)
            parts.append(told.sentence)
            used += told.used
    if not parts:
        return Reply(question, reading, "unstated", "The documents don't say this.", ())
    return Reply(question, reading, "answer", " ".join(parts), tuple(used))


def kinds_of(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
             found: list[int]) -> Reply:
    """What an entity is: the groups the statements put it in, asserted before derived, then those it is not in;
    a statement's qualifiers ("traditionally") beside its group."""
    ordered = sorted(found, key=lambda n: (index.statements[n].negative, index.statements[n].derived, n))
    groups: dict[bool, list[str]] = {}
    for n in ordered:
        statement = index.statements[n]
        kind = index.label(statement.object)
        kind += f" ({'; '.join(statement.qualifiers)})" if statement.qualifiers else \
            (" (derived)" if statement.derived else "")
        values = groups.setdefault(statement.negative, [])
        if not any(v.split(" (")[0] == kind.split(" (")[0] for v in values):
            values.append(kind)
    name = index.label(index.statements[ordered[0]].subject)
    parts = [f"{name} is {'not ' if negative else ''}a {', '.join(kinds)}." for negative, kinds in groups.items()]
    used = tuple(Used(index.statements[n], round(score.get(n, 0.0), 4)) for n in ordered)  # in the answer's order
    return Reply(question, reading, "answer", " ".join(parts), used)
