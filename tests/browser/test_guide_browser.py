"""The guide in a real browser: copying a section's address, short links, accessibility."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect



@pytest.mark.parametrize("prefix", ["", "/en"])
def test_copy_link_gives_the_printed_short_link_and_says_so_beside_the_button(context, site_url, prefix):
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page = context.new_page()
    page.goto(f"{site_url}{prefix}/ghid/costificarea/")
    row = page.locator("#metodologia ~ .bss-short-link").first
    printed = row.locator(".bss-short code").text_content()
    assert printed == f"https://servicii-sociale.example.org{prefix}/g/costificarea/metodologia/"
    row.locator("button.bss-copy").focus()
    page.keyboard.press("Enter")
    expect(row.locator(".bss-copied")).to_have_text("✓ " + ("The short link was copied." if prefix else "Linkul scurt a fost copiat."))
    assert page.evaluate("navigator.clipboard.readText()") == printed


def test_copy_buttons_are_hidden_without_javascript(browser, site_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{site_url}/ghid/costificarea/")
    assert page.locator("button.bss-copy").first.is_hidden()
    assert "/g/costificarea/metodologia/" in page.locator("#metodologia ~ .bss-short-link .bss-short").first.text_content()
    ctx.close()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_short_link_lands_on_its_section(page, site_url, prefix):
    page.goto(f"{site_url}{prefix}/g/costificarea/metodologia/")
    page.wait_for_url(f"{site_url}{prefix}/ghid/costificarea/#metodologia")
    assert page.locator("#metodologia").is_visible()


def test_short_link_works_without_javascript(browser, site_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{site_url}/en/g/parteneriatul/")
    page.wait_for_url(f"{site_url}/en/ghid/parteneriatul/")
    ctx.close()



def test_glossary_term_explains_itself_on_focus_and_hover_and_escape_closes_it(page, site_url):
    page.clock.install()  # the page's timers run when the test says: no waiting a fixed time
    page.goto(f"{site_url}/ghid/procedura-de-achizitie/")
    term = page.locator("a.bss-term", has_text="autoritate contractantă").first
    tip = page.locator("#bss-tip")
    definition = "autoritatea publică, centrală sau locală, care cumpără un serviciu"
    term.focus()
    tip.filter(has_text=definition).wait_for(state="visible")
    assert term.get_attribute("aria-describedby") == "bss-tip" and term.get_attribute("title") is None
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")
    page.locator("h1").focus()
    term.hover()
    tip.filter(has_text=definition).wait_for(state="visible")
    tip.hover()  # the pointer may move onto the definition
    page.clock.run_for(2000)  # every timer due in the next 2 s: the one that hides it was stopped
    assert tip.is_visible()
    page.locator("h1").hover()  # and away from both: it goes
    page.clock.run_for(2000)
    assert tip.is_hidden()
    assert term.get_attribute("href") == "../../glosar/#autoritate-contractanta"


@pytest.mark.parametrize("path", ["/ghid/costificarea/", "/cursuri/servicii-comunitare/dezvoltarea-serviciului/"])
@pytest.mark.parametrize("width", [390, 1280])
def test_previous_and_next_links_stand_apart(browser, site_url, path, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.goto(f"{site_url}{path}")
    prev, nxt = (page.locator(f".bss-prevnext .{k}").bounding_box() for k in ("bss-prev", "bss-next"))
    ctx.close()
    below = nxt["y"] >= prev["y"] + prev["height"]
    beside_with_a_gap = nxt["x"] >= prev["x"] + prev["width"] + 16
    assert below or beside_with_a_gap, (prev, nxt)
