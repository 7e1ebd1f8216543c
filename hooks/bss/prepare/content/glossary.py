"""The glossary: terms with definitions in every language, at /glosar/, each language in its own
alphabetical order."""
from __future__ import annotations

from dataclasses import dataclass

from bss.prepare.read.collections import Collection
from bss.prepare.read.record import Record, Source
from bss.prepare.pages.render import PageSpec
from bss.text import Text


@dataclass(frozen=True)
class Term:
    id: str
    term: Text
    definition: Text
    source: Source | None


def build_term(r: Record) -> Term:
    return Term(r.get("id"), r.required_text("term"), r.required_text("definition"), r.source())


GLOSSARY = Collection("glossary", "data/glossary.yml", "glossary.schema.json", build_term,
                      layout="list", list_key="terms", label="glossary terms")


def pages(content) -> list[PageSpec]:
    terms = list(content.glossary.values())
    anchors = tuple(("term", t.id, t.term, t.definition) for t in terms)
    return [PageSpec("glossary", "", "glossary.md", content.strings.text("nav.glossary"), {"terms": terms}, anchors=anchors)]
