"""Read a YAML file into plain data while remembering the line of every value.

Content comes from many hands, so a file is read defensively: whatever is wrong with it becomes a
``Problem`` with its line, never a traceback, a hang or a runaway use of memory.
"""
from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from bss.problems import Problem, field_name

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 32          # the deepest format (a quiz answer) nests 6 levels
MAX_NUMBER = 10**15     # larger than any real figure; keeps Babel and the charts sane
# Spaces that leave a text looking empty: ordinary and non-breaking whitespace, zero-width characters.
_BLANK = re.compile(r"[\s\u00a0\u200b\u200c\u200d\u2060\ufeff]*\Z")


@dataclass
class Document:
    """A loaded YAML file: its data and the line on which each value starts."""

    path: str  # relative to the project root, with forward slashes
    data: Any  # what the YAML holds: checked against the schema before it is used
    lines: dict = field(default_factory=dict)

    def line(self, path: tuple) -> int:
        """The line of the value at ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: tuple, message: str, expected: str = "") -> Problem:
        return Problem(self.path, self.line(path), field_name(path), message, expected)

    def text_line(self, path: tuple, text: str, index: int = 0) -> int:
        """The line of character ``index`` of the text at ``path`` (of its first character: ask
        ``Lines(text, that line)`` for more). A text of several lines is a block (``|``) whose
        first line is the one after its key."""
        block = "\n" in text.rstrip("\n") or text.endswith("\n")
        return Lines(text, self.line(path) + (1 if block else 0)).at(index)


class Lines:
    """The line of any position in a text whose first line is ``first``: found by bisection on the
    line breaks, listed once. Counting the breaks from the start for each position made a check
    quadratic: a 600 kB text of ``[[`` took half a minute."""

    def __init__(self, text: str, first: int = 1):
        self.first = first
        self.breaks = [m.start() for m in re.finditer("\n", text)]

    def at(self, index: int) -> int:
        return self.first + bisect.bisect_left(self.breaks, index)


class DocumentError(Exception):
    def __init__(self, *problems: Problem):
        self.problems = list(problems)
        super().__init__("; ".join(map(str, problems)))


def is_blank(text: str) -> bool:
    """True for a text that shows nothing: only spaces, non-breaking or zero-width characters."""
    return bool(_BLANK.match(text))


def check_file(file: Path, root: Path) -> Problem | None:
    """What stops ``file`` from being read as a content file, if anything.

    A folder or a link named like a data file (an editor's lock file ``.#x.yml`` is a link to
    nothing), or a link that leads outside the project, is reported instead of followed.
    """
    rel = file.relative_to(root).as_posix()
    if file.is_symlink():
        target = file.resolve()
        if not target.exists():
            return Problem(rel, 1, "file", "is a link to a file that does not exist",
                           "a real file; an editor's lock file (.#name) goes away when the file is closed")
        if not target.is_relative_to(root.resolve()):
            return Problem(rel, 1, "file", "is a link to a file outside the project",
                           "the file itself, inside the project")
    if file.is_dir():
        return Problem(rel, 1, "file", "is a folder", "a YAML file")
    if not file.is_file():
        return Problem(rel, 1, "file", "is missing" if not file.exists() else "is not a regular file", "a YAML file")
    return None


def read_document(file: Path, root: Path, raw: bytes | None = None) -> Document:
    """Load one YAML file; raise ``DocumentError`` with the problems found on the way.
    ``raw``: its bytes, if the caller has read them already."""
    rel = file.relative_to(root).as_posix()
    refused = check_file(file, root)
    if refused:
        raise DocumentError(refused)
    raw = file.read_bytes() if raw is None else raw
    if len(raw) > MAX_FILE_BYTES:
        raise DocumentError(Problem(rel, 1, "file", f"is {len(raw):,} bytes",
                                    f"at most {MAX_FILE_BYTES:,} bytes; split it or move media out"))
    if b"\x00" in raw[:8192]:
        raise DocumentError(Problem(rel, 1, "file", "holds binary data, not text", "a YAML text file"))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DocumentError(Problem(rel, line, "encoding",
                                    f"byte 0x{raw[exc.start]:02x} is not UTF-8",
                                    "save the file as UTF-8")) from None
    return read_text(text.removeprefix("\ufeff"), rel)


def read_text(text: str, rel: str) -> Document:
    """Read YAML ``text`` (from the file ``rel``, or sent as it) as the build reads a file: aliases
    counted, never expanded past MAX_VALUES values; raise ``DocumentError`` with the problems."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        raise DocumentError(_syntax_problem(exc, text, rel)) from None
    except yaml.YAMLError as exc:  # errors without a position
        raise DocumentError(Problem(rel, 1, "yaml", str(exc).splitlines()[0], "valid YAML")) from None
    if node is None:
        raise DocumentError(Problem(rel, 1, "file", "is empty", "a YAML mapping of fields"))
    doc = Document(rel, None)
    walk = _Walk(doc, text)
    doc.data = walk.build(node, ())
    problems = walk.problems
    if doc.data is _ABSENT:
        raise DocumentError(Problem(rel, 1, "file", "is empty", "a YAML mapping of fields"))
    if problems:
        raise DocumentError(*problems)
    return doc


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, rel: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else 1
    lines = text.splitlines()
    source_line = lines[line - 1] if mark and line <= len(lines) else ""
    if "\t" in source_line[: mark.column + 1 if mark else 0]:
        return Problem(rel, line, "yaml", "a tab is used for indentation", "indent with spaces")
    if "nesting depth" in (exc.problem or ""):
        return Problem(rel, line, "yaml", "nests too deeply", f"at most {MAX_DEPTH} levels")
    return Problem(rel, line, "yaml", exc.problem or "invalid YAML",
                   "valid YAML: check the indentation, and quote text that holds ': ' or starts with a special character")


MAX_VALUES = 100_000  # far more than any content file holds, even with its aliases expanded
_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_ABSENT = object()  # a text that shows nothing counts as not written at all


class _Walk:
    """Turns the YAML node tree of one file into plain data, recording lines and problems.

    An alias (``*name``) may repeat a value written elsewhere in the file (a source cited several
    times, say), but aliases of aliases can expand into billions of values, and an alias can sit
    inside the value it repeats: the walk stops at MAX_VALUES values and at any cycle.
    """

    def __init__(self, doc: Document, text: str):
        self.doc, self.text = doc, text
        self.problems: list[Problem] = []
        self.count = 0
        self.active: set[int] = set()  # the nodes being built, to catch an alias inside its own value
        self.stopped = False

    def problem(self, line: int, path: tuple, message: str, expected: str) -> None:
        self.problems.append(Problem(self.doc.path, line, field_name(path), message, expected))

    def build(self, node, path: tuple):
        self.doc.lines[path] = node.start_mark.line + 1
        self.count += 1
        if self.count > MAX_VALUES:
            if not self.stopped:
                self.stopped = True
                self.problems.append(Problem(self.doc.path, _first_alias_line(self.text), "yaml",
                                             f"aliases (*) expand this file into more than {MAX_VALUES:,} values",
                                             "each value written out where it is used, or fewer aliases"))
            return None
        if len(path) > MAX_DEPTH:
            self.problem(node.start_mark.line + 1, path[:MAX_DEPTH], "nests too deeply", f"at most {MAX_DEPTH} levels")
            return None
        if id(node) in self.active:
            self.problem(node.start_mark.line + 1, path, "an alias (*) repeats the value that holds it",
                         "a value that does not contain itself")
            return None
        if isinstance(node, yaml.MappingNode):
            self.active.add(id(node))
            value = self._mapping(node, path)
            self.active.discard(id(node))
            return value
        if isinstance(node, yaml.SequenceNode):
            self.active.add(id(node))
            items = [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
            self.active.discard(id(node))
            return ["" if item is _ABSENT else item for item in items]
        value = _value(node, path, self.doc, self.problems)
        if isinstance(value, str) and is_blank(value):
            return _ABSENT
        return value

    def _mapping(self, node, path: tuple) -> dict:
        out: dict = {}
        seen: dict[str, int] = {}  # field name -> line, blank values included
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if key_node.tag == _MERGE:
                self.problem(line, path + ("<<",), "merge keys (<<) are not supported", "the fields written out in full")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(line, path, "a field name is a list or a mapping", "a plain field name")
                continue
            key = str(_value(key_node, path, self.doc, self.problems))
            if key in seen:
                self.problem(line, path + (key,), f"appears twice (first on line {seen[key]})", "each field once")
                continue
            seen[key] = line
            self.doc.lines[path + (key,)] = line
            value = self.build(value_node, path + (key,))
            self.doc.lines[path + (key,)] = line
            if value is not _ABSENT:
                out[key] = value
        return out


def _first_alias_line(text: str) -> int:
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            return event.start_mark.line + 1  # type: ignore[union-attr]  # a parsed event has its mark
    return 1


_constructor = _Loader("")


def _value(node, path: tuple, doc: Document, problems: list[Problem]):
    """A scalar as Python data. Dates stay text, as written, so that JSON Schema checks them
    (2023-02-30 included)."""
    if node.tag == _TIMESTAMP:
        return node.value
    try:
        value = _constructor.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError as exc:
        problems.append(Problem(doc.path, node.start_mark.line + 1, field_name(path), exc.problem or "cannot be read",
                                "plain text, a number, true or false"))
        return None
    except ValueError:  # an integer of thousands of digits
        value = math.inf
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if not math.isfinite(value) or abs(value) > MAX_NUMBER:
            problems.append(Problem(doc.path, node.start_mark.line + 1, field_name(path), "is too large a number",
                                    f"a number below {MAX_NUMBER:,}"))
            return None
    return value
