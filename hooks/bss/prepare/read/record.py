"""A validated record inside a document, with helpers that build typed values from it."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any, cast

from bss.problems import field_name
from bss.prepare.read.source import Document
from bss.text import Text, make_text


@dataclass(frozen=True)
class Source:
    publisher: str
    title: Text | None = None
    date: datetime.date | None = None
    url: str | None = None


@dataclass(frozen=True)
class Quote:
    text: Text
    author: str
    role: Text | None = None
    source: Source | None = None


@dataclass(frozen=True)
class Record:
    """The mapping at ``base`` inside ``doc`` (``()`` for a one-record file).

    ``key`` is the record's id in its collection (``course/module`` for a module); ``default``
    is the site's default language, the one every text holds.
    """

    doc: Document
    base: tuple = ()
    key: str = ""
    default: str = "ro"

    @property
    def data(self) -> dict:
        value: Any = self.doc.data
        for part in self.base:
            value = value[part]
        return value

    def at(self, *path) -> Record:
        return Record(self.doc, self.base + tuple(path), self.key, self.default)

    def get(self, key: str, default=None):
        return self.data.get(key, default)

    def where(self, *path) -> str:
        full = self.base + tuple(path)
        return f"{self.doc.path}:{self.doc.line(full)}: {field_name(full)}"

    def problem(self, path: tuple, message: str, expected: str = ""):
        return self.doc.problem(self.base + tuple(path), message, expected)

    def text(self, key: str) -> Text | None:
        return make_text(self.data.get(key), self.where(key), self.default)

    # A field its schema requires: records are made only of the files that passed their schema
    # (read/collections.py), so it is there. The type says so; nothing is checked a second time.
    def required_text(self, key: str) -> Text:
        return cast(Text, self.text(key))

    def required_date(self, *path: str) -> datetime.date:
        return cast(datetime.date, self.date(*path))

    def required_source(self, key: str = "source") -> Source:
        return cast(Source, self.source(key))

    def texts(self, key: str) -> tuple[Text, ...]:
        return tuple(make_text(v, self.where(key, i), self.default) for i, v in enumerate(self.data.get(key) or []))

    def date(self, *path) -> datetime.date | None:
        value: Any = self.data
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        return datetime.date.fromisoformat(value) if value else None

    def source(self, key: str = "source") -> Source | None:
        if self.data.get(key) is None:
            return None
        return self.at(key).as_source()

    def sources(self, key: str = "sources") -> tuple[Source, ...]:
        return tuple(r.as_source() for r in self.children(key))

    def as_source(self) -> Source:
        return Source(self.get("publisher"), self.text("title"), self.date("date"), self.get("url"))

    def quotes(self, key: str = "quotes") -> tuple[Quote, ...]:
        return tuple(Quote(q.required_text("text"), q.get("author"), q.text("role"), q.source()) for q in self.children(key))

    def children(self, key: str) -> list[Record]:
        return [self.at(key, i) for i in range(len(self.data.get(key) or []))]
