"""A yes/no question asking whether something is known ("Is the pathomechanism of the rare demyelination in ALS
understood?", "Do doctors know of a cure for ALS?") that no statement answers: a cited sentence saying it is
not ("... remains unclear", "poorly understood", "no known cure") answers no, and "Is it unclear?" yes.

The sentence must be about the very thing asked: it names each thing the question names (or a statement citing
it is about it), and every other word of the question that is no question frame nor common English
("pathomechanism"), and every relation word ("cure"); otherwise the documents don't say.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.answers.claim_index import ClaimIndex, words
from kg.answers.english import common
from kg.answers.question import QUESTION_WORDS, Reading, frame
from kg.answers.reply import Reply, Used

KNOWN = {"known", "know", "knows", "understood", "understand", "understands", "clear", "established", "explained"}
HOW_WELL = {"well", "fully", "completely", "entirely", "really"}  # "well understood": whether it is known at all
# "Do doctors understand why ...?": what is not known, the cause or the mechanism
ASKING_WHY = {"why", "how", "reason", "reasons"}
MECHANISM = {"pathomechanism", "mechanism", "mechanisms", "etiology", "aetiology"}  # what is unclear of a thing
CAUSE = {"cause", "causes", "caused"}  # "Is it unclear what causes ...?": asks why, when no statement answers
UNKNOWN = {"unclear", "unknown", "uncertain", "unexplained", "mysterious", "mystery"}
# a sentence saying something is not known
UNCLEAR = re.compile(r"\b(?:remains?|is|are|still)\s+(?:unclear|unknown|uncertain)\b|\bpoorly understood\b"
                     r"|\bnot (?:well |yet |fully )?(?:understood|known)\b|\bno known\b", re.IGNORECASE)


def asks_known(reading: Reading) -> bool:
    """Whether a yes/no question asks whether something is known, or unclear."""
    return reading.yes_no and bool((KNOWN | UNKNOWN) & set(reading.words))


def unclear(reply: Reply, index: ClaimIndex) -> Reply:
    """``reply`` (the documents don't say) answered by a cited sentence saying the thing asked is not known, if
    one is about it (see the module); else ``reply`` as it was."""
    reading = reply.reading
    if not asks_known(reading) or reading.unknown:
        return reply
    wanted, spoken = _wanted(reading, index)
    why = (ASKING_WHY | CAUSE) & set(reading.words)
    if not wanted and not spoken and not why:
        return reply  # "Is ALS understood?": the sentence must say what of it is not ("the pathomechanism")
    for citation in sorted(index.citations, key=str):
        quote = index.citations[citation].quote
        if not UNCLEAR.search(quote):
            continue
        said = set(index.tokens(quote))
        citing = [s for s in index.statements if citation in s.citations]
        if not wanted <= said and not all(any(w.endswith(m) for w in said) for m in wanted - said):
            continue  # "pathomechanism" names "mechanism"
        if not wanted and not why and not spoken <= said:
            continue  # "Is the demyelination occasionally seen in ALS well understood?": "occasionally seen" said
        none_known = re.search(r"\bno known (\w+)", quote, re.IGNORECASE)
        if none_known and not set(index.tokens(none_known.group(1))) <= set(index.tokens(" ".join(reading.words))):
            continue  # "no known cure" says nothing unknown of the treatment
        if not all(set(index.tokens(m.text)) <= said or any(m.terms & s.about for s in citing)
                   for m in reading.entities):
            continue
        if not _subject_asked(index, reading, quote, spoken):
            continue  # "Is the pathomechanism of ALS known?": the sentence's is of the rare demyelination in ALS
        asks_unclear = bool(UNKNOWN & set(reading.words))
        negated = reading.negated or any(p in index.negation_of for m in reading.relations for p in m.terms)
        verdict = "yes" if asks_unclear != negated else "no"
        return replace(reply, verdict=verdict, unclear=citation,
                       sentence=f"{verdict.capitalize()}: the documents say {_said(quote)}.",
                       used=tuple(Used(s, 0.0) for s in citing) + tuple(u for u in reply.used
                                                                       if u.statement not in citing))
    return reply


def _subject_asked(index: ClaimIndex, reading: Reading, quote: str, spoken: set[str]) -> bool:
    """Whether the question names what ``quote`` says is not known: the rarer words before its "remains unclear"
    ("demyelination", "ALS"), and for its "pathomechanism" a word asking the cause or mechanism, or the question's
    other words, all of them said there ("occasionally seen")."""
    phrase = UNCLEAR.search(quote)
    before = words(quote[:phrase.start()]) if phrase else ()
    mechanism = [w for w in before if w in MECHANISM]
    required = set(index.tokens(" ".join(w for w in before if w not in MECHANISM and w.isalpha() and not common(w))))
    asked = set(index.tokens(" ".join(reading.words))) | {
        stem for m in reading.entities for term in m.terms for stem in index.names(term)}
    return required <= asked and (not mechanism or bool((MECHANISM | ASKING_WHY | CAUSE) & set(reading.words))
                                  or (bool(spoken) and spoken <= set(index.tokens(" ".join(before)))))


def _said(quote: str) -> str:
    """What ``quote`` says is not known, in words after "the documents say": "it remains unclear"."""
    phrase = UNCLEAR.search(quote)
    said = phrase.group(0).lower() if phrase else "not known"
    if said.startswith("no known"):
        known = re.search(r"\bno known \w+", quote, re.IGNORECASE)
        return f"there is {known.group(0).lower() if known else said}"
    return f"it {said}" if said.split()[0] in {"remains", "remain", "is", "are"} else f"it is {said}"


def _wanted(reading: Reading, index: ClaimIndex) -> tuple[set[str], set[str]]:
    """The stems a sentence must name: the relation words, and the other words that are neither question frame,
    names of things, whether it is known, nor common English; and the stems of the common English words left."""
    named = reading.named_words
    # the relation words, unless it asks why or how: "Is it known why ALS patients develop ...?" asks the cause
    kept = [w for m in reading.relations for w in words(m.text) if w not in KNOWN | UNKNOWN
            and not (ASKING_WHY | CAUSE) & set(reading.words)]
    rest = [w for w in reading.words if w not in named and w not in KNOWN | UNKNOWN | HOW_WELL
            and w not in QUESTION_WORDS and not frame(w) and w[0].isalpha()]
    kept += [w for w in rest if not common(w)]
    return set(index.tokens(" ".join(kept))), set(index.tokens(" ".join(w for w in rest if common(w))))

