"""Pages of the site as a whole rather than of one content type: the "page not found"."""
from __future__ import annotations

from bss.prepare.pages.render import PageSpec

# The main sections a lost reader is offered, in the order of the menu.
MAIN_SECTIONS = ("home", "programmes", "case-studies", "results", "guide", "courses", "glossary", "partners")


def pages(content) -> list[PageSpec]:
    return [PageSpec("not-found", "", "not-found.md", content.strings.text("notfound.title"),
                     {"sections": MAIN_SECTIONS}, meta={"search": {"exclude": True}})]
