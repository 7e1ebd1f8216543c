"""Interface strings per language (data/i18n/<lang>.yml): every key in every language."""
from __future__ import annotations

import string
from pathlib import Path

from .problems import ContentError, Problem
from .schemas import validate
from .source import Document, DocumentError, read_document
from .text import LANGUAGES, romanian


class Strings:
    """``t(key, lang, **values)``: the interface string for ``key`` in ``lang``."""

    def __init__(self, table: dict[str, dict[str, str]], docs: dict[str, Document] | None = None):
        self.table = table
        self.docs = docs or {}

    def t(self, key: str, lang: str, **values) -> str:
        text = self.table[lang].get(key)
        if text is None:
            raise KeyError(f"interface string '{key}' is not in data/i18n/{lang}.yml")
        if not values:
            return text
        try:
            return text.format(**values)
        except (KeyError, IndexError, ValueError) as exc:
            # A placeholder the page does not provide: an editor's slip in the strings file.
            doc = self.docs.get(lang)
            where = (doc.path, doc.line((key,))) if doc else (f"data/i18n/{lang}.yml", 1)
            known = ", ".join("{" + name + "}" for name in sorted(values))
            raise ContentError([Problem(*where, key, f"cannot be filled in ({exc.__class__.__name__}: {exc})",
                                        f"only the placeholders {known}")]) from None


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in ``text``; ValueError if a brace is unbalanced."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def load_strings(root: Path, problems: list[Problem]) -> Strings:
    table: dict[str, dict[str, str]] = {}
    docs = {}
    for lang in LANGUAGES:
        file = root / "data" / "i18n" / f"{lang}.yml"
        if not file.exists() and not file.is_symlink():
            problems.append(Problem(f"data/i18n/{lang}.yml", 1, "file", "is missing", "the interface strings in this language"))
            continue
        try:
            doc = read_document(file, root)
        except DocumentError as exc:
            problems.extend(exc.problems)
            continue
        found = validate(doc, "strings.schema.json", root / "data" / "schemas")
        if found:
            problems.extend(found)
            continue
        docs[lang] = doc
        table[lang] = {k: romanian(v) if lang == "ro" else v for k, v in doc.data.items()}
    if len(docs) == len(LANGUAGES):
        problems.extend(_check_keys(docs))
    return Strings(table, docs)


def _check_keys(docs: dict[str, Document]) -> list[Problem]:
    """The same keys in every language, each with well-formed placeholders, the same as in Romanian."""
    base = docs["ro"]
    problems = []
    for lang, doc in docs.items():
        for key in sorted(set(base.data) - set(doc.data)):
            problems.append(Problem(doc.path, 1, key, "missing",
                                    f"the {lang} text of the key on line {base.line((key,))} of {base.path}"))
        for key in sorted(set(doc.data) - set(base.data)):
            problems.append(doc.problem((key,), "unknown key", f"a key also in {base.path}"))
        for key, text in doc.data.items():
            try:
                names = placeholders(text)
                wanted = placeholders(base.data[key]) if key in base.data else names
            except ValueError as exc:
                problems.append(doc.problem((key,), f"has a broken placeholder ({exc})",
                                            "placeholders written {name}; a literal brace doubled: {{ or }}"))
                continue
            if names != wanted:
                expected = ", ".join("{" + n + "}" for n in sorted(wanted)) or "no placeholders"
                problems.append(doc.problem((key,), f"uses {', '.join('{' + n + '}' for n in sorted(names)) or 'no placeholders'}",
                                            f"the placeholders of {base.path}: {expected}"))
    return problems
