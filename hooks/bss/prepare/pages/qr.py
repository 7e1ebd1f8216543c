"""QR codes of the guide's short links, drawn at build time by segno (no service is called): inline
SVG beside each short link on the page and in print, and an SVG file per link for slides."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import segno

# Medium error correction survives a projector's blur or a creased handout; the four-module quiet
# zone is the standard's, so a phone finds the code on any background.
ERROR, BORDER = "m", 4
# What a drawing is made from besides its address and title: segno, and this file (its options).
DRAWING = hashlib.blake2b(Path(__file__).read_bytes() + segno.__version__.encode(), digest_size=16).hexdigest()


def code(url: str, caches=None) -> segno.QRCode:
    """Encoding (choosing the best mask above all) is the slow part: once per address in a build,
    and in a live preview's session, when the caller passes its ``Caches``."""
    return caches.get("qr-code", url, lambda: segno.make(url, error=ERROR)) if caches else segno.make(url, error=ERROR)


def inline(url: str, caches=None) -> str:
    """The code as an SVG element with a viewBox and no size (the page's CSS gives it one); with
    the caller's ``Caches``, drawn once for every build (``Caches.stored``)."""
    def draw() -> str:
        return code(url, caches).svg_inline(scale=1, border=BORDER, omitsize=True, dark="#000", light="#fff")
    return caches.stored("qr-inline", repr((DRAWING, url)), draw) if caches else draw()


def file(url: str, title: str, caches=None) -> str:
    """A standalone SVG file of the code, large enough for a slide, titled with the link."""
    def draw() -> str:
        out = io.BytesIO()
        code(url, caches).save(out, kind="svg", scale=10, border=BORDER, dark="#000", light="#fff",
                               title=title, encoding="utf-8")
        return out.getvalue().decode("utf-8")
    return caches.stored("qr-file", repr((DRAWING, url, title)), draw) if caches else draw()
