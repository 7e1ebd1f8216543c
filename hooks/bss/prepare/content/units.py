"""Moldova's 37 first-level administrative units, from data/administrative-units.csv, and their
places on the tile map (data/map-layout.csv). Texts are columns per language: ``name_ro``,
``name_en``...; the default language's are required, a language without its column falls back."""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from bss.problems import Problem
from bss.settings import Languages
from bss.text import Text

PATH = "data/administrative-units.csv"
CODE = re.compile(r"MD-[A-Z]{2}\Z")  # ISO 3166-2:MD
LAYOUT = "data/map-layout.csv"
_LANGUAGE_COLUMN = re.compile(r"(name|kind|short)_([a-z]{2,3})\Z")


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


def _read_csv(root: Path, path: str, fixed: list[str], texts: list[str], languages: Languages,
              problems: list[Problem]) -> list[tuple[int, dict]]:
    """The rows of a UTF-8 CSV file with the ``fixed`` columns and a ``<text>_<lang>`` column per
    text and language (the default language's required); [] (and a problem) otherwise.

    A byte-order mark, as spreadsheet programs write, is allowed; a row with too few or too many
    values is reported and left out.
    """
    try:
        reader = csv.DictReader((root / path).read_text(encoding="utf-8-sig").splitlines(), restkey="")
        rows = list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(path, 1, "file", f"cannot be read: {exc.__class__.__name__}", "a UTF-8 CSV file"))
        return []
    header = reader.fieldnames or []
    wanted = fixed + [f"{t}_{languages.default}" for t in texts]
    odd = [c for c in header if c not in fixed and not _LANGUAGE_COLUMN.match(c)]
    if header[: len(fixed)] != fixed or not set(wanted) <= set(header) or odd:
        problems.append(Problem(path, 1, "header", "wrong columns",
                                ",".join(fixed + [f"{t}_{lang}" for t in texts for lang in languages])))
        return []
    whole = []
    for line, row in enumerate(rows, start=2):
        count = len([v for k, v in row.items() if k != "" and v is not None]) + len(row.get("", []))
        if count != len(header):
            problems.append(Problem(path, line, "row", f"has {count} value{'s' if count != 1 else ''}",
                                    f"{len(header)} values: {','.join(header)}"))
            continue
        for column in wanted[1:]:
            if not row[column].strip():
                problems.append(Problem(path, line, column, "empty", "the text of this column"))
        whole.append((line, row))
    return whole


def _text(row: dict, name: str, languages: Languages) -> Text:
    return Text({lang: row[f"{name}_{lang}"].strip() for lang in languages if row.get(f"{name}_{lang}", "").strip()},
                languages.default, f"{PATH}: {name}_{languages.default} of {row.get('iso_3166_2')}")


def load_units(root: Path, languages: Languages, problems: list[Problem]) -> dict[str, Unit]:
    rows = _read_csv(root, PATH, ["iso_3166_2"], ["name", "kind"], languages, problems)
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
        units[code] = Unit(code, _text(row, "name", languages), _text(row, "kind", languages))
    tiles = _load_layout(root, set(units), languages, problems)
    return {code: Unit(u.code, u.name, u.kind, tiles.get(code)) for code, u in units.items()}


def _load_layout(root: Path, codes: set[str], languages: Languages, problems: list[Problem]) -> dict[str, Tile]:
    """The tile map: one equal tile per unit, each in its own cell."""
    rows = _read_csv(root, LAYOUT, ["iso_3166_2", "row", "col"], ["short"], languages, problems)
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
        tiles[code] = Tile(cell[0], cell[1], _text(row, "short", languages))
    for code in sorted(codes - set(tiles)):
        problems.append(Problem(LAYOUT, len(rows) + 1, "iso_3166_2", f"'{code}' has no tile", "a row for it in this file"))
    return tiles
