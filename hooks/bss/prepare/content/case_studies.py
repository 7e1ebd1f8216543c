"""Case studies: one community social service each, with its facts, story, results and lessons."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from bss.prepare.read.collections import Collection
from bss.prepare.content.easy import points
from bss.prepare.read.files import IMAGES_DIR, image_size
from bss.prepare.read.record import Quote, Record, Source
from bss.prepare.pages.render import PageSpec
from bss.text import Text


@dataclass(frozen=True)
class Figure:
    id: str  # beneficiaries, staff, places, localities, volunteers
    value: int
    qualifier: str = "exact"


@dataclass(frozen=True)
class Photo:
    src: str
    alt: Text
    caption: Text | None


@dataclass(frozen=True)
class CaseStudy:
    id: str
    example: bool
    title: Text
    service_type: str
    target_groups: tuple[str, ...]
    districts: tuple[str, ...]
    locality: Text
    organisation: str | None
    authority: Text | None
    programme: str | None
    start: datetime.date | None  # the period is optional
    end: datetime.date | None
    figures: tuple[Figure, ...]
    summary: Text
    story: Text
    results: tuple[Text, ...]
    lessons: tuple[Text, ...]
    quotes: tuple[Quote, ...]
    photos: tuple[Photo, ...]
    sources: tuple[Source, ...]
    easy: tuple = ()  # easy-to-read points (easy.py)

    def figure(self, fid: str) -> Figure | None:
        return next((f for f in self.figures if f.id == fid), None)


def build_case_study(r: Record) -> CaseStudy:
    return CaseStudy(
        id=r.get("id"), example=r.get("example", False), title=r.required_text("title"),
        service_type=r.get("service_type"), target_groups=tuple(r.get("target_groups")),
        districts=tuple(r.get("districts")), locality=r.required_text("locality"), organisation=r.get("organisation"),
        authority=r.text("authority"), programme=r.get("programme"),
        start=r.date("period", "start"), end=r.date("period", "end"),
        figures=tuple(Figure(f.get("id"), f.get("value"), f.get("qualifier", "exact")) for f in r.children("figures")),
        summary=r.required_text("summary"), story=r.required_text("story"), results=r.texts("results"), lessons=r.texts("lessons"),
        quotes=r.quotes(),
        photos=tuple(Photo(p.get("src"), p.required_text("alt"), p.text("caption")) for p in r.children("photos")),
        sources=r.sources(), easy=points(r),
    )


CASE_STUDIES = Collection(
    "case-studies", "data/case-studies", "case-study.schema.json", build_case_study,
    references={
        ("service_type",): "service-types", ("target_groups", "*"): "target-groups", ("districts", "*"): "units",
        ("organisation",): "partners", ("programme",): "programmes",
    },
    label="case studies", examples=True,
)


def pages(content) -> list[PageSpec]:
    """A page per case study (the catalogue is in catalogue.py), each photo with its size in
    pixels (the files were checked when the content was loaded)."""
    return [PageSpec("case-study", c.id, "case-study.html", c.title,
                     {"case": c, "sizes": {p.src: image_size(content.root / IMAGES_DIR / p.src) for p in c.photos}},
                     c.summary)
            for c in sorted(content.case_studies.values(), key=lambda c: c.id)]
