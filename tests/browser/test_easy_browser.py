"""Easy-to-read pages, as a reader finds and reads them: from the full page and back, through
search, in type that is large, left-aligned, never italic or capitals, and accessible."""
from __future__ import annotations

import pytest
import yaml

from browsing import assert_accessible, search_results
from helpers import ROOT

WORD = {lang: yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8"))["easy.slug"] for lang in ("ro", "en")}
PREFIX = {"ro": "", "en": "/en"}


def full_pages() -> list[str]:
    """Every page that has an easy-to-read version, worked out from the data files."""
    pages = [""] if (ROOT / "data/easy/acasa.yml").exists() else []
    for file in sorted((ROOT / "data/case-studies").glob("*.yml")):
        if "easy" in yaml.safe_load(file.read_text(encoding="utf-8")):
            pages.append(f"studii-de-caz/{file.stem}/")
    for file in sorted((ROOT / "courses").glob("*/*.yml")):
        if file.stem != "course" and "easy" in yaml.safe_load(file.read_text(encoding="utf-8")):
            pages.append(f"cursuri/{file.parent.name}/{file.stem}/")
    return pages


def test_every_case_study_and_module_has_an_easy_version():
    case_studies = len(list((ROOT / "data/case-studies").glob("*.yml")))
    modules = len([f for f in (ROOT / "courses").glob("*/*.yml") if f.stem != "course"])
    assert len(full_pages()) == 1 + case_studies + modules


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_each_easy_page_is_reached_from_its_full_page_and_leads_back(page, site_url, axe, lang):
    for full in full_pages():
        page.goto(f"{site_url}{PREFIX[lang]}/{full}")
        page.locator(".bss-easy-link a").click()
        page.wait_for_url(f"{site_url}{PREFIX[lang]}/{full}{WORD[lang]}/")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator(".bss-easy__point").count() >= 2
        assert_accessible(axe, page)
        page.locator(".bss-back").click()
        page.wait_for_url(f"{site_url}{PREFIX[lang]}/{full}")


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_easy_text_is_large_left_aligned_and_never_italic_or_capitals(page, site_url, lang):
    page.goto(f"{site_url}{PREFIX[lang]}/studii-de-caz/spalatorie-sociala-glodeni/")
    body = page.locator(".md-content p").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    page.goto(f"{site_url}{PREFIX[lang]}/studii-de-caz/spalatorie-sociala-glodeni/{WORD[lang]}/")
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
    assert link.get_attribute("href") == f"{PREFIX[lang]}/studii-de-caz/spalatorie-sociala-glodeni/{WORD[lang]}/"
