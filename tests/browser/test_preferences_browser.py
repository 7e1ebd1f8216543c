"""The reader's system preferences, honoured by the quizzes, the course page and the catalogue:
less motion, more contrast, and Windows' forced colours (emulated in Chromium)."""
from __future__ import annotations

import pytest

from browsing import assert_accessible
from quizzing import COURSE, MODULES, answer_all, module_url

M1 = MODULES[0]
CATALOGUE = "/studii-de-caz/"


def _checked_quiz(page, site_url, right=False):
    page.goto(module_url(site_url, M1))
    answer_all(page, M1, right=right)
    page.get_by_role("button", name="Verifică răspunsurile").click()
    page.locator(".bss-quiz__summary.is-failed, .bss-quiz__summary.is-passed").wait_for()


def _durations(page, selector: str, pseudo: str | None = None) -> set[str]:
    return set(page.locator(selector).evaluate_all(
        "(els, p) => els.map(e => getComputedStyle(e, p).transitionDuration)", pseudo))


STILL = """root => [document.documentElement, ...root.querySelectorAll('*')].filter(e => {
    const s = getComputedStyle(e);
    return s.animationName !== 'none' || (s.transitionDuration.split(',').some(d => parseFloat(d) > 0))
        || s.scrollBehavior === 'smooth';
}).map(e => e.className || e.tagName)"""


def test_less_motion_stops_the_quizs_transitions(page, site_url):
    """The theme turns transitions off for whoever asks for less motion; nothing of the site's own
    may move either (no animation, no smooth scrolling)."""
    _checked_quiz(page, site_url)
    moving = _durations(page, ".bss-quiz button.md-button") | _durations(page, ".bss-quiz details summary", "::after")
    assert moving - {"0s"}  # they move, for whoever has not asked otherwise
    page.emulate_media(reduced_motion="reduce")
    assert _durations(page, ".bss-quiz button.md-button") == {"0s"}
    assert _durations(page, ".bss-quiz details summary", "::after") == {"0s"}
    assert _durations(page, ".bss-quiz details") == {"0s"}
    assert page.locator("form.bss-quiz").evaluate(STILL) == []
    page.goto(f"{site_url}{COURSE}")
    assert _durations(page, ".bss-course-start a, .bss-transfer .md-button") == {"0s"}
    assert page.locator("article").evaluate(STILL) == []


def test_less_motion_in_the_catalogue(page, site_url):
    page.goto(f"{site_url}{CATALOGUE}")
    page.emulate_media(reduced_motion="reduce")
    assert _durations(page, ".bss-filters .md-button, .bss-filters select, a.bss-tile") == {"0s"}
    assert page.locator("article").evaluate(STILL) == []


def test_more_contrast_darkens_the_quizs_borders_and_muted_text(page, site_url, axe):
    _checked_quiz(page, site_url)
    width = "q => getComputedStyle(q).borderTopWidth"
    muted = "e => getComputedStyle(e).color"
    assert page.locator("fieldset.bss-q").first.evaluate(width) == "1px"
    assert page.locator(".bss-q__hint").first.evaluate(muted) != "rgb(26, 26, 26)"
    page.emulate_media(contrast="more")
    assert page.locator("fieldset.bss-q").first.evaluate(width) == "2px"
    assert page.locator(".bss-q__hint").first.evaluate(muted) == "rgb(26, 26, 26)"
    assert_accessible(axe, page)


def test_more_contrast_in_the_catalogue(page, site_url):
    page.goto(f"{site_url}{CATALOGUE}")
    tile = page.locator("a.bss-tile").first
    assert tile.evaluate("t => getComputedStyle(t).outlineStyle") == "none"
    page.emulate_media(contrast="more")
    assert tile.evaluate("t => getComputedStyle(t).outlineStyle") == "solid"
    assert page.locator(".bss-filter select").first.evaluate("s => getComputedStyle(s).borderTopWidth") == "2px"


def test_forced_colours_keep_the_verdicts_and_the_next_module_outlined(page, site_url):
    page.emulate_media(forced_colors="active")
    _checked_quiz(page, site_url)
    result = page.locator(".bss-q__result.is-wrong").first
    style = result.evaluate("r => { const s = getComputedStyle(r); return [s.borderTopStyle, s.borderLeftStyle, s.borderLeftWidth]; }")
    assert style[0] != "none" and style[1] == "double" and float(style[2].rstrip("px")) >= 5
    assert result.locator("[data-verdict]").text_content().strip() == "✘ Nu chiar"  # said in words, not colour
    page.emulate_media(forced_colors="none")
    assert result.evaluate("r => getComputedStyle(r).borderTopStyle") == "none"
    page.emulate_media(forced_colors="active")
    page.goto(f"{site_url}{COURSE}")
    assert page.locator("li.is-next").evaluate("l => getComputedStyle(l).borderLeftStyle") == "solid"


def test_forced_colours_in_the_catalogue(page, site_url):
    page.emulate_media(forced_colors="active")
    page.goto(f"{site_url}{CATALOGUE}")
    tile = page.locator(".bss-tile").first
    assert tile.evaluate("t => getComputedStyle(t).borderTopStyle") == "solid"
    page.emulate_media(forced_colors="none")
    assert tile.evaluate("t => getComputedStyle(t).borderTopStyle") == "none"


@pytest.mark.parametrize("prefs", [{"reduced_motion": "reduce"}, {"contrast": "more"}, {"forced_colors": "active"}])
def test_the_quiz_works_the_same_with_each_preference(page, site_url, prefs):
    page.emulate_media(**prefs)
    _checked_quiz(page, site_url, right=True)
    assert page.locator(".bss-quiz__summary.is-passed").is_visible()
    page.goto(f"{site_url}{COURSE}")
    assert page.locator("a[data-start]").text_content().startswith("Continuați cu modulul 2")
