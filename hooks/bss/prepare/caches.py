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
  installed theme's);
- the easy-to-read checks' expressions, by the hard words they find;
- compiled Jinja templates: ``bytecode`` for the page templates (a folder under the temporary
  folder, shared by builds: Jinja keys each template by its source, so a changed one is compiled
  again) and ``theme_bytecode`` for the engine's theme (in memory: the engine makes a new Jinja
  environment for each build and language).
"""
from __future__ import annotations

import os
import tempfile
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


def folder_bytecode_cache() -> jinja2.FileSystemBytecodeCache | None:
    """Compiled templates, kept between builds (keyed by each template's source, so never stale)."""
    folder = Path(tempfile.gettempdir()) / f"bss-templates-{os.getuid() if hasattr(os, 'getuid') else 0}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
    except OSError:
        return None  # no writable temporary folder: compile every build
    return jinja2.FileSystemBytecodeCache(str(folder))


class Caches:
    def __init__(self, keep_checked: bool = False, keep_rendered: bool = False) -> None:
        self.keep_checked = keep_checked  # keep each file's check until its bytes change
        self.keep_rendered = keep_rendered  # keep each case study's page until what it shows changes
        self.bytecode = folder_bytecode_cache()
        self.theme_bytecode = MemoryBytecodeCache()
        self._tables: dict[str, dict] = {}

    def table(self, kind: str) -> dict:
        """The table of one kind of kept result (``checked``, say), filled by its user."""
        return self._tables.setdefault(kind, {})

    def get(self, kind: str, key, make: Callable[[], T]) -> T:
        """The result kept for ``key`` among ``kind``, made by ``make()`` the first time."""
        table = self.table(kind)
        if key not in table:
            table[key] = make()
        return table[key]
