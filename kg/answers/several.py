"""A question about several diseases at once ("Are ALS and SMA both inherited?", "Which of ALS and MS is
demyelinating?", "When do ALS and SMA start?"): asked of each disease apart, then the answers put together.

The question about one disease is the question's own words with the other diseases (and the words joining
them) taken out, read again; a "which of" question asks of each whether it holds. A yes needs a yes for every
disease (for one of them, asked with "or"), a no needs a statement saying no (for one of them; for every
one, asked with "or"); otherwise the documents don't say, and each disease's answer is shown.

A question followed by the same asked of another disease ("Is ALS demyelinating? And MS?", "Does ALS cause pain,
and does SMA?", "What about SMA?") is asked of each disease apart too (``follow_up``), each answer shown.

A yes/no question in two parts is put together the same way (``each_part``): two things side by side ("Does
ALS involve calcium influx and demyelination?") or a disease set beside another ("Is SMA, like MS, a
demyelinating disease?"), each part asked apart: a yes only if both are stated, a no if one is denied, the
documents don't say if one is not stated, otherwise the weakest hedge ("Partly").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise, zip_longest

from kg.answers.claim_index import ClaimIndex, span
from kg.answers.matching import COPULA, relation_asked, relations_of
from kg.answers.question import COMPARISON, DISCOURSE, WH, YES_NO, Mention, Reading, mentions_in
from kg.answers.reply import Reply, Used

JOINING = {"and", "or", "both", "either", "neither", "nor", "each", "all", "vs", "versus"}
# words that may stand between two things asked side by side ("in the posterior limb ... and in the cerebral
# peduncles"); a question holding another joining word, "between" or a contrast is not in two parts
BETWEEN_PARTS = {"and", "the", "a", "an", "in", "of", "to", "on", "with"}
NOT_IN_PARTS = (JOINING - {"and", "both"}) | {"between", "than", "rather", "instead", "like", "unlike", "as"}
# words setting one disease beside another ("SMA, like ALS, ...", "as in ALS"): said of both
LIKE = (("just", "like"), ("like",), ("as", "in"), ("as", "with"), ("similar", "to"))
AS_DOES = {"does", "do", "has", "have", "is", "are"}  # "as ALS does"
ASKING_WHAT = COPULA | {"isn't", "aren't"}  # a question asking what a thing is
KIND_EXAMPLE = {("just", "like"), ("like",)}  # "Is SMA a K like ALS?" at the end asks of the kind (verdict.py)
WHICH = {"which", "who"}  # "Which of ALS and MS is demyelinating?": of each disease, whether it is
# where a follow-up may start: the end of a sentence (not of "vs." or "e.g."), or "and"/"but" before a verb or "what"
FOLLOW_UP_START = re.compile(r"\?+\s+|(?<=\w\w\w)[.!;]\s+|,?\s+(?:and|but)\s+"
                             r"(?=(?:is|are|does|do|did|can|was|were|has|have|will|what|how)\b)", re.IGNORECASE)
# the words a follow-up holds besides the diseases it names ("And MS?", "What about SMA?", "Is MS too?")
FOLLOW_UP = YES_NO | {"and", "but", "or", "what", "how", "about", "too", "also", "then", "as", "well", "so", "the",
                      "same", "for", "with", "in"}
WHICH_FRAME = {"of", "one", "ones", "these", "the", "two", "disease", "diseases", "disorder", "disorders",
               "condition", "conditions"}


def several(reading: Reading, index: ClaimIndex) -> list[Mention]:
    """The diseases a question asks about at once, if it asks the same of two or more of them (not one of
    them about another, not a comparison): else none."""
    diseases = [m for m in reading.entities if m.terms & index.diseases and not m.terms & index.classes]
    groups = [m for m in reading.entities if m.terms & index.classes]
    if reading.yes_no and diseases and len(groups) >= 2 and reading.entities[-1] is groups[-1]:
        # "Are ALS and muscular dystrophy both motor neuron diseases?": a group asked like a disease
        diseases = [m for m in reading.entities[:-1] if m in diseases or m in groups]
        if len(diseases) == len(reading.entities) - 1:
            return diseases
    others = [m for m in reading.entities if m not in diseases]
    relations = relations_of(index, reading.relations)
    compared = any(w in COMPARISON for w in reading.words)
    if len(diseases) < 2 or reading.unknown or (compared and (reading.yes_no or not relations)) \
            or not coordinated(reading, diseases):
        return []  # "Is ALS worse than SMA?" compares; "Which neurons are affected in ALS vs SMA?" asks of each
    either = "or" in reading.words or "either" in reading.words
    if reading.yes_no and others and not either:  # a thing asked of each: verdict._of_each links it to each
        return []
    if not relations and not others:
        return []  # "ALS and MS?": nothing asked of each
    if any(a is not b and s.subject in a.terms and s.object in b.terms
           and relations and relation_asked(index, reading, s, relations)
           for s in index.statements for a in diseases for b in diseases):
        return []  # "Do ALS and SMA share hallmarks?": a statement about the two together answers
    return diseases


def each_disease(question: str, reading: Reading, index: ClaimIndex, diseases: list[Mention],
                 answer_one: Callable[[str], Reply]) -> Reply:
    """The question asked of each disease apart (``answer_one`` answers one question), then put together."""
    # "Which of ALS and MS is demyelinating?" asks of each whether it is; "Which neurons does ..." what each has
    which = not reading.yes_no and reading.words[0] in WHICH and reading.words[1:2] != [] \
        and (reading.words[1] in WHICH_FRAME or any(reading.words[1] == d.text.split()[0] for d in diseases))
    replies = [(disease, answer_one(_one(reading, disease, diseases, which))) for disease in diseases]
    used = _interleaved([reply.used for _, reply in replies])
    parts = [_part(index, disease, reply) for disease, reply in replies]
    if not reading.yes_no and not which:
        return Reply(question, reading, "answer", " ".join(parts), used, each=True)
    verdicts = [reply.verdict for _, reply in replies]
    if which:
        named = [_name(index, d) for d, r in replies if r.verdict == "yes"]
        named += [f"partly {_name(index, d)}" for d, r in replies if r.verdict == "qualified"]
        lead = f"{', '.join(named)}." if named else "The documents name none of them."
        lead = lead[0].upper() + lead[1:]
        return Reply(question, reading, "answer", " ".join([lead, *parts]), used, each=True)
    verdict = _together(verdicts, "or" in reading.words or "either" in reading.words)
    opening = {"yes": "Yes", "no": "No", "qualified": "Partly",
               "unstated": "The documents don't say this of each"}[verdict]
    return Reply(question, reading, verdict, f"{opening}. " + " ".join(parts), used,
                 tuple(q for _, reply in replies for q in reply.qualifiers), each=True)


def follow_up(question: str, index: ClaimIndex, answer_one: Callable[[str], Reply]) -> Reply | None:
    """Several questions ("Is SMA genetic? Is ALS demyelinating?"), or one about a disease followed by the same
    asked of others ("Is ALS demyelinating? And MS?"): each asked apart (``answer_one`` answers one question), each
    answer shown; the verdict theirs where all agree, else none ("answer"). None where the question is one alone."""
    segments: list[str] = []
    for segment in (one for one in re.split(r"(?<=\?)\s+", question) if one):
        if segments and _others(segment, index):
            segments[-1] += f" {segment}"  # "And MS?": a follow-up of the question before it
        else:
            segments.append(segment)
    if len(segments) > 1 and all(_asks(one, index) for one in segments):
        segments = [segments[0], *(_resolved(one, before, index) for before, one in pairwise(segments))]
        replies = [answer_one(one) for one in segments]
        return _put_together(question, replies, [f"{one} {reply.sentence}" for one, reply in zip(segments, replies,
                                                                                               strict=True)])
    for boundary in reversed(list(FOLLOW_UP_START.finditer(question))):
        head, tail = question[:boundary.start()], question[boundary.end():]
        if not (others := _others(tail, index)):
            continue
        asked = _diseases_named(head, index)
        if not asked or any(m.terms == a.terms for m in others for a in asked):
            return None
        found = [where for m in asked if (where := _found(head, m)) is not None]
        if len(found) < len(asked):  # a name corrected or written in another form: not found to be replaced
            return None
        start, end = found[0].start(), found[-1].end()
        if not set(re.findall(r"[a-z']+", head[start:end].casefold())) <= JOINING | {
                w for m in asked for w in m.text.split()}:
            # not diseases named side by side ("Is ALS demyelinating like MS? And SMA?"): the follow-up's in the
            # place of the first named, the question's subject ("Is SMA demyelinating like MS?")
            asked, end = asked[:1], found[0].end()
        # each disease asked apart ("Is ALS or MS demyelinating? And SMA?": of ALS, of MS, of SMA)
        diseases = [*asked, *others]
        questions = [head[:start] + _written(head if n < len(asked) else tail, disease) + head[end:]
                     for n, disease in enumerate(diseases)]
        replies = [answer_one(one) for one in questions]
        return _put_together(question, replies, [_part(index, disease, reply) for disease, reply
                                                 in zip(diseases, replies, strict=True)])
    return None


def _resolved(segment: str, before: str, index: ClaimIndex) -> str:
    """``segment`` with "it" or "they" written as the one disease the question before it names, where it names none
    itself ("Is SMA genetic? Does it affect sensation?")."""
    named = _diseases_named(before, index)
    if len(named) != 1 or _diseases_named(segment, index):
        return segment
    return re.sub(r"\b(?:it|they)\b", lambda _: _written(before, named[0]), segment, count=1, flags=re.IGNORECASE)


def _diseases_named(text: str, index: ClaimIndex) -> list[Mention]:
    """The diseases ``text`` names word for word."""
    return [m for m in mentions_in(text, index)[0] if not m.relation and m.terms & index.diseases]


def _others(follow: str, index: ClaimIndex) -> list[Mention]:
    """The diseases a follow-up names ("And MS?", "What about SMA?", "Is MS too?"), if it holds nothing else."""
    others, rest = mentions_in(follow, index)
    if any(m.relation or not m.terms & index.diseases for m in others) or not set(rest) <= FOLLOW_UP:
        return []
    return others


def _asks(segment: str, index: ClaimIndex) -> bool:
    """Whether ``segment`` is a question of its own: opening with a question word, naming something of the graph."""
    opening = next((w for w in re.findall(r"[a-z']+", segment.casefold()) if w not in DISCOURSE), "")
    return (opening in YES_NO or opening in WH) and bool(mentions_in(segment, index)[0])


def _put_together(question: str, replies: list[Reply], parts: list[str]) -> Reply:
    """Answers to the questions a question holds, each shown: their verdict where all agree (the documents saying
    none of them included), else none."""
    verdicts = {reply.verdict for reply in replies}
    verdict = verdicts.pop() if len(verdicts) == 1 and verdicts <= {"yes", "no", "qualified", "unstated"} else "answer"
    opening = {"yes": "Yes. ", "no": "No. ", "qualified": "Partly. "}.get(verdict, "")
    # what was understood: every thing and relation the questions name
    reading = replace(replies[0].reading, question=question,
                      mentions=tuple(dict.fromkeys(m for reply in replies for m in reply.reading.mentions)))
    return Reply(question, reading, verdict, opening + " ".join(parts),
                 _interleaved([reply.used for reply in replies]),
                 tuple(dict.fromkeys(q for reply in replies for q in reply.qualifiers)), each=True)


def _written(text: str, mention: Mention) -> str:
    """How ``text`` writes the name ``mention`` read (its own letters), else the name as read."""
    found = _found(text, mention)
    return found.group(0) if found else mention.text


def _found(text: str, mention: Mention) -> re.Match[str] | None:
    """Where ``text`` holds the words of the name ``mention`` read, in any case and with any marks between them."""
    return re.search(r"\b" + r"\W+".join(map(re.escape, mention.text.split())) + r"\b", text, re.IGNORECASE)


def _together(verdicts: list[str], either: bool) -> str:
    """The verdict of the parts together: every one yes (with "or", no), one saying the other way, all stated
    (the weakest hedge: qualified), else the documents don't say."""
    wanted, against = ("yes", "no") if not either else ("no", "yes")
    if all(v == wanted for v in verdicts):
        return wanted
    if against in verdicts:
        return against
    if all(v in ("yes", "no", "qualified") for v in verdicts):
        return "qualified"
    return "unstated"


def each_part(reply: Reply, index: ClaimIndex, answer_one: Callable[[str], Reply]) -> Reply:
    """``reply`` to a yes/no question in two parts (see the module), or the parts asked apart (``answer_one`` answers
    one question) and put together: always, of a disease set beside another (the question read whole mixes the two
    diseases up); of two things side by side, when the whole gets no verdict, or a plain yes where a part gets a no or
    a hedge, or a hedge where a part gets a no. Neither part stated, or one naming something the graph does not
    know: ``reply``."""
    reading = reply.reading
    split = _parts(reading, index)
    if split is None:
        return reply
    parts, beside = split
    replies = [answer_one(part) for part in parts]
    stated = [one for one in replies if one.verdict != "unstated"]
    if not stated or any(one.verdict not in ("yes", "no", "qualified", "unstated") for one in replies):
        return reply
    verdict = _together([one.verdict for one in replies], False)
    if not beside and not (reply.verdict == "unstated" or (reply.verdict == "yes" and verdict in ("no", "qualified"))
                           or (reply.verdict == "qualified" and verdict == "no")):
        return reply
    said = "; ".join(dict.fromkeys(one.sentence.split(": ", 1)[-1].rstrip(".") for one in stated))  # once each
    every = "both" if len(replies) == 2 else "all"
    opening = {"yes": f"Yes, {every}", "no": "No", "qualified": "Partly",
               "unstated": f"The documents don't say this of {every} parts, only"}[verdict]
    return Reply(reading.question, reading, verdict, f"{opening}: {said}.",
                 _interleaved([one.used for one in replies]),
                 tuple(dict.fromkeys(q for one in replies for q in one.qualifiers)), each=True)


def _parts(reading: Reading, index: ClaimIndex) -> tuple[list[str], bool] | None:
    """The questions a yes/no question in parts asks, in its own words, and whether they are of a disease set beside
    another: of "X and Y" or "X, Y and Z" (things named side by side, none a disease), the question with each of them
    alone; of "A, like B, ..." (two diseases), the question without "like B" and the same asked of B. None
    otherwise."""
    if not reading.yes_no or reading.unknown:
        return None
    tokens = list(reading.words)
    spans = []
    for mention in reading.entities:
        where = span(tokens, mention.text.split())
        if where is None:
            return None
        spans.append((where, mention))
    spans.sort(key=lambda pair: pair[0])
    diseases = [(where, m) for where, m in spans if m.terms & index.diseases]
    if len(diseases) == 2 and (beside := _beside(tokens, diseases)) is not None:
        own, asked, other = beside
        if set(own) & NOT_IN_PARTS or (at := span(own, asked.text.split())) is None:
            return None
        return [" ".join(own), " ".join(own[:at[0]] + other.text.split() + own[at[1]:])], True
    if set(tokens) & NOT_IN_PARTS:
        return None
    things = [where for where, m in spans if not m.terms & index.diseases]
    commas = reading.question.count(",")
    for start in range(len(things) - 1):
        listed = [things[start]]  # "X, Y and Z": joined by commas (no word between) and "and" before the last
        for one, two in pairwise(things[start:]):
            between = tokens[one[1]:two[0]]
            if not set(between) <= BETWEEN_PARTS or (not between and len(listed) > commas):
                break  # two names side by side with no comma are no list ("MRI snake eyes sign")
            listed.append(two)
            if "and" in between:
                begin, end = listed[0][0], listed[-1][1]
                return [" ".join(t for t in tokens[:begin] + tokens[item[0]:item[1]] + tokens[end:] if t != "both")
                        for item in listed], False
    return None


def _beside(tokens: list[str],
            diseases: list[tuple[tuple[int, int], Mention]]) -> tuple[list[str], Mention, Mention] | None:
    """Of a question setting one disease beside another ("Like MS, is SMA ...?", "Is SMA, like MS, ...?", "Does SMA
    ..., as in ALS?"), its words without the other disease and the words setting it there, the disease asked and
    the other; None otherwise."""
    (first, first_named), (second, second_named) = diseases
    for phrase in LIKE:
        at = span(tokens, list(phrase))
        if at is None:
            continue
        start, end = at
        if start == 0 and first[0] == end:  # "Like MS, is SMA a demyelinating disease?"
            return tokens[first[1]:], second_named, first_named
        if first[1] == start and second[0] == end:  # "Is SMA, like MS, a demyelinating disease?"
            return tokens[:start] + tokens[second[1]:], first_named, second_named
        # "Does SMA ..., as in ALS?"; "like ALS" at the end too, unless the question asks a kind ("Is SMA a K like
        # ALS?": verdict.py reads it without the example)
        if (phrase not in KIND_EXAMPLE or tokens[0] not in ASKING_WHAT) and second == (end, len(tokens)) \
                and first[1] <= start:
            return tokens[:start], first_named, second_named
    # "Does SMA ... as ALS does?": the other disease between "as" and a verb ending the question
    if second[1] == len(tokens) - 1 and tokens[-1] in AS_DOES \
            and tokens[second[0] - 1:second[0]] == ["as"] and first[1] < second[0] - 1:
        return tokens[:second[0] - 1], first_named, second_named
    return None


def coordinated(reading: Reading, diseases: list[Mention]) -> bool:
    """Whether the diseases are named side by side, joined by "and", "or" or a comma ("ALS and SMA"), not one
    related to the other ("Is SMA a form of ALS?")."""
    text = " ".join(reading.words)
    spans = sorted((text.find(m.text), text.find(m.text) + len(m.text)) for m in diseases)
    if any(start < 0 for start, _ in spans):
        return False
    return all(set(text[end:start].split()) <= JOINING for (_, end), (start, _) in pairwise(spans))


def _name(index: ClaimIndex, disease: Mention) -> str:
    return index.label(min(disease.terms & index.diseases or disease.terms, key=str))


def _part(index: ClaimIndex, disease: Mention, reply: Reply) -> str:
    """One disease's answer: its sentence, named by the disease unless it starts with its name."""
    name = _name(index, disease)
    if reply.verdict in ("unstated", "unknown-entity"):
        return f"For {name}, the documents don't say."
    if reply.verdict in ("yes", "no", "qualified"):  # "For ALS, no: ..."
        return f"For {name}, {reply.sentence[0].lower()}{reply.sentence[1:]}"
    return reply.sentence if reply.sentence.casefold().startswith(name.casefold()) else f"{name}: {reply.sentence}"


def _one(reading: Reading, disease: Mention, diseases: list[Mention], which: bool) -> str:
    """The question's words with the other diseases and the words joining them taken out; a "which" question
    as the yes/no question it asks of the disease."""
    tokens = list(reading.words)
    for other in diseases:
        if other is disease:
            continue
        if (where := span(tokens, other.text.split())) is not None:
            del tokens[where[0]:where[1]]
    tokens = [t for t in tokens if t not in JOINING]
    if which:
        tokens = tokens[1:]
        while tokens and tokens[0] in WHICH_FRAME:
            tokens = tokens[1:]
        verb = next((n for n, t in enumerate(tokens) if t in YES_NO), None)
        named = disease.text.split()
        if verb is not None and tokens[verb:verb + len(named)] != named:
            tokens = [tokens[verb], *tokens[:verb], *tokens[verb + 1:]]
        elif verb is None:
            tokens = ["does", *tokens]
    return " ".join(tokens)


def _interleaved(groups: list[tuple[Used, ...]]) -> tuple[Used, ...]:
    """The statements each answer rests on, taken in turn, so each disease's best comes first."""
    seen: dict[str, Used] = {}
    for row in zip_longest(*groups):
        for used in row:
            if used is not None:
                seen.setdefault(used.statement.iri + str(used.statement.subject) + str(used.statement.object), used)
    return tuple(seen.values())
