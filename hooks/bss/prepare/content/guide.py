"""The social-contracting guide: chapters and sections with stable ids, key points, checklists,
legal references, related case studies and modules; short links for slides and print."""
from __future__ import annotations

from dataclasses import dataclass

from bss.prepare.read.collections import Collection
from bss.prepare.pages.links import PATTERN
from bss.problems import Problem
from bss.prepare.read.record import Record
from bss.prepare.pages.render import PageSpec
from bss.text import Text


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
        Section(s.get("id"), s.required_text("title"), s.required_text("body"), s.texts("key_points"), s.texts("checklist"),
                tuple(s.get("legal", [])), tuple(s.get("case_studies", [])), tuple(s.get("modules", [])))
        for s in r.children("sections")
    )
    return Chapter(r.get("id"), r.get("order"), r.required_text("title"), r.required_text("summary"), sections)


def check_chapters(loaded) -> list[Problem]:
    """Chapter order numbers unique across the guide (section ids are checked by the loader)."""
    problems = []
    orders: dict[int, Record] = {}
    for record in loaded.records["guide"].values():
        order = record.get("order")
        if order in orders:
            problems.append(record.problem(("order",), f"{order} is also the order of {orders[order].doc.path}",
                                           "each chapter its own place"))
        orders.setdefault(order, record)
    return problems


GUIDE = Collection(
    "guide", "data/guide", "guide-chapter.schema.json", build_chapter,
    references={("sections", "*", "legal", "*"): "legal-acts", ("sections", "*", "case_studies", "*"): "case-studies",
                ("sections", "*", "modules", "*"): "modules"},
    unique=(("sections",),), label="guide chapters", check=check_chapters,
)


def ordered(content) -> list[Chapter]:
    return sorted(content.guide.values(), key=lambda c: c.order)


def pages(content) -> list[PageSpec]:
    """The guide's contents, a page per chapter (its sections anchored in it), and the whole
    guide on one page for print."""
    chapters = ordered(content)
    specs = [PageSpec("guide", "", "guide.md", content.strings.text("nav.guide"), {"chapters": chapters}),
             PageSpec("guide-whole", "", "guide-whole.md", content.strings.text("guide.whole"),
                      {"chapters": chapters, "legal_acts": content.legal_acts})]
    for i, chapter in enumerate(chapters):
        context = {"chapter": chapter, "number": i + 1, "legal_acts": content.legal_acts,
                   "previous": chapters[i - 1] if i > 0 else None,
                   "next": chapters[i + 1] if i + 1 < len(chapters) else None}
        anchors = tuple(("section", f"{chapter.id}#{s.id}", s.title, None) for s in chapter.sections)
        specs.append(PageSpec("chapter", chapter.id, "chapter.md", chapter.title, context, chapter.summary,
                              anchors=anchors))
        handout = content.strings.around("guide.handout_title", chapter.title)
        terms = [content.glossary[t] for t in terms_used(chapter)]
        specs.append(PageSpec("handout", chapter.id, "handout.md", handout,
                              {**context, "terms": terms}, chapter.summary, meta={"search": {"exclude": True}}))
    return specs


def terms_used(chapter: Chapter) -> list[str]:
    """The glossary terms the chapter's sections refer to ([[glosar:...]]), in any language, in
    the order they first appear."""
    found = []
    for section in chapter.sections:
        for text in (section.body, *section.key_points, *section.checklist):
            for value in text.values.values() if text else ():
                found += [m.group(2) for m in PATTERN.finditer(value) if m.group(1) == "glosar"]
    return list(dict.fromkeys(found))


def short_links(content) -> list[tuple[str, str]]:
    """Every (chapter, section) with a short link: /g/<chapter>/ and /g/<chapter>/<section>/."""
    out = []
    for chapter in ordered(content):
        out.append((chapter.id, ""))
        out += [(chapter.id, section.id) for section in chapter.sections]
    return out
