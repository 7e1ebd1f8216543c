"""A cheap key that changes whenever any content file changes, to rebuild only then."""
from __future__ import annotations

import os
from pathlib import Path

WATCHED = ("data", "courses", "docs", "hooks/bss/templates")


def fingerprint(root: Path) -> tuple:
    entries = []
    for folder in WATCHED:
        for dirpath, _dirs, names in os.walk(root / folder):
            for name in names:
                stat = os.lstat(os.path.join(dirpath, name))  # a link to nothing is content too
                entries.append((dirpath, name, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(entries))
