"""Golden tests: each case in tests/golden/errors/ breaks a copy of the content in one way and
lists, exactly, the messages a content editor must see."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bss.content import load_content
from bss.problems import ContentError

CASES = sorted((Path(__file__).parent / "golden" / "errors").glob("*.yml"))


def apply_case(case: dict, project: Path) -> None:
    for rel in case.get("remove", []):
        (project / rel).unlink()
    for rel, spec in (case.get("files") or {}).items():
        target = project / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(spec, dict):  # {text, encoding} or {hex}
            data = bytes.fromhex(spec["hex"]) if "hex" in spec else spec["text"].encode(spec["encoding"])
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


@pytest.mark.parametrize("case_file", CASES, ids=[c.stem for c in CASES])
def test_error_messages(case_file: Path, project: Path):
    case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    apply_case(case, project)
    with pytest.raises(ContentError) as info:
        load_content(project)
    assert [str(p) for p in info.value.problems] == case["expected"]


def test_there_are_enough_cases():
    assert len(CASES) >= 20


def test_shipped_content_is_valid():
    content = load_content(Path(__file__).resolve().parents[1])
    assert len(content.case_studies) >= 8
