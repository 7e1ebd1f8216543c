"""mypy's configuration (pyproject.toml, [tool.mypy]): strict for every shared module of the core,
and run by make test and make test-fast right after ruff."""
from __future__ import annotations

import re
import tomllib

from helpers import ROOT

STRICT_FLAGS = {"disallow_any_generics", "disallow_subclassing_any", "disallow_untyped_calls", "disallow_untyped_defs",
                "disallow_incomplete_defs", "check_untyped_defs", "disallow_untyped_decorators", "warn_return_any",
                "no_implicit_reexport", "strict_equality", "extra_checks"}  # what mypy --strict turns on


def test_every_shared_module_of_the_core_is_checked_strictly():
    mypy = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert set(mypy["files"]) == {"hooks", "tools"}
    shared = {"bss" if f.name == "__init__.py" else f"bss.{f.stem}" for f in (ROOT / "hooks/bss").glob("*.py")}
    strict = [o for o in mypy["overrides"] if STRICT_FLAGS <= {k for k, v in o.items() if v is True}]
    assert len(strict) == 1 and set(strict[0]["module"]) == shared


def test_make_test_and_test_fast_run_mypy_right_after_ruff():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("test", "test-fast"):
        recipe = re.search(rf"^{target}:.*\n((?:\t.*\n)+)", makefile, re.M).group(1).splitlines()
        ruff = next(i for i, line in enumerate(recipe) if "-m ruff check" in line)
        assert recipe[ruff + 1].strip() == "$(PY) -m mypy", (target, recipe)
