"""A yes/no question setting one thing against another: "Does SMA affect lower rather than upper motor neurons?",
"Is ALS more common in men than in women?", "Is sporadic ALS more common than familial ALS?".

The question is asked twice, of the thing it puts first and of the one it contrasts ("Does SMA affect lower motor
neurons?", "... upper motor neurons?"), each read again. Only the statements say which holds: the first stated
and the other not, the first's answer; the other stated and the first not, no, with the other's statements;
both plainly stated of "A rather than B", no: both. Otherwise not a contrast the statements settle, and the
question is answered as it stands. "less", "fewer" and "rarer" contrast the other way. Shares of the cases of one
thing are compared by their figures, where their ranges do not overlap."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from rdflib import URIRef

from kg.answers.claim_index import QUANTIFIERS, ClaimIndex, span, words
from kg.answers.question import LESS, LONGEST_NAME, YES_NO, Reading, variants
from kg.answers.reply import Reply, Used

RATHER = (("rather", "than"), ("instead", "of"))
MORE = {"more", "greater", "commoner"}  # "commoner": more common
PREPOSITIONS = {"in", "among", "for", "to", "of", "with", "by", "at", "on"}
ONES = {"one", "ones"}  # "upper motor neurons rather than lower ones": the first's name with the other's word
ARTICLES = {"a", "an", "the"}  # "a muscular dystrophy rather than a motor neuron disease"
SILENT = {"unstated", "unknown-entity"}
FREQUENCY = {"common", "frequent", "often", "likely", "prevalent", "rarer", "commoner"}  # how often, of shares compared
OTHER = {"other", "others"}  # "more common than other motor neuron diseases": than the rest of them


def contrasted(reading: Reading, index: ClaimIndex, answer_one: Callable[[str], Reply]) -> Reply | None:
    """The answer to a yes/no question contrasting two things, if the statements settle it (see the module); None
    otherwise."""
    if not reading.yes_no:
        return choice(reading, index, answer_one)
    if (shares := _shares_compared(reading, index)) is not None:
        return shares
    split = _split(list(reading.words), index, reading.unaccounted)
    if split is None:
        return None
    first, other, reverse, rather = split
    first_reply, other_reply = answer_one(" ".join(first) + "?"), answer_one(" ".join(other) + "?")
    if reverse:
        first_reply, other_reply = other_reply, first_reply
    if _stated(first_reply) and other_reply.verdict in SILENT:
        return replace(first_reply, question=reading.question, reading=reading, contrasted=first_reply.reading)
    if _wholly_stated(other_reply) and first_reply.verdict in SILENT:
        body = other_reply.sentence.split(": ", 1)[-1]
        return replace(other_reply, question=reading.question, reading=reading, verdict="no",
                       contrasted=other_reply.reading, sentence=f"No: {body}")
    if (first_reply.verdict == "no" and _stated(other_reply)) or (_stated(first_reply) and other_reply.verdict == "no"):
        # "Is ALS a muscular dystrophy rather than a motor neuron disease?": no of the one, yes of the other
        stated, denied = (other_reply, first_reply) if first_reply.verdict == "no" else (first_reply, other_reply)
        verdict = "no" if stated is other_reply else stated.verdict
        opening = {"yes": "Yes", "no": "No", "qualified": "Partly"}[verdict]
        said = "; ".join(_said(r) for r in (first_reply, other_reply))
        return Reply(reading.question, reading, verdict, f"{opening}: {said}.",
                     tuple(dict.fromkeys((*stated.used, *denied.used))), contrasted=stated.reading)
    if rather and first_reply.verdict == other_reply.verdict == "yes":
        # "Does ALS affect upper rather than lower motor neurons?": it affects both, not one rather than the other
        body = "; ".join(_said(r) for r in (first_reply, other_reply))
        used = tuple(dict.fromkeys((*first_reply.used, *other_reply.used)))
        return Reply(reading.question, reading, "no", f"No, both: {body}.", used, contrasted=first_reply.reading)
    return None


def _wholly_stated(reply: Reply) -> bool:
    """Whether ``reply`` says yes of the whole thing asked, if hedged then by how usually ("typically proximal"), not
    of some of its cases: "Is ALS acquired rather than genetic?" gets no "No" from "most ALS cases" sporadic and
    "some" familial, nor from a subtype (familial ALS is a genetic disease), no statement of which is about a thing
    named."""
    named = frozenset().union(*(m.terms for m in reply.reading.entities))
    return reply.verdict == "yes" or (reply.verdict == "qualified" and not any(
        set(words(q)) & QUANTIFIERS or any(c.isdigit() for c in q) for q in reply.qualifiers)
        and any(u.statement.subject in named for u in reply.used))


def choice(reading: Reading, index: ClaimIndex, answer_one: Callable[[str], Reply]) -> Reply | None:
    """"Is SMA inherited or sporadic?", "Does ALS affect upper or lower motor neurons?": each asked apart, the
    answer the one the statements say yes of (and no of the other, if they do), or both; None when they say it of
    neither, or the question asks something else after its "or" ("... or does it primarily affect the axons?")."""
    spoken = list(reading.words)
    if not spoken or spoken[0] not in YES_NO or spoken.count("or") != 1:
        return None
    at = spoken.index("or")
    if at == 0 or at + 1 >= len(spoken) or spoken[at + 1] in YES_NO or spoken[at + 1] == "not":
        return None
    after = spoken[at + 1:]
    if len(after) > 1 and after[0] in PREPOSITIONS and after[0] in spoken[:at]:
        after = after[1:]  # "in childhood or in adolescence": the preposition said again
    if len(after) > 1 and _name_length(after, index) != len(after):
        return None  # "A or B" closes the question: B one word, or one name
    split = _rather(spoken[:at], after, index)
    if split is None:
        return None
    replies = [answer_one(" ".join(part) + "?") for part in split]
    stated = [r for r in replies if _stated(r)]
    if not stated or any(r.verdict not in SILENT | {"no"} for r in replies if r not in stated):
        return None
    body = "; ".join(_said(r) for r in stated) + "".join(f"; not {_said(r)}" for r in replies if r.verdict == "no")
    used = tuple(dict.fromkeys(u for r in replies if r.verdict != "unstated" for u in r.used))
    if len(stated) == len(replies) and all(r.verdict == "yes" for r in stated) \
            and _joined_by_or(index, [spoken[at - 1], "or", *after], used):
        # "Does SMA usually start in infancy or early childhood?": the cited sentence itself joins the two by "or"
        # ("usually manifests in infancy or early childhood"), so the question asks that, not which of the two
        return Reply(reading.question, reading, "yes", f"Yes: {body}.", used,
                     tuple(dict.fromkeys(q for r in stated for q in r.qualifiers)))
    if len(stated) == len(replies) and all(r.verdict == "qualified" for r in stated):
        # "Does SMA begin in infancy or early childhood?": both, each "usually", so the answer is hedged as they are
        openings = {r.sentence.split(": ", 1)[0] for r in stated}
        opening = openings.pop() if len(openings) == 1 else "Partly"
        return Reply(reading.question, reading, "qualified", f"{opening}: {body}.", used,
                     tuple(dict.fromkeys(q for r in stated for q in r.qualifiers)))
    return Reply(reading.question, reading, "answer", f"{'Both: ' if len(stated) == 2 else ''}{body}.", used)


def _joined_by_or(index: ClaimIndex, joined: list[str], used: tuple[Used, ...]) -> bool:
    """Whether a cited sentence of a statement ``used`` says the words ``joined`` ("infancy or early childhood")."""
    return any(span(words(index.citations[citation].quote), joined) is not None
               for each in used for citation in each.statement.citations if citation in index.citations)


def _shares_compared(reading: Reading, index: ClaimIndex) -> Reply | None:
    """"Is sporadic ALS more common than familial ALS?": two shares among the cases of one thing, of the things
    named on each side of "than", whose ranges do not overlap (85-90% against 5-10%); "Is ALS more common than
    other motor neuron diseases?": one share, against the rest of the whole (approximately 85% of them). None
    when the shares do not settle it."""
    spoken = list(reading.words)
    if "than" not in spoken or not FREQUENCY & set(spoken):
        return None
    cut = spoken.index("than")
    degree = [w for w in spoken[:cut] if w in MORE | LESS]
    if len(degree) != 1:
        return None
    more = degree[0] in MORE and degree[0] != "rarer"
    text, boundary = " ".join(spoken), len(" ".join(spoken[:cut]))
    sides = ([m for m in reading.entities if text.find(m.text) < boundary],
             [m for m in reading.entities if text.find(m.text) > boundary])
    others = [n for n, side in enumerate((spoken[:cut], spoken[cut + 1:])) if OTHER & set(side)]
    if len(sides[0]) != 1 or len(sides[1]) != 1 or len(others) > 1:
        return None
    if others == [0]:  # "Are other motor neuron diseases more common than ALS?": ALS less common than the rest
        sides, more = (sides[1], sides[0]), not more
    first, second = sides[0][0].terms, sides[1][0].terms
    firsts = [f for f, share in sorted(index.shares.items()) if share.counted & first]
    for figure in firsts:
        share = index.shares[figure]
        if others:
            if not share.among & second:
                continue
            low, high, compared = 100 - share.high, 100 - share.low, [figure]
        else:
            against = [f for f, o in sorted(index.shares.items()) if o.counted & second and o.among & share.among]
            if len(against) != 1:
                continue
            low, high, compared = index.shares[against[0]].low, index.shares[against[0]].high, [figure, against[0]]
        if share.low > high or share.high < low:
            verdict = "yes" if (share.low > high) == more else "no"
            iris = {str(f) for f in compared}
            used = tuple(Used(s, 0.0) for s in index.statements if s.iri in iris)
            said = "; ".join(index.label(f) for f in compared)
            return Reply(reading.question, reading, verdict, f"{verdict.capitalize()}: {said}.", used,
                         contrasted=reading)
    return None


def _said(reply: Reply) -> str:
    """What ``reply``'s sentence says after its opening ("Yes: "), without its full stop."""
    return reply.sentence.split(": ", 1)[-1].rstrip(".")


def _stated(reply: Reply) -> bool:
    """Whether ``reply`` says yes, fully or in part ("Partly", "Only traditionally", "Typically"), not no nor "not
    all" (a qualified answer denying opens with "Not")."""
    return reply.verdict == "yes" or (reply.verdict == "qualified" and not reply.sentence.startswith("Not "))


def _split(tokens: list[str], index: ClaimIndex, unaccounted: tuple[str, ...] = ()
           ) -> tuple[list[str], list[str], bool, bool] | None:
    """The question asked of the first thing and of the other, whether "less" reverses them and whether it asks
    "rather than"; None when it contrasts nothing."""
    for pair in RATHER:
        for at in range(1, len(tokens) - 2):
            if tuple(tokens[at:at + 2]) == pair:
                split = _rather(tokens[:at], tokens[at + 2:], index)
                return None if split is None else (*split, False, True)
    if "than" not in tokens[1:-1]:
        return None
    at = tokens.index("than")
    before, after = tokens[:at], tokens[at + 1:]
    degree = [w for w in before if w in MORE | LESS]
    if len(degree) != 1:
        return None
    reverse = degree[0] in LESS
    preposition = after[0] if after[0] in PREPOSITIONS else None
    after = after[1:] if preposition else after
    other_length = _name_length(after, index) or 1
    other, rest = after[:other_length], after[other_length:]
    if preposition and preposition in before:  # "more common in men than in women": the words after the same one
        start = len(before) - before[::-1].index(preposition)
        first = before[start:]
    elif len(unnamed := [w for w in before if w in unaccounted and w not in MORE | LESS]) == 1:
        first = unnamed  # "Are women less likely to get ALS than men?": the word no name holds, set against a name
    else:  # "Do men get ALS more often than women?": the last thing named before it that is not a disease
        first = _last_named(before, index)
    if not first or first == other or rest:
        return None
    words: list[str] = []
    for word in before:  # asked the other way round: "rarer in women" as "more common in women", then reversed
        words += ["more", "common"] if word in ("rarer", "commoner") else ["more"] if word in LESS else [word]
    if words[-1] == "more":
        words.append("often")  # "Do men get ALS more than women?": more often
    start = _find(words, first)
    if start < 0:
        return None
    return words, [*words[:start], *other, *words[start + len(first):]], reverse, False


def _rather(before: list[str], after: list[str], index: ClaimIndex) -> tuple[list[str], list[str]] | None:
    """"A rather than B" as the question asked of A and of B; None where the two are the same question."""
    split = _rather_split(before, after[1:] if after[:1] and after[0] in ARTICLES else after, index)
    return split if split is None or split[0] != split[1] else None


def _rather_split(before: list[str], after: list[str], index: ClaimIndex) -> tuple[list[str], list[str]] | None:
    """"A rather than B" (B without its article) as the question asked of A and of B."""
    if not before or not after:
        return None
    if len(before) > len(after) > 1 and (after[-1] in ONES or after[-1] == before[-1]) \
            and _suffix_length(before, index) < 2:
        # "an axonal disease rather than a demyelinating one (disease)": no name closes the first, so the words
        # before the word both share are set against each other
        modifiers = len(after) - 1
        return before, [*before[:-1 - modifiers], *after[:-1], before[-1]]
    if after[1:2] and after[1] in ONES:  # "upper motor neurons rather than lower ones"
        length = _suffix_length(before, index)
        if length < 2:
            return None
        first = before[-length:]
        other = [after[0], *first[1:]]
        rest = after[2:]
        return [*before, *rest], [*before[:-length], *other, *rest]
    other_length = _name_length(after, index)
    shared = after[1:other_length]
    if shared and any(v in index.entity_names for v in variants((before[-1], *shared))):
        # "lower rather than upper motor neurons": the first word shares the other's last words
        return [*before, *after[1:]], [*before[:-1], *after]
    length = _suffix_length(before, index) or 1
    other_length = other_length or 1
    rest = after[other_length:]
    return [*before, *rest], [*before[:-length], *after[:other_length], *rest]


def _name_length(words: list[str], index: ClaimIndex) -> int:
    """The length of the longest entity name opening ``words``, or 0."""
    return next((n for n in range(min(LONGEST_NAME, len(words)), 0, -1)
                 if any(_named(index, v) for v in variants(tuple(words[:n])))), 0)


def _suffix_length(words: list[str], index: ClaimIndex) -> int:
    """The length of the longest entity name closing ``words``, or 0."""
    return next((n for n in range(min(LONGEST_NAME, len(words)), 0, -1)
                 if any(_named(index, v) for v in variants(tuple(words[-n:])))), 0)


def _last_named(words: list[str], index: ClaimIndex) -> list[str]:
    """The last entity name in ``words`` that names no disease, or none."""
    for end in range(len(words), 0, -1):
        for start in range(max(0, end - LONGEST_NAME), end):
            key = tuple(words[start:end])
            terms = next((_named(index, v) for v in variants(key) if _named(index, v)), None)
            if terms and not terms & index.diseases:
                return list(key)
    return []


def _named(index: ClaimIndex, name: tuple[str, ...]) -> frozenset[URIRef]:
    """The things ``name`` names, or whose contrary it names ("women": of male), or none."""
    return index.entity_names.get(name) or index.contrary_names.get(name, frozenset()) - index.broader.keys()


def _find(words: list[str], part: list[str]) -> int:
    return next((n for n in range(len(words) - len(part) + 1) if words[n:n + len(part)] == part), -1)
