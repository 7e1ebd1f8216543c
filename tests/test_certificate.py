"""A course's certificate names who issues it and who funds the course, from the data: the
course's issuer (a partner) and programme (its funders and implementers), or, without them, the
site and the funding line every page's footer carries."""
from __future__ import annotations

import re

from bss.prepare.site import build_site
from helpers import ROOT

COURSE = ROOT / "courses/servicii-comunitare/course.yml"


def certificate(site, lang: str) -> str:
    page = "cursuri/servicii-comunitare/certificat" + ("" if lang == "ro" else f".{lang}") + ".md"
    markdown = site.pages[page].markdown
    return " ".join(re.sub(r"<[^>]+>", " ", markdown).split())


def test_a_course_with_an_issuer_and_a_programme_says_both(project):
    course = project / "courses/servicii-comunitare/course.yml"
    course.write_text(COURSE.read_text(encoding="utf-8").replace("pass_mark:", "issuer: keystone-moldova\n"
                                                                 "programme: ssmb-2021\npass_mark:"), encoding="utf-8")
    site = build_site(project)
    assert "Eliberat de: Asociația Keystone Moldova" in certificate(site, "ro")
    assert ("The course is part of the programme “Civil Society Organisations Acting for Better Social Services”. "
            "Funded by: European Union and Soros Foundation Moldova. Implemented by: Soros Foundation Moldova, "
            "Keystone Moldova and Institutum Virtutes Civilis.") in certificate(site, "en")


def test_without_them_the_site_issues_it_and_the_footer_says_who_funds(project):
    site = build_site(project)
    assert "Issued by the “Better Social Services” website, https://servicii-sociale.example.org/en/" in certificate(site, "en")
    assert "Eliberat de site-ul „Servicii sociale mai bune”, https://servicii-sociale.example.org/" in certificate(site, "ro")
    assert "Programele sunt finanțate de Uniunea Europeană" in certificate(site, "ro")
