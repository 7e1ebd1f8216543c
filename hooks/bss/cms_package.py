"""The editor's code, Decap CMS, installed from the npm registry with Python alone (no Node).

The version and its integrity (the ``dist.integrity`` the registry publishes for it) are pinned
here. The package's tarball is downloaded once, checked against the pinned sha512 (and the
registry's metadata must agree with the pin), and kept in a cache outside the built site:
``<project>/.cache/editor/`` and, so that scratch copies of the project and other checkouts need
not download it again, the user's cache (``$XDG_CACHE_HOME/better-social-services/`` or
``~/.cache/...``). Every use checks the tarball again, so a damaged or altered cache is refused,
never served. Offline, a cached tarball is all a build needs.

To move to another version: ``python -m bss.cms_package VERSION`` prints the two lines to paste here.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import sys
import tarfile
import urllib.error
import urllib.request
from functools import lru_cache
from pathlib import Path

PACKAGE = "decap-cms"
VERSION = "3.16.3"
INTEGRITY = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
# The one file the editor runs (it loads nothing else for the widgets configured), and its licences.
SCRIPT = "decap-cms.js"
FILES = {SCRIPT: "package/dist/decap-cms.js", "decap-cms.js.LICENSE.txt": "package/dist/decap-cms.js.LICENSE.txt"}
REGISTRY = os.environ.get("BSS_NPM_REGISTRY", "https://registry.npmjs.org").rstrip("/")
TIMEOUT = 60  # seconds, for each request to the registry


class PackageError(Exception):
    """The editor's code could not be had; the message says why and what to do."""


def tarball_name(version: str = VERSION) -> str:
    return f"{PACKAGE}-{version}.tgz"


def cache_dirs(root: Path) -> list[Path]:
    """Where a downloaded tarball is looked for, in order; it is saved to each."""
    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "better-social-services"
    return [Path(root) / ".cache" / "editor", user]


def integrity_of(data: bytes) -> str:
    """The Subresource-Integrity string npm uses: ``sha512-`` and the base64 digest."""
    return "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()


def editor_files(root: Path, download: bool = True) -> dict[str, bytes]:
    """The editor's files by name (``decap-cms.js`` and its licences), from a cached tarball that
    passes the integrity check, or downloaded from the registry if ``download``.

    Raises ``PackageError`` when neither works."""
    tarball = cached_tarball(root)
    if tarball is None:
        if not download:
            raise PackageError(f"{tarball_name()} is not in {cache_dirs(root)[0]} (and downloading is off)")
        tarball = _download(root)
    return _extract(str(tarball), tarball.stat().st_mtime_ns)


def cached_tarball(root: Path) -> Path | None:
    """The first cached copy of the pinned tarball whose bytes match the pin; a copy that does not
    match is removed, so that it is downloaded again."""
    for folder in cache_dirs(root):
        path = folder / tarball_name()
        if path.is_file():
            if integrity_of(path.read_bytes()) == INTEGRITY:
                return path
            path.unlink(missing_ok=True)
    return None


def _download(root: Path) -> Path:
    url = f"{REGISTRY}/{PACKAGE}/{VERSION}"
    meta = json.loads(_get(url))
    published = (meta.get("dist") or {}).get("integrity")
    if published != INTEGRITY:
        raise PackageError(f"the registry gives {PACKAGE} {VERSION} the integrity {published}, "
                           f"not the pinned {INTEGRITY}: refusing it")
    data = _get(meta["dist"]["tarball"])
    if integrity_of(data) != INTEGRITY:
        raise PackageError(f"the downloaded {tarball_name()} does not match its pinned integrity: refusing it")
    saved = None
    for folder in cache_dirs(root):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / ".gitignore").write_text("*\n", encoding="utf-8")  # a cache, never committed
            scratch = folder / f".{tarball_name()}.{os.getpid()}"
            scratch.write_bytes(data)
            scratch.replace(folder / tarball_name())
            saved = saved or folder / tarball_name()
        except OSError:
            continue  # a read-only home, say: the other cache will do
    if saved is None:
        raise PackageError(f"could not save {tarball_name()} in {' or '.join(map(str, cache_dirs(root)))}")
    return saved


def _get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "bss-editor"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.read()
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise PackageError(f"could not download {url} ({getattr(exc, 'reason', exc)}): connect to the internet "
                           f"once, or put {tarball_name()} (from `npm pack {PACKAGE}@{VERSION}`) in "
                           f".cache/editor/") from None


@lru_cache(maxsize=2)
def _extract(tarball: str, _mtime: int) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(Path(tarball).read_bytes()), mode="r:gz") as tar:
        out = {}
        for name, member in FILES.items():
            try:
                out[name] = tar.extractfile(member).read()
            except (KeyError, AttributeError):
                raise PackageError(f"{tarball_name()} has no {member}: the pinned version's layout changed") from None
    return out


def _pins(version: str) -> str:
    meta = json.loads(_get(f"{REGISTRY}/{PACKAGE}/{version}"))
    return f'VERSION = "{meta["version"]}"\nINTEGRITY = "{meta["dist"]["integrity"]}"'


if __name__ == "__main__":
    print(_pins(sys.argv[1] if len(sys.argv) > 1 else "latest"))
