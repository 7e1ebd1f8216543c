"""Service types and target groups: the terms case studies are classified by."""
from __future__ import annotations

from dataclasses import dataclass

from .collections import Collection
from .record import Record, Source
from .text import Text


@dataclass(frozen=True)
class Term:
    id: str
    name: Text
    description: Text | None
    source: Source | None


def build_term(r: Record) -> Term:
    return Term(r.get("id"), r.text("name"), r.text("description"), r.source())


SERVICE_TYPES = Collection("service-types", "data/service-types.yml", "taxonomy.schema.json", build_term,
                           list_key="terms", label="service types")
TARGET_GROUPS = Collection("target-groups", "data/target-groups.yml", "taxonomy.schema.json", build_term,
                           list_key="terms", label="target groups")
