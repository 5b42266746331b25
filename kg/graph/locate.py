"""Where a triple is written: ``file:line:column`` in the Turtle source, so that a finding points at its line.

rdflib's parser keeps no positions, so the files are read again, only when there is a finding to place.
The statements about a subject are found (see ``_TurtleFile``), each is cut into one piece per predicate and
object, and the pieces are parsed with the file's directives: by Oxigraph, into the terms rdflib's parser
gives (``_oxigraph_read``), or by rdflib where the two could differ. A place is given only where the parser
reads the very triple in that piece, never guessed: a triple with a blank-node subject, or one the scanner
cannot reach, has no place."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import urljoin

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from kg.answers.explain import Step, Triple
from kg.graph.terms import named_by_content

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
# A directive where a line begins (case as Turtle allows); the same after a statement's end on one line.
_DIRECTIVE_START = re.compile(r"[ \t]*(?:@prefix\b|@base\b|[Pp][Rr][Ee][Ff][Ii][Xx]\s|[Bb][Aa][Ss][Ee]\s*<)")
_LINE_DIRECTIVE = re.compile(r"\n(?=" + _DIRECTIVE_START.pattern + ")")
_SPARQL_DIRECTIVE_MIDLINE = re.compile(r"\.[ \t]+(?:[Pp][Rr][Ee][Ff][Ii][Xx]\s|[Bb][Aa][Ss][Ee]\s*<)")
_LOCAL_ESCAPED = re.compile(r"([~.\-!$&'()*+,;=/?#@%_])")
# A place counts the line breaks of at most one block of _BLOCK characters (str.count reads a text with non-ASCII
# characters at about 400 MB/s: with 1 MiB blocks, 2,000 places on 20,000 triples took 1.2 s)
_BLOCK = 1 << 14
IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|^`\\]*")  # an absolute IRI, as a check row gives one
_UCHAR = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# What Oxigraph reads otherwise than rdflib: a language tag with capitals (Oxigraph writes it in lower case), a
# literal typed xsd:string (Oxigraph's simple literals have that datatype too; rdflib's have none) and a relative
# IRI (resolved by rdflib's own rules)
_READ_BY_RDFLIB = re.compile(r"[\"']@[A-Za-z0-9-]*[A-Z]|\^\^\S*string\b|<(?![A-Za-z][A-Za-z0-9+.-]*:)")
_PIECE = "urn:mnd-kg:piece:"
_XSD_STRING = ox.NamedNode("http://www.w3.org/2001/XMLSchema#string")


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
    """One file's statements, their starts indexed by subject IRI.

    A file with a multi-line string, a @base, a prefix declared twice or a directive that does not begin a
    line is scanned whole, statement by statement. Any other file (N-Triples, most Turtle) has no token
    across lines, so a statement can be found from its subject's written forms alone (``index``): where a
    line or a statement's final dot is followed by one, a statement begins if the statements scanned from
    the last line that ends one (its final token ends with the dot) begin there. Both find the same
    statements; this one places the findings on 1,000,000 triples in 2 s instead of 20.
    """

    def __init__(self, path: Path, shown: str, whole: bool = False) -> None:
        """``whole``: scan the file whole whatever it holds."""
        self.path = path
        self.shown = shown
        self.base = path.absolute().as_uri()
        self.text = path.read_text(encoding="utf-8")
        self.directives: list[str] = []
        self.directive_starts: list[int] = []
        self.by_subject: dict[str, list[int]] = {}
        self._prologues: dict[int, tuple[dict[str, str], str]] = {}
        self.whole = whole or not self._line_directives()
        if self.whole:
            self.directives, self.directive_starts = [], []
            self._scan()
        self._indexed: set[str] = set()
        self._mentioned: dict[str, list[int]] = {}

    def _line_directives(self) -> bool:
        """Read the directives, when each begins a line and the file has no multi-line string; else False.
        (Literal C-speed searches: 0.2 s for the 170 MB of 1,000,000 triples.)"""
        text = self.text
        if '"""' in text or "'''" in text or _SPARQL_DIRECTIVE_MIDLINE.search(text):
            return False
        lines = [0] if _DIRECTIVE_START.match(text) else []
        lines += [found.end() for found in _LINE_DIRECTIVE.finditer(text)]
        for line in lines:
            chunk = _CHUNK.match(text, line)
            if chunk is None or not (chunk.lastgroup == "directive" or chunk[chunk.lastgroup or ""][0] == "@"):
                return False
            directive = chunk[chunk.lastgroup or ""]
            self.directives.append(directive)
            self.directive_starts.append(chunk.start(chunk.lastgroup or ""))
        prefixes = [m[1] for d in self.directives if (m := _PREFIX.match(d))]
        written_with_at = sum(d.startswith("@") for d in self.directives)
        return (written_with_at == text.count("@prefix") + text.count("@base") and len(prefixes) == len(set(prefixes))
                and not any(_BASE.match(d) for d in self.directives))

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

    def starts(self, iri: str) -> list[int]:
        """Where the statements about ``iri`` begin."""
        if not self.whole and iri not in self._indexed:
            self.index([iri])
        return self.by_subject.get(iri, [])

    def index(self, iris: Iterable[str]) -> None:
        """Find the statements about each of ``iris`` in one pass over the text (a file read line by line)."""
        if self.whole:
            return  # indexed whole by _scan
        forms = self._written_forms([iri for iri in iris if iri not in self._indexed])
        self._indexed.update(forms.values())
        if not forms:
            return
        subject = "[ \t]*(" + _alternatives(list(forms)) + r")(?=[\s<\[(])"
        first = re.compile(subject).match(self.text)
        after_line = re.finditer("\n" + subject, self.text)
        after_statement = re.finditer(r"\." + subject, self.text)  # a statement that begins mid-line
        for found in sorted([*([first] if first else []), *after_line, *after_statement], key=lambda m: m.start(1)):
            start = found.start(1)
            if self._statement_at(start) == start:
                self.by_subject.setdefault(forms[found[1]], []).append(start)

    def mention_starts(self, iri: str) -> list[int]:
        """Where the statements that may use ``iri`` after their subject begin (to be confirmed by parsing)."""
        if iri in self._mentioned:
            return self._mentioned[iri]
        if self.whole:
            found: list[int] = []
            needle = re.split(r"[/#:]", iri)[-1] or iri
            starts = self.statement_starts
            offset = self.text.find(needle)
            while offset >= 0:
                index = bisect_right(starts, offset) - 1
                following = starts[index + 1] if index + 1 < len(starts) else len(self.text)
                if index >= 0 and self.mentions(starts[index], iri):
                    found.append(starts[index])
                offset = self.text.find(needle, max(offset + 1, following if index >= 0 else 0))
            self._mentioned[iri] = found
        else:
            self.index_mentions([iri])
        return self._mentioned[iri]

    def index_mentions(self, iris: Iterable[str]) -> None:
        """Find the statements that use any of ``iris`` in one pass over a file read line by line."""
        if self.whole:
            return  # looked up one by one in mention_starts
        forms = self._written_forms([iri for iri in iris if iri not in self._mentioned])
        for iri in forms.values():
            self._mentioned[iri] = []
        if not forms:
            return
        pattern = re.compile("(" + _alternatives(list(forms)) + r")(?=[\s<>\[\](),;\"'#^]|\.(?:[\s#]|\Z)|\Z)")
        for found in pattern.finditer(self.text):
            if found.start() == 0 or self.text[found.start() - 1] not in " \t\n\r;,[(^":
                continue
            start = self._statement_at(found.start())
            iri = forms[found[1]]
            if start is not None and start != found.start() and start not in self._mentioned[iri] \
                    and self.mentions(start, iri):
                self._mentioned[iri].append(start)

    def _written_forms(self, iris: list[str]) -> dict[str, str]:
        """How each IRI may be written in this file (``<iri>``, ``prefix:local``) -> the IRI."""
        prefixes, _ = self._prologue(len(self.directives))
        forms = {}
        for iri in iris:
            forms[f"<{iri}>"] = iri
            for label, namespace in prefixes.items():
                if iri.startswith(namespace):
                    local = iri[len(namespace):]
                    escaped = _LOCAL_ESCAPED.sub(r"\\\1", local)
                    forms[f"{label}:{local}"] = forms[f"{label}:{escaped}"] = iri
        return forms

    def _statement_at(self, offset: int) -> int | None:
        """Where the statement holding ``offset`` begins (None: in no statement), scanning from the last line
        before it that ends a statement or holds a directive."""
        text = self.text
        line = text.rfind("\n", 0, offset) + 1
        while line > 0:
            previous = text.rfind("\n", 0, line - 1) + 1
            tokens = [m for m in _TOKEN.finditer(text, previous, line - 1) if m.lastgroup != "space"]
            if tokens and (tokens[-1].group().endswith(".") or _DIRECTIVE_START.match(text, previous)):
                break
            line = previous
        for chunk in _CHUNK.finditer(text, line):
            if chunk.end() > offset:
                return chunk.start("statement") if chunk.lastgroup == "statement" and chunk["subject"] else None
        return None

    @cached_property
    def _newlines(self) -> list[int]:
        """How many line breaks come before each block of _BLOCK characters."""
        counts = [0]
        for start in range(0, len(self.text), _BLOCK):
            counts.append(counts[-1] + self.text.count("\n", start, start + _BLOCK))
        return counts

    @cached_property
    def statement_starts(self) -> list[int]:
        return sorted(start for starts in self.by_subject.values() for start in starts)

    def place(self, offset: int) -> Place:
        block = offset // _BLOCK
        line = self._newlines[block] + self.text.count("\n", block * _BLOCK, offset) + 1
        return Place(self.shown, line, offset - self.text.rfind("\n", 0, offset))

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
        """The triples rdflib reads from each piece: the pieces under the same directives in one TriG document,
        a named graph each (one parse, not one per piece); one by one when that document does not parse."""
        read: list[list[Triple]] = [[] for _ in pieces]
        groups: dict[int, list[int]] = {}
        for n, piece in enumerate(pieces):
            groups.setdefault(piece.directives, []).append(n)
        for directives, members in groups.items():
            prologue = "\n".join(self.directives[:directives])
            body = "\n".join(f"<{_PIECE}{n}> {{ {pieces[n].text} }}" for n in members)
            document = f"{prologue}\n{body}\n"
            quads = _oxigraph_read(document, self.base)
            if quads is None:
                dataset = _parse(document, "trig", self.base)
                if dataset is not None:
                    quads = [(s, p, o, str(graph.identifier if isinstance(graph, Graph) else graph))
                             for s, p, o, graph in dataset.quads()]
            if quads is not None:
                for s, p, o, name in quads:
                    if name.startswith(_PIECE):
                        read[int(name[len(_PIECE):])].append((s, p, o))
                continue
            for n in members:
                parsed = _parse(f"{prologue}\n{pieces[n].text}\n", "turtle", self.base)
                read[n] = list(parsed.triples((None, None, None))) if parsed is not None else []
        return [_stable(triples) for triples in read]


def _oxigraph_read(text: str, base: str) -> list[tuple[Node, Node, Node, str]] | None:
    """The quads of a TriG text read by Oxigraph, as the rdflib terms rdflib's parser gives; None where the
    text does not parse or rdflib could read it otherwise (``_READ_BY_RDFLIB``). Ten times faster than rdflib."""
    if _READ_BY_RDFLIB.search(text):
        return None
    terms: dict[object, Node] = {}

    def term(node: object) -> Node:
        if node not in terms:
            terms[node] = _rdflib_term(node)
        return terms[node]

    try:
        return [(term(q.subject), term(q.predicate), term(q.object), q.graph_name.value)
                for q in ox.parse(text, format=ox.RdfFormat.TRIG, base_iri=base)]
    except (SyntaxError, ValueError):
        return None


def _rdflib_term(node: object) -> Node:
    if isinstance(node, ox.NamedNode):
        return URIRef(node.value)
    if isinstance(node, ox.BlankNode):
        return BNode(node.value)
    assert isinstance(node, ox.Literal)
    if node.language:
        return Literal(node.value, lang=node.language)
    if node.datatype == _XSD_STRING:
        return Literal(node.value)
    return Literal(node.value, datatype=URIRef(node.datatype.value))


def _stable(triples: list[Triple]) -> list[Triple]:
    """A piece's triples in one order, each blank node named by what it says instead of the parser's random
    label, so that a finding shows the same triple on every run; blank nodes in a cycle (only ``_:x`` labels
    write one) are left out: no place rather than a label that changes."""
    named = named_by_content(triples)
    if named is None:
        named = {triple for triple in triples if not any(isinstance(term, BNode) for term in triple)}
    return sorted(named, key=lambda triple: tuple(term.n3() for term in triple))


def _parse(text: str, fmt: str, base: str) -> Dataset | None:
    from rdflib.plugins.parsers.notation3 import BadSyntax  # only for the pieces Oxigraph leaves to rdflib

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

    Paths are shown relative to ``root`` (default: the working directory) when they lie below it, or by the
    name ``names`` gives them (``<stdin>`` for standard input).
    """

    def __init__(self, files: Iterable[Path], root: Path | None = None,
                 names: Mapping[Path, str] | None = None) -> None:
        self._paths = list(files)
        self._root = (root or Path.cwd()).resolve()
        self._names = dict(names or {})
        self._about: dict[URIRef, list[tuple[Triple, Place]]] = {}
        self._mentions: dict[URIRef, list[tuple[Triple, Place]]] = {}

    @cached_property
    def _files(self) -> list[_TurtleFile]:
        return [_TurtleFile(path, self._shown(path)) for path in self._paths]

    def _shown(self, path: Path) -> str:
        if path in self._names:
            return self._names[path]
        try:
            return path.resolve().relative_to(self._root).as_posix()
        except ValueError:
            return str(path)

    def about(self, subject: URIRef) -> list[tuple[Triple, Place]]:
        """Every triple written with ``subject`` as its statement's subject, with where, in file order."""
        if subject not in self._about:
            self._read_about([str(subject)])
        return self._about[subject]

    def _read_about(self, iris: list[str]) -> None:
        """Read the statements about each of ``iris``: one rdflib parse per file for all of them."""
        self._read(self._about, iris, _TurtleFile.starts, lambda iri, triple: triple[0] == iri)

    def _read(self, found: dict[URIRef, list[tuple[Triple, Place]]], iris: list[str],
              starts: Callable[[_TurtleFile, str], list[int]], kept: Callable[[URIRef, Triple], bool]) -> None:
        """Parse the statements ``starts`` gives for each of ``iris`` and keep, under the IRI in ``found``, the
        triples ``kept`` accepts with their places."""
        for iri in iris:
            found[URIRef(iri)] = []
        for turtle in self._files:
            pieces = [(URIRef(iri), piece) for iri in iris for start in starts(turtle, iri)
                      for piece in turtle.pieces(start)]
            for (term, piece), triples in zip(pieces, turtle.read([piece for _, piece in pieces]), strict=True):
                place = turtle.place(piece.offset)
                found[term] += [(triple, place) for triple in triples if kept(term, triple)]

    def subject_places(self, subject: URIRef) -> tuple[Place, ...]:
        """Where each statement about ``subject`` begins."""
        return tuple(turtle.place(start) for turtle in self._files for start in turtle.starts(str(subject)))

    def triple_places(self, triple: Triple) -> tuple[Place, ...]:
        """Where an asserted triple is written (a blank-node object matches any blank node)."""
        if not isinstance(triple[0], URIRef):
            return ()
        return tuple(place for written, place in self.about(triple[0]) if _same(written, triple))

    def mentions(self, term: URIRef) -> list[tuple[Triple, Place]]:
        """Triples written with ``term`` as predicate or object."""
        if term not in self._mentions:
            self._read_mentions([str(term)])
        return self._mentions[term]

    def _read_mentions(self, iris: list[str]) -> None:
        self._read(self._mentions, iris, _TurtleFile.mention_starts, lambda iri, triple: iri in (triple[1], triple[2]))

    def prepare(self, findings: Iterable[tuple[tuple[str, ...], tuple[Step, ...]]]) -> None:
        """Index at once what ``locate`` will look up for these (terms, because) pairs: one pass over each
        large file for all of them instead of one each."""
        subjects: set[str] = set()
        firsts: set[str] = set()
        for terms, because in findings:
            if because:
                subjects.update(str(leaf.triple[0]) for step in because for leaf in step.leaves()
                                if isinstance(leaf.triple[0], URIRef))
            elif terms and IRI.fullmatch(terms[0]):
                firsts.add(terms[0])
        if not subjects and not firsts:
            return  # nothing to place: the files are not read
        for turtle in self._files:
            turtle.index(subjects | firsts)
        self._read_about(sorted(iri for iri in subjects | firsts if URIRef(iri) not in self._about))
        unwritten = [iri for iri in sorted(firsts) if not self._about[URIRef(iri)]]
        for turtle in self._files:
            turtle.index_mentions(unwritten)
        self._read_mentions([iri for iri in unwritten if URIRef(iri) not in self._mentions])

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
        if not check_terms or not IRI.fullmatch(check_terms[0]):
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


def _alternatives(words: list[str]) -> str:
    """A regular expression matching any of ``words``, as a trie: one pass over a large text, not one per word."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for character in word:
            node = node.setdefault(character, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        branches = [re.escape(character) + pattern(child) for character, child in sorted(node.items()) if character]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


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
