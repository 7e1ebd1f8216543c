"""The whole builds the tests share across pytest-xdist's workers (helpers.shared_build)."""
from __future__ import annotations

import pytest

from helpers import shared_build

def test_a_shared_build_is_made_once_and_every_asker_reads_the_same_site(tmp_path_factory, request):
    name, made = request.node.name, []

    def make(folder):
        made.append(folder)
        (folder / "site").mkdir()
        (folder / "site/index.html").write_text("built", encoding="utf-8")
        return folder / "site"

    first = shared_build(tmp_path_factory, name, make)
    second = shared_build(tmp_path_factory, name, make)
    assert first == second and (second / "index.html").read_text(encoding="utf-8") == "built"
    assert len(made) == 1


def test_a_failed_shared_build_fails_every_asker_with_its_message(tmp_path_factory, request):
    name, made = request.node.name, []

    def make(folder):
        made.append(folder)
        raise AssertionError("ERROR - data/x.yml:3: title: missing")

    with pytest.raises(AssertionError, match="title: missing"):
        shared_build(tmp_path_factory, name, make)
    with pytest.raises(AssertionError, match="failed in another test: .*title: missing"):
        shared_build(tmp_path_factory, name, make)
    assert len(made) == 1
