"""The actions of Decap's proxy protocol the backend answers, one function each: action -> function.

A table rather than a chain of ifs, so that what the editor can be asked is one list, read at a
glance, and an action is added (or refused) in one place. Each function takes the backend and the
request's ``params`` (an object already; every value in it is taken in its protocol type where it
is used, request.py) and returns what Decap expects back. Reads answer files as they are; a save
or a deletion goes through ``Backend.persist`` and ``Backend.delete``, which check it first.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Callable

from bss.editor.request import items, value

if TYPE_CHECKING:
    from bss.editor.backend import Backend


def _info(backend: Backend, params: dict) -> dict:
    return {"repo": backend.root.name, "publish_modes": ["simple"], "type": "local_fs"}


def _entries_by_folder(backend: Backend, params: dict) -> list[dict]:
    folder = backend._folder(value(params, "folder", str, ""), value(params, "extension", str, "yml"))
    return [backend._entry(p) for p in folder]


def _entries_by_files(backend: Backend, params: dict) -> list[dict]:
    return [backend._entry(backend._readable(value(f, "path", str, "")), f.get("label"))
            for f in items(params, "files", dict)]


def _get_entry(backend: Backend, params: dict) -> dict:
    return backend._entry(backend._readable(value(params, "path", str, "")))


def _persist_entry(backend: Backend, params: dict) -> dict:
    files = items(params, "dataFiles", dict) or [value(params, "entry", dict, {})]
    return backend.persist([f for f in files if f], items(params, "assets", dict))


def _delete_files(backend: Backend, params: dict) -> dict:
    return backend.delete(items(params, "paths", str) or [value(params, "path", str, "")])


def _get_media(backend: Backend, params: dict) -> list[dict]:
    return [backend._media(p) for p in backend._images()]


def _get_media_file(backend: Backend, params: dict) -> dict:
    return backend._media(backend._readable(value(params, "path", str, "")))


def _persist_media(backend: Backend, params: dict) -> dict:
    asset = value(params, "asset", dict, {})
    backend.persist([], [asset])
    return backend._media(backend._path(value(asset, "path", str, "")))


def _no_deploy_preview(backend: Backend, params: dict) -> None:
    return None  # saves go straight to the working copy: there is no preview to point to


ACTIONS: dict[str, Callable[[Backend, dict], object]] = {
    "info": _info,
    "entriesByFolder": _entries_by_folder,
    "entriesByFiles": _entries_by_files,
    "getEntry": _get_entry,
    "persistEntry": _persist_entry,
    "deleteFile": _delete_files,
    "deleteFiles": _delete_files,
    "getMedia": _get_media,
    "getMediaFile": _get_media_file,
    "persistMedia": _persist_media,
    "getDeployPreview": _no_deploy_preview,
}
