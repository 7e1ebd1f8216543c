"""The editor's local backend: Decap CMS's proxy protocol (that of ``decap-server``) over the
working copy, in Python, so that what is saved is written the project's way and checked.

Decap posts JSON actions (``{"action": "persistEntry", "params": {...}}``) and gets JSON back.
Reads return files as they are. A save or a deletion is:

1. cleaned and merged into the file as it is (yaml_writer.py: unchanged lines byte for byte, the
   modeline, ș ț, no unknown fields); a new module is also added to its course's list, a
   deleted one taken out of it;
2. checked whole, by the project's own check (what ``bss check`` runs), in this process, on a
   scratch copy with the change applied (save_check.py);
3. written (each file atomically) only if the check finds no problem the working copy did not
   already have; otherwise refused, every problem in the editor's message, nothing written.

Only content files (the collections' YAML) and images under docs/assets/images/ can be written,
and a rename stays within its folder and kind. Every value of a request is taken in its protocol
type (request.py); what is sent is read as the build reads a file, before the save lock, so
that a hostile request is refused at once and never holds up another save.
"""
from __future__ import annotations

import base64
import hashlib
import os
import posixpath
import threading
from pathlib import Path
from typing import Sequence, cast

from ruamel.yaml.error import YAMLError as RuamelError

from bss.editor.actions import ACTIONS
from bss.editor.config import load_schemas
from bss.editor.save_check import refuse_new_problems
from bss.editor.request import Refused, base64_bytes, value
from bss.editor.yaml_writer import clean, modeline, parse_submitted, plain, render, round_trip
from bss.prepare.caches import Caches
from bss.prepare.read.collections import Collection
from bss.prepare.content.load import COLLECTIONS
from bss.prepare.read.files import EXPECTED_IMAGE, IMAGES_DIR, SIGNATURES, bytes_problem
from bss.settings import CONFIG, load_settings
from bss.prepare.read.source import MAX_FILE_BYTES, DocumentError, read_document


class Backend:
    """The editor's backend over the working copy at ``root``: ``handle`` answers one request of
    Decap's proxy protocol. One per editor session (the server makes it): it holds the save lock
    and the caches of the save checks."""

    def __init__(self, root: Path, config: str = CONFIG):
        self.root = Path(root).resolve()
        self.config = config
        self.lock = threading.Lock()  # one save at a time
        # What the save checks may keep between saves (made once per backend, used under the lock):
        # each file's check is kept by its place in the project and its bytes, so the check of a
        # copy (every save checks a new one, twice if refused) reads only the files the save changed.
        # Not the renderings: the preview keeps them for one folder, and every check is a new one.
        self.caches = Caches(keep_checked=True)

    # -- the protocol ------------------------------------------------------------------------

    def handle(self, body: object) -> object:
        """Answer one request of Decap's proxy protocol (the parsed JSON body) with what Decap
        expects back; refuse (``Refused``: a message and an HTTP status) anything else.

        The one door of the editor: the HTTP server hands every POST here, and the tests call it
        directly. Each action is one function of actions.py (``ACTIONS``, action -> function), so
        what the editor can be asked is one list."""
        if not isinstance(body, dict):
            raise Refused("a request is a JSON object: {\"action\": ..., \"params\": {...}}", 400)
        action, params = body.get("action"), value(body, "params", dict, {})
        act = ACTIONS.get(action) if isinstance(action, str) else None
        if act is None:
            raise Refused(f"Unknown action {str(action)[:40]!r}: this editor saves straight to the working copy "
                          "(no editorial workflow)")
        return act(self, params)

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
        """The images under docs/assets/images/, none through a link (one could lead anywhere)."""
        base = self.root / IMAGES_DIR
        found = [p.relative_to(self.root).as_posix() for p in base.rglob("*")
                 if p.is_file() and p.suffix.lower() in SIGNATURES] if base.is_dir() else []
        return sorted(rel for rel in found if not self._through_link(rel))

    # -- where things may be written ---------------------------------------------------------

    def _path(self, path: str) -> str:
        """``path`` relative to the project, refused if it leads out of it or through a link."""
        norm = posixpath.normpath(str(path).replace("\\", "/")).lstrip("/") if path else ""
        if not norm or norm.startswith("..") or "\0" in norm or os.path.isabs(str(path)):
            raise Refused(f"{path!r} is not a path inside the project", 403)
        if self._through_link(norm):
            raise Refused(f"{norm} goes through a link", 403)
        return norm

    def _through_link(self, norm: str) -> bool:
        """Whether any step of the project path ``norm`` is a link (it could lead anywhere)."""
        probe = self.root
        for part in norm.split("/"):
            probe = probe / part
            if probe.is_symlink():
                return True
        return False

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
                child = cast(Collection, coll.children)  # a folder collection has children
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
        # What was sent is read and judged before the lock: a hostile request is refused at once,
        # and never holds up the saves of others.
        images = dict(self._image(asset) for asset in assets)
        records = [self._sent(item) for item in files]
        with self.lock:  # read, check and write as one step: each save is checked against the one before
            writes: dict[str, bytes | None] = dict(images)
            for path, moved, data in records:
                if moved != path:
                    writes[path] = None
                writes.update(self._record(moved, data, path))
            self._check(writes)
            self._write(writes)
        return {"message": f"saved {', '.join(p for p, v in writes.items() if v is not None)}"}

    def _image(self, asset: dict) -> tuple[str, bytes]:
        """Where an upload goes, and its bytes: only an image, under docs/assets/images/."""
        path = self._path(value(asset, "path", str, ""))
        if not path.startswith(IMAGES_DIR + "/"):
            raise Refused(f"{path}: images go under {IMAGES_DIR}/", 403)
        data = base64_bytes(value(asset, "content", str, ""), "content")
        wrong = bytes_problem(path[len(IMAGES_DIR) + 1:], data)
        if wrong:
            raise Refused(f"{path}: {wrong} ({EXPECTED_IMAGE})", 415)
        return path, data

    def _sent(self, item: dict) -> tuple[str, str, dict]:
        """A record the editor sent: the file it was read from, the file to write (the same, or
        the record renamed within its folder), and its data, read as the build reads a file."""
        path = self._path(value(item, "path", str, ""))
        moved = self._path(value(item, "newPath", str, "") or path)
        if moved != path and (self._content_file(path) != self._content_file(moved)
                              or posixpath.dirname(path) != posixpath.dirname(moved)):
            raise Refused(f"{path} cannot be renamed to {moved}: a record moves only within its own "
                          "folder, as a file of the same kind", 403)
        self._content_file(moved)
        raw = value(item, "raw", str, "")
        if len(raw) > MAX_FILE_BYTES:
            raise Refused(f"{moved}: the editor sent {len(raw):,} characters (at most {MAX_FILE_BYTES:,})", 413)
        try:
            data = parse_submitted(raw, moved)
        except DocumentError as exc:
            raise Refused(f"{moved}: the editor sent YAML that cannot be read:\n"
                          + "\n".join(map(str, exc.problems))) from None
        return path, moved, data if isinstance(data, dict) else {}

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

    def _record(self, path: str, data: dict, was: str) -> dict[str, bytes]:
        """The file at ``path`` with the data the editor sent merged into the file at ``was``
        (the same file, unless the editor renamed it)."""
        coll, schema_name = self._content_file(path)
        schema = self._schemas()[schema_name]
        old_text, old = self._on_disk(was)
        text = render(old_text, clean(data, schema, old), schema, modeline(path, schema_name))
        out = {path: text.encode("utf-8")}
        if old_text is None and coll.key == "modules":
            out.update(self._course_list(path, add=True))
        return out

    def _on_disk(self, path: str) -> tuple[str | None, dict | None]:
        """The file at ``path`` as it is (None if there is none), and its data; refused if the
        build could not read it either (an alias bomb is not expanded here)."""
        file = self.root / path
        if not file.is_file():
            return None, None
        problems: Sequence[object]
        try:
            read_document(file, self.root)
            text = file.read_text(encoding="utf-8")
            return text, plain(round_trip().load(text))
        except DocumentError as exc:
            problems = exc.problems
        except (RuamelError, ValueError) as exc:
            problems = [f"{path}: {exc}"]
        raise Refused(f"{path} cannot be read as the build reads it; correct it in a text editor first:\n"
                      + "\n".join(map(str, problems)))

    def _course_list(self, path: str, add: bool) -> dict[str, bytes]:
        """A module added to (or taken out of) the end of its course's ``modules`` list."""
        parts = path.split("/")
        found = self._collection(path)
        if found is None or found[0].key != "modules":
            return {}
        index = next(c for c in COLLECTIONS if c.children is found[0])
        course = f"{parts[0]}/{parts[1]}/{index.index}"
        text, data = self._on_disk(course)
        if text is None:
            return {}
        data = cast(dict, data)  # read with its text
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
        refuse_new_problems(self.root, writes, self.caches)

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

