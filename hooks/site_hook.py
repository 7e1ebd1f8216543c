"""The thin MkDocs hook: MkDocs events only, handing all work to the ``bss`` core.

The core builds every page of every language once per content change; mkdocs-static-i18n then
runs one MkDocs build per language and this hook hands each build its pages (see
notes/mkdocs-stack.md: files are added before static-i18n's on_files and filled after it).
"""
from __future__ import annotations

import logging
import os
from pathlib import Path

from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

from bss.addresses import form_actions_as_files
from bss.csp import header_policy, with_policy
from bss.fingerprint import fingerprint
from bss.problems import ContentError
from bss.sanitize import clean_html, rename_unsafe_ids, safe_id
from bss.search import index_site
from bss.site import build_site, extra_files, translation_report

log = logging.getLogger("mkdocs.hooks.bss")
_state: dict = {"key": None, "site": None}
# Test-only: builds a site whose pages are not sanitised, to prove the Content-Security-Policy
# stops what the sanitiser would have removed. Never set it for a site anyone will visit.
UNSAFE = os.environ.get("BSS_TEST_UNSANITISED") == "1"


def on_config(config):
    root = Path(config.config_file_path).parent
    key = fingerprint(root)
    if key != _state["key"]:
        _state.update(key=None, site=None)
        try:
            site = build_site(root, check_markup=not UNSAFE)
        except ContentError as exc:
            for problem in exc.problems:
                log.error(str(problem))
            raise PluginError(f"{len(exc.problems)} problem(s) in the content, listed above. "
                              "Nothing was built.") from None
        _state.update(key=key, site=site)
    return config


@event_priority(50)
def _add_generated_files(files, config):
    existing = {file.src_uri for file in files}  # Files.append resets MkDocs' own index: look up here
    for src_uri in _state["site"].pages:
        if src_uri in existing:
            raise PluginError(f"docs/{src_uri} clashes with a page generated from the data: rename or remove it")
        files.append(File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-110)
def _fill_generated_files(files, config):
    pages = _state["site"].pages
    for file in files:
        page = pages.get(file.src_uri)
        if page is not None:
            file.content_string = page.markdown
    return files


on_files = CombinedEvent(_add_generated_files, _fill_generated_files)


def on_page_markdown(markdown, page, config, files):
    if page.file.src_uri in _state["site"].pages:  # generated pages are resolved by the core
        return markdown
    return _state["site"].resolver.apply(markdown, config.theme["language"], page.file.src_uri)


def on_page_content(html, page, config, files):
    """The page as the theme will use it: body sanitised, and whatever the theme copies out of
    the page (title, description, table of contents) made as safe as the body."""
    if not UNSAFE:
        html, renamed = rename_unsafe_ids(html)
        html = clean_html(html)
        _make_toc_safe(page.toc, renamed)
    # The theme writes these into the HTML without escaping them.
    page.meta["title"] = str(escape(page.title or ""))
    if isinstance(page.meta.get("description"), str):
        page.meta["description"] = str(escape(page.meta["description"]))
    return html if config.use_directory_urls else form_actions_as_files(html)


def _make_toc_safe(items, renamed: dict[str, str]) -> None:
    """Table-of-contents entries as plain text, linking to the ids the body has."""
    for item in list(items):
        item.id = renamed.get(item.id, item.id)
        if not safe_id(item.id):
            items.remove(item)
            continue
        item.title = str(escape(Markup(item.title).striptags()))
        _make_toc_safe(item.children, renamed)


def on_post_page(output, page, config):
    return with_policy(output, page.content or "")


def on_post_template(output_content, template_name, config):
    return with_policy(output_content) if template_name.endswith(".html") else output_content


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every other language
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:  # a nested per-language build: act once, at the outer one
        return
    site_dir = Path(config.site_dir)
    for rel, text in extra_files(_state["site"], config.use_directory_urls).items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    (site_dir / "_headers").write_text(_headers(site_dir), encoding="utf-8")
    if os.environ.get("BSS_SEARCH_INDEX", "1") != "0":
        log.info(index_site(site_dir))
    log.info(translation_report(_state["site"], Path(config.docs_dir)))


def _headers(site_dir: Path) -> str:
    """Response headers for hosts that read a ``_headers`` file (Netlify, Cloudflare Pages)."""
    pages = [p.read_text(encoding="utf-8") for p in site_dir.rglob("*.html")]
    return "\n".join(["/*", f"  Content-Security-Policy: {header_policy(pages)}",
                      "  X-Content-Type-Options: nosniff", "  Referrer-Policy: strict-origin-when-cross-origin", ""])
