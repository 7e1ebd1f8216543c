"""The course certificate as a learner prints it: one A4 page, dated in the page's language
(British order in English), naming who issues it and who funds the programmes, from the data."""
from __future__ import annotations

import io
import json

import pytest
import yaml
from pypdf import PdfReader

from bss.settings import load_settings
from helpers import ROOT

COURSES = sorted(p.parent.name for p in (ROOT / "courses").glob("*/course.yml"))
DATES = {"ro": "7 decembrie 2026", "en": "7 December 2026"}
NAME = "Ana-Maria Rusu-Constantinescu"
SETTINGS = load_settings(ROOT)
STRINGS = {lang: yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8")) for lang in ("ro", "en")}


def passed_everything(page, site_url: str, course: str, prefix: str) -> None:
    """Every module of the course passed, as the quizzes store it, the last on 7 December 2026."""
    page.goto(f"{site_url}{prefix}/cursuri/{course}/")
    versions = dict(page.locator("li[data-module]").evaluate_all(
        "els => els.map(e => [e.dataset.module, e.dataset.version])"))
    modules = {mid: {"version": v, "answers": {}, "score": 5, "total": 5, "passed": True,
                     "date": f"2026-12-0{7 - i}T10:00:00.000Z"} for i, (mid, v) in enumerate(versions.items())}
    page.evaluate("s => localStorage.setItem('bss-progress', s)",
                  json.dumps({"v": 1, "modules": modules, "drafts": {}, "name": NAME}))


def printed(page) -> list[str]:
    """The text of each page of the certificate printed to A4, as Chromium prints it."""
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    return [" ".join((p.extract_text() or "").split()) for p in pdf.pages]


@pytest.mark.parametrize("course", COURSES)
@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_certificate_prints_on_one_a4_page_with_its_issuer_funder_and_date(page, site_url, course, lang):
    prefix = "/en" if lang == "en" else ""
    passed_everything(page, site_url, course, prefix)
    page.goto(f"{site_url}{prefix}/cursuri/{course}/certificat/")
    page.locator("[data-cert]").wait_for()
    data = yaml.safe_load((ROOT / f"courses/{course}/course.yml").read_text(encoding="utf-8"))
    pages = printed(page)
    assert len(pages) == 1, pages  # no second, blank page
    text = pages[0]
    site = SETTINGS.site_names[lang]
    address = SETTINGS.site_url.rstrip("/") + prefix + "/"
    issued = {"ro": f"Eliberat de site-ul „{site}”, {address}", "en": f"Issued by the “{site}” website, {address}"}
    for said in (NAME, " ".join(data["title"][lang].split()), DATES[lang], issued[lang], STRINGS[lang]["theme.footer"],
                 STRINGS[lang]["eu.statement"]):
        assert said in text, (said, text)
    # The EU emblem heads the certificate, beside its funding statement: twelve stars on blue
    emblem = page.locator("[data-cert] .bss-eu")
    assert emblem.locator("svg g").count() == 12
    assert emblem.locator(".bss-eu__statement").inner_text() == STRINGS[lang]["eu.statement"]
