"""Results against targets: each programme's indicators, and figures computed from the case studies."""
from __future__ import annotations

from dataclasses import dataclass

from .programmes import Share as Bar  # a labelled count, as in a programme's breakdown
from .text import Text


@dataclass(frozen=True)
class Computed:
    """Figures computed from a set of case studies on this site."""

    cases: int
    examples: int
    beneficiaries: int
    with_beneficiaries: int
    districts: int
    by_type: tuple[Bar, ...]


def computed(cases: list, content) -> Computed:
    beneficiaries = [c.figure("beneficiaries").value for c in cases if c.figure("beneficiaries")]
    by_type: dict[str, int] = {}
    for case in cases:
        by_type[case.service_type] = by_type.get(case.service_type, 0) + 1
    bars = tuple(Bar(content.service_types[t].name, n)
                 for t, n in sorted(by_type.items(), key=lambda kv: (-kv[1], content.service_types[kv[0]].name.ro)))
    return Computed(len(cases), sum(1 for c in cases if c.example), sum(beneficiaries), len(beneficiaries),
                    len({d for c in cases for d in c.districts}), bars)


def pages(content) -> list:
    from . import addresses as A
    from .render import PageSpec

    all_cases = list(content.case_studies.values())
    programmes = [(p, computed([c for c in all_cases if c.programme == p.id], content))
                  for p in sorted(content.programmes.values(), key=lambda p: p.start)]
    t = content.strings.t
    return [PageSpec(A.RESULTS, "results.md", Text(t("nav.results", "ro"), t("nav.results", "en")),
                     {"programmes": programmes, "overall": computed(all_cases, content)})]
