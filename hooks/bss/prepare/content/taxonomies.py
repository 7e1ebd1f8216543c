"""Service types and target groups: the terms case studies are classified by."""
from __future__ import annotations

from dataclasses import dataclass

from bss.prepare.read.collections import Collection
from bss.prepare.read.record import Record, Source
from bss.text import Text


@dataclass(frozen=True)
class Term:
    id: str
    name: Text
    description: Text | None
    source: Source | None


def build_term(r: Record) -> Term:
    return Term(r.get("id"), r.required_text("name"), r.text("description"), r.source())


SERVICE_TYPES = Collection("service-types", "data/service-types.yml", "taxonomy.schema.json", build_term,
                           layout="list", list_key="terms", label="service types")
TARGET_GROUPS = Collection("target-groups", "data/target-groups.yml", "taxonomy.schema.json", build_term,
                           layout="list", list_key="terms", label="target groups")


def register(links, content) -> None:
    """Service types, target groups and districts have names, not pages."""
    for kind, terms in (("service-type", content.service_types), ("target-group", content.target_groups)):
        for term in terms.values():
            links.add_name(kind, term.id, term.name)
    for unit in content.units.values():
        links.add_name("district", unit.code, unit.name)
