"""A course's quiz questions as question banks a trainer imports into Moodle: Moodle XML and GIFT,
one file per course and language, made from the same models the quiz pages are made from.

Texts go out as HTML (``format="html"`` in Moodle XML, ``[html]`` in GIFT), rendered the way the
site renders them and sanitised the same way: the Markdown the editors write, with its references to
the guide and glossary turned into links to this site's public address. Moodle's own Markdown
filter would have left those references as ``[[ghid:...]]`` and dropped the site's extensions.

How the site's question types map to Moodle's: single and multiple choice are ``multichoice``
(``single`` true or false), true-false is ``truefalse``, fill-blank is ``shortanswer`` (case
ignored; Moodle, unlike the site, does not ignore diacritics). A multiple-choice question is right on
the site only when exactly the right options are chosen; Moodle scores options one by one, so each
right option carries 100/(number right) and each wrong one -100/(number wrong): all the right ones
and none of the wrong ones make 100%, choosing everything makes 0%."""
from __future__ import annotations

import posixpath
import re
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import markdown

from bss.sanitize import clean_html
from bss.settings import markdown_arguments

FORMATS = ("xml", "gift")
# Markdown links the references became (relative to the module page): made absolute for Moodle.
_MD_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|/|#)([^)\s#]+\.md)(#[^)\s]*)?")
_GIFT_SPECIAL = re.compile(r"([\\~=#{}:])")


def bank_files(links, strings, lang: str, course_id: str) -> dict[str, str]:
    """Where the banks of a course in ``lang`` are published, by format, beside the course page:
    ``{"xml": "en/cursuri/x/question-bank-moodle.xml", "gift": "en/cursuri/x/question-bank-gift.txt"}``."""
    stem = links.page_url(links.page("course", course_id), lang).lstrip("/") + strings.t("course.bank_file", lang)
    return {"xml": f"{stem}-moodle.xml", "gift": f"{stem}-gift.txt"}


def bank_texts(course, links, lang: str, extensions: list, caches=None) -> dict[str, str]:
    """The banks of ``course`` in ``lang``, by format: with the build's ``Caches``, made once per
    build (the course page shows their sizes, finish writes them)."""
    def make() -> dict[str, str]:
        html = _Html(links, lang, extensions)
        return {"xml": moodle_xml(course, html, lang), "gift": gift(course, html, lang)}
    return caches.while_alive(links, ("question-banks", course.id, lang), make) if caches else make()


def files(courses, links, strings, extensions: list, caches=None) -> dict[str, str]:
    """Every course's banks in every language, by output path."""
    out = {}
    for course in courses.values():
        for lang in links.languages:
            paths, texts = bank_files(links, strings, lang, course.id), bank_texts(course, links, lang, extensions, caches)
            out.update({paths[kind]: texts[kind] for kind in FORMATS})
    return out


class _Html:
    """Markdown of one language made into sanitised HTML with absolute links to this site."""

    def __init__(self, links, lang: str, extensions: list):
        names, configs = markdown_arguments([e for e in extensions if _name(e) != "toc"])
        self._md = markdown.Markdown(extensions=names, extension_configs=configs)
        self.links, self.lang = links, lang
        self._made: dict[tuple[str, str], str] = {}  # both formats show the same texts: each converted once

    def __call__(self, text, page: str, inline: bool = False) -> str:
        if text is None:
            return ""
        source = text.get(self.lang)[0]
        if (source, page) not in self._made:
            self._made[source, page] = self._convert(source, page)
        html = self._made[source, page]
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        return html

    def _convert(self, source: str, page: str) -> str:
        source = self.links.resolve(source, self.lang, page)
        source = _MD_LINK.sub(lambda m: "](" + self._public(page, m.group(1)) + (m.group(2) or ""), source)
        return clean_html(self._md.reset().convert(source)).strip()

    def plain(self, text) -> str:
        """A text shown as written (a prompt, an option): escaped, never read as Markdown."""
        return xml_escape(text.get(self.lang)[0]) if text is not None else ""

    def _public(self, page: str, rel: str) -> str:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), rel))
        return self.links.site_url.rstrip("/") + self.links.page_url(target, self.lang)


def _name(extension) -> str:
    return next(iter(extension)) if isinstance(extension, dict) else extension


def fraction(part: int, whole: int) -> str:
    """A Moodle grade fraction in percent, written as Moodle writes it: ``100``, ``33.33333``, ``-50``."""
    return f"{100 * part / whole:.5f}".rstrip("0").rstrip(".")


def _scored(question: Any) -> list[tuple[str, Any]]:
    """(fraction, answer) for each option of a choice question."""
    right = [a for a in question.answers if a.correct]
    wrong = [a for a in question.answers if not a.correct]
    if question.type == "single":
        return [("100" if a.correct else "0", a) for a in question.answers]
    return [(fraction(1, len(right)) if a.correct else fraction(-1, len(wrong)), a) for a in question.answers]


def _category(course, module, lang: str) -> str:
    """Moodle's category path: the course, then the module (a ``/`` in a name is written ``//``)."""
    names = [" ".join(t.get(lang)[0].split()) for t in (course.title, module.title)]  # one line: GIFT reads it as one
    return "$course$/top/" + "/".join(n.replace("/", "//") for n in names)


def _module_page(links, module) -> str:
    return links.page("module", module.key)


# -- Moodle XML ------------------------------------------------------------------------------

def _cdata(html: str) -> str:
    return "<![CDATA[" + html.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def _text(tag: str, html: str, format: str = "html") -> str:
    return f'<{tag} format="{format}"><text>{_cdata(html)}</text></{tag}>'


def moodle_xml(course, html: _Html, lang: str) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>', "<quiz>"]
    for module in course.modules:
        page = _module_page(html.links, module)
        out.append(f'<question type="category"><category><text>{xml_escape(_category(course, module, lang))}</text>'
                   f'</category></question>')
        for q in module.quiz.questions:
            kind = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse",
                    "fill-blank": "shortanswer"}[q.type]
            out.append(f'<question type="{kind}">')
            out.append(f"<name><text>{xml_escape(q.id)}</text></name>")
            out.append(_text("questiontext", html.plain(q.prompt)))
            out.append(_text("generalfeedback", html(q.explanation, page)))
            out.append(f"<idnumber>{xml_escape(module.key)}/{xml_escape(q.id)}</idnumber>")
            out.append("<defaultgrade>1</defaultgrade><penalty>0</penalty><hidden>0</hidden>")
            if q.type in ("single", "multiple"):
                out.append(f"<single>{'true' if q.type == 'single' else 'false'}</single>"
                           "<shuffleanswers>true</shuffleanswers><answernumbering>abc</answernumbering>")
                for grade, a in _scored(q):
                    out.append(f'<answer fraction="{grade}" format="html"><text>{_cdata(html.plain(a.text))}</text>'
                               f'{_text("feedback", html(a.feedback, page))}</answer>')
            elif q.type == "true-false":
                for a, word in zip(q.answers, ("true", "false")):
                    out.append(f'<answer fraction="{100 if a.correct else 0}" format="moodle_auto_format">'
                               f'<text>{word}</text>{_text("feedback", html(a.feedback, page))}</answer>')
            else:
                out.append("<usecase>0</usecase>")
                for accepted in q.accepted.get(lang)[0]:
                    # In Moodle a * in a short answer is a wildcard: written \* it is the character.
                    out.append(f'<answer fraction="100" format="moodle_auto_format">'
                               f'<text>{xml_escape(accepted.replace("*", chr(92) + "*"))}</text></answer>')
            out.append("</question>")
    out.append("</quiz>")
    return "\n".join(out) + "\n"


# -- GIFT ------------------------------------------------------------------------------------

def gift_escape(text: str) -> str:
    """Text in GIFT: ``~ = # { } :`` and the backslash escaped with a backslash; a line break as
    ``\\n`` (a blank line would end the question)."""
    return _GIFT_SPECIAL.sub(r"\\\1", text).replace("\r", "").replace("\n", "\\n")


def gift(course, html: _Html, lang: str) -> str:
    out = [f"// {gift_escape(course.title.get(lang)[0])}", ""]
    for module in course.modules:
        page = _module_page(html.links, module)
        out += [f"$CATEGORY: {_category(course, module, lang)}", ""]
        for q in module.quiz.questions:
            e = gift_escape
            head = f"::{e(module.key + '/' + q.id)}::[html]{e(html.plain(q.prompt))}"
            general = f"####{e(html(q.explanation, page))}"
            if q.type in ("single", "multiple"):
                options = []
                for grade, a in _scored(q):
                    mark = ("=" if a.correct else "~") if q.type == "single" else f"~%{grade}%"
                    feedback = html(a.feedback, page, inline=True)
                    options.append(f"\t{mark}{e(html.plain(a.text))}" + (f"#{e(feedback)}" if feedback else ""))
                body = "{\n" + "\n".join(options) + f"\n\t{general}\n}}"
            elif q.type == "true-false":
                true, false = q.answers
                right, wrong = (true, false) if true.correct else (false, true)
                # GIFT's order: the feedback for a wrong answer first, then for the right one.
                body = (f"{{{'TRUE' if true.correct else 'FALSE'}#{e(html(wrong.feedback, page, inline=True))}"
                        f"#{e(html(right.feedback, page, inline=True))}{general}}}")
            else:
                accepted = " ".join("=" + e(a) for a in q.accepted.get(lang)[0])
                body = f"{{{accepted} {general}}}"
            out += [f"{head}{body}", ""]
    return "\n".join(out)


LABELS = {"xml": "Moodle XML", "gift": "GIFT"}


def downloads(extensions: list):
    """For the course page's template: ``banks(L, course)`` lists the banks of the page's language,
    each with its format, its link from the page and its size in KB (rounded up)."""
    def banks(loc, course) -> list[dict]:
        paths, texts = bank_files(loc.links, loc.strings, loc.lang, course.id), bank_texts(course, loc.links, loc.lang, extensions, loc.caches)
        return [{"format": LABELS[kind], "href": loc.file(paths[kind]),
                 "size": -(-len(texts[kind].encode("utf-8")) // 1024)} for kind in FORMATS]
    return banks
