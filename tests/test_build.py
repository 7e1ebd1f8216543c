"""Whole builds of the shipped site, in a temporary folder, looked at as a reader would."""
from __future__ import annotations

import re
from urllib.parse import urljoin

from pathlib import Path

import pytest

from helpers import EASY_SLUG, ROOT, copy_project, load_yaml, mkdocs_build, pages_with_easy_version, shared_build
from sitefiles import page_paths, read_page, switcher_target, url_of, visible_text

LANGS = ("ro", "en")
# Interface text that comes from the theme rather than data/i18n.
THEME_STRINGS = {
    "en": {"Made with", "Back to top", "Table of contents", "Skip to content", "Search", "Previous", "Next"},
    "ro": {"Sari la conținut", "Înapoi sus", "Cuprins", "Căutare", "Înainte", "Înapoi"},
}


def ids(folder: str, base=ROOT) -> set[str]:
    return {p.stem for p in (base / folder).glob("*.yml")}


def easy_pages(slug: str) -> set[str]:
    """The easy-to-read versions: their last word is the language's own (usor-de-citit, easy-to-read)."""
    return {f"{page}{slug}/" for page in pages_with_easy_version()}


def catalogue_pages(per_page: int = 48) -> set[str]:
    """The catalogue's other pages of results: numbered pages past its first, and each service type's
    and each district's list (the first page, then numbered ones), for what the case studies hold."""
    cases = [load_yaml(ROOT / f"data/case-studies/{i}.yml") for i in ids("data/case-studies")]
    lists = {"studii-de-caz/": len(cases)}
    for case in cases:
        for where in (f"studii-de-caz/tip/{case['service_type']}/", *(f"studii-de-caz/raion/{d.lower()}/" for d in case["districts"])):
            lists[where] = lists.get(where, 0) + 1
    pages = {where for where in lists if where != "studii-de-caz/"}
    for where, n in lists.items():
        pages |= {f"{where}pagina/{k}/" for k in range(2, -(-n // per_page) + 1)}
    return pages


def expected_pages(lang: str = "ro") -> set[str]:
    """Worked out from the data files, independently of the site code."""
    pages = {"", "404/", "programe/", "parteneri/", "studii-de-caz/", "studii-de-caz/date-deschise/"}
    pages |= {f"programe/{i}/" for i in ids("data/programmes")}
    pages |= {f"parteneri/{i}/" for i in ids("data/partners")}
    pages |= {f"studii-de-caz/{i}/" for i in ids("data/case-studies")}
    pages |= catalogue_pages()
    pages |= {"ghid/", "ghid/complet/", "glosar/"} | {f"ghid/{i}/" for i in ids("data/guide")}
    pages |= {f"ghid/{i}/fisa/" for i in ids("data/guide")}  # each chapter's printable handout
    pages |= {"cursuri/", "rezultate/", "cautare/"}
    for course in (ROOT / "courses").iterdir():
        modules = {p.stem for p in course.glob("*.yml")} - {"course"}
        pages |= {f"cursuri/{course.name}/", f"cursuri/{course.name}/certificat/"}
        pages |= {f"cursuri/{course.name}/{m}/" for m in modules}
    return pages | easy_pages(EASY_SLUG[lang])


def moved_modules() -> list[tuple[str, str, str]]:
    """(course, the id it once had, the course/module that teaches it now) for each moved module."""
    out = []
    for course in sorted((ROOT / "courses").iterdir()):
        for move in load_yaml(course / "course.yml").get("moved", []):
            out.append((course.name, move["id"], move["to"] if "/" in move["to"] else f"{course.name}/{move['to']}"))
    return out


def moved_addresses() -> set[str]:
    """A moved module's old address, and its easy-to-read one under each language's word."""
    return {p for course, old, _ in moved_modules()
            for p in {f"cursuri/{course}/{old}/"} | {f"cursuri/{course}/{old}/{slug}/" for slug in EASY_SLUG.values()}}


def in_language(path: str, lang: str, other: str) -> str:
    """The same page's address in the other language."""
    return re.sub(rf"(^|/){EASY_SLUG[lang]}/$", rf"\g<1>{EASY_SLUG[other]}/", path)


def test_exact_pages_in_each_language(built_site):
    for lang in LANGS:
        aliases = {page for other in LANGS if other != lang for page in easy_pages(EASY_SLUG[other])}
        assert page_paths(built_site, lang) == expected_pages(lang) | aliases | moved_addresses(), lang


def test_a_moved_module_s_old_address_leads_to_the_module_that_teaches_it(built_site):
    assert moved_modules()
    for course, old, key in moved_modules():
        easy = "easy" in load_yaml(ROOT / f"courses/{key}.yml")
        for lang in LANGS:
            ways = [(f"cursuri/{course}/{old}/", f"cursuri/{key}/")]
            ways += [(f"cursuri/{course}/{old}/{slug}/", f"cursuri/{key}/{EASY_SLUG[lang]}/" if easy else f"cursuri/{key}/")
                     for slug in EASY_SLUG.values()]
            for old_path, new_path in ways:
                html = read_page(built_site, url_of(lang, old_path))
                target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
                assert urljoin(url_of(lang, old_path), target) == url_of(lang, new_path), (lang, old_path)
                assert f'<html lang="{lang}"' in html and 'name="robots" content="noindex"' in html


def test_a_module_two_courses_list_has_one_page_and_one_progress_record(built_site):
    """Its page is its own course's; the other course lists it under the same key and version, on its
    page and in its certificate, so passing it counts in both; its page links back to that course."""
    shared = [(course.name, entry) for course in sorted((ROOT / "courses").iterdir())
              for entry in load_yaml(course / "course.yml")["modules"] if "/" in entry]
    assert shared
    for course, key in shared:
        home, mid = key.split("/")
        assert not (built_site / f"cursuri/{course}/{mid}").exists()
        version = re.search(r'data-quiz="[^"]+" data-version="([0-9a-f]+)"',
                            read_page(built_site, f"/cursuri/{key}/")).group(1)
        for page in (f"/cursuri/{course}/", f"/cursuri/{course}/certificat/"):
            assert f'data-module="{key}" data-version="{version}"' in read_page(built_site, page), page
        listing = read_page(built_site, f"/cursuri/{course}/")
        assert f'href="../{home}/{mid}/"' in listing
        assert f'href="../../{course}/"' in read_page(built_site, f"/cursuri/{key}/")


def test_an_easy_page_under_the_other_languages_word_leads_to_its_own(built_site):
    for lang, other in (("ro", "en"), ("en", "ro")):
        for path in easy_pages(EASY_SLUG[other]):
            html = read_page(built_site, url_of(lang, path))
            target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
            assert urljoin(url_of(lang, path), target) == url_of(lang, in_language(path, other, lang))
            assert 'name="robots" content="noindex"' in html


def test_language_switcher_points_to_the_same_page(built_site):
    for lang, other in (("ro", "en"), ("en", "ro")):
        for path in expected_pages(lang):
            url = url_of(lang, path)
            html = read_page(built_site, url)
            assert f'<html lang="{lang}"' in html
            assert switcher_target(html, url, other) == url_of(other, in_language(path, lang, other))
            assert switcher_target(html, url, lang) == url


def test_no_interface_text_from_the_other_language(built_site):
    strings = {lang: load_yaml(ROOT / f"data/i18n/{lang}.yml") for lang in LANGS}
    for lang, other in (("ro", "en"), ("en", "ro")):
        foreign = {v for k, v in strings[other].items() if v != strings[lang][k] and "{" not in v and len(v) > 8}
        # one pattern for all of them (longest first), not one search per string and page
        any_of = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, sorted(foreign | THEME_STRINGS[other], key=len, reverse=True)))
                            + r")(?!\w)")
        for path in expected_pages(lang):
            text = visible_text(read_page(built_site, url_of(lang, path)))
            leaked = sorted(set(any_of.findall(text)))
            assert not leaked, f"{url_of(lang, path)} shows {other} interface text: {leaked}"


def test_english_pages_use_no_romanian_quotation_marks(built_site):
    for path in expected_pages("en"):
        text = visible_text(read_page(built_site, url_of("en", path)))
        assert "„" not in text, path


def test_romanian_pages_use_comma_below_letters(built_site):
    for path in expected_pages():
        text = visible_text(read_page(built_site, url_of("ro", path)))
        assert not re.search("[şţŞŢ]", text), path


def test_numbers_and_dates_follow_each_language(built_site):
    ro = visible_text(read_page(built_site, "/programe/ssmb-2021/"))
    en = visible_text(read_page(built_site, "/en/programe/ssmb-2021/"))
    assert "3.375.000\u00a0EUR" in ro and "€3,375,000" in en
    assert "1 februarie 2021" in ro and "1 February 2021" in en  # British date order
    assert "cel puțin 40" in ro and "at least 40" in en


def test_each_programme_page_says_how_many_of_its_reported_services_the_site_describes(built_site):
    """Counted from the data files: the case studies naming the programme, out of the first result of
    the indicator marked as counting the services; the link lists them in the catalogue."""
    cases = [load_yaml(path) for path in (ROOT / "data/case-studies").glob("*.yml")]
    for path in (ROOT / "data/programmes").glob("*.yml"):
        programme = load_yaml(path)
        pid = programme["id"]
        total = next(i for i in programme["indicators"] if i.get("services"))["results"][0]["value"]
        shown = sum(case.get("programme") == pid for case in cases)
        de = "" if 1 <= total % 100 <= 19 else "de "  # Romanian: "12 servicii", "41 de servicii"
        for lang, sentence in (("en", f"This site describes {shown} of the {total:,} services the programme reports."),
                               ("ro", f"Acest site descrie {shown} dintre cele {total:,} {de}servicii raportate de program."
                                .replace(",", "."))):
            url = url_of(lang, f"programe/{pid}/")
            html = read_page(built_site, url)
            assert sentence in visible_text(html), (url, sentence)
            link = re.search(r'<p class="bss-documented">.*?<a href="([^"]+)"', html, re.S).group(1)
            assert urljoin(url, link) == url_of(lang, f"studii-de-caz/?program={pid}#lista")


def test_no_invented_record_is_published(built_site):
    for file in built_site.rglob("*.html"):
        text = file.read_text(encoding="utf-8")
        assert "Exemplu ilustrativ" not in text and "Illustrative example" not in text, file
    for rel in ("studii-de-caz/studii-de-caz.json", "en/studii-de-caz/case-studies.json"):
        assert "exemplu" not in (built_site / rel).read_text(encoding="utf-8")


@pytest.mark.build
def test_an_invented_record_in_data_fails_the_build(project, tmp_path):
    example = next((ROOT / "tests/fixtures/examples/data/case-studies").glob("*.yml"))
    (project / "data/case-studies" / example.name).write_text(example.read_text(encoding="utf-8"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert f"data/case-studies/{example.name}:4: example: an illustrative record is not published" in result.stderr


@pytest.fixture(scope="module")
def demo_site(tmp_path_factory):
    """The demonstration build: the site plus the illustrative records, built only on request."""
    def make(folder: Path) -> Path:
        project = copy_project(folder / "project", examples=True)
        result = mkdocs_build(project, project / "site-demo", config="mkdocs-demo.yml", env={"BSS_SEARCH_INDEX": "0"})
        assert result.returncode == 0, result.stderr
        return project / "site-demo"
    return shared_build(tmp_path_factory, "demo_site", make)


def test_the_demo_build_labels_every_illustrative_example(demo_site):
    examples = ROOT / "tests/fixtures/examples/data"
    for folder, prefix in (("case-studies", "studii-de-caz"), ("partners", "parteneri")):
        for cid in ids(folder, examples):
            for lang, label in (("ro", "Exemplu ilustrativ"), ("en", "Illustrative example")):
                assert label in visible_text(read_page(demo_site, url_of(lang, f"{prefix}/{cid}/"))), (cid, lang)
    for cid in ids("data/case-studies"):
        assert "Exemplu ilustrativ" not in visible_text(read_page(demo_site, f"/studii-de-caz/{cid}/")), cid


def test_missing_translation_falls_back_with_a_note(demo_site):
    en = read_page(demo_site, "/en/parteneri/exemplu-pentru-fiecare/")
    assert "Not yet translated" in en
    assert re.search(r'lang="ro"[^>]*>\s*<p>Organizație ilustrativă', en)
    assert "Not yet translated" not in read_page(demo_site, "/en/parteneri/keystone-moldova/")


def test_every_case_study_page_has_its_facts_and_sources(built_site):
    names = {lang: {t["id"]: t["name"][lang] for t in load_yaml(ROOT / "data/service-types.yml")["terms"]} for lang in LANGS}
    for cid in ids("data/case-studies"):
        data = load_yaml(ROOT / f"data/case-studies/{cid}.yml")
        for lang, heading in (("ro", "Surse"), ("en", "Sources")):
            text = visible_text(read_page(built_site, url_of(lang, f"studii-de-caz/{cid}/")))
            assert data["title"][lang].split()[0] in text and names[lang][data["service_type"]] in text, (cid, lang)
            assert heading in text
            for source in data["sources"]:
                assert source["publisher"] in text and (not source.get("url") or source["url"] in text), (cid, source)


def test_the_course_scripts_are_small_and_loaded_only_where_a_quiz_is(built_site):
    import gzip

    from weights import COURSE_SCRIPTS

    scripts = [(built_site / "assets/js" / name).read_bytes() for name in COURSE_SCRIPTS]
    assert sum(len(gzip.compress(script, 9)) for script in scripts) <= 8 * 1024
    for path in expected_pages():
        html = read_page(built_site, url_of("ro", path))
        quiz = path.startswith("cursuri/") and path != "cursuri/" and not path.endswith(f"{EASY_SLUG['ro']}/")
        quiz = quiz or path == ""  # the home page offers to continue a course, from the course page's own code
        loaded = re.findall(r'<script src="[^"]*assets/js/(progress|quiz|course)\.js"', html)
        assert loaded == (list(name[:-3] for name in COURSE_SCRIPTS) if quiz else []), path  # progress.js first
