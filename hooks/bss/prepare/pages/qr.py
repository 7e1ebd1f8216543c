"""QR codes of the guide's short links, drawn at build time by segno (no service is called): inline
SVG beside each short link on the page and in print, and an SVG file per link for slides."""
from __future__ import annotations

import io

import segno

# Medium error correction survives a projector's blur or a creased handout; the four-module quiet
# zone is the standard's, so a phone finds the code on any background.
ERROR, BORDER = "m", 4


def code(url: str, caches=None) -> segno.QRCode:
    """Encoding (choosing the best mask above all) is the slow part: once per address in a build,
    and in a live preview's session, when the caller passes its ``Caches``."""
    return caches.get("qr-code", url, lambda: segno.make(url, error=ERROR)) if caches else segno.make(url, error=ERROR)


def inline(url: str, caches=None) -> str:
    """The code as an SVG element with a viewBox and no size (the page's CSS gives it one)."""
    return code(url, caches).svg_inline(scale=1, border=BORDER, omitsize=True, dark="#000", light="#fff")


def file(url: str, title: str, caches=None) -> str:
    """A standalone SVG file of the code, large enough for a slide, titled with the link."""
    out = io.BytesIO()
    code(url, caches).save(out, kind="svg", scale=10, border=BORDER, dark="#000", light="#fff",
                                      title=title, encoding="utf-8")
    return out.getvalue().decode("utf-8")
