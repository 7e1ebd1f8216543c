"""Render page specs into Markdown per language through the Jinja2 templates in ``templates/``."""
from __future__ import annotations

import datetime
import json
import os
import posixpath
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import text as fmt
from .addresses import src_uri
from .plain import plain_html
from .strings import Strings
from .text import LANGUAGES, Text

TEMPLATES = Path(__file__).parent / "templates"


@dataclass(frozen=True)
class PageSpec:
    """A page to generate: its source path (default language), its template and the data it shows."""

    src: str
    template: str
    title: Text
    context: dict = field(default_factory=dict, hash=False, compare=False)
    description: Text | None = None
    meta: dict = field(default_factory=dict, hash=False, compare=False)  # extra front matter


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str  # e.g. studii-de-caz/x.en.md
    lang: str
    markdown: str
    untranslated: tuple[str, ...]  # where each Romanian fallback came from


class Localizer:
    """What a template needs to write one page in one language: strings, texts, numbers, links."""

    def __init__(self, lang: str, page_src: str, strings: Strings, resolver=None):
        self.lang = lang
        self.page_src = page_src
        self.strings = strings
        self.resolver = resolver
        self.fallbacks: list[str] = []

    def t(self, key: str, **values) -> str:
        return self.strings.t(key, self.lang, **values)

    def count(self, key: str, n: int) -> str:
        """A counted phrase with the plural form CLDR gives for ``n`` in this language: ``key.one|few|other``."""
        form = fmt.plural_form(n, self.lang)
        table = self.strings.table[self.lang]
        chosen = f"{key}.{form}" if f"{key}.{form}" in table else f"{key}.other"
        return self.t(chosen, n=self.number(n))

    def plain(self, value: Text | None) -> str:
        """The text in this language, unescaped (for front matter and attributes)."""
        return value.get(self.lang)[0] if value else ""

    def text(self, value: Text | str | None) -> Markup:
        """Plain text, shown exactly as written (never read as Markdown or HTML); a Romanian
        fallback is marked with its language. Takes a bilingual text or a plain string."""
        if value is None:
            return Markup("")
        if isinstance(value, str):
            return Markup(plain_html(value))
        shown, fallback = value.get(self.lang)
        if not fallback:
            return Markup(plain_html(shown))
        self.fallbacks.append(value.where)
        return Markup('<span lang="ro" class="bss-untranslated">{}</span>').format(Markup(plain_html(shown)))

    def attr(self, value: Text | None) -> Markup:
        """Plain text for an attribute Markdown writes, such as an image's alt text."""
        if value is None:
            return Markup("")
        shown, fallback = value.get(self.lang)
        if fallback:
            self.fallbacks.append(value.where)
        return Markup(plain_html(shown))

    def md(self, value: Text | None) -> Markup:
        """A Markdown block; a Romanian fallback is wrapped in a block marked with its language."""
        if value is None:
            return Markup("")
        shown, fallback = value.get(self.lang)
        if self.resolver is not None:
            shown = self.resolver.apply(shown, self.lang, self.page_src)
        if not fallback:
            return Markup(shown)
        self.fallbacks.append(value.where)
        return Markup('<div lang="ro" class="bss-untranslated" markdown>\n\n{}\n\n</div>').format(Markup(shown))

    def number(self, value) -> str:
        return fmt.number(value, self.lang)

    def duration(self, minutes: int) -> str:
        return fmt.duration(minutes, self.lang)

    def euros(self, value) -> str:
        return fmt.euros(value, self.lang)

    def date(self, value: datetime.date | None, pattern: str = "long") -> str:
        return fmt.date(value, self.lang, pattern) if value else ""

    def amount(self, amount) -> str:
        """A figure with its qualifier: 'circa 1.260', 'more than 1,000'."""
        number = self.number(amount.value)
        if amount.qualifier == "exact":
            return number
        return self.t(f"qualifier.{amount.qualifier}", n=number)

    def link(self, target_src: str, anchor: str = "") -> str:
        """A relative link from this page to page ``target_src``, as MkDocs resolves Markdown links."""
        rel = posixpath.relpath(target_src, posixpath.dirname(self.page_src) or ".")
        return rel + (f"#{anchor}" if anchor else "")

    def md_inline(self, value: Text | None) -> Markup:
        """A one-paragraph Markdown text (a key point, a checklist item) with its references resolved."""
        return self.md(value) if value is None or value.get(self.lang)[1] else Markup(self.md(value).strip())


def _bytecode_cache() -> FileSystemBytecodeCache | None:
    """Compiled templates, kept between builds (keyed by each template's source, so never stale)."""
    folder = Path(tempfile.gettempdir()) / f"bss-templates-{os.getuid() if hasattr(os, 'getuid') else 0}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None  # no writable temporary folder: compile every build
    return FileSystemBytecodeCache(str(folder))


class Renderer:
    def __init__(self, strings: Strings, resolver=None, templates: Path = TEMPLATES):
        self.strings = strings
        self.resolver = resolver
        self.env = Environment(
            loader=FileSystemLoader(str(templates)), autoescape=True, undefined=StrictUndefined,
            trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False,
            bytecode_cache=_bytecode_cache(),
        )

    def render_html(self, template: str, **context) -> str:
        """A standalone HTML file (the short-link redirect pages)."""
        return self.env.get_template(template).render(**context)

    def render(self, spec: PageSpec, site: dict) -> list[RenderedPage]:
        """The page in every language."""
        out = []
        for lang in LANGUAGES:
            loc = Localizer(lang, spec.src, self.strings, self.resolver)
            body = self.env.get_template(spec.template).render(L=loc, site=site, **spec.context)
            if loc.fallbacks:
                body = self.env.get_template("_untranslated.md").render(L=loc) + body
            meta = {"title": loc.plain(spec.title), **spec.meta}
            if spec.description:
                meta["description"] = loc.plain(spec.description)
            front = "---\n" + json.dumps(meta, ensure_ascii=False) + "\n---\n\n"
            out.append(RenderedPage(src_uri(spec.src, lang), lang, front + body, tuple(loc.fallbacks)))
        return out
