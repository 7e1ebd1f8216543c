"""The case-study catalogue: facets to filter by, the tile map of districts, open data."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from bss.prepare.pages import catalogue_lists
from bss.prepare.pages.catalogue_lists import FACETS, facet_values
from bss.prepare.pages.render import PageSpec
from bss.text import Text

FIGURES = ("beneficiaries", "staff", "places", "localities", "volunteers")
# The open data's fields, in order: the one list the files and the page that explains them share.
FIELDS = ("id", "title", "service_type", "service_type_name", "target_groups", "districts", "district_names",
          "locality", "organisation", "organisation_name", "authority", "programme", "start", "end", *FIGURES,
          "summary", "sources", "page")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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


def facets(content) -> dict[str, tuple[Option, ...]]:
    """For each filter, the values that occur in the data, with how many case studies have each
    (the template orders them in each language). Every district is a value, those with no case
    study yet too: an address that asks for one keeps it, and says that none is there."""
    languages = content.settings.languages
    labels = {
        "raion": lambda v: content.units[v].name,
        "tip": lambda v: content.service_types[v].name,
        "grup": lambda v: content.target_groups[v].name,
        "program": lambda v: content.programmes[v].short_title,
        "an": lambda v: Text({lang: v for lang in languages}, languages.default),  # a year reads the same in every language
        "org": lambda v: content.partners[v].name,
    }
    counts: dict[str, dict[str, int]] = {key: {} for key in FACETS}
    counts["raion"] = dict.fromkeys(content.units, 0)
    for case in content.case_studies.values():
        for key, values in facet_values(case).items():
            for value in values:
                counts[key][value] = counts[key].get(value, 0) + 1
    return {key: tuple(Option(v, labels[key](v), n) for v, n in sorted(counts[key].items())) for key in FACETS}


def map_tiles(content) -> list[MapTile]:
    counts: dict[str, int] = {}
    for case in content.case_studies.values():
        for code in case.districts:
            counts[code] = counts.get(code, 0) + 1
    tiles = [MapTile(code, unit.name, unit.tile.short, unit.tile.row, unit.tile.col, counts.get(code, 0),
                     min(counts.get(code, 0), 3)) for code, unit in content.units.items()]
    return sorted(tiles, key=lambda t: (t.row, t.col))


def records(content, links, lang: str) -> list[dict]:
    """One flat record per case study, in ``lang``: what the open-data files hold."""
    def text(value: Text | None) -> str:
        return value.get(lang)[0] if value else ""

    out = []
    for case in sorted(content.case_studies.values(), key=lambda c: c.id):
        row = {
            "id": case.id,
            "title": text(case.title),
            "service_type": case.service_type,
            "service_type_name": text(links.title("service-type", case.service_type)),
            "target_groups": list(case.target_groups),
            "districts": list(case.districts),
            "district_names": [text(links.title("district", d)) for d in case.districts],
            "locality": text(case.locality),
            "organisation": case.organisation or "",
            "organisation_name": text(links.title("partner", case.organisation)) if case.organisation else "",
            "authority": text(case.authority),
            "programme": case.programme or "",
            "start": case.start.isoformat() if case.start else "",
            "end": case.end.isoformat() if case.end else "",
            **{fid: (case.figure(fid).value if case.figure(fid) else None) for fid in FIGURES},
            "summary": text(case.summary),
            "sources": [{"publisher": s.publisher, "title": text(s.title), "date": s.date.isoformat() if s.date else "",
                         "url": s.url or ""} for s in case.sources],
            "page": links.url("case-study", case.id, lang),
        }
        out.append({name: row[name] for name in FIELDS})
    return out


def data_files(links, strings, lang: str) -> dict[str, str]:
    """Where the open data of ``lang`` is published, by format: ``{"csv": "en/studii-de-caz/case-studies.csv", ...}``
    (beside the catalogue, named in the language)."""
    stem = links.page_url(links.page("case-studies"), lang).lstrip("/") + strings.t("catalogue.data_file", lang)
    return {kind: f"{stem}.{kind}" for kind in ("csv", "json")}


def open_data_files(content, links, strings) -> dict[str, str]:
    """The case-study records as CSV and JSON, per language, by output path. The CSV starts with a
    UTF-8 byte-order mark: without it, Excel reads the file in the system's code page and shows
    ș, ț, ă as other letters. The JSON is plain UTF-8, as JSON must be."""
    files = {}
    for lang in links.languages:
        rows = records(content, links, lang)
        paths = data_files(links, strings, lang)
        files[paths["json"]] = json.dumps(rows, ensure_ascii=False, indent=1) + "\n"
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(FIELDS), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: _cell(v) for k, v in row.items()})
        files[paths["csv"]] = "\ufeff" + buffer.getvalue()
    return files


def _cell(value) -> str:
    """A CSV cell. Text that a spreadsheet would run as a formula is neutralised as OWASP
    recommends, with a leading apostrophe; the JSON keeps every value exactly."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, list):
        value = "; ".join(" ".join(v for v in (item.get("publisher"), item.get("url")) if v) if isinstance(item, dict)
                          else item for item in value)
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def pages(content) -> list[PageSpec]:
    """The catalogue (filters, map, the first cards grouped by service type, the way to the others),
    the other pages of results (catalogue_lists.py) and, for developers, the page that explains its
    open data."""
    tiles, every = map_tiles(content), catalogue_lists.lists(content)  # every list of results, made once
    context = {"total": len(content.case_studies), "facets": facets(content), "facet_keys": FACETS, "tiles": tiles,
               "values": facet_values, "rows": max(tile.row for tile in tiles) + 1 if tiles else 0,
               "data_files": _files_of, "index_file": _index_of, **catalogue_lists.first_page(content, every)}
    return [PageSpec("case-studies", "", "case-studies.md", content.strings.text("nav.case_studies"), context,
                     meta={"catalogue": True}),
            *catalogue_lists.pages(content, every),
            PageSpec("open-data", "", "open-data.md", content.strings.text("catalogue.open_data"),
                     {"fields": FIELDS, "data_files": _files_of})]


def _files_of(loc) -> dict[str, str]:
    """For a template: the open data of the page's language (``loc`` is its Localizer)."""
    return data_files(loc.links, loc.strings, loc.lang)


def _index_of(loc) -> str:
    """For a template: the index of every card in the page's language, as a link from the page."""
    return loc.file(catalogue_lists.index_file(loc.links, loc.lang))
