"""Helpers shared by the tests: the project root, copying the project, building it."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import yaml
from filelock import FileLock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "bench"))  # the static servers and browser settings the benchmarks use too

COPIED = ("data", "docs", "courses", "hooks", "overrides", "tools", "mkdocs.yml", "mkdocs-offline.yml", "mkdocs-demo.yml")
# The numbers of generated case studies the catalogue is built with beside the shipped ones (grown_sites).
GROWN = (50, 250)  # 250 / 5 generated types: 50 a type, past a page of 48: a type's list has pages of its own
EXAMPLES = "tests/fixtures/examples"  # the illustrative records, for the demonstration build only


def load_yaml(path: Path):
    """A YAML file of the project, as data."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# The last word of an easy-to-read page's address in each language (usor-de-citit, easy-to-read).
EASY_SLUG = {lang: load_yaml(ROOT / f"data/i18n/{lang}.yml")["easy.slug"] for lang in ("ro", "en")}


def pages_with_easy_version() -> list[str]:
    """Every page that has an easy-to-read version (its address without the language's prefix; the
    easy version's is the same followed by EASY_SLUG), worked out from the data files, not the site code."""
    pages = [""] if (ROOT / "data/easy/acasa.yml").exists() else []
    pages += [f"studii-de-caz/{file.stem}/" for file in sorted((ROOT / "data/case-studies").glob("*.yml")) if "easy" in load_yaml(file)]
    pages += [f"cursuri/{file.parent.name}/{file.stem}/" for file in sorted((ROOT / "courses").glob("*/*.yml"))
              if file.stem != "course" and "easy" in load_yaml(file)]
    return pages


def copy_project(dest: Path, examples: bool = False) -> Path:
    """A copy of the project's content and configuration, to break or extend in a test
    (with the illustrative records the demonstration build adds, if ``examples``)."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPIED + ((EXAMPLES,) if examples else ()):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__", "site", "site-*"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def mkdocs_build(project: Path, site_dir: Path, config: str = "mkdocs.yml",
                 env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config), "-d", str(site_dir)],
        capture_output=True, text=True, env=env, cwd=project,
    )




def shared_build(tmp_path_factory, name: str, make: Callable[[Path], Path]) -> Path:
    """A whole build made once per test run, whichever worker asks for it first: ``make(folder)``
    builds into a folder of its own and returns the built site's path. Under pytest-xdist each
    worker is a process with its own session fixtures, so a session- or module-scoped build was
    made once per worker (and a module whose tests ran on both, twice); here the workers share the
    run's temporary folder, and a file lock makes the others wait and read the same site. A build
    that failed fails every test that asks for it, with the same message. The sites are read-only
    to the tests: one that changes a site copies it first."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder, done, failed = base / f"shared-{name}", base / f"shared-{name}.done", base / f"shared-{name}.failed"
    with FileLock(f"{folder}.lock"):
        if failed.exists():
            raise AssertionError(failed.read_text(encoding="utf-8"))
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
            try:
                site = make(folder)
            except BaseException as exc:
                failed.write_text(f"the shared build {name!r} failed in another test: {exc}", encoding="utf-8")
                raise
            done.write_text(site.relative_to(folder).as_posix(), encoding="utf-8")
        return folder / done.read_text(encoding="utf-8")


def poll(ready, what: str, attempts: int = 1200, every: float = 0.1, gone=lambda: False):
    """Ask ``ready()`` until it answers something true, and return that: for a condition no event
    announces (a server listening, a line in a log). Bounded by a number of attempts, not a clock,
    and ended at once if ``gone()`` says the process it waits for has stopped."""
    for _ in range(attempts):
        answer = ready()
        if answer:
            return answer
        if gone():
            break
        time.sleep(every)
    raise AssertionError(what() if callable(what) else what)


BUILDERS = ("build.py", "serve.py", "edit.py")


def is_build(args) -> bool:
    """Whether a command builds the whole site."""
    words = [os.path.basename(str(word)) for word in ([args] if isinstance(args, (str, bytes, os.PathLike)) else args)]
    engine = any(a == "-m" and b in ("mkdocs", "properdocs", "preview.live") for a, b in zip(words, words[1:]))
    return engine or any(word in BUILDERS for word in words) or (words[:1] == ["make"] and "test-fast" not in words)


@contextmanager
def running_preview(folder: Path, *options: str) -> Iterator[tuple[Path, str, Path, subprocess.Popen]]:
    """The live preview (``tools/serve.py`` with ``options`` first, ``--engine properdocs`` say) of a
    copy of the project made in ``folder``, once it serves the home page: (the copy, its address, the
    file its terminal goes to, its process). Then stopped as kill, or make edit, stops it; its
    temporary folder must be gone."""
    from server import free_port

    project = copy_project(folder / "project")
    port, log = free_port(), folder / "preview.log"
    with open(log, "w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [sys.executable, str(project / "tools/serve.py"), *options, "--dev-addr", f"127.0.0.1:{port}",
             "-f", str(project / "mkdocs.yml")],
            cwd=project, stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "BSS_SEARCH_INDEX": "0"})
    url = f"http://127.0.0.1:{port}"

    def serving() -> bool:
        try:
            with urllib.request.urlopen(f"{url}/", timeout=30) as response:
                return response.status == 200
        except OSError:
            return False

    try:
        poll(serving, lambda: f"the preview did not start:\n{log.read_text(encoding='utf-8')}",
             gone=lambda: server.poll() is not None)
        yield project, url, log, server
    finally:
        server.terminate()
        server.wait(120)
    folders = set(re.findall(r"documentation to directory: (/\S*bss-preview-[^/\s]+)", log.read_text(encoding="utf-8")))
    assert folders and not any(os.path.exists(folder) for folder in folders), "the preview's folder is left behind"
