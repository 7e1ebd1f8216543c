"""Easy-to-read versions: short points written to Inclusion Europe's "Information for all".

Case studies and course modules may carry an ``easy:`` list of points; the home page has its own
(``data/easy/acasa.yml``). The build checks what can be measured, with the line: at most 15 words
a sentence, no brackets, numbers as digits, no words in capitals, and no word of
``data/hard-words.yml`` before a point has explained it. Each version has its own address,
``.../usor-de-citit/`` in Romanian and ``/en/.../easy-to-read/`` in English (the slug of each
language is its interface string ``easy.slug``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from bss.prepare.caches import Caches
from bss.prepare.read.collections import Collection
from bss.problems import Problem
from bss.prepare.read.record import Record
from bss.prepare.pages.render import PageSpec
from bss.text import Text

MAX_WORDS = 15
# Number words that are never anything else (Romanian "nouă" and "opt" are, so they are left out).
NUMBER_WORDS = {
    "ro": {"trei", "patru", "cinci", "șase", "șapte", "zece", "unsprezece", "doisprezece", "douăsprezece",
           "treisprezece", "paisprezece", "cincisprezece", "douăzeci", "treizeci", "patruzeci", "cincizeci", "sută",
           "sute", "mie", "mii"},
    "en": {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
           "fourteen", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "thousand"},
}
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")
_CAPITALS = re.compile(r"\b[A-ZĂÂÎȘȚ]{3,}\b")


@dataclass(frozen=True)
class Point:
    text: Text
    icon: str | None
    alt: Text | None


@dataclass(frozen=True)
class EasyPage:
    id: str
    title: Text
    points: tuple[Point, ...]


def points(r: Record) -> tuple[Point, ...]:
    """The easy-to-read points of a record, if it has them."""
    return tuple(Point(p.required_text("text"), p.get("icon"), p.text("alt")) for p in r.children("easy"))


def build_page(r: Record) -> EasyPage:
    return EasyPage(r.get("id"), r.required_text("title"), points(r))


EASY_PAGES = Collection("easy-pages", "data/easy", "easy-page.schema.json", build_page, label="easy-to-read pages")
HARD_WORDS = Collection("hard-words", "data/hard-words.yml", "hard-words.schema.json", None, layout="list",
                        list_key="words", label="hard words")


# -- the rules -------------------------------------------------------------------------------

def check(loaded, icon_exists) -> list[Problem]:
    """Every easy-to-read text of every record held to the rules; ``icon_exists(name)`` says
    whether the site has that icon."""
    forms = {wid: r.get("forms") for wid, r in loaded.records.get("hard-words", {}).items()}
    problems = []
    for records in loaded.records.values():
        for record in records.values():
            if "easy" in record.data:
                problems += _check_points(record, forms, icon_exists, loaded.caches)
    return problems


def _check_points(record: Record, forms: dict, icon_exists, caches: Caches | None = None) -> list[Problem]:
    problems = []
    explained: dict[str, set[str]] = {}  # language -> hard words explained so far
    for i, point in enumerate(record.get("easy")):
        path = ("easy", i)
        if point.get("icon") and not icon_exists(point["icon"]):
            problems.append(record.problem(path + ("icon",), f"'{point['icon']}' is not an icon the site has",
                                           "an icon named material/<name> from pictogrammers.com/library/mdi"))
        for word in point.get("explains", []):
            if word not in forms:
                problems.append(record.problem(path + ("explains",), f"'{word}' is not in data/hard-words.yml",
                                               "the id of a hard word"))
        for lang, text in point["text"].items():
            where = path + ("text", lang)
            known = explained.setdefault(lang, set())
            own = set(point.get("explains", []))
            problems += _check_text(record, where, text, lang)
            used = hard_words_in(text, {word: kinds.get(lang, []) for word, kinds in forms.items()}, caches)
            for word in own:
                if word in forms and word not in used:
                    problems.append(record.problem(where, f"explains '{word}' but does not use the word",
                                                   f"the point that explains a word uses it: {', '.join(forms[word].get(lang, [])[:3])}"))
            for word, form in used.items():
                if word not in known | own:
                    problems.append(record.problem(where, f"uses the hard word '{form}' before explaining it",
                                                   f"a point with explains: [{word}] first, or an everyday word"))
            known |= own
    return problems


def _check_text(record: Record, where: tuple, text: str, lang: str) -> list[Problem]:
    problems = []
    for sentence in _SENTENCE_END.split(text.strip()):
        count = len(_WORD.findall(sentence))
        if count > MAX_WORDS:
            problems.append(record.problem(where, f"has a sentence of {count} words ('{_start(sentence)}')",
                                           f"at most {MAX_WORDS} words a sentence: one idea each"))
    if re.search(r"[()\[\]]", text):
        problems.append(record.problem(where, "has brackets", "no brackets: say it in a sentence of its own"))
    for word in _WORD.findall(text.lower()):
        if word in NUMBER_WORDS.get(lang, ()):
            problems.append(record.problem(where, f"writes the number '{word}' in letters", "numbers in digits: 3, 20"))
            break
    capitals = _CAPITALS.search(text)
    if capitals:
        problems.append(record.problem(where, f"has a word in capitals ('{capitals.group(0)}')",
                                       "no capitals or abbreviations: write the name out"))
    return problems


def hard_words_in(text: str, forms: dict[str, list[str]], caches: Caches | None = None) -> dict[str, str]:
    """The hard words ``text`` uses, word -> the form found. Where forms overlap, the longest
    counts: "servicii sociale comunitare" is the community service, not also the social service.
    (The expression is made once per set of forms when the caller passes its ``Caches``.)"""
    key = tuple((word, tuple(kinds)) for word, kinds in forms.items())
    pattern, owner = caches.get("hard-words", key, lambda: _forms_pattern(key)) if caches else _forms_pattern(key)
    if pattern is None:
        return {}
    # At each position the longest form that starts there (the alternatives are longest first).
    found = [(m.start(), m.end(1), m.group(1)) for m in pattern.finditer(text.lower())]
    used: dict[str, str] = {}
    taken: list[tuple[int, int]] = []
    for start, end, form in sorted(found, key=lambda f: f[0] - f[1]):  # longest first
        if not any(start < e and s < end for s, e in taken):
            taken.append((start, end))
            word, original = owner[form]
            used.setdefault(word, original)
    return used


def _forms_pattern(forms: tuple) -> tuple[re.Pattern | None, dict[str, tuple[str, str]]]:
    """One expression for every form of every hard word, and who each form belongs to."""
    owner: dict[str, tuple[str, str]] = {}
    for word, kinds in forms:
        for form in kinds:
            owner.setdefault(form.lower(), (word, form))
    if not owner:
        return None, owner
    alternatives = "|".join(re.escape(form) for form in sorted(owner, key=len, reverse=True))
    return re.compile(rf"(?=(?<!\w)({alternatives})(?!\w))"), owner


def _start(sentence: str) -> str:
    words = sentence.split()
    return " ".join(words[:6]) + (" ..." if len(words) > 6 else "")


# -- pages -----------------------------------------------------------------------------------

def pages(content) -> list[PageSpec]:
    """An easy-to-read page for each record that has one; a record without is listed in the
    translation report as a gap."""
    specs = []
    home = content.easy_pages.get("acasa")
    if home:
        specs.append(_page(content, "home-easy", "", home.title, home.points, ("home", "")))
    for case in content.case_studies.values():
        if case.easy:
            specs.append(_page(content, "case-study-easy", case.id, case.title, case.easy, ("case-study", case.id)))
    for course in content.courses.values():
        for module in course.own_modules:
            if module.easy:
                specs.append(_page(content, "module-easy", module.key, module.title, module.easy, ("module", module.key)))
    return specs


def _page(content, kind: str, id: str, title: Text, points, full: tuple[str, str]) -> PageSpec:
    """The page's heading is the record's title; the browser tab and search results add 'easy to
    read', so the two versions of a page are told apart. Search ranks it below its full page (a third
    of the weight of each word), where a reader looking for the subject expects the full text."""
    tab = content.strings.around("easy.title", title)
    return PageSpec(kind, id, "easy.md", tab, {"points": points, "full": full, "heading": title},
                    meta={"search_title": True, "search_weight": 0.3})
