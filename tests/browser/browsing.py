"""Helpers for the browser tests."""
from __future__ import annotations

# WCAG 2.1 A and AA, the bar the site is held to, and axe's best practices (landmark names that tell
# one menu from another, form fields with a visible label...): axe finds nothing, of either kind.
# resultTypes: axe details only the violations (the default of axe-playwright-python, which options
# replace): the passes of every rule on every node are most of its work and of what it sends back.
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
               "resultTypes": ["violations"]}


# Each card's case study, in the order shown: ``locator("li[data-case]").evaluate_all(CARDS)``.
CARDS = "els => els.map(e => e.dataset.case)"


def axe_report(axe, page) -> str:
    """What axe finds on the page as it is now, or an empty string."""
    results = axe.run(page, options=AXE_OPTIONS)
    return f"{page.url}\n{results.generate_report()}" if results.violations_count else ""


def assert_accessible(axe, page):
    report = axe_report(axe, page)
    assert not report, report


# The search for ``query`` has answered (its list of results is there: while searching, Pagefind
# shows only a message) and every result shown has loaded (each is a placeholder until Pagefind
# has fetched its title and link).
_SEARCHED = """query => {
    const message = document.querySelector('.pagefind-ui__message');
    return !!message && message.textContent.includes(query) && !!document.querySelector('.pagefind-ui__results')
        && !document.querySelector('.pagefind-ui__loading');
}"""


def search_results(page, query: str) -> list[str]:
    """The addresses of the results the search page shows for ``query``, once they have all come."""
    page.wait_for_function(_SEARCHED, arg=query)
    return page.locator(".pagefind-ui__result-link").evaluate_all("els => els.map(e => e.getAttribute('href'))")


# For elements given to evaluate_all: the text of the parent of each that begins a line below the
# parent's words before it (a heading's ¶ link, a group's count, left alone on a line of their own).
ALONE_ON_A_LINE = """elements => elements.filter(e => e.offsetParent).flatMap(e => {
    const before = document.createRange();
    before.setStart(e.parentElement, 0);
    before.setEndBefore(e);
    const lines = [...before.getClientRects()].filter(r => r.width > 0);
    return lines.length && e.getClientRects()[0].top >= lines.at(-1).bottom - 2 ? [e.parentElement.textContent] : [];
})"""


# Where a gallery of cards has its rows (catalogue): for the groups side by side and the cards of each
# group, each row's space left of its first item and right of its last, and how many items it has.
ROWS = """gallery => {
    const box = e => e.getBoundingClientRect();
    const rows = items => {  // items side by side: grouped by their top edge
        const out = {};
        for (const item of items) (out[Math.round(box(item).top)] ||= []).push(box(item));
        return Object.values(out);
    };
    const span = (row, within) => [Math.min(...row.map(r => r.left)) - box(within).left,
                                   box(within).right - Math.max(...row.map(r => r.right)), row.length];
    const groups = [...gallery.querySelectorAll('[data-group]:not([hidden])')];  // those the filters leave
    return {
        groups: rows(groups).map(row => span(row, gallery)),
        cards: groups.flatMap(g => rows([...g.querySelectorAll('li[data-case]:not([hidden])')]).map(row => span(row, g.querySelector('ul')))),
        width: box(gallery).width,
    };
}"""
