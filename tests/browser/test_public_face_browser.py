"""The site's public face as a visitor meets it: the home page's three ways in on the first screen
(phone and desktop, both languages), a learner offered to continue where they left off, and the EU
emblem with its funding statement on every page type, on screen and on paper."""
from __future__ import annotations

import json
import math
import re
from contextlib import contextmanager

import pytest
import yaml
from playwright.sync_api import expect

from browsing import ALONE_ON_A_LINE
from helpers import EASY_SLUG, ROOT
from test_accessibility_browser import PAGE_TYPES

STRINGS = {lang: yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8")) for lang in ("ro", "en")}
SCREENS = {390: 844, 1280: 800}  # a phone's first screen, a laptop's
# Each way in: its door, and where its main link leads (the address after the language prefix)
DOORS = {"learn": r"cursuri/[a-z0-9-]+/[a-z0-9-]+/$", "teach": r"ghid/$", "explore": r"studii-de-caz/$"}


def prefix(lang: str) -> str:
    return "/en" if lang == "en" else ""


@contextmanager
def opened(browser, url: str, width: int, height: int = 844):
    """A page at ``url`` in a window ``width`` pixels wide, closed afterwards."""
    ctx = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = ctx.new_page()
        page.goto(url)
        yield page
    finally:
        ctx.close()


def two_a_row(tops: list) -> bool:
    """Whether boxes with these tops sit two a row, in order."""
    return len(tops) >= 2 and all(a == b for a, b in zip(tops[::2], tops[1::2])) and len(set(tops)) == math.ceil(len(tops) / 2)


@pytest.mark.parametrize("width", sorted(SCREENS), ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_first_screen_says_who_the_site_is_for_and_offers_three_ways_in(browser, site_url, lang, width):
    ctx = browser.new_context(viewport={"width": width, "height": SCREENS[width]})
    page = ctx.new_page()
    page.goto(f"{site_url}{prefix(lang)}/")
    on_screen = lambda box: box is not None and box["y"] >= 0 and box["y"] + box["height"] <= SCREENS[width]  # noqa: E731
    lead = page.locator(".bss-hero__lead")
    assert lead.inner_text() == STRINGS[lang]["home.lead"]
    assert on_screen(lead.bounding_box())
    assert on_screen(page.locator(".bss-hero .bss-eu").bounding_box())  # the EU emblem on the landing screen
    for door, target in DOORS.items():
        link = page.locator(f"[data-door={door}] a.md-button").first
        assert on_screen(link.bounding_box()), (door, link.bounding_box())
        assert re.search(target, link.evaluate("a => a.href").removeprefix(f"{site_url}{prefix(lang)}/")), door
        assert page.locator(f"[data-door={door}] h2").evaluate("h => h.firstChild.textContent") == STRINGS[lang][f"home.{door}"]
    ctx.close()


def test_a_learner_with_progress_is_offered_to_continue_and_one_without_to_start(page, site_url):
    page.goto(f"{site_url}/")
    start = page.locator("[data-door=learn] .bss-door__start a")
    assert start.is_visible()
    assert not page.locator("[data-door=learn] .bss-door__continue").is_visible()
    modules = page.locator("[data-door=learn] li[data-module]").evaluate_all(
        "els => els.map(e => [e.dataset.module, e.dataset.version, e.querySelector('a').href])")
    first, version, _ = modules[0]
    progress = {"v": 1, "drafts": {}, "name": "", "modules": {first: {
        "version": version, "answers": {}, "score": 5, "total": 5, "passed": True, "date": "2026-12-07T10:00:00.000Z"}}}
    page.evaluate("s => localStorage.setItem('bss-progress', s)", json.dumps(progress))
    page.reload()
    next_link = page.locator("[data-door=learn] .bss-door__next a")
    next_link.wait_for()
    assert next_link.evaluate("a => a.href") == modules[1][2]  # the module after the one passed
    assert not start.is_visible()


def test_without_javascript_the_learner_is_offered_to_start(browser, site_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{site_url}/en/")
    assert page.locator("[data-door=learn] .bss-door__start a").is_visible()
    assert not page.locator("[data-door=learn] .bss-door__continue").is_visible()
    ctx.close()


def test_each_headline_figure_points_to_its_source_and_each_source_is_one_note(page, site_url):
    page.goto(f"{site_url}/en/")
    notes = page.locator("ol.bss-notes > li")
    texts = notes.all_inner_texts()
    assert texts and len(set(texts)) == len(texts)
    refs = page.locator(".bss-headline .bss-noteref a").evaluate_all("els => els.map(a => a.getAttribute('href'))")
    assert refs and set(refs) == {f"#nota-{i}" for i in range(1, len(texts) + 1)}  # every note used, none missing



@pytest.mark.parametrize("lang", ["ro", "en"])
def test_on_a_phone_the_home_figures_go_two_a_row_and_their_sources_to_the_foot(browser, site_url, lang):
    with opened(browser, f"{site_url}{prefix(lang)}/", 390) as page:
        tops = page.locator(".bss-headline").evaluate_all("ls => ls.map(l => Math.round(l.getBoundingClientRect().top))")
        assert two_a_row(tops), tops
        top = lambda selector: page.locator(selector).first.evaluate("e => e.getBoundingClientRect().top")  # noqa: E731
        assert top("ol.bss-notes") > top(".bss-home-partners") > top(".bss-cards")  # the notes after the page's content


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["en/studii-de-caz/spalatorie-sociala-glodeni/", "programe/ssmb-2021/",
                                  "en/programe/ssmb-2018/", "ghid/costificarea/"])
def test_no_empty_line_under_a_page_title(browser, site_url, path, width):
    """The title's box ends with its text: its ¶ anchor (hidden until hovered) wrapped onto a line of
    its own wherever the title filled its last line, an empty band between the title and the lead."""
    with opened(browser, f"{site_url}/{path}", width) as page:
        box, text, line = page.locator(".md-content h1").first.evaluate("""h => { const r = document.createRange();
            r.selectNodeContents(h.firstChild);
            return [h.getBoundingClientRect().bottom, r.getBoundingClientRect().bottom, parseFloat(getComputedStyle(h).lineHeight)] }""")
    assert box - text < line / 2, (box, text, line)


# Pages with a heading that fills its last line at 390 px, in both languages (46 such headings before).
FULL_HEADINGS = ["en/", "cursuri/contractarea-sociala/", "en/parteneri/autism-hope/", "en/studii-de-caz/", "ghid/complet/"]


def test_on_a_phone_no_heading_leaves_its_link_on_a_line_of_its_own(browser, site_url):
    """A heading's ¶ link (hidden until hovered or focused) wrapped alone onto the next line under every
    heading that filled its last line: a blank line under "What the programmes achieved" on a phone."""
    alone = []
    with opened(browser, f"{site_url}/{FULL_HEADINGS[0]}", 390) as page:
        for path in FULL_HEADINGS:
            page.goto(f"{site_url}/{path}")
            alone += [(path, text) for text in page.locator(".md-typeset :is(h2, h3, h4) > a.headerlink").evaluate_all(ALONE_ON_A_LINE)]
        assert page.locator("h2 > a.headerlink").count() > 0
    assert not alone, alone


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_on_a_phone_the_catalogue_filters_go_two_a_row_their_selects_level(browser, site_url, lang):
    with opened(browser, f"{site_url}{prefix(lang)}/studii-de-caz/", 390) as page:
        tops = page.locator(".bss-filter select").evaluate_all("ss => ss.map(s => Math.round(s.getBoundingClientRect().top))")
    assert len(tops) == 6 and two_a_row(tops), tops


@pytest.mark.parametrize("width", [390, 1280])
def test_a_modules_status_on_the_course_page_stays_on_one_line(browser, site_url, width):
    with opened(browser, f"{site_url}/en/cursuri/servicii-comunitare/", width) as page:
        statuses = page.locator("ol.bss-modules .bss-status")
        expect(statuses.first).not_to_be_empty()  # quiz.js writes each module's status
        lines = statuses.evaluate_all(
            "ss => ss.map(s => [s.textContent, new Set([...s.getClientRects()].map(r => Math.round(r.top))).size])")
    assert lines and all(n == 1 for _, n in lines), lines

DOTS_STARTING_A_LINE = """() => [...document.querySelectorAll('ol.bss-modules li > p:first-child')].flatMap(p => {
    const left = p.getBoundingClientRect().left, out = [], walk = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        for (let i = n.data.indexOf('·'); i >= 0; i = n.data.indexOf('·', i + 1)) {
            const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
            if (Math.abs(r.getBoundingClientRect().left - left) < 2) out.push(p.textContent.trim());
        }
    }
    const status = p.querySelector('.bss-status:not(:empty)');  // its "· " is its CSS ::before
    if (status && Math.abs(status.getClientRects()[0].left - left) < 2) out.push('· ' + status.textContent);
    return out; })"""


def test_a_modules_line_on_the_course_page_never_starts_with_a_separator(browser, site_url):
    """Module, time, where it is taught and the learner's status are separated by "·": a line may end
    with one, never start with one (at 360 px, "· 20 de minute" began a line under the module's name;
    at 1280, "· Not started")."""
    starts = []
    with opened(browser, f"{site_url}/cursuri/contractarea-sociala/", 390) as page:
        for path in ["cursuri/contractarea-sociala/", "cursuri/servicii-comunitare/", "en/cursuri/contractarea-sociala/",
                     "en/cursuri/servicii-comunitare/"]:
            page.goto(f"{site_url}/{path}")
            expect(page.locator("ol.bss-modules .bss-status").first).not_to_be_empty()  # as a learner sees it
            for width in [*range(320, 650, 10), *range(660, 1290, 20)]:
                page.set_viewport_size({"width": width, "height": 844})
                starts += [(width, path, text) for text in page.evaluate(DOTS_STARTING_A_LINE)]
    assert not starts, starts


@pytest.mark.parametrize("media", ["screen", "print"])
@pytest.mark.parametrize("lang", ["ro", "en"])
def test_every_page_type_carries_the_eu_emblem_with_its_funding_statement(browser, site_url, lang, media):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.emulate_media(media=media)
    missing = []
    for path in PAGE_TYPES:
        page.goto(f"{site_url}{prefix(lang)}/{path.format(easy=EASY_SLUG[lang])}")
        # the certificate prints its own, on its one page; every other page the site's band
        where = "[data-cert] .bss-eu" if media == "print" and "certificat" in path else ".bss-funding .bss-eu"
        if "certificat" in path and media == "print":
            page.evaluate("() => document.querySelector('[data-cert]').hidden = false")
        eu = page.locator(where)
        ok = (eu.count() == 1 and eu.is_visible() and eu.locator("svg g").count() == 12
              and eu.locator(".bss-eu__statement").inner_text() == STRINGS[lang]["eu.statement"])
        if media == "screen" and "certificat" not in path:
            ok = ok and STRINGS[lang]["eu.disclaimer"] in page.locator(".bss-funding").inner_text()
        if not ok:
            missing.append(path)
    ctx.close()
    assert not missing, missing


def test_the_emblem_is_drawn_in_the_official_colours_with_upright_stars_on_a_circle(page, site_url):
    page.goto(f"{site_url}/")
    svg = page.locator(".bss-funding .bss-eu svg")
    assert svg.locator("rect").get_attribute("fill").lower() == "#003399"
    assert {f.lower() for f in svg.locator("path").evaluate_all("ps => ps.map(p => p.getAttribute('fill'))")} == {"#ffcc00"}
    # Each star is drawn round the emblem's centre (150, 100), then placed: where that point lands, in the
    # emblem's own units, is the star's centre. On a circle of radius 200/3, 30° apart, and upright.
    placed = svg.locator("path").evaluate_all("""ps => ps.map(p => {
        const s = p.ownerSVGElement.getCTM().inverse().multiply(p.getCTM());
        const c = new DOMPoint(150, 100).matrixTransform(s);
        return [c.x, c.y, s.a, s.b]; })""")
    assert len(placed) == 12
    angles = set()
    for x, y, a, b in placed:
        assert abs(((x - 150) ** 2 + (y - 100) ** 2) ** .5 - 200 / 3) < .01
        assert abs(a - 1) < 1e-6 and abs(b) < 1e-6  # upright: no rotation left on the star
        angles.add(round(math.degrees(math.atan2(x - 150, 100 - y))) % 360)
    assert angles == set(range(0, 360, 30))


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_site_name_fits_the_phone_header(browser, site_url, lang):
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    page = ctx.new_page()
    page.goto(f"{site_url}{prefix(lang)}/ghid/")
    name = page.locator(".md-header__topic").first.locator(".md-ellipsis")
    assert name.inner_text() == yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))[
        "site_name"] if lang == "ro" else name.inner_text() == "Better Social Services"
    assert name.evaluate("e => e.scrollWidth <= e.clientWidth"), "the name is cut short"
    ctx.close()



@pytest.mark.parametrize("path", ["programe/ssmb-2021/", "en/studii-de-caz/spalatorie-sociala-glodeni/",
                                  "ghid/costificarea/", "en/cursuri/servicii-comunitare/"])
def test_a_lead_paragraph_is_a_small_step_above_the_text_on_a_phone(browser, site_url, path):
    """On a wide screen the lead stands out; at 390 px it stays a lead (larger than the text) without
    filling the first screen by itself: at most an eighth larger than the text, and the title at most
    three lines."""
    sizes = {}
    for width in (390, 1280):
        with opened(browser, f"{site_url}/{path}", width) as page:
            lead, text = (page.locator(selector).first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
                          for selector in (".md-content .bss-lead", ".md-content article"))
            title = page.locator(".md-content h1").first.evaluate(
                "h => [h.getBoundingClientRect().height, parseFloat(getComputedStyle(h).lineHeight)]")
        assert lead > text, (width, lead, text)
        sizes[width] = lead
        if width == 390:
            assert lead <= text * 1.125, (lead, text)
            assert title[0] <= 3 * title[1] + 1, title
    assert sizes[390] < sizes[1280]

def test_the_header_shows_the_sites_own_mark(page, site_url):
    mark = (ROOT / "overrides/.icons/bss/mark.svg").read_text(encoding="utf-8")
    page.goto(f"{site_url}/")
    shown = page.locator(".md-header .md-logo svg path").evaluate_all("ps => ps.map(p => p.getAttribute('d'))")
    assert shown and all(f'd="{d}"' in mark for d in shown)


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_partner_groups_have_plural_headings_and_names_in_the_languages_order(page, site_url, lang):
    from bss.text import sort_key
    page.goto(f"{site_url}{prefix(lang)}/parteneri/")
    groups = page.locator("article h2").evaluate_all("""hs => hs.map(h => {
        let list = h.nextElementSibling; while (list && list.tagName !== 'UL') list = list.nextElementSibling;
        return [h.firstChild.textContent, [...list.querySelectorAll(':scope > li > a')].map(a => a.textContent)]; })""")
    plurals = {v for k, v in STRINGS[lang].items() if k.startswith("partners.group.")}
    assert groups and all(heading in plurals for heading, _ in groups), groups
    for heading, names in groups:
        assert names == sorted(names, key=lambda n: sort_key(n, lang)), (heading, names)
    if lang == "ro":  # ș after s, as a Romanian reader looks for it
        assert sort_key("Sfântul", "ro") < sort_key("Șanse", "ro") < sort_key("Tighina", "ro")


@pytest.mark.parametrize("path", ["programe/ssmb-2021/", "programe/ssmb-2018/", "rezultate/", "en/programe/ssmb-2021/"])
def test_sources_are_numbered_notes_each_listed_once(page, site_url, path):
    page.goto(f"{site_url}/{path}")
    notes = page.locator("ol.bss-notes > li")
    texts = notes.all_inner_texts()
    assert texts and len(set(texts)) == len(texts), texts
    assert notes.evaluate_all("ls => ls.map(l => l.id)") == [f"nota-{i}" for i in range(1, len(texts) + 1)]
    refs = set(page.locator("sup.bss-noteref a").evaluate_all("els => els.map(a => a.getAttribute('href'))"))
    assert refs and refs <= {f"#nota-{i}" for i in range(1, len(texts) + 1)}
    body = page.locator("article").inner_text()
    for text in texts:  # the source's words appear in its note only
        title = text.split(", ", 1)[-1][:60]
        assert body.count(title) == 1, title


@pytest.mark.parametrize("width", [390, 1280])
def test_results_chart_bars_differ_and_their_labels_read_from_the_left(browser, site_url, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.goto(f"{site_url}/rezultate/")
    chart = page.locator("figure.bss-chart").last
    widths = chart.locator(".bss-bar__fill").evaluate_all("fs => fs.map(f => f.getBoundingClientRect().width)")
    values = chart.locator(".bss-bar__value").all_inner_texts()
    assert len(set(values)) > 1 and len(set(round(w) for w in widths)) == len(set(values))  # a bar per value
    labels = chart.locator(".bss-bar__label")
    assert set(labels.evaluate_all("ls => ls.map(l => getComputedStyle(l).textAlign)")) <= {"left", "start"}
    lefts = labels.evaluate_all("ls => ls.map(l => { const r = document.createRange(); r.selectNodeContents(l); return Math.round(r.getClientRects()[0].left); })")
    assert len(set(lefts)) == 1, lefts  # every label starts at the same left edge
    ctx.close()


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_on_a_phone_each_indicators_target_and_result_read_beside_their_labels(browser, site_url, lang):
    """The indicators' table reads as a list on a phone, each value after its label ("Target: 60");
    a result written as a paragraph went under its label instead, unlike the target above it."""
    with opened(browser, f"{site_url}{prefix(lang)}/rezultate/", 390) as page:
        cells = page.locator("table.bss-indicators td[data-label]").evaluate_all("""tds => tds.map(td => {
            const first = [...td.getClientRects()][0], r = document.createRange();
            r.selectNodeContents(td);
            const text = [...r.getClientRects()].filter(x => x.width > 0)[0];
            return [td.dataset.label, td.textContent.trim().slice(0, 40), text ? text.top - first.top : 0,
                    parseFloat(getComputedStyle(td).lineHeight), !!td.querySelector(':scope > p')]; })""")
    assert any(paragraph for *_, paragraph in cells), cells  # results written as paragraphs are among them
    assert cells and all(top < line / 2 for _, _, top, line, _ in cells), [c for c in cells if c[2] >= c[3] / 2]
