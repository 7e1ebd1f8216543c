"""What one build keeps for the next (bss.prepare.caches): text stored on disk is made once for
every build and never trusted from a folder another user can write to; what two stages of one build
share goes with that build."""
from __future__ import annotations

import gc
import os
import sys
import tempfile
import weakref

import pytest

from helpers import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from bss.prepare.caches import Caches, private_folder  # noqa: E402
from bss.prepare.pages import qr  # noqa: E402


STORE = f"bss-stored-{os.getuid()}"  # the store's folder under the temporary folder (the site builds on Debian)


@pytest.fixture
def temporary(tmp_path, monkeypatch):
    """A temporary folder of the test's own, as the builds' shared one."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    return tmp_path


def made(log: list, text: str):
    return lambda: log.append(text) or text


def test_stored_text_is_made_once_for_every_build(temporary):
    log: list[str] = []
    assert Caches().stored("kind", "key one", made(log, "made")) == "made"
    assert Caches().stored("kind", "key one", made(log, "again")) == "made"  # the next build reads it
    assert Caches().stored("kind", "key two", made(log, "other")) == "other"  # another key: made
    assert log == ["made", "other"]
    assert not list(temporary.rglob("*.tmp"))  # written whole: no scratch file left


def test_text_stored_in_a_folder_others_can_write_to_is_not_trusted(temporary):
    folder = temporary / STORE
    folder.mkdir()
    folder.chmod(0o777)  # as if made by someone else for anyone to fill
    assert private_folder("bss-stored") is None
    log: list[str] = []
    Caches().stored("kind", "key", made(log, "one"))
    Caches().stored("kind", "key", made(log, "two"))
    assert log == ["one", "two"] and not list(folder.iterdir())  # made each build, nothing written there


def test_a_link_planted_where_the_store_goes_is_not_followed(temporary, tmp_path_factory):
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (temporary / STORE).symlink_to(elsewhere, target_is_directory=True)
    assert private_folder("bss-stored") is None
    Caches().stored("kind", "key", lambda: "made")
    assert not list(elsewhere.iterdir())


def test_an_unreadable_stored_file_is_made_again(temporary):
    caches = Caches()
    caches.stored("kind", "key", lambda: "good")
    stored, = (caches.store / "kind").iterdir()
    stored.write_bytes(b"\xff\xfe not text")
    assert Caches().stored("kind", "key", lambda: "made again") == "made again"
    assert Caches().stored("kind", "key", lambda: "not asked") == "made again"
    stored.write_text("")  # as a reader might find it between another writer's open and write
    assert Caches().stored("kind", "key", lambda: "made once more") == "made once more"


def test_a_qr_code_is_drawn_once_for_every_build_and_the_same_as_drawn_anew(temporary, monkeypatch):
    url = "https://example.org/g/costuri/"
    inline, file = qr.inline(url, Caches()), qr.file(url, "Costuri", Caches())
    assert inline == qr.inline(url) and file == qr.file(url, "Costuri")  # kept as drawn
    monkeypatch.setattr(qr.segno, "make", lambda *a, **k: pytest.fail("drawn again"))
    assert qr.inline(url, Caches()) == inline and qr.file(url, "Costuri", Caches()) == file
    with pytest.raises(pytest.fail.Exception):
        qr.file(url, "Another title", Caches())  # the title is in the file: another drawing


def test_what_two_stages_of_a_build_share_is_made_once_and_goes_with_the_build(temporary):
    class Build:  # stands for an object made per build (its Links)
        pass
    caches, build, log = Caches(), Build(), []
    assert caches.while_alive(build, "banks", made(log, "one")) == "one"
    assert caches.while_alive(build, "banks", made(log, "two")) == "one"
    assert caches.while_alive(Build(), "banks", made(log, "three")) == "three"  # another build's
    finished = weakref.ref(build)
    del build
    gc.collect()
    assert finished() is None  # the preview's caches keep nothing of a finished build alive
