"""The editor's code, Decap CMS, installed from the npm registry with Python alone (no Node).

The version and its integrity (the ``dist.integrity`` the registry publishes for it) are pinned
here. The package's tarball is downloaded once, checked against the pinned sha512 (and the
registry's metadata must agree with the pin), and kept in a cache outside the built site:
``<project>/.cache/editor/`` and, so that scratch copies of the project and other checkouts need
not download it again, the user's cache (``$XDG_CACHE_HOME/better-social-services/`` or
``~/.cache/...``). Every use checks the tarball again, so a damaged or altered cache is refused,
never served. Offline, a cached tarball is all a build needs.

Only https addresses on the registry's own host are fetched, redirects included, whatever the
registry's answer names (``dist.tarball`` could say ``file:///etc/...``); any failure (no network,
an answer that is not JSON, from a captive portal, say) is a ``PackageError`` with what to do,
and the site is built without /admin/.

To move to another version: ``python -m bss.editor.package VERSION`` prints the two lines to paste here.
"""
from __future__ import annotations

import base64
import hashlib
import io
import json
import os
import sys
import http.client
import tarfile
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from bss.prepare.caches import Caches

PACKAGE = "decap-cms"
VERSION = "3.16.3"
INTEGRITY = "sha512-hf+dPlCh7TJmWl8+6VRzHYOWhri5xgUknrZbDewaWe4s9B7xJ8PQugp2QHeSldMUKzav6+z0oIpwUYhUJDYtYw=="
# The one file the editor runs (it loads nothing else for the widgets configured), and its licences.
SCRIPT = "decap-cms.js"
FILES = {SCRIPT: "package/dist/decap-cms.js", "decap-cms.js.LICENSE.txt": "package/dist/decap-cms.js.LICENSE.txt"}
REGISTRY = os.environ.get("BSS_NPM_REGISTRY", "https://registry.npmjs.org").rstrip("/")
TIMEOUT = 60  # seconds, for each request to the registry
MAX_BYTES = 100 * 1024 * 1024  # an answer larger than this is not the package (its tarball is 16 MB)


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


def editor_files(root: Path, download: bool = True, caches: Caches | None = None) -> dict[str, bytes]:
    """The editor's files by name (``decap-cms.js`` and its licences), from a cached tarball that
    passes the integrity check, or downloaded from the registry if ``download``. Unpacking takes
    seconds: the live preview passes its ``Caches`` to do it once per tarball.

    Raises ``PackageError`` when neither works."""
    tarball = cached_tarball(root)
    if tarball is None:
        if not download:
            raise PackageError(f"{tarball_name()} is not in {cache_dirs(root)[0]} (and downloading is off)")
        tarball = _download(root)
    key = (str(tarball), tarball.stat().st_mtime_ns)
    return caches.get("editor-package", key, lambda: _extract(*key)) if caches else _extract(*key)


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
    meta = _metadata(VERSION)
    dist = meta["dist"] if isinstance(meta.get("dist"), dict) else {}
    published = dist.get("integrity")
    if published != INTEGRITY:
        raise PackageError(f"the registry gives {PACKAGE} {VERSION} the integrity {str(published)[:120]}, "
                           f"not the pinned {INTEGRITY}: refusing it")
    data = _get(str(dist.get("tarball")))
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


def _metadata(version: str) -> dict:
    """The registry's answer about one version of the package, a JSON object."""
    url = f"{REGISTRY}/{PACKAGE}/{version}"
    try:
        meta = json.loads(_get(url))
    except ValueError:  # not UTF-8 or not JSON: a captive portal's page, say
        meta = None
    if not isinstance(meta, dict):
        raise PackageError(f"the answer from {url} is not the registry's JSON (a network's login page?): "
                           f"{_WHAT_TO_DO}")
    return meta


def _check_address(url: str) -> None:
    """Refuse ``url`` unless it is https on the registry's own host: the registry's answer names
    the tarball's address, and a redirect names another."""
    registry, asked = urlsplit(REGISTRY), urlsplit(url)
    if asked.scheme != "https" or (asked.hostname, asked.port) != (registry.hostname, registry.port):
        raise PackageError(f"refusing to fetch {url[:200]!r}: only https addresses on {registry.netloc} "
                           f"(the registry, BSS_NPM_REGISTRY) are fetched")


class _StayOnRegistry(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check_address(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_OPENER = urllib.request.build_opener(_StayOnRegistry)
_WHAT_TO_DO = (f"connect to the internet once, or put {tarball_name()} (from `npm pack {PACKAGE}@{VERSION}`) "
               "in .cache/editor/")


def _get(url: str) -> bytes:
    _check_address(url)
    request = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "bss-editor"})
    try:
        with _OPENER.open(request, timeout=TIMEOUT) as response:
            data = response.read(MAX_BYTES + 1)
    except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError and timeouts are OSErrors
        raise PackageError(f"could not download {url} ({getattr(exc, 'reason', exc)}): {_WHAT_TO_DO}") from None
    if len(data) > MAX_BYTES:
        raise PackageError(f"{url} answered with more than {MAX_BYTES // 1024 // 1024} MB: refusing it")
    return data


def _extract(tarball: str, _mtime: int) -> dict[str, bytes]:
    with tarfile.open(fileobj=io.BytesIO(Path(tarball).read_bytes()), mode="r:gz") as tar:
        out = {}
        for name, member in FILES.items():
            try:
                out[name] = tar.extractfile(member).read()  # type: ignore[union-attr]  # None (not a file): caught
            except (KeyError, AttributeError):
                raise PackageError(f"{tarball_name()} has no {member}: the pinned version's layout changed") from None
    return out


def _pins(version: str) -> str:
    meta = _metadata(version)
    return f'VERSION = "{meta["version"]}"\nINTEGRITY = "{meta["dist"]["integrity"]}"'


if __name__ == "__main__":
    print(_pins(sys.argv[1] if len(sys.argv) > 1 else "latest"))
