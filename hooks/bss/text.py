"""Bilingual text, Romanian typography and per-language number and date formats (Babel/CLDR)."""
from __future__ import annotations

import datetime
from dataclasses import dataclass

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit

LANGUAGES = ("ro", "en")
DEFAULT_LANGUAGE = "ro"

# Legacy cedilla letters look alike but are wrong in Romanian; NFC does not fix them.
_CEDILLA_TO_COMMA = str.maketrans({"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"})


def romanian(text: str) -> str:
    """Romanian text with comma-below ș ț in place of cedilla ş ţ."""
    return text.translate(_CEDILLA_TO_COMMA)


@dataclass(frozen=True)
class Text:
    """A text a reader sees, in Romanian and (perhaps not yet) in English.

    ``where`` is ``path:line: field`` of its source, for the translation report.
    """

    ro: str
    en: str | None = None
    where: str = ""

    def get(self, lang: str) -> tuple[str, bool]:
        """The text in ``lang`` and whether it fell back to Romanian."""
        if lang == "en":
            return (self.en, False) if self.en else (self.ro, True)
        return self.ro, False

    @property
    def translated(self) -> bool:
        return bool(self.en)


def make_text(value: dict | None, where: str = "") -> Text | None:
    """Build a Text from a validated ``{ro: ..., en: ...}`` mapping."""
    if value is None:
        return None
    en = value.get("en")
    return Text(romanian(value["ro"].strip()), en.strip() if en else None, where)


def number(value: float | int, lang: str) -> str:
    """3.375.000 in Romanian, 3,375,000 in English."""
    return format_decimal(value, locale=lang)


def date(value: datetime.date | str, lang: str, fmt: str = "long") -> str:
    """1 februarie 2021 / February 1, 2021; ``fmt='MMMM y'`` for a month."""
    if isinstance(value, str):
        value = datetime.date.fromisoformat(value)
    return format_date(value, format=fmt, locale=lang)


def euros(value: float | int, lang: str) -> str:
    """3.375.000 EUR / EUR 3,375,000 — whole euros, as the programme documents write them."""
    amount = format_decimal(value, locale=lang)
    return f"{amount}\u00a0EUR" if lang == "ro" else f"EUR\u00a0{amount}"


def plural_form(n: int, lang: str) -> str:
    """CLDR's plural category of ``n`` in ``lang``: one, few, other..."""
    return Locale.parse(lang).plural_form(n)


def duration(minutes: int, lang: str) -> str:
    """45 de minute, 4 ore și 30 de minute / 45 minutes, 4 hours and 30 minutes."""
    hours, rest = divmod(minutes, 60)
    parts = [format_unit(n, unit, locale=lang) for n, unit in ((hours, "duration-hour"), (rest, "duration-minute")) if n]
    return format_list(parts, locale=lang)
