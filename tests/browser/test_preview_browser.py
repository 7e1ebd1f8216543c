"""The live preview (make serve) as an editor uses it: a page open in the browser turns into the
list of problems, within seconds, when a saved file breaks the content, and back into the page
once the file is fixed, with no click; the terminal says the same."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from helpers import copy_project
from server import free_port

CASE = "data/case-studies/spalatorie-sociala-glodeni.yml"


@pytest.fixture
def preview(tmp_path):
    project = copy_project(tmp_path / "project")
    port = free_port()
    log = tmp_path / "preview.log"
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, str(project / "tools/preview.py"), "--dev-addr", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml")],
            cwd=project, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BSS_SEARCH_INDEX": "0"})
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/", timeout=5) as response:
                if response.status == 200:
                    break
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            raise AssertionError(f"the preview did not start:\n{log.read_text(encoding='utf-8')}")
        time.sleep(0.3)
    yield project, url, log
    server.terminate()  # as kill, or make edit, stops it
    server.wait(20)
    folders = set(re.findall(r"documentation to directory: (/\S*bss-preview-[^/\s]+)", log.read_text(encoding="utf-8")))
    assert folders and not any(os.path.exists(folder) for folder in folders), "the preview's folder is left behind"


def test_a_broken_file_shows_its_problems_in_the_open_page_within_5_s_and_the_fix_brings_the_page_back(preview, page):
    project, url, log = preview
    page.goto(f"{url}/en/studii-de-caz/spalatorie-sociala-glodeni/")
    page.wait_for_load_state("load")
    title = page.locator("h1").first.text_content()
    file = project / CASE
    good = file.read_text(encoding="utf-8")
    lines = good.splitlines()
    line = next(n for n, text in enumerate(lines, 1) if text.startswith("service_type:"))
    lines[line - 1] = "service_type: spalatorie-sociale"  # a slip: one letter wrong
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    broke = time.monotonic()
    problem = page.locator("ol.problems li", has_text=f"{CASE}:{line}: service_type: 'spalatorie-sociale' does not exist")
    problem.wait_for(timeout=5000)  # the open page reloaded by itself
    assert time.monotonic() - broke < 5
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").text_content() == "The content has problems"
    assert page.locator("ol.problems li").count() == 1, page.locator("ol.problems").text_content()

    file.write_text(good, encoding="utf-8")
    page.locator("h1", has_text=title).wait_for(timeout=30000)
    assert page.locator("ol.problems").count() == 0
    terminal = log.read_text(encoding="utf-8")
    assert f"{CASE}:{line}: service_type: 'spalatorie-sociale' does not exist" in terminal
    assert "The preview shows these 1 problem(s) on every page" in terminal


def test_every_address_shows_the_problems_in_its_language_while_the_content_is_broken(preview, page):
    project, url, _ = preview
    file = project / CASE
    file.write_text(file.read_text(encoding="utf-8").replace("\nid: ", "\nidd: ", 1), encoding="utf-8")
    page.goto(f"{url}/")
    page.locator("ol.problems li").first.wait_for(timeout=10000)
    for address, heading in (("/ghid/costificarea/", "Conținutul are probleme"), ("/nu-exista/", "Conținutul are probleme"),
                             ("/en/glosar/", "The content has problems")):
        page.goto(f"{url}{address}")
        assert page.locator("h1").text_content() == heading, address
        assert "idd: unknown field" in page.locator("ol.problems").text_content()


def test_a_missing_page_is_not_found_in_the_language_of_its_address(preview):
    _, url, _ = preview
    for address, title in (("/nu-exista/", "Pagina nu a fost găsită"), ("/en/does-not-exist/", "Page not found")):
        try:
            urllib.request.urlopen(f"{url}{address}", timeout=10)
            raise AssertionError(f"{address} was found")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert f"<title>{title}" in error.read().decode("utf-8"), address


def test_the_preview_builds_only_when_a_file_changes(preview):
    project, url, log = preview
    time.sleep(3)  # a build reads every file: reading is not a change
    assert log.read_text(encoding="utf-8").count("Detected file changes") == 0
    file = project / CASE
    file.write_text(file.read_text(encoding="utf-8"), encoding="utf-8")  # saved, even unchanged
    deadline = time.monotonic() + 20
    while "Built in" not in log.read_text(encoding="utf-8").split("Detected file changes", 1)[-1]:
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.2)
    time.sleep(3)
    assert log.read_text(encoding="utf-8").count("Detected file changes") == 1


def test_compiled_python_beside_the_hook_is_not_a_change(preview):
    project, _, log = preview
    time.sleep(1)
    before = log.read_text(encoding="utf-8").count("Detected file changes")
    cache = project / "hooks/bss/__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "x.cpython-311.pyc").write_bytes(b"compiled")
    time.sleep(2)
    assert log.read_text(encoding="utf-8").count("Detected file changes") == before
