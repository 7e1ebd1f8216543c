"""The Makefile's recipes, run as written in a checkout whose folder name is shell code."""
from __future__ import annotations

import shutil
import subprocess

from helpers import ROOT

# A folder may be named anything: each of these runs a command if a recipe passes the path unquoted
# (or in double quotes) through the shell.
NAME = "adv$(touch PWNED-1) `touch PWNED-2` ' \"$(touch PWNED-3)\" ; touch PWNED-4"


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
