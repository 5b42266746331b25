"""A verdict read off the closest cited sentence, where matching (kg.answers.matching) found no statement about the
very thing asked: of the statements shown as closest, the first whose own best sentence says what is asked.

The statement must be one the question asks of: both its subject and its object are things the question names (or
says every word of a name of; by the words of a shorter name, "abnormal T2/FLAIR signal", only a yes), neither a
kind (kg.answers.matching answers what kind a thing is) nor a part of an n-ary statement. Its sentence says what is
asked when every other thing the question names is named in it and tied to the statement by some statement, every
relation word of the question stands in it between the things the question puts on either side, in one clause (one
of the two in the passive: the other way round), and every other word of the question is a word of the sentence (or
the noun its adjective is formed from: "cellular", "cells"; one the question puts before a thing it names, right
before that thing's name) or of a name of the statement's own subject or object; a word inside a name of a thing
neither asked nor the statement's own is not ("motor" of "motor neuron disease" is no "motor disease"), nor one
naming what another statement says of the statement's value (that statement answers). A word saying how often is
said by the sentence's own word of how often ("common": "most frequently"), or denied by its contrary ("rarely").

Its verdict is the sentence's own polarity (a word of NEGATORS before a thing asked in its clause: "not
demyelination"; or "rather than" before it; or a word of the question only a name's denial holds: "sporadic (no
family history)") turned by the question's ("not", "never", "spared"), hedged by the statement's own hedges
(qualifiers saying how many, how often, how surely, unless the question asks the same: "most"). kg.answers.verdict
keeps it only where the statement itself gives the same verdict. No verdict where a thing asked stands after a
contrast word ("unlike MS", "while muscular dystrophies ...": said of something else), the sentence hedges beside
the things asked beyond the statement's qualifiers ("may"), the statement has a qualifier that is no hedge ("one
patient's case"), it denies what its sentence does not (or the other way round), or the question asks what kind,
"only" or "always", by a verb of keeping, or in words the documents do not use.
"""

from __future__ import annotations

import re

from rdflib.term import Node

from kg.answers.claim_index import WORD_FAMILY, ClaimIndex, Statement, span, words
from kg.answers.matching import (
    PREPOSITIONS,
    against_the_word,
    asks_kind,
    denied_words,
    positive_of,
    relations_of,
    said_of_values,
)
from kg.answers.question import KEEPING, OFTEN, SELDOM, USUALLY, Reading
from kg.answers.reply import SUPPORT, Used

# a closed class: negative particles and determiners, and the prepositions and verbs of absence
NEGATORS = {"not", "no", "never", "without", "lack", "lacks", "lacking", "neither", "nor", "cannot", "absence",
            "absent"}
# a closed class: modal verbs, quantifiers, adverbs of frequency and degree, approximators ("up to 40%")
HEDGES = {"may", "might", "can", "could", "some", "many", "most", "few", "several", "often", "sometimes",
          "usually", "typically", "generally", "frequently", "commonly", "rarely", "occasionally", "traditionally",
          "approximately", "about", "nearly", "almost", "up", "proportion", "majority", "minority", "subset",
          "primarily", "mainly", "mostly", "predominantly", "likely", "possibly", "probably"}
# words after which the sentence speaks of something else ("unlike MS", "while muscular dystrophies ..."); "rather
# than" denies what follows of the same subject
CONTRASTS = {"but", "unlike", "whereas", "while", "except", "beyond", "versus", "vs", "than", "instead"}
DENYING = ("rather", "than")
# a closed class: the suffixes forming an adjective of relation from a noun ("cellular", "neuronal")
ADJECTIVAL = ("ular", "al")
CLAUSE = re.compile(r"[,;:.()\[\]]")  # punctuation ending a clause, as far as a negation reaches


def read_off(index: ClaimIndex, reading: Reading, closest: tuple[Used, ...]) -> tuple[Statement, str] | None:
    """The first of the ``closest`` statements whose best cited sentence says what ``reading`` asks, and the verdict
    the sentence gives (yes, no or qualified); None where none says it (see the module)."""
    if not reading.yes_no or not reading.entities or reading.unaccounted or reading.unknown or reading.restricted \
            or reading.contrary or not (reading.relations or reading.conditions) or asks_kind(reading) \
            or KEEPING & set(reading.words):
        # "Is ALS SMA?", "Is ALS a progressive disease?": what kind, kg.answers.matching's to say; "Do antioxidant
        # defenses keep up with ...?": which of two keeps up with which, a word order the reading does not check
        return None
    for used in closest[:SUPPORT]:
        statement = used.statement
        ends = {statement.subject, statement.object}
        accounted = {_accounted(index, reading, end) for end in ends}
        if index.nary(statement) or statement.object in index.classes or against_the_word(index, reading, statement) \
                or "" in accounted:
            continue
        best = index.by_quote(" ".join(reading.words), statement.citations)
        quote = index.citations[best[0]].quote if best and best[0] in index.citations else ""
        # a thing asked of in fewer words than the statement's own is a case of it: a yes of it, no more
        if quote and (verdict := says(index, reading, statement, quote)) is not None \
                and (verdict == "yes" or "head" not in accounted):
            return statement, verdict
    return None


def says(index: ClaimIndex, reading: Reading, statement: Statement, quote: str) -> str | None:
    """The verdict ``quote``, a cited sentence of ``statement``, gives to the question, or None."""
    said: list[str] = []
    clause: list[int] = []
    for number, part in enumerate(CLAUSE.split(quote)):
        for word in words(part):
            said.append(word)
            clause.append(number)
    stems = [_stems(index, w) for w in said]
    ends = {statement.subject, statement.object}
    asked = frozenset().union(*(m.terms for m in reading.entities))
    others = _others_named(index, said, asked | ends)
    places: list[list[int]] = []  # where the sentence names each thing asked, in the question's order
    for mention in reading.mentions:
        if mention.relation:
            found = [n for n in range(len(said)) if n not in others and stems[n] & _stems(index, mention.text)]
            if not found and positive_of(index, statement.property) not in relations_of(index, [mention]):
                return None  # a relation word neither the sentence's nor naming the statement's relation
        else:
            found = [n for term in mention.terms for name in index.names_by_term.get(term, ())
                     if (where := span(said, name)) is not None for n in range(*where)]
            if not mention.terms & ends and not (found and _tied(index, mention.terms, ends)):
                return None  # a thing asked neither the statement's own nor named by its sentence
        places.append(found)
    if not _in_order(reading, said, clause, places):
        return None  # "Does calcium influx cause glutamate excitotoxicity?": the sentence says it the other way
    at = [n for found in places for n in found]  # every place of a thing asked
    own = {WORD_FAMILY.get(s, s) for s in index.names(statement.subject) | index.names(statement.object)}
    # words a name of the statement's own value denies ("sporadic (no family history)")
    own_denied = {WORD_FAMILY.get(s, s) for end in ends for s in denied_words(index, end)}
    # words saying how often, with a "most" before one ("most frequently")
    frequency = {m for n, w in enumerate(said) if w in OFTEN | SELDOM for m in (n - 1, n)
                 if m == n or said[m] == "most"}
    turned = by_name = False
    for word in reading.conditions:
        if word in OFTEN | SELDOM:  # "common": "most frequently"; "rarely": contrary to "most frequently"
            if not frequency:
                return None
            turned ^= any((said[n] in OFTEN) != (word in OFTEN) for n in frequency if said[n] in OFTEN | SELDOM)
            at += sorted(frequency)
            continue
        if _stems(index, word) <= own:
            by_name |= _stems(index, word) <= own_denied
            continue
        found = [n for n in range(len(said)) if n not in others and _stems(index, word) <= _with_adjectives(stems[n])]
        if (before := _before(reading, word)) is not None and places[before]:
            # a word the question puts before a thing it names, which the sentence names, is said of that thing: right
            # before its name ("secondary axonal loss" is not "secondary changes from the primary axonal degeneration")
            found = [n for n in found if n in places[before] or 0 < min(places[before]) - n <= 2]
        if not found or _names_another_value(index, statement, _stems(index, word)):
            return None
        at += found
    first_contrast = next((n for n, w in enumerate(said) if w in CONTRASTS and said[n - 1:n + 1] != list(DENYING)),
                          len(said))
    if any(n >= first_contrast for n in at):
        return None  # "unlike MS": said of something else
    denied = any(_negated(said, clause, n) for n in at)
    # the statement's own value, where the sentence names it, is denied by the sentence as by the statement
    value = [n for mention, found in zip(reading.mentions, places, strict=True) if statement.object in mention.terms
             for n in found]
    if (any(_negated(said, clause, n) for n in value) if value else denied) != statement.negative:
        return None  # the statement and its sentence disagree about the thing asked
    spoken = set(reading.words)
    hedges = [q for q in statement.qualifiers if set(words(q)) & HEDGES or any(c.isdigit() for c in q)]
    if any(q not in hedges and not set(words(q)) <= spoken for q in statement.qualifiers):
        return None  # a qualifier that is no hedge: a narrower context ("one patient's case")
    hedged = {w for q in hedges for w in words(q)}
    # a hedge the question asks is what is asked ("Do most people ...?": "most ALS cases")
    hedges = [q for q in hedges if not set(words(q)) & HEDGES <= spoken]
    near = {clause[n] for n in at}
    asked_how_often = reading.habitual or any(w in OFTEN | SELDOM for w in reading.conditions)
    if any(w in HEDGES and w not in spoken | hedged and clause[n] in near and not (asked_how_often and n in frequency)
           for n, w in enumerate(said)):
        return None  # the sentence hedges what is asked beyond the statement's own hedges
    if reading.habitual and not set(said) & (USUALLY | OFTEN):
        return None
    yes = (not denied) ^ turned ^ by_name ^ reading.negated
    if hedges:
        if reading.negated and not yes and "never" in spoken:
            return "no"  # "Does ALS never start in the bulbar muscles?": it does in some patients
        return None if reading.negated else "qualified"
    return "yes" if yes else "no"


def _before(reading: Reading, word: str) -> int | None:
    """The number among the question's mentions of the thing named that ``word`` stands right before, if any."""
    spoken = list(reading.words)
    for number, mention in enumerate(reading.mentions):
        where = span(spoken, mention.text.split())
        if not mention.relation and where is not None and where[0] > 0 and spoken[where[0] - 1] == word:
            return number
    return None


def _accounted(index: ClaimIndex, reading: Reading, end: Node) -> str:
    """How the question asks of ``end``, a statement's subject or object: "named" (it names it, or says every word of
    one of its names), "head" (every word of a name before its first preposition, two or more: "abnormal T2/FLAIR
    signal" of "abnormal T2/FLAIR signal in the corticospinal tracts", which it is a case of), else ""."""
    spoken = _stems(index, " ".join(reading.words))
    names = index.names_by_term.get(end, ())
    if any(end in m.terms for m in reading.entities) or any(_stems(index, " ".join(name)) <= spoken for name in names):
        return "named"
    heads = [name[:next((n for n, w in enumerate(name) if w in PREPOSITIONS), len(name))] for name in names]
    return "head" if any(len(head) >= 2 and _stems(index, " ".join(head)) <= spoken for head in heads) else ""


def _tied(index: ClaimIndex, terms: frozenset[Node], ends: set[Node]) -> bool:
    """Whether a statement links one of ``terms`` to one of ``ends`` ("MRI" to the abnormal signal it detects)."""
    return any({s.subject, s.object} & terms and {s.subject, s.object} & ends for s in index.statements)


def _names_another_value(index: ClaimIndex, statement: Statement, stems: set[str]) -> bool:
    """Whether ``stems`` name the value of a statement of ``statement``'s value (not a disease): what that statement
    says, which only it answers ("caregivers" of "Are caregivers affected by behavioural changes in ALS?": the
    impact of behavioural changes, not ALS having them; kg.answers.matching.said_of_values, as kg.answers.verdict
    asks of the statements a verdict rests on)."""
    return stems <= {WORD_FAMILY.get(s, s) for s in said_of_values(index, [statement])}


def _negated(said: list[str], clause: list[int], place: int) -> bool:
    """Whether a negator, or "rather than", stands before ``place`` of ``said`` in its clause."""
    return any(said[n] in NEGATORS or said[n:n + 2] == list(DENYING)
               for n in range(place) if clause[n] == clause[place])


def _in_order(reading: Reading, said: list[str], clause: list[int], places: list[list[int]]) -> bool:
    """Whether each relation word asked stands in the sentence after the thing the question names right before it
    and before the thing it names right after it, in its clause, where the sentence names them; the other way round
    where one of the two says it in the passive ("SMA is caused by a deficiency in the SMN1 gene" is no "Does SMA
    cause SMN1?", and says nothing of what muscle weakness causes: "..., leading to progressive muscle weakness")."""
    mentions = reading.mentions
    spoken = list(reading.words)
    for number, mention in enumerate(mentions):
        if not mention.relation or not places[number]:  # not in the sentence: the statement's relation
            continue
        before = next((places[n] for n in range(number - 1, -1, -1) if not mentions[n].relation and places[n]), [])
        after = next((places[n] for n in range(number + 1, len(mentions)) if not mentions[n].relation and places[n]),
                     [])
        last = mention.text.split()[-1]
        asked_passive = last in spoken and spoken[spoken.index(last) + 1:][:1] == ["by"]
        for r in places[number]:
            first, then = (after, before) if asked_passive != (said[r + 1:r + 2] == ["by"]) else (before, after)
            if (not first or any(p < r and clause[p] == clause[r] for p in first)) \
                    and (not then or any(p > r and clause[p] == clause[r] for p in then)):
                break
        else:
            return False
    return True


def _with_adjectives(stems: set[str]) -> set[str]:
    """``stems`` and the nouns an adjective among them is formed from by a suffix of ADJECTIVAL ("cellular": "cell",
    "neuronal": "neuron")."""
    return stems | {s[:-len(suffix)] for s in stems for suffix in ADJECTIVAL if s.endswith(suffix)
                    and len(s) - len(suffix) >= 3}


def _stems(index: ClaimIndex, text: str) -> set[str]:
    return {WORD_FAMILY.get(s, s) for s in index.tokens(text)}


def _others_named(index: ClaimIndex, said: list[str], own: frozenset | set) -> set[int]:
    """The places of ``said`` inside a name of a thing not among ``own``."""
    covered: set[int] = set()
    for term, names in index.names_by_term.items():
        if term in own:
            continue
        for name in names:
            where = span(said, name)
            while where is not None:
                covered.update(range(*where))
                where = span(said, name, where[1])
    return covered
