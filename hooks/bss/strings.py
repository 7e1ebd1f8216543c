"""Interface strings per language (data/i18n/<lang>.yml): every key in every language."""
from __future__ import annotations

from pathlib import Path

from .problems import Problem
from .schemas import validate
from .source import DocumentError, read_document
from .text import LANGUAGES, romanian


class Strings:
    """``t(key, lang, **values)``: the interface string for ``key`` in ``lang``."""

    def __init__(self, table: dict[str, dict[str, str]]):
        self.table = table

    def t(self, key: str, lang: str, **values) -> str:
        text = self.table[lang].get(key)
        if text is None:
            raise KeyError(f"interface string '{key}' is not in data/i18n/{lang}.yml")
        return text.format(**values) if values else text


def load_strings(root: Path, problems: list[Problem]) -> Strings:
    table: dict[str, dict[str, str]] = {}
    docs = {}
    for lang in LANGUAGES:
        file = root / "data" / "i18n" / f"{lang}.yml"
        if not file.exists():
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
        base = docs["ro"]
        for lang, doc in docs.items():
            for key in sorted(set(base.data) - set(doc.data)):
                problems.append(Problem(doc.path, 1, key, "missing",
                                        f"the {lang} text of the key on line {base.line((key,))} of {base.path}"))
            for key in sorted(set(doc.data) - set(base.data)):
                problems.append(doc.problem((key,), "unknown key", f"a key also in {base.path}"))
    return Strings(table)
