"""Where a triple is written: ``file:line:column`` in the Turtle source, so that a finding points at its line.

rdflib's parser keeps no positions, so the files are read again. A scanner splits each file into its
statements (strings, IRIs and comments respected) and indexes them by the subject as written; a statement
that may hold a triple is cut into one piece per predicate and object, and each piece is parsed by rdflib
with the file's directives. A place is given only where rdflib finds the very triple in that piece, never
guessed: a triple with a blank-node subject, or one the scanner cannot reach, has no place.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from kg.explain import Step, Triple

# One chunk of a Turtle file: blank space and comments, a SPARQL-style directive (no final dot), or a
# statement (an @prefix/@base directive or triples) up to its final dot. A dot inside a name or a number
# is followed by a name character; the statement's final dot is not.
_CHUNK = re.compile(r'''
  (?P<space>(?:\s+|\#[^\n]*)+)
| (?P<directive>(?i:PREFIX)\s+[^\s:]*:\s*<[^>\n]*>|(?i:BASE)\s*<[^>\n]*>)
| (?P<statement>(?P<subject><[^>\n]*>|[^\s<"'\[\](),;\#]+)?
    (?:<[^>\n]*>
      |"""(?:(?:"|"")?(?:[^"\\]|\\[\s\S]))*"""
      |\'\'\'(?:(?:'|'')?(?:[^'\\]|\\[\s\S]))*\'\'\'
      |"(?:[^"\\\n]|\\.)*"
      |'(?:[^'\\\n]|\\.)*'
      |\#[^\n]*
      |[^"'<\#.]+
      |\.(?=[^\s\#"'<\[\](),;.])
    )+\.)
''', re.X)
# The tokens inside one statement (its final dot left out).
_TOKEN = re.compile(r'''
  (?P<space>\s+|\#[^\n]*)
| (?P<term><[^>\n]*>
    |"""(?:(?:"|"")?(?:[^"\\]|\\[\s\S]))*"""
    |\'\'\'(?:(?:'|'')?(?:[^'\\]|\\[\s\S]))*\'\'\'
    |"(?:[^"\\\n]|\\.)*"
    |'(?:[^'\\\n]|\\.)*'
    |[^\s"'<\#\[\](),;]+)
| (?P<open>[\[(])
| (?P<close>[\])])
| (?P<separator>[;,])
''', re.X)
_PREFIX = re.compile(r'(?:@prefix|(?i:PREFIX))\s+([^\s:]*):\s*<([^>\n]*)>')
_BASE = re.compile(r'(?:@base|(?i:BASE))\s*<([^>\n]*)>')
_LOCAL_ESCAPE = re.compile(r"\\(.)")
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


@dataclass(frozen=True, order=True)
class Place:
    """A position in a Turtle file: line and column count from 1, the column in characters."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


@dataclass(frozen=True)
class _Statement:
    start: int
    end: int
    directives: int  # how many of the file's directives come before it


@dataclass(frozen=True)
class _Piece:
    """One predicate and one object of a statement, as Turtle that parses alone, and where it is written."""

    text: str
    offset: int


class _TurtleFile:
    """One file's statements, indexed by subject IRI."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown
        self.text = path.read_text(encoding="utf-8")
        self.directives: list[str] = []
        self.by_subject: dict[str, list[_Statement]] = {}
        self._scan()

    def _scan(self) -> None:
        prefixes: dict[str, str] = {}
        base = self.path.absolute().as_uri()
        resolved: dict[str, str | None] = {}
        position = 0
        for chunk in _CHUNK.finditer(self.text):
            if chunk.start() != position:
                return  # the scanner lost its way: the statements after this point get no place
            position = chunk.end()
            if chunk.lastgroup == "space":
                continue
            text = chunk.group()
            if chunk.lastgroup == "directive" or text.startswith("@"):
                self.directives.append(text)
                if found := _PREFIX.match(text):
                    prefixes[found[1]] = urljoin(base, _unescape_iri(found[2]))
                elif found := _BASE.match(text):
                    base = urljoin(base, _unescape_iri(found[1]))
                resolved = {}
                continue
            subject = chunk.group("subject")
            if subject is None:
                continue
            if subject not in resolved:
                resolved[subject] = _resolve(subject, prefixes, base)
            iri = resolved[subject]
            if iri is not None:
                statement = _Statement(chunk.start(), chunk.end(), len(self.directives))
                self.by_subject.setdefault(iri, []).append(statement)

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(match.end() for match in re.finditer("\n", self.text))]

    def place(self, offset: int) -> Place:
        line = bisect_right(self._line_starts, offset)
        return Place(self.shown, line, offset - self._line_starts[line - 1] + 1)

    def pieces(self, statement: _Statement) -> list[_Piece]:
        """The statement cut after its subject into one piece per predicate and object."""
        tokens = [(m.lastgroup, m.start(), m.end())
                  for m in _TOKEN.finditer(self.text, statement.start, statement.end - 1) if m.lastgroup != "space"]
        if not tokens or tokens[0][0] != "term":
            return []
        subject = self.text[tokens[0][1]:tokens[0][2]]
        pieces = []
        for verb, objects in _predicate_objects(tokens[1:], self.text):
            verb_text = self.text[verb[0]:verb[1]]
            for index, (start, end) in enumerate(objects):
                text = f"{subject} {verb_text} {self.text[start:end]} ."
                pieces.append(_Piece(text, verb[0] if index == 0 else start))
        return pieces


def _predicate_objects(tokens: list[tuple[str | None, int, int]], text: str) -> Iterator[
        tuple[tuple[int, int], list[tuple[int, int]]]]:
    """(verb span, object spans) for each predicate of a predicate-object list; what a bracket or a
    parenthesis opens stays inside one object."""
    depth = 0
    verb: tuple[int, int] | None = None
    objects: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []
    for kind, start, end in tokens:
        if depth == 0 and kind == "separator":
            if current:
                objects.append((current[0][0], current[-1][1]))
            current = []
            if text[start] == ";":
                if verb is not None and objects:
                    yield verb, objects
                verb, objects = None, []
            continue
        depth += (kind == "open") - (kind == "close")
        if verb is None:
            verb = (start, end)
        else:
            current.append((start, end))
    if current:
        objects.append((current[0][0], current[-1][1]))
    if verb is not None and objects:
        yield verb, objects


@dataclass(frozen=True)
class Located:
    """Where a finding is: the asserted triple it points at (None when it names only a subject) and the
    places that triple, or the subject's statements, are written; the first place is the main one."""

    triple: Triple | None
    places: tuple[Place, ...]


class Locator:
    """Places of asserted triples in the Turtle files they were loaded from (read again on first use).

    Paths are shown relative to ``root`` (default: the working directory) when they lie below it.
    """

    def __init__(self, files: Iterable[Path], root: Path | None = None) -> None:
        self._paths = list(files)
        self._root = (root or Path.cwd()).resolve()
        self._about: dict[URIRef, list[tuple[Triple, Place]]] = {}
        self._mentions: dict[URIRef, list[tuple[Triple, Place]]] = {}

    @cached_property
    def _files(self) -> list[_TurtleFile]:
        return [_TurtleFile(path, self._shown(path)) for path in self._paths]

    def _shown(self, path: Path) -> str:
        try:
            return path.resolve().relative_to(self._root).as_posix()
        except ValueError:
            return str(path)

    def about(self, subject: URIRef) -> list[tuple[Triple, Place]]:
        """Every triple written with ``subject`` as its statement's subject, with where, in file order."""
        if subject not in self._about:
            written: list[tuple[Triple, Place]] = []
            for turtle in self._files:
                for statement in turtle.by_subject.get(str(subject), []):
                    written += _parsed(turtle, statement, lambda triple: triple[0] == subject)
            self._about[subject] = written
        return self._about[subject]

    def subject_places(self, subject: URIRef) -> tuple[Place, ...]:
        """Where each statement about ``subject`` begins."""
        return tuple(turtle.place(statement.start) for turtle in self._files
                     for statement in turtle.by_subject.get(str(subject), []))

    def triple_places(self, triple: Triple) -> tuple[Place, ...]:
        """Where an asserted triple is written (a blank-node object matches any blank node)."""
        if not isinstance(triple[0], URIRef):
            return ()
        return tuple(place for written, place in self.about(triple[0]) if _same(written, triple))

    def mentions(self, term: URIRef) -> list[tuple[Triple, Place]]:
        """Triples written with ``term`` as predicate or object, found from the text of its local name."""
        if term not in self._mentions:
            self._mentions[term] = self._find_mentions(term)
        return self._mentions[term]

    def _find_mentions(self, term: URIRef) -> list[tuple[Triple, Place]]:
        needle = max(re.findall(r"[^\W_]+", re.split(r"[/#:]", str(term))[-1]), key=len, default="")
        found: list[tuple[Triple, Place]] = []
        for turtle in self._files:
            statements = sorted((s for group in turtle.by_subject.values() for s in group), key=lambda s: s.start)
            starts = [s.start for s in statements]
            seen: set[int] = set()
            offset = turtle.text.find(needle)
            while offset >= 0:
                index = bisect_right(starts, offset) - 1
                if index >= 0 and offset < statements[index].end and index not in seen:
                    seen.add(index)
                    found += _parsed(turtle, statements[index], lambda triple: term in (triple[1], triple[2]))
                offset = turtle.text.find(needle, offset + max(len(needle), 1))
        return found

    def locate(self, check_terms: tuple[str, ...], because: tuple[Step, ...]) -> Located:
        """Where a finding is. With an explanation: its asserted premises (the finding's own triples first).
        Otherwise from its terms: the triple written about the first term that links it to the next two
        (subject, predicate, value) or to another term; else the first term's statements; else the triples
        that use the first term as predicate or object."""
        if because:
            direct = [step for step in because if step.rule == "asserted"]
            leaves = list(dict.fromkeys(leaf.triple for step in (*direct, *because) for leaf in step.leaves()))
            placed = [(triple, places[0]) for triple in leaves if (places := self.triple_places(triple))]
            return Located(placed[0][0], tuple(place for _, place in placed)) if placed else Located(None, ())
        if not check_terms or not _iri_like(check_terms[0]):
            return Located(None, ())
        subject = URIRef(check_terms[0])
        written = self.about(subject)
        if written:
            matches = [(triple, place) for triple, place in written
                       if len(check_terms) >= 3 and str(triple[1]) == check_terms[1]
                       and _written_as(triple[2], check_terms[2])]
            matches = matches or [(triple, place) for term in check_terms[1:] for triple, place in written
                                  if _written_as(triple[2], term)]
            if matches:
                return Located(matches[0][0], tuple(place for _, place in matches))
            return Located(None, self.subject_places(subject))
        mentions = self.mentions(subject)
        return Located(mentions[0][0], tuple(place for _, place in mentions)) if mentions else Located(None, ())


def _parsed(turtle: _TurtleFile, statement: _Statement, wanted: Callable[[Triple], bool]) -> list[tuple[Triple, Place]]:
    """The triples rdflib reads from each piece of a statement that ``wanted`` accepts, with the piece's place."""
    prologue = "\n".join(turtle.directives[:statement.directives])
    base = turtle.path.absolute().as_uri()
    found: list[tuple[Triple, Place]] = []
    for piece in turtle.pieces(statement):
        graph = Graph()
        try:
            graph.parse(data=f"{prologue}\n{piece.text}\n", format="turtle", publicID=base)
        except (BadSyntax, ValueError, TypeError, IndexError):  # a piece cut wrongly gets no place, never a guess
            continue
        place = turtle.place(piece.offset)
        found += [(triple, place) for triple in graph if wanted(triple)]
    return found


def _same(written: Triple, triple: Triple) -> bool:
    if written[:2] != triple[:2]:
        return False
    if isinstance(triple[2], BNode):
        return isinstance(written[2], BNode)
    return written[2] == triple[2]


def _written_as(node: Node, term: str) -> bool:
    """``node`` is the term a check row gives as ``term`` (rows carry terms as strings)."""
    return isinstance(node, URIRef | Literal) and str(node) == term


def _iri_like(term: str) -> bool:
    return ":" in term and not any(c.isspace() for c in term)


def _resolve(subject: str, prefixes: dict[str, str], base: str) -> str | None:
    """The IRI a subject written as ``<iri>`` or ``prefix:local`` stands for; None for anything else."""
    if subject.startswith("<"):
        return urljoin(base, _unescape_iri(subject[1:-1]))
    prefix, colon, local = subject.partition(":")
    if not colon or prefix.startswith("_") or prefix not in prefixes:
        return None
    return prefixes[prefix] + _LOCAL_ESCAPE.sub(r"\1", local)


def _unescape_iri(text: str) -> str:
    return _UCHAR.sub(lambda m: chr(int(m[1] or m[2], 16)), text)
