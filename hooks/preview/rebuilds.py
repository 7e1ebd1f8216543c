"""Rebuilding only what a change touches: the live preview's rebuilds (``make serve``).

A page's HTML depends on its own Markdown and on a frame every page shares: the menu (each
page's title, in order), the interface strings, the theme and the configuration. While the frame
is unchanged, a page whose Markdown is unchanged is left as the previous build wrote it; when the
frame changes, or the previous build failed, every page is built again in an emptied folder.
Steps that read the whole built site (the search index, the editor) run after the pages are
served, not before.

A normal build (``make site``) never enables this: it builds everything, every time, with fresh
caches. The state lives here and not in the hook because MkDocs loads the hook afresh for each
rebuild; it owns the core's caches (``caches``: checked files, QR codes, icons, compiled
templates, the editor's package), which the hook passes to every rebuild.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Callable

from mkdocs.utils import clean_directory

from bss.fingerprint import fingerprint
from bss.prepare.caches import Caches
from preview.after_pause import AfterPause

# What every page shows besides its own Markdown, as files: a change to one rebuilds every page.
FRAME_FILES = ("mkdocs.yml", "overrides", "hooks", "data/i18n", "docs")


class Rebuilds:
    def __init__(self) -> None:
        self.enabled = False
        self.caches = Caches(keep_checked=True, keep_rendered=True)  # every cache of the core, kept for the whole session
        self._frame: str | None = None
        self._built: dict[tuple[str, str], bytes] = {}  # (language, source) -> digest of what was built
        self._pending: dict[tuple[str, str], bytes] = {}
        self._written: dict[tuple[str, str], str] = {}  # (language, source) -> the file the last build wrote
        self._writing: dict[tuple[str, str], str] = {}
        self._open = False  # a build started and has not finished
        self.deferred: list[Callable[[], str]] = []
        self.after = AfterPause()  # the deferred steps, run once the writer pauses

    def begin(self, frame: str) -> bool:
        """A build starts; True when every page must be built (the frame changed, or the last build failed)."""
        full = self._open or frame != self._frame
        if full:
            self._built = {}
        self._frame, self._pending, self._writing, self._open, self.deferred = frame, {}, {}, True, []
        self.after.building(True)
        return full

    def start(self, root: Path, pages: dict, menu: object, site_dir: str) -> None:
        """A build of the preview starts (``pages``: source path -> generated page, with its
        ``.markdown``): when every page must be built, wait for the last build's deferred steps
        (the search index may still be reading the folder) and empty the folder. Only the titles
        of the pages the menu lists are part of the frame (every page shows them); a page the
        menu leaves out (a case study) shows its title in its own page and in pages that link
        to it, whose Markdown then changes too: they alone are built again."""
        listed = menu_pages(menu)
        titles = [(src_uri, page_title(page.markdown)) for src_uri, page in pages.items()
                  if _language_neutral(src_uri) in listed]
        if self.begin(frame(root, titles, menu)):
            self.settle()
            clean_directory(site_dir)

    def mark(self, file, lang: str, text: str | None) -> None:
        """Tell MkDocs' dirty build (``file.is_modified``) whether this file must be built again:
        a generated page or file (``text``) when it differs from what the last build wrote; a page
        of docs/ always (it shows links to the generated ones); a static file by MkDocs' own test."""
        if text is not None:
            changed = self.changed(lang, file.src_uri, text)
            self._writing[lang, file.src_uri] = file.abs_dest_path
        else:
            changed = file.is_documentation_page() or file.is_modified()
        file.is_modified = lambda: changed

    def changed(self, lang: str, src_uri: str, text: str) -> bool:
        """Whether this page (or generated file) differs from what the last build wrote."""
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        self._pending[lang, src_uri] = digest
        return self._built.get((lang, src_uri)) != digest

    def finish(self) -> None:
        """The build succeeded: what it wrote is what the next one compares with. The file of a
        generated page this build no longer has (its record was removed or renamed) goes too."""
        for key in self._written.keys() - self._writing.keys():
            _remove(Path(self._written[key]))
            self._built.pop(key, None)
        self._built.update(self._pending)
        self._written, self._open = self._writing, False
        self.after.building(False)

    def defer(self, step: Callable[[], str]) -> None:
        self.deferred.append(step)

    def run_deferred(self, report: Callable[[str | None, Exception | None], None]) -> None:
        """Run the steps the last build deferred once the writer pauses (preview.after_pause), in a
        thread of their own, telling ``report`` what each said or raised. Returns at once."""
        steps, self.deferred = self.deferred, []
        self.after.submit(steps, report)

    def settle(self) -> None:
        """Drop the deferred steps still waiting and wait for those running: before a build empties
        the folder they read."""
        self.after.settle()


def _remove(path: Path) -> None:
    """A page's file, and its folder if that leaves it empty (``studii-de-caz/x/index.html``)."""
    path.unlink(missing_ok=True)
    if path.name == "index.html":
        try:
            path.parent.rmdir()
        except OSError:  # not empty: another page's folder too
            pass


REBUILDS = Rebuilds()


def active() -> Rebuilds | None:
    """The live preview's rebuild state while the preview runs; None in a plain build."""
    return REBUILDS if REBUILDS.enabled else None


def frame(root: Path, titles: list[tuple[str, str]], menu: object) -> str:
    """A key of everything every page shows: the frame files (by time and size), each page's
    title in order, and the menu."""
    text = json.dumps([fingerprint(root, FRAME_FILES), titles, menu], ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def menu_pages(menu: object) -> set[str]:
    """Every page path the menu names (in MkDocs' nav form: strings, lists, ``{title: entries}``)."""
    if isinstance(menu, str):
        return {menu}
    items = menu.values() if isinstance(menu, dict) else menu if isinstance(menu, list) else ()
    return set().union(*(menu_pages(item) for item in items)) if items else set()


def _language_neutral(src_uri: str) -> str:
    """``programe/index.en.md`` -> ``programe/index.md``: the menu names a page once, for every language."""
    return re.sub(r"\.[a-z]{2,3}(?=\.md$)", "", src_uri)


def page_title(markdown: str) -> str:
    """The title in a generated page's front matter (one line of JSON), which the menu shows."""
    if markdown.startswith("---\n"):
        line = markdown[4:markdown.find("\n", 4)]
        try:
            return str(json.loads(line).get("title", ""))
        except ValueError:
            return line
    return ""
