"""The editor's local backend: Decap CMS's proxy protocol (that of ``decap-server``) over the
working copy, in Python, so that what is saved is written the project's way and checked.

Decap posts JSON actions (``{"action": "persistEntry", "params": {...}}``) and gets JSON back.
Reads return files as they are. A save or a deletion is:

1. cleaned and merged into the file as it is (cms_yaml.py: unchanged lines byte for byte, the
   modeline, ș ț, no unknown fields); a new module is also added to its course's list, a
   deleted one taken out of it;
2. checked whole, by the project's own ``bss check``, on a scratch copy with the change applied;
3. written (each file atomically) only if the check finds no problem the working copy did not
   already have; otherwise refused, every problem in the editor's message, nothing written.

Only content files (the collections' YAML) and images under docs/assets/images/ can be written.
"""
from __future__ import annotations

import base64
import hashlib
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import yaml

from .cms import load_schemas
from .cms_yaml import clean, modeline, parse_submitted, plain, render, round_trip
from .collections import Collection
from .content import COLLECTIONS
from .files import EXPECTED_IMAGE, IMAGES_DIR, SIGNATURES, bytes_problem
from .settings import CONFIG, load_settings

COPIED = ("data", "courses", "docs")  # what `bss check` reads, with the configuration
_PROBLEM = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): (?P<rest>.+)$")


class Refused(Exception):
    """A request the backend will not carry out; the message is shown to the editor."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


class Backend:
    def __init__(self, root: Path, config: str = CONFIG):
        self.root = Path(root).resolve()
        self.config = config
        self.lock = threading.Lock()  # one save at a time

    # -- the protocol ------------------------------------------------------------------------

    def handle(self, body: dict):
        action, params = body.get("action"), body.get("params") or {}
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            return [self._entry(p) for p in self._folder(params.get("folder", ""), params.get("extension", "yml"))]
        if action == "entriesByFiles":
            return [self._entry(self._readable(f.get("path", "")), f.get("label")) for f in params.get("files", [])]
        if action == "getEntry":
            return self._entry(self._readable(params.get("path", "")))
        if action == "persistEntry":
            files = params.get("dataFiles") or [params.get("entry")]
            return self.persist([f for f in files if f], params.get("assets") or [])
        if action in ("deleteFile", "deleteFiles"):
            return self.delete(params.get("paths") or [params.get("path", "")])
        if action == "getMedia":
            return [self._media(p) for p in self._images()]
        if action == "getMediaFile":
            return self._media(self._readable(params.get("path", "")))
        if action == "persistMedia":
            asset = params.get("asset") or {}
            self.persist([], [asset])
            return self._media(self._path(asset.get("path", "")))
        if action == "getDeployPreview":
            return None
        raise Refused(f"Unknown action {action!r}: this editor saves straight to the working copy "
                      "(no editorial workflow)")

    def _entry(self, path: str, label: str | None = None) -> dict:
        file = self.root / path
        try:
            data = file.read_bytes()
        except OSError:
            return {"data": None, "file": {"path": path, "label": label, "id": None}}
        return {"data": data.decode("utf-8", "replace"),
                "file": {"path": path, "label": label, "id": hashlib.sha256(data).hexdigest()}}

    def _media(self, path: str) -> dict:
        data = (self.root / path).read_bytes()
        return {"id": hashlib.sha256(data).hexdigest(), "content": base64.b64encode(data).decode(),
                "encoding": "base64", "path": path, "name": posixpath.basename(path)}

    def _folder(self, folder: str, extension: str) -> list[str]:
        """The records of a folder collection; a course's own file is not one of its modules."""
        folder = self._path(folder)
        if self._collection(folder + "/x.yml") is None:
            raise Refused(f"{folder} is not a folder of content", 403)
        index = {c.index for c in COLLECTIONS if c.layout == "folders"}
        base = self.root / folder
        names = sorted(p.name for p in base.iterdir() if p.is_file() and not p.is_symlink()) if base.is_dir() else []
        return [f"{folder}/{n}" for n in names if n.endswith("." + extension.lstrip(".")) and n not in index]

    def _images(self) -> list[str]:
        base = self.root / IMAGES_DIR
        return sorted(p.relative_to(self.root).as_posix() for p in base.rglob("*")
                      if p.is_file() and p.suffix.lower() in SIGNATURES) if base.is_dir() else []

    # -- where things may be written ---------------------------------------------------------

    def _path(self, path: str) -> str:
        """``path`` relative to the project, refused if it leads out of it or through a link."""
        norm = posixpath.normpath(str(path).replace("\\", "/")).lstrip("/") if path else ""
        if not norm or norm.startswith("..") or "\0" in norm or os.path.isabs(str(path)):
            raise Refused(f"{path!r} is not a path inside the project", 403)
        probe = self.root
        for part in norm.split("/"):
            probe = probe / part
            if probe.is_symlink():
                raise Refused(f"{norm} goes through a link", 403)
        return norm

    def _readable(self, path: str) -> str:
        """``path``, if the editor may read it: a content file or an image, nothing else of the project."""
        path = self._path(path)
        if self._collection(path) is None and not path.startswith(IMAGES_DIR + "/"):
            raise Refused(f"{path} is not a content file", 403)
        return path

    def _collection(self, path: str) -> tuple[Collection, str] | None:
        """The collection a content file belongs to, and its schema's name."""
        parts = path.split("/")
        if not path.endswith(".yml"):
            return None
        for coll in COLLECTIONS:
            if coll.layout == "list" and path == coll.path:
                return coll, coll.schema
            if coll.layout == "files" and posixpath.dirname(path) == coll.path:
                return coll, coll.schema
            if coll.layout == "folders" and len(parts) == 3 and parts[0] == coll.path:
                child = coll.children
                return (coll, coll.schema) if parts[2] == coll.index else (child, child.schema)
        return None

    def _content_file(self, path: str) -> tuple[Collection, str]:
        """The collection and schema of ``path``, if the editor may write it, or remove it in a
        rename: a record of a collection (a YAML file where the content lives); else refused."""
        found = self._collection(path)
        if found is None:
            raise Refused(f"{path} is not a content file the editor may write", 403)
        return found

    # -- saving ------------------------------------------------------------------------------

    def persist(self, files: list[dict], assets: list[dict]) -> dict:
        with self.lock:  # read, check and write as one step: each save is checked against the one before
            writes: dict[str, bytes | None] = {}
            for asset in assets:
                path = self._path(asset.get("path", ""))
                if not path.startswith(IMAGES_DIR + "/"):
                    raise Refused(f"{path}: images go under {IMAGES_DIR}/", 403)
                data = base64.b64decode(asset.get("content", ""))
                wrong = bytes_problem(path[len(IMAGES_DIR) + 1:], data)
                if wrong:  # refused before any check: only images are ever written
                    raise Refused(f"{path}: {wrong} ({EXPECTED_IMAGE})", 415)
                writes[path] = data
            for item in files:
                path = self._path(item.get("path", ""))
                moved = self._path(item["newPath"]) if item.get("newPath") else path
                if moved != path:  # a rename: the old file must be a record of the same kind, in the same folder
                    if self._content_file(path) != self._content_file(moved) or \
                            posixpath.dirname(path) != posixpath.dirname(moved):
                        raise Refused(f"{path} cannot be renamed to {moved}: a record moves only within its own "
                                      "folder, as a file of the same kind", 403)
                    writes[path] = None
                writes.update(self._record(moved, item.get("raw", ""), path))
            self._check(writes)
            self._write(writes)
        return {"message": f"saved {', '.join(p for p, v in writes.items() if v is not None)}"}

    def delete(self, paths: list[str]) -> dict:
        with self.lock:
            writes: dict[str, bytes | None] = {}
            for raw in paths:
                path = self._path(raw)
                found = self._collection(path)
                if not path.startswith(IMAGES_DIR + "/") and (found is None or found[0].layout != "files"):
                    raise Refused(f"{path} cannot be deleted from the editor", 403)
                writes[path] = None
                writes.update(self._course_list(path, add=False))
            self._check(writes)
            self._write(writes)
        return {"message": f"deleted {', '.join(paths)}"}

    def _record(self, path: str, raw: str, was: str) -> dict[str, bytes]:
        """The file at ``path`` with the data the editor sent merged into the file at ``was``
        (the same file, unless the editor renamed it)."""
        coll, schema_name = self._content_file(path)
        try:
            data = parse_submitted(raw)
        except yaml.YAMLError as exc:
            raise Refused(f"{path}: the editor sent YAML that cannot be read ({exc})") from None
        schema = self._schemas()[schema_name]
        file = self.root / was
        old_text = file.read_text(encoding="utf-8") if file.is_file() else None
        old = plain(round_trip().load(old_text)) if old_text else None
        text = render(old_text, clean(data if isinstance(data, dict) else {}, schema, old), schema,
                      modeline(path, schema_name))
        out = {path: text.encode("utf-8")}
        if old_text is None and coll.key == "modules":
            out.update(self._course_list(path, add=True))
        return out

    def _course_list(self, path: str, add: bool) -> dict[str, bytes]:
        """A module added to (or taken out of) the end of its course's ``modules`` list."""
        parts = path.split("/")
        found = self._collection(path)
        if found is None or found[0].key != "modules":
            return {}
        index = next(c for c in COLLECTIONS if c.children is found[0])
        course = f"{parts[0]}/{parts[1]}/{index.index}"
        if not (self.root / course).is_file():
            return {}
        text = (self.root / course).read_text(encoding="utf-8")
        data = plain(round_trip().load(text))
        mid = parts[2][: -len(".yml")]
        listed = [m for m in data.get("modules") or [] if m != mid] + ([mid] if add else [])
        if listed == data.get("modules"):
            return {}
        schema = self._schemas()[index.schema]
        data["modules"] = listed
        return {course: render(text, clean(data, schema, data), schema, modeline(course, index.schema)).encode()}

    def _schemas(self) -> dict:
        return load_schemas(self.root / "data" / "schemas", load_settings(self.root, self.config).languages)

    def _check(self, writes: dict[str, bytes | None]) -> None:
        """Refuse ``writes`` if `bss check` finds a problem with them the working copy lacks."""
        with tempfile.TemporaryDirectory(prefix="bss-editor-") as scratch:
            after = self._problems(Path(scratch), writes)
            if not after:
                return
            before = self._problems(Path(scratch) / "before", {})
        known = {_unlined(p) for p in before}
        new = [p for p in after if _unlined(p) not in known]
        if new:
            raise Refused("Not saved: the content would have these problems (file:line: field: what is wrong):\n"
                          + "\n".join(new))

    def _problems(self, scratch: Path, writes: dict[str, bytes | None]) -> list[str]:
        scratch.mkdir(parents=True, exist_ok=True)
        for name in COPIED:
            if (self.root / name).is_dir():
                shutil.copytree(self.root / name, scratch / name, symlinks=True)
        for cfg in self.root.glob("mkdocs*.yml"):
            shutil.copy2(cfg, scratch / cfg.name)
        for path, data in writes.items():
            target = scratch / path
            if data is None:
                target.unlink(missing_ok=True)
            else:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
        run = subprocess.run([sys.executable, "-m", "bss", "check", str(scratch)], capture_output=True, text=True,
                             env=env, cwd=scratch)
        if run.returncode == 0:
            return []
        lines = [line for line in run.stderr.splitlines() if _PROBLEM.match(line)]
        return lines or [run.stderr.strip() or "the check failed without saying why"]

    def _write(self, writes: dict[str, bytes | None]) -> None:
        for path, data in writes.items():
            target = self.root / path
            if data is None:
                target.unlink(missing_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            scratch = target.with_name(f".{target.name}.editor-{os.getpid()}")
            scratch.write_bytes(data)
            os.replace(scratch, target)


def _unlined(problem: str) -> str:
    """A problem without its line number, which an edit above it shifts."""
    m = _PROBLEM.match(problem)
    return f"{m['path']}: {m['rest']}" if m else problem
