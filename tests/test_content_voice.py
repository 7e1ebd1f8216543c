"""Reader-facing text says what is known, with its source, or says nothing: never the notes of
whoever researched it ("we have found no source", "the sources do not say"). Every text of data/
and courses/ is read (interface strings included); YAML comments are for editors and may keep them."""
from __future__ import annotations

import re

import pytest
import yaml

from helpers import ROOT

NOTES = [
    r"\bnu am (găsit|putut|verificat)\b", r"\bnu știm\b", r"\bnu se știe\b", r"\bsursele (găsite|consultate|nu)\b",
    r"\bsursa nu\b", r"\bnu (este|sunt) confirmat", r"\bnu a fost verificat", r"\bpar a fi\b", r"\bdin context\b",
    r"\bwe (did|could) not\b", r"\bwe have (not )?found\b", r"\bwe do not know\b", r"\bis not known\b",
    r"\bnot confirmed\b", r"\bno source\b", r"\bcould not confirm\b", r"\bthe sources? (found|consulted|do(es)? not|disagree)",
    r"\bnot named in the source\b", r"\bappears? to be\b", r"\bfrom the context\b", r"\bhas not been verified\b",
    r"\bfell on a\b", r"\ba căzut (luni|marți|miercuri|joi|vineri|sâmbătă|duminică)\b",
    r"\b(pagina|sursa|articolul) nu (numește|spune|precizează|menționează)\b",
    r"\b(the|that) (page|source|article) does not (name|say|give|mention)\b",
]
PATTERN = re.compile("|".join(NOTES), re.IGNORECASE)
FILES = sorted(p for folder in ("data", "courses") for p in (ROOT / folder).rglob("*.yml") if "schemas" not in p.parts)


def texts(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(item, path + (str(key),))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, path + (str(i),))


@pytest.mark.parametrize("file", FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_research_notes_reach_the_reader(file):
    notes = [f"{'.'.join(path)}: {m.group(0)!r} in {text[max(0, m.start() - 60):m.end() + 60]!r}"
             for path, text in texts(yaml.safe_load(file.read_text(encoding="utf-8")))
             for m in [PATTERN.search(text)] if m]
    assert not notes, "\n".join(notes)


def test_the_patterns_catch_the_notes_that_were_there():
    for note in ("nu am găsit o sursă care să confirme aprobarea lui oficială", "12 aprilie a căzut vineri în 2024",
                 "We have found no source confirming its formal approval", "The sources do not say when the centre opened",
                 "not named in the source", "Nu știm dacă a fost adoptat definitiv",
                 "pagina nu numește organizația care prestează serviciul",
                 "the page does not name the organisation that runs the service"):
        assert PATTERN.search(note), note
    assert not PATTERN.search("alături de societatea civilă, am găsit soluții")  # a quote, not a note
