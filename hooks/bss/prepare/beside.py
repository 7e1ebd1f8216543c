"""What finish writes beside the pages, from the prepared site, as plain data: short-link and alias
redirects, the open-data downloads, the catalogue's index, the question banks, the 404 pages' sources."""
from __future__ import annotations

from urllib.parse import urlsplit

from bss.csp import with_policy
from bss.prepare.content import guide
from bss.prepare.pages import catalogue, catalogue_lists, illustrations, kept, question_banks
from bss.prepare.read.files import IMAGES_DIR
from bss.prepare.site import Site


def extra_files(site: Site, use_directory_urls: bool = True) -> dict[str, str]:
    """Files written beside the pages: short-link redirects, the open-data downloads, the question banks."""
    return {**redirect_pages(site, use_directory_urls), **alias_pages(site, use_directory_urls),
            **moved_pages(site, use_directory_urls),
            **catalogue.open_data_files(site.content, site.links, site.content.strings),
            **catalogue_lists.index_files(site.content, site.links, f"/{IMAGES_DIR.removeprefix('docs/')}/",
                                          {t: illustrations.file(t) for t in site.content.service_types}, use_directory_urls),
            **kept.keep(site.renderer.caches, "question-banks", site.world, repr(site.content.courses), lambda: question_banks.files(
                site.content.courses, site.links, site.content.strings, site.content.settings.markdown_extensions,
                site.renderer.caches))}


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
