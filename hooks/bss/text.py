"""Texts in the site's languages, Romanian typography, and per-language formats (Babel/CLDR).

A ``Text`` holds a text in any of the site's languages; the default language is always there
(the schemas require it) and stands in, marked as such, for a language not yet written.
"""
from __future__ import annotations

import datetime
import unicodedata
from dataclasses import dataclass, field
from typing import overload

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal
from babel.units import format_unit

# Legacy cedilla letters look alike but are wrong in Romanian; NFC does not fix them.
_CEDILLA_TO_COMMA = str.maketrans({"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"})


def romanian(text: str) -> str:
    """Romanian text with comma-below ș ț in place of cedilla ş ţ."""
    return text.translate(_CEDILLA_TO_COMMA)


@dataclass(frozen=True)
class Text:
    """A text a reader sees, by language code; ``default`` names the language always present.

    ``where`` is ``path:line: field`` of its source, for the translation report.
    """

    values: dict[str, str] = field(hash=False)
    default: str = "ro"
    where: str = field(default="", compare=False)

    def get(self, lang: str) -> tuple[str, bool]:
        """The text in ``lang`` and whether it fell back to the default language."""
        if lang in self.values:
            return self.values[lang], False
        return self.values[self.default], lang != self.default

    def __str__(self) -> str:
        return self.values[self.default]


@overload
def make_text(value: dict[str, str], where: str = "", default: str = "ro") -> Text: ...
@overload
def make_text(value: None, where: str = "", default: str = "ro") -> None: ...
@overload
def make_text(value: dict[str, str] | None, where: str = "", default: str = "ro") -> Text | None: ...


def make_text(value: dict[str, str] | None, where: str = "", default: str = "ro") -> Text | None:
    """A Text from a validated ``{ro: ..., en: ...}`` mapping."""
    if value is None:
        return None
    return Text({lang: romanian(text.strip()) if lang == "ro" else text.strip() for lang, text in value.items()},
                default, where)



def number(value: float | int, locale: str) -> str:
    """3.375.000 in Romanian, 3,375,000 in English."""
    return format_decimal(value, locale=locale)


def date(value: datetime.date | str, locale: str, fmt: str = "long") -> str:
    """1 februarie 2021 / 1 February 2021 (en_GB); ``fmt='MMMM y'`` for a month."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return format_date(value, format=fmt, locale=locale)


def euros(value: float | int, locale: str) -> str:
    """Whole euros as the locale writes money: 3.375.000 EUR, €3,375,000."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.split(";")[0]
    whole = pattern.replace(".00", "").replace(",00", "")
    return format_currency(value, "EUR", format=whole, locale=locale, currency_digits=False)


def duration(minutes: int, locale: str) -> str:
    """45 de minute, 4 ore și 30 de minute / 45 minutes, 4 hours and 30 minutes; a number never on
    another line than its unit (no-break spaces within "20 de minute")."""
    hours, rest = divmod(minutes, 60)
    parts = [format_unit(n, unit, locale=locale).replace(" ", "\u00a0")
             for n, unit in ((hours, "duration-hour"), (rest, "duration-minute")) if n]
    return format_list(parts, locale=locale)


def listing(items: list[str], locale: str) -> str:
    """Items as a list in the language: 'A, B și C', 'A, B and C'."""
    return format_list(items, locale=locale) if items else ""


def language_name(code: str, locale: str) -> str:
    """The name of language ``code`` in ``locale``'s language: "română", "Romanian"."""
    return Locale.parse(code).get_display_name(locale) or code


def plural_form(n: int, locale: str) -> str:
    """CLDR's plural category of ``n`` in the language: one, few, other..."""
    return Locale.parse(locale).plural_form(n)


# Romanian orders ă after a, â after ă, î after i, ș after s, ț after t.
_ROMANIAN = {" ": 0, **{str(d): 1 + d for d in range(10)},
             **{c: 20 + i for i, c in enumerate("aăâbcdefghiîjklmnopqrsștțuvwxyz")}}


def sort_key(text: str, lang: str) -> tuple[object, ...]:
    """A key that sorts ``text`` in the alphabetical order of ``lang``."""
    text = text.lower()
    if lang == "ro":
        return tuple(_ROMANIAN.get(c, 100 + ord(c)) for c in romanian(text) if c.isalnum() or c.isspace())
    folded = unicodedata.normalize("NFKD", text)
    return tuple(c for c in folded if not unicodedata.combining(c) and (c.isalnum() or c.isspace())), text
