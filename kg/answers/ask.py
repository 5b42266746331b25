"""``kg ask``'s answer, shared by the command and the front page's question box: from the cited claims, or,
for an open question the documents ask (not a yes/no, not a disease group's members), from its saved query,
whose verdicts still come only from the cited claims. Shown as text (the command) or HTML (the page), with
the same lines."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping

from rdflib import Dataset

from kg.answers.answer import SUPPORT, Answer, answer_with, declared, verdict_line
from kg.answers.claim_index import ClaimIndex
from kg.answers.question import checked
from kg.answers.reply import Reply
from kg.answers.reply_format import group_line, support, understood, where
from kg.answers.verdict import answer
from kg.errors import InputError
from kg.sparql.saved import SavedQuery


def ask(question: str, index: ClaimIndex, queries: Callable[[], Mapping[str, SavedQuery]],
        dataset: Callable[[], Dataset]) -> Reply | Answer:
    """The answer to ``question`` (InputError when it is empty, too long or holds control characters);
    ``queries`` and ``dataset`` are called only for an open question."""
    text = checked(question)
    reply = answer(text, index)
    own = declared(text, queries()) if reply.verdict == "answer" and not reply.members else None
    if own is None:
        return reply
    return answer_with(text, own[0], own[1], dataset())


def ask_html(question: str, index: ClaimIndex, queries: Callable[[], Mapping[str, SavedQuery]],
             dataset: Callable[[], Dataset]) -> tuple[int, str]:
    """The question box's answer: HTTP status and an HTML section holding the lines ``kg ask`` prints (a bad
    question: 400 and its error line)."""
    try:
        found = ask(question, index, queries, dataset)
    except InputError as error:
        return 400, f"<section id=\"answer\">\n<p class=\"error\">Error: {_e(error)}</p>\n</section>\n"
    if isinstance(found, Answer):
        lines = [f"<p class=\"understood\">Understood: a question the documents ask, answered by the saved query "
                 f"{_e(found.query)}</p>\n"]
        lines += [f"<p class=\"verdict\">{_e(verdict_line(verdict))}</p>\n" for verdict in found.verdicts]
        several = len({fact.entity for fact in found.facts}) > 1
        facts = "".join(f"<li class=\"fact\">{_e(fact.entity + ': ' if several else '')}{_e(fact.text)}</li>\n"
                        for fact in found.facts)
        lines.append(f"<ul class=\"facts\">\n{facts}</ul>\n")
        details = found.references[:SUPPORT]
    else:
        lines = [f"<p class=\"understood\">Understood: {_e(understood(found, index))}</p>\n",
                 f"<p class=\"verdict {_e(found.verdict)}\">{_e(found.sentence)}</p>\n"]
        lines += [f"<p class=\"qualifier\">{_e(group_line(key, values))}</p>\n" for key, values in found.groups[1:3]]
        details = [detail for detail, _ in support(found, index)]
    quotes = "".join(f"<li class=\"quote\">\"{_e(detail.quote)}\" {_e(where(detail))}</li>\n" for detail in details)
    return 200, "<section id=\"answer\">\n" + "".join(lines) + f"<ul class=\"support\">\n{quotes}</ul>\n</section>\n"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)
