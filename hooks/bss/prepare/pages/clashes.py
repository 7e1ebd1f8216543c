"""Two generated pages at one address, or a page at the folder of others: an id an editor chose.

Addresses are made from ids (links.py), and ids are the editors' choice: a case study whose id is
``date-deschise`` would take the open-data page's address and one of the two would be lost without a
word; one whose id is ``tip`` or ``pagina`` would sit at the folder of the catalogue's pages of one
service type or of the numbered pages. A page may have pages of its own record under its folder (a
chapter's handout, a case study's easy-to-read version), not another record's.
"""
from __future__ import annotations

from pathlib import Path

from bss.problems import Problem
from bss.prepare.pages.links import PAGES, Links
from bss.prepare.pages.render import PageSpec


def address_clashes(links: Links, specs: list[PageSpec], root: Path) -> list[Problem]:
    """A problem for each page whose address is another's, or the folder of another record's pages
    (of those there are now, or of a kind's pages there may be: ``studii-de-caz/pagina/`` exists
    only once the catalogue has more than one page)."""
    owner: dict[str, PageSpec] = {}
    problems = []
    for spec in specs:
        page = links.page(spec.kind, spec.id)
        other = owner.setdefault(page, spec)
        if other is not spec:  # said of the one an editor wrote (a record's page has a file)
            culprit, kept = (spec, other) if _file(spec) else (other, spec)
            problems.append(_problem(links, root, culprit, "the address of " + _name(links, kept)))
    folders = {pattern.split("{", 1)[0]: kind for kind, pattern in PAGES.items() if "{" in pattern}
    held: dict[str, list[PageSpec]] = {}
    for page, spec in owner.items():
        parts = page.split("/")
        for depth in range(1, len(parts)):
            held.setdefault("/".join(parts[:depth]) + "/", []).append(spec)
    for page, spec in owner.items():
        folder = page[:-3] + "/"
        if page.endswith("index.md") or not _file(spec):
            continue
        others = [o for o in held.get(folder, []) if spec.id not in (o.id, o.id.split("/")[0])]
        if others:
            problems.append(_problem(links, root, spec, "as its address the folder of " + _name(links, others[0])))
        elif folder in folders and folders[folder] != spec.kind:
            url = links.url(spec.kind, spec.id, links.languages.default)
            problems.append(_problem(links, root, spec, f"as its address the folder of other pages ({url}…)"))
    return problems


def _file(spec: PageSpec) -> str:
    """The file of the record a page shows ('' for a page of the site's own: the catalogue, say)."""
    return (getattr(spec.title, "where", "") or "").split(":")[0]


def _kind(kind: str) -> str:
    return kind.replace("-", " ")


def _name(links: Links, spec: PageSpec) -> str:
    return f"the {_kind(spec.kind)} page {links.url(spec.kind, spec.id, links.languages.default)}"


def _problem(links: Links, root: Path, spec: PageSpec, relation: str) -> Problem:
    path = _file(spec) or "content"
    return Problem(path, _id_line(root / path), "id",
                   f"'{spec.id}' gives its page ({links.url(spec.kind, spec.id, links.languages.default)}) {relation}: "
                   "both cannot be published", "another id")


def _id_line(file: Path) -> int:
    """The line of the record's ``id:`` (the page's spec keeps where its title is, not its id)."""
    try:
        lines = file.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    return next((n for n, text in enumerate(lines, 1) if text.startswith("id:")), 0)
