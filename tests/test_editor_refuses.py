"""What the editor's backend refuses, whatever a page that reaches it sends (hooks/bss/cms_backend.py):
it writes and removes content files only, takes images only, and answers a hostile request at once."""
from __future__ import annotations

import pytest

from bss.cms_backend import Backend, Refused
from test_editor_writes import as_sent, persist, read


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

