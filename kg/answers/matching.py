"""Which statements are about the very thing asked: its entities, its relation, the words naming its values, and
whether a statement says yes to the question as read."""

from __future__ import annotations

from collections.abc import Callable

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.answers.claim_index import ONTOLOGY, SUBTYPE_OF, ClaimIndex, Statement, span, words
from kg.answers.question import ABSENCE, CONDITIONS, FRAME, HAVE, NEGATIONS, TOGETHER, Mention, Reading

SECONDARY_PATHOLOGY = URIRef(ONTOLOGY + "hasSecondaryPathology")
# the properties that say what kind of disease something is: a statement of a group answers them
CLASSIFYING = frozenset({RDF.type, URIRef(ONTOLOGY + "asCategory"), SUBTYPE_OF})
COPULA = {"is", "are", "was", "were"}
# how many words (stopwords aside) a word may stand from a thing named and still be said of it, and the words
# between that say something else of it ("primary axonal degeneration rather than myelin destruction")
BESIDE = 2
CONTRAST = {"rather", "than", "but", "unlike", "whereas", "while", "except", "beyond", "versus", "vs"}
ADJECTIVES = 3  # how many words before a kind's name in a sentence may say what kind of it ("autosomal recessive")


def statements_linking(index: ClaimIndex, entities: list[Mention],
                       keep: Callable[[Statement], bool]) -> tuple[list[int], list[int]]:
    """Statements kept by ``keep`` whose subject and object are two entities asked (the first and the last
    named, else the last and another, else the first and another), and every statement of that pair."""
    first, last, middle = entities[0], entities[-1], entities[1:-1]
    for pairs in ([(first, last)], [(m, last) for m in middle], [(first, m) for m in middle]):
        # a statement linking two things has one of them as its subject or object
        ends = sorted(frozenset().union(*(index.by_end.get(t, ()) for a, b in pairs for t in a.terms | b.terms)))
        pair = [n for n in ends if any(links(index, index.statements[n], a, b) for a, b in pairs)]
        kept = [n for n in pair if keep(index.statements[n])]
        if kept:
            return kept, pair
    return [], []


def links(index: ClaimIndex, statement: Statement, a: Mention, b: Mention) -> bool:
    """Whether ``statement`` links the two things asked: as its subject and object, or, for a part of an n-ary
    statement whose object is one of them, as two of the n-ary statement's values ("Can SMA treatment improve
    symptoms?": the treatment effect's intervention and outcome); never two groups of diseases."""
    ends = {statement.subject, statement.object}
    if a.terms & ends and b.terms & (ends - a.terms):
        return True
    if (statement.object not in a.terms and statement.object not in b.terms) or not index.nary(statement):
        return False
    values = index.values_of.get(statement.iri, frozenset())
    return bool(a.terms & values) and bool(b.terms & (values - a.terms)) and not (a.terms | b.terms) & index.classes


def about(index: ClaimIndex, entities: list[Mention]) -> list[int]:
    """Statements about every entity named, else about the first one named."""
    if not entities:
        return []
    every = [n for n, s in enumerate(index.statements) if all(m.terms & s.about for m in entities)]
    return every or [n for n, s in enumerate(index.statements) if entities[0].terms & s.about]


def relation_asked(index: ClaimIndex, reading: Reading, statement: Statement, relations: set[Node]) -> bool:
    """Whether ``statement`` is about the relation asked: its property (or a broader one, or the one a negative
    property denies; for an n-ary statement, any of its links) is named in the question; or it says what group
    the subject is in (a class) and the question names a classifying relation ("a form of"), one the class is
    defined by ("primarily"), or none and every word of it is understood; or the question names no relation and
    every word of it is understood ("Is ALS painless?"), unless it asks whether one disease is another and the
    statement is not of its kind."""
    if against_the_word(index, reading, statement):
        return False
    # question frame that narrows ("early") is answered by a statement whose qualifiers name it ("does not typically
    # affect bulbar muscles", early in the disease course)
    # ... or whose value's own names do ("live" of "Can people with SMA live a long life?": "live long", a name of
    # its longer lifespan)
    said = set(index.tokens(" ".join(statement.qualifiers)))
    if isinstance(statement.object, URIRef) and statement.object not in index.classes:
        said |= index.names(statement.object) | kind_names(index, statement.object, reading)
    unsaid = [w for w in reading.conditions if not (w in CONDITIONS and set(index.tokens(w)) <= said)]
    if _direction_unsaid(index, reading, statement, said):
        return False
    if isinstance(statement.object, URIRef) and statement.object in index.classes and (
            (not relations and (not unsaid or (reading.words[0] in COPULA and said_of_kind(index, statement, unsaid))))
            or relations & (CLASSIFYING | index.defined_by.get(statement.object, frozenset()))):
        return True
    if not relations and asks_kind(reading) and statement.subject not in reading.entities[0].terms:
        return False  # "Is DMD a muscular dystrophy?" asks what DMD is, not what muscular dystrophy has
    if asks_kind(reading) and statement.property == SECONDARY_PATHOLOGY:
        return False  # "Is ALS a disease of demyelination?" asks its kind: a secondary pathology is none
    if unsaid and not relations and not statement.derived and not index.nary(statement) \
            and statement.object not in index.classes:
        # "Is SMA a progressive muscle-wasting disorder?": "causing progressive muscle wasting"; not of what kind a
        # thing is (said_of_kind), nor of a derived or n-ary statement, whose sentences say more than its one link
        unsaid = [w for w in unsaid if w not in _said_beside(index, reading, statement)]
    if not relations and not unsaid:
        # "Is ALS SMA?": of two diseases, only a statement of what kind one is answers
        both = statement.subject in index.diseases and statement.object in index.diseases
        return not (both and reading.words[0] in COPULA and not TOGETHER & set(reading.words)) \
            or statement.property in CLASSIFYING
    for stated in index.properties_of[statement.iri]:
        prop = positive_of(index, stated)
        if isinstance(prop, URIRef) and index.broader.get(prop, frozenset({prop})) & relations:
            return True
    return any(_named_in_pieces(index, reading, positive_of(index, stated))
               for stated in index.properties_of[statement.iri])


# words saying which way a thing goes: one the question puts beside a thing ("decreased oxidative stress") that the
# statement's value, qualifiers and cited sentences never use is a thing of the other way, not the one stated
DIRECTION = {"decreased", "reduced", "lowered", "diminished", "lessened", "increased", "elevated", "raised",
             "heightened", "enhanced", "low", "lower", "high", "higher", "excessive", "insufficient", "deficient"}


# words saying when ("Is weakness the first symptom of ALS?", "... progress quickly in early stages?"): one that the
# statement's value, qualifiers and cited sentences never use narrows the question to a time it does not speak of
WHEN = {"first", "early", "earliest", "before", "after", "during", "stage", "stages"}


# a closed class: the prepositions ending a relation's name ("caused by") or after which a thing's name says where or
# of what it is ("signal in the corticospinal tracts")
PREPOSITIONS = {"in", "of", "along", "within", "on", "at", "from", "to", "with", "for", "by", "into"}


def _direction_unsaid(index: ClaimIndex, reading: Reading, statement: Statement, said: set[str]) -> bool:
    """Whether a word of the question saying which way a thing goes (DIRECTION) or when (WHEN), no name's, is said
    neither by the names of ``statement``'s value, relation or qualifiers (``said``) nor its cited sentences: "Is
    decreased production of reactive oxygen species involved in ALS?" is not answered by "Increased production of
    reactive oxygen species"."""
    asked = [w for w in reading.conditions if w in DIRECTION or w in WHEN]
    if not asked:
        return False
    prop = positive_of(index, statement.property)
    quoted = set(said).union(*(index.relation_name_stems.get(prop, ()) if isinstance(prop, URIRef) else ()))
    for citation in statement.citations:
        if citation in index.citations:
            quoted |= set(index.tokens(index.citations[citation].quote))
    return any(not set(index.tokens(w)) <= quoted for w in asked)


def said_of_values(index: ClaimIndex, statements: list[Statement]) -> set[str]:
    """The stems of the names of what other statements say of the values of ``statements`` (not of a disease, whose
    own course and features set the scene, nor of their subjects): "shorter" of FTD's impact, shortened survival,
    which ALS having FTD does not say; only those other statements answer a question naming it."""
    subjects = {s.subject for s in statements}
    values = {s.object for s in statements} - subjects - index.diseases
    return {w for s in index.statements if s.subject in values and s.object not in subjects
            for w in index.names(s.object)}


def said_by_its_name(index: ClaimIndex, reading: Reading, statement: Statement, relations: set[Node]) -> bool:
    """Whether ``statement`` is a part of an n-ary statement whose own name (the sentence it stands for) holds every
    word of each relation word asked among ``relations``, though it has no link of that relation: "ALS treatments are
    focused on managing symptoms and prolonging survival" names no treatment, yet says "treatments" of its outcome.
    Only where no statement linking the things asked is of the relation asked (kg.answers.verdict)."""
    if not index.nary(statement):
        return False
    asked = [m for m in reading.relations if relations_of(index, [m]) & relations]
    said = index.names(URIRef(statement.iri))
    return bool(asked) and all((stems := set(index.tokens(m.text))) and stems <= said for m in asked)


def _named_in_pieces(index: ClaimIndex, reading: Reading, prop: Node) -> bool:
    """Whether a relation word asked and words of the question not otherwise understood make a name of ``prop`` in
    other order ("come from" ... "degeneration": "comes from degeneration of", a name of "reflects degeneration
    of")."""
    spare = set(index.tokens(" ".join(reading.conditions)))
    if not spare:
        return False
    for mention in reading.relations:
        asked = set(index.tokens(mention.text))
        for stems in index.relation_name_stems.get(prop, ()) if isinstance(prop, URIRef) else ():
            if asked <= stems and stems - asked and stems - asked <= spare:
                return True
    return False


def _said_beside(index: ClaimIndex, reading: Reading, statement: Statement) -> set[str]:
    """The words of the question not otherwise understood (no question frame) that it puts beside a thing named,
    the value of ``statement``, and that a cited sentence of the statement puts on the same side of a name of that
    same value, each within BESIDE words (stopwords aside) with no negation or contrast between: "progressive" in "Is
    SMA a progressive muscle-wasting disorder?" by "a genetic disorder causing progressive muscle wasting";
    not by "progressive loss of motor neurons, resulting in atrophy", said of another thing. Not beside its subject:
    "ALS is characterized by progressive loss" says nothing progressive of ALS's skeletal muscles."""
    ends = {statement.object}
    spoken = list(reading.words)
    beside: set[tuple[str, Node, int]] = set()  # (word, end, -1 before it or 1 after it)
    for mention in reading.entities:
        if not mention.terms & ends or not (where := span(spoken, words(mention.text))):
            continue
        for word, side in _near(spoken, where, FRAME, set(reading.conditions) - CONDITIONS):
            beside |= {(word, end, side) for end in mention.terms & ends}
    if not beside:
        return set()
    found: set[str] = set()
    for citation in statement.citations:
        if citation not in index.citations:
            continue
        quoted = list(words(index.citations[citation].quote))
        for word, end, side in beside:
            stems = set(index.tokens(word))
            for name in index.names_by_term.get(end, ()):
                where = span(quoted, name)
                while where is not None:
                    # an adverb after the thing named may be said as its adjective before the thing's name ("waste
                    # away progressively": "progressive muscle wasting")
                    sides = {side, -1} if side == 1 and word.endswith("ly") else {side}
                    if stems and any(s in sides and set(index.tokens(w)) == stems
                                     for w, s in _near(quoted, where, index.stopwords, None)):
                        found.add(word)
                    where = span(quoted, name, where[1])
    return found


def _near(said: list[str], span: tuple[int, int], skipped: set[str] | frozenset[str],
          wanted: set[str] | None) -> list[tuple[str, int]]:
    """The words within BESIDE words (``skipped`` ones aside) before (-1) and after (1) ``span`` of ``said``, up to a
    negation or contrast; only ``wanted`` ones, if given."""
    near: list[tuple[str, int]] = []
    for side, places in ((-1, range(span[0] - 1, -1, -1)), (1, range(span[1], len(said)))):
        counted = 0
        for at in places:
            word = said[at]
            if word in NEGATIONS or word in CONTRAST:
                break
            if wanted is None or word in wanted:
                near.append((word, side))
            if word not in skipped:
                counted += 1
                if counted == BESIDE:
                    break
    return near


def against_the_word(index: ClaimIndex, reading: Reading, statement: Statement) -> bool:
    """Whether the question names ``statement``'s relation only by words with a direction (those some property reads
    inversely, mnd:inverseAltLabel: "X causes Y" for Y due to X, and for X has clinical feature Y), with things named
    on both sides of the word, and puts the statement's ends the other way round beside it: "Does calcium influx cause
    glutamate excitotoxicity?" asks the reverse of "calcium influx due to glutamate excitotoxicity", "Does
    hyperreflexia cause ALS?" the reverse of "ALS has clinical feature hyperreflexia"; or by a name of its own
    ending in a preposition, which reads subject first ("Is SMN1 caused by SMA?"), where it has inverse names; or by a
    verb of its own asked by "does", subject first ("Does lower motor neuron disease reflect the snake eyes sign?"). A
    "have" before the word ("Does SMA have a cause?") turns the reading, as kg.answers.question reads it."""
    prop = positive_of(index, statement.property)
    naming = [n for n, m in enumerate(reading.mentions) if m.relation and prop in m.terms]
    if not index.nary(statement) and (ends := _beside(
            index, reading, [n for n in naming if _of_its_whole(index, reading.mentions[n])])):
        # a name saying what a thing is a feature, sign or hallmark of names the feature before the word and its whole
        # after: a disease's value ("Is ALS a feature of muscle weakness?" asks the reverse of "ALS has clinical
        # feature muscle weakness"), else the statement's subject ("Is lower motor neuron disease a sign of snake
        # eyes?" the reverse of "the snake eyes appearance corresponds to lower motor neuron disease")
        before, after = ends
        if statement.subject in index.diseases:
            before, after = after, before
        return statement.subject in after or statement.object in before
    directed = [index.inverse_names.get(tuple(reading.mentions[n].text.split())) for n in naming]
    if not naming and any(prop in props for props in index.inverse_names.values()):
        # a name of the relation ending in a preposition ("caused by") that the question's reading kept only for
        # properties reading it the other way still says which way it is asked: "Is SMN1 caused by SMA?" the reverse
        # of "SMA caused by SMN1", "Is SMA caused by muscle wasting?" the reverse of "muscle wasting caused by SMA"
        naming = [n for n, m in enumerate(reading.mentions) if m.relation and m.text.split()[-1] in PREPOSITIONS
                  and prop in index.relation_names.get(tuple(m.text.split()), frozenset())]
        directed = [frozenset(p for p in index.inverse_names.get(tuple(reading.mentions[n].text.split()), ())
                              if p == prop) for n in naming]
    if not all(directed):
        # a word naming the relation without a direction ("mutation") beside one reading it inversely ("Does SMA
        # cause SMN1 mutation?"): the directed word says which way it is asked
        inverse = [n for n, m in enumerate(reading.mentions)
                   if m.relation and prop in index.inverse_names.get(tuple(m.text.split()), frozenset())]
        # else a name of its own ending in a preposition reads subject first, of a relation the ontology gives a
        # direction (it has inverse names: "Is SMN1 caused by SMA?" asks the reverse of "SMA caused by SMN1") or when
        # it is the relation's label, which answers read subject first ("Is axonal degeneration secondary to
        # demyelination?" asks the reverse of "demyelination secondary to axonal degeneration")
        # (a passive read inversely, "caused by" of a clinical feature, gives the relation's other names no direction)
        directional = any(prop in props for name, props in index.inverse_names.items() if name[-1] not in PREPOSITIONS)
        label = tuple(words(index.label(prop)))
        forward = [n for n in naming if (reading.mentions[n].text.split()[-1] in PREPOSITIONS
                   and (directional or tuple(reading.mentions[n].text.split()) == label))
                   or _active_verb(index, reading, reading.mentions[n], prop)]
        naming, directed = (inverse, [index.inverse_names.get(tuple(reading.mentions[n].text.split()))
                                      for n in inverse]) if inverse else (forward, [frozenset()] * len(forward))
    if not naming or index.nary(statement) or any(d is None for d in directed):
        return False
    word = naming[0]
    # the things named right before and right after the word: its ends ("Does motor neuron loss cause weakness in
    # SMA?" asks of motor neuron loss and weakness, SMA being where)
    before, after = (index.with_subtypes(side[0].terms) if side else frozenset() for side in (
        [m for m in reversed(reading.mentions[:word]) if not m.relation],
        [m for m in reading.mentions[word + 1:] if not m.relation]))
    first = reading.mentions[word].text.split()[0]
    spoken = reading.words[:reading.words.index(first)] if first in reading.words else reading.words
    if not before or not after or HAVE & set(spoken):
        return False
    if prop in (directed[0] or frozenset()):  # read inversely: the subject is named after the word
        before, after = after, before
    return statement.subject in after or statement.object in before


OF_ITS_WHOLE = {"feature", "sign", "symptom", "hallmark", "characteristic", "manifestation"}


def _of_its_whole(index: ClaimIndex, mention: Mention) -> bool:
    """Whether ``mention`` is a name "<part> of" (a feature, sign or hallmark of), no inverse name."""
    said = tuple(mention.text.split())
    return len(said) == 2 and said[1] == "of" and said[0] in OF_ITS_WHOLE and said not in index.inverse_names


def _beside(index: ClaimIndex, reading: Reading, naming: list[int]) -> tuple[frozenset[Node], frozenset[Node]] | None:
    """The things named right before and right after the first relation word of ``naming``, if both are."""
    if not naming:
        return None
    word = naming[0]
    before, after = (index.with_subtypes(side[0].terms) if side else frozenset() for side in (
        [m for m in reversed(reading.mentions[:word]) if not m.relation],
        [m for m in reading.mentions[word + 1:] if not m.relation]))
    return (before, after) if before and after else None


DOES = {"does", "do", "did"}


def _active_verb(index: ClaimIndex, reading: Reading, mention: Mention, prop: Node) -> bool:
    """Whether ``mention`` is a verb of its own naming ``prop`` (one of its own names, one word, no participle) asked
    by "does": "Does lower motor neuron disease reflect the snake eyes sign?" puts the subject first, as "the snake
    eyes appearance reflects lower motor neuron disease" does."""
    said = mention.text.split()
    if reading.words[0] not in DOES or len(said) != 1 or said[0].endswith(("ed", "ing")):
        return False
    # the thing asked of stands right after "does" (its subject), not "Do doctors take a muscle sample to diagnose MD?"
    subject = next((m.text.split() for m in reading.mentions if not m.relation), [])
    start = next((n for n, word in enumerate(reading.words[1:], 1) if word not in ("the", "a", "an")), 0)
    if not subject or list(reading.words[start:start + len(subject)]) != subject:
        return False
    verb = said[0]
    return (verb,) not in index.inverse_names and any(
        prop in index.relation_names.get(form, frozenset()) for form in ((verb,), (verb + "s",), (verb + "es",)))


def said_of_kind(index: ClaimIndex, statement: Statement, asked: list[str],
                 heads: frozenset[str] | None = None) -> bool:
    """Whether a cited sentence of ``statement`` (saying what kind its subject is) puts every word ``asked`` just
    before a name of the kind: "Is SMA a recessive genetic disorder?" by "Yes, it's an autosomal recessive genetic
    disorder."; a word said of something else in the sentence ("causing progressive muscle weakness", "a separate
    category from muscular dystrophies") is not. With ``heads``, only the kind's names ending in one of them ("disease":
    "neurodegenerative disease", not "not demyelinating")."""
    kind_names = [name for name in index.names_by_term.get(statement.object, ()) if heads is None or name[-1] in heads]
    wanted = set(index.tokens(" ".join(asked)))
    for citation in statement.citations:
        if citation not in index.citations:
            continue
        said = words(index.citations[citation].quote)
        before: set[str] = set()
        for start in range(len(said)):
            if any(said[start:start + len(name)] == name for name in kind_names):
                run = start  # the words right before the name, up to an article or other stopword
                while run > max(start - ADJECTIVES, 0) and said[run - 1] not in index.stopwords \
                        and said[run - 1] not in FRAME:
                    run -= 1
                before |= set(index.tokens(" ".join(said[run:start])))
        if wanted and wanted <= before:
            return True
    return False


def through(index: ClaimIndex, reading: Reading) -> list[int]:
    """"Does FTD shorten survival in ALS?": no statement links the things asked with the words asked, but one
    entity asked has statements whose values name every other word of the question (FTD: significantly shortened
    survival), and some statement links it to each other entity asked (ALS has FTD); those statements. Not when
    the question names a relation: that is asked between the things named."""
    entities = reading.entities
    if reading.relations:  # "Are MS drugs appropriate for ALS?" asks of ALS, not of MS's own treatment
        return []
    for mention in entities:
        others = [m for m in entities if m is not mention]
        if mention.terms & index.diseases:  # "Is MS worse than ALS?": a disease's own values compare nothing
            continue
        if not reading.conditions or not all(any(links(index, s, mention, other) or links(index, s, other, mention)
                                                 for s in index.statements) for other in others):
            continue
        own = [n for n, s in enumerate(index.statements) if s.subject in mention.terms and not index.nary(s)
               and s.object not in index.classes]
        explained = explaining(index, reading, own)
        if explained:
            return explained
    return []


def asks_kind(reading: Reading) -> bool:
    """Whether the question asks what kind of thing something is: "Is X a Y?" (a copula, and an article after
    the first thing named: "Is a nerve conduction study used in ALS?" asks no kind)."""
    if reading.words[0] not in COPULA:
        return False
    articles = [n for n, w in enumerate(reading.words) if w in ("a", "an")]
    first = reading.entities[0].text.split()[0] if reading.entities else None
    start = reading.words.index(first) if first in reading.words else 0
    return any(n > start for n in articles)


def positive_of(index: ClaimIndex, prop: Node) -> Node:
    return index.negation_of.get(prop, prop) if isinstance(prop, URIRef) else prop


def relations_of(index: ClaimIndex, mentions: list[Mention]) -> set[Node]:
    return {positive_of(index, p) for m in mentions for p in m.terms}


def says_yes(index: ClaimIndex, reading: Reading, statement: Statement) -> bool:
    """Whether ``statement`` says yes to the question as read: its own polarity (a negative property, a negative
    value not itself asked nor named by the question's words, a false literal) turned by the question's (a "not",
    a "-less", a negative relation)."""
    asked = frozenset().union(*(m.terms for m in reading.entities))
    wanted = set(index.tokens(" ".join(reading.conditions)))
    # "Is ALS sporadic?" names the value by its words; "Does sporadic ALS have a family history?" only by the words
    # its own negation denies ("sporadic (no family history)"), which is asking the opposite
    named = bool(wanted) and wanted <= index.names(statement.object) and not wanted <= denied_words(
        index, statement.object)
    positive = not statement.negative and not (statement.object in index.negative_values
                                               and statement.object not in asked and not named)
    if isinstance(statement.object, Literal) and statement.object.datatype is not None:
        positive = positive and bool(statement.object.toPython())
    asked_negative = reading.negated ^ any(p in index.negation_of for m in reading.relations for p in m.terms)
    return positive != asked_negative


def denied_words(index: ClaimIndex, value: Node) -> set[str]:
    """The stems of the words a value's label denies: those after its "no", "not" or "without"."""
    label = words(index.label(value))
    start = next((n for n, w in enumerate(label) if w in ("no", "not", "without")), len(label))
    return set(index.tokens(" ".join(label[start + 1:])))


def stating_every(index: ClaimIndex, reading: Reading, found: list[int]) -> list[int]:
    """Of ``found``, the statements stating every relation the question names ("Can SMA improve with
    treatment?", "What gene causes SMA?")."""
    return [n for n in found if all(relation_asked(index, reading, index.statements[n], relations_of(index, [m]))
                                    for m in reading.relations)]


def kind_names(index: ClaimIndex, term: Node, reading: Reading) -> frozenset[str]:
    """The words of the names of the kinds ``term`` is a figure of (mnd:QuantityKind labels and altLabels) that the
    question holds whole: a figure of mean survival is named by "life expectancy" and "average survival" too ("Is
    ALS life expectancy 3-5 years?"), a share surviving beyond 10 years not by the "survival" of "long-term
    survival"; none for a term no figure."""
    kinds = index.kinds_of.get(term)
    if not kinds:
        return frozenset()
    spoken = set(index.tokens(" ".join(reading.words)))
    return frozenset(w for name, named in index.kind_names.items()
                     if named & kinds and (stems := set(index.tokens(" ".join(name)))) and stems <= spoken
                     for w in stems)


def explaining(index: ClaimIndex, reading: Reading, found: list[int]) -> list[int]:
    """Of ``found``, the statements whose values name every word of the question not otherwise understood
    ("during pregnancy": genetic testing during pregnancy), by any of their names; all of them when every word
    is understood."""
    if not reading.conditions:
        return found
    wanted = set(index.tokens(" ".join(reading.conditions)))
    # a value saying something is absent is not named by words asking whether it is there ("Does muscular dystrophy
    # affect the neurons?" is not answered by "absence of upper motor neuron signs")
    return [n for n in found if wanted <= index.names(index.statements[n].object)
            | kind_names(index, index.statements[n].object, reading)
            and not ABSENCE & set(words(index.label(index.statements[n].object))) - set(reading.words)
            ] if wanted else []
