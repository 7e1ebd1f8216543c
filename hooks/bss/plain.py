"""Plain text written into the Markdown of a page, so that it shows exactly as written.

A title, a name, a label or an alt text is text, never Markdown or HTML: ``*``, ``[x](y)``,
backquotes, braces and tags in it are shown, not interpreted. HTML escaping alone is not enough
inside Markdown, so every character Markdown gives a meaning to becomes a character reference,
which Markdown leaves alone and the browser shows as the character.
"""
from __future__ import annotations

import re

_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_ENTITIES.update({c: f"&#{ord(c)};" for c in "\\`*_{}[]!#|~"})
_TABLE = str.maketrans(_ENTITIES)
# What makes a line start a list, a quote or a heading underline.
_BLOCK_START = re.compile(r"(\d+)([.)])|[-+=]")


def plain_html(text: str) -> str:
    """``text`` on one line, safe to put anywhere in Markdown or HTML as text."""
    text = " ".join(text.split())
    start = _BLOCK_START.match(text)
    if start and start.group(1):
        head = start.group(1) + f"&#{ord(start.group(2))};"
    elif start:
        head = f"&#{ord(text[0])};"
    else:
        head = ""
    return head + text[len(start.group(0)) if start else 0:].translate(_TABLE)
