"""Easy-to-read texts: the measurable rules (each also has a golden error test), the report of
records that have no easy-to-read version yet, and the way from every full page to its easy version
and back (a reader's clicks on them: tests/browser/test_easy_browser.py)."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from urllib.parse import urljoin

import pytest
import yaml

from bss.prepare.content.easy import hard_words_in
from helpers import EASY_SLUG, ROOT, mkdocs_build, pages_with_easy_version
from sitefiles import read_page, start_tags, url_of, with_class

FORMS = {w["id"]: w["forms"] for w in yaml.safe_load((ROOT / "data/hard-words.yml").read_text(encoding="utf-8"))["words"]}


def test_the_longest_hard_word_counts_where_two_overlap():
    ro = {word: forms["ro"] for word, forms in FORMS.items()}
    assert hard_words_in("Sunt servicii sociale comunitare.", ro) == {"serviciu-social-comunitar": "servicii sociale comunitare"}
    assert hard_words_in("Sunt servicii sociale.", ro) == {"serviciu-social": "servicii sociale"}
    assert hard_words_in("Serviciile sociale comunitare și serviciile sociale.", ro) == {
        "serviciu-social-comunitar": "serviciile sociale comunitare", "serviciu-social": "serviciile sociale"}


def test_a_hard_word_is_found_whatever_its_capitals_and_only_as_a_whole_word():
    en = {word: forms["en"] for word, forms in FORMS.items()}
    assert "serviciu-social" in hard_words_in("Social services help.", en)
    assert hard_words_in("Antisocial serviceable.", en) == {}


def test_every_hard_word_has_forms_in_both_languages_and_an_everyday_alternative():
    words = yaml.safe_load((ROOT / "data/hard-words.yml").read_text(encoding="utf-8"))["words"]
    assert len(words) >= 30
    for word in words:
        assert word["forms"]["ro"] and word["forms"]["en"] and word["plain"]["ro"] and word["plain"]["en"], word["id"]


def _drop_easy(path):
    data = path.read_text(encoding="utf-8")
    start = data.index("\neasy:\n")
    after = re.search(r"\n[a-z_]+:", data[start + 1:])  # the next field, if easy: is not the last
    end = start + 1 + after.start() if after else len(data)
    path.write_text(data[:start] + data[end:] + "\n", encoding="utf-8")


@pytest.mark.build
def test_a_record_without_an_easy_version_is_reported_not_refused(project, tmp_path):
    _drop_easy(project / "data/case-studies/spalatorie-sociala-glodeni.yml")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert "1 page has no easy-to-read version yet; 'make check' lists where." in result.stderr
    assert not (tmp_path / "site/studii-de-caz/spalatorie-sociala-glodeni/usor-de-citit").exists()
    assert "usor-de-citit" not in (tmp_path / "site/studii-de-caz/spalatorie-sociala-glodeni/index.html").read_text(encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "bss", "check", str(project)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert check.returncode == 0
    assert ("Easy to read: 1 page has no easy-to-read version yet:\n"
            "  data/case-studies/spalatorie-sociala-glodeni.yml: easy: no easy-to-read version yet") in check.stdout


def test_every_case_study_and_module_has_an_easy_version():
    case_studies = len(list((ROOT / "data/case-studies").glob("*.yml")))
    modules = len([f for f in (ROOT / "courses").glob("*/*.yml") if f.stem != "course"])
    assert len(pages_with_easy_version()) == 1 + case_studies + modules


def _link_after(tags, i: int) -> str:
    """The address of the first link at or after the tag at ``i``."""
    return next(attrs["href"] for tag, attrs in tags[i:] if tag == "a" and "href" in attrs)


@pytest.mark.build
@pytest.mark.parametrize("lang", ["ro", "en"])
def test_every_full_page_links_to_its_easy_version_which_is_in_its_language_and_links_back(built_site, lang):
    problems = []
    for full in pages_with_easy_version():
        full_url, easy_url = url_of(lang, full), url_of(lang, f"{full}{EASY_SLUG[lang]}/")
        tags = start_tags(read_page(built_site, full_url))
        links = with_class(tags, "bss-easy-link")
        if len(links) != 1 or urljoin(full_url, _link_after(tags, links[0])) != easy_url:
            problems.append(f"{full_url}: no single link to {easy_url}")
            continue
        easy = start_tags(read_page(built_site, easy_url))
        back = with_class(easy, "bss-back")
        tag, attrs = easy[0]
        if tag != "html" or attrs.get("lang") != lang:
            problems.append(f"{easy_url}: not in {lang}")
        if len(with_class(easy, "bss-easy__point")) < 2:
            problems.append(f"{easy_url}: fewer than two points")
        if len(back) != 1 or urljoin(easy_url, easy[back[0]][1].get("href", "")) != full_url:
            problems.append(f"{easy_url}: its way back does not lead to {full_url}")
    assert not problems, "\n".join(problems)
