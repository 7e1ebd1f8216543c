"""Read a YAML file into plain data while remembering the line of every value."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .problems import Problem, field_name

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_FILE_BYTES = 1_000_000


@dataclass
class Document:
    """A loaded YAML file: its data and the line on which each value starts."""

    path: str  # relative to the project root, with forward slashes
    data: object
    lines: dict = field(default_factory=dict)

    def line(self, path: tuple) -> int:
        """The line of the value at ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)

    def problem(self, path: tuple, message: str, expected: str = "") -> Problem:
        return Problem(self.path, self.line(path), field_name(path), message, expected)


def read_document(file: Path, root: Path) -> Document:
    """Load one YAML file; raise ``DocumentError`` with the problems found on the way."""
    rel = file.relative_to(root).as_posix()
    raw = file.read_bytes()
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
    text = text.removeprefix("\ufeff")
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        source_line = text.splitlines()[line - 1] if mark and line <= len(text.splitlines()) else ""
        if "\t" in source_line[: mark.column + 1 if mark else 0]:
            raise DocumentError(Problem(rel, line, "yaml", "a tab is used for indentation", "indent with spaces")) from None
        raise DocumentError(Problem(rel, line, "yaml", exc.problem or "invalid YAML",
                                    "valid YAML: check the indentation, and quote text that holds ': ' or starts with a special character")) from None
    if node is None:
        raise DocumentError(Problem(rel, 1, "file", "is empty", "a YAML mapping of fields"))
    doc = Document(rel, None)
    problems: list[Problem] = []
    doc.data = _build(node, (), doc, problems)
    if problems:
        raise DocumentError(*problems)
    return doc


class DocumentError(Exception):
    def __init__(self, *problems: Problem):
        self.problems = list(problems)
        super().__init__("; ".join(map(str, problems)))


_constructor = _Loader("")


def _build(node, path: tuple, doc: Document, problems: list[Problem]):
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        out: dict = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in out:
                problems.append(Problem(doc.path, key_node.start_mark.line + 1, field_name(path + (key,)),
                                        f"appears twice (first on line {doc.lines[path + (key,)]})",
                                        "each field once"))
                continue
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, path + (key,), doc, problems)
            doc.lines[path + (key,)] = key_node.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), doc, problems) for i, item in enumerate(node.value)]
    try:
        return _scalar(node)
    except yaml.constructor.ConstructorError as exc:
        problems.append(Problem(doc.path, node.start_mark.line + 1, field_name(path), exc.problem or "cannot be read",
                                "plain text, a number, true or false"))
        return None


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


def _scalar(node):
    # Dates stay text, as written, so that JSON Schema checks them (2023-02-30 included).
    if node.tag == _TIMESTAMP:
        return node.value
    return _constructor.construct_object(node, deep=True)
