"""Search: in the reader's language only, whatever the diacritics."""
from __future__ import annotations

import pytest

from browsing import assert_accessible


def results(page, query: str, prefix: str = "") -> list[str]:
    """The links of the results' first page, once each of them has loaded (the message gives their
    number once the search is done; each result fills in on its own, so wait for the links, not for
    a fixed time). Every query here finds something."""
    page.goto(f"{page.context.base}{prefix}/cautare/?q={query}")
    page.locator(".pagefind-ui__message").filter(has_text=query).wait_for(timeout=10000)
    page.wait_for_function("""() => {
        const n = parseInt(document.querySelector('.pagefind-ui__message').textContent.replace(/\\D+/g, ' ').trim(), 10);
        const shown = document.querySelectorAll('.pagefind-ui__result').length;
        return n > 0 && shown > 0 && document.querySelectorAll('.pagefind-ui__result-link').length >= Math.min(n, shown);
    }""", timeout=10000)
    return page.locator(".pagefind-ui__result-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")


@pytest.fixture
def search_page(page, site_url):
    page.context.base = site_url
    return page


@pytest.mark.parametrize("query", ["psihopedagogica", "psihopedagogică", "PSIHOPEDAGOGICA", "îngrijire", "ingrijire",
                                   "Cimişlia", "Cimișlia", "Cimislia"])
def test_diacritics_and_cedilla_do_not_matter(search_page, query):
    found = results(search_page, query)
    want = {"psihopedagogica": "asistenta-psihopedagogica-leova", "ingrijire": "ingrijire-sociala-ungheni",
            "cimislia": "echipa-mobila-cimislia"}
    folded = query.lower().translate(str.maketrans("ăâîșşțţ", "aaisstt"))
    assert f"/studii-de-caz/{want[folded]}/" in found, found
    assert all(not href.startswith("/en/") for href in found)


def test_results_are_in_the_readers_language_only(search_page):
    found = results(search_page, "laundry", "/en")
    assert found and all(href.startswith("/en/") for href in found)
    assert "/en/studii-de-caz/spalatorie-sociala-glodeni/" in found


def test_multi_word_query_without_diacritics(search_page):
    found = results(search_page, "servicii sociale")
    assert len(found) >= 5


def test_home_page_search_box_leads_to_results(page, site_url):
    page.goto(f"{site_url}/")
    page.locator("#home-q").fill("costificare")  # the box in the page, not the one in the header
    page.keyboard.press("Enter")
    page.wait_for_url(f"{site_url}/cautare/?q=costificare")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=10000)


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_search_page_passes_axe(page, site_url, axe, prefix):
    page.goto(f"{site_url}{prefix}/cautare/?q=servicii")
    page.locator(".pagefind-ui__result").first.wait_for(timeout=10000)
    assert_accessible(axe, page)
