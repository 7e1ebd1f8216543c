"""The browser the tests drive: Debian's Chromium, opening nothing of its own beside the pages."""
from __future__ import annotations

import re
from pathlib import Path

import playwright

from transfer import PLAYWRIGHTS_DISABLED_FEATURES, UNNEEDED_FEATURES


def test_a_new_context_opens_no_page_of_the_browsers_own_interface(browser):
    """A context is a window; the address bar's drop-down is a page of its own (a WebUI), which
    Chromium loads in every window unless told not to: about half the processor time of a test."""
    browser_side = browser.new_browser_cdp_session()
    ctx = browser.new_context()
    try:
        ctx.new_page().goto("data:text/html,<p>Text</p>")
        targets = browser_side.send("Target.getTargets", {"filter": [{}]})["targetInfos"]
    finally:
        ctx.close()
        browser_side.detach()
    assert [t["type"] for t in targets if t["type"] in ("page", "tab")], targets
    interface = [t["url"] for t in targets if t["type"] == "browser_ui"]
    assert not interface, f"Chromium opened pages of its own for the new context: {interface}"


def test_our_disabled_features_keep_every_one_playwright_disables():
    """Chromium keeps the last --disable-features: ours replaces Playwright's, so it must repeat it."""
    bundle = Path(playwright.__file__).parent / "driver/package/lib/coreBundle.js"
    found = re.search(r"disabledFeatures = \[(.*?)\]\.filter\(Boolean\)", bundle.read_text(encoding="utf-8"), re.S)
    assert found, (f"Playwright's list of the Chromium features it disables is no longer where it was "
                   f"({bundle}: disabledFeatures): find it and compare bench/transfer.py's list with it")
    listed = re.sub(r"//[^\n]*", "", found.group(1))
    theirs = set(re.findall(r'"([^"]+)"', listed))
    assert theirs, found.group(0)
    assert theirs <= set(PLAYWRIGHTS_DISABLED_FEATURES), sorted(theirs - set(PLAYWRIGHTS_DISABLED_FEATURES))
    assert not theirs & set(UNNEEDED_FEATURES)
