"""The thin MkDocs hook: MkDocs events only, each handed to a stage of the ``bss`` core. A change in
MkDocs or mkdocs-static-i18n that breaks an assumption below stops the build, saying which.

1. ``on_config`` prepares every page of every language as Markdown or HTML (``bss.prepare``), once per change.
2. mkdocs-static-i18n runs a build per language (the events below fire in each); its ``on_files`` (-100) makes
   every File anew, so ``_add_generated_files`` (50) adds the generated pages, ``_fill_generated_files`` (-110) their text.
3. ``on_pre_page`` gives a page the menu leaves out its section; ``on_page_content`` finishes each page (one made
   as HTML takes its body, contents, anchors and links there); ``on_post_page``/``on_post_template`` add the CSP.
4. ``on_post_build`` (-200), once, not in static-i18n's nested builds: ``finish.finish_site``; the preview picks pages."""
from __future__ import annotations

import logging
import os
from functools import partial
from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc

from bss import finish, prepare
from bss.csp import with_policy
from bss.editor.admin import add_editor
from bss.problems import ContentError
from preview.rebuilds import active

log = logging.getLogger("mkdocs.hooks.bss")
_prepared = prepare.Prepared()  # the site of this build
_parents: dict[str, dict] = {}  # per language: the section of each page the menu leaves out
UNSAFE = os.environ.get("BSS_TEST_UNSANITISED") == "1"  # test-only (proves the CSP holds): never for a real site
I18N_PRIORITY = -100  # mkdocs-static-i18n's on_files, on_nav and on_post_build


def _nested(config) -> bool:  # static-i18n's per-language builds: whole-site work is done once, outside
    if (i18n := config.plugins.get("i18n")) is not None and not hasattr(i18n, "building"):
        raise PluginError("mkdocs-static-i18n no longer has the 'building' flag this hook relies on to act once, "
                          "after every language is built: see the docstring of hooks/site_hook.py")
    return i18n is not None and i18n.building


def on_config(config):
    root, nested = Path(config.config_file_path).parent, _nested(config)
    try:
        site = _prepared.prepare(root, config.config_file_path, not UNSAFE, (active() or _prepared).caches)
    except ContentError as exc:
        for problem in exc.problems:
            log.error(str(problem))
        raise PluginError(f"{len(exc.problems)} problem(s) in the content, listed above. Nothing was built.") from None
    added = prepare.menu(site)
    if active() is not None and not nested:  # the live preview: is every page built?
        active().start(root, site.pages, [config.nav, added], config.site_dir)
    config.nav = prepare.with_generated_pages(config.nav or [], added)
    return config


def on_env(env, config, files):
    env.bytecode_cache = (active() or _prepared).caches.theme_bytecode  # MkDocs compiles the theme for each build
    env.loader = ChoiceLoader([env.loader, FileSystemLoader(str(prepare.TEMPLATES))])  # the EU partials: one copy
    return env


@event_priority(I18N_PRIORITY - 50)  # after static-i18n has made the menu of this language
def on_nav(nav, config, files):
    for key in prepare.name_sections(_prepared.site, nav.items, lang := config.theme["language"]):
        raise PluginError(f"the menu section '{key}' in mkdocs.yml has no title in data/i18n/{lang}.yml")
    _parents[lang] = prepare.section_parents(_prepared.site, nav.items)  # pages the menu leaves out
    return nav


def on_pre_page(page, config, files):  # a page the menu leaves out still belongs to its section
    page.parent = page.parent or _parents.get(config.theme["language"], {}).get(page.file.src_uri)
    return page


@event_priority(50)  # before static-i18n: it must see the generated pages as files of docs/
def _add_generated_files(files, config):
    for clash in _prepared.site.clashes({file.src_uri for file in files}):  # Files.append resets MkDocs' own index
        raise PluginError(f"docs/{clash} clashes with a page generated from the data: rename or remove it")
    for src_uri in [*_prepared.site.pages, *_prepared.site.assets]:
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(I18N_PRIORITY - 10)  # after static-i18n rebuilt the list: the Files it left are the ones built
def _fill_generated_files(files, config):
    for file in files:
        if (text := _prepared.site.generated(file.src_uri)) is not None:
            file.content_string = text
        if active() is not None:  # consulted only by a dirty build (the live preview's)
            active().mark(file, config.theme["language"], text)
    return files


on_files = CombinedEvent(_add_generated_files, _fill_generated_files)


def on_page_markdown(markdown, page, config, files):
    if (text := _prepared.site.markdown(page.file.src_uri, markdown, config.theme["language"])) is None:
        raise PluginError(f"{page.file.src_uri} reached rendering without its content: mkdocs-static-i18n "
                          "changed how it handles files (see the docstring of hooks/site_hook.py)")
    return text


def on_page_content(html, page, config, files):
    if (made := _prepared.site.made_html(page.file.src_uri)) is not None:  # prepare made it: MkDocs converted nothing
        html, page.toc, page.present_anchor_ids = made.html, get_toc(made.toc), set(made.anchors)
        page.links_to_anchors = {f: a for t, a in made.linked_anchors().items() if (f := files.get_file_from_path(t))}
    short = _prepared.site.short_addresses(config.theme["language"], config.use_directory_urls)
    return finish.finish_page(html, page, short, config.use_directory_urls, sanitise=not UNSAFE)


def on_page_context(context, page, config, nav):
    site, lang, folders = _prepared.site, config.theme["language"], config.use_directory_urls
    context["bss"] = prepare.theme_strings(site, lang, page.url, folders)
    prepare.point_alternates(site.links, page.meta.get("versions"), getattr(config.extra, "alternate", None), folders)
    return context


def on_template_context(context, template_name, config):  # a template that is not a page (404.html, say)
    context["bss"] = prepare.theme_strings(_prepared.site, config.theme["language"], None, config.use_directory_urls)
    return context


def on_post_page(output, page, config):
    return with_policy(output, page.content or "")


def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") else output_content


@event_priority(I18N_PRIORITY - 100)  # after static-i18n has built every other language
def on_post_build(config):
    if _nested(config):  # a nested per-language build: act once, at the outer one (the preview defers the steps)
        return
    site, site_dir, session = _prepared.site, Path(config.site_dir), active()
    folders, caches = config.use_directory_urls, (session or _prepared).caches  # the preview's, kept for its session
    editor = partial(add_editor, site_dir, config.config_file_path, folders, bool(session), caches)
    pdfs = None if session else finish.pdf_step(site_dir, prepare.pdf_documents(site, folders), config.config_file_path)
    try:  # PdfsMissing: BSS_PDFS=required (the publishing workflow) and no WeasyPrint
        finish.finish_site(site_dir, finish.SiteFiles(**prepare.finishing(site, folders)), say=log.info, editor=editor,
                           search=os.environ.get("BSS_SEARCH_INDEX", "1") != "0", defer=session and session.defer, pdfs=pdfs)
    except finish.PdfsMissing as exc:
        raise PluginError(str(exc)) from None
    for line in prepare.build_notes(site, Path(config.docs_dir), config.site_url):  # translations, address
        log.info(line)
    if session is not None:  # the live preview: what this build wrote is what the next one compares with
        session.finish()
