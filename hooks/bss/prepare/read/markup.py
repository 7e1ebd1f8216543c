"""What the Markdown written in the content may hold, checked with its line before anything is built.

Texts the schemas mark as Markdown (stories, lessons, feedback...) may use Markdown and simple
HTML. They may not run script, load anything from another site (an image, a frame, a font, a
form's target), or claim the ids, classes and data attributes the theme and the site's scripts
rely on. Each slip is reported as ``path:line: field: what is wrong (what was expected)``; the
page sanitiser (sanitize.py) still removes anything that got past, as a second net.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import markdown

from bss.prepare.caches import Caches
from bss.problems import Problem
from bss.sanitize import URL_SCHEMES, is_local, safe_id
from bss.settings import markdown_arguments
from bss.prepare.read.source import Document, Lines

# What Markdown produces, plus simple HTML an editor may write.
CONTENT_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "details", "div", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "kbd", "li", "mark", "ol", "p",
    "pre", "q", "s", "section", "aside", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "u", "ul",
}
# Tags that run script or fetch something whatever their attributes: refused in hand-written pages too.
NEVER = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta", "base",
         "template", "portal", "svg", "math"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "srcset", "background", "cite", "data",
                  "xlink:href", "ping"}
LOADS = URL_ATTRIBUTES - {"href", "cite"}
EXPECTED_TAGS = "Markdown, or simple HTML such as <strong>, <abbr> or <figure>; no scripts, frames, forms or styles"
# Anything that can turn into HTML, an attribute or a link: plain prose is skipped, which keeps the check fast.
_MAY_HOLD_MARKUP = re.compile(r"<|\]\(|\]:|\{|&")
# Each problem is located by a search through its text: past this many in one text, the rest are
# counted, not listed, so that a hostile text of thousands of slips costs a bounded number of searches.
MAX_LISTED = 50


def check_text(text: str, extensions: list, strict: bool = True, caches: Caches | None = None) -> list[tuple[str, str, str]]:
    """``(snippet, what is wrong, what was expected)`` for each thing ``text`` may not hold.

    ``strict`` is for the content: hand-written pages in docs/ may use the site's own widgets
    (forms, data attributes, the theme's button classes) and are held only to no script and
    no loads from elsewhere.
    """
    if not _MAY_HOLD_MARKUP.search(text):
        return []
    audit = _Audit(strict)
    audit.feed(_converter(extensions, caches or Caches()).reset().convert(text))
    audit.close()
    found = list(audit.found)
    if len(found) > MAX_LISTED:
        more = len(found) - MAX_LISTED
        found = found[:MAX_LISTED] + [("", f"{more:,} more problems of these kinds are not listed",
                                       "the text without them: correct those listed, then check again")]
    return found


def check_document(doc: Document, fields, extensions: list, caches: Caches | None = None) -> list[Problem]:
    """Problems in the Markdown ``fields`` (``(path, text)`` pairs) of ``doc``; none are looked
    for without ``extensions`` (a test-only build that leaves the defence to the browser)."""
    if extensions is None:
        return []
    problems: list[Problem] = []
    for path, text in fields:
        found = check_text(text, extensions, caches=caches)
        if found:
            lines, lower = Lines(text, doc.text_line(path, text)), text.lower()
            problems.extend(Problem(doc.path, lines.at(max(lower.find(snippet.lower()), 0)), _field(path), message,
                                    expected) for snippet, message, expected in found)
    return problems


def check_page(rel: str, text: str, extensions: list, caches: Caches | None = None) -> list[Problem]:
    """Problems in a hand-written Markdown page of docs/, with their lines."""
    lines, lower = Lines(text), text.lower()
    return [Problem(rel, lines.at(max(lower.find(snippet.lower()), 0)), "text", message, expected)
            for snippet, message, expected in check_text(text, extensions, strict=False, caches=caches)]


def _converter(extensions: list, caches: Caches) -> markdown.Markdown:
    """A Markdown converter with the site's extensions, less ``toc``: only ids an editor wrote
    are checked here; the ids ``toc`` makes from heading text are the sanitiser's to keep safe."""
    def make() -> markdown.Markdown:
        names, configs = markdown_arguments([e for e in extensions if _name(e) != "toc"])
        return markdown.Markdown(extensions=names, extension_configs=configs)
    return caches.get("markdown", json.dumps(extensions, sort_keys=True), make)


def _name(extension) -> str:
    return next(iter(extension)) if isinstance(extension, dict) else extension


def _field(path: tuple) -> str:
    from bss.problems import field_name

    return field_name(path)


class _Audit(HTMLParser):
    def __init__(self, strict: bool):
        super().__init__(convert_charrefs=True)
        self.strict = strict
        self.found: dict[tuple[str, str, str], None] = {}  # in order, each once

    def _add(self, snippet: str, message: str, expected: str) -> None:
        self.found[(snippet, message, expected)] = None

    def handle_starttag(self, tag, attrs):
        if tag in NEVER or (self.strict and tag not in CONTENT_TAGS):
            self._add(f"<{tag}", f"<{tag}> is not allowed", EXPECTED_TAGS)
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self._add(name, f"<{tag} {name}=...> runs script", "no event attributes (on...): content cannot run script")
        elif name == "style" and self.strict:
            self._add("style=", "style= is not allowed", "no style attributes: the site's stylesheet sets the look")
        elif name.startswith("data-") and self.strict:
            self._add(name, f"{name}= is not allowed", "no data- attributes: they are reserved for the site's scripts")
        elif name == "id" and self.strict and (not safe_id(value) or value.startswith("bss-")):
            self._add(value, f"the id '{_short(value)}' is reserved or malformed",
                      "an id of lowercase letters, digits and hyphens, not starting with bss-")
        elif name == "class" and self.strict:
            for cls in value.split():
                if cls.startswith(("md-", "bss-")):
                    self._add(cls, f"the class '{cls}' belongs to the site's theme", "classes that do not start with md- or bss-")
        elif name in URL_ATTRIBUTES:
            self._url(tag, name, value)

    def _url(self, tag: str, name: str, value: str) -> None:
        compact = re.sub(r"[\x00-\x20]", "", value)
        scheme = compact.split(":", 1)[0].lower() if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", compact) else ""
        if scheme and scheme not in URL_SCHEMES:
            self._add(value, f"the address '{_short(value)}' uses {scheme}:", "an address starting with https://, http://, mailto: or tel:, or one on this site")
        elif name in LOADS and not is_local(value):
            shown = _short(value)
            if name in ("action", "formaction"):
                message = f"sends a form's answers to another site ({shown})"
            else:
                message = f"loads {'an image' if tag == 'img' else 'a file'} from another site ({shown})"
            self._add(value, message,
                      "images from docs/assets/images/ and addresses on this site; links to other sites are fine")


def _short(value: str) -> str:
    """``value`` on one line and at most 60 characters, to quote in a message."""
    value = re.sub(r"\s+", " ", value).strip()
    return value if len(value) <= 60 else value[:57] + "..."
