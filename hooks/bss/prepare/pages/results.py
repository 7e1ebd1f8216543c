"""Results against targets: each programme's indicators, and figures counted from the case
studies published on this site (real records only)."""
from __future__ import annotations

from dataclasses import dataclass

from bss.prepare.content.programmes import Share as Bar  # a labelled count, as in a programme's breakdown
from bss.prepare.pages.render import PageSpec


@dataclass(frozen=True)
class Computed:
    """Figures counted from a set of case studies on this site."""

    cases: int
    districts: int
    by_type: tuple[Bar, ...]


def computed(cases: list, content) -> Computed:
    by_type: dict[str, int] = {}
    for case in cases:
        by_type[case.service_type] = by_type.get(case.service_type, 0) + 1
    bars = tuple(Bar(content.service_types[t].name, n) for t, n in sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])))
    return Computed(len(cases), len({d for c in cases for d in c.districts}), bars)


def pages(content) -> list[PageSpec]:
    all_cases = list(content.case_studies.values())
    programmes = [(p, computed([c for c in all_cases if c.programme == p.id], content))
                  for p in sorted(content.programmes.values(), key=lambda p: p.start)]
    return [PageSpec("results", "", "results.md", content.strings.text("nav.results"),
                     {"programmes": programmes, "overall": computed(all_cases, content)})]
