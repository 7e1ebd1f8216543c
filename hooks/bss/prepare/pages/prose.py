"""The Markdown an editor writes (a case study's story), in a page made straight into HTML
(``headings.py`` says why and how the page is assembled).

Turned into HTML with the site's extensions, as MkDocs would: each link to a page or file of the
site written as the address this build publishes, and listed, so that one that leads nowhere is
reported (``broken_links``), as MkDocs' strict build stopped on it; each heading given its id,
permalink and entry in the contents as ``toc`` gives them. The finishing stage sanitises these
pages like every other (``bss.finish.finish_page``).
"""
from __future__ import annotations

import difflib
import json
import posixpath
import re
import xml.etree.ElementTree as etree
from html.parser import HTMLParser
from typing import Any, cast
from urllib.parse import unquote, urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import remove_fnrefs, render_inner_html, strip_tags
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE

from bss.prepare.caches import Caches
from bss.prepare.pages.headings import Permalinks
from bss.prepare.pages.links import Links
from bss.problems import Problem
from bss.settings import markdown_arguments

EXPECTED = "a reference such as [[ghid:costificarea]], or a link from this page's file to a file of docs/"


class Prose:
    """One converter, with the site's extensions (``toc``'s work done by ``_Headings``), made once per
    build and reused for every text."""

    def __init__(self, extensions: list[Any], links: Links, caches: Caches):
        self.links = links
        self.extensions = extensions
        self.caches = caches

    def html(self, text: str, page: str, lang: str, used: set[str] | None = None,
             counters: dict[str, int] | None = None) -> tuple[str, list[tuple[str, str | None]], list[dict]]:
        """``text`` (Markdown, its references resolved: links to source files) as HTML, on the page
        ``page`` (its path in ``lang``); each link it has to the site, ``(as written, the file it
        leads to by source path)`` (None: from the site's root); and its headings' toc tokens, their
        ids unique among ``used`` (the page's, which take them)."""
        key = json.dumps(self.extensions, sort_keys=True, default=str)
        md = self.caches.get("prose", key, lambda: _converter(self.extensions))
        published = cast(_Published, md.treeprocessors["bss_published"])
        headings = cast(_Headings, md.treeprocessors["bss_headings"])
        published.at(self.links, page, lang)
        headings.at(set() if used is None else used, {} if counters is None else counters)
        return md.reset().convert(text), published.found, headings.tokens


def _converter(extensions: list[Any]) -> markdown.Markdown:
    permalinks = Permalinks.of(extensions)
    names, configs = markdown_arguments([e for e in extensions if (next(iter(e)) if isinstance(e, dict) else e) != "toc"])
    return markdown.Markdown(extensions=[*names, _Extension(permalinks)], extension_configs=configs)


class _Headings(Treeprocessor):
    """What ``toc`` does to the headings Markdown made (one written in raw HTML is not in the tree:
    it stays as written), with the ids the page has used already."""

    permalinks = Permalinks()
    used: set[str] = set()
    counters: dict[str, int] = {}
    tokens: list[dict] = []

    def at(self, used: set[str], counters: dict[str, int]) -> None:
        self.used, self.counters, self.tokens = used, counters, []

    def run(self, root) -> None:
        self.used.update(el.attrib["id"] for el in root.iter() if el.attrib.get("id"))
        for el in root.iter():
            if not (isinstance(el.tag, str) and len(el.tag) == 2 and el.tag[0] == "h" and el.tag[1] in "123456"):
                continue
            name = strip_tags(render_inner_html(remove_fnrefs(el), self.md))
            if not el.attrib.get("id"):
                el.attrib["id"] = self.permalinks.new_id(name, self.used, self.counters)
            self.tokens.append({"level": int(el.tag[1]), "id": el.attrib["id"], "name": name, "children": []})
            if self.permalinks.link is not False:
                link = etree.SubElement(el, "a")
                link.text = f"{AMP_SUBSTITUTE}para;" if self.permalinks.link is True else str(self.permalinks.link)
                link.attrib["href"] = "#" + el.attrib["id"]
                link.attrib["class"] = self.permalinks.css
                if self.permalinks.title:
                    link.attrib["title"] = self.permalinks.title


class _Published(Treeprocessor):
    """A link or image an editor wrote to a file of the site, relative to the page's source file
    (``../ghid/index.md``, ``../assets/images/x.jpg``), as the address this build publishes, as
    MkDocs would resolve it: a page in the page's language, any other file where it is."""

    links: Links
    page = ""
    lang = ""
    found: list[tuple[str, str | None]] = []  # each link to the site: as written, the file it leads to

    def at(self, links: Links, page: str, lang: str) -> None:
        self.links, self.page, self.lang, self.found = links, page, lang, []

    def run(self, root) -> None:
        for el in root.iter():
            name = {"a": "href", "img": "src"}.get(el.tag)
            value = el.get(name) if name else None
            if value:
                el.set(name, self.address(value))

    def address(self, url: str) -> str:
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url.startswith(("#", "\\")) or not parts.path:
            return url
        if url.startswith("/"):
            self.found.append((url, None))
            return url
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), unquote(parts.path)))
        self.found.append((url, target))
        if target.endswith(".md"):
            published = self.links.page_url(target, self.lang, self.links.directory_urls)
        else:  # a file: where it is, its name as written (%20 stays %20)
            published = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), parts.path))
        rel = self.links.file_href(published, self.page, self.lang)
        return rel + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def broken_links(pages, files: set[str], anchors: dict[tuple[str, str], frozenset]) -> list[Problem]:
    """Each link an editor wrote in the pages made into HTML (``RenderedPage.links``) that leads to
    no page or file of the site (``files``: by source path, the default language's), from the
    site's root (which a copy in a folder or under another address would break), or to an anchor
    that its page does not have (``anchors``: by language and source path, the pages made in HTML
    and the generated ones linked with an anchor; those of docs/ are the engine's to know)."""
    out = []
    for page in pages:
        for where, source, url, target in page.links:
            fragment, known = urlsplit(url).fragment, anchors.get((page.lang, target or ""))
            if target is None:
                out.append(Problem.at(where, f"the link '{url}' starts from the site's root", EXPECTED))
            elif fragment and known is not None and fragment not in known:
                ids = sorted(known)
                close = difflib.get_close_matches(fragment, ids, n=1, cutoff=0.6)
                out.append(Problem.at(where, f"the link '{url}' names an anchor its page does not have",
                                      f"did you mean '#{close[0]}'?" if close else f"one of #{', #'.join(ids)}"))
            elif target not in files:
                close = difflib.get_close_matches(target, files, n=1, cutoff=0.8)
                hint = f"did you mean '{posixpath.relpath(close[0], posixpath.dirname(source) or '.')}'?" if close else EXPECTED
                out.append(Problem.at(where, f"the link '{url}' leads to no page or file of the site", hint))
    return out


# A page's front matter, which the engine takes off before converting it (MkDocs' own pattern).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)


class _Anchors(HTMLParser):
    """The ids of an HTML text's elements, and its ``a`` elements' names: what MkDocs counts as anchors.
    Not ``headings.ids``, a regular expression, fast enough for every page made in HTML but not exact
    (a code block's ``id="x"``, an ``a``'s name); this one, parsing, runs only on the few pages a story
    links to with an anchor, and must refuse nothing MkDocs accepts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.update(v for k, v in attrs if v and (k == "id" or (k == "name" and tag == "a")))


def markdown_anchors(text: str, extensions: list[Any]) -> frozenset[str]:
    """The anchors of a page in Markdown (a generated one, front matter and all) as the engine makes
    them: every id (and ``a`` name) in its HTML, its headings' with the site's ``toc`` among them. For the
    links to them from the pages made in HTML (``broken_links``), said with their file and line."""
    names, configs = markdown_arguments(extensions)
    parser = _Anchors()
    parser.feed(markdown.Markdown(extensions=names, extension_configs=configs).convert(FRONT_MATTER.sub("", text, count=1)))
    parser.close()
    return frozenset(parser.found)


class _Extension(Extension):
    def __init__(self, permalinks: Permalinks):
        super().__init__()
        self.permalinks = permalinks

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        headings = _Headings(md)
        headings.permalinks = self.permalinks
        md.treeprocessors.register(headings, "bss_headings", 5)  # where toc runs: after the inline patterns
        md.treeprocessors.register(_Published(md), "bss_published", 1)
