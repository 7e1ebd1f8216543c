"""The editor's configuration (Decap CMS's ``config.yml``), generated from what the core declares.

Nothing here is written per content type: each ``Collection`` (content.py) gives where its
records live and what its values name, each JSON Schema gives the fields (fields.py), and
mkdocs.yml gives the languages and the site's address. A new schema property, a new collection
or a new language shows in the editor with no edit here.

- a collection of one file per record (``data/partners/<id>.yml``): a folder collection;
- a list in one file (``data/glossary.yml``): a file collection with that one file;
- courses (a folder per course): a file collection of the ``course.yml`` files, and a folder
  collection of modules per course.

``cms_config`` is pure: it reads the project's files and returns a dict; the build writes it to
``site/admin/config.yml`` and the local editing server serves it fresh on every load.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable

import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from bss.editor.fields import Context, fields, singular, title_field
from bss.editor.fields import label as field_label
from bss.prepare.read.collections import Collection
from bss.prepare.content.load import COLLECTIONS
from bss.prepare.content.courses import MODULES
from bss.prepare.pages.links import PAGES
from bss.problems import Problem
from bss.prepare.read.schemas import _inline, _per_language  # the checks' own reading of the schemas
from bss.settings import CONFIG, Languages, load_settings
from bss.settings import _read as read_config  # mkdocs.yml as MkDocs reads it, INHERIT followed
from bss.text import sort_key
from bss.prepare.content.units import load_units

LOCAL_API = "/api/v1"  # where the local editing server answers, on the editor's own origin
LOCAL = {"name": "proxy", "proxy_url": LOCAL_API, "branch": "main"}  # Decap's backend for it
LAYOUT_ORDER = ("files", "folders", "list")  # records first, then courses, then the lists
# The page each record has, for the editor's "view preview" link (links.PAGES gives its address).
PAGE_KINDS = {"partners": "partner", "programmes": "programme", "case-studies": "case-study", "guide": "chapter",
              "modules": "module"}


def load_schemas(schema_dir: Path, languages: Languages) -> dict[str, dict]:
    """Every schema, its ``$ref``s inlined and its per-language mappings holding the site's
    languages, read afresh (the checks cache theirs for the length of a build)."""
    raw = {f.name: json.loads(f.read_text(encoding="utf-8")) for f in sorted(Path(schema_dir).glob("*.schema.json"))}
    registry = Registry().with_resources(
        (name, Resource.from_contents(s, default_specification=DRAFT202012)) for name, s in raw.items())
    return {name: _per_language(_inline(s, name, registry), tuple(languages)) for name, s in raw.items()}


def cms_config(root: Path, config: str = CONFIG, backend: dict | None = None, site_url: str | None = None) -> dict:
    """The whole configuration. ``backend`` defaults to the ``extra.editor.backend`` of mkdocs.yml,
    else to the local editing server (``make edit``); ``site_url`` to mkdocs.yml's."""
    root = Path(root)
    settings = load_settings(root, config)
    langs = settings.languages
    schemas = load_schemas(root / "data" / "schemas", langs)
    common = json.loads((root / "data" / "schemas" / "common.schema.json").read_text(encoding="utf-8"))["$defs"]
    ctx = Context(langs, pickers=_pickers(root, langs, schemas),
                  generic={common["text"].get("description", ""), common["text"].get("x-expected", "")},
                  generic_ids={common["id"].get("description", ""), common["id"].get("x-expected", "")})
    collections = []
    for coll in sorted(COLLECTIONS, key=lambda c: LAYOUT_ORDER.index(c.layout)):
        if coll.layout == "files":
            collections.append(_folder(coll, coll.path, coll.key, _title(coll.label), schemas, ctx, langs))
        elif coll.layout == "list":
            collections.append(_list_file(coll, schemas, ctx))
        else:
            collections.extend(_courses(root, coll, schemas, ctx, langs))
    chosen = backend or editor_backend(root, config)
    out = {
        "backend": chosen,
        # Saves as pull requests, for a team: only through a repository host, never the local server.
        **({"publish_mode": _editor(root, config)["publish_mode"]}
           if chosen.get("name") != LOCAL["name"] and _editor(root, config).get("publish_mode") else {}),
        "site_url": (site_url if site_url is not None else settings.site_url).rstrip("/") or "/",
        "locale": langs.default,  # Decap's interface in the site's default language (it has ro and en)
        "media_folder": "docs/assets/images",
        "public_folder": "",
        "slug": {"encoding": "ascii", "clean_accents": True},
        "collections": collections,
    }
    return out


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data) -> bool:  # every field written out: the file is read by people too
        return True


def config_yaml(config: dict) -> str:
    head = "# Generated from data/schemas/ and mkdocs.yml by hooks/bss/editor/config.py: do not edit.\n"
    return head + yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=120)


def editor_backend(root: Path, config: str = CONFIG) -> dict:
    """How the editor reaches the content: ``extra.editor.backend`` of mkdocs.yml (a repository
    host, for a team: see the README), else the local editing server of ``make edit``."""
    return team_backend(root, config) or dict(LOCAL)


def team_backend(root: Path, config: str = CONFIG) -> dict | None:
    """The repository host a team edits through (``extra.editor.backend``), if one is configured:
    only then does a public build publish the editor."""
    backend = _editor(root, config).get("backend")
    return dict(backend) if isinstance(backend, dict) and backend.get("name") not in (None, LOCAL["name"]) else None


def _editor(root: Path, config: str) -> dict:
    return (read_config(Path(root) / config).get("extra") or {}).get("editor") or {}


def _title(label: str) -> str:
    return label[:1].upper() + label[1:]


def _common(coll: Collection, ctx: Context) -> Context:
    return Context(ctx.languages, dict(coll.references), ctx.pickers, ctx.generic, ctx.generic_ids)


def _folder(coll: Collection, folder: str, name: str, label: str, schemas: dict, ctx: Context,
            langs: Languages) -> dict:
    schema = schemas[coll.schema]
    title = title_field(schema)
    out = {
        "name": name, "label": label, "label_singular": _title(_singular_label(coll)),
        "description": schema.get("description", ""),
        "folder": folder, "extension": "yml", "format": "yml", "create": True, "delete": True,
        "identifier_field": "id", "slug": "{{slug}}",
        "summary": "{{fields.%s.%s}} ({{fields.id}})" % (title, langs.default) if title else "{{fields.id}}",
        "sortable_fields": ([{"field": f"{title}.{langs.default}", "label": field_label(title, schema["properties"][title]),
                              "default_sort": True}] if title else []) + ["id"],  # listed by title, as readers know them
        "editor": {"preview": False},
        "fields": fields(schema, _common(coll, ctx)),
    }
    kind = PAGE_KINDS.get(coll.key)
    if kind:
        course = folder.split("/", 1)[1] + "/" if coll.key == "modules" else ""
        out["preview_path"] = PAGES[kind].replace("{id}", course + "{{slug}}").removesuffix(".md") + "/"
    return out


def _singular_label(coll: Collection) -> str:
    words = (coll.label or coll.key).split()
    return " ".join(words[:-1] + [singular(words[-1])])


def _list_file(coll: Collection, schemas: dict, ctx: Context) -> dict:
    schema = schemas[coll.schema]
    return {
        "name": coll.key, "label": _title(coll.label), "description": schema.get("description", ""),
        "editor": {"preview": False},
        "files": [{"name": coll.key, "label": _title(coll.label), "file": coll.path,
                   "fields": fields(schema, _common(coll, ctx))}],
    }


def _courses(root: Path, coll: Collection, schemas: dict, ctx: Context, langs: Languages) -> list[dict]:
    """The courses' own files, then one collection of modules per course."""
    folders = sorted(p for p in (root / coll.path).iterdir() if (p / coll.index).is_file()) \
        if (root / coll.path).is_dir() else []
    titles = {f.name: _course_title(f / coll.index, langs.default) for f in folders}
    schema = schemas[coll.schema]
    out = [{
        "name": coll.key, "label": _title(coll.label), "description": schema.get("description", ""),
        "editor": {"preview": False},
        "files": [{"name": f.name, "label": titles[f.name], "file": f"{coll.path}/{f.name}/{coll.index}",
                   "preview_path": PAGES["course"].replace("{id}", f.name).removesuffix("index.md"),
                   "fields": fields(schema, _common(coll, ctx))} for f in folders],
    }]
    children = coll.children or MODULES
    for f in folders:
        out.append(_folder(children, f"{coll.path}/{f.name}", f"{children.key}-{f.name}",
                           f"{_title(children.label)}: {titles[f.name]}", schemas, ctx, langs))
    return out


def _course_title(file: Path, lang: str) -> str:
    try:
        data = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
        title = data.get("title") or {}
        return str(title.get(lang) if isinstance(title, dict) else title) or file.parent.name
    except (OSError, yaml.YAMLError, AttributeError):
        return file.parent.name


def _pickers(root: Path, langs: Languages, schemas: dict) -> dict[str, Callable[..., dict]]:
    """How a value naming a record of each collection is picked: from the records' ids, showing
    their titles in the default language; a district from the administrative units."""
    lang = langs.default
    pickers: dict[str, Callable[..., dict]] = {}
    for coll in COLLECTIONS:
        if coll.layout == "folders":
            continue  # modules are named course/module: written, not picked
        schema = schemas[coll.schema]
        if coll.layout == "list":
            schema = schema["properties"][coll.list_key]["items"]
        title = title_field(schema) or "id"
        shown = f"{title}.{lang}" if title != "id" else "id"
        if coll.layout == "files":
            spec = {"widget": "relation", "collection": coll.key, "value_field": "id",
                    "search_fields": [shown, "id"], "display_fields": [shown]}
        else:
            base = f"{coll.list_key}.*"
            spec = {"widget": "relation", "collection": coll.key, "file": coll.key, "value_field": f"{base}.id",
                    "search_fields": [f"{base}.{shown}", f"{base}.id"], "display_fields": [f"{base}.{shown}"]}
        pickers[coll.key] = lambda multiple, spec=spec: {**spec, "multiple": multiple, "options_length": 100}
    problems: list[Problem] = []
    units = load_units(root, langs, problems)
    options = [{"label": f"{u.name.get(lang)[0]} ({code})", "value": code} for code, u in sorted(
        units.items(), key=lambda item: sort_key(item[1].name.get(lang)[0], lang))]
    pickers["units"] = lambda multiple: {"widget": "select", "options": options, "multiple": multiple}
    return pickers
