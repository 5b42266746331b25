"""Every cited statement of the graph, indexed for answering questions: the unit of an answer.

A statement is a reified claim (mnd:Claim), a part of an n-ary cited statement (figure, classification
statement, case report observation, treatment effect), or a triple the reasoner derived, with the asserted
premises and citations it rests on. Its polarity comes from the ontology (a property with mnd:negationOf
says no; a value marked mnd:negativeValue, such as "no known cure", says no unless it is itself asked), its
qualifiers from the claim itself (literal notes such as "some patients", values marked mnd:hedge such as
"traditionally"). Names of entities and relations are the graph's labels and
skos:altLabels. Statements are ranked against a question with BM25 over their words and quotes: bm25s
scores every (word, statement) pair once, when the index is built; a question's score for a statement is
the sum of its words' scores, as bm25s's own ``get_scores`` computes it. The cited sentences are scored the
same way, apart, so a statement's sentences are shown best first. So answering a question needs
neither bm25s nor its NumPy and SciPy imports (kg.answers.index_cache keeps the scores on disk).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property

import Stemmer
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.term import Node

from kg.answers.citations import CitationDetail, citation_details
from kg.answers.explain import Explainer
from kg.graph.namespaces import ASSERTED_GRAPH, INFERRED_GRAPH, KG, MND, PROV

ONTOLOGY = str(MND._NS)
NEGATION_OF = URIRef(ONTOLOGY + "negationOf")
NEGATIVE_VALUE = URIRef(ONTOLOGY + "negativeValue")
NEGATION_HEDGE = URIRef(ONTOLOGY + "negationHedge")
RELATION_HEDGE = URIRef(ONTOLOGY + "relationHedge")
EXCLUDES_PROPERTY = URIRef(ONTOLOGY + "excludesProperty")
HEDGE = URIRef(ONTOLOGY + "hedge")
INVERSE_ALT_LABEL = URIRef(ONTOLOGY + "inverseAltLabel")
CONTRARY_LABEL = URIRef(ONTOLOGY + "contraryLabel")
FIRST_RANK_LABEL = URIRef(ONTOLOGY + "firstRankLabel")
RELATIVE = {"that", "which", "who", "whose"}  # opening a relative clause after the head of a thing's name
LAST_RANK_LABEL = URIRef(ONTOLOGY + "lastRankLabel")
SUBTYPE_OF = URIRef(ONTOLOGY + "subtypeOf")
PRIMARY_PATHOLOGY = URIRef(ONTOLOGY + "PrimaryPathology")
SECONDARY_PATHOLOGY = URIRef(ONTOLOGY + "SecondaryPathology")
PATHOLOGICAL_PROCESS = URIRef(ONTOLOGY + "PathologicalProcess")
ABOUT = (URIRef(ONTOLOGY + "aboutDisease"), URIRef(ONTOLOGY + "classifies"))
# literal values that are a statement's wording or figures, not a qualifier of it
NOT_QUALIFIERS = {RDFS.label, RDFS.comment, SKOS.note, SKOS.definition, URIRef(ONTOLOGY + "interpretation"),
                  URIRef(ONTOLOGY + "cellText"), MND.quote}
# a figure counting the cases of X among the subject's: a share, so it qualifies "the subject has X"
COUNTS_CASES_OF = URIRef(ONTOLOGY + "countsCasesOf")
IN_DISEASE = URIRef(ONTOLOGY + "inDisease")
CLINICAL_FEATURE = URIRef(ONTOLOGY + "ClinicalFeature")
APPROXIMATE = 5.0  # per cent points either side of an approximate share ("approximately 85%": 80 to 90)
STRUCTURE = {RDF.type, RDF.subject, RDF.predicate, RDF.object, PROV.wasDerivedFrom}
WORD = re.compile(r"\w(?:[\w-]|['\u2019](?=\w))*")  # an apostrophe only inside a word ("don't", not "eyes'")
STEMMER = Stemmer.Stemmer("english")
QUANTIFIERS = {"some", "all", "every", "each", "most", "many", "certain"}  # "some forms", "most cases"
TOKEN = re.compile(r"(?u)\b\w\w+\b")  # bm25s.tokenize's default token pattern
# stems of one word family the stemmer keeps apart: "sensation lost" names "loss of sensation", "weaken muscles"
# "muscle weakness", "destroy myelin" "myelin destruction", "breathing fails" "breathing failure", "swallowing is
# difficult" "swallowing difficulty"
WORD_FAMILY = {"lost": "loss", "lose": "loss", "weaken": "weak", "destroy": "destruct", "fail": "failur",
               "difficult": "difficulti"}


@dataclass(frozen=True)
class Statement:
    """One cited statement: subject, the property as stated, object, and what it rests on."""

    iri: str
    subject: URIRef
    property: URIRef
    object: Node
    negative: bool
    qualifiers: tuple[str, ...]
    citations: tuple[URIRef, ...]
    about: frozenset[Node]
    derived: bool = False
    premises: tuple[str, ...] = ()
    text: str = ""


@dataclass(frozen=True)
class Share:
    """A figure giving a share in per cent: what it counts (mnd:countsCasesOf) among what (mnd:amongCasesOf), and
    the lowest and highest share its words allow ("up to 40%": 0 to 40; "approximately 85%": 80 to 90); or, of the
    patients of a disease (its mnd:aboutDisease as ``among``, nothing counted) those past a threshold
    (mnd:thresholdValue: "5-10% living longer than 10 years")."""

    counted: frozenset[URIRef]
    among: frozenset[URIRef]
    low: float
    high: float
    threshold: float | None = None


MAX_REMEMBERED_TEXTS = 100_000  # texts whose tokens an index keeps (the graph's names and sentences are far fewer)


@dataclass
class ClaimIndex:
    """The statements, the names of entities and relations, labels, citation details and the BM25 index."""

    statements: list[Statement]
    entity_names: dict[tuple[str, ...], frozenset[URIRef]]
    relation_names: dict[tuple[str, ...], frozenset[URIRef]]
    labels: dict[Node, str]
    citations: dict[URIRef, CitationDetail]
    vocabulary: frozenset[str]  # stems of every word the graph's literals use
    classes: frozenset[URIRef]
    diseases: frozenset[URIRef]
    disjoint: dict[URIRef, frozenset[URIRef]]
    negation_of: dict[URIRef, URIRef]
    negation_hedges: dict[URIRef, frozenset[str]]  # a negative property denying only so far -> its hedge words
    broader: dict[URIRef, frozenset[URIRef]]  # a property -> it and every property it is a subproperty of
    negative_values: frozenset[URIRef]  # values saying their property's relation does not hold (no known cure)
    defined_by: dict[URIRef, frozenset[URIRef]]  # a defined class -> the properties its definition restricts
    inverse_names: dict[tuple[str, ...], frozenset[URIRef]]  # a relation name -> the properties it reads inversely
    stopwords: frozenset[str]
    kind_names: dict[tuple[str, ...], frozenset[URIRef]]  # a name -> the kinds of figure so named ("life expectancy")
    of_kind: dict[URIRef, frozenset[URIRef]]  # a kind of figure -> the figures of that kind
    first_rank_names: dict[tuple[str, ...], frozenset[URIRef]]  # "most severe" -> the rank properties it orders
    last_rank_names: dict[tuple[str, ...], frozenset[URIRef]]  # "mildest" -> the rank properties it orders
    shares: dict[URIRef, Share]  # a figure giving a share in per cent -> what it counts among what, its bounds
    postings: dict[str, dict[int, float]] = field(repr=False)  # stemmed word -> statement number -> BM25 score
    quote_postings: dict[str, dict[str, float]] = field(repr=False)  # stemmed word -> citation -> its quote's score
    # a name of the contrary of a thing, relation or kind of figure (mnd:contraryLabel) -> the terms it is contrary to
    contrary_names: dict[tuple[str, ...], frozenset[URIRef]] = field(default_factory=dict)

    def nary(self, statement: Statement) -> bool:
        """Whether ``statement`` is a part of an n-ary cited statement (a figure, a treatment effect, ...)."""
        return statement.iri in self._nary_iris

    @cached_property
    def by_end(self) -> dict[Node, frozenset[int]]:
        """A thing -> the numbers of the statements it is the subject or the object of."""
        found: dict[Node, set[int]] = {}
        for number, statement in enumerate(self.statements):
            found.setdefault(statement.subject, set()).add(number)
            found.setdefault(statement.object, set()).add(number)
        return {term: frozenset(numbers) for term, numbers in found.items()}

    @cached_property
    def subtypes(self) -> dict[Node, frozenset[URIRef]]:
        """A thing -> what the statements say is a subtype of it (mnd:subtypeOf)."""
        found: dict[Node, set[URIRef]] = {}
        for statement in self.statements:
            if statement.property == SUBTYPE_OF:
                found.setdefault(statement.object, set()).add(statement.subject)
        return {term: frozenset(subjects) for term, subjects in found.items()}

    def subtypes_of(self, terms: frozenset[Node] | frozenset[URIRef] | set[Node]) -> frozenset[URIRef]:
        """Every subtype of one of ``terms``."""
        return frozenset[URIRef]().union(*(self.subtypes.get(term, ()) for term in terms))

    def with_subtypes(self, terms: frozenset[Node]) -> frozenset[Node]:
        """``terms`` and every subtype of one of them."""
        return terms | self.subtypes_of(terms)

    def supertypes(self, terms: frozenset[Node] | set[Node]) -> frozenset[Node]:
        """What the statements say one of ``terms`` is a subtype of."""
        return frozenset(parent for parent, subtypes in self.subtypes.items() if subtypes & terms)

    @cached_property
    def kinds_of(self) -> dict[Node, frozenset[URIRef]]:
        """A figure -> the kinds of figure it is of (the inverse of ``of_kind``)."""
        found: dict[Node, set[URIRef]] = {}
        for kind, figures in self.of_kind.items():
            for figure in figures:
                found.setdefault(figure, set()).add(kind)
        return {figure: frozenset(kinds) for figure, kinds in found.items()}

    @cached_property
    def _nary_iris(self) -> frozenset[str]:
        """The IRIs of the n-ary statements: each is one of the things its parts are about (found once, not at
        each of the million questions a question's matching asks of it)."""
        return frozenset(s.iri for s in self.statements if s.iri.startswith("http") and URIRef(s.iri) in s.about)

    @cached_property
    def properties_of(self) -> dict[str, frozenset[Node]]:
        """A statement's IRI -> the properties it states: one for a claim, every link of an n-ary statement."""
        found: dict[str, set[Node]] = {}
        for statement in self.statements:
            found.setdefault(statement.iri, set()).add(statement.property)
        return {iri: frozenset(properties) for iri, properties in found.items()}

    @cached_property
    def values_of(self) -> dict[str, frozenset[Node]]:
        """An n-ary statement's IRI -> every value it links (the diseases it is about and its links' objects)."""
        found: dict[str, set[Node]] = {}
        for statement in self.statements:
            if self.nary(statement):
                found.setdefault(statement.iri, set()).update({*statement.about, statement.object})
        return {iri: frozenset(values) for iri, values in found.items()}

    @cached_property
    def quantified(self) -> frozenset[str]:
        """The stems of the words a statement's qualifier quantifies ("some forms": "form")."""
        said = [words(q) for s in self.statements for q in s.qualifiers]
        return frozenset(STEMMER.stemWord(w[n + 1]) for w in said for n in range(len(w) - 1) if w[n] in QUANTIFIERS)

    @cached_property
    def names_of(self) -> dict[Node, frozenset[str]]:
        """A term -> the stemmed words of every name of it (its label and altLabels): "adults" names adulthood
        when the graph calls it so."""
        return {term: frozenset(stem for name in names for stem in self.tokens(" ".join(name)))
                for term, names in self.names_by_term.items()}

    @cached_property
    def entity_heads(self) -> frozenset[str]:
        """The stemmed last word of every name of a thing (not of a relation), its head: "eye" of "snake eyes"."""
        named: dict[str, set[URIRef]] = {}
        for name, terms in self.entity_names.items():
            # a relative clause follows the head ("skeletal muscles that control movement": muscles)
            head = next((name[n - 1] for n, w in enumerate(name) if n and w in RELATIVE), name[-1])
            for stem in self.tokens(head):
                named.setdefault(stem, set()).update(terms)
        return frozenset(stem for stem, terms in named.items() if len(terms) == 1)

    @cached_property
    def names_by_term(self) -> dict[Node, tuple[tuple[str, ...], ...]]:
        """A thing -> its names (``entity_names``' keys naming it), in their order."""
        return _by_term(self.entity_names)

    @cached_property
    def pathological_processes(self) -> frozenset[Node]:
        """The things the statements say are pathological processes."""
        return frozenset(s.subject for s in self.statements
                         if s.property == RDF.type and s.object == PATHOLOGICAL_PROCESS)

    @cached_property
    def names_by_stems(self) -> dict[tuple[str, ...], frozenset[URIRef]]:
        """The stems of a name of two words or more, sorted -> the terms so named: "sensation lost" and "sensory
        loss" are the same name in other word forms and order."""
        return self._by_stems(self.entity_names)

    @cached_property
    def contrary_by_stems(self) -> dict[tuple[str, ...], frozenset[URIRef]]:
        """As ``names_by_stems``, of the names of contraries: "reduce the burden on caregivers" names the contrary of
        increased caregiver burden ("reduced caregiver burden")."""
        return self._by_stems(self.contrary_names)

    def _by_stems(self, names: dict[tuple[str, ...], frozenset[URIRef]]) -> dict[tuple[str, ...], frozenset[URIRef]]:
        found: dict[tuple[str, ...], set[URIRef]] = {}
        for name, terms in names.items():
            key = self.stem_key(name)
            if len(key) > 1:
                found.setdefault(key, set()).update(terms)
        return {key: frozenset(terms) for key, terms in found.items()}

    @cached_property
    def quote_words(self) -> frozenset[str]:
        """The words of five letters or more that the cited sentences use, lower-cased: what a misspelled word of
        the question may be corrected to besides names ("presentaton": "presentation")."""
        return frozenset(w for c in self.citations.values() for w in words(c.quote) if len(w) >= 5 and w.isalpha())

    def stem_key(self, name: tuple[str, ...]) -> tuple[str, ...]:
        """The stems of ``name``'s words but stopwords, one word family's as one, sorted."""
        return tuple(sorted(WORD_FAMILY.get(stem, stem) for stem in self.tokens(" ".join(name))))

    def names(self, term: Node) -> frozenset[str]:
        """The stemmed words naming ``term``: its label's and its altLabels'."""
        return frozenset(self.tokens(self.label(term))) | self.names_of.get(term, frozenset())

    def rank(self, text: str, among: Iterable[int] | None = None) -> list[tuple[int, float]]:
        """Statement numbers by BM25 score for ``text`` (best first, ties by number), optionally only ``among``."""
        scores = [0.0] * len(self.statements)
        for token in self.tokens(text):
            for number, score in self.postings.get(token, {}).items():
                scores[number] += score
        allowed = None if among is None else set(among)
        ranked = [(n, s) for n, s in enumerate(scores) if allowed is None or n in allowed]
        return sorted(ranked, key=lambda item: (-item[1], item[0]))

    def by_quote(self, text: str, citations: Iterable[URIRef]) -> list[URIRef]:
        """``citations`` by their quotes' BM25 score for ``text`` (best first, ties in the order given)."""
        tokens = self.tokens(text)
        score = {c: sum(self.quote_postings.get(token, {}).get(str(c), 0.0) for token in tokens) for c in citations}
        return sorted(score, key=lambda c: -score[c])

    def tokens(self, text: str) -> list[str]:
        """``text`` as bm25s.tokenize splits it for this index: lower-cased words, stopwords out, stemmed."""
        if (known := self._tokens.get(text)) is None:
            if len(self._tokens) >= MAX_REMEMBERED_TEXTS:  # a server answers questions without end
                self._tokens.clear()
            known = self._tokens[text] = tuple(STEMMER.stemWords(
                [w for w in TOKEN.findall(text.lower()) if w not in self.stopwords]))
        return list(known)

    @cached_property
    def _tokens(self) -> dict[str, tuple[str, ...]]:
        """The tokens of each text tokenized so far: the same names and sentences are read for every question."""
        return {}

    @cached_property
    def relation_name_stems(self) -> dict[URIRef, tuple[frozenset[str], ...]]:
        """A property -> the stems of each of its names."""
        stems: dict[URIRef, list[frozenset[str]]] = {}
        for name, props in self.relation_names.items():
            for prop in props:
                stems.setdefault(prop, []).append(frozenset(self.tokens(" ".join(name))))
        return {prop: tuple(each) for prop, each in stems.items()}

    def phrase(self, statement: Statement) -> str:
        """A statement in words: an n-ary statement's own label, else subject, property and object."""
        own = self.labels.get(URIRef(statement.iri)) if statement.iri.startswith("http") else None
        if own is not None:
            return own
        return f"{self.label(statement.subject)} {self.relation(statement)} {self.label(statement.object)}"

    def relation(self, statement: Statement) -> str:
        """A statement's property in words (its label; a type as "is a", or "is not a")."""
        if statement.property == RDF.type:
            return "is not a" if statement.negative else "is a"
        label = self.label(statement.property)
        if statement.negative and statement.property not in self.negation_of:  # a positive property denied
            return f"does not have {label.removeprefix('has ')}" if label.startswith("has ") else f"not {label}"
        return label

    def restates(self, statement: Statement) -> bool:
        """Whether ``statement`` is a denial derived from a claim of a property excluding another (ALS does not have
        primary pathology demyelination, from its secondary pathology): it answers a yes/no, yet restates that claim,
        which leads and lists better in an open answer."""
        return statement.derived and statement.negative and statement.property != RDF.type \
            and statement.property not in self.negation_of

    def knows(self, word: str) -> bool:
        """Whether the graph's literals use ``word`` (in any inflection, or another word of its family)."""
        stem = STEMMER.stemWord(word)
        return stem in self.vocabulary or WORD_FAMILY.get(stem, stem) in self.vocabulary

    def label(self, term: Node) -> str:
        return self.labels.get(term) or (str(term) if isinstance(term, Literal) else str(term).rsplit("/", 1)[-1])


def words(text: str) -> tuple[str, ...]:
    """A name or question as lower-cased words, a possessive 's (or a plural's ') dropped."""
    return tuple(re.sub(r"['\u2019]s?$", "", w.casefold()) for w in WORD.findall(text))


def span(said: Sequence[str], name: Sequence[str], start: int = 0) -> tuple[int, int] | None:
    """Where ``name`` first stands in ``said`` from ``start``: its first word's place and the place after its last."""
    name = tuple(name)
    for at in range(start, len(said) - len(name) + 1):
        if name and tuple(said[at:at + len(name)]) == name:
            return at, at + len(name)
    return None


def build_index(dataset: Dataset) -> ClaimIndex:
    """Index every cited statement of ``dataset`` (its asserted and inferred graphs)."""
    asserted = dataset.graph(ASSERTED_GRAPH)
    inferred = dataset.graph(INFERRED_GRAPH)
    labels = {s: str(o) for s, o in asserted.subject_objects(RDFS.label)}
    negation_of = {p: q for p, q in asserted.subject_objects(NEGATION_OF)
                   if isinstance(p, URIRef) and isinstance(q, URIRef)}
    negation_hedges: dict[URIRef, set[str]] = {}
    for p, hedge in asserted.subject_objects(NEGATION_HEDGE):
        if isinstance(p, URIRef):
            negation_hedges.setdefault(p, set()).add(str(hedge).casefold())
    statements = [*_claims(asserted, labels, negation_of), *_nary(asserted, labels, negation_of)]
    relation_hedges = {p: tuple(sorted(str(h) for h in asserted.objects(p, RELATION_HEDGE)))
                       for p in set(asserted.subjects(RELATION_HEDGE, None))}
    statements = [replace(s, qualifiers=s.qualifiers + relation_hedges[s.property])
                  if s.property in relation_hedges else s for s in statements]  # "typical onset": usually
    disjoint = _disjoint(asserted)
    stated: set[tuple[Node, Node, Node]] = {(s.subject, s.property, s.object) for s in statements}
    statements += _derived(asserted, inferred, Explainer(asserted, dataset), labels, disjoint, stated, negation_of)
    statements += _denied_by_excluded_properties(asserted, statements, labels)
    cited = sorted({c for s in statements for c in s.citations})
    details = citation_details(asserted, cited)
    classes = frozenset(c for c in set(asserted.subjects(RDFS.subClassOf, None))
                        if isinstance(c, URIRef) and c != MND.Disease
                        and MND.Disease in set(asserted.transitive_objects(c, RDFS.subClassOf)))
    properties = {p for p in asserted.subjects(RDF.type, OWL.ObjectProperty)} | {
        p for p in asserted.subjects(RDF.type, OWL.DatatypeProperty)}
    relation_names = _names(asserted, lambda s: s in properties)
    inverse_names = _names(asserted, lambda s: s in properties, (INVERSE_ALT_LABEL,))
    # kinds of sign ("upper motor neuron sign") are names too: "Is weakness an upper motor neuron sign in ALS?" asks
    # of that kind, not of the upper motor neurons ALS affects
    signs = {c for c in asserted.transitive_subjects(RDFS.subClassOf, CLINICAL_FEATURE)
             if isinstance(c, URIRef) and c != CLINICAL_FEATURE and (c, OWL.equivalentClass, None) in asserted}
    entity_names = _names(asserted, lambda s: (str(s).startswith(str(KG)) or s in classes or s in signs))
    entity_names = {**{name: terms for name, terms in _pathology_names(asserted, dataset).items()
                       if name not in relation_names}, **entity_names}  # "primary pathology" stays a relation
    entity_names = {**_subtype_names(asserted, entity_names), **entity_names}
    statements = [_with_text(s, asserted, labels, details) for s in statements]
    # no hedge names, and no relation's names: a word only a relation's name holds ("handed" of "handed down") is
    # read where that name stands, and elsewhere ("weakness in the hands") is no word the documents use
    vocabulary = frozenset(STEMMER.stemWords([w for s, p, o in asserted if isinstance(o, Literal)
                                              and p not in (NEGATION_HEDGE, RELATION_HEDGE)
                                              and not (s in properties and p in (SKOS.altLabel, INVERSE_ALT_LABEL))
                                              for w in words(str(o))]))
    stopwords, postings = _bm25([s.text for s in statements])
    quoted = [c for c in cited if c in details]
    _, by_number = _bm25([details[c].quote for c in quoted])
    quote_postings = {token: {str(quoted[n]): score for n, score in scores.items()}
                      for token, scores in by_number.items()}
    diseases = frozenset(d for d in dataset.subjects(RDF.type, MND.Disease) if isinstance(d, URIRef))
    broader = {p: frozenset(q for q in asserted.transitive_objects(p, RDFS.subPropertyOf) if isinstance(q, URIRef))
               for p in properties if isinstance(p, URIRef)}
    negative_values = frozenset(v for v in asserted.subjects(NEGATIVE_VALUE, Literal(True)) if isinstance(v, URIRef))
    defined_by: dict[URIRef, set[URIRef]] = {}
    for cls, restriction in asserted.subject_objects(OWL.equivalentClass):
        prop = asserted.value(restriction, OWL.onProperty)
        if isinstance(cls, URIRef) and isinstance(prop, URIRef):
            defined_by.setdefault(cls, set()).add(prop)
    kinds = {k for k in asserted.subjects(RDF.type, MND.QuantityKind) if isinstance(k, URIRef)}
    kind_names = _names(asserted, lambda s: s in kinds)
    of_kind = {k: frozenset(f for f in asserted.subjects(None, k) if isinstance(f, URIRef) and f in labels)
               for k in kinds}
    return ClaimIndex(statements, entity_names, relation_names, labels, details, vocabulary, classes, diseases,
                      disjoint, negation_of, {p: frozenset(h) for p, h in negation_hedges.items()}, broader,
                      negative_values,
                      {c: frozenset(p) for c, p in defined_by.items()}, inverse_names, stopwords, kind_names,
                      of_kind, _names(asserted, lambda s: s in properties, (FIRST_RANK_LABEL,)),
                      _names(asserted, lambda s: s in properties, (LAST_RANK_LABEL,)), _shares(asserted), postings,
                      quote_postings, _names(asserted, lambda s: True, (CONTRARY_LABEL,)))


def _shares(graph: Graph) -> dict[URIRef, Share]:
    """Every figure in per cent counting something among the cases of something, with the bounds its words allow:
    a minimum or a maximum alone is open on the other side, an approximate value is taken as APPROXIMATE points
    either way."""
    found = {}
    for figure in sorted(graph.subjects(URIRef(ONTOLOGY + "unit"), URIRef(ONTOLOGY + "percent")), key=str):
        counted, among = (frozenset(o for o in graph.objects(figure, p) if isinstance(o, URIRef))
                          for p in (COUNTS_CASES_OF, URIRef(ONTOLOGY + "amongCasesOf")))
        value, low, high = (graph.value(figure, URIRef(ONTOLOGY + p))
                            for p in ("value", "minimumValue", "maximumValue"))
        threshold = graph.value(figure, URIRef(ONTOLOGY + "thresholdValue"))
        if threshold is not None and not counted and not among:
            among = frozenset(o for o in graph.objects(figure, URIRef(ONTOLOGY + "aboutDisease"))
                              if isinstance(o, URIRef))
        if not isinstance(figure, URIRef) or not among or not (counted or threshold is not None):
            continue
        margin = APPROXIMATE if graph.value(figure, URIRef(ONTOLOGY + "approximate")) == Literal(True) else 0.0
        bounds = (_number(value), _number(value)) if value is not None else (
            _number(low) if low is not None else 0.0, _number(high) if high is not None else 100.0)
        found[figure] = Share(counted, among, max(bounds[0] - margin, 0.0), min(bounds[1] + margin, 100.0),
                              None if threshold is None else _number(threshold))
    return found


def _number(value: Node) -> float:
    return float(value.toPython()) if isinstance(value, Literal) else float("nan")


def _bm25(texts: list[str]) -> tuple[frozenset[str], dict[str, dict[int, float]]]:
    """bm25s's index of ``texts``: its English stopwords and every word's score in every text holding it."""
    import bm25s
    from bm25s.stopwords import STOPWORDS_EN

    if not texts:  # a graph with no cited statement (the ontology alone): bm25s cannot index nothing
        return frozenset(STOPWORDS_EN), {}
    retriever = bm25s.BM25()
    retriever.index(bm25s.tokenize(texts, stopwords="en", stemmer=STEMMER, show_progress=False),
                    show_progress=False)
    postings = {}
    for token in sorted(retriever.vocab_dict):
        if token:  # bm25s keeps an empty token for texts that have no word
            scores = retriever.get_scores([token])
            postings[token] = {int(n): float(scores[n]) for n in scores.nonzero()[0]}
    return frozenset(STOPWORDS_EN), postings


def _names(graph: Graph, keep: Callable[[URIRef], bool], predicates: tuple[URIRef, ...] = (RDFS.label, SKOS.altLabel)
           ) -> dict[tuple[str, ...], frozenset[URIRef]]:
    """Label and altLabel words (or those of ``predicates``) -> the terms so named (a name may name more than one
    term)."""
    names: dict[tuple[str, ...], set[URIRef]] = {}
    for predicate in predicates:
        for subject, name in graph.subject_objects(predicate):
            if isinstance(subject, URIRef) and keep(subject):
                key = words(str(name))
                if key:
                    names.setdefault(key, set()).add(subject)
    return {name: frozenset(terms) for name, terms in names.items()}


def _by_term(names: dict[tuple[str, ...], frozenset[URIRef]]) -> dict[Node, tuple[tuple[str, ...], ...]]:
    """A term -> the names naming it, in ``names``' order."""
    found: dict[Node, list[tuple[str, ...]]] = {}
    for name, terms in names.items():
        for term in terms:
            found.setdefault(term, []).append(name)
    return {term: tuple(each) for term, each in found.items()}


def _subtype_names(graph: Graph, names: dict[tuple[str, ...], frozenset[URIRef]]
                   ) -> dict[tuple[str, ...], frozenset[URIRef]]:
    """A subtype's names written with another name of the disease it is a subtype of: "bulbar-onset ALS" is also
    "bulbar onset Lou Gehrig disease", "familial ALS" "familial Lou Gehrig disease"."""
    of = _by_term(names)
    found: dict[tuple[str, ...], set[URIRef]] = {}
    for subtype, disease in graph.subject_objects(SUBTYPE_OF):
        if not isinstance(subtype, URIRef):
            continue
        for name, part in ((n, p) for n in of.get(subtype, []) for p in of.get(disease, [])):
            if (where := span(name, part)) is not None:
                for other in of[disease]:
                    written = name[:where[0]] + other + name[where[1]:]
                    if written not in names:
                        found.setdefault(written, set()).add(subtype)
    return {name: frozenset(terms) for name, terms in found.items()}


def _pathology_names(graph: Graph, dataset: Dataset) -> dict[tuple[str, ...], frozenset[URIRef]]:
    """A kind of pathological process ("axonal degeneration") names the processes of that kind that are some
    disease's primary or secondary pathology: "Is ALS a disease of axonal degeneration?" asks about ALS's, "Is
    demyelination seen in ALS?" about its secondary demyelination; and the kind itself where a statement is about
    it ("Does hyperreflexia in ALS indicate demyelination?": it is not indicative of demyelination)."""
    primary = {p for kind in (PRIMARY_PATHOLOGY, SECONDARY_PATHOLOGY) for p in dataset.subjects(RDF.type, kind)
               if isinstance(p, URIRef)}
    kinds = {c for c in graph.transitive_subjects(RDFS.subClassOf, PATHOLOGICAL_PROCESS)
             if isinstance(c, URIRef) and c != PATHOLOGICAL_PROCESS}
    names: dict[tuple[str, ...], set[URIRef]] = {}
    for kind in sorted(kinds, key=str):
        instances = {p for p in primary if (p, RDF.type, kind) in dataset}
        if any(p != RDF.type for _, p in graph.subject_predicates(kind)):
            instances.add(kind)
        for predicate in (RDFS.label, SKOS.altLabel):
            for name in graph.objects(kind, predicate):
                if instances and words(str(name)):
                    names.setdefault(words(str(name)), set()).update(instances)
    return {name: frozenset(terms) for name, terms in names.items()}


def _qualifiers(graph: Graph, node: Node, labels: dict[Node, str]) -> tuple[str, ...]:
    """A statement's hedges: its plain literal notes, and the labels of values marked mnd:hedge."""
    found = []
    for predicate, value in sorted(graph.predicate_objects(node), key=lambda po: (str(po[0]), str(po[1]))):
        if predicate in STRUCTURE or predicate in NOT_QUALIFIERS:
            continue
        if isinstance(value, Literal) and value.datatype in (None, XSD.string) and not value.language:
            found.append(str(value))
        elif isinstance(value, URIRef) and (value, HEDGE, Literal(True)) in graph:
            found.append(next((str(a) for a in graph.objects(value, SKOS.altLabel)), labels.get(value, "")))
    return tuple(found)


def _citations(graph: Graph, node: Node) -> tuple[URIRef, ...]:
    return tuple(sorted(c for c in graph.objects(node, PROV.wasDerivedFrom) if isinstance(c, URIRef)))


def _claims(graph: Graph, labels: dict[Node, str], negation_of: dict[URIRef, URIRef]) -> list[Statement]:
    """The reified claims (mnd:Claim) other than the rdf:type claims naming an entity's kind."""
    found = []
    for claim in sorted(graph.subjects(RDF.type, MND.Claim), key=str):
        subject, prop, obj = (graph.value(claim, p) for p in (RDF.subject, RDF.predicate, RDF.object))
        if not isinstance(subject, URIRef) or not isinstance(prop, URIRef) or obj is None or prop == RDF.type:
            continue
        found.append(Statement(str(claim), subject, prop, obj, prop in negation_of,
                               _qualifiers(graph, claim, labels), _citations(graph, claim),
                               frozenset({subject, obj})))
    return found


def _nary(graph: Graph, labels: dict[Node, str], negation_of: dict[URIRef, URIRef]) -> list[Statement]:
    """The parts of n-ary cited statements: what each says about the disease it is about."""
    found = []
    cited = {s for s in graph.subjects(PROV.wasDerivedFrom, None) if isinstance(s, URIRef)}
    for node in sorted(cited, key=str):
        if (node, RDF.type, MND.Claim) in graph or (node, RDF.type, MND.Citation) in graph:
            continue
        about = sorted({o for p in ABOUT for o in graph.objects(node, p) if isinstance(o, URIRef)}, key=str)
        if not about:
            continue
        qualifiers = _qualifiers(graph, node, labels)
        links = sorted((p, o) for p, o in graph.predicate_objects(node)
                       if isinstance(o, URIRef) and isinstance(p, URIRef) and p not in STRUCTURE
                       and p not in ABOUT and o in labels and not _ontology_individual(graph, o))
        for subject in about:
            for prop, obj in links or [(RDF.type, node)]:
                if obj == subject:
                    continue
                share = (labels[node],) if prop == COUNTS_CASES_OF and node in labels else ()
                found.append(Statement(str(node), subject, prop, obj, prop in negation_of, qualifiers + share,
                                       _citations(graph, node), frozenset({*about, obj, node})))
    return found


def _ontology_individual(graph: Graph, term: URIRef) -> bool:
    """A value the ontology itself defines (a unit, a kind of figure, a classification status), not a class."""
    return str(term).startswith(ONTOLOGY) and (term, RDF.type, OWL.Class) not in graph


def _disjoint(graph: Graph) -> dict[URIRef, frozenset[URIRef]]:
    pairs: dict[URIRef, set[URIRef]] = {}
    for a, b in graph.subject_objects(OWL.disjointWith):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            pairs.setdefault(a, set()).add(b)
            pairs.setdefault(b, set()).add(a)
    return {c: frozenset(d) for c, d in pairs.items()}


def _derived(asserted: Graph, inferred: Graph, explainer: Explainer, labels: dict[Node, str],
             disjoint: dict[URIRef, frozenset[URIRef]], known: set[tuple[Node, Node, Node]],
             negation_of: dict[URIRef, URIRef]) -> list[Statement]:
    """Triples the reasoner derived about the graph's entities, with their premises and citations (one of a
    negative property says no, as asserted); a derived membership of a class disjoint with another is also a
    derived 'no' for that other class."""
    found = []
    for subject, prop, obj in sorted(inferred, key=lambda t: tuple(str(x) for x in t)):
        if not isinstance(subject, URIRef) or not isinstance(prop, URIRef) or not str(subject).startswith(str(KG)) \
                or (subject, prop, obj) in known:
            continue
        if prop == RDF.type and not (isinstance(obj, URIRef) and str(obj).startswith(ONTOLOGY) and obj in labels):
            continue
        if prop != RDF.type and not (str(prop).startswith(ONTOLOGY) and obj in labels):
            continue
        step = explainer.explain((subject, prop, obj))
        if step is None:
            continue
        leaves = step.leaves()
        citations = tuple(sorted({c for leaf in leaves for c in leaf.citations}))
        if not citations:
            continue
        premises = tuple(" ".join(_short(t, labels) for t in leaf.triple) for leaf in leaves)
        iri = " ".join(_short(t, labels) for t in (subject, prop, obj))
        # a disease's own manifestation of a sign is about the disease too: "ALS's weakness is a lower motor neuron
        # sign" answers "What are the lower motor neuron signs of ALS?"
        about = frozenset({subject, obj, *asserted.objects(subject, IN_DISEASE)})
        found.append(Statement(iri, subject, prop, obj, prop in negation_of, (), citations, about, True, premises))
        if prop == RDF.type and isinstance(obj, URIRef):
            for other in sorted(disjoint.get(obj, ()), key=str):
                found.append(Statement(iri, subject, RDF.type, other, True, (), citations,
                                       frozenset({subject, other}), True, premises))
    return found


def _denied_by_excluded_properties(graph: Graph, statements: list[Statement],
                                   labels: dict[Node, str]) -> list[Statement]:
    """For each asserted statement of a property that excludes another (a mnd:excludesProperty b), a derived 'no' of
    the other between the same two things: ALS has secondary pathology demyelination, so that is not its primary
    pathology. Only as declared, from a to b: the names of b ("primary") ask for it, while a's may name looser things
    ("leads to" death), which a statement of b would wrongly deny."""
    pairs: dict[URIRef, set[URIRef]] = {}
    for a, b in graph.subject_objects(EXCLUDES_PROPERTY):
        if isinstance(a, URIRef) and isinstance(b, URIRef):
            pairs.setdefault(a, set()).add(b)
    found = []
    for statement in statements:
        if statement.negative or statement.derived or statement.property not in pairs:
            continue
        premise = " ".join(_short(t, labels) for t in (statement.subject, statement.property, statement.object))
        for other in sorted(pairs[statement.property], key=str):
            iri = f"{_short(statement.subject, labels)} not {_short(other, labels)} {_short(statement.object, labels)}"
            found.append(Statement(iri, statement.subject, other, statement.object, True, (), statement.citations,
                                   statement.about, True, (premise, f"{_short(statement.property, labels)} "
                                                                    f"excludes {_short(other, labels)}")))
    return found


def _short(term: Node, labels: dict[Node, str]) -> str:
    if term == RDF.type:
        return "is a"
    return labels.get(term) or str(term)


def _with_text(statement: Statement, graph: Graph, labels: dict[Node, str],
               details: dict[URIRef, CitationDetail]) -> Statement:
    """The words BM25 ranks a statement by: names of its terms, its qualifiers and its quotes."""
    parts = []
    terms = [statement.subject, statement.property, *sorted(statement.about, key=str), statement.object]
    # one step further from the object: what kind of figure it is ("mean survival", "life expectancy")
    terms += sorted({o for o in graph.objects(statement.object, None) if isinstance(o, URIRef) and o in labels
                     and _ontology_individual(graph, o)}, key=str)
    for term in dict.fromkeys(terms):  # each term's names once: the subject and object are also in about
        parts.append(labels.get(term, ""))
        parts += [str(a) for a in graph.objects(term, SKOS.altLabel)] if isinstance(term, URIRef) else []
    parts += list(statement.qualifiers)
    parts += [details[c].quote for c in statement.citations if c in details]
    return replace(statement, text=" ".join(p for p in parts if p))
