"""The offline build (`make offline`), opened from a folder with no network and no server (file://)."""
from __future__ import annotations

import re

from pathlib import Path

import pytest
from playwright.sync_api import expect

from helpers import ROOT, mkdocs_build, shared_build
from quizzing import MODULES, answer_all


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    def make(folder: Path) -> Path:
        result = mkdocs_build(ROOT, folder / "site-offline", "mkdocs-offline.yml")
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        return folder / "site-offline"
    return shared_build(tmp_path_factory, "offline_site", make)


@pytest.fixture
def usb(browser, offline_site):
    """A browser with no network at all, recording every request and every script error."""
    ctx = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.requests, page.problems = [], []
    page.on("request", lambda r: page.requests.append(r.url))
    # A request the browser cancels because the reader moved on (net::ERR_ABORTED) is no failure;
    # a missing or blocked file (ERR_FILE_NOT_FOUND, ERR_FAILED) is.
    page.on("requestfailed", lambda r: None if r.failure == "net::ERR_ABORTED" else
            page.problems.append(f"failed: {r.url} ({r.failure})"))
    page.on("pageerror", lambda e: page.problems.append(f"script error: {e}"))
    page.root = offline_site.as_uri()
    yield page
    assert not page.problems, page.problems
    assert all(u.startswith(("file://", "data:", "blob:")) for u in page.requests)
    ctx.close()


def test_pages_are_files_and_the_home_page_links_to_them(offline_site):
    pages = list(offline_site.rglob("*.html"))
    assert len(pages) > 50
    assert not [p for p in pages if p.name == "index.html" and p.parent.name not in ("", "en") and
                (p.parent.with_suffix(".html")).exists()]
    home = (offline_site / "index.html").read_text(encoding="utf-8")
    assert 'href="studii-de-caz/index.html"' in home and 'action="cautare.html"' in home


def test_a_reader_browses_from_a_folder(usb):
    page = usb
    page.goto(f"{page.root}/index.html")
    page.locator(".md-content a[href='studii-de-caz/index.html']").first.click()
    assert page.url.endswith("/studii-de-caz/index.html")
    page.locator(".bss-card[data-case=spalatorie-sociala-glodeni] a").first.click()
    assert page.url.endswith("/studii-de-caz/spalatorie-sociala-glodeni.html")
    page.locator(".md-header [hreflang=en]").first.dispatch_event("click")
    page.wait_for_url("**/en/studii-de-caz/spalatorie-sociala-glodeni.html")
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto(f"{page.root}/g/costificarea/metodologia/index.html")
    page.wait_for_url("**/ghid/costificarea.html#metodologia")
    assert page.locator("#metodologia").is_visible()


def test_the_catalogue_filters_from_a_folder(usb):
    page = usb
    page.goto(f"{page.root}/studii-de-caz/index.html")
    total = page.locator(".bss-card:visible").count()
    choices = page.locator("select").first.locator("option[data-label]:not([disabled])")  # the first that gives any
    page.locator("select").first.select_option(choices.first.get_attribute("value"))
    assert "?" in page.url
    page.wait_for_selector("[data-gallery]:not([aria-busy])", state="attached")  # the index of every card, loaded
    assert 0 < page.locator(".bss-card:visible").count() < total


def test_quiz_progress_survives_from_a_folder(usb):
    page = usb
    page.goto(f"{page.root}/cursuri/{MODULES[0]}.html")
    answer_all(page, MODULES[0])
    page.get_by_role("button", name="Verifică răspunsurile").click()
    page.locator(".bss-quiz__summary.is-passed").wait_for()
    page.reload()
    page.locator(".bss-quiz__summary.is-passed").wait_for()
    page.goto(f"{page.root}/cursuri/servicii-comunitare/index.html")
    assert f"1 din {len(MODULES)}" in page.locator("main").inner_text()


@pytest.mark.parametrize("prefix, reason", [("", "dintr-un dosar"), ("/en", "from a folder")])
def test_search_says_why_it_is_off_and_where_to_go(usb, prefix, reason):
    page = usb
    page.goto(f"{page.root}{prefix}/index.html")
    page.locator("#home-q").fill("asistenta")
    page.keyboard.press("Enter")
    page.wait_for_url("**/cautare.html?q=asistenta")
    fallback = page.locator("[data-search-fallback]")
    assert reason in fallback.inner_text()
    fallback.locator("a[href$='ghid/complet.html']").click()
    assert page.url.endswith(f"{prefix}/ghid/complet.html")


def test_copying_a_section_address_gives_the_public_short_link(usb):
    page = usb
    page.goto(f"{page.root}/ghid/costificarea.html")
    page.locator("#metodologia ~ .bss-short-link button.bss-copy").first.click()
    expect(page.locator(".bss-copied").first).not_to_have_text("")
    assert page.locator(".bss-copied").first.text_content().startswith("✓")


def test_the_open_data_page_links_its_files_from_a_folder(offline_site):
    for page, stem in (("studii-de-caz/date-deschise.html", "studii-de-caz/studii-de-caz"),
                       ("en/studii-de-caz/date-deschise.html", "en/studii-de-caz/case-studies")):
        html = (offline_site / page).read_text(encoding="utf-8")
        hrefs = re.findall(r'<a href="([^"]+)" download="">(?:CSV|JSON)</a>', html)
        assert [((offline_site / page).parent / h).resolve() for h in hrefs] == \
            [(offline_site / f"{stem}.{kind}").resolve() for kind in ("csv", "json")]
