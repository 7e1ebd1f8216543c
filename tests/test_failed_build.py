"""Bad content never yields a half-built site: the build stops and site/ stays as it was."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, mkdocs_build


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*") if p.is_file()}


BROKEN = "data/case-studies/proba.yml:7: districts[0]: 'MD-XX' does not exist (did you mean 'MD-UN'?)"


def break_content(project: Path) -> None:
    """A new case study with a district code that does not exist."""
    base = (ROOT / "tests/golden/bases/case-study.yml").read_text(encoding="utf-8")
    (project / "data/case-studies/proba.yml").write_text(base.replace("districts: [MD-CA]", "districts: [MD-XX]"),
                                                          encoding="utf-8")


@pytest.mark.build
def test_make_site_keeps_the_previous_site_on_bad_content(project):
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy2(ROOT / name, project / name)
    venv = Path(sys.prefix)
    make = ["make", "-s", "site", f"VENV={venv}"]
    first = subprocess.run(make, cwd=project, capture_output=True, text=True)
    assert first.returncode == 0, first.stdout + first.stderr
    before = snapshot(project / "site")
    assert "studii-de-caz/spalatorie-sociala-glodeni/index.html" in before

    break_content(project)
    second = subprocess.run(make, cwd=project, capture_output=True, text=True)
    assert second.returncode != 0
    assert BROKEN in second.stderr
    assert "site/ left as it was" in second.stderr
    assert snapshot(project / "site") == before
    assert not list(project.glob(".site-new*"))


@pytest.mark.build
def test_mkdocs_build_stops_before_touching_the_output(project, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "keep.txt").write_text("previous build", encoding="utf-8")
    break_content(project)
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    assert "1 problem(s) in the content" in result.stderr
    assert (site / "keep.txt").read_text(encoding="utf-8") == "previous build"


@pytest.mark.build
def test_every_build_says_what_is_not_yet_translated_and_check_lists_it(project, tmp_path):
    base = (ROOT / "tests/golden/bases/partner.yml").read_text(encoding="utf-8")
    (project / "data/partners/proba.yml").write_text(base.replace("  en: What the organisation does.\n", ""),
                                                     encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    assert ("Translation: 1 text is not yet written in every language (en); "
            "'make check' lists where.") in result.stderr
    check = subprocess.run([sys.executable, "-m", "bss", "check", str(project)], capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert check.returncode == 0
    assert "data/partners/proba.yml:6: description: no en text" in check.stdout


def test_check_command_reports_problems_without_building(project):
    break_content(project)
    result = subprocess.run([sys.executable, "-m", "bss", "check", str(project)], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT / "hooks")})
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["1 problem in the content:", BROKEN]
