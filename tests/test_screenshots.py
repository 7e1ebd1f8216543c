"""`make screenshots` shows every page type, in every language: each type a reader meets has a
page on the contact sheets (tools/screenshots.py), and each of those pages is built."""
from __future__ import annotations

import sys

from helpers import ROOT
from sitefiles import read_page

sys.path.insert(0, str(ROOT / "tools"))
import screenshots  # noqa: E402

EVERY_TYPE = {"home", "catalogue", "case-study", "programme", "partner", "partners", "results", "chapter", "handout",
              "course", "module", "certificate", "glossary", "search", "not-found", "home-easy", "case-study-easy",
              "module-easy"}
EASY = {"ro": "usor-de-citit", "en": "easy-to-read"}


def test_the_sheets_show_every_page_type():
    assert EVERY_TYPE <= {label for label, _ in screenshots.PAGES}
    assert set(screenshots.WIDTHS) == {390, 1280}


def test_every_page_on_the_sheets_is_built_in_both_languages(built_site):
    for lang, prefix in (("ro", "/"), ("en", "/en/")):
        assert screenshots._easy_word(lang) == EASY[lang]
        for label, path in screenshots.PAGES:
            if label == "not-found":
                continue  # the 404 page is shown for an address that is not built
            address = prefix + path.split("?")[0].format(easy=EASY[lang])
            assert "<article" in read_page(built_site, address), (lang, label, address)
