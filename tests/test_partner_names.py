"""Partner names written one way: sources give a Moldovan public association's name as
"AO „X”" or "Asociația Obștească „X”"; the site writes the legal form out in full wherever it
shows a partner's name (its page, the partners' list, the catalogue's cards and filter), and
changes nothing else of the name."""
from __future__ import annotations

import html as htmlib
import re

import yaml

from bss.prepare.content.partners import written_out
from bss.text import Text
from helpers import ROOT
from sitefiles import read_page

PARTNERS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/partners").glob("*.yml")}
ABBREVIATED = sorted(i for i, p in PARTNERS.items() if p["name"]["ro"].startswith("AO "))


def test_only_the_legal_forms_abbreviation_is_written_out():
    name = Text({"ro": "AO „Vesta” AO", "en": "“Vesta” Public Association"}, "ro", "x.yml:3: name")
    assert written_out(name).values == {"ro": "Asociația Obștească „Vesta” AO", "en": "“Vesta” Public Association"}
    assert written_out(name).where == name.where
    untouched = Text({"ro": "Fundația Soros Moldova", "en": "Soros Foundation Moldova"})
    assert written_out(untouched) == untouched
    assert written_out(Text({"ro": "AOPAM"})).values == {"ro": "AOPAM"}  # an acronym is not the abbreviation
    assert written_out(None) is None


def test_every_place_a_partners_name_shows_writes_its_legal_form_out(built_site):
    """Its page's heading and title, the partners' list, the catalogue's filter: the full form only.
    (A cited source's title stays as its source wrote it: "„AO … a realizat …”" is a quotation.)"""
    assert ABBREVIATED, "the data no longer abbreviates any partner's legal form: this test proves nothing"
    listing = htmlib.unescape(read_page(built_site, "/parteneri/"))
    catalogue = htmlib.unescape(read_page(built_site, "/studii-de-caz/"))
    for id in ABBREVIATED:
        given = PARTNERS[id]["name"]["ro"]
        full = "Asociația Obștească " + given[len("AO "):]
        own = htmlib.unescape(read_page(built_site, f"/parteneri/{id}/"))
        heading = re.search(r"<h1[^>]*>([^<]+)", own).group(1).strip()
        title = re.search(r"<title>([^<]+)", own).group(1)
        assert heading.startswith(full) and title.startswith(full), (id, heading, title)
        assert f'<a href="{id}/">{full}</a>' in listing, id
        assert given not in listing and given not in catalogue, id
        if PARTNERS[id]["kind"] == "cso":
            assert f'data-label="{full}"' in catalogue, id
