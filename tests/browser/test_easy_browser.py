"""Easy-to-read pages, as a reader finds and reads them: from the full page and back (a page of each
kind; every page's links: tests/test_easy.py), through search, in type that is large, left-aligned,
never italic or capitals, and accessible."""
from __future__ import annotations

import pytest
import yaml

from browsing import assert_accessible, search_results
from helpers import EASY_SLUG, ROOT, pages_with_easy_version

PREFIX = {"ro": "", "en": "/en"}


def one_of_each_kind() -> list[str]:
    """The home page, a case study and a module: each kind of full page has a template of its own, and
    an easy page shows only plain text and described icons (every page's two links, and its language,
    are checked without a browser in tests/test_easy.py)."""
    pages = pages_with_easy_version()
    return ["", *(next(p for p in pages if p.startswith(kind)) for kind in ("studii-de-caz/", "cursuri/"))]


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_a_reader_clicks_from_a_full_page_to_its_easy_version_and_back(page, site_url, axe, lang):
    for full in one_of_each_kind():
        page.goto(f"{site_url}{PREFIX[lang]}/{full}")
        page.locator(".bss-easy-link a").click()
        page.wait_for_url(f"{site_url}{PREFIX[lang]}/{full}{EASY_SLUG[lang]}/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator(".bss-easy__point").count() >= 2
        assert_accessible(axe, page)
        page.locator(".bss-back").click()
        page.wait_for_url(f"{site_url}{PREFIX[lang]}/{full}")


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_easy_text_is_large_left_aligned_and_never_italic_or_capitals(page, site_url, lang):
    page.goto(f"{site_url}{PREFIX[lang]}/studii-de-caz/spalatorie-sociala-glodeni/")
    body = page.locator(".md-content p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    page.goto(f"{site_url}{PREFIX[lang]}/studii-de-caz/spalatorie-sociala-glodeni/{EASY_SLUG[lang]}/")
    styles = page.locator(".bss-easy__point p").evaluate_all(
        """els => els.map(e => { const s = getComputedStyle(e);
             return {size: parseFloat(s.fontSize), line: parseFloat(s.lineHeight), align: s.textAlign,
                     style: s.fontStyle, transform: s.textTransform}; })""")
    assert styles
    for s in styles:
        assert s["size"] >= body * 1.15 and s["line"] >= s["size"] * 1.5, s
        assert s["align"] in ("left", "start") and s["style"] == "normal" and s["transform"] == "none", s
    heading = page.locator("article h1").evaluate("e => [getComputedStyle(e).fontStyle, getComputedStyle(e).textTransform]")
    assert heading == ["normal", "none"]
    assert page.locator(".bss-easy em, .bss-easy i").count() == 0


@pytest.mark.parametrize(("lang", "query", "label"), [("ro", "spalatoria", "ușor de citit"), ("en", "laundry", "easy to read")])
def test_search_lists_the_easy_version_under_its_own_title(page, site_url, lang, query, label):
    record = yaml.safe_load((ROOT / "data/case-studies/spalatorie-sociala-glodeni.yml").read_text(encoding="utf-8"))
    title = f"{record['title'][lang]} — {label}"
    page.goto(f"{site_url}{PREFIX[lang]}/cautare/?q={query}")
    search_results(page, query)
    link = page.locator(".pagefind-ui__result-link", has_text=title)
    assert link.get_attribute("href") == f"{PREFIX[lang]}/studii-de-caz/spalatorie-sociala-glodeni/{EASY_SLUG[lang]}/"
