"""The check before the editor writes anything: the project's own ``bss check``, run whole on a
scratch copy of the content with the change applied.

A save is refused only for problems the working copy did not already have, so that an edit is
never blocked by a slip elsewhere (made outside the editor) that it did not cause.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from bss.editor.request import Refused

COPIED = ("data", "courses", "docs")  # what `bss check` reads, with the configuration
_PROBLEM = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<rest>.+)$")


def refuse_new_problems(root: Path, writes: dict[str, bytes | None]) -> None:
    """Refuse ``writes`` (path -> new bytes, None to remove) if `bss check` finds a problem
    with them that the working copy at ``root`` lacks."""
    with tempfile.TemporaryDirectory(prefix="bss-editor-") as scratch:
        after = _problems(root, Path(scratch), writes)
        if not after:
            return
        before = _problems(root, Path(scratch) / "before", {})
    known = {_unlined(p) for p in before}
    new = [p for p in after if _unlined(p) not in known]
    if new:
        raise Refused("Not saved: the content would have these problems (file:line: field: what is wrong):\n"
                      + "\n".join(new))


def _problems(root: Path, scratch: Path, writes: dict[str, bytes | None]) -> list[str]:
    scratch.mkdir(parents=True, exist_ok=True)
    for name in COPIED:
        if (root / name).is_dir():
            shutil.copytree(root / name, scratch / name, symlinks=True)
    for cfg in root.glob("mkdocs*.yml"):
        shutil.copy2(cfg, scratch / cfg.name)
    for path, data in writes.items():
        target = scratch / path
        if data is None:
            target.unlink(missing_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    run = subprocess.run([sys.executable, "-m", "bss", "check", str(scratch)], capture_output=True, text=True,
                         env=env, cwd=scratch)
    if run.returncode == 0:
        return []
    lines = [line for line in run.stderr.splitlines() if _PROBLEM.match(line)]
    return lines or [run.stderr.strip() or "the check failed without saying why"]


def _unlined(problem: str) -> str:
    """A problem without its line number, which an edit above it shifts."""
    m = _PROBLEM.match(problem)
    return f"{m['path']}: {m['rest']}" if m else problem
