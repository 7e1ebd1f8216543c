"""The live preview (make serve) as an editor uses it: a page open in the browser turns into the
list of problems, within seconds, when a saved file breaks the content, and back into the page
once the file is fixed, with no click; the terminal says the same."""
from __future__ import annotations

import urllib.error
import urllib.request

import pytest

from helpers import poll, running_preview

CASE = "data/case-studies/spalatorie-sociala-glodeni.yml"


@pytest.fixture
def preview(tmp_path):
    with running_preview(tmp_path) as (project, url, log, _):
        yield project, url, log


def test_a_broken_file_shows_its_problems_in_the_open_page_and_the_fix_brings_the_page_back(preview, page):
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
    problem = page.locator("ol.problems li", has_text=f"{CASE}:{line}: service_type: 'spalatorie-sociale' does not exist")
    problem.wait_for()  # the open page reloaded by itself (bench/preview_speed.py measures how soon)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").text_content() == "The content has problems"
    assert page.locator("ol.problems li").count() == 1, page.locator("ol.problems").text_content()

    file.write_text(good, encoding="utf-8")
    page.locator("h1", has_text=title).wait_for()
    assert page.locator("ol.problems").count() == 0
    terminal = log.read_text(encoding="utf-8")
    assert f"{CASE}:{line}: service_type: 'spalatorie-sociale' does not exist" in terminal
    assert "The preview shows these 1 problem(s) on every page" in terminal


def test_every_address_shows_the_problems_in_its_language_while_the_content_is_broken(preview, page):
    project, url, _ = preview
    file = project / CASE
    file.write_text(file.read_text(encoding="utf-8").replace("\nid: ", "\nidd: ", 1), encoding="utf-8")
    page.goto(f"{url}/")
    page.locator("ol.problems li").first.wait_for()
    for address, heading in (("/ghid/costificarea/", "Conținutul are probleme"), ("/nu-exista/", "Conținutul are probleme"),
                             ("/en/glosar/", "The content has problems")):
        page.goto(f"{url}{address}")
        assert page.locator("h1").text_content() == heading, address
        assert "idd: unknown field" in page.locator("ol.problems").text_content()


def test_a_missing_page_is_not_found_in_the_language_of_its_address(preview):
    _, url, _ = preview
    for address, title in (("/nu-exista/", "Pagina nu a fost găsită"), ("/en/does-not-exist/", "Page not found")):
        try:
            urllib.request.urlopen(f"{url}{address}", timeout=60)
            raise AssertionError(f"{address} was found")
        except urllib.error.HTTPError as error:
            assert error.code == 404
            assert f"<title>{title}" in error.read().decode("utf-8"), address


def built(log, times: int) -> None:
    """Wait until the preview has finished its ``times``-th rebuild since it started."""
    def done() -> bool:
        after = log.read_text(encoding="utf-8").split("Detected file changes")
        return len(after) > times and "Built in" in after[times]
    poll(done, lambda: f"the preview did not rebuild {times} time(s):\n{log.read_text(encoding='utf-8')}")


def test_the_preview_builds_once_per_change_not_for_reading_or_compiling(preview):
    """Every build reads every file, and Python may write compiled code beside the hook: neither
    starts a build (tests/test_preview_server.py proves the filter alone, event by event). Two
    changes, each built before the next: exactly two builds, none started by their reading."""
    project, _, log = preview
    file = project / CASE
    cache = project / "hooks/bss/__pycache__"
    cache.mkdir(exist_ok=True)
    (cache / "x.cpython-311.pyc").write_bytes(b"compiled")
    file.write_text(file.read_text(encoding="utf-8"), encoding="utf-8")  # saved, even unchanged
    built(log, 1)
    other = project / "data/partners/keystone-moldova.yml"
    other.write_text(other.read_text(encoding="utf-8"), encoding="utf-8")
    built(log, 2)
    assert log.read_text(encoding="utf-8").count("Detected file changes") == 2, log.read_text(encoding="utf-8")
