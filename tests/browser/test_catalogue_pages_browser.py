"""The catalogue with many case studies (issue 26), in a real browser: its numbered pages, and each
type's and each district's, lead to every case study without JavaScript; with it, the filters, the
counts and the cards shown cover every case study, from the index the first filter loads."""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
import yaml
from playwright.sync_api import expect as pw_expect

from browsing import CARDS, ROWS, assert_accessible
from helpers import GROWN
from server import StaticServer

N = max(GROWN)


@pytest.fixture(scope="module")
def grown(grown_sites):
    """The address of the site built with N generated case studies, and its case studies."""
    site = grown_sites[N]
    server = StaticServer(site)
    cases = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (site.parent / "data/case-studies").glob("*.yml")}
    yield server.url, cases
    server.close()


def of(cases: dict, **filters) -> set[str]:
    def values(case):
        return {"raion": case["districts"], "tip": [case["service_type"]], "program": [case.get("programme")]}
    return {cid for cid, case in cases.items() if all(v in values(case)[k] for k, v in filters.items())}


def busiest_district(cases: dict) -> str:
    counts: dict[str, int] = {}
    for case in cases.values():
        for code in case["districts"]:
            counts[code] = counts.get(code, 0) + 1
    return max(sorted(counts), key=counts.get)


def walk(page, start: str) -> list[str]:
    """The case studies on each page of a list, from ``start``, following its "next page" links as a
    reader would; checks that each page says which it is and holds at most a page's worth."""
    page.goto(start)
    seen, number = [], 1
    while True:
        page.wait_for_load_state()
        ids = page.locator("li[data-case]").evaluate_all(CARDS)
        assert 0 < len(ids) <= 48, page.url
        seen += ids
        pages = page.locator("nav[data-pages]")
        if pages.count():
            assert pages.locator("[aria-current=page]").text_content() == str(number)
        following = pages.locator("a[rel=next]")
        if not following.count():
            return seen
        target = urljoin(page.url, following.get_attribute("href"))
        following.click()
        pw_expect(page).to_have_url(target)
        number += 1


def test_without_javascript_numbered_pages_lead_to_every_case_study(browser, grown):
    url, cases = grown
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    for prefix in ("", "/en"):
        seen = walk(page, f"{url}{prefix}/studii-de-caz/")
        assert len(seen) == len(set(seen)) and set(seen) == set(cases)
        assert page.url == f"{url}{prefix}/studii-de-caz/pagina/{-(-len(cases) // 48)}/"
        respiro = walk(page, f"{url}{prefix}/studii-de-caz/tip/respiro/")
        assert len(respiro) > 48 and sorted(respiro) == sorted(of(cases, tip="respiro"))
    ctx.close()


def test_without_javascript_the_map_and_the_types_lead_to_their_own_pages(browser, grown):
    url, cases = grown
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    code = busiest_district(cases)
    for prefix in ("", "/en"):
        page.goto(f"{url}{prefix}/studii-de-caz/")
        page.locator(f'a.bss-tile[data-raion="{code}"]').click()
        pw_expect(page).to_have_url(f"{url}{prefix}/studii-de-caz/raion/{code.lower()}/")
        assert set(page.locator("li[data-case]").evaluate_all(CARDS)) == of(cases, raion=code)
        page.goto(f"{url}{prefix}/studii-de-caz/")
        page.locator(".bss-types a[href$='tip/echipa-mobila/']").click()
        pw_expect(page).to_have_url(f"{url}{prefix}/studii-de-caz/tip/echipa-mobila/")
        assert page.locator("li[data-case]").count() == min(48, len(of(cases, tip="echipa-mobila")))
    ctx.close()


def shown(page) -> list[str]:
    page.wait_for_selector("[data-gallery]:not([aria-busy])", state="attached")
    return page.locator("li[data-case]:visible").evaluate_all(CARDS)


def test_with_javascript_the_filters_cover_every_case_study_from_the_index(page, grown):
    url, cases = grown
    loads = []
    page.on("request", lambda request: loads.append(request.url) if request.url.endswith("/cards.js") else None)
    page.goto(f"{url}/studii-de-caz/")
    built = dict(zip(shown(page), page.locator("li[data-case]").evaluate_all("els => els.map(e => e.outerHTML)")))
    assert len(built) == 48 and not loads  # nothing more is fetched until a reader filters

    page.select_option("#f-tip", "respiro")
    want = of(cases, tip="respiro")
    first = shown(page)  # a page of them, and a button for the rest
    assert len(want) > 48 and len(first) == 48 and set(first) < want
    more = page.locator("[data-more] button")
    assert more.text_content() == f"Arată restul ({len(want) - 48})"
    assert f"({len(want)})" in page.locator('[data-group="respiro"] h3').text_content()  # all, drawn or not
    more.click()
    assert set(shown(page)) == want and page.locator("[data-more]").is_hidden()
    assert page.locator("[data-more-status]").text_content() == f"{len(want)} din {len(want)} afișate"  # said
    assert page.locator("li[data-case] a:focus").evaluate("a => a.closest('li').dataset.case") == shown(page)[48]
    assert re.fullmatch(rf"{len(want)} (de )?studii de caz din {len(cases)}", page.locator("[data-count]").text_content())
    assert page.locator("nav[data-pages]").is_hidden()
    assert not built.keys() & want  # none of them was on the page: all drawn from the index
    group = page.locator('[data-group="respiro"] h3').text_content()
    toc = page.locator('.md-nav--secondary a[href="#respiro"]')
    entries = toc.evaluate_all("els => els.map(e => e.textContent.trim())")
    group = " ".join(group.rstrip("¶").split())  # the count tied to the name by a no-break space; in the contents, a space
    assert entries and all(entry == group for entry in entries), (group, entries)
    code = busiest_district(cases)
    tiles = page.locator("a[data-raion] [data-tile-count]")
    assert page.locator(f'a[data-raion="{code}"] [data-tile-count]').text_content() == str(len(of(cases, tip="respiro", raion=code)))
    assert tiles.count() > 1

    page.locator(f'a.bss-tile[data-raion="{code}"]').click()
    assert set(shown(page)) == of(cases, tip="respiro", raion=code)
    assert f"raion={code}" in page.url and "tip=respiro" in page.url

    page.select_option("#f-tip", "")  # every generated case study is of one programme: pages of 48 at a time
    page.locator(f'a.bss-tile[data-raion="{code}"]').click()
    page.select_option("#f-program", "ssmb-2021")
    want = of(cases, program="ssmb-2021")
    assert len(want) > 96 and len(shown(page)) == 48 and page.locator("[data-more-status]").text_content() == ""
    assert more.text_content() == f"Arată încă 48 din cele {len(want) - 48} rămase"
    more.click()
    assert len(shown(page)) == 96 and more.text_content() == f"Arată încă 48 din cele {len(want) - 96} rămase"
    assert page.locator("[data-more-status]").text_content() == f"96 din {len(want)} afișate"
    page.locator('.md-nav--secondary a[href="#lista"]').first.click()  # a link within the page keeps them
    pw_expect(page).to_have_url(re.compile("#lista$"))
    assert len(shown(page)) == 96

    page.locator("form[data-filters]").get_by_role("button", name="Șterge filtrele").click()
    again = page.locator("li[data-case]").evaluate_all("els => els.map(e => e.outerHTML)")
    # The first page again, each card drawn from the index exactly as the page was built.
    assert dict(zip(shown(page), again)) == built
    assert page.locator("nav[data-pages]").is_visible() and page.locator("[data-more]").is_hidden()
    assert len(loads) == 1  # the index, fetched once


@pytest.mark.parametrize("width", [1280, 390])
def test_cards_drawn_from_the_index_fill_their_rows(browser, grown, width):
    url, cases = grown
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.goto(f"{url}/en/studii-de-caz/?program=ssmb-2021")
    want = of(cases, program="ssmb-2021")
    for drawn in (48, 96):  # the first cards, then with the next ones (in a second group too)
        assert len(shown(page)) == drawn and set(shown(page)) < want
        assert page.locator("[data-more] button").text_content() == f"Show 48 more of the {len(want) - drawn} not yet shown"
        layout = page.locator(".bss-gallery").evaluate(ROWS)
        for left, right, _ in layout["groups"] + layout["cards"]:
            assert abs(left) <= 1 and abs(right) <= 1, (width, drawn, layout)
        page.locator("[data-more] button").click()
    first = page.locator("li[data-case]:visible").first
    title = first.locator(".bss-card__title a")
    assert title.text_content() == cases[first.get_attribute("data-case")]["title"]["en"]
    assert re.fullmatch(r"(\.\./)*studii-de-caz/[a-z0-9-]+/|[a-z0-9-]+/", title.get_attribute("href"))
    ctx.close()


@pytest.mark.parametrize("path", ["/studii-de-caz/pagina/2/", "/en/studii-de-caz/tip/respiro/pagina/2/",
                                  "/studii-de-caz/raion/{district}/", "/en/studii-de-caz/?tip=respiro"])
def test_the_pages_of_results_pass_axe(page, grown, axe, path):
    url, cases = grown
    page.goto(url + path.format(district=busiest_district(cases).lower()))
    shown(page)
    assert_accessible(axe, page)

