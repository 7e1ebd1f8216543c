"""Pages made straight into HTML: what the engine would add to them, added here.

The case studies are the pages whose number grows with the content, and turning their Markdown into
HTML was half of what a build spent on each (issue 26). Their templates write HTML, so the engine
is handed the page's body as it is (the hook gives MkDocs no Markdown to convert for it). What
MkDocs and Python-Markdown would have added, this module adds, the same way:

- ``anchor_headings``: each heading's id, made from its text as the ``toc`` extension makes it
  (kept where the template gave one, unique on the page), its permalink, and the table of contents;
- ``Prose``: the Markdown an editor writes (a story) turned into HTML with the site's extensions,
  each link to a page or file of the site written as the address this build publishes, and listed,
  so that one that leads nowhere is reported (``broken_links``), as MkDocs' strict build stopped on it.

The finishing stage sanitises these pages like every other (``bss.finish.finish_page``).
"""
from __future__ import annotations

import difflib
import html
import json
import posixpath
import re
from dataclasses import dataclass
from typing import Any, cast
from urllib.parse import urlsplit

import markdown
from markdown.extensions import Extension
from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique
from markdown.treeprocessors import Treeprocessor

from bss.prepare.caches import Caches
from bss.prepare.pages.links import Links
from bss.problems import Problem
from bss.settings import markdown_arguments

HEADING = re.compile(r"<!--.*?-->|<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.S | re.I)  # a comment: left as it is
ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)


@dataclass(frozen=True)
class Permalinks:
    """The ``toc`` extension's options of the site (mkdocs.yml): what it adds to each heading."""

    symbol: str | None = None  # the permalink's text (HTML); None: no permalink
    title: str = "Permanent link"
    css: str = "headerlink"
    separator: str = "-"

    @classmethod
    def of(cls, extensions: list[Any]) -> Permalinks:
        names, configs = markdown_arguments(extensions)
        if "toc" not in names:
            return cls()
        options = configs.get("toc", {})
        link = options.get("permalink", False)
        symbol = "&para;" if link is True else (html.escape(str(link)) if link else None)
        return cls(symbol, str(options.get("permalink_title", cls.title)), str(options.get("permalink_class", cls.css)),
                   str(options.get("separator", cls.separator)))


def anchor_headings(body: str, permalinks: Permalinks) -> tuple[str, list]:
    """``body`` with an id and a permalink on each heading, and the page's table of contents as
    Python-Markdown's ``toc`` tokens (``level``, ``id``, ``name``, ``children``).

    ``body`` is a template's HTML (the editors' text in it already converted): its headings are
    found by their tags. Whatever an editor slipped past the content check is the sanitiser's."""
    used = {next(filter(None, m.groups()), "") for m in ID.finditer(body)}
    counters: dict[str, int] = {}
    tokens: list = []

    def heading(match: re.Match) -> str:
        if match.group(1) is None:
            return match.group(0)
        level, attrs, inner = match.group(1), match.group(2) or "", match.group(3)
        name = strip_tags(inner)
        own = ID.search(attrs)
        id = next(filter(None, own.groups()), "") if own else ""
        if not id:
            id = unique(slugify(html.unescape(name), permalinks.separator), used, counters)
            attrs = f' id="{html.escape(id)}"' + (ID.sub("", attrs) if own else attrs)
        tokens.append({"level": int(level), "id": html.unescape(id), "name": name, "children": []})
        link = (f'<a class="{html.escape(permalinks.css)}" href="#{html.escape(id)}" title="{html.escape(permalinks.title)}">'
                f"{permalinks.symbol}</a>") if permalinks.symbol else ""
        return f"<h{level}{attrs}>{inner}{link}</h{level}>"

    return HEADING.sub(heading, body), nest_toc_tokens(tokens)


class Prose:
    """The editors' Markdown as HTML, in a page made straight into HTML. One converter, with the
    site's extensions but ``toc`` (the page's headings get their ids with the template's, in
    ``anchor_headings``), made once per build and reused for every text."""

    def __init__(self, extensions: list[Any], links: Links, caches: Caches):
        self.links = links
        self.extensions = extensions
        self.caches = caches

    def html(self, text: str, page: str, lang: str) -> tuple[str, list[tuple[str, str | None]]]:
        """``text`` (Markdown, its references resolved: links to source files) as HTML, on the page
        ``page`` (its path in ``lang``); and each link it has to the site: ``(as written, the
        file it leads to by source path)``, None for a link from the site's root."""
        key = json.dumps(self.extensions, sort_keys=True, default=str)
        md = self.caches.get("prose", key, lambda: _converter(self.extensions))
        published = cast(_Published, md.treeprocessors["bss_published"])
        published.at(self.links, page, lang)
        return md.reset().convert(text), published.found


def _converter(extensions: list[Any]) -> markdown.Markdown:
    names, configs = markdown_arguments([e for e in extensions if (next(iter(e)) if isinstance(e, dict) else e) != "toc"])
    md = markdown.Markdown(extensions=[*names, _PublishedExtension()], extension_configs=configs)
    return md


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
        target = posixpath.normpath(posixpath.join(posixpath.dirname(self.page), parts.path))
        self.found.append((url, target))
        here = self.links.page_url(self.page, self.lang, self.links.directory_urls)
        if target.endswith(".md"):
            published = self.links.page_url(target, self.lang, self.links.directory_urls)
        else:
            published = "/" + target
        rel = self.links.relative_url(published, here)
        return rel + (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


EXPECTED = "a reference such as [[ghid:costificarea]], or a link from this page's file to a file of docs/"


def broken_links(pages, files: set[str]) -> list[Problem]:
    """Each link an editor wrote in the pages made into HTML (``RenderedPage.links``) that leads to
    no page or file of the site (``files``: by source path, the default language's), or from the
    site's root, which a copy in a folder or under another address would break."""
    out = []
    for page in pages:
        for where, source, url, target in page.links:
            if target is None:
                out.append(Problem.at(where, f"the link '{url}' starts from the site's root", EXPECTED))
            elif target not in files:
                close = difflib.get_close_matches(target, files, n=1, cutoff=0.8)
                hint = f"did you mean '{posixpath.relpath(close[0], posixpath.dirname(source) or '.')}'?" if close else EXPECTED
                out.append(Problem.at(where, f"the link '{url}' leads to no page or file of the site", hint))
    return out


class _PublishedExtension(Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_Published(md), "bss_published", 1)  # after the inline patterns made the links
