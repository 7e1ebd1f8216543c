"""The menu the engine shows, from the prepared site: the generated pages under each section's own
page, the sections' titles in each language, and the section of each page the menu leaves out."""
from __future__ import annotations

from markupsafe import escape

from bss.prepare.site import Site


# The menu: under each section's own page, the pages generated from the data, by kind. Case studies
# are not in it: every page of a section carries that section's menu, so listing them (even grouped
# by service type) made each case study's page carry every other one, and pages and builds grew as
# the square of their number (issue 26). Readers reach them through the catalogue, which lists and
# filters them all, and a case study links back to the others of its service type there.
MENU = {"programmes": ("programme",), "partners": ("partner",), "case-studies": ("open-data",),
        "guide": ("chapter", "guide-whole"), "courses": ("course",)}


def menu(site: Site) -> dict[str, list]:
    """For each section's page (its source path), the menu entries to add under it, in the form
    MkDocs reads a nav: page paths, and ``{title: [pages]}`` for a subsection (a course, titled
    ``course:<id>`` for the hook to name in each language)."""
    by_kind: dict[str, list] = {}
    for spec in site.specs:
        by_kind.setdefault(spec.kind, []).append(spec)
    out = {}
    for section, kinds in MENU.items():
        entries: list[str | dict[str, list[str]]] = []
        for kind in kinds:
            for spec in by_kind.get(kind, []):
                page = site.links.page(kind, spec.id)
                if kind == "course":
                    course = site.content.courses[spec.id]
                    pages = [page] + [site.links.page("module", m.key) for m in course.own_modules]  # one place in the menu each
                    entries.append({f"course:{course.id}": pages + [site.links.page("certificate", course.id)]})
                else:
                    entries.append(page)
        out[site.links.page(section)] = entries
    return out


# The pages the menu leaves out, all in the catalogue's section: the case studies, and the
# catalogue's other pages of results.
OUT_OF_MENU = ("case-study", "catalogue-page", "catalogue-type", "catalogue-district")


def menu_homes(site: Site) -> dict[str, str]:
    """The pages the menu leaves out (case studies, pages of results), each with the first page of
    the menu section they belong to (the catalogue), by src_uri in every language: the menu still
    says where the reader is, and leads to the others from there."""
    out = {}
    for lang in site.links.languages:
        home = site.links.src_uri(site.links.page("case-studies"), lang)
        for spec in site.specs:
            if spec.kind in OUT_OF_MENU:
                out[site.links.src_uri(site.links.page(spec.kind, spec.id), lang)] = home
    return out


def menu_title(site: Site, key: str, lang: str) -> str | None:
    """The title in ``lang`` of a menu section named by a key (``nav.guide``, ``course:<id>``);
    None for any other."""
    if key.startswith("course:") and key[7:] in site.content.courses:
        return site.content.courses[key[7:]].title.get(lang)[0]
    if key.startswith("nav.") and site.content.strings.has(key, lang):
        return site.content.strings.t(key, lang)
    return None


def with_generated_pages(nav: list, added: dict[str | None, list]) -> list:
    """The configured menu (mkdocs.yml's nav), each section followed by the generated pages of its kind."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            (title, children), = item.items()
            if isinstance(children, list):
                first = children[0] if children and isinstance(children[0], str) else None
                extra = [e for e in added.get(first, []) if e not in children]
                item = {title: with_generated_pages(children, added) + extra}
        out.append(item)
    return out


def name_sections(site: Site, items: list, lang: str) -> list[str]:
    """Give each menu section named by a key (``nav.guide``, ``course:<id>``)
    its title in ``lang``, escaped (the theme writes it as is); returns the keys that have none.
    ``items``: the engine's menu, duck-typed (``.is_section``, ``.title``, ``.children``)."""
    missing = []
    for section in _sections(items):
        title = menu_title(site, section.title, lang)
        if title is not None:
            section.title = str(escape(title))
        elif section.title.startswith(("nav.", "course:")):
            missing.append(section.title)
    return missing


def section_parents(site: Site, items: list) -> dict:
    """For each page the menu leaves out (a case study), by src_uri, the engine's menu section it
    belongs to (the catalogue's): the engine marks that section active while it builds the page, and
    the theme shows the reader where they are. ``items``: the engine's menu, duck-typed
    (``.is_section``, ``.children``, a page's ``.is_page`` and ``.file.src_uri``)."""
    firsts = {s.children[0].file.src_uri: s for s in _sections(items) if s.children and s.children[0].is_page}
    return {uri: firsts[home] for uri, home in menu_homes(site).items() if home in firsts}


def _sections(items):
    for item in items:
        if item.is_section:
            yield item
            yield from _sections(item.children)
