"""Unit tests for the core's small pieces: typography, formats, source lines, fallbacks, addresses."""
from __future__ import annotations

import datetime

from bss import addresses
from bss.render import Localizer
from bss.source import read_document
from bss.strings import Strings
from bss.text import Text, date, euros, make_text, number, romanian


def test_cedilla_letters_become_comma_below():
    assert romanian("Ştefan Vodă, Ţara, şcoală, ţară") == "Ștefan Vodă, Țara, școală, țară"
    assert make_text({"ro": "asistenţă", "en": "assistance"}).ro == "asistență"
    assert make_text({"ro": "x", "en": "ş"}).en == "ş"  # English text is left alone


def test_numbers_dates_and_money_per_language():
    assert number(3375000, "ro") == "3.375.000" and number(3375000, "en") == "3,375,000"
    assert number(1.5, "ro") == "1,5"
    assert date(datetime.date(2021, 2, 1), "ro") == "1 februarie 2021"
    assert date("2021-02-01", "en") == "February 1, 2021"
    assert date("2024-07-31", "ro", "MMMM y") == "iulie 2024"
    assert euros(1989888, "ro") == "1.989.888\u00a0EUR" and euros(1989888, "en") == "EUR\u00a01,989,888"


def test_every_value_keeps_its_line(tmp_path):
    file = tmp_path / "x.yml"
    file.write_text("# comment\nid: a\nlist:\n  - one\n  - {k: v}\nnested:\n  deep:\n    value: 3\n", encoding="utf-8")
    doc = read_document(file, tmp_path)
    assert doc.data == {"id": "a", "list": ["one", {"k": "v"}], "nested": {"deep": {"value": 3}}}
    assert doc.line(("id",)) == 2
    assert doc.line(("list", 1, "k")) == 5
    assert doc.line(("nested", "deep", "value")) == 8
    assert doc.line(("nested", "deep", "missing")) == 7  # nearest known ancestor


def test_dates_stay_as_written(tmp_path):
    file = tmp_path / "x.yml"
    file.write_text("start: 2021-02-01\n", encoding="utf-8")
    assert read_document(file, tmp_path).data == {"start": "2021-02-01"}


def strings():
    return Strings({"ro": {"qualifier.about": "circa {n}"}, "en": {"qualifier.about": "about {n}"}})


def test_english_falls_back_to_romanian_marked_with_its_language():
    loc = Localizer("en", "studii-de-caz/x.md", strings())
    shown = loc.text(Text("Povestea <b>", None, "data/x.yml:3: story"))
    assert shown == '<span lang="ro" class="bss-untranslated">Povestea &lt;b&gt;</span>'
    assert loc.fallbacks == ["data/x.yml:3: story"]
    assert loc.text(Text("ro", "en")) == "en"
    assert loc.fallbacks == ["data/x.yml:3: story"]


def test_romanian_never_falls_back():
    loc = Localizer("ro", "index.md", strings())
    assert loc.text(Text("doar română")) == "doar română" and loc.fallbacks == []


def test_links_are_relative_markdown_paths():
    loc = Localizer("ro", "studii-de-caz/x.md", strings())
    assert loc.link(addresses.partner("keystone-moldova")) == "../parteneri/keystone-moldova.md"
    assert loc.link(addresses.CASE_STUDIES) == "index.md"
    assert Localizer("ro", "index.md", strings()).link(addresses.programme("p")) == "programe/p.md"


def test_addresses_per_language():
    assert addresses.src_uri("studii-de-caz/x.md", "en") == "studii-de-caz/x.en.md"
    assert addresses.url_path("studii-de-caz/x.md", "ro") == "/studii-de-caz/x/"
    assert addresses.url_path("studii-de-caz/index.md", "en") == "/en/studii-de-caz/"
    assert addresses.url_path("index.md", "en") == "/en/"
    assert addresses.url_path("ghid/costificarea.md", "en", use_directory_urls=False) == "/en/ghid/costificarea.html"
    assert addresses.url_path("ghid/index.md", "ro", use_directory_urls=False) == "/ghid/index.html"


def test_qualified_amounts():
    from bss.programmes import Amount

    assert Localizer("ro", "index.md", strings()).amount(Amount(1260, "about")) == "circa 1.260"
    assert Localizer("en", "index.md", strings()).amount(Amount(1260, "exact")) == "1,260"


def test_form_actions_point_at_page_files_for_the_offline_build():
    assert addresses.form_actions_as_files('<form class="x" action="cautare/" method="get">') == \
        '<form class="x" action="cautare.html" method="get">'
    assert addresses.form_actions_as_files('<form action="../">') == '<form action="../index.html">'
    assert addresses.form_actions_as_files('<form action="https://example.org/x/">') == '<form action="https://example.org/x/">'
    assert addresses.form_actions_as_files('<a action="cautare/">') == '<a action="cautare/">'
