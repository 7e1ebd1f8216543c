"""axe finds nothing on any page type, in either language, at phone or desktop width (pages in a
particular state, a checked quiz or a filtered catalogue, are checked beside their own tests)."""
from __future__ import annotations

import pytest

from browsing import axe_report, search_results
from helpers import EASY_SLUG

# One page of each type; {easy} is the last word of an easy-to-read page's address in the language.
PAGE_TYPES = [
    "", "programe/", "programe/ssmb-2021/", "parteneri/", "parteneri/clinica-juridica-balti/",
    "parteneri/keystone-moldova/", "studii-de-caz/", "studii-de-caz/spalatorie-sociala-glodeni/",
    "studii-de-caz/centru-barnahus-balti/", "studii-de-caz/date-deschise/", "rezultate/", "ghid/",
    "ghid/costificarea/", "ghid/cadrul-legal/", "ghid/costificarea/fisa/", "ghid/complet/", "glosar/", "cursuri/",
    "cursuri/servicii-comunitare/", "cursuri/servicii-comunitare/dezvoltarea-serviciului/",
    "cursuri/servicii-comunitare/certificat/", "cautare/?q=servicii", "nu-exista/", "{easy}/",
    "studii-de-caz/spalatorie-sociala-glodeni/{easy}/", "cursuri/contractarea-sociala/costul-serviciului/{easy}/",
]


@pytest.mark.parametrize("width", [390, 1280], ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", ["ro", "en"])
def test_every_page_type_passes_axe(browser, axe, site_url, lang, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    reports = []
    for path in PAGE_TYPES:
        page.goto(f"{site_url}{'/en/' if lang == 'en' else '/'}{path.format(easy=EASY_SLUG[lang])}")
        if path.startswith("cautare/"):
            search_results(page, "servicii")
        reports.append(axe_report(axe, page))
    ctx.close()
    found = [r for r in reports if r]
    assert not found, "\n".join(found)
