"""Shared fixtures: a scratch copy of the project, and one real build of the shipped site."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from helpers import ROOT, copy_project, mkdocs_build

# The tests build with the address in mkdocs.yml, whatever the shell that runs them has set.
os.environ.pop("SITE_URL", None)
# The guide's PDFs double the time of a build: the tests' builds skip them, but for the shipped
# site's (built_site) and those of tests/test_pdfs.py, which ask for them.
os.environ["BSS_PDFS"] = "off"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The shipped site, built once per test session with --strict."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = mkdocs_build(ROOT, site, env={"BSS_PDFS": "auto"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return site
