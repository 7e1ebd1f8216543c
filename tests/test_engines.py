"""Two engines (MAINTAINING.md): ProperDocs builds the shipped site as MkDocs does, the same files
and the same article of every page in both languages; and its --strict counts the warnings of the
``mkdocs.*`` loggers (Material's, the hook's) as MkDocs does."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT, shared_build

ARTICLE = re.compile(r"<article\b.*?</article>", re.S)


def engine_build(engine: str, project: Path, site_dir: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    """tools/build.py with ``engine``, as `make site ENGINE=...` runs it."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([sys.executable, str(ROOT / "tools" / "build.py"), "--engine", engine, "mkdocs.yml", str(site_dir)],
                          capture_output=True, text=True, env=env, cwd=project)


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory) -> Path:
    """The shipped site built with ProperDocs, as the shared MkDocs build (built_site) is: the PDFs
    made where they can be (kept in the project's cache, so made once for both)."""
    def make(folder: Path) -> Path:
        result = engine_build("properdocs", ROOT, folder / "site", env={"BSS_PDFS": "auto"})
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        return folder / "site"
    return shared_build(tmp_path_factory, "properdocs_site", make)


def files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def articles(site: Path) -> dict[str, list[str]]:
    return {rel: ARTICLE.findall((site / rel).read_text(encoding="utf-8"))
            for rel in sorted(files(site)) if rel.endswith(".html")}


def test_properdocs_builds_the_same_files_as_mkdocs(built_site, properdocs_site):
    made = files(properdocs_site)
    assert made == files(built_site)
    assert {"index.html", "en/index.html"} <= made


def test_properdocs_builds_the_same_article_on_every_page_in_both_languages(built_site, properdocs_site):
    by_mkdocs, by_properdocs = articles(built_site), articles(properdocs_site)
    pages = [rel for rel, found in by_mkdocs.items() if found]
    assert any(rel.startswith("en/") for rel in pages) and any(not rel.startswith("en/") for rel in pages)
    different = [rel for rel in by_mkdocs if by_mkdocs[rel] != by_properdocs.get(rel)]
    assert different == [], f"{len(different)} of {len(by_mkdocs)} pages differ, e.g. {different[:5]}"


@pytest.mark.build
@pytest.mark.parametrize("engine", ["mkdocs", "properdocs"])
def test_a_warning_on_a_mkdocs_logger_fails_the_build_with_either_engine(tmp_path, engine):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# A page\n", encoding="utf-8")
    (tmp_path / "warn.py").write_text('import logging\n\n\ndef on_config(config):\n'
                                      '    logging.getLogger("mkdocs.hooks.warn").warning("a warning from the hook")\n',
                                      encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: t\ntheme:\n  name: material\nhooks:\n  - warn.py\n", encoding="utf-8")
    result = engine_build(engine, tmp_path, tmp_path / "site")
    assert result.returncode == 1
    assert "a warning from the hook" in result.stderr
    assert "Build failed: " in result.stderr and not (tmp_path / "site").exists()


@pytest.mark.build
def test_an_unknown_engine_is_refused(tmp_path):
    result = engine_build("zensical", ROOT, tmp_path / "site")
    assert result.returncode == 2 and "--engine is one of mkdocs, properdocs" in result.stderr


def test_the_publishing_workflow_takes_the_engine_as_an_input_mkdocs_by_default():
    import yaml
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 (PyYAML) reads the key `on` as true
    engine = triggers["workflow_dispatch"]["inputs"]["engine"]
    assert engine["default"] == "mkdocs" and engine["options"] == ["mkdocs", "properdocs"]
    (build,) = [step for step in workflow["jobs"]["build"]["steps"] if step.get("run", "").startswith("make site")]
    assert build["env"]["ENGINE"] == "${{ inputs.engine || 'mkdocs' }}"  # a push has no inputs
    assert 'ENGINE="$ENGINE"' in build["run"] and "${{" not in build["run"], "inputs reach the script as data only"


def test_make_site_passes_the_engine_to_the_build_and_installs_properdocs_only_when_asked():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^ENGINE \?= mkdocs$", makefile, re.M)
    assert "tools/build.py --engine $(ENGINE) mkdocs.yml site" in makefile
    assert 'test "$(ENGINE)" = mkdocs || $(PY) -c "import properdocs" 2>/dev/null || $(PY) -m pip install --quiet -e ".[properdocs]"' in makefile
