"""The home page: the site's front door. Who the site is for, three ways in (learn, teach, explore),
then the programmes' headline results with their sources, a few case studies and the partners."""
from __future__ import annotations

from bss.prepare.pages.render import PageSpec
from bss.text import Text

CASES_SHOWN = 3  # a row of cards at desktop width


def pages(content) -> list[PageSpec]:
    programmes = sorted(content.programmes.values(), key=lambda p: p.start)
    real = [c for c in content.case_studies.values() if not c.example]
    # The most recent services first (those of unknown start last): the programmes' latest work.
    cases = sorted(real, key=lambda c: (c.start is not None, c.start or 0, c.id), reverse=True)[:CASES_SHOWN]
    course = next(iter(content.courses.values()), None)  # the first course of the course list
    headlines = headline_results(programmes)
    partners = list(dict.fromkeys(pid for p in programmes for pid in p.funders + p.implementers))
    return [PageSpec("home", "", "home.md", content.strings.text("nav.home"),
                     {"site": Text(content.settings.site_names, content.settings.languages.default),
                      "headlines": headlines, "cases": cases, "course": course, "partners": partners},
                     content.strings.text("home.description"), meta={"quiz": True, "hide": ["navigation", "toc"]})]


def headline_results(programmes) -> list[tuple]:
    """(programme, indicator, its first reported result) for each headline indicator."""
    return [(p, indicator, indicator.results[0]) for p in programmes for indicator in p.headlines()]
