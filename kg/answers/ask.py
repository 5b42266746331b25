"""Answering a question in plain words: pick the saved query, bind the entities it names, run it.

Local and deterministic. Entities are linked by their labels and synonyms in the graph; the question
is matched to the saved queries' declared questions by weighted word overlap (entity names masked,
a few words normalised to the documents' vocabulary). Below a threshold the question is declined.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from kg.graph.namespaces import KG, MND
from kg.sparql.saved import Question, SavedQuery

MIN_SCORE = 0.34
ENTITY = "<entity>"
_WORD = re.compile(r"[a-z0-9]+(?:[-'][a-z0-9]+)*")
_STOP = {
    "a", "about", "an", "and", "any", "are", "as", "at", "be", "by", "can", "could", "did", "do", "does", "for",
    "from", "has", "have", "how", "in", "into", "is", "it", "its", "of", "on", "or", "than", "that", "the",
    "their", "then", "there", "these", "this", "those", "to", "was", "were", "what", "which", "who", "with",
}
_NORMAL = {
    "hereditary": "inherit", "inherited": "inherit", "inheritance": "inherit", "genetic": "inherit",
    "familial": "inherit", "heritable": "inherit", "cured": "cure", "curable": "cure", "cures": "cure",
    "treated": "treat", "treatment": "treat", "treatments": "treat", "therapy": "treat", "therapies": "treat",
    "drug": "treat", "drugs": "treat", "medication": "treat", "medications": "treat", "managed": "manage",
    "management": "manage", "symptom": "symptoms", "signs": "symptoms", "sign": "symptoms",
    "diagnosed": "diagnose", "diagnosis": "diagnose", "test": "diagnose", "tests": "diagnose",
    "demyelination": "demyelinating", "myelin": "demyelinating", "axon": "axons", "axonal": "axons",
    "survival": "life", "survive": "life", "expectancy": "life", "prognosis": "life", "live": "life",
    "painful": "painless", "pain": "painless", "hurt": "painless", "cognition": "cognitive",
    "thinking": "cognitive", "dementia": "cognitive", "types": "type", "forms": "type", "kinds": "type",
    "subtypes": "type", "cause": "causes", "caused": "causes", "causing": "causes", "fast": "quickly",
    "rapidly": "quickly", "quick": "quickly", "progression": "progress", "progressive": "progress",
    "prenatal": "birth", "pregnancy": "birth", "compare": "difference", "differ": "difference",
    "differences": "difference", "versus": "difference", "vs": "difference", "distinguish": "difference",
    "dystrophies": "dystrophy", "neuromuscular": "neuromuscular", "genes": "gene", "neuron": "neurons",
    "neurones": "neurons", "mri": "imaging", "scan": "imaging", "mechanism": "mechanisms", "common": "common",
    "demyelinate": "demyelinating", "improve": "improve", "better": "improve", "help": "improve",
    "gets": "risk", "get": "risk", "disorder": "disease", "disorders": "disease", "diseases": "disease",
}


@dataclass(frozen=True)
class Match:
    """A saved query chosen for a question, its score, and the parameter values bound from the question."""

    query: SavedQuery
    question: str
    score: float
    bindings: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True)
class Mention:
    """An entity named in the question: the words used and the entity's IRI."""

    text: str
    entity: URIRef


@dataclass(frozen=True)
class Linker:
    """Names of the graph's diseases, and which of them also name a disease group (an ontology class)."""

    lexicon: Mapping[str, URIRef]
    groups: frozenset[URIRef]


def entity_linker(graph: Graph) -> Linker:
    """Lower-cased label or synonym -> disease; a disease sharing an exactMatch with a class is a group."""
    lexicon: dict[str, set[URIRef]] = {}
    for predicate in (RDFS.label, SKOS.altLabel):
        for subject, name in graph.subject_objects(predicate):
            if isinstance(subject, URIRef) and str(subject).startswith(str(KG)) \
                    and (subject, RDF.type, MND.Disease) in graph:
                lexicon.setdefault(str(name).casefold(), set()).add(subject)
    unique = {name: next(iter(entities)) for name, entities in lexicon.items() if len(entities) == 1}
    class_matches = {match for cls, match in graph.subject_objects(SKOS.exactMatch)
                     if str(cls).startswith(str(MND._NS))}
    groups = frozenset(e for e in unique.values() if set(graph.objects(e, SKOS.exactMatch)) & class_matches)
    return Linker(unique, groups)


def find_mentions(question: str, lexicon: Mapping[str, URIRef]) -> list[Mention]:
    """Entities the question names, longest names first, without overlaps, in order of appearance."""
    text = question.casefold()
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, Mention]] = []
    for name in sorted(lexicon, key=lambda n: (-len(n), n)):
        for match in re.finditer(_name_pattern(name), text):
            span = match.span()
            if any(span[0] < end and start < span[1] for start, end in taken):
                continue
            taken.append(span)
            found.append((span[0], Mention(question[span[0]:span[1]], lexicon[name])))
    return [mention for _, mention in sorted(found, key=lambda item: item[0])]


def _name_pattern(name: str) -> str:
    """A name as a whole-word pattern whose inner words may carry a possessive: "lou gehrig's disease"."""
    words = [re.escape(word) for word in name.split(" ")]
    return r"(?<![\w-])" + r"(?:['\u2019]s)? ".join(words) + r"(?![\w-])"


def unknown_names(question: str, mentions: list[Mention], known_words: set[str]) -> list[str]:
    """Capitalised names or abbreviations in the question that are neither entities nor known words."""
    masked = question
    for mention in mentions:
        masked = masked.replace(mention.text, " ")
    names = re.findall(r"\b(?:[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*(?:\s+(?:disease|syndrome|disorder))?)", masked)
    unknown = []
    for name in names:
        words = name.split()
        while words and words[0].casefold() in _STOP:
            words = words[1:]
        if words and not all(w.casefold() in known_words or w.casefold() in _STOP for w in words):
            unknown.append(" ".join(words))
    return unknown


def tokens(text: str) -> list[str]:
    words = [_NORMAL.get(word, word) for word in _WORD.findall(text.casefold())]
    return [_stem(word) for word in words if word not in _STOP]


def match_question(question: str, queries: Mapping[str, SavedQuery], linker: Linker) -> list[Match]:
    """Every declared question scored against ``question``, best first (ties broken by name)."""
    lexicon = linker.lexicon
    mentions = find_mentions(question, lexicon)
    documents = []
    for query in queries.values():
        for declared in query.questions:
            # an entity the declared question is about is a parameter; one it only names is part of its wording
            named = find_mentions(declared.text, lexicon)
            wording = {m.entity for m in named} - _default_entities(query, declared)
            words = _masked_tokens(declared.text, [m for m in named if m.entity not in wording], linker.groups)
            documents.append((query, declared, wording, words))
    frequency = Counter(word for *_, words in documents for word in set(words))
    weight = {word: math.log(1 + len(documents) / count) for word, count in frequency.items()}
    matches = []
    for query, declared, wording, words in documents:
        arguments = [m for m in mentions if m.entity not in wording]
        asked = _masked_tokens(question, arguments, linker.groups)
        score = _cosine(Counter(asked), Counter(words), weight)
        matches.append(Match(query, declared.text, score, _bindings(query, arguments, declared.bindings)))
    return sorted(matches, key=lambda m: (-m.score, m.query.name, m.question))


def _default_entities(query: SavedQuery, declared: Question) -> set[URIRef]:
    """Entities a declared question is about (its bindings, else the defaults), as opposed to its wording."""
    values = [v for p in query.parameters for v in declared.bindings.get(p.name, p.default)]
    return {URIRef(v.replace("kg:", str(KG), 1)) for v in values}


def vocabulary(queries: Mapping[str, SavedQuery], lexicon: Mapping[str, URIRef]) -> set[str]:
    """Every word of the declared questions and entity names, for telling unknown names apart."""
    words = {w for query in queries.values() for q in query.questions for w in _WORD.findall(q.text.casefold())}
    return words | {w for name in lexicon for w in _WORD.findall(name)} | set(_NORMAL)


def _masked_tokens(text: str, mentions: list[Mention], groups: frozenset[URIRef]) -> list[str]:
    """The question's words with the named entities replaced by one marker each; a disease group's name
    (e.g. muscular dystrophy) stays as words too, since it may be what is asked about."""
    for mention in mentions:
        if mention.entity not in groups:
            text = text.replace(mention.text, " ")
    return tokens(text) + [ENTITY] * len(mentions)


def _bindings(query: SavedQuery, mentions: list[Mention],
              declared: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    iri_parameters = [p for p in query.parameters if p.type == "iri"]
    if mentions and iri_parameters:
        if len(iri_parameters) >= 2 and len(mentions) >= 2:  # e.g. left and right of a comparison
            return {p.name: (str(m.entity),) for p, m in zip(iri_parameters, mentions, strict=False)}
        return {iri_parameters[0].name: tuple(dict.fromkeys(str(m.entity) for m in mentions))}
    return dict(declared)


def _cosine(a: Counter[str], b: Counter[str], weight: Mapping[str, float]) -> float:
    dot = sum(a[w] * b[w] * weight.get(w, 1.0) ** 2 for w in a if w in b)
    norm_a = math.sqrt(sum((c * weight.get(w, 1.0)) ** 2 for w, c in a.items()))
    norm_b = math.sqrt(sum((c * weight.get(w, 1.0)) ** 2 for w, c in b.items()))
    return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0


def _stem(word: str) -> str:
    for suffix in ("ing", "ies", "es", "s", "ed"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word
