"""Shared fixtures: a scratch copy of the project, and one real build of the shipped site."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from helpers import GROWN, ROOT, copy_project, is_build, mkdocs_build, shared_build

# The tests build with the address in mkdocs.yml, whatever the shell that runs them has set.
os.environ.pop("SITE_URL", None)
# The guide's PDFs double the time of a build: the tests' builds skip them, but for the shipped
# site's (built_site) and those of tests/test_pdfs.py, which ask for them.
os.environ["BSS_PDFS"] = "off"
# make test-fast (BSS_TEST_FAST=1, -m "not browser and not build"): the inner loop, no browser and no
# whole build. A test that builds the site (an engine, tools/build.py, the preview or the editor,
# which build it too, make site) is marked ``build``; one that is not and tries is stopped, saying so.
FAST = os.environ.get("BSS_TEST_FAST") == "1"


@pytest.fixture(autouse=True)
def _no_build_in_the_fast_suite(monkeypatch):
    if not FAST:
        return
    start = subprocess.Popen.__init__

    def refuse_builds(self, args, *more, **options):
        if is_build(args):
            raise AssertionError(f"make test-fast builds nothing: mark this test @pytest.mark.build ({args})")
        start(self, args, *more, **options)

    monkeypatch.setattr(subprocess.Popen, "__init__", refuse_builds)


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped site, built once per test session with --strict (its tests: marked build)."""
    assert not FAST, "make test-fast builds nothing: mark this test @pytest.mark.build"

    def make(folder: Path) -> Path:
        result = mkdocs_build(ROOT, folder / "site", env={"BSS_PDFS": "auto"})
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        return folder / "site"
    return shared_build(tmp_path_factory, "built_site", make)


@pytest.fixture(scope="session")
def grown_sites(tmp_path_factory) -> dict[int, Path]:
    """The site built with N generated case studies added (bench/project.py), for each N in GROWN:
    the catalogue at a size where its pages of results are many. Each project is the site's folder's
    sibling ``engine-<N>``, its case studies under ``data/case-studies``."""
    from project import make_engine  # bench/, on the path through helpers

    def make(n: int):
        def build(folder: Path) -> Path:
            engine = make_engine(n, folder)
            result = mkdocs_build(engine, engine / "site", env={"BSS_SEARCH_INDEX": "0"})
            assert result.returncode == 0, result.stderr
            return engine / "site"
        return build
    return {n: shared_build(tmp_path_factory, f"grown-{n}", make(n)) for n in GROWN}


# The fixtures that build a whole site (shared by a module or the session, so they start before the
# guard above): a test that uses one is a build test, marked or not.
BUILD_FIXTURES = {"built_site", "properdocs_site", "demo_site", "three_languages", "photo_site", "hostile_site",
                  "preview_builds", "grown_sites"}


def pytest_collection_modifyitems(items):
    for item in items:
        if BUILD_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("build") is None:
            item.add_marker(pytest.mark.build)
