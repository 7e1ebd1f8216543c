"""Legal acts (laws, Government decisions, orders) that the guide cites, each with its source."""
from __future__ import annotations

from dataclasses import dataclass

from bss.prepare.read.collections import Collection
from bss.prepare.read.record import Record, Source
from bss.text import Text


@dataclass(frozen=True)
class LegalAct:
    id: str
    title: Text
    note: Text | None
    source: Source


def build_act(r: Record) -> LegalAct:
    return LegalAct(r.get("id"), r.required_text("title"), r.text("note"), r.required_source())


LEGAL_ACTS = Collection("legal-acts", "data/legal-acts.yml", "legal-acts.schema.json", build_act,
                        layout="list", list_key="acts", label="legal acts")
