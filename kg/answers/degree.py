"""Words asking which one is first or how many: a verdict stands only on a statement saying as much.

"Is SOD1 the most common ALS gene?" is not answered by familial ALS's causal genes, nor "Is bulbar onset seen in
half of ALS patients?" by bulbar-onset ALS being a form of ALS: a superlative ("the most", "the first") needs a
statement whose own names or qualifiers say it, and a share asked ("half", "a third", "40%", "almost all") a
statement stating a figure.
"""

from __future__ import annotations

import re

from kg.answers.claim_index import ClaimIndex, Statement
from kg.answers.question import in_figures
from kg.answers.reply import Reply, unstated

VERDICTS = {"yes", "no", "qualified"}
# words after "the" asking for the first or the last of something ("the most common", "the first sign")
SUPERLATIVE = {"most", "least", "first", "earliest"}
# words asking how many of the cases ("half of ALS patients", "a third", "the majority")
SHARE = {"half", "third", "thirds", "quarter", "quarters", "majority", "minority", "percent"}
# ... and "most", which a statement saying how usual answers ("typically"), but not one saying "some patients"
MOST = {"most"}
SOME = {"some", "few", "subset", "proportion"}
# words making "all" a share short of all ("almost all", "nearly every"): no statement short of them says yes
ALMOST = {"almost", "nearly", "virtually"}
FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w])")
DIGITS = re.compile(r"\d+")
# when in the course: a question asking of later ("eventually") is not answered by a statement hedged by early only
EARLY = {"early", "initial", "initially", "onset", "first"}
LATER = {"eventually", "ultimately", "later", "late"}
# words bounding a figure ("more than 40%", "at least 5%", "up to 40%"): a figure so bounded is not the figure alone,
# and one asked so needs a statement giving the same bound
BOUNDS = {"more", "less", "fewer", "over", "under", "least", "up", "beyond", "below", "above"}
BOUNDED = re.compile(r"\b((?:more|less|fewer) than|over|under|at least|up to|beyond|below|above)\s+\d+(?:\.\d+)?\s*"
                     r"(?:%|percent)")  # of a share, not a duration ("survive more than 10 years")


def degree_checked(reply: Reply, index: ClaimIndex) -> Reply:
    """``reply``, or the documents don't say where its verdict rests on no statement saying the superlative or the
    share the question asks in words no name it mentions holds."""
    if reply.verdict not in VERDICTS:
        return reply
    reading = reply.reading
    named = reading.named_words
    words = reading.words
    pairs = list(zip(("", *words[:-1]), words, strict=True))  # each word after the one before it
    superlatives = {w for before, w in pairs if before == "the" and w in SUPERLATIVE}
    # not "most commonly", "most often": how often, not how many
    afters = (*words[1:], "")
    asked = {w for (before, w), after in zip(pairs, afters, strict=True) if before != "the" and w in SHARE | MOST
             and w not in named and not after.endswith("ly") and after != "often"}
    shares = asked - MOST | ({"%"} if re.search(r"\d\s*%", in_figures(reply.question)) else set())
    almost = any(before in ALMOST and w in {"all", "every", "everyone", "everybody"} for before, w in pairs)
    stated = [used.statement for used in reply.used]
    if LATER & set(words) - named and stated and all(
            (hedge := set(re.findall(r"[a-z]+", " ".join(s.qualifiers).casefold()))) & EARLY and not hedge & LATER
            for s in stated):
        return unstated(reply)  # "Does MD eventually affect bulbar muscles?": not typically "early in the course"
    if superlatives and not any(set(index.tokens(" ".join(superlatives))) <= _said(index, s) for s in stated):
        return unstated(reply)
    figured = any(FIGURE.search(" ".join((index.phrase(s), *s.qualifiers))) for s in stated)
    # a number in a word of its own ("in their 20s") must be one a statement states, as a figure's must
    digits = {d for w in words if w not in named and not FIGURE.fullmatch(w) for d in DIGITS.findall(w)}
    stated_digits = {d for s in stated for d in DIGITS.findall(" ".join((index.phrase(s), *s.qualifiers)))}
    if not digits <= stated_digits:
        return unstated(reply)
    bounds = {w for phrase in BOUNDED.findall(in_figures(reply.question).casefold()) for w in phrase.split()
              if w in BOUNDS}
    if bounds and not any(bounds <= set(re.findall(r"[a-z]+", " ".join((index.phrase(s), *s.qualifiers)).casefold()))
                          for s in stated):
        return unstated(reply)  # "Do more than 40% ... ?": "up to 40%"
    if (shares or almost) and not figured:
        return unstated(reply)
    if asked & MOST and reply.qualifiers and all(
            set(q.casefold().split()) & SOME and not FIGURE.search(q) for q in reply.qualifiers):
        return unstated(reply)  # "Do most ALS patients develop FTD?": "some patients" do, which says nothing of most
    if almost and reply.verdict != "no":
        return unstated(reply)  # "Do almost all ALS patients ...?": "up to 40%" says no, "Not all" says nothing
    return reply


def _said(index: ClaimIndex, statement: Statement) -> set[str]:
    """The words of a statement's own names and qualifiers (not its cited sentence, which may say more)."""
    said = set(index.names(statement.property)) | set(index.tokens(" ".join(statement.qualifiers)))
    for names in (index.relation_names, index.first_rank_names, index.last_rank_names):  # "most severe"
        said |= {w for name, terms in names.items() if statement.property in terms
                 for w in index.tokens(" ".join(name))}
    for term in (statement.subject, statement.object, *statement.about):
        said |= set(index.names(term))
    return said

