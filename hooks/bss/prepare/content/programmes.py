"""Programmes: dates, budget, funders, implementers, indicators with targets and reported results."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import cast

from bss.prepare.read.collections import Collection
from bss.problems import Problem
from bss.prepare.read.record import Quote, Record, Source
from bss.prepare.pages.render import PageSpec
from bss.text import Text


@dataclass(frozen=True)
class Amount:
    value: float
    qualifier: str = "exact"  # exact, about, at-least, more-than


@dataclass(frozen=True)
class Result:
    amount: Amount
    label: Text | None
    source: Source


@dataclass(frozen=True)
class Indicator:
    id: str
    label: Text
    target: Amount | None
    target_source: Source | None
    results: tuple[Result, ...]
    services: bool = False  # counts the services the programme created (see Programme.reported_services)
    headline: bool = False  # one of the results the home page shows


@dataclass(frozen=True)
class BudgetLine:
    label: Text
    eur: float
    source: Source


@dataclass(frozen=True)
class Share:
    label: Text
    value: int


@dataclass(frozen=True)
class Breakdown:
    label: Text
    items: tuple[Share, ...]
    source: Source
    note: Text | None = None


@dataclass(frozen=True)
class Event:
    date: datetime.date
    text: Text
    source: Source


@dataclass(frozen=True)
class Programme:
    id: str
    example: bool
    title: Text
    short_title: Text
    start: datetime.date
    end: datetime.date | None
    budget: tuple[BudgetLine, ...]
    funders: tuple[str, ...]
    implementers: tuple[str, ...]
    partners: tuple[str, ...]
    summary: Text
    description: Text | None
    expected_results: tuple[Text, ...]
    indicators: tuple[Indicator, ...]
    breakdown: Breakdown | None
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    sources: tuple[Source, ...]

    def headlines(self) -> tuple[Indicator, ...]:
        """The indicators the home page shows, each with its first reported result."""
        return tuple(i for i in self.indicators if i.headline and i.results)

    def organisations(self) -> tuple[str, ...]:
        return self.funders + self.implementers + self.partners

    def reported_services(self) -> Amount | None:
        """How many services the programme reports it created: the first result of the indicator
        marked ``services`` (check_programmes makes sure there is at most one, with a result)."""
        counted = next((i for i in self.indicators if i.services and i.results), None)
        return counted.results[0].amount if counted else None


def _amount(data: dict | None) -> Amount | None:
    return Amount(data["value"], data.get("qualifier", "exact")) if data else None


def build_programme(r: Record) -> Programme:
    indicators = tuple(
        Indicator(
            i.get("id"), i.required_text("label"), _amount(i.get("target")), i.source("target_source"),
            tuple(Result(cast(Amount, _amount(x.data)), x.text("label"), x.required_source()) for x in i.children("results")),
            i.get("services", False), i.get("headline", False),
        )
        for i in r.children("indicators")
    )
    breakdown = None
    if r.get("breakdown"):
        b = r.at("breakdown")
        breakdown = Breakdown(b.required_text("label"), tuple(Share(x.required_text("label"), x.get("value")) for x in b.children("items")),
                              b.required_source(), b.text("note"))
    return Programme(
        id=r.get("id"), example=r.get("example", False), title=r.required_text("title"), short_title=r.required_text("short_title"),
        start=r.required_date("period", "start"), end=r.date("period", "end"),
        budget=tuple(BudgetLine(x.required_text("label"), x.get("eur"), x.required_source()) for x in r.children("budget")),
        funders=tuple(r.get("funders")), implementers=tuple(r.get("implementers")),
        partners=tuple(r.get("partners", [])), summary=r.required_text("summary"), description=r.text("description"),
        expected_results=r.texts("expected_results"), indicators=indicators, breakdown=breakdown,
        events=tuple(Event(x.required_date("date"), x.required_text("text"), x.required_source()) for x in r.children("events")),
        quotes=r.quotes(), sources=r.sources(),
    )


def check_programmes(loaded) -> list[Problem]:
    """The total a programme page compares with the site's case studies is one number: at most one
    indicator per programme counts the services, and it has a reported result."""
    problems = []
    for record in loaded.records["programmes"].values():
        marked = [i for i, indicator in enumerate(record.get("indicators")) if indicator.get("services")]
        for i in marked[1:]:
            problems.append(record.problem(("indicators", i, "services"), "a second indicator counts the services",
                                           f"services: true on one indicator only, as on indicators[{marked[0]}]"))
        for i in marked[:1]:
            if not record.get("indicators")[i].get("results"):
                problems.append(record.problem(("indicators", i, "services"), "counts the services but has no result",
                                               "a reported result under results:, the total the page compares with"))
    return problems


PROGRAMMES = Collection(
    "programmes", "data/programmes", "programme.schema.json", build_programme,
    references={("funders", "*"): "partners", ("implementers", "*"): "partners", ("partners", "*"): "partners"},
    unique=(("indicators",),), label="programmes", check=check_programmes,
)


CARDS_SHOWN = 6  # two rows of cards at desktop width; the catalogue, filtered to the programme, has them all


def pages(content) -> list[PageSpec]:
    """The programme list and a page per programme."""
    progs = sorted(content.programmes.values(), key=lambda p: p.start)
    specs = [PageSpec("programmes", "", "programmes.md", content.strings.text("nav.programmes"), {"programmes": progs})]
    for p in progs:
        cases = sorted((c for c in content.case_studies.values() if c.programme == p.id), key=lambda c: str(c.title))
        specs.append(PageSpec("programme", p.id, "programme.md", p.title,
                              {"p": p, "cases": cases, "cards": cases[:CARDS_SHOWN], "reported": p.reported_services()},
                              p.summary,
                              label=p.short_title))
    return specs
