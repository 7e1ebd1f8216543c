"""Golden tests: each case in tests/golden/errors/ breaks a copy of the content in one way and
lists, exactly, the messages a content editor must see."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bss.prepare.caches import Caches
from bss.prepare.site import check_site
from helpers import mkdocs_build
from bss.problems import ContentError

CASES = sorted((Path(__file__).parent / "golden" / "errors").glob("*.yml"))
BASES = Path(__file__).parent / "golden" / "bases"  # valid records that the cases break, one way each
COURSE = {"courses/proba/course.yml": "course", "courses/proba/intai.yml": "module-first",
          "courses/proba/modul.yml": "module"}


def apply_case(case: dict, project: Path) -> None:
    """Break a copy of the project as ``case`` says: files removed, written, edited, folders and links made."""
    for rel in case.get("remove", []):
        (project / rel).unlink()
    for rel, text in (case.get("outside") or {}).items():  # beside the project, not in it
        (project.parent / rel).write_text(text, encoding="utf-8")
    for rel in case.get("dirs", []):
        (project / rel).mkdir(parents=True)
    for rel, target in (case.get("symlinks") or {}).items():
        (project / rel).symlink_to(target)
    bases = {**(COURSE if case.get("course") else {}), **(case.get("bases") or {})}
    for rel, base in bases.items():
        (project / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(BASES / f"{base}.yml", project / rel)
    for rel, spec in (case.get("files") or {}).items():
        target = project / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(spec, dict):  # {text, encoding[, repeat_line, times]} or {hex}
            text = spec.get("text", "") + spec.get("repeat_line", "") * spec.get("times", 0)
            data = bytes.fromhex(spec["hex"]) if "hex" in spec else text.encode(spec["encoding"])
            target.write_bytes(data)
        else:
            target.write_text(spec, encoding="utf-8")
    for rel, edits in (case.get("replace") or {}).items():
        target = project / rel
        text = target.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, f"{rel} does not contain {old!r}"
            text = text.replace(old, new, 1)
        target.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def checked() -> Caches:
    """The checks of the files a case leaves as they are, kept for the next case as the live
    preview keeps them (by each file's place and bytes): a case reads only what it changed."""
    return Caches(keep_checked=True)


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_error_messages(case_file: Path, project: Path, checked: Caches):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(case, project)
    with pytest.raises(ContentError) as info:
        check_site(project, caches=checked)
    assert [str(p) for p in info.value.problems] == case["expected"]


def test_there_are_enough_cases():
    assert len(CASES) >= 20


def test_shipped_content_is_valid():
    content, _, _ = check_site(Path(__file__).resolve().parents[1])
    assert len(content.case_studies) >= 10


# Through MkDocs, one case of each kind of failure (a file, the schema, a reference, a quiz rule,
# the strings, a link, several files at once): the build prints exactly the same messages.
THROUGH_MKDOCS = ["many-problems", "yaml-syntax", "markdown-script", "guide-broken-reference", "strings-format-spec",
                  "quiz-two-correct-in-single", "strings-other-placeholder", "editor-lock-file"]


@pytest.mark.build
@pytest.mark.parametrize("name", THROUGH_MKDOCS)
def test_bad_content_fails_the_build_with_the_same_messages_and_leaves_the_output(name: str, project: Path, tmp_path: Path):
    case = yaml.safe_load((Path(__file__).parent / "golden" / "errors" / f"{name}.yml").read_text(encoding="utf-8"))
    apply_case(case, project)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    result = mkdocs_build(project, site)
    assert result.returncode == 1
    errors = [line.split("-  ", 1)[1] for line in result.stderr.splitlines() if line.startswith("ERROR")]
    count = len(case["expected"])
    assert errors == case["expected"] + [f"{count} problem(s) in the content, listed above. Nothing was built."]
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
