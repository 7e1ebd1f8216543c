"""Where each page lives. Trainers print these addresses: never change one once published.

Paths are Markdown source paths relative to docs/, in the default language; ``src_uri`` gives a
page's file in another language (``x.md`` -> ``x.en.md``), which mkdocs-static-i18n publishes
under ``/en/``.
"""
from __future__ import annotations

import re

from .text import DEFAULT_LANGUAGE

HOME = "index.md"
PROGRAMMES = "programe/index.md"
PARTNERS = "parteneri/index.md"
CASE_STUDIES = "studii-de-caz/index.md"
GUIDE = "ghid/index.md"
GUIDE_WHOLE = "ghid/complet.md"
GLOSSARY = "glosar/index.md"
COURSES = "cursuri/index.md"
RESULTS = "rezultate/index.md"


def programme(pid: str) -> str:
    return f"programe/{pid}.md"


def partner(pid: str) -> str:
    return f"parteneri/{pid}.md"


def case_study(cid: str) -> str:
    return f"studii-de-caz/{cid}.md"


def chapter(cid: str) -> str:
    return f"ghid/{cid}.md"


def course(cid: str) -> str:
    return f"cursuri/{cid}/index.md"


def module(cid: str, mid: str) -> str:
    return f"cursuri/{cid}/{mid}.md"


def certificate(cid: str) -> str:
    return f"cursuri/{cid}/certificat.md"


def glossary_term(tid: str) -> tuple[str, str]:
    return GLOSSARY, tid


def short_link(chapter_id: str, section_id: str = "") -> str:
    """The folder of a short link, e.g. ``g/costificare/metoda/`` (a static redirect page)."""
    return f"g/{chapter_id}/{section_id + '/' if section_id else ''}"


def src_uri(src: str, lang: str) -> str:
    """The source file of page ``src`` in ``lang``."""
    if lang == DEFAULT_LANGUAGE:
        return src
    return f"{src[:-3]}.{lang}.md"


def url_path(src: str, lang: str, use_directory_urls: bool = True) -> str:
    """The published address of page ``src`` in ``lang``, e.g. ``/en/studii-de-caz/x/``
    (``/en/studii-de-caz/x.html`` in the build for opening from a folder)."""
    path = src[:-3]
    if not use_directory_urls:
        path += ".html"
    else:
        path = path[: -len("index")] if path.endswith("index") else path + "/"
    prefix = "/" if lang == DEFAULT_LANGUAGE else f"/{lang}/"
    return prefix + path


_FORM_ACTION = re.compile(r'(<form\b[^>]*?\baction=")([^":?#]*/)(")')


def form_actions_as_files(html: str) -> str:
    """Form actions written as folders (``cautare/``) pointed at their page file (``cautare.html``).

    MkDocs rewrites links, not form actions; this does it for the build with ``.html`` addresses
    (``use_directory_urls: false``), which is the one that works opened from a folder.
    """
    def to_file(match: re.Match) -> str:
        path = match.group(2)
        path = path + "index.html" if path.endswith("../") or path == "./" else path[:-1] + ".html"
        return match.group(1) + path + match.group(3)
    return _FORM_ACTION.sub(to_file, html)
