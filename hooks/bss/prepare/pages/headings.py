"""The headings of a page made straight into HTML: each one's id, its permalink and the page's
table of contents, as Python-Markdown's ``toc`` extension (mkdocs.yml's options) would make them.

The case studies and the catalogue's pages of results are written by their templates in HTML
(issue 26: turning their Markdown into HTML was half of what a build spent on each); see
``prose.py`` for the Markdown an editor writes in them. A page is assembled in two passes:

1. the template's own headings, found by their tags in the template's HTML (which holds no
   markup of an editor's: their texts are escaped, their Markdown is a placeholder yet);
2. the headings of each editor's text, converted by Python-Markdown (``prose.Prose``), which finds
   them in its tree as ``toc`` does: a heading an editor wrote in raw HTML stays as written.

So a template's heading keeps its id whatever an editor writes above it (``rezultate`` stays
``rezultate``: trainers link to it), and an editor's heading that repeats one is ``rezultate_1``.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any, Callable

from markdown.extensions.toc import nest_toc_tokens, slugify, strip_tags, unique

from bss.problems import ContentError, Problem
from bss.settings import markdown_arguments

HEADING = re.compile(r"<!--.*?-->|<h([1-6])(\s[^>]*)?>(.*?)</h\1\s*>", re.S | re.I)  # a comment: left as it is
ID = re.compile(r"""\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
PLACEHOLDER = "<!--bss-prose-{}-->"  # where an editor's text goes, once the template's headings have their ids
PLACEHOLDERS = re.compile(r"<!--bss-prose-(\d+)-->")
APPLIED = {"permalink", "permalink_title", "permalink_class", "separator"}
IGNORED = {"marker", "title", "title_class", "toc_class"}  # the [TOC] marker's: no page made in HTML has one


@dataclass(frozen=True)
class Permalinks:
    """The ``toc`` extension's options of the site (mkdocs.yml): what it adds to each heading."""

    link: bool | str = False  # True: the pilcrow; a text: that text; False: no permalink
    title: str = "Permanent link"
    css: str = "headerlink"
    separator: str = "-"

    @classmethod
    def of(cls, extensions: list[Any]) -> Permalinks:
        """Raises ContentError for an option this module does not apply (``toc_depth``, ``slugify``...):
        the pages made in HTML would silently differ from the others."""
        names, configs = markdown_arguments(extensions)
        if "toc" not in names:
            return cls()
        options = configs.get("toc", {})
        if others := sorted(set(options) - APPLIED - IGNORED):
            raise ContentError([Problem("mkdocs.yml", 1, "markdown_extensions.toc", f"the option(s) {', '.join(others)} are not "
                                        "applied to the pages made in HTML", "only permalink, permalink_title, permalink_class "
                                        "and separator, or the option added to hooks/bss/prepare/pages/headings.py")])
        return cls(options.get("permalink", False), str(options.get("permalink_title", cls.title)),
                   str(options.get("permalink_class", cls.css)), str(options.get("separator", cls.separator)))

    def html(self, id: str) -> str:
        """The permalink of the heading ``id``, in HTML, as ``toc`` writes it."""
        if self.link is False:
            return ""
        title = f' title="{html.escape(self.title)}"' if self.title else ""
        text = "&para;" if self.link is True else html.escape(str(self.link))
        return f'<a class="{html.escape(self.css)}" href="#{html.escape(id)}"{title}>{text}</a>'

    def new_id(self, name: str, used: set[str], counters: dict[str, int]) -> str:
        """The id of a heading titled ``name`` (its text as HTML), unique among ``used`` (which takes it)."""
        return unique(slugify(html.unescape(name), self.separator), used, counters)


def ids(html: str) -> set[str]:
    """Every id written in ``html``'s attributes (a regular expression: fast, on every page made in HTML)."""
    return {_id(match) for match in ID.finditer(html)}


def _id(match: re.Match) -> str:
    return next(filter(None, match.groups()), "")


def assemble(body: str, convert: Callable[[int, set[str], dict[str, int]], tuple[str, list[dict]]],
             permalinks: Permalinks) -> tuple[str, list]:
    """The page: ``body`` (a template's HTML, ``PLACEHOLDER`` n where its n-th text of an editor's goes)
    with its headings anchored, then each text converted (``convert(n, used ids, counters)``: its HTML
    and its headings' toc tokens, ids taken from those used); and the page's table of contents."""
    parts = PLACEHOLDERS.split(body)  # template, n, template, n, ..., template
    used = set().union(*(ids(part) for part in parts[::2]))
    counters: dict[str, int] = {}
    done = [anchor_headings(part, permalinks, used, counters) if i % 2 == 0 else None for i, part in enumerate(parts)]
    out: list[str] = []
    tokens: list = []
    for i, part in enumerate(parts):
        made = done[i] or convert(int(part), used, counters)
        out.append(made[0])
        tokens.extend(made[1])
    return "".join(out), nest_toc_tokens(tokens)


def anchor_headings(body: str, permalinks: Permalinks, used: set[str] | None = None,
                    counters: dict[str, int] | None = None) -> tuple[str, list[dict]]:
    """``body`` (a template's HTML: no markup of an editor's in it) with an id and a permalink on each
    heading, and its headings as flat ``toc`` tokens (``level``, ``id``, ``name``, ``children``)."""
    used = ids(body) if used is None else used
    counters = {} if counters is None else counters
    tokens: list[dict] = []

    def heading(match: re.Match) -> str:
        if match.group(1) is None:
            return match.group(0)
        level, attrs, inner = match.group(1), match.group(2) or "", match.group(3)
        name = strip_tags(inner)
        own = ID.search(attrs)
        id = _id(own) if own else ""
        if not id:
            id = permalinks.new_id(name, used, counters)
            attrs = f' id="{html.escape(id)}"' + (ID.sub("", attrs) if own else attrs)
        tokens.append({"level": int(level), "id": html.unescape(id), "name": name, "children": []})
        return f"<h{level}{attrs}>{inner}{permalinks.html(id)}</h{level}>"

    return HEADING.sub(heading, body), tokens
