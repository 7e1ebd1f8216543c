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
import queue
import threading
from pathlib import Path
from typing import Callable

from mkdocs.utils import clean_directory

from bss.fingerprint import fingerprint
from bss.prepare.caches import Caches

# What every page shows besides its own Markdown, as files: a change to one rebuilds every page.
FRAME_FILES = ("mkdocs.yml", "overrides", "hooks", "data/i18n", "docs")


class Rebuilds:
    def __init__(self) -> None:
        self.enabled = False
        self.caches = Caches(keep_checked=True)  # every cache of the core, kept for the whole session
        self._frame: str | None = None
        self._built: dict[tuple[str, str], bytes] = {}  # (language, source) -> digest of what was built
        self._pending: dict[tuple[str, str], bytes] = {}
        self._open = False  # a build started and has not finished
        self.deferred: list[Callable[[], str]] = []
        self._queue: queue.Queue = queue.Queue()
        self._worker: threading.Thread | None = None

    def begin(self, frame: str) -> bool:
        """A build starts; True when every page must be built (the frame changed, or the last build failed)."""
        full = self._open or frame != self._frame
        if full:
            self._built = {}
        self._frame, self._pending, self._open, self.deferred = frame, {}, True, []
        return full

    def start(self, root: Path, pages: dict, menu: object, site_dir: str) -> None:
        """A build of the preview starts (``pages``: source path -> generated page, with its
        ``.markdown``): when every page must be built, wait for the last build's deferred steps
        (the search index may still be reading the folder) and empty the folder."""
        titles = [(src_uri, page_title(page.markdown)) for src_uri, page in pages.items()]
        if self.begin(frame(root, titles, menu)):
            self.settle()
            clean_directory(site_dir)

    def mark(self, file, lang: str, text: str | None) -> None:
        """Tell MkDocs' dirty build (``file.is_modified``) whether this file must be built again:
        a generated page or file (``text``) when it differs from what the last build wrote; a page
        of docs/ always (it shows links to the generated ones); a static file by MkDocs' own test."""
        if text is not None:
            changed = self.changed(lang, file.src_uri, text)
        else:
            changed = file.is_documentation_page() or file.is_modified()
        file.is_modified = lambda: changed

    def changed(self, lang: str, src_uri: str, text: str) -> bool:
        """Whether this page (or generated file) differs from what the last build wrote."""
        digest = hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()
        self._pending[lang, src_uri] = digest
        return self._built.get((lang, src_uri)) != digest

    def finish(self) -> None:
        """The build succeeded: what it wrote is what the next one compares with."""
        self._built.update(self._pending)
        self._open = False

    def defer(self, step: Callable[[], str]) -> None:
        self.deferred.append(step)

    def run_deferred(self, report: Callable[[str | None, Exception | None], None]) -> None:
        """Run the steps the last build deferred, in a thread of their own (one build's steps after
        another's), telling ``report`` what each said or raised. Returns at once."""
        steps, self.deferred = self.deferred, []
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, daemon=True)
            self._worker.start()
        self._queue.put((steps, report))

    def settle(self) -> None:
        """Wait until no deferred step runs: before a build empties the folder they read."""
        self._queue.join()

    def _work(self) -> None:
        while True:
            steps, report = self._queue.get()
            try:
                for step in steps:
                    try:
                        report(step(), None)
                    except Exception as exc:  # noqa: BLE001  (the pages are served; say what is missing)
                        report(None, exc)
            finally:
                self._queue.task_done()


REBUILDS = Rebuilds()


def active() -> Rebuilds | None:
    """The live preview's rebuild state while the preview runs; None in a plain build."""
    return REBUILDS if REBUILDS.enabled else None


def frame(root: Path, titles: list[tuple[str, str]], menu: object) -> str:
    """A key of everything every page shows: the frame files (by time and size), each page's
    title in order, and the menu."""
    text = json.dumps([fingerprint(root, FRAME_FILES), titles, menu], ensure_ascii=False, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def page_title(markdown: str) -> str:
    """The title in a generated page's front matter (one line of JSON), which the menu shows."""
    if markdown.startswith("---\n"):
        line = markdown[4:markdown.find("\n", 4)]
        try:
            return str(json.loads(line).get("title", ""))
        except ValueError:
            return line
    return ""
