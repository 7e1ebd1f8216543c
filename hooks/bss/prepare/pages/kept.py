"""Case-study pages a preview rebuild need not render again.

At 1,000 case studies, rendering every case study's page in every language is most of what the
preparing stage does on each rebuild of the live preview, though an edit changes one record. A
case study's page shows its own record (the page's context) and, of the rest of the site, only
what every page may show: the interface strings, the names and titles of what it links to
(partners, programmes, types, districts, the glossary, other case studies it refers to), the
templates and the configuration. So its rendering is kept under a key of its own record and of
that "world": every data file but the case studies' (time and size), the case studies' titles
(a story may name another one), the templates, the configuration and the public address. Any
change to the world renders every case study again; an edit to one record renders that one.

The question banks (every course's questions made into Moodle XML and GIFT) depend on nothing but
that world either, and are kept the same way.

Only the preview keeps renderings (``Caches.keep_checked``); a one-shot build renders everything.
Each page keeps its last rendering only, so a long session holds one copy per page.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Callable, TypeVar

from bss.fingerprint import fingerprint
from bss.prepare.caches import Caches
from bss.prepare.pages.render import PageSpec, RenderedPage, Renderer

T = TypeVar("T")
KEPT = ("case-study", "case-study-easy")  # the kinds whose number grows with the content
OWN = "data/case-studies"  # their records: each is in its own page's key, not in the world's
WORLD = ("data", "courses", "hooks/bss/prepare/pages/templates")


def world_key(root: Path, config: str, titles: dict[str, object]) -> str:
    """What every case study's page may show besides its own record (``titles``: each case study's title)."""
    own = os.path.join(str(Path(root) / OWN), "")
    files = [entry for entry in fingerprint(root, (*WORLD, config))
             if not os.path.join(entry[0], "").startswith(own)]
    text = repr((files, sorted((id, repr(title)) for id, title in titles.items()), os.environ.get("SITE_URL")))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def render(renderer: Renderer, spec: PageSpec, caches: Caches, world: str | None) -> list[RenderedPage]:
    """The page in every language: rendered, or as kept from the last rebuild when neither its
    record nor the world changed (``world`` None: a one-shot build, nothing kept)."""
    if world is None or spec.kind not in KEPT:
        return renderer.render(spec)
    key = (world, repr((spec.template, spec.title, spec.description, spec.context, spec.meta, spec.anchors)))
    table = caches.table("rendered")
    kept = table.get((spec.kind, spec.id))
    if kept is None or kept[0] != key:
        kept = table[spec.kind, spec.id] = (key, renderer.render(spec))
    return kept[1]


def keep(caches: Caches, name: str, world: str | None, make: Callable[[], T]) -> T:
    """What ``make()`` gives, kept while the world is the same (``world`` None: made every time)."""
    if world is None:
        return make()
    kept = caches.table("kept").get(name)
    if kept is None or kept[0] != world:
        kept = caches.table("kept")[name] = (world, make())
    return kept[1]
