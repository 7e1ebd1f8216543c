"""The Content-Security-Policy every page carries: defence in depth behind the sanitiser.

Scripts come only from the site itself, and the few inline scripts the theme writes are allowed
by their hash, computed from the page as built less its content: a script that slipped into the
content is never hashed, so the browser refuses to run it. Images, styles, fonts, frames,
connections and form targets may come from nowhere else. The hosting section of the README gives
the same policy as response headers; ``header_policy`` computes it for a whole site.
"""
from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable

DIRECTIVES = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    ("img-src", "'self' data:"),   # the theme's icons are data: images in its stylesheet
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("media-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)
# Headers only: browsers ignore these in a <meta> policy.
HEADER_ONLY = (("frame-ancestors", "'none'"),)
# Search runs Pagefind's WebAssembly, which needs compiling (not JavaScript eval).
WASM = "'wasm-unsafe-eval'"

_INLINE_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script>", re.S | re.I)
_CHARSET = re.compile(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def inline_hashes(html: str) -> list[str]:
    """The CSP hash source of every inline script that runs (not JSON data blocks), in order."""
    out = []
    for attributes, body in _INLINE_SCRIPT.findall(html):
        if "src=" in attributes or re.search(r"type=[\"']?application/(ld\+)?json", attributes):
            continue
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        if f"'sha256-{digest}'" not in out:
            out.append(f"'sha256-{digest}'")
    return out


def policy(hashes: list[str], wasm: bool, header: bool = False) -> str:
    parts = []
    for name, value in DIRECTIVES + (HEADER_ONLY if header else ()):
        if name == "script-src":
            value = " ".join([value, *hashes, *([WASM] if wasm else [])])
        parts.append(f"{name} {value}")
    return "; ".join(parts)


def page_policy(html: str, content: str = "") -> str:
    """The policy for one built page; ``content`` is the page's body as the theme inserted it."""
    theme_only = html.replace(content, "") if content else html
    return policy(inline_hashes(theme_only), _runs_search(theme_only))


def with_policy(html: str, content: str = "") -> str:
    """``html`` with its policy as a ``<meta http-equiv>``, before any script of the page."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{page_policy(html, content)}">'
    match = _CHARSET.search(html)
    if match:
        return html[: match.end()] + "\n    " + meta + html[match.end():]
    return re.sub(r"<head\b[^>]*>", lambda m: m.group(0) + meta, html, count=1, flags=re.I)


_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


def header_policy(pages: Iterable[str]) -> str:
    """One policy for response headers that lets every page of ``pages`` (as built, each with
    its own policy) run as it runs with its own. ``pages`` is read once, in order: give a
    generator, and no more than one page is in memory at a time."""
    hashes: list[str] = []
    wasm = False
    for html in pages:
        match = _META.search(html)
        sources = match.group(1).split("script-src ", 1)[1].split(";", 1)[0].split() if match else []
        hashes += [h for h in sources if h.startswith("'sha256-") and h not in hashes]
        wasm = wasm or WASM in sources
    return policy(hashes, wasm, header=True)


def _runs_search(html: str) -> bool:
    return bool(re.search(r"<script\b[^>]*\bsrc=\"[^\"]*pagefind/", html))
