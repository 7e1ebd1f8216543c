"""From content to the Markdown of every generated page in every language.

    load_content  ->  page specs (one module per content type)  ->  Links  ->  Renderer
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import case_studies, catalogue, courses, easy, glossary, guide, home, partners, programmes, qr, results, site_pages, taxonomies
from .content import Content, load_content
from .csp import with_policy
from urllib.parse import urlsplit

from .addresses import absolute_addresses
from .links import Links
from .problems import ContentError
from .render import PageSpec, RenderedPage, Renderer
from .settings import CONFIG

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
    assets: dict[str, str]  # generated files that are not pages (the QR codes), by src_uri

    def untranslated(self) -> list[str]:
        """Each text shown in the default language on another language's page: where it is
        written, and which language lacks it."""
        return sorted({f"{where}: no {page.lang} text" for page in self.pages.values() for where in page.untranslated})


def check_site(root: Path, config: str = CONFIG, check_markup: bool = True) -> tuple[Content, list[PageSpec], Links]:
    """Load and check everything a build needs, short of rendering; raises ContentError."""
    content = load_content(root, config, check_markup)
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


def build_site(root: Path, config: str = CONFIG, check_markup: bool = True) -> Site:
    """Load, check and render everything; raises ContentError on any problem."""
    content, specs, links = check_site(root, config, check_markup)
    renderer = Renderer(content.strings, links)
    pages: dict[str, RenderedPage] = {}
    for spec in specs:
        for page in renderer.render(spec):
            pages[page.src_uri] = page
    return Site(content, specs, links, renderer, pages, qr_files(content, links))


def qr_files(content: Content, links: Links) -> dict[str, str]:
    """A QR code of each short link, in each language, for slides: ``g/<chapter>/<section>/qr.svg``."""
    out = {}
    for lang in links.languages:
        for chapter, section in guide.short_links(content):
            kind, id = links.guide_entry(chapter, section)
            title = links.title(kind, id).get(lang)[0]
            out[links.src_uri(links.qr_file(chapter, section), lang)] = qr.file(links.short_url(chapter, section, lang), title)
    return out


# The menu: under each section's own page, the pages generated from the data, by kind.
MENU = {"programmes": ("programme",), "partners": ("partner",), "case-studies": ("case-study", "open-data"),
        "guide": ("chapter", "guide-whole"), "courses": ("course",)}
# Past this many case studies the menu lists them under their service types: every page of a
# section carries that section's menu, so one long list would make each case study's page carry
# every other one (pages, and builds, growing as the square of the count).
MENU_LIST_AT_MOST = 40


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
        cases = by_kind.get("case-study", [])
        if section == "case-studies" and len(cases) > MENU_LIST_AT_MOST:
            groups: dict[str, list] = {}
            for spec in cases:
                groups.setdefault(site.content.case_studies[spec.id].service_type, []).append(site.links.page("case-study", spec.id))
            listed = {page for pages in groups.values() for page in pages}
            entries = [{f"service-type:{id}": groups[id]} for id in site.content.service_types if id in groups] + \
                      [entry for entry in entries if entry not in listed]
        out[site.links.page(section)] = entries
    return out


def menu_title(site: Site, key: str, lang: str) -> str | None:
    """The title in ``lang`` of a menu section named by a key (``nav.guide``, ``course:<id>``,
    ``service-type:<id>``); None for any other."""
    if key.startswith("course:") and key[7:] in site.content.courses:
        return site.content.courses[key[7:]].title.get(lang)[0]
    if key.startswith("service-type:") and key[13:] in site.content.service_types:
        return site.content.service_types[key[13:]].name.get(lang)[0]
    if key.startswith("nav.") and site.content.strings.has(key, lang):
        return site.content.strings.t(key, lang)
    return None


def extra_files(site: Site, use_directory_urls: bool = True) -> dict[str, str]:
    """Files written beside the pages: short-link redirects and the open-data downloads."""
    return {**redirect_pages(site, use_directory_urls), **alias_pages(site, use_directory_urls),
            **moved_pages(site, use_directory_urls),
            **catalogue.open_data_files(site.content, site.links, site.content.strings)}


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


def not_found_pages(site: Site, read) -> dict[str, str]:
    """Each language's "page not found" as hosts serve it, ``404.html`` at the language's root,
    with absolute addresses (it is shown at any address). ``read(path)`` gives a built page."""
    links, out = site.links, {}
    base = urlsplit(site.links.site_url or "/").path.rstrip("/") + "/"
    for lang in links.languages:
        url = links.url("not-found", "", lang).lstrip("/")
        out[f"{links.prefix(lang)}404.html"] = absolute_addresses(read(f"{url}index.html"), url, base)
    return out
