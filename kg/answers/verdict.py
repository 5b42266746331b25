"""Answering a question from the cited statements: a verdict only from a statement about the very thing asked.

yes / no      a statement whose subject and object are the ones asked, its polarity (a negative property
              says no) turned by the question's (a "not", a "-less", a negative relation word)
qualified     such a statement carries a hedge ("some patients", "traditionally"), or the statements differ
unstated      no such statement: "The documents don't say ...", with the closest cited statements
unknown-entity the question names something the graph does not know: named as unknown
answer        an open question: the best-ranked statements, grouped by relation
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.answers.claim_index import ONTOLOGY, SUBTYPE_OF, ClaimIndex, Statement
from kg.answers.question import COMPARISON, Mention, Reading, read

SUPPORT = 3
LISTED = 10  # values of a list shown by default, in each group
# the properties that say what kind of disease something is: a statement of a group answers them
CLASSIFYING = frozenset({RDF.type, URIRef(ONTOLOGY + "asCategory"), SUBTYPE_OF})
COPULA = {"is", "are", "was", "were"}
RANKED = 12
CLOSE = 0.6  # an open answer groups the statements scoring at least this share of the best one


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


def answer(question: str, index: ClaimIndex) -> Reply:
    """Answer a checked question from the index."""
    reading = read(question, index)
    entities = reading.entities
    ranked = index.rank(" ".join(reading.words))
    score = dict(ranked)
    if reading.unknown:
        near = _about(index, entities) or [n for n, _ in ranked[:RANKED]]
        unknown = ", ".join(reading.unknown)
        return Reply(question, reading, "unknown-entity",
                     f"The graph knows nothing about {unknown}, so the documents don't say this.",
                     _used(index, near, score))
    if _comparing(index, reading):  # "Are ALS and MS the same disease?": what both are, no verdict
        return _compare(question, reading, index, score, entities)
    if reading.yes_no and len(entities) >= 2:
        relations = _relations(index, reading.relations)
        diseases = [m for m in entities if m.terms & index.diseases]
        if len(diseases) >= 2 and len(entities) - len(diseases) == 1:
            return _of_each(question, reading, index, score, relations, diseases)
        asked, pair = _asked(index, entities, lambda s: _relation_asked(index, reading, s, relations))
        if not asked:
            return _of_subtypes(question, reading, index, score, relations)
        # a qualified statement about the same two things (a share of patients) qualifies the answer too
        hedging = [n for n in pair if n not in asked and index.statements[n].qualifiers]
        return _verdict(question, reading, index, score, asked + hedging)
    if reading.yes_no and entities and reading.relations:
        relations = _relations(index, reading.relations)
        found = [n for n, s in enumerate(index.statements)
                 if s.subject in entities[0].terms and _relation_asked(index, reading, s, relations)
                 and s.object not in index.classes]
        if not found and not _asks_kind(reading):  # "Are there different types of SMA?": SMA as the value
            found = [n for n, s in enumerate(index.statements) if s.object in entities[0].terms
                     and not index.nary(s) and _positive(index, s.property) in relations]
        found = _stating_every(index, reading, found) or found
        # every word of the question not otherwise understood must name the values a verdict rests on
        explained = _explained(index, reading, found)
        if any(index.statements[n].qualifiers or index.statements[n].object in index.negative_values
               for n in explained):
            return _verdict(question, reading, index, score, explained)
        if explained and all(isinstance(index.statements[n].object, Literal) for n in explained):
            return _verdict(question, reading, index, score, explained)
        if explained:  # the relation exists and every other word of the question names its values
            direct = [n for n in explained if _positive(index, index.statements[n].property) in relations
                      and not index.nary(index.statements[n])]  # claims before n-ary parts
            return _verdict(question, reading, index, score, direct or explained)
    if reading.yes_no and len(entities) == 1 and not reading.relations and reading.conditions \
            and not _asks_kind(reading):
        # "Is the course of SMA variable?": the entity's own claims whose values name every other word
        own = [n for n, s in enumerate(index.statements) if s.subject in entities[0].terms and not index.nary(s)
               and not s.derived and s.object not in index.classes]
        explained = _explained(index, reading, own)
        if explained:
            return _verdict(question, reading, index, score, explained)
    if reading.yes_no:
        near = _about(index, entities) or [n for n, _ in ranked[:RANKED]]
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     _used(index, near, score))
    if entities and all(m.terms <= index.classes for m in entities):
        return _members(question, reading, index, score, entities)
    if reading.definition:
        kinds = [n for n, s in enumerate(index.statements) if s.subject in entities[0].terms
                 and s.object in index.classes and s.object not in entities[0].terms]
        if kinds:  # "What is SMA?", "What kind of disease is MS?": what the statements say it is
            return _kinds(question, reading, index, score, kinds)
    if not reading.yes_no and len(entities) == 1 and reading.relations and not reading.unexplained:
        relations = _relations(index, reading.relations)
        subtypes = {s.subject for s in index.statements if s.property == SUBTYPE_OF and s.object in entities[0].terms}
        own, of_subtypes = ([n for n, s in enumerate(index.statements) if s.subject in subjects
                             and _positive(index, s.property) in relations and not index.nary(s)
                             and not (subjects is subtypes and s.property == SUBTYPE_OF)]
                            for subjects in (entities[0].terms, subtypes))
        # an n-ary statement about the entity as its object ("How common is bulbar-onset ALS?": the share
        # counting it), the entity's own statements, else its subtypes' ("What genes cause ALS?")
        counted = [n for n, s in enumerate(index.statements) if s.object in entities[0].terms and index.nary(s)
                   and _positive(index, s.property) in relations]
        inverse = [n for n, s in enumerate(index.statements) if s.object in entities[0].terms
                   and _positive(index, s.property) in relations and not index.nary(s)]
        # ... and, of a relation the entity is the object of ("What are the types of SMA?"), its subjects
        listed = counted + (_stating_every(index, reading, own) or _stating_every(index, reading, of_subtypes)
                            or own or _stating_every(index, reading, inverse))
        if reading.negated:  # "What does ALS not affect?": the statements that say so
            listed = [n for n in listed if says_yes(index, reading, index.statements[n])]
        if listed:  # "What are the symptoms of ALS?": every value of the relation asked
            return _listing(question, reading, index, score, listed)
        if not any(entities[0].terms & s.about and _relation_asked(index, reading, s, relations)
                   for s in index.statements):  # "How is MS diagnosed?": nothing of the relation asked
            return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                         _used(index, _about(index, entities), score))
    relations = _relations(index, reading.relations)
    near = _about(index, entities) or [n for n, _ in ranked[:RANKED]]
    related = [n for n in near if _positive(index, index.statements[n].property) in relations]
    if not related and entities:  # the relation asked, from the first entity named
        related = [n for n, s in enumerate(index.statements) if entities[0].terms & s.about
                   and _positive(index, s.property) in relations]
    if reading.negated:  # "Which neurons are not affected in SMA?": the statements that say not
        related = [n for n in related if says_yes(index, reading, index.statements[n])] or related
    return _open(question, reading, index, score, related or near)


def _asked(index: ClaimIndex, entities: list[Mention],
           keep: Callable[[Statement], bool]) -> tuple[list[int], list[int]]:
    """Statements kept by ``keep`` whose subject and object are two entities asked (the first and the last
    named, else the last and another, else the first and another), and every statement of that pair."""
    first, last, middle = entities[0], entities[-1], entities[1:-1]
    for pairs in ([(first, last)], [(m, last) for m in middle], [(first, m) for m in middle]):
        pair = [n for n, s in enumerate(index.statements) if any(_pair(index, s, a, b) for a, b in pairs)]
        kept = [n for n in pair if keep(index.statements[n])]
        if kept:
            return kept, pair
    return [], []


def _pair(index: ClaimIndex, statement: Statement, a: Mention, b: Mention) -> bool:
    """Whether ``statement`` links the two things asked: as its subject and object, or, for a part of an n-ary
    statement whose object is one of them, as two of the n-ary statement's values ("Can SMA treatment improve
    symptoms?": the treatment effect's intervention and outcome); never two groups of diseases."""
    ends = {statement.subject, statement.object}
    if a.terms & ends and b.terms & (ends - a.terms):
        return True
    values = index.values_of.get(statement.iri, frozenset())
    return index.nary(statement) and statement.object in (a.terms | b.terms) and bool(a.terms & values) \
        and bool(b.terms & (values - a.terms)) and not (a.terms | b.terms) & index.classes


def _about(index: ClaimIndex, entities: list[Mention]) -> list[int]:
    """Statements about every entity named, else about the first one named."""
    if not entities:
        return []
    every = [n for n, s in enumerate(index.statements) if all(m.terms & s.about for m in entities)]
    return every or [n for n, s in enumerate(index.statements) if entities[0].terms & s.about]


def _relation_asked(index: ClaimIndex, reading: Reading, statement: Statement, relations: set[Node]) -> bool:
    """Whether ``statement`` is about the relation asked: its property (or a broader one, or the one a negative
    property denies; for an n-ary statement, any of its links) is named in the question; or it says what group
    the subject is in (a class) and the question names a classifying relation ("a form of"), one the class is
    defined by ("primarily"), or none and every word of it is understood; or the question names no relation and
    every word of it is understood ("Is ALS painless?"), unless it asks whether one disease is another and the
    statement is not of its kind."""
    if isinstance(statement.object, URIRef) and statement.object in index.classes and (
            (not relations and not reading.conditions)
            or relations & (CLASSIFYING | index.defined_by.get(statement.object, frozenset()))):
        return True
    if not relations and _asks_kind(reading) and statement.subject not in reading.entities[0].terms:
        return False  # "Is DMD a muscular dystrophy?" asks what DMD is, not what muscular dystrophy has
    if not relations and not reading.conditions:
        # "Is ALS SMA?": of two diseases, only a statement of what kind one is answers
        both = statement.subject in index.diseases and statement.object in index.diseases
        return not (both and reading.words[0] in COPULA) or statement.property in CLASSIFYING
    for stated in index.properties_of[statement.iri]:
        prop = _positive(index, stated)
        if isinstance(prop, URIRef) and index.broader.get(prop, frozenset({prop})) & relations:
            return True
    return False


def _asks_kind(reading: Reading) -> bool:
    """Whether the question asks what kind of thing something is: "Is X a Y?" (a copula and an article)."""
    return reading.words[0] in COPULA and bool({"a", "an"} & set(reading.words))


def _positive(index: ClaimIndex, prop: Node) -> Node:
    return index.negation_of.get(prop, prop) if isinstance(prop, URIRef) else prop


def _relations(index: ClaimIndex, mentions: list[Mention]) -> set[Node]:
    return {_positive(index, p) for m in mentions for p in m.terms}


def _verdict(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
             found: list[int]) -> Reply:
    """Yes, no or qualified from the statements about the very thing asked; unstated if there are none."""
    if not found:
        near = _about(index, reading.entities)
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     _used(index, near, score))
    says = set()
    hedges: list[str] = []
    for n in found:
        statement = index.statements[n]
        says.add(says_yes(index, reading, statement))
        hedges += [q for q in statement.qualifiers if q not in hedges]
    ordered = sorted(found, key=lambda n: (index.statements[n].derived, -score.get(n, 0.0), n))
    lead = index.statements[ordered[0]]
    if hedges or len(says) > 1:
        return Reply(question, reading, "qualified", _qualified(index, ordered, reading.negated),
                     _used(index, ordered, score), tuple(hedges))
    verdict = "yes" if says.pop() else "no"
    derived = " (derived)" if lead.derived else ""
    return Reply(question, reading, verdict, f"{verdict.capitalize()}{derived}: {_phrases(index, lead, ordered)}.",
                 _used(index, ordered, score))


def says_yes(index: ClaimIndex, reading: Reading, statement: Statement) -> bool:
    """Whether ``statement`` says yes to the question as read: its own polarity (a negative property, a negative
    value not itself asked nor named by the question's words, a false literal) turned by the question's (a "not",
    a "-less", a negative relation)."""
    asked = frozenset().union(*(m.terms for m in reading.entities))
    named = bool(reading.conditions) and set(index.tokens(" ".join(reading.conditions))) <= set(
        index.tokens(index.label(statement.object)))  # "Is ALS sporadic?" names the value by its words
    positive = not statement.negative and not (statement.object in index.negative_values
                                               and statement.object not in asked and not named)
    if isinstance(statement.object, Literal) and statement.object.datatype is not None:
        positive = positive and bool(statement.object.toPython())
    asked_negative = reading.negated ^ any(p in index.negation_of for m in reading.relations for p in m.terms)
    return positive != asked_negative


def _phrases(index: ClaimIndex, lead: Statement, ordered: list[int]) -> str:
    """The lead statement in words, with the values of the other statements of its subject and relation, or the
    subjects of the other statements of its relation and value."""
    phrase = index.phrase(lead)
    obj = index.label(lead.object)
    if not phrase.endswith(" " + obj):
        return phrase
    values = [obj]
    for n in ordered:
        other = index.statements[n]
        if (other.subject, other.property, other.derived) == (lead.subject, lead.property, lead.derived) \
                and index.phrase(other) == f"{phrase[: -len(obj)]}{index.label(other.object)}" \
                and index.label(other.object) not in values:
            values.append(index.label(other.object))
    if len(values) > 1:
        return f"{phrase[: -len(obj) - 1]}: {', '.join(values)}"
    subjects = list(dict.fromkeys(index.label(index.statements[n].subject) for n in ordered
                                  if index.statements[n].property == lead.property
                                  and index.statements[n].object == lead.object and not index.nary(
                                      index.statements[n])))
    relation = "is a" if lead.property == RDF.type else index.label(lead.property)
    return phrase if len(subjects) < 2 else f"{relation} {obj}: {', '.join(subjects)}"  # "subtype of SMA: ..."


def _of_each(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float], relations: set[Node],
             diseases: list[Mention]) -> Reply:
    """A thing asked of several diseases ("Is neuroinflammation shared by ALS and SMA?"): a verdict only from
    statements about it and each of them; if one disease has none, the documents don't say."""
    thing = next(m for m in reading.entities if m not in diseases)
    found: list[int] = []
    leads: list[str] = []
    for disease in diseases:
        asked, _ = _asked(index, [thing, disease], lambda s: _relation_asked(index, reading, s, relations))
        if not asked:
            return _verdict(question, reading, index, score, [])
        found += asked
        lead = min(asked, key=lambda n: (index.statements[n].derived, -score.get(n, 0.0), n))
        leads.append(index.phrase(index.statements[lead]) + (" (derived)" if index.statements[lead].derived else ""))
    reply = _verdict(question, reading, index, score, found)
    if reply.verdict in ("yes", "no"):  # each disease's statement, not only the best-ranked one
        reply = replace(reply, sentence=f"{reply.verdict.capitalize()}: {'; '.join(dict.fromkeys(leads))}.")
    return reply


def _of_subtypes(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
                 relations: set[Node]) -> Reply:
    """No statement about the two things asked: statements that say yes of a subtype of a disease asked ("Is
    C9orf72 linked to ALS?": familial ALS's causal gene) answer partly, for that subtype; otherwise the documents
    don't say."""
    entities = reading.entities
    for position, mention in enumerate(entities):
        subtypes = frozenset(s.subject for s in index.statements if s.property == SUBTYPE_OF
                             and s.object in mention.terms and isinstance(s.subject, URIRef))
        if not subtypes:
            continue
        swapped = [*entities[:position], Mention(mention.text, subtypes), *entities[position + 1:]]
        found, _ = _asked(index, swapped, lambda s: _relation_asked(index, reading, s, relations))
        if found and all(says_yes(index, reading, index.statements[n]) for n in found):
            ordered = sorted(found, key=lambda n: (index.statements[n].derived, -score.get(n, 0.0), n))
            named = sorted({index.label(index.statements[n].subject) for n in ordered} & {index.label(t)
                                                                                           for t in subtypes})
            said = _phrases(index, index.statements[ordered[0]], ordered)
            return Reply(question, reading, "qualified", f"Partly, for {', '.join(named)}: {said}.",
                         _used(index, ordered, score), tuple(named))
    return _verdict(question, reading, index, score, [])


def _stating_every(index: ClaimIndex, reading: Reading, found: list[int]) -> list[int]:
    """Of ``found``, the statements stating every relation the question names ("Can SMA improve with
    treatment?", "What gene causes SMA?")."""
    return [n for n in found if all(_relation_asked(index, reading, index.statements[n], _relations(index, [m]))
                                    for m in reading.relations)]


def _explained(index: ClaimIndex, reading: Reading, found: list[int]) -> list[int]:
    """Of ``found``, the statements whose values name every word of the question not otherwise understood
    ("during pregnancy": genetic testing during pregnancy); all of them when every word is understood."""
    if not reading.conditions:
        return found
    wanted = set(index.tokens(" ".join(reading.conditions)))
    return [n for n in found
            if wanted <= set(index.tokens(index.label(index.statements[n].object)))] if wanted else []


def _qualified(index: ClaimIndex, ordered: list[int], negated: bool) -> str:
    """A qualified answer: "Only traditionally: ...", or "Partly: ..." ("Not entirely: ..." when the question
    was asked in the negative), each statement with its own qualifiers; asserted statements before derived."""
    stated = [n for n in ordered if not index.statements[n].derived] or ordered
    statements = list({index.phrase(index.statements[n]): index.statements[n] for n in stated}.values())
    hedges = {q for s in statements for q in s.qualifiers}
    if len(hedges) == 1 and len(statements) == 1 and (only := next(iter(hedges))).endswith("ly") \
            and " " not in only:
        return f"Only {only}: {index.phrase(statements[0])}."
    parts = []
    for statement in statements[:3]:
        phrase = index.phrase(statement)
        own = [q for q in statement.qualifiers if q != phrase]
        parts.append(phrase + (f" ({'; '.join(own)})" if own else ""))
    return ("Not entirely: " if negated else "Partly: ") + "; ".join(parts) + "."


def _open(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float], among: list[int]) -> Reply:
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
    sentence = _group_text(*next(iter(groups.items())))
    return Reply(question, reading, "answer", sentence, _used(index, ordered, score),
                 groups=tuple((k, tuple(v)) for k, v in groups.items()))


def _group_text(key: str, values: list[str] | tuple[str, ...]) -> str:
    return f"{key}: {', '.join(values)}." if values else f"{key}."


def _members(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
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
    sentence = " ".join(_group_text(key, values) for key, values in groups.items())
    return Reply(question, reading, "answer", sentence, _used(index, found, score), members=True)


def _listing(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float], found: list[int]) -> Reply:
    """A list question: every value the statements give the entity for the relation asked, grouped by property
    (a negative one apart), the most cited first, each with its qualifiers; first the cited sentences that name
    the most of them."""
    cited: dict[tuple[Node, Node, Node], set[URIRef]] = {}
    hedges: dict[tuple[Node, Node, Node], list[str]] = {}
    stated: set[tuple[Node, Node, Node]] = set()  # asserted, not only derived
    whole = list(dict.fromkeys(index.phrase(index.statements[n]) for n in found if index.nary(index.statements[n])))
    for n in found:
        statement = index.statements[n]
        if index.nary(statement):
            continue
        triple = (statement.subject, statement.property, statement.object)
        cited.setdefault(triple, set()).update(statement.citations)
        hedges.setdefault(triple, [])
        hedges[triple] += [q for q in statement.qualifiers if q not in hedges[triple]]
        if not statement.derived:
            stated.add(triple)
    order = sorted(cited, key=lambda k: (index.label(k[0]), k[1] in index.negation_of, index.label(k[1]),
                                         -len(cited[k]), index.label(k[2])))
    asked = reading.entities[0].terms
    groups: dict[str, list[str]] = {}
    for subject, prop, obj in order:
        notes = hedges[(subject, prop, obj)] + ([] if (subject, prop, obj) in stated else ["derived"])
        key, value = (f"{index.label(prop)} {index.label(obj)}", subject) if obj in asked and subject not in asked \
            else (f"{index.label(subject)} {index.label(prop)}", obj)  # "subtype of SMA: type 1, ..." when inverse
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
    return Reply(question, reading, "answer", sentence, _used(index, found, score),
                 widest=tuple((c, first[c]) for c in widest), full=full if full != sentence else "")


def _comparing(index: ClaimIndex, reading: Reading) -> bool:
    """Whether the question compares two diseases and names no relation: an open question ("ALS vs MS") or a
    yes/no one in words of comparison ("Are ALS and MS the same disease?")."""
    entities = reading.entities
    return len(entities) == 2 and not reading.relations and all(m.terms & index.diseases for m in entities) \
        and (not reading.yes_no or any(w in COMPARISON for w in reading.words))


def _compare(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
             entities: list[Mention]) -> Reply:
    """Two diseases compared: the best-ranked statements about both, then what kind each one is (and whether it
    is not of the other's kind)."""
    linking = sorted((n for n, s in enumerate(index.statements)
                      if all(m.terms & s.about for m in entities) and not s.derived),
                     key=lambda n: (-score.get(n, 0.0), n))[:2]
    parts = list(dict.fromkeys(index.phrase(index.statements[n]) + "." for n in linking))
    used = list(_used(index, linking, score))
    for mention, other in (entities, entities[::-1]):
        kinds = [n for n, s in enumerate(index.statements) if s.subject in mention.terms
                 and s.object in index.classes and s.object not in mention.terms
                 and (not s.negative or s.object in other.terms)]  # of the groups it is not in, the other's
        if kinds:
            told = _kinds(question, reading, index, score, kinds)
            parts.append(told.sentence)
            used += told.used
    if not parts:
        return Reply(question, reading, "unstated", "The documents don't say this.", ())
    return Reply(question, reading, "answer", " ".join(parts), tuple(used))


def _kinds(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float], found: list[int]) -> Reply:
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


def _used(index: ClaimIndex, numbers: list[int], score: dict[int, float]) -> tuple[Used, ...]:
    ordered = sorted(dict.fromkeys(numbers), key=lambda n: (-score.get(n, 0.0), index.statements[n].derived, n))
    return tuple(Used(index.statements[n], round(score.get(n, 0.0), 4)) for n in ordered)
