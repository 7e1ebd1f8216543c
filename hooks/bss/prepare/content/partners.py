"""Partner organisations: funders, implementers, alliances, the ministry, grantee CSOs."""
from __future__ import annotations

from dataclasses import dataclass
from typing import overload

from bss.prepare.read.collections import Collection
from bss.prepare.read.record import Record, Source
from bss.prepare.pages.render import PageSpec
from bss.text import Text


@dataclass(frozen=True)
class Person:
    name: str
    role: Text
    source: Source | None


@dataclass(frozen=True)
class Partner:
    id: str
    example: bool
    name: Text
    short_name: Text | None
    kind: str
    description: Text
    website: str | None
    district: str | None
    people: tuple[Person, ...]
    sources: tuple[Source, ...]


# A legal form's abbreviation and the words it stands for, by language: sources write a Moldovan
# public association's name both ways ("AO „Vesta”", "Asociația Obștească „Vesta”"); the site
# shows one way, the full one, so two partners of one legal form never read as two kinds.
LEGAL_FORMS = {"ro": (("AO ", "Asociația Obștească "),), "en": (("PA ", "Public Association "),)}


@overload
def written_out(name: Text) -> Text: ...
@overload
def written_out(name: None) -> None: ...


def written_out(name: Text | None) -> Text | None:
    """The partner's name as its source gives it, with only its legal form's abbreviation, where
    the name starts with one, written out in full (nothing else of the name changes)."""
    if name is None:
        return None
    values = dict(name.values)
    for lang, value in values.items():
        for short, full in LEGAL_FORMS.get(lang, ()):
            if value.startswith(short):
                values[lang] = full + value[len(short):]
    return Text(values, name.default, name.where)


def build_partner(r: Record) -> Partner:
    return Partner(
        id=r.get("id"), example=r.get("example", False), name=written_out(r.required_text("name")), short_name=r.text("short_name"),
        kind=r.get("kind"), description=r.required_text("description"), website=r.get("website"),
        district=r.get("district"),
        people=tuple(Person(p.get("name"), p.required_text("role"), p.source()) for p in r.children("people")),
        sources=r.sources(),
    )


PARTNERS = Collection("partners", "data/partners", "partner.schema.json", build_partner,
                      references={("district",): "units"}, label="partners", examples=True)


KIND_ORDER = ("funder", "implementer", "ministry", "alliance", "public-authority", "cso")


def pages(content) -> list[PageSpec]:
    """The partner directory, grouped by kind, and a page per partner with its case studies."""
    ordered = sorted(content.partners.values(), key=lambda p: (KIND_ORDER.index(p.kind), str(p.name).lower()))
    groups = [(k, [p for p in ordered if p.kind == k]) for k in KIND_ORDER]
    specs = [PageSpec("partners", "", "partners.md", content.strings.text("nav.partners"),
                      {"groups": [g for g in groups if g[1]]})]
    for p in ordered:
        progs = [g for g in content.programmes.values() if p.id in g.organisations()]
        cases = [c for c in content.case_studies.values() if c.organisation == p.id]
        specs.append(PageSpec("partner", p.id, "partner.md", p.name,
                              {"partner": p, "programmes": progs, "cases": cases}, p.description))
    return specs
