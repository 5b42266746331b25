"""kg ask: answers from the cited claims, verdicts only from a statement about the very thing asked.

The questions of issue 17 that were answered against the documents are pinned here exactly; the kept
evaluation (benchmarks/ask_eval.yaml) must give no wrong verdict and stay above an accuracy floor.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rdflib import URIRef

from benchmarks.ask_eval import EVAL_FILE, SPLITS, evaluate, load_cases, summary
from kg.answers.claim_index import ClaimIndex, build_index, words
from kg.answers.question import MAX_CHARACTERS, read
from kg.answers.reply import Reply
from kg.answers.reply_format import format_reply, reply_json, support, understood
from kg.answers.sentence import says
from kg.answers.unclear import UNCLEAR
from kg.answers.verdict import MAINLY, OFTEN, RARELY, SELDOM, _contrary_checked, answer, says_yes
from kg.cli import cli
from kg.graph.namespaces import KG, MND
from kg.graph.paths import default_graph_files
from kg.reasoning.engine import load_reasoned

# each split's accuracy as last reached, a little under: a change that loses answers fails here (tune grew by 62
# question-form questions written before the changes they tune: 356/380 with them, 308/318 of the earlier ones;
# then by 40 on facts of sentences no claim held, written before their claims: 580/631, 560/591 of the earlier ones;
# then by 128 asking in lay and clinical names, written before their lexicon: 763/845, 663/717 of the earlier ones)
ACCURACY_FLOORS = {"tune": 0.92, "holdout": 0.96, "holdout2": 0.97, "holdout3": 0.96, "holdout4": 0.92,
                   "holdout5": 0.96, "holdout6": 0.84, "holdout7": 0.93, "holdout8": 0.91, "holdout9": 0.75,
                   "holdout10": 0.73, "holdout11": 0.86, "holdout12": 0.76, "holdout13": 0.86, "holdout14": 0.76,
                   "holdout15": 0.70, "holdout16": 0.61}


@pytest.fixture(scope="module")
def index() -> ClaimIndex:
    """The five documents' graph (the evaluation's questions were written from them), without the supplement."""
    return build_index(load_reasoned(default_graph_files(supplement=False)).dataset())


@pytest.fixture(scope="module")
def evaluation(index: ClaimIndex) -> dict[str, Reply]:
    """The answer to each question of the evaluation, made once for the tests reading them all."""
    return {case["question"]: answer(case["question"], index) for case in load_cases()}


ISSUE_EXAMPLES = [
    # (question, verdict, answer sentence): each was answered against the documents before
    ("Does ALS cause pain?", "qualified",
     "Partly: amyotrophic lateral sclerosis has clinical feature pain (some patients)."),
    ("Is ALS painless?", "qualified",
     "Not entirely: amyotrophic lateral sclerosis has clinical feature pain (some patients)."),
    ("Are MS disease-modifying therapies appropriate for ALS?", "no",
     "No: disease-modifying therapies for demyelinating diseases like MS not appropriate for amyotrophic lateral "
     "sclerosis."),
    ("Are disease-modifying therapies for MS inappropriate for ALS?", "yes",
     "Yes: disease-modifying therapies for demyelinating diseases like MS not appropriate for amyotrophic lateral "
     "sclerosis."),
    ("Is ALS a neuromuscular disease?", "qualified",
     "Only traditionally: ALS has traditionally been classified within neuromuscular disorders."),
    ("Is ALS genetic?", "qualified",  # "genetic": the kind, which familial ALS is (its causal genes)
     "Partly, for familial amyotrophic lateral sclerosis: familial amyotrophic lateral sclerosis is a genetic "
     "disease."),
    ("Is muscular dystrophy a nerve disease?", "unstated",
     "The documents don't say this: Is muscular dystrophy a nerve disease?"),
    ("ALS vs MS", "answer",
     "Reported cases of co-occurring ALS and MS: 33 as of 2024. amyotrophic lateral sclerosis is a motor neuron "
     "disease, neurodegenerative disease, non-demyelinating disease, neuromuscular disorder (traditionally). "
     "multiple sclerosis is a demyelinating disease."),
    ("Is ALS demylinating?", "no",
     "No: ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating disease."),
    ("Does ALS have TDP-43 deposits?", "yes",
     "Yes: amyotrophic lateral sclerosis has molecular feature TDP-43 protein deposits in the cytoplasm of motor "
     "neurons."),
    ("What share of ALS patients have bulbar onset?", "answer",
     "share of ALS patients with bulbar onset: 25-35%."),
    ("What are the biopsy features of muscular dystrophy?", "answer",
     "muscular dystrophy has histopathological feature: degenerating and regenerating muscle fibers, reduction or "
     "absence of dystrophin, replacement of muscle with fat or connective tissue."),
    ("Does SMA affect cognitive abilities?", "no",
     "No: spinal muscular atrophy does not typically have cognitive impairment."),
]


@pytest.mark.parametrize(("question", "verdict", "sentence"), ISSUE_EXAMPLES, ids=[q for q, *_ in ISSUE_EXAMPLES])
def test_issue_example_gets_the_documents_answer(index: ClaimIndex, question: str, verdict: str,
                                                 sentence: str) -> None:
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)


def test_unknown_drug_is_named_never_dropped(index: ClaimIndex) -> None:
    reply = answer("Is aspirin a treatment for ALS?", index)
    assert (reply.verdict, reply.reading.unknown) == ("unknown-entity", ("aspirin",))
    assert format_reply(reply, index, width=200).splitlines()[:2] == [
        "Understood: amyotrophic lateral sclerosis · has treatment approach / intervention · aspirin (unknown to the "
        "graph)",
        "The graph knows nothing about aspirin, so the documents don't say this."]


def test_a_common_english_word_the_graph_lacks_names_nothing_yet_no_verdict_rests_on_it(index: ClaimIndex) -> None:
    """"hands" is no entity unknown to the graph, but no statement accounts for it: ALS's weakness says nothing of
    the hands, so the documents don't say; a drug name (rarer in English) is still named unknown."""
    reply = answer("Does ALS cause weakness in the hands?", index)
    assert (reply.verdict, reply.reading.unknown, reply.reading.unaccounted) == ("unstated", (), ("hands",))
    assert "[words the documents do not use: hands]" in format_reply(reply, index, width=1000)
    assert answer("Does ALS cause weakness?", index).verdict != "unstated"
    for drug in ("aspirin", "lithium", "insulin"):
        assert answer(f"Does {drug} help ALS?", index).reading.unknown == (drug,)
    # a form of a common word is common ("hardest"); a drug name in the plural is not ("statins")
    assert answer("Is ALS the hardest MND?", index).reading.unaccounted == ("hardest",)
    assert answer("Do statins help ALS?", index).reading.unknown == ("statins",)
    # a run holding a rarer word is one name, its common words with it
    assert answer("Is interferon beta a treatment for ALS?", index).reading.unknown == ("interferon beta",)
    # an open question is answered without it, and says it was not used
    reply = answer("What does the official ICD-11 classification say about motor neuron diseases?", index)
    assert (reply.verdict, reply.reading.unaccounted) == ("answer", ("official",))
    assert "separate category from muscular dystrophies" in format_reply(reply, index, width=1000)


@pytest.mark.parametrize(("question", "sentence", "quote"), [
    ("Which neurons are affected first in bulbar-onset ALS?",
     "bulbar-onset amyotrophic lateral sclerosis initially affects neuron: brainstem motor neurons.",
     "Bulbar-onset ALS: Initial pathology affects brainstem motor neurons, causing dysarthria and dysphagia in "
     "approximately 80% of these patients"),
    ("Which protein is usually found deposited inside motor neurons in ALS?",
     "amyotrophic lateral sclerosis has molecular feature: TDP-43 protein deposits in the cytoplasm of motor neurons.",
     "Protein deposits (most commonly TDP-43) in the cytoplasm of motor neurons are a molecular feature of ALS"),
    ("What must the clinical presentation be like before ALS is considered?",
     "amyotrophic lateral sclerosis considered only with: clinical presentation typical of motor neuron disease.",
     "The clinical presentation must be typical of motor neuron disease (hypertonicity, hyperreflexia, muscle "
     "fasciculations, weakness, atrophy) before considering ALS"),
    ("If ALS starts in the bulbar region, what is damaged first?",  # "damaged": affects, of which "initially
     # affects" is a subproperty; "bulbar" is half of the question's other words ("region" the other)
     "bulbar-onset amyotrophic lateral sclerosis initially affects neuron: brainstem motor neurons.",
     "Bulbar-onset ALS: Initial pathology affects brainstem motor neurons, causing dysarthria and dysphagia in "
     "approximately 80% of these patients"),
])
def test_an_open_question_is_answered_by_its_best_claim(index: ClaimIndex, question: str, sentence: str,
                                                        quote: str) -> None:
    """The best-ranked claim naming what was asked leads an open answer that found nothing, or only statements
    accounting for fewer of the question's words (ALS's primary pathology, for the protein deposited)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("answer", sentence)
    assert support(reply, index)[0][0].quote == quote


def test_a_relation_named_may_be_accounted_for_by_the_best_claims_qualifiers(index: ClaimIndex) -> None:
    """"some SMA forms" is not asked of SMA's subtypes when the claim saying "some forms" answers it."""
    reply = answer("What lifespan do some SMA forms allow?", index)
    assert reply.sentence.startswith("spinal muscular atrophy has clinical feature: compatibility with a longer "
                                     "lifespan")


def test_a_name_with_other_words_of_the_question_reads_as_the_narrower_value_they_name(index: ClaimIndex) -> None:
    """"weakness ... proximal" names muscular dystrophy's progressive proximal muscle weakness, not muscle weakness
    with a word no statement about it names; only values another thing named has are read so."""
    reply = answer("Is weakness in muscular dystrophy proximal?", index)
    assert [m.text for m in reply.reading.entities] == ["weakness proximal", "muscular dystrophy"]
    assert reply.reading.unexplained == ()
    assert (reply.verdict, reply.sentence) == (
        "qualified", "Typically: muscular dystrophy has clinical feature progressive proximal muscle weakness.")
    # asked "usually", the sentence's "typically" answers it, and is still said
    usually = answer("Is weakness in muscular dystrophy usually proximal?", index)
    assert (usually.verdict, usually.sentence) == (
        "yes", "Yes: muscular dystrophy has clinical feature progressive proximal muscle weakness (typically).")
    # no other thing named: nothing to narrow to
    assert [m.text for m in answer("Is weakness usually proximal?", index).reading.entities] == ["weakness"]


@pytest.mark.parametrize(("question", "verdict", "negated"), [
    ("SMA is inherited, isnt it?", "yes", False),  # the tag asks to confirm the statement before it
    ("ALS is not demyelinating, right?", "yes", False),  # "not demyelinating": the non-demyelinating kind
    ("So ALS isnt curable?", "yes", True),  # a statement asked, its negation its own
    ("So is ALS demyelinating?", "no", False),  # "so" no part of the question
])
def test_a_statement_asked_is_a_yes_or_no_question(index: ClaimIndex, question: str, verdict: str,
                                                   negated: bool) -> None:
    reply = answer(question, index)
    assert (reply.reading.yes_no, reply.verdict, reply.reading.negated) == (True, verdict, negated)


def test_a_statement_without_a_verb_after_it_is_no_yes_or_no_question(index: ClaimIndex) -> None:
    assert not answer("ALS symptoms are?", index).reading.yes_no
    assert not answer("Which neurons are affected in SMA?", index).reading.yes_no


def test_a_superlative_is_read_as_most_where_the_graph_has_that_name(index: ClaimIndex) -> None:
    reply = answer("Is ALS the commonest MND?", index)
    assert ("commonest", "most common") in reply.reading.corrections
    assert reply.verdict == "yes"


def test_kind_of_before_a_relation_asks_that_relation(index: ClaimIndex) -> None:
    """"What kind of therapy does SMA get?" asks SMA's treatments; "What types of SMA are there?" its subtypes."""
    reply = answer("What kind of therapy does SMA get?", index)
    assert [m.text for m in reply.reading.relations] == ["therapy"]
    assert reply.sentence.startswith("spinal muscular atrophy has treatment approach: gene therapy")
    assert answer("What types of SMA are there?", index).sentence.startswith("subtype of spinal muscular atrophy:")


def test_a_question_asking_which_of_two_holds_gets_no_verdict(index: ClaimIndex) -> None:
    """"Is X A or B?" asks which: an open answer, never a yes or no; "Are ALS or SMA ...?" asks of each, and
    "or not" closes a yes/no without asking in the negative."""
    reply = answer("Is demyelination in ALS a primary or secondary process?", index)
    assert (reply.verdict, reply.reading.yes_no) == ("answer", False)
    assert reply.sentence == ("amyotrophic lateral sclerosis has secondary pathology: demyelination secondary to "
                              "axonal degeneration (ALS).")
    assert answer("Are ALS or SMA primarily demyelinating diseases?", index).verdict == "no"
    reply = answer("Is ALS inherited or not?", index)
    assert (reply.reading.yes_no, reply.reading.negated) == (True, False)


def test_a_value_named_in_part_is_narrowed_only_among_the_things_named(index: ClaimIndex) -> None:
    """"demyelination ... initial insult" names NMO's primary pathology, one of the five demyelinations; of ALS
    it names none of its values, so the words stay for a statement to name: "initial insult", the primary pathology,
    which ALS's demyelination, secondary, is not."""
    reply = answer("Is demyelination the initial insult in NMO?", index)
    assert (reply.verdict, reply.sentence) == ("yes", "Yes: neuromyelitis optica spectrum disorder has primary "
                                                      "pathology demyelination as the initial insult (NMO).")
    assert answer("Is demyelination the initial insult in ALS?", index).verdict == "no"


def test_typo_is_corrected_only_when_clearly_meant_and_the_correction_is_shown(index: ClaimIndex) -> None:
    reply = answer("Is ALS demylinating?", index)
    assert reply.reading.corrections == (("demylinating", "demyelinating"),)
    assert '[read "demylinating" as "demyelinating"]' in format_reply(reply, index, width=200)
    assert answer("Is ALS demyelinating?", index).reading.corrections == ()
    # "normal" is no misspelling of "abnormal" (a name's word): read as it is, never as its opposite
    assert answer("Do some forms of SMA allow a normal lifespan?", index).reading.corrections == ()


@pytest.mark.parametrize(("question", "read_as"), [
    ("Are upper MNs affected in ALS?", ("mns", "motor neurons")),  # a plural s after capitals aside
    ("How does ICD 11 classify MNDs?", ("icd 11", "icd-11")),  # a name word written apart from its number
    ("Does the ICD11 separate MND from muscular dystrophy?", ("icd11", "icd-11")),
    ("Do behavioral deficits in ALS reduce caregiver QoL?", ("qol", "quality of life")),  # the end of a name
    # one the graph knows ("UMN"), where a longer name follows: the kind of sign, not the neurons
    ("Do people with muscular dystrophy have UMN signs?", ("umn", "upper motor neuron")),
])
def test_an_abbreviation_the_graph_lacks_is_written_out_and_shown(index: ClaimIndex, question: str,
                                                                  read_as: tuple[str, str]) -> None:
    reply = answer(question, index)
    assert read_as in reply.reading.corrections and not reply.reading.unknown
    assert f'"{read_as[0]}" as "{read_as[1]}"' in format_reply(reply, index, width=1000)


def test_an_abbreviation_naming_no_one_name_stays_as_written(index: ClaimIndex) -> None:
    """Initials of no name, or of several (in lower case: no abbreviation), are not written out."""
    assert answer("Is XYZ a treatment for ALS?", index).reading.unknown == ("xyz",)
    assert answer("Does qol matter in SMA?", index).reading.corrections == ()
    assert answer("Are UMNs affected in ALS?", index).reading.corrections == ()  # a name of the graph as it is


def test_question_polarity_turns_the_same_fact(index: ClaimIndex) -> None:
    """A negative property says no; asked in the negative (a 'not', a negative relation word) it says yes."""
    assert answer("Is ALS a form of muscular dystrophy?", index).verdict == "no"
    assert answer("Is ALS not a muscular dystrophy?", index).verdict == "yes"
    assert answer("Does SMA cause sensory loss?", index).verdict == "no"


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    # a wrong verdict found by probing: the leading "not" was read as the question's polarity ("No: ... SMN1")
    ("Is it not true that SMA is caused by SMN1?", "yes", "Yes: spinal muscular atrophy has causal gene SMN1."),
    ("Is it true that SMA is caused by SMN1?", "yes", "Yes: spinal muscular atrophy has causal gene SMN1."),
    ("Isn't it true that ALS is demyelinating?", "no",
     "No: ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating disease."),
    ("Isn't ALS a demyelinating disease?", "no",
     "No: ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating disease."),
    ("Isn\u2019t SMA inherited?", "yes", "Yes: spinal muscular atrophy has inheritance pattern autosomal recessive."),
    ("Doesn't SMA affect cognition?", "no",
     "No: spinal muscular atrophy does not typically have cognitive impairment."),
    ("Can't ALS be cured?", "no", "No: amyotrophic lateral sclerosis has cure status no known cure."),
    ("Isn't ALS painless?", "qualified",
     "Not entirely: amyotrophic lateral sclerosis has clinical feature pain (some patients)."),
    # typed without the apostrophe: the same contractions
    ("Isnt ALS a demyelinating disease?", "no",
     "No: ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating disease."),
    ("Doesnt SMA affect cognition?", "no",
     "No: spinal muscular atrophy does not typically have cognitive impairment."),
    ("Cant ALS be cured?", "no", "No: amyotrophic lateral sclerosis has cure status no known cure."),
    ("Wont SMA impair cognitive abilities?", "no",
     "No: spinal muscular atrophy does not typically have cognitive impairment."),
    # "described": the question frame "describe" in another word form, no value asked
    ("Wasnt SMA described as a genetic disorder?", "yes", "Yes: SMA is a genetic disorder (Difference Wiki)."),
    ("Is SMA thought to be genetic?", "yes", "Yes: SMA is a genetic disorder (Difference Wiki)."),
])
def test_a_question_asking_to_confirm_is_read_as_the_positive_question(index: ClaimIndex, question: str,
                                                                       verdict: str, sentence: str) -> None:
    """"Isn't SMA inherited?" and "Is it not true that ...?" ask whether the statement holds: "No" still means
    it does not; only a negation inside the statement ("painless") turns the verdict."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence, reply.reading.yes_no) == (verdict, sentence, True)


def test_a_kind_asked_is_answered_by_the_classifying_statement_and_its_sentence(index: ClaimIndex) -> None:
    """"Is ALS a motor neuron disease?" rests on what ALS is (derived from its primary pathology), cited first by
    the sentence naming the class, not on the figure counting ALS among motor neuron diseases (85%)."""
    reply = answer("Is ALS a motor neuron disease?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes (derived): amyotrophic lateral sclerosis is a motor neuron disease.")
    assert format_reply(reply, index, width=1000).splitlines()[2] == (
        '  - "ALS involves degeneration of both upper and lower motor neurons in the brain and spinal cord along the '
        'corticospinal tracts, making it primarily a motor neuron disease rather than a primary muscle disorder" '
        '[document 002, reference 1]')


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Which of ALS and MS is demyelinating?", "answer",
     "Multiple sclerosis. For amyotrophic lateral sclerosis, no: ALS is a disease of axonal degeneration affecting "
     "motor neurons, not a demyelinating disease. For multiple sclerosis, yes: Multiple sclerosis is the classic "
     "demyelinating disease."),
    ("Are ALS and SMA both inherited?", "qualified",
     "Partly. For amyotrophic lateral sclerosis, partly: amyotrophic lateral sclerosis has inheritance pattern "
     "familial (some); amyotrophic lateral sclerosis has inheritance pattern sporadic (no family history) (most ALS "
     "cases). For spinal muscular atrophy, yes: spinal muscular atrophy has inheritance pattern autosomal recessive."),
    # one statement saying no is enough for "both"; the other disease's silence is shown, never turned into a no
    ("Can ALS and SMA be cured?", "no",
     "No. For amyotrophic lateral sclerosis, no: amyotrophic lateral sclerosis has cure status no known cure. For "
     "spinal muscular atrophy, the documents don't say."),
    ("Are ALS and muscular dystrophy both motor neuron diseases?", "no",
     "No. For amyotrophic lateral sclerosis, yes (derived): amyotrophic lateral sclerosis is a motor neuron disease. "
     "For muscular dystrophy, no: ICD-11 designates motor neuron diseases as a separate category from muscular "
     "dystrophies."),
    ("Are ALS and SMA both motor neuron diseases?", "yes",
     "Yes: amyotrophic lateral sclerosis is a motor neuron disease (derived); spinal muscular atrophy is a motor "
     "neuron disease (derived)."),
    ("When do ALS and SMA start?", "answer",  # document 002's limb onset is a site, not a time, of ALS's onset
     "amyotrophic lateral sclerosis possible onset: limbs. amyotrophic lateral sclerosis typical onset: "
     "adulthood. spinal muscular atrophy typical onset: early childhood, infancy."),
])
def test_a_question_about_several_diseases_is_asked_of_each(index: ClaimIndex, question: str, verdict: str,
                                                            sentence: str) -> None:
    """Two diseases asked at once, with no statement about the two together: each disease's own answer, a yes
    only if each says yes, a no only from a statement saying no (these were unstated or answered of one)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)


def test_a_relation_the_disease_has_only_through_its_subtypes_answers_partly(index: ClaimIndex) -> None:
    """"Is ALS caused by genes?" was unstated: familial ALS's causal genes answer it, partly."""
    reply = answer("Is ALS caused by genes?", index)
    assert (reply.verdict, reply.sentence) == (
        "qualified", "Partly, for familial amyotrophic lateral sclerosis: familial amyotrophic lateral sclerosis has "
                     "causal gene: SOD1, C9orf72, FUS, TARDBP.")


def test_an_answer_for_each_disease_cites_each(index: ClaimIndex) -> None:
    """The three cited sentences were all ALS's: each disease's best sentence comes first, in turn."""
    reply = answer("Which of ALS and MS is demyelinating?", index)
    assert [detail.quote for detail, _ in support(reply, index)][:2] == [
        "The pathomechanism for such rare demyelination in ALS patients remains unclear and does not change the "
        "fundamental non-demyelinating nature of ALS",
        "In MS, demyelination is the initial insult, with axonal injury being variable and secondary"]


@pytest.mark.parametrize(("question", "verdict"), [
    # wrong verdicts found by probing, each a "Yes" the documents do not give
    # "only" named "only 5-10%" (a survival figure); it affects upper motor neurons too, in the same sentence
    ("Is ALS only a disease of lower motor neurons?", "no"),
    ("Does SMA only affect lower motor neurons?", "unstated"),  # SMA *mainly* affects them
    ("Is physical therapy useless in ALS?", "no"),  # "useless" was question frame: "Yes: ... physical therapy"
    ("Does treatment cure SMA?", "unstated"),  # a treatment is no cure
    ("Is SMA a form of ALS?", "unstated"),  # asked of each disease apart, "yes" of ALS's own subtypes
    # "absent" negated the question and "dystrophin" named the gene: "No: muscular dystrophy has causal gene DMD"
    ("Is dystrophin absent in muscular dystrophy?", "yes"),
    # "lack" turned "SMA has causal gene SMN1" into a No, where the gene's deletion is the cause
    ("Do SMA patients lack the SMN1 gene?", "unstated"),
    ("Do ALS patients lack reflexes?", "no"),  # a feature they have: hyperreflexia
    # "genetic" and "cause" read as two relations: "Partly: ... has clinical feature pain (some patients)"
    ("Does ALS have a genetic cause?", "qualified"),
    # MS's own treatment was read as the answer (MS and ALS linked, "drugs" naming it): the relation is asked of ALS
    ("Is it the case that MS drugs are appropriate for ALS?", "no"),
    ("Is ALS or MS a demyelinating disease?", "yes"),  # "or": one is enough (it was "Partly")
    ("Is MS worse than ALS?", "unstated"),  # "Partly: ALS has ... rapid progression" ("worse" named its course)
    ("Is A.L.S. demyelinating?", "no"),  # "l" was an unknown entity
    # "compatible with a longer lifespan" (document 004) says nothing of a normal one: no altLabel may say it does
    # ("normal", common English the graph does not use, names nothing unknown, yet no statement accounts for it)
    ("Do people with SMA have a normal lifespan?", "unstated"),
    # "upper" (of "upper and lower motor neurons") was left unread: "Yes: SMA mainly affects lower motor neurons"
    ("Are both upper and lower motor neurons affected in SMA?", "unstated"),
    ("Does SMA affect upper and lower motor neurons?", "unstated"),
    ("Does ALS affect both upper and lower motor neurons?", "yes"),  # ALS's statements name both
    ("Is type 4 SMA the most severe?", "no"),  # "Yes: type 4 severity rank 4": having a rank is not being first
    ("Is type 1 SMA the mildest?", "no"),
    ("Is SMA type 4 the mildest?", "yes"),
    ("Is SMA type 2 the mildest?", "unstated"),  # type 2 has no rank stated
    # the disease named was ignored: "Yes: MRI ... detects snake eyes", which the statements tie to ALS only
    ("Does MRI show snake eyes in MS?", "unstated"),
    ("Does MRI show snake eyes in SMA?", "unstated"),
    ("Does MRI show snake eyes in muscular dystrophy?", "unstated"),
    # ALS has the imaging finding snake eyes, though each document hedges it ("may show", "common", "can")
    ("Does MRI show snake eyes in ALS?", "qualified"),
    ("Does muscle biopsy show absence of dystrophin in ALS?", "unstated"),  # muscular dystrophy's
    ("Does muscle biopsy show absence of dystrophin in SMA?", "unstated"),
    ("Does muscle biopsy show absence of dystrophin in muscular dystrophy?", "yes"),
    ("Does a creatine kinase test detect elevated CK in MS?", "unstated"),
    ("Does a creatine kinase test detect elevated CK in muscular dystrophy?", "yes"),
    # every other thing named must be accounted for too: ALS has weakness, dystrophin deficiency is MD's finding
    ("Does dystrophin deficiency cause weakness in ALS?", "unstated"),
    ("Does dystrophin deficiency cause weakness in muscular dystrophy?", "unstated"),
    ("Does dystrophin deficiency cause atrophy in SMA?", "unstated"),
    ("Does elevated CK cause weakness in ALS?", "unstated"),
    ("Does elevated CK cause weakness in muscular dystrophy?", "unstated"),
    ("Does SOD1 cause weakness in SMA?", "unstated"),
    ("Does SOD1 cause weakness in ALS?", "unstated"),
    ("Does TDP-43 cause weakness in ALS?", "unstated"),
    ("Does SMN1 deletion cause weakness in SMA?", "yes"),  # "caused by a deficiency in the SMN1 gene, leading to
    # progressive muscle weakness": SMA has causal gene SMN1, which a statement about its weakness quotes
    ("Does SMN1 deletion cause weakness in muscular dystrophy?", "unstated"),
    # document 004: "A genetic disorder causing muscle weakness due to motor neuron loss" (SMA's degeneration of
    # lower motor neurons, named "motor neuron loss" in the graph since the sixth round)
    ("Does motor neuron loss cause weakness in SMA?", "yes"),
    ("Does SMN1 deletion cause spasticity in ALS?", "unstated"),
    ("Does TDP-43 cause demyelination in MS?", "unstated"),
    ("Does ALS cause weakness?", "yes"),
    ("Does SMN1 deletion cause SMA?", "yes"),
    ("Does SMA have weakness?", "yes"),
    ("Does excess glutamate damage motor neurons in ALS?", "yes"),
    ("Does glutamate excitotoxicity cause spasticity in ALS?", "unstated"),
    ("Does oxidative stress cause weakness in ALS?", "unstated"),
    ("Does C9orf72 cause atrophy in ALS?", "unstated"),
    # a subtype's statement left a thing named unaccounted for: "Partly, for bulbar-onset ALS: ... dysphagia"
    ("Does TDP-43 cause dysphagia in ALS?", "unstated"),
    ("Does SOD1 cause bulbar onset in ALS?", "unstated"),  # "Partly, for familial ALS: ... causal gene SOD1"
    ("Does FTD shorten survival in ALS?", "yes"),  # a path accounting for each: FTD's impact, ALS has FTD
    ("Is C9orf72 linked to ALS?", "qualified"),
    # "Yes: ALS has diagnostic test MRI", where the documents say MRI is used to exclude others rather than confirm
    ("Does MRI confirm ALS?", "no"),
    ("Is MRI not used to confirm ALS?", "yes"),
    ("Is MRI used to exclude other conditions in ALS?", "yes"),
    ("Is MRI used in ALS?", "yes"),
    # hedged denials were a plain "No": "does not primarily affect", "does not typically have" deny only so far
    ("Does ALS affect the myelin sheath?", "qualified"),
    ("Does ALS primarily affect the myelin sheath?", "no"),
    ("Does ascending sensory disturbance occur in motor neuron disease?", "qualified"),
  # the statement denying confirmation is no "no" to a question naming no relation
    # "more" named a value: "Partly: ALS has clinical feature needing more assistance for daily activities"; "more
    # than one" now asks what "several" asks: its subtypes (sporadic and familial ALS, ...) say yes
    ("Is there more than one kind of ALS?", "yes"),
    # several values of several relations ("cause": features too) are no several causes
    ("Does SMA have more than one cause?", "unstated"),
    ("Does SMA have several causal genes?", "unstated"),  # one: SMN1
    # "halt" named a treatment approach: "Yes: SMA has treatment approach ...", where SMA treatment can slow it
    ("Can treatment halt SMA?", "unstated"),
    ("Does treatment stop SMA?", "unstated"),
    ("Do immunomodulatory therapies halt ALS progression?", "no"),  # "do not halt ALS progression"
    # "slow" named any outcome: "Yes: ... gene therapy ... offer potential for significant improvement"
    ("Does gene therapy slow SMA?", "unstated"),
    ("Does treatment slow SMA?", "yes"),  # "SMA treatment can slow progression"
    ("Does treatment slow ALS?", "unstated"),
    # "upper motor neuron" named the neurons: "Yes: ALS has clinical feature muscle weakness" (a lower motor neuron
    # sign in documents 002 and 003)
    ("Is weakness an upper motor neuron sign in ALS?", "unstated"),
    # a yes resting on a weaker statement than asked: "key diagnostic test" is not "required"; "severe disability"
    # and a variable course are not "usually severe"; "main" was question frame
    ("Is EMG required to diagnose ALS?", "unstated"),
    ("Is SMA usually severe?", "unstated"),
    ("Is atrophy the main symptom of ALS?", "unstated"),
    ("Does ALS typically start in adulthood?", "yes"),  # "typical onset"
    ("Does SMA typically affect cognition?", "no"),  # "does not typically affect cognitive functions"
    ("Is ALS usually sporadic?", "yes"),  # the share: 85-90%
    # asked in the negative, a "No" said the same overstatement: "No: SMA has ... severe disability"
    ("Is SMA not usually severe?", "unstated"),
    ("Does SMA not only affect lower motor neurons?", "unstated"),
    ("Do immunomodulatory therapies not halt ALS progression?", "yes"),  # a statement saying so
    # a path of two statements left words of the question unnamed: "Partly: snake eyes ... not indicative of primary
    # demyelination", asked of the T2/FLAIR signal
    ("Does T2/FLAIR signal in ALS reflect primary demyelination?", "unstated"),
    ("Can ALS be diagnosed in the womb?", "unstated"),  # only SMA's prenatal genetic testing is stated
    # "several" asked of a relation word read as another: "Yes: SMA has clinical feature: ..." ("have ... causes")
    ("Does SMA have several causes?", "unstated"),
    ("Does SMA have a cause?", "yes"),  # its causal gene SMN1, not its clinical features
    ("Does familial ALS have several causes?", "yes"),  # SOD1, C9orf72, FUS, TARDBP
    ("Are there several treatments for ALS?", "yes"),  # it was "Partly", one of them an example sentence's
    ("Is respiratory failure the main cause of death in ALS?", "yes"),  # "main cause of death": the primary one
    ("Is respiratory failure the main cause of death in SMA?", "unstated"),
    # "shorten survival" read as a third thing named: "Partly: ALS has clinical feature frontotemporal dementia"
    ("Does frontotemporal dementia shorten survival in ALS?", "yes"),
    # a number asked that the statement does not state: "Yes: ... mean survival in ALS: typically 3-5 years"
    ("Is ALS survival 10 years?", "unstated"),
    ("Is ALS incidence 5 per 100,000?", "unstated"),  # it was "Yes: ... 1-2 per 100,000 people"
    ("Is ALS incidence 1-2 per 100,000?", "yes"),
    ("Do 5-10% of ALS patients live longer than 10 years?", "yes"),
    # "neurons" named "absence of upper motor neuron signs" in part: "Yes: muscular dystrophy has clinical feature
    # absence of upper motor neuron signs"
    ("Does muscular dystrophy affect the neurons?", "unstated"),
    ("Does muscular dystrophy have an absence of upper motor neuron signs?", "yes"),
    # "initial insult" read as part of the name "demyelination" (one of the five processes so named is called so):
    # "Yes: ALS has secondary pathology demyelination secondary to axonal degeneration"; its secondary pathology is
    # no primary one (mnd:hasSecondaryPathology mnd:excludesProperty mnd:hasPrimaryPathology): no
    ("Is demyelination the initial insult in ALS?", "no"),
    # "Partly: ALS has clinical feature FTD (some patients)": the condition's relation ("develops") was read as the
    # one asked, and its hedge as the answer's; what follows from FTD (it shortens survival) is asked
    ("If a person with ALS develops FTD, do they die sooner?", "yes"),
    ("Does someone with ALS who also develops FTD live for a shorter time?", "unstated"),
    # "Not entirely": the hedge of ALS having FTD (some patients) is none of FTD's impact
    ("Does FTD have no impact on survival in ALS?", "no"),
    # a relation named by its own words ("result from", "caused by"), the things asked the other way round: "Yes"
    ("Does glutamate excitotoxicity result from calcium influx?", "unstated"),
    ("Does SMN1 result from SMA?", "unstated"),
    ("Is SMA caused by SMN1?", "yes"),
    # ... or by its label, which answers read subject first ("demyelination secondary to axonal degeneration")
    ("Is axonal degeneration secondary to demyelination in ALS?", "unstated"),
    ("Is demyelination secondary to axonal injury in MS?", "unstated"),
    ("Is axonal injury secondary to demyelination in MS?", "yes"),
    # a disease named as an end of the relation asked, read as where the thing is: "Yes: respiratory failure due to
    # respiratory muscle weakness" (ALS's respiratory failure comes from something, not ALS from it)
    ("Is ALS caused by respiratory failure?", "unstated"),
    ("Does respiratory failure lead to ALS?", "unstated"),
    ("Does respiratory failure in ALS result from respiratory muscle weakness?", "yes"),
    # "cause" read inversely beside "mutation": "Yes: spinal muscular atrophy has causal gene SMN1"
    ("Does SMA give rise to SMN1 gene mutations?", "unstated"),
    ("Do SMN1 mutations cause SMA?", "yes"),
    # "Yes: ALS affects neuron motor neurons": the words naming a piece of another thing's name ("reactive oxygen
    # species"), and a relation saying which way ("cause") that no statement the answer rests on says, were left out
    ("Does motor neuron damage in ALS produce reactive oxygen species?", "unstated"),
    ("In ALS, does damage of motor neurons cause oxidative stress?", "unstated"),
    ("Does SMA lead to SMN1 gene mutations?", "unstated"),
    ("Does SMA damage motor neurons and cause weakness?", "yes"),
    ("Does oxidative stress damage motor neurons in ALS?", "yes"),
    # a path through a thing ALS has: respiratory muscle weakness results in its respiratory failure, not in ALS
    ("Does respiratory muscle weakness result in ALS?", "unstated"),
    # a disease asked of someone from findings: "Yes: ALS has clinical feature ...", where it only says what ALS has
    ("If someone has muscle atrophy, do they have SMA?", "unstated"),
    ("Could it be MS if there are lesions in the brain?", "unstated"),
    ("Does someone with hyperreflexia and fasciculations have ALS?", "unstated"),
    ("If someone has SMA, are lower motor neurons mainly affected?", "yes"),
    # a rank asked of a causal gene: "Partly, for familial ALS: ... has causal gene SOD1", which ranks none
    ("Is FUS the most frequent gene in Lou Gehrig's disease?", "unstated"),
    ("Is ALS the most common motor neuron disease?", "yes"),
    ("Does muscle weakness without sensory loss mean SMA?", "unstated"),  # it was "Partly: SMA ... no sensory loss"
    ("Does the snake eyes sign mean lower motor neuron disease?", "yes"),
    # a share named by a word: "Partly: up to 40% of patients", which is no half
    ("Do half of ALS patients develop cognitive problems?", "unstated"),
    ("Are less than half of ALS cases familial?", "yes"),
    # "Yes: SMA does not typically have cognitive impairment": "never" is more than "not typically"
    ("Is it never true that SMA affects cognition?", "qualified"),
    ("Does SMA not affect cognition?", "yes"),
    # "Yes: ... type 1 is the worst of the ranks stated (severity rank 1)": severity is ranked, not prognosis
    ("Does type 4 SMA have the best prognosis?", "unstated"),
    ("Is SMA type 1 the worst type?", "yes"),
    # a time word no statement says: "Yes: ALS has clinical feature muscle weakness", of no time
    ("Is muscle atrophy the first symptom of SMA?", "unstated"),
    ("Does bulbar-onset ALS first affect brainstem motor neurons?", "yes"),  # "first affects", a name of the relation
    ("Is SMA detected before birth?", "yes"),
    # a superlative needs a statement saying it ("the most", "the first"): causal genes, subtypes and features
    # say nothing of which is the most common or comes first (kg.answers.degree)
    ("Is FUS the most frequent cause of ALS?", "unstated"),
    ("Is type 4 SMA the most common form?", "unstated"),
    ("Is the spinal cord the most affected region in ALS?", "unstated"),
    ("Is muscle weakness the first symptom of Lou Gehrig disease?", "unstated"),
    ("Is ALS the most common motor neuron disease?", "yes"),  # said so: most common form of
    ("Is type 1 SMA the most severe type?", "yes"),  # its severity rank, the first
    # a share asked needs a statement stating a figure: "some patients", or a subtype, states none
    ("Do half of people with ALS have bulbar onset?", "unstated"),
    ("Do over half of ALS patients develop frontotemporal dementia?", "unstated"),
    ("Do nearly all people with ALS develop cognitive deterioration?", "unstated"),
    ("Are most ALS cases sporadic?", "yes"),  # the share: 85-90%
    # "up to 40%" is no plain 40%; 80% of bulbar-onset patients is no figure of all ALS patients
    ("Do 40% of Lou Gehrig disease patients develop cognitive deterioration?", "qualified"),
    ("Do 80% of people with ALS develop dysphagia?", "unstated"),
    # a disease set beside another at the question's end is asked of each apart ("... like ALS?", "as ALS does?")
    ("Does SMA cause respiratory muscle wasting like amyotrophic lateral sclerosis?", "unstated"),
    ("Does SMA cause muscle weakness as ALS does?", "yes"),
    ("Is ADEM a demyelinating disease like MS?", "yes"),  # a kind with its example: asked of ADEM alone
    # a statement between two diseases accounts for no third thing named: they share some hallmarks, not that one
    ("Does SMA share mitochondrial dysfunction with Lou Gehrig disease?", "unstated"),
    ("Do ALS and SMA share intrinsic muscle defects?", "yes"),
    ("Does ALS begin in people in their 30s?", "unstated"),  # "30s": a number no statement states
    # a share asked with a bound needs the same bound stated: "up to 40%" is no "more than 40%"
    ("Do more than 40% of people with Lou Gehrig disease develop cognitive impairment?", "unstated"),
    ("Do up to 40% of ALS patients develop cognitive impairment?", "yes"),
    ("Do all ALS patients survive more than 10 years?", "no"),  # a duration's bound, not a share's
    # later in the course is not answered by a statement hedged "early in the disease course"
    ("Is bulbar involvement eventually seen in muscular dystrophy?", "unstated"),
    ("Does muscular dystrophy affect bulbar muscles early?", "qualified"),
])


def test_probed_wrong_verdicts_stay_fixed(index: ClaimIndex, question: str, verdict: str) -> None:
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is sensation lost in SMA?", "no"),  # "sensation lost": sensory loss's "lose sensation" in other forms
    ("Is feeling lost in SMA?", "no"),  # "loss of feeling"
    ("Is sensation kept in spinal muscular atrophy?", "yes"),
    ("Is cognition intact in SMA?", "yes"),
])
def test_a_name_in_other_word_forms_and_order_is_read(index: ClaimIndex, question: str, verdict: str) -> None:
    reply = answer(question, index)
    assert reply.verdict == verdict
    assert reply.sentence.split(": ", 1)[1].startswith("spinal muscular atrophy does not typically have ")


@pytest.mark.parametrize(("question", "sentence"), [
    ("Does ALS weaken muscles?", "Yes: amyotrophic lateral sclerosis has clinical feature muscle weakness."),
    ("Is SMA caused by a faulty SMN1 gene?", "Yes: spinal muscular atrophy has causal gene SMN1."),
])
def test_lay_verbs_and_adjectives_read_as_the_graphs_names(index: ClaimIndex, question: str, sentence: str) -> None:
    # "weaken": muscle weakness's word family (it was unknown to the graph); "faulty" names what a causal gene is
    assert answer(question, index).sentence == sentence


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    # "muscles" names skeletal, bulbar and stiff muscles in part: a more specific value muscular dystrophy does not
    # typically affect (bulbar muscles, early) does not weaken the plain yes (it was "Partly")
    ("Does muscular dystrophy affect the muscles?", "yes",
     "Yes: muscular dystrophy affects structure skeletal muscles."),
    ("Does muscular dystrophy affect bulbar muscles?", "qualified",  # the value named whole is asked of itself
     "Not typically: muscular dystrophy does not typically affect bulbar muscles (early in the disease course)."),
    # a statement saying no of the very value said yes of still qualifies it
    ("Does ALS affect the muscles?", "qualified", None),
])
def test_a_more_specific_value_does_not_weaken_a_plain_yes(index: ClaimIndex, question: str, verdict: str,
                                                           sentence: str | None) -> None:
    reply = answer(question, index)
    assert reply.verdict == verdict
    assert sentence is None or reply.sentence == sentence


@pytest.mark.parametrize("question", ["Are ALS treatments focused on managing symptoms?",
                                      "Is the treatment of ALS aimed at symptom relief?"])
def test_a_claim_in_a_narrower_context_does_not_weaken_the_same_plain_claim(index: ClaimIndex, question: str) -> None:
    # ALS's symptom management is stated plainly (four sentences) and as one patient's case (an example sentence)
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: amyotrophic lateral sclerosis has treatment approach symptom management.")


@pytest.mark.parametrize("question", ["Is ALS treatment focused on symptoms?", "Are ALS symptoms treated?"])
def test_a_relation_word_naming_a_value_of_the_other_relation_is_read_as_it(index: ClaimIndex, question: str) -> None:
    # "symptoms" names has clinical feature, and the treatment approach symptom management: the latter is stated
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: amyotrophic lateral sclerosis has treatment approach symptom management.")


def test_narrowing_frame_is_answered_by_a_qualifier_naming_it(index: ClaimIndex) -> None:
    # "early" named by the claim's context note "early in the disease course" (it was: the documents don't say)
    reply = answer("Are bulbar muscles involved early in muscular dystrophy?", index)
    assert (reply.verdict, reply.sentence) == (
        "qualified", "Not typically: muscular dystrophy does not typically affect bulbar muscles (early in the disease "
                     "course).")


@pytest.mark.parametrize("question", ["Does MS affect the myelin sheath?", "Does MS damage myelin?"])
def test_a_disease_affects_the_structure_its_primary_pathology_is_in(index: ClaimIndex, question: str) -> None:
    # derived: MS has primary pathology degradation of the myelin sheath, located in the myelin sheath
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes (derived): multiple sclerosis affects structure myelin sheath.")


@pytest.mark.parametrize("question", ["Can SMA be diagnosed in the womb?", "Can parents test an unborn baby for SMA?",
                                      "Is antenatal testing available for SMA?"])
def test_lay_words_for_prenatal_testing_name_it(index: ClaimIndex, question: str) -> None:
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: spinal muscular atrophy has diagnostic test genetic testing during pregnancy.")


@pytest.mark.parametrize("question", ["Are there several types of ALS?", "Are there multiple forms of SMA?",
                                      "Are there various kinds of ALS?", "Is there more than one type of SMA?"])
def test_several_is_named_by_two_values_of_the_relation_asked(index: ClaimIndex, question: str) -> None:
    reply = answer(question, index)
    assert reply.verdict == "yes"
    assert len({u.statement.subject for u in reply.used}) >= 2


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Are most motor neuron disease cases ALS?", "yes",
     "Yes: ALS share of motor neuron disease cases: approximately 85%."),
    ("Do most ALS patients develop cognitive impairment?", "no",  # it was "Partly: ... up to 40%"
     "No: share of ALS patients who develop evidence of cognitive deterioration: up to 40%."),
    ("Do most ALS patients have bulbar onset?", "no", "No: share of ALS patients with bulbar onset: 25-35%."),
    ("Are most cases of ALS inherited?", "no",  # and what most are (see the sibling share test)
     "No: share of ALS cases that are familial (genetic factors present): 5-10%; share of ALS cases that are "
     "sporadic: 85-90%."),
    ("Are most ALS cases not familial?", "yes",
     "Yes: share of ALS cases that are familial (genetic factors present): 5-10%; share of ALS cases that are "
     "sporadic: 85-90%."),
    # a value of what the share counts is not what it counts: SOD1 is familial ALS's causal gene, not its only case
    ("Is most ALS caused by SOD1?", "unstated", "The documents don't say this: Is most ALS caused by SOD1?"),
    ("Do most ALS patients have muscle weakness?", "unstated",
     "The documents don't say this: Do most ALS patients have muscle weakness?"),
])
def test_most_is_answered_by_a_share_over_or_under_half(index: ClaimIndex, question: str, verdict: str,
                                                        sentence: str) -> None:
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)


def test_a_share_near_half_says_neither(index: ClaimIndex) -> None:
    shares = dict(index.shares)
    figure = next(f for f in shares if str(f).endswith("als-bulbar-onset-share"))
    index.shares = {**shares, figure: replace(shares[figure], low=45.0, high=55.0)}
    try:
        assert answer("Do most ALS patients have bulbar onset?", index).verdict == "unstated"
    finally:
        index.shares = shares


def test_a_value_of_a_thing_linked_to_the_disease_answers(index: ClaimIndex) -> None:
    """"Does FTD shorten survival in ALS?": FTD's impact names the other words, and ALS has FTD; of SMA, which
    the statements do not link to FTD, the documents don't say."""
    reply = answer("Does FTD shorten survival in ALS?", index)
    assert (reply.verdict, reply.sentence) == ("yes", "Yes: frontotemporal dementia has impact significantly "
                                                      "shortened survival.")
    assert answer("Does frontotemporal dementia shorten survival in SMA?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is it common for ALS and MS to occur together?", "no"),
    ("Do ALS and MS often co-occur?", "no"),
    ("Is it rare for ALS and MS to occur together?", "yes"),
    ("Do ALS and MS occur together?", "qualified"),
    ("Is it uncommon to have both ALS and MS?", "yes"),
])
def test_how_often_is_answered_by_a_statement_saying_rarely(index: ClaimIndex, question: str, verdict: str) -> None:
    """"Is it common ...?" was "Partly" from "extremely rare (only 33 reported cases as of 2024)": the hedge says
    how often, so it answers a question asking how often."""
    reply = answer(question, index)
    assert (reply.verdict, reply.used[0].statement.qualifiers) == (
        verdict, ("extremely rare (only 33 reported cases as of 2024)",))


def test_how_often_without_a_relation_word_is_asked_of_the_statements_linking_them(index: ClaimIndex) -> None:
    """"Is demyelinating neuropathy common in ALS patients?" names no relation: the case reports linking them say
    how often (it was unstated)."""
    reply = answer("Is demyelinating neuropathy common in ALS patients?", index)
    assert (reply.verdict, reply.sentence.split(":")[0]) == ("no", "No, rarely")


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Does glutamate build up in ALS?", "yes",
     "Yes: amyotrophic lateral sclerosis involves mechanism glutamate excitotoxicity."),
    ("Is ALS a disease of adults?", "qualified", "Usually: amyotrophic lateral sclerosis typical onset adulthood."),
    ("Is SMA passed on from parents?", "yes",
     "Yes: spinal muscular atrophy has inheritance pattern autosomal recessive."),
    ("Does dementia shorten life in ALS?", "yes",
     "Yes: frontotemporal dementia has impact significantly shortened survival."),
    ("Can lifestyle changes help with SMA?", "yes",  # document 004's own question, answered by these two
     "Yes: spinal muscular atrophy has treatment approach: supportive care, physical therapy."),
    ("Is intrinsic muscle defect a hallmark of SMA?", "yes",
     "Yes: spinal muscular atrophy has pathological hallmark intrinsic muscle defects."),
    ("Is neuroinflammation part of SMA?", "yes",
     "Yes: spinal muscular atrophy has pathological hallmark inflammation."),
    ("Does ALS cause muscle wasting?", "yes",
     "Yes: amyotrophic lateral sclerosis has clinical feature muscle atrophy."),
    ("Does ALS get worse over time?", "yes",
     "Yes: amyotrophic lateral sclerosis has clinical feature relentlessly progressive course."),
    ("Is SMA progression variable?", "yes",
     "Yes: spinal muscular atrophy has clinical feature variable course and severity, dependent on type."),
    # the article belongs to the thing named, not to a kind asked ("Is DMD a muscular dystrophy?")
    ("Is a nerve conduction study used in ALS?", "yes",
     "Yes: amyotrophic lateral sclerosis has key diagnostic test nerve conduction velocity studies."),
])
def test_lay_words_are_the_graphs_altlabels(index: ClaimIndex, question: str, verdict: str, sentence: str) -> None:
    """"build up", "adults", "passed on", "dementia", "shorten life": skos:altLabels in the graph, not a Python
    table (the first was declined as naming something unknown, the others unstated)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)


@pytest.mark.parametrize("question", ["What is seen in ALS on MRI?", "What is seen on imaging in ALS?",
                                      "What can be seen in ALS on imaging?",
                                      "What abnormalities are seen on MRI in ALS?"])
def test_an_imaging_question_gets_the_imaging_findings(index: ClaimIndex, question: str) -> None:
    """"seen in" named ALS's molecular features and co-occurring conditions, and "imaging" the MRI's use: the
    answer was TDP-43 deposits, case reports or "used mainly to exclude other conditions"."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "answer", 'amyotrophic lateral sclerosis has imaging finding: abnormal T2/FLAIR signal in the corticospinal '
        'tracts, "snake eyes" appearance of the anterior horns' + ("." if "abnormalities" in question
                                                                    else " (may show; common; can demonstrate)."))


def test_an_open_question_rests_on_the_values_its_words_name(index: ClaimIndex) -> None:
    """"How fast does SMA progress?" listed what SMA does not typically have (quotes saying "progressive")."""
    reply = answer("How fast does SMA progress?", index)
    assert (reply.verdict, reply.sentence) == ("answer", "SMA, Typical Progression: Variable, dependent on SMA type.")


def test_what_a_thing_is_used_for_in_a_disease_is_the_statement_about_both(index: ClaimIndex) -> None:
    """"What is MRI used for in ALS?" names a statement about both: not ALS's imaging findings."""
    assert answer("What is MRI used for in ALS?", index).sentence == (
        "MRI of the brain and spine used mainly to exclude other conditions in: amyotrophic lateral sclerosis.")


def test_values_of_another_disease_are_not_an_answer(index: ClaimIndex) -> None:
    """What MRI detects is ALS's imaging findings (document 000-003 say so of ALS): of SMA the documents don't say
    (it listed them)."""
    reply = answer("What does imaging show in SMA?", index)
    assert (reply.verdict, reply.sentence) == (
        "unstated", "The documents don't say this: What does imaging show in SMA?")


@pytest.mark.parametrize("question", ["Is ALS a form of SMA?", "Does SMA cause ALS?", "Is SMA a subtype of ALS?",
                                      "Is ALS SMA?", "Is DMD a muscular dystrophy?",
                                      "Is SMA the most common motor neuron disease?"])
def test_a_statement_of_another_relation_gives_no_verdict(index: ClaimIndex, question: str) -> None:
    """ALS and SMA share hallmarks; that says nothing of one being a form or a cause of the other, nor the same;
    SMA is a motor neuron disease (derived), which says nothing of it being the most common one."""
    assert answer(question, index).verdict == "unstated"


@pytest.mark.parametrize("question", ["a", "What is the?", "the of and"])
def test_a_question_naming_nothing_gets_no_statement(question: str, index: ClaimIndex) -> None:
    """Only function words: no statement is closest to nothing, so none is shown (it was ALS's fasciculations)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence, reply.used) == ("unstated", "The documents don't say this.", ())


def test_open_world_no_statement_means_the_documents_dont_say(index: ClaimIndex) -> None:
    """SMA and pain are both in the graph, but no statement links them: never a 'no'."""
    reply = answer("Does SMA cause pain?", index)
    assert reply.verdict == "unstated"
    assert reply.sentence.startswith("The documents don't say")


def test_every_yes_or_no_rests_on_a_statement_of_that_polarity(index: ClaimIndex,
                                                              evaluation: dict[str, Reply]) -> None:
    """Over the whole evaluation: a 'no' only from a negative statement (or a positive one asked in the negative),
    or, of "most", from a share all of whose bounds are under half (over half, asked of its contrary), or, asked
    whether it is common, from statements that each say it happens rarely ("No, rarely"), or, asked whether mostly
    one value, from statements that it mainly has another."""
    shares = {str(f): s for f, s in index.shares.items()}
    for case in load_cases():
        reply = evaluation[case["question"]]
        if reply.verdict in ("yes", "no") and reply.unclear is not None:
            # "Is the pathomechanism ... known?": a sentence cited by a statement used says it is not
            assert UNCLEAR.search(index.citations[reply.unclear].quote), case["question"]
            assert any(reply.unclear in u.statement.citations for u in reply.used), case["question"]
        elif reply.verdict in ("yes", "no") and reply.contrasted is reply.reading:
            # "Is sporadic ALS more common than familial ALS?": shares whose ranges do not overlap (or one share
            # against the rest of its whole)
            ranges = [(shares[u.statement.iri].low, shares[u.statement.iri].high) for u in reply.used]
            assert len(ranges) in (1, 2) and (len(ranges) == 2 or ranges[0][0] > 50 or ranges[0][1] < 50), \
                case["question"]
            assert len(ranges) == 1 or ranges[0][0] > ranges[1][1] or ranges[0][1] < ranges[1][0], case["question"]
        elif reply.verdict in ("yes", "no") and all(u.statement.iri in shares for u in reply.used):
            # the shares counting what was understood; a sibling share named beside one under half is over half
            understood = frozenset().union(*(m.terms for m in reply.reading.mentions))
            asked = [u for u in reply.used if shares[u.statement.iri].counted & understood] or reply.used
            assert all(shares[u.statement.iri].low > 50 for u in reply.used if u not in asked), case["question"]
            over = {shares[u.statement.iri].low > 50 for u in asked} | {
                not shares[u.statement.iri].high < 50 for u in asked}
            # "die within 10 years" names the contrary of surviving beyond them: the complement share answers
            spoken = set(index.tokens(" ".join(reply.reading.words)))
            contrary = any(terms & index.of_kind.keys() and set(index.tokens(" ".join(name))) <= spoken
                           for name, terms in index.contrary_names.items())
            # ... as does a word asking whether it is rare ("Is dysphagia rare in bulbar ALS?": no, almost 80%)
            rare = bool(set(reply.reading.words) & RARELY)
            assert over == {((reply.verdict == "yes") != reply.reading.negated) != (contrary != rare)}, \
                case["question"]
        elif reply.verdict in ("yes", "no") and reply.sentence.startswith(f"{reply.verdict.capitalize()}, rarely: "):
            assert all(any(set(words(q)) & SELDOM for q in u.statement.qualifiers) for u in reply.used), \
                case["question"]
        elif reply.verdict == "no" and reply.sentence.startswith("No, often: "):
            # "Is severe disability rare in ALS?": statements that each say it happens often
            assert all(any(set(words(q)) & OFTEN for q in u.statement.qualifiers) for u in reply.used), \
                case["question"]
        elif reply.verdict in ("yes", "no") and all(
                set(words(index.label(u.statement.property))) & MAINLY or "usually" in u.statement.qualifiers
                for u in reply.used) and not any(
                u.statement.object in m.terms for u in reply.used for m in reply.reading.entities):
            # "Does SMA mostly affect upper motor neurons?": no, from statements that it mainly has another value;
            # "Does ALS usually start in childhood?": no, from statements that it usually has another one
            assert (reply.verdict == "no") != reply.reading.negated, case["question"]
        elif reply.verdict == "no" and reply.sentence.startswith("No, not only: "):
            # "Is ALS confined to the spinal cord?": plain statements that it has the value asked and another (or, "Is
            # muscle weakness seen only in ALS?", that another disease has it too)
            assert all(not u.statement.negative and not u.statement.qualifiers for u in reply.used), case["question"]
            assert len({(u.statement.subject, u.statement.object) for u in reply.used}) > 1, case["question"]
        elif reply.verdict in ("yes", "no"):
            # "A rather than B": a yes or a no rests on statements saying yes of A, or of B, asked apart
            says = {says_yes(index, reply.contrasted or reply.reading, u.statement) for u in reply.used}
            assert (reply.verdict == "yes" or reply.contrasted is not None) in says, case["question"]


@pytest.mark.parametrize(("question", "verdict", "opening"), [
    # "all", "only", "always" against a statement of some patients or of a usual course: not all, not only
    ("Do all ALS patients experience pain?", "qualified", "Not all: "),  # "some patients experience pain"
    ("Does SMA only start in infancy?", "qualified", "Not only, usually: "),  # its typical onset
    ("Does SMA always begin in early childhood?", "qualified", "Not always, usually: "),
    ("Is demyelination always secondary in ALS?", "qualified", "Partly: "),  # a hedge of how, not of how often
    ("Is cognitive decline universal in ALS?", "qualified", "Not all: "),  # "up to 40%"
    # "sometimes", "ever" against a statement denying only how usual it is
    ("Does SMA sometimes affect cognition?", "qualified", "Not typically: "),  # "does not typically affect"
    ("Does SMA affect cognition?", "no", "No: "),  # the document's own answer: "No, SMA does not typically ..."
    ("Does SMA generaly affect cognitive abilities?", "no", "No: "),  # "generaly" read as "generally"
    # "most" and "all" against the share of patients past a threshold, only of the threshold asked
    ("Do most ALS patients live longer than ten years?", "no", "No: share of ALS patients living longer than 10"),
    ("Do all ALS patients survive more than 10 years?", "no", "No: "),  # only 5-10% do
    ("Do most ALS patients survive more than 5 years?", "unstated", "The documents don't say"),
    ("Is familial ALS a minority of ALS cases?", "yes", "Yes: share of ALS cases that are familial"),  # not most
    ("Do more than half of ALS patients have bulbar onset?", "no", "No: share of ALS patients with bulbar onset"),
    ("Do less than half of ALS patients have bulbar onset?", "yes", "Yes: "),
    ("Are all types of SMA compatible with a longer lifespan?", "qualified", "Not all: "),  # "some forms"
    ("Is ALS commoner than other motor neuron diseases?", "yes", "Yes: ALS share of motor neuron disease cases"),
    ("Do all ALS patients get bulbar onset?", "qualified", "Not all: share of ALS patients with bulbar onset"),
    ("Do most people with ALS survive beyond ten years?", "no", "No: "),
    ("Can some SMA forms be compatible with a longer lifespan?", "yes", "Yes: "),  # "some forms"
    # "A rather than B", "more ... than": each asked apart, settled only where the statements tell them apart
    ("Is the weakness in muscular dystrophy distal rather than proximal?", "no", "No: "),
    ("Does SMA affect lower rather than upper motor neurons?", "yes", "Yes: "),
    ("Does ALS affect upper rather than lower motor neurons?", "no", "No, both: "),  # it affects both
    ("Is ALS more common in women than in men?", "no", "No: "),  # "a slight male predominance"
    ("Is ALS a muscular dystrophy rather than a motor neuron disease?", "no", "No: "),  # no of one, yes of other
    ("Is ALS a motor neuron disease rather than a muscular dystrophy?", "yes", "Yes: "),
    ("Is ALS less common in women than in men?", "qualified", "Partly: "),
    ("Are men less likely to get ALS than women?", "no", "No: "),  # "women": the word no name holds
    ("Do men get ALS more than women?", "qualified", "Partly: "),  # more often
    ("Is sporadic ALS more common than familial ALS?", "yes", "Yes: "),  # 85-90% against 5-10%
    ("Is familial ALS more common than sporadic ALS?", "no", "No: "),
    ("Are other motor neuron diseases more common than ALS?", "no", "No: "),  # ALS: approximately 85%
    ("Is cognitive impairment more common than bulbar onset in ALS?", "unstated", "The documents don't say"),
    # "A or B?": each asked apart, the one the statements say yes of, or both
    ("Is the muscle weakness in MD proximal or distal?", "answer", "muscular dystrophy has clinical feature "
     "progressive proximal muscle weakness"),
    ("Does ALS affect upper or lower motor neurons?", "answer", "Both: "),
    ("Is ALS more common in men or women?", "answer", "people at risk for ALS"),
    ("Is ALS a demyelinating disease or does it primarily affect the axons?", "answer",
     "amyotrophic lateral sclerosis does not primarily affect"),  # a second question after "or": as it was
    # a kind of thing asked of a disease: its members the reasoner derives ("hyperreflexia in ALS")
    ("Does ALS have upper motor neuron signs?", "yes", "Yes: "),
    ("Does SMA have upper motor neuron signs?", "unstated", "The documents don't say"),
    # "Is it known?" against a sentence saying it is not, about the very thing asked
    ("Is the pathomechanism of the rare demyelination in ALS patients known?", "no", "No: the documents say it "
     "remains unclear"),
    ("Is the mechanism behind the rare demyelination in ALS still unclear?", "yes", "Yes: "),
    ("Is the treatment of ALS understood?", "unstated", "The documents don't say"),  # "no known cure" is the cure
    ("Is ALS understood?", "unstated", "The documents don't say"),  # what of it is unclear is not asked
    ("Is the pathomechanism of ALS known?", "unstated", "The documents don't say"),  # unclear: the rare demyelination's
    ("Is the demyelination occasionally seen in ALS well understood?", "no", "No: "),  # "occasionally seen" said
    ("Is the cause of SMA known?", "yes", "Yes: "),  # a statement answers first
    # "Is it known why ...?" asks whether the cause is known, not whether it happens
    ("Is it known why some ALS patients develop demyelinating polyneuropathy?", "no", "No: the documents say it "
     "remains unclear"),
    ("Is it known why motor neurons die in ALS?", "unstated", "The documents don't say"),
    ("Is it unclear what causes the demyelinating features occasionally seen in ALS?", "yes", "Yes: "),
    ("Is the cause of demyelination in ALS known?", "qualified", "Partly: "),  # secondary to axonal degeneration
])
def test_question_forms_against_hedged_and_contrasted_statements(index: ClaimIndex, question: str, verdict: str,
                                                                 opening: str) -> None:
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence[:len(opening)]) == (verdict, opening)


@pytest.mark.parametrize(("question", "verdict"), [
    ("Can ALS be cured?", "no"), ("Is there a cure for ALS?", "no"), ("Is ALS incurable?", "yes"),
    ("Is ALS not curable?", "yes"), ("Is MS curable?", "unstated"), ("Is sporadic ALS inherited?", "no"),
    ("Is ALS inherited?", "qualified")])
def test_a_negative_value_says_no_unless_it_is_itself_asked(index: ClaimIndex, question: str, verdict: str) -> None:
    """kg:no-known-cure is marked mnd:negativeValue: "ALS has cure status no known cure" says no to "can ALS be
    cured?" and yes to "is ALS incurable?"; of MS's cure the documents say nothing. So is sporadic occurrence (no
    family history): sporadic ALS is not inherited (it was answered Yes); ALS, familial in some, partly."""
    assert answer(question, index).verdict == verdict


def test_a_relation_that_exists_is_a_yes_only_when_every_word_is_understood(index: ClaimIndex) -> None:
    """SMA has treatments: "are there treatments for SMA?" is a yes listing them; "untreatable" (un- and a
    relation name) asks it in the negative; "during pregnancy" must name the value the yes rests on."""
    reply = answer("Are there treatments for SMA?", index)
    assert reply.verdict == "yes"
    assert reply.sentence.startswith("Yes: spinal muscular atrophy has treatment approach: ")
    assert answer("Is SMA untreatable?", index).verdict == "no"
    assert answer("Can SMA be diagnosed during pregnancy?", index).sentence == (
        "Yes: spinal muscular atrophy has diagnostic test genetic testing during pregnancy.")
    assert answer("Can SMA be diagnosed after death?", index).verdict != "yes"


def test_list_answer_is_grouped(index: ClaimIndex) -> None:
    reply = answer("Which diseases are demyelinating?", index)
    assert reply.sentence.startswith(
        "Demyelinating disease: acute disseminated encephalomyelitis, Guillain-Barré syndrome, multiple sclerosis, "
        "neuromyelitis optica spectrum disorder. Not demyelinating disease: amyotrophic lateral sclerosis, spinal "
        "muscular atrophy, spinal muscular atrophy type 1 (derived),")


def test_default_answer_is_short_wrapped_and_cites_at_most_three_sentences(index: ClaimIndex) -> None:
    reply = answer("What are the symptoms of ALS?", index)
    text = format_reply(reply, index, width=60)
    assert all(len(line) <= 60 for line in text.splitlines())
    assert text.count('- "') == 3
    assert "https://" not in text and "kg:" not in text
    assert format_reply(reply, index, every=True).count('- "') > 3


def test_qualifier_is_read_from_the_graph(tmp_path: Path) -> None:
    """Injected change: the same claim without its 'some patients' note is a plain yes; a newly modelled fact
    with its citation is askable without a code change."""
    files = default_graph_files(supplement=False)
    data_file = next(f for f in files if f.name == "triples.ttl")
    data = data_file.read_text(encoding="utf-8")
    pain = "rdf:subject kg:ALS ; rdf:predicate mnd:hasClinicalFeature ; rdf:object kg:pain ;\n"
    unhedged = data.replace(pain + '    mnd:frequencyNote "some patients" ;\n', pain)
    assert unhedged != data
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix mnd: <https://w3id.org/mnd-kg/ontology#> . @prefix kg: <https://w3id.org/mnd-kg/resource/> .\n"
        "@prefix src: <https://w3id.org/mnd-kg/source/> .\n"
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix prov: <http://www.w3.org/ns/prov#> .\n"
        'kg:foot-drop a mnd:ClinicalFeature ; rdfs:label "foot drop"@en .\n'
        "kg:ALS mnd:hasClinicalFeature kg:foot-drop .\n"
        "src:claim-test-foot-drop a mnd:Claim ; rdf:subject kg:ALS ; rdf:predicate mnd:hasClinicalFeature ;\n"
        "    rdf:object kg:foot-drop ; prov:wasDerivedFrom src:cit-test-foot-drop .\n"
        'src:cit-test-foot-drop a mnd:Citation ; prov:wasQuotedFrom src:doc-004 ; mnd:quote "Foot drop test." .\n',
        encoding="utf-8")
    changed = tmp_path / "triples.ttl"
    changed.write_text(unhedged, encoding="utf-8")
    files = [*(f for f in files if f != data_file), changed, extra]
    index = build_index(load_reasoned(files).dataset())
    assert answer("Does ALS cause pain?", index).verdict == "yes"
    reply = answer("Does ALS cause foot drop?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: amyotrophic lateral sclerosis has clinical feature foot drop.")
    assert '"Foot drop test." [document 004]' in format_reply(reply, index)


def test_a_derived_statement_of_a_negative_property_says_no(tmp_path: Path) -> None:
    """Injected change: a negative subproperty of 'does not typically have'; what the reasoner derives from it is
    a 'does not typically have' statement, which says no (it said yes: derived statements were all positive)."""
    files = default_graph_files(supplement=False)
    extra = tmp_path / "extra.ttl"
    extra.write_text(
        "@prefix mnd: <https://w3id.org/mnd-kg/ontology#> . @prefix kg: <https://w3id.org/mnd-kg/resource/> .\n"
        "@prefix src: <https://w3id.org/mnd-kg/source/> . @prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix prov: <http://www.w3.org/ns/prov#> .\n"
        'kg:foot-drop a mnd:ClinicalFeature ; rdfs:label "foot drop"@en .\n'
        'mnd:neverHas a owl:ObjectProperty ; rdfs:label "never has"@en ; mnd:negationOf mnd:hasClinicalFeature ;\n'
        "    rdfs:subPropertyOf mnd:doesNotTypicallyHave .\n"
        "kg:SMA mnd:neverHas kg:foot-drop .\n"
        "src:claim-test-foot-drop a mnd:Claim ; rdf:subject kg:SMA ; rdf:predicate mnd:neverHas ;\n"
        "    rdf:object kg:foot-drop ; prov:wasDerivedFrom src:cit-test-foot-drop .\n"
        'src:cit-test-foot-drop a mnd:Citation ; prov:wasQuotedFrom src:doc-004 ; mnd:quote "Foot drop test." .\n',
        encoding="utf-8")
    index = build_index(load_reasoned([*files, extra]).dataset())
    derived = [s for s in index.statements if s.derived and s.object == KG["foot-drop"]]
    assert [(s.property, s.negative) for s in derived] == [(URIRef(str(MND._NS) + "doesNotTypicallyHave"), True)]
    assert answer("Do people with SMA get foot drop?", index).verdict == "no"


def test_evaluation_has_no_wrong_verdict_and_keeps_its_accuracy(index: ClaimIndex,
                                                                evaluation: dict[str, Reply]) -> None:
    figures = summary(evaluate(load_cases(), index, evaluation))
    assert [figures[split]["wrong_verdicts"] for split in SPLITS] == [0] * len(SPLITS)
    assert {split: figures[split]["accuracy"] >= floor for split, floor in ACCURACY_FLOORS.items()} == \
        dict.fromkeys(ACCURACY_FLOORS, True)


def test_every_fact_of_the_evaluation_has_its_own_id() -> None:
    """A fact's wordings are counted and reported by its id: two facts under one id would pass as one."""
    ids = [fact["id"] for fact in yaml.safe_load(EVAL_FILE.read_text(encoding="utf-8"))["facts"]]
    assert sorted({i for i in ids if ids.count(i) > 1}) == []


def test_evaluation_file_holds_four_wordings_per_fact_and_a_fifth_held_out() -> None:
    cases = load_cases()
    facts = {c["fact"] for c in cases}
    assert len(cases) >= 200
    # holdout5 spreads 30 questions over more facts (one to three wordings each) to cover all five documents
    spread = {c["fact"] for c in cases if c["split"] == "holdout5"}
    assert all(sum(c["fact"] == fact for c in cases) >= 4 for fact in facts - spread)
    assert sum(c["split"] == "holdout5" for c in cases) >= 30
    assert {c["split"] for c in cases} == set(SPLITS)
    assert sum(c["split"] != "tune" for c in cases) >= len(cases) / 5


@pytest.mark.parametrize(("question", "message"), [
    ("", "Error: question is empty (QUESTION)"),
    ("   \t ", "Error: question is empty (QUESTION)"),
    ("x" * (MAX_CHARACTERS + 1),
     f"Error: the question is {MAX_CHARACTERS + 1} characters long, more than the {MAX_CHARACTERS} accepted "
     "(QUESTION)"),
    ("Is ALS\x07 painless?", "Error: the question has a control character (U+0007) at character 7; write the "
     "question as plain text (QUESTION)"),
    (" ?! ", "Error: the question has no words: '?!' (QUESTION)"),
], ids=["empty", "whitespace", "too-long", "control-character", "no-words"])
def test_bad_question_exits_2_with_one_line_and_nothing_else(question: str, message: str) -> None:
    result = CliRunner().invoke(cli, ["ask", question, "--no-supplement"])
    assert (result.exit_code, result.output) == (2, message + "\n")


def test_ask_command_text_and_json_are_stable() -> None:
    runner = CliRunner()
    text = runner.invoke(cli, ["ask", "Does ALS cause pain?", "--no-supplement"])
    assert text.exit_code == 0
    assert text.output == (
        "Understood: amyotrophic lateral sclerosis · has clinical feature · pain\n"
        "Partly: amyotrophic lateral sclerosis has clinical feature pain (some patients).\n"
        '  - "It primarily causes muscle weakness, but some patients experience pain."\n'
        "    [document 004]\n")
    assert text.output == runner.invoke(cli, ["ask", "Does ALS cause pain?", "--no-supplement"]).output
    document = json.loads(runner.invoke(cli, ["ask", "Does ALS cause pain?", "--format", "json",
                                              "--no-supplement"]).output)
    assert (document["verdict"], document["qualifiers"]) == ("qualified", ["some patients"])
    assert document["understood"]["entities"] == [{"text": "als", "terms": ["kg:ALS"]},
                                                  {"text": "pain", "terms": ["kg:pain"]}]
    claim = document["claims"][0]
    assert (claim["iri"], claim["property"], claim["negative"]) == (
        "src:claim-d004-als-pain", "mnd:hasClinicalFeature", False)
    assert claim["citations"][0]["quote"] == "It primarily causes muscle weakness, but some patients experience pain."
    assert claim["citations"][0]["document"] == "004_d1c810bc7cd72f87.txt"


def test_json_reply_names_every_claim_used(index: ClaimIndex) -> None:
    reply = answer("Is ALS demyelinating?", index)
    document = reply_json(reply, index)
    assert document["verdict"] == "no"
    assert [c["iri"] for c in document["claims"]][:1] == ["kg:als-not-demyelinating-classification"]
    assert any(c["derived"] and c["premises"] for c in document["claims"])


def test_question_words_are_split_as_bm25s_splits_them(index: ClaimIndex) -> None:
    """The index scores words as bm25s.tokenize made them; a question must be split the same way."""
    import bm25s

    from kg.answers.claim_index import STEMMER

    questions = [c["question"] for c in load_cases()]
    expected = bm25s.tokenize(questions, stopwords="en", stemmer=STEMMER, show_progress=False, return_ids=False)
    assert [index.tokens(q) for q in questions] == [list(tokens) for tokens in expected]


def test_cached_index_answers_as_the_built_one(index: ClaimIndex, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.answers.index_cache import load_index

    monkeypatch.setenv("MND_KG_CACHE_DIR", str(tmp_path))
    files = default_graph_files(supplement=False)
    built = load_index(files, lambda: load_reasoned(files).dataset())
    cached = load_index(files, lambda: pytest.fail("the cached index was not used"))
    assert (cached.inverse_names, cached.quote_postings) == (built.inverse_names, built.quote_postings)
    for case in load_cases()[:40]:
        assert format_reply(answer(case["question"], cached), cached) == \
            format_reply(answer(case["question"], built), built) == \
            format_reply(answer(case["question"], index), index)


def _front_page(index: ClaimIndex, query_string: str) -> tuple[str, str]:
    from kg.answers.ask import ask_html
    from kg.serve.app import make_app
    from kg.serve.engine import Engine
    from kg.serve.schedule import Lanes
    from kg.sparql.limits import Limits

    unstarted = Engine("oxigraph", Path("/nonexistent"), Path("/nonexistent/log"), 5.0, 100)  # the box asks none
    app = make_app([], Lanes(unstarted, unstarted), Limits(5.0, 100),
                   lambda q: ask_html(q, index, dict, lambda: pytest.fail("no saved query runs")))
    status: list[str] = []
    body = b"".join(app({"PATH_INFO": "/", "REQUEST_METHOD": "GET", "QUERY_STRING": query_string},
                        lambda s, headers: status.append(s)))
    return status[0], body.decode("utf-8")


def test_front_page_question_box_answers_as_kg_ask(index: ClaimIndex) -> None:
    status, page = _front_page(index, "q=Does+ALS+cause+pain%3F")
    assert status == "200 OK"
    assert ('<p class="verdict qualified">Partly: amyotrophic lateral sclerosis has clinical feature pain '
            "(some patients).</p>") in page
    assert '"It primarily causes muscle weakness, but some patients experience pain." [document 004]' in page
    assert 'value="Does ALS cause pain?"' in page


def test_front_page_question_box_refuses_an_empty_question(index: ClaimIndex) -> None:
    status, page = _front_page(index, "q=++")
    assert status == "400 Bad Request"
    assert '<p class="error">Error: question is empty (QUESTION)</p>' in page


def test_an_open_question_the_documents_ask_is_answered_by_its_saved_query() -> None:
    """Document 003's own question: the treatments query lists what the documents say (and, by default, the
    supplement); a yes/no question of the documents still gets its verdict from the cited claims."""
    runner = CliRunner()
    question = "What is the primary treatment for Amyotrophic Lateral Sclerosis (ALS)?"
    output = " ".join(runner.invoke(cli, ["ask", question, "--no-supplement"]).output.split())
    assert output.startswith("Understood: a question the documents ask, answered by the saved query treatments")
    assert "treatment or care: symptom management; from the documents" in output
    painless = runner.invoke(cli, ["ask", "Is ALS painless?", "--no-supplement"]).output
    assert painless.splitlines()[1].startswith("Not entirely: amyotrophic lateral sclerosis has clinical feature pain")


def test_what_an_entity_is_names_its_groups_asserted_before_derived(index: ClaimIndex) -> None:
    """'What is SMA?' names no relation: the groups the statements put SMA in, a hedge kept beside its group."""
    assert answer("What is SMA?", index).sentence == (
        "spinal muscular atrophy is a genetic disease, non-demyelinating disease, motor neuron disease (derived), "
        "neurodegenerative disease (derived). spinal muscular atrophy is not a demyelinating disease, muscular "
        "dystrophy (derived).")
    assert "neuromuscular disorder (traditionally)" in answer("What is ALS?", index).sentence


def test_a_relation_asked_matches_any_link_of_an_n_ary_statement(index: ClaimIndex) -> None:
    """'SMA treatment can slow progression ... especially with early intervention' is one statement with an
    intervention, outcomes and a condition: 'treatment' (a label of mnd:intervention) asks about all of it."""
    reply = answer("Does treatment slow the progression of spinal muscular atrophy?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: SMA treatment can slow progression and improve symptoms, especially with early intervention.")


def test_only_a_question_of_what_something_is_gets_its_groups(index: ClaimIndex) -> None:
    assert answer("Define SMA", index).sentence.startswith("spinal muscular atrophy is a genetic disease")
    assert answer("How long can someone live with ALS?", index).sentence.startswith(
        "amyotrophic lateral sclerosis has figure: ALS typical survival: 3-5 years after diagnosis")


def test_a_list_question_gets_every_value_grouped_and_the_widest_sentences_first(index: ClaimIndex) -> None:
    """Every value of the relation asked, the most cited first, qualifiers kept, the negative property apart; the
    sentences naming most of the values support it. 'nerve cells' and 'damage' both name mnd:affectsNeuron."""
    reply = answer("What nerve cells does amyotrophic lateral sclerosis damage?", index)
    assert reply.sentence == (
        "amyotrophic lateral sclerosis affects neuron: motor neurons, lower motor neurons, upper motor neurons.")
    assert support(reply, index)[0][0].quote == (
        "ALS involves degeneration of both upper and lower motor neurons in the brain and spinal cord along the "
        "corticospinal tracts, making it primarily a motor neuron disease rather than a primary muscle disorder")
    affected = answer("What does ALS affect?", index).sentence
    assert affected.startswith("amyotrophic lateral sclerosis affects neuron: motor neurons, lower motor neurons, "
                               "upper motor neurons. amyotrophic lateral sclerosis affects structure: axons,")
    assert affected.endswith("amyotrophic lateral sclerosis does not primarily affect: myelin sheath, skeletal "
                             "muscles.")
    assert "cognitive impairment (up to 40% of patients)" in answer("What are the signs of ALS?", index).full


def test_a_relation_word_naming_several_properties_shows_the_one_answered(index: ClaimIndex) -> None:
    """'cause' names mnd:hasClinicalFeature (ALS causes pain), mnd:hasSecondaryPathology (ALS causes demyelination,
    secondary to its axonal degeneration), mnd:hasCausalGene (SMN1 causes SMA) and mnd:dueTo (glutamate
    excitotoxicity causes calcium influx): the understood line names the one the answer's statements state."""
    reply = answer("Does ALS cause pain?", index)
    assert {t.rsplit("#", 1)[-1] for m in reply.reading.relations for t in m.terms} == {
        "hasClinicalFeature", "hasSecondaryPathology", "hasCausalGene", "dueTo"}
    assert format_reply(reply, index).splitlines()[0] == (
        "Understood: amyotrophic lateral sclerosis · has clinical feature · pain")
    assert answer("What causes SMA?", index).sentence.startswith("spinal muscular atrophy has causal gene: SMN1.")


def test_a_relation_word_read_both_ways_is_read_from_where_the_entity_stands(index: ClaimIndex) -> None:
    """'cause' reads mnd:hasCausalGene from object to subject (mnd:inverseAltLabel: SMN1 causes SMA): with the
    entity only after it, the question asks what causes the entity; only before it, what the entity causes; of
    the two properties, the one with statements placing the entity (or a subtype) there."""
    causes = answer("What causes ALS?", index)
    assert {t.rsplit("#", 1)[-1] for m in causes.reading.relations for t in m.terms} == {"hasCausalGene", "dueTo"}
    assert causes.sentence == "familial amyotrophic lateral sclerosis has causal gene: C9orf72, FUS, SOD1, TARDBP."
    caused = answer("What does ALS cause?", index)
    assert {t.rsplit("#", 1)[-1] for m in caused.reading.relations for t in m.terms} == {
        "hasClinicalFeature", "hasSecondaryPathology"}
    assert caused.sentence.startswith("amyotrophic lateral sclerosis has clinical feature: muscle atrophy, ")
    assert answer("What causes muscle weakness?", index).sentence == (
        "has clinical feature muscle weakness: amyotrophic lateral sclerosis, muscular dystrophy, spinal muscular "
        "atrophy.")
    assert answer("What does SMN1 cause?", index).sentence.startswith(
        "has causal gene SMN1: spinal muscular atrophy, spinal muscular atrophy type 1 (derived), ")
    both = answer("Does SMN1 cause SMA?", index)
    assert {t.rsplit("#", 1)[-1] for m in both.reading.relations for t in m.terms} == {
        "hasClinicalFeature", "hasSecondaryPathology", "hasCausalGene", "dueTo"}
    assert both.verdict == "yes"


def test_a_list_of_a_relation_the_entity_lacks_comes_from_its_subtypes(index: ClaimIndex) -> None:
    """The documents name ALS's genes for familial ALS (a subtype of ALS): the list says so."""
    reply = answer("What genes cause ALS?", index)
    assert reply.sentence == "familial amyotrophic lateral sclerosis has causal gene: C9orf72, FUS, SOD1, TARDBP."
    assert format_reply(reply, index).splitlines()[0] == (
        "Understood: amyotrophic lateral sclerosis · has causal gene")


def test_a_yes_or_no_needs_every_word_named_by_the_values_it_rests_on(index: ClaimIndex) -> None:
    """ALS has hedged statements of what it affects, none about sensation: the documents don't say; 'dementia'
    narrows ALS's clinical features to frontotemporal dementia."""
    assert answer("Does ALS affect sensation?", index).verdict == "unstated"
    assert answer("Does ALS cause dementia?", index).sentence == (
        "Partly: amyotrophic lateral sclerosis has clinical feature frontotemporal dementia (some patients).")


def test_how_common_a_subtype_is_comes_from_the_share_counting_it(index: ClaimIndex) -> None:
    """'how common' names mnd:countsCasesOf too: the figure counting bulbar-onset ALS among ALS cases answers."""
    assert answer("How common is bulbar-onset ALS?", index).sentence.startswith(
        "share of ALS patients with bulbar onset: 25-35%.")


def test_a_share_asked_with_another_relation_is_the_figure_counting_what_has_it(index: ClaimIndex) -> None:
    """'hereditary' names mnd:hasInheritancePattern: of ALS's figures, the share counting familial ALS (which has an
    inheritance pattern) answers; not sporadic ALS's (its pattern is a mnd:negativeValue), nor every figure."""
    reply = answer("What percentage of ALS is hereditary?", index)
    assert (reply.verdict, reply.sentence) == ("answer", "amyotrophic lateral sclerosis has figure: share of ALS "
                                                         "cases that are familial (genetic factors present): 5-10%.")
    assert [detail.quote for detail, _ in support(reply, index)] == [
        "Genetic factors are present in 5-10% of cases (familial ALS), with common causal genes including C9orf72, "
        "SOD1, FUS, and TARDBP"]


@pytest.mark.parametrize("question", ["What is the life expectancy of someone with SMA?",
                                      "How long do people with SMA live?", "What is the survival of SMA patients?"])
def test_a_kind_of_figure_the_disease_lacks_is_answered_by_the_value_naming_it(index: ClaimIndex,
                                                                              question: str) -> None:
    """'life expectancy', 'how long they live' and 'survival' name mnd:MeanSurvival and mnd:TypicalSurvival (their
    skos:altLabel): SMA has no such figure, but a value holding a name of the kind ('longer lifespan') answers, with
    its sentence; not 'quality of life' nor SMN1's gene name ('survival motor neuron 1')."""
    reply = answer(question, index)
    assert (reply.verdict, understood(reply, index)) == (
        "answer", "spinal muscular atrophy · mean survival / typical survival")
    assert support(reply, index)[0][0].quote == (
        "While SMA can also lead to severe physical disabilities, its course is more variable, and some forms are "
        "compatible with a longer lifespan.")


def test_a_kind_of_figure_asked_gets_the_figures_of_that_kind(index: ClaimIndex) -> None:
    """'how long they live' names mean and typical survival: ALS's figures of those kinds, not its other figures."""
    assert answer("How long do people with ALS live?", index).sentence == (
        "amyotrophic lateral sclerosis has figure: ALS typical survival: 3-5 years after diagnosis (varies; some live "
        "longer), mean survival in ALS: typically 3-5 years after symptom onset, ALS mean survival: 3-5 years "
        "(origin not stated).")


@pytest.mark.parametrize(("question", "verdict"), [
    ("Are men more likely to get ALS?", "qualified"), ("Is ALS more common in men?", "qualified"),
    ("Are men more likely to get SMA?", "unstated"),  # the risk group is ALS's
    ("Are adults more likely to get ALS?", "unstated"),  # adulthood is ALS's onset, not a predominance
])
def test_a_relation_two_steps_away_answers_through_the_thing_between(index: ClaimIndex, question: str,
                                                                     verdict: str) -> None:
    """'more likely' names mnd:predominantSex (its skos:altLabel): ALS has a risk group, whose predominant sex is
    male, slightly; both statements answer, the qualifier carried."""
    reply = answer(question, index)
    assert reply.verdict == verdict
    if verdict == "qualified":
        assert reply.qualifiers == ("slight",)
        assert support(reply, index)[0][0].quote == (
            "Adults, typically between 40-70 years old, with a slight male predominance.")


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Which SMA type is the mildest?", "answer",
     "spinal muscular atrophy type 4: severity rank 4, the mildest of the ranks stated."),
    ("What is the most severe type of SMA?", "answer",
     "spinal muscular atrophy type 1: severity rank 1, the most severe of the ranks stated."),
    ("Which form of ALS is the mildest?", "unstated", "The documents don't say this: Which form of ALS is the "
                                                      "mildest?"),  # no ALS form is ranked
])
def test_a_word_naming_the_first_or_last_rank_answers_with_that_subtype(index: ClaimIndex, question: str,
                                                                        verdict: str, sentence: str) -> None:
    """mnd:firstRankLabel ('most severe') and mnd:lastRankLabel ('mildest') on mnd:severityRank: the subtype of
    the lowest or highest rank stated, cited by 'Type 1 (most severe) to Type 4 (least severe)'."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)


def test_a_feature_of_names_the_clinical_feature_relation(index: ClaimIndex) -> None:
    """'feature of' is an altLabel of mnd:hasClinicalFeature: it was read as no relation, so the documents said
    nothing of spasticity in ALS."""
    assert answer("Is spasticity a feature of ALS?", index).sentence == (
        "Yes: amyotrophic lateral sclerosis has clinical feature spasticity.")
    assert answer("Is spasticity a feature of SMA?", index).verdict == "unstated"


def test_how_common_lists_the_figures_of_the_kinds_it_names(index: ClaimIndex) -> None:
    """'how common' names mnd:AnnualIncidence and mnd:ShareOfCases (skos:altLabel): ALS's incidence and shares of
    cases, not its survival or its reported co-occurrence count."""
    assert answer("How common is ALS?", index).sentence == (
        "amyotrophic lateral sclerosis has figure: ALS share of motor neuron disease cases: approximately 85%, annual "
        "incidence of ALS: 1-2 per 100,000 people, share of ALS cases that are sporadic: 85-90%, share of ALS cases "
        "that are familial (genetic factors present): 5-10%, share of ALS patients with bulbar onset: 25-35%.")


def test_involved_in_names_the_molecular_feature(index: ClaimIndex) -> None:
    """'involved in' is an altLabel of mnd:hasMolecularFeature too: TDP-43 deposits were unreachable by it."""
    assert answer("Is TDP-43 involved in ALS?", index).sentence == (
        "Yes: amyotrophic lateral sclerosis has molecular feature TDP-43 protein deposits in the cytoplasm of motor "
        "neurons.")
    assert answer("Is TDP-43 involved in SMA?", index).verdict == "unstated"


def test_how_many_subtypes_lists_them_when_no_figure_counts_them(index: ClaimIndex) -> None:
    """'how many' names the figure relations, which SMA's subtypes have none of: the subtypes are listed (it was
    one of them, type 2, alone)."""
    assert answer("How many types of SMA are there?", index).sentence == (
        "subtype of spinal muscular atrophy: spinal muscular atrophy type 1, spinal muscular atrophy type 2, spinal "
        "muscular atrophy type 3, spinal muscular atrophy type 4.")


def test_how_many_kinds_lists_the_subtypes_not_the_shares_of_some(index: ClaimIndex) -> None:
    """ALS has shares counting some of its subtypes; "how many kinds" asks for the kinds (it listed the shares)."""
    assert answer("How many kinds of ALS are there?", index).sentence.startswith(
        "subtype of amyotrophic lateral sclerosis: bulbar-onset amyotrophic lateral sclerosis, classical amyotrophic "
        "lateral sclerosis, familial amyotrophic lateral sclerosis, limb-onset")


def test_a_group_answers_the_relation_its_definition_restricts(index: ClaimIndex) -> None:
    """mnd:DemyelinatingDisease is defined by mnd:hasPrimaryPathology: 'primarily demyelinating' is answered by
    ALS's classification; 'the most common motor neuron disease' is not answered by SMA being one."""
    assert answer("Is ALS primarily demyelinating?", index).verdict == "no"
    assert answer("Is ALS the most common motor neuron disease?", index).sentence == (
        "Yes: amyotrophic lateral sclerosis most common form of motor neuron disease.")


def test_two_diseases_compared_by_what_links_them_and_what_kind_each_is(index: ClaimIndex) -> None:
    """'How does SMA differ from muscular dystrophy?': no statement links the two; each one's groups, and that
    SMA is not of muscular dystrophy's kind (derived), come from both diseases' statements."""
    assert answer("How does SMA differ from muscular dystrophy?", index).sentence == (
        "spinal muscular atrophy is a genetic disease, non-demyelinating disease, motor neuron disease (derived), "
        "neurodegenerative disease (derived). spinal muscular atrophy is not a muscular dystrophy (derived). "
        "muscular dystrophy is a genetic disease (derived), neuromuscular disorder (derived), non-demyelinating "
        "disease (derived).")


def test_a_kind_of_pathology_names_the_primary_pathologies_of_that_kind(index: ClaimIndex) -> None:
    """'axonal degeneration' (mnd:AxonalDegeneration) names the processes of that kind that are a disease's
    or secondary pathology: ALS's axonal degeneration is primary; its demyelination secondary, so it is no disease
    of demyelination (its secondary pathology is no primary one: no), yet demyelination is seen in ALS."""
    reply = answer("Is ALS a disease of axonal degeneration?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: amyotrophic lateral sclerosis has primary pathology progressive degeneration and death of motor "
               "neurons and their axons (ALS).")
    assert format_reply(reply, index, width=200).splitlines()[0] == (
        "Understood: amyotrophic lateral sclerosis · progressive degeneration and death of motor neurons and their "
        "axons (ALS)")
    assert answer("Is ALS a disease of demyelination?", index).verdict == "no"
    # "primary pathology" (mnd:PrimaryPathology) stays the relation's name: it was a Yes about ALS's own; its
    # demyelination is secondary, so no primary pathology
    assert answer("Is demyelination the primary pathology of ALS?", index).verdict == "no"
    assert answer("Is ALS a muscle disease?", index).verdict == "unstated"  # what kind ALS is: no claim says
    assert answer("Is MS an axonal disease?", index).verdict == "unstated"
    # its claims say how: "secondary to the primary axonal degeneration" (mnd:contextNote), so only partly
    assert answer("Is demyelination seen in ALS?", index).sentence == (
        "Partly: amyotrophic lateral sclerosis has secondary pathology demyelination secondary to axonal degeneration "
        "(ALS) (secondary to the primary axonal degeneration).")


def test_a_statement_of_a_subtype_answers_partly_and_names_the_subtype(index: ClaimIndex) -> None:
    """The documents name C9orf72 as a causal gene of familial ALS, a subtype of ALS: partly, for it."""
    reply = answer("Is C9orf72 linked to ALS?", index)
    assert (reply.verdict, reply.sentence) == (
        "qualified", "Partly, for familial amyotrophic lateral sclerosis: familial amyotrophic lateral sclerosis has "
                     "causal gene C9orf72.")
    assert answer("Is SMN1 linked to ALS?", index).verdict == "unstated"


@pytest.mark.parametrize("question", ["Is ALS the same as SMA?", "Are ALS and SMA similar?"])
def test_two_diseases_compared_in_a_yes_or_no_question_get_the_comparison_and_no_verdict(
        index: ClaimIndex, question: str) -> None:
    """'ALS shares hallmark with SMA' does not make them the same (it was answered Yes): the comparison, no verdict."""
    reply = answer(question, index)
    assert reply.verdict == "answer"
    assert reply.sentence.startswith("amyotrophic lateral sclerosis shares hallmark with spinal muscular atrophy. "
                                     "amyotrophic lateral sclerosis is a motor neuron disease,")


def test_question_frame_that_narrows_keeps_a_yes_from_statements_that_do_not_name_it(index: ClaimIndex) -> None:
    """'children' names nothing in the graph, yet 'Does ALS affect children?' is not answered by what ALS affects
    (it was 'Partly: ALS does not primarily affect myelin sheath; ...')."""
    assert answer("Does ALS affect children?", index).verdict == "unstated"
    assert answer("Can SMA be tested for before it is born?", index).sentence == (
        "Yes: spinal muscular atrophy has diagnostic test genetic testing during pregnancy.")
    # "a baby" names infancy (SMA's onset), which the statement about prenatal testing accounts for only by its name
    # "unborn baby"
    assert answer("Can a baby be tested for SMA before it is born?", index).verdict == "yes"
    assert answer("Can a baby be tested for SMA after birth?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does ALS affect UMNs?", "yes"), ("Is fALS genetic?", "yes"), ("Is CK elevated in MD?", "yes")])
def test_clinical_abbreviations_are_names_in_the_graph(index: ClaimIndex, question: str, verdict: str) -> None:
    """UMN, fALS, CK and MD are skos:altLabels of the entities they abbreviate."""
    reply = answer(question, index)
    assert (reply.verdict, reply.reading.unknown) == (verdict, ())


def test_a_question_naming_one_entity_is_answered_by_the_claim_whose_value_its_words_name(
        index: ClaimIndex) -> None:
    """No relation named: the entity's own claims whose values name every other word answer ("variable":
    SMA's variable course); none, the documents don't say ("rare"). A negative value so named is asked, not
    denied ("sporadic"). A list question naming a relation the entity has no statement of is unstated."""
    assert answer("Is the course of SMA variable?", index).sentence == (
        "Yes: spinal muscular atrophy has clinical feature variable course and severity, dependent on type.")
    assert answer("Is ALS rare?", index).verdict == "unstated"
    sporadic = answer("Is ALS sporadic?", index)
    assert (sporadic.verdict, sporadic.qualifiers) == ("qualified", ("most ALS cases",))
    assert answer("How is MS diagnosed?", index).verdict == "unstated"


def test_a_thing_asked_of_two_diseases_needs_a_statement_about_each(index: ClaimIndex) -> None:
    """'Is pain shared by ALS and SMA?': ALS has pain (some patients), SMA has no statement of it, so the
    documents don't say (it was 'Partly: ALS has pain'); neuroinflammation is a hallmark of both."""
    assert answer("Is pain shared by ALS and SMA?", index).verdict == "unstated"
    assert answer("Is neuroinflammation shared by ALS and SMA?", index).sentence == (
        "Yes: amyotrophic lateral sclerosis has pathological hallmark inflammation; spinal muscular atrophy has "
        "pathological hallmark inflammation.")
    assert answer("Are ALS and SMA both motor neuron diseases?", index).sentence.endswith(
        "; spinal muscular atrophy is a motor neuron disease (derived).")


def test_a_list_of_what_has_the_entity_as_value_and_a_kind_question(index: ClaimIndex) -> None:
    """'What are the types of SMA?' lists the subjects of 'subtype of SMA', derived ones marked; 'What kind of
    disease is MS?' asks what MS is."""
    assert answer("What are the types of SMA?", index).sentence == (
        "subtype of spinal muscular atrophy: spinal muscular atrophy type 1, spinal muscular atrophy type 2, spinal "
        "muscular atrophy type 3, spinal muscular atrophy type 4.")
    assert "spinal muscular atrophy type 1 (derived)" in answer("Which diseases have SMN1 as causal gene?",
                                                                index).sentence
    assert answer("What kind of disease is MS?", index).sentence.startswith(
        "multiple sclerosis is a demyelinating disease.")


def test_two_values_of_one_n_ary_statement_are_linked_by_it(index: ClaimIndex) -> None:
    """The treatment effect links SMA's treatment to improved symptoms: 'Can SMA treatment improve symptoms?'."""
    reply = answer("Can SMA treatment improve symptoms?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: SMA treatment can slow progression and improve symptoms, especially with early intervention.")


@pytest.mark.parametrize(("question", "sentence"), [
    ("What does ALS not affect?",
     "amyotrophic lateral sclerosis does not primarily affect: myelin sheath, skeletal muscles."),
    ("What symptoms does SMA not cause?",
     "spinal muscular atrophy does not typically have: cognitive impairment, sensory loss."),
    # each claim's own hedge: "Usually lacks the upper motor neuron signs (hyperreflexia, spasticity)"
    ("What signs does muscular dystrophy lack?", "muscular dystrophy does not typically have: hyperreflexia "
                                                 "(usually), spasticity (usually).")])
def test_a_list_asked_in_the_negative_lists_what_the_statements_deny(index: ClaimIndex, question: str,
                                                                     sentence: str) -> None:
    assert answer(question, index).sentence == sentence


def test_a_long_list_names_ten_values_a_group_and_every_one_with_all(index: ClaimIndex) -> None:
    """The default answer fits on a screen: ALS's 24 clinical features are shown ten and a count; --all (and
    --json) give every one."""
    reply = answer("What are the signs of ALS?", index)
    assert reply.sentence.endswith(" and 14 more (--all).")
    assert reply.full.endswith("respiratory muscle weakness.")
    assert format_reply(reply, index, every=True).count("(--all)") == 0
    assert reply_json(reply, index)["answer"] == reply.full


def test_a_name_ending_in_y_is_found_in_the_plural_and_back(index: ClaimIndex) -> None:
    """'disease-modifying therapy' names 'disease-modifying therapies' (the graph's altLabel)."""
    assert answer("Is ALS treated with disease-modifying therapy?", index).verdict == "no"


def test_a_relation_the_entity_is_the_value_of_answers_whether_there_are_any(index: ClaimIndex) -> None:
    """'Are there different types of SMA?': SMA is the value of 'subtype of' (one entity: 'different' compares
    nothing); 'Is SMA a subtype?' asks what SMA is, and no statement says it is a subtype."""
    reply = answer("Are there different types of SMA?", index)
    assert reply.verdict == "yes"
    assert reply.sentence.startswith("Yes: subtype of spinal muscular atrophy: spinal muscular atrophy type ")
    assert answer("Is SMA a subtype?", index).verdict == "unstated"


def test_a_statements_cited_sentences_are_shown_best_first_for_the_question(index: ClaimIndex) -> None:
    """One figure, two cited sentences: the one bm25s scores higher for the question comes first, whatever
    their IRIs' order."""
    text = format_reply(answer("What is the annual incidence of ALS?", index), index, width=200).splitlines()
    assert text[3:5] == [
        '  - "Annual incidence: 1-2 per 100,000 people" [document 003, reference 2]',
        '  - "The majority of ALS cases (85-90%) are sporadic, with an annual incidence of 1-2 per 100,000 people" '
        '[document 002, reference 1]']
    cure = format_reply(answer("Is there a cure for ALS?", index), index, width=200).splitlines()
    assert cure[2] == '  - "There is no cure for ALS; treatment focuses on symptom management." [document 004]'


def test_a_hedged_denial_is_decided_by_each_claims_own_sentence(index: ClaimIndex) -> None:
    """One negative property, three sentences: "Usually lacks the upper motor neuron signs" licenses only "Not
    usually" (and "Usually" to the question asked in the negative); "No, SMA does not typically affect cognitive
    functions." and "without sensory loss" license a plain no."""
    lacks = answer("Does muscular dystrophy cause hyperreflexia?", index)
    assert (lacks.verdict, lacks.sentence) == (
        "qualified", "Not usually: muscular dystrophy does not typically have hyperreflexia.")
    assert answer("Does muscular dystrophy lack spasticity?", index).sentence == (
        "Usually: muscular dystrophy does not typically have spasticity.")
    assert answer("Does SMA affect cognitive abilities?", index).verdict == "no"
    assert answer("Does SMA cause sensory loss?", index).verdict == "no"


@pytest.mark.parametrize("question", ["Does ALS involve demyelination?", "Does ALS cause demyelination?",
                                      "Is there any demyelination in ALS?"])
def test_a_secondary_pathology_is_a_qualified_yes_citing_its_sentence(index: ClaimIndex, question: str) -> None:
    """Document 001: "any demyelination seen is secondary to the primary axonal degeneration": "involve" (a word
    asking whether two things go together) and "cause" reach the secondary pathology, and the answer says how."""
    reply = answer(question, index)
    assert reply.verdict == "qualified"
    assert "secondary to the primary axonal degeneration" in format_reply(reply, index, width=200)


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is SMA a recessive genetic disorder?", "yes"),  # "Yes, it's an autosomal recessive genetic disorder."
    ("Is ALS a progressive neurodegenerative disease?", "yes"),  # "A progressive neurodegenerative disease ..."
    ("Is SMA a progressive genetic disorder?", "unstated"),  # "A genetic disorder causing progressive weakness"
    ("Is ALS a rare neurodegenerative disease?", "unstated"),
    ("Is MS an autoimmune demyelinating disease?", "unknown-entity")])
def test_a_word_beside_a_kind_must_be_said_of_that_kind(index: ClaimIndex, question: str, verdict: str) -> None:
    """"Is X a <word> <kind>?": yes only when a sentence cited for X's kind puts the word right before the kind's
    name; a word the sentence says of something else, or not at all, is not dropped."""
    assert answer(question, index).verdict == verdict


def test_a_verb_for_a_process_names_the_process(index: ClaimIndex) -> None:
    """'destroy myelin' names myelin destruction (document 001: "rather than primary myelin destruction"), a
    demyelination: MS's is its primary pathology, ALS's only secondary."""
    reply = answer("Does MS destroy myelin?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: multiple sclerosis has primary pathology widespread focal degradation of the myelin sheath (MS).")
    assert answer("Does ALS destroy myelin?", index).verdict == "qualified"


@pytest.mark.parametrize("question", ["Is MS autoimmune?", "Is ALS contagious?", "Does exercise help ALS?"])
def test_a_word_the_documents_never_use_gets_no_verdict(index: ClaimIndex, question: str) -> None:
    assert answer(question, index).verdict in ("unstated", "unknown-entity")


@pytest.mark.parametrize(("question", "signs"), [
    ("What are the lower motor neuron signs of ALS?", ["muscle atrophy in ALS", "muscle fasciculations in ALS",
                                                       "muscle weakness in ALS"]),
    ("Which upper motor neuron signs does ALS have?", ["hyperreflexia in ALS", "spasticity in ALS"])])
def test_a_kind_of_sign_asked_of_a_disease_lists_its_signs_of_that_kind(index: ClaimIndex, question: str,
                                                                         signs: list[str]) -> None:
    """Document 003 lists ALS's signs under "Upper motor neuron signs" and "Lower motor neuron signs"; the
    reasoner derives each of ALS's own signs a sign of that kind: all of them, not the best-ranked one."""
    reply = answer(question, index)
    assert reply.verdict == "answer"
    assert all(sign in reply.sentence for sign in signs)


@pytest.mark.parametrize(("question", "verdict", "start"), [
    ("Is genetic testing used for muscular dystrophy?", "yes",
     "Yes: muscular dystrophy has diagnostic test genetic testing."),  # "Genetic testing for specific ... genes"
    ("Do people with ALS become paralyzed?", "yes", "Yes: amyotrophic lateral sclerosis has clinical feature "
                                                     "paralysis."),  # "can lead to total paralysis"
    ("Is type 4 SMA the worst?", "no", "No: spinal muscular atrophy type 1 is the worst")])  # "Type 1 (most severe)"
def test_lay_words_reach_the_graphs_names(index: ClaimIndex, question: str, verdict: str, start: str) -> None:
    """'used for' names a diagnostic test as well as a treatment, 'paralyzed' paralysis, 'worst' the first of a
    severity rank: altLabels in the graph, each no more general than its sentence."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence.startswith(start)) == (verdict, True)


@pytest.mark.parametrize(("question", "corrections"), [
    ("Is multiple sclerosys a demyelinating disease?", (("sclerosys", "sclerosis"),)),
    ("Is spinal muscler atrofy inherited?", (("muscler", "muscular"), ("atrofy", "atrophy")))])
def test_a_typo_is_read_as_the_word_that_makes_a_name_with_its_neighbour(index: ClaimIndex, question: str,
                                                                          corrections: tuple[str, ...]) -> None:
    """A misspelt word too far from any name word to be clearly meant alone ("sclerosys", which the stemmer even
    reads as "sclerosis"'s stem; "muscler", closer to "muscles") is read as the one word that makes a name of the
    graph with the word beside it; the correction is shown."""
    reply = answer(question, index)
    assert (reply.reading.corrections, reply.verdict) == (corrections, "yes")


ICD_11_SEPARATE = ("The International Classification of Diseases (ICD-11) appropriately designates motor neuron "
                   "diseases as a separate category from muscular dystrophies")


@pytest.mark.parametrize("question", [
    "Are motor neuron diseases separate from muscular dystrophies in ICD-11?",
    "Does ICD-11 separate motor neuron diseases from muscular dystrophies?",
    "Isn't motor neuron disease a separate category from muscular dystrophy in ICD 11?"])
def test_a_classification_says_separate_by_its_part_rather_than(index: ClaimIndex, question: str) -> None:
    """'separate from' names mnd:ratherThan (a negative of mnd:asCategory): the ICD-11 classification statement
    answers by its part 'rather than muscular dystrophy', a yes, not by its part 'in classification system ICD-11',
    which, turned by the negative relation asked, said a wrong No."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: ICD-11 designates motor neuron diseases as a separate category from muscular dystrophies.")
    assert support(reply, index)[0][0].quote == ICD_11_SEPARATE


def test_a_classification_part_of_another_value_says_nothing_of_the_one_asked(index: ClaimIndex) -> None:
    """Consensus classifies ALS 'as a neurodegenerative disorder rather than a muscular dystrophy': asked whether ALS
    is separate from muscular dystrophy, the part 'as category neurodegenerative disease' (a yes to another value)
    does not turn the yes into a 'Partly'."""
    reply = answer("Does current medical consensus classify ALS separately from muscular dystrophy?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: current medical consensus classifies ALS as a neurodegenerative disorder rather than a muscular "
               "dystrophy.")


def test_a_share_under_all_answers_partly_unless_its_figures_are_asked(index: ClaimIndex) -> None:
    """Documents 002 and 003: "only 5-10% living longer than 10 years" (mnd:frequencyNote "only 5-10%"): no plain
    yes to whether ALS patients live 10 years; asked with its own figures, a yes."""
    reply = answer("Do ALS patients live 10 years?", index)
    assert (reply.verdict, reply.sentence) == (
        "qualified", "Partly: amyotrophic lateral sclerosis has figure share of ALS patients living longer than 10 "
                     "years: only 5-10%.")
    assert answer("Do 5-10% of ALS patients live longer than 10 years?", index).verdict == "yes"


def test_which_diseases_have_a_thing_lists_each_and_each_said_not_to(index: ClaimIndex) -> None:
    """"Which diseases have hyperreflexia?" names no relation: every disease with it as a value, grouped by
    relation; not only the best-ranked statement (it was muscular dystrophy's denial alone)."""
    assert answer("Which diseases have hyperreflexia?", index).sentence == (
        "has clinical feature hyperreflexia: amyotrophic lateral sclerosis. does not typically have hyperreflexia: "
        "muscular dystrophy (usually).")


def test_what_a_thing_is_used_for_includes_a_diagnosis(index: ClaimIndex) -> None:
    """"used for" names a treatment; of electromyography, a diagnostic test, the statements about it answer."""
    reply = answer("What is electromyography used for?", index)
    assert (reply.verdict, reply.sentence) == ("answer", "amyotrophic lateral sclerosis has key diagnostic test: "
                                                         "electromyography.")


def test_a_relation_asked_of_two_diseases_compared_is_answered_for_each(index: ClaimIndex) -> None:
    """"Which neurons are affected in ALS vs SMA?" compares, yet asks a relation of each: each disease's answer
    (it was ALS's alone); a yes/no comparison ("Is ALS worse than SMA?") still gives no verdict."""
    reply = answer("Which neurons are affected in ALS vs SMA?", index)
    assert (reply.verdict, reply.sentence) == (
        "answer", "amyotrophic lateral sclerosis: ALS, Affected Neurons: Upper and lower motor neurons. spinal "
                  "muscular atrophy: SMA, Affected Neurons: Mainly lower motor neurons.")
    assert answer("Is ALS worse than SMA?", index).verdict == "unstated"


def test_a_secondary_pathology_of_ms_is_named_as_its_sentence_names_it(index: ClaimIndex) -> None:
    """Document 001: "In MS, demyelination is the initial insult, with axonal injury being variable and
    secondary": 'axonal injury' names it, and the answer is partly so, saying how."""
    reply = answer("Does MS involve axonal injury?", index)
    assert reply.verdict == "qualified"
    assert "variable and secondary" in format_reply(reply, index, width=200)
    assert answer("Is demyelination the initial insult in MS?", index).verdict == "yes"


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is it wrong to treat ALS with immunomodulation?", "yes"),  # it was "No: ... not appropriate"
    ("Is it false that ALS is demyelinating?", "yes"),
    ("Are DMTs inappropriate for SMA?", "yes")])  # "would not be appropriate for ALS or SMA"
def test_a_word_saying_something_is_wrong_or_false_asks_in_the_negative(index: ClaimIndex, question: str,
                                                                          verdict: str) -> None:
    assert answer(question, index).verdict == verdict


def test_words_a_value_denies_ask_the_opposite_of_it(index: ClaimIndex) -> None:
    """Document 003: "85-90% of ALS cases occur without family history" (sporadic ALS, "sporadic (no family
    history)"): asking whether sporadic ALS has a family history names only the words the value denies, so it
    says no (it was a wrong Yes); "sporadic" still names the value itself."""
    reply = answer("Does sporadic ALS have a family history?", index)
    assert reply.verdict == "no"
    assert answer("Is ALS sporadic?", index).verdict == "qualified"


@pytest.mark.parametrize("question", ["Do muscular dystrophy patients have dystrophin?",
                                      "Is dystrophin present in muscular dystrophy?"])
def test_a_protein_is_not_its_gene(index: ClaimIndex, question: str) -> None:
    """Document 002: "particularly the dystrophin gene" (DMD, named "dystrophin gene", no longer "dystrophin") and
    "Reduction or absence of dystrophin": whether dystrophin is there is no yes from its gene causing the disease
    (it was "Yes: muscular dystrophy has causal gene DMD")."""
    assert answer(question, index).verdict == "unstated"


@pytest.mark.parametrize(("question", "sentence"), [
    ("Are some ALS cases familial?", "Yes: amyotrophic lateral sclerosis has inheritance pattern familial (some)."),
    ("Do some ALS patients feel pain?", "Yes: amyotrophic lateral sclerosis has clinical feature pain (some "
                                        "patients)."),
    ("Was ALS traditionally classified as neuromuscular?", "Yes: ALS has traditionally been classified within "
                                                           "neuromuscular disorders.")])
def test_a_hedge_the_question_asks_is_a_yes_that_still_says_it(index: ClaimIndex, question: str,
                                                                sentence: str) -> None:
    """"some are familial", "some patients experience pain", "traditionally": asked in those very words, the
    statement says yes, and the answer keeps the hedge."""
    assert answer(question, index).sentence == sentence


@pytest.mark.parametrize(("question", "verdict", "opening"), [
    ("Is ascending weakness atypical in motor neuron disease?", "yes", "Yes: "),
    ("Is ascending weakness typical of motor neuron disease?", "no", "No: "),
    ("Is ascending sensory disturbance not typical for MND?", "yes", "Yes: ")])
def test_a_hedged_denial_asked_in_its_own_words_is_a_plain_verdict(index: ClaimIndex, question: str, verdict: str,
                                                                   opening: str) -> None:
    """Document 000: "this is atypical for motor neuron disease" (``mnd:atypicalFor``, which denies a clinical
    feature only so far, "typically"). Asked whether it is atypical, the question names the denial itself, and the
    answer is that sentence's plain yes (it was "Mostly: ...", a qualified answer to a question the sentence
    answers exactly)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence[:len(opening)]) == (verdict, opening)


def test_a_share_does_not_qualify_what_kind_a_subtype_is(index: ClaimIndex) -> None:
    """Bulbar-onset ALS is a form of ALS (document 002), whatever its share of patients (25-35%): the share
    qualifies whether ALS begins so, not whether the subtype is one (it was "Partly")."""
    reply = answer("Is bulbar ALS a form of ALS?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: bulbar-onset amyotrophic lateral sclerosis subtype of amyotrophic lateral sclerosis.")


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does SMA spare cognition?", "yes"),  # "No, SMA does not typically affect cognitive functions."
    ("Does SMA spare sensation?", "yes"),  # "without sensory loss"
    ("Is ALS free of pain?", "qualified"),  # "some patients experience pain"
    ("Is SMA non-inherited?", "no")])  # "an autosomal recessive genetic disorder"
def test_spare_free_of_and_non_deny_what_they_name(index: ClaimIndex, question: str, verdict: str) -> None:
    """'spare' no longer names "does not primarily affect" (ALS's muscles atrophy, so it spares them not): like
    'free of' and 'non-', it asks in the negative."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "corrections"), [
    ("Does ALS cuase weakness?", (("cuase", "cause"),)),  # two letters swapped, not "case"
    ("Is ALS inheritted?", (("inheritted", "inherited"),))])  # the stemmer reads it as "inherit": still a typo
def test_a_typo_the_graph_half_knows_is_corrected_to_the_name_word(index: ClaimIndex, question: str,
                                                                    corrections: tuple[str, ...]) -> None:
    assert answer(question, index).reading.corrections == corrections


@pytest.mark.parametrize(("question", "verdict", "opening"), [
    # "typical onset" holds only usually: asked plainly, "Usually"; asked how usual, yes
    ("Does spinal muscular atrophy begin in infancy?", "qualified", "Usually: spinal muscular atrophy typical onset"),
    ("Does ALS usually start in adulthood?", "yes", "Yes: amyotrophic lateral sclerosis typical onset adulthood"),
    # three things named: ALS only "may show" snake eyes ("common MRI findings", "can demonstrate"), whichever two
    # of them the answer links, so no plain yes
    ("Does a spinal MRI in ALS show the snake eyes sign?", "qualified", "Partly: "),
    ("Do people with ALS have a 'snake eyes' look on imaging of the spine?", "qualified", "Partly: "),
    # a step to the thing asked vouches for it, and says no yes: the MS drugs are not appropriate for SMA
    ("Are disease-modifying drugs for MS appropriate for SMA?", "no", "No: disease-modifying therapies"),
    ("Are MS disease-modifying therapies inappropriate for SMA?", "yes", "Yes: disease-modifying therapies"),
    # two relations asked, one denied: MRI is a test for ALS, used to exclude other conditions rather than confirm
    ("Is MRI the test that confirms ALS?", "no", "No: MRI of the brain and spine used mainly to exclude"),
    ("Is MRI not the test that confirms ALS?", "yes", "Yes: MRI of the brain and spine used mainly to exclude"),
])
def test_a_verdict_carries_the_hedges_and_denials_of_what_it_rests_on(index: ClaimIndex, question: str,
                                                                       verdict: str, opening: str) -> None:
    """No plain yes from a relation that holds only usually, from one of three things when another two are linked
    only "may show", or from a step vouching for a thing beside a statement denying what was asked."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence[: len(opening)]) == (verdict, opening)


def test_a_quoted_name_reads_as_the_name() -> None:
    """Quotation marks around a name are no part of its words ("'snake eyes'"), while an apostrophe inside a word
    is ("don't")."""
    assert words("Does ALS show 'snake eyes' on MRI? Patients' don't") == (
        "does", "als", "show", "snake", "eyes", "on", "mri", "patients", "don't")


def test_a_plain_statement_answers_beside_a_hedged_one_of_the_same_thing(index: ClaimIndex) -> None:
    """ALS is "relentlessly progressive" (plainly) and "often" leads to "rapid progression" (hedged): asked whether
    it is progressive, the plain statement answers yes; a hedge of how many ("some patients") is never outweighed."""
    reply = answer("Is Lou Gehrig's disease progressive?", index)
    assert reply.verdict == "yes"
    assert "relentlessly progressive course" in reply.sentence
    assert answer("Does ALS cause pain?", index).verdict == "qualified"  # "some patients": no plain statement


def test_what_a_mechanism_is_is_answered_by_the_sentence_defining_it(index: ClaimIndex) -> None:
    """Document 003 defines each mechanism under its heading ("Oxidative stress: Increased production of reactive
    oxygen species ..."); asked what one is, that claim answers, not the list naming it ("Increased oxidative
    stress")."""
    for question, defined in (("What is oxidative stress?", "reactive oxygen species"),
                              ("What is excitotoxicity?", "Excessive glutamate accumulation"),
                              ("What does apoptosis mean in ALS?", "Programmed cell death")):
        reply = answer(question, index)
        assert reply.verdict == "answer"
        assert any(defined in index.citations[c].quote for c in reply.used[0].statement.citations)


@pytest.mark.parametrize(("question", "sentence", "quote"), [
    ("How does neuroinflammation affect people with Lou Gehrig's disease?",
     "amyotrophic lateral sclerosis involves mechanism: inflammation.",
     "Inflammatory processes: Neuroinflammation contributes to ongoing motor neuron injury"),
    ("What goes wrong with the mitochondria in ALS?",  # named only by a word of "mitochondrial dysfunction"
     "amyotrophic lateral sclerosis involves mechanism: mitochondrial dysfunction.",
     "Mitochondrial dysfunction: Impaired energy production and increased oxidative damage within motor neurons"),
])
def test_how_a_thing_takes_part_in_a_disease_is_answered_by_the_sentence_explaining_it(
        index: ClaimIndex, question: str, sentence: str, quote: str) -> None:
    """Asked how a mechanism takes part in ALS, the claim whose sentence explains it under its heading answers,
    not one merely listing it ("Inflammation") nor another claim ranked higher."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("answer", sentence)
    assert support(reply, index)[0][0].quote == quote


def test_an_answer_saying_more_of_the_thing_asked_is_not_replaced_by_its_explaining_sentence(
        index: ClaimIndex) -> None:
    """What glutamate excitotoxicity causes is answered by what it causes, not by ALS involving it; where the MRI
    signal is most often found, by the sentence saying where ("most frequently in ..."), not by its heading."""
    reply = answer("What does glutamate excitotoxicity cause in ALS?", index)
    assert reply.sentence.startswith("due to glutamate excitotoxicity: calcium influx")
    reply = answer("Where is the abnormal T2/FLAIR signal most frequently found in ALS?", index)
    assert "posterior limb of the internal capsule" in support(reply, index)[0][0].quote


def test_a_kind_named_with_an_example_is_not_read_as_a_thing_whose_long_name_holds_both(index: ClaimIndex) -> None:
    """"demyelinating diseases like MS" is also part of the label of the MS therapies ("disease-modifying therapies
    for demyelinating diseases like MS"): asked which diseases are demyelinating like MS, the kind's members answer."""
    reply = answer("Which diseases are true demyelinating diseases like MS?", index)
    assert format_reply(reply, index, width=200).splitlines()[0] == \
        "Understood: demyelinating disease · multiple sclerosis"
    assert reply.sentence.startswith("Demyelinating disease: acute disseminated encephalomyelitis, Guillain-Barré "
                                     "syndrome, multiple sclerosis, neuromyelitis optica spectrum disorder.")
    assert answer("Are MS disease-modifying therapies appropriate for ALS?", index).verdict == "no"


def test_mostly_one_value_is_no_where_a_statement_says_mainly_another_of_its_kind(index: ClaimIndex) -> None:
    """SMA "mainly" affects lower motor neurons and no statement says it affects upper ones: asked whether it
    mostly affects upper motor neurons, no; of ALS, which affects both and mainly neither, the documents don't say."""
    reply = answer("Does SMA mostly affect upper motor neurons?", index)
    assert (reply.verdict, reply.sentence) == (
        "no", "No: spinal muscular atrophy mainly affects neuron lower motor neurons.")
    assert answer("Are upper motor neurons the main ones damaged in spinal muscular atrophy?", index).verdict == "no"
    assert answer("Does SMA mostly affect lower motor neurons?", index).verdict == "yes"
    assert answer("Does ALS mostly affect upper motor neurons?", index).verdict == "unstated"


def test_which_of_a_thing_lists_the_kinds_of_it_the_other_thing_has(index: ClaimIndex) -> None:
    """"Which motor neurons does ALS affect?" asks which kinds of motor neuron: the values named "motor neurons" and
    more (upper, lower), not ALS's statement that it affects motor neurons."""
    for question in ("Which motor neurons does ALS affect?", "Which MNs does amyotrophic lateral sclerosis affect?"):
        reply = answer(question, index)
        assert reply.sentence == \
            "amyotrophic lateral sclerosis affects neuron: lower motor neurons, upper motor neurons."
    # "MNs degenerate" names ALS's motor neuron degeneration: its own values, the neurons degenerating
    assert answer("Which MNs degenerate in ALS?", index).sentence.startswith(
        "progressive degeneration and death of motor neurons and their axons (ALS) degeneration of: lower motor "
        "neurons, upper motor neurons")


def test_a_kind_of_figure_the_disease_has_none_of_is_answered_by_a_value_naming_it(index: ClaimIndex) -> None:
    """SMA has no survival figure, but "some forms are compatible with a longer lifespan": asked its life
    expectancy, that statement answers, with its hedge; SMN1 ("survival motor neuron 1") is no survival."""
    reply = answer("What is the life expectancy with SMA?", index)
    assert reply.sentence == \
        "spinal muscular atrophy has clinical feature: compatibility with a longer lifespan (some forms)."
    assert answer("What is the life expectancy with muscular dystrophy?", index).verdict == "unstated"


def test_the_usual_form_asks_for_most_cases(index: ClaimIndex) -> None:
    """"Is bulbar onset the usual form of ALS?" asks whether most ALS is bulbar-onset: 25-35% of patients, no."""
    reply = answer("Is bulbar onset the usual form of ALS?", index)
    assert (reply.verdict, reply.sentence) == ("no", "No: share of ALS patients with bulbar onset: 25-35%.")


def test_non_before_a_word_the_graph_uses_asks_in_the_negative(index: ClaimIndex) -> None:
    """"non-progressive" is no name, but "progressive" is a word of the graph: "Is ALS non-progressive?" asks
    whether ALS is not progressive, which it is (no), not about an unknown thing."""
    reply = answer("Is ALS non-progressive?", index)
    assert (reply.verdict, reply.reading.negated, reply.reading.unknown) == ("no", True, ())


def test_part_of_asks_whether_two_things_go_together(index: ClaimIndex) -> None:
    """"Is pain always part of ALS?" asks whether pain goes with ALS at all, always: "some patients experience
    pain", so not always; "part of" names no relation pain has."""
    reply = answer("Is pain always part of amyotrophic lateral sclerosis?", index)
    assert (reply.verdict, reply.sentence) == (
        "qualified", "Not always: amyotrophic lateral sclerosis has clinical feature pain (some patients).")


def test_a_british_spelling_makes_the_name_it_spells(index: ClaimIndex) -> None:
    """"motor neurone disease" is "motor neuron disease" with a British e, not "motor neurons" and "disease"."""
    reply = answer("Is ALS a motor neurone disease?", index)
    assert (reply.verdict, reply.reading.corrections) == ("yes", (("neurone", "neuron"),))


DOCUMENT_SENTENCES = {
    "tdp-43": "Protein deposits (most commonly TDP-43) in the cytoplasm of motor neurons are a molecular feature of "
              "ALS",
    "wasting": "In SMA, primarily lower motor neurons are affected, leading to muscle wasting and weakness without "
               "sensory loss.",
    "mitochondria": "Mitochondrial dysfunction",
    "unclear": "The pathomechanism for such rare demyelination in ALS patients remains unclear and does not change the "
               "fundamental non-demyelinating nature of ALS",
    "icd-11": "The International Classification of Diseases (ICD-11) appropriately designates motor neuron diseases as "
              "a separate category from muscular dystrophies",
}


@pytest.mark.parametrize(("question", "verdict", "cited"), [
    ("Are TDP-43 deposits unrelated to ALS?", "no", "tdp-43"),  # "unrelated": not related
    ("Does SMA cause muscle-wasting?", "yes", "wasting"),  # a hyphenated word: its words, a name
    ("Is dysfunction of the mitochondria part of ALS?", "yes", "mitochondria"),  # a word of a name's family
    ("Is the pathomechanism of demyelinating polyneuropathy in ALS unclaer?", "yes", "unclear"),  # a sentence's word
    ("Are motor neuron diseases filed separately from muscular dystrophies in ICD-11?", "yes", "icd-11"),
    ("Does ICD-11 keep motor neuron diseases in a separate category from muscular dystrophies?", "yes", "icd-11")])
def test_ordinary_words_are_read_as_the_documents_words_not_as_unknown_names(index: ClaimIndex, question: str,
                                                                              verdict: str, cited: str) -> None:
    """Words that name no thing (a prefixed or hyphenated ordinary word, a misspelling of a word the cited sentences
    use, "separately from" of a classification) were taken for names unknown to the graph, or misread, so no
    answer was given: each is answered from its sentence."""
    reply = answer(question, index)
    assert (reply.verdict, reply.reading.unknown, reply.reading.negated) == (verdict, (), "unrelated" in question)
    assert f'"{DOCUMENT_SENTENCES[cited]}"' in format_reply(reply, index, width=1000).splitlines()[2]


def test_a_misread_word_is_shown_as_read(index: ClaimIndex) -> None:
    reply = answer("Is the pathomechanism of demyelinating polyneuropathy in ALS unclaer?", index)
    assert reply.reading.corrections == (("unclaer", "unclear"),)
    reply = answer("Is dysfunction of the mitochondria part of ALS?", index)
    assert reply.reading.corrections == (("mitochondria", "mitochondrial"),)
    assert '[read "mitochondria" as "mitochondrial"]' in format_reply(reply, index, width=1000).splitlines()[0]


@pytest.mark.parametrize(("question", "unaccounted"), [
    ("Is ALS triggered by trauma?", ("triggered", "trauma")),  # a verb's form
    ("Is ROS underproduction involved in ALS?", ("underproduction",)),  # a prefixed ordinary word, no "overproduction"
    ("Does Lou Gehrig's disease mess up a person's planning and decision-making?", ("mess", "planning", "decision")),
    ("Are immune-suppressing drugs appropriate for ALS?", ("suppressing",)),  # an -ing form before a noun
    ("Does ALS Affect The Hands?", ("hands",))])  # a question in title case names no proper name
def test_an_ordinary_word_the_documents_never_use_names_nothing_unknown_yet_gets_no_verdict(
        index: ClaimIndex, question: str, unaccounted: tuple[str, ...]) -> None:
    reply = answer(question, index)
    assert (reply.verdict, reply.reading.unknown, reply.reading.unaccounted) == ("unstated", (), unaccounted)


@pytest.mark.parametrize(("question", "unknown"), [
    ("Is Kennedy's disease a form of amyotrophic lateral sclerosis?", "kennedy"),
    ("Is Wilson disease a form of ALS?", "wilson"),
    ("Is aspirin a treatment for ALS?", "aspirin"),
    ("Is edaravone approved for ALS?", "edaravone"),
    ("Does nusinersen improve motor function in SMA type 1?", "nusinersen"),
    ("Does vaping cause ALS?", "vaping")])  # an -ing form naming an activity
def test_a_name_the_graph_lacks_is_still_named_unknown(index: ClaimIndex, question: str, unknown: str) -> None:
    """A proper name written with a capital is a name though English uses the word often ("Kennedy"); drug names
    stay unknown names."""
    reply = answer(question, index)
    assert (reply.verdict, reply.reading.unknown) == ("unknown-entity", (unknown,))
    assert f"The graph knows nothing about {unknown}" in reply.sentence


GLUTAMATE = ("Glutamate excitotoxicity: Excessive glutamate accumulation causes overstimulation of motor neurons, "
             "leading to calcium influx and cell death")
MRI_EXCLUDES = "MRI of the brain and spine is used mainly to exclude other conditions rather than confirm ALS"


@pytest.mark.parametrize(("question", "verdict", "cited"), [
    ("Does glutamate excitotoxicity cause motor neuron overstimulation?", "yes", GLUTAMATE),
    ("Is calcium influx caused by glutamate excitotoxicity in ALS?", "yes", GLUTAMATE),
    ("Is MRI used to rule out other disorders in Lou Gehrig's disease?", "yes", MRI_EXCLUDES),
    ("Is MRI the main way to confirm ALS?", "no", MRI_EXCLUDES)])
def test_a_relation_in_other_words_is_read_as_the_graphs(index: ClaimIndex, question: str, verdict: str,
                                                         cited: str) -> None:
    """mnd:dueTo is what 'cause' and 'caused by' name of a process; 'rule out other disorders' is 'exclude other
    conditions'; 'the main way' is question frame."""
    reply = answer(question, index)
    assert (reply.verdict, reply.reading.unaccounted) == (verdict, ())
    assert f'"{cited}"' in format_reply(reply, index, width=1000).splitlines()[2]


@pytest.mark.parametrize("question", ["Does calcium influx lead to glutamate excitotoxicity?",
                                      "Does calcium influx cause glutamate excitotoxicity?",
                                      "Does muscle weakness lead to ALS?", "Does ALS cause glutamate excitotoxicity?"])
def test_cause_asked_the_other_way_round_is_not_answered_from_the_statement(index: ClaimIndex, question: str) -> None:
    """Calcium influx is due to glutamate excitotoxicity and weakness is ALS's feature: asked the other way round,
    no statement says so (they were answered yes from the reverse statement)."""
    assert answer(question, index).verdict == "unstated"


def test_an_abbreviation_of_a_structure_is_its_name(index: ClaimIndex) -> None:
    """CST is the corticospinal tract (an altLabel); it was named unknown to the graph."""
    reply = answer("Does ALS affect the CST?", index)
    assert (reply.verdict, reply.sentence) == ("yes", "Yes: amyotrophic lateral sclerosis affects structure "
                                                      "corticospinal tracts.")
    assert '"ALS involves degeneration of both upper and lower motor neurons along the corticospinal tracts"' in \
        format_reply(reply, index, width=1000).splitlines()[2]
    assert answer("Is the CST spared in ALS?", index).verdict == "no"


def test_names_sharing_their_last_words_are_both_read(index: ClaimIndex) -> None:
    """"upper and lower motor neurons" names upper motor neurons too: only the lower ones were read, and the answer
    said classical ALS affects them alone."""
    reply = answer("Does classical ALS affect upper and lower motor neurons?", index)
    assert format_reply(reply, index, width=1000).splitlines()[:3] == [
        "Understood: classical amyotrophic lateral sclerosis · affects neuron · upper motor neurons · lower motor "
        "neurons",
        "Yes: classical amyotrophic lateral sclerosis affects neuron: lower motor neurons, upper motor neurons.",
        '  - "Classical ALS: Mixed upper and lower motor neuron pathology affecting both populations simultaneously" '
        "[document 003, references 1, 2]"]
    # SMA "primarily" affects lower motor neurons: no yes to both
    assert answer("Does SMA affect upper and lower motor neurons?", index).verdict != "yes"


@pytest.mark.parametrize(("question", "sentence"), [
    ("Isn't ADEM a true demyelinating disease like MS?", "Yes: ADEM is a true demyelinating disease."),
    ("Is NMO a demyelinating disease like ADEM?", "Yes: NMO / NMOSD is a true demyelinating disease."),
    ("Is ALS a demyelinating disease like MS?",
     "No: ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating disease.")])
def test_a_thing_named_as_an_example_of_a_kind_is_not_asked(index: ClaimIndex, question: str, sentence: str) -> None:
    """"Is X a <kind> like Y?" asks whether X is of the kind, Y being one: Y was read as a third thing the statement
    must link, so no statement answered."""
    reply = answer(question, index)
    assert (len(reply.reading.entities), reply.reading.conditions, reply.sentence) == (2, (), sentence)


def test_the_biopsy_fibers_are_the_muscle_fibers(index: ClaimIndex) -> None:
    reply = answer("Does a muscle biopsy in MD show degenerating and regenerating fibres?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: muscle biopsy detects degenerating and regenerating muscle fibers.")
    assert '"Degenerating and regenerating muscle fibers" [document 002, reference 1]' in \
        format_reply(reply, index, width=1000).splitlines()[2]


@pytest.mark.parametrize(("question", "sentence", "cited"), [
    ("Are programmed cell death mechanisms activated in ALS motor neurons?",
     "Yes: amyotrophic lateral sclerosis involves mechanism apoptosis.",
     "Apoptotic pathways: Programmed cell death mechanisms are activated in affected motor neurons"),
    ("Does glutamate excitotoxicity cause calcium influx in ALS motor neurons?",
     "Yes: calcium influx due to glutamate excitotoxicity.", GLUTAMATE)])
def test_a_disease_own_motor_neurons_are_where_it_is_not_a_third_thing(index: ClaimIndex, question: str,
                                                                          sentence: str, cited: str) -> None:
    """"in ALS motor neurons": the motor neurons ALS affects, where the process asked is; read as a third thing
    a statement must link, no statement answered."""
    reply = answer(question, index)
    assert (reply.sentence, [m.text for m in reply.reading.entities][-1]) == (sentence, "als")
    assert f'"{cited}"' in format_reply(reply, index, width=1000)
    # "Does ALS affect motor neurons?" still asks about them
    assert answer("Does ALS affect motor neurons?", index).sentence == (
        "Yes: amyotrophic lateral sclerosis affects neuron motor neurons.")


def test_show_up_and_young_children_are_onset_and_early_childhood(index: ClaimIndex) -> None:
    """'show up' names the onset (and what a test shows); 'young children' and 'little kids' early childhood, as
    'babies' names infancy: read as 'detects' and childhood, no statement answered."""
    reply = answer("Does spinal muscular atrophy typically show up in babies and young children?", index)
    assert format_reply(reply, index, width=1000).splitlines()[:3] == [
        "Understood: spinal muscular atrophy · typical onset · infancy · early childhood",
        "Yes: spinal muscular atrophy typical onset: early childhood, infancy (usually).",
        '  - "SMA usually manifests in infancy or early childhood, with varying degrees of severity depending on the '
        'type." [document 004]']
    assert answer("Does SMA show up in little kids?", index).verdict == "qualified"


def test_a_cause_asked_of_a_claim_due_to_it_reads_the_word_inversely(index: ClaimIndex) -> None:
    """'causes' is an mnd:inverseAltLabel of mnd:dueTo: "Does glutamate excitotoxicity cause calcium influx?" is
    answered by document 003's "calcium influx due to glutamate excitotoxicity"; asked the other way round, the
    documents don't say (the claim reads from its subject, calcium influx, to what it is due to)."""
    reply = answer("Does glutamate excitotoxicity cause calcium influx?", index)
    assert (reply.verdict, reply.sentence) == ("yes", "Yes: calcium influx due to glutamate excitotoxicity.")
    assert "leading to calcium influx" in support(reply, index)[0][0].quote
    assert answer("Does calcium influx cause glutamate excitotoxicity?", index).verdict == "unstated"
    assert answer("Does SMA cause SMN1?", index).verdict == "unstated"  # SMN1 causes SMA, not the reverse


@pytest.mark.parametrize(("question", "verdict"), [("Is ALS a progressive disease?", "yes"),
                                                   ("Is ALS a non-progressive condition?", "no")])
def test_a_kind_asked_with_a_word_before_it_is_answered_by_the_sentence_saying_so(
        index: ClaimIndex, question: str, verdict: str) -> None:
    """Document 004 classifies ALS as a neurodegenerative disease in "A progressive neurodegenerative disease
    affecting motor neurons.": the word asked right before the kind's name answers "Is ALS a progressive disease?"
    (in the negative, no); a value of ALS's named by the word does not ("Is ALS a muscle disease?": its affected
    skeletal muscles say nothing of its kind), nor a word before a name of the kind not ending in "disease"."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        verdict, f"{verdict.capitalize()}: ALS is a neurodegenerative disease (Difference Wiki).")
    assert "A progressive neurodegenerative disease affecting motor neurons." in [
        detail.quote for detail, _ in support(reply, index)]
    assert answer("Is ALS a muscle disease?", index).verdict == "unstated"
    # "affecting motor neurons, not a demyelinating disease": 'motor' before a name of the kind that is no disease's
    assert answer("Is ALS a motor disease?", index).verdict == "unstated"


def test_a_relation_named_in_other_words_for_the_same_thing_answers(index: ClaimIndex) -> None:
    """mnd:usedMainlyToExcludeOtherConditionsIn is named by "exclude other diseases" too (skos:altLabel): document
    002's "used mainly to exclude other conditions rather than confirm ALS" says yes, by its negative property
    asked as such; asked whether MRI confirms ALS, no; asked whether only so, the documents don't say."""
    reply = answer("Is MRI in ALS mainly used to exclude other diseases?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: MRI of the brain and spine used mainly to exclude other conditions in amyotrophic lateral "
               "sclerosis.")
    assert support(reply, index)[0][0].quote == (
        "MRI of the brain and spine is used mainly to exclude other conditions rather than confirm ALS")
    assert answer("Does MRI confirm ALS?", index).verdict == "no"
    assert answer("Is MRI in ALS used only to exclude other diseases?", index).verdict == "unstated"


def test_a_plain_negation_word_beside_another_relation_negates_it(index: ClaimIndex) -> None:
    """'without' names mnd:doesNotTypicallyHave (a negative of mnd:hasClinicalFeature); beside 'cure'
    (mnd:hasCureStatus), which it denies nothing of, it is the question's own negation: ALS's cure status 'no known
    cure' says yes."""
    reply = answer("Is ALS still without a known cure?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: amyotrophic lateral sclerosis has cure status no known cure.")
    assert reply.reading.negated
    assert "There is no known cure for ALS" in " ".join(detail.quote for detail, _ in support(reply, index))
    assert answer("Is SMA without a known cure?", index).verdict == "unstated"


def test_a_kind_asked_with_an_example_of_it_is_asked_of_the_first_thing(index: ClaimIndex) -> None:
    """"Isn't ADEM a true demyelinating disease like MS?": MS is the classic demyelinating disease, so the question
    asks whether ADEM is one (document 000: "In true demyelinating diseases like MS, NMO, and ADEM ..."); ALS, asked
    so, is not; an example not said to be of the kind (ALS is not a demyelinating disease) leaves the question as
    asked, unstated."""
    reply = answer("Isn't ADEM a true demyelinating disease like MS?", index)
    assert (reply.verdict, reply.sentence) == ("yes", "Yes: ADEM is a true demyelinating disease.")
    assert support(reply, index)[0][0].quote.startswith("In true demyelinating diseases like MS, NMO, and ADEM")
    assert answer("Is ALS a demyelinating disease like MS?", index).verdict == "no"
    assert answer("Is SMA a demyelinating disease like ALS?", index).verdict == "unstated"


def test_a_third_thing_named_is_accounted_for_by_the_claims_own_sentence(index: ClaimIndex) -> None:
    """"Are the UMNs in the brain affected in ALS?": ALS affects upper motor neurons, in a sentence saying "in the
    brain and spinal cord" (document 002), so the brain is accounted for; a denial's sentence accounts for nothing
    ("rather than a primary muscle disorder" says nothing of upper motor neurons in the skeletal muscles)."""
    reply = answer("Are the UMNs in the brain affected in ALS?", index)
    assert (reply.verdict, reply.sentence) == ("yes", "Yes: amyotrophic lateral sclerosis affects neuron upper motor "
                                                      "neurons.")
    assert "motor neurons in the brain and spinal cord" in support(reply, index)[0][0].quote
    assert answer("Does ALS affect upper motor neurons in the skeletal muscles?", index).verdict == "unstated"


@pytest.mark.parametrize("question", ["Does hyperreflexia cause ALS?", "Does muscle weakness lead to ALS?",
                                      "Does muscle weakness cause motor neuron degeneration in ALS?"])
def test_a_cause_asked_the_wrong_way_round_is_unstated(index: ClaimIndex, question: str) -> None:
    """'cause' and 'lead to' read mnd:hasClinicalFeature forward (ALS causes hyperreflexia): a question putting the
    feature before the word and the disease after it asks the reverse, which no statement says (it said Yes)."""
    assert answer(question, index).verdict == "unstated"


@pytest.mark.parametrize(("question", "sentence"), [
    ("Are the disease-modifying therapies of multiple sclerosis appropriate for ALS?",
     "No: disease-modifying therapies for demyelinating diseases like MS not appropriate for amyotrophic lateral "
     "sclerosis."),
    ("Would disease-modifying therapies used in multiple sclerosis be appropriate for spinal muscular atrophy?",
     "No: disease-modifying therapies for demyelinating diseases like MS not appropriate for spinal muscular "
     "atrophy.")])
def test_a_thing_named_only_inside_another_name_is_no_thing_asked_apart(index: ClaimIndex, question: str,
                                                                         sentence: str) -> None:
    """MS named beside the therapies "for demyelinating diseases like MS" is part of their name: the denial of the
    therapies for ALS or SMA answers no (it was "the documents don't say", and, of ALS, "Partly" from the rarity
    of ALS with MS)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("no", sentence)
    assert support(reply, index)[0][0].quote == (
        "Disease-modifying therapies for demyelinating diseases like MS would not be appropriate for ALS or SMA")


def test_an_x_rather_than_a_y_one_sets_the_words_before_their_shared_word_against_each_other(
        index: ClaimIndex) -> None:
    """"an axonal disorder rather than a demyelinating one": ADEM is stated a demyelinating disease and nothing says
    it is an axonal one, so no (it was "the documents don't say")."""
    reply = answer("Is ADEM an axonal disorder rather than a demyelinating one?", index)
    assert (reply.verdict, reply.sentence) == ("no", "No: ADEM is a true demyelinating disease.")
    assert support(reply, index)[0][0].quote.startswith("In true demyelinating diseases like MS, NMO, and ADEM")


def test_a_rarity_asked_of_what_a_statement_says_happens_often_is_no(index: ClaimIndex) -> None:
    """Document 004: "Often leads to severe disability and paralysis": severe disability is not rare in ALS."""
    reply = answer("Is severe disability rare in ALS?", index)
    assert (reply.verdict, reply.sentence) == (
        "no", "No, often: amyotrophic lateral sclerosis has clinical feature severe disability.")
    assert support(reply, index)[0][0].quote == "Often leads to severe disability and paralysis."
    assert answer("Is severe disability rare in SMA?", index).verdict == "unstated"  # SMA "can" lead to it


def test_alternatives_each_hedged_give_a_hedged_answer(index: ClaimIndex) -> None:
    """Document 002: muscular dystrophy "Often has onset in childhood or adolescence": each alternative is its
    typical onset, so the answer is "usually", never an open answer to a yes/no."""
    reply = answer("Does muscular dystrophy begin in childhood or adolescence?", index)
    assert (reply.verdict, reply.sentence) == (
        "qualified",
        "Usually: muscular dystrophy typical onset childhood; muscular dystrophy typical onset adolescence.")
    assert support(reply, index)[0][0].quote == (
        "Often has onset in childhood or adolescence (though some forms can present in adulthood)")


@pytest.mark.parametrize(("question", "unknown"), [("Is Wilson's disease a motor neuron disease?", ("wilson",)),
                                                   ("Is Kennedy disease an LMN disorder like SMA?", ("kennedy",))])
def test_a_proper_name_the_graph_lacks_is_named_unknown(index: ClaimIndex, question: str,
                                                        unknown: tuple[str, ...]) -> None:
    """A common English word written as a proper name inside the question names a thing ("Wilson's disease"), not
    a word the documents do not use."""
    reply = answer(question, index)
    assert (reply.verdict, reply.reading.unknown) == ("unknown-entity", unknown)
    assert answer("Does ALS cause weakness in the hands?", index).reading.unknown == ()


def test_a_kind_of_sign_is_denied_so_far_by_hedged_denials_of_the_features_its_members_show(
        index: ClaimIndex) -> None:
    """Document 002: muscular dystrophy "Usually lacks the upper motor neuron signs (hyperreflexia, spasticity) seen
    in ALS": the hedged denials of those features answer for the kind, "Not usually" (it was "the documents don't
    say"); asked whether it lacks them, "Usually"."""
    reply = answer("Does muscular dystrophy have upper motor neuron signs?", index)
    assert (reply.verdict, reply.sentence) == (
        "qualified", "Not usually: muscular dystrophy does not typically have spasticity; muscular dystrophy does not "
        "typically have hyperreflexia.")
    assert support(reply, index)[0][0].quote == (
        "Usually lacks the upper motor neuron signs (hyperreflexia, spasticity) seen in ALS")
    assert answer("Does muscular dystrophy lack upper motor neuron signs?", index).sentence.startswith("Usually: ")
    # no hedged denial, no verdict: SMA's and MD's lower motor neuron signs are nowhere denied
    assert answer("Does muscular dystrophy have lower motor neuron signs?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "sentence"), [
    ("Is demyelination the primary event in ALS?",
     "No (derived): amyotrophic lateral sclerosis does not have primary pathology demyelination secondary to axonal "
     "degeneration (ALS)."),
    ("Is axonal injury the initial insult in MS?",
     "No (derived): multiple sclerosis does not have primary pathology axonal injury, variable and secondary to "
     "demyelination (MS).")])
def test_a_secondary_pathology_is_no_primary_one(index: ClaimIndex, question: str, sentence: str) -> None:
    """mnd:hasSecondaryPathology excludes mnd:hasPrimaryPathology (mnd:excludesProperty): a claim that a process
    follows from the primary pathology says no to its being the primary one (it was "the documents don't say", and
    of ALS "Partly", from the claim's note saying how it is secondary, which counts no cases)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("no", sentence)
    assert "secondary" in support(reply, index)[0][0].quote
    # read only as declared: a primary pathology is no denial of what a disease "leads to"
    assert answer("Does ALS typically lead to death?", index).verdict != "no"


@pytest.mark.parametrize("question", ["Where does bulbar-onset ALS begin?",
                                      "Where in the nervous system does bulbar ALS start?"])
def test_where_a_disease_begins_is_the_neurons_its_initial_pathology_affects(index: ClaimIndex, question: str) -> None:
    """Document 003: "Bulbar-onset ALS: Initial pathology affects brainstem motor neurons" (mnd:initiallyAffectsNeuron,
    named "begins", "starts"): where it begins (it was "the documents don't say", or the bulbar-onset share)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "answer", "bulbar-onset amyotrophic lateral sclerosis initially affects neuron: brainstem motor neurons.")
    assert support(reply, index)[0][0].quote.startswith("Bulbar-onset ALS: Initial pathology affects brainstem motor")
    # the neurons it initially affects are ones it affects
    assert answer("Does bulbar-onset ALS affect brainstem motor neurons?", index).verdict == "yes"


@pytest.mark.parametrize(("question", "sentence", "quoted"), [
    ("Is SMA a progressive muscle-wasting disorder?",
     "Yes: spinal muscular atrophy has clinical feature muscle wasting.", "causing progressive muscle wasting"),
    ("Is programmed cell death activated in the motor neurons in ALS?",
     "Yes: apoptosis activated in motor neurons (in ALS).", "are activated in affected motor neurons")])
def test_a_word_the_claims_sentence_puts_beside_the_same_value_is_accounted_for(
        index: ClaimIndex, question: str, sentence: str, quoted: str) -> None:
    """A word no name holds ("progressive", "activated") is said by a claim whose cited sentence puts it beside a name
    of the claim's value on the same side as the question does (it was "the documents don't say"); not a word the
    sentence says of another thing, nor one beside the claim's subject ("ALS is characterized by progressive loss of
    motor neurons, resulting in atrophy of skeletal muscles" says nothing progressive of the muscles)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("yes", sentence)
    assert quoted in support(reply, index)[0][0].quote
    assert answer("Is SMA a disorder of rapid muscle wasting?", index).verdict == "unstated"
    assert answer("Is ALS a progressive disorder of the skeletal muscles?", index).verdict != "yes"


@pytest.mark.parametrize("question", ["Is the degeneration of motor neurons in ALS caused by oxidative stress?",
                                      "Does oxidative stress cause the degeneration of motor neurons in ALS?"])
def test_a_relation_word_and_the_name_after_it_name_the_thing_a_statement_says_so_of(
        index: ClaimIndex, question: str) -> None:
    """"the degeneration of motor neurons" is a name of ALS's pathology in other word order ("motor neuron
    degeneration"), and a statement says it is degeneration of motor neurons: so it is read as that thing, not as
    the relation "degeneration of" and motor neurons, and the claim of its cause answers (it was "the documents
    don't say"); asked the other way round, or of SMA, no claim says so."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("yes", "Yes: progressive degeneration and death of motor neurons and "
                                                      "their axons (ALS) due to oxidative stress.")
    assert support(reply, index)[0][0].quote.startswith("Oxidative stress: Increased production of reactive oxygen")
    assert answer("Does the degeneration of motor neurons in ALS cause oxidative stress?", index).verdict == "unstated"
    assert answer("Is the degeneration of motor neurons in SMA due to oxidative stress?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("When someone has SMA, are the lower motor neurons mainly affected?", "yes",
     "Yes: spinal muscular atrophy mainly affects neuron lower motor neurons."),
    ("When someone has SMA, are the upper motor neurons mainly affected?", "no",
     "No: spinal muscular atrophy mainly affects neuron lower motor neurons.")])
def test_a_yes_no_after_a_leading_clause_is_a_yes_no(index: ClaimIndex, question: str, verdict: str,
                                                      sentence: str) -> None:
    """A leading clause opening with a question word ("When ...,") made the question an open one, answered with a
    list and no verdict; the yes/no after the comma is what is asked, the clause read after it."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)
    assert support(reply, index)[0][0].quote == "Mainly lower motor neurons"
    assert answer("When does SMA usually start?", index).verdict == "answer"


@pytest.mark.parametrize(("question", "sentence", "quoted"), [
    ("Does hyperreflexia in ALS come from upper motor neuron degeneration?",
     "Yes: hyperreflexia in ALS reflects degeneration of upper motor neurons.", "(upper motor neuron degeneration)"),
    ("Are the lower motor neuron signs of ALS caused by anterior horn cell degeneration?",
     "Yes: reflects degeneration of anterior horn cells: muscle fasciculations in ALS, muscle atrophy in ALS, muscle "
     "weakness in ALS.", "Lower motor neuron signs (from anterior horn cell degeneration):")])
def test_a_relation_asked_in_two_pieces_is_the_property_they_name(
        index: ClaimIndex, question: str, sentence: str, quoted: str) -> None:
    """"come from" before a thing named and "degeneration" after it make "comes from degeneration of", an altLabel of
    mnd:reflectsDegenerationOf (a sign reflects the degeneration of the neurons that produces it): the claims of it
    answer, of a kind of sign by its members in the disease named (it was "the documents don't say"); not of
    neurons whose degeneration no claim says the sign reflects."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("yes", sentence)
    assert support(reply, index)[0][0].quote.startswith(quoted) or quoted in support(reply, index)[0][0].quote
    assert answer("Is muscle atrophy in ALS caused by upper motor neuron degeneration?", index).verdict == "unstated"
    assert answer("Do lower motor neuron signs in SMA come from anterior horn cell degeneration?",
                  index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict"), [
    ("Do behavioral changes in ALS have an impact on caregivers?", "yes"),
    ("Is it true that behavioural changes in ALS have no impact on caregivers?", "no")])
def test_a_feature_named_beside_the_disease_that_has_it_is_asked_of_its_own_claims(
        index: ClaimIndex, question: str, verdict: str) -> None:
    """"have an impact on" names mnd:hasImpact (an altLabel); behavioural changes "in ALS", which ALS plainly has, are
    asked of their own claims, whose values "caregivers" names (it was "the documents don't say", as no claim links
    them to ALS by their impact); not of a disease that has no such feature, nor of values no word names."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        verdict, f"{verdict.capitalize()}: behavioural changes has impact: increased caregiver burden, reduced "
                 "caregiver quality of life.")
    assert support(reply, index)[0][0].quote.startswith("Behavioral changes: Behavioral deficits negatively impact")
    assert answer("Do behavioral changes in SMA have an impact on caregivers?", index).verdict == "unstated"
    assert answer("Do behavioral changes in ALS have an impact on survival?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict", "opening", "cited"), [
    # a name of the thing's contrary (mnd:contraryLabel): no from the statement of the thing
    ("Do ALS behavioral deficits reduce the burden on caregivers?", "no",
     "No: behavioural changes has impact increased caregiver burden",
     "Behavioral changes: Behavioral deficits negatively impact caregiver quality of life and increase caregiver "
     "burden"),
    ("Do behavioural changes in ALS not lower the caregiver burden?", "yes", "Yes: behavioural changes has impact",
     "Behavioral changes: Behavioral deficits negatively impact caregiver quality of life and increase caregiver "
     "burden"),
    ("Are MNDs and muscular dystrophies in the same category in ICD-11?", "no",
     "No: ICD-11 designates motor neuron diseases as a separate category from muscular dystrophies",
     "The International Classification of Diseases (ICD-11) appropriately designates motor neuron diseases as a "
     "separate category from muscular dystrophies"),
    ("Do behavioral changes in ALS have no effect on caregivers?", "no", "No: behavioural changes has impact",
     "Behavioral changes: Behavioral deficits negatively impact caregiver quality of life and increase caregiver "
     "burden"),
    ("Do all forms of SMA have a short lifespan?", "qualified",
     "Not all: spinal muscular atrophy has clinical feature compatibility with a longer lifespan (some forms)",
     "While SMA can also lead to severe physical disabilities, its course is more variable, and some forms are "
     "compatible with a longer lifespan."),
    ("Is spinal muscular atrophy an acquired condition?", "no", "No: SMA is a genetic disorder",
     "SMA is a genetic disorder caused by a deficiency in the SMN1 gene, leading to progressive muscle weakness."),
    ("Are CK levels low in muscular dystrophy?", "no",
     "No: muscular dystrophy has clinical feature elevated creatine kinase levels in blood",
     "Elevated creatine kinase levels in blood"),
    ("Does frontotemporal dementia lengthen survival in ALS?", "no",  # of ALS's own FTD
     "No: frontotemporal dementia has impact significantly shortened survival",
     "Frontotemporal dementia: Some patients develop frank dementia with executive dysfunction, which significantly "
     "shortens survival"),
    ("Is muscle weakness seen only in amyotrophic lateral sclerosis?", "no",  # "only" restricts the disease
     "No, not only: has clinical feature muscle weakness: amyotrophic lateral sclerosis, muscular dystrophy, spinal "
     "muscular atrophy", "Characterized by muscle weakness and atrophy."),
    ("Are the lower motor neurons the only ones affected in ALS?", "no",  # "the only": the thing before it
     "No, not only: amyotrophic lateral sclerosis affects neuron: lower motor neurons, upper motor neurons",
     "Upper and lower motor neurons"),
    # a usual value asked against another one stated as usual
    ("Does ALS typically begin in childhood?", "no", "No: amyotrophic lateral sclerosis typical onset adulthood",
     "Usually in adulthood"),
    # distal weakness against a typically proximal one: no to what is usual, nothing of what may happen
    ("Does muscular dystrophy mainly cause distal weakness?", "no",
     "No: muscular dystrophy has clinical feature progressive proximal muscle weakness",
     "Typically presents with progressive proximal muscle weakness"),
    # women against men: the contrary compared against after "than" is no thing asked; the other way round, each apart
    ("Are men more likely than women to get ALS?", "qualified", "Partly: ",
     "Adults, typically between 40-70 years old, with a slight male predominance."),
    ("Do women get Lou Gehrig's disease more often than men?", "no", "No: ",
     "Adults, typically between 40-70 years old, with a slight male predominance."),
    # dying within a duration: the complement of the share living longer
    ("Do most ALS patients die within 10 years?", "yes", "Yes: share of ALS patients living longer than 10 years",
     "Long-term survival: Only 5-10% of patients live longer than 10 years"),
    ("Does every person with amyotrophic lateral sclerosis die within 10 years?", "qualified",
     "Not all: share of ALS patients living longer than 10 years",
     "Long-term survival: Only 5-10% of patients live longer than 10 years"),
    # "only", "confined to": the sentence stating the value asked states another of the same relation
    ("Is ALS confined to the spinal cord?", "no",
     "No, not only: amyotrophic lateral sclerosis affects structure: spinal cord, brain",
     "Involves both the brain and the spinal cord."),
    ("Does ALS only affect lower motor neurons?", "no",
     "No, not only: amyotrophic lateral sclerosis affects neuron: lower motor neurons, upper motor neurons",
     "Upper and lower motor neurons"),
])
def test_a_contrary_or_exclusive_question_is_answered_by_the_statement_of_the_thing(
        index: ClaimIndex, question: str, verdict: str, opening: str, cited: str) -> None:
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence.startswith(opening)) == (verdict, True), reply.sentence
    assert f'"{cited}"' in format_reply(reply, index, width=1000)


@pytest.mark.parametrize("question", [
    "Does ALS only affect motor neurons?",  # upper and lower motor neurons are narrower ones, not others
    "Does SMA only affect lower motor neurons?",  # it mainly affects them: nothing else stated
    "Do most ALS patients die within 5 years?",  # the share counts those living past 10 years, not 5
    "Does muscular dystrophy cause distal weakness?",  # "typically" proximal: distal weakness may still occur
    "Is creatine kinase normal in ALS?",  # elevated creatine kinase is muscular dystrophy's; of ALS's, nothing
    "Does muscular dystrophy usually begin in adulthood?",  # "some forms can present in adulthood"
    "Is hyperreflexia found only in ALS?",  # "only" restricts ALS: no other disease is said to have it, nor not to
])
def test_no_other_value_or_share_of_the_very_thing_gives_no_verdict(index: ClaimIndex, question: str) -> None:
    assert answer(question, index).verdict == "unstated"


def test_a_contrary_is_shown_as_understood_and_a_denial_of_the_thing_says_nothing_of_it(index: ClaimIndex) -> None:
    """"reduce the burden" is the contrary of increased caregiver burden, shown so and not as a question asked in the
    negative; a statement saying yes to the contrary (a denial of the thing, not increased) would be no yes to it."""
    reply = answer("Do ALS behavioral deficits reduce the burden on caregivers?", index)
    line = understood(reply, index)
    assert 'the contrary of increased caregiver burden ("reduce the burden on caregivers")' in line
    assert "asked in the negative" not in line
    assert reply_json(reply, index)["understood"]["entities"][-1]["contrary"] is True
    denial = replace(reply, verdict="yes", sentence="Yes: ...")  # as a denial of the thing would answer
    assert _contrary_checked(denial, index).verdict == "unstated"


def test_a_partial_other_side_is_no_no_to_the_first(index: ClaimIndex) -> None:
    """'A rather than B' with A unstated is No only when B holds of the whole thing: ALS is sporadic in 'most ALS
    cases' and familial in 'some', so 'acquired rather than genetic' gets no verdict; MD's 'typically' proximal
    weakness still denies 'distal rather than proximal'."""
    assert answer("Is ALS acquired rather than genetic?", index).verdict == "unstated"
    assert answer("Is the weakness in muscular dystrophy distal rather than proximal?", index).verdict == "no"


def test_a_common_word_is_no_misspelling_of_a_name_word(index: ClaimIndex) -> None:
    """'mother' is English, not 'motor' misspelled, even beside a word that begins a name ('the')."""
    reply = answer("Is SMA passed through the mother?", index)
    assert (reply.verdict, reply.reading.corrections) == ("unstated", ())


MISLEAD = ("These imaging findings represent secondary changes from the primary axonal degeneration, which can mislead "
           "clinicians unfamiliar with the distinction")


@pytest.mark.parametrize("question", [
    "Is the snake eyes sign in ALS misleading?",
    "Are the imaging findings of amyotrophic lateral sclerosis misleading for doctors?"])
def test_a_value_of_the_disease_asked_answers_for_a_relation_only_it_has(index: ClaimIndex, question: str) -> None:
    """Document 000's imaging findings "can mislead clinicians unfamiliar with the distinction" (mnd:canMislead, of
    the findings, not of ALS): asked of ALS's finding, or of its findings by the relation tying them, the finding's
    claim answers, hedged ("can"), the claim tying it to ALS only vouching (it was "the documents don't say")."""
    reply = answer(question, index)
    assert reply.verdict == "qualified"
    assert reply.sentence.startswith("Partly: ") and "can mislead clinicians unfamiliar with the distinction" in \
        reply.sentence
    assert MISLEAD in [claim.quote for claim, *_ in support(reply, index)]
    # no value of another disease answers for ALS's
    assert answer("Is the snake eyes sign in MS misleading?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict", "sentence", "quote"), [
    ("What presentation is needed before considering ALS?", "answer",
     "amyotrophic lateral sclerosis considered only with: clinical presentation typical of motor neuron disease.",
     "The clinical presentation must be typical of motor neuron disease (hypertonicity, hyperreflexia, muscle "
     "fasciculations, weakness, atrophy) before considering ALS"),
    ("Does ALS affect non-motor systems?", "qualified",
     "Partly: amyotrophic lateral sclerosis affects structure systems beyond the pure motor systems (in a substantial "
     "proportion of patients).",
     "The pathology extends beyond pure motor systems in a substantial proportion of patients"),
    ("Does amyotrophic lateral sclerosis lead to death?", "qualified",
     "Partly: amyotrophic lateral sclerosis has clinical feature death (within 3-5 years of symptom onset; typically).",
     "ALS is characterized by progressive degeneration of both upper and lower motor neurons along the corticospinal "
     "tracts in the brain and spinal cord, leading to relentless muscle weakness, paralysis, and typically death "
     "within 3-5 years of symptom onset."),
    ("Is muscular dystrophy caused by mutations in genes responsible for muscle structure and function?", "qualified",
     "Only primarily: muscular dystrophy has causal gene genes responsible for muscle structure and function.",
     "Muscular dystrophies are primarily caused by mutations in genes responsible for muscle structure and function, "
     "particularly the dystrophin gene"),
    ("Does ALS involve overwhelmed antioxidant defenses?", "yes",
     "Yes: amyotrophic lateral sclerosis involves mechanism overwhelmed cellular antioxidant defenses.",
     "Oxidative stress: Increased production of reactive oxygen species overwhelms cellular antioxidant defenses, "
     "damaging motor neurons"),
    ("Does the relentlessly progressive course of ALS reflect the degeneration of motor neurons?", "yes",
     "Yes: relentlessly progressive course reflects degeneration of motor neurons.",
     "The relentlessly progressive nature with mean survival of 3-5 years reflects ongoing neuronal death and axonal "
     "loss"),
    ("Is the abnormal T2/FLAIR signal in ALS most frequent in the posterior limb of the internal capsule?", "yes",
     "Yes: abnormal T2/FLAIR signal in the corticospinal tracts most frequently located in posterior limb of the "
     "internal capsule.",
     "MRI findings in ALS show abnormal T2/FLAIR signal anywhere within the corticospinal tracts (most frequently in "
     "the posterior limb of the internal capsule and cerebral peduncles), which corresponds to underlying "
     "demyelination, axonal degeneration, AND gliosis seen on histopathology"),
    # a place where it is most frequent is one where it is: mnd:mostFrequentlyLocatedIn is a mnd:locatedIn
    ("Is the abnormal T2/FLAIR signal in ALS located in the cerebral peduncles?", "yes",
     "Yes: abnormal T2/FLAIR signal in the corticospinal tracts most frequently located in cerebral peduncles.",
     "MRI findings in ALS show abnormal T2/FLAIR signal anywhere within the corticospinal tracts (most frequently in "
     "the posterior limb of the internal capsule and cerebral peduncles), which corresponds to underlying "
     "demyelination, axonal degeneration, AND gliosis seen on histopathology"),
    ("Is apoptosis activated in the motor neurons in ALS?", "yes",
     "Yes: apoptosis activated in motor neurons (in ALS).",
     "Apoptotic pathways: Programmed cell death mechanisms are activated in affected motor neurons"),
    ("Does amyotrophic lateral sclerosis have a multifactorial cause?", "yes",
     "Yes: amyotrophic lateral sclerosis multifactorial etiology true.", "The etiology is multifactorial, involving:"),
    ("Are there spinal cord lesions in MS?", "yes",
     "Yes: lesions affecting the spinal cord and brain (MS) located in spinal cord.",
     "MS is characterized by lesions affecting the spinal cord and brain with clinical defects disseminated in space "
     "and time"),
    # MS's lesions are not ALS's: the brain ALS involves is no lesion of it
    ("Does ALS have lesions in the brain?", "unstated",
     "The documents don't say this: Does ALS have lesions in the brain?",
     "Involves both the brain and the spinal cord."),
    ("Is motor neuron degeneration in ALS due to ROS production?", "yes",
     "Yes: progressive degeneration and death of motor neurons and their axons (ALS) due to increased production of "
     "reactive oxygen species.",
     "Oxidative stress: Increased production of reactive oxygen species overwhelms cellular antioxidant defenses, "
     "damaging motor neurons")])
def test_a_fact_of_a_quoted_sentence_no_claim_held_is_answered_with_its_hedges(
        index: ClaimIndex, question: str, verdict: str, sentence: str, quote: str) -> None:
    """Parts of sentences quoted for other claims that no claim modelled (issue 17 coverage audit) answer from
    their own claims, with the sentence's hedges ("in a substantial proportion of patients", "typically")."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)
    assert support(reply, index)[0][0].quote == quote


SMA_TYPES = "Yes, varying from Type 1 (most severe) to Type 4 (least severe)."


@pytest.mark.parametrize(("question", "quote"), [
    ("Is there just one kind of spinal muscular atrophy?", SMA_TYPES),
    ("Does SMA come in a single form?", SMA_TYPES),
    ("Is there only one form of ALS?", "ALS presents in two main forms:")])
def test_only_one_is_denied_by_two_values_or_more(index: ClaimIndex, question: str, quote: str) -> None:
    """"Only one", "just one", "a single" ask the negative of "several": statements of two values or more of the
    relation asked say no (it was "the documents don't say")."""
    reply = answer(question, index)
    assert reply.verdict == "no" and reply.sentence.startswith("No: subtype of ")
    assert support(reply, index)[0][0].quote == quote
    # near-misses: a disease with no subtype stated, one value stated, "the only one" (the thing named before it)
    assert answer("Is there only one type of MS?", index).verdict == "unstated"
    assert answer("Does SMA have only one causal gene?", index).verdict == "unstated"


@pytest.mark.parametrize("question", ["Are most ALS cases inherited?", "Is ALS usually hereditary?"])
def test_a_share_under_half_cites_the_sibling_share_that_is_most(index: ClaimIndex, question: str) -> None:
    """A "most" answered no by a share under half (familial ALS, 5-10%) names the share over half among the same
    cases counting another subtype with a relation of the same kind (sporadic ALS, an inheritance pattern too):
    the sentence denying the very thing asked ("The majority of ALS cases (85-90%) are sporadic")."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "no", "No: share of ALS cases that are familial (genetic factors present): 5-10%; share of ALS cases that "
              "are sporadic: 85-90%.")
    assert any("85-90%" in detail.quote for detail, _ in support(reply, index))
    # near-misses: bulbar onset (25-35%) has no sibling share of the same kind; none counts bulbar-onset ALS's cases
    assert answer("Do most ALS cases have bulbar onset?", index).sentence == (
        "No: share of ALS patients with bulbar onset: 25-35%.")
    assert answer("Are most cases of bulbar-onset ALS familial?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Is muscular dystrophy genetic?", "yes", "Yes (derived): muscular dystrophy is a genetic disease."),
    ("Is muscular dystrophy non-genetic?", "no", "No (derived): muscular dystrophy is a genetic disease."),
    ("Is ALS not genetic?", "qualified", "Not entirely, for familial amyotrophic lateral sclerosis: familial "
                                         "amyotrophic lateral sclerosis is a genetic disease.")])
def test_genetic_names_the_kind_and_a_subtype_of_it_answers_partly_either_way(
        index: ClaimIndex, question: str, verdict: str, sentence: str) -> None:
    """"Genetic" is the adjective of mnd:GeneticDisease as "neurodegenerative" of its kind (it was read only as the
    inheritance pattern, which muscular dystrophy has none of: "the documents don't say"); a subtype of that kind
    answers partly, asked in the negative too ("Not entirely")."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)
    assert "genes" in support(reply, index)[0][0].quote
    # near-miss: nothing says whether MS is genetic
    assert answer("Is multiple sclerosis non-genetic?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict", "sentence", "quoted"), [
    ("Can people with SMA live a long life?", "qualified",
     "Partly: spinal muscular atrophy has clinical feature compatibility with a longer lifespan (some forms).",
     "some forms are compatible with a longer lifespan"),
    ("Do all people with SMA live long?", "qualified",
     "Not all: spinal muscular atrophy has clinical feature compatibility with a longer lifespan (some forms).",
     "some forms are compatible with a longer lifespan"),
    ("Is axonal damage the primary problem in MS?", "no",
     "No (derived): multiple sclerosis does not have primary pathology axonal injury, variable and secondary to "
     "demyelination (MS).", "axonal injury being variable and secondary"),
    ("Are non-motor systems affected in ALS?", "qualified",
     "Partly: amyotrophic lateral sclerosis affects structure systems beyond the pure motor systems (in a "
     "substantial proportion of patients).", "extends beyond pure motor systems")])
def test_lay_names_of_hedged_or_secondary_values_keep_their_hedge(
        index: ClaimIndex, question: str, verdict: str, sentence: str, quoted: str) -> None:
    """Lay names of a value ("a long life", "live long", "axonal damage", "beyond the motor system") reach its
    claims, which answer with their own hedge ("some forms", "secondary", "in a substantial proportion"): never a
    plain yes; question frame the value's own names hold ("live") is named (it was "the documents don't say")."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)
    assert any(quoted in detail.quote for detail, _ in support(reply, index))
    # near-miss: nothing says ALS is compatible with a long life (only 5-10% live longer than 10 years)
    assert answer("Can people with ALS live a long time?", index).verdict == "unstated"


@pytest.mark.parametrize("question", ["Does ALS primarily affect muscle tissue?",
                                      "Does amyotrophic lateral sclerosis mainly affect the skeletal muscles?"])
def test_a_denial_hedged_by_the_word_asked_is_not_weakened_by_the_plain_relation(
        index: ClaimIndex, question: str) -> None:
    """"Does not primarily affect" answers a question asking "primarily" (or another of its mnd:negationHedge words):
    the plain statement that ALS affects the skeletal muscles (their atrophy) says nothing of primarily, so it only
    vouches (it was "Partly: ... does not primarily affect ...; ... affects ...")."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("no", "No: amyotrophic lateral sclerosis does not primarily affect "
                                                     "skeletal muscles.")
    assert "rather than a primary muscle disorder" in support(reply, index)[0][0].quote
    # near-misses: asked without "primarily", the denial still only says so far; of SMA nothing is denied
    assert answer("Does ALS affect the skeletal muscles?", index).verdict == "qualified"
    assert answer("Does SMA primarily affect muscle tissue?", index).verdict == "unstated"


@pytest.mark.parametrize("question", ["Does ALS stay stable over time?",
                                      "Does amyotrophic lateral sclerosis have a static course?"])
def test_a_stable_course_is_the_contrary_of_a_relentlessly_progressive_one(index: ClaimIndex, question: str) -> None:
    """"Stable", "static", "stays the same" course name the contrary of ALS's relentlessly progressive course
    (mnd:contraryLabel): its statement says no (it was "the documents don't say")."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "no", "No: amyotrophic lateral sclerosis has clinical feature relentlessly progressive course.")
    assert "relentless" in support(reply, index)[0][0].quote
    # near-miss: no statement gives MS a course, so the contrary says nothing of it
    assert answer("Does multiple sclerosis stay stable over time?", index).verdict == "unstated"


@pytest.mark.parametrize("question", ["Is the course of Lou Gehrig's disease stable?",
                                      "Is amyotrophic lateral sclerosis a stable condition?"])
def test_stable_alone_is_the_contrary_of_a_relentlessly_progressive_course(index: ClaimIndex, question: str) -> None:
    """"Stable" or "static" alone, with the course named apart or not at all, names the contrary of ALS's
    relentlessly progressive course: its statement says no (it was "the documents don't say", "stable course" only
    read side by side)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (
        "no", "No: amyotrophic lateral sclerosis has clinical feature relentlessly progressive course.")
    assert "relentless" in support(reply, index)[0][0].quote
    # near-misses: a stable incidence is not its course; SMA is given no relentless course
    assert answer("Is the incidence of ALS stable?", index).verdict == "unstated"
    assert answer("Is spinal muscular atrophy static?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Does hyperreflexia in ALS indicate demyelination?", "no",
     "No: hyperreflexia in ALS not indicative of demyelination."),
    ("Is muscle atrophy in ALS not indicative of demyelination?", "yes",
     "Yes: muscle atrophy in ALS not indicative of demyelination.")])
def test_a_kind_of_process_names_itself_where_a_statement_is_about_it(
        index: ClaimIndex, question: str, verdict: str, sentence: str) -> None:
    """"Demyelination" names the processes of that kind some disease has and, where a statement is about the kind
    itself (mnd:notIndicativeOf mnd:Demyelination), the kind: the denial answers (it was "the documents don't
    say")."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)
    assert "reflecting motor neuron death, not demyelination" in support(reply, index)[0][0].quote
    # near-miss: the kind named in a question of a disease still reads its processes ("secondary", partly)
    assert answer("Does ALS involve demyelination?", index).verdict == "qualified"


def test_a_test_named_with_a_disease_stands_for_the_findings_it_detects(index: ClaimIndex) -> None:
    """"Does MRI in ALS mislead clinicians?": the findings MRI detects that ALS has "can mislead clinicians unfamiliar
    with the distinction" (document 000): Partly, with its hedge (it was "the documents don't say")."""
    reply = answer("Does MRI in ALS mislead clinicians?", index)
    assert reply.verdict == "qualified" and reply.sentence.startswith(
        "Partly: abnormal T2/FLAIR signal in the corticospinal tracts can mislead clinicians unfamiliar with the "
        "distinction")
    assert any("can mislead clinicians unfamiliar with the distinction" in detail.quote
               for detail, _ in support(reply, index))
    # near-misses: no finding of SMA is stated; a test is no path to what a process it shows follows from
    assert answer("Does MRI in SMA mislead clinicians?", index).verdict == "unstated"
    assert answer("Does demyelination cause ALS?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "sentence"), [
    ("Does ALS leave people badly disabled?", "Partly: amyotrophic lateral sclerosis has clinical feature severe "
                                              "disability (often)."),
    ("Are all ALS patients badly disabled?", "Not all, usually: amyotrophic lateral sclerosis has clinical feature "
                                             "severe disability (often).")])
def test_lay_words_for_severe_disability_keep_its_hedge(index: ClaimIndex, question: str, sentence: str) -> None:
    """"Badly" or "seriously disabled" name ALS's severe disability, which it "often" leads to: partly, never a plain
    yes (it was "the documents don't say", "badly" a word the documents do not use)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("qualified", sentence)
    assert "severe disability" in support(reply, index)[0][0].quote
    assert answer("Does MS leave people badly disabled?", index).verdict == "unstated"  # near-miss


def test_a_single_cause_is_the_contrary_of_a_multifactorial_etiology(index: ClaimIndex) -> None:
    """"A single cause" names the contrary of ALS's multifactorial etiology (documents 000 and 002): no. "Only one",
    "just one" short of two values of the relation asked say nothing (it was "Partly" from MS's secondary
    pathology, which "cause" names)."""
    reply = answer("Does ALS have a single cause?", index)
    assert (reply.verdict, reply.sentence) == ("no", "No: amyotrophic lateral sclerosis multifactorial etiology true.")
    assert "multifactorial" in support(reply, index)[0][0].quote
    assert answer("Does MS have a single cause?", index).verdict == "unstated"  # near-misses
    assert answer("Is there just one cause of multiple sclerosis?", index).verdict == "unstated"
FTD_SURVIVAL = ("Frontotemporal dementia: Some patients develop frank dementia with executive dysfunction, which "
                "significantly shortens survival")


@pytest.mark.parametrize(("question", "verdict", "sentence", "quote"), [
    # both parts stated of the same thing
    ("In ALS, is the abnormal T2/FLAIR signal most frequently located in the posterior limb of the internal capsule "
     "and the cerebral peduncles?", "yes",
     "Yes, both: abnormal T2/FLAIR signal in the corticospinal tracts most frequently located in posterior limb of the "
     "internal capsule; abnormal T2/FLAIR signal in the corticospinal tracts most frequently located in cerebral "
     "peduncles.",
     "MRI findings in ALS show abnormal T2/FLAIR signal anywhere within the corticospinal tracts (most frequently in "
     "the posterior limb of the internal capsule and cerebral peduncles), which corresponds to underlying "
     "demyelination, axonal degeneration, AND gliosis seen on histopathology"),
    # the weakest hedge of the two wins: demyelination is secondary in ALS
    ("Does ALS involve calcium influx and demyelination?", "qualified",
     "Partly: amyotrophic lateral sclerosis involves mechanism calcium influx; amyotrophic lateral sclerosis has "
     "secondary pathology demyelination secondary to axonal degeneration (ALS) (secondary to the primary axonal "
     "degeneration).",
     "Glutamate excitotoxicity: Excessive glutamate accumulation causes overstimulation of motor neurons, leading to "
     "calcium influx and cell death"),
    # one part denied: no
    ("Does SMA cause muscle weakness and cognitive impairment?", "no",
     "No: spinal muscular atrophy has clinical feature muscle weakness; spinal muscular atrophy does not typically "
     "have cognitive impairment.",
     "SMA is a genetic disorder caused by a deficiency in the SMN1 gene, leading to progressive muscle weakness."),
    # each part denied while the whole got a hedge (ALS has them as secondary pathologies): no
    ("Are demyelination and gliosis primary in ALS?", "no",
     "No: amyotrophic lateral sclerosis does not have primary pathology demyelination secondary to axonal degeneration "
     "(ALS); amyotrophic lateral sclerosis does not have primary pathology gliosis along the corticospinal tracts "
     "(ALS).",
     "The key distinction here is that any demyelination seen is secondary to the primary axonal degeneration, not "
     "the primary disease process"),
    # three listed: each apart
    ("Does SMA cause muscle weakness, muscle atrophy and cognitive impairment?", "no",
     "No: spinal muscular atrophy has clinical feature muscle weakness; spinal muscular atrophy has clinical feature "
     "muscle atrophy; spinal muscular atrophy does not typically have cognitive impairment.",
     "It causes progressive muscle weakness and atrophy."),
    # a disease set beside another: said of each
    ("Is SMA, like MS, a demyelinating disease?", "no",
     "No: SMA is a disease of axonal degeneration affecting motor neurons (neuronal loss), not a demyelinating "
     "disease; Multiple sclerosis is the classic demyelinating disease.",
     "Neither ALS nor SMA are Demyelinating Diseases"),
    # "as in ALS": said of SMA and of ALS, not of ALS alone
    ("As in ALS, is muscle atrophy a feature of SMA?", "yes",
     "Yes, both: spinal muscular atrophy has clinical feature muscle atrophy; amyotrophic lateral sclerosis has "
     "clinical feature muscle atrophy.",
     "It causes progressive muscle weakness and atrophy."),
    # the middle thing named as the situation: "some patients" (who have FTD) is no hedge of what FTD does
    ("Do ALS patients with FTD die earlier?", "yes",
     "Yes: frontotemporal dementia has impact significantly shortened survival.", FTD_SURVIVAL)])
def test_a_question_in_two_parts_or_through_a_named_situation_is_answered_by_each_part(
        index: ClaimIndex, question: str, verdict: str, sentence: str, quote: str) -> None:
    """A yes/no question joining two things asked of the same one is asked of each apart: a yes only if both are
    stated, a no if one is denied, the weakest hedge otherwise; a middle thing named as the situation asked of is
    presupposed, not asked."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)
    assert support(reply, index)[0][0].quote == quote


@pytest.mark.parametrize("question", [
    # one part of two not stated: the spinal cord is where the signal lies, not said to be where it is most frequent
    "Is the corticospinal tract T2/FLAIR signal of ALS most frequently located in the cerebral peduncles and the "
    "spinal cord?",
    "Does SMA involve muscle wasting and glutamate excitotoxicity?",
    # SMA is like ALS in its lower motor neurons, not in upper ones, of which nothing is said for SMA
    "Does SMA, like ALS, affect upper motor neurons?",
    # SMA is not said to have FTD, so no ALS sentence says what FTD does in SMA
    "Do SMA patients with dementia die sooner?",
    # the snake eyes sign is ALS's; read whole, the question was a Yes from SMA sharing hallmarks with ALS
    "As in ALS, does spinal muscular atrophy show the snake eyes sign on MRI?",
    # two names side by side with no comma are no list: not "Does MRI appear in ALS?"
    "Does MRI snake eyes sign and T2/FLAIR signal appear in ALS?"])
def test_a_part_not_stated_leaves_the_whole_unstated(index: ClaimIndex, question: str) -> None:
    assert answer(question, index).verdict == "unstated"


@pytest.mark.parametrize(("question", "sentence", "quote"), [
    ("What do behavioural changes in ALS have an impact on?",
     "behavioural changes has impact: increased caregiver burden, reduced caregiver quality of life.",
     "Behavioral changes: Behavioral deficits negatively impact caregiver quality of life and increase caregiver "
     "burden"),
    # ALS has FTD in "some patients" only: still ALS's own, and no other disease is said to have it
    ("What impact does FTD have in amyotrophic lateral sclerosis?",
     "frontotemporal dementia has impact: significantly shortened survival.", FTD_SURVIVAL),
    ("What is the respiratory muscle weakness of ALS due to?",
     "respiratory muscle weakness due to: progressive degeneration and death of motor neurons and their axons (ALS).",
     "Primary cause of death: Respiratory failure due to respiratory muscle weakness from progressive motor neuron "
     "loss")])
def test_an_open_question_of_a_thing_a_disease_has_is_answered_by_the_things_own_statements(
        index: ClaimIndex, question: str, sentence: str, quote: str) -> None:
    """A thing only the disease named has, and a relation: the thing's own statements of it lead, the disease saying
    only whose the thing is."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("answer", sentence)
    assert support(reply, index)[0][0].quote == quote


def test_an_open_question_of_a_thing_another_disease_has_or_read_inversely_is_not_the_things_own(
        index: ClaimIndex) -> None:
    """SMA is not said to have behavioural changes, so ALS's say nothing of it; "lead to" read inversely asks what is
    due to respiratory muscle weakness (respiratory failure), not what it is due to."""
    assert answer("What is the impact of behavioural changes in SMA?", index).verdict == "unstated"
    assert "due to: progressive degeneration" not in answer(
        "What does respiratory muscle weakness in ALS lead to?", index).sentence


def test_a_hedge_of_the_situation_set_is_no_hedge_of_what_follows_from_it(index: ClaimIndex) -> None:
    """MRI shows ALS's corticospinal tract signal "commonly" and "can demonstrate" it: the question sets the signal as
    its situation and asks what it corresponds to, a plain statement; a hedge on the value asked still counts (MRI
    "may show" snake eyes in ALS)."""
    reply = answer("In ALS, does the abnormal corticospinal tract signal on MRI reflect gliosis?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes: abnormal T2/FLAIR signal in the corticospinal tracts corresponds to gliosis along the "
        "corticospinal tracts (ALS).")
    assert answer("Does MRI show snake eyes in ALS?", index).verdict == "qualified"
@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Is multiple sclerosis a disease of myelin loss?", "yes", "Yes: Multiple sclerosis is the classic demyelinating "
     "disease."),
    ("Is ALS a disease of myelin loss?", "no", "No: ALS is a disease of axonal degeneration affecting motor neurons, "
     "not a demyelinating disease."),
    ("Do people with ALS have increased reflexes?", "yes",
     "Yes: amyotrophic lateral sclerosis has clinical feature hyperreflexia."),
    ("Does muscular dystrophy weaken the muscles close to the trunk?", "qualified",
     "Typically: muscular dystrophy has clinical feature progressive proximal muscle weakness."),
    ("Can ALS leave someone unable to move?", "yes", "Yes: amyotrophic lateral sclerosis has clinical feature "
     "paralysis."),
    ("Do behaviour problems in ALS increase the burden on carers?", "yes",
     "Yes: behavioural changes has impact increased caregiver burden."),
    ("Does a muscle sample in muscular dystrophy show fat replacing muscle?", "yes",
     "Yes: muscle biopsy detects replacement of muscle with fat or connective tissue."),
    ("Is there glial scarring along the corticospinal tracts in ALS?", "qualified",
     "Partly: amyotrophic lateral sclerosis has secondary pathology gliosis along the corticospinal tracts (ALS) "
     "(secondary changes from the primary axonal degeneration)."),
    ("Do the nerve fibres degenerate in ALS?", "yes", "Yes: amyotrophic lateral sclerosis has primary pathology "
     "progressive degeneration and death of motor neurons and their axons (ALS)."),
    # a word of a name's word family the stemmer keeps apart: "fail" of failure, "difficult" of difficulty
    ("Does breathing fail in ALS?", "yes", "Yes: amyotrophic lateral sclerosis primary cause of death respiratory "
     "failure."),
    ("Does ALS make it hard to breathe?", "yes", "Yes: amyotrophic lateral sclerosis has clinical feature breathing "
     "problems."),
    ("Is swallowing difficult in bulbar-onset amyotrophic lateral sclerosis?", "qualified",
     "Partly: share of bulbar-onset ALS patients who develop dysarthria and dysphagia: about 80%; bulbar-onset "
     "amyotrophic lateral sclerosis has clinical feature dysphagia.")])
def test_a_lay_or_clinical_name_asks_the_thing_it_names(index: ClaimIndex, question: str, verdict: str,
                                                        sentence: str) -> None:
    """A patient's or clinician's name of a thing (skos:altLabel: HPO's layperson "increased reflexes", "glial
    scarring", "disease of myelin loss", "muscles near the trunk", "unable to move", "muscle sample") asks the very
    thing, in British spelling too ("behaviour", "fibres"); each was "the documents don't say" or an unknown word."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)


@pytest.mark.parametrize("question", ["Is there glial scarring in muscular dystrophy?",
                                      "Do the nerve fibres degenerate in MS?",
                                      "Do muscles near the trunk get weak in SMA?",
                                      "Does SMA cause increased reflexes?"])
def test_a_lay_name_of_a_thing_another_disease_has_says_nothing_of_this_one(index: ClaimIndex,
                                                                            question: str) -> None:
    """The lay name reads the thing, not its disease: ALS's gliosis and axonal degeneration, muscular dystrophy's
    proximal weakness, ALS's hyperreflexia are not said of the disease asked."""
    assert answer(question, index).verdict == "unstated"


def test_a_subtype_is_named_with_any_name_of_its_disease(index: ClaimIndex) -> None:
    """"Lou Gehrig disease" names ALS, so "bulbar onset Lou Gehrig disease" names bulbar-onset ALS (it read ALS and a
    typical onset: the documents don't say) and "familial Lou Gehrig disease" familial ALS, which has no dysphagia."""
    reply = answer("Does bulbar onset Lou Gehrig disease cause problems with swallowing?", index)
    assert (reply.verdict, reply.sentence) == (
        "qualified", "Partly: bulbar-onset amyotrophic lateral sclerosis has clinical feature dysphagia; share of "
        "bulbar-onset ALS patients who develop dysarthria and dysphagia: about 80%.")
    assert answer("Does familial Lou Gehrig disease cause problems with swallowing?", index).verdict == "unstated"
    assert answer("What genes cause familial Lou Gehrig disease?", index).sentence == \
        "familial amyotrophic lateral sclerosis has causal gene: C9orf72, FUS, SOD1, TARDBP."


@pytest.mark.parametrize(("question", "sentence"), [
    ("Do the breathing muscles shrink in amyotrophic lateral sclerosis?",
     "Yes: amyotrophic lateral sclerosis has clinical feature muscle atrophy."),
    ("Does ALS waste the muscles used for breathing?",
     "Yes: amyotrophic lateral sclerosis affects structure respiratory muscles.")])
def test_two_names_may_share_a_word(index: ClaimIndex, question: str, sentence: str) -> None:
    """"breathing muscles shrink": the respiratory muscles and, sharing "muscles", muscle atrophy ("shrinking
    muscles"); both were needed (it was "the documents don't say"). The shared reading needs a thing the other
    things named have: SMA's muscle atrophy is said, its breathing muscles are not; MS has neither."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("yes", sentence)
    assert "including respiratory muscles" in format_reply(reply, index, width=100_000)
    assert answer("Do the breathing muscles shrink in SMA?", index).verdict == "unstated"
    assert answer("Do the breathing muscles shrink in multiple sclerosis?", index).verdict == "unstated"


def test_a_thing_named_by_any_of_its_names_is_narrowed_by_the_words_beside_it(index: ClaimIndex) -> None:
    """"voluntary muscles ... degenerate" narrows the skeletal muscles to muscular dystrophy's degeneration of them,
    as "skeletal muscles ... degenerate" does (it was "the documents don't say"); not ALS's, which has none."""
    expected = ("yes", "Yes: muscular dystrophy has primary pathology progressive degeneration of the skeletal muscles "
                "(muscular dystrophy).")
    for question in ("Do the voluntary muscles degenerate in muscular dystrophies?",
                     "Do the skeletal muscles degenerate in muscular dystrophy?"):
        reply = answer(question, index)
        assert (reply.verdict, reply.sentence) == expected
    assert answer("Do the voluntary muscles degenerate in ALS?", index).verdict == "unstated"
@pytest.mark.parametrize(("question", "sentence", "quote", "near_miss"), [
    ("Is SMA handed down in families?", "Yes: spinal muscular atrophy has inheritance pattern autosomal recessive.",
     "Yes, it's an autosomal recessive genetic disorder.", "Is MS handed down in families?"),
    ("Does ascending sensory disturbance point to Guillain-Barré syndrome?",
     "Yes: ascending sensory disturbance or weakness raises suspicion of Guillain-Barré syndrome.",
     "should raise suspicion for true demyelinating diseases like Guillain-Barré syndrome or NMOSD",
     "Does ascending weakness point to ALS?"),
    ("Does ALS result in paralysis?", "Yes: amyotrophic lateral sclerosis has clinical feature paralysis.",
     "Rapid progression to paralysis", "Does SMA result in paralysis?"),
    ("Is SMN1 responsible for SMA?", "Yes: spinal muscular atrophy has causal gene SMN1.",
     "Genetic deficiency in the SMN1 gene", "Is SMN1 responsible for ALS?"),
    ("Is the posterior limb of the internal capsule the most common site of the abnormal T2/FLAIR signal in the "
     "corticospinal tracts in ALS?",
     "Yes: abnormal T2/FLAIR signal in the corticospinal tracts most frequently located in posterior limb of the "
     "internal capsule.", "most frequently in the posterior limb of the internal capsule and cerebral peduncles",
     "Is the spinal cord the most common site of the abnormal T2/FLAIR signal in the corticospinal tracts in ALS?"),
], ids=["handed-down", "point-to", "result-in", "responsible-for", "most-common-site"])
def test_a_relation_in_other_words_names_the_property(index: ClaimIndex, question: str, sentence: str, quote: str,
                                                      near_miss: str) -> None:
    """How clinicians and lay people say a relation (skos:altLabel / mnd:inverseAltLabel on the property: "handed
    down", "point to", "result in", "responsible for", "most common site") links the question to the claim; the same
    words of another disease or place stay unstated."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("yes", sentence)
    assert quote in format_reply(reply, index, width=1000)
    assert answer(near_miss, index).verdict == "unstated"


def test_a_value_named_as_a_verb_is_read_by_its_word_forms_beside_two_things(index: ClaimIndex) -> None:
    """The names of a value said of what another thing does ("significantly shortened survival") are nouns: "Does FTD
    reduce survival in ALS?" reads FTD and ALS and finds "reduce survival" among the value's words ("reduced
    survival"), rather than a third thing of which ALS's FTD, in some patients, would only partly answer."""
    reply = answer("Does frontotemporal dementia reduce survival in ALS?", index)
    assert (reply.verdict, reply.sentence) == ("yes", "Yes: frontotemporal dementia has impact significantly "
                                                      "shortened survival.")
    assert "which significantly shortens survival" in format_reply(reply, index, width=1000)
    assert answer("Does frontotemporal dementia reduce survival in SMA?", index).verdict == "unstated"


@pytest.mark.parametrize("question", [
    "Is the abnormal T2/FLAIR signal in the corticospinal tracts in ALS most often found in the cerebral peduncles?",
    "Is the abnormal T2/FLAIR signal in the corticospinal tracts most commonly present in the cerebral peduncles?"])
def test_a_relation_name_with_a_word_saying_it_is_there_inside_is_read(index: ClaimIndex, question: str) -> None:
    """"most often found in" is "most often in" with a word saying only that a thing is there inside it."""
    reply = answer(question, index)
    assert reply.verdict == "yes" and reply.reading.relations


def test_an_open_question_of_a_relation_of_a_value_the_words_name(index: ClaimIndex) -> None:
    """ALS has no statement of where it is most often located; its abnormal T2/FLAIR signal, which the words name,
    has: the places, not ALS's imaging findings."""
    text = format_reply(answer("Where is the abnormal T2/FLAIR signal most frequently found in ALS?", index), index)
    assert "cerebral peduncles" in text and "posterior limb of the internal capsule" in text


def test_more_than_one_asks_what_several_asks_but_not_a_share(index: ClaimIndex) -> None:
    """"More than one" is read as "several" (two values or more), so its "one" is no "one cause" (the contrary of a
    multifactorial etiology) nor a "just one"; "more than one in ten" asks a share and is left as it is."""
    assert "several" in read("Does SMA come in more than one form?", index).words
    assert not read("Does ALS have more than one cause?", index).contrary
    assert "several" not in read("Do more than one in ten ALS patients have a family history?", index).words


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is the etiology of ALS multifactorial?", "yes"),  # "multifactorial etiology", not "involves mechanism" too
    ("Does ALS involve several mechanisms?", "yes"),  # "involves mechanism", not "affects structure" too
    ("Is the etiology of ALS a single factor?", "no"),  # the contrary's relation: "multifactorial etiology"
    ("Is the etiology of SMA multifactorial?", "unstated"),
])
def test_a_relation_word_inside_a_name_of_another_relation_asked_is_part_of_it(index: ClaimIndex, question: str,
                                                                               verdict: str) -> None:
    reply = answer(question, index)
    assert reply.verdict == verdict and len(reply.reading.relations) == 1


@pytest.mark.parametrize(("question", "verdict"), [
    ("Are treatments for amyotrophic lateral sclerosis focused on prolonging survival?", "yes"),
    ("Are SMA treatments focused on prolonging survival?", "unstated"),
    ("Can ALS be cured?", "no"),  # its cure status; a chart row's name saying "treatment" and "cure" is no other answer
])
def test_a_relation_word_the_nary_statements_own_name_says(index: ClaimIndex, question: str, verdict: str) -> None:
    """"ALS treatments are focused on managing symptoms and prolonging survival" names no treatment (no intervention
    link), yet its own name says "treatments": where no statement linking the things asked is of the relation."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does SMA usually start in infancy or early childhood?", "yes"),  # "usually manifests in infancy or early ..."
    ("Does amyotrophic lateral sclerosis damage upper or lower motor neurons?", "answer"),  # "upper and lower": both
])
def test_or_as_the_cited_sentence_joins_the_two_is_a_yes_no(index: ClaimIndex, question: str, verdict: str) -> None:
    """"A or B" that a cited sentence itself says asks the documents' disjunction; other choices stay choices."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does spinal muscular atrophy make the muscles waste away progressively?", "yes"),  # "progressive muscle wasting"
    ("In SMA, do muscles waste away more and more?", "yes"),
    ("Does multiple sclerosis make the muscles waste away more and more?", "unstated"),
    ("Is ALS becoming more and more common?", "unstated"),
])
def test_an_adverb_after_the_thing_named_is_found_as_its_adjective_before_it(index: ClaimIndex, question: str,
                                                                            verdict: str) -> None:
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does SMA lead to muscle weakness which keeps getting worse?", "yes"),  # "progressive muscle weakness"
    ("Do muscular dystrophies cause weakness that worsens over time?", "yes"),  # "progressive weakness"
    ("Does SMA cause sensory loss that gets worse over time?", "no"),  # "without sensory loss", worse or not
    ("Does MS cause muscle weakness that gets worse over time?", "unstated"),
    ("Is it true that ALS gets worse over time?", "yes"),  # no relative clause: the course's own name
])
def test_a_relative_clause_saying_the_thing_gets_worse_is_read_as_progressive(index: ClaimIndex, question: str,
                                                                              verdict: str) -> None:
    """"X that gets worse over time" is "X progressively", which a cited sentence must say beside X's name."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is muscle fasciculation a lower motor neuron sign of amyotrophic lateral sclerosis?", "yes"),
    ("Is hypertonicity not an upper motor neuron sign in Lou Gehrig's disease?", "no"),
    ("Is hyperreflexia a lower motor neuron sign in ALS?", "unstated"),  # an upper motor neuron sign
    ("Is spasticity an upper motor neuron sign in muscular dystrophy?", "unstated"),  # MD usually lacks it
    ("Is hyperreflexia an upper motor neuron sign in SMA?", "unstated"),
])
def test_a_feature_is_of_a_kind_in_a_disease_by_its_manifestation_there(index: ClaimIndex, question: str,
                                                                        verdict: str) -> None:
    """"Is X a K of D?": the statement that X's manifestation in D is a K (derived from what it reflects the
    degeneration of) answers, with those saying it is X's and D's; the feature itself is of no kind."""
    reply = answer(question, index)
    assert reply.verdict == verdict
    if verdict != "unstated":
        assert "motor neuron sign" in reply.sentence


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is reduction of dystrophin a typical histopathologic feature of muscular dystrophy?", "yes"),
    ("Is absence of dystrophin not a typical histopathologic feature of muscular dystrophy?", "no"),
    ("Is replacement of muscle with fat usually a feature of ALS?", "unstated"),  # MD's
    ("Does ALS usually cause severe disability?", "unstated"),  # "typically" is of its onset, "often" of disability
])
def test_a_sentence_calling_the_relation_typical_says_each_value_it_lists_is_typical(
        index: ClaimIndex, question: str, verdict: str) -> None:
    """"Typical histopathologic features of muscular dystrophy include:" says each feature listed is a typical one."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is the abnormal MRI signal in ALS most frequently found in the cerebral peduncles?", "yes"),
    ("In ALS, is abnormal signal on MRI most frequently seen in the posterior limb of the internal capsule?", "yes"),
    ("Is gliosis in ALS most frequently located in the cerebral peduncles?", "unstated"),  # the signal's place
    ("Is the abnormal MRI signal in MS most frequently found in the cerebral peduncles?", "unstated"),  # ALS's
])
def test_a_third_thing_showing_the_middle_of_a_two_step_path_is_accounted_for(index: ClaimIndex, question: str,
                                                                              verdict: str) -> None:
    """ALS has the T2/FLAIR signal, most frequently located in the cerebral peduncles; "MRI" in "the abnormal MRI
    signal" names what detects that signal, not a third thing the path must reach."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does immunomodulation stop ALS progressing?", "no"),  # "do not halt ALS progression"
    ("Can treatment stop SMA from progressing?", "unstated"),  # it can slow progression: no "stop"
    ("Can gene therapy stop SMA?", "unstated"),
])
def test_stop_names_the_treatment_relation_as_halt_does(index: ClaimIndex, question: str, verdict: str) -> None:
    """"Immunomodulatory therapies effective for demyelinating diseases do not halt ALS progression": "stop" is
    "halt", asking more than a treatment does (STRONGER), so only a statement saying so answers yes."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is paralysis a result of Lou Gehrig's disease?", "yes"),  # "can lead to total paralysis"
    ("Is muscle wasting a consequence of spinal muscular atrophy?", "yes"),
    ("Is sensory loss a result of SMA?", "no"),  # "without sensory loss"
    ("Is ALS a result of muscle atrophy?", "unstated"),  # the other way round
    ("Is muscle weakness a result of MS?", "unstated"),
])
def test_a_result_of_reads_the_clinical_feature_inversely(index: ClaimIndex, question: str, verdict: str) -> None:
    """"X is a result of D" is "D results in X" read from its object, as "caused by" is: D has clinical feature X."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Do ALS patients usually die of respiratory failure?", "yes"),  # "Primary cause of death: Respiratory failure"
    ("Do ALS patients usually not die of respiratory failure?", "no"),
    ("Do people with SMA usually die of respiratory failure?", "unstated"),  # ALS's
])
def test_a_relation_named_first_of_its_kind_says_its_value_is_the_usual_one(index: ClaimIndex, question: str,
                                                                            verdict: str) -> None:
    """ALS's primary cause of death is respiratory failure: what its patients usually die of."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Can spinal muscular atrophy be detected before the child is born?", "yes"),  # "detected before birth"
    ("Can SMA be found before being born?", "yes"),
    ("Can ALS be detected before a baby is born?", "unstated"),
    ("Does SMA start before a baby is born?", "unstated"),  # its onset is in infancy or early childhood
])
def test_before_a_baby_is_born_is_before_birth(index: ClaimIndex, question: str, verdict: str) -> None:
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Do people with ALS die due to respiratory failure?", "yes"),  # "Primary cause of death: Respiratory failure"
    ("Do ALS patients die because their breathing muscles fail?", "yes"),
    ("Do people with ALS die because of dementia?", "unstated"),  # it shortens survival: no cause of death
    ("Do people with SMA die because of respiratory failure?", "unstated"),  # ALS's
])
def test_dying_because_of_a_thing_is_dying_of_it(index: ClaimIndex, question: str, verdict: str) -> None:
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does hypertonicity in amyotrophic lateral sclerosis reflect demyelination?", "no"),  # "not demyelination"
    ("Does muscle weakness in Lou Gehrig's disease reflect degeneration of the anterior horn cells?", "yes"),
    ("Does muscle weakness in multiple sclerosis reflect demyelination?", "unstated"),  # no manifestation in MS
])
def test_a_feature_in_a_disease_named_apart_is_asked_as_its_manifestation_there(index: ClaimIndex, question: str,
                                                                                verdict: str) -> None:
    """"Muscle weakness in amyotrophic lateral sclerosis" names the feature and the disease apart; the statements of
    the relation asked are of their manifestation, "muscle weakness in ALS"."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does frank dementia cut survival short in Lou Gehrig's disease?", "yes"),  # "significantly shortens survival"
    ("Does cognitive impairment cut survival short in ALS?", "unstated"),  # only frank dementia is said to
    ("Does MS cut survival short?", "unstated"),
])
def test_cut_short_is_shorten(index: ClaimIndex, question: str, verdict: str) -> None:
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Can immunomodulatory treatment halt amyotrophic lateral sclerosis progression?", "no"),
    ("Are immunomodulatory treatments appropriate for spinal muscular atrophy?", "no"),  # "not immunomodulation"
])
def test_immunomodulatory_treatment_names_the_immunomodulatory_therapies(index: ClaimIndex, question: str,
                                                                         verdict: str) -> None:
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict", "read_as"), [
    ("Does ALS follow a stabel course?", "no", ("stabel", "stable")),  # a contrary's word, not "suitable"
    ("Is SMA an aquired disease?", "no", ("aquired", "acquired")),
    ("Does ALS have a non-progresive course?", "no", ("non-progresive", "non-progressive")),  # not "progressive"
    ("Is ROS underproduction involved in ALS?", "unstated", None),  # not "overproduction"
    ("Is decreased oxidative stress involved in ALS?", "unstated", None),  # "Increased oxidative stress"
    ("Is reduced ROS production involved in ALS?", "unstated", None),  # "Increased production of ROS"
    ("Is increased oxidative stress involved in ALS?", "yes", None)])
def test_no_word_is_read_as_or_passed_over_for_one_of_opposite_sense(
        index: ClaimIndex, question: str, verdict: str, read_as: tuple[str, str] | None) -> None:
    """A misspelled name of a thing's contrary was read as another name or left unknown, a word of opposite sense
    ("underproduction", "non-progresive") was read as the documents' word ("overproduction", "progressive"), and a
    word saying which way a thing goes ("decreased") was passed over when a relation was named: wrong yeses."""
    reply = answer(question, index)
    assert reply.verdict == verdict
    if read_as:
        assert read_as in reply.reading.corrections


@pytest.mark.parametrize(("question", "verdict"), [
    ("In ALS patients who develop FTD, is survival shortened?", "yes"),
    ("Do ALS patients who get FTD have shortened survival?", "yes"),
    ("In patients with ALS who develop frontotemporal dementia, is survival lengthened?", "no")])
def test_patients_who_develop_a_thing_are_patients_with_it(index: ClaimIndex, question: str, verdict: str) -> None:
    """"Patients who develop FTD" was read as the relation "who develops" (has risk group), so nothing was answered;
    "Who develops ALS?" still asks it."""
    reply = answer(question, index)
    assert reply.verdict == verdict
    assert not reply.reading.relations
    assert answer("Who develops ALS?", index).reading.relations


def test_a_graph_with_no_cited_statement_answers_that_the_documents_do_not_say() -> None:
    """The ontology alone (``kg serve --graph`` of a graph with no claims) has nothing to rank: bm25s cannot index
    no text, which had raised from build_index."""
    empty = build_index(load_reasoned(sorted(Path(__file__).resolve().parents[1].joinpath("ontology").glob("*.ttl")))
                        .dataset())
    reply = answer("Is ALS demyelinating?", empty)
    assert (reply.verdict, format_reply(reply, empty)) == (
        "unstated", "Understood: demyelinating disease\nThe documents don't say this: Is ALS demyelinating?\n")


@pytest.mark.parametrize(("question", "verdict", "sentence", "quoted"), [
    ("Are the antioxidant defenses of cells overwhelmed in ALS?", "yes",
     "Yes: amyotrophic lateral sclerosis involves mechanism overwhelmed cellular antioxidant defenses.",
     "overwhelms cellular antioxidant defenses"),
    ("Does hyperreflexia in ALS reflect motor neuron degeneration?", "yes",
     "Yes: hyperreflexia in ALS reflects degeneration of motor neurons.", "reflecting motor neuron death"),
    ("Is ALS pathology outside the motor systems?", "qualified",
     "Partly: amyotrophic lateral sclerosis affects structure systems beyond the pure motor systems (in a "
     "substantial proportion of patients).", "extends beyond pure motor systems")])
def test_the_closest_cited_sentence_gives_the_verdict_matching_found_no_statement_for(
        index: ClaimIndex, question: str, verdict: str, sentence: str, quoted: str) -> None:
    """Matching found no statement of the relation or words asked, yet the closest statement's own sentence says it
    (kg.answers.sentence): its verdict, of the polarity and hedges of the statement it rests on ("in a substantial
    proportion of patients": partly)."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)
    assert quoted in support(reply, index)[0][0].quote


def test_a_sentence_saying_a_thing_only_in_contrast_or_with_a_hedge_of_its_own_gives_no_verdict(
        index: ClaimIndex) -> None:
    """A thing named only after a contrast word ("Unlike SMA, ...") is not what the sentence speaks of; a hedge of the
    sentence beside the thing asked ("may") that the statement's own qualifiers do not carry leaves the verdict
    unsaid rather than a plain yes. The same sentence without them says yes. A relation word must join the things
    asked within one clause, and a word put before a thing asked must stand before its name in the sentence."""
    statement = next(s for s in index.statements if index.label(s.subject) == "amyotrophic lateral sclerosis"
                     and str(s.property).endswith("#affectsNeuron") and index.label(s.object) == "upper motor neurons")
    plain = "ALS affects upper motor neurons, causing spasticity"
    assert says(index, read("Does ALS damage upper motor neurons?", index), statement, plain) == "yes"
    assert says(index, read("Does ALS spare upper motor neurons?", index), statement, plain) == "no"
    assert says(index, read("Does SMA damage upper motor neurons?", index), statement,
                "Unlike SMA, ALS affects upper motor neurons, causing spasticity") is None
    assert says(index, read("Does ALS damage upper motor neurons?", index), statement,
                "ALS may affect upper motor neurons, causing spasticity") is None
    assert answer("Does reactive oxygen species production keep up with antioxidant defenses in ALS?",
                  index).verdict == "unstated"  # which of two keeps up with which: not read off a sentence
    # "caused by a deficiency in the SMN1 gene, leading to progressive muscle weakness": the cause is of another
    # clause's thing; "secondary changes from the primary axonal degeneration": "secondary" is said of the changes
    assert answer("Does muscle weakness cause SMA?", index).verdict == "unstated"
    assert answer("Does snake eyes show secondary axonal loss?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Does SMA cause loss of sensation? What about ALS?", "answer",
     "For spinal muscular atrophy, no: spinal muscular atrophy does not typically have sensory loss. "
     "For amyotrophic lateral sclerosis, the documents don't say."),
    ("Is spinal muscular atrophy demyelinating, and is multiple sclerosis?", "answer",
     "For spinal muscular atrophy, no: SMA is a disease of axonal degeneration affecting motor neurons (neuronal "
     "loss), not a demyelinating disease. For multiple sclerosis, yes: Multiple sclerosis is the classic "
     "demyelinating disease."),
    ("Is SMA a neurodegenerative disease? How about ALS?", "yes",
     "Yes. For spinal muscular atrophy, yes (derived): spinal muscular atrophy is a neurodegenerative disease. "
     "For amyotrophic lateral sclerosis, yes: ALS is a neurodegenerative disease (Difference Wiki)."),
])
def test_a_follow_up_about_another_disease_is_asked_of_it(index: ClaimIndex, question: str, verdict: str,
                                                          sentence: str) -> None:
    """"Is ALS demyelinating, and is MS?" was "Yes" (MS's statement, read as the answer for both): the question is
    asked of each disease, each answer shown, and a verdict only where both agree."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)
    assert len({frozenset(m.terms) for m in reply.reading.entities if m.terms & index.diseases}) == 2  # understood


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    # "Is ALS or MS demyelinating? And SMA?" was "No", from SMA's statement alone: each disease is asked apart
    ("Is SMA or MS a demyelinating disease? How about ALS?", "answer",
     "For spinal muscular atrophy, no: SMA is a disease of axonal degeneration affecting motor neurons (neuronal "
     "loss), not a demyelinating disease. For multiple sclerosis, yes: Multiple sclerosis is the classic "
     "demyelinating disease. For amyotrophic lateral sclerosis, no: ALS is a disease of axonal degeneration "
     "affecting motor neurons, not a demyelinating disease."),
    # "Is ALS demyelinating like MS? And SMA?" was "No" from SMA's statement alone, ALS's left out: the diseases are
    # not named side by side, so the follow-up's is asked in the place of the first one named, the subject
    ("Is spinal muscular atrophy a demyelinating disease, as MS is? How about ALS?", "no",
     "No. For spinal muscular atrophy, no: SMA is a disease of axonal degeneration affecting motor neurons (neuronal "
     "loss), not a demyelinating disease; Multiple sclerosis is the classic demyelinating disease. For amyotrophic "
     "lateral sclerosis, no: ALS is a disease of axonal degeneration affecting motor neurons, not a demyelinating "
     "disease; Multiple sclerosis is the classic demyelinating disease."),
    ("Is SMA a form of ALS? And MS?", "unstated",  # one disease asked of another, then of the follow-up's
     "For spinal muscular atrophy, the documents don't say. For multiple sclerosis, the documents don't say.")])
def test_a_follow_up_after_two_diseases_asks_each_disease_apart(index: ClaimIndex, question: str, verdict: str,
                                                                 sentence: str) -> None:
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)


def test_it_in_a_second_question_is_the_disease_the_first_names(index: ClaimIndex) -> None:
    """"Is ALS demyelinating? And is it genetic?" read "it" as nothing named: the documents don't say."""
    reply = answer("Is MS demyelinating? Does it affect motor neurons?", index)
    assert (reply.verdict, reply.sentence) == (
        "answer", "Is MS demyelinating? Yes: Multiple sclerosis is the classic demyelinating disease. Does MS affect "
                  "motor neurons? The documents don't say this: Does MS affect motor neurons?")


def test_several_questions_are_each_answered(index: ClaimIndex) -> None:
    """"Is SMA genetic? Is ALS demyelinating?" was "No", for SMA, from ALS's question: each is answered apart."""
    reply = answer("Is ALS a motor neuron disease? Is MS demyelinating?", index)
    assert (reply.verdict, reply.sentence) == (
        "yes", "Yes. Is ALS a motor neuron disease? Yes (derived): amyotrophic lateral sclerosis is a motor neuron "
               "disease. Is MS demyelinating? Yes: Multiple sclerosis is the classic demyelinating disease.")


@pytest.mark.parametrize("question", ["Is SMA a form of SMA?", "Does ALS lead to amyotrophic lateral sclerosis?"])
def test_a_thing_asked_of_itself_is_not_answered_by_its_other_statements(index: ClaimIndex, question: str) -> None:
    """"Does SMA cause SMA?" was "Yes" (SMA has causal gene SMN1): no statement relates a disease to itself."""
    assert answer(question, index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict"), [
    ("Do immunomodulatory therapies fail to halt ALS progression?", "yes"),  # it was "No": "fail to" was not read
    ("Does ALS fail to affect motor neurons?", "no"),  # it was "Yes"
    ("Do immunomodulatory therapies halt ALS progression?", "no")])
def test_fail_to_asks_in_the_negative(index: ClaimIndex, question: str, verdict: str) -> None:
    """Document 001: "Immunomodulatory therapies effective for demyelinating diseases do not halt ALS progression":
    "fail to halt" asks whether they do not halt it, so the document says yes."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is muscle weakness caused by ALS?", "yes"),  # it was unstated: "caused by" named only causes
    ("Is progressive muscle wasting caused by SMA?", "yes"),
    ("Is SMA caused by muscle wasting?", "unstated"),  # it was "Yes": the reverse of SMA's clinical feature
    ("Is ALS caused by spasticity?", "unstated"),
    ("Is SMN1 caused by SMA?", "unstated"),  # the reverse of "SMA caused by SMN1"
    ("Is SMA caused by SMN1?", "yes"),
    ("Is hyperreflexia a sign of ALS?", "yes")])  # "sign of" keeps its reading: "caused by" gives it no direction
def test_a_feature_caused_by_a_disease_is_the_disease_s_clinical_feature(index: ClaimIndex, question: str,
                                                                        verdict: str) -> None:
    """Document 004: "SMA (Spinal Muscular Atrophy) is a genetic disorder causing progressive muscle wasting":
    "caused by" reads a clinical feature's statement from its object (mnd:inverseAltLabel), the feature named
    first; a disease named first asks the reverse, which no document says."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Do some people with ALS live longer than ten years?", "qualified"),  # it was unstated: "ten" is not "10"
    ("Do ALS patients live longer than twenty years?", "unstated"),  # a figure spelled out is checked as one
    ("Do up to forty percent of ALS patients develop cognitive impairment?", "yes"),
    ("Do more than forty percent of ALS patients develop cognitive impairment?", "unstated")])  # "up to 40%"
def test_a_number_spelled_out_is_the_figure_the_documents_write(index: ClaimIndex, question: str,
                                                                verdict: str) -> None:
    """Documents 002 and 003: "Only 5-10% of patients live longer than 10 years", "Up to 40% of patients develop
    evidence of cognitive deterioration": "ten years" and "forty percent" ask of those figures, bounds and all."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Can someone with ALS live more than 10 years?", "qualified"),  # it was unstated: "more", not "longer"
    ("Do ALS patients live past 10 years?", "qualified"),
    ("Do most ALS patients live more than 10 years?", "no"),
    ("Do ALS patients live more than 20 years?", "unstated"),  # no share past 20 years is stated
    ("Is surviving more than 10 years with ALS common?", "unstated"),  # how often: not "some do"
    ("Do ALS patients live more than 10 years happily?", "unstated")])  # a word no name of the share holds
def test_surviving_past_a_duration_in_any_words_of_the_share_is_partly(index: ClaimIndex, question: str,
                                                                       verdict: str) -> None:
    """Documents 002 and 003: "Only 5-10% of patients live longer than 10 years": a plain yes/no asking whether
    patients survive past the duration, in any name of the share's kind ("live more than", "live past"), is
    partly so; "most" and "all" keep their verdicts."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is the mean survival in ALS 3 to 5 years?", "yes"),  # it was unstated: "mean" read as "means"
    ("Is ALS life expectancy 3-5 years?", "yes"),  # it was unstated: "life expectancy" names the figure's kind
    ("Is the average survival in ALS 3-5 years?", "yes"),
    ("Is ALS survival 10 years?", "unstated"),  # not the share surviving beyond 10 years ("long-term survival")
    ("Is the mean survival in ALS 10 years?", "unstated"),
    ("Does snake eyes mean lower motor neuron disease?", "yes")])  # "mean" outside a figure's name still relates
def test_a_figure_is_named_by_whole_names_of_its_kind(index: ClaimIndex, question: str, verdict: str) -> None:
    """Documents 001-003: "mean survival of 3-5 years": a figure of mean survival is named by every whole name of
    its kind (mnd:MeanSurvival: "life expectancy", "average survival"), and "mean" inside that name is no relation;
    a word of a longer name ("survival" of "long-term survival") names no figure of that kind."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize("question", [
    "Does ALS damage eye motor neurons?",  # "eyes" heads the name of the snake eyes appearance
    "Does ALS result in weakness with dystrophin loss?",  # "dystrophin" heads muscular dystrophy's "lack of dystrophin"
    "Does SMA cause muscle weakness through dystrophin?"])
def test_a_word_heading_another_things_name_must_be_said_by_the_statement(index: ClaimIndex, question: str) -> None:
    """A word left unexplained that heads the name of another thing of the graph narrows the question to it: no
    statement of ALS's motor neurons says "eyes", none of SMA's weakness "dystrophin"; each was "Yes"."""
    assert answer(question, index).verdict == "unstated"
    assert answer("Is SMA a recessive genetic disorder?", index).verdict == "yes"  # its cited sentence says it


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does MS harm the spinal cord by way of axonal degeneration?", "unstated"),  # the cord is linked to ALS's
    ("Does ALS affect motor neurons through oxidative stress?", "yes")])  # "... damaging motor neurons"
def test_a_thing_named_as_the_way_must_be_said_by_the_statement(index: ClaimIndex, question: str,
                                                                verdict: str) -> None:
    """A thing named after "through" or "by way of" is the way of what is asked: a statement linking the others
    answers only if it, its cited sentence, or one linking the thing to its subject says it."""
    assert answer(question, index).verdict == verdict


def test_an_open_answer_of_one_disease_rests_on_no_other_diseases_claim(index: ClaimIndex) -> None:
    """The best claim of an open question naming a disease is none of another disease alone, by its terms or the
    brackets of its value's label: ALS's primary pathology ("... (ALS)") led the answer to SMA's cause of death."""
    for question in ("In SMA, what is the primary cause of death?",
                     "What is the primary cause of death for people with muscular dystrophy?"):
        assert answer(question, index).verdict == "unstated"
    assert "respiratory failure" in answer("What is the main cause of death in Lou Gehrig disease?", index).sentence


@pytest.mark.parametrize("question", [
    "Does SMA share its inheritance pattern with ALS?",
    "Do ALS and SMA share the same imaging findings?",
    "Does ALS share its typical onset with SMA?",
    "Do SMA and ALS share the same life expectancy?"])
def test_a_statement_between_two_diseases_says_no_other_relation_or_word_asked(index: ClaimIndex,
                                                                             question: str) -> None:
    """"ALS shares hallmark with SMA" says which hallmarks they share, not their inheritance, imaging findings,
    onset or life expectancy: each was "Yes"; the hallmarks its sentence names still are."""
    assert answer(question, index).verdict == "unstated"
    assert answer("Do SMA and ALS share intrinsic muscle defects?", index).verdict == "yes"


@pytest.mark.parametrize(("question", "verdict"), [
    ("Do all kinds of SMA cause the same disability?", "unstated"),  # it "can" lead to severe disability
    ("Do all SMA forms result in the same disability?", "unstated"),
    ("Can SMA patients get better without treatment?", "unstated"),  # supportive care "can improve quality of life"
    ("Can SMA improve with treatment?", "yes"),
    ("Does SMA cause muscle wasting without sensory loss?", "yes")])
def test_a_verdict_rests_on_statements_saying_the_condition_asked(index: ClaimIndex, question: str,
                                                                  verdict: str) -> None:
    """Whether something is the same across one thing's kinds is said only by a statement saying how it varies, and
    what a thing does is no answer of what happens without it: "Partly" and "No" before."""
    assert answer(question, index).verdict == verdict


def test_a_verdict_read_off_a_sentence_of_the_relation_asked_quotes_it(index: ClaimIndex) -> None:
    """The statement a sentence's verdict rests on may be of another relation ("ALS has clinical feature relentlessly
    progressive course"): the answer quotes the sentence saying the relation asked ("reflects"), once."""
    reply = answer("Does ALS's relentless course reflect neuronal death and axonal loss?", index)
    assert reply.verdict == "yes"
    assert "has clinical feature" not in reply.sentence
    assert reply.sentence.count("reflects ongoing neuronal death") == 1


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does axonal degeneration reflect the corticospinal tract signal in ALS?", "unstated"),
    ("Does lower motor neuron disease reflect anterior horn changes?", "unstated"),
    ("Does the abnormal T2/FLAIR signal in ALS reflect gliosis?", "yes"),
    ("Do the anterior horns' snake eyes reflect lower motor neuron disease?", "yes")])
def test_a_verb_of_a_relations_own_asked_by_does_reads_subject_first(index: ClaimIndex, question: str,
                                                                   verdict: str) -> None:
    """"Does X reflect Y?" asks whether X corresponds to Y: the documents say the signal reflects axonal
    degeneration and the snake eyes appearance lower motor neuron disease, not the reverse (each was "Yes")."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is ALS more common in women?", "no"),  # it was unstated: the hedge says only how much
    ("Are women more likely to get ALS?", "no"),
    ("Is ALS not more common in women?", "yes"),
    ("Is ALS more common in men?", "qualified")])
def test_a_hedge_of_how_much_still_says_no_to_the_contrary(index: ClaimIndex, question: str, verdict: str) -> None:
    """Document 004: "with a slight male predominance": "slight" says how much, not of whom, so the contrary
    (female) is still no, while the thing itself stays partly so."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Does MS damage the myelin sheath through axonal injury?", "unstated"),  # its axonal injury is secondary
    ("Does Lou Gehrig disease harm motor neurons through demyelination?", "unstated"),
    ("Does ALS result in total paralysis through respiratory failure?", "unstated"),  # two outcomes side by side
    ("Does ALS affect motor neurons through oxidative stress?", "yes")])
def test_a_diseases_secondary_pathology_is_not_the_way_of_what_it_does(index: ClaimIndex, question: str,
                                                                       verdict: str) -> None:
    """A thing named as the way that the statements call a secondary pathology of the disease asked follows from
    its primary process, and a statement of the way itself (ALS has respiratory failure) says it is the way of
    nothing: "Partly" or "Yes" before."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is difficulty swallowing rare in bulbar ALS?", "no"),  # it was unstated
    ("Is dysphagia common in bulbar-onset ALS?", "yes"),
    ("Is dysphagia not rare in bulbar ALS?", "yes"),
    ("Is cognitive impairment rare in ALS?", "unstated"),  # up to 40%: neither common nor rare said
    ("Is familial ALS rare?", "unstated")])  # 5-10%: no share over half
def test_how_often_is_answered_by_a_share_over_half(index: ClaimIndex, question: str, verdict: str) -> None:
    """Documents 002 and 003: "Almost 80% of ALS patients with bulbar onset develop dysarthria and dysphagia": a
    share over half says common, so not rare; one under half says neither."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is SMA a feature of muscle weakness?", "unstated"),
    ("Is ALS a sign of hyperreflexia?", "unstated"),
    ("Is hyperreflexia a sign of ALS?", "yes"),
    ("Is the snake eyes appearance a sign of lower motor neuron disease?", "yes")])
def test_a_feature_or_sign_of_a_thing_names_the_feature_first(index: ClaimIndex, question: str, verdict: str) -> None:
    """"X is a feature (sign) of Y" names the feature first: a disease's value, or the statement's subject where
    it is no disease (the snake eyes appearance corresponds to lower motor neuron disease); asked the other way
    round it was "Yes", also after the relation was dropped to read the things as merely linked."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is ALS involved in apoptosis?", "unstated"),
    ("Does Lou Gehrig disease play a role in glutamate toxicity?", "unstated"),
    ("Is amyotrophic lateral sclerosis part of mitochondrial dysfunction?", "unstated"),
    ("Is apoptosis involved in ALS?", "yes"),
    ("Is DNA testing part of the diagnosis of muscular dystrophies?", "yes")])
def test_involved_in_names_the_mechanism_first(index: ClaimIndex, question: str, verdict: str) -> None:
    """Documents 000 and 002: ALS's etiology involves apoptosis, glutamate toxicity and mitochondrial dysfunction;
    "X is involved in (plays a role in, is part of) Y" names the mechanism first, so asked with the disease first it
    was "Yes", after the relation was dropped to read the things as merely linked; a name asking only whether two
    things go together is no second relation saying which way ("part of the diagnosis")."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("Which genes are behind MS?", "unstated"),
    ("What gene mutations cause MS?", "unstated"),
    ("Which genes cause familial ALS?", "answer"),
    ("Tell me the prognosis in multiple sclerosis.", "unstated"),
    ("What is the prognosis for SMA?", "answer")])
def test_an_open_question_of_a_relation_or_word_said_only_of_other_diseases_is_unstated(
        index: ClaimIndex, question: str, verdict: str) -> None:
    """No document names a gene of MS or its prognosis (document 004 gives ALS's and SMA's): the open questions
    answered with MS's clinical features or whatever else was said of MS, no verdict but misleading."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize(("question", "verdict"), [
    ("What is MS caused by?", "unstated"),
    ("What can cause multiple sclerosis?", "unstated"),
    ("What causes SMA?", "answer"),  # its causal gene
    ("What causes spinal muscular atrophy?", "answer"),  # not also what SMA causes: "muscular atrophy" is in the name
    ("What does SMA cause?", "answer")])  # its clinical features
def test_what_causes_a_disease_no_document_gives_a_cause_of_is_unstated(index: ClaimIndex, question: str,
                                                                        verdict: str) -> None:
    """No document says what causes MS: "What causes MS?" listed MS's clinical features (what MS causes, read the
    other way round), "What is the cause of MS?" led with a sentence using the word "causes" of ALS."""
    reply = answer(question, index)
    assert reply.verdict == verdict
    assert "has clinical feature" not in reply.sentence or question.startswith("What does")


@pytest.mark.parametrize(("question", "verdict"), [
    ("Is the incidence of amyotrophic lateral sclerosis per year 1-2 per 100,000 people?", "yes"),
    ("What is the yearly incidence of ALS?", "answer")])
def test_a_figure_of_a_year_is_asked_per_year_or_yearly(index: ClaimIndex, question: str, verdict: str) -> None:
    """Documents 002 and 003 give ALS's "annual incidence" (1-2 per 100,000): asked "per year", "year" was a word no
    name accounted for, and the documents didn't say."""
    reply = answer(question, index)
    assert reply.verdict == verdict
    assert "annual incidence of ALS: 1-2 per 100,000 people" in reply.sentence


@pytest.mark.parametrize("question", ["Yes!", "Why?", "break it down"])
def test_input_naming_nothing_of_the_graph_gets_no_answer(index: ClaimIndex, question: str) -> None:
    """"yes" was answered "spinal muscular atrophy always inherited: true." (document 004's "Yes, it's an autosomal
    recessive genetic disorder" ranked first): a question naming no thing and no relation is about nothing a
    statement could be about; the closest statements are shown, as for any question the documents don't answer."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == ("unstated", f"The documents don't say this: {question}")
    assert reply.used  # the closest statements by their words


@pytest.mark.parametrize(("question", "verdict", "sentence"), [
    ("Why would somebody get spinal muscular atrophy?", "answer", "spinal muscular atrophy has causal gene: SMN1."),
    ("Why does multiple sclerosis occur?", "unstated",
     "The documents don't say this: Why does multiple sclerosis occur?"),
    ("Why does ALS get worse?", "answer", "amyotrophic lateral sclerosis has clinical feature: relentlessly "
                                          "progressive course.")])  # how it goes on, not how it comes about
def test_why_a_disease_comes_about_asks_what_causes_it(index: ClaimIndex, question: str, verdict: str,
                                                         sentence: str) -> None:
    """"Why do people get SMA?" was answered with a treatment not appropriate for SMA, "Why does SMA happen?" with
    what SMA does not have: asking only how the one disease named comes about, it asks what causes it."""
    reply = answer(question, index)
    assert (reply.verdict, reply.sentence) == (verdict, sentence)


@pytest.mark.parametrize(("question", "verdict"), [
    ("Do they affect upper motor neurons?", "unstated"),  # it was "Yes", listing the diseases that do
    ("Is it an autosomal recessive disease?", "unstated"),
    ("Is it true that SMA is inherited?", "yes")])  # "it" of a statement asked is no thing
def test_it_or_they_naming_nothing_gets_no_verdict(index: ClaimIndex, question: str, verdict: str) -> None:
    """A yes/no of "it" or "they" with no disease named asks of a thing the question does not name: that some
    disease does says nothing of it."""
    assert answer(question, index).verdict == verdict


@pytest.mark.parametrize("question", ["Are antioxidant defenses not overwhelmed in ALS?",
                                      "In Lou Gehrig's disease, are the antioxidant defences not overwhelmed?"])
def test_a_not_inside_a_name_read_in_other_word_order_denies_it(index: ClaimIndex, question: str) -> None:
    """"not" is a stopword the names' stems drop: "antioxidant defenses not overwhelmed" was read as a name of the
    overwhelmed antioxidant defenses in other order, the denial lost, and the answer was a wrong yes; now the
    "not" asks in the negative, so document 003's "overwhelms cellular antioxidant defenses" says no."""
    reply = answer(question, index)
    assert reply.verdict == "no"
    assert "overwhelms cellular antioxidant defenses" in support(reply, index)[0][0].quote
    # near-miss: asked plainly, yes
    assert answer("Are antioxidant defenses overwhelmed in ALS?", index).verdict == "yes"


@pytest.mark.parametrize(("question", "verdict"), [("Do antioxidant defenses not keep up in ALS?", "yes"),
                                                   ("Is sensation not kept in spinal muscular atrophy?", "no")])
def test_not_before_a_word_of_keeping_denies_the_keeping(index: ClaimIndex, question: str, verdict: str) -> None:
    """"keep" already asks in the negative (sparing); "not keep" denies that, so two negations: it was read as one,
    the same as "keep", and answered the contrary of what the documents say ("not keep up": a wrong no, though
    document 003 says reactive oxygen species overwhelm the defenses)."""
    assert answer(question, index).verdict == verdict
    # near-misses: without "not", the contrary; "not keep ... in a separate category" keeps its relation's reading
    assert answer(question.replace(" not", ""), index).verdict == ("no" if verdict == "yes" else "yes")
    assert answer("Does ICD-11 not keep MND in a separate category from MD?", index).verdict == "no"


@pytest.mark.parametrize("question", ["Do the antioxidant defences cope with the increased production of reactive "
                                      "oxygen species in Lou Gehrig's disease?",
                                      "In amyotrophic lateral sclerosis, do antioxidant defenses withstand the "
                                      "reactive oxygen species production?"])
def test_antioxidant_defenses_coping_is_the_contrary_of_their_being_overwhelmed(index: ClaimIndex,
                                                                                question: str) -> None:
    """Antioxidant defenses that keep up, cope, withstand or overcome are the contrary of overwhelmed ones
    (mnd:contraryLabel): document 003's "overwhelms cellular antioxidant defenses" says no (it was "the documents
    don't say" whenever the reactive oxygen species were named beside them)."""
    reply = answer(question, index)
    assert reply.verdict == "no"
    assert "overwhelms cellular antioxidant defenses" in support(reply, index)[0][0].quote
    # near-misses: of SMA nothing is said; asked in the negative, no contrary's name is read and no verdict given
    assert answer("Do antioxidant defenses overcome the increased production of reactive oxygen species in SMA?",
                  index).verdict == "unstated"
    assert answer("Do antioxidant defences not cope in ALS?", index).verdict == "unstated"


@pytest.mark.parametrize(("question", "verdict"), [("Is Lou Gehrig's disease always inherited?", "no"),
                                                   ("Is amyotrophic lateral sclerosis not always inherited?", "yes")])
def test_some_sporadic_cases_say_als_is_not_always_inherited(index: ClaimIndex, question: str, verdict: str) -> None:
    """Document 004 answers "Is ALS hereditary?" with "Most ALS cases are sporadic, but some are familial.": a
    statement that some cases are not inherited (sporadic: no family history), so not always (it was "the documents
    don't say", no source saying of ALS whether every case is)."""
    reply = answer(question, index)
    assert reply.verdict == verdict
    assert support(reply, index)[0][0].quote == "Most ALS cases are sporadic, but some are familial."
    # near-misses: SMA's FAQ says it is always inherited; of MS nothing is said (never a no from absence)
    assert answer("Is spinal muscular atrophy always inherited?", index).verdict == "yes"
    assert answer("Is multiple sclerosis always inherited?", index).verdict == "unstated"
