"""The catalogue stays light at any number of case studies (issue 26: at most 30 KB gzip): its page
shows the first cards, the others are on numbered pages of results, all of them, per service type
and per district, each page a fixed number of cards."""
from __future__ import annotations

import dataclasses
import gzip
import math
import re
from pathlib import Path

from bss.prepare.content.load import load_content
from bss.prepare.pages import catalogue_lists
from bss.prepare.pages.catalogue_lists import PER_PAGE, Pager
from helpers import GROWN, ROOT

BUDGET = 30 * 1024
LANGUAGES = ("", "en/")


def packed(page: Path) -> int:
    return len(gzip.compress(page.read_bytes(), compresslevel=6))


def cards(page: Path) -> list[str]:
    return re.findall(r'<li class="bss-card"[^>]* data-case="([^"]+)"', page.read_text(encoding="utf-8"))


def test_every_page_of_results_is_within_budget_and_the_catalogue_does_not_grow(grown_sites):
    catalogue = {}
    for n, site in grown_sites.items():
        total = n + len(list((ROOT / "data/case-studies").glob("*.yml")))
        for prefix in LANGUAGES:
            folder = site / prefix / "studii-de-caz"
            numbered = sorted(folder.glob("pagina/*/index.html"), key=lambda p: int(p.parent.name))
            assert [p.parent.name for p in numbered] == [str(k) for k in range(2, math.ceil(total / PER_PAGE) + 1)]
            lists = [*folder.glob("tip/**/index.html"), *folder.glob("raion/**/index.html")]
            if n == max(GROWN):  # 50 of each generated type: a type's list has pages of its own
                assert any("/tip/" in p.as_posix() and "/pagina/" in p.as_posix() for p in lists)
            for page in [folder / "index.html", *numbered, *lists]:
                assert packed(page) <= BUDGET, (n, page, packed(page))
                assert 0 < len(cards(page)) <= PER_PAGE, page
            assert len(cards(folder / "index.html")) == PER_PAGE
            shown = [cid for page in [folder / "index.html", *numbered] for cid in cards(page)]
            assert len(shown) == len(set(shown)) == total  # every case study on exactly one page
            catalogue[n, prefix] = packed(folder / "index.html")
    small, large = GROWN
    for prefix in LANGUAGES:
        # Three times as many case studies, the same page give or take the titles of its first cards.
        assert catalogue[large, prefix] <= catalogue[small, prefix] + 256, catalogue


def test_a_district_with_many_case_studies_has_numbered_pages():
    """200 case studies in one district: five pages of at most PER_PAGE cards, each linking to the
    others a fixed number at a time."""
    content = load_content(ROOT)
    one = next(iter(content.case_studies.values()))
    many = {f"x-{i:03d}": dataclasses.replace(one, id=f"x-{i:03d}", districts=("MD-AN",)) for i in range(200)}
    content = dataclasses.replace(content, case_studies=many)
    specs = [s for s in catalogue_lists.pages(content, catalogue_lists.lists(content)) if s.kind == "catalogue-district"]
    assert [s.id for s in specs] == ["md-an", *(f"md-an/pagina/{k}" for k in range(2, 6))]
    assert [sum(len(items) for _, items in s.context["groups"]) for s in specs] == [48, 48, 48, 48, 8]
    assert str(specs[1].title) == "Studii de caz: Anenii Noi, pagina 2"
    assert specs[4].context["first"] == 193 and specs[4].context["last"] == specs[4].context["total"] == 200


def test_a_list_offers_a_fixed_number_of_its_pages():
    pages = tuple(("catalogue-page", str(k)) for k in range(1, 43))
    assert Pager(pages, 0).shown() == [0, 1, 2, None, 41]
    assert Pager(pages, 20).shown() == [0, None, 18, 19, 20, 21, 22, None, 41]
    assert Pager(pages, 41).shown() == [0, None, 39, 40, 41]
    assert Pager(pages[:4], 1).shown() == [0, 1, 2, 3]
