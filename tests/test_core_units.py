"""Unit tests for the core's small pieces: typography, formats, source lines, fallbacks, links."""
from __future__ import annotations

import dataclasses
import datetime

import pytest

from bss.prepare.content.courses import Answer, Question, quiz_version
from bss.addresses import form_actions_as_files, mark_short_links
from bss.prepare.pages.links import Links
from bss.plain import plain_html
from bss.prepare.pages.localizer import Localizer
from bss.settings import Languages
from bss.prepare.read.source import read_document
from bss.prepare.read.strings import Strings
from bss.text import Text, date, duration, euros, make_text, number, romanian, sort_key

LANGS = Languages(("ro", "en"), ("Română", "English"))


def test_cedilla_letters_become_comma_below():
    assert romanian("Ştefan Vodă, Ţara, şcoală, ţară") == "Ștefan Vodă, Țara, școală, țară"
    assert make_text({"ro": "asistenţă", "en": "assistance"}).get("ro") == ("asistență", False)
    assert make_text({"ro": "x", "en": "ş"}).get("en") == ("ş", False)  # English text is left alone


def test_numbers_dates_money_and_durations_per_locale():
    assert number(3375000, "ro") == "3.375.000" and number(3375000, "en_GB") == "3,375,000"
    assert number(1.5, "ro") == "1,5"
    assert date(datetime.date(2021, 2, 1), "ro") == "1 februarie 2021"
    assert date("2021-02-01", "en_GB") == "1 February 2021"  # British date order
    assert date("2024-07-31", "ro", "MMMM y") == "iulie 2024"
    assert euros(1989888, "ro") == "1.989.888\u00a0EUR" and euros(1989888, "en_GB") == "€1,989,888"
    assert duration(45, "ro") == "45\u00a0de\u00a0minute" and duration(20, "en_GB") == "20\u00a0minutes"
    assert duration(270, "ro") == "4\u00a0ore și 30\u00a0de\u00a0minute" and duration(60, "en_GB") == "1\u00a0hour"


def test_each_language_sorts_in_its_own_alphabet():
    words = ["ță", "tu", "șa", "sa", "ta", "ăb", "az", "îi", "iz"]
    assert sorted(words, key=lambda w: sort_key(w, "ro")) == ["az", "ăb", "iz", "îi", "sa", "șa", "ta", "tu", "ță"]
    assert sorted(["Zeta", "éclair", "apple"], key=lambda w: sort_key(w, "en")) == ["apple", "éclair", "Zeta"]


def test_every_value_keeps_its_line(tmp_path):
    file = tmp_path / "x.yml"
    file.write_text("# comment\nid: a\nlist:\n  - one\n  - {k: v}\nnested:\n  deep:\n    value: 3\n", encoding="utf-8")
    doc = read_document(file, tmp_path)
    assert doc.line(("id",)) == 2
    assert doc.line(("list", 1, "k")) == 5
    assert doc.line(("nested", "deep", "value")) == 8


def test_dates_stay_as_written(tmp_path):
    file = tmp_path / "x.yml"
    file.write_text("start: 2021-02-01\n", encoding="utf-8")
    assert read_document(file, tmp_path).data == {"start": "2021-02-01"}


def test_an_alias_may_repeat_a_value_and_keeps_its_line(tmp_path):
    file = tmp_path / "x.yml"
    file.write_text("a: &s {publisher: x.md}\nb: [*s, *s]\n", encoding="utf-8")
    doc = read_document(file, tmp_path)
    assert doc.data == {"a": {"publisher": "x.md"}, "b": [{"publisher": "x.md"}, {"publisher": "x.md"}]}


def test_blank_text_counts_as_not_written(tmp_path):
    file = tmp_path / "x.yml"
    file.write_text('title: {ro: Titlu, en: "\u00a0\u200b "}\n', encoding="utf-8")
    assert read_document(file, tmp_path).data == {"title": {"ro": "Titlu"}}


def strings() -> Strings:
    return Strings({"ro": {"qualifier.about": "circa {n}", "language.locale": "ro"},
                    "en": {"qualifier.about": "about {n}", "language.locale": "en_GB"}}, languages=LANGS)


def links() -> Links:
    out = Links(LANGS, "https://servicii.example.md/")
    out.add_page("case-studies", "", Text({"ro": "Studii de caz", "en": "Case studies"}))
    out.add_page("partner", "keystone-moldova", Text({"ro": "Keystone Moldova"}))
    out.add_page("chapter", "costificarea", Text({"ro": "Costificarea", "en": "Costing"}))
    out.add_anchor("section", "costificarea#metodologia", Text({"ro": "Metodologia", "en": "The methodology"}))
    return out


def test_a_fallback_is_marked_with_its_language_and_reported_once():
    loc = Localizer("en", "studii-de-caz/x.md", strings(), links())
    shown = loc.text(Text({"ro": "Povestea <b> *x*"}, "ro", "data/x.yml:3: story"))
    assert shown == '<span lang="ro" class="bss-untranslated">Povestea &lt;b&gt; &#42;x&#42;</span>'
    assert loc.fallbacks == ["data/x.yml:3: story"]
    assert loc.text(Text({"ro": "ro", "en": "en"})) == "en"
    assert Localizer("ro", "index.md", strings(), links()).text(Text({"ro": "doar română"})) == "doar română"


def test_a_third_language_falls_back_to_the_default():
    assert Text({"ro": "Text", "en": "Text"}).get("ru") == ("Text", True)


def test_plain_text_cannot_become_markdown_or_html():
    assert plain_html("*a* [b](c) `d` <e> {: #f } 1. _g_ # h!") == \
        "&#42;a&#42; &#91;b&#93;(c) &#96;d&#96; &lt;e&gt; &#123;: &#35;f &#125; 1. &#95;g&#95; &#35; h&#33;"
    assert plain_html("1. Titlu") == "1&#46; Titlu" and plain_html("- listă") == "&#45; listă"
    assert plain_html("two\nlines  here") == "two lines here"


def test_links_by_kind_and_id_relative_to_the_page():
    loc = Localizer("ro", "studii-de-caz/x.md", strings(), links())
    assert loc.href("partner", "keystone-moldova") == "../parteneri/keystone-moldova.md"
    assert loc.href("case-studies") == "index.md"
    assert loc.href("section", "costificarea#metodologia") == "../ghid/costificarea.md#metodologia"
    assert Localizer("ro", "ghid/costificarea.md", strings(), links()).href("section", "costificarea#metodologia") == "#metodologia"
    assert loc.a("partner", "keystone-moldova") == "[Keystone Moldova](../parteneri/keystone-moldova.md)"


def test_addresses_per_language():
    out = links()
    assert out.src_uri("studii-de-caz/x.md", "en") == "studii-de-caz/x.en.md"
    assert out.url("partner", "keystone-moldova", "ro") == "/parteneri/keystone-moldova/"
    assert out.url("case-studies", "", "en") == "/en/studii-de-caz/"
    assert out.url("section", "costificarea#metodologia", "en", directory_urls=False) == "/en/ghid/costificarea.html#metodologia"
    assert out.short_url("costificarea", "metodologia", "en") == "https://servicii.example.md/en/g/costificarea/metodologia/"
    assert out.short_url("costificarea", "", "ro") == "https://servicii.example.md/g/costificarea/"


def test_references_resolve_to_titled_links_and_report_what_names_nothing():
    out = links()
    assert out.resolve("Vedeți [[ghid:costificarea#metodologia]].", "en", "index.md") == \
        "Vedeți [The methodology](ghid/costificarea.md#metodologia)."
    problems = out.problems_in("a [[ghid:costificarea#metoda]]\nb [[glosar:x|cuvinte\npe două rânduri]]", "f.yml", 4, "story")
    assert [str(p) for p in problems] == [
        "f.yml:4: story: [[ghid:costificarea#metoda]] refers to nothing (did you mean [[ghid:costificarea#metodologia]]?)",
        "f.yml:5: story: '[[glosar:x|cuvinte' is not a complete reference ([[kind:id]] or [[kind:id|own words]] on one line, the words without brackets)",
    ]


class Scanned(str):
    """A text that counts the characters its own methods are asked to go through (count, find,
    slices): a deterministic measure of the work a check does on it."""

    total = 0

    def _span(self, start, end) -> None:
        first, last, _ = slice(start, end).indices(len(self))
        Scanned.total += max(last - first, 0)

    def count(self, sub, start=None, end=None):
        self._span(start, end)
        return str.count(self, sub, start, end)

    def find(self, sub, start=None, end=None):
        self._span(start, end)
        return str.find(self, sub, start, end)

    def __getitem__(self, key):
        if isinstance(key, slice):
            self._span(key.start, key.stop)
        return str.__getitem__(self, key)


def work(text: str) -> int:
    Scanned.total = 0
    problems = links().problems_in(Scanned(text), "f.yml", 1, "story")
    assert len(problems) >= text.count("[[") // 2
    return Scanned.total


@pytest.mark.parametrize("unit", ["[[", "[[\n", "x [[glosar:nimic]]\n", "[[caz:x|y\n"])
def test_the_reference_check_does_linear_work_whatever_the_text(unit):
    """Each line number was counted from the start of the text: 31 s for 600 kB of '[['."""
    small, large = work(unit * 2000), work(unit * 4000)
    assert large <= 2.2 * small  # twice the text, twice the work (four times, when it was quadratic)


def test_own_words_hold_no_bracket():
    """What keeps matching linear: an attempt stops at the next bracket, so a text of unclosed
    references is not read again from each one."""
    from bss.prepare.pages.links import PATTERN

    assert [m.group(0) for m in PATTERN.finditer("[[caz:x|y [[caz:z]] [[caz:w|a]b]]")] == ["[[caz:z]]"]


def test_qualified_amounts():
    from bss.prepare.content.programmes import Amount

    assert Localizer("ro", "index.md", strings(), links()).amount(Amount(1260, "about")) == "circa 1.260"
    assert Localizer("en", "index.md", strings(), links()).amount(Amount(1260, "exact")) == "1,260"


def test_a_programme_says_in_each_language_how_many_of_its_services_the_site_describes():
    import yaml

    from helpers import ROOT

    table = {lang: yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8")) for lang in LANGS}
    shipped = Strings(table, languages=LANGS)

    def say(lang: str, total: int, **values) -> str:
        loc = Localizer(lang, "programe/x.md", shipped, links())
        return loc.count("programme.documented", total, shown=loc.number(3), **values)

    # Romanian puts "de" before a noun counted from 20 up ("41 de servicii"), not from 2 to 19 or after 100–119.
    assert say("ro", 41) == "Acest site descrie 3 dintre cele 41 de servicii raportate de program."
    assert say("ro", 12) == "Acest site descrie 3 dintre cele 12 servicii raportate de program."
    assert say("ro", 1000) == "Acest site descrie 3 dintre cele 1.000 de servicii raportate de program."
    assert say("ro", 105) == "Acest site descrie 3 dintre cele 105 servicii raportate de program."
    assert say("ro", 1) == "Acest site descrie 3 din 1 serviciu raportat de program."
    assert say("ro", 40, n="peste 40") == "Acest site descrie 3 dintre cele peste 40 de servicii raportate de program."
    assert say("en", 1000) == "This site describes 3 of the 1,000 services the programme reports."
    assert say("en", 1) == "This site describes 3 of the 1 service the programme reports."


def test_form_actions_point_at_page_files_for_the_offline_build():
    assert form_actions_as_files('<form class="x" action="cautare/" method="get">') == \
        '<form class="x" action="cautare.html" method="get">'
    assert form_actions_as_files('<form action="../">') == '<form action="../index.html">'
    assert form_actions_as_files('<form action="https://example.org/x/">') == '<form action="https://example.org/x/">'
    assert form_actions_as_files('<a action="cautare/">') == '<a action="cautare/">'


def question(**changes) -> Question:
    base = Question("q", "single", "lectia", Text({"ro": "Întrebare?"}), Text({"ro": "Explicație."}),
                    (Answer("a", Text({"ro": "A"}), True, Text({"ro": "De ce A este corect aici."})),
                     Answer("b", Text({"ro": "B"}), False, Text({"ro": "De ce B nu este corect."}))), None)
    return dataclasses.replace(base, **changes)


def test_the_quiz_version_changes_when_a_question_changes_and_only_then():
    version = quiz_version((question(),))
    assert quiz_version((question(),)) == version
    # What a saved answer depends on: the question, its options, which are right.
    assert quiz_version((question(prompt=Text({"ro": "Altă întrebare?"})),)) != version
    assert quiz_version((question(id="q2"),)) != version
    swapped = (Answer("a", Text({"ro": "A"}), False, None), Answer("b", Text({"ro": "B"}), True, None))
    assert quiz_version((question(answers=swapped),)) != version
    assert quiz_version((question(), question(id="q2"))) != version
    # Wording that a saved answer does not depend on.
    assert quiz_version((question(explanation=Text({"ro": "Altă explicație."})),)) == version
    reworded = (Answer("a", Text({"ro": "A"}), True, Text({"ro": "Alt motiv, tot corect."})),
                Answer("b", Text({"ro": "B"}), False, Text({"ro": "Alt motiv, tot greșit."})))
    assert quiz_version((question(answers=reworded),)) == version
    assert quiz_version((question(tests="alta-lectie"),)) == version


def test_links_to_the_guide_carry_their_short_link_for_print():
    short = {"/ghid/a/": "https://x.org/g/a/", "/ghid/a/#s": "https://x.org/g/a/s/", "/ghid/a.html#s": "https://x.org/g/a/s/"}
    html = '<a href="../a/#s">S</a> <a class="k" href="../a/">A</a> <a href="#s">same page</a> <a href="../b/">B</a>'
    assert mark_short_links(html, "ghid/b/", short) == (
        '<a href="../a/#s" data-bss-short="https://x.org/g/a/s/">S</a> '
        '<a class="k" href="../a/" data-bss-short="https://x.org/g/a/">A</a> <a href="#s">same page</a> <a href="../b/">B</a>')
    assert mark_short_links('<a href="a.html#s">S</a>', "ghid/b.html", short) == \
        '<a href="a.html#s" data-bss-short="https://x.org/g/a/s/">S</a>'


def test_the_link_service_makes_relative_links_between_addresses_as_mkdocs_does():
    from bss.prepare.pages.links import Links

    for target, page, expected in (("cautare/", "ghid/costificarea/", "../../cautare/"), ("cautare/", "", "cautare/"),
                                   ("cautare.html", "ghid/costificarea.html", "../cautare.html"), ("cautare/", "cautare/", "./"),
                                   ("/en/cautare/", "/en/", "cautare/"), ("/x/usor-de-citit/", "/x/easy-to-read/", "../usor-de-citit/"),
                                   ("/x/usor-de-citit.html", "/x/easy-to-read.html", "usor-de-citit.html")):
        assert Links.relative_url(target, page) == expected, (target, page)
    assert Links.relative("g/costificarea/qr.svg", "ghid/costificarea.md") == "../g/costificarea/qr.svg"


def test_a_text_of_thousands_of_markup_slips_lists_the_first_and_counts_the_rest():
    """Each listed slip is found by a search through its text: thousands made the check quadratic."""
    from bss.prepare.read.markup import MAX_LISTED, check_page
    from bss.settings import load_settings
    from helpers import ROOT

    text = "".join(f'<img src="https://x.example/{i}.png">\n' for i in range(2000))
    problems = check_page("docs/x.md", text, load_settings(ROOT).markdown_extensions)
    assert len(problems) == MAX_LISTED + 1
    assert [p.line for p in problems[:MAX_LISTED]] == list(range(1, MAX_LISTED + 1))
    assert str(problems[-1]) == ("docs/x.md:1: text: 1,950 more problems of these kinds are not listed "
                                 "(the text without them: correct those listed, then check again)")
