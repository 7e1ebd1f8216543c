"""A cheap key that changes whenever any file under the given paths changes, to rebuild only then."""
from __future__ import annotations

import os
from pathlib import Path

WATCHED = ("data", "courses", "docs", "hooks/bss/prepare/pages/templates")  # the content, for the hook's rebuilds


def fingerprint(root: Path, paths: tuple[str, ...] = WATCHED) -> tuple[tuple[str, str, int, int], ...]:
    """Each file under ``paths`` (folders, or single files) of ``root``: its place, time and size."""
    entries: list[tuple[str, str, int, int]] = []
    for name in paths:
        path = Path(root) / name
        walk = [(str(path.parent), [], [path.name])] if path.is_file() else os.walk(path)
        for dirpath, _dirs, names in walk:
            for file in names:
                stat = os.lstat(os.path.join(dirpath, file))  # a link to nothing is content too
                entries.append((dirpath, file, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))
