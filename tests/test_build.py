"""Whole builds of the shipped site, in a temporary folder, looked at as a reader would."""
from __future__ import annotations

import re

import yaml

from helpers import ROOT
from sitefiles import page_paths, read_page, switcher_target, url_of, visible_text

LANGS = ("ro", "en")
# Interface text that comes from the theme rather than data/i18n.
THEME_STRINGS = {
    "en": {"Made with", "Back to top", "Table of contents", "Skip to content", "Search", "Previous", "Next"},
    "ro": {"Sari la conținut", "Înapoi sus", "Cuprins", "Căutare", "Înainte", "Înapoi"},
}


def ids(folder: str) -> set[str]:
    return {p.stem for p in (ROOT / folder).glob("*.yml")}


def expected_pages() -> set[str]:
    """Worked out from the data files, independently of the site code."""
    pages = {"", "programe/", "parteneri/", "studii-de-caz/"}
    pages |= {f"programe/{i}/" for i in ids("data/programmes")}
    pages |= {f"parteneri/{i}/" for i in ids("data/partners")}
    pages |= {f"studii-de-caz/{i}/" for i in ids("data/case-studies")}
    pages |= {"ghid/", "ghid/complet/", "glosar/"} | {f"ghid/{i}/" for i in ids("data/guide")}
    pages |= {"cursuri/", "rezultate/", "cautare/"}
    for course in (ROOT / "courses").iterdir():
        modules = {p.stem for p in course.glob("*.yml")} - {"course"}
        pages |= {f"cursuri/{course.name}/", f"cursuri/{course.name}/certificat/"}
        pages |= {f"cursuri/{course.name}/{m}/" for m in modules}
    return pages


def test_exact_pages_in_each_language(built_site):
    for lang in LANGS:
        assert page_paths(built_site, lang) == expected_pages(), lang


def test_language_switcher_points_to_the_same_page(built_site):
    for path in expected_pages():
        for lang, other in (("ro", "en"), ("en", "ro")):
            url = url_of(lang, path)
            html = read_page(built_site, url)
            assert f'<html lang="{lang}"' in html
            assert switcher_target(html, url, other) == url_of(other, path)
            assert switcher_target(html, url, lang) == url


def test_no_interface_text_from_the_other_language(built_site):
    strings = {lang: yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8")) for lang in LANGS}
    for lang, other in (("ro", "en"), ("en", "ro")):
        foreign = {v for k, v in strings[other].items() if v != strings[lang][k] and "{" not in v and len(v) > 8}
        for path in expected_pages():
            text = visible_text(read_page(built_site, url_of(lang, path)))
            leaked = sorted(s for s in foreign | THEME_STRINGS[other] if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text))
            assert not leaked, f"{url_of(lang, path)} shows {other} interface text: {leaked}"


def test_romanian_pages_use_comma_below_letters(built_site):
    for path in expected_pages():
        text = visible_text(read_page(built_site, url_of("ro", path)))
        assert not re.search("[şţŞŢ]", text), path


def test_numbers_and_dates_follow_each_language(built_site):
    ro = visible_text(read_page(built_site, "/programe/ssmb-2021/"))
    en = visible_text(read_page(built_site, "/en/programe/ssmb-2021/"))
    assert "3.375.000\u00a0EUR" in ro and "EUR\u00a03,375,000" in en
    assert "1 februarie 2021" in ro and "February 1, 2021" in en
    assert "cel puțin 40" in ro and "at least 40" in en


def test_illustrative_examples_are_labelled_and_real_records_are_not(built_site):
    for cid in ids("data/case-studies"):
        data = yaml.safe_load((ROOT / f"data/case-studies/{cid}.yml").read_text(encoding="utf-8"))
        for lang, label in (("ro", "Exemplu ilustrativ"), ("en", "Illustrative example")):
            html = read_page(built_site, url_of(lang, f"studii-de-caz/{cid}/"))
            assert (label in visible_text(html)) == bool(data.get("example")), (cid, lang)


def test_missing_translation_falls_back_with_a_note(built_site):
    en = read_page(built_site, "/en/parteneri/exemplu-pentru-fiecare/")
    assert "Not yet translated" in en
    assert re.search(r'lang="ro"[^>]*>\s*<p>Organizație ilustrativă', en)
    assert "Not yet translated" not in read_page(built_site, "/en/parteneri/keystone-moldova/")


def test_every_case_study_page_has_its_facts(built_site):
    html = visible_text(read_page(built_site, "/en/studii-de-caz/echipa-mobila-soroca/"))
    for fact in ("Type of service", "Mobile team", "Soroca", "“Împreună” Association (example)",
                 "Better Social Services (2018–2021)", "January 2019 – January 2021", "Beneficiaries 35",
                 "The story of the service", "Results", "Lessons learned"):
        assert fact in html, fact


def test_quiz_script_is_small_and_loaded_only_where_a_quiz_is(built_site):
    import gzip

    script = (built_site / "assets/js/quiz.js").read_bytes()
    assert len(gzip.compress(script, 9)) <= 8 * 1024
    tag = 'src="../../../assets/js/quiz.js"'
    assert tag in read_page(built_site, "/cursuri/servicii-comunitare/costificare-si-contractare/")
    for path in expected_pages():
        html = read_page(built_site, url_of("ro", path))
        assert ("quiz.js" in html) == path.startswith("cursuri/servicii-comunitare/"), path
