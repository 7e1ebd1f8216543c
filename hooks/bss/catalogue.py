"""The case-study catalogue: facets to filter by, the tile map of districts, open data."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from .text import Text

# Filter keys as they appear in the address: /studii-de-caz/?raion=MD-CA&tip=respiro
FACETS = ("raion", "tip", "grup", "program", "an", "org")
DATA_FILES = {"ro": "studii-de-caz", "en": "case-studies"}  # open-data file names, per language
FIGURES = ("beneficiaries", "staff", "places", "localities", "volunteers")


@dataclass(frozen=True)
class Option:
    value: str
    label: Text
    count: int


@dataclass(frozen=True)
class MapTile:
    code: str
    name: Text
    short: Text
    row: int
    col: int
    count: int
    shade: int  # 0 none, 1, 2, 3 = three or more


def facet_values(case) -> dict[str, tuple[str, ...]]:
    """The values a case study has for each filter."""
    return {
        "raion": case.districts,
        "tip": (case.service_type,),
        "grup": case.target_groups,
        "program": (case.programme,) if case.programme else (),
        "an": (str(case.start.year),) if case.start else (),
        "org": (case.organisation,) if case.organisation else (),
    }


def facets(content) -> dict[str, tuple[Option, ...]]:
    """For each filter, the values that occur in the data, with how many case studies have each."""
    labels = {
        "raion": lambda v: content.units[v].name,
        "tip": lambda v: content.service_types[v].name,
        "grup": lambda v: content.target_groups[v].name,
        "program": lambda v: content.programmes[v].short_title,
        "an": lambda v: Text(v, v),
        "org": lambda v: content.partners[v].name,
    }
    counts: dict[str, dict[str, int]] = {key: {} for key in FACETS}
    for case in content.case_studies.values():
        for key, values in facet_values(case).items():
            for value in values:
                counts[key][value] = counts[key].get(value, 0) + 1
    out = {}
    for key in FACETS:
        options = [Option(v, labels[key](v), n) for v, n in counts[key].items()]
        options.sort(key=lambda o: o.value if key == "an" else o.label.ro.lower())
        out[key] = tuple(options)
    return out


def map_tiles(content) -> list[MapTile]:
    counts: dict[str, int] = {}
    for case in content.case_studies.values():
        for code in case.districts:
            counts[code] = counts.get(code, 0) + 1
    tiles = []
    for code, unit in content.units.items():
        n = counts.get(code, 0)
        tiles.append(MapTile(code, unit.name, unit.tile.short, unit.tile.row, unit.tile.col, n, min(n, 3)))
    return sorted(tiles, key=lambda t: (t.row, t.col))


def records(content, lang: str) -> list[dict]:
    """One flat record per case study, in ``lang``: what the open-data files hold."""
    def text(value: Text | None) -> str:
        return value.get(lang)[0] if value else ""

    out = []
    for case in sorted(content.case_studies.values(), key=lambda c: c.id):
        prefix = "" if lang == "ro" else f"{lang}/"
        row = {
            "id": case.id,
            "example": case.example,
            "title": text(case.title),
            "service_type": case.service_type,
            "service_type_name": text(content.service_types[case.service_type].name),
            "target_groups": list(case.target_groups),
            "districts": list(case.districts),
            "district_names": [text(content.units[d].name) for d in case.districts],
            "locality": text(case.locality),
            "organisation": case.organisation or "",
            "organisation_name": text(content.partners[case.organisation].name) if case.organisation else "",
            "authority": text(case.authority),
            "programme": case.programme or "",
            "start": case.start.isoformat() if case.start else "",
            "end": case.end.isoformat() if case.end else "",
        }
        for fid in FIGURES:
            figure = case.figure(fid)
            row[fid] = figure.value if figure else None
        row["summary"] = text(case.summary)
        row["page"] = f"/{prefix}studii-de-caz/{case.id}/"
        out.append(row)
    return out


def open_data_files(content) -> dict[str, str]:
    """The case-study records as CSV and JSON, per language, by output path."""
    files = {}
    for lang, name in DATA_FILES.items():
        rows = records(content, lang)
        folder = "studii-de-caz/" if lang == "ro" else f"{lang}/studii-de-caz/"
        files[f"{folder}{name}.json"] = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        files[f"{folder}{name}.csv"] = buffer.getvalue()
    return files


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    """A CSV cell. Text that a spreadsheet would run as a formula is neutralised as OWASP
    recommends, with a leading apostrophe; the JSON keeps every value exactly."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    text = "; ".join(value) if isinstance(value, list) else "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def pages(content) -> list:
    """The catalogue: filters, map, the full list grouped by service type, open-data links."""
    from . import addresses as A
    from .render import PageSpec

    cases = sorted(content.case_studies.values(), key=lambda c: c.title.ro)
    groups = [(t, [c for c in cases if c.service_type == t]) for t in content.service_types]
    t = content.strings.t
    context = {"cases": cases, "groups": [g for g in groups if g[1]], "facets": facets(content),
               "facet_keys": FACETS, "tiles": map_tiles(content), "values": facet_values, "data_files": DATA_FILES,
               "rows": max(tile.row for tile in map_tiles(content)) + 1}
    return [PageSpec(A.CASE_STUDIES, "case-studies.md", Text(t("nav.case_studies", "ro"), t("nav.case_studies", "en")),
                     context, meta={"catalogue": True})]
