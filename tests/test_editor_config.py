"""The editor's configuration, generated from the collections and the JSON Schemas (hooks/bss/editor/config.py):
a widget per schema construct, pickers for the values that name other records, and a schema or
language change that shows with no other edit."""
from __future__ import annotations

import json

import yaml

from helpers import ROOT
from bss.editor.config import cms_config, config_yaml
from bss.editor.fields import Context, fields
from bss.settings import Languages

LANGS = Languages(("ro", "en"), ("Română", "English"))


def _by_name(items: list[dict]) -> dict[str, dict]:
    return {f["name"]: f for f in items}


def _has(field: dict, expected: dict) -> bool:
    return {k: field.get(k) for k in expected} == expected


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def test_a_widget_for_each_schema_construct():
    text = {"type": "object", "x-per-language": True, "required": ["ro"],
            "properties": {"ro": {"type": "string"}, "en": {"type": "string"}}}
    schema = {
        "type": "object", "required": ["id", "title", "body", "kind", "when", "count", "items"],
        "properties": {
            "id": {"type": "string", "pattern": "^[a-z]+$", "x-expected": "a slug"},
            "title": text,
            "body": {**text, "x-markdown": True, "description": "Markdown"},
            "kind": {"enum": ["a", "b"]},
            "flag": {"type": "boolean", "description": "yes or no"},
            "when": {"type": "string", "format": "date"},
            "count": {"type": "integer", "minimum": 0, "maximum": 9},
            "share": {"type": "number"},
            "period": {"type": "object", "required": ["start"], "properties": {"start": {"type": "string"}}},
            "items": {"type": "array", "minItems": 1, "items": {"type": "object", "required": ["id"],
                                                                 "properties": {"id": {"type": "string"}, "label": text}}},
            "texts": {"type": "array", "items": text},
            "tags": {"type": "array", "items": {"type": "string"}},
        },
    }
    got = _by_name(fields(schema, Context(LANGS)))
    assert got["id"]["widget"] == "string" and got["id"]["pattern"] == ["^[a-z]+$", "a slug"] and got["id"]["required"]
    assert got["id"]["hint"] == "a slug"
    assert got["title"]["widget"] == "object"
    assert [(f["name"], f["label"], f["widget"], f["required"]) for f in got["title"]["fields"]] == [
        ("ro", "Română", "string", True), ("en", "English", "string", False)]
    assert [f["widget"] for f in got["body"]["fields"]] == ["markdown", "markdown"] and got["body"]["hint"] == "Markdown"
    assert got["kind"]["widget"] == "select" and got["kind"]["options"] == ["a", "b"]
    assert got["flag"]["widget"] == "boolean" and not got["flag"]["required"] and got["flag"]["hint"] == "yes or no"
    assert got["when"]["widget"] == "datetime" and got["when"]["format"] == "YYYY-MM-DD" and got["when"]["time_format"] is False
    assert (got["count"]["widget"], got["count"]["value_type"], got["count"]["min"], got["count"]["max"]) == ("number", "int", 0, 9)
    assert got["share"]["value_type"] == "float"
    # An optional object's required field is not forced on the form (the check on saving says it).
    assert got["period"]["widget"] == "object" and not _by_name(got["period"]["fields"])["start"]["required"]
    assert got["items"]["widget"] == "list" and got["items"]["min"] == 1
    assert _by_name(got["items"]["fields"])["id"]["required"]  # a list item, once added, exists
    assert got["items"]["summary"] == "{{fields.id}} · {{fields.label.ro}}"
    assert [f["name"] for f in got["texts"]["fields"]] == ["ro", "en"]
    assert got["tags"]["widget"] == "list" and got["tags"]["field"]["widget"] == "string"


def test_values_that_name_other_records_are_picked_from_them():
    config = cms_config(ROOT)
    case = _by_name(_collection(config, "case-studies")["fields"])
    assert _has(case["organisation"], {"widget": "relation", "collection": "partners", "value_field": "id",
                                         "display_fields": ["name.ro"], "multiple": False})
    assert case["programme"]["collection"] == "programmes" and case["programme"]["display_fields"] == ["title.ro"]
    assert _has(case["service_type"], {"widget": "relation", "collection": "service-types", "file": "service-types",
                                         "value_field": "terms.*.id", "display_fields": ["terms.*.name.ro"]})
    assert case["target_groups"]["multiple"] is True and case["target_groups"]["min_items"] == 1
    districts = case["districts"]
    assert districts["widget"] == "select" and districts["multiple"] is True
    assert {"label": "Cahul (MD-CA)", "value": "MD-CA"} in districts["options"]
    assert len(districts["options"]) == len((ROOT / "data/administrative-units.csv").read_text(encoding="utf-8").splitlines()) - 1
    programme = _by_name(_collection(config, "programmes")["fields"])
    assert programme["funders"]["collection"] == "partners" and programme["funders"]["multiple"] is True
    sections = _by_name(_by_name(_collection(config, "guide")["fields"])["sections"]["fields"])
    assert sections["legal"]["collection"] == "legal-acts" and sections["case_studies"]["collection"] == "case-studies"


def test_every_content_type_has_its_collection():
    config = cms_config(ROOT)
    names = {c["name"]: c for c in config["collections"]}
    for name, folder in (("partners", "data/partners"), ("case-studies", "data/case-studies"),
                         ("programmes", "data/programmes"), ("guide", "data/guide")):
        assert names[name]["folder"] == folder and names[name]["extension"] == "yml" and names[name]["create"]
        assert names[name]["identifier_field"] == "id" and names[name]["editor"] == {"preview": False}
    for name, file in (("glossary", "data/glossary.yml"), ("legal-acts", "data/legal-acts.yml"),
                       ("service-types", "data/service-types.yml"), ("target-groups", "data/target-groups.yml")):
        assert names[name]["files"][0]["file"] == file
    courses = sorted(p.name for p in (ROOT / "courses").iterdir() if (p / "course.yml").is_file())
    assert [f["file"] for f in names["courses"]["files"]] == [f"courses/{c}/course.yml" for c in courses]
    for course in courses:
        assert names[f"modules-{course}"]["folder"] == f"courses/{course}"
        assert names[f"modules-{course}"]["preview_path"] == f"cursuri/{course}/{{{{slug}}}}/"
    assert names["case-studies"]["preview_path"] == "studii-de-caz/{{slug}}/"
    assert config["backend"] == {"name": "proxy", "proxy_url": "/api/v1", "branch": "main"}
    assert yaml.safe_load(config_yaml(config)) == config  # the file says it is generated, and reads back whole


def test_a_schema_change_shows_with_no_other_edit(project):
    schema_file = project / "data/schemas/partner.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["founded"] = {"type": "integer", "minimum": 1990, "description": "The year it was founded"}
    schema["properties"]["motto"] = {"$ref": "common.schema.json#/$defs/text"}
    schema["required"].append("founded")
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    partner = _by_name(_collection(cms_config(project), "partners")["fields"])
    assert _has(partner["founded"], {"widget": "number", "value_type": "int", "min": 1990, "required": True,
                                       "hint": "The year it was founded"})
    assert [f["name"] for f in partner["motto"]["fields"]] == ["ro", "en"]
    assert list(partner)[-2:] == ["founded", "motto"]  # in the schema's order


def test_the_languages_come_from_mkdocs_yml(project):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace(
        "        - locale: en\n", "        - locale: ru\n          name: Русский\n          build: true\n        - locale: en\n"),
        encoding="utf-8")
    title = _by_name(_collection(cms_config(project), "partners")["fields"])["name"]
    assert [(f["name"], f["label"]) for f in title["fields"]] == [("ro", "Română"), ("ru", "Русский"), ("en", "English")]


def test_a_team_backend_comes_from_mkdocs_yml(project):
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace(
        "extra:\n", "extra:\n  editor:\n    backend: {name: github, repo: example/site, branch: main}\n"
                     "    publish_mode: editorial_workflow\n"), encoding="utf-8")
    config = cms_config(project)
    assert config["backend"] == {"name": "github", "repo": "example/site", "branch": "main"}
    assert config["publish_mode"] == "editorial_workflow"  # each save a pull request, checked by CI
    local = cms_config(project, backend={"name": "proxy", "proxy_url": "/api/v1"})  # what `make edit` serves
    assert "publish_mode" not in local


def test_the_editor_speaks_the_sites_default_language_lists_by_title_and_offers_no_example_switch():
    config = cms_config(ROOT)
    assert config["locale"] == "ro"  # Decap's own Romanian interface
    for name, title in (("case-studies", "title.ro"), ("partners", "name.ro"), ("modules-servicii-comunitare", "title.ro")):
        collection = _collection(config, name)
        first = collection["sortable_fields"][0]
        assert first["field"] == title and first["default_sort"] is True, name
        assert "example" not in _by_name(collection["fields"]), name  # every save with it on was refused
