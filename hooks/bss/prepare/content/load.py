"""Load every content type, check it whole, and build the typed models: the one entry point.

``load_content(root)`` either returns a complete ``Content`` or raises ``ContentError`` with
every problem found, so a build never starts on bad content.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bss.prepare.content.case_studies import CASE_STUDIES, CaseStudy
from bss.prepare.caches import Caches
from bss.prepare.read.collections import Collection, Loaded, check_references, load_collection
from bss.prepare.content import easy
from bss.prepare.pages import icons
from bss.prepare.content.courses import COURSES, MODULES, Course, build_courses
from bss.prepare.read.files import EXPECTED_IMAGE, check_docs, image_problem
from bss.prepare.content.glossary import GLOSSARY
from bss.prepare.content.glossary import Term as GlossaryTerm
from bss.prepare.content.guide import GUIDE, Chapter
from bss.prepare.content.legal_acts import LEGAL_ACTS, LegalAct
from bss.prepare.content.partners import PARTNERS, Partner
from bss.problems import ContentError, Problem
from bss.prepare.content.programmes import PROGRAMMES, Programme
from bss.prepare.read.record import Record
from bss.settings import CONFIG, Settings, load_settings
from bss.prepare.read.strings import Strings, load_strings
from bss.prepare.content.taxonomies import SERVICE_TYPES, TARGET_GROUPS, Term
from bss.prepare.content.units import Unit, load_units

# In loading order: a collection's references point to those before it (the guide's to modules
# are checked once all are loaded).
COLLECTIONS: list[Collection] = [SERVICE_TYPES, TARGET_GROUPS, PARTNERS, PROGRAMMES, CASE_STUDIES, LEGAL_ACTS,
                                 GLOSSARY, GUIDE, COURSES, easy.HARD_WORDS, easy.EASY_PAGES]


@dataclass(frozen=True)
class Content:
    """Everything the site shows, validated and typed."""

    root: Path
    settings: Settings
    strings: Strings
    units: dict[str, Unit]
    service_types: dict[str, Term]
    target_groups: dict[str, Term]
    partners: dict[str, Partner]
    programmes: dict[str, Programme]
    case_studies: dict[str, CaseStudy]
    legal_acts: dict[str, LegalAct]
    glossary: dict[str, GlossaryTerm]
    guide: dict[str, Chapter]
    courses: dict[str, Course]
    easy_pages: dict[str, easy.EasyPage]
    documents: list = field(default_factory=list, compare=False)  # every file read, for the reference check


def load_content(root: Path, config: str = CONFIG, check_markup: bool = True, caches: Caches | None = None) -> Content:
    """``check_markup=False`` is for a test that proves the browser's policy on its own; ``caches``:
    the caller's (the live preview keeps one between builds), else a fresh one."""
    root = Path(root)
    settings = load_settings(root, config)
    loaded = Loaded(root, settings.languages, settings.markdown_extensions if check_markup else None, settings.examples,
                    caches=caches or Caches())
    strings = load_strings(root, settings.languages, loaded.problems, loaded.validators)
    units = load_units(root, settings.languages, loaded.problems)
    for coll in COLLECTIONS:
        load_collection(coll, loaded)
    check_references(COLLECTIONS + [MODULES], loaded, {"units": set(units), "guide-anchors": _guide_anchors(loaded)})
    for records in loaded.records.values():
        for record in records.values():
            loaded.problems.extend(_check_record(root, record))
    loaded.problems.extend(easy.check(loaded, icons.exists))
    if check_markup:
        loaded.problems.extend(check_docs(root, settings.markdown_extensions, loaded.caches))
    if loaded.problems:
        raise ContentError(loaded.problems)
    built: dict[str, dict[str, Any]] = {c.key: {rid: c.build(rec) for rid, rec in sorted(loaded.records[c.key].items())}
             for c in COLLECTIONS if c.build}
    documents = list({id(r.doc): r.doc for records in loaded.records.values() for r in records.values()}.values())
    return Content(
        root=root, settings=settings, strings=strings, units=units,
        service_types=built["service-types"], target_groups=built["target-groups"], partners=built["partners"],
        programmes=built["programmes"], case_studies=built["case-studies"], legal_acts=built["legal-acts"],
        glossary=built["glossary"], guide=built["guide"],
        courses=build_courses(loaded.records["courses"], loaded.records["modules"], strings),
        easy_pages=built["easy-pages"], documents=documents,
    )


def _guide_anchors(loaded: Loaded) -> set[str]:
    anchors = set()
    for cid, record in loaded.records.get("guide", {}).items():
        anchors.add(cid)
        anchors.update(f"{cid}#{s['id']}" for s in record.get("sections"))
    return anchors


def _check_record(root: Path, record: Record) -> list[Problem]:
    """Checks a schema cannot state: dates in order, photos that are real images of the site."""
    problems = []
    period = record.get("period")
    if period and period.get("end") and period["end"] < period["start"]:
        problems.append(record.problem(("period", "end"), f"{period['end']} is before the start {period['start']}",
                                       "an end date on or after the start date"))
    for i, photo in enumerate(record.get("photos") or []):
        wrong = image_problem(root, photo["src"])
        if wrong:
            problems.append(record.problem(("photos", i, "src"), wrong, EXPECTED_IMAGE))
    return problems
