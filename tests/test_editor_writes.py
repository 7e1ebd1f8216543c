"""What the editor saves (hooks/bss/editor/yaml_writer.py, hooks/bss/editor/backend.py): unchanged lines byte for
byte, the modeline, comma-below ș ț, no unknown fields, and nothing written that `bss check` refuses."""
from __future__ import annotations

import difflib
import posixpath
import subprocess
import sys

import pytest
import yaml

from helpers import ROOT
from bss.editor.config import load_schemas
from bss.editor.backend import Backend, Refused
from bss.editor.yaml_writer import modeline, render
from bss.settings import load_settings

LANGUAGES = load_settings(ROOT).languages
SCHEMAS = load_schemas(ROOT / "data/schemas", LANGUAGES)
FILES = {  # one of each layout, with flow and block texts, Markdown blocks, comments and an alias
    "data/case-studies/echipa-mobila-cimislia.yml": "case-study.schema.json",
    "data/glossary.yml": "glossary.schema.json",
    "data/guide/costificarea.yml": "guide-chapter.schema.json",
    "courses/servicii-comunitare/dezvoltarea-serviciului.yml": "module.schema.json",
}


def as_sent(data) -> str:
    """YAML as the editor writes it: its own layout, no comments, no modeline, aliases expanded."""
    class NoAliases(yaml.SafeDumper):
        def ignore_aliases(self, _):
            return True
    return yaml.dump(data, Dumper=NoAliases, allow_unicode=True, sort_keys=True, width=60)


def read(path: str) -> tuple[str, dict]:
    text = (ROOT / path).read_text(encoding="utf-8")
    return text, yaml.load(text, Loader=_TextDates)


class _TextDates(yaml.SafeLoader):
    pass


_TextDates.yaml_implicit_resolvers = {k: [r for r in v if r[0] != "tag:yaml.org,2002:timestamp"]
                                      for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}


def save(path: str, data, schema: str, old: str | None) -> str:
    from bss.editor.yaml_writer import clean, parse_submitted, plain, round_trip
    sent = parse_submitted(as_sent(data))
    return render(old, clean(sent, SCHEMAS[schema], plain(round_trip().load(old)) if old else None), SCHEMAS[schema],
                  modeline(path, schema))


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def content_files():
    for folder in ("data", "courses"):
        for file in sorted((ROOT / folder).rglob("*.yml")):
            rel = file.relative_to(ROOT).as_posix()
            if rel.startswith(("data/i18n/", "data/schemas/")):
                continue
            yield rel


def schema_of(rel: str) -> str:
    first = (ROOT / rel).read_text(encoding="utf-8").splitlines()[0]
    return first.rsplit("/", 1)[1]


@pytest.mark.parametrize("path", list(content_files()))
def test_saving_a_file_unchanged_writes_the_same_bytes(path):
    text, data = read(path)
    assert save(path, data, schema_of(path), text) == text


@pytest.mark.parametrize("path", list(FILES))
def test_an_edit_changes_only_its_own_line(path):
    text, data = read(path)
    first_text = data.get("title") or data["terms"][0]["definition"]
    old = first_text["en"]
    first_text["en"] = old + " (edited)"
    after = save(path, data, FILES[path], text)
    removed, added = changed_lines(text, after)
    assert removed[0] == "-" and added == "+" + removed[1:].replace(old, old + " (edited)")


def test_a_file_written_in_another_style_keeps_its_style():
    path = "data/partners/aopd.yml"
    text, data = read(path)
    odd = text.replace("\n  - publisher:", "\n- publisher:").replace("\n    title:", "\n  title:") \
        .replace("\n    date:", "\n  date:").replace("\n    url:", "\n  url:")
    assert yaml.safe_load(odd) == yaml.safe_load(text)
    data["kind"] = "cso"
    after = save(path, data, "partner.schema.json", odd)
    assert changed_lines(odd, after) == ["-kind: alliance", "+kind: cso"]


def test_a_new_file_has_the_modeline_and_the_schemas_order():
    data = {"description": {"ro": "Un text.\n\nAl doilea paragraf."}, "kind": "cso", "name": {"ro": "Asociația Nouă"},
            "id": "asociatia-noua", "district": "MD-CA"}
    text = save("data/partners/asociatia-noua.yml", data, "partner.schema.json", None)
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schemas/partner.schema.json"
    assert [line.split(":")[0] for line in text.splitlines()[1:] if line and not line.startswith(" ")] == \
        ["id", "name", "kind", "description", "district"]
    assert "name: {ro: Asociația Nouă}" in text and "  ro: |\n    Un text.\n\n    Al doilea paragraf.\n" in text
    course = save("courses/servicii-comunitare/nou.yml", {"id": "nou"}, "module.schema.json", None)
    assert course.startswith("# yaml-language-server: $schema=../../data/schemas/module.schema.json\n")


def test_a_file_without_modeline_gets_one():
    path = "data/partners/aopd.yml"
    text, data = read(path)
    bare = text.split("\n", 1)[1]
    assert save(path, data, "partner.schema.json", bare) == text


def test_romanian_texts_get_comma_below_letters_and_other_texts_keep_theirs():
    path = "data/case-studies/echipa-mobila-cimislia.yml"
    text, data = read(path)
    data["summary"]["ro"] = "Şcoala şi ţara, Ţara"
    data["summary"]["en"] = "Gagauz writes ş: Çadır-Lunga, Kiriet-Lunga, Beşalma"
    data["quotes"] = [{"text": {"ro": "Aşa", "en": "So"}, "author": "Ayşe Ţurcan"}]
    after = save(path, data, "case-study.schema.json", text)
    saved = yaml.safe_load(after)
    assert saved["summary"]["ro"] == "Școala și țara, Țara"
    assert saved["summary"]["en"] == data["summary"]["en"]
    assert saved["quotes"] == [{"text": {"ro": "Așa", "en": "So"}, "author": "Ayşe Ţurcan"}]


def test_fields_the_schema_does_not_know_are_dropped():
    path = "data/partners/aopd.yml"
    text, data = read(path)
    data["titel"] = "typo"
    data["name"]["fr"] = "Alliance"
    data["sources"][0]["note"] = "x"
    data["website"] = "   "  # an empty box
    assert save(path, data, "partner.schema.json", text) == text


# -- through the backend, checked by `bss check` ---------------------------------------------

def persist(project, path: str, data) -> dict:
    return Backend(project).handle({"action": "persistEntry", "params": {
        "dataFiles": [{"path": path, "slug": posixpath.basename(path).split(".")[0], "raw": as_sent(data)}], "assets": []}})


def check(project) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bss", "check", str(project)], capture_output=True, text=True,
                          env={"PYTHONPATH": str(ROOT / "hooks")})


def test_a_saved_record_passes_the_check(project):
    partner = {"id": "asociatia-proba", "name": {"ro": "Asociaţia Probă", "en": "Test Association"}, "kind": "cso",
               "description": {"ro": "Text.", "en": "Text."}, "district": "MD-CA", "example": False}
    persist(project, "data/partners/asociatia-proba.yml", partner)
    written = (project / "data/partners/asociatia-proba.yml").read_text(encoding="utf-8")
    assert written.startswith("# yaml-language-server: $schema=../schemas/partner.schema.json\n")
    assert "Asociația" in written and "example" not in written
    result = check(project)
    assert result.returncode == 0, result.stderr


def test_a_save_the_check_refuses_writes_nothing(project):
    path = "data/case-studies/echipa-mobila-cimislia.yml"
    before = (project / path).read_bytes()
    _, data = read(path)
    data["organisation"] = "nobody-by-this-name"
    with pytest.raises(Refused) as refused:
        persist(project, path, data)
    assert f"{path}:" in str(refused.value) and "organisation: 'nobody-by-this-name' does not exist" in str(refused.value)
    assert (project / path).read_bytes() == before
    with pytest.raises(Refused):
        persist(project, "data/case-studies/new-one.yml", {"id": "new-one"})
    assert not (project / "data/case-studies/new-one.yml").exists()


def test_a_new_module_joins_its_course_and_leaves_it_when_deleted(project):
    _, module = read("courses/servicii-comunitare/dialog-si-vizibilitate.yml")
    module.update(id="modul-nou", prerequisites=[])
    course = (project / "courses/servicii-comunitare/course.yml").read_text(encoding="utf-8")
    persist(project, "courses/servicii-comunitare/modul-nou.yml", module)
    with_module = (project / "courses/servicii-comunitare/course.yml").read_text(encoding="utf-8")
    assert changed_lines(course, with_module)[1].endswith("dialog-si-vizibilitate, modul-nou]")
    Backend(project).handle({"action": "deleteFiles", "params": {"paths": ["courses/servicii-comunitare/modul-nou.yml"]}})
    assert (project / "courses/servicii-comunitare/course.yml").read_text(encoding="utf-8") == course
    assert not (project / "courses/servicii-comunitare/modul-nou.yml").exists()


def test_deleting_a_record_still_named_elsewhere_is_refused(project):
    with pytest.raises(Refused) as refused:
        Backend(project).handle({"action": "deleteFiles", "params": {"paths": ["data/partners/keystone-moldova.yml"]}})
    assert "'keystone-moldova' does not exist" in str(refused.value)
    assert (project / "data/partners/keystone-moldova.yml").is_file()


@pytest.mark.parametrize("path", ["../outside.yml", "/etc/passwd", "hooks/bss/editor/config.py", "data/schemas/partner.schema.json",
                                  "data/i18n/ro.yml", "docs/index.md", "data/partners/sub/x.yml", "mkdocs.yml"])
def test_only_content_files_can_be_written(project, path):
    with pytest.raises(Refused) as refused:
        persist(project, path, {"id": "x"})
    assert refused.value.status == 403


def test_a_link_is_never_followed(project, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (project / "data/partners/link.yml").symlink_to(tmp_path / "elsewhere" / "x.yml")
    with pytest.raises(Refused):
        persist(project, "data/partners/link.yml", {"id": "link"})
    assert not (tmp_path / "elsewhere" / "x.yml").exists()


def test_the_protocol_lists_records_as_they_are(project):
    backend = Backend(project)
    assert backend.handle({"action": "info"})["type"] == "local_fs"
    modules = backend.handle({"action": "entriesByFolder", "params": {"folder": "courses/servicii-comunitare",
                                                                      "extension": "yml", "depth": 1}})
    paths = {e["file"]["path"] for e in modules}
    assert "courses/servicii-comunitare/course.yml" not in paths  # a course's own file is not one of its modules
    assert "courses/servicii-comunitare/dialog-si-vizibilitate.yml" in paths
    entry = backend.handle({"action": "getEntry", "params": {"path": "data/glossary.yml"}})
    assert entry["data"] == (project / "data/glossary.yml").read_text(encoding="utf-8")
    with pytest.raises(Refused):
        backend.handle({"action": "unpublishedEntries", "params": {}})


def test_an_image_is_written_only_if_its_bytes_are_what_its_name_says(project):
    import base64
    import io

    from PIL import Image
    png = io.BytesIO()
    Image.new("RGB", (2, 2), "white").save(png, "PNG")
    backend = Backend(project)
    upload = {"path": "docs/assets/images/case-studies/proba.png", "encoding": "base64",
              "content": base64.b64encode(png.getvalue()).decode()}
    saved = backend.handle({"action": "persistMedia", "params": {"asset": upload}})
    assert saved["path"] == upload["path"] and (project / upload["path"]).read_bytes() == png.getvalue()
    fake = {**upload, "path": "docs/assets/images/fake.png", "content": base64.b64encode(b"<svg onload=x>").decode()}
    with pytest.raises(Refused, match="are not a PNG image"):
        backend.handle({"action": "persistMedia", "params": {"asset": fake}})
    with pytest.raises(Refused):
        backend.handle({"action": "persistMedia", "params": {"asset": {**upload, "path": "docs/index.html"}}})
    assert not (project / "docs/assets/images/fake.png").exists()


def test_renaming_a_record_others_name_is_refused(project):
    _, data = read("data/partners/keystone-moldova.yml")
    data["id"] = "keystone"
    with pytest.raises(Refused, match="'keystone-moldova' does not exist"):
        Backend(project).handle({"action": "persistEntry", "params": {"dataFiles": [{
            "path": "data/partners/keystone-moldova.yml", "newPath": "data/partners/keystone.yml", "slug": "keystone",
            "raw": as_sent(data)}], "assets": []}})
    assert (project / "data/partners/keystone-moldova.yml").is_file() and not (project / "data/partners/keystone.yml").exists()


@pytest.mark.parametrize("path", ["mkdocs.yml", "hooks/bss/editor/config.py", ".git/config", "data/i18n/ro.yml", "../etc/passwd"])
def test_only_content_and_images_can_be_read(project, path):
    with pytest.raises(Refused):
        Backend(project).handle({"action": "getEntry", "params": {"path": path}})


def test_a_case_study_saved_with_photos_passes_the_check(project):
    from photos import PHOTOS, draw_photos
    draw_photos(project)
    path = "data/case-studies/echipa-mobila-cimislia.yml"
    _, data = read(path)
    data["photos"] = [{"src": src, "alt": {"ro": f"Fotografia {i}", "en": f"Photo {i}"}} for i, src in enumerate(PHOTOS)]
    persist(project, path, data)
    assert "photos:" in (project / path).read_text(encoding="utf-8")
    result = check(project)
    assert result.returncode == 0, result.stderr
