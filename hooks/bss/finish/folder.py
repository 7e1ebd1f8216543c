"""Finishing the built site/ folder, once every language is built: the files written beside the
pages (short-link redirects, open data), each language's "page not found" where hosts look for it,
then the steps that read the whole site (the response headers, the editor, the search index)."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from bss.addresses import absolute_addresses
from bss.finish.headers import write_headers
from bss.finish.search import index_site

Step = Callable[[], str]  # a step over the built site; returns what to tell the user


@dataclass(frozen=True)
class SiteFiles:
    """What prepare hands finish, as plain data."""
    extra: dict[str, str]  # path under site/ -> text of each file written beside the pages
    not_found: dict[str, str] = field(default_factory=dict)  # each 404.html -> the built page it copies (its address)
    base: str = "/"  # the site's path ("/" or "/project/"): the 404 pages are served at any address


def finish_site(site_dir: Path, files: SiteFiles, say: Callable[[str], object], editor: Step | None = None,
                search: bool = True, defer: Callable[[Step], None] | None = None, pdfs: Step | None = None) -> None:
    """Write ``files`` into ``site_dir``, make the guide's ``pdfs`` (a step: ``bss.finish.pdfs.make_pdfs``
    with what to make; before the search index, which reads the pages their links go into), then
    run the steps over the whole site: the headers, the ``editor`` step (the editor is not
    finish's to know: the caller hands it over), the search index. Each step's report goes to
    ``say``; with ``defer`` (the live preview, which serves the pages first) the steps are handed
    to it instead, and the search index yields the processor.

    It works over the rendered folder, after the engine, and knows nothing of it: whichever engine
    rendered the pages (MkDocs, ProperDocs), the finished site is the same."""
    for rel, text in files.extra.items():
        target = site_dir / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    for rel, url in files.not_found.items():
        page = (site_dir / f"{url}index.html").read_text(encoding="utf-8")
        (site_dir / rel).write_text(absolute_addresses(page, url, files.base), encoding="utf-8")
    if pdfs is not None:
        say(pdfs())
    steps: list[Step] = [lambda: write_headers(site_dir)]  # before the editor, which adds its own rule
    if editor is not None:
        steps.append(editor)
    if search:
        steps.append(lambda: index_site(site_dir, background=defer is not None))
    for step in steps:
        if defer is not None:
            defer(step)
        else:
            say(step())
