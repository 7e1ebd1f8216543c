"""Cross-references usable in any Markdown, resolved at build time into titled links.

    [[ghid:costificare]]              a guide chapter
    [[ghid:costificare#metoda]]       a section of a chapter
    [[caz:respiro-floresti]]          a case study
    [[modul:contractare/costificare]] a module of a course
    [[glosar:contractare-sociala]]    a glossary term (its definition shows on hover and focus)
    [[partener:keystone-moldova]]  [[program:ssmb-2021]]

``[[kind:target|own words]]`` uses your own link text. The link text is otherwise the target's
title in the page's language, so retitling or translating never leaves a stale link text.
"""
from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from . import addresses as A
from .plain import plain_html
from .problems import Problem
from .source import Document
from .text import Text

PATTERN = re.compile(r"\[\[([a-z]+):([a-z0-9/#-]*)(?:\|([^\]\n]+))?\]\]")
KINDS = ("ghid", "caz", "modul", "glosar", "partener", "program")


@dataclass(frozen=True)
class Target:
    src: str
    anchor: str
    title: Text
    tooltip: Text | None = None


class Resolver:
    def __init__(self, content):
        self.targets: dict[str, Target] = {}
        for chapter in content.guide.values():
            self.targets[f"ghid:{chapter.id}"] = Target(A.chapter(chapter.id), "", chapter.title)
            for section in chapter.sections:
                self.targets[f"ghid:{chapter.id}#{section.id}"] = Target(A.chapter(chapter.id), section.id, section.title)
        for case in content.case_studies.values():
            self.targets[f"caz:{case.id}"] = Target(A.case_study(case.id), "", case.title)
        for term in content.glossary.values():
            self.targets[f"glosar:{term.id}"] = Target(A.GLOSSARY, term.id, term.term, term.definition)
        for partner in content.partners.values():
            self.targets[f"partener:{partner.id}"] = Target(A.partner(partner.id), "", partner.name)
        for programme in content.programmes.values():
            self.targets[f"program:{programme.id}"] = Target(A.programme(programme.id), "", programme.short_title)
        for course in getattr(content, "courses", {}).values():
            for module in course.modules:
                self.targets[f"modul:{course.id}/{module.id}"] = Target(A.module(course.id, module.id), "", module.title)

    def problems_in(self, text: str, where_path: str, line: int, field: str) -> list[Problem]:
        """Every reference in ``text`` that names nothing."""
        out = []
        for match in PATTERN.finditer(text):
            key = f"{match.group(1)}:{match.group(2)}"
            if key not in self.targets:
                ref_line = line + text.count("\n", 0, match.start())
                out.append(Problem(where_path, ref_line, field, f"{match.group(0)} refers to nothing",
                                   self._expected(match.group(1), match.group(2))))
        return out

    def _expected(self, kind: str, target: str) -> str:
        import difflib

        if kind not in KINDS:
            return f"a reference kind among: {', '.join(KINDS)}"
        known = [k.split(":", 1)[1] for k in self.targets if k.startswith(kind + ":")]
        close = difflib.get_close_matches(target, known, n=1, cutoff=0.5)
        return f"did you mean [[{kind}:{close[0]}]]?" if close else f"an existing {kind} id"

    def apply(self, text: str, lang: str, page_src: str) -> str:
        """``text`` with every reference replaced by a Markdown link (references were checked before).

        The link text is the target's title as plain text, or the editor's own words as
        Markdown; a glossary term carries its definition, as plain text, in the link's title.
        """
        def link(match: re.Match) -> str:
            target = self.targets[f"{match.group(1)}:{match.group(2)}"]
            label = match.group(3) or plain_html(target.title.get(lang)[0])
            href = posixpath.relpath(target.src, posixpath.dirname(page_src) or ".")
            href += f"#{target.anchor}" if target.anchor else ""
            if target.tooltip:
                tip = " ".join(target.tooltip.get(lang)[0].split()).replace('"', "\u201d")
                return f'[{label}]({href} "{tip}"){{ .bss-term }}'
            return f"[{label}]({href})"

        return PATTERN.sub(link, text)


def check_documents(resolver: Resolver, docs: list[Document]) -> list[Problem]:
    """References anywhere in the YAML content (any text field of any file)."""
    out = []
    for doc in docs:
        for path, value in _strings(doc.data, ()):
            if "[[" in value:
                out.extend(resolver.problems_in(value, doc.path, doc.text_line(path, value, 0), _field(path)))
    return out


def check_pages(resolver: Resolver, docs_dir: Path, root: Path) -> list[Problem]:
    """References in the hand-written Markdown pages of docs/."""
    out = []
    for file in sorted(docs_dir.rglob("*.md")):
        text = file.read_text(encoding="utf-8")
        if "[[" in text:
            out.extend(resolver.problems_in(text, file.relative_to(root).as_posix(), 1, "text"))
    return out


def _strings(data, path):
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _strings(value, path + (key,))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _strings(value, path + (i,))


def _field(path: tuple) -> str:
    from .problems import field_name

    return field_name(path)

