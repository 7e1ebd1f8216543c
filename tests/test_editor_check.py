"""The editor's save check (hooks/bss/editor/save_check.py): the project's own check, run in the
editor's process, refusing only the problems a save would add, compared as Problem records."""
from __future__ import annotations

import subprocess

import pytest

from bss.editor.backend import Backend, Refused
from bss.editor.save_check import refuse_new_problems
from bss.prepare.caches import Caches
from test_editor_writes import as_sent, persist, read

CASE = "data/case-studies/echipa-mobila-cimislia.yml"
ORGANISATION = "organisation: cimislienii-de-pretutindeni\n"


def test_a_save_is_checked_in_the_editors_own_process(project, monkeypatch):
    def no_process(self, args, *more, **options):
        raise AssertionError(f"the save check started a process: {args}")
    monkeypatch.setattr(subprocess.Popen, "__init__", no_process)
    _, data = read(CASE)
    data["organisation"] = "nobody-by-this-name"
    with pytest.raises(Refused) as refused:
        persist(project, CASE, data)
    assert f"{CASE}:11: organisation: 'nobody-by-this-name' does not exist" in str(refused.value)


def test_a_problem_the_working_copy_had_does_not_block_a_save_even_moved_down(project):
    text = (project / CASE).read_text(encoding="utf-8")
    assert ORGANISATION in text
    broken = text.replace(ORGANISATION, "organisation: nobody-by-this-name\n")
    (project / CASE).write_text(broken, encoding="utf-8")  # a slip made outside the editor
    caches = Caches()
    moved = ("# a line added above the slip\n" + broken).encode()
    refuse_new_problems(project, {CASE: moved}, caches)  # the same problem, a line lower: not new
    renamed = broken.replace("programme: ssmb-2021\n", "programme: no-such-programme\n").encode()
    with pytest.raises(Refused) as refused:
        refuse_new_problems(project, {CASE: renamed}, caches)
    lines = str(refused.value).splitlines()[1:]
    assert len(lines) == 1 and lines[0].startswith(f"{CASE}:13: programme: 'no-such-programme' does not exist"), lines


def test_the_backend_keeps_one_caches_for_its_checks(project):
    backend = Backend(project)
    _, data = read(CASE)
    backend.handle({"action": "persistEntry", "params": {"dataFiles": [
        {"path": CASE, "slug": "echipa-mobila-cimislia", "raw": as_sent(data)}], "assets": []}})
    assert backend.caches.table("markdown"), "the check's Markdown converters are kept for the next save"
    checked = backend.caches.table("checked")
    assert CASE in checked, "each file's check is kept by its place and bytes, for the next save's copy"
    kept = dict(checked)
    data["locality"]["en"] = "Cimișlia"
    backend.handle({"action": "persistEntry", "params": {"dataFiles": [
        {"path": CASE, "slug": "echipa-mobila-cimislia", "raw": as_sent(data)}], "assets": []}})
    assert [rel for rel in checked if checked[rel] is not kept.get(rel)] == [CASE], "the next save reads only its file"
    assert not backend.caches.table("kept"), "no rendering kept: each check is of a new copy"


def test_a_fault_of_the_check_refuses_the_save_saying_what_it_was(project, monkeypatch):
    import bss.editor.save_check as save_check

    def broken(root, caches):
        raise RuntimeError("the templates are missing")
    monkeypatch.setattr(save_check, "prepare", broken)
    before = (project / CASE).read_bytes()
    _, data = read(CASE)
    data["locality"]["en"] = "Cimișlia"
    with pytest.raises(Refused) as refused:
        persist(project, CASE, data)
    assert refused.value.status == 422
    assert str(refused.value) == "Not saved: the check failed (RuntimeError: the templates are missing)"
    assert (project / CASE).read_bytes() == before
