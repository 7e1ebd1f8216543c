"""The Makefile's recipes, run as written in a checkout whose folder name is shell code."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from helpers import ROOT

# A folder may be named anything: each of these runs a command if a recipe passes the path unquoted
# (or in double quotes) through the shell.
NAME = "adv$(touch PWNED-1) `touch PWNED-2` ' \"$(touch PWNED-3)\" ; touch PWNED-4"


@pytest.mark.build
def test_no_recipe_runs_the_name_of_the_folder_it_is_in(tmp_path):
    checkout = tmp_path / NAME
    checkout.mkdir()
    shutil.copy2(ROOT / "Makefile", checkout)
    shutil.copy2(ROOT / "pyproject.toml", checkout)
    (checkout / "tools").mkdir()  # make site's check for the PDFs' libraries (found: `true` loads anything)
    shutil.copy2(ROOT / "tools/ensure-pdf-libraries.sh", checkout / "tools")
    # Installed already, as make itself records it: the recipes below run, not the installation.
    digest = subprocess.run("cat pyproject.toml | cksum | cut -d' ' -f1", shell=True, cwd=checkout,
                            capture_output=True, text=True, check=True).stdout.strip()
    (checkout / ".venv").mkdir()
    for stamp in (f".installed-{digest}", f".installed-tests-{digest}"):
        (checkout / ".venv" / stamp).touch()
    # Every recipe but those that install system packages, with `true` for Python: each line runs as written.
    run = subprocess.run(["make", "site", "offline", "demo", "serve", "edit", "check", "clean", "PY=true", "PYTHON=true"],
                         cwd=checkout, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert not [p.name for p in tmp_path.rglob("PWNED*")]
    assert f"Site built in {checkout}/site." in run.stdout
    assert f"Offline site built in {checkout}/site-offline:" in run.stdout


def test_make_test_fast_selects_no_browser_and_no_build_and_stops_a_build_it_was_not_told_of():
    from helpers import is_build
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert 'BSS_TEST_FAST=1 $(PY) -m pytest -n auto -m "not browser and not build"' in makefile
    for command in (["python", "-m", "mkdocs", "build"], ["python", "-m", "properdocs", "build"],
                    ["python", str(ROOT / "tools" / "build.py")], ["python", "tools/serve.py"], ["make", "site"]):
        assert is_build(command), command
    assert not is_build(["python", "-m", "bss", "check", "."])  # a check is what the fast suite runs


def test_both_test_commands_make_sure_the_pdfs_libraries_load_first():
    """The PDF tests are in the fast suite too: on a fresh machine, make test-fast installs what
    WeasyPrint needs as make test does (else its warning fails them)."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "test-fast"):
        recipe = makefile.split(f"\n{target}: ", 1)[1].split("\n\n", 1)[0]
        assert "sh tools/ensure-pdf-libraries.sh $(PY)" in recipe, target
