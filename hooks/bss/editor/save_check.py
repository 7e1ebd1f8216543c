"""The check before the editor writes anything: the project's own check (``build_site``, what
``bss check`` runs), run whole in this process on a scratch copy of the content with the change applied.

A save is refused only for problems the working copy did not already have, so that an edit is
never blocked by a slip elsewhere (made outside the editor) that it did not cause. Problems are
compared as ``Problem`` records (file, field, message, what was expected), without their line,
which an edit above a problem shifts. In process, not ``python -m bss check`` in a subprocess:
no interpreter started and no stderr read back by pattern, and the ``Caches`` the backend keeps
(each file's check, Markdown converters, QR codes, compiled templates) serve every check of its session.

The check reads the copy, never the working copy itself: the content is about a hundred small files,
copied in some 25 ms, and the loader then sees exactly what the save would leave (a new file
listed in its folder, a removed one gone, a link still a link).
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from bss.editor.request import Refused
from bss.prepare import prepare
from bss.prepare.caches import Caches
from bss.problems import ContentError, Problem

COPIED = ("data", "courses", "docs")  # what the check reads, with the configuration


def refuse_new_problems(root: Path, writes: dict[str, bytes | None], caches: Caches | None = None) -> None:
    """Refuse ``writes`` (path -> new bytes, None to remove) if the check finds a problem with
    them that the working copy at ``root`` lacks. ``caches``: the backend's, kept between saves."""
    caches = caches or Caches()
    with tempfile.TemporaryDirectory(prefix="bss-editor-") as scratch:
        after = content_problems(_overlay(root, Path(scratch) / "after", writes), caches)
        if not after:
            return
        before = content_problems(_overlay(root, Path(scratch) / "before", {}), caches)
    known = {_unlined(p) for p in before}
    new = [p for p in after if _unlined(p) not in known]
    if new:
        raise Refused("Not saved: the content would have these problems (file:line: field: what is wrong):\n"
                      + "\n".join(map(str, new)))


def content_problems(root: Path, caches: Caches) -> list[Problem]:
    """Every problem ``bss check`` would report for the project at ``root`` (none: it builds).
    A fault of the check itself refuses the save, saying what it was, as a refused save says."""
    try:
        prepare(root, caches=caches)
    except ContentError as exc:
        return exc.problems
    except Exception as exc:  # noqa: BLE001 - the save is refused, not the editor stopped
        raise Refused(f"Not saved: the check failed ({exc.__class__.__name__}: {exc})") from exc
    return []


def _overlay(root: Path, scratch: Path, writes: dict[str, bytes | None]) -> Path:
    """A copy of what the check reads of ``root``, with ``writes`` applied: the content as it
    would be after the save (links copied as links, so they are judged as in the working copy)."""
    scratch.mkdir(parents=True)
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
    return scratch


def _unlined(problem: Problem) -> tuple[str, str, str, str]:
    """A problem without its line number, which an edit above it shifts."""
    return problem.path, problem.field, problem.message, problem.expected
