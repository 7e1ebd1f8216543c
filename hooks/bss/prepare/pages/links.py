"""The one place that knows where each thing is, what it is called, and how to link to it.

Trainers print these addresses: never change one once published. A page's address comes from
its kind and its id (set in the data, never derived from a title). Everything else asks here:
templates link by kind and id (``L.a("partner", "keystone-moldova")``), the short links and the
open data take their addresses from here, and so do the references editors write in Markdown:

    [[ghid:costificarea]]              a guide chapter
    [[ghid:costificarea#metodologia]]  a section of a chapter
    [[caz:spalatorie-sociala-glodeni]] a case study
    [[modul:contractarea-sociala/costul-serviciului]]  a course module
    [[glosar:contractare-sociala]]     a glossary term (its definition shows beside it)
    [[partener:keystone-moldova]]  [[program:ssmb-2021]]

``[[kind:target|own words]]`` uses the editor's words as the link text; otherwise the link text
is the target's title in the page's language, so retitling or translating never leaves a stale
link text. Paths are Markdown source paths in docs/, in the default language; MkDocs and
mkdocs-static-i18n turn them into each language's addresses (``/en/`` before the path).
"""
from __future__ import annotations


import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from bss.prepare.read.files import IMAGES_DIR
from bss.plain import plain_html
from bss.problems import Problem, field_name
from bss.settings import Languages
from bss.prepare.read.source import Document, Lines
from bss.text import Text

# Where each kind of page lives; {id} is the record's id (course/module for a module).
PAGES = {
    "home": "index.md", "search": "cautare.md",
    "programmes": "programe/index.md", "programme": "programe/{id}.md",
    "partners": "parteneri/index.md", "partner": "parteneri/{id}.md",
    "case-studies": "studii-de-caz/index.md", "case-study": "studii-de-caz/{id}.md",
    "open-data": "studii-de-caz/date-deschise.md",
    # The catalogue's other pages of results (catalogue_lists.py): {id} is the page's number, or a
    # service type or a district (lower case), then pagina/<number> past its first page.
    "catalogue-page": "studii-de-caz/pagina/{id}.md", "catalogue-type": "studii-de-caz/tip/{id}.md",
    "catalogue-district": "studii-de-caz/raion/{id}.md",
    "results": "rezultate/index.md",
    "guide": "ghid/index.md", "guide-whole": "ghid/complet.md", "chapter": "ghid/{id}.md",
    "handout": "ghid/{id}/fisa.md",
    "glossary": "glosar/index.md",
    "courses": "cursuri/index.md", "course": "cursuri/{id}/index.md", "module": "cursuri/{id}.md",
    "certificate": "cursuri/{id}/certificat.md",
    "not-found": "404.md",  # also published as 404.html (see site.not_found_pages)
    # Easy-to-read versions: the last part of the address is each language's own word (easy.slug).
    "home-easy": "{slug}.md", "case-study-easy": "studii-de-caz/{id}/{slug}.md", "module-easy": "cursuri/{id}/{slug}.md",
}
# Things with an anchor in another thing's page: kind -> the kind of that page.
ANCHORED = {"section": "chapter", "term": "glossary", "lesson": "module"}
# The reference kinds editors write, and the kind each names.
REFERENCES = {"ghid": "chapter", "caz": "case-study", "modul": "module", "glosar": "term", "partener": "partner",
              "program": "programme"}
# Own words hold no bracket: an attempt to match stops at the next one, so a text of unclosed
# references is read once, not once per reference.
PATTERN = re.compile(r"\[\[([a-z]+):([a-z0-9/#-]*)(?:\|([^\[\]\n]+))?\]\]")
SHORT = "g"  # short links for slides and print: /g/<chapter>/ and /g/<chapter>/<section>/


@dataclass(frozen=True)
class Entry:
    page: str | None  # the page's source path; None for a thing that is only named
    anchor: str
    title: Text
    tooltip: Text | None = None


def language_prefix(lang: str, codes) -> str:
    """What comes before every path of ``lang`` among the site's language ``codes`` (the default
    first): nothing for the default language, ``en/`` for English."""
    return "" if lang == codes[0] else f"{lang}/"


def language_of(path: str, codes) -> str:
    """The language of an address: its first folder if that is a language's, else the default."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in codes[1:] else codes[0]


class Links:
    """Every linkable or nameable thing of the site, by kind and id."""

    def __init__(self, languages: Languages, site_url: str = "", slugs: dict[str, str] | None = None,
                 directory_urls: bool = True):
        self.languages = languages
        self.site_url = site_url.rstrip("/")
        self.slugs = slugs or {}  # language -> the word that ends the address of an easy-to-read page
        self.directory_urls = directory_urls  # the build's addresses: /x/, or x.html for a folder copy
        self.entries: dict[tuple[str, str], Entry] = {}

    # -- registering ------------------------------------------------------------------------
    def add_page(self, kind: str, id: str, title: Text) -> str:
        page = self._path(kind, id, self.languages.default)
        self.entries[(kind, id)] = Entry(page, "", title)
        return page

    def _path(self, kind: str, id: str, lang: str) -> str:
        return PAGES[kind].format(id=id, slug=self.slugs.get(lang, ""))

    def versions(self, kind: str, id: str = "") -> dict[str, str]:
        """Where the page is in each language: one path for all, or, for a kind whose address ends
        with each language's own word, a path per language (language -> default-language path)."""
        return {lang: self._path(kind, id, lang) for lang in self.languages}

    def add_anchor(self, kind: str, id: str, title: Text, tooltip: Text | None = None) -> None:
        """``id`` is ``<page id>#<anchor>``, or the anchor alone on a page without an id (a term)."""
        owner, _, anchor = id.rpartition("#") if "#" in id else ("", "", id)
        page = self.entries[(ANCHORED[kind], owner)].page
        self.entries[(kind, id)] = Entry(page, anchor, title, tooltip)

    def add_name(self, kind: str, id: str, title: Text) -> None:
        self.entries[(kind, id)] = Entry(None, "", title)

    # -- asking -----------------------------------------------------------------------------
    def has(self, kind: str, id: str = "") -> bool:
        return (kind, id) in self.entries

    def title(self, kind: str, id: str = "") -> Text:
        return self.entries[(kind, id)].title

    def page(self, kind: str, id: str = "") -> str:
        return cast(str, self.entries[(kind, id)].page)  # asked only of a thing that has a page

    def href(self, kind: str, id: str, from_page: str, lang: str = "") -> str:
        """A relative Markdown link from page ``from_page`` to the thing (its version in ``lang``,
        for a page whose address differs by language), as MkDocs resolves links."""
        entry = self.entries[(kind, id)]
        target = self._path(kind, id, lang) if lang and entry.page and "{slug}" in PAGES.get(kind, "") else entry.page
        rel = "" if target == from_page and entry.anchor else self.relative(cast(str, target), from_page)  # it has a page
        return rel + (f"#{entry.anchor}" if entry.anchor else "")

    def address(self, kind: str, id: str, from_page: str, lang: str) -> str:
        """A relative link from page ``from_page`` (its path in ``lang``) to the thing, as this build
        publishes it: for HTML that the engine hands on as it is (prepare.pages.headings)."""
        entry = self.entries[(kind, id)]
        target = cast(str, self._path(kind, id, lang) if entry.page and "{slug}" in PAGES.get(kind, "") else entry.page)
        anchor = f"#{entry.anchor}" if entry.anchor else ""
        if target == from_page and anchor:
            return anchor
        return self.file_href(self.page_url(target, lang, self.directory_urls), from_page, lang) + anchor

    @staticmethod
    def relative(target: str, from_file: str) -> str:
        """A relative link to the file ``target`` from the file ``from_file`` (both source paths,
        or both output paths), as MkDocs resolves links between files."""
        return posixpath.relpath(target, posixpath.dirname(from_file) or ".")

    def file_href(self, path: str, from_page: str, lang: str) -> str:
        """A relative link to the file ``path`` (from the site's root, e.g. ``en/x/data.csv``, a file
        no page is made from) from the page ``from_page`` in ``lang``, as this build publishes it."""
        return self.relative_url(path, self.page_url(from_page, lang, self.directory_urls))

    @staticmethod
    def image(src: str, from_page: str) -> str:
        """A relative Markdown link to the photo ``src`` (a path under docs/assets/images/)."""
        return Links.relative(f"{IMAGES_DIR.removeprefix('docs/')}/{src}", from_page)

    @staticmethod
    def relative_url(target: str, from_url: str) -> str:
        """A relative link to the address ``target`` from a page at the address ``from_url``
        (both site addresses; a folder address ends in ``/`` and keeps it)."""
        folder = from_url if from_url.endswith("/") else posixpath.dirname(from_url) + "/"
        rel = posixpath.relpath("/" + target.lstrip("/"), "/" + folder.lstrip("/"))
        if rel == ".":
            return "./"
        return rel + "/" if target.endswith("/") else rel

    def src_uri(self, page: str, lang: str) -> str:
        """The source file of ``page`` in ``lang`` (mkdocs-static-i18n's suffix structure: x.en.md,
        and for any other file, x.en.svg)."""
        if lang == self.languages.default:
            return page
        stem, _, extension = page.rpartition(".")
        return f"{stem}.{lang}.{extension}"

    def default_page(self, src_uri: str) -> str:
        """The default-language page a language's source file is a version of (``x.en.md`` -> ``x.md``)."""
        for lang in self.languages.codes[1:]:
            if src_uri.endswith(f".{lang}.md"):
                return src_uri[: -len(f".{lang}.md")] + ".md"
        return src_uri

    def redirect(self, chapter: str, section: str, lang: str, directory_urls: bool = True) -> tuple[str, str]:
        """The short link's folder in ``lang``, and the relative address it redirects to."""
        folder = self.prefix(lang) + self.short(chapter, section)
        kind, id = self.guide_entry(chapter, section)
        return folder, "../" * folder.count("/") + self.url(kind, id, lang, directory_urls).lstrip("/")

    def prefix(self, lang: str) -> str:
        """What comes before every path of ``lang``: nothing for the default language, ``en/``..."""
        return language_prefix(lang, self.languages.codes)

    def url(self, kind: str, id: str, lang: str, directory_urls: bool = True) -> str:
        """The published address, e.g. ``/en/studii-de-caz/x/`` (``.../x.html`` for a folder copy)."""
        entry = self.entries[(kind, id)]
        return self.page_url(cast(str, entry.page), lang, directory_urls) + (f"#{entry.anchor}" if entry.anchor else "")  # it has a page

    def page_url(self, page: str, lang: str, directory_urls: bool = True) -> str:
        path = page[:-3]
        if not directory_urls:
            path += ".html"
        else:
            path = path[: -len("index")] if path.endswith("index") else path + "/"
        return "/" + self.prefix(lang) + path

    @staticmethod
    def guide_entry(chapter: str, section: str = "") -> tuple[str, str]:
        """The kind and id a short link's chapter (and section) are known by."""
        return ("section", f"{chapter}#{section}") if section else ("chapter", chapter)

    def short(self, chapter: str, section: str = "") -> str:
        """The folder of a short link, e.g. ``g/costificarea/metodologia/``."""
        return f"{SHORT}/{chapter}/{section + '/' if section else ''}"

    def short_addresses(self, lang: str, directory_urls: bool = True) -> dict[str, str]:
        """Every guide chapter's and section's published address in ``lang`` -> its short link."""
        out = {}
        for kind, id in self.entries:
            if kind in ("chapter", "section"):
                chapter, _, section = id.partition("#")
                out[self.url(kind, id, lang, directory_urls)] = self.short_url(chapter, section, lang)
        return out

    def qr_file(self, chapter: str, section: str = "") -> str:
        """The QR code of a short link, as a file in the short link's folder (default-language path)."""
        return f"{self.short(chapter, section)}qr.svg"

    def short_url(self, chapter: str, section: str, lang: str) -> str:
        """The full short address a trainer prints and copies, with the site's domain."""
        return f"{self.public_url(lang)}{self.short(chapter, section)}"

    def public_url(self, lang: str) -> str:
        """The site's public address in ``lang``, for print: ``https://host/``, ``https://host/en/``."""
        return f"{self.site_url}/{self.prefix(lang)}"

    # -- references in Markdown ---------------------------------------------------------------
    def _target(self, kind: str, target: str) -> tuple[str, str] | None:
        named = REFERENCES.get(kind)
        if named == "chapter" and "#" in target:
            named = "section"
        return (named, target) if named and (named, target) in self.entries else None

    def resolve(self, text: str, lang: str, page: str) -> str:
        """``text`` with every reference replaced by a Markdown link (references were checked before).

        A glossary term carries its definition, as plain text, in the link's title.
        """
        def link(match: re.Match) -> str:
            kind, id = cast(tuple[str, str], self._target(match.group(1), match.group(2)))  # checked before
            entry = self.entries[(kind, id)]
            label = match.group(3) or plain_html(entry.title.get(lang)[0])
            href = self.href(kind, id, page)
            if entry.tooltip:
                tip = " ".join(entry.tooltip.get(lang)[0].split()).replace('"', "\u201d")
                return f'[{label}]({href} "{tip}"){{ .bss-term }}'
            return f"[{label}]({href})"

        return PATTERN.sub(link, text)

    def problems_in(self, text: str, path: str, line: int, field: str) -> list[Problem]:
        """Every reference in ``text`` that names nothing, and every ``[[`` that is no reference."""
        out = []
        lines = Lines(text, line)
        for match in PATTERN.finditer(text):
            if self._target(match.group(1), match.group(2)) is None:
                out.append(Problem(path, lines.at(match.start()), field, f"{match.group(0)} refers to nothing",
                                   self._expected(match.group(1), match.group(2))))
        for match in re.finditer(r"\[\[", text):
            if not PATTERN.match(text, match.start()):
                at = lines.at(match.start())
                snippet = text[match.start():match.start() + 40].split("\n")[0]
                out.append(Problem(path, at, field, f"'{snippet}' is not a complete reference",
                                   "[[kind:id]] or [[kind:id|own words]] on one line, the words without brackets"))
        return out

    def _expected(self, kind: str, target: str) -> str:
        if kind not in REFERENCES:
            return f"a reference kind among: {', '.join(REFERENCES)}"
        named = REFERENCES[kind]
        known = [id for k, id in self.entries if k == named or (named == "chapter" and k == "section")]
        close = difflib.get_close_matches(target, known, n=1, cutoff=0.5)
        return f"did you mean [[{kind}:{close[0]}]]?" if close else f"an existing {kind} id"

    def check_documents(self, docs: list[Document]) -> list[Problem]:
        """References anywhere in the YAML content (any text field of any file)."""
        out = []
        for doc in docs:
            for path, value in _strings(doc.data, ()):
                if "[[" in value:
                    out.extend(self.problems_in(value, doc.path, doc.text_line(path, value), field_name(path)))
        return out

    def check_pages(self, docs_dir: Path, root: Path) -> list[Problem]:
        """References in the hand-written Markdown pages of docs/."""
        out = []
        for file in sorted(docs_dir.rglob("*.md")):
            text = file.read_text(encoding="utf-8", errors="replace")
            if "[[" in text:
                out.extend(self.problems_in(text, file.relative_to(root).as_posix(), 1, "text"))
        return out


def _strings(data, path):
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, path + (i,))
