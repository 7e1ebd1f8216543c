"""Render page specs into Markdown per language through the Jinja2 templates in ``templates/``
(``L``, what they write with: localizer.py); a template named ``*.html`` writes the page's HTML
itself (``headings.py``: the case studies and the catalogue's pages of results)."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from bss.prepare.caches import Caches
from bss.prepare.pages.headings import Permalinks, assemble, ids
from bss.prepare.pages.links import Links
from bss.prepare.pages.localizer import Localizer
from bss.prepare.pages.prose import Prose
from bss.prepare.read.strings import Strings
from bss.text import Text

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class PageSpec:
    """A page to generate: its kind and id (its address, see links.py), its template, the data
    it shows, and the anchored things in it (a chapter's sections, the glossary's terms)."""

    kind: str
    id: str
    template: str
    title: Text
    context: dict = field(default_factory=dict, hash=False, compare=False)
    description: Text | None = None
    meta: dict = field(default_factory=dict, hash=False, compare=False)  # extra front matter
    anchors: tuple = ()  # (kind, id, title, tooltip)
    label: Text | None = None  # what links to the page say, where shorter than its title


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str  # e.g. studii-de-caz/x.en.md
    lang: str
    markdown: str  # what the engine is handed: the front matter, then the Markdown (or the HTML) of the body
    untranslated: tuple[str, ...]  # where each fallback to the default language came from
    body_at: int | None = None  # a page made straight into HTML: where its body starts in ``markdown``
    toc: list = field(default_factory=list, compare=False, hash=False)  # and its table of contents (toc tokens)
    links: tuple = ()  # a page made into HTML: each link to the site its editors wrote, (where, page, as written, file)
    anchors: frozenset = field(default=frozenset(), compare=False)  # and the ids in it, which links may name

    @property
    def html(self) -> str | None:
        """The body of a page made straight into HTML, which the engine does not convert; None for Markdown."""
        return None if self.body_at is None else self.markdown[self.body_at:]

    def linked_anchors(self) -> dict[str, dict[str, str]]:
        """The anchors its links name, by the page each is on (the default language's source path), each
        with the link as written: for the engine's check of anchors, which knows the pages in Markdown."""
        out: dict[str, dict[str, str]] = {}
        for _, _, url, target in self.links:
            if target and (fragment := urlsplit(url).fragment):
                out.setdefault(target, {}).setdefault(fragment, url)
        return out


class Renderer:
    def __init__(self, strings: Strings, links: Links, templates: Path | list[Path] = TEMPLATES, caches: Caches | None = None,
                 extensions: list | None = None):
        self.strings = strings
        self.links = links
        self.caches = caches or Caches()
        self.extensions = extensions or []  # the site's Markdown extensions: for the pages made into HTML
        self.permalinks = Permalinks.of(self.extensions)
        self.prose = Prose(self.extensions, links, self.caches)
        self.env = Environment(
            loader=FileSystemLoader([str(t) for t in templates] if isinstance(templates, list) else str(templates)),
            autoescape=True, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False,
            bytecode_cache=self.caches.bytecode,
        )

    def localizer(self, lang: str, page: str) -> Localizer:
        return Localizer(lang, page, self.strings, self.links, self.caches)

    def _converter(self, loc: Localizer):
        """For ``headings.assemble``: the page's n-th text of an editor's as HTML, and its headings."""
        def convert(n: int, used: set[str], counters: dict[str, int]) -> tuple[str, list[dict]]:
            where, text = loc.texts[n]
            made, found, tokens = self.prose.html(text, loc.page, loc.lang, used, counters)
            loc.site_links.extend((where, loc.page, url, target) for url, target in found)
            return made, tokens
        return convert

    def render_html(self, template: str, **context) -> str:
        """A standalone HTML file (the redirect pages)."""
        return self.env.get_template(template).render(**context)

    def render(self, spec: PageSpec) -> list[RenderedPage]:
        """The page in every language (where its address differs by language, site.alias_pages
        leads from each other language's address to it)."""
        versions = self.links.versions(spec.kind, spec.id)
        html = spec.template.endswith(".html")
        out = []
        for lang in self.links.languages:
            page = versions[lang]
            loc = self.localizer(lang, page)
            body = self.env.get_template(spec.template).render(L=loc, **spec.context)
            meta = {"title": loc.plain(spec.title),  # a Text in the meta: in the page's language, unescaped
                    # (finish escapes what the theme writes: the title and finish.page.THEME_WRITES)
                    **{key: loc.plain(value) if isinstance(value, Text) else value for key, value in spec.meta.items()}}
            if len(set(versions.values())) > 1:  # the language menu leads to each language's own address
                meta["versions"] = versions
            if spec.description:
                meta["description"] = loc.plain(spec.description)
            if loc.texts and not html:
                raise ValueError(f"{spec.template}: L.html is for a template that writes HTML (*.html); use L.md")
            if loc.fallbacks:
                body = self.env.get_template("_untranslated." + ("html" if html else "md")).render(L=loc) + body
            toc: list = []
            anchors: frozenset = frozenset()
            if html:
                body, toc = assemble(body, self._converter(loc), self.permalinks)
                anchors = frozenset(ids(body))
            front = "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n\n"
            out.append(RenderedPage(self.links.src_uri(page, lang), lang, front + body, tuple(dict.fromkeys(loc.fallbacks)),
                                    len(front) if html else None, toc, tuple(loc.site_links), anchors))
        return out
