"""A reply as a clinician reads it (one understood line, one answer sentence, at most three cited sentences,
wrapped to the terminal) and as JSON for programs (CURIEs, scores, every statement used)."""

from __future__ import annotations

import textwrap
from typing import Any

from rdflib import URIRef
from rdflib.term import Node

from kg.answers.citations import CitationDetail
from kg.answers.claim_index import ClaimIndex
from kg.answers.question import Mention
from kg.answers.reply import SUPPORT, Reply
from kg.graph.namespaces import namespace_manager

_MANAGER = namespace_manager()


def understood(reply: Reply, index: ClaimIndex) -> str:
    """What was understood: the entities and relations named, in order, unknown names marked."""
    entities, relations = reply.reading.entities, reply.reading.relations
    ordered = [*entities[:1], *relations, *entities[1:]]
    parts = list(dict.fromkeys(_named(reply, index, mention) for mention in ordered))  # a relation named twice: once
    parts += [f"{name} (unknown to the graph)" for name in reply.reading.unknown]
    line = " · ".join(parts) if parts else "(no entity of the graph named)"
    if reply.reading.negated != (sum(m.contrary for m in reply.reading.mentions) % 2 == 1):  # a contrary: shown so
        line += "  [asked in the negative]"
    if reply.reading.corrections:
        line += "  [read " + ", ".join(f'"{a}" as "{b}"' for a, b in reply.reading.corrections) + "]"
    if reply.reading.unaccounted:
        line += "  [words the documents do not use: " + ", ".join(reply.reading.unaccounted) + "]"
    return line


def _named(reply: Reply, index: ClaimIndex, mention: Mention) -> str:
    """What a mention names, in words: of a word naming several terms ("cause": two relations; "axonal
    degeneration": the processes of that kind), those the answer's statements state when it answers; the
    words as written when they name more than two entities and the answer narrows nothing."""
    meant = _meant(reply, index, mention)
    if len(meant) > 2 and not mention.relation:
        return f"{mention.text} ({len(meant)} terms)"
    named = " / ".join(sorted({index.label(t) for t in meant}))
    return f"the contrary of {named} (\"{mention.text}\")" if mention.contrary else named


def _meant(reply: Reply, index: ClaimIndex, mention: Mention) -> frozenset[URIRef]:
    if reply.verdict not in ("yes", "no", "qualified", "answer"):
        return mention.terms
    stated: set[Node] = set()
    for used in reply.used:
        if not mention.relation:
            stated |= {used.statement.subject, used.statement.object}
            continue
        for prop in index.properties_of.get(used.statement.iri, frozenset({used.statement.property})):
            positive = index.negation_of.get(prop, prop) if isinstance(prop, URIRef) else prop
            stated |= index.broader.get(positive, frozenset({positive})) if isinstance(positive, URIRef) else set()
    return frozenset(t for t in mention.terms if t in stated) or mention.terms


def support(reply: Reply, index: ClaimIndex, every: bool = False) -> list[tuple[CitationDetail, str]]:
    """The cited sentences behind the reply, best first (a list answer's widest sentences first; a statement's
    own by their BM25 score for the question), each once; at most SUPPORT unless ``every``."""
    seen: dict[str, tuple[CitationDetail, str]] = {}
    for citation, iri in reply.widest:
        detail = index.citations.get(citation)
        if detail is not None and detail.quote not in seen:
            seen[detail.quote] = (detail, iri)
    asked = " ".join(reply.reading.words)
    if reply.each and not every:  # one sentence of each disease's statements in turn
        for used in reply.used:
            best = index.by_quote(asked, used.statement.citations)
            detail = index.citations.get(best[0]) if best else None
            if detail is not None and detail.quote not in seen:
                seen[detail.quote] = (detail, used.statement.iri)
    for used in reply.used:
        # a derived statement's premises are cited by many sentences: those naming what it derives come first
        # ("Is ALS a motor neuron disease?": "..., making it primarily a motor neuron disease")
        named = index.label(used.statement.object).casefold() if used.statement.derived else ""
        ranked = index.by_quote(asked, used.statement.citations)
        for citation in sorted(ranked, key=lambda c: not (named and c in index.citations
                                                          and named in index.citations[c].quote.casefold())):
            detail = index.citations.get(citation)
            if detail is not None and detail.quote not in seen:
                seen[detail.quote] = (detail, used.statement.iri)
        if not every and len(seen) >= SUPPORT:
            break
    found = list(seen.values())
    return found if every else found[:SUPPORT]


def where(detail: CitationDetail) -> str:
    """[document 002, reference 4]: the document's number and the references its sentence cites."""
    document = detail.document_file.split("_", 1)[0] if detail.document_file[:3].isdigit() else detail.document_file
    refs = ", ".join(str(n) for n in detail.references)
    cited = f", reference {refs}" if len(detail.references) == 1 else (f", references {refs}" if refs else "")
    return f"[document {document}{cited}]"


def format_reply(reply: Reply, index: ClaimIndex, width: int = 100, every: bool = False,
                 verbose: bool = False) -> str:
    """The reply as text, each paragraph wrapped to ``width``."""
    lines = [wrap("Understood: " + understood(reply, index), width)]
    lines.append(wrap(reply.full if every and reply.full else reply.sentence, width))
    lines += [wrap(group_line(key, values), width, "  ") for key, values in reply.groups[1:3]]
    for detail, iri in support(reply, index, every):
        text = f'- "{detail.quote}" {where(detail)}'
        if verbose:
            text += f" ({_curie(URIRef(detail.iri))}; {_curie_text(iri)})"
        lines.append(wrap(text, width, "  "))
    if verbose:
        for used in reply.used:
            if used.statement.derived:
                premises = "; ".join(used.statement.premises)
                lines.append(wrap(f"derived: {used.statement.iri}, because {premises}", width, "  "))
    return "\n".join(lines) + "\n"


def group_line(key: str, values: tuple[str, ...]) -> str:
    """A group of the reply's qualifiers in words: what they say, and the values saying it."""
    return f"{key}: {', '.join(values)}." if values else f"{key}."


def _mention_json(mention: Mention) -> dict[str, Any]:
    """A thing or relation understood: its words, its terms and, if named by its contrary's name, so."""
    return {"text": mention.text, "terms": [_curie(t) for t in sorted(mention.terms, key=str)],
            **({"contrary": True} if mention.contrary else {})}


def reply_json(reply: Reply, index: ClaimIndex) -> dict[str, Any]:
    """The reply for programs: understood terms, verdict, qualifiers and every statement used with its citations."""
    return {
        "question": reply.question,
        "understood": {
            "entities": [_mention_json(m) for m in reply.reading.entities],
            "relations": [_mention_json(m) for m in reply.reading.relations],
            "unknown": list(reply.reading.unknown),
            "corrections": [{"written": a, "read": b} for a, b in reply.reading.corrections],
            "unaccounted": list(reply.reading.unaccounted),
            "negated": reply.reading.negated,
        },
        "verdict": reply.verdict,
        "answer": reply.full or reply.sentence,
        "qualifiers": list(reply.qualifiers),
        "claims": [
            {"iri": _curie_text(u.statement.iri), "subject": _curie(u.statement.subject),
             "property": _curie(u.statement.property), "object": _curie(u.statement.object),
             "negative": u.statement.negative, "derived": u.statement.derived,
             "premises": list(u.statement.premises), "qualifiers": list(u.statement.qualifiers), "score": u.score,
             "citations": [{"iri": _curie(c), "quote": index.citations[c].quote,
                            "document": index.citations[c].document_file,
                            "references": list(index.citations[c].references)}
                           for c in u.statement.citations if c in index.citations]}
            for u in reply.used
        ],
    }


def _curie(term: Node) -> str:
    if isinstance(term, URIRef):
        try:
            return _MANAGER.curie(str(term), generate=False)
        except (KeyError, ValueError):
            return str(term)
    return str(term)


def _curie_text(text: str) -> str:
    return _curie(URIRef(text)) if text.startswith("http") else text


def wrap(text: str, width: int, indent: str = "") -> str:
    """``text`` wrapped to ``width`` (at least 40), continuation lines indented two more."""
    return "\n".join(textwrap.wrap(text, width=max(width, 40), subsequent_indent=indent + "  ",
                                   initial_indent=indent, break_on_hyphens=False)) or indent
