"""The disclaimer on every page is the EU's standard one for what its funded external actions publish,
in the form EU-funded projects in Moldova use in Romanian, naming the programmes' implementers as the
partner records name them.

The English standard ("This publication was produced with the financial support of the European
Union. Its contents are the sole responsibility of <name> and do not necessarily reflect the views of
the European Union."), with "website" for "publication"; the 2022 guidance "Communicating and raising
EU visibility: Guidance for external actions" (international-partnerships.ec.europa.eu) keeps a
disclaimer for publications (its section 4.6); the older FAQ of the EU's visibility pages
(ec.europa.eu/europeaid/work/visibility/faq-contractual-obligations_en.htm) allows a website to show it
on a page linked throughout the site, and this site shows it on every page."""
from __future__ import annotations

import re

import yaml

from helpers import ROOT

STRINGS = {lang: yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8")) for lang in ("ro", "en")}
FORMS = {
    "en": r"This website was produced with the financial support of the European Union\. Its contents are the sole "
          r"responsibility of (?P<who>.+) and do not necessarily reflect the views of the European Union\.",
    "ro": r"Acest site a fost realizat cu sprijinul financiar al Uniunii Europene\. Conținutul acestuia ține de "
          r"responsabilitatea exclusivă a (?P<who>.+) și nu reflectă neapărat opiniile Uniunii Europene\.",
}


def implementers() -> list[dict]:
    """The partner records of every programme's implementers, in the programmes' order."""
    ids = []
    for path in sorted((ROOT / "data/programmes").glob("*.yml")):
        ids += [i for i in yaml.safe_load(path.read_text(encoding="utf-8"))["implementers"] if i not in ids]
    return [yaml.safe_load((ROOT / f"data/partners/{i}.yml").read_text(encoding="utf-8")) for i in ids]


def test_the_disclaimer_is_the_eus_standard_one_in_each_language():
    for lang, form in FORMS.items():
        assert re.fullmatch(form, STRINGS[lang]["eu.disclaimer"]), (lang, STRINGS[lang]["eu.disclaimer"])


def test_the_disclaimer_names_every_implementer_as_its_record_does():
    names = [p["name"]["en"] for p in implementers()]
    who = re.fullmatch(FORMS["en"], STRINGS["en"]["eu.disclaimer"])["who"]
    assert who == ", ".join(names[:-1]) + " and " + names[-1]
    who = re.fullmatch(FORMS["ro"], STRINGS["ro"]["eu.disclaimer"])["who"]
    for partner in implementers():  # in the genitive: "a Fundației Soros Moldova", the name's own words kept
        proper = re.sub(r"^(Fundația|Asociația|AO)\s+", "", partner["name"]["ro"])
        assert proper in who, (proper, who)
