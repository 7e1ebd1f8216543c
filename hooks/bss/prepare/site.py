"""From content to the Markdown of every generated page in every language.

    load_content  ->  page specs (one module per content type)  ->  Links  ->  Renderer
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape

from bss.prepare.content import case_studies, courses, easy, glossary, guide, partners, programmes, taxonomies
from bss.prepare.pages import catalogue, catalogue_lists, home, illustrations, qr, question_banks, results, site_pages
from bss.prepare.content.load import Content, load_content
from bss.csp import with_policy
from bss.prepare.caches import Caches
from bss.fingerprint import fingerprint
from urllib.parse import urlsplit

from bss.prepare.pages.links import Links
from bss.prepare.read.files import IMAGES_DIR
from bss.problems import ContentError
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
    _short: dict = field(default_factory=dict, compare=False, repr=False)  # (language, folders?) -> short links

    def markdown(self, src_uri: str, markdown: str, lang: str) -> str | None:
        """A page's Markdown as the engine renders it: a generated page's own (resolved already;
        None if it reached the engine empty), a page of docs/ with its links resolved."""
        if src_uri in self.pages:
            return markdown if markdown.strip() else None
        return self.links.resolve(markdown, lang, self.links.default_page(src_uri))

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
    """Load and check everything a build needs, short of rendering; raises ContentError."""
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
    problems = links.check_documents(content.documents) + links.check_pages(Path(root) / "docs", Path(root))
    if problems:
        raise ContentError(problems)
    return content, specs, links


def build_site(root: Path, config: str = CONFIG, check_markup: bool = True, caches: Caches | None = None) -> Site:
    """Load, check and render everything; raises ContentError on any problem."""
    caches = caches or Caches()  # a one-shot build: a fresh one
    content, specs, links = check_site(root, config, check_markup, caches)
    renderer = Renderer(content.strings, links, caches=caches)
    pages: dict[str, RenderedPage] = {}
    for spec in specs:
        for page in renderer.render(spec):
            pages[page.src_uri] = page
    assets = {**qr_files(content, links, caches), **illustrations.files(content.service_types, renderer)}
    return Site(content, specs, links, renderer, pages, assets)


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


# The menu: under each section's own page, the pages generated from the data, by kind. Case studies
# are not in it: every page of a section carries that section's menu, so listing them (even grouped
# by service type) made each case study's page carry every other one, and pages and builds grew as
# the square of their number (issue 26). Readers reach them through the catalogue, which lists and
# filters them all, and a case study links back to the others of its service type there.
MENU = {"programmes": ("programme",), "partners": ("partner",), "case-studies": ("open-data",),
        "guide": ("chapter", "guide-whole"), "courses": ("course",)}


def menu(site: Site) -> dict[str, list]:
    """For each section's page (its source path), the menu entries to add under it, in the form
    MkDocs reads a nav: page paths, and ``{title: [pages]}`` for a subsection (a course, titled
    ``course:<id>`` for the hook to name in each language)."""
    by_kind: dict[str, list] = {}
    for spec in site.specs:
        by_kind.setdefault(spec.kind, []).append(spec)
    out = {}
    for section, kinds in MENU.items():
        entries = []
        for kind in kinds:
            for spec in by_kind.get(kind, []):
                page = site.links.page(kind, spec.id)
                if kind == "course":
                    course = site.content.courses[spec.id]
                    pages = [page] + [site.links.page("module", m.key) for m in course.own_modules]  # one place in the menu each
                    entries.append({f"course:{course.id}": pages + [site.links.page("certificate", course.id)]})
                else:
                    entries.append(page)
        out[site.links.page(section)] = entries
    return out


# The pages the menu leaves out, all in the catalogue's section: the case studies, and the
# catalogue's other pages of results.
OUT_OF_MENU = ("case-study", "catalogue-page", "catalogue-type", "catalogue-district")


def menu_homes(site: Site) -> dict[str, str]:
    """The pages the menu leaves out (case studies, pages of results), each with the first page of
    the menu section they belong to (the catalogue), by src_uri in every language: the menu still
    says where the reader is, and leads to the others from there."""
    out = {}
    for lang in site.links.languages:
        home = site.links.src_uri(site.links.page("case-studies"), lang)
        for spec in site.specs:
            if spec.kind in OUT_OF_MENU:
                out[site.links.src_uri(site.links.page(spec.kind, spec.id), lang)] = home
    return out


def menu_title(site: Site, key: str, lang: str) -> str | None:
    """The title in ``lang`` of a menu section named by a key (``nav.guide``, ``course:<id>``);
    None for any other."""
    if key.startswith("course:") and key[7:] in site.content.courses:
        return site.content.courses[key[7:]].title.get(lang)[0]
    if key.startswith("nav.") and site.content.strings.has(key, lang):
        return site.content.strings.t(key, lang)
    return None


def with_generated_pages(nav: list, added: dict[str, list]) -> list:
    """The configured menu (mkdocs.yml's nav), each section followed by the generated pages of its kind."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            (title, children), = item.items()
            if isinstance(children, list):
                first = children[0] if children and isinstance(children[0], str) else None
                extra = [e for e in added.get(first, []) if e not in children]
                item = {title: with_generated_pages(children, added) + extra}
        out.append(item)
    return out


def name_sections(site: Site, items: list, lang: str) -> list[str]:
    """Give each menu section named by a key (``nav.guide``, ``course:<id>``)
    its title in ``lang``, escaped (the theme writes it as is); returns the keys that have none.
    ``items``: the engine's menu, duck-typed (``.is_section``, ``.title``, ``.children``)."""
    missing = []
    for section in _sections(items):
        title = menu_title(site, section.title, lang)
        if title is not None:
            section.title = str(escape(title))
        elif section.title.startswith(("nav.", "course:")):
            missing.append(section.title)
    return missing


def section_parents(site: Site, items: list) -> dict:
    """For each page the menu leaves out (a case study), by src_uri, the engine's menu section it
    belongs to (the catalogue's): the engine marks that section active while it builds the page, and
    the theme shows the reader where they are. ``items``: the engine's menu, duck-typed
    (``.is_section``, ``.children``, a page's ``.is_page`` and ``.file.src_uri``)."""
    firsts = {s.children[0].file.src_uri: s for s in _sections(items) if s.children and s.children[0].is_page}
    return {uri: firsts[home] for uri, home in menu_homes(site).items() if home in firsts}


def _sections(items):
    for item in items:
        if item.is_section:
            yield item
            yield from _sections(item.children)


def extra_files(site: Site, use_directory_urls: bool = True) -> dict[str, str]:
    """Files written beside the pages: short-link redirects, the open-data downloads, the question banks."""
    return {**redirect_pages(site, use_directory_urls), **alias_pages(site, use_directory_urls),
            **moved_pages(site, use_directory_urls),
            **catalogue.open_data_files(site.content, site.links, site.content.strings),
            **catalogue_lists.index_files(site.content, site.links, f"/{IMAGES_DIR.removeprefix('docs/')}/",
                                          {t: illustrations.file(t) for t in site.content.service_types}, use_directory_urls),
            **question_banks.files(site.content.courses, site.links, site.content.strings,
                                   site.content.settings.markdown_extensions)}


def redirect_pages(site: Site, use_directory_urls: bool = True) -> dict[str, str]:
    """Static redirect pages for the guide's short links, by output file path, in every language.

    They work without JavaScript: a meta refresh, and a visible link for anyone it does not move.
    """
    links, out = site.links, {}
    for lang in links.languages:
        for chapter, section in guide.short_links(site.content):
            folder, href = links.redirect(chapter, section, lang, use_directory_urls)
            kind, id = links.guide_entry(chapter, section)
            loc = site.renderer.localizer(lang, links.page(kind, id))
            out[f"{folder}index.html"] = with_policy(site.renderer.render_html(
                "redirect.html", L=loc, href=href, title=loc.plain(links.title(kind, id))))
    return out


def alias_pages(site: Site, use_directory_urls: bool = True) -> dict[str, str]:
    """Where a page's address differs by language (an easy-to-read page: .../usor-de-citit/,
    /en/.../easy-to-read/), each other language's word leads, in this language, to the page."""
    links, out = site.links, {}
    for spec in site.specs:
        versions = links.versions(spec.kind, spec.id)
        for lang in links.languages:
            for page in versions.values():
                if page != versions[lang]:
                    out.update(_redirect(site, lang, page, versions[lang], spec.title, use_directory_urls))
    return out


def moved_pages(site: Site, use_directory_urls: bool = True) -> dict[str, str]:
    """A module a course no longer has (its ``moved`` list): in every language, its old address
    leads to the module that teaches it now, and its easy-to-read address (under either
    language's word) to that module's easy-to-read page, or to the module if it has none."""
    links, out = site.links, {}
    modules = {m.key: m for course in site.content.courses.values() for m in course.modules}
    for course in site.content.courses.values():
        for old, key in course.moved:
            module, easy = modules[key], links.versions("module-easy", key)
            for lang in links.languages:
                out.update(_redirect(site, lang, links.versions("module", f"{course.id}/{old}")[lang],
                                     links.page("module", key), module.title, use_directory_urls))
                target = easy[lang] if module.easy else links.page("module", key)
                for page in links.versions("module-easy", f"{course.id}/{old}").values():
                    out.update(_redirect(site, lang, page, target, module.title, use_directory_urls))
    return out


def _redirect(site: Site, lang: str, page: str, target: str, title, use_directory_urls: bool) -> dict[str, str]:
    """The file at page ``page``'s address in ``lang`` that leads, in ``lang``, to page ``target``."""
    links = site.links
    alias, to = links.page_url(page, lang, use_directory_urls), links.page_url(target, lang, use_directory_urls)
    loc = site.renderer.localizer(lang, target)
    html = site.renderer.render_html("redirect.html", L=loc, href=links.relative_url(to, alias), title=loc.plain(title))
    return {alias.lstrip("/") + ("index.html" if alias.endswith("/") else ""): with_policy(html)}


def not_found_sources(site: Site) -> dict[str, str]:
    """Each language's "page not found" as hosts serve it, ``404.html`` at the language's root ->
    the address of the built page it copies (finish makes its addresses absolute: it is shown at
    any address)."""
    links = site.links
    return {f"{links.prefix(lang)}404.html": links.url("not-found", "", lang).lstrip("/") for lang in links.languages}


def finishing(site: Site, use_directory_urls: bool = True) -> dict:
    """What finish needs from the prepared site, as plain data (``bss.finish.SiteFiles``' fields):
    the files written beside the pages, the 404 pages' sources (hosts look for them only in a
    build with folder addresses) and the site's base path."""
    return {"extra": extra_files(site, use_directory_urls),
            "not_found": not_found_sources(site) if use_directory_urls else {},
            "base": urlsplit(site.links.site_url or "/").path.rstrip("/") + "/"}
