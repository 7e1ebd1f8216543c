"""The guide as PDFs for trainers: the whole guide and each chapter's handout, in every language,
made at build time from the built pages with WeasyPrint (paged media: a contents with page
numbers, a running header, a footer with the EU emblem, the funding line and the short link; pdf.css).

Why from the built pages: they hold the guide exactly as the site shows it (links resolved, QR
codes drawn, text sanitised), so the PDF says what the page says. Why after the build: a link
to a PDF gives its size, known only once it is made; and WeasyPrint needs Debian's pango, which a
machine may lack. Then the PDFs are skipped, said in one line, and their links taken out: a page
never links to a PDF that was not made. Each page that offers a PDF carries an empty, hidden
``<p class="bss-pdf-link">`` (its template's); it becomes the link, or goes.

A PDF is made again only when what it is made from changed: each is kept in a cache beside the
project, named by the hash of its HTML, the stylesheet and WeasyPrint's version and options.
"""
from __future__ import annotations

import hashlib
import importlib.metadata
import os
import re
import shutil
import time
from pathlib import Path
from typing import AbstractSet, Callable
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bss.pdf_document import Document
from bss.text import number

TEMPLATES = Path(__file__).parent / "templates"
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html"]))
STYLESHEET = TEMPLATES / "pdf.css"
MARKER = re.compile(r'<p class="bss-pdf-link" hidden(?:="")?></p>\n?')
ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
# What WeasyPrint needs from Debian (its documentation's list for Debian and Ubuntu).
DEBIAN_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0"
# A tagged PDF: a screen reader reads it in order, headings as headings, in the page's language.
OPTIONS = {"pdf_tags": True}
KEPT = 24 * 3600  # seconds a PDF no build used stays in the cache


class Missing(RuntimeError):
    """The PDFs are required (BSS_PDFS=required: the publishing workflow) and cannot be made."""


def pdf_step(site_dir: Path, docs: list[Document], config_file: str) -> Callable[[], str]:
    """The step that makes ``docs`` (a build step of ``finish_site``): cached beside the project,
    per configuration, as the environment's BSS_PDFS says (``auto``, ``required``, ``off``)."""
    cache = Path(config_file).parent / ".cache" / "pdfs" / Path(config_file).stem
    return lambda: make_pdfs(site_dir, docs, cache, os.environ.get("BSS_PDFS", "auto"))


def make_pdfs(site_dir: Path, docs: list[Document], cache: Path, mode: str = "auto") -> str:
    """Make every PDF (or take it from ``cache``), link the pages to it, and say what was done.
    ``mode`` (the environment's BSS_PDFS): ``auto`` skips them, saying so, where WeasyPrint's
    libraries are missing; ``required`` (the publishing workflow) fails instead; ``off`` skips them.
    WeasyPrint (half a second to load) is loaded only when a PDF is not in the cache."""
    offering = {page for doc in docs for page in doc.linked_from}  # the pages whose template put a marker
    if mode == "off":
        drop_links(site_dir, offering)
        return "PDFs skipped (BSS_PDFS=off): the site is built without links to them."
    css = STYLESHEET.read_text(encoding="utf-8")
    try:
        version = importlib.metadata.version("weasyprint")
    except importlib.metadata.PackageNotFoundError:
        return _cannot(site_dir, offering, "No module named 'weasyprint'", mode)
    wanted = []
    for doc in docs:
        html = _document_html(site_dir, doc)
        key = hashlib.sha256("\0".join([html, css, version, repr(OPTIONS)]).encode()).hexdigest()[:32]
        wanted.append((doc, html, cache / f"{key}.pdf"))
    missing = []
    for doc, html, cached in wanted:
        try:
            os.utime(cached)  # used now: kept a while longer (another build drops what none used for a day)
        except FileNotFoundError:
            missing.append((doc, html, cached))
    if missing:
        try:
            import weasyprint
        except (ImportError, OSError) as exc:  # OSError: WeasyPrint is installed, Debian's pango is not
            return _cannot(site_dir, offering, _first_line(exc), mode)
        cache.mkdir(parents=True, exist_ok=True)
        stylesheet = weasyprint.CSS(string=css)
        for doc, html, cached in missing:
            scratch = cache / f"{cached.stem}.{os.getpid()}.tmp"  # whole or not at all: a build may be stopped
            page = weasyprint.HTML(string=html, base_url=doc.public + doc.page,
                                   url_fetcher=_fetcher(site_dir, doc.public, weasyprint))
            page.write_pdf(scratch, stylesheets=[stylesheet], **OPTIONS)
            scratch.replace(cached)
    made = {cached for _doc, _html, cached in missing}
    for doc, _html, cached in wanted:
        target = site_dir / doc.pdf
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    used = {cached.name for _doc, _html, cached in wanted}
    for old in cache.glob("*.pdf"):  # what no build used for a day goes (not sooner: another build may use it now)
        if old.name not in used and old.stat().st_mtime < time.time() - KEPT:
            old.unlink(missing_ok=True)
    add_links(site_dir, docs)
    return f"PDFs of the guide: {len(made)} made, {len(used) - len(made)} unchanged since the last build"


def _cannot(site_dir: Path, offering: AbstractSet[str], why: str, mode: str) -> str:
    """WeasyPrint cannot make the PDFs: the pages lose their markers, or the build fails (``required``)."""
    drop_links(site_dir, offering)
    said = f"WeasyPrint cannot load ({why}); install Debian's {DEBIAN_PACKAGES} to make them"
    if mode == "required":
        raise Missing(f"PDFs required (BSS_PDFS=required), but {said}.")
    return f"PDFs skipped: {said}. The site is built without links to them."


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _document_html(site_dir: Path, doc: Document) -> str:
    """The page's article, in the frame the PDF's header and footer are read from (pdf.html)."""
    found = ARTICLE.search((site_dir / doc.page).read_text(encoding="utf-8"))
    if found is None:
        raise ValueError(f"{doc.page}: no <article class=\"md-content__inner md-typeset\"> to make its PDF from "
                         "(has the theme changed?)")
    return _ENV.get_template("pdf.html").render(doc=doc, body=Markup(found.group(1)))


def _fetcher(site_dir: Path, public: str, weasyprint):
    """WeasyPrint reads the site's own addresses from the built site's files, and nothing else: no
    request leaves the machine, and no address in a page can point it at a file elsewhere."""
    root = site_dir.resolve()

    class SiteFiles(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            path = (root / unquote(urlsplit(url[len(public):]).path)).resolve() if url.startswith(public) else None
            if path is None or not path.is_relative_to(root) or not path.is_file():
                raise ValueError(f"not a file of the built site: {url}")
            return super().fetch(path.as_uri(), headers)
    return SiteFiles(allowed_protocols={"file"})


def add_links(site_dir: Path, docs: list[Document]) -> None:
    """Each page that offers a PDF gets its link, with the file's size, where its template put the
    marker (only the documents' pages have one)."""
    template = _ENV.get_template("pdf-link.html")
    offered: dict[str, Document] = {page: doc for doc in docs for page in doc.linked_from}
    for page, doc in offered.items():
        path = site_dir / page
        html = path.read_text(encoding="utf-8")
        href = os.path.relpath(site_dir / doc.pdf, path.parent).replace(os.sep, "/")
        size = megabytes((site_dir / doc.pdf).stat().st_size, doc.locale)
        link = template.render(href=href, text=doc.link(size), name=Path(doc.pdf).name)
        html = MARKER.sub(_literal(link), html, count=1)
        path.write_text(MARKER.sub("", html), encoding="utf-8")


def _literal(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement that puts ``text`` in as it is (a string given to ``re.sub`` would read its backslashes)."""
    return lambda _match: text


def drop_links(site_dir: Path, pages: AbstractSet[str]) -> None:
    """Take the PDF marker out of ``pages`` (files relative to ``site_dir``; those of the
    documents: no other template puts one)."""
    for page in pages:
        path = site_dir / page
        html = path.read_text(encoding="utf-8") if path.is_file() else ""
        if MARKER.search(html):
            path.write_text(MARKER.sub("", html), encoding="utf-8")


def megabytes(size: int, locale: str) -> str:
    """A file's size as a reader reads it: ``1.2 MB``, ``1,2 MB``, ``340 KB`` (a no-break space: the
    number never on another line than its unit)."""
    if size < 1_000_000:
        return f"{number(max(1, round(size / 1000)), locale)}\u00a0KB"
    return f"{number(round(size / 1_000_000, 1), locale)}\u00a0MB"
