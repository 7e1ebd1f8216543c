"""The home page: the site's front door. Who the site is for, three ways in (learn, teach, explore),
then the programmes' headline results with their sources, a few case studies and the partners."""
from __future__ import annotations

from bss.prepare.pages import illustrations
from bss.prepare.pages.render import PageSpec
from bss.text import Text

CASES_SHOWN = 3  # a row of cards at desktop width


def pages(content) -> list[PageSpec]:
    programmes = sorted(content.programmes.values(), key=lambda p: p.start)
    cases = featured_cases([c for c in content.case_studies.values() if not c.example], CASES_SHOWN)
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


def featured_cases(cases, shown: int) -> list:
    """The case studies the home page shows as cards: no picture twice where the data allows it.

    Two recent services of one type drew the same illustration side by side. So: a case study with a
    photo of its own comes first; then the cards take a new picture and a new service type, then a new
    picture only, and only when the data allow nothing else a picture again. Within each pass the most
    recent services first (those of unknown start last), the id breaking ties: the same data give the
    same cards in every build, whatever order the files were read in."""
    recent = sorted(cases, key=lambda c: (c.start is not None, c.start or 0, c.id), reverse=True)
    ranked = [c for c in recent if c.photos] + [c for c in recent if not c.photos]
    drawings: dict = {}  # service type -> its illustration, drawn once per call
    picked: dict = {}  # id -> case, in the order chosen
    for new_type in (True, False):
        for case in ranked:
            if len(picked) == shown:
                break
            if case.id not in picked and picture(case, drawings) not in {picture(c, drawings) for c in picked.values()} and not (
                    new_type and case.service_type in {c.service_type for c in picked.values()}):
                picked[case.id] = case
    return list(picked.values()) + [c for c in ranked if c.id not in picked][:shown - len(picked)]


def picture(case, drawings: dict | None = None):
    """What a case study's card shows: its first photo, else its service type's illustration (two types
    may draw the same one). ``drawings`` keeps the illustrations already drawn."""
    if case.photos:
        return case.photos[0].src
    drawings = {} if drawings is None else drawings
    if case.service_type not in drawings:
        drawings[case.service_type] = illustrations.illustration(case.service_type)
    return drawings[case.service_type]
