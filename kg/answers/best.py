"""An open question's best claim: the best-ranked statement whose own words account for what was asked.

"Which neurons are affected first in bulbar-onset ALS?" is answered by the claim that bulbar-onset ALS affects
brainstem motor neurons ("Initial pathology affects brainstem motor neurons"), the best-ranked statement that
names every thing and relation the question names (as its terms, or in its names, qualifiers or quotes) and most
of its other words. It leads an open answer whose statements account for fewer of those words, or one that
found nothing. Never a verdict: a yes/no is answered only from statements about the very thing asked.
"""

from __future__ import annotations

import re

from rdflib import URIRef
from rdflib.term import Node

from kg.answers.claim_index import ClaimIndex, Statement, words
from kg.answers.lists import RANKED, open_answer
from kg.answers.question import DEFINITION
from kg.answers.reply import Reply

IN_DISEASE = {"in", "with", "for"}  # "What is apoptosis in ALS?": the thing as the disease's


def with_best_claim(reply: Reply, index: ClaimIndex) -> Reply:
    """``reply``, or, for an open question whose answer lacks its best claim (see ``best_claim``), that claim's
    answer (with the other values of its subject and relation)."""
    reading = reply.reading
    if reading.definition or not _open(reply):
        return reply
    ranked = index.rank(" ".join(reading.words))
    best = best_claim(index, reply, ranked)
    if best is None:
        return reply
    used = [u.statement for u in reply.used] if reply.verdict == "answer" else []
    statement = index.statements[best]
    wanted = _wanted(index, reply)
    if statement in used or any(_covered(index, wanted, other) >= _covered(index, wanted, statement)
                                for other in used):
        return reply
    same = [n for n, _ in ranked[:RANKED] if (index.statements[n].subject, index.statements[n].property,
                                               index.statements[n].derived) == (statement.subject, statement.property,
                                                                                statement.derived)]
    return open_answer(reply.question, reading, index, dict(ranked), [best, *(n for n in same if n != best)])


def _open(reply: Reply) -> bool:
    """Whether ``reply`` answers an open question of known things, by a list or not at all (not of each disease, nor
    a kind's members)."""
    reading = reply.reading
    return not (reading.yes_no or reading.unknown or reply.members or reply.each or not reading.mentions) \
        and reply.verdict in ("answer", "unstated")


def best_claim(index: ClaimIndex, reply: Reply, ranked: list[tuple[int, float]]) -> int | None:
    """Of the best-ranked statements, the one naming every thing and relation the question names (as one of its
    terms, a relation also as one its property is a subproperty of, or every word of the name in its own words)
    and at least half of the question's other known words (at least one), the most of them, an asserted one
    before a derived one (never one restating a claim, see ClaimIndex.restates), then the best-ranked. A thing
    named only in words must be named in the statement's phrase or qualifiers ("some forms"; a disease or a
    relation: or in its quote, "MRI findings in ALS show ...", "... before considering ALS"), not merely in another
    name of one of its terms ("survival" of SMN1's gene name is no survival figure)."""
    reading = reply.reading
    wanted = _wanted(index, reply)
    diseases = frozenset().union(*(m.terms & index.diseases for m in reading.entities))
    related = _related(index, diseases)
    # where the documents don't say of the relation asked, a sentence merely using its word ("The disease causes
    # ..." of ALS, cited for MS being demyelinating) answers no question of it ("What is the cause of MS?")
    unsaid = reply.verdict == "unstated"
    found: list[tuple[int, bool, int]] = []
    for position, (number, score) in enumerate(ranked[:RANKED]):
        statement = index.statements[number]
        if diseases and _of_another_disease(index, statement, related):
            continue  # another disease's own claim ("What is the primary cause of death in SMA?": ALS's)
        terms = {statement.subject, statement.object, *index.broader.get(statement.property, {statement.property}),
                 *statement.about}  # a narrower relation names the one asked: "initially affects" is "affects"
        phrase = set(index.tokens(" ".join((index.phrase(statement), *statement.qualifiers))))
        quoted = _quote_stems(index, statement)
        if score <= 0 or index.restates(statement) or not all(
                mention.terms & terms or set(index.tokens(mention.text)) <= (
                phrase | quoted if mention.terms & index.diseases or (mention.relation and not unsaid) else phrase)
                for mention in reading.mentions):
            continue
        covered = _covered(index, wanted, statement)
        if not wanted or (covered and covered * 2 >= len(wanted)):
            found.append((covered, not statement.derived, -position))
    if not found:
        return None
    return ranked[-max(found)[2]][0]


BRACKETED = re.compile(r"\(([^)]*)\)")  # "degeneration of lower motor neurons (SMA)": whose it is


def _related(index: ClaimIndex, diseases: frozenset[Node]) -> frozenset[Node]:
    """The diseases asked, their subtypes and the kinds they are subtypes of."""
    return index.with_subtypes(diseases) | index.supertypes(diseases)


def _of_another_disease(index: ClaimIndex, statement: Statement, related: frozenset[Node]) -> bool:
    """Whether ``statement`` is of a disease other than those ``related`` to the ones asked (_related) and of none of
    them: one of its terms is such a disease, or says in its label's brackets that it is such a disease's
    ("progressive degeneration and death of motor neurons and their axons (ALS)")."""
    terms = {statement.subject, statement.object, *statement.about}
    whose = {d for t in terms for inside in BRACKETED.findall(index.label(t))
             for d in index.entity_names.get(tuple(words(inside)), frozenset()) if d in index.diseases}
    named = (terms & index.diseases) | whose
    return bool(named) and not named & related


def _wanted(index: ClaimIndex, reply: Reply) -> set[str]:
    """The question's other known words (those naming no thing or relation), as the index's tokens."""
    return set(index.tokens(" ".join(reply.reading.unexplained)))


def _covered(index: ClaimIndex, wanted: set[str], statement: Statement) -> int:
    """How many of ``wanted`` the statement's own words (names, qualifiers, quotes) hold."""
    return len(wanted & set(index.tokens(statement.text)))


def with_definition(reply: Reply, index: ClaimIndex) -> Reply:
    """``reply``, or, for an open question asking only what one thing other than a disease is ("What is oxidative
    stress?", "What does apoptosis mean in ALS?"), the answer led by the statements about it whose quote defines it
    (see ``_defines``): the document's own definition before a mere mention in a list ("Apoptosis")."""
    reading = reply.reading
    if not _open(reply):
        return reply
    things = [m for m in reading.entities if not m.terms & index.diseases]
    named = reading.named_words
    if len(things) != 1 or not all(w in DEFINITION or w in IN_DISEASE or w in named for w in reading.words) \
            or any(not set(m.text.split()) <= DEFINITION for m in reading.relations):
        return reply
    diseases = frozenset().union(*(m.terms for m in reading.entities if m.terms & index.diseases))
    defining = [n for n, s in enumerate(index.statements) if things[0].terms & {s.subject, s.object}
                and (not diseases or diseases & {s.subject, *s.about})
                and any(_defines(index, things[0].terms, index.citations[c].quote) for c in s.citations
                        if c in index.citations)]
    if not defining:
        return reply
    return open_answer(reply.question, reading, index, dict(index.rank(" ".join(reading.words))), defining)


def with_explanation(reply: Reply, index: ClaimIndex) -> Reply:
    """``reply``, or, for an open question asking how one thing other than a disease takes part in a disease it
    names ("How does inflammation affect people with ALS?"; a thing named only by a word of its label: "What goes
    wrong with the mitochondria in ALS?"), the answer led by the disease's statements of that thing whose quote
    explains it (see ``_defines``: "Inflammatory processes: Neuroinflammation contributes to ongoing motor neuron
    injury"), not by one merely naming it in a list ("Inflammation") or by another claim."""
    reading = reply.reading
    if reading.definition or not _open(reply) or reply.verdict != "answer":
        return reply
    diseases = frozenset().union(*(m.terms & index.diseases for m in reading.entities))
    things = [m.terms for m in reading.entities if not m.terms & index.diseases]
    if not diseases or len(things) > 1:
        return reply
    about = [(n, s) for n, s in enumerate(index.statements)
             if s.subject in diseases and not s.negative and isinstance(s.object, URIRef)]
    unexplained = set(index.tokens(" ".join(reading.unexplained)))
    asked = things[0] if things else frozenset(
        s.object for _, s in about if unexplained & set(index.tokens(index.label(s.object))))
    explaining = [n for n, s in about if s.object in asked and any(
        _defines(index, frozenset({s.object}), index.citations[c].quote) for c in s.citations if c in index.citations)]
    lead = reply.used[0].statement if reply.used else None
    if len({index.statements[n].object for n in explaining}) != 1 or lead is None \
            or lead in (index.statements[n] for n in explaining) or _stands(reply, index, lead, asked, bool(things)):
        return reply
    wanted = _wanted(index, reply)
    if _quoted(index, wanted, lead) > max(_quoted(index, wanted, index.statements[n]) for n in explaining):
        return reply  # its sentence says more of what was asked ("most frequently in ...")
    return open_answer(reply.question, reading, index, dict(index.rank(" ".join(reading.words))), explaining)


def _stands(reply: Reply, index: ClaimIndex, lead: Statement, asked: frozenset[Node], named: bool) -> bool:
    """Whether an open answer led by ``lead`` says more than how the thing ``asked`` takes part in the disease
    (``named``: by a name of it, not only by a word of its label): it relates the thing to another value (what
    glutamate excitotoxicity causes, where the MRI signal is), gives the thing's own values ("What is seen in ALS
    on MRI?": what MRI detects), or the values of the relation asked ("What abnormalities are seen on MRI?")."""
    relation_asked = any(lead.property in m.terms for m in reply.reading.relations)
    if asked & {lead.subject, lead.object}:
        return not (lead.subject in index.diseases and lead.object in asked) or (relation_asked and not named)
    return relation_asked or any(s.subject in asked and s.object == lead.object for s in index.statements)


def _quoted(index: ClaimIndex, wanted: set[str], statement: Statement) -> int:
    """How many of ``wanted`` the statement's cited sentences hold."""
    return len(wanted & _quote_stems(index, statement))


def _quote_stems(index: ClaimIndex, statement: Statement) -> set[str]:
    """The stemmed words of the statement's cited sentences."""
    return set(index.tokens(" ".join(index.citations[c].quote for c in statement.citations if c in index.citations)))


def _defines(index: ClaimIndex, thing: frozenset[Node], quote: str) -> bool:
    """Whether ``quote`` defines ``thing`` (its terms): a heading of one of its names before a colon ("Oxidative
    stress: Increased production of reactive oxygen species ...") or one of its names then "is" or "are"."""
    keys = {index.stem_key(name) for term in thing for name in index.names_by_term.get(term, ())}
    heading, colon, rest = quote.partition(":")
    if colon and rest.strip() and index.stem_key(words(heading)) in keys:
        return True
    said = words(quote)
    return any(said[n] in ("is", "are") and index.stem_key(said[:n]) in keys for n in range(1, min(len(said), 8)))
