"""The languages are those of mkdocs.yml: adding one is a line of configuration plus its
interface strings, and every page then exists in it, falling back to Romanian with a note."""
from __future__ import annotations

import re

from pathlib import Path

import pytest
import yaml

from helpers import ROOT, copy_project, mkdocs_build, shared_build
from sitefiles import page_paths, read_page, switcher_target

RUSSIAN = """        - locale: ru
          name: Русский
          build: true
"""


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory):
    def make(folder: Path) -> Path:
        project = copy_project(folder / "project")
        config = project / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        anchor = "        - locale: en\n"
        assert anchor in text
        config.write_text(text.replace(anchor, RUSSIAN + anchor, 1), encoding="utf-8")
        strings = yaml.safe_load((ROOT / "data/i18n/en.yml").read_text(encoding="utf-8"))
        strings.update({"language.locale": "ru", "untranslated.title": "Перевод готовится",
                        "nav.case_studies": "Тематические исследования",
                        "case_studies.count.one": "{n} исследование", "case_studies.count.few": "{n} исследования",
                        "case_studies.count.many": "{n} исследований", "case_studies.count.other": "{n} исследования"})
        (project / "data/i18n/ru.yml").write_text(yaml.safe_dump(strings, allow_unicode=True), encoding="utf-8")
        site = project / "site"
        result = mkdocs_build(project, site, env={"BSS_SEARCH_INDEX": "0"})
        assert result.returncode == 0, result.stderr
        (folder / "stderr.txt").write_text(result.stderr, encoding="utf-8")
        return site
    site = shared_build(tmp_path_factory, "three_languages", make)
    return site, (site.parents[1] / "stderr.txt").read_text(encoding="utf-8")


def test_every_page_exists_in_the_added_language(built_site, three_languages):
    site, _ = three_languages
    ru = {p for p in page_paths(site, "ru")}
    assert ru and ru == page_paths(built_site, "ro")


def test_the_added_language_falls_back_to_romanian_with_a_note(three_languages):
    site, _ = three_languages
    html = read_page(site, "/ru/studii-de-caz/spalatorie-sociala-glodeni/")
    assert '<html lang="ru"' in html
    assert "Перевод готовится" in html  # the "not yet translated" note, in the page's own language
    title = yaml.safe_load((ROOT / "data/case-studies/spalatorie-sociala-glodeni.yml").read_text(encoding="utf-8"))["title"]["ro"]
    assert re.search(rf'<h1[^>]*>\s*<span lang="ro" class="bss-untranslated">{re.escape(title)}', html)
    assert switcher_target(html, "/ru/studii-de-caz/spalatorie-sociala-glodeni/", "en") == "/en/studii-de-caz/spalatorie-sociala-glodeni/"


def test_counts_use_the_added_languages_plural_forms(three_languages):
    site, _ = three_languages
    assert re.search(r'data-count[^>]*>\d+ исследован(ие|ия|ий)<', read_page(site, "/ru/studii-de-caz/"))


def test_the_glossary_names_the_other_language_or_languages_as_many_as_there_are(built_site, three_languages):
    site, _ = three_languages
    assert "în cealaltă limbă a site-ului." in read_page(built_site, "/glosar/")  # two languages: one other
    assert "in the site's other language." in read_page(built_site, "/en/glosar/")
    assert "în celelalte limbi ale site-ului." in read_page(site, "/glosar/")  # three: two others
    assert "in the site's other languages." in read_page(site, "/en/glosar/")


def test_the_translation_report_counts_the_added_languages_gaps(three_languages):
    _, log = three_languages
    summary = re.search(r"Translation: (\d+) texts are not yet written in every language \(ru, en\)", log)
    assert summary and int(summary.group(1)) > 100
