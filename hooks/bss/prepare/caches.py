"""What one build may keep for the next: created by whoever runs the builds and passed in.

A one-shot build (``make site``, ``bss check``) makes a fresh ``Caches``; the live preview keeps one
for its whole session and passes it to every rebuild, so a rebuild redoes only what changed. No
module of the core keeps anything between calls on its own (tests/test_architecture.py).

What is kept, and why it is never stale:
- ``checked``: each data file's reading and checking, kept only when ``keep_checked`` (the preview,
  the editor's save checks), keyed by the file's place in the project and its bytes, its schema, the
  schemas' bytes and the settings: right for any copy of the project, wherever it lies;
- ``kept``: each case study's rendering and the question banks, kept only when ``keep_rendered``
  (the preview), keyed by what they read and by the "world" of one project folder (pages/kept.py);
- Markdown converters, by the Markdown settings they were made with;
- QR codes and icons' SVG, by address and name (an address's code never changes; icons are the
  installed theme's); the QR codes' SVG is also ``stored`` for the next builds (below);
- the easy-to-read checks' expressions, by the hard words they find;
- compiled Jinja templates: ``bytecode`` for the page templates (a folder under the temporary
  folder, shared by builds: Jinja keys each template by its source, so a changed one is compiled
  again) and ``theme_bytecode`` for the engine's theme (in memory: the engine makes a new Jinja
  environment for each build and language).
- ``stored``: text that is a pure function of its key (a QR code's SVG: drawing one takes longer
  than the rest of a small page), kept in a private folder under the temporary folder, shared by
  builds, so a one-shot build draws only what no build drew before. Keyed by everything it is made
  from, the drawing code's own source included, so never stale; a file per key, a few KB each.
"""
from __future__ import annotations

import hashlib
import os
import stat
import tempfile
import weakref
from pathlib import Path
from typing import Callable, TypeVar

import jinja2

T = TypeVar("T")


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """Compiled templates kept in memory; Jinja checks each template's source before using its
    compiled form."""

    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self._store:
            bucket.bytecode_from_string(self._store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()


def private_folder(name: str) -> Path | None:
    """A folder under the temporary folder that only this user can write to, or None (none can be
    made, or one of that name is another user's or writable by others: what it holds is not trusted)."""
    uid = os.getuid() if hasattr(os, "getuid") else None
    folder = Path(tempfile.gettempdir()) / f"{name}-{uid or 0}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return None
    if uid is not None and (info.st_uid != uid or info.st_mode & 0o022 or not stat.S_ISDIR(info.st_mode)):
        return None  # (lstat: a link planted there is not a folder)
    return folder


def folder_bytecode_cache() -> jinja2.FileSystemBytecodeCache | None:
    """Compiled templates, kept between builds (keyed by each template's source, so never stale)."""
    folder = private_folder("bss-templates")
    return jinja2.FileSystemBytecodeCache(str(folder)) if folder else None  # None: compile every build


class Caches:
    def __init__(self, keep_checked: bool = False, keep_rendered: bool = False) -> None:
        self.keep_checked = keep_checked  # keep each file's check until its bytes change
        self.keep_rendered = keep_rendered  # keep each case study's page until what it shows changes
        self.bytecode = folder_bytecode_cache()
        self.theme_bytecode = MemoryBytecodeCache()
        self.store = private_folder("bss-stored")
        self._tables: dict[str, dict] = {}
        self._while_alive: weakref.WeakKeyDictionary[object, dict] = weakref.WeakKeyDictionary()

    def table(self, kind: str) -> dict:
        """The table of one kind of kept result (``checked``, say), filled by its user."""
        return self._tables.setdefault(kind, {})

    def get(self, kind: str, key, make: Callable[[], T]) -> T:
        """The result kept for ``key`` among ``kind``, made by ``make()`` the first time."""
        table = self.table(kind)
        if key not in table:
            table[key] = make()
        return table[key]

    def while_alive(self, owner: object, key, make: Callable[[], T]) -> T:
        """The result kept for ``key`` while ``owner`` lives: an object made for one build (its
        ``Links``, say), so that what two stages of that build both need is made once, and goes
        with the build (the preview's ``Caches`` outlives every build)."""
        results = self._while_alive.setdefault(owner, {})
        if key not in results:
            results[key] = make()
        return results[key]

    def stored(self, kind: str, key: str, make: Callable[[], str]) -> str:
        """The text ``make()`` gives, which depends on ``key`` alone (everything it is made from,
        as text): kept for this build and, on disk, for the next ones."""
        digest = hashlib.blake2b(f"{kind}\0{key}".encode("utf-8"), digest_size=20).hexdigest()
        return self.get(kind, digest, lambda: self._from_store(kind, digest, make))

    def _from_store(self, kind: str, digest: str, make: Callable[[], str]) -> str:
        path = self.store / kind / f"{digest}.txt" if self.store else None
        if path is not None and path.is_file():
            try:
                kept = path.read_text(encoding="utf-8")
                if kept:
                    return kept
            except (OSError, UnicodeDecodeError):
                pass  # unreadable (or empty): made again, and written over
        text = make()
        if path is not None:
            try:  # whole or not at all, each writer its own scratch file: another build, or another
                path.parent.mkdir(mode=0o700, exist_ok=True)  # thread of the preview, may read or write it now
                handle, scratch = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
                with os.fdopen(handle, "w", encoding="utf-8") as out:
                    out.write(text)
                os.replace(scratch, path)
            except OSError:
                pass  # not kept: made again next time
        return text
