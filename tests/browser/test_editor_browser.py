"""The editor in Chromium, as `make edit` runs it: forms made from the schemas save files that pass
`make check` and build into pages, and an edit leaves every other line as it was."""
from __future__ import annotations

import difflib
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
import yaml

from editing import choose, field, login, publish, publish_now, texts, write
from helpers import ROOT, mkdocs_build
from bss.editor.http_server import EditorServer


@pytest.fixture
def editor(project):
    server = EditorServer(project, port=0)  # the editor and its backend, as `make edit` starts them
    yield server
    server.close()


def check(project) -> subprocess.CompletedProcess:
    """`make check` on the project."""
    return subprocess.run([sys.executable, "-m", "bss", "check", str(project)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "hooks")})


def test_an_editor_creates_a_partner_and_a_case_study_that_build_into_pages(page, editor, project, tmp_path):
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    login(page, editor.url)

    page.goto(editor.url + "/admin/#/collections/partners/new")
    write(page, "id", "asociatia-proba")
    texts(page, "name", ro="Asociaţia Probă din Cahul", en="Test Association of Cahul")
    ro, en = (field(field(page, "name"), lang).bounding_box() for lang in ("ro", "en"))
    assert ro["y"] == en["y"] and ro["x"] + ro["width"] <= en["x"]  # the two languages side by side
    choose(page, "kind", "cso", "cso")
    texts(page, "description", ro="Ajută familiile din **Cahul**.\n\nVezi [[glosar:acreditare]].",
          en="Helps families in **Cahul**.")
    choose(page, "district", "Cahul", "Cahul (MD-CA)")
    partner_file = project / "data/partners/asociatia-proba.yml"
    publish(page, partner_file)

    page.goto(editor.url + "/admin/#/collections/case-studies/new")
    write(page, "id", "centru-proba-cahul")
    texts(page, "title", ro="Un centru de zi în Cahul", en="A day centre in Cahul")
    choose(page, "service_type", "zi", "Centru de zi")
    choose(page, "target_groups", "copii", "Copii cu dizabilități")
    choose(page, "districts", "Cahul", "Cahul (MD-CA)")
    texts(page, "locality", ro="orașul Cahul", en="Cahul town")
    choose(page, "organisation", "Probă", "Asociația Probă din Cahul")  # the partner just created, by its name
    choose(page, "programme", "2021", "")
    texts(page, "summary", ro="Copiii vin zilnic la centru.", en="Children come to the centre every day.")
    texts(page, "story", ro="Centrul a deschis în 2022.\n\nAre **12** locuri.", en="The centre opened in 2022.")
    sources = field(page, "sources")
    sources.get_by_role("button", name="Add source").click()
    write(sources, "publisher", "example.md")
    write(sources, "url", "https://example.md/centru")
    case_file = project / "data/case-studies/centru-proba-cahul.yml"
    publish(page, case_file)

    partner = partner_file.read_text(encoding="utf-8")
    case = case_file.read_text(encoding="utf-8")
    assert partner.startswith("# yaml-language-server: $schema=../schemas/partner.schema.json\n")
    assert case.startswith("# yaml-language-server: $schema=../schemas/case-study.schema.json\n")
    assert yaml.safe_load(partner) == {
        "id": "asociatia-proba", "name": {"ro": "Asociația Probă din Cahul", "en": "Test Association of Cahul"},
        "kind": "cso", "district": "MD-CA",
        "description": {"ro": "Ajută familiile din **Cahul**.\n\nVezi [[glosar:acreditare]].\n",
                        "en": "Helps families in **Cahul**."}}
    data = yaml.safe_load(case)
    assert list(data)[:9] == ["id", "title", "service_type", "target_groups", "districts", "locality", "organisation",
                              "programme", "summary"]  # the schema's order
    assert (data["service_type"], data["target_groups"], data["districts"]) == (
        "centru-de-zi", ["copii-cu-dizabilitati"], ["MD-CA"])
    assert data["organisation"] == "asociatia-proba" and data["programme"] == "ssmb-2021"
    assert data["title"] == {"ro": "Un centru de zi în Cahul", "en": "A day centre in Cahul"}
    assert data["sources"] == [{"publisher": "example.md", "url": "https://example.md/centru"}]

    result = check(project)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    build = mkdocs_build(project, site, env={"BSS_SEARCH_INDEX": "0"})
    assert build.returncode == 0, build.stderr
    for prefix in ("", "en/"):
        partner_page = (site / prefix / "parteneri/asociatia-proba/index.html").read_text(encoding="utf-8")
        case_page = (site / prefix / "studii-de-caz/centru-proba-cahul/index.html").read_text(encoding="utf-8")
        assert ("Asociația Probă din Cahul" if not prefix else "Test Association of Cahul") in partner_page
        assert ("Un centru de zi în Cahul" if not prefix else "A day centre in Cahul") in case_page
        assert "centru-proba-cahul" in partner_page  # the partner's page lists its case study
    assert not errors, errors


def test_editing_a_case_study_keeps_its_other_lines_byte_for_byte(page, editor, project):
    path = project / "data/case-studies/echipa-mobila-cimislia.yml"
    before = path.read_text(encoding="utf-8")
    old = yaml.safe_load(before)["summary"]["en"]
    login(page, editor.url)
    page.goto(editor.url + "/admin/#/collections/case-studies/entries/echipa-mobila-cimislia")
    box = field(field(page, "summary"), "en").locator("textarea")
    box.fill(old + " It was handed over in July.")
    publish(page, path)
    after = path.read_text(encoding="utf-8")
    changed = [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert len(changed) == 2 and changed[0].startswith("-  en:") and changed[1].startswith("+  en:"), changed
    assert changed[1] == changed[0].replace("-", "+", 1).replace(old, old + " It was handed over in July.")
    assert check(project).returncode == 0


def test_a_save_the_check_refuses_is_shown_and_nothing_is_written(page, editor, project):
    path = project / "data/partners/aopd.yml"
    before = path.read_bytes()
    login(page, editor.url)
    page.goto(editor.url + "/admin/#/collections/partners/entries/aopd")
    write(field(page, "description"), "ro", "Vezi [[caz:nu-exista]].")
    publish_now(page)
    page.get_by_text("Not saved: the content would have these problems").wait_for()
    said = page.locator("body").inner_text()
    assert re.search(r"data/partners/aopd\.yml:\d+: description\.ro: \[\[caz:nu-exista\]\] refers to nothing", said), said
    assert path.read_bytes() == before


def test_public_pages_load_none_of_the_editors_code(page, site_url):
    fetched = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url).path))
    for address in ("/", "/en/", "/studii-de-caz/", "/studii-de-caz/echipa-mobila-cimislia/", "/cautare/?q=servicii",
                    "/cursuri/servicii-comunitare/dezvoltarea-serviciului/"):
        page.goto(site_url + address)
        page.wait_for_load_state("networkidle")
    assert len(fetched) > 10
    assert not [p for p in fetched if p.startswith("/admin/") or "decap" in p], fetched
    assert not page.locator('a[href*="admin"]').count()


def test_on_a_phone_the_editor_speaks_romanian_fits_the_screen_and_lists_entries_by_title(browser, editor, project):
    ctx = browser.new_context(viewport={"width": 390, "height": 800})
    page = ctx.new_page()
    login(page, editor.url)  # the buttons it presses are Romanian
    page.goto(editor.url + "/admin/#/collections/partners")
    new = page.get_by_role("link", name="Partner", exact=False).filter(has_text="+").first
    assert new.text_content().startswith("+ ")  # not U+FF0B, which showed as a box
    names = page.locator("a[href*='/entries/']").evaluate_all("els => els.map(e => e.textContent.trim())")
    assert len(names) == len(list((project / "data/partners").glob("*.yml")))
    assert names == sorted(names), names  # by name, as readers know them, not by file name
    page.goto(editor.url + "/admin/#/collections/case-studies/entries/echipa-mobila-cimislia")
    english = field(field(page, "summary"), "en").locator("textarea")
    english.wait_for()
    box = english.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # both languages on the screen, one above the other
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    english.fill("Changed.")  # (not saved)
    page.get_by_role("button", name="Publicare", exact=True).click()
    assert page.get_by_text("Publică acum", exact=True).is_visible()  # not a second "Publicare"
    ctx.close()
