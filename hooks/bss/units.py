"""Moldova's 37 first-level administrative units, from data/administrative-units.csv."""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .text import Text

PATH = "data/administrative-units.csv"
COLUMNS = ["iso_3166_2", "name_ro", "name_en", "kind_ro", "kind_en"]


@dataclass(frozen=True)
class Unit:
    code: str  # ISO 3166-2, e.g. MD-CA
    name: Text
    kind: Text


def load_units(root: Path, problems: list[Problem]) -> dict[str, Unit]:
    file = root / PATH
    try:
        rows = list(csv.DictReader(file.read_text(encoding="utf-8").splitlines()))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(PATH, 1, "file", f"cannot be read: {exc.__class__.__name__}", "a UTF-8 CSV file"))
        return {}
    if not rows or list(rows[0].keys()) != COLUMNS:
        problems.append(Problem(PATH, 1, "header", "wrong columns", ",".join(COLUMNS)))
        return {}
    units = {}
    for line, row in enumerate(rows, start=2):
        code = row["iso_3166_2"]
        if code in units:
            problems.append(Problem(PATH, line, "iso_3166_2", f"'{code}' appears twice", "each unit once"))
        units[code] = Unit(code, Text(row["name_ro"], row["name_en"]), Text(row["kind_ro"], row["kind_en"]))
    return units
