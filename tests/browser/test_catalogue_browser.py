"""The catalogue in a real browser: filters, the address, the map, no JavaScript, axe."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect as pw_expect

from browsing import ALONE_ON_A_LINE, CARDS, ROWS, assert_accessible

ROOT = Path(__file__).resolve().parents[2]
CASES = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/case-studies").glob("*.yml")}


def settled(page) -> None:
    """Wait until the cards shown follow the filters: the first filter loads the index of every card."""
    page.wait_for_selector("[data-gallery]:not([aria-busy])", state="attached")


def visible_cases(page) -> set[str]:
    settled(page)
    return set(page.locator("li[data-case]:visible").evaluate_all(CARDS))


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


def expected_choices(chosen: dict) -> dict[str, dict[str, int]]:
    """For each filter, how many case studies each of its values gives with the other filters chosen."""
    out = {}
    for key in ("raion", "tip", "grup", "program", "an", "org"):
        others = {k: v for k, v in chosen.items() if k != key}
        counts: dict[str, int] = {}
        for cid in expect(**others):
            for value in values(CASES[cid])[key]:
                if value:
                    counts[value] = counts.get(value, 0) + 1
        out[key] = counts
    return out


UNITS = {row["iso_3166_2"]: row for row in csv.DictReader(
    (ROOT / "data/administrative-units.csv").read_text(encoding="utf-8").splitlines())}
EMPTY_DISTRICT = sorted(set(UNITS) - {d for c in CASES.values() for d in c["districts"]})[0]
SAMPLE = CASES[sorted(CASES)[0]]
FILTERS = [
    {"tip": most_common("tip")},
    {"program": "ssmb-2021"},
    {"program": "ssmb-2021", "raion": most_common("raion")},
    {"grup": most_common("grup"), "tip": most_common("tip")},
    {"raion": SAMPLE["districts"][0], "org": SAMPLE["organisation"]},
    {"program": "ssmb-2018", "tip": "spalatorie-sociala"},  # nothing matches: only an address can ask for it
]


@pytest.mark.parametrize("filters", FILTERS)
def test_filter_combinations_give_exactly_the_right_case_studies(page, site_url, filters):
    want = expect(**filters)
    if want:
        page.goto(f"{site_url}/studii-de-caz/")
        for key, value in filters.items():
            page.select_option(f"#f-{key}", value)
    else:  # a choice that gives nothing is greyed out
        page.goto(f"{site_url}/studii-de-caz/?{'&'.join(f'{k}={v}' for k, v in filters.items())}")
    assert visible_cases(page) == want
    count = page.locator("[data-count]").text_content()
    assert re.fullmatch(rf"{len(want)}( (de )?studi[iu] de caz)? din {len(CASES)}", count), count  # "20 de studii"
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
    # The count and the first matching card are in view (scrolling lands on whole pixels: the count may sit a
    # fraction of a pixel above the top edge).
    assert -1 < top < 800 and first_card < 800
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


def shown_counts(page) -> dict:
    """What the page says about counts: each filter's choices (count, greyed out), each group's
    heading and table-of-contents entry, each map tile."""
    settled(page)
    return page.evaluate("""() => ({
        choices: Object.fromEntries([...document.querySelectorAll('form[data-filters] select')].map(s => [s.name,
            Object.fromEntries([...s.querySelectorAll('option[data-label]')].filter(o => !o.hidden || o.selected)
                .map(o => [o.value, [o.textContent, o.disabled]]))])),
        groups: [...document.querySelectorAll('[data-group]:not([hidden])')].map(g => [g.dataset.group,
            [...g.querySelector('h3').childNodes].filter(n => !n.classList || !n.classList.contains('headerlink'))
                .map(n => n.textContent).join('').trim(), g.querySelectorAll('li[data-case]:not([hidden])').length,
            [...document.querySelectorAll('.md-nav--secondary a[href="#' + g.dataset.group + '"]')].map(a => a.textContent.trim())]),
        tiles: Object.fromEntries([...document.querySelectorAll('a[data-raion]')].map(t => [t.dataset.raion,
            t.querySelector('[data-tile-count]').textContent])),
    })""")


@pytest.mark.parametrize("filters", [{"raion": "MD-BA"}, {"tip": most_common("tip"), "program": "ssmb-2021"},
                                     {"program": "ssmb-2018", "tip": "spalatorie-sociala"}])
def test_every_count_follows_the_filters(page, site_url, filters):
    query = "&".join(f"{k}={v}" for k, v in filters.items())
    page.goto(f"{site_url}/studii-de-caz/?{query}")
    want = expected_choices(filters)
    shown = shown_counts(page)
    for key, choices in shown["choices"].items():
        for value, (text, disabled) in choices.items():
            n = want[key].get(value, 0)
            assert text.endswith(f"({n})"), (key, value, text)
            assert disabled == (n == 0 and filters.get(key) != value), (key, value, text)  # nothing to give: greyed out
    for group, heading, cards, toc in shown["groups"]:
        heading = " ".join(heading.split())  # its count is tied to its name by a no-break space; in the contents, a space
        assert cards == len(expect(**{**filters, "tip": group})), group
        assert heading.endswith(f"({cards})") and toc and all(entry == heading for entry in toc), (group, heading, toc)
    for code, text in shown["tiles"].items():
        assert text == str(want["raion"].get(code, 0)), code


def test_a_district_with_no_case_study_is_no_link_and_says_none_yet(browser, site_url):
    name = {"ro": UNITS[EMPTY_DISTRICT]["name_ro"], "en": UNITS[EMPTY_DISTRICT]["name_en"]}
    for js in (True, False):
        ctx = browser.new_context(java_script_enabled=js)
        page = ctx.new_page()
        for prefix, lang, words in (("", "ro", "niciun studiu de caz deocamdată"), ("/en", "en", "no case study yet")):
            page.goto(f"{site_url}{prefix}/studii-de-caz/")
            assert page.locator(f'a.bss-tile[data-raion="{EMPTY_DISTRICT}"]').count() == 0
            assert page.locator(".bss-map").get_by_text(f"{name[lang]}: {words}").count() == 1
        ctx.close()


def test_an_address_asking_for_a_district_with_none_yet_keeps_it_and_says_so(page, site_url):
    page.goto(f"{site_url}/en/studii-de-caz/?raion={EMPTY_DISTRICT}")
    assert page.locator("#f-raion").input_value() == EMPTY_DISTRICT
    assert visible_cases(page) == set()
    assert page.locator("[data-empty]").text_content().strip().startswith(f"{UNITS[EMPTY_DISTRICT]['name_en']}: no case study yet")
    assert f"raion={EMPTY_DISTRICT}" in page.url
    assert page.locator("#f-tip option[data-label]:not([disabled])").count() == 0  # nothing more to narrow


def test_an_unknown_value_in_the_address_is_left_out_and_said(page, site_url):
    page.goto(f"{site_url}/studii-de-caz/?raion=MD-XX&tip=<b>x</b>&program=ssmb-2021")
    assert visible_cases(page) == expect(program="ssmb-2021")
    notice = page.locator("[data-unknown]")
    assert notice.is_visible()
    assert notice.text_content() == ("Adresa cere un filtru care nu există, lăsat deoparte: "
                                     "Raion sau municipiu „MD-XX”; Tipul serviciului „<b>x</b>”.")
    assert page.locator("[data-unknown] b").count() == 0  # shown as text
    page.goto(f"{site_url}/studii-de-caz/?program=ssmb-2021")
    assert page.locator("[data-unknown]").is_hidden()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_on_a_phone_choosing_a_filter_brings_the_results_into_view_and_announces_them(browser, site_url, prefix):
    ctx = browser.new_context(viewport={"width": 390, "height": 800})
    page = ctx.new_page()
    page.goto(f"{site_url}{prefix}/studii-de-caz/")
    count = page.locator("[data-count]")
    assert count.get_attribute("aria-live") == "polite" and count.get_attribute("role") == "status"
    before = count.text_content()
    page.locator("#f-tip").focus()
    page.select_option("#f-tip", most_common("tip"))
    pw_expect(count).not_to_have_text(before)
    header = page.locator(".md-header").evaluate("e => e.getBoundingClientRect().bottom")
    top = count.evaluate("e => e.getBoundingClientRect().top")
    first = page.locator("li[data-case]:visible").first.evaluate("e => e.getBoundingClientRect().top")
    assert header <= top and first < 800, (header, top, first)  # below the sticky header, the first result in view
    assert page.evaluate("document.activeElement.id") == "f-tip"  # the reader may choose another filter
    ctx.close()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_catalogue_is_a_gallery_with_no_half_empty_rows(context, site_url, prefix):
    """Several cards a row on a wide screen, one a row on a phone, and every row filled to both
    edges whatever the number of case studies of each type; each card with a picture."""
    page = context.new_page()
    for width, several in ((1280, True), (390, False)):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{site_url}{prefix}/studii-de-caz/")
        layout = page.locator(".bss-gallery").evaluate(ROWS)
        for left, right, _ in layout["groups"] + layout["cards"]:
            assert abs(left) <= 1 and abs(right) <= 1, (width, layout)
        most = max(n for *_, n in layout["cards"])
        assert (most >= 3) if several else (most == 1 and max(n for *_, n in layout["groups"]) == 1), (width, layout)
    cards = page.locator("li[data-case]")
    assert cards.count() == len(CASES)
    for i in range(cards.count()):
        picture = cards.nth(i).locator(".bss-card__pic").locator("img[alt]")
        assert picture.count() == 1


def test_the_map_keeps_its_place_when_the_filters_show(browser, site_url):
    """Lighthouse's layout shift: before the scripts at the end of the page run (the theme's bundle,
    the catalogue's), the filters' place is already kept, so the map does not jump down when they show."""
    tops = []
    for late_scripts in ("blocked", "run"):
        ctx = browser.new_context(viewport={"width": 412, "height": 823})
        page = ctx.new_page()
        if late_scripts == "blocked":
            page.route(re.compile(r"(bundle\.[0-9a-f]+\.min|catalogue)\.js$"), lambda route: route.abort())
        page.goto(f"{site_url}/studii-de-caz/")
        if late_scripts == "run":
            pw_expect(page.locator("form[data-filters]")).to_be_visible()
        tops.append(page.locator("#harta").evaluate("e => e.getBoundingClientRect().top + scrollY"))
        ctx.close()
    assert tops[0] == tops[1], tops


@pytest.mark.parametrize("path", ["/studii-de-caz/tip/centru-de-zi/", "/en/studii-de-caz/raion/md-cl/"])
def test_a_group_alone_in_its_row_has_no_empty_band_above_its_cards(context, site_url, path):
    """Side by side, the headings of a gallery's groups take the same height so the pictures line up;
    a group with the row to itself (on the page of one type, of a district with one type) keeps
    its heading to its own lines: no empty band between the count and the first card."""
    page = context.new_page()
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{site_url}{path}")
        groups = page.locator(".bss-gallery > .bss-group").evaluate_all(ALONE)
        assert any(alone for alone, *_ in groups), (width, path, groups)
        for alone, box, text in groups:
            assert not alone or box <= text * 1.5, (width, path, groups)  # the band was 83 px over a 26 px line


def test_a_cards_picture_keeps_its_types_icon_whole_however_wide_the_card(context, site_url):
    """A type's picture is a 160 x 90 drawing cropped to cover the card's picture, its icon the middle
    48 units of its height: a card alone in its row (a partner's one service) was so wide that the
    crop cut the icon's top and bottom. Whole while the picture is no wider than 160:52."""
    page = context.new_page()
    ratios = []
    for path in ("/parteneri/clinica-juridica-balti/", "/en/studii-de-caz/tip/centru-de-zi/", "/studii-de-caz/raion/md-ba/"):
        page.goto(f"{site_url}{path}")
        for width in (390, 800, 1280, 1600):
            page.set_viewport_size({"width": width, "height": 900})
            ratios += [(path, width, r) for r in page.locator(".bss-card__pic").evaluate_all(
                "ps => ps.filter(p => p.offsetParent).map(p => p.getBoundingClientRect().width / p.getBoundingClientRect().height)")]
    assert ratios and all(r <= 160 / 52 for *_, r in ratios), [x for x in ratios if x[2] > 160 / 52]


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_maps_table_is_offered_at_the_size_of_the_text_around_it(browser, site_url, prefix):
    """The disclosure under the map ("The number of case studies per district") was at the 12.8 px the
    theme gives a collapsible note, under a paragraph at 16 px, on a phone."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = ctx.new_page()
        page.goto(f"{site_url}{prefix}/studii-de-caz/")
        sizes = page.locator("details.bss-map-table").evaluate("""d => [
            getComputedStyle(d.querySelector('summary')).fontSize,
            getComputedStyle(d.closest('.md-typeset').querySelector('p')).fontSize]""")
    finally:
        ctx.close()
    assert sizes[0] == sizes[1], sizes


def test_a_groups_count_never_stands_alone_on_a_line(context, site_url):
    """"Centru de tip Barnahus (1)" left "(1)" alone on the heading's second line on a wide screen (on
    the page of a district, and in the catalogue filtered to that district); on a phone, the list of
    types under the map left "(1)" alone under "Socio-educational, sports and cultural activities"."""
    page = context.new_page()
    alone = []
    for path in ("/studii-de-caz/raion/md-ba/", "/studii-de-caz/?raion=MD-BA", "/en/studii-de-caz/?raion=MD-BA"):
        page.goto(f"{site_url}{path}")
        if "?" in path:  # once the filter has applied: Bălți's three
            page.wait_for_function("() => document.querySelectorAll('.bss-gallery li[data-case]:not([hidden])').length === 3")
        for width in range(320, 1290, 20):
            page.set_viewport_size({"width": width, "height": 900})
            counts = page.locator("[data-group-count], ul.bss-types .bss-count")
            alone += [(path, width, text) for text in counts.evaluate_all(ALONE_ON_A_LINE)]
    assert not alone, alone


# Each group of a gallery: whether it has its row to itself (no other group's top is level with
# its own), the height of its heading and of the heading's text.
ALONE = """groups => groups.filter(g => g.offsetParent).map(g => {
    const top = g.getBoundingClientRect().top, h = g.querySelector(':scope > :is(h2, h3)');
    const alone = groups.every(o => o === g || !o.offsetParent || Math.abs(o.getBoundingClientRect().top - top) > 1);
    return [alone, h.getBoundingClientRect().height, h.firstElementChild.getBoundingClientRect().height];
})"""


@pytest.mark.parametrize(("prefix", "words"), [("", "nu s-a putut încărca"), ("/en", "could not be loaded")])
def test_when_the_index_of_cards_cannot_load_the_reader_is_told_and_the_next_filter_tries_again(context, site_url, prefix, words):
    page = context.new_page()
    page.route(re.compile(r"/cards\.js$"), lambda route: route.abort())
    page.goto(f"{site_url}{prefix}/studii-de-caz/")
    shown = page.locator("li[data-case]").evaluate_all(CARDS)
    year = page.locator("select#f-an option:not([disabled])").nth(1).get_attribute("value")
    page.locator("select#f-an").select_option(year)
    notice = page.locator("[data-load-failed]")
    pw_expect(notice).to_be_visible()
    assert words in notice.text_content() and notice.get_attribute("role") == "alert"
    assert page.locator("li[data-case]").evaluate_all(CARDS) == shown
    page.unroute(re.compile(r"/cards\.js$"))
    page.locator("select#f-an").select_option("")
    pw_expect(notice).to_be_hidden()  # no filter: the page as built is right again
    page.locator("select#f-an").select_option(year)
    pw_expect(notice).to_be_hidden()
    pw_expect(page.locator("[data-gallery]")).not_to_have_attribute("aria-busy", "true")
    years = page.locator("li[data-case]:visible").evaluate_all("els => els.map(e => e.dataset.an)")
    assert years and set(years) == {year}, years
