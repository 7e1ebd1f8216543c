"""The thin MkDocs hook: MkDocs events only, handing all work to the ``bss`` core.

How the parts fit (checked at run time: a change in MkDocs or mkdocs-static-i18n that breaks
one of these assumptions stops the build with a message that says which):

1. ``on_config`` builds the whole site once per content change: every page of every language,
   as Markdown (``bss.site.build_site``). It fails the build, listing every content problem, if
   the content is wrong.
2. mkdocs-static-i18n (``docs_structure: suffix``) runs one MkDocs build per language, and every
   event below fires once per language. Its own ``on_files`` runs at priority -100 and replaces
   every File object, so generated pages are handed over in two steps around it:
   at priority 50, ``_add_generated_files`` adds a plain File for each generated page, named as
   if it lived in docs/ (``x.md``, ``x.en.md``); at priority -110, after static-i18n rebuilt the
   list, ``_fill_generated_files`` gives each its Markdown (``File.content_string``). A page
   that reaches ``on_page_markdown`` without it fails the build.
3. ``on_page_content`` sanitises each page body and makes what the theme copies out of the page
   (title, description, table of contents) as safe; ``on_post_page`` and ``on_post_template``
   add the Content-Security-Policy to every HTML file.
4. ``on_post_build`` at priority -200 runs after static-i18n has built the other languages; it
   acts only in the outer build (static-i18n's ``building`` flag is false there): the short-link
   redirects, the open data, the response headers, the search index, the translation report.
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.utils import clean_directory

from bss.cms_admin import add_editor
from bss.csp import header_policy, with_policy
from bss.fingerprint import fingerprint
from bss.incremental import REBUILDS, TEMPLATES, frame, page_title
from bss.addresses import form_actions_as_files, mark_short_links
from bss.pdfs import Missing as PdfsMissing, documents as pdf_documents, make_pdfs
from bss.problems import ContentError
from bss.sanitize import clean_html, rename_unsafe_ids, safe_id
from bss.search import index_site
from bss.settings import address_notice
from bss.report import summary as translation_summary
from bss.site import build_site, extra_files, menu, menu_title, not_found_pages

log = logging.getLogger("mkdocs.hooks.bss")
_state: dict = {"key": None, "site": None, "short": {}}
# Test-only: builds a site whose pages are not sanitised, to prove the Content-Security-Policy
# stops what the sanitiser would have removed. Never set it for a site anyone will visit.
UNSAFE = os.environ.get("BSS_TEST_UNSANITISED") == "1"
I18N_PRIORITY = -100  # mkdocs-static-i18n's on_files, on_nav and on_post_build


def on_config(config):
    root = Path(config.config_file_path).parent
    i18n = config.plugins.get("i18n")
    if i18n is not None and not hasattr(i18n, "building"):
        raise PluginError("mkdocs-static-i18n no longer has the 'building' flag this hook relies on to act once, "
                          "after every language is built: see the docstring of hooks/site_hook.py")
    key = (fingerprint(root), config.config_file_path)
    if key != _state["key"]:
        _state.update(key=None, site=None)
        try:
            site = build_site(root, Path(config.config_file_path).name, check_markup=not UNSAFE)
        except ContentError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError(f"{len(exc.problems)} problem(s) in the content, listed above. "
                              "Nothing was built.") from None
        _state.update(key=key, site=site, short={})
    added = menu(_state["site"])
    if REBUILDS.enabled and not (i18n is not None and i18n.building):  # the live preview: is every page built?
        titles = [(src_uri, page_title(page.markdown)) for src_uri, page in _state["site"].pages.items()]
        if REBUILDS.begin(frame(root, titles, [config.nav, added])):
            REBUILDS.settle()  # the last build's search index may still be reading the folder
            clean_directory(config.site_dir)
    config.nav = _with_generated_pages(config.nav or [], added)
    return config


def on_env(env, config, files):
    env.bytecode_cache = TEMPLATES  # MkDocs compiles the theme for each build; once is enough
    return env


def _with_generated_pages(nav: list, added: dict[str, list]) -> list:
    """The configured menu, each section followed by the generated pages of its kind."""
    out = []
    for item in nav:
        if isinstance(item, dict):
            (title, children), = item.items()
            if isinstance(children, list):
                first = children[0] if children and isinstance(children[0], str) else None
                extra = [e for e in added.get(first, []) if e not in children]
                item = {title: _with_generated_pages(children, added) + extra}
        out.append(item)
    return out


@event_priority(I18N_PRIORITY - 50)  # after static-i18n has made the menu of this language
def on_nav(nav, config, files):
    site, lang = _state["site"], config.theme["language"]
    for section in _sections(nav.items):
        title = menu_title(site, section.title, lang)
        if title is not None:
            section.title = str(escape(title))
        elif section.title.startswith(("nav.", "course:", "service-type:")):
            raise PluginError(f"the menu section '{section.title}' in mkdocs.yml has no title in data/i18n/{lang}.yml")
    return nav


def _sections(items):
    for item in items:
        if item.is_section:
            yield item
            yield from _sections(item.children)


@event_priority(50)  # before static-i18n: it must see the generated pages as files of docs/
def _add_generated_files(files, config):
    existing = {file.src_uri for file in files}  # Files.append resets MkDocs' own index: look up here
    for src_uri in [*_state["site"].pages, *_state["site"].assets]:
        if src_uri in existing:
            raise PluginError(f"docs/{src_uri} clashes with a page generated from the data: rename or remove it")
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(I18N_PRIORITY - 10)  # after static-i18n rebuilt the list: the Files it left are the ones built
def _fill_generated_files(files, config):
    pages, assets = _state["site"].pages, _state["site"].assets
    lang = config.theme["language"]
    for file in files:
        page = pages.get(file.src_uri)
        text = page.markdown if page is not None else assets.get(file.src_uri)
        if text is not None:
            file.content_string = text
        if REBUILDS.enabled:  # consulted only by a dirty build (the live preview's)
            if text is not None:
                changed = REBUILDS.changed(lang, file.src_uri, text)
            else:  # a page of docs/ shows links to the generated ones; a static file: MkDocs' own test
                changed = file.is_documentation_page() or file.is_modified()
            file.is_modified = lambda changed=changed: changed
    return files


on_files = CombinedEvent(_add_generated_files, _fill_generated_files)


def on_page_markdown(markdown, page, config, files):
    site = _state["site"]
    if page.file.src_uri in site.pages:
        if not markdown.strip():
            raise PluginError(f"{page.file.src_uri} reached rendering without its content: mkdocs-static-i18n "
                              "changed how it handles files (see the docstring of hooks/site_hook.py)")
        return markdown  # resolved by the core
    return site.links.resolve(markdown, config.theme["language"], site.links.default_page(page.file.src_uri))


def on_page_content(html, page, config, files):
    """The page as the theme will use it: body sanitised, and whatever the theme copies out of
    the page (title, description, table of contents) made as safe as the body."""
    if not UNSAFE:
        html, renamed = rename_unsafe_ids(html)
        html = clean_html(html)
        _make_toc_safe(page.toc, renamed)
    html = mark_short_links(html, page.url, _short_addresses(config.theme["language"], config.use_directory_urls))
    # The theme writes these into the HTML without escaping them.
    page.meta["title"] = str(escape(page.title or ""))
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = str(escape(page.meta["description"]))
    return html if config.use_directory_urls else form_actions_as_files(html)


def _short_addresses(lang: str, directory_urls: bool) -> dict[str, str]:
    """Each guide address -> its short link, worked out once per language and build."""
    cache = _state["short"]
    if (lang, directory_urls) not in cache:
        cache[lang, directory_urls] = _state["site"].links.short_addresses(lang, directory_urls)
    return cache[lang, directory_urls]


def _make_toc_safe(items, renamed: dict[str, str]) -> None:
    """Table-of-contents entries as plain text, linking to the ids the body has."""
    for item in list(items):
        item.id = renamed.get(item.id, item.id)
        if not safe_id(item.id):
            items.remove(item)
            continue
        item.title = str(escape(Markup(item.title).striptags()))
        _make_toc_safe(item.children, renamed)


def on_page_context(context, page, config, nav):
    context["bss"] = _theme_strings(config, page.url)
    versions = page.meta.get("versions")
    if versions:  # static-i18n (which ran before) points the language menu at the same path in each language
        links = _state["site"].links
        # static-i18n keeps this page's menu as an attribute of config.extra (what the theme reads)
        for alternate in getattr(config.extra, "alternate", None) or []:
            if alternate["lang"] in versions:
                lang = alternate["lang"]
                alternate["link"] = links.page_url(versions[lang], lang, config.use_directory_urls).lstrip("/")
    return context


def on_template_context(context, template_name, config):
    context["bss"] = _theme_strings(config, None)
    return context


def _theme_strings(config, page_url: str | None) -> dict:
    """What the theme's partials show, in the page's language: the footer, and the header's search
    box (its form goes to the search page, addressed from this page)."""
    site, lang = _state["site"], config.theme["language"]
    strings = site.content.strings
    search = None
    if page_url is not None:
        target = site.links.page_url(site.links.page("search"), lang, config.use_directory_urls)
        action = site.links.relative_url(target, page_url)
        search = {"action": action, **{key: strings.t(f"search.{key}", lang) for key in ("label", "placeholder", "submit")}}
    return {"footer": strings.t("theme.footer", lang), "search": search}


def on_post_page(output, page, config):
    return with_policy(output, page.content or "")


def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") else output_content


@event_priority(I18N_PRIORITY - 100)  # after static-i18n has built every other language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:  # a nested per-language build: act once, at the outer one
        return
    site_dir = Path(config.site_dir)
    site = _state["site"]
    for rel, text in extra_files(site, config.use_directory_urls).items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if config.use_directory_urls:  # the "page not found" of each language, where hosts look for it
        read = lambda rel: (site_dir / rel).read_text(encoding="utf-8")  # noqa: E731
        for rel, text in not_found_pages(site, read).items():
            (site_dir / rel).write_text(text, encoding="utf-8")
    if REBUILDS.enabled:  # the live preview rebuilds often: make site makes the PDFs
        log.info("PDFs of the guide not made in the live preview (make site makes them)")
    else:  # before the search index, which reads the pages their links go into
        try:
            log.info(make_pdfs(site_dir, pdf_documents(site, config.use_directory_urls), _pdf_cache(config),
                               os.environ.get("BSS_PDFS", "auto")))
        except PdfsMissing as exc:
            raise PluginError(str(exc)) from None
    steps = [lambda: _write_headers(site_dir),  # before the editor, which adds its own rule
             lambda: add_editor(site_dir, Path(config.config_file_path), config.use_directory_urls,
                                local=REBUILDS.enabled)]
    if os.environ.get("BSS_SEARCH_INDEX", "1") != "0":
        steps.append(lambda: index_site(site_dir, background=REBUILDS.enabled))
    for step in steps:
        if REBUILDS.enabled:  # the live preview serves the pages first
            REBUILDS.defer(step)
        else:
            log.info(step())
    log.info(translation_summary(site, Path(config.docs_dir)))
    notice = address_notice(config.site_url)  # (never in the live preview: it serves at its own address)
    if notice:
        log.info(notice)
    if REBUILDS.enabled:
        REBUILDS.finish()


def _pdf_cache(config) -> Path:
    """Where the PDFs of the last build of this configuration are kept, to be made again only
    when their page changed."""
    config_file = Path(config.config_file_path)
    return config_file.parent / ".cache" / "pdfs" / config_file.stem


def _write_headers(site_dir: Path) -> str:
    (site_dir / "_headers").write_text(_headers(site_dir), encoding="utf-8")
    return "Response headers written to _headers"


def _headers(site_dir: Path) -> str:
    """Response headers for hosts that read a ``_headers`` file (Netlify, Cloudflare Pages)."""
    pages = [p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")]
    return "\n".join(["/*", f"  Content-Security-Policy: {header_policy(pages)}",
                      "  X-Content-Type-Options: nosniff", "  Referrer-Policy: strict-origin-when-cross-origin", ""])
