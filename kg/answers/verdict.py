"""Answering a question from the cited statements: a verdict only from a statement about the very thing asked.

yes / no      a statement whose subject and object are the ones asked, its polarity (a negative property
              says no) turned by the question's (a "not", a "-less", a negative relation word)
qualified     such a statement carries a hedge ("some patients", "traditionally"), or the statements differ
unstated      no such statement: "The documents don't say ...", with the closest cited statements
unknown-entity the question names something the graph does not know: named as unknown
              (a word of common English the graph does not use names nothing, yet no yes/no rests on a
              statement that does not account for it: "the documents don't say")
answer        an open question: the best-ranked statements, grouped by relation
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import permutations

from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from rdflib.term import Node

from kg.answers.best import with_best_claim, with_definition, with_explanation
from kg.answers.claim_index import (
    COUNTS_CASES_OF,
    IN_DISEASE,
    ONTOLOGY,
    SUBTYPE_OF,
    ClaimIndex,
    Statement,
    span,
    words,
)
from kg.answers.compare import compare, comparing, kinds_of
from kg.answers.contrast import choice, contrasted
from kg.answers.degree import BOUNDS, FIGURE, degree_checked
from kg.answers.lists import RANKED, listing, members_of, open_answer
from kg.answers.matching import (
    CLASSIFYING,
    COPULA,
    SECONDARY_PATHOLOGY,
    about,
    against_the_word,
    asks_kind,
    explaining,
    links,
    positive_of,
    relation_asked,
    relations_of,
    said_by_its_name,
    said_of_kind,
    said_of_values,
    says_yes,
    statements_linking,
    stating_every,
    through,
)
from kg.answers.question import (
    ABOUT_STATEMENT,
    COMPARISON,
    CONDITIONAL,
    KIND_WORDS,
    NEGATIONS,
    OFTEN,
    OFTEN_WORDS,
    ONE,
    ONLY,
    PLURAL,
    SELDOM,
    TOGETHER,
    USED_FOR,
    USUALLY,
    YES_NO,
    Mention,
    Reading,
    as_share,
    in_figures,
    read,
    without,
)
from kg.answers.reply import Reply, unstated, used_of
from kg.answers.sentence import read_off
from kg.answers.several import coordinated, each_disease, each_part, follow_up, several
from kg.answers.unclear import ASKING_WHY, asks_known, unclear

CAUSAL_GENE = URIRef(ONTOLOGY + "hasCausalGene")
MANIFESTATION_OF = URIRef(ONTOLOGY + "manifestationOf")
DETECTS = URIRef(ONTOLOGY + "detects")
ALWAYS_INHERITED = URIRef(ONTOLOGY + "alwaysInherited")
INHERITANCE_PATTERN = URIRef(ONTOLOGY + "hasInheritancePattern")
# a yes/no asking whether most cases are something is answered by a share counting them, above or below half
MOST = {"most", "majority", "mostly", "usually", "generally", "usual"}  # "the usual form": most cases
# "Does SMA ever affect cognition?": "not typically" is no "never"
SOMETIMES = {"sometimes", "occasionally", "ever"}
HALF = {"more", "less", "fewer", "than", "over", "under", "half"}  # "more than half": most
MAINLY = {"mainly", "mostly", "main", "primarily", "chiefly", "predominantly", "largely", "principally"}
# a relation's name saying its value is the first of its kind ("primary cause of death", "predominant sex") says it is
# the usual one: what a patient mostly dies of, the sex mostly affected
FIRST_OF_ITS_KIND = {"primary", "predominant", "main", "leading", "principal", "chief"}
MINORITY = {"minority"}  # "a minority of cases": not most of them
CASES = {"case", "cases"}  # "Are most ALS cases familial?": the share's own frame
SOME = {"some", "few", "many", "several", "proportion", "subset", "minority", "occasionally", "sometimes"}
# words saying how often, not how far ("mainly affects lower motor neurons" says nothing of others): a statement
# saying one of them denies "only" and "always" ("Does SMA only start in infancy?": its typical onset)
HOW_OFTEN = frozenset({"usually", "typically", "typical", "generally", "normally", "often"})
MAY = {"may", "might", "can", "could", "possibly"}  # a hedge saying how surely ("may show")
# words asking how often, which a share over half of the cases answers ("common": yes, "rare": no)
# (those asking how often, OFTEN and SELDOM, but "often" and "occasionally")
COMMONLY = OFTEN - {"often"}
RARELY = SELDOM - {"occasionally"}
SLIGHT = {"slight", "slightly", "mild", "mildly", "modest", "modestly"}  # a hedge saying only how much


# numbers written in words ("live longer than ten years", "a decade")
NUMBER_WORDS = {"two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7", "eight": "8",
                "nine": "9", "ten": "10", "decade": "10", "twenty": "20"}
FRACTIONS = {"half": "50"}  # "half of the patients": 50%
PLURAL_KINDS = frozenset(f"{word}s" for word in KIND_WORDS)  # "diseases", "disorders", "conditions"
BRACKETED = re.compile(r"\(([^)]*)\)")  # "degeneration of lower motor neurons (SMA)": whose it is


def answer(question: str, index: ClaimIndex) -> Reply:
    """Answer a checked question from the index; an open one led by its best claim (kg.answers.best)."""
    if (followed := follow_up(question, index, lambda one: answer(one, index))) is not None:
        return followed  # "Is ALS demyelinating? And MS?": each asked apart
    reading = read(question, index)
    if (cause := _cause_asked(reading, index)) is not None:
        caused = replace(answer(cause, index), question=question)  # "Why do people get SMA?": what causes SMA
        return unstated(caused) if caused.verdict == "unstated" else caused
    if (reply := contrasted(reading, index, lambda one: answer(one, index))) is not None:
        return reply  # "Does SMA affect lower rather than upper motor neurons?": each asked apart
    reply = _answer(question, reading, index)
    # "Does ALS involve calcium influx and demyelination?", "Is SMA, like MS, ...?": each part apart, the weakest wins
    reply = each_part(reply, index, lambda one: answer(one, index))
    if asks_known(reading) and ASKING_WHY & set(reading.words) and reply.verdict != "unstated":
        # "Is it known why some ALS patients develop demyelinating polyneuropathy?" asks whether the cause is known,
        # which a statement that they do does not say: a sentence saying it is unclear, else the documents don't
        unsaid = replace(reply, verdict="unstated", sentence=f"The documents don't say this: {question}",
                         qualifiers=(), groups=())
        answered = unclear(unsaid, index)
        reply = answered if answered.verdict != "unstated" or "why" in reading.words else reply
    if reply.verdict == "unstated" and (share := as_share(reading, index)) is not None:
        # "Are some forms of SMA compatible with a longer lifespan?": of SMA, some forms, not of its subtypes
        reply = _answer(question, share, index)
    if reply.verdict == "unstated" and (alternatives := choice(reading, index, lambda one: answer(one, index))):
        reply = alternatives  # "Is ALS more common in men or women?": each asked apart
    if reply.verdict == "unstated" and (mainly := _mainly_another(question, reading, index)) is not None:
        reply = mainly  # "Does SMA mostly affect upper motor neurons?": it mainly affects lower ones, so no
    if reply.verdict == "unstated":  # "Is the pathomechanism ... known?": a sentence saying it "remains unclear"
        reply = unclear(reply, index)
    if reply.verdict == "unstated" and (off := read_off(index, reply.reading, reply.used)):
        reply = _read_off(reply, index, *off)  # "Does hyperreflexia in ALS reflect motor neuron degeneration?"
    reply = degree_checked(reply, index)  # "Is SOD1 the most common ALS gene?": no statement says "most"
    reply = _condition_checked(reply, index)  # "Can SMA improve without treatment?": said with treatment
    reply = _self_related_checked(reply, index)  # "Does SMA cause SMA?": no statement relates SMA to itself
    reply = _unnamed_subject_checked(reply, index)  # "Does it affect motor neurons?": "it" is nothing named
    return with_explanation(with_best_claim(with_definition(_contrary_checked(reply, index), index), index), index)


# "Why do people get SMA?", "Why does MS happen?": words asking only how a disease comes about, and those asking
# of whom
COMING_ABOUT = {"get", "gets", "getting", "develop", "develops", "happen", "happens", "occur", "occurs", "arise",
                "arises", "start", "starts"}
OF_WHOM = {"do", "does", "did", "would", "could", "can", "might", "may", "people", "ppl", "someone", "somebody",
           "anyone", "anybody", "person", "persons", "patients", "some"}


def _cause_asked(reading: Reading, index: ClaimIndex) -> str | None:
    """For "why" asking only how the one disease named comes about, the question what causes it (the graph's
    relation names then read it: its causal gene, what it is due to); else None."""
    if not reading.words or reading.words[0] != "why" or len(reading.entities) != 1:
        return None
    [disease] = reading.entities
    said = set(reading.words[1:]) - set(disease.text.split())
    if not disease.terms <= index.diseases or not said & COMING_ABOUT or not said <= COMING_ABOUT | OF_WHOM:
        return None
    return f"What causes {disease.text}?"


def _self_related_checked(reply: Reply, index: ClaimIndex) -> Reply:
    """A yes/no asking how a thing relates to itself ("Does SMA cause SMA?", "Is ALS a type of ALS?") is answered
    only by a statement whose subject and object are that thing; else the documents don't say."""
    mentions = reply.reading.mentions
    if reply.verdict not in ("yes", "no", "qualified") or not any(
            not before.relation and relation.relation and not after.relation and before.terms == after.terms
            and not any(s.subject in before.terms and s.object in before.terms for s in index.statements)
            for before, relation, after in zip(mentions, mentions[1:], mentions[2:], strict=False)):
        return reply
    return unstated(reply)


# words asking whether something is alike across what is named ("Do all SMA types cause the same disability?"), and
# those of a statement saying how it varies, which alone answer that of one thing named
SAME = {"same", "identical", "alike", "equal", "similar"}
VARYING = {"same", "identical", "vary", "varies", "varying", "variable", "varied", "depend", "depends", "dependent",
           "depending", "differ", "differs", "different"}
WITHOUT_ARTICLES = {"the", "a", "an", "any"}


# words standing for a thing the question does not name ("Does it affect motor neurons?", "Do they cause weakness?")
UNNAMED = {"it", "they", "he", "she"}


def _unnamed_subject_checked(reply: Reply, index: ClaimIndex) -> Reply:
    """A yes/no whose subject is "it" or "they" and that names no disease asks of a thing unknown here: no verdict
    (a statement that some disease does is not that it does)."""
    words = reply.reading.words
    if reply.verdict not in ("yes", "no", "qualified") or len(words) < 3 or words[0] not in YES_NO \
            or words[1] not in UNNAMED or words[2] in ABOUT_STATEMENT \
            or any(m.terms & index.diseases for m in reply.reading.entities):
        return reply
    return unstated(reply)


def _condition_checked(reply: Reply, index: ClaimIndex) -> Reply:
    """``reply``, or the documents don't say where its verdict rests on statements that do not say what the question
    sets as the condition: whether something is the same across the one thing named's kinds or patients ("Do all
    SMA types cause the same disability?": SMA "can" lead to severe disability, which says nothing of sameness), or,
    asked "without" a thing, statements of what that thing does, of which they say nothing without it ("Can SMA
    improve without treatment?": "Treatment can ... improve symptoms" is no "no"); a thing's own value asked
    "without" is still denied ("Does ALS occur without motor neuron loss?")."""
    if reply.verdict not in ("yes", "no", "qualified") or not reply.used:
        return reply
    reading = reply.reading
    stated = [used.statement for used in reply.used]
    unnamed = [w for w in reading.words if w not in {w for m in reading.entities for w in m.text.split()}]
    if len(reading.entities) == 1 and SAME & set(unnamed) and not any(
            set(index.tokens(" ".join(sorted(VARYING)))) & _own_words(index, s) for s in stated):
        return unstated(reply)
    spoken = list(reading.words)
    for n, word in enumerate(spoken[:-1]):
        if word != "without":
            continue
        after = n + 1
        while after < len(spoken) and spoken[after] in WITHOUT_ARTICLES:
            after += 1
        condition = next((m for m in reading.mentions if span(spoken, m.text.split(), after) == (
            after, after + len(m.text.split()))), None)
        if condition is None:
            continue
        asked = set(index.tokens(condition.text))
        # the thing named, or, a relation named ("treatment"), a value of it ("physical therapy and supportive care")
        given = {st.object for st in index.statements if condition.relation and st.property in condition.terms}
        if asked and all(not s.negative and "without" not in words(index.phrase(s)) and any(
                asked <= index.names(t) or t in given for t in (*s.about, *index.values_of.get(s.iri, frozenset()))
                if t not in (s.subject, s.object)) for s in stated):
            return unstated(reply)
    return reply


def _own_words(index: ClaimIndex, statement: Statement) -> set[str]:
    """The stems of a statement's own names and qualifiers (not its cited sentence, which may say more of another
    thing: SMA's "course is more variable", beside its severe disabilities)."""
    said = set(index.names(statement.property)) | set(index.tokens(" ".join(statement.qualifiers)))
    for term in (statement.subject, statement.object, *statement.about):
        said |= index.names(term)
    return said



def _read_off(reply: Reply, index: ClaimIndex, statement: Statement, verdict: str) -> Reply:
    """The verdict the closest cited sentence gives (kg.answers.sentence), where the statement it rests on gives the
    same (``_verdict``: its polarity, hedges, the numbers asked, "usually" and "only"); else ``reply``."""
    score = dict(index.rank(" ".join(reply.reading.words)))
    stated = _verdict(reply.question, reply.reading, index, score, [index.statements.index(statement)])
    if stated.verdict != verdict:
        return reply
    prop = positive_of(index, statement.property)
    if reply.reading.relations and prop not in relations_of(index, reply.reading.relations) and not any(
            set(index.tokens(m.text)) <= stems for m in reply.reading.relations
            for stems in (index.relation_name_stems.get(prop, ()) if isinstance(prop, URIRef) else ())):
        # the sentence says the relation asked, the statement another one, by none of its names ("Does the relentless
        # course of ALS reflect neuronal death?": "ALS has clinical feature relentlessly progressive course" says no
        # "reflects"; "reflects degeneration of" does): the answer quotes the sentence
        best = index.by_quote(" ".join(reply.reading.words), statement.citations)
        if best and best[0] in index.citations:
            opening = stated.sentence.split(": ", 1)[0]
            quote = index.citations[best[0]].quote.strip().rstrip(".")
            return replace(stated, sentence=f"{opening}: the documents say \"{quote}\".")
    return stated


def _contrary_checked(reply: Reply, index: ClaimIndex) -> Reply:
    """A question naming a thing by its contrary's name ("Do behavioural deficits reduce caregiver burden?") is
    answered only by a statement of the thing: no to the contrary (yes asked in the negative), or of all, "not
    all" from a hedged one ("some forms"). A statement denying the thing says nothing of its contrary (not increased
    is not reduced), nor does a hedged one (unless all are asked: some forms, so not all)."""
    reading = reply.reading
    if not reading.contrary or reply.verdict not in ("yes", "no", "qualified"):
        return reply
    # the reading is already turned by the contrary: a statement of the thing says no, unless asked in the negative
    if reply.verdict == ("no" if reading.negated else "yes"):
        return reply
    if reply.verdict == "qualified" and reading.negated and (short := _not_every(reading)):
        # "Do all forms of SMA have a short lifespan?": some forms are compatible with a longer one, so not all
        return replace(reply, sentence=f"{short}: {reply.sentence.split(': ', 1)[1]}")
    if reply.verdict == "qualified" and reply.qualifiers and all(set(words(q)) <= SLIGHT for q in reply.qualifiers):
        # hedged only by how much ("a slight male predominance"): still the thing, so no to its contrary ("Is ALS
        # more common in women?"), as a plain statement says (the reading turned by the contrary already)
        verdict = "no" if reading.negated else "yes"
        return replace(reply, verdict=verdict, sentence=f"{verdict.capitalize()}: {reply.sentence.split(': ', 1)[1]}")

    return unstated(reply)


def _answer(question: str, reading: Reading, index: ClaimIndex) -> Reply:
    """Answer ``question`` as ``reading`` understood it."""
    entities = reading.entities
    ranked = index.rank(" ".join(reading.words))
    score = dict(ranked)
    if reading.unknown:
        near = about(index, entities) or [n for n, _ in ranked[:RANKED]]
        unknown = ", ".join(reading.unknown)
        return Reply(question, reading, "unknown-entity",
                     f"The graph knows nothing about {unknown}, so the documents don't say this.",
                     used_of(index, near, score))
    if not reading.mentions:
        # nothing named, so nothing a statement could be about: "yes", "break", with the closest statements by their
        # words; "a", "the of", with none (no word of any statement)
        if not any(s > 0 for _, s in ranked):
            return Reply(question, reading, "unstated", "The documents don't say this.", ())
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, [n for n, _ in ranked[:RANKED]], score))
    if reading.yes_no and reading.unaccounted:
        # "Does ALS cause weakness near the eyes?": no statement's names or quote use "near", so none answers
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, about(index, entities) or [n for n, _ in ranked[:RANKED]], score))
    if reading.yes_no and _diagnosis_asked(index, reading):
        # "If a patient has weakness and no sensory loss, is it SMA?": the documents say what a disease has, never
        # that having it makes someone's disease that one
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, about(index, entities), score))
    if (kind_read := _kind_without_example(index, reading)) is not None:
        return _answer(question, kind_read, index)  # "Is ADEM a demyelinating disease like MS?": MS is one, so is ADEM?
    if (share := _share_verdict(question, reading, index, score)) is not None:
        return share  # "Is most ALS sporadic?": the share counting sporadic ALS, 85-90%
    if (beyond := _beyond_verdict(question, reading, index, score)) is not None:
        return beyond  # "Do most ALS patients live longer than 10 years?": only 5-10% do
    if (sporadic := _not_always_inherited(question, reading, index, score)) is not None:
        return sporadic  # "Is ALS always inherited?": most cases are sporadic, so not always
    if comparing(index, reading):  # "Are ALS and MS the same disease?": what both are, no verdict
        return compare(question, reading, index, score, entities)
    diseases = several(reading, index)
    if diseases:  # "Are ALS and SMA both inherited?": asked of each apart
        return each_disease(question, reading, index, diseases, lambda one: answer(one, index))
    if reading.yes_no and len(entities) >= 2:
        relations = relations_of(index, reading.relations)
        diseases = [m for m in entities if m.terms & index.diseases]
        if len(diseases) >= 2 and len(entities) - len(diseases) == 1 and coordinated(reading, diseases):
            # "Is neuroinflammation shared by ALS and SMA?"; not "Are MS drugs appropriate for SMA?"
            return _of_each(question, reading, index, score, relations, diseases)
        # a thing named by its contrary's name: the statements of the thing ("Is caregiver burden decreased by
        # behavioural deficits in ALS?": their impact, not ALS's behavioural changes)
        asked, pair = statements_linking(index, entities, lambda s: relation_asked(index, reading, s, relations)
                                         and _of_the_contrary(reading, s))
        if not asked and relations:
            # "Are ALS treatments focused on prolonging survival?": no statement of a treatment, and the n-ary one of
            # its outcome says "treatments" in its own name (the sentence it stands for)
            asked, _ = statements_linking(index, entities, lambda s: said_by_its_name(index, reading, s, relations)
                                          and _of_the_contrary(reading, s))
        asked = _parts_asked(index, entities, relations, asked)
        if not asked and _used_for(reading) and not statements_linking(
                index, entities, lambda s: positive_of(index, s.property) in relations | _worded(index, reading)
                and against_the_word(index, reading, s))[0]:
            # ... unless a statement of the relation asked links them the other way round ("Is ALS a feature of
            # muscle weakness?": ALS has clinical feature muscle weakness), of any relation its words name, one the
            # reading left out for that very reason too ("Is ALS involved in oxidative stress?": oxidative stress
            # is involved in ALS, ALS involves it)
            return _answer(question, _unrelated(reading), index)
        if not asked and reading.conditions and set(reading.conditions) <= OFTEN | SELDOM and not relations:
            # "Is demyelinating neuropathy common in ALS patients?", "Is severe disability rare in ALS?": a statement
            # linking them that says how often ("rarely", "often")
            asked, _ = statements_linking(index, entities, lambda s: bool(s.qualifiers) and (
                all(set(words(q)) & SELDOM for q in s.qualifiers) or all(set(words(q)) & OFTEN for q in s.qualifiers)))
        if asked and not _named_by(index, reading, asked):
            # "Are both upper and lower motor neurons affected in SMA?": "upper" names no value SMA is said to have
            return _verdict(question, reading, index, score, [])
        path = [] if asked or (chained := through(index, reading)) else _two_steps(index, reading, relations)
        if not asked and (chained := chained or path):
            # a path of statements answers only when it accounts for every thing named, as one statement must; the
            # steps leading to the statement of the relation asked only vouch for what it is about
            whole = _chain_tied(index, entities, chained) and _chain_names(index, reading, chained)
            steps = frozenset(n for n in path[1:] if not index.statements[n].negative)
            return _verdict(question, reading, index, score, chained if whole else [], steps)
        if not asked and (via := _via_value(index, reading, entities, relations)):
            # "Is the snake eyes sign in ALS misleading?": the sign ALS has can mislead clinicians
            return _verdict(question, reading, index, score, via, _tying(index, via, entities))
        if not asked and (kind_in := _kind_in_disease(index, reading)):
            # "Is spasticity an upper motor neuron sign of ALS?": spasticity in ALS is one
            return _verdict(question, reading, index, score, kind_in, frozenset(
                n for n in kind_in if index.statements[n].property != RDF.type))
        if not asked and (members := _of_members(index, reading, relations)):
            # "Does ALS have upper motor neuron signs?": hyperreflexia and hypertonicity, which are some
            return _verdict(question, reading, index, score, members)
        if not asked and (alone := _own_feature(index, reading)) is not None:
            # "Do behavioural deficits in ALS have no impact on caregivers?": of ALS's own behavioural deficits
            return _answer(question, alone, index)
        if not asked and (manifest := _as_manifestation(index, reading, relations)) is not None:
            # "Does muscle weakness in amyotrophic lateral sclerosis reflect demyelination?": of muscle weakness in ALS
            return _answer(question, manifest, index)
        if not asked:
            return _of_subtypes(question, reading, index, score, relations)
        asked = _classifying_first(index, reading, asked)
        if not reading.relations and any(not index.statements[n].negative for n in asked):
            # "Is MRI used in ALS?" names no relation: a statement denying another one ("used mainly to exclude
            # other conditions", not to confirm) is no "no" beside one linking them (ALS has diagnostic test MRI)
            asked = [n for n in asked if not index.statements[n].negative]
        linking = set(asked)
        apart = _apart(index, entities)
        if not (asked := _tied(index, entities, asked) or _in_disease(index, entities, asked)
                or _tied(index, apart, asked)):
            # "Does MRI show snake eyes in MS?": MRI detects snake eyes, but no statement ties them to MS (ALS's);
            # "Does dystrophin deficiency cause weakness in ALS?": ALS has weakness, dystrophin deficiency is MD's
            if reading.contrary and (alone := _own_feature(index, reading)) is not None:
                return _answer(question, alone, index)  # "Does FTD lengthen survival in ALS?": of ALS's own FTD
            return _verdict(question, reading, index, score, [])
        if (ways := _the_way(index, reading)) and (_secondary(index, entities, ways) or not any(
                all(_says_the_way(index, index.statements[n], m) and index.statements[n].object not in m.terms
                    for m in ways) for n in asked if n in linking)):
            # "Does MS affect the brain through axonal degeneration?": MS affects the brain, and the brain is linked to
            # axonal degeneration (ALS's), but no statement linking MS and the brain says it is by that way; nor is a
            # disease's secondary pathology the way of what it does ("Does ALS damage motor neurons through
            # demyelination?": its demyelination is secondary to the primary axonal degeneration)
            return _verdict(question, reading, index, score, [])
        # a statement only vouching for a thing named says yes to nothing asked ("Are MS drugs appropriate for SMA?":
        # MS has them, and they are not appropriate for SMA: no)
        vouching = frozenset(n for n in asked if n not in linking and not index.statements[n].negative)
        # a statement between two diseases ("ALS shares hallmark with SMA") says nothing of another relation named
        between = all({index.statements[n].subject, index.statements[n].object} <= index.diseases
                      for n in asked if n not in vouching)
        if _two_relations(index, reading) and any(
                ((tuple(m.text.split()) in index.inverse_names and not set(m.text.split()) <= USED_FOR)
                 or m.text.split()[0] == "most" or between)
                and not any(relation_asked(index, reading, index.statements[n], relations_of(index, [m]))
                            for n in asked if n not in vouching) for m in reading.relations):
            # two relations asked, one saying which way a thing leads to another ("cause") or which is first ("most
            # common") said by no statement the answer rests on ("Does damage of motor neurons in ALS cause oxidative
            # stress?": ALS damages them, and involves oxidative stress; nothing says what causes what; "Is TARDBP
            # the commonest cause of familial ALS?": one of its causal genes, of no rank); "Do SMA and ALS share the
            # same onset age?": they share hallmarks, not their typical onset; a name asking only whether two things
            # go together ("part of", "involved in") says no way one leads to another ("Is DNA testing part of the
            # diagnosis of muscular dystrophies?": the diagnosis names the relation)
            return _verdict(question, reading, index, score, [])
        if between and asked and not all(_says_the_words(index, index.statements[n], reading)
                                         for n in asked if n not in vouching):
            # "Do SMA and ALS share the same survival?": they share hallmarks, which no sentence says survival is
            return _verdict(question, reading, index, score, [])
        # a qualified statement about the same two things (a share of patients) qualifies the answer too, unless
        # the answer says what kind one is ("Is bulbar ALS a form of ALS?": a subtype, whatever its share)
        kind = all(positive_of(index, index.statements[n].property) in CLASSIFYING for n in asked)
        # of three things named or more, a hedge of how often or how surely of another two, on the value the answer
        # rests on ("Does MRI show snake eyes in ALS?": ALS "may show" them), unless a statement says it plainly; a
        # hedge of the thing the question sets as the situation only ("In ALS, does the corticospinal tract signal on
        # MRI reflect gliosis?": MRI commonly shows the signal) is none of what follows from it
        rested_on = {index.statements[n].object for n in asked} | _between(index, entities, asked)
        hedging = [] if kind else [n for n in pair if n not in asked and index.statements[n].about & rested_on and any(
            _how_many(q) or set(words(q)) & (MAY | OFTEN) for q in index.statements[n].qualifiers)]
        if len(apart) >= 3 and not kind:
            plain = {_triple(s) for s in index.statements if not s.qualifiers}
            hedging += [n for n in _linking_any_two(index, apart) if n not in asked and n not in hedging
                        and index.statements[n].object in rested_on and _triple(index.statements[n]) not in plain
                        and any(_how_many(q) or set(words(q)) & (MAY | OFTEN) for q in index.statements[n].qualifiers)]
        return _verdict(question, reading, index, score, asked + hedging, vouching)
    if reading.yes_no and len(entities) == 1 and (first := _rank_verdict(question, reading, index, score)):
        return first  # "Is type 4 SMA the most severe?": not by having a rank, by being the first ranked
    if reading.yes_no and entities and reading.relations:
        reading = _relation_word_as_value(index, _negation_word_as_negation(index, reading))
        relations = relations_of(index, reading.relations)
        found = [n for n, s in enumerate(index.statements)
                 if s.subject in entities[0].terms and relation_asked(index, reading, s, relations)
                 and s.object not in index.classes]
        if not found and not asks_kind(reading):  # "Are there different types of SMA?": SMA as the value
            found = [n for n, s in enumerate(index.statements) if s.object in entities[0].terms
                     and not index.nary(s) and positive_of(index, s.property) in relations]
        # two relations asked ("Does treatment cure SMA?", "Does ALS have a genetic cause?"): only a statement of
        # both answers; a yes to the treatment is no yes to the cure, a symptom no genetic cause
        every = stating_every(index, reading, found)
        if not every and _two_relations(index, reading) and (via := _via_value(index, reading, entities, relations)):
            # "Are ALS's imaging findings misleading?": its imaging findings, of which one relation asked is said
            return _verdict(question, reading, index, score, via, _tying(index, via, entities))
        found = every or ([] if _two_relations(index, reading) else found)
        # every word of the question not otherwise understood must name the values a verdict rests on; one asking
        # for more than one ("Are there several types of ALS?") is named by statements of two values or more
        if set(reading.conditions) & PLURAL and (plural := _several(index, reading, found)):
            found, reading = plural, without(reading, PLURAL)
        elif ONE.search(" ".join(reading.words)) and not reading.contrary:
            # "Is there only one type of SMA?" asks the negative of several: its four types say no; short of two
            # values of one relation, no statement of it says how many ("Is there just one cause of MS?")
            if not (plural := _several(index, reading, found)):
                return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                             used_of(index, about(index, entities), score))
            found, reading = plural, replace(without(reading, ONLY | {"single"}), negated=not reading.negated)
        explained = _some_value(index, reading, explaining(index, reading, found))
        if any(index.statements[n].qualifiers or index.statements[n].object in index.negative_values
               for n in explained):
            return _verdict(question, reading, index, score, explained)
        if explained and all(isinstance(index.statements[n].object, Literal) for n in explained):
            return _verdict(question, reading, index, score, explained)
        if explained:  # the relation exists and every other word of the question names its values
            direct = [n for n in explained if positive_of(index, index.statements[n].property) in relations
                      and not index.nary(index.statements[n])]  # claims before n-ary parts
            return _verdict(question, reading, index, score, direct or explained)
        if not found and len(entities) == 1 and not reading.conditions and not reading.negated \
                and not _two_relations(index, reading) and not asks_kind(reading) and SUBTYPE_OF not in relations:
            # "Is ALS caused by genes?": none of its own, its subtypes' (familial ALS's causal genes) answer partly
            return _of_subtypes(question, reading, index, score, relations, [entities[0], None])
    if reading.yes_no and len(entities) == 1 and not reading.relations and reading.unexplained \
            and not asks_kind(reading):
        # "Is the course of SMA variable?": the entity's own claims whose values name every other word
        # not a causal gene, named by a word of its name ("Do muscular dystrophy patients have dystrophin?" asks of
        # the protein, whose "reduction or absence" the documents report, not of the gene causing the disease)
        own = [n for n, s in enumerate(index.statements) if s.subject in entities[0].terms and not index.nary(s)
               and not s.derived and s.object not in index.classes and s.property != CAUSAL_GENE]
        explained = explaining(index, reading, own)
        if explained:
            return _verdict(question, reading, index, score, explained)
    if reading.yes_no and len(entities) == 1 and not reading.relations and reading.conditions \
            and asks_kind(reading) and {w.removesuffix("s") for w in reading.words} & KIND_WORDS:
        # "Is ALS a progressive disease?": what kind the statements say it is, in a cited sentence putting every other
        # word right before the kind's name ("A progressive neurodegenerative disease"); not its values ("Is ALS a
        # muscle disease?" is not answered by its affected skeletal muscles)
        kinds = [n for n, s in enumerate(index.statements) if s.subject in entities[0].terms
                 and s.object in index.classes
                 and said_of_kind(index, s, list(reading.conditions), frozenset(KIND_WORDS | PLURAL_KINDS))]
        if kinds:
            return _verdict(question, reading, index, score, kinds)
    if reading.yes_no:
        near = about(index, entities) or [n for n, _ in ranked[:RANKED]]
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, near, score))
    if entities and all(m.terms <= index.classes for m in entities):
        return members_of(question, reading, index, score, entities)
    if (kinds_asked := _kind_by_example(index, reading)):  # "Which demyelinating diseases are like MS?": its members
        return members_of(question, reading, index, score, kinds_asked)
    if (narrower := _which_of(index, reading)):  # "Which motor neurons does ALS affect?": upper and lower ones
        return listing(question, reading, index, score, narrower)
    if (having := _diseases_having(index, reading)):  # "Which diseases have hyperreflexia?": each one that does,
        return listing(question, reading, index, score, having)  # and each said not to
    if reading.definition:
        kinds = [n for n, s in enumerate(index.statements) if s.subject in entities[0].terms
                 and s.object in index.classes and s.object not in entities[0].terms]
        if kinds:  # "What is SMA?", "What kind of disease is MS?": what the statements say it is
            return kinds_of(question, reading, index, score, kinds)
    if not reading.yes_no and len(entities) == 1 and reading.relations and not reading.unexplained:
        relations = relations_of(index, reading.relations)
        subtypes = index.subtypes_of(entities[0].terms)
        if (by_rank := _rank_named(question, reading, index, score, {*entities[0].terms, *subtypes})) is not None:
            return by_rank
        own, of_subtypes = ([n for n, s in enumerate(index.statements) if s.subject in subjects
                             and positive_of(index, s.property) in relations and not index.nary(s)
                             and not (subjects is subtypes and s.property == SUBTYPE_OF)]
                            for subjects in (entities[0].terms, subtypes))
        # an n-ary statement about the entity as its object ("How common is bulbar-onset ALS?": the share
        # counting it), the entity's own statements, else its subtypes' ("What genes cause ALS?")
        counted = [n for n, s in enumerate(index.statements) if s.object in entities[0].terms and index.nary(s)
                   and positive_of(index, s.property) in relations]
        inverse = [n for n, s in enumerate(index.statements) if s.object in entities[0].terms
                   and positive_of(index, s.property) in relations and not index.nary(s)]
        # ... and, of a relation the entity is the object of ("What are the types of SMA?"), its subjects
        listed = counted + (stating_every(index, reading, own) or stating_every(index, reading, of_subtypes)
                            or own or stating_every(index, reading, inverse) or inverse)
        if SUBTYPE_OF in relations and not reading.conditions \
                and (kinds := [n for n in inverse if index.statements[n].property == SUBTYPE_OF]):
            listed = kinds  # "How many kinds of ALS are there?": its subtypes, not the shares of some of them
        listed = _values_naming(index, relations, entities[0], listed) or _of_kinds_named(index, reading, listed) \
            or listed
        if reading.negated:  # "What does ALS not affect?": the statements that say so
            listed = [n for n in listed if says_yes(index, reading, index.statements[n])]
        if listed and _unmet(index, reading, listed, entities[0]):
            # "What genes cause MS?": "genes" names only the causal gene, of which nothing is said of MS; "cause"
            # also names its clinical features, which answer no question of its genes
            return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                         used_of(index, about(index, entities), score))
        if listed:  # "What are the symptoms of ALS?": every value of the relation asked
            return listing(question, reading, index, score, listed)
        if not any(entities[0].terms & s.about and relation_asked(index, reading, s, relations)
                   for s in index.statements):  # "How is MS diagnosed?": nothing of the relation asked
            if _used_for(reading):  # "What is electromyography used for?": for anything, a diagnosis too
                return _answer(question, _unrelated(reading), index)
            return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                         used_of(index, about(index, entities), score))
    if not reading.yes_no and (alone := _own_feature(index, reading)) is not None \
            and _own_statements(index, alone):
        # "What do behavioural changes in ALS have an impact on?": the thing's own statements, ALS saying only whose
        return _answer(question, alone, index)
    relations = relations_of(index, reading.relations)
    near = about(index, entities) or [n for n, _ in ranked[:RANKED]]
    wanted = set(index.tokens(" ".join(reading.unexplained)))
    # the question holds a whole name of a kind of figure, naming a word no name of the graph explains
    framed, spoken = (set(index.tokens(" ".join(part))) for part in (reading.conditions, reading.words))
    figure_kinds: frozenset[URIRef] = frozenset() if relations else frozenset().union(
        *(terms for name, terms in index.kind_names.items() if (name_words := set(index.tokens(" ".join(name))))
          and name_words <= spoken and name_words & framed))
    if figure_kinds and entities:  # "What is the life expectancy of someone with SMA?": its figures of that kind
        return _of_kind(question, replace(reading, mentions=(*reading.mentions, Mention(
            " ".join(reading.conditions), figure_kinds))), index, score, figure_kinds, near)
    named = [n for n in near if wanted and wanted <= index.names(index.statements[n].object)]
    if named and not relations:  # "How fast does SMA progress?": the statements whose values name "progress"
        return open_answer(question, reading, index, score, named)
    related = [n for n in near if positive_of(index, index.statements[n].property) in relations
               and (reading.negated or not index.restates(index.statements[n]))]
    if (TOGETHER & set(reading.words) or (relations and not _both(index, entities))) \
            and not related and (via := _values_via(index, entities)):
        # "What is seen in ALS on MRI?": not what MRI is used for in ALS, ALS's values MRI detects
        return listing(question, reading, index, score, via)
    if not related and entities:  # the relation asked, from the first entity named
        related = [n for n, s in enumerate(index.statements) if entities[0].terms & s.about
                   and positive_of(index, s.property) in relations and (reading.negated or not index.restates(s))]
    if not related and entities and relations and wanted:
        # "Where is the abnormal T2/FLAIR signal most often found in ALS?": none of the entity's own statements is of
        # the relation asked; those of its values that the other words name (its imaging finding, the abnormal
        # T2/FLAIR signal, most frequently located in ...) are
        own_values = {s.object for s in index.statements if s.subject in entities[0].terms and not index.nary(s)
                      and wanted <= index.names(s.object)}
        related = [n for n, s in enumerate(index.statements) if s.subject in own_values
                   and positive_of(index, s.property) in relations and not index.nary(s)]
    if reading.negated:  # "Which neurons are not affected in SMA?": the statements that say not
        related = [n for n in related if says_yes(index, reading, index.statements[n])] or related
    tied = _tied(index, [m for m in entities if m.terms & index.diseases], related or near)
    if (related or near) and not tied:  # "What does imaging show in SMA?": MRI's findings are ALS's
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, about(index, [m for m in entities if m.terms & index.diseases]), score))
    values = {(index.statements[n].property, index.statements[n].object) for n in tied}
    if entities and len(tied) > 1 and len(values) == 1 and next(iter(values))[1] in entities[0].terms:
        # "What are the lower motor neuron signs of ALS?": every statement says something is the thing asked, so
        # all of them, not the best-ranked one
        return listing(question, reading, index, score, tied)
    if _said_of_others_only(index, reading, tied, wanted):
        # "What is the prognosis of MS?": the documents give ALS's and SMA's prognosis, none of MS's
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, tied, score))
    return open_answer(question, reading, index, score, tied)


def _said_of_others_only(index: ClaimIndex, reading: Reading, tied: list[int], wanted: set[str]) -> bool:
    """Whether an open question of one disease, naming no relation, asks by a word no name explains (``wanted``)
    what statements of other diseases say in those words, and none of ``tied`` (the disease's) does."""
    diseases = [m for m in reading.entities if m.terms & index.diseases]
    if reading.relations or len(reading.entities) != 1 or len(diseases) != 1 or not wanted or not tied:
        return False
    asked = diseases[0].terms

    def says(statement: Statement) -> bool:
        return wanted <= set(index.tokens(statement.text))
    return not any(says(index.statements[n]) for n in tied) and any(
        says(s) and s.subject in index.diseases and s.subject not in asked and not asked & s.about
        for s in index.statements)


# the word right before a disease asked of someone or of findings: "do they have ALS?", "is it ALS?", "could it be
# MS?", "does weakness without sensory loss mean SMA?"
DIAGNOSED = {"have", "has", "it", "be", "mean", "means"}


def _diagnosis_asked(index: ClaimIndex, reading: Reading) -> bool:
    """Whether the question asks which disease someone has from things that are no disease ("Does a patient with
    muscle weakness have ALS?", "Is it ALS if a patient has fasciculations?"): one disease named, right after
    DIAGNOSED, beside other things; not in a condition ("When someone has SMA, are ... affected?" sets it as given)."""
    diseases = [m for m in reading.entities if m.terms & index.diseases]
    if len(diseases) != 1 or len(reading.entities) < 2:
        return False
    where = span(reading.words, words(diseases[0].text))
    return where is not None and where[0] > 0 and reading.words[where[0] - 1] in DIAGNOSED \
        and not CONDITIONAL & set(reading.words[:where[0]])


def _mainly_another(question: str, reading: Reading, index: ClaimIndex) -> Reply | None:
    """A yes/no asking whether a thing mostly has one value ("Does SMA mostly affect upper motor neurons?", "Are
    upper motor neurons the main ones damaged in SMA?") where a statement says it mainly has another value of the
    same kind (a property whose name says "mainly": lower motor neurons) and none that it has the value asked at
    all: no (yes asked in the negative). So too a yes/no asking whether it usually has one ("Does ALS usually start
    in childhood?") where a statement hedged "usually" says it has another value of that property (its typical onset
    adulthood; childhood is a typical onset of muscular dystrophy). None otherwise."""
    named = reading.named_words
    entities = reading.entities
    asked = {w for w in reading.words if w not in named}
    if not reading.yes_no or len(entities) != 2 or not asked & (MAINLY | USUALLY | {"usual"}):  # "the usual onset"
        return None
    relations = relations_of(index, reading.relations)
    for subject, value in permutations(entities):
        said = [n for n, s in enumerate(index.statements) if s.subject in subject.terms]
        if any(index.statements[n].object in value.terms for n in said):
            continue
        mainly = [n for n in said if not index.statements[n].negative
                  and _another_usual(index, index.statements[n], value, bool(asked & MAINLY))
                  and (not relations or any(s.subject in subject.terms and s.object == index.statements[n].object
                                            and s.property in relations for s in index.statements))]
        if mainly:
            verdict = "yes" if reading.negated else "no"
            lead = index.statements[mainly[0]]
            return Reply(question, reading, verdict, f"{verdict.capitalize()}: {_phrases(index, lead, mainly)}.",
                         used_of(index, mainly, {}))
    return None


def _another_usual(index: ClaimIndex, statement: Statement, value: Mention, mainly: bool) -> bool:
    """Whether ``statement`` says its subject mainly has a value of ``value``'s kind (a property named "mainly", asked
    ``mainly``), or usually has a value of a property some statement gives ``value`` as (a claim hedged "usually")."""
    if set(words(index.label(statement.property))) & MAINLY and mainly:
        kinds = {s.object for s in index.statements if s.property == RDF.type and s.subject in value.terms}
        return bool(kinds & {s.object for s in index.statements if s.property == RDF.type
                             and s.subject == statement.object})
    return bool({q.casefold() for q in statement.qualifiers} & USUALLY) and any(
        s.property == statement.property and s.object in value.terms for s in index.statements)


def _which_of(index: ClaimIndex, reading: Reading) -> list[int]:
    """Of an open question asking "which" of a thing named right after its question word, of another thing named
    ("Which MNs does ALS affect?"), the statements of the other thing (of the relation asked, if one is) whose values
    are named by that thing's name and more words (upper and lower motor neurons): the kinds of it asked for. A
    thing named in words of a process ("Which MNs degenerate in ALS?": ALS's motor neuron degeneration) gives its
    own values named by two words of the question and more (degeneration of upper, lower motor neurons)."""
    entities = reading.entities
    if reading.yes_no or len(entities) != 2 or reading.words[:1] not in (("which",), ("what",)) \
            or " ".join(reading.words[1:]).split(" ", 1)[0] != entities[0].text.split()[0]:
        return []
    asked = frozenset().union(*(index.names(term) for term in entities[0].terms))
    relations = relations_of(index, reading.relations)
    found = [n for n, s in enumerate(index.statements) if s.subject in entities[1].terms and not index.nary(s)
             and (not relations or positive_of(index, s.property) in relations) and s.object not in entities[0].terms
             and asked < index.names(s.object)]
    if found or relations or not any(s.subject in entities[1].terms and s.object in entities[0].terms
                                     for s in index.statements):
        return found
    spoken = set(index.tokens(entities[0].text))
    return [n for n, s in enumerate(index.statements) if s.subject in entities[0].terms and not index.nary(s)
            and not s.negative and len(spoken & index.names(s.object)) > 1 and index.names(s.object) - spoken]


def _kind_by_example(index: ClaimIndex, reading: Reading) -> list[Mention]:
    """Of an open question naming one kind of disease and, after it, diseases of that kind, with no relation named
    ("Which diseases are true demyelinating diseases like MS?"), the kind: its members are asked, those named as
    examples."""
    entities = reading.entities
    kinds = [m for m in entities if m.terms <= index.classes]
    if reading.yes_no or reading.relations or len(kinds) != 1 or entities[0] is not kinds[0]:
        return []
    examples = {s.subject for s in index.statements if s.object in kinds[0].terms and s.subject in index.diseases}
    return kinds if all(m.terms & examples for m in entities[1:]) and len(entities) > 1 else []


def _diseases_having(index: ClaimIndex, reading: Reading) -> list[int]:
    """Of an open question asking which diseases ("Which diseases have hyperreflexia?") of one thing named, not a
    disease, with no relation named: the statements of a disease with that thing as its value."""
    entities = reading.entities
    if reading.yes_no or reading.relations or len(entities) != 1 or entities[0].terms & index.diseases \
            or not {w.removesuffix("s") for w in reading.words} & KIND_WORDS:
        return []
    return [n for n, s in enumerate(index.statements) if s.object in entities[0].terms and s.subject in index.diseases
            and not index.nary(s)]


def _used_for(reading: Reading) -> bool:
    """Whether the relations the question names are named only by words asking whether two things go together at
    all, or one is used for the other ("Does ALS involve demyelination?", "Is genetic testing used for muscular
    dystrophy?"): where the relation they name ("involves" a structure, "used for" a treatment) has no statement,
    any statement linking the things answers, as if no relation were named."""
    return bool(reading.relations) and all(set(m.text.split()) <= USED_FOR for m in reading.relations)


def _unmet(index: ClaimIndex, reading: Reading, listed: list[int], entity: Mention) -> bool:
    """Whether a relation the question names by a word of its own (naming one relation only, not merely asking
    whether things go together) has none of ``listed`` of it, another word's relations giving them all, and no
    statement about ``entity`` of it at all ("What percentage of ALS is hereditary?": familial ALS's inheritance
    pattern, so the share counting it answers)."""
    return any(len(m.terms) == 1 and not set(m.text.split()) <= USED_FOR and not any(
        _of_relations(index, s, relations_of(index, [m])) for s in index.statements if entity.terms & s.about)
        and not any(_of_relations(index, index.statements[n], relations_of(index, [m])) for n in listed)
        for m in reading.relations)


def _worded(index: ClaimIndex, reading: Reading) -> set[Node]:
    """Every property the question's relation words name, before the reading kept those its ends fit."""
    return set().union(*(index.relation_names.get(tuple(m.text.split()), frozenset()) for m in reading.relations))


def _parts_asked(index: ClaimIndex, named: list[Mention], relations: set[Node], found: list[int]) -> list[int]:
    """Of ``found``, each part of an n-ary statement replaced by the statement's parts of the relation asked whose
    value is a thing ``named``, if it has some: the statement says what those say ("Is MND a separate category from
    muscular dystrophy in ICD-11?": its part "rather than muscular dystrophy", not its part "in classification
    system ICD-11", nor "as category neurodegenerative disease" of ALS's)."""
    things = frozenset().union(*(m.terms for m in named))
    kept: dict[int, None] = {}
    for n in found:
        statement = index.statements[n]
        own = [m for m, s in enumerate(index.statements) if s.iri == statement.iri and s.object in things
               and _of_relations(index, s, relations)] if index.nary(statement) else []
        kept.update(dict.fromkeys(own or [n]))
    return list(kept)


def _of_relations(index: ClaimIndex, statement: Statement, relations: set[Node]) -> bool:
    """Whether ``statement``'s own property (or a broader one, or the one it denies) is one of ``relations``."""
    prop = positive_of(index, statement.property)
    return isinstance(prop, URIRef) and bool(index.broader.get(prop, frozenset({prop})) & relations)


def _unrelated(reading: Reading) -> Reading:
    return replace(reading, mentions=tuple(m for m in reading.mentions if not m.relation))


def _share_verdict(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float]) -> Reply | None:
    """"Is most ALS sporadic?", "Do most ALS patients develop cognitive impairment?": a share (see ``_shares_asked``)
    all of whose bounds are over half says yes, all under half no; otherwise, or with shares that differ, the
    documents don't say. None when the question asks no "most" or no share counts what it asks."""
    spoken = {w for m in reading.mentions for w in m.text.split()}
    said = " ".join(reading.words)
    over, under = (re.search(rf"\b(?:{words}) half\b", said) for words in ("more than|over",
                                                                           "less than|fewer than|under"))
    every = _not_every(reading) == "Not all" and not reading.negated
    often = (set(reading.words) - spoken) & (COMMONLY | RARELY)
    if reading.yes_no and often and not (set(reading.words) - spoken) & (MOST | MINORITY) and not every:
        return _how_often_share(question, reading, index, score, bool(often & RARELY))
    if not reading.yes_no or not ((set(reading.words) - spoken) & (MOST | MINORITY) or over or under or every):
        return None
    if (set(reading.words) - spoken) & MINORITY or under:  # "Is familial ALS a minority of ALS cases?": not most
        reading = replace(reading, negated=not reading.negated)
    shares = _shares_asked(index, reading)
    if not shares:
        return None
    if not (set(reading.words) - spoken) & (MOST | MINORITY) and not over and not under:
        # "Do all ALS patients get bulbar onset?": a share short of all of them, 25-35%
        if not all(index.shares[f].high < 100 for f in shares):
            return None
        return Reply(question, reading, "qualified", f"Not all: {'; '.join(index.label(f) for f in shares)}.",
                     used_of(index, [n for n, s in enumerate(index.statements) if s.iri in {str(f) for f in shares}],
                             score))
    figures = [index.shares[f] for f in shares]
    verdicts = {True if f.low > 50 else False if f.high < 50 else None for f in figures}
    iris = {str(f) for f in shares}
    numbers = [n for n, s in enumerate(index.statements) if s.iri in iris]
    if len(verdicts) != 1 or (says := verdicts.pop()) is None:
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, numbers, score))
    verdict = "yes" if says != reading.negated else "no"
    # "Are most ALS cases familial?": no, 5-10%, and the rest say what most are (sporadic, 85-90%)
    rest = [f for f in _the_rest(index, shares) if f not in shares] if not says else []
    named = "; ".join(index.label(f) for f in shares + rest)
    numbers += [n for n, s in enumerate(index.statements) if s.iri in {str(f) for f in rest}]
    # what was understood: the share counting what is asked among the cases of the thing named
    counted = frozenset().union(*(index.shares[f].counted for f in shares))
    wholes = [m for m in reading.entities if m.terms & frozenset().union(*(index.shares[f].among for f in shares))]
    shown = replace(reading, mentions=(*wholes[:1], Mention("most", frozenset({COUNTS_CASES_OF}), relation=True),
                                       Mention(" ".join(sorted(index.label(t) for t in counted)), counted)))
    return Reply(question, shown, verdict, f"{verdict.capitalize()}: {named}.", used_of(index, numbers, score))


def _how_often_share(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
                     rare: bool) -> Reply | None:
    """"Is dysphagia common in bulbar-onset ALS?", "Is difficulty swallowing rare in bulbar ALS?": a share over half
    (almost 80%) of what the question counts says it is common, so not rare; one under half says neither (10% may be
    called common or rare), so None, as when no share counts it or the shares differ."""
    plain = replace(reading, unexplained=tuple(w for w in reading.unexplained if w not in COMMONLY | RARELY),
                    words=tuple(w for w in reading.words if w not in COMMONLY | RARELY))
    shares = _shares_asked(index, plain)
    if not shares or not all(index.shares[f].low > 50 for f in shares):
        return None
    verdict = "no" if rare != reading.negated else "yes"
    numbers = [n for n, s in enumerate(index.statements) if s.iri in {str(f) for f in shares}]
    named = "; ".join(index.label(f) for f in shares)
    return Reply(question, reading, verdict, f"{verdict.capitalize()}: {named}.", used_of(index, numbers, score))


def _the_rest(index: ClaimIndex, shares: list[URIRef]) -> list[URIRef]:
    """The shares over half among the same cases as ``shares`` counting another subtype of the same disease that
    has a statement of a relation what they count has ("Are most ALS cases familial?": sporadic ALS, which has an
    inheritance pattern as familial ALS has, 85-90%); not a share of something else (cognitive impairment)."""
    subtypes = {(s.subject, s.object) for s in index.statements if s.property == SUBTYPE_OF and not s.negative}

    def relations(thing: Node) -> set[Node]:
        return {positive_of(index, s.property) for s in index.statements if s.subject == thing and not s.derived
                and not index.nary(s) and not s.negative and s.property != SUBTYPE_OF
                and s.object not in index.classes}

    asked = {(c, w) for f in shares for c in index.shares[f].counted for w in index.shares[f].among
             if (c, w) in subtypes}
    return [f for f, share in sorted(index.shares.items()) if share.low > 50 and any(
        (c, w) in subtypes and (c, w) not in asked and relations(c) & relations(other)
        for c in share.counted for w in share.among for other, whole in asked if whole == w)]


def _not_always_inherited(question: str, reading: Reading, index: ClaimIndex,
                          score: dict[int, float]) -> Reply | None:
    """"Is ALS always inherited?": where no source says of the disease whether every case is inherited, a statement
    that some of its cases are sporadic (an inheritance pattern saying no family history) says not every case is:
    no, not always (yes asked in the negative). None otherwise: "always" is denied only by cases that are not."""
    entities = reading.entities
    if not reading.yes_no or len(entities) != 1 or len(reading.relations) != 1 \
            or ALWAYS_INHERITED not in reading.relations[0].terms or reading.unexplained or reading.unaccounted \
            or reading.unknown or reading.conditions:
        return None
    terms = entities[0].terms
    if any(s.subject in terms and s.property == ALWAYS_INHERITED for s in index.statements):
        return None  # said of it: the statement answers
    sporadic = [n for n, s in enumerate(index.statements) if s.subject in terms and s.property == INHERITANCE_PATTERN
                and s.object in index.negative_values and not s.negative]
    if not sporadic:
        return None
    verdict = "yes" if reading.negated else "no"
    return Reply(question, reading, verdict,
                 f"{verdict.capitalize()}, not always: {_phrases(index, index.statements[sporadic[0]], sporadic)}.",
                 used_of(index, sporadic, score), ("not always",))


def _beyond_verdict(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float]) -> Reply | None:
    """"Do most ALS patients live longer than 10 years?", "Do all ALS patients survive more than 10 years?": the
    share of a disease's patients past the threshold asked, of a kind the question names; "most" is no under half
    and yes over it, "all" no under half and "Not all" short of 100%. None when the question asks neither, or no
    share of that kind and threshold is stated."""
    spoken = set(reading.words) - reading.named_words
    every = reading.restriction in {"all", "every", "everyone", "everybody", "always"}
    if not reading.yes_no or reading.negated or (reading.restriction and not every) or len(reading.entities) != 1:
        return None
    most = bool(spoken & MOST)
    # "die within 10 years" names the contrary of surviving beyond them (mnd:contraryLabel): the complement share
    contrary = _kinds_named(index, reading, index.contrary_names)
    kinds = _kinds_named(index, reading)
    if contrary and kinds:
        return None  # "Do most who live longer than ten years die within twenty?": not one share
    figures = frozenset().union(*(index.of_kind.get(k, frozenset()) for k in contrary or kinds))
    asked = _numbers(question) - _numbers(" ".join(m.text for m in reading.mentions)) | {
        NUMBER_WORDS[w] for w in reading.words if w in NUMBER_WORDS}
    found = [f for f, share in sorted(index.shares.items()) if f in figures and share.threshold is not None
             and share.among & reading.entities[0].terms and asked == {f"{share.threshold:g}"}]
    if len(found) != 1:
        return None
    share = index.shares[found[0]]
    if contrary:  # of those who die within the duration: the rest
        share = replace(share, low=100.0 - share.high, high=100.0 - share.low)
    numbers = [n for n, s in enumerate(index.statements) if s.iri == str(found[0])]
    named = index.label(found[0])
    if not most and not every:
        # "Do ALS patients live more than 10 years?", "Can someone with ALS live past 10 years?": some do, in
        # whatever words for surviving beyond the duration the kind has; not when the question asks how often ("Is
        # surviving more than 10 years common?") or holds a word no name of the kind does
        names = index.contrary_names if contrary else index.kind_names
        kind = set(index.tokens(" ".join(w for name, terms in names.items() if terms & (contrary or kinds)
                                         for w in name))) | set(index.tokens("years year"))
        if set(reading.words) & (OFTEN | SELDOM | USUALLY | OFTEN_WORDS) \
                or any(not set(index.tokens(w)) <= kind for w in reading.unexplained):
            return None
        return Reply(question, reading, "qualified", f"Partly: {named}.", used_of(index, numbers, score)) \
            if share.low > 0 and share.high < 100 else None
    if share.high < 50:
        return Reply(question, reading, "no", f"No: {named}.", used_of(index, numbers, score))
    if share.low > 50 and not every:
        return Reply(question, reading, "yes", f"Yes: {named}.", used_of(index, numbers, score))
    if every and share.high < 100:
        return Reply(question, reading, "qualified", f"Not all: {named}.", used_of(index, numbers, score))
    return None


def _shares_asked(index: ClaimIndex, reading: Reading) -> list[URIRef]:
    """The shares among the cases of one thing named that count what the rest of the question names: every other
    thing named is what a share counts or a name of it ("familial": familial ALS), every other word names it
    ("sporadic": sporadic ALS), and a relation asked of nothing named is one it
    has ("Are most ALS cases inherited?": familial ALS has an inheritance pattern, sporadic ALS's is none). A value
    of what a share counts is not what it counts: familial ALS has causal gene SOD1, yet SOD1 may cause others."""
    rest = set(index.tokens(" ".join(w for w in reading.conditions if w not in MOST | CASES | HALF)))
    relations = relations_of(index, reading.relations) - index.broader.get(COUNTS_CASES_OF, frozenset())
    found = []
    for figure, share in sorted(index.shares.items()):
        wholes = [m for m in reading.entities if m.terms & share.among]
        if len(wholes) != 1:
            continue
        others = [m for m in reading.entities if m is not wholes[0]]
        stated = [s for s in index.statements if s.subject in share.counted and not index.nary(s) and not s.derived
                  and not s.negative and s.object not in index.negative_values]
        names = frozenset().union(*(index.names(t) for t in share.counted))
        if not all(m.terms & share.counted or set(index.tokens(m.text)) <= names for m in others) \
                or not rest <= names:
            continue  # "Is most ALS caused by SOD1?": familial ALS's causal gene, yet the share counts familial ALS
        if not others and not rest and not (relations and any(positive_of(index, s.property) in relations
                                                                for s in stated)):
            continue  # nothing names what the share counts
        found.append(figure)
    return found


def _values_naming(index: ClaimIndex, relations: set[Node], entity: Mention, listed: list[int]) -> list[int]:
    """Of ``listed``, the statements of an n-ary value (a figure) with a value of which some statement states a
    relation asked that the n-ary value's own links do not ("What percentage of ALS is hereditary?": the share
    counting familial ALS, which has an inheritance pattern; not every figure of ALS, nor the share counting
    sporadic ALS, whose inheritance pattern is a negative value: none)."""
    kept = []
    for n in listed:
        statement = index.statements[n]
        values = index.values_of.get(str(statement.object), frozenset()) - entity.terms - {statement.subject}
        own = {positive_of(index, statement.property), *index.properties_of.get(str(statement.object), ())}
        rest = relations - own
        if values and rest and any(s.subject in values and positive_of(index, s.property) in rest
                                   and not index.nary(s) and not s.negative and s.object not in index.negative_values
                                   for s in index.statements):  # sporadic ALS's inheritance says none
            kept.append(n)
    return kept


def _kinds_named(index: ClaimIndex, reading: Reading,
                 names: dict[tuple[str, ...], frozenset[URIRef]] | None = None) -> frozenset[URIRef]:
    """The kinds of figure a whole name of which the question holds ("how common": annual incidence, share of
    cases); of ``names`` (the names of contraries: "die within"), the kinds they name."""
    spoken = set(index.tokens(" ".join(reading.words)))
    named = index.kind_names if names is None else names
    return frozenset().union(*(terms & index.of_kind.keys() for name, terms in named.items()
                               if (stems := set(index.tokens(" ".join(name)))) and stems <= spoken))


def _of_kinds_named(index: ClaimIndex, reading: Reading, listed: list[int]) -> list[int]:
    """Of ``listed``, the figures of a kind the question names ("How common is ALS?": its incidence and shares of
    cases, not its survival)."""
    figures = frozenset().union(*(index.of_kind.get(k, frozenset()) for k in _kinds_named(index, reading)))
    return [n for n in listed if index.statements[n].object in figures]


def _of_kind(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float], kinds: frozenset[URIRef],
             near: list[int]) -> Reply:
    """The question's words name a kind of figure (a mnd:QuantityKind by its label or altLabels: "life
    expectancy" names mean and typical survival): the entity's figures of that kind; if it has none, its statements
    whose values hold a name of the kind ("longer lifespan"); else the documents don't say, and the closest
    statements are ranked with every name of the kind too ("lifespan")."""
    figures = frozenset().union(*(index.of_kind.get(k, frozenset()) for k in kinds))
    found = [n for n in near if index.statements[n].object in figures]
    if found:
        return open_answer(question, reading, index, score, found)
    names = sorted({tuple(index.tokens(" ".join(name))) for name, terms in index.kind_names.items() if terms & kinds})
    # no figure, but a statement whose value holds a whole name of the kind ("What is the life expectancy with
    # SMA?": some forms are compatible with a longer lifespan), with its hedges; not a gene's name ("survival motor
    # neuron 1")
    named = [n for n in near if not index.nary(index.statements[n]) and not index.statements[n].negative
             and index.statements[n].property != CAUSAL_GENE
             and any(set(name) <= index.names(index.statements[n].object) for name in names)]
    if named:
        return listing(question, reading, index, score, named)
    # closest: the cited sentences holding a whole name of the kind ("lifespan"), not a word of one ("life" is
    # in "quality of life"), scored by BM25 over the sentences (a statement's names hold "survival" in SMN1's)
    closest = {n: max((sum(sum(index.quote_postings.get(t, {}).get(str(c), 0.0) for t in name) for name in names
                           if all(str(c) in index.quote_postings.get(t, {}) for t in name))
                       for c in index.statements[n].citations), default=0.0) for n in near}
    return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                 used_of(index, near, closest))


def _apart(index: ClaimIndex, entities: list[Mention]) -> list[Mention]:
    """Of the things named, those not a disease named only as a part of the name of another thing, not a disease:
    "Would disease-modifying therapies used in MS suit SMA?" asks of the therapies (for demyelinating diseases like
    MS) and SMA, not of MS apart; all of them when fewer than two are left. A disease named in a label's brackets
    says whose the thing is ("degeneration of lower motor neurons (SMA)"): it is still asked."""
    names = [frozenset().union(*(index.names(t) - set(index.tokens(" ".join(BRACKETED.findall(index.label(t)))))
                                 for t in m.terms)) for m in entities]
    kept = [m for m in entities if not (m.terms & index.diseases and any(
        not other.terms & index.diseases and set(index.tokens(m.text)) <= named
        for other, named in zip(entities, names, strict=True)))]
    return kept if len(kept) >= 2 else entities


def _two_steps(index: ClaimIndex, reading: Reading, relations: set[Node]) -> list[int]:
    """No statement links the two things asked, but they are the ends of a path of two statements: the other
    thing has a thing (its subject, not a disease nor a group of diseases) of which a statement of the relation
    asked names the one ("Are men more likely to get ALS?": ALS has a risk group whose predominant sex is male,
    slightly); both statements. Two things sharing a value ("Does SMA cause ALS?": both have muscle atrophy) are no
    path; nor is a question naming no relation."""
    if not relations:
        return []
    if len(reading.entities) == 3:
        return _two_steps_seen_by(index, reading, relations)
    if len(reading.entities) != 2:
        return []
    first, last = reading.entities
    directed = any(tuple(m.text.split()) in index.inverse_names for m in reading.relations)
    for one, other in ((first, last), (last, first)):
        if directed and _an_end(index, reading, other, one):
            continue  # "Does respiratory muscle weakness result in ALS?": not what results in a thing ALS has
        for n, statement in enumerate(index.statements):
            middle = statement.subject
            if index.nary(statement) or statement.derived or statement.object not in one.terms \
                    or middle in index.diseases or middle in index.classes or middle in other.terms \
                    or not relation_asked(index, reading, statement, relations):
                continue
            linked = [m for m, s in enumerate(index.statements) if not index.nary(s) and not s.derived
                      and s.subject in other.terms and s.object == middle]
            if linked:
                return [n, *linked]
    return []


def _via_value(index: ClaimIndex, reading: Reading, entities: list[Mention], relations: set[Node]) -> list[int]:
    """No statement of the relation asked is about the one disease asked, but a value of it is: the value named
    with it ("Is the snake eyes sign in ALS misleading?": ALS has the sign, which can mislead clinicians) or, of
    a question naming two relations, the disease's values of the other ("Are ALS's imaging findings misleading?"),
    or, of a test named, the disease's values it detects ("Does MRI in ALS mislead clinicians?": the findings MRI
    detects that ALS has); the statements of the relation asked about those values, then the plain
    statements tying them to the disease (or every such statement, none being plain)."""
    diseases = [m for m in entities if m.terms & index.diseases]
    others = [m for m in entities if m not in diseases]
    if len(diseases) != 1 or len(others) > 1 or not relations:
        return []
    disease = diseases[0]
    if others and _an_end(index, reading, disease, others[0]):
        return []
    named = [relations_of(index, [m]) for m in reading.relations]
    pairs: list[tuple[set[Node], set[Node]]] = [(set(), relations)] if others else list(permutations(named, 2))
    # a test named stands for what it detects ("MRI detects the snake eyes sign"): the findings it shows
    linked = {s.object for s in index.statements if others and s.subject in others[0].terms and s.property == DETECTS
              and not s.derived and not s.negative}
    passes = [(tie, asked, False) for tie, asked in pairs] + ([(set(), relations, True)] if others else [])
    for tie, asked, detected in passes:
        if tie and (tie <= asked or asked <= tie):
            continue
        ties = [n for n, s in enumerate(index.statements)
                if s.subject in disease.terms and not index.nary(s) and not s.derived and not s.negative
                and (s.object in linked if detected else s.object in others[0].terms if others
                     else positive_of(index, s.property) in tie)]
        values = {index.statements[n].object for n in ties}
        ends = [n for n, s in enumerate(index.statements) if s.subject in values and not index.nary(s)
                and not s.derived and s.object not in disease.terms and s.object not in index.classes
                and positive_of(index, s.property) in asked and positive_of(index, s.property) not in tie]
        ends = explaining(index, reading, ends)  # "... an impact on caregivers?": not its impact on survival
        if ends:
            ended = {index.statements[n].subject for n in ends}
            tying = [n for n in ties if index.statements[n].object in ended]
            plain = [n for n in tying if not index.statements[n].qualifiers]
            return ends + (plain or tying)
    return []


# words setting a disease named as where the thing asked is ("misleading in ALS"), not as an end of the relation
SETTING = {"in", "among", "with", "during", "for"}


def _two_steps_seen_by(index: ClaimIndex, reading: Reading, relations: set[Node]) -> list[int]:
    """``_two_steps`` between two of three things asked where the third, no disease, names what shows the thing in
    the middle: a statement has the middle thing as its value ("Is the abnormal MRI signal in ALS most frequently
    found in the cerebral peduncles?": ALS has the T2/FLAIR signal, most frequently located in them, and MRI detects
    it); that statement too. Not a thing the middle one is said to be or lead to ("Is gliosis in ALS most frequently
    in the cerebral peduncles?": the signal corresponds to gliosis, which says nothing of where gliosis is)."""
    for extra in reading.entities:
        if extra.terms & (index.diseases | index.classes):
            continue
        ends = [m for m in reading.entities if m is not extra]
        if not any(m.terms & index.diseases for m in ends):
            continue
        path = _two_steps(index, replace(reading, mentions=tuple(m for m in reading.mentions if m is not extra)),
                          relations)
        if not path:
            continue
        middle = index.statements[path[0]].subject
        seen = [n for n, s in enumerate(index.statements) if s.subject in extra.terms and s.object == middle
                and not s.negative and not index.nary(s) and not s.derived]
        if seen:
            return [*path, *seen]
    return []


def _an_end(index: ClaimIndex, reading: Reading, disease: Mention, other: Mention) -> bool:
    """Whether the question puts a relation word between ``other`` and ``disease``, the disease not set as where
    (SETTING right before its name): then the relation is asked between the two ("Does respiratory failure cause
    ALS?", "Is ALS due to respiratory failure?"), and what the thing in the disease leads to or comes from (its
    respiratory failure, due to respiratory muscle weakness) answers none of it."""
    at = {id(m): n for n, m in enumerate(reading.mentions)}
    if id(disease) not in at or id(other) not in at:
        return False
    ends = sorted((at[id(disease)], at[id(other)]))
    between = [m for n, m in enumerate(reading.mentions) if m.relation and ends[0] < n < ends[1]]
    if not between:
        return False
    where = span(reading.words, words(disease.text))
    if not where or where[0] == 0 or reading.words[where[0] - 1] not in SETTING:
        return True
    # ... the word before it being that of a relation saying which way a thing leads to another ("result in ALS")
    # sets nothing; that of one saying where ("activated in ALS motor neurons") does
    return any(tuple(m.text.split()) in index.inverse_names and (said := span(reading.words, words(m.text)))
               and said[1] == where[0] for m in between)


def _tying(index: ClaimIndex, found: list[int], entities: list[Mention]) -> frozenset[int]:
    """Of ``found``, the statements about a disease asked: they only tie a value to it (they vouch)."""
    return frozenset(n for n in found if any(index.statements[n].subject in m.terms and m.terms & index.diseases
                                              for m in entities))


def _rank_named(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
                subjects: set[Node]) -> Reply | None:
    """"Which SMA type is the mildest?": a word naming the first or the last of a rank property
    (mnd:firstRankLabel "most severe", mnd:lastRankLabel "mildest") is answered by the statement of the lowest or
    the highest rank stated of the entity or its subtypes, among the ranks stated only, and so said; with no rank
    stated ("Which form of ALS is the mildest?"), the documents don't say."""
    for mention in reading.relations:
        for names, last in ((index.first_rank_names, False), (index.last_rank_names, True)):
            properties = names.get(words(mention.text), frozenset())
            if not properties:
                continue
            ranks = {n: float(s.object.toPython()) for n, s in enumerate(index.statements)
                     if s.property in properties and s.subject in subjects and isinstance(s.object, Literal)
                     and not s.negative}
            if not ranks:
                return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                             used_of(index, [n for n, s in enumerate(index.statements) if subjects & s.about], score))
            value = (max if last else min)(ranks.values())
            chosen = [n for n, rank in ranks.items() if rank == value]
            lead = index.statements[chosen[0]]
            named = ", ".join(index.label(index.statements[n].subject) for n in chosen)
            return Reply(question, reading, "answer", f"{named}: {index.label(lead.property)} {lead.object}, the "
                         f"{mention.text} of the ranks stated.", used_of(index, chosen, score))
    return None


def _named_by(index: ClaimIndex, reading: Reading, asked: list[int]) -> bool:
    """Whether every word of the question left unexplained that, with other words of the question, makes a name of
    the graph ("upper" ... "motor neurons": a second thing asked, not read as one) is a name of something the
    statements asked, or the statements of the same subject and relation, state ("Does ALS affect both upper and
    lower motor neurons?": "upper" names ALS's other affected neurons; in SMA it names none)."""
    spoken = set(index.tokens(" ".join(reading.words)))
    unnamed = {w for w in index.tokens(" ".join(reading.unexplained))
               if any(len(name) > 1 and w in (stems := set(index.tokens(" ".join(name)))) and stems <= spoken
                      for name in index.entity_names)}
    # ... or that names what a statement says the value of a statement asked does ("If someone with ALS develops FTD,
    # do they live for a shorter time?"), not of a disease ("Do immunomodulatory therapies halt ALS progression?")
    unnamed |= set(index.tokens(" ".join(reading.unexplained))) & said_of_values(
        index, [index.statements[n] for n in asked])
    # ... or that, two words or more in a row, end a name of some thing ("reactive oxygen species" of "increased
    # production of reactive oxygen species"): "Does motor neuron damage cause reactive oxygen species in ALS?" asks
    # of a thing no statement asked names
    unnamed |= _pieces_of_names(index, reading)
    # ... or that heads the name of a thing the graph knows ("eyes" of the "snake eyes" appearance, "dystrophin" of
    # muscular dystrophy's "reduction or absence of dystrophin"), unless a cited sentence of a statement asked says it
    # ("recessive" of "an autosomal recessive genetic disorder"): "Does ALS affect motor neurons in the eyes?" asks of
    # a place no statement of ALS's neurons names
    heads = set(index.tokens(" ".join(reading.unexplained))) & index.entity_heads
    for n in asked:
        for citation in index.statements[n].citations:
            if heads and citation in index.citations:
                heads -= set(index.tokens(index.citations[citation].quote))
    unnamed |= heads
    if not unnamed:
        return True
    kinds = {(index.statements[n].subject, index.statements[n].property) for n in asked}
    named: set[str] = set()
    for statement in index.statements:
        if (statement.subject, statement.property) in kinds or statement in (index.statements[n] for n in asked):
            named |= index.names(statement.property) | set(index.tokens(" ".join(statement.qualifiers)))
            for term in {statement.subject, statement.object, *statement.about}:
                named |= index.names(term)
    return unnamed <= named


def _says_the_words(index: ClaimIndex, statement: Statement, reading: Reading) -> bool:
    """Whether ``statement``'s names, qualifiers or cited sentences hold every word of the question left unexplained
    (those comparing, "same", and those saying how often aside: the verdict weighs them by its hedges)."""
    wanted = set(index.tokens(" ".join(w for w in reading.conditions if w not in COMPARISON | OFTEN | SELDOM)))
    said = index.names(statement.property) | index.names(statement.subject) | index.names(statement.object) | set(
        index.tokens(" ".join((*statement.qualifiers, *(index.citations[c].quote for c in statement.citations
                                                        if c in index.citations)))))
    return wanted <= said


# the words before a thing named saying it is the way, the means or the mechanism of what is asked
WAY = (("through",), ("via",), ("by", "way", "of"), ("by", "means", "of"), ("by",))


def _the_way(index: ClaimIndex, reading: Reading) -> list[Mention]:
    """The things (not a disease) the question names as the way something asked happens, right after "through",
    "via", "by way of" or a "by" no relation's name holds ("affect the brain through axonal degeneration", "by axonal
    degeneration"), an article between."""
    spoken = list(reading.words)
    relation_words = {w for m in reading.relations for w in m.text.split()}
    ways = []
    for mention in reading.entities:
        if mention.terms & index.diseases:
            continue
        # where its name stands, or, a name read from words apart ("demyelination ... destroy"), any of its words
        where = span(spoken, mention.text.split())
        starts = [where[0]] if where else [n for n, w in enumerate(spoken) if w in mention.text.split()]
        for start in starts:
            before = spoken[:start]
            while before and before[-1] in ("the", "a", "an"):
                before.pop()
            if any(tuple(before[-len(way):]) == way and (way != ("by",) or (len(before) > 1 and before[-2] not in
                                                                                      relation_words)) for way in WAY):
                ways.append(mention)
                break
    return ways


def _secondary(index: ClaimIndex, entities: list[Mention], ways: list[Mention]) -> bool:
    """Whether a thing named as the way is what the statements call a secondary pathology of a disease named."""
    diseases = frozenset().union(*(m.terms & index.diseases for m in entities))
    return any(s.property == SECONDARY_PATHOLOGY and not s.negative and s.subject in diseases
               and any(s.object in m.terms for m in ways) for s in index.statements)


def _says_the_way(index: ClaimIndex, statement: Statement, thing: Mention) -> bool:
    """Whether ``statement`` says ``thing`` itself: it is about it (or, an n-ary statement's part, a value of the
    whole), a cited sentence of it names it (see ``_quoted``), or one of a statement linking the thing and its subject
    names its value (see ``_vouching``: ALS involves oxidative stress, "damaging motor neurons"); a thing merely
    linked to its value elsewhere is not said (the brain MS affects, by ALS's axonal degeneration)."""
    return bool(thing.terms & (statement.about | index.values_of.get(statement.iri, frozenset()))) \
        or _quoted(index, statement, thing) or bool(_vouching(index, statement, thing))


def _pieces_of_names(index: ClaimIndex, reading: Reading) -> set[str]:
    """The stems of the runs of two words or more of the question, each left unexplained, that end a name of some
    thing (its head: "reactive oxygen species" of "increased production of reactive oxygen species"); not a piece
    amid a name, which names no thing by itself."""
    unexplained = set(reading.unexplained)
    spoken = list(reading.words)
    found: set[str] = set()
    for start in range(len(spoken)):
        end = start
        while end < len(spoken) and spoken[end] in unexplained:
            end += 1
        for stop in range(start + 2, end + 1):
            if any(name[len(name) - (stop - start):] == tuple(spoken[start:stop]) for name in index.entity_names):
                found |= set(index.tokens(" ".join(spoken[start:stop])))
    return found


def _rank_verdict(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float]) -> Reply | None:
    """"Is type 4 SMA the most severe?": a word naming the first or last of a rank property is a yes when the
    entity's rank stated is the lowest (or highest) of its siblings' (the subtypes of what it is a subtype of),
    a no when another's is, naming it; None when the entity has no rank stated, or the question names something else
    ranked ("Does SMA type 1 have the worst prognosis?": its severity is ranked, not its prognosis)."""
    if reading.unexplained or any(not m.terms & {SUBTYPE_OF} and not (
            words(m.text) in index.first_rank_names or words(m.text) in index.last_rank_names)
            for m in reading.relations):
        return None
    entity = reading.entities[0].terms
    parents = index.supertypes(entity)
    siblings = index.subtypes_of(parents) | entity
    for mention in reading.relations:
        for names, last in ((index.first_rank_names, False), (index.last_rank_names, True)):
            properties = names.get(words(mention.text), frozenset())
            ranks = {n: float(s.object.toPython()) for n, s in enumerate(index.statements)
                     if s.property in properties and s.subject in siblings and isinstance(s.object, Literal)
                     and not s.negative}
            own = [n for n in ranks if index.statements[n].subject in entity]
            if not own:
                continue
            value = (max if last else min)(ranks.values())
            chosen = [n for n, rank in ranks.items() if rank == value]
            verdict = "yes" if any(n in chosen for n in own) != reading.negated else "no"
            named = ", ".join(index.label(index.statements[n].subject) for n in chosen)
            lead = index.statements[chosen[0]]
            return Reply(question, reading, verdict, f"{verdict.capitalize()}: {named} is the {mention.text} of the "
                         f"ranks stated ({index.label(lead.property)} {lead.object}).",
                         used_of(index, [*own, *chosen], score))
    return None


def _relation_word_as_value(index: ClaimIndex, reading: Reading) -> Reading:
    """Of two relations named, one whose words name values the first entity has by the other ("Is ALS treatment
    focused on symptoms?": its treatment approach symptom management, not its symptoms) is read as those words."""
    if not _two_relations(index, reading):
        return reading
    for mention in reading.relations:
        other = replace(reading, mentions=tuple(m for m in reading.mentions if m is not mention),
                        unexplained=(*reading.unexplained, *mention.text.split()))
        relations = relations_of(index, other.relations)
        own = [n for n, s in enumerate(index.statements) if s.subject in other.entities[0].terms
               and relation_asked(index, other, s, relations)]
        if explaining(index, other, own):
            return other
    return reading


def _kind_without_example(index: ClaimIndex, reading: Reading) -> Reading | None:
    """"Is X a K like Y?" (a kind K named, then "like" and things the statements say plainly are of kind K): the
    question asks whether X is a K, so read without "like" and the examples; None otherwise (an example not said to
    be a K keeps the question as asked)."""
    if not reading.yes_no or "like" not in reading.unexplained or not asks_kind(reading):
        return None
    at = reading.words.index("like")
    kinds = [m for m in reading.entities[1:] if m.terms <= index.classes]
    examples = [m for m in reading.entities if m.text.split()[0] in reading.words[at + 1:]]
    if len(kinds) != 1 or not examples or kinds[0] in examples or reading.entities[0] in examples:
        return None
    if not all(any(s.subject in m.terms and s.object in kinds[0].terms and not s.negative and not s.qualifiers
                   and positive_of(index, s.property) in CLASSIFYING for s in index.statements) for m in examples):
        return None
    return replace(without(reading, {"like"}), mentions=tuple(m for m in reading.mentions if m not in examples))


def _negation_word_as_negation(index: ClaimIndex, reading: Reading) -> Reading:
    """Of two relations named, one named only by a word of plain negation ("without", "lacks") that names negative
    properties denying none of the other relation's ("Is ALS without a known cure?": not 'does not typically have' a
    feature, its cure status) is read as the question's own negation of the other relation."""
    if not _two_relations(index, reading):
        return reading
    for mention in reading.relations:
        others = relations_of(index, [m for m in reading.relations if m is not mention])
        if set(mention.text.split()) <= NEGATIONS and all(t in index.negation_of for t in mention.terms) \
                and not relations_of(index, [mention]) & others:
            return replace(reading, mentions=tuple(m for m in reading.mentions if m is not mention),
                           negated=not reading.negated)
    return reading


def _two_relations(index: ClaimIndex, reading: Reading) -> bool:
    """Whether the question names two relations, neither broader than the other."""
    named = [relations_of(index, [m]) for m in reading.relations]
    return any(not (a <= b or b <= a) for a in named for b in named)


def _both(index: ClaimIndex, entities: list[Mention]) -> bool:
    """Whether some statement is about every entity named."""
    return len(entities) > 1 and any(all(m.terms & s.about for m in entities) for s in index.statements)


def _values_via(index: ClaimIndex, entities: list[Mention]) -> list[int]:
    """The statements of the one disease named whose values another thing named has statements about ("What is
    seen in ALS on MRI?": ALS's imaging findings, which MRI detects)."""
    diseases = [m for m in entities if m.terms & index.diseases]
    others = [m for m in entities if m not in diseases and not m.terms & index.classes]
    if len(diseases) != 1 or not others:
        return []
    values = frozenset().union(*(s.about for s in index.statements for m in others if m.terms & s.about)) - \
        frozenset().union(*(m.terms for m in entities))
    return [n for n, s in enumerate(index.statements) if s.subject in diseases[0].terms and s.object in values
            and not index.nary(s)]


def _tied(index: ClaimIndex, named: list[Mention], found: list[int]) -> list[int]:
    """Of ``found``, the statements accounting for every thing ``named`` (see ``_accounts``), each with the
    statements vouching for a thing it does not account for itself, or else with its own cited sentence naming it
    (see ``_quoted``): "ALS has muscle weakness" accounts for no dystrophin deficiency, no statement about
    dystrophin deficiency and ALS quotes muscle weakness, nor does a sentence of it name dystrophin deficiency."""
    linked = [frozenset().union(*(s.about for s in index.statements if m.terms & s.about)) for m in named]
    kept: dict[int, None] = {}
    for n in found:
        statement = index.statements[n]
        vouching: list[int] = []
        for m, values in zip(named, linked, strict=True):
            if _accounts(index, statement, m, values):
                continue
            if not (vouches := _vouching(index, statement, m)) and not _quoted(index, statement, m):
                break
            vouching += vouches
        else:
            kept.update(dict.fromkeys([n, *vouching]))
    return list(kept)


def _between(index: ClaimIndex, named: list[Mention], asked: list[int]) -> set[Node]:
    """The things ``named`` that no statement ``asked`` is about, yet linked by statements to both of its ends
    ("Do ALS patients have snake eyes on spinal imaging?": ALS has MRI as a test; MRI detects snake eyes, and ALS has
    them as an imaging finding)."""
    between: set[Node] = set()
    for mention in named:
        if any(mention.terms & index.statements[n].about for n in asked):
            continue
        linked = {t for s in index.statements for other in named if other is not mention
                  for t in ({s.subject, s.object} - mention.terms) if links(index, s, mention, other)}
        if any({index.statements[n].subject, index.statements[n].object} <= linked for n in asked):
            between |= mention.terms
    return between


def _linking_any_two(index: ClaimIndex, named: list[Mention]) -> list[int]:
    """The statements linking any two of the things ``named``."""
    return [n for n, s in enumerate(index.statements) if any(links(index, s, a, b) for a, b in permutations(named, 2))]


def _chain_tied(index: ClaimIndex, named: list[Mention], chain: list[int]) -> bool:
    """Whether a path of statements accounts for every thing ``named`` (see ``_accounts``): some statement of it
    does, or one linking the thing to the subject of a statement of it ("Does FTD shorten survival in ALS?": FTD's
    impact, and ALS has FTD), or one vouching for it (see ``_vouching``)."""
    subjects = {index.statements[n].subject for n in chain}
    linked = [frozenset().union(*(s.about for s in index.statements if m.terms & s.about)) for m in named]
    return all(any(_accounts(index, index.statements[n], m, values) or _vouching(index, index.statements[n], m)
                   for n in chain) or subjects & values
               for m, values in zip(named, linked, strict=True))


def _chain_names(index: ClaimIndex, reading: Reading, chain: list[int]) -> bool:
    """Whether the names of what a path of statements is about, of their properties and their qualifiers hold
    every word of the question not otherwise understood ("Does T2/FLAIR signal in ALS reflect primary
    demyelination?" is not answered by ALS's snake eyes, not indicative of primary demyelination)."""
    wanted = set(index.tokens(" ".join(reading.conditions)))
    named: set[str] = set()
    for statement in (index.statements[n] for n in chain):
        named |= index.names(statement.property) | set(index.tokens(" ".join(statement.qualifiers)))
        for term in statement.about:
            named |= index.names(term)
    return wanted <= named


def _accounts(index: ClaimIndex, statement: Statement, thing: Mention, linked: frozenset[Node]) -> bool:
    """Whether ``statement`` accounts for ``thing`` (``linked``: what the statements about it are about): about
    it (of an n-ary statement's part, a value of the whole), stating a value some statement about it names ("MRI
    detects T2/FLAIR signal" is ALS's: ALS has that imaging finding) or whose name names it (TDP-43 deposits "in
    motor neurons"), or, a thing not a disease, of a subject not a disease linked to it ("snake eyes" on MRI). A
    disease related to another is no such value: "SMA shares hallmarks with ALS" says nothing of ALS's oxidative
    stress."""
    between_diseases = {statement.subject, statement.object} <= index.diseases
    return bool(thing.terms & (statement.about | index.values_of.get(statement.iri, frozenset()))) \
        or (statement.object in linked and not between_diseases) \
        or set(index.tokens(thing.text)) <= index.names(statement.object) \
        or (not thing.terms & index.diseases and statement.subject in linked - index.diseases)


def _quoted(index: ClaimIndex, statement: Statement, thing: Mention) -> bool:
    """Whether a cited sentence of ``statement``, saying yes, names ``thing`` (not a disease nor a kind) by the whole of
    one of its names: "ALS involves degeneration of both upper and lower motor neurons in the brain and spinal cord"
    says where ALS's upper motor neurons are affected. A denial's sentence says nothing of the things it also names
    ("primarily a motor neuron disease rather than a primary muscle disorder")."""
    if statement.negative or thing.terms & (index.diseases | index.classes):
        return False
    said = [set(index.tokens(index.citations[c].quote)) for c in statement.citations if c in index.citations]
    return any(stems <= quote for quote in said for stems in (set(index.tokens(thing.text)),
                                                              *(set(index.tokens(index.label(t))) for t in thing.terms))
               if stems)


def _kind_in_disease(index: ClaimIndex, reading: Reading) -> list[int]:
    """"Is X a K of D?" (a thing, a kind of thing, one disease, in that order, no relation named): the statements
    that X's manifestation in D is a K ("hyperreflexia in ALS" is an upper motor neuron sign, as the reasoner derives
    from what it reflects the degeneration of), with those saying it is X's and D's. Only a manifestation of that
    very thing in that very disease answers: the features themselves are of no kind, and the same feature in
    another disease may be of another."""
    if reading.relations or len(reading.entities) != 3 or not asks_kind(reading):
        return []
    thing, kind, disease = reading.entities
    if kind.terms & index.diseases or thing.terms & (index.diseases | index.classes) \
            or not disease.terms & index.diseases:
        return []
    manifest = {s.subject: n for n, s in enumerate(index.statements) if s.property == MANIFESTATION_OF
                and s.object in thing.terms and not s.negative and not s.qualifiers}
    within = {s.subject: n for n, s in enumerate(index.statements) if s.property == IN_DISEASE
              and s.object in disease.terms and s.subject in manifest and not s.negative and not s.qualifiers}
    typed = [n for n, s in enumerate(index.statements) if s.property == RDF.type and s.object in kind.terms
             and s.subject in within and not s.negative]
    shown = {index.statements[n].subject for n in typed}
    return typed + [manifest[m] for m in shown] + [within[m] for m in shown]


def _of_members(index: ClaimIndex, reading: Reading, relations: set[Node]) -> list[int]:
    """No statement links the things asked, one of which is a kind of thing, not of disease ("upper motor neuron
    signs"): the statements linking the others to its members (ALS has hyperreflexia, an upper motor neuron sign,
    as the reasoner derives), with the statements saying they are members."""
    for position, mention in enumerate(reading.entities):
        if mention.terms & index.diseases:
            continue
        typed = [n for n, s in enumerate(index.statements) if s.property == RDF.type and s.object in mention.terms
                 and isinstance(s.subject, URIRef)]
        members = frozenset(index.statements[n].subject for n in typed) - index.diseases
        if not members:
            continue
        swapped = [*reading.entities[:position], Mention(mention.text, members), *reading.entities[position + 1:]]
        found, _ = statements_linking(index, swapped, lambda s: relation_asked(index, reading, s, relations))
        found = _tied(index, swapped, found) or _manifest_in(index, swapped, found)
        if found:
            named = {index.statements[n].object for n in found} | {index.statements[n].subject for n in found}
            return found + [n for n in typed if index.statements[n].subject in named]
        # the features its members are manifestations of, which the others are said only so far not to have ("Does
        # muscular dystrophy have upper motor neuron signs?": it "usually lacks" hyperreflexia and spasticity, the
        # upper motor neuron signs seen in ALS); a plain denial of some of them would deny no other member
        features = frozenset(s.object for s in index.statements if s.property == MANIFESTATION_OF
                             and s.subject in members and isinstance(s.object, URIRef))
        swapped[position] = Mention(mention.text, features)
        found, _ = statements_linking(index, swapped, lambda s: s.negative and (
            bool(s.qualifiers) or s.property in index.negation_hedges) and relation_asked(index, reading, s, relations))
        if found := _tied(index, swapped, found):
            return found
    return []


def _in_disease(index: ClaimIndex, named: list[Mention], found: list[int]) -> list[int]:
    """Of ``found``, linking two things named beside a disease named ("Do behavioural deficits in ALS increase
    caregiver burden?"), those whose subject the statements say plainly the disease has (ALS has behavioural
    changes), with the statements saying so; or, the thing named as the situation asked of ("Do ALS patients with
    FTD die sooner?"), that some of its patients have: how many have it ("some patients") is no hedge of what
    follows from it, and the statement saying so is not shown as an answer."""
    diseases = [m for m in named if m.terms & index.diseases]
    if len(named) != 3 or len(diseases) != 1:
        return []
    features = _features_of(index, diseases[0]) | {
        s.object for s in index.statements if s.subject in diseases[0].terms and not s.negative and s.qualifiers
        and all(_how_many(q) for q in s.qualifiers) and not index.nary(s) and not s.derived}
    kept = [n for n in found if index.statements[n].subject in features and all(
        m.terms & index.statements[n].about for m in named if m is not diseases[0])]
    having = [n for n, s in enumerate(index.statements) if s.subject in diseases[0].terms
              and s.object in {index.statements[k].subject for k in kept} and not s.negative and not s.qualifiers]
    return kept + having if kept else []


def _manifest_in(index: ClaimIndex, named: list[Mention], found: list[int]) -> list[int]:
    """Of ``found``, linking the things named beside one disease named, those whose subject is a manifestation in
    that disease ("Are the lower motor neuron signs of ALS caused by anterior horn cell degeneration?": muscle atrophy
    in ALS reflects it), with the statements saying so (mnd:inDisease)."""
    diseases = [m for m in named if m.terms & index.diseases]
    if len(diseases) != 1:
        return []
    kept = [n for n in found if all(m.terms & index.statements[n].about for m in named if m is not diseases[0])]
    saying = [k for k, s in enumerate(index.statements) if s.property == IN_DISEASE and s.object in diseases[0].terms
              and s.subject in {index.statements[n].subject for n in kept}]
    shown = {index.statements[k].subject for k in saying}
    kept = [n for n in kept if index.statements[n].subject in shown]
    return kept + saying if kept else []


def _own_feature(index: ClaimIndex, reading: Reading) -> Reading | None:
    """Of a question naming a relation (or a contrary), a disease and a thing the statements say that disease has and
    no other ("Do behavioural deficits in ALS have no impact on caregivers?", "Does FTD lengthen survival in ALS?":
    some patients develop FTD), the reading asking of the thing alone: the disease only says whose it is. None
    otherwise."""
    entities = reading.entities
    diseases = [m for m in entities if m.terms & index.diseases]
    if len(entities) not in (2, 3) or len(diseases) != 1 or not (reading.relations or reading.contrary) \
            or (len(entities) == 3 and not reading.contrary):
        return None
    thing = next((m for m in entities if m is not diseases[0] and not m.contrary), None)
    if thing is None or _an_end(index, reading, diseases[0], thing):
        return None
    had = {s.object for s in index.statements if s.subject in diseases[0].terms and not s.negative
           and not index.nary(s) and not s.derived}
    others = {s.subject for s in index.statements if s.object in thing.terms and s.subject in index.diseases
              and s.subject not in diseases[0].terms}
    if others or not thing.terms <= had:
        return None
    return replace(reading, mentions=tuple(m for m in reading.mentions if m is not diseases[0]))


def _as_manifestation(index: ClaimIndex, reading: Reading, relations: set[Node]) -> Reading | None:
    """Of a question naming a relation, one disease and two other things, one of which has a manifestation in that
    disease (mnd:manifestationOf, mnd:inDisease) of which a statement of the relation asked names the other ("Does
    muscle weakness in amyotrophic lateral sclerosis reflect demyelination?": muscle weakness in ALS is not
    indicative of demyelination), the reading asking of that manifestation alone, as "muscle weakness in ALS" names
    it. None otherwise, or where each of the two things has one."""
    entities = reading.entities
    diseases = [m for m in entities if m.terms & index.diseases]
    if not relations or len(entities) != 3 or len(diseases) != 1:
        return None
    disease = diseases[0]
    within = {s.subject for s in index.statements if s.property == IN_DISEASE and s.object in disease.terms
              and not s.negative}
    found: list[tuple[Mention, frozenset[URIRef]]] = []
    for thing in (m for m in entities if m is not disease):
        other = next(m for m in entities if m is not disease and m is not thing)
        manifest = frozenset(s.subject for s in index.statements if s.property == MANIFESTATION_OF
                             and s.object in thing.terms and s.subject in within and not s.negative)
        if manifest and any(s.subject in manifest and s.object in other.terms and _of_relations(index, s, relations)
                            for s in index.statements):
            found.append((thing, manifest))
    if len(found) != 1:
        return None
    thing, manifests = found[0]
    return replace(reading, mentions=tuple(Mention(m.text, manifests) if m is thing else m
                                           for m in reading.mentions if m is not disease))


def _own_statements(index: ClaimIndex, reading: Reading) -> list[int]:
    """The statements of the one thing asked, as their subject, of the relation asked (not n-ary, not a kind); none
    when a word of the relation can be read inversely ("What does X lead to?" asks what is due to X)."""
    if any(tuple(m.text.split()) in index.inverse_names for m in reading.relations):
        return []
    relations = relations_of(index, reading.relations)
    return [n for n, s in enumerate(index.statements) if s.subject in reading.entities[0].terms and not index.nary(s)
            and s.object not in index.classes and relation_asked(index, reading, s, relations)]


def _features_of(index: ClaimIndex, disease: Mention) -> set[Node]:
    """What statements say plainly a disease has, as their subject's value ("Do behavioural deficits in ALS increase
    caregiver burden?": ALS has behavioural changes, whose impact is asked)."""
    return {s.object for s in index.statements if s.subject in disease.terms and not s.negative and not s.qualifiers
            and not index.nary(s) and not s.derived and s.object not in index.classes}


def _vouching(index: ClaimIndex, statement: Statement, thing: Mention) -> list[int]:
    """The statements about ``thing`` (not a disease) and ``statement``'s subject whose quotes name its value:
    "ALS involves glutamate excitotoxicity", quoting "... overstimulation of motor neurons", vouches for excess
    glutamate in "ALS affects motor neurons"."""
    if thing.terms & index.diseases:
        return []
    value = set(index.tokens(index.label(statement.object)))
    return [n for n, s in enumerate(index.statements) if thing.terms & s.about and statement.subject in s.about
            and value <= set(index.tokens(" ".join(index.citations[c].quote for c in s.citations
                                                   if c in index.citations)))]


def _verdict(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
             found: list[int], vouching: frozenset[int] = frozenset()) -> Reply:
    """Yes, no or qualified from the statements about the very thing asked, unstated if there are none; statements
    ``vouching`` for a thing named (see ``_tied``) count by their hedges, not by what they say, unless nothing
    else says anything."""
    # a number asked must be one the statement states ("Is ALS survival 10 years?" is not answered by 3-5 years),
    # a share named by a word too ("Do half of ALS patients develop cognitive impairment?": up to 40% is no half)
    asked = _numbers(question) - _numbers(" ".join(m.text for m in reading.mentions)) | {
        FRACTIONS[w] for w in reading.words if w in FRACTIONS}  # not "type 1", "TDP-43"
    found = [n for n in found if asked <= _numbers(" ".join((index.phrase(index.statements[n]),
                                                             *index.statements[n].qualifiers)))]
    # a thing asked by its contrary's name: only a statement of the thing itself says no
    found = [n for n in found if _of_the_contrary(reading, index.statements[n])]
    if not found:
        near = about(index, reading.entities)
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, near, score))
    if reading.absence and any(index.statements[n].property == CAUSAL_GENE for n in found):
        # "Do SMA patients lack the SMN1 gene?": its deletion is the cause, not a "no"
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, found, score))
    # the same statement made plainly by one claim and in a narrower context by another ("one patient's case
    # (example sentence)"): the plain claim answers, the narrower one does not weaken it
    plain = {_triple(index.statements[n]) for n in found if not index.statements[n].qualifiers}
    found = [n for n in found if not (index.statements[n].qualifiers and _triple(index.statements[n]) in plain)]
    found = _plainly_said(index, reading, found, vouching)
    vouching |= _beside_a_denial(index, reading, found)
    says = set()
    hedges: list[str] = []
    answered: list[str] = []
    # a statement vouching only for the situation the others speak of ("Does FTD have no effect on survival in
    # ALS?": some ALS patients develop FTD) hedges none of what follows from it (FTD shortens survival)
    situation = {index.statements[n].subject for n in found if n not in vouching}
    outcome = {index.statements[n].object for n in found if n not in vouching}
    for n in found:
        statement = index.statements[n]
        if n not in vouching or all(m in vouching for m in found):
            says.add(says_yes(index, reading, statement))
        elif statement.about & situation and not statement.about & outcome:
            continue
        # a hedge the question itself asks is no hedge of the answer, which still says it: how usual ("Does muscular
        # dystrophy usually lack spasticity?": it "usually lacks" it), its figures ("Do 5-10% of ...?": only
        # 5-10%), its words ("Are some ALS cases familial?": some)
        for q in statement.qualifiers:
            # ... but not its figures without their bound ("Do 40% of ALS patients ...?": "up to 40%", at most)
            in_question = (reading.habitual and q.casefold() in USUALLY) or set(words(q)) <= set(reading.words) \
                or bool(_numbers(q) and _numbers(q) <= _numbers(question)
                        and set(words(q)) & BOUNDS <= set(reading.words))
            kept = answered if in_question else hedges
            if q not in kept:
                kept.append(q)
    ordered = sorted(found, key=lambda n: (n in vouching, index.statements[n].derived, -score.get(n, 0.0), n))
    lead = index.statements[ordered[0]]
    if short := _short_of(index, reading, found):
        # "Does ALS affect the myelin sheath?": it "does not primarily affect" it, which is no plain no
        said = _qualified(index, ordered, False).split(": ", 1)[1]
        opening = f"Not {short}" if says == {False} else "Mostly"
        return Reply(question, reading, "qualified", f"{opening}: {said}", used_of(index, ordered, score),
                     tuple(hedges) or (f"not {short}",))
    asked_often = set(reading.conditions) & OFTEN
    if hedges and len(says) == 1 and (asked_often or set(reading.conditions) & SELDOM) \
            and all(set(words(hedge)) & SELDOM for hedge in hedges):
        # "Is it common for ALS and MS to occur together?": the statement says how often, rarely; so no
        verdict = "no" if says.pop() == bool(asked_often) else "yes"
        return Reply(question, reading, verdict, f"{verdict.capitalize()}, rarely: "
                     f"{_qualified(index, ordered, False).split(': ', 1)[1]}", used_of(index, ordered, score),
                     tuple(hedges))
    if hedges and says == {True} and set(reading.conditions) & SELDOM and not asked_often \
            and all(set(words(hedge)) & OFTEN for hedge in hedges):
        # "Is it rare for ALS to end in severe disability?": it "often" does, so no
        return Reply(question, reading, "no", f"No, {hedges[0]}: {_phrases(index, lead, ordered)}.",
                     used_of(index, ordered, score), tuple(hedges))
    if hedges and says == {not reading.negated} and reading.habitual and not any(
            _says_usually(index, index.statements[n]) for n in ordered):
        # "Is SMA usually severe?": it "can also lead to severe physical disabilities", which says nothing of usually
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, ordered, score))
    if hedges or len(says) > 1:
        sentence = _qualified(index, ordered, reading.negated, says)
        if says == {True} and not reading.negated and (short := _not_every(reading)) \
                and hedges and all(_how_many(hedge) for hedge in hedges):
            # "Do all ALS patients experience pain?": "some patients" do, so not all; "typical onset": usually
            usually = ", usually" if all(set(words(hedge)) & HOW_OFTEN for hedge in hedges) else ""
            sentence = f"{short}{usually}: {sentence.split(': ', 1)[1]}"
        return Reply(question, reading, "qualified", sentence, used_of(index, ordered, score), tuple(hedges))
    verdict = "yes" if says.pop() else "no"
    if verdict == "no" and not reading.negated and SOMETIMES & set(reading.words) and (how := _how_often_denied(
            index, [index.statements[n] for n in ordered])):
        # "Does SMA sometimes affect cognition?": it "does not typically" have cognitive impairment, which is no "never"
        return Reply(question, reading, "qualified", f"Not {how}: {_phrases(index, lead, ordered)}.",
                     used_of(index, ordered, score), (how,))
    if verdict == "yes" and reading.negated and "never" in reading.words and (how := _how_often_denied(
            index, [index.statements[n] for n in ordered])):
        # "Does SMA never affect cognition?": it "does not typically", which is no "never" either
        return Reply(question, reading, "qualified", f"Not never: {_phrases(index, lead, ordered)}.",
                     used_of(index, ordered, score), (how,))
    if verdict == "yes" and not reading.negated and (short := _not_every(reading)) \
            and any(_says_usually(index, index.statements[n], HOW_OFTEN) for n in ordered):
        # "Does SMA only start in infancy?": its typical onset is infancy, which says usually, so not only
        return Reply(question, reading, "qualified", f"{short}, usually: {_phrases(index, lead, ordered)}.",
                     used_of(index, ordered, score), ("usually",))
    if verdict == "yes" and not reading.negated and _not_every(reading) == "Not only" \
            and (others := _other_values(index, ordered, _restricted(reading))):
        # "Is ALS confined to the spinal cord?": it affects the brain too; "Is muscle weakness seen only in ALS?": SMA
        # has it too (said of the value, with every disease having it)
        own = index.statements[others[0]].subject == lead.subject
        said = _phrases(index, lead if own else index.statements[others[0]], [*ordered, *others])
        return Reply(question, reading, "no", f"No, not only: {said}.", used_of(index, [*ordered, *others], score))
    if (verdict == "yes") != reading.negated and (reading.restricted or (reading.habitual and not any(
            _says_usually(index, index.statements[n]) or _usual_by_its_sentence(index, index.statements[n])
            for n in ordered))):
        # "Does SMA only affect lower motor neurons?", "Is SMA usually severe?" (or "not usually severe": no): not
        # said by a statement that SMA mainly affects them, or has severe disability
        return Reply(question, reading, "unstated", f"The documents don't say this: {question}",
                     used_of(index, ordered, score))
    derived = " (derived)" if lead.derived else ""
    phrase = _phrases(index, lead, ordered)
    shown = [q for q in answered if q.casefold() not in phrase.casefold()]
    return Reply(question, reading, verdict, f"{verdict.capitalize()}{derived}: {phrase}"
                 + (f" ({'; '.join(shown)})" if shown else "") + ".", used_of(index, ordered, score), tuple(answered))


def _of_the_contrary(reading: Reading, statement: Statement) -> bool:
    """Whether ``statement`` is of the thing or relation the question names by its contrary's name, if it names one
    ("reduce caregiver burden": a statement of increased caregiver burden)."""
    contrary = frozenset().union(*(m.terms for m in reading.mentions if m.contrary))
    return not contrary or bool(contrary & {*statement.about, statement.property})


def _restricted(reading: Reading) -> Mention | None:
    """The thing named first after the question's "only" ("confined to", "just"): what it restricts; after "the
    only", the thing named last before it ("Are lower motor neurons the only ones affected in ALS?")."""
    if reading.restriction not in reading.words:
        return None
    at = reading.words.index(reading.restriction)
    before = reading.words[at - 1:at] in (("the",), ("a",), ("an",))
    spoken = f" {' '.join(reading.words[:at - 1] if before else reading.words[at + 1:])} "
    found = [(spoken.rfind(f" {m.text} ") if before else spoken.find(f" {m.text} "), n)
             for n, m in enumerate(reading.entities) if f" {m.text} " in spoken]
    if not found:
        return None
    return reading.entities[(max if before else min)(found)[1]]


def _other_values(index: ClaimIndex, found: list[int], restricted: Mention | None) -> list[int]:
    """Of ``found`` (plain statements of what a thing has, not of what kind it is) whose values are the thing
    ``restricted``, their subjects' other plain statements of the same property cited by a sentence of one of
    ``found``, whose value's names neither hold nor are held by the names of theirs: the sentence names another thing
    beside the one asked, not a part, a narrower or a broader one of it ("Is ALS confined to the spinal cord?":
    "Involves both the brain and the spinal cord"; not "the anterior horns of the spinal cord"; upper motor neurons
    beside lower ones, not motor neurons). Of ``found`` whose subjects are the thing restricted, the other diseases'
    plain statements of the same property and value ("Is muscle weakness seen only in ALS?": SMA's too)."""
    stated = [index.statements[n] for n in found]
    if not stated or restricted is None \
            or any(s.negative or s.qualifiers or index.nary(s) or s.property in CLASSIFYING for s in stated):
        return []
    if all(s.subject in restricted.terms for s in stated):
        asked = {(s.property, s.object) for s in stated}
        subjects = [index.names(s.subject) for s in stated]
        restricted_or_subtype = index.with_subtypes(restricted.terms)
        return [n for n, s in enumerate(index.statements) if (s.property, s.object) in asked
                and s.subject in index.diseases and s.subject not in restricted_or_subtype
                and not (s.negative or s.qualifiers or s.derived or index.nary(s))
                and not any(index.names(s.subject) <= names or names <= index.names(s.subject) for names in subjects)]
    if not all(s.object in restricted.terms for s in stated):
        return []
    pairs = {(s.subject, s.property) for s in stated}
    values = {s.object for s in stated}
    cited = {c for s in stated for c in s.citations}
    named = [index.names(v) for v in values]
    return [n for n, s in enumerate(index.statements) if (s.subject, s.property) in pairs and s.object not in values
            and not (s.negative or s.qualifiers or s.derived or index.nary(s)) and cited & set(s.citations)
            and not any(index.names(s.object) <= names or names <= index.names(s.object) for names in named)]


def _plainly_said(index: ClaimIndex, reading: Reading, found: list[int], vouching: frozenset[int]) -> list[int]:
    """Of ``found``, without each statement hedged by how often or how fast ("often", "typically") when a plain one
    of its subject and relation says the same, yes or no, of a value named by the same word of the question ("Is ALS
    progressive?": "relentlessly progressive course" answers, "often leading to rapid progression" does not weaken
    it); unless the question asks how often or how many ("usually", "all", "some"), which only the hedges answer."""
    if reading.habitual or reading.restricted or set(reading.words) & (SOME | OFTEN | SELDOM | MOST | SOMETIMES):
        return found
    asked = set(index.tokens(" ".join(reading.words)))

    def key(n: int) -> tuple[Node, Node, bool]:
        statement = index.statements[n]
        return statement.subject, positive_of(index, statement.property), says_yes(index, reading, statement)

    plain: dict[tuple[Node, Node, bool], set[str]] = {}
    for n in found:
        if not index.statements[n].qualifiers and n not in vouching:
            plain.setdefault(key(n), set()).update(index.names(index.statements[n].object) & asked)

    def outweighed(n: int) -> bool:
        statement = index.statements[n]
        hedge = set(index.tokens(" ".join(statement.qualifiers)))
        return bool(statement.qualifiers) and not _numbers(" ".join(statement.qualifiers)) \
            and not hedge & set(index.tokens(" ".join(SOME | SELDOM | MAY))) \
            and bool(index.names(statement.object) & plain.get(key(n), set()))

    return [n for n in found if not outweighed(n)]


def _beside_a_denial(index: ClaimIndex, reading: Reading, found: list[int]) -> frozenset[int]:
    """Of ``found``, the statements of one relation asked beside a statement denying another relation asked of the
    same two things ("Is MRI the test that confirms ALS?": a test for ALS, used to exclude other conditions rather
    than confirm it): both together are asked, so the denial answers and these only vouch for what it is about.
    So do the statements of the very relation a denial hedged by a word the question asks denies so far ("Does ALS
    primarily affect muscle tissue?": it affects the skeletal muscles, and "does not primarily affect" them, "a
    primary muscle disorder"), unless they say that much themselves."""
    relations = relations_of(index, reading.relations)
    statements = {n: index.statements[n] for n in found}
    denials = [s for s in statements.values() if s.negative and positive_of(index, s.property) in relations]
    asked = set(reading.words)
    so_far = [(d, hedges) for d in statements.values() if d.negative
              and (hedges := index.negation_hedges.get(d.property, frozenset()) & asked)]
    return frozenset(n for n, s in statements.items() if not s.negative and (
        (positive_of(index, s.property) in relations
         and any(positive_of(index, d.property) != positive_of(index, s.property)
                 and {d.subject, d.object} == {s.subject, s.object} for d in denials))
        or any(positive_of(index, d.property) == s.property and (d.subject, d.object) == (s.subject, s.object)
               and not hedges & set(words(" ".join((index.label(s.property), *s.qualifiers))))
               for d, hedges in so_far)))


def _how_often_denied(index: ClaimIndex, statements: list[Statement]) -> str:
    """The word saying how often of negative statements that each deny only that often ("does not typically have":
    "typically"), or empty."""
    found = [next((w for w in words(index.label(s.property)) if w in HOW_OFTEN), "") if s.negative else ""
             for s in statements]
    return found[0] if found and all(found) else ""


def _how_many(hedge: str) -> bool:
    """Whether a qualifier says how many or how often ("some patients", "up to 40%", "rarely"), not how ("secondary
    to the primary axonal degeneration")."""
    return bool(_numbers(hedge)) or bool(set(words(hedge)) & (SOME | SELDOM | HOW_OFTEN | MOST))


def _not_every(reading: Reading) -> str:
    """The opening denying the question's "only", "all" or "always" ("Not only"), or empty."""
    word = reading.restriction
    if word in {"all", "every", "everyone", "everybody", "universal"}:
        return "Not all"
    if word in {"always", "entirely", "universally", "invariably"}:
        return f"Not {word}"
    return "Not only" if word in ONLY else ""


def _short_of(index: ClaimIndex, reading: Reading, found: list[int]) -> str:
    """The hedge of a negative property among ``found`` that denies only so far ("primarily" of "does not
    primarily affect") when the question does not ask that much, neither in the hedge's word nor by naming the
    property itself ("atypical"); empty otherwise. The word given is the one its property's label uses."""
    asked = set(words(reading.question))
    named = {term for mention in reading.mentions if mention.relation for term in mention.terms}
    for n in found:
        statement = index.statements[n]
        hedges = index.negation_hedges.get(statement.property, frozenset()) \
            if statement.negative and statement.property not in named else frozenset()
        unhedged = any(other.negative and other.property not in index.negation_hedges
                       and (other.subject, other.object) == (statement.subject, statement.object)
                       for other in (index.statements[m] for m in found))  # "is without" it says more
        if hedges and not hedges & asked and not unhedged:
            label = index.label(statement.property)
            return max(sorted(hedges), key=lambda h: (h in label, len(h)))
    return ""


def _several(index: ClaimIndex, reading: Reading, found: list[int]) -> list[int]:
    """Of ``found``, all of one relation, those saying yes with no qualifier, if of two values or more: what
    "several", "multiple", "various" ask ("Are there several treatments for ALS?"); none otherwise."""
    kept = [n for n in found if not index.nary(index.statements[n]) and not index.statements[n].qualifiers
            and says_yes(index, reading, index.statements[n])]
    if len({positive_of(index, index.statements[n].property) for n in found}) != 1:
        return []  # "Does SMA have several causes?": one causal gene, many clinical features ("cause" names both)
    return kept if len({(index.statements[n].subject, index.statements[n].object) for n in kept}) > 1 else []


def _numbers(text: str) -> set[str]:
    """The numbers standing alone in ``text`` ("3-5 years": 3 and 5; "100,000" as 100000)."""
    return set(FIGURE.findall(re.sub(r"(?<=\d),(?=\d{3})", "", in_figures(text))))


def _triple(statement: Statement) -> tuple[Node, Node, Node, bool]:
    return statement.subject, statement.property, statement.object, statement.negative


def _some_value(index: ClaimIndex, reading: Reading, found: list[int]) -> list[int]:
    """Of ``found``, answering a question whose words name values only in part ("Does muscular dystrophy affect the
    muscles?": skeletal, bulbar, stiff muscles), the statements saying yes and those saying no of the values said
    yes of: one value it has answers "some"; a more specific one it lacks ("does not typically affect bulbar
    muscles") does not weaken it, nor does a qualified one beside a plain yes ("typically" proximal weakness). Not
    asked in the negative or of all ("only", "always")."""
    if reading.negated or reading.restricted or not reading.conditions:
        return found
    named = set(index.tokens(" ".join(reading.conditions)))
    if any(index.names(index.statements[n].object) == named for n in found):
        return found  # a value named whole is asked of itself
    yes = [n for n in found if says_yes(index, reading, index.statements[n])]
    plain = [n for n in yes if not index.statements[n].qualifiers]
    values = {index.statements[n].object for n in plain or yes}
    return [n for n in found if index.statements[n].object in values and (n in plain or n not in yes or not plain)
            ] if yes else found


def _says_usually(index: ClaimIndex, statement: Statement, usually: frozenset[str] = USUALLY) -> bool:
    """Whether ``statement`` says how usual it is, in its property's or value's names or its qualifiers ("typical
    onset": ALS usually begins in adulthood), in the words ``usually``."""
    said = index.names(statement.property) | index.names(statement.object) | set(
        index.tokens(" ".join(statement.qualifiers)))
    if usually is USUALLY and set(words(index.label(statement.property))) & FIRST_OF_ITS_KIND:
        return True  # "primary cause of death": what patients mostly die of ("usually die of respiratory failure")
    return bool(said & set(index.tokens(" ".join(sorted(usually)))))


def _usual_by_its_sentence(index: ClaimIndex, statement: Statement) -> bool:
    """Whether a cited sentence of ``statement`` puts a word of how usual (USUALLY) right before a name of its
    relation: "Typical histopathologic features of muscular dystrophy include:" says each feature listed is a typical
    one ("Is replacement of muscle with fat a typical histopathologic feature of MD?"); not a word before another
    thing of the sentence ("The onset of ALS typically occurs in adulthood" says nothing typical of what follows)."""
    prop = positive_of(index, statement.property)
    usual = set(index.tokens(" ".join(sorted(USUALLY))))
    names = [index.tokens(" ".join(name)) for name, props in index.relation_names.items() if prop in props]
    for citation in statement.citations:
        if citation not in index.citations:
            continue
        quoted = index.tokens(index.citations[citation].quote)
        for name in (n for n in names if n):
            if any(quoted[at:at + len(name)] == name and quoted[at - 1] in usual for at in range(1, len(quoted))):
                return True
    return False


def _of_each(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float], relations: set[Node],
             diseases: list[Mention]) -> Reply:
    """A thing asked of several diseases ("Is neuroinflammation shared by ALS and SMA?"): a verdict only from
    statements about it and each of them; if one disease has none, the documents don't say."""
    thing = next(m for m in reading.entities if m not in diseases)
    found: list[int] = []
    leads: list[str] = []
    for disease in diseases:
        asked, _ = statements_linking(index, [thing, disease], lambda s: relation_asked(index, reading, s, relations))
        if not asked:
            return _verdict(question, reading, index, score, [])
        asked = _classifying_first(index, reading, asked)
        found += asked
        lead = min(asked, key=lambda n: (index.statements[n].derived, -score.get(n, 0.0), n))
        leads.append(index.phrase(index.statements[lead]) + (" (derived)" if index.statements[lead].derived else ""))
    reply = _verdict(question, reading, index, score, found)
    if reply.verdict in ("yes", "no"):  # each disease's statement, not only the best-ranked one
        reply = replace(reply, sentence=f"{reply.verdict.capitalize()}: {'; '.join(dict.fromkeys(leads))}.")
    return reply


def _classifying_first(index: ClaimIndex, reading: Reading, asked: list[int]) -> list[int]:
    """Of the statements linking the things asked, those saying what kind the subject is, when the question asks
    it ("Is ALS a motor neuron disease?", "Are ALS and SMA motor neuron diseases?"): not a figure counting it."""
    if asks_kind(reading) or (reading.words[0] in COPULA and reading.entities[-1].terms <= index.classes):
        return [n for n in asked if positive_of(index, index.statements[n].property) in CLASSIFYING] or asked
    return asked


def _of_subtypes(question: str, reading: Reading, index: ClaimIndex, score: dict[int, float],
                 relations: set[Node], alone: list[Mention | None] | None = None) -> Reply:
    """No statement about the two things asked: statements that say yes of a subtype of a disease asked ("Is
    C9orf72 linked to ALS?": familial ALS's causal gene) answer partly, for that subtype; otherwise the documents
    don't say. With ``alone`` (the one entity asked, and None), any statement of the relation asked about a
    subtype ("Is ALS caused by genes?")."""
    entities = reading.entities if alone is None else [m for m in alone if m is not None]
    if _numbers(question) - _numbers(" ".join(m.text for m in reading.mentions)):
        entities = []  # "Do 80% of ALS patients develop dysarthria?": a subtype's figure is none of the whole
    for position, mention in enumerate(entities):
        subtypes = frozenset(s.subject for s in index.statements if s.property == SUBTYPE_OF
                             and s.object in mention.terms and isinstance(s.subject, URIRef))
        if not subtypes:
            continue
        swapped = [*entities[:position], Mention(mention.text, subtypes), *entities[position + 1:]]
        if alone is not None:
            found = [n for n, s in enumerate(index.statements) if s.subject in subtypes and not index.nary(s)
                     and relation_asked(index, reading, s, relations) and s.object not in index.classes]
        else:
            found, _ = statements_linking(index, swapped, lambda s: relation_asked(index, reading, s, relations))
        # every other thing named accounted for, as of a statement about the disease itself ("Does TDP-43 cause
        # dysphagia in ALS?" is not answered by bulbar-onset ALS's dysphagia, which says nothing of TDP-43)
        # and every word of the question not otherwise understood names the values ("Does SOD1 cause bulbar onset
        # in ALS?": familial ALS's causal gene says nothing of bulbar onset)
        found = explaining(index, reading, _tied(index, swapped, found))
        if _two_relations(index, reading):  # "Is SOD1 the most common ALS gene?": a causal gene, of no rank
            found = stating_every(index, reading, found)
        # asked in the negative ("Is ALS not genetic?"), a subtype's yes says "Not entirely"
        if found and len(says := {says_yes(index, reading, index.statements[n]) for n in found}) == 1 \
                and says != {reading.negated}:
            ordered = sorted(found, key=lambda n: (index.statements[n].derived, -score.get(n, 0.0), n))
            named = sorted({index.label(index.statements[n].subject) for n in ordered} & {index.label(t)
                                                                                           for t in subtypes})
            said = _phrases(index, index.statements[ordered[0]], ordered)
            opening = "Not entirely" if reading.negated else "Partly"
            return Reply(question, reading, "qualified", f"{opening}, for {', '.join(named)}: {said}.",
                         used_of(index, ordered, score), tuple(named))
    return _verdict(question, reading, index, score, [])


def _qualified(index: ClaimIndex, ordered: list[int], negated: bool, says: set[bool] | None = None) -> str:
    """A qualified answer: "Only traditionally: ...", of a hedged denial "Not usually: ..." (or "Usually: ..."
    when it says yes to a question asked in the negative), or "Partly: ..." ("Not entirely: ..." when the question
    was asked in the negative), each statement with its own qualifiers; asserted statements before derived."""
    stated = [n for n in ordered if not index.statements[n].derived] or ordered
    statements = list({index.phrase(index.statements[n]): index.statements[n] for n in stated}.values())
    hedges = {q for s in statements for q in s.qualifiers}
    if len(hedges) == 1 and (only := next(iter(hedges))).endswith("ly") and " " not in only \
            and all(s.qualifiers and s.negative == statements[0].negative for s in statements):
        said = "; ".join(index.phrase(s) for s in statements[:3])  # each so hedged: "Not usually: ...; ..."
        if statements[0].negative and says is not None and len(says) == 1:
            return f"{only.capitalize() if says == {True} else 'Not ' + only}: {said}."
        opening = only.capitalize() if only.casefold() in USUALLY else f"Only {only}"  # "Usually", "Only traditionally"
        return f"{opening}: {said}."
    parts = []
    for statement in statements[:3]:
        phrase = index.phrase(statement)
        own = [q for q in statement.qualifiers if q.casefold() not in phrase.casefold()]  # not said twice
        parts.append(phrase + (f" ({'; '.join(own)})" if own else ""))
    return ("Not entirely: " if negated else "Partly: ") + "; ".join(parts) + "."


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
    # "subtype of SMA: ..."
    return phrase if len(subjects) < 2 else f"{index.relation(lead)} {obj}: {', '.join(subjects)}"
