"""Addresses in built HTML, rewritten where MkDocs does not: a page served at any address (the
"page not found"), form actions in the build with .html addresses, and the short link beside each
link to a guide chapter or section, for print."""
from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin

_RELATIVE = re.compile(r'(\s(?:href|src|action)=")(?![a-z][a-z0-9+.-]*:|/|#)([^"]*)(")', re.I)


def absolute_addresses(html: str, page_url: str, base: str = "/") -> str:
    """``html`` of the page at ``page_url`` with its relative addresses made absolute under ``base``
    (the site's path, ``/`` or ``/project/``): a "page not found" is served at any address."""
    def absolute(match: re.Match[str]) -> str:
        path = posixpath.normpath(posixpath.join(base, page_url, match.group(2)))
        folder = (match.group(2).endswith("/") or not match.group(2)) and path != "/"
        return match.group(1) + path + ("/" if folder else "") + match.group(3)
    html = _RELATIVE.sub(absolute, html)
    # The theme's scripts find the site's root from the "base" of their configuration.
    return re.sub(r'("base": ")([^"]*)(")', lambda m: m.group(1) + posixpath.normpath(posixpath.join(base, page_url, m.group(2)))
                  + m.group(3), html, count=1)


_FORM_ACTION = re.compile(r'(<form\b[^>]*?\baction=")([^":?#]*/)(")')


def form_actions_as_files(html: str) -> str:
    """Form actions written as folders (``cautare/``) pointed at their page file (``cautare.html``).

    MkDocs rewrites links, not form actions; this does it for the build with ``.html`` addresses
    (``use_directory_urls: false``), which is the one that works opened from a folder.
    """
    def to_file(match: re.Match[str]) -> str:
        path = match.group(2)
        path = path + "index.html" if path.endswith("../") or path == "./" else path[:-1] + ".html"
        return match.group(1) + path + match.group(3)
    return _FORM_ACTION.sub(to_file, html)


_LINK = re.compile(r'<a\b([^>]*?)\shref="([^"#][^"]*)"([^>]*)>')


def mark_short_links(html: str, page_url: str, short_links: dict[str, str]) -> str:
    """Each link in ``html`` (the page at ``page_url``) to a guide chapter or section given a
    ``data-bss-short`` attribute: its short link, which print shows after the link's text.
    ``short_links`` maps a published address (``/ghid/x/#y``) to its short link."""
    def mark(match: re.Match[str]) -> str:
        short = short_links.get(urljoin("/" + page_url, match.group(2)))
        if short is None or "data-bss-short" in match.group(0):
            return match.group(0)
        return f'<a{match.group(1)} href="{match.group(2)}"{match.group(3)} data-bss-short="{short}">'
    return _LINK.sub(mark, html)
