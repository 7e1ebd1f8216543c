"""What the editor's backend refuses, whatever a page that reaches it sends (hooks/bss/editor/backend.py):
it writes and removes content files only, takes images only, and answers a hostile request at once."""
from __future__ import annotations

import pytest

from bss.editor.backend import Backend, Refused
from test_editor_writes import as_sent, changed_lines, persist, read


def rename(project, old: str, new: str, data) -> dict:
    return Backend(project).handle({"action": "persistEntry", "params": {"dataFiles": [{
        "path": old, "newPath": new, "slug": new.rsplit("/", 1)[-1][:-4], "raw": as_sent(data)}], "assets": []}})


# -- a rename removes only a record of the same kind ------------------------------------------

@pytest.mark.parametrize("old", [
    ".git/HEAD", ".github/workflows/publish.yml", ".gitignore", "mkdocs.yml", "data/i18n/ro.yml",
    "data/schemas/partner.schema.json", "data/glossary.yml", "courses/servicii-comunitare/course.yml",
    "data/programmes/ssmb-2021.yml",  # a record, but of another collection
])
def test_a_rename_never_removes_a_file_that_is_not_a_record_of_the_same_kind(project, old):
    target = project / old
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text("ref: refs/heads/main\n", encoding="utf-8")  # reads as YAML, as .git/HEAD does
    before = target.read_bytes()
    _, data = read("data/partners/aopd.yml")
    data["id"] = "aopd-nou"
    with pytest.raises(Refused) as refused:
        rename(project, old, "data/partners/aopd-nou.yml", data)
    assert refused.value.status == 403
    assert target.read_bytes() == before and not (project / "data/partners/aopd-nou.yml").exists()


def test_a_module_does_not_move_to_another_course(project):
    old = "courses/contractarea-sociala/parteneriatul.yml"
    _, data = read(old)
    with pytest.raises(Refused) as refused:
        rename(project, old, "courses/servicii-comunitare/parteneriatul.yml", data)
    assert refused.value.status == 403 and (project / old).is_file()


def test_a_record_renamed_within_its_folder_moves(project):
    partner = {"id": "asociatia-proba", "name": {"ro": "Asociația Probă"}, "kind": "cso",
               "description": {"ro": "Text."}, "district": "MD-CA"}
    persist(project, "data/partners/asociatia-proba.yml", partner)
    rename(project, "data/partners/asociatia-proba.yml", "data/partners/asociatia-noua.yml",
           {**partner, "id": "asociatia-noua"})
    assert not (project / "data/partners/asociatia-proba.yml").exists()
    assert "id: asociatia-noua" in (project / "data/partners/asociatia-noua.yml").read_text(encoding="utf-8")


# -- media are images, by their bytes ---------------------------------------------------------

def upload(project, path: str, data: bytes) -> dict:
    import base64
    return Backend(project).handle({"action": "persistMedia", "params": {"asset": {
        "path": path, "encoding": "base64", "content": base64.b64encode(data).decode()}}})


@pytest.mark.parametrize("name, data", [
    ("pagina.md", b'<form action="/"><button data-x="1">Trimite</button></form>\n'),  # a page, with a form
    ("pagina.png", b"# A page\n\n<form></form>\n"),  # named as an image, not one
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("pagina.html", b"<script>alert(1)</script>"),
])
def test_an_upload_that_is_not_an_image_is_refused_before_anything_is_written(project, name, data):
    path = f"docs/assets/images/{name}"
    with pytest.raises(Refused) as refused:
        upload(project, path, data)
    assert refused.value.status == 415 and "PNG, JPEG or WebP" in str(refused.value)
    assert not (project / path).exists()



# -- an alias bomb is refused at once, as the build refuses it ----------------------------------

LAUGHS = "".join(f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefg", "bcdefgh"))
BOMB = "id: bomba\na: &a [x, x, x, x, x, x, x, x, x]\n" + LAUGHS + "sources: [*h, *h, *h, *h, *h, *h, *h, *h, *h]\n"


class Untouchable:
    """A save lock that fails the test if it is taken."""

    def __enter__(self):
        raise AssertionError("the save lock was taken")

    def __exit__(self, *_):
        return False


def never(name: str):
    def fail(*_args, **_kwargs):
        raise AssertionError(f"{name} was called: the aliases were expanded")
    return fail


def test_an_alias_bomb_sent_is_refused_before_the_save_lock_and_never_expanded(project, monkeypatch):
    assert len(BOMB) < 500  # 9 levels of 9: a billion values
    monkeypatch.setattr("bss.editor.backend.clean", never("clean"))
    backend = Backend(project)
    backend.lock = Untouchable()  # other saves are never held up by it
    with pytest.raises(Refused) as refused:
        backend.handle({"action": "persistEntry", "params": {"dataFiles": [
            {"path": "data/partners/bomba.yml", "raw": BOMB}]}})
    assert "aliases (*) expand this file into more than 100,000 values" in str(refused.value)
    assert not (project / "data/partners/bomba.yml").exists()


def test_a_file_on_disk_that_is_an_alias_bomb_is_never_expanded(project, monkeypatch):
    (project / "data/partners/bomba.yml").write_text(BOMB, encoding="utf-8")
    monkeypatch.setattr("bss.editor.backend.plain", never("plain"))
    with pytest.raises(Refused) as refused:
        persist(project, "data/partners/bomba.yml", {"id": "bomba"})
    assert "aliases (*) expand" in str(refused.value) and "correct it in a text editor" in str(refused.value)
    assert (project / "data/partners/bomba.yml").read_text(encoding="utf-8") == BOMB


# -- nothing typed is lost between the form and the file ---------------------------------------

def as_the_form_sends(module: dict) -> dict:
    """The form shows every box of a question and of an answer: an unticked one is sent as false."""
    for question in module["quiz"]["questions"]:
        question.setdefault("correct", False)
        for answer in question.get("answers", []):
            answer.setdefault("correct", False)
    return module


def test_a_new_true_false_question_whose_answer_is_false_is_saved(project):
    path = "courses/contractarea-sociala/costul-serviciului.yml"
    before, module = read(path)
    new = dict(next(q for q in module["quiz"]["questions"] if q["id"] == "oricare-metoda"), id="fals-nou")
    module["quiz"]["questions"].append(new)
    persist(project, path, as_the_form_sends(module))
    changed = changed_lines(before, (project / path).read_text(encoding="utf-8"))
    assert all(line.startswith("+") for line in changed) and len(changed) == 16  # the new question, nothing else
    assert [line for line in changed if "correct" in line] == ["+      correct: false"]  # its answer kept


def test_the_media_list_never_follows_a_link(project, tmp_path):
    """A link among the images (a commit can carry one) would send whatever it names to the page."""
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n not an image of the site")
    images = project / "docs/assets/images"
    (images / "sub").mkdir(parents=True)
    (images / "link.png").symlink_to(secret)
    (images / "folder").symlink_to(tmp_path)
    (images / "sub/real.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    listed = Backend(project).handle({"action": "getMedia", "params": {}})
    assert [m["path"] for m in listed] == ["docs/assets/images/sub/real.png"]


# -- only the protocol's actions are carried out ------------------------------------------------

@pytest.mark.parametrize("action", ["nope", "persist", "_info", "__init__", ["info"], {"info": 1}, None, 7, ""])
def test_an_action_the_protocol_lacks_is_refused_naming_it(project, action):
    with pytest.raises(Refused) as refused:
        Backend(project).handle({"action": action, "params": {}})
    assert refused.value.status == 422
    assert str(refused.value) == (f"Unknown action {str(action)[:40]!r}: this editor saves straight to the working "
                                  "copy (no editorial workflow)")


def test_each_action_of_the_protocol_answers(project):
    backend = Backend(project)
    assert backend.handle({"action": "info"})["type"] == "local_fs"
    assert backend.handle({"action": "getDeployPreview", "params": {}}) is None
    assert "data/partners/keystone-moldova.yml" in [e["file"]["path"] for e in backend.handle(
        {"action": "entriesByFolder", "params": {"folder": "data/partners", "extension": "yml"}})]
    entry = backend.handle({"action": "getEntry", "params": {"path": "data/glossary.yml"}})
    assert entry["data"] == (project / "data/glossary.yml").read_text(encoding="utf-8")
    assert backend.handle({"action": "entriesByFiles", "params": {"files": [
        {"path": "data/glossary.yml", "label": "G"}]}}) == [{**entry, "file": {**entry["file"], "label": "G"}}]
    assert isinstance(backend.handle({"action": "getMedia", "params": {}}), list)
