"""The catalogue in a real browser: filters, the address, the map, no JavaScript, axe."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect as pw_expect
import yaml

from browsing import assert_accessible

ROOT = Path(__file__).resolve().parents[2]
CASES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/case-studies").glob("*.yml")}


def visible_cases(page) -> set[str]:
    return set(page.locator("li[data-case]:visible").evaluate_all("els => els.map(e => e.dataset.case)"))


def expect(**filters) -> set[str]:
    def ok(case):
        values = {"raion": case["districts"], "tip": [case["service_type"]], "grup": case["target_groups"],
                  "program": [case.get("programme")], "an": [str(case["period"]["start"])[:4]] if "period" in case else [],
                  "org": [case.get("organisation")]}
        return all(v in values[k] for k, v in filters.items())
    return {cid for cid, case in CASES.items() if ok(case)}


@pytest.mark.parametrize("filters", [
    {"tip": "respiro"},
    {"program": "ssmb-2021"},
    {"program": "ssmb-2021", "raion": "MD-BA"},
    {"grup": "varstnici", "org": "exemplu-sprijin-sud"},
    {"an": "2022", "grup": "dizabilitati-intelectuale"},
    {"raion": "MD-CA"},
    {"raion": "MD-GL", "grup": "comunitate"},
    {"tip": "respiro", "raion": "MD-CA"},
])
def test_filter_combinations_give_exactly_the_right_case_studies(page, site_url, filters):
    page.goto(f"{site_url}/studii-de-caz/")
    for key, value in filters.items():
        page.select_option(f"#f-{key}", value)
    want = expect(**filters)
    assert visible_cases(page) == want
    count = page.locator("[data-count]").text_content()
    assert count.startswith(f"{len(want)} ") if want else count.startswith("Niciun studiu de caz")
    for key, value in filters.items():
        assert f"{key}={value}" in page.url


def test_address_holds_the_state_and_reload_restores_it(page, site_url):
    page.goto(f"{site_url}/en/studii-de-caz/?program=ssmb-2021&grup=varstnici")
    want = expect(program="ssmb-2021", grup="varstnici")
    assert visible_cases(page) == want
    assert page.locator("#f-program").input_value() == "ssmb-2021"
    page.select_option("#f-tip", "cantina-sociala")
    page.reload()
    assert page.locator("#f-tip").input_value() == "cantina-sociala"
    assert visible_cases(page) == expect(program="ssmb-2021", grup="varstnici", tip="cantina-sociala")
    page.get_by_role("button", name="Clear filters").click()
    pw_expect(page).to_have_url(re.compile(r"/studii-de-caz/(#[^?]*)?$"))
    assert visible_cases(page) == set(CASES)


def test_unknown_values_in_the_address_are_ignored(page, site_url):
    page.goto(f"{site_url}/studii-de-caz/?raion=MD-XX&tip=<script>")
    assert visible_cases(page) == set(CASES)


def test_map_tile_filters_by_mouse(page, site_url):
    page.goto(f"{site_url}/studii-de-caz/")
    page.locator('a.bss-tile[data-raion="MD-BA"]').click()
    assert visible_cases(page) == expect(raion="MD-BA")
    assert "raion=MD-BA" in page.url
    assert page.locator("#f-raion").input_value() == "MD-BA"


def test_map_tile_filters_by_keyboard(page, site_url):
    page.goto(f"{site_url}/studii-de-caz/")
    tile = page.locator('a.bss-tile[data-raion="MD-CA"]')
    tile.focus()
    assert tile.get_attribute("aria-label") == "Cahul: 2 studii de caz"
    page.keyboard.press("Enter")
    assert visible_cases(page) == expect(raion="MD-CA")
    assert page.evaluate("document.activeElement.hasAttribute('data-count')")


def test_without_javascript_the_whole_list_shows(browser, site_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{site_url}/studii-de-caz/?tip=respiro")
    assert visible_cases(page) == set(CASES)
    assert page.locator("form[data-filters]").is_hidden()
    assert page.locator("section[data-group] h3").count() == len({c["service_type"] for c in CASES.values()})
    ctx.close()


@pytest.mark.parametrize("path", ["/studii-de-caz/", "/studii-de-caz/?program=ssmb-2018", "/rezultate/"])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_catalogue_and_results_pass_axe(page, site_url, axe, prefix, path):
    page.goto(f"{site_url}{prefix}{path}")
    assert_accessible(axe, page)
