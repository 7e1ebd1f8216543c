"""Pages a preview rebuild need not render again: those whose number or size grows with the case studies.

At 1,000 case studies, rendering every case study's page in every language is most of what the
preparing stage does on each rebuild of the live preview, though an edit changes one record. A
case study's page shows its own record (the page's context) and, of the rest of the site, only
what every page may show: the interface strings, the names and titles of what it links to
(partners, programmes, types, districts, the glossary), the templates and the configuration; and
the title of each other case study its text refers to (``[[caz:id]]``). So its rendering is kept
under a key of its own record, of the titles it cites, and of that "world": every data file but
the case studies' (time and size), the templates, the configuration (with the file it inherits)
and the public address. Any
change to the world renders every case study again; an edit to one record renders that one, and
a retitle that one and those that cite it.

The catalogue's pages of results and a partner's page are kept the same way: their context holds
the records of the case studies they show (and the partner's own, its programmes'), so an edit to
one case study renders again the few that show it. (Rendering the pages of results again on every
rebuild took the edit of a summary past 3 s at 1,000 case studies, issue 26.) So is a course's page,
which shows nothing of the case studies but the size of its question banks, made for it otherwise.
(A module's page is not: it names case studies by their id, whose titles are in no key.)

The question banks (every course's questions made into Moodle XML and GIFT) depend on nothing but
that world either, and are kept the same way.

Only the preview keeps renderings (``Caches.keep_rendered``); a one-shot build renders everything.
Each page keeps its last rendering only, so a long session holds one copy per page.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, TypeVar

from bss.fingerprint import fingerprint
from bss.settings import config_files
from bss.prepare.caches import Caches
from bss.prepare.pages.render import PageSpec, RenderedPage, Renderer

T = TypeVar("T")
KEPT = ("case-study", "case-study-easy", "catalogue-page", "catalogue-type", "catalogue-district", "partner", "course")
OWN = "data/case-studies"  # their records: each is in its own page's key, not in the world's
WORLD = ("data", "courses", "hooks/bss/prepare/pages/templates")
CITED = re.compile(r"\[\[caz:([a-z0-9-]+)")  # a reference to a case study (prepare.pages.links.PATTERN)


@dataclass(frozen=True)
class World:
    """What every page may show besides its own record (``key``), and each case study's title."""

    key: str
    titles: dict[str, object]

    def of(self, text: str) -> tuple:
        """The key of a page whose own data reads ``text``: the world's, and the titles it cites."""
        return self.key, text, [(id, repr(self.titles.get(id))) for id in sorted(set(CITED.findall(text)))]


def world(root: Path, config: str, titles: dict[str, object]) -> World:
    own = os.path.join(str(Path(root) / OWN), "")
    files = [entry for entry in fingerprint(root, (*WORLD, *config_files(root, config)))
             if not os.path.join(entry[0], "").startswith(own)]
    text = repr((files, os.environ.get("SITE_URL")))
    return World(hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest(), titles)


def render(renderer: Renderer, spec: PageSpec, caches: Caches, world: World | None) -> list[RenderedPage]:
    """The page in every language: rendered, or as kept from the last rebuild when neither its
    record, nor a title it cites, nor the world changed (``world`` None: a one-shot build, nothing kept)."""
    if spec.kind not in KEPT or world is None:  # a one-shot build: no key to work out
        return renderer.render(spec)
    data = {key: value for key, value in spec.context.items() if not callable(value)}  # a helper: made from the world
    reads = repr((spec.template, spec.title, spec.description, data, spec.meta, spec.anchors))
    return keep(caches, f"{spec.kind}:{spec.id}", world, reads, lambda: renderer.render(spec))


def keep(caches: Caches, name: str, world: World | None, reads: str, make: Callable[[], T]) -> T:
    """What ``make()`` gives, kept while the world, what it ``reads`` (as text) and the titles
    that cites are the same (``world`` None: made every time). One result per name: the last."""
    if world is None:
        return make()
    key, kept = world.of(reads), caches.table("kept").get(name)
    if kept is None or kept[0] != key:
        kept = caches.table("kept")[name] = (key, make())
    return kept[1]
