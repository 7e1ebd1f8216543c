"""The catalogue in a real browser: filters, the address, the map, no JavaScript, axe."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect as pw_expect

from browsing import assert_accessible

ROOT = Path(__file__).resolve().parents[2]
CASES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/case-studies").glob("*.yml")}


def visible_cases(page) -> set[str]:
    return set(page.locator("li[data-case]:visible").evaluate_all("els => els.map(e => e.dataset.case)"))


def most_common(key: str) -> str:
    counts: dict[str, int] = {}
    for case in CASES.values():
        for value in values(case)[key]:
            counts[value] = counts.get(value, 0) + 1
    return max(sorted(counts), key=counts.get)


def values(case: dict) -> dict[str, list]:
    return {"raion": case["districts"], "tip": [case["service_type"]], "grup": case["target_groups"],
            "program": [case.get("programme")], "an": [str(case["period"]["start"])[:4]] if "period" in case else [],
            "org": [case.get("organisation")]}


def expect(**filters) -> set[str]:
    return {cid for cid, case in CASES.items() if all(v in values(case)[k] for k, v in filters.items())}


SAMPLE = CASES[sorted(CASES)[0]]
FILTERS = [
    {"tip": most_common("tip")},
    {"program": "ssmb-2021"},
    {"program": "ssmb-2021", "raion": most_common("raion")},
    {"grup": most_common("grup"), "tip": most_common("tip")},
    {"raion": SAMPLE["districts"][0], "org": SAMPLE["organisation"]},
    {"program": "ssmb-2018", "tip": "spalatorie-sociala"},  # nothing matches
]


@pytest.mark.parametrize("filters", FILTERS)
def test_filter_combinations_give_exactly_the_right_case_studies(page, site_url, filters):
    page.goto(f"{site_url}/studii-de-caz/")
    for key, value in filters.items():
        page.select_option(f"#f-{key}", value)
    want = expect(**filters)
    assert visible_cases(page) == want
    count = page.locator("[data-count]").text_content()
    assert re.fullmatch(rf"{len(want)}( studi[iu] de caz)? din {len(CASES)}", count), count
    assert page.locator("[data-empty]").is_visible() == (not want)
    for key, value in filters.items():
        assert f"{key}={value}" in page.url


def test_when_nothing_matches_it_says_so_and_offers_to_clear(page, site_url):
    page.goto(f"{site_url}/en/studii-de-caz/?program=ssmb-2018&tip=spalatorie-sociala")
    empty = page.locator("[data-empty]")
    assert empty.is_visible() and "No case study matches" in empty.text_content()
    assert page.locator("section[data-group]:visible").count() == 0  # no bare headings
    empty.get_by_role("button", name="Clear filters").click()
    assert visible_cases(page) == set(CASES) and empty.is_hidden()
    pw_expect(page).to_have_url(re.compile(r"/en/studii-de-caz/(#[^?]*)?$"))
    assert page.evaluate("document.activeElement.hasAttribute('data-count')")


def test_the_table_of_contents_lists_only_the_groups_shown(page, site_url):
    tip = most_common("tip")
    page.goto(f"{site_url}/studii-de-caz/?tip={tip}")
    toc = page.locator(".md-nav--secondary a[href^='#']")
    shown = [a.get_attribute("href") for a in toc.all() if a.is_visible()]
    groups = {c["service_type"] for c in CASES.values()}
    assert f"#{tip}" in shown and not [g for g in groups - {tip} if f"#{g}" in shown]


def test_address_holds_the_state_and_reload_restores_it(page, site_url):
    page.goto(f"{site_url}/en/studii-de-caz/?program=ssmb-2021&grup={most_common('grup')}")
    want = expect(program="ssmb-2021", grup=most_common("grup"))
    assert visible_cases(page) == want
    assert page.locator("#f-program").input_value() == "ssmb-2021"
    page.select_option("#f-tip", most_common("tip"))
    page.reload()
    assert page.locator("#f-tip").input_value() == most_common("tip")
    assert visible_cases(page) == expect(program="ssmb-2021", grup=most_common("grup"), tip=most_common("tip"))
    page.locator("form[data-filters]").get_by_role("button", name="Clear filters").click()
    pw_expect(page).to_have_url(re.compile(r"/studii-de-caz/(#[^?]*)?$"))
    assert visible_cases(page) == set(CASES)


def test_switching_language_keeps_the_filters(page, site_url):
    raion = most_common("raion")
    page.goto(f"{site_url}/studii-de-caz/?raion={raion}")
    page.locator(".md-header [hreflang=en]").first.dispatch_event("click")
    page.wait_for_url(f"**/en/studii-de-caz/?raion={raion}")
    assert visible_cases(page) == expect(raion=raion)


def test_unknown_values_in_the_address_are_ignored(page, site_url):
    page.goto(f"{site_url}/studii-de-caz/?raion=MD-XX&tip=<script>")
    assert visible_cases(page) == set(CASES)


@pytest.mark.parametrize("width", [390, 1280])
def test_a_map_tile_filters_and_keeps_the_reader_at_the_results(browser, site_url, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    page = ctx.new_page()
    raion = most_common("raion")
    page.goto(f"{site_url}/studii-de-caz/")
    page.locator(f'a.bss-tile[data-raion="{raion}"]').click()
    assert visible_cases(page) == expect(raion=raion)
    assert f"raion={raion}" in page.url and page.locator("#f-raion").input_value() == raion
    top = page.locator("[data-count]").evaluate("e => e.getBoundingClientRect().top")
    first_card = page.locator("li[data-case]:visible").first.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top < 800 and first_card < 800  # the count and the first matching card are in view
    ctx.close()


def test_map_tile_filters_by_keyboard(page, site_url):
    raion = most_common("raion")
    page.goto(f"{site_url}/studii-de-caz/")
    tile = page.locator(f'a.bss-tile[data-raion="{raion}"]')
    tile.focus()
    n = len(expect(raion=raion))
    assert tile.get_attribute("aria-label").endswith(f": {n} studi{'u' if n == 1 else 'i'} de caz")
    page.keyboard.press("Enter")
    assert visible_cases(page) == expect(raion=raion)
    assert page.evaluate("document.activeElement.hasAttribute('data-count')")


def test_without_javascript_the_whole_list_shows(browser, site_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{site_url}/studii-de-caz/?tip={most_common('tip')}")
    assert visible_cases(page) == set(CASES)
    assert page.locator("form[data-filters]").is_hidden()
    assert page.locator("section[data-group] h3").count() == len({c["service_type"] for c in CASES.values()})
    ctx.close()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_a_filtered_catalogue_passes_axe(page, site_url, axe, prefix):
    page.goto(f"{site_url}{prefix}/studii-de-caz/?program=ssmb-2018")
    assert_accessible(axe, page)
