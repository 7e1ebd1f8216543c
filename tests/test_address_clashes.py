"""An id that gives a page another page's address, or the folder of other pages, is refused with its
file and line (bss.prepare.pages.clashes): before, one of the two pages was lost without a word."""
from __future__ import annotations

import pytest

from bss.prepare.site import check_site
from bss.problems import ContentError

CASE = "data/case-studies/spalatorie-sociala-glodeni.yml"


def test_an_id_that_takes_another_page_s_address_or_folder_is_refused(project):
    record = (project / CASE).read_text(encoding="utf-8")
    for id in ("date-deschise", "pagina", "tip"):
        (project / f"data/case-studies/{id}.yml").write_text(
            record.replace("id: spalatorie-sociala-glodeni", f"id: {id}"), encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        check_site(project)
    line = record.splitlines().index("id: spalatorie-sociala-glodeni") + 1
    assert [str(p) for p in raised.value.problems] == [
        f"data/case-studies/date-deschise.yml:{line}: id: 'date-deschise' gives its page (/studii-de-caz/date-deschise/) "
        "the address of the open data page /studii-de-caz/date-deschise/: both cannot be published (another id)",
        f"data/case-studies/pagina.yml:{line}: id: 'pagina' gives its page (/studii-de-caz/pagina/) as its address "
        "the folder of other pages (/studii-de-caz/pagina/…): both cannot be published (another id)",
        f"data/case-studies/tip.yml:{line}: id: 'tip' gives its page (/studii-de-caz/tip/) as its address the folder "
        "of the catalogue type page /studii-de-caz/tip/activitati-socio-educationale/: both cannot be published (another id)",
    ]


def test_a_record_s_own_pages_may_live_under_its_folder():
    from helpers import ROOT

    check_site(ROOT)  # a chapter's handout (ghid/<id>/fisa/), a case study's easy-to-read page, a course's modules
