"""Open and list answers: the best-ranked statements grouped by relation, every value of the relation asked, a
disease group's members."""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.answers.claim_index import ClaimIndex, words
from kg.answers.question import USUALLY, Mention, Reading
from kg.answers.reply import Reply, used_of

LISTED = 10  # values of a list shown by default, in each group
RANKED = 12
CLOSE = 0.6  # an open answer groups the statements scoring at least this share of the best one


def open_answer(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
                among: list[int]) -> Reply:
    """An open question: the best-ranked statements, their objects grouped by subject and relation."""
    ordered = sorted(among, key=lambda n: (-score.get(n, 0.0), index.statements[n].derived, n))[:RANKED]
    if not ordered:
        return Reply(question, reading, "unstated", "The documents don't say this.", ())
    lead = index.statements[ordered[0]]
    floor = score.get(ordered[0], 0.0) * CLOSE
    groups: dict[str, list[str]] = {}
    for n in ordered:
        statement = index.statements[n]
        if statement.subject != lead.subject or score.get(n, 0.0) < floor:
            continue
        phrase = index.phrase(statement)
        obj = index.label(statement.object)
        if phrase.endswith(" " + obj):
            values = groups.setdefault(phrase[: -len(obj) - 1], [])
            if obj not in values:
                values.append(obj)
        else:
            groups.setdefault(phrase, [])
    sentence = group_text(*next(iter(groups.items())))
    return Reply(question, reading, "answer", sentence, used_of(index, ordered, score),
                 groups=tuple((k, tuple(v)) for k, v in groups.items()))


def group_text(key: str, values: list[str] | tuple[str, ...]) -> str:
    return f"{key}: {', '.join(values)}." if values else f"{key}."


def members_of(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
               classes: list[Mention]) -> Reply:
    """A list question about a disease group: its members, and the diseases said not to be in it."""
    wanted = frozenset().union(*(m.terms for m in classes))
    found = [n for n, s in enumerate(index.statements) if s.object in wanted and s.subject in index.diseases]
    asserted = {(s.subject, s.negative) for n in found if not (s := index.statements[n]).derived}
    groups: dict[str, list[str]] = {}
    for n in sorted(found, key=lambda n: (index.statements[n].negative, n)):
        statement = index.statements[n]
        key = ("Not " if statement.negative else "") + index.label(statement.object)
        name = index.label(statement.subject) + \
            ("" if (statement.subject, statement.negative) in asserted else " (derived)")
        values = groups.setdefault(key[0].upper() + key[1:], [])
        if name not in values:
            values.append(name)
    if not groups:
        return Reply(question, reading, "unstated", "The documents don't say this.", ())
    sentence = " ".join(group_text(key, values) for key, values in groups.items())
    return Reply(question, reading, "answer", sentence, used_of(index, found, score), members=True)


def listing(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
            found: list[int]) -> Reply:
    """A list question: every value the statements give the entity for the relation asked, grouped by property
    (a negative one apart), the most cited first, each with its qualifiers; first the cited sentences that name
    the most of them."""
    cited: dict[tuple[Node, Node, Node], set[URIRef]] = {}
    hedges: dict[tuple[Node, Node, Node], list[str]] = {}
    stated: set[tuple[Node, Node, Node]] = set()  # asserted, not only derived
    plain: set[tuple[Node, Node, Node]] = set()  # said by a claim with no qualifier
    denied: set[tuple[Node, Node, Node]] = set()  # of a class the subject is said not to be in
    whole = list(dict.fromkeys(index.phrase(index.statements[n]) for n in found if index.nary(index.statements[n])))
    # a denial derived from a property excluding another restates a claim listed under its own, unless asked what is not
    found = [n for n in found if reading.negated or not index.restates(index.statements[n])] or found
    for n in found:
        statement = index.statements[n]
        if index.nary(statement):
            continue
        triple = (statement.subject, statement.property, statement.object)
        cited.setdefault(triple, set()).update(statement.citations)
        hedges.setdefault(triple, [])
        if not statement.qualifiers:  # said plainly by one claim, its narrower ones' hedges do not weaken it
            plain.add(triple)
        hedges[triple] += [q for q in statement.qualifiers if q not in hedges[triple]]
        if not statement.derived:
            stated.add(triple)
        if statement.negative and statement.property == RDF.type:
            denied.add(triple)
    order = sorted(cited, key=lambda k: (index.label(k[0]), k[1] in index.negation_of, index.label(k[1]),
                                         -len(cited[k]), index.label(k[2])))
    asked = reading.entities[0].terms
    groups: dict[str, list[str]] = {}
    for subject, prop, obj in order:
        notes = ([] if (subject, prop, obj) in plain else hedges[(subject, prop, obj)]) \
            + ([] if (subject, prop, obj) in stated else ["derived"])
        relation = ("is not a" if (subject, prop, obj) in denied else "is a") if prop == RDF.type else index.label(prop)
        if set(words(relation)) & USUALLY and prop not in index.negation_of:  # "typical onset: adulthood"
            notes = [note for note in notes if note.casefold() not in USUALLY]
        key, value = (f"{relation} {index.label(obj)}", subject) if obj in asked and subject not in asked \
            else (f"{index.label(subject)} {relation}", obj)  # "subtype of SMA: type 1, ..." when inverse
        groups.setdefault(key, []).append(index.label(value) + (f" ({'; '.join(notes)})" if notes else ""))
    full = " ".join([*(f"{phrase}." for phrase in whole),
                     *(f"{key}: {', '.join(values)}." for key, values in groups.items())])
    sentence = " ".join([*(f"{phrase}." for phrase in whole), *(
        f"{key}: {', '.join(values[:LISTED])}" + (f" and {len(values) - LISTED} more (--all)." if len(values) > LISTED
                                                 else ".") for key, values in groups.items())])
    reach: dict[URIRef, set[tuple[Node, Node]]] = {}
    first: dict[URIRef, str] = {}
    for n in found:
        for citation in index.statements[n].citations:
            reach.setdefault(citation, set()).add((index.statements[n].property, index.statements[n].object))
            first.setdefault(citation, index.statements[n].iri)
    widest = sorted((c for c in reach if len(reach[c]) > 1), key=lambda c: (-len(reach[c]), str(c)))
    return Reply(question, reading, "answer", sentence, used_of(index, found, score),
                 widest=tuple((c, first[c]) for c in widest), full=full if full != sentence else "")
