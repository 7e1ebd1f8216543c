"""From content to the Markdown of every generated page in every language."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import addresses, case_studies, catalogue, courses, glossary, guide, partners, programmes, results
from .content import Content, load_content
from .csp import with_policy
from .references import Resolver
from .render import Localizer, RenderedPage, Renderer
from .text import LANGUAGES, DEFAULT_LANGUAGE

PAGE_BUILDERS = (programmes.pages, partners.pages, case_studies.pages, catalogue.pages, results.pages, guide.pages,
                 glossary.pages, courses.pages)


@dataclass(frozen=True)
class Site:
    content: Content
    pages: dict[str, RenderedPage]  # by src_uri
    resolver: Resolver
    renderer: Renderer

    def untranslated(self) -> list[str]:
        """Where each text shown in Romanian on an English page comes from, once each."""
        return sorted({where for page in self.pages.values() for where in page.untranslated})


def build_site(root: Path, check_markup: bool = True) -> Site:
    """Load, validate and render everything; raises ContentError on any problem."""
    content = load_content(root, check_markup)
    resolver = Resolver(content)
    renderer = Renderer(content.strings, resolver)
    shared = {"content": content, "A": addresses, "short_prefix": {"ro": "/", "en": "/en/"}}
    pages: dict[str, RenderedPage] = {}
    for build in PAGE_BUILDERS:
        for spec in build(content):
            for page in renderer.render(spec, shared):
                pages[page.src_uri] = page
    return Site(content, pages, resolver, renderer)


def extra_files(site: Site, use_directory_urls: bool = True) -> dict[str, str]:
    """Files written beside the pages: short-link redirects and the open-data downloads."""
    return {**redirect_pages(site, use_directory_urls), **catalogue.open_data_files(site.content)}


def redirect_pages(site: Site, use_directory_urls: bool = True) -> dict[str, str]:
    """Static redirect pages for the guide's short links, by output file path, in every language.

    They work without JavaScript: a meta refresh, and a visible link for anyone it does not move.
    """
    out = {}
    for lang in LANGUAGES:
        prefix = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        for folder, (target_src, anchor, title) in guide.short_links(site.content).items():
            depth = (prefix + folder).count("/")
            href = "../" * depth + addresses.url_path(target_src, lang, use_directory_urls).lstrip("/")
            href += f"#{anchor}" if anchor else ""
            loc = Localizer(lang, folder, site.content.strings)
            out[f"{prefix}{folder}index.html"] = with_policy(site.renderer.render_html(
                "redirect.html", L=loc, href=href, title=loc.plain(title)))
    return out


def untranslated_documents(docs_dir: Path) -> list[str]:
    """Hand-written pages in docs/ that have no English file."""
    missing = []
    for file in sorted(docs_dir.rglob("*.md")):
        if file.name.count(".") == 1 and not file.with_name(file.stem + ".en.md").exists():
            missing.append(f"{file.relative_to(docs_dir.parent).as_posix()}: no English page ({file.stem}.en.md)")
    return missing


def translation_report(site: Site, docs_dir: Path) -> str:
    gaps = site.untranslated() + untranslated_documents(docs_dir)
    if not gaps:
        return "Translation report: every text has an English version."
    lines = [f"Translation report: {len(gaps)} text{'s' if len(gaps) != 1 else ''} not yet translated into English "
             "(shown in Romanian with a note):"]
    lines += [f"  {gap}" for gap in gaps]
    return "\n".join(lines)
