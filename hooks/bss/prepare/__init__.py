"""Prepare: YAML content -> validated records -> the Markdown pages, menu and extra files of every
language. Pure Python: no MkDocs.

    read/      reading and checking files (YAML documents, records, JSON Schemas, Markdown, images)
    content/   one module per content type, and load.py (``load_content``: every collection checked)
    pages/     page specs rendered through Jinja2 (render.py), links, catalogue, QR codes, icons,
               the theme's strings (theme.py), the translation report
    site.py    the whole site: checked and rendered (``Site``)
    menus.py   its menu, for the engine
    beside.py  the files finish writes beside the pages

Entry points: ``prepare(root, config)`` -> ``Site`` (``Prepared``: once per content change) (every page of every language, as Markdown) and
``check(root, config)`` (everything checked, short of rendering); both raise ``ContentError``
listing every problem. Then, for the engine: ``menu``, ``with_generated_pages``, ``name_sections``, ``section_parents``,
``theme_strings``, ``point_alternates``, ``build_notes``; for finish, as plain data: ``finishing``.
"""
from bss.prepare.pages.pdf_documents import documents as pdf_documents
from bss.prepare.pages.render import TEMPLATES
from bss.prepare.pages.theme import point_alternates, theme_strings
from bss.prepare.pages.report import build_notes
from bss.prepare.beside import finishing
from bss.prepare.menus import menu, menu_title, name_sections, section_parents, with_generated_pages
from bss.prepare.site import Prepared, Site
from bss.prepare.site import build_site as prepare
from bss.prepare.site import check_site as check

__all__ = ["TEMPLATES", "Prepared", "Site", "build_notes", "check", "finishing", "menu", "menu_title", "name_sections", "pdf_documents", "point_alternates",
           "prepare", "section_parents", "theme_strings", "with_generated_pages"]
