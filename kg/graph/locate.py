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
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from kg.answers.explain import Step, Triple

_BODY = r"""(?:<[^>\n]*>
      |\"\"\"(?:(?:"|"")?(?:[^"\\]|\\[\s\S]))*\"\"\"
      |'''(?:(?:'|'')?(?:[^'\\]|\\[\s\S]))*'''
      |"(?:[^"\\\n]|\\.)*"
      |'(?:[^'\\\n]|\\.)*'
      |\#[^\n]*
      |[^"'<\#.]+
      |\.(?=[^\s\#"'<\[\](),;.])
    )+\."""
# One statement of a Turtle file after the blank space and comments before it: a SPARQL-style directive (no
# final dot), or an @prefix/@base directive or triples up to the final dot. A dot inside a name or a number
# is followed by a name character; the statement's final dot is not.
_CHUNK = re.compile(r"""(?:\s+|\#[^\n]*)*
  (?:(?P<directive>(?i:PREFIX)\s+[^\s:]*:\s*<[^>\n]*>|(?i:BASE)\s*<[^>\n]*>)
    |(?P<statement>(?P<subject><[^>\n]*>|[^\s<"'\[\](),;\#]+)?""" + _BODY + "))", re.X)
_STATEMENT = re.compile(r"(?:<[^>\n]*>|[^\s<\"'\[\](),;\#]+)?" + _BODY, re.X)
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
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*")  # an absolute IRI, as a check row gives one
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
class _Piece:
    """One predicate and one object of a statement, as Turtle that parses alone, and where it is written."""

    text: str
    offset: int
    directives: int  # how many of the file's directives come before it


class _TurtleFile:
    """One file's statements, their starts indexed by subject IRI."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown
        self.base = path.absolute().as_uri()
        self.text = path.read_text(encoding="utf-8")
        self.directives: list[str] = []
        self.directive_starts: list[int] = []
        self.by_subject: dict[str, list[int]] = {}
        self._prologues: dict[int, tuple[dict[str, str], str]] = {}
        self._scan()

    def _scan(self) -> None:
        prefixes: dict[str, str] = {}
        base = self.base
        resolved: dict[str, str | None] = {}
        position = 0
        text = self.text
        for chunk in _CHUNK.finditer(text):
            if chunk.start() != position:
                return  # the scanner lost its way: the statements after this point get no place
            position = chunk.end()
            subject = chunk["subject"]
            if chunk.lastgroup == "directive" or (subject is not None and subject[0] == "@"):
                directive = chunk[chunk.lastgroup or ""]
                self.directives.append(directive)
                self.directive_starts.append(chunk.start(chunk.lastgroup or ""))
                if found := _PREFIX.match(directive):
                    prefixes[found[1]] = urljoin(base, _unescape_iri(found[2]))
                elif found := _BASE.match(directive):
                    base = urljoin(base, _unescape_iri(found[1]))
                resolved = {}
            elif subject is not None:
                iri = resolved[subject] if subject in resolved else \
                    resolved.setdefault(subject, _resolve(subject, prefixes, base))
                if iri is not None:
                    starts = self.by_subject.get(iri)
                    if starts is None:
                        self.by_subject[iri] = [chunk.start("statement")]
                    else:
                        starts.append(chunk.start("statement"))

    @cached_property
    def _line_starts(self) -> list[int]:
        return [0, *(match.end() for match in re.finditer("\n", self.text))]

    @cached_property
    def statement_starts(self) -> list[int]:
        return sorted(start for starts in self.by_subject.values() for start in starts)

    def place(self, offset: int) -> Place:
        line = bisect_right(self._line_starts, offset)
        return Place(self.shown, line, offset - self._line_starts[line - 1] + 1)

    def _directives_before(self, offset: int) -> int:
        return bisect_right(self.directive_starts, offset)

    def _tokens(self, start: int) -> list[tuple[str | None, int, int]]:
        """The tokens of the statement at ``start``, its final dot left out."""
        statement = _STATEMENT.match(self.text, start)
        if statement is None:
            return []
        return [(m.lastgroup, m.start(), m.end())
                for m in _TOKEN.finditer(self.text, start, statement.end() - 1) if m.lastgroup != "space"]

    def pieces(self, start: int) -> list[_Piece]:
        """The statement at ``start`` cut after its subject into one piece per predicate and object."""
        tokens = self._tokens(start)
        if not tokens or tokens[0][0] != "term":
            return []
        subject = self.text[tokens[0][1]:tokens[0][2]]
        directives = self._directives_before(start)
        pieces = []
        for verb, objects in _predicate_objects(tokens[1:], self.text):
            verb_text = self.text[verb[0]:verb[1]]
            for index, (begin, end) in enumerate(objects):
                pieces.append(_Piece(f"{subject} {verb_text} {self.text[begin:end]} .",
                                     verb[0] if index == 0 else begin, directives))
        return pieces

    def mentions(self, start: int, iri: str) -> bool:
        """Whether a term of the statement at ``start`` after its subject is written as ``iri``."""
        prefixes, base = self._prologue(self._directives_before(start))
        return any(_resolve(self.text[begin:end].removeprefix("^^"), prefixes, base) == iri
                   for kind, begin, end in self._tokens(start)[1:] if kind == "term")

    def _prologue(self, directives: int) -> tuple[dict[str, str], str]:
        """The prefixes and the base the first ``directives`` directives declare."""
        if directives in self._prologues:
            return self._prologues[directives]
        prefixes: dict[str, str] = {}
        base = self.base
        for directive in self.directives[:directives]:
            if found := _PREFIX.match(directive):
                prefixes[found[1]] = urljoin(base, _unescape_iri(found[2]))
            elif found := _BASE.match(directive):
                base = urljoin(base, _unescape_iri(found[1]))
        self._prologues[directives] = prefixes, base
        return prefixes, base

    def read(self, pieces: list[_Piece]) -> list[list[Triple]]:
        """The triples rdflib reads from each piece: all pieces in one TriG document, one named graph each
        (one parse instead of one per piece); one parse per piece when that document does not parse."""
        if not pieces:
            return []
        prologue = "\n".join(self.directives[:pieces[0].directives])
        if all(piece.directives == pieces[0].directives for piece in pieces):
            body = "\n".join(f"<urn:mnd-kg:piece:{n}> {{ {piece.text} }}" for n, piece in enumerate(pieces))
            dataset = _parse(f"{prologue}\n{body}\n", "trig", self.base)
            if dataset is not None:
                read: list[list[Triple]] = [[] for _ in pieces]
                for s, p, o, graph in dataset.quads():
                    name = str(graph.identifier if isinstance(graph, Graph) else graph)
                    if name.startswith("urn:mnd-kg:piece:"):
                        read[int(name.rsplit(":", 1)[1])].append((s, p, o))
                return read
        found = []
        for piece in pieces:
            parsed = _parse(f"{chr(10).join(self.directives[:piece.directives])}\n{piece.text}\n", "turtle",
                            self.base)
            found.append(list(parsed.triples((None, None, None))) if parsed is not None else [])
        return found


def _parse(text: str, fmt: str, base: str) -> Dataset | None:
    dataset = Dataset()
    try:
        dataset.parse(data=text, format=fmt, publicID=base)
    except (BadSyntax, ValueError, TypeError, IndexError):  # a piece cut wrongly gets no place, never a guess
        return None
    return dataset


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
            self._about[subject] = [
                (triple, turtle.place(piece.offset))
                for turtle in self._files
                for piece, triples in _read(turtle, turtle.by_subject.get(str(subject), []))
                for triple in triples if triple[0] == subject]
        return self._about[subject]

    def subject_places(self, subject: URIRef) -> tuple[Place, ...]:
        """Where each statement about ``subject`` begins."""
        return tuple(turtle.place(start) for turtle in self._files for start in turtle.by_subject.get(str(subject), []))

    def triple_places(self, triple: Triple) -> tuple[Place, ...]:
        """Where an asserted triple is written (a blank-node object matches any blank node)."""
        if not isinstance(triple[0], URIRef):
            return ()
        return tuple(place for written, place in self.about(triple[0]) if _same(written, triple))

    def mentions(self, term: URIRef) -> list[tuple[Triple, Place]]:
        """Triples written with ``term`` as predicate or object (found from the text of its local name)."""
        if term not in self._mentions:
            self._mentions[term] = self._find_mentions(term)
        return self._mentions[term]

    def _find_mentions(self, term: URIRef) -> list[tuple[Triple, Place]]:
        needle = re.split(r"[/#:]", str(term))[-1] or str(term)
        found: list[tuple[Triple, Place]] = []
        for turtle in self._files:
            starts, candidates = turtle.statement_starts, list[int]()
            offset = turtle.text.find(needle)
            while offset >= 0:
                index = bisect_right(starts, offset) - 1
                following = starts[index + 1] if index + 1 < len(starts) else len(turtle.text)
                if index >= 0 and turtle.mentions(starts[index], str(term)):
                    candidates.append(starts[index])
                offset = turtle.text.find(needle, max(offset + 1, following if index >= 0 else 0))
            found += [(triple, turtle.place(piece.offset)) for piece, triples in _read(turtle, candidates)
                      for triple in triples if term in (triple[1], triple[2])]
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
        if not check_terms or not _IRI.fullmatch(check_terms[0]):
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


def _read(turtle: _TurtleFile, starts: list[int]) -> list[tuple[_Piece, list[Triple]]]:
    """Each piece of the statements at ``starts`` with the triples rdflib reads from it."""
    pieces = [piece for start in starts for piece in turtle.pieces(start)]
    return list(zip(pieces, turtle.read(pieces), strict=True))


def _same(written: Triple, triple: Triple) -> bool:
    if written[:2] != triple[:2]:
        return False
    if isinstance(triple[2], BNode):
        return isinstance(written[2], BNode)
    return written[2] == triple[2]


def _written_as(node: Node, term: str) -> bool:
    """``node`` is the term a check row gives as ``term`` (rows carry terms as strings)."""
    return isinstance(node, URIRef | Literal) and str(node) == term


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
