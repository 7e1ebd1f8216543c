"""From content to the Markdown of every generated page in every language.

    load_content  ->  page specs (one module per content type)  ->  Links  ->  Renderer
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


from bss.prepare.content import case_studies, courses, easy, glossary, guide, partners, programmes, taxonomies
from bss.prepare.pages import catalogue, home, illustrations, kept, qr, results, site_pages
from bss.prepare.content.load import Content, load_content
from bss.prepare.caches import Caches
from bss.fingerprint import fingerprint

from bss.prepare.pages.clashes import address_clashes
from bss.prepare.pages.links import Links
from bss.problems import ContentError
from bss.prepare.pages.prose import broken_links, markdown_anchors
from bss.prepare.pages.render import PageSpec, RenderedPage, Renderer
from bss.settings import CONFIG

PAGE_BUILDERS = (programmes.pages, partners.pages, case_studies.pages, catalogue.pages, results.pages, guide.pages,
                 glossary.pages, courses.pages, site_pages.pages, easy.pages, home.pages)
DOCS = {"search": "nav.search"}  # hand-written pages in docs/, by kind: their link text


@dataclass(frozen=True)
class Site:
    content: Content
    specs: list[PageSpec]
    links: Links
    renderer: Renderer
    pages: dict[str, RenderedPage]  # by src_uri
    assets: dict[str, str]  # generated files that are not pages (QR codes, service-type pictures), by src_uri
    world: kept.World | None = None  # the live preview's key of what every page may show (prepare.pages.kept)
    _short: dict = field(default_factory=dict, compare=False, repr=False)  # (language, folders?) -> short links

    def markdown(self, src_uri: str, markdown: str, lang: str) -> str | None:
        """A page's Markdown as the engine renders it: a generated page's own (resolved already;
        None if it reached the engine empty), a page of docs/ with its links resolved."""
        page = self.pages.get(src_uri)
        if page is not None:
            if not markdown.strip():
                return None
            return "" if page.body_at is not None else markdown  # made into HTML already: nothing to convert
        return self.links.resolve(markdown, lang, self.links.default_page(src_uri))

    def made_html(self, src_uri: str) -> RenderedPage | None:
        """A page prepare made straight into HTML (``html`` and ``toc``, which the engine must take
        instead of converting its Markdown); None for any other."""
        page = self.pages.get(src_uri)
        return page if page is not None and page.body_at is not None else None

    def generated(self, src_uri: str) -> str | None:
        """The text of a generated page or file (a QR code, a picture) by its source path; None for any other."""
        page = self.pages.get(src_uri)
        return page.markdown if page is not None else self.assets.get(src_uri)

    def clashes(self, existing: set[str]) -> list[str]:
        """The generated pages and files whose source path a file of docs/ already has."""
        return [src_uri for src_uri in [*self.pages, *self.assets] if src_uri in existing]

    def short_addresses(self, lang: str, directory_urls: bool = True) -> dict[str, str]:
        """Each guide address -> its short link, worked out once per language and build."""
        if (lang, directory_urls) not in self._short:
            self._short[lang, directory_urls] = self.links.short_addresses(lang, directory_urls)
        return self._short[lang, directory_urls]

    def untranslated(self) -> list[str]:
        """Each text shown in the default language on another language's page: where it is
        written, and which language lacks it."""
        return sorted({f"{where}: no {page.lang} text" for page in self.pages.values() for where in page.untranslated})


class Prepared:
    """The site of the current build, prepared again only when the content changed: the engine
    may ask for it more than once per build (static-i18n runs a build per language)."""

    def __init__(self) -> None:
        self.key: tuple | None = None
        self.site: Site | None = None
        self.caches = Caches()  # this build's, unless the caller passes its own

    def prepare(self, root: Path, config_file: str, check_markup: bool = True, caches: Caches | None = None) -> Site:
        """The site of ``root`` built with ``config_file``; raises ContentError on any problem.
        ``caches``: the live preview's, kept for its session; else this build's own."""
        key = (fingerprint(root), config_file)
        if key != self.key or self.site is None:
            self.key, self.site = None, None
            self.site = build_site(root, Path(config_file).name, check_markup, caches or self.caches)
            self.key = key
        return self.site


def check_site(root: Path, config: str = CONFIG, check_markup: bool = True,
               caches: Caches | None = None) -> tuple[Content, list[PageSpec], Links]:
    """Load and check everything a build needs, short of rendering; raises ContentError.

    Every collection is read and checked before any page is made, and every link between them
    registered, so that one run reports every problem of the content (not the first), each with
    its file and line: an editor fixes them all in one go."""
    content = load_content(root, config, check_markup, caches)
    specs = [spec for build in PAGE_BUILDERS for spec in build(content)]
    slugs = {lang: content.strings.t("easy.slug", lang) for lang in content.settings.languages}
    links = Links(content.settings.languages, content.settings.site_url, slugs, content.settings.directory_urls)
    for kind, key in DOCS.items():
        links.add_page(kind, "", content.strings.text(key))
    taxonomies.register(links, content)
    for spec in specs:
        links.add_page(spec.kind, spec.id, spec.label or spec.title)
        for kind, id, title, tooltip in spec.anchors:
            links.add_anchor(kind, id, title, tooltip)
    for act in content.legal_acts.values():
        links.add_name("legal-act", act.id, act.title)
    problems = (address_clashes(links, specs, Path(root)) + links.check_documents(content.documents)
                + links.check_pages(Path(root) / "docs", Path(root)))
    if problems:
        raise ContentError(problems)
    return content, specs, links


def build_site(root: Path, config: str = CONFIG, check_markup: bool = True, caches: Caches | None = None) -> Site:
    """Load, check and render everything; raises ContentError on any problem.

    Prepare's entry point (``bss.prepare.prepare``): the Markdown of every page of every language
    and the files beside them, with no engine involved, so the engine only turns Markdown into
    HTML and could be swapped. ``bss check`` and the editor's save check call it as the hook does,
    so what they refuse is exactly what the build refuses. ``caches``: the caller's (the live
    preview keeps one per session); a one-shot build gets a fresh one."""
    caches = caches or Caches()  # a one-shot build: a fresh one
    content, specs, links = check_site(root, config, check_markup, caches)
    renderer = Renderer(content.strings, links, caches=caches, extensions=content.settings.markdown_extensions)
    world = kept.world(root, config, {id: c.title for id, c in content.case_studies.items()}) if caches.keep_rendered else None
    pages: dict[str, RenderedPage] = {}
    for spec in specs:
        for page in kept.render(renderer, spec, caches, world):
            pages[page.src_uri] = page
    assets = {**qr_files(content, links, caches), **illustrations.files(content.service_types, renderer)}
    anchors = {(page.lang, links.default_page(uri)): page.anchors for uri, page in pages.items() if page.body_at is not None}
    for lang, target in {(p.lang, t) for p in pages.values() for t in p.linked_anchors()}:
        if (lang, target) not in anchors and (linked := pages.get(links.src_uri(target, lang))) is not None:
            anchors[(lang, target)] = markdown_anchors(linked.markdown, content.settings.markdown_extensions)
    if problems := broken_links(pages.values(), site_files(Path(root), links, assets), anchors):
        raise ContentError(problems)
    return Site(content, specs, links, renderer, pages, assets, world)


def site_files(root: Path, links: Links, assets: dict[str, str]) -> set[str]:
    """Every page and file of the site by source path, the default language's: docs/, the generated."""
    docs = root / "docs"
    return ({path.relative_to(docs).as_posix() for path in docs.rglob("*") if path.is_file()}
            | {entry.page for entry in links.entries.values() if entry.page} | set(assets))


def qr_files(content: Content, links: Links, caches: Caches | None = None) -> dict[str, str]:
    """A QR code of each short link, in each language, for slides: ``g/<chapter>/<section>/qr.svg``."""
    out = {}
    for lang in links.languages:
        for chapter, section in guide.short_links(content):
            kind, id = links.guide_entry(chapter, section)
            title = links.title(kind, id).get(lang)[0]
            url = links.short_url(chapter, section, lang)
            out[links.src_uri(links.qr_file(chapter, section), lang)] = qr.file(url, title, caches)
    return out
