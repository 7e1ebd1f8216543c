"""What a person sees, page by page, in both languages, at phone and desktop width: the defects
that overflow and axe checks let through (titles squeezed into a narrow column, an answer sliding
under its radio button, a menu that does not say where you are, a page not found in one language)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bss.text import sort_key
from browsing import search_results

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["/", "/programe/", "/programe/ssmb-2021/", "/parteneri/", "/parteneri/clinica-juridica-balti/",
         "/parteneri/keystone-moldova/", "/studii-de-caz/", "/studii-de-caz/spalatorie-sociala-glodeni/",
         "/studii-de-caz/date-deschise/", "/rezultate/", "/ghid/", "/ghid/costificarea/", "/ghid/complet/", "/glosar/",
         "/cursuri/", "/cursuri/servicii-comunitare/", "/cursuri/contractarea-sociala/costul-serviciului/",
         "/cursuri/servicii-comunitare/certificat/", "/cautare/", "/404/"]
MODULES = sorted(f"/cursuri/{p.parent.name}/{p.stem}/" for p in (ROOT / "courses").glob("*/*.yml") if p.stem != "course")
NARROW = 120  # px: a link or heading whose text is laid out narrower than this breaks words


@pytest.fixture(params=[390, 1280], ids=["phone", "desktop"])
def sized(request, browser):
    ctx = browser.new_context(viewport={"width": request.param, "height": 900})
    page = ctx.new_page()
    yield page
    ctx.close()


# A text broken over several lines inside a box narrower than NARROW: a squeezed column.
SQUEEZED = """() => [...document.querySelectorAll('.md-content a:not(.bss-tile), .md-content h1, .md-content h2, ' +
    '.md-content h3, .md-content .bss-card__title, .md-content legend, .md-content label')]
  .filter(e => e.offsetParent !== null && e.textContent.trim().length > 8)
  .map(e => {
    const range = document.createRange();
    range.selectNodeContents(e);
    const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top))).size;
    return [e.textContent.trim().slice(0, 40), Math.round(e.getBoundingClientRect().width), lines];
  })
  .filter(([text, width, lines]) => width < %d && lines > 1)""" % NARROW


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_no_link_or_heading_is_squeezed_into_a_narrow_box(sized, site_url, prefix):
    squeezed = {}
    for path in PAGES:
        sized.goto(f"{site_url}{prefix}{path}")
        found = sized.evaluate(SQUEEZED)
        if found:
            squeezed[path] = found
    assert not squeezed, squeezed


FIRST_LINES = """() => [...document.querySelectorAll('.bss-a input[type=radio], .bss-a input[type=checkbox]')].map(input => {
  const label = document.querySelector(`label[for="${input.id}"]`);
  const range = document.createRange();
  range.selectNodeContents(label);
  const line = range.getClientRects()[0], box = input.getBoundingClientRect();
  return [input.id, Math.abs((box.top + box.bottom) / 2 - (line.top + line.bottom) / 2) <= line.height / 2,
          box.right <= line.left];
})"""


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_radio_and_checkbox_sits_beside_the_first_line_of_its_label(sized, site_url, prefix):
    wrong = []
    for path in MODULES:
        sized.goto(f"{site_url}{prefix}{path}")
        wrong += [(path, id) for id, same_line, beside in sized.evaluate(FIRST_LINES) if not (same_line and beside)]
    assert not wrong, wrong


@pytest.mark.parametrize("path, anchor", [("/ghid/costificarea/", "#metodologia"), ("/glosar/", "#contractare-sociala"),
                                          ("/studii-de-caz/spalatorie-sociala-glodeni/", ""), ("/rezultate/", ""),
                                          ("/cursuri/servicii-comunitare/certificat/", ""), ("/", "")])
def test_switching_language_lands_on_the_same_page_and_section(page, site_url, path, anchor):
    page.goto(f"{site_url}{path}{anchor}")
    page.locator(".md-header [hreflang=en]").first.dispatch_event("click")
    page.wait_for_url(f"{site_url}/en{path}{anchor}")
    assert page.locator("html").get_attribute("lang") == "en"
    page.locator(".md-header [hreflang=ro]").first.dispatch_event("click")
    page.wait_for_url(f"{site_url}{path}{anchor}")


@pytest.mark.parametrize("prefix, lang, title, other", [("", "ro", "Pagina nu a fost găsită", "en"),
                                                        ("/en", "en", "Page not found", "ro")])
def test_each_language_has_its_own_page_not_found_with_a_way_forward(page, site_url, prefix, lang, title, other):
    response = page.goto(f"{site_url}{prefix}/nu/exista/nicio/pagina/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    assert page.locator("h1").text_content().strip().startswith(title)
    assert page.locator("form.bss-header-search").count() == 1  # search from here
    links = page.locator(".md-content li a")
    assert links.count() >= 6
    links.filter(has_text="Glosar" if lang == "ro" else "Glossary").click()
    page.wait_for_url(f"{site_url}{prefix}/glosar/")
    page.goto(f"{site_url}{prefix}/nu/exista/")
    switch = page.locator(f".md-header [hreflang={other}]").first.get_attribute("href")
    assert switch.rstrip("/").endswith("404") and "cursuri" not in switch


@pytest.mark.parametrize("prefix, lang", [("", "ro"), ("/en", "en")])
def test_the_glossary_is_in_each_languages_alphabetical_order(page, site_url, prefix, lang):
    terms = yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]
    want = [t["id"] for t in sorted(terms, key=lambda t: sort_key(t["term"].get(lang, t["term"]["ro"]), lang))]
    page.goto(f"{site_url}{prefix}/glosar/")
    assert page.locator("dl.bss-glossary dt").evaluate_all("els => els.map(e => e.id)") == want
    other = "en" if lang == "ro" else "ro"
    first = page.locator("dl.bss-glossary dt").first
    assert first.locator(f"[lang={other}]").count() == 1  # and each term in the other language beside it


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_the_menu_says_where_the_reader_is_and_reaches_chapters_and_modules(page, site_url, prefix):
    for path, title_file in (("/ghid/costificarea/", ROOT / "data/guide/costificarea.yml"),
                             ("/cursuri/contractarea-sociala/costul-serviciului/",
                              ROOT / "courses/contractarea-sociala/costul-serviciului.yml"),
                             ):
        page.goto(f"{site_url}{prefix}{path}")
        title = yaml.safe_load(title_file.read_text(encoding="utf-8"))["title"]["en" if prefix else "ro"]
        active = page.locator(".md-nav--primary .md-nav__link--active").evaluate_all("els => els.map(e => e.textContent.trim())")
        assert title in active, (path, active)
    # A case study is not in the menu (each would carry every other one): its section is open there.
    page.goto(f"{site_url}{prefix}/studii-de-caz/spalatorie-sociala-glodeni/")
    section = page.locator(".md-nav--primary .md-nav__item--active").first
    assert section.locator(".md-nav__link").first.inner_text().strip() == ("Case studies" if prefix else "Studii de caz")
    assert page.locator(".md-nav--primary a[href*='spalatorie']").count() == 0
    page.goto(f"{site_url}{prefix}/")
    menu = page.locator(".md-nav--primary").first
    site_name = "Better Social Services" if prefix else "Servicii sociale mai bune"
    assert menu.inner_text().count(site_name) == 1  # once, at the top of the menu
    assert page.title() == site_name or page.title().count(site_name) == 1
    links = page.locator(".md-content a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert "ghid/" in links and "cursuri/" in links  # the home page leads to the guide and the courses


def test_a_search_box_in_the_header_of_every_page_loads_search_only_when_used(context, site_url):
    requests = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    for prefix in ("", "/en"):
        page.goto(f"{site_url}{prefix}/ghid/costificarea/")
        assert not [u for u in requests if "pagefind" in u]
        page.locator("#bss-header-q").fill("Glodeni")
        page.keyboard.press("Enter")
        page.wait_for_url(f"{site_url}{prefix}/cautare/?q=Glodeni")
        found = search_results(page, "Glodeni")
        assert f"{prefix}/studii-de-caz/spalatorie-sociala-glodeni/" in found
        requests.clear()


def test_result_charts_are_readable_at_phone_width(browser, site_url):
    ctx = browser.new_context(viewport={"width": 390, "height": 900})
    page = ctx.new_page()
    for prefix in ("", "/en"):
        page.goto(f"{site_url}{prefix}/rezultate/")
        labels = page.locator(".bss-bar__label").evaluate_all(
            "els => els.map(e => [parseFloat(getComputedStyle(e).fontSize), e.getBoundingClientRect().width])")
        assert labels and all(size >= 12 and width >= 200 for size, width in labels), labels
        values = [int(v) for v in page.locator(".bss-bar__value").all_text_contents()]
        assert len(set(values)) > 1
        assert page.locator("table.bss-chart-table").count() == 0  # the data once, not chart then table
    ctx.close()


def test_cards_on_programme_and_partner_pages_have_room_for_their_titles(sized, site_url):
    for path in ("/programe/ssmb-2021/", "/parteneri/clinica-juridica-balti/", "/en/programe/ssmb-2021/"):
        sized.goto(f"{site_url}{path}")
        titles = sized.locator(".bss-card__title").evaluate_all("els => els.map(e => e.getBoundingClientRect().width)")
        assert titles and min(titles) >= 160, (path, titles)


def test_a_whole_guide_print_shows_every_short_link(page, site_url):
    page.goto(f"{site_url}/ghid/complet/")
    page.emulate_media(media="print")
    chapters = yaml.safe_load((ROOT / "data/guide/costificarea.yml").read_text(encoding="utf-8"))
    shown = page.locator(".bss-short code").all_text_contents()
    assert "https://servicii-sociale.example.org/g/costificarea/" in shown
    for section in chapters["sections"]:
        assert f"https://servicii-sociale.example.org/g/costificarea/{section['id']}/" in shown
    assert all(re.match(r"https://", s) for s in shown)
