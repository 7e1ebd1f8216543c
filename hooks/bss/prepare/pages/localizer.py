"""What a template needs to write one page in one language (``L`` in the templates): interface
strings, the content's texts, numbers and dates, names and links; for a template that writes HTML,
the places of the editors' Markdown (``html``), converted when the page is assembled (render.py)."""
from __future__ import annotations

import datetime

from markupsafe import Markup, escape

from bss import text as fmt
from bss.plain import plain_html
from bss.prepare.caches import Caches
from bss.prepare.pages import icons, illustrations, qr
from bss.prepare.pages.headings import PLACEHOLDER
from bss.prepare.pages.links import Links
from bss.prepare.read.files import IMAGES_DIR
from bss.prepare.read.strings import Strings
from bss.text import Text


class Localizer:
    """What a template needs to write one page in one language: strings, texts, numbers, links."""

    def __init__(self, lang: str, page: str, strings: Strings, links: Links, caches: Caches | None = None):
        self.lang = lang
        self.page = page
        self.strings = strings
        self.links = links
        self.caches = caches or Caches()
        self.locale = strings.locale(lang)
        self.fallbacks: list[str] = []
        self.cited: list = []  # the sources this page cites, in the order of their notes
        self.texts: list[tuple[str, str]] = []  # html: each Markdown text of an editor's, (where, its Markdown)
        self.site_links: list[tuple[str, str, str, str | None]] = []  # html: each link to the site the editors wrote

    def note(self, source) -> int:
        """The number of ``source``'s note on this page: a source cited again keeps its first number,
        so each appears once in the notes (_macros.md: noteref, notes). Two records of one address
        (a figure's source and the same page in the record's list of sources) are one note: the first."""
        key = lambda s: s.url or s  # noqa: E731
        keys = [key(s) for s in self.cited]
        if key(source) not in keys:
            self.cited.append(source)
            keys.append(key(source))
        return keys.index(key(source)) + 1

    # -- interface strings ---------------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        return self.strings.t(key, self.lang, **values)

    def count(self, key: str, n: int, /, **values) -> str:
        """A counted phrase with the plural form CLDR gives for ``n`` in this language: ``key.one|few|other``.
        ``{n}`` is the number as the language writes it unless ``values`` gives it (an amount with its
        qualifier, "peste 40"); ``values`` fill the phrase's other placeholders."""
        form = fmt.plural_form(n, self.locale)
        chosen = f"{key}.{form}" if self.strings.has(f"{key}.{form}", self.lang) else f"{key}.other"
        return self.t(chosen, **{"n": self.number(n), **values})

    # -- texts from the content ------------------------------------------------------------------
    def _shown(self, value: Text) -> str:
        shown, fallback = value.get(self.lang)
        if fallback:
            self.fallbacks.append(value.where)
        return shown

    def plain(self, value: Text | None) -> str:
        """The text in this language, unescaped, for an attribute Jinja escapes (or front matter)."""
        return self._shown(value) if value else ""

    def text(self, value: Text | str | None) -> Markup:
        """Plain text, shown exactly as written (never read as Markdown or HTML); a fallback is
        marked with its language. Takes a text in the site's languages, or a plain string."""
        if value is None:
            return Markup("")
        if isinstance(value, str):
            return Markup(plain_html(value))
        shown, fallback = value.get(self.lang)
        if not fallback:
            return Markup(plain_html(shown))
        self.fallbacks.append(value.where)
        return Markup('<span lang="{}" class="bss-untranslated">{}</span>').format(value.default, Markup(plain_html(shown)))

    def attr(self, value: Text | None) -> Markup:
        """Plain text for an attribute Markdown writes, such as an image's alt text."""
        return Markup(plain_html(self._shown(value))) if value else Markup("")

    def md(self, value: Text | None) -> Markup:
        """A Markdown block with its references resolved; a fallback is wrapped in a block marked with its language."""
        if value is None:
            return Markup("")
        shown, fallback = value.get(self.lang)
        shown = self.links.resolve(shown, self.lang, self.page)
        if not fallback:
            return Markup(shown)
        self.fallbacks.append(value.where)
        return Markup('<div lang="{}" class="bss-untranslated" markdown>\n\n{}\n\n</div>').format(value.default, Markup(shown))

    def html(self, value: Text | None) -> Markup:
        """A Markdown block, for a template that writes HTML: its place, where the renderer puts it
        converted once the template's headings have their ids (``headings.assemble``); a fallback is
        wrapped in a block marked with its language."""
        if value is None:
            return Markup("")
        shown, fallback = value.get(self.lang)
        where = f"{value.where}.{value.default if fallback else self.lang}"  # path:line: story.ro
        self.texts.append((where, self.links.resolve(shown, self.lang, self.page)))
        block = Markup(PLACEHOLDER.format(len(self.texts) - 1))
        if not fallback:
            return block
        self.fallbacks.append(value.where)
        return Markup('<div lang="{}" class="bss-untranslated">\n{}\n</div>').format(value.default, block)

    def md_inline(self, value: Text | None) -> Markup:
        """A one-paragraph Markdown text (a key point, a checklist item) with its references resolved."""
        return self.md(value) if value is None or value.get(self.lang)[1] else Markup(self.md(value).strip())

    # -- links and names -----------------------------------------------------------------------
    def href(self, kind: str, id: str = "") -> str:
        return self.links.href(kind, id, self.page, self.lang)

    def name(self, kind: str, id: str = "") -> Markup:
        """What the thing is called in this language, as plain text."""
        return self.text(self.links.title(kind, id))

    def a(self, kind: str, id: str = "", label: Markup | str | None = None) -> Markup:
        """A Markdown link to the thing, titled with its name unless ``label`` is given."""
        return Markup("[{}]({})").format(Markup(label) if label is not None else self.name(kind, id), self.href(kind, id))

    def address(self, kind: str, id: str = "") -> str:
        """A link to the page as this build publishes it, for HTML that MkDocs does not rewrite."""
        return self.links.address(kind, id, self.page, self.lang)

    def link(self, kind: str, id: str = "", label: Markup | str | None = None) -> Markup:
        """An HTML link to the thing as this build publishes it, titled with its name unless ``label`` is given."""
        return Markup('<a href="{}">{}</a>').format(self.address(kind, id), Markup(label) if label is not None else self.name(kind, id))

    def file(self, path: str) -> str:
        """A link from this page to a file of the site (``path`` from the site's root)."""
        return self.links.file_href(path, self.page, self.lang)

    def image(self, src: str) -> str:
        """A Markdown link to a photo under docs/assets/images/, from this page."""
        return self.links.image(src, self.page)

    def picture(self, src: str) -> str:
        """A photo under docs/assets/images/ as this build publishes it, from this page (for HTML)."""
        return self.file(f"{IMAGES_DIR.removeprefix('docs/')}/{src}")

    def type_picture(self, service_type: str) -> str:
        """The picture of a service type (a generated file) as this build publishes it, from this page (for HTML)."""
        return self.file(illustrations.file(service_type))

    def illustration(self, service_type: str) -> str:
        """A Markdown link to the picture of a service type (a generated file), from this page."""
        return self.links.relative(illustrations.file(service_type), self.page)

    def title(self, kind: str, id: str = "") -> Text:
        return self.links.title(kind, id)

    def names(self, kind: str, ids) -> str:
        """What the things are called, as a list in this language ('A, B și C'), plain text."""
        return fmt.listing([self.plain(self.links.title(kind, i)) for i in ids], self.locale)

    def others(self, value: Text) -> list[tuple[str, str, str]]:
        """The text in each other language it is written in: ``[(code, language name, text)]``,
        the language named in this page's language."""
        return [(lang, fmt.language_name(lang, self.locale), text) for lang, text in value.values.items() if lang != self.lang]

    def sort(self, items, attribute: str) -> list:
        """``items`` in this language's alphabetical order of their ``attribute`` (a text)."""
        return sorted(items, key=lambda item: fmt.sort_key(getattr(item, attribute).get(self.lang)[0], self.lang))

    def icon(self, name: str, alt: Text | None) -> Markup:
        """An icon of the site, inline, described by ``alt`` (or hidden from screen readers without it)."""
        label = f' role="img" aria-label="{escape(self.plain(alt))}"' if alt else ' aria-hidden="true"'
        svg = self.caches.get("icon", name, lambda: icons.svg(name))
        return Markup(svg.replace("<svg ", f"<svg class=\"bss-icon\" focusable=\"false\"{label} ", 1))

    def public_url(self) -> str:
        """The site's public address in this language, for print."""
        return self.links.public_url(self.lang)

    def short_url(self, chapter: str, section: str = "") -> str:
        return self.links.short_url(chapter, section, self.lang)

    def qr(self, chapter: str, section: str = "") -> Markup:
        """The QR code of the short link, inline, named for screen readers by the link it holds."""
        url = self.short_url(chapter, section)
        label = escape(self.t("guide.qr_label", url=url))
        return Markup(qr.inline(url, self.caches).replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
                      .replace('class="segno"', 'class="bss-qr__code"', 1))

    def qr_href(self, chapter: str, section: str = "") -> str:
        """The QR code's SVG file (for slides) as this build publishes it, from this page (for HTML)."""
        return self.file(self.links.prefix(self.lang) + self.links.qr_file(chapter, section))

    # -- numbers and dates ---------------------------------------------------------------------
    def number(self, value) -> str:
        return fmt.number(value, self.locale)

    def euros(self, value) -> str:
        return fmt.euros(value, self.locale)

    def duration(self, minutes: int) -> str:
        return fmt.duration(minutes, self.locale)

    def date(self, value: datetime.date | None, pattern: str = "long") -> str:
        return fmt.date(value, self.locale, pattern) if value else ""

    def amount(self, amount) -> str:
        """A figure with its qualifier: 'circa 1.260', 'more than 1,000'."""
        number = self.number(amount.value)
        if amount.qualifier == "exact":
            return number
        return self.t(f"qualifier.{amount.qualifier}", n=number)
