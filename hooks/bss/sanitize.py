"""Page HTML policy: text from the data may hold markup, never script.

Every page body goes through ammonia (via nh3) with an allow-list: no <script>, no event-handler
attributes, no javascript: addresses. Scripts come only from the theme (overrides/).
"""
from __future__ import annotations

import nh3

_GLOBAL_ATTRS = {"class", "id", "lang", "title", "role", "hidden", "tabindex", "dir"}
_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark", "nav",
    "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "u", "ul", "fieldset", "legend", "label", "input", "button", "form",
    "output", "progress", "meter", "time", "aside", "header", "footer", "article", "noscript",
    "select", "option", "optgroup",
    "svg", "g", "rect", "line", "path", "circle", "text", "title", "desc", "polyline", "tspan",
}
_ATTRS = {
    "a": {"href", "hreflang", "rel", "download"},
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


def clean_html(html: str) -> str:
    """``html`` with every tag and attribute outside the allow-list removed."""
    return nh3.clean(
        html,
        tags=_TAGS,
        attributes={"*": _GLOBAL_ATTRS, **_ATTRS},
        generic_attribute_prefixes={"data-", "aria-"},
        url_schemes={"http", "https", "mailto", "tel"},
        link_rel=None,
        strip_comments=True,
    )
