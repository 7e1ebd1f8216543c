"""Interface strings per language (data/i18n/<lang>.yml): every key in every language.

A counted phrase has a key per CLDR plural category (``case_studies.count.one``, ``.few``,
``.other``...); those may differ between languages, as their grammars do, but each has ``.other``.
``language.locale`` names the locale Babel formats the language's numbers and dates with
(``en_GB``: British date order).

A string the site fills in has plain ``{name}`` placeholders, and only those the site passes to it
(``x-placeholders`` in data/schemas/strings.schema.json lists them per key). Anything else in
braces is a problem at its line: a format specification (``{n:>99999999999}`` asks Python for
gigabytes of padding), a conversion (``{n!r}``) or an attribute (``{n.__class__}``) would let a
strings file crash the build or print what it should not.
"""
from __future__ import annotations

import re
import string
from pathlib import Path

from bss.problems import ContentError, Problem
from bss.prepare.read.schemas import validate
from bss.settings import Languages
from bss.prepare.read.source import Document, DocumentError, read_document
from bss.text import Text, romanian

PLURAL = re.compile(r"\.(zero|one|two|few|many|other)\Z")


class Strings:
    """``t(key, lang, **values)``: the interface string for ``key`` in ``lang``."""

    def __init__(self, table: dict[str, dict[str, str]], docs: dict[str, Document] | None = None,
                 languages: Languages | None = None):
        self.table = table
        self.docs = docs or {}
        self.languages = languages or Languages(tuple(table))

    def has(self, key: str, lang: str) -> bool:
        return key in self.table[lang]

    def locale(self, lang: str) -> str:
        return self.table[lang].get("language.locale", lang)

    def text(self, key: str) -> Text:
        """The string in every language, as a text."""
        return Text({lang: self.t(key, lang) for lang in self.languages}, self.languages.default)

    def around(self, key: str, title: Text) -> Text:
        """The string ``key`` around ``title`` (its ``{title}``) in every language, as a text
        written where the title is (a handout's or an easy-to-read page's title)."""
        return Text({lang: self.t(key, lang, title=title.get(lang)[0]) for lang in self.languages},
                    title.default, title.where)

    def t(self, key: str, lang: str, **values) -> str:
        text = self.table[lang].get(key)
        if text is None:
            raise KeyError(f"interface string '{key}' is not in data/i18n/{lang}.yml")
        if not values:
            return text
        try:
            return fill(text, values)
        except (KeyError, ValueError) as exc:
            # A placeholder the page does not provide: an editor's slip in the strings file.
            doc = self.docs.get(lang)
            where = (doc.path, doc.line((key,))) if doc else (f"data/i18n/{lang}.yml", 1)
            known = ", ".join("{" + name + "}" for name in sorted(values))
            raise ContentError([Problem(*where, key, f"cannot be filled in ({exc.__class__.__name__}: {exc})",
                                        f"only the placeholders {known}")]) from None


_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def placeholders(text: str) -> set[str]:
    """The ``{names}`` in ``text``; ValueError if a brace is unbalanced or a placeholder is more
    than a name (a format, a conversion, an attribute or an index, a number)."""
    names = set()
    for _, name, spec, conversion in string.Formatter().parse(text):
        if name is None:
            continue
        if not _NAME.fullmatch(name) or spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            shown = written if len(written) <= 40 else written[:37] + "..."
            raise ValueError(f"{shown} is not a plain {{name}}")
        names.add(name)
    return names


def fill(text: str, values: dict) -> str:
    """``text`` with its placeholders filled in from ``values``; ValueError for a placeholder that
    is not plain (nothing in braces but a name is ever evaluated), KeyError for one not given."""
    missing = placeholders(text) - values.keys()
    if missing:
        raise KeyError(sorted(missing)[0])
    return text.format(**values)


def load_strings(root: Path, languages: Languages, problems: list[Problem], validators: dict) -> Strings:
    table: dict[str, dict[str, str]] = {}
    docs = {}
    for lang in languages:
        file = root / "data" / "i18n" / f"{lang}.yml"
        if not file.exists() and not file.is_symlink():
            problems.append(Problem(f"data/i18n/{lang}.yml", 1, "file", "is missing", "the interface strings in this language"))
            continue
        try:
            doc = read_document(file, root)
        except DocumentError as exc:
            problems.extend(exc.problems)
            continue
        found = validate(doc, validators["strings.schema.json"])
        if found:
            problems.extend(found)
            continue
        docs[lang] = doc
        table[lang] = {k: romanian(v) if lang == "ro" else v for k, v in doc.data.items()}
    if len(docs) == len(languages):
        declared = validators["strings.schema.json"].schema.get("x-placeholders") or {}
        problems.extend(_check_keys(docs, languages.default, declared))
    return Strings(table, docs, languages)


def _check_keys(docs: dict[str, Document], default: str, declared: dict[str, list]) -> list[Problem]:
    """The same keys in every language, each with plain placeholders: those the site fills in
    (``declared``, by key without its plural category), reported in the file that differs."""
    base = docs[default]
    problems = []

    def counted(keys):  # a counted phrase is one key, whatever plural forms the language has
        return {PLURAL.sub(".#", k) for k in keys}

    for lang, doc in docs.items():
        for key in sorted(counted(base.data) - counted(doc.data)):
            original = next(k for k in base.data if PLURAL.sub(".#", k) == key)
            problems.append(Problem(doc.path, 1, key.replace(".#", ".other"), "missing",
                                    f"the {lang} text of the key on line {base.line((original,))} of {base.path}"))
        for key in sorted(k for k in doc.data if PLURAL.sub(".#", k) not in counted(base.data)):
            problems.append(doc.problem((key,), "unknown key", f"a key also in {base.path}"))
        for key in sorted(k for k in doc.data if PLURAL.search(k) and f"{PLURAL.sub('', k)}.other" not in doc.data):
            problems.append(doc.problem((key,), "has no .other form", f"{PLURAL.sub('', key)}.other beside it"))
        for key, text in doc.data.items():
            wanted = set(declared.get(PLURAL.sub("", key), ()))
            try:
                names = placeholders(text)
            except ValueError as exc:
                problems.append(doc.problem((key,), f"has a broken placeholder ({exc})",
                                            "placeholders written {name}; a literal brace doubled: {{ or }}"))
                continue
            if names != wanted:
                said = (f"uses {_listed(names - wanted)}, which the site does not fill in" if names - wanted
                        else f"leaves out {_listed(wanted - names)}, which the site fills in")
                problems.append(doc.problem((key,), said, f"the placeholders of this string: {_listed(wanted) or 'none'}"))
    return problems


def _listed(names) -> str:
    return ", ".join("{" + n + "}" for n in sorted(names))
