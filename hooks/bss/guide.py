"""The social-contracting guide: chapters and sections with stable ids, key points, checklists,
legal references, related case studies and modules; short links for slides and print."""
from __future__ import annotations

from dataclasses import dataclass

from .collections import Collection
from .problems import Problem
from .record import Record
from .text import Text


@dataclass(frozen=True)
class Section:
    id: str
    title: Text
    body: Text
    key_points: tuple[Text, ...]
    checklist: tuple[Text, ...]
    legal: tuple[str, ...]
    case_studies: tuple[str, ...]
    modules: tuple[str, ...]


@dataclass(frozen=True)
class Chapter:
    id: str
    order: int
    title: Text
    summary: Text
    sections: tuple[Section, ...]


def build_chapter(r: Record) -> Chapter:
    sections = tuple(
        Section(s.get("id"), s.text("title"), s.text("body"), s.texts("key_points"), s.texts("checklist"),
                tuple(s.get("legal", [])), tuple(s.get("case_studies", [])), tuple(s.get("modules", [])))
        for s in r.children("sections")
    )
    return Chapter(r.get("id"), r.get("order"), r.text("title"), r.text("summary"), sections)


def check_chapters(records: dict[str, Record]) -> list[Problem]:
    """Section ids unique within a chapter; chapter order numbers unique across the guide."""
    problems = []
    orders: dict[int, Record] = {}
    for record in records.values():
        order = record.get("order")
        if order in orders:
            problems.append(record.doc.problem(("order",), f"{order} is also the order of {orders[order].doc.path}",
                                               "each chapter its own place"))
        orders.setdefault(order, record)
        seen: dict[str, int] = {}
        for i, section in enumerate(record.get("sections")):
            sid = section["id"]
            if sid in seen:
                problems.append(record.doc.problem(("sections", i, "id"), f"'{sid}' is already used by sections[{seen[sid]}]",
                                                   "each section id once in a chapter"))
            seen.setdefault(sid, i)
    return problems


GUIDE = Collection(
    "guide", "data/guide", "guide-chapter.schema.json", build_chapter,
    references={("sections", "*", "legal", "*"): "legal-acts", ("sections", "*", "case_studies", "*"): "case-studies",
                ("sections", "*", "modules", "*"): "modules"},
    label="guide chapters", check_all=check_chapters,
)


def ordered(content) -> list[Chapter]:
    return sorted(content.guide.values(), key=lambda c: c.order)


def pages(content) -> list:
    """The guide's contents, a page per chapter, and the whole guide on one page for print."""
    from . import addresses as A
    from .render import PageSpec

    chapters = ordered(content)
    t = content.strings.t
    specs = [PageSpec(A.GUIDE, "guide.md", Text(t("nav.guide", "ro"), t("nav.guide", "en")), {"chapters": chapters}),
             PageSpec(A.GUIDE_WHOLE, "guide-whole.md", Text(t("guide.whole", "ro"), t("guide.whole", "en")),
                      {"chapters": chapters})]
    for i, chapter in enumerate(chapters):
        context = {"chapter": chapter, "number": i + 1,
                   "previous": chapters[i - 1] if i > 0 else None,
                   "next": chapters[i + 1] if i + 1 < len(chapters) else None}
        specs.append(PageSpec(A.chapter(chapter.id), "chapter.md", chapter.title, context, chapter.summary))
    return specs


def short_links(content) -> dict[str, tuple[str, str, Text]]:
    """Short link path -> (target page src, anchor, what it names): /g/<chapter>/ and /g/<chapter>/<section>/."""
    from . import addresses as A

    links = {}
    for chapter in ordered(content):
        links[A.short_link(chapter.id)] = (A.chapter(chapter.id), "", chapter.title)
        for section in chapter.sections:
            links[A.short_link(chapter.id, section.id)] = (A.chapter(chapter.id), section.id, section.title)
    return links
