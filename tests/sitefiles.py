"""Helpers for reading a built site: its pages, their links, their language."""
from __future__ import annotations

import html as htmllib
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

SKIP = ("assets/", "search/", "g/", "admin/")  # g/: short-link redirects, tested on their own; admin/: the editor


def page_paths(site: Path, lang: str) -> set[str]:
    """Published addresses (without the /en/ prefix) of the HTML pages of one language."""
    base = site if lang == "ro" else site / lang
    out = set()
    for file in base.rglob("index.html"):
        rel = file.relative_to(base).parent.as_posix()
        rel = "" if rel == "." else rel + "/"
        if lang == "ro" and re.match(r"[a-z]{2}/", rel):  # another language's pages
            continue
        if not rel.startswith(SKIP):
            out.add(rel)
    return out


def url_of(lang: str, path: str) -> str:
    return ("/en/" if lang == "en" else "/") + path


def read_page(site: Path, url: str) -> str:
    return (site / url.lstrip("/") / "index.html").read_text(encoding="utf-8")


def switcher_target(html: str, page_url: str, hreflang: str) -> str:
    match = re.search(rf'<a href="([^"]*)" hreflang="{hreflang}" class="md-select__link"', html)
    assert match, f"no language switcher entry for {hreflang} on {page_url}"
    return urljoin(page_url, match.group(1))


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r"<[^>]+>", " ", html)
    return re.sub(r"[ \t\r\n]+", " ", htmllib.unescape(html))


def article_text(html: str) -> str:
    """What a reader reads in a page's article: its visible text, without the headings' ¶ anchors."""
    article = re.search(r"<article\b.*?</article>", html, re.S).group(0)
    article = re.sub(r'<a [^>]*class="headerlink"[^>]*>.*?</a>', " ", article, flags=re.S)
    return visible_text(article).strip()


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, {name: value or "" for name, value in attrs}))


def start_tags(html: str) -> list[tuple[str, dict[str, str]]]:
    """Every start tag of a page, in order: its name and its attributes (character references decoded)."""
    parser = _Tags()
    parser.feed(html)
    parser.close()
    return parser.found


def with_class(tags: list[tuple[str, dict[str, str]]], name: str) -> list[int]:
    """The places in ``tags`` of the elements that have the class ``name``."""
    return [i for i, (_, attrs) in enumerate(tags) if name in attrs.get("class", "").split()]
