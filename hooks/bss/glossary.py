"""The glossary: terms in both languages with definitions, at /glosar/."""
from __future__ import annotations

from dataclasses import dataclass

from .collections import Collection
from .record import Record, Source
from .text import Text


@dataclass(frozen=True)
class Term:
    id: str
    term: Text
    definition: Text
    source: Source | None


def build_term(r: Record) -> Term:
    return Term(r.get("id"), r.text("term"), r.text("definition"), r.source())


GLOSSARY = Collection("glossary", "data/glossary.yml", "glossary.schema.json", build_term,
                      list_key="terms", label="glossary terms")


def pages(content) -> list:
    from . import addresses as A
    from .render import PageSpec

    terms = sorted(content.glossary.values(), key=lambda t: t.term.ro.lower())
    title = Text(content.strings.t("nav.glossary", "ro"), content.strings.t("nav.glossary", "en"))
    return [PageSpec(A.GLOSSARY, "glossary.md", title, {"terms": terms})]
