"""Moldova's 37 first-level administrative units, from data/administrative-units.csv."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from .problems import Problem
from .text import Text

PATH = "data/administrative-units.csv"
COLUMNS = ["iso_3166_2", "name_ro", "name_en", "kind_ro", "kind_en"]
CODE = re.compile(r"MD-[A-Z]{2}\Z")  # ISO 3166-2:MD
LAYOUT = "data/map-layout.csv"
LAYOUT_COLUMNS = ["iso_3166_2", "row", "col", "short_ro", "short_en"]


@dataclass(frozen=True)
class Tile:
    """Where a unit sits on the tile-grid map, and the short name it shows there."""

    row: int
    col: int
    short: Text


@dataclass(frozen=True)
class Unit:
    code: str  # ISO 3166-2, e.g. MD-CA
    name: Text
    kind: Text
    tile: Tile | None = None


def _read_csv(root: Path, path: str, columns: list[str], problems: list[Problem]) -> list[dict]:
    """The rows of a UTF-8 CSV file with exactly ``columns``; [] (and a problem) otherwise.

    A byte-order mark, as spreadsheet programs write, is allowed; a row with too few or too many
    values is reported and left out.
    """
    try:
        reader = csv.DictReader((root / path).read_text(encoding="utf-8-sig").splitlines(), restkey="")
        rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(path, 1, "file", f"cannot be read: {exc.__class__.__name__}", "a UTF-8 CSV file"))
        return []
    if reader.fieldnames != columns:
        problems.append(Problem(path, 1, "header", "wrong columns", ",".join(columns)))
        return []
    whole = []
    for line, row in enumerate(rows, start=2):
        count = len([v for k, v in row.items() if k != "" and v is not None]) + len(row.get("", []))
        if count != len(columns):
            problems.append(Problem(path, line, "row", f"has {count} value{'s' if count != 1 else ''}",
                                    f"{len(columns)} values: {','.join(columns)}"))
        else:
            whole.append((line, row))
    return whole


def load_units(root: Path, problems: list[Problem]) -> dict[str, Unit]:
    rows = _read_csv(root, PATH, COLUMNS, problems)
    if not rows:
        return {}
    units = {}
    for line, row in rows:
        code = row["iso_3166_2"]
        if code in units:
            problems.append(Problem(PATH, line, "iso_3166_2", f"'{code}' appears twice", "each unit once"))
        if not CODE.match(code):
            problems.append(Problem(PATH, line, "iso_3166_2", f"'{code}' is not an ISO 3166-2 code of Moldova",
                                    "MD- and two capital letters, e.g. MD-CA"))
        for column in COLUMNS[1:]:
            if not row[column].strip():
                problems.append(Problem(PATH, line, column, "empty", "the text of this column"))
        units[code] = Unit(code, Text(row["name_ro"], row["name_en"]), Text(row["kind_ro"], row["kind_en"]))
    tiles = _load_layout(root, set(units), problems)
    return {code: Unit(u.code, u.name, u.kind, tiles.get(code)) for code, u in units.items()}


def _load_layout(root: Path, codes: set[str], problems: list[Problem]) -> dict[str, Tile]:
    """The tile map: one equal tile per unit, each in its own cell."""
    rows = _read_csv(root, LAYOUT, LAYOUT_COLUMNS, problems)
    if not rows:
        return {}
    tiles: dict[str, Tile] = {}
    cells: dict[tuple[int, int], str] = {}
    for line, row in rows:
        code = row["iso_3166_2"]
        if code not in codes:
            problems.append(Problem(LAYOUT, line, "iso_3166_2", f"'{code}' is not a unit of {PATH}", "one row per unit"))
            continue
        try:
            cell = (int(row["row"]), int(row["col"]))
        except ValueError:
            problems.append(Problem(LAYOUT, line, "row", "row and col must be whole numbers", "e.g. 3,1"))
            continue
        if cell in cells:
            problems.append(Problem(LAYOUT, line, "row", f"cell {cell[0]},{cell[1]} is already {cells[cell]}",
                                    "each unit in its own cell"))
        cells[cell] = code
        tiles[code] = Tile(cell[0], cell[1], Text(row["short_ro"], row["short_en"]))
    for code in sorted(codes - set(tiles)):
        problems.append(Problem(LAYOUT, len(rows) + 1, "iso_3166_2", f"'{code}' has no tile", "a row for it in this file"))
    return tiles
