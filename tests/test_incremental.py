"""The live preview's rebuilds: only the pages whose text changed are built again, every page
when something every page shows changes, and never a stale page."""
from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from helpers import ROOT, copy_project

from bss.prepare import beside
from bss.prepare import menus as menu_module
from bss.prepare import site as site_module
from preview.rebuilds import REBUILDS, Rebuilds, page_title

CASE = "data/case-studies/spalatorie-sociala-glodeni.yml"
CASE_PAGE = "studii-de-caz/spalatorie-sociala-glodeni/index.html"


def test_a_page_is_built_again_only_when_its_text_or_the_frame_changed():
    r = Rebuilds()
    assert r.begin("frame-1") is True  # the first build builds everything
    assert r.changed("ro", "a.md", "A") and r.changed("ro", "b.md", "B")
    r.finish()
    assert r.begin("frame-1") is False
    assert not r.changed("ro", "a.md", "A") and r.changed("ro", "b.md", "B2")
    assert r.changed("en", "a.md", "A"), "each language is a page of its own"
    r.finish()
    assert r.begin("frame-2") is True and r.changed("ro", "a.md", "A"), "the menu changed: every page again"
    r.finish()
    r.begin("frame-2")
    r.changed("ro", "a.md", "A3")  # this build fails before it finishes ...
    assert r.begin("frame-2") is True, "... so the next one builds everything: the folder may be half written"


def test_the_title_the_menu_shows_is_read_from_the_front_matter():
    assert page_title('---\n{"title": "Spălătoria", "description": "x"}\n---\n\n# Spălătoria\n') == "Spălătoria"
    assert page_title("# No front matter\n") == ""


@pytest.fixture
def preview_builds(monkeypatch, tmp_path):
    """Builds as the live preview makes them, in this process, of a copy of the project."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    sys.path.insert(0, str(ROOT / "tools"))
    from preview.live import NotWarnings

    project = copy_project(tmp_path / "project")
    site_dir = tmp_path / "site"
    monkeypatch.setattr(REBUILDS, "enabled", True)
    monkeypatch.setattr(sys, "argv", [*sys.argv, "--dirty"])
    monkeypatch.setenv("BSS_SEARCH_INDEX", "0")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    quiet = NotWarnings()
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)

    def run():
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir))
        build(config, serve_url="http://127.0.0.1:8000/", dirty=True)
        return {p.relative_to(site_dir).as_posix(): p.stat().st_mtime_ns for p in site_dir.rglob("*.html")}

    yield project, site_dir, run
    logging.getLogger("mkdocs.commands.build").removeFilter(quiet)
    REBUILDS.__init__()  # the next test starts from nothing


def test_an_edit_rebuilds_the_pages_that_show_it_and_no_other(preview_builds):
    project, site_dir, run = preview_builds
    first = run()
    said = []
    REBUILDS.run_deferred(lambda message, error: said.append(error or message))
    REBUILDS.after.drain()  # the editor is added once the writer pauses: now, for the test
    assert (site_dir / "admin/index.html").is_file(), said  # the preview has the editor, with no team backend
    case = project / CASE
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace('summary:\n  ro: "', 'summary:\n  ro: "Rezumat nou. ', 1), encoding="utf-8")
    second = run()
    assert "Rezumat nou." in (site_dir / CASE_PAGE).read_text(encoding="utf-8")
    rebuilt = {page for page in second if second[page] != first.get(page) and _built_by_mkdocs(site_dir / page)}
    # the page, and the hand-written pages of docs/ (built every time: they link to generated ones)
    docs = {"index.html", "cautare/index.html", "en/index.html", "en/cautare/index.html"}
    assert CASE_PAGE in rebuilt and rebuilt <= {CASE_PAGE} | docs, sorted(rebuilt)

    case.write_text(text.replace('title:\n  ro: "', 'title:\n  ro: "Titlu nou: ', 1), encoding="utf-8")
    third = run()  # a case study's title is not in the menu: only the pages that show it are built again
    rebuilt = {page for page in third if third[page] != second.get(page) and _built_by_mkdocs(site_dir / page)}
    showing = {page for page in third if "Titlu nou: " in (site_dir / page).read_text(encoding="utf-8")}
    assert {CASE_PAGE, "studii-de-caz/index.html"} <= showing  # the page and the catalogue
    # the catalogue's pages of results, in both languages: their cards follow one order (the title in the
    # default language), so that a page's number holds the same case studies in every language
    catalogues = {page for page in rebuilt if page.removeprefix("en/").startswith(
        ("studii-de-caz/index.html", "studii-de-caz/tip/", "studii-de-caz/raion/", "studii-de-caz/pagina/"))}
    assert rebuilt <= showing | docs | catalogues, sorted(rebuilt - showing - docs)
    assert showing <= rebuilt | {page for page in showing if not _built_by_mkdocs(site_dir / page)}, "no stale page"
    assert "studii-de-caz/casa-comunitara-falesti/index.html" not in rebuilt
    assert len(rebuilt) < len(third) / 10, len(rebuilt)


def test_a_schema_edited_while_the_preview_runs_is_the_one_the_next_rebuild_checks(preview_builds):
    """The preview's process lives on between rebuilds: nothing in it may keep the old schema."""
    from mkdocs.exceptions import Abort, PluginError

    project, _, run = preview_builds
    run()
    schema = project / "data/schemas/partner.schema.json"
    text = schema.read_text(encoding="utf-8")
    assert '"cso",' in text
    schema.write_text(text.replace('"cso",', "", 1), encoding="utf-8")  # partners of kind cso are refused now
    with pytest.raises((Abort, PluginError)):
        run()
    schema.write_text(text, encoding="utf-8")  # and welcome again
    run()


def _built_by_mkdocs(page: Path) -> bool:
    """A page of the site, not a file the hook writes after the build (short-link redirects, the
    404 pages made from a built page), which every build writes again: they cost no rendering."""
    return page.name != "404.html" and 'class="md-content"' in page.read_text(encoding="utf-8")


def test_a_removed_record_leaves_no_page_behind(preview_builds):
    project, site_dir, run = preview_builds
    copy = project / "data/case-studies/spalatorie-copie-de-test.yml"
    copy.write_text((project / CASE).read_text(encoding="utf-8").replace(
        "id: spalatorie-sociala-glodeni", "id: spalatorie-copie-de-test"), encoding="utf-8")
    run()
    page = site_dir / "studii-de-caz/spalatorie-copie-de-test/index.html"
    assert page.exists()
    copy.unlink()
    run()
    assert not page.exists() and (site_dir / CASE_PAGE).exists()


def test_case_studies_are_out_of_the_menu_and_belong_to_the_catalogue_section():
    """Every page of a section carries its section's menu: case studies listed there made each of
    their pages carry every other one, and pages and builds grew as the square of their number."""
    built = site_module.build_site(ROOT)
    listed = set()
    def walk(entries):
        for entry in entries:
            if isinstance(entry, dict):
                for pages in entry.values():
                    walk(pages)
            else:
                listed.add(entry)
    for entries in menu_module.menu(built).values():
        walk(entries)
    cases = {built.links.page("case-study", id) for id in built.content.case_studies}
    assert cases and not cases & listed
    assert built.links.page("open-data") in listed  # the section keeps its other pages
    homes = menu_module.menu_homes(built)
    for lang in built.links.languages:
        catalogue = built.links.src_uri(built.links.page("case-studies"), lang)
        assert {homes[built.links.src_uri(page, lang)] for page in cases} == {catalogue}


def test_a_case_study_leads_to_the_others_of_its_service_type_in_the_catalogue():
    """To its type's own pages of results (they work without JavaScript; the catalogue's page holds
    only its first cards), which, like the case study, open the catalogue's section in the menu."""
    built = site_module.build_site(ROOT)
    case = built.content.case_studies["spalatorie-sociala-glodeni"]
    homes = menu_module.menu_homes(built)
    for lang in built.links.languages:
        page = built.pages[built.links.src_uri(built.links.page("case-study", case.id), lang)].html
        assert f'<a href="../tip/{case.service_type}/">' in page
        listing = built.links.src_uri(built.links.page("catalogue-type", case.service_type), lang)
        assert listing in built.pages and homes[listing] == built.links.src_uri(built.links.page("case-studies"), lang)



def test_requests_and_dirty_notices_are_not_warnings_in_the_preview():
    sys.path.insert(0, str(ROOT / "tools"))
    from preview.live import NotWarnings

    f = NotWarnings()
    request = logging.LogRecord("mkdocs.livereload", logging.WARNING, "", 0,
                                '[08:18:51] "GET /favicon.ico HTTP/1.1" code 404', None, None)
    assert f.filter(request) and request.levelno == logging.INFO
    dirty = logging.LogRecord("mkdocs.commands.build", logging.WARNING, "", 0,
                              "A 'dirty' build is being performed, this will likely lead to inaccurate navigation", None, None)
    assert not f.filter(dirty)
    problem = logging.LogRecord("mkdocs.hooks.bss", logging.ERROR, "", 0, "data/x.yml:3: title: missing", None, None)
    assert f.filter(problem) and problem.levelno == logging.ERROR


def test_a_build_that_empties_the_folder_waits_for_the_steps_still_reading_it():
    import threading

    r = Rebuilds()
    r.after.quiet = 0  # no pause to wait for
    started, release, said = threading.Event(), threading.Event(), []

    def index():  # a step that reads the folder until the test lets it end
        started.set()
        release.wait()
        return "indexed"

    r.defer(index)
    r.run_deferred(lambda text, error: said.append(text or repr(error)))
    started.wait()
    assert said == []  # run_deferred returned at once: the pages are served meanwhile
    release.set()
    r.settle()
    assert said == ["indexed"]
    r.defer(lambda: 1 / 0)
    r.run_deferred(lambda text, error: said.append(text or repr(error)))
    r.after.drain()
    assert said[-1].startswith("ZeroDivisionError")


def test_the_search_index_waits_for_the_writer_to_pause_and_indexes_the_last_build_only():
    """Saves in a row: each build's steps replace the ones still waiting, and none runs while a
    build runs or before ``quiet`` seconds have passed since the last one (a clock of the test's)."""
    from preview.after_pause import AfterPause

    now, said = [0.0], []
    after = AfterPause(quiet=5, clock=lambda: now[0])
    report = lambda text, error: said.append(text or repr(error))  # noqa: E731
    after.submit([lambda: "index of build 1"], report)
    after.building(True)  # the next save: a build runs
    after.building(False)
    after.submit([lambda: "index of build 2"], report)
    now[0] = 4.9
    after.building(True)  # a third save, 4.9 s later
    now[0] = 60
    assert not after.wait_idle(timeout=0.5), "a build runs: nothing may run"  # bounded: the worker looked again
    assert said == []
    after.building(False)  # that build failed (no steps of its own): the second build's run after the pause
    assert not after.wait_idle(timeout=0.5) and said == [], "the pause counts from the end of that build"
    now[0] = 60 + 5
    assert after.wait_idle(timeout=120)  # the pause has passed: they run, on their own
    assert said == ["index of build 2"]
    after.submit([lambda: "dropped"], report)
    after.settle()  # a build that empties the folder drops the steps still waiting
    after.drain()
    assert said == ["index of build 2"]


def test_the_preview_renders_again_only_the_case_studies_whose_record_or_world_changed(project, monkeypatch):
    """bss.prepare.pages.kept: a kept rendering is the same as a fresh one, whatever changed."""
    from bss.prepare.caches import Caches
    from bss.prepare.pages.render import Renderer

    rendered = []
    render = Renderer.render
    monkeypatch.setattr(Renderer, "render", lambda self, spec: rendered.append((spec.kind, spec.id)) or render(self, spec))
    caches = Caches(keep_checked=True, keep_rendered=True)  # as the preview keeps them

    lists = ("catalogue-page", "catalogue-type", "catalogue-district", "partner", "course")

    def build():
        rendered.clear()
        site = site_module.build_site(project, caches=caches)
        again = {id for kind, id in rendered if kind == "case-study"}
        shown.clear()
        shown.update((kind, id) for kind, id in rendered if kind in lists)
        assert {k: p.markdown for k, p in site.pages.items()} == {
            k: p.markdown for k, p in site_module.build_site(project).pages.items()}, "a kept page is stale"
        return again

    citing = project / "data/case-studies/casa-comunitara-falesti.yml"  # its story names the laundry's page
    citing.write_text(citing.read_text(encoding="utf-8").replace(
        "story:\n  ro: |\n", "story:\n  ro: |\n    Vezi și [[caz:spalatorie-sociala-glodeni]].\n\n", 1), encoding="utf-8")
    shown: set = set()
    everyone = build()
    assert "spalatorie-sociala-glodeni" in everyone
    assert build() == set() and shown == set(), "nothing changed: no case study nor list of them rendered again"
    case = project / CASE
    text = case.read_text(encoding="utf-8")
    case.write_text(text.replace('summary:\n  ro: "', 'summary:\n  ro: "Rezumat nou. ', 1), encoding="utf-8")
    assert build() == {"spalatorie-sociala-glodeni"}
    assert shown and all(kind in lists[:-1] for kind, _ in shown)  # the lists that show it (their records hold it)
    assert ("catalogue-district", "md-gl") in shown and ("catalogue-district", "md-ba") not in shown
    case.write_text(text.replace('title:\n  ro: "', 'title:\n  ro: "Titlu nou: ', 1), encoding="utf-8")
    assert build() == {"spalatorie-sociala-glodeni", "casa-comunitara-falesti"}, "itself and the one citing it"
    strings = project / "data/i18n/ro.yml"
    strings.write_text(strings.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert build() == everyone, "an interface string may be on any page"


def test_the_preview_keeps_the_question_banks_while_the_world_is_the_same(project, monkeypatch):
    from bss.prepare.caches import Caches
    from bss.prepare.pages import question_banks

    made = []
    files = question_banks.files
    monkeypatch.setattr(question_banks, "files", lambda *args: made.append(1) or files(*args))
    caches = Caches(keep_checked=True, keep_rendered=True)  # as the preview keeps them
    first = beside.extra_files(site_module.build_site(project, caches=caches))
    assert beside.extra_files(site_module.build_site(project, caches=caches)) == first and len(made) == 1
    course = next((project / "courses").rglob("*.yml"))
    course.write_text(course.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert beside.extra_files(site_module.build_site(project, caches=caches)) == first and len(made) == 2


def test_a_files_check_is_kept_by_its_bytes_wherever_the_project_lies(project, tmp_path, monkeypatch):
    """prepare.read.collections: the preview's kept checks are keyed by each file's place in the
    project and its bytes. A copy elsewhere (the editor's save check) reads nothing again; an edit
    that keeps the file's size and time (two saves in one tick of the clock) is read again."""
    import os

    from bss.prepare.caches import Caches
    from bss.prepare.read import collections

    read = []
    real = collections.read_document
    monkeypatch.setattr(collections, "read_document",
                        lambda file, root, raw=None: read.append(file.relative_to(root).as_posix()) or real(file, root, raw))
    caches = Caches(keep_checked=True)
    site_module.check_site(project, caches=caches)
    assert CASE in read
    read.clear()
    elsewhere = copy_project(tmp_path / "elsewhere")
    site_module.check_site(elsewhere, caches=caches)
    assert read == [], "a copy of the project elsewhere reads no file again"
    case = elsewhere / CASE
    stat, text = case.stat(), case.read_text(encoding="utf-8")
    case.write_text(text.replace('ro: "În jur de 300', 'ro: "xÎn jur de300', 1), encoding="utf-8")  # as long as before
    os.utime(case, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert case.stat().st_size == stat.st_size and case.read_text(encoding="utf-8") != text
    content, _, _ = site_module.check_site(elsewhere, caches=caches)
    assert read == [CASE], "the edited file, and it alone, is read again"
    assert "xÎn jur de300" in repr(content.case_studies["spalatorie-sociala-glodeni"])


def test_the_world_of_kept_pages_holds_the_configuration_a_configuration_inherits(project):
    """The folder copy's configuration inherits mkdocs.yml: a preview of it renders every kept page
    again when mkdocs.yml changes (its Markdown extensions, its languages), as when its own does."""
    from bss.prepare.pages import kept

    before = kept.world(project, "mkdocs-offline.yml", {}).key
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert kept.world(project, "mkdocs-offline.yml", {}).key != before
