"""Search: in the reader's language only, whatever the diacritics."""
from __future__ import annotations

import pytest

from browsing import search_results
from helpers import ROOT


def results(page, query: str, prefix: str = "") -> list[str]:
    """The links of the results' first page, once each of them has loaded (the message gives their
    number once the search is done; each result fills in on its own, so wait for the links, not for
    a fixed time). Every query here finds something."""
    page.goto(f"{page.context.base}{prefix}/cautare/?q={query}")
    return search_results(page, query)


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
    assert search_results(page, "costificare")


def test_results_come_on_a_slow_connection(search_page):
    """Each request takes 0.8 s more, as on a slow rural line: results are read once they have come
    (a test that read them a fixed time after the first message saw none)."""
    cdp = search_page.context.new_cdp_session(search_page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", {"offline": False, "latency": 800, "downloadThroughput": -1,
                                                   "uploadThroughput": -1})
    assert "/studii-de-caz/echipa-mobila-cimislia/" in results(search_page, "Cimislia")


@pytest.mark.parametrize("query, prefix", [("spalatorie", ""), ("laundry", "/en")])
def test_an_easy_to_read_page_comes_after_its_full_page(search_page, query, prefix):
    found = results(search_page, query, prefix)
    full = f"{prefix}/studii-de-caz/spalatorie-sociala-glodeni/"
    easy = [href for href in found if href.startswith(full) and href != full]
    assert full in found and easy, found
    assert found.index(full) < found.index(easy[0]), found


COURSES = len(list((ROOT / "courses").glob("*/course.yml")))


@pytest.mark.parametrize("query, prefix, word", [("certificat", "", "certificat de parcurgere"),
                                                 ("certificate", "/en", "certificate of completion")])
def test_each_courses_certificate_is_found_under_its_courses_name(search_page, query, prefix, word):
    """Every certificate page has the same heading: listed under it, their results read alike. Asked
    of the index itself (all its results, whatever the page of results shows first)."""
    search_page.goto(f"{search_page.context.base}{prefix}/cautare/")
    found = search_page.evaluate("""async query => {
        const pagefind = await import('/pagefind/pagefind.js');  // the index of the page's language
        const search = await pagefind.search(query);
        return Promise.all(search.results.map(async r => { const d = await r.data(); return [d.url, d.meta.title]; }));
    }""", query)
    certificates = {url: title for url, title in found if url.endswith("/certificat/")}
    assert len(certificates) == COURSES >= 2, found
    assert len(set(certificates.values())) == COURSES and all(t.endswith(f" — {word}") for t in certificates.values()), certificates
