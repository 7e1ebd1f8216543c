"""Finishing one rendered page: its body sanitised, and whatever the theme copies out of the page
(title, description, table of contents) made as safe as the body; the short link beside each link
to the guide, for print.

Knows nothing of MkDocs: the page is anything with ``.url``, ``.title``, ``.meta`` (a dict) and
``.toc`` (items with ``.id``, ``.title`` and ``.children``), which MkDocs' Page is.
"""
from __future__ import annotations

from markupsafe import Markup, escape

from bss.addresses import form_actions_as_files, mark_short_links
from bss.sanitize import clean_html, rename_unsafe_ids, safe_id


THEME_WRITES = ("description", "search_label")  # the meta the theme writes as they are, besides the title


def finish_page(html: str, page, short: dict[str, str], directory_urls: bool = True, sanitise: bool = True) -> str:
    """The page body as the theme will use it. ``short`` maps each guide address to its short
    link (in the page's language); ``sanitise`` is off only for the test-only unsanitised build."""
    if sanitise:
        html, renamed = rename_unsafe_ids(html)
        html = clean_html(html)
        make_toc_safe(page.toc, renamed)
    html = mark_short_links(html, page.url, short)
    # The theme writes these into the HTML without escaping them (a page of docs/ may give any value:
    # a list in its front matter is written as text too).
    page.meta["title"] = str(escape(page.title or ""))
    for key in THEME_WRITES:
        if page.meta.get(key) is not None:
            page.meta[key] = str(escape(str(page.meta[key])))
    return html if directory_urls else form_actions_as_files(html)


def make_toc_safe(items, renamed: dict[str, str]) -> None:
    """Table-of-contents entries as plain text, linking to the ids the body has."""
    for item in list(items):
        item.id = renamed.get(item.id, item.id)
        if not safe_id(item.id):
            items.remove(item)
            continue
        item.title = str(escape(Markup(item.title).striptags()))
        make_toc_safe(item.children, renamed)
