"""The catalogue at any number of case studies (issue 26: at most 30 KB gzip, usable without
JavaScript). Its page shows the first cards; the rest are on numbered pages of results, and each
service type and each district has its own numbered pages, which the map and the list of types link
to: plain links that work without JavaScript, each page a fixed number of cards whatever the total.
With JavaScript, the first filter fetches the index of every card (``index_files``) and the
catalogue's script filters, counts and draws cards over all of them."""
from __future__ import annotations

import json
from dataclasses import dataclass

from bss import text as fmt
from bss.prepare.pages.render import PageSpec
from bss.text import Text

PER_PAGE = 48  # a multiple of 1, 2 and 3: full rows of cards at every width
MORE = "pagina"  # the next pages of a list: <list>/pagina/2/ (the same word in every language, as every path)
INDEX_FILE = "cards.js"  # beside each language's catalogue
# Filter keys as they appear in the address: /studii-de-caz/?raion=MD-CA&tip=respiro
FACETS = ("raion", "tip", "grup", "program", "an", "org")


@dataclass(frozen=True)
class Pager:
    """Where a list's pages are, by kind and id (the first is the list's own page), and which one this is."""
    pages: tuple[tuple[str, str], ...]
    current: int

    def shown(self) -> list[int | None]:
        """The page numbers (from 0) a reader is offered: the first, the last, and two either side of
        this one; None where pages are left out. A fixed number whatever the total, so no page grows."""
        last = len(self.pages) - 1
        keep = sorted({0, last, *range(max(self.current - 2, 0), min(self.current + 2, last) + 1)})
        out: list[int | None] = []
        for i in keep:
            if out and i - out[-1] > 1:
                out.append(None)
            out.append(i)
        return out


def facet_values(case) -> dict[str, tuple[str, ...]]:
    """The values a case study has for each filter."""
    return {
        "raion": case.districts,
        "tip": (case.service_type,),
        "grup": case.target_groups,
        "program": (case.programme,) if case.programme else (),
        "an": (str(case.start.year),) if case.start else (),
        "org": (case.organisation,) if case.organisation else (),
    }


def ordered(content) -> list:
    """Every case study in the catalogue's order: by service type, then by title."""
    cases = sorted(content.case_studies.values(), key=lambda c: str(c.title))
    return [c for t in content.service_types for c in cases if c.service_type == t]


def grouped(cases: list, service_types) -> list[tuple[str, list]]:
    """Cards of one page, grouped by service type in the catalogue's order."""
    groups = [(t, [c for c in cases if c.service_type == t]) for t in service_types]
    return [g for g in groups if g[1]]


def slices(cases: list) -> list[list]:
    return [cases[i:i + PER_PAGE] for i in range(0, len(cases), PER_PAGE)] or [[]]


def addresses(kind: str, id: str, n: int) -> tuple[tuple[str, str], ...]:
    """The ``n`` pages of the list whose first page is ``(kind, id)``, each as a kind and id: the
    next at ``<id>/pagina/<k>``; the catalogue's at ``catalogue-page`` ``<k>`` (studii-de-caz/pagina/<k>/)."""
    if kind == "case-studies":
        return ((kind, id), *(("catalogue-page", str(k)) for k in range(2, n + 1)))
    return ((kind, id), *((kind, f"{id}/{MORE}/{k}") for k in range(2, n + 1)))


def lists(content) -> list[tuple[str, str, Text | None, list]]:
    """Each list of results: (kind, id of its first page, what it shows, its case studies). The
    catalogue's own first page is the catalogue (catalogue.py); a district is written in lower case."""
    cases = ordered(content)
    out: list[tuple[str, str, Text | None, list]] = [("case-studies", "", None, cases)]
    for type_id, service_type in content.service_types.items():
        of_type = [c for c in cases if c.service_type == type_id]
        if of_type:
            out.append(("catalogue-type", type_id, service_type.name, of_type))
    for code, unit in content.units.items():
        there = [c for c in cases if code in c.districts]
        if there:
            out.append(("catalogue-district", code.lower(), unit.name, there))
    return out


def pages(content, every: list[tuple[str, str, Text | None, list]]) -> list[PageSpec]:
    """Every page of every list (``every``: ``lists(content)``) but the catalogue's first."""
    strings, languages = content.strings, content.settings.languages
    specs = []
    for kind, id, name, cases in every:
        parts = slices(cases)
        pager = addresses(kind, id, len(parts))
        base = strings.text("nav.case_studies") if name is None else Text(
            {lang: strings.t("catalogue.list_title", lang, name=name.get(lang)[0]) for lang in languages}, languages.default)
        for number, part in enumerate(parts, start=1):
            if kind == "case-studies" and number == 1:
                continue
            title = base if number == 1 else Text(
                {lang: strings.t("catalogue.page_title", lang, title=base.get(lang)[0], n=fmt.number(number, strings.locale(lang)))
                 for lang in languages}, languages.default)
            page_kind, page_id = pager[number - 1]
            specs.append(PageSpec(page_kind, page_id, "case-studies-list.html", title, {
                "title": title, "groups": grouped(part, content.service_types), "pager": Pager(pager, number - 1),
                "first": (number - 1) * PER_PAGE + 1, "last": (number - 1) * PER_PAGE + len(part), "total": len(cases),
            }, meta={"search": {"exclude": True}}))  # the case studies are found on their own pages
    return specs


def first_page(content, every: list[tuple[str, str, Text | None, list]]) -> dict:
    """What the catalogue's page shows of the lists (``every``: ``lists(content)``): the first
    cards, and the way to the others."""
    parts = slices(every[0][3])  # the first list: every case study, in the catalogue's order
    return {"groups": grouped(parts[0], content.service_types), "per_page": PER_PAGE,
            "pager": Pager(addresses("case-studies", "", len(parts)), 0),
            "lists": [(kind, id, name, len(cases)) for kind, id, name, cases in every if kind == "catalogue-type"]}


def index_file(links, lang: str) -> str:
    """Where the index of every card of ``lang`` is published, from the site's root."""
    return links.page_url(links.page("case-studies"), lang).lstrip("/") + INDEX_FILE


def index_files(content, links, images_url: str, pictures: dict[str, str], directory_urls: bool = True) -> dict[str, str]:
    """Per language, the index of every card, by output path: what a card shows (title, address,
    picture, whether it is an example) and its filter values, names left to the page (its filters
    name every value). A script that sets one variable, so that it also loads from a folder
    (``file://``, where a browser refuses to fetch a file). ``images_url``: where the photos are
    published; ``pictures``: each service type's picture file, both from the site's root."""
    files, cases = {}, ordered(content)
    types = list(dict.fromkeys(c.service_type for c in cases))  # those that have case studies, in the catalogue's order
    for lang in links.languages:
        here = links.page_url(links.page("case-studies"), lang, directory_urls)

        def rel(target: str, here: str = here) -> str:
            return links.relative_url(target, here)

        cards = []
        for case in cases:
            title, fallback = case.title.get(lang)
            card = {"id": case.id, "t": title, "u": rel(links.url("case-study", case.id, lang, directory_urls)),
                    **facet_values(case)}
            if fallback:
                card["l"] = case.title.default
            if case.photos:
                card["p"] = rel(f"{images_url}{case.photos[0].src}")
                card["a"] = case.photos[0].alt.get(lang)[0] if case.photos[0].alt else ""
            if case.example:
                card["x"] = 1
            cards.append(card)
        data = {"types": types, "pictures": {t: rel(path) for t, path in pictures.items()}, "cards": cards}
        if any(card.get("x") for card in cards):  # the label an illustrative example carries
            data["example"] = content.strings.t("example.title", lang)
        # json.dumps escapes nothing a script could run: "</script>" cannot end a file of its own.
        files[index_file(links, lang)] = "window.bssCards = " + json.dumps(data, ensure_ascii=False, separators=(",", ":")) + ";\n"
    return files
