"""Reading a question: checked input, the entities and relations it names, typos, unknown names, polarity.

Names are the graph's labels and skos:altLabels (kg.answers.claim_index), matched longest first over the words of
the question. A word the graph does not know is corrected to a name's word only when one word is clearly
meant (difflib, one best match); otherwise an unknown word that is not common English of the question kind
is named as unknown to the graph.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from rdflib import URIRef

from kg.answers.claim_index import (
    ONTOLOGY,
    QUANTIFIERS,
    STEMMER,
    SUBTYPE_OF,
    WORD,
    ClaimIndex,
    words,
)
from kg.answers.english import common, common_words
from kg.errors import InputError

MAX_CHARACTERS = 1000
LONGEST_NAME = 8
TYPO_CUTOFF = 0.84
CONTEXT_CUTOFF = 0.7  # a word that makes a name with the word beside it
YES_NO = {"is", "are", "does", "do", "did", "can", "could", "should", "has", "have", "was", "were", "will",
          "would", "may", "might", "must"}
# a question opening with a negated auxiliary asks for confirmation ("Isn't SMA inherited?" asks "Is SMA
# inherited?", and "No" still means it is not): read as the positive question, not as one asked in the negative
CONFIRMING = {"isn't": "is", "aren't": "are", "doesn't": "does", "don't": "do", "didn't": "did", "can't": "can",
              "cannot": "can", "couldn't": "could", "shouldn't": "should", "hasn't": "has", "haven't": "have",
              "wasn't": "was", "weren't": "were", "won't": "will", "wouldn't": "would", "mustn't": "must"}
# the same typed without the apostrophe ("isnt", "doesnt", "cant", "wont"): read as the contraction
CONFIRMING |= {negative.replace("'", ""): positive for negative, positive in CONFIRMING.items() if "'" in negative}
NEGATIONS = {"not", "no", "never", "without", "lack", "lacks", "absent", "spared", "spare", "preserved", "kept", "keep",
             "keeps",
             "intact", "retained", "unimpaired",
             "useless", "ineffective", "pointless", "worthless", "unhelpful", "futile", "lacking", "missing",
             "cannot", "non", "wrong", "false", "incorrect", "untrue", "free", *CONFIRMING}
KEEPING = {"kept", "keep", "keeps", "preserved", "retained"}  # negations saying a thing is spared, as verbs
# a tag after a statement asking to confirm it ("..., isn't it?", "..., right?")
TAG = re.compile(r",\s*(?:right|correct|true|yes|no|(?:is|are|does|do|did|can|was|were|has|have|will)(?:n'?t)?"
                 r"\s+(?:it|they|there|that|he|she))\s*\?+\s*$", re.IGNORECASE)
# words opening a question that are no part of it ("So is ALS genetic?", "And does SMA ...?")
DISCOURSE = {"so", "and", "but", "then", "ok", "okay", "also", "now", "well"}
# the words asking an open question
WH = {"what", "which", "where", "when", "why", "how", "who", "whom", "whose", "whats"}
# the words between "Is it" and "that" of a question about a statement ("Is it not true that SMA is caused by
# SMN1?", "Isn't it the case that ..."): the statement after "that" is what is asked, in the positive
ABOUT_STATEMENT = {"not", "true", "the", "case", "correct", "right", "so", "really", "fact", "a"}
# the words of a question that name nothing: function words and the question's own frame
FRAME = {
    "a", "about", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "being", "both", "but", "by",
    "can", "could", "did", "do", "does", "each", "either", "ever", "for", "from", "get", "gets", "had", "has",
    "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "more", "most", "much", "my", "of", "on",
    "one", "or", "other", "our", "should", "so", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "too", "up", "us", "usually", "was",
    "we", "were", "what", "when", "where", "which", "who", "whom", "whose", "why", "will", "with", "would",
    "you", "your", "people", "person", "someone", "patients", "patient", "doctor", "doctors", "disease",
    "diseases", "disorder", "disorders", "condition", "kind", "type", "use", "used", "useful", "useless", "help",
    "many", "often", "long", "fast", "quickly", "tell", "explain", "define", "describe", "way", "ways",
    "between", "feel", "happen", "mean", "typical", "typically", "early",
    "baby", "child", "children", "born", "before", "after", "during", "live", "die", "worse",
    "better", "common", "frequent", "first", "begin", "start", "age", "stage", "stages", "part", "play", "role",
    "take", "taken", "fraction", "percentage", "proportion", "share", "exist", "exists", "happens",
    "known", "usual", "whats", "allow", "allows", "done", "make", "makes", "go", "goes", "over",
    "time", "still", "really", "true", "last", "lasts", "two", "three", "four",
    "look", "looks", "body", "available", "become", "becomes", "come", "comes", "based", "according",
    "today", "now", "nowadays", "rate", "leave", "leaves", "suffer", "suffers", "suffering", "remain",
    "remains", "heard", "right", "correct", "say", "says", "said", "may", "might", "must", "account",
    "accounts", "sometimes", "case", "cases",
    "focus", "focused", "focuses", "focusing", "aimed",  # "treatment focused on ...": its approach
    "faulty", "defective",  # "a faulty gene": what a causal gene is ("deletions or mutations in SMN1")
    "actually", "please", "i'm", "im", "wondering", "curious",  # the asker's own words
    "thought", "believed", "eventually", "ultimately",  # "Is SMA thought to be genetic?"
    "experience", "experiences", "experienced",  # "Do ALS patients experience pain?": have it
    "thing", "things",  # "make things harder for caregivers"
    "away",  # "Do muscles waste away in ALS?": wasting
    "end", "ends",  # "Does every ALS patient end up with dementia?": gets it
    "little", "bit",  # "a little more frequent": how much, which the statements' own hedge says ("slight")
    "possible",  # "Is a long life possible with SMA?": can it be
    # "Are sporadic cases the majority of ALS?", "Do less than half ...?": a share, over or under half
    "majority", "minority", "half", "less", "fewer",
}
# words that ask whether two things go together at all, whatever the relation ("Is demyelinating polyneuropathy
# seen in ALS?" asks for any statement linking them, not whether one disease is the other)
TOGETHER = {"associated", "association", "linked", "link", "related", "relation", "connected", "found", "present",
            "occur", "occurs", "seen", "feature", "features", "characteristic", "characterized", "involve",
            "involves", "involved", "involvement", "include", "includes", "shared", "part"}
FRAME |= TOGETHER
# ... of which the words saying only that a thing is there, which may stand inside a relation's name ("most often
# found in": "most often in") without changing what it names
THERE = {"found", "seen", "present"}
# ... and words asking whether one thing is used for another, for whatever ("Is genetic testing used for muscular
# dystrophy?": a diagnostic test, though "used for" names a treatment)
USED_FOR = TOGETHER | {"use", "used", "for", "in", "of", "show", "shows"}

# negations saying something is missing ("Do SMA patients lack the SMN1 gene?"): of a causal gene, a deletion is
# the cause itself, so they turn no statement of one
ABSENCE = {"lack", "lacks", "lacking", "absent", "absence", "missing", "without", "deficient", "deleted"}
# words that restrict a yes to nothing else ("Does SMA only affect lower motor neurons?", "Is ALS confined to the
# spinal cord?"): a statement of another value of the same kind says no
ONLY = {"only", "solely", "exclusively", "just", "purely", "confined", "limited", "restricted"}
# ... and to all, always or nothing else: they name no value, and no statement short of saying so answers yes
RESTRICTING = {"all", "every", "everyone", "everybody", "always", "entirely", "universal", "universally", "invariably",
               "main", "major", *ONLY}
# a yes/no asking how often ("Is it common ...?") is answered by a statement saying it happens rarely
OFTEN = {"common", "frequent", "often", "usual", "commonly", "frequently"}
SELDOM = {"rare", "rarely", "uncommon", "seldom", "occasionally", "infrequent"}
OFTEN_WORDS = {"sometimes", "rarely", "commonly", "frequently", "occasionally", "never"}
# words asking more than a treatment or an effect does, even where they name its relation ("halt" names a treatment
# approach, so that "do not halt" says no): no statement short of saying so answers yes ("Can treatment halt SMA?":
# it can slow its progression)
STRONGER = {"halt", "halts", "stop", "stops", "reverse", "reverses", "reversed", "prevent", "prevents", "required",
            "require", "requires", "necessary", "essential", "needed", "best", "definitive"}
# words asking how usual something is ("Is SMA usually severe?"): a yes needs a statement saying so in its own names
# ("typical onset", "does not typically have") or its qualifiers
USUALLY = frozenset({"usually", "typically", "typical", "generally", "normally", "mostly", "tend", "tends", "mainly",
                     "predominantly", "largely"})
# the words of a question asking what something is ("What is SMA?", "Define SMA", "Tell me about MS")
DEFINITION = {"what", "is", "are", "a", "an", "the", "define", "describe", "explain", "tell", "me", "about",
              "mean", "means", "does", "kind", "sort", "of", "disease", "disorder", "condition"}
KIND_WORDS = {"disease", "disorder", "condition"}  # "What type of disease is ALS?" asks its kind, not its types

# question frame that still narrows a yes or no ("Does ALS affect children?", "Can a baby be tested before it is
# born?"): no verdict rests on a statement whose values do not name them
CONDITIONS = {"baby", "babies", "child", "children", "kids", "born", "before", "after", "during", "early", "first",
              "age", "stage", "stages", "worse", "better", "fast", "quickly", "live", "die", "long", "often",
              "common", "frequent", "many", "most", "more", "uncommon", "infrequent"}

# words asking for more than one of something ("Are there several types of ALS?"): named by two values or more
PLURAL = {"several", "multiple", "various", "numerous", "different"}
# ... and for exactly one ("Is there only one type of SMA?", "Does SMA come in a single form?"): the negative of more
# than one, so statements of two values or more say no; not "the only one" (the thing named before it, see ONLY)
ONE = re.compile(r"(?<!\bthe )\b(?:only|just|solely|exclusively) one\b|\ba single\b")
# ... the words after "more than one" that make it a share ("more than one in ten", "more than one third")
SHARE_AFTER_ONE = {"in", "out", "of", "third", "thirds", "quarter", "quarters", "fifth", "half", "percent", "%"}

LESS = {"less", "fewer", "rarer"}  # "rarer than": less common than; a comparison the other way round
HAVE = {"have", "has", "had", "having"}  # "Does SMA have a cause?": the word a noun the entity has

# words that compare two things: they name nothing, yet no statement merely linking the two answers them
# ("Is ALS the same as SMA?" is not answered by "ALS shares hallmarks with SMA")
COMPARISON = {"same", "different", "differ", "differs", "difference", "differences", "compare", "compared",
              "comparison", "vs", "versus", "distinguish", "distinguishes", "alike", "similar", "identical"}


# prefixes forming an English word from another ("unrelated", "misled", "overproduction", "hyperintensity")
PREFIXES = ("un", "non", "mis", "over", "under", "hyper", "hypo", "dis")

# the words of a question that are neither typos nor names unknown to the graph
QUESTION_WORDS = FRAME | COMPARISON | PLURAL | STRONGER | USUALLY | CONDITIONS | NEGATIONS | RESTRICTING | YES_NO
# the question words a misspelling is corrected to, besides names: those saying how often, how many or not
SPELLED = {w for w in USUALLY | RESTRICTING | NEGATIONS | OFTEN_WORDS if len(w) >= 5 and "'" not in w}
# question frame in other word forms ("described", "looking", "helps"): frame too; not the frame that narrows
FRAME_STEMS = frozenset(STEMMER.stemWords(sorted(FRAME - CONDITIONS)))


@dataclass(frozen=True)
class Mention:
    """Words of the question naming terms of the graph: entities, or relations (properties)."""

    text: str
    terms: frozenset[URIRef]
    relation: bool = False
    contrary: bool = False  # named by a name of its contrary (mnd:contraryLabel): asked in the negative


@dataclass(frozen=True)
class Reading:
    """What was understood: mentions in order, unknown names, corrections, polarity and kind."""

    question: str
    mentions: tuple[Mention, ...]
    unknown: tuple[str, ...] = ()
    corrections: tuple[tuple[str, str], ...] = ()
    negated: bool = False
    yes_no: bool = False
    words: tuple[str, ...] = field(default=())
    unexplained: tuple[str, ...] = ()  # known words that are neither names, question frame nor negations
    # words of common English the graph's literals never use ("near", "official"): no statement accounts for them
    unaccounted: tuple[str, ...] = ()

    @property
    def named_words(self) -> set[str]:
        """The words of the question that the names it mentions hold."""
        return {w for m in self.mentions for w in m.text.split()}

    @property
    def conditions(self) -> tuple[str, ...]:
        """The words a yes or no must find named by the values it rests on: the unexplained ones and the question
        frame that narrows (CONDITIONS)."""
        named = self.named_words
        compared = len(self.entities) > 1  # "different types of SMA" compares nothing
        return tuple(w for w in self.unexplained if (compared or w not in COMPARISON) and w not in RESTRICTING) + \
            tuple(w for w in self.words if w in CONDITIONS and w not in named)

    @property
    def absence(self) -> bool:
        """Whether the question asks whether something is missing ("lack", "absent") in words no name holds."""
        named = self.named_words
        return any(w in ABSENCE and w not in named for w in self.words)

    @property
    def restricted(self) -> bool:
        """Whether the question asks "only", "all" or "always" in words no name of the graph holds, or "halt"."""
        named = self.named_words
        return any((w in RESTRICTING and w not in named) or w in STRONGER for w in self.words)

    @property
    def restriction(self) -> str:
        """The word asking "only", "all" or "always" in words no name of the graph holds, if any."""
        named = self.named_words
        return next((w for w in self.words if w in RESTRICTING and w not in named), "")

    @property
    def habitual(self) -> bool:
        """Whether the question asks how usual something is ("usually", "typically") in words no name holds."""
        named = self.named_words
        return any(w in USUALLY and w not in named for w in self.words)

    @property
    def definition(self) -> bool:
        """Whether the question asks what the one thing it names is, and nothing more."""
        named = self.named_words
        kind_of = all(m.terms == {SUBTYPE_OF} for m in self.relations) and bool(KIND_WORDS & set(self.words))
        return len(self.entities) == 1 and (not self.relations or kind_of) and \
            all(w in DEFINITION or w in named for w in self.words)

    @property
    def contrary(self) -> bool:
        """Whether the question names a thing or relation by a name of its contrary ("reduce caregiver burden")."""
        return any(m.contrary for m in self.mentions)

    @property
    def entities(self) -> list[Mention]:
        return [m for m in self.mentions if not m.relation]

    @property
    def relations(self) -> list[Mention]:
        return [m for m in self.mentions if m.relation]


FORMS = {"form", "type", "kind"}  # "all types of SMA" quantifies its forms as "some forms" does


def as_share(reading: Reading, index: ClaimIndex) -> Reading | None:
    """"Are some forms of SMA compatible with a longer lifespan?", "every form of SMA": read without its subtypes
    asked, as of a share of its cases, where a statement's qualifier quantifies the same word ("some forms");
    None where the question names no such words."""
    spoken = " ".join(reading.words)
    kept = tuple(m for m in reading.mentions if not (
        m.terms == {SUBTYPE_OF} and {STEMMER.stemWord(m.text.split()[0]), *FORMS} & index.quantified
        and re.search(rf"(?<!there )\b(?:{'|'.join(sorted(QUANTIFIERS))}) (?:\w+ ){{0,3}}{re.escape(m.text)}\b",
                      spoken)))
    return replace(reading, mentions=kept) if len(kept) < len(reading.mentions) else None


def without(reading: Reading, dropped: set[str]) -> Reading:
    """``reading`` with the words ``dropped`` read as question frame."""
    return replace(reading, words=tuple(w for w in reading.words if w not in dropped),
                   unexplained=tuple(w for w in reading.unexplained if w not in dropped))


def checked(question: str) -> str:
    """The question with its white space folded, or InputError (exit 2): a control character (a terminal escape
    sequence would act on the user's terminal when echoed), an empty question, or one over MAX_CHARACTERS; or a
    question that is not text at all (library use: ``kg.ask(None)``)."""
    if not isinstance(question, str):
        raise InputError(f"a question must be text, not {type(question).__name__}", "QUESTION")
    for position, character in enumerate(question, 1):
        if unicodedata.category(character) == "Cc" and character not in "\t\n\r":
            raise InputError(f"the question has a control character (U+{ord(character):04X}) at character "
                             f"{position}; write the question as plain text", "QUESTION")
    if len(question) > MAX_CHARACTERS:
        raise InputError(f"the question is {len(question)} characters long, more than the {MAX_CHARACTERS} accepted",
                         "QUESTION")
    text = " ".join(question.split())
    if not text:
        raise InputError("question is empty", "QUESTION")
    if not any(character.isalnum() for character in text):
        raise InputError(f"the question has no words: {text!r}", "QUESTION")
    return text


def read(question: str, index: ClaimIndex) -> Reading:
    """Read ``question`` (already checked) against the graph's names."""
    # "A.L.S." as "ALS": an abbreviation written with dots
    undotted = re.sub(r"\b((?:[A-Za-z]\.){2,})", lambda m: m.group(1).replace(".", ""), question.replace("\u2019", "'"))
    # a tag asking to confirm ("SMA is inherited, isn't it?", "..., right?") asks the statement before it
    undotted, tagged = TAG.subn("?", undotted)
    undotted = in_figures(undotted)
    spoken = _leading_clause_last(list(words(undotted)), undotted)
    while spoken[:1] and spoken[0] in DISCOURSE and len(spoken) > 1:  # "So is ALS genetic?"
        spoken = spoken[1:]
    tokens, confirming = _confirmation(spoken)
    tokens = _more_than_one(tokens)
    tokens = _who_develop(tokens)
    tokens = _failing_to(tokens)
    tokens = _worse_over_time(tokens)
    tokens = _before_birth(tokens)
    tokens = _dying_because(tokens)
    tokens = _cut_short(tokens)
    # a statement asked ("ALS isn't curable?"): a yes/no with no question word, its verb where it stands
    declared = (bool(tagged) or undotted.rstrip().endswith("?")) and not WH & set(tokens) \
        and any(token in YES_NO or token in CONFIRMING for token in tokens[:-1])  # not "ALS symptoms are?"
    own_words = {w for name in (*index.entity_names, *index.relation_names) for w in name}
    # a contrary's words are names' words too: no typo of one name ("underproduction") read as its contrary's; but
    # "non-" before a contrary's word is still "not" and the word ("non-progressive condition": not progressive)
    name_words = own_words | {w for name in index.contrary_names for w in name}
    corrections: list[tuple[str, str]] = []
    tokens = _abbreviations(tokens, undotted, name_words, index, corrections)
    tokens = _superlatives(tokens, index, corrections)
    tokens = _non(tokens, own_words, index)
    tokens = _compounds(tokens, name_words)
    fixes: dict[str, str | None] = {}  # each distinct word looked up once: linear in the question's length
    for position, token in enumerate(tokens):
        if token in name_words or token in QUESTION_WORDS or token in SPELLED or frame(token) or _denied(token, index):
            continue
        # first a word that makes a name with the word beside it, even one the graph's literals use in another form
        # ("multiple sclerosys": "sclerosis"), when it is no English word ("the mother" is not "the motor"); else the
        # one name word clearly meant
        fix = _correction_in_name(tokens, position, index) if token not in common_words() else None
        if fix is None:
            # a word the graph's literals use in another form, or common English, is no misspelling, unless of that
            # very form ("inheritted": "inherited")
            known = index.knows(token) or common(token)
            # else a word of the question's own kind ("generaly": "generally", "alwyas": "always")
            fix = fixes[token] if token in fixes else fixes.setdefault(
                token, _correction(token, name_words) or _correction(token, SPELLED)
                or (None if known else _correction(token, index.quote_words)))
            fix = fix if not known or (fix and index.tokens(fix) == index.tokens(token)) else None
        if fix and _flips(token, fix):  # "non-progresive" is no "progressive": perhaps "non-progressive"
            fix = _correction(token, name_words)
            fix = None if fix is None or _flips(token, fix) else fix
        if fix:
            if (token, fix) not in corrections:
                corrections.append((token, fix))
            tokens[position] = fix
    mentions, consumed, negated = _mentions(tokens, index)
    if sum(not m.relation for m in mentions) > 2:
        # a name in other word forms is read only as one of two things asked: "Does FTD shorten survival in ALS?"
        # asks what FTD does in ALS, not how three things are linked (unless a statement says what the words say:
        # _named_by_its_link)
        mentions, consumed, negated = _mentions(tokens, index, by_stems=False)
    # "What kind of therapy does SMA get?" asks a kind of treatment, not SMA's kinds: "kind of" before a relation
    # named is question frame
    spoken_text = " ".join(tokens)
    mentions = [m for n, m in enumerate(mentions) if not (
        m.terms == {SUBTYPE_OF} and n + 1 < len(mentions) and mentions[n + 1].relation
        and f"{m.text} {mentions[n + 1].text}" in spoken_text)]
    # a yes/no's example of a kind is no thing asked (an open question's answers the kind's members: verdict.py)
    asks_yes_no = confirming or declared or (bool(tokens) and tokens[0] in YES_NO)
    kept = _examples_dropped(mentions, spoken_text, index) if asks_yes_no else mentions
    kept = _own_parts_dropped(kept, spoken_text, index)
    kept, negated = _baseline_dropped(kept, spoken_text, negated)
    # the words introducing an example dropped are question frame
    example = {"like", "such", "as"} if len(kept) < len(mentions) else set()
    mentions = _within_another_relation(kept, index)
    mentions = _within_a_kind_name(mentions, spoken_text, index)
    runs = _unknown(tokens, consumed, index)
    # a run of ordinary English words names nothing the graph lacks; one holding a rarer word is a name ("interferon
    # beta"), and so is one holding a word written with a capital inside the question ("Kennedy's disease")
    proper = _proper(undotted)
    # an -ing form right before a word of the question (not its frame) is an adjective ("immune-suppressing drugs"),
    # else it may name an activity or a process ("Does fasting help ALS?")
    modifiers = {t for n, t in enumerate(tokens[:-1]) if t.endswith("ing") and tokens[n + 1][0].isalpha()
                 and tokens[n + 1] not in QUESTION_WORDS and not frame(tokens[n + 1])}
    unknown = [run for run in runs if not all(_ordinary(word, index, word in modifiers) and word not in proper
                                              for word in run.split())]
    unaccounted = tuple(word for run in runs if run not in unknown for word in run.split())
    # "or not" closes a yes/no ("Is ALS inherited or not?"): it asks nothing in the negative
    # a word saying something is kept asks whether it is spared ("Is sensation kept in SMA?"), unless a relation is
    # named after it ("Does ICD-11 keep MND in a separate category from MD?": kept so, not spared)
    # "not" before a word saying something is kept denies it ("Do antioxidant defenses not keep up ...?": they fail to)
    negated ^= any(t in NEGATIONS for n, t in enumerate(tokens) if n not in consumed
                   and not (t == "not" and tokens[n - 1:n] == ["or"])
                   and not (t in KEEPING and _relation_after(tokens, n, index))) \
        and not any(t in KEEPING and n not in consumed and tokens[n - 1:n] == ["not"]
                    and not _relation_after(tokens, n, index) for n, t in enumerate(tokens))
    # a word of the name of a thing named (of each thing a name names) is part of that name ("Is CK high in the
    # blood ...?": "elevated creatine kinase levels in blood")
    own = frozenset().union(*(frozenset.intersection(*(index.names(term) for term in m.terms))
                              for m in mentions if not m.relation and m.terms))
    unexplained = tuple(t for n, t in enumerate(tokens) if n not in consumed and not frame(t) and t not in example
                        and t not in NEGATIONS and t not in USUALLY and not any(t in u.split() for u in runs)
                        and t[0].isalpha()
                        and not set(index.tokens(t)) & own)
    mentions, unexplained = _narrowed(mentions, unexplained, index)
    mentions, unexplained = _sharing_a_word(mentions, unexplained, index)
    yes_no = asks_yes_no and not _choice(tokens, consumed)
    return Reading(question, tuple(mentions), tuple(unknown), tuple(corrections), negated,
                   yes_no, tuple(tokens), unexplained,
                   tuple(dict.fromkeys(unaccounted)))


def _within_a_kind_name(mentions: list[Mention], spoken: str, index: ClaimIndex) -> list[Mention]:
    """A relation word inside a longer whole name of a kind of figure the question holds is part of that name, not a
    relation asked (one that is the whole name, "how common", stays): "Is the mean survival in ALS 3-5 years?" asks
    of a figure of mean survival, not of what a thing "means" (corresponds to)."""
    said = f" {spoken} "
    whole = [name for name in index.kind_names if len(name) > 1 and f" {' '.join(name)} " in said]
    return [m for m in mentions if not (m.relation and any(
        f" {m.text} " in f" {' '.join(name)} " and m.text != " ".join(name) for name in whole))]


def _within_another_relation(mentions: list[Mention], index: ClaimIndex) -> list[Mention]:
    """A relation word whose words stand, with those of another relation named, in one name of that other relation's
    property is part of that name, not a second relation asked: "the etiology of ALS ... multifactorial" asks its
    "multifactorial etiology", "involve ... mechanisms" "involves mechanism"; the other is read as those properties
    alone. A contrary's name ("single factor") counts the words of its relation's names only."""
    relations = [m for m in mentions if m.relation]
    if len(relations) < 2:
        return mentions
    dropped: set[int] = set()
    narrowed: dict[int, Mention] = {}
    for part in relations:
        words_of = frozenset(index.tokens(part.text))
        if not words_of or id(part) in dropped:
            continue
        for whole in relations:
            if whole is part or id(whole) in dropped:
                continue
            both = words_of | (frozenset() if whole.contrary else frozenset(index.tokens(whole.text)))
            props = frozenset(p for p in whole.terms
                              if any(both <= stems for stems in index.relation_name_stems.get(p, ())))
            if props:
                dropped.add(id(part))
                narrowed[id(whole)] = replace(narrowed.get(id(whole), whole), terms=props)
                break
    return [narrowed.get(id(m), m) for m in mentions if id(m) not in dropped]


def _examples_dropped(mentions: list[Mention], spoken: str, index: ClaimIndex) -> list[Mention]:
    """The mentions without a thing named after "like" or "such as" as an example of a kind named before it ("Is ADEM
    a true demyelinating disease like MS?" asks whether ADEM is one, MS being one)."""
    kept: list[Mention] = []
    for mention in mentions:
        kinds = frozenset().union(*(m.terms for m in kept if not m.relation and m.terms <= index.classes))
        examples = {s.subject for s in index.statements if s.object in kinds and not s.negative}
        if not mention.relation and mention.terms & examples \
                and re.search(rf"\b(?:like|such as) {re.escape(mention.text)}\b", spoken):
            continue
        kept.append(mention)
    return kept


def _baseline_dropped(mentions: list[Mention], spoken: str, negated: bool) -> tuple[list[Mention], bool]:
    """The mentions without a name of a thing's contrary after "than" and the thing named before it ("Are men more
    likely than women to get ALS?"): what is compared against is no thing asked, and its name turns nothing. The
    other way round ("Do women get ALS more often than men?") kg.answers.contrast asks of each apart."""
    if LESS & set(spoken.split()):  # "Are men less likely than women ...?": the other way round, not asked so
        return mentions, negated
    for n, mention in enumerate(mentions):
        if mention.contrary and not mention.relation \
                and re.search(rf"\bthan (?:\w+ )?{re.escape(mention.text)}\b", spoken) \
                and any(m.terms == mention.terms and not m.contrary for m in mentions[:n]):
            return [*mentions[:n], *mentions[n + 1:]], not negated
    return mentions, negated


# the properties saying where a disease is
WHERE = {URIRef(ONTOLOGY + "affectsNeuron"), URIRef(ONTOLOGY + "affectsStructure")}


def _own_parts_dropped(mentions: list[Mention], spoken: str, index: ClaimIndex) -> list[Mention]:
    """The mentions without a structure named right after a disease it is stated of, where two other things are
    named: "ALS motor neurons" are where ALS is, no third thing asked ("Is apoptosis activated in ALS motor
    neurons?" asks whether ALS involves apoptosis)."""
    entities = [m for m in mentions if not m.relation]
    if len(entities) < 3:
        return mentions
    dropped = [m for m in entities for d in entities
               if d is not m and d.terms <= index.diseases and re.search(
                   rf"\b{re.escape(d.text)} {re.escape(m.text)}\b", spoken)
               and any(s.subject in d.terms and s.object in m.terms and s.property in WHERE and not s.negative
                       for s in index.statements)]
    return [m for m in mentions if not any(m is d for d in dropped[:1])]


def _sharing_a_word(mentions: list[Mention], unexplained: tuple[str, ...],
                    index: ClaimIndex) -> tuple[list[Mention], tuple[str, ...]]:
    """A word not otherwise understood that, with a word of a thing named, names in other word forms another
    thing the other things named have ("Do the breathing muscles shrink in ALS?": the respiratory muscles, and
    muscle atrophy, "shrinking muscles"; "Does ALS waste the muscles used for breathing?": muscle wasting, and the
    breathing muscles): that thing is named too, the two names sharing the word; not a pathological process ("upper
    motor neuron degeneration" is no upper motor neurons and ALS's neuronal degeneration: a process's words beside a
    thing narrow it, see ``_narrowed``)."""
    for mention in [m for m in mentions if not m.relation and m.terms]:
        others = frozenset().union(*(m.terms for m in mentions if m is not mention and not m.relation))
        values = {s.object for s in index.statements if s.subject in others and not index.nary(s)}
        named = frozenset().union(*(m.terms for m in mentions))
        for shared in mention.text.split():
            for word in unexplained:
                terms = index.names_by_stems.get(index.stem_key((shared, word)), frozenset()) & values \
                    - index.pathological_processes
                if terms and not terms & named and len(index.stem_key((shared, word))) == 2:
                    mentions = [*mentions, Mention(f"{shared} {word}", frozenset(terms))]
                    unexplained = tuple(w for w in unexplained if w != word)
                    break
    return mentions, unexplained


def _narrowed(mentions: list[Mention], unexplained: tuple[str, ...],
              index: ClaimIndex) -> tuple[list[Mention], tuple[str, ...]]:
    """A thing named whose name, with other words of the question not otherwise understood, is among the words of
    the name of narrower things that another thing named has ("Is weakness in muscular dystrophy usually
    proximal?": progressive proximal muscle weakness): those things, the words part of their name; of a kind or a
    disease named, only its kinds or members. The most such words; none when two sets tie."""
    if not unexplained:
        return mentions, unexplained
    statements = {s.iri for s in index.statements}
    for position, mention in enumerate(mentions):
        if mention.relation or not mention.terms or not unexplained:
            continue
        others = frozenset().union(*(m.terms for m in mentions if m is not mention and not m.relation))
        # the values the other things named have (not a figure's parts, nor a figure)
        values = {s.object for s in index.statements if s.subject in others and not index.nary(s)
                  and str(s.object) not in statements}
        # a kind or a disease named is narrowed only to its kinds or members ("bulbar-onset ALS"), not to another
        # thing whose long name holds its name ("therapies for demyelinating diseases like MS")
        if mention.terms <= index.classes | index.diseases:
            values &= {s.subject for s in index.statements if s.object in mention.terms}
        # the thing named by any of its names ("voluntary muscles ... degenerate": the skeletal muscles')
        owns = [set(index.stem_key(tuple(mention.text.split())))] + [
            set(index.stem_key(name)) for name, terms in index.entity_names.items() if terms == mention.terms]
        extra = {word: set(index.stem_key((word,))) for word in unexplained}
        found: dict[tuple[str, ...], set[URIRef]] = {}
        for key, terms in index.names_by_stems.items():
            used = tuple(word for word in unexplained if extra[word] and extra[word] <= set(key))
            if used and any(own <= set(key) for own in owns) and terms & values:
                found.setdefault(used, set()).update(terms & values)
        most = max(map(len, found), default=0)
        widest = [used for used in found if len(used) == most]
        if len(widest) == 1:
            mentions = [*mentions[:position], Mention(" ".join((mention.text, *widest[0])),
                                                      frozenset(found[widest[0]])), *mentions[position + 1:]]
            unexplained = tuple(word for word in unexplained if word not in widest[0])
    return mentions, unexplained


def _choice(tokens: list[str], consumed: set[int]) -> bool:
    """Whether a question opening as a yes/no asks which of two things holds ("Is SMA inherited or sporadic?",
    "Is ALS a demyelinating disease or does it primarily affect the axons?"): an "or" after the first name and
    something more, not "or not"; "Are ALS or SMA demyelinating?" asks of each."""
    if not consumed or "or" not in tokens:
        return False
    end = min(consumed)
    while end + 1 in consumed:
        end += 1
    return any(token == "or" and position > end + 1 and tokens[position + 1:position + 2] != ["not"]
               for position, token in enumerate(tokens))


def frame(token: str) -> bool:
    """Whether ``token`` is question frame, in any word form."""
    return token in FRAME or STEMMER.stemWord(token) in FRAME_STEMS


def _leading_clause_last(spoken: list[str], question: str) -> list[str]:
    """A yes/no asked after a leading clause, up to its first comma, that opens with a question word or none ("When
    ALS is suspected, is MRI used ...?", "In ALS, does ...?"), with the clause put after it, as "Is MRI used ... when
    ALS is suspected?" asks it; other questions as they are."""
    lead, comma, rest = question.partition(",")
    before, after = words(lead), words(rest)
    opens = {*YES_NO, *CONFIRMING}
    if not comma or not before or not after or before[0] in opens or after[0] not in opens:
        return spoken
    return [*after, *before]


PATIENT_WORDS = {"patients", "patient", "people", "persons", "person", "individuals", "those", "children", "adults",
                 "someone", "somebody", "anyone"}
RELATIVE = {"who", "that"}
DEVELOPING = {"develop", "develops", "developed", "get", "gets", "got"}
CONDITIONAL = {"if", "when", "once", "whenever"}  # opening a condition, not the question (a clause moved last)


def _rewritten(tokens: list[str], rewrite: Callable[[list[str], int], tuple[str, int] | None]) -> list[str]:
    """``tokens`` with each run that ``rewrite`` reads at a position (as one word, and how many tokens it spans)
    replaced by that word."""
    kept: list[str] = []
    position = 0
    while position < len(tokens):
        found = rewrite(tokens, position)
        word, spanned = found if found else (tokens[position], 1)
        kept.append(word)
        position += spanned
    return kept


def _who_develop(tokens: list[str]) -> list[str]:
    """"Patients who develop X" (within a few words of a word for patients, "patients with ALS who develop FTD") as
    "patients with X": the patients the question is about, not the relation "who develops" (has risk group); so
    too "develops X" in a condition ("If someone with ALS develops FTD, do they die sooner?": of ALS with FTD, what
    follows is asked, not whether it develops)."""
    def patients_who_develop(tokens: list[str], n: int) -> tuple[str, int] | None:
        also = int(tokens[n + 1:n + 2] == ["also"])  # "patients who also develop FTD"
        if n and tokens[n] in RELATIVE and tokens[n + 1 + also:n + 2 + also] and tokens[n + 1 + also] in DEVELOPING \
                and PATIENT_WORDS & set(tokens[max(0, n - 5):n]):
            return "with", 2 + also
        if n > 1 and tokens[n] in DEVELOPING and CONDITIONAL & set(tokens[max(1, n - 6):n]):
            return "with", 1
        return None

    return _rewritten(tokens, patients_who_develop)


FAILING = {"fail", "fails", "failed", "failing"}
# numbers spelled out, as the documents write them in figures ("ten years": "10 years"); not "one", which is mostly
# no number ("one form", "one of the causes")
NUMERALS = {word: str(n) for n, word in enumerate(
    ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
     "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"], start=2)} | {
    word: str(10 * n) for n, word in enumerate(["thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"],
                                               start=3)}
_NUMERAL = "|".join(sorted(NUMERALS, key=len, reverse=True))
_UNIT = r"(?:years?|months?|percent|%|per|cases)\b"
SPELLED_FIGURE = re.compile(rf"\b({_NUMERAL})\b(?=\s*{_UNIT}|\s*(?:to|or|-)\s*(?:\d+|{_NUMERAL})\s*{_UNIT})",
                            re.IGNORECASE)


def in_figures(text: str) -> str:
    """``text`` with each number spelled out before what it counts, or before another number that is ("three to five
    years"), in figures, as the documents write them: "live longer than ten years" asks of "10 years"."""
    return SPELLED_FIGURE.sub(lambda m: NUMERALS[m.group(1).casefold()], text)


def _failing_to(tokens: list[str]) -> list[str]:
    """"Fail to" before a verb as "not" ("Do immunomodulatory therapies fail to halt ALS progression?": they do not
    halt it); "fail" alone keeps its own sense ("Do the breathing muscles fail in ALS?": respiratory failure)."""
    def failing_to(tokens: list[str], n: int) -> tuple[str, int] | None:
        return ("not", 2) if tokens[n] in FAILING and tokens[n + 1:n + 2] == ["to"] else None

    return _rewritten(tokens, failing_to)


CUTTING = {"cut": "shorten", "cuts": "shortens", "cutting": "shortening"}


def _cut_short(tokens: list[str]) -> list[str]:
    """"Cut X short" (one or two words between) as "shorten X": "Does FTD cut survival short in ALS?" asks whether it
    shortens survival ("which significantly shortens survival"); "cut" alone keeps its own sense."""
    for n, token in enumerate(tokens):
        if token in CUTTING:
            for gap in (2, 3):
                if tokens[n + gap:n + gap + 1] == ["short"]:
                    return [*tokens[:n], CUTTING[token], *tokens[n + 1:n + gap], *_cut_short(tokens[n + gap + 1:])]
    return tokens


DYING = {"die", "dies", "died", "dying"}


def _dying_because(tokens: list[str]) -> list[str]:
    """"Die because of X", "die due to X", "die because X fails" as "die of X", a name of the primary cause of death
    ("Do people with ALS usually die because their breathing fails?": of respiratory failure)."""
    kept: list[str] = []
    n = 0
    while n < len(tokens):
        kept.append(tokens[n])
        if tokens[n] in DYING:
            after = tokens[n + 1:n + 3]
            if after in (["because", "of"], ["due", "to"]):
                kept.append("of")
                n += 3
                continue
            if after[:1] == ["because"]:
                kept.append("of")
                n += 2
                continue
        n += 1
    return kept


BIRTH_OWNERS = {"a", "the", "their", "her", "his", "your", "my", "its"}
NEWBORN = {"baby", "babies", "child", "children", "infant", "infants", "newborn", "newborns", "they", "he", "she", "it"}
BEING = {"is", "are", "was", "were", "being", "gets", "get"}


def _before_birth(tokens: list[str]) -> list[str]:
    """"Before a baby is born", "before being born", "before they are born" as "before birth", as the documents'
    names say it ("Can SMA be detected before birth?"); not "before" of anything else."""
    kept: list[str] = []
    n = 0
    while n < len(tokens):
        at = n + 1
        if tokens[n] == "before":
            at += int(tokens[at:at + 1] != [] and tokens[at] in BIRTH_OWNERS)
            at += int(tokens[at:at + 1] != [] and tokens[at] in NEWBORN)
            if tokens[at:at + 1] and tokens[at] in BEING and tokens[at + 1:at + 2] == ["born"]:
                kept += ["before", "birth"]
                n = at + 2
                continue
        kept.append(tokens[n])
        n += 1
    return kept


WORSE = {"worse", "weaker"}
GETTING = {"get", "gets", "got", "getting", "become", "becomes", "grow", "grows"}
WORSENING = {"worsen", "worsens", "worsening", "progress", "progresses"}


def _worse_over_time(tokens: list[str]) -> list[str]:
    """A relative clause after a thing named saying it gets worse ("muscle wasting that gets worse over time",
    "weakness which keeps getting worse", "atrophy that worsens over time") as "progressively", which
    kg.answers.matching finds said as "progressive" beside that thing's name ("progressive muscle weakness and
    atrophy"), as it does "more and more"; not the clause of a disease itself ("Is it true that ALS gets worse over
    time?" has no relative clause: the course's own name, "gets worse over time", answers it)."""
    def worse(tokens: list[str], n: int) -> tuple[str, int] | None:
        if not n or tokens[n] not in {"that", "which"}:
            return None
        at = n + 1
        at += tokens[at:at + 1] in (["keeps"], ["keep"])
        if tokens[at:at + 1] and tokens[at] in GETTING and tokens[at + 1:at + 2] and tokens[at + 1] in WORSE:
            at += 2
        elif tokens[at:at + 1] and tokens[at] in WORSENING:
            at += 1
        else:
            return None
        at += 2 * (tokens[at:at + 2] == ["over", "time"])
        return "progressively", at - n

    return _rewritten(tokens, worse)


def _more_than_one(tokens: list[str]) -> list[str]:
    """"More than one" as the one word asking for two or more ("Does SMA come in more than one form?": several
    forms), so that its "one" is no "one" asked (ONE, a contrary's "one cause"); not "more than one in ten" or
    "more than one third", which ask a share. "More and more" as "progressively" ("Do muscles waste away more and
    more in SMA?"), which kg.answers.matching finds said as "progressive" before the thing's name."""
    def several(tokens: list[str], position: int) -> tuple[str, int] | None:
        if tokens[position:position + 3] == ["more", "than", "one"] \
                and not set(tokens[position + 3:position + 4]) & SHARE_AFTER_ONE:
            return "several", 3
        if tokens[position:position + 3] == ["more", "and", "more"]:
            # "waste away more and more": progressively, which a cited sentence must say beside the thing named
            return "progressively", 3
        return None

    return _rewritten(tokens, several)


def _confirmation(tokens: list[str]) -> tuple[list[str], bool]:
    """A question asking to confirm a statement, as the positive yes/no question it asks: "Isn't SMA inherited?"
    as "is sma inherited", "Is it not true that SMA is caused by SMN1?" as "is sma caused by smn1" (the
    statement's own auxiliary, or "does", put first); whether it was one."""
    if not tokens:
        return tokens, False
    first = CONFIRMING.get(tokens[0], tokens[0])
    if first in {"is", "was"} and tokens[1:2] == ["it"] and "that" in tokens[2:8] \
            and set(tokens[2:tokens.index("that", 2)]) <= ABOUT_STATEMENT:
        clause = tokens[tokens.index("that", 2) + 1:]
        verb = next((n for n, token in enumerate(clause) if token in YES_NO or token in CONFIRMING), None)
        if verb is None:
            return ["does", *clause], True
        return [CONFIRMING.get(clause[verb], clause[verb]), *clause[:verb],
                *(["not"] if clause[verb] in CONFIRMING else []), *clause[verb + 1:]], True
    if tokens[0] in CONFIRMING:
        return [first, *tokens[1:]], True
    return tokens, False


def _abbreviations(tokens: list[str], question: str, name_words: set[str], index: ClaimIndex,
                   corrections: list[tuple[str, str]]) -> list[str]:
    """The tokens with abbreviations the graph does not know written out: a name word written apart from its
    number ("ICD 11", "ICD11": "icd-11"), and a word written in capitals ("MNs", "QoL") that spells the initials
    of one name of the graph (a whole name, else the end of one: "quality of life"), a plural s aside; one the
    graph knows, where with the words after it it makes a longer name ("UMN signs": upper motor neuron signs)."""
    capitals = {w.casefold(): w for w in WORD.findall(question) if sum(c.isupper() for c in w) >= 2}
    names = [*index.entity_names, *index.relation_names]
    read: list[str] = []
    position = 0
    while position < len(tokens):
        token = tokens[position]
        following = tokens[position + 1] if position + 1 < len(tokens) else ""
        joined = next((j for j in (f"{token}-{following}", token + following) if following.isdigit()
                       and j in name_words), None)
        spaced = re.fullmatch(r"([a-z]+)(\d+)", token)
        if joined is None and token not in name_words and spaced and f"{spaced[1]}-{spaced[2]}" in name_words:
            joined, following = f"{spaced[1]}-{spaced[2]}", ""
        if joined:
            corrections.append((f"{token} {following}".strip(), joined))
            read.append(joined)
            position += 2 if following else 1
            continue
        written = _written_out(capitals[token], names) if token in capitals else None
        if written and (token in name_words or index.knows(token)) and not any(
                variant in index.entity_names for end in range(position + 2, min(position + LONGEST_NAME,
                                                                                  len(tokens)) + 1)
                for variant in variants((*written, *tokens[position + 1:end]))):
            written = None  # a known abbreviation is written out only where a longer name follows ("UMN signs")
        if written:
            corrections.append((token, " ".join(written)))
            read.extend(written)
        else:
            read.append(token)
        position += 1
    return read


def _superlatives(tokens: list[str], index: ClaimIndex, corrections: list[tuple[str, str]]) -> list[str]:
    """The tokens with a superlative the graph does not use written as "most" and its word where the graph has
    that name ("commonest": "most common")."""
    if not any(token.endswith("est") for token in tokens):
        return tokens
    most = {name[1] for name in (*index.relation_names, *index.entity_names, *index.first_rank_names)
            if name[:1] == ("most",) and len(name) > 1}
    read: list[str] = []
    for token in tokens:
        bases = (token[:-3], token[:-3] + "e", token[:-4]) if token.endswith("est") and len(token) > 6 else ()
        base = next((b for b in bases if b in most and not index.knows(token)), None)
        if base is None:
            read.append(token)
            continue
        corrections.append((token, f"most {base}"))
        read.extend(("most", base))
    return read


def _written_out(abbreviation: str, names: list[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The one run of name words whose initials ``abbreviation`` (as written) spells, a plural s after capitals
    aside ("MNs"), if one: among whole names first, else among the ends of names; the same words singular or
    plural count as one (the plural read for a plural abbreviation)."""
    plural = abbreviation.endswith("s") and abbreviation[-2:-1].isupper()
    letters = abbreviation.casefold()[:-1] if plural else abbreviation.casefold()
    for runs in ([name for name in names if len(name) == len(letters)],
                 [name[-len(letters):] for name in names if len(name) > len(letters)]):
        found = {run for run in runs if "".join(w[0] for w in run) == letters}
        if found and len({(*run[:-1], run[-1].removesuffix("s")) for run in found}) == 1:
            return max(found, key=lambda run: (run[-1].endswith("s") == plural, run))
    return None


def _correction(token: str, name_words: set[str] | frozenset[str]) -> str | None:
    """The one name word ``token`` is clearly a misspelling of, if any: first two letters swapped ("cuase":
    "cause", which difflib finds no closer than "case")."""
    if len(token) < 5 or not token.replace("-", "").isalpha():
        return None
    # a word of the family of a name's word, a letter or two shorter ("mitochondria": "mitochondrial")
    family = {w for w in name_words if w.startswith(token) and 0 < len(w) - len(token) <= 2} if len(token) >= 8 else ()
    if len(family) == 1:
        return family.pop()
    swapped = {token[:n] + token[n + 1] + token[n] + token[n + 2:] for n in range(len(token) - 1)} & name_words
    if len(swapped) == 1:
        return swapped.pop()
    # a word inside another is not its misspelling but another word ("normal", "abnormal")
    close = [w for w in difflib.get_close_matches(token, sorted(name_words), n=2, cutoff=TYPO_CUTOFF)
             if token not in w and w not in token]
    if len(close) == 1 or (len(close) == 2 and _ratio(token, close[0]) - _ratio(token, close[1]) > 0.05):
        return close[0]
    return None


# prefixes of opposite sense: a word with one is no misspelling of a word with the other ("underproduction" is not
# "overproduction", "hypotonia" not "hypertonia", "decreased" not "increased")
OPPOSITE_PREFIXES = (("under", "over"), ("hypo", "hyper"), ("de", "in"), ("down", "up"), ("less", "more"),
                     ("pre", "post"), ("intra", "extra"))
NEGATING_PREFIXES = ("non-", "non", "un", "in", "im", "dis", "anti")


def _flips(token: str, fix: str) -> bool:
    """Whether reading ``token`` as ``fix`` would turn its sense: the one starts with a prefix of opposite sense
    to the other's, or ``token``'s negating prefix ("non-progresive") is gone from ``fix`` ("progressive")."""
    for one, other in OPPOSITE_PREFIXES:
        if (token.startswith(one) and fix.startswith(other)) or (token.startswith(other) and fix.startswith(one)):
            return True
    return any(token.startswith(p) and not fix.startswith(p) and len(token) - len(p) >= 4
               and _ratio(token[len(p):], fix) >= TYPO_CUTOFF for p in NEGATING_PREFIXES)


def _correction_in_name(tokens: list[str], position: int, index: ClaimIndex) -> str | None:
    """The one word, less clearly meant (CONTEXT_CUTOFF), that the word at ``position`` misspells so that it and a
    word beside it make a name of the graph: "multiple sclerosys" as "multiple sclerosis", "motor neurone" as "motor
    neuron"."""
    token = tokens[position]
    if len(token) < 6 or not token.replace("-", "").isalpha():  # "cuase" is as close to "cases" as to "cause"
        return None
    before = tokens[position - 1] if position else None
    after = tokens[position + 1] if position + 1 < len(tokens) else None
    found = set()
    for name in index.entity_names:
        for n, word in enumerate(name):
            if len(name) > 1 and ((n and name[n - 1] == before) or (n + 1 < len(name) and name[n + 1] == after)) \
                    and (token not in word or word.startswith(token)) \
                    and (word not in token or token == f"{word}e") and _ratio(token, word) >= CONTEXT_CUTOFF:
                found.add(word)
    if token[:-1] in found and token.endswith("e"):  # a British spelling's e ("neurone")
        return token[:-1]
    return found.pop() if len(found) == 1 else None


def _ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b).ratio()


def _mentions(tokens: list[str], index: ClaimIndex, by_stems: bool = True) -> tuple[list[Mention], set[int], bool]:
    """Names found longest first, left to right; a word ending in -less or beginning with un- whose stem is a
    name negates it; a relation word that reads both ways is read as the entities around it say (_directed)."""
    mentions: list[Mention] = []
    consumed: set[int] = set()
    negated = False
    position = 0
    while position < len(tokens):
        found = None
        figure = 0  # the length of a name of a kind of figure's contrary ("die within"): kg.answers.verdict reads it
        for length in range(min(LONGEST_NAME, len(tokens) - position), 0, -1):
            key = tuple(tokens[position:position + length])
            for variant in variants(key):
                if variant in index.entity_names:
                    found = (length, Mention(" ".join(key), index.entity_names[variant]))
                elif variant in index.relation_names:
                    found = (length, Mention(" ".join(key), index.relation_names[variant], relation=True))
                    found = (length, _directed(found[1], index.inverse_names.get(variant, frozenset()), mentions,
                                               tokens[position + length:], index,
                                               bool(HAVE & set(tokens[max(consumed, default=-1) + 1:position]))))
                elif variant in index.contrary_names:
                    found = _contrary(" ".join(key), index.contrary_names[variant], index)
                    figure = 0 if found else length
                if found or figure:
                    break
            if not found and not figure and (there := _relation_with_there(key, index)):
                found = (length, there)  # "most often found in": "most often in", its one word saying it is there
            if found or figure:
                break
        if figure:  # its words name nothing else ("die within 10 years": not death)
            position += figure
            continue
        if found is not None and found[1].relation and (named := _named_by_its_link(
                tokens[position:position + LONGEST_NAME], found, index)):
            found = named  # "the degeneration of motor neurons": motor neuron degeneration, not the relation
        if found is None:
            found = _coordinated(tokens, position, index)
        if found is None:  # a contrary's name in other word forms even beside two things named
            found = _by_stems(tokens[position:position + LONGEST_NAME], index, contrary=True)
        if found is None and by_stems:
            found = _by_stems(tokens[position:position + LONGEST_NAME], index)
        if found is None:
            found = _denied(tokens[position], index)
            negated ^= found is not None
        if found is None:
            position += 1
            continue
        length, mention = found
        negated ^= mention.contrary
        mentions.append(mention)
        consumed.update(range(position, position + length))
        position += length
    return mentions, consumed, negated


def mentions_in(text: str, index: ClaimIndex) -> tuple[list[Mention], list[str]]:
    """The names ``text`` holds word for word (no typo corrected, no other word form), and its other words."""
    tokens = list(words(text))
    mentions, consumed, _ = _mentions(tokens, index, by_stems=False)
    return mentions, [t for n, t in enumerate(tokens) if n not in consumed]


def _relation_with_there(key: tuple[str, ...], index: ClaimIndex) -> Mention | None:
    """A relation's name of two words or more with one word inside it saying only that a thing is there (THERE):
    "most often found in" names "most often in", "most commonly present in" "most commonly in"; the whole as the
    mention. None otherwise (a name of a thing is no relation's, and the word must stand inside the name)."""
    for inside in range(1, len(key) - 1):
        if key[inside] not in THERE:
            continue
        rest = (*key[:inside], *key[inside + 1:])
        for variant in variants(rest):
            if len(variant) >= 2 and variant in index.relation_names and variant not in index.entity_names:
                return Mention(" ".join(key), index.relation_names[variant], relation=True)
    return None


def _coordinated(tokens: list[str], position: int, index: ClaimIndex) -> tuple[int, Mention] | None:
    """A word joined by "and" to a name whose first word it stands for ("upper and lower motor neurons"): the name it
    makes with the rest of that name ("upper motor neurons"), longest first ("upper or lower" asks a choice)."""
    if tokens[position + 1:position + 2] != ["and"]:
        return None
    start = position + 2
    for length in range(min(LONGEST_NAME, len(tokens) - start), 1, -1):
        rest = tuple(tokens[start + 1:start + length])
        if not any(v in index.entity_names for v in variants((tokens[start], *rest))):
            continue
        named = next((index.entity_names[v] for v in variants((tokens[position], *rest)) if v in index.entity_names),
                     None)
        if named:
            return 1, Mention(tokens[position], named)
    return None


def _by_stems(window: list[str], index: ClaimIndex, contrary: bool = False) -> tuple[int, Mention] | None:
    """A name of two words or more in other word forms or order, longest first, its first and last words not
    question frame, holding a word the graph's literals do not use (else the words are read one by one, as
    values a statement must name): "Is sensation lost in SMA?" names sensory loss ("loss of sensation"). With
    ``contrary``, a name of a contrary ("reduce the burden on caregivers")."""
    for length in range(len(window), 1, -1):
        key = window[:length]
        if key[0] in QUESTION_WORDS or key[-1] in QUESTION_WORDS:
            continue
        if {"not", "never"} & set(key):
            # a stopword dropped from the stems, but no name's word: "antioxidant defenses not overwhelmed" is no
            # name of the overwhelmed defenses in other order, it denies them
            continue
        stems = index.stem_key(tuple(key))
        if contrary:
            if found := _contrary(" ".join(key), index.contrary_by_stems.get(stems, frozenset()), index):
                return found
        elif terms := index.names_by_stems.get(stems):
            return length, Mention(" ".join(key), terms)
    return None


def _named_by_its_link(window: list[str], relation: tuple[int, Mention],
                       index: ClaimIndex) -> tuple[int, Mention] | None:
    """A relation word and the name after it that together are a name of a thing, in other word forms or order,
    of which a statement says that very relation to that very thing: "the degeneration of motor neurons" names ALS's
    pathology (called "motor neuron degeneration"), which is degeneration of motor neurons; not "types of SMA"."""
    length, mention = relation
    longer = _by_stems(window, index)
    if longer is None or longer[0] <= length:
        return None
    rest = tuple(window[length:longer[0]])
    after = next((index.entity_names[v] for v in variants(rest) if v in index.entity_names), frozenset())
    said = any(s.subject in longer[1].terms and s.property in mention.terms and s.object in after
               for s in index.statements)
    return longer if said else None


def _contrary(text: str, terms: frozenset[URIRef], index: ClaimIndex) -> tuple[int, Mention] | None:
    """A name of the contrary of a thing or a relation (mnd:contraryLabel) as a mention of it, asked in the
    negative; a kind of figure's contrary ("die within") is no mention (kg.answers.verdict reads it)."""
    if not terms or terms & index.of_kind.keys():
        return None
    return len(text.split()), Mention(text, terms, relation=bool(terms & index.broader.keys()), contrary=True)


def _directed(mention: Mention, inverse: frozenset[URIRef], before: list[Mention], after: list[str],
              index: ClaimIndex, had: bool = False) -> Mention:
    """A relation word naming some properties read from subject to object and others read inversely
    (mnd:inverseAltLabel: "ALS causes weakness", "SMN1 causes SMA"), with entities named on one side of it only:
    before it they are its subject, after it its object. It names the properties that have statements with the
    entity (or a subtype of it) where the word puts it: "What causes ALS?" asks for ALS's causal genes (its
    subtypes'), "What causes muscle weakness?" for the diseases with that feature, "What does SMN1 cause?" for
    the diseases it is the causal gene of. With entities on both sides, or none fitting, the statements linking
    them decide."""
    inverse = mention.terms & inverse
    forward = mention.terms - inverse
    named_before = frozenset().union(*(m.terms for m in before if not m.relation))
    named_after = _named_in(after, index)
    if inverse and named_before and named_after:
        # a word read both ways ("cause", "lead to") with entities on both sides: not a property whose statements link
        # them only the other way ("Does calcium influx lead to glutamate excitotoxicity?": it is due to it, not its
        # cause; "Does weakness lead to ALS?": it is ALS's feature)
        kept = frozenset(p for p in mention.terms if not _reversed(index, p, p in inverse, named_before, named_after))
        return replace(mention, terms=kept) if kept else mention
    if not inverse or not forward or bool(named_before) == bool(named_after):
        return mention
    entity = named_before or named_after
    entity |= index.subtypes_of(entity)
    # the entity is the word's subject: forward, the property's subject; unless it has the word ("Does SMA have
    # several causes?": its causes, read inversely, as "What causes SMA?")
    subject_first = bool(named_before) != had
    kept = frozenset().union(*(props for props, as_subject in ((forward, subject_first), (inverse, not subject_first))
                               if _stated(index, props, entity, as_subject)))
    # none stated where the word puts the entity ("What causes MS?": no cause of MS): the properties of which it is
    # the subject that way, which have no statement of it, rather than both ways (MS's own features)
    return replace(mention, terms=kept or (forward if subject_first else inverse))


def _named_in(tokens: list[str], index: ClaimIndex) -> frozenset[URIRef]:
    """The things ``tokens`` name, the longest name first from left to right: "spinal muscular atrophy" names SMA,
    not also muscle atrophy ("muscular atrophy") inside it."""
    named: set[URIRef] = set()
    start = 0
    while start < len(tokens):
        for end in range(min(start + LONGEST_NAME, len(tokens)), start, -1):
            if name := next((v for v in variants(tuple(tokens[start:end])) if v in index.entity_names), None):
                named |= index.entity_names[name]
                start = end
                break
        else:
            start += 1
    return frozenset(named)


def _reversed(index: ClaimIndex, prop: URIRef, inverted: bool, before: frozenset[URIRef],
              after: frozenset[URIRef]) -> bool:
    """Whether statements of ``prop`` link the things named before and after its word (or a thing one of them has:
    ALS's pathology) only the other way than the word reads it (``inverted``: its subject named after the word)."""
    near, far = (frozenset({*side, *(s.object for s in index.statements if s.subject in side)})
                 for side in (before, after))
    subjects, objects = (far, near) if inverted else (near, far)
    linked = [(s.subject in subjects and s.object in objects, s.subject in objects and s.object in subjects)
              for s in index.statements if index.negation_of.get(s.property, s.property) == prop]
    return any(other for _, other in linked) and not any(this for this, _ in linked)


def _stated(index: ClaimIndex, properties: frozenset[URIRef], entity: frozenset[URIRef], as_subject: bool) -> bool:
    """Whether some statement of one of ``properties`` (or of a negative property denying one) has ``entity``
    as its subject (``as_subject``) or its object."""
    return any(index.negation_of.get(s.property, s.property) in properties
               and (s.subject if as_subject else s.object) in entity for s in index.statements)


def _non(tokens: list[str], name_words: set[str], index: ClaimIndex) -> list[str]:
    """The tokens with a word "non-" before a word the graph's literals use, not itself a name ("Is ALS a
    non-progressive condition?"), read as "not" and that word; "non-" before a name is read by ``_denied``. So too
    "un" before such a word, where the whole is neither the graph's nor common English nor a word the question's
    reading weighs itself ("unrelated": "not related"; not "unclear", nor "uncommon": how often)."""
    read: list[str] = []
    for token in tokens:
        stem = token[4:] if token.startswith("non-") else ""
        if not stem and token.startswith("un") and len(token) > 6 and not index.knows(token) and not common(token) \
                and token not in CONDITIONS:
            stem = token[2:]
        if stem and token not in name_words and _denied(token, index) is None \
                and index.knows(stem):
            read += ["not", stem]
        else:
            read.append(token)
    return read


def _denied(token: str, index: ClaimIndex) -> tuple[int, Mention] | None:
    """A word that denies a name: the name with -less ("painless"), un- ("untreatable") or non- ("non-genetic")
    taken off."""
    for stem in (token[:-4] if token.endswith("less") else None, token[2:] if token.startswith("un") else None,
                 token[4:] if token.startswith("non-") else None):
        if stem and (stem,) in index.entity_names:
            return 1, Mention(stem, index.entity_names[(stem,)])
        if stem and (stem,) in index.relation_names:
            return 1, Mention(stem, index.relation_names[(stem,)], relation=True)
    return None


def variants(key: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A name as written, and with its last word singular or plural."""
    last = key[-1]
    forms = [key]
    if last.endswith("ies") and len(last) > 4:
        forms.append((*key[:-1], last[:-3] + "y"))
    elif last.endswith("s") and len(last) > 3:
        forms.append((*key[:-1], last[:-1]))
    elif last.endswith("y") and len(last) > 3:
        forms.append((*key[:-1], last[:-1] + "ies"))
    else:
        forms.append((*key[:-1], last + "s"))
    return forms


def _relation_after(tokens: list[str], position: int, index: ClaimIndex) -> bool:
    """Whether a relation of the graph is named after the word at ``position``."""
    return any(variant in index.relation_names for start in range(position + 1, len(tokens))
               for end in range(start + 1, min(start + LONGEST_NAME, len(tokens)) + 1)
               for variant in variants(tuple(tokens[start:end])))


def _compounds(tokens: list[str], name_words: set[str]) -> list[str]:
    """The tokens with a hyphenated word that is no word of a name read as its words ("muscle-wasting",
    "decision-making", "knock-on"); one holding a figure ("ICD-11") or denying ("non-genetic") kept whole."""
    read: list[str] = []
    for token in tokens:
        parts = token.split("-")
        if len(parts) > 1 and token not in name_words and parts[0] != "non" and all(p.isalpha() for p in parts):
            read.extend(parts)
        else:
            read.append(token)
    return read


def _ordinary(word: str, index: ClaimIndex, modifier: bool = False) -> bool:
    """Whether ``word`` is English that names no thing: common English, a word the graph's literals use, a verb's
    -ed form ("confined": a state, not a drug's or a gene's name) or its -ing form used as an adjective
    (``modifier``: "immune-suppressing drugs"), or one of these after a prefix that forms a word from another
    ("unrelated", "misled", "overproduction", "hyperintensity")."""
    if common(word) or index.knows(word) or any(word.endswith(ending) and len(word) > len(ending) + 3
                                                 for ending in ("ed", "ing") if ending == "ed" or modifier):
        return True
    return any(word.startswith(prefix) and len(word) - len(prefix) >= 3
               and _ordinary(word[len(prefix):], index, modifier) for prefix in PREFIXES)


def _proper(question: str) -> set[str]:
    """The words written with a capital and then small letters after the question's first word ("Is Kennedy's
    disease ...?"): proper names, though English uses them often; none in a question written in title case."""
    written = [word for word in WORD.findall(question)[1:] if word[:1].isupper() and word[1:2].islower()]
    if 2 * len(written) >= len(WORD.findall(question)):
        return set()
    return {w for word in written for w in words(word)}


def _unknown(tokens: list[str], consumed: set[int], index: ClaimIndex) -> list[str]:
    """Runs of words that name nothing the graph knows: neither names, question words nor its vocabulary."""
    runs: list[list[str]] = []
    previous = -2
    for position, token in enumerate(tokens):
        if position in consumed or token in QUESTION_WORDS or frame(token) or not token[0].isalpha():
            continue
        if index.knows(token):
            continue
        if runs and previous == position - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
        previous = position
    return [" ".join(run) for run in runs]
