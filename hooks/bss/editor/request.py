"""The values of a request to the editor's backend, taken only in the shape the protocol gives them.

Anything may post to the backend that reaches it, so a request is read as untrusted: each value
the backend uses is checked for its type where it is taken, and a request of the wrong shape is
refused with a message (400), never carried out halfway or answered with a traceback.
"""
from __future__ import annotations

import base64
import binascii


class Refused(Exception):
    """A request the backend will not carry out; the message is shown to the editor."""

    def __init__(self, message: str, status: int = 422):
        super().__init__(message)
        self.status = status


_KINDS: dict[type, tuple[str, str]] = {str: ("a text", "texts"), dict: ("an object", "objects"), list: ("a list", "lists")}


def value(params: dict, key: str, kind: type, default=None):
    """``params[key]``, which must be of ``kind`` when given; ``default`` when absent or null."""
    found = params.get(key)
    if found is None:
        return default
    if not isinstance(found, kind) or isinstance(found, bool):
        raise Refused(f"'{key}' is not {_KINDS[kind][0]}", 400)
    return found


def items(params: dict, key: str, kind: type) -> list:
    """``params[key]``: a list whose every item is of ``kind`` (an empty list when absent)."""
    found = value(params, key, list, [])
    if not all(isinstance(item, kind) for item in found):
        raise Refused(f"'{key}' is not a list of {_KINDS[kind][1]}", 400)
    return found


def base64_bytes(text: str, key: str) -> bytes:
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise Refused(f"'{key}' is not base64", 400) from None
