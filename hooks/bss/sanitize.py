"""Page HTML policy: text from the data may hold markup, never script, and never a load from elsewhere.

Every page body goes through ammonia (via nh3) with an allow-list: no <script>, no event-handler
attributes, no javascript: addresses. On top of the allow-list:

- the theme's own hooks stay the theme's: ids starting with ``_`` (Material's ``__config``, which
  its script reads its configuration from, ``__drawer``, ``__search``...), ``md-`` classes (but
  the button styles), and ``data-md-`` / ``data-pagefind-`` / ``data-bss-`` (the site's own, added
  after sanitising) attributes are removed;
- ids keep to a safe alphabet (the theme copies them into the table of contents and links);
- nothing is loaded from another origin: an ``src`` or a form ``action`` must be an address on
  this site (links to other sites stay: they are navigation, not loads);
- ``title`` stays only on links and abbreviations.

Content written in the data is checked more strictly still, with its line (markup.py); this is
the net under every page, templates and hand-written pages included.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

import nh3

_GLOBAL_ATTRS = {"class", "id", "lang", "role", "hidden", "tabindex", "dir"}
TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark", "nav",
    "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul", "fieldset", "legend", "label", "input", "button", "form",
    "output", "progress", "meter", "time", "aside", "header", "footer", "article", "noscript", "wbr",
    "select", "option", "optgroup",
    "svg", "g", "rect", "line", "path", "circle", "text", "title", "desc", "polyline", "tspan",
}
_ATTRS = {
    "a": {"href", "hreflang", "rel", "download", "title"}, "abbr": {"title"},
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "td": {"colspan", "rowspan", "headers"}, "th": {"colspan", "rowspan", "scope", "headers"},
    "ol": {"start", "reversed"}, "details": {"open"}, "time": {"datetime"},
    "input": {"type", "name", "value", "checked", "disabled", "required", "inputmode", "autocomplete", "size",
              "placeholder", "spellcheck", "accept"},
    "label": {"for"}, "button": {"type", "disabled", "name", "value"}, "output": {"for"},
    "progress": {"value", "max"}, "meter": {"value", "min", "max", "low", "high", "optimum"},
    "fieldset": {"disabled"}, "form": {"novalidate", "action", "method", "role"}, "select": {"name", "multiple", "disabled"},
    "option": {"value", "selected", "disabled", "label"},
    "svg": {"viewBox", "width", "height", "xmlns", "focusable", "preserveAspectRatio"},
    "rect": {"x", "y", "width", "height", "rx", "fill"}, "line": {"x1", "y1", "x2", "y2", "stroke"},
    "path": {"d", "fill", "stroke"}, "circle": {"cx", "cy", "r", "fill"},
    "text": {"x", "y", "text-anchor", "dominant-baseline", "font-size"}, "tspan": {"x", "y", "dy"},
    "polyline": {"points", "fill", "stroke"}, "g": {"transform"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
SAFE_ID = re.compile(r"[a-z0-9][a-z0-9_-]*\Z")
THEME_CLASSES = {"md-button", "md-button--primary"}  # Material's button look, which our templates use
RESERVED_DATA = ("data-md-", "data-pagefind-", "data-bss-")
_LOADS = {("img", "src"), ("form", "action")}


def is_local(url: str) -> bool:
    """True for an address on this site: no scheme, no host (``//host``, ``\\\\host`` included)."""
    url = re.sub(r"[\x00-\x20]", "", url).replace("\\", "/")
    parts = urlsplit(url)
    return not parts.scheme and not parts.netloc and not url.startswith("//")


def _filter(tag: str, attribute: str, value: str) -> str | None:
    if attribute == "id":
        return value if SAFE_ID.match(value) else None
    if attribute == "class":
        kept = [c for c in value.split() if not c.startswith("md-") or c in THEME_CLASSES]
        return " ".join(kept) or None
    if attribute.startswith(RESERVED_DATA):
        return None
    if (tag, attribute) in _LOADS and not is_local(value):
        return None
    return value


def clean_html(html: str) -> str:
    """``html`` with every tag and attribute outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=TAGS,
        attributes={"*": _GLOBAL_ATTRS, **_ATTRS},
        attribute_filter=_filter,
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
    )


_ID_ATTRIBUTE = re.compile(r'(\sid=")([^"]*)(")')


def rename_unsafe_ids(html: str) -> tuple[str, dict[str, str]]:
    """``html`` with each id outside the safe alphabet (``__config`` from a heading that reads
    "__config", say) renamed to a safe one, and the links to it with it: old -> new."""
    renamed: dict[str, str] = {}
    for value in dict.fromkeys(m.group(2) for m in _ID_ATTRIBUTE.finditer(html)):
        if not safe_id(value):
            renamed[value] = "h-" + (re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "section")
    for old, new in renamed.items():
        html = html.replace(f' id="{old}"', f' id="{new}"').replace(f'href="#{old}"', f'href="#{new}"')
    return html, renamed


def safe_id(value: str) -> bool:
    """True for an id the pages may carry (and the table of contents may link to)."""
    return bool(SAFE_ID.match(value))
