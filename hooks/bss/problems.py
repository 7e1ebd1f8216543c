"""Content problems, reported as ``path:line: field: what is wrong (what was expected)``."""
from __future__ import annotations

import re

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one place of the content."""

    path: str
    line: int
    field: str
    message: str
    expected: str = ""

    @classmethod
    def at(cls, where: str, message: str, expected: str = "") -> Problem:
        """A problem in the text whose ``where`` is ``path:line: field`` (a Text's)."""
        path, line, field = re.fullmatch(r"(.*):(\d+): (.*)", where, flags=re.S).groups()  # type: ignore[union-attr]
        return cls(path, int(line), field, message, expected)

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.field}: {self.message}"
        return f"{text} ({self.expected})" if self.expected else text


class ContentError(Exception):
    """Raised once with every problem found, so an editor sees them all in one run."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the content:"
        return "\n".join([head, *(str(p) for p in self.problems)])


def field_name(path: tuple[object, ...]) -> str:
    """Render a data path as editors read it: ``photos[0].alt``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(file)"
