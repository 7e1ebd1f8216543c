"""Page-weight budgets, in Chromium over a host-like server (gzip, cacheable): bytes, not timings."""
from __future__ import annotations

import pytest

import helpers  # noqa: F401  (puts bench/ on the path)
from search_payload import BUDGET_FIRST_SEARCH
from server import HostLikeServer
from transfer import BUDGET_FIRST_VISIT, BUDGET_NEXT_PAGE, Recorder
from weights import FIRST, NEXT


@pytest.fixture(scope="module")
def host(built_site):
    server = HostLikeServer(built_site)
    yield server.url
    server.close()


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_a_case_study_first_visit_fits_the_budget(browser, host, prefix):
    ctx = browser.new_context()
    got = Recorder(ctx.new_page()).visit(f"{host}/{prefix}{FIRST['case study']}")
    ctx.close()
    assert got.by_kind()["html"] > 0 and got.by_kind()["css"] > 0 and got.by_kind()["js"] > 0
    assert got.total <= BUDGET_FIRST_VISIT, got.by_url


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_second_page_fits_the_budget(browser, host, prefix):
    ctx = browser.new_context()
    recorder = Recorder(ctx.new_page())
    over = {}
    recorder.visit(f"{host}/{prefix}{FIRST['case study']}")
    for label, path in NEXT.items():  # browsing on from the case study, page after page
        got = recorder.visit(f"{host}/{prefix}{path}")
        assert got.by_kind()["html"] > 0, label  # the page itself is always fetched
        if got.total > BUDGET_NEXT_PAGE:
            over[label] = got.by_url
    ctx.close()
    assert not over, over


def test_the_host_like_server_compresses_and_lets_the_browser_cache(browser, host, built_site):
    ctx = browser.new_context()
    recorder = Recorder(ctx.new_page())
    first = recorder.visit(f"{host}/{FIRST['case study']}")
    again = recorder.visit(f"{host}/{NEXT['another case study']}")
    ctx.close()
    css = [u for u in first.by_url if u.endswith(".css")]
    assert css and not [u for u in again.by_url if u.endswith(".css")]
    page_file = built_site / FIRST["case study"] / "index.html"
    assert first.by_kind()["html"] < page_file.stat().st_size / 2  # wire sizes, compressed


@pytest.mark.parametrize("prefix, query, lang, other", [("", "asistenta", "ro", "en"), ("en/", "support", "en", "ro")])
def test_the_first_search_is_light_and_in_one_language(browser, host, prefix, query, lang, other):
    ctx = browser.new_context()
    page = ctx.new_page()
    recorder = Recorder(page)
    recorder.visit(f"{host}/{prefix}{FIRST['case study']}")
    recorder.visit(f"{host}/{prefix}cautare/?q={query}")
    page.locator(".pagefind-ui__result").first.wait_for()
    page.wait_for_load_state("networkidle")
    got = recorder.collect()
    ctx.close()
    index_files = [u.rsplit("/", 1)[-1] for u in got.by_url if "/pagefind/" in u]
    assert any(name.startswith(f"wasm.{lang}") for name in index_files), index_files
    assert not [name for name in index_files if f"{other}_" in name or name.startswith(f"wasm.{other}")]
    assert got.total <= BUDGET_FIRST_SEARCH, got.by_url
