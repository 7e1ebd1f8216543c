"""Form fields for the editor (Decap CMS widgets), one per JSON-Schema property: no field is written
by hand, so a schema change shows in the editor with no other edit.

The schema constructs and the widget each becomes:

- a per-language mapping (``x-per-language``: ``$defs/text``, ``$defs/markdown``, accepted answers):
  an ``object`` with one subfield per site language, labelled with the language's name, the
  default language required; ``markdown`` subfields for ``x-markdown`` texts, ``list`` subfields
  for per-language lists, ``string`` or ``text`` for plain texts;
- ``enum``: ``select``; ``boolean``: ``boolean``; ``integer``/``number``: ``number``;
  ``format: date``: ``datetime`` storing ``YYYY-MM-DD``; other strings: ``string``, with the
  schema's ``pattern`` checked in the form;
- an object: ``object``; a list: ``list`` (of subfields, or of single values);
- a value that names a record of another collection (the collection's ``references``): a
  ``relation`` picker of existing ids showing their titles, or a ``select`` of the districts.

A field is marked required only where the schema requires it and its parent always exists (the
record, a required object, a list item); ``description`` and ``x-expected`` become its hint.
A property marked ``"x-editor": false`` has no field (``example``: records in data/ are real).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import AbstractSet, Any, Callable

from bss.settings import Languages

# Plain texts short enough for a one-line box; every other plain text gets a growing text area.
ONE_LINE = {"name", "title", "short_title", "short_name", "term", "locality", "label", "role", "author",
            "publisher", "alt", "caption", "authority"}
# Markdown as written: the rich-text mode would rewrite it on saving (escaping the [[references]]).
MARKDOWN = {"widget": "markdown", "modes": ["raw"], "editor_components": []}
DATE = {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "YYYY-MM-DD", "time_format": False,
        "picker_utc": True}


@dataclass
class Context:
    """What the fields of one collection need beyond its schema: the site's languages, where
    its values name other records (``references`` as in ``Collection``: a path, ``"*"`` for list
    items), and how to pick each kind of record (``pickers``: target key -> widget options)."""

    languages: Languages
    references: dict[tuple, str] = field(default_factory=dict)
    pickers: dict[str, Callable[[bool], dict]] = field(default_factory=dict)
    generic: set[str] = field(default_factory=set)  # hints shared by every text: said once, not on each field
    generic_ids: set[str] = field(default_factory=set)  # hints of an id that a picker makes needless


def fields(schema: dict, ctx: Context, path: tuple = (), definite: bool = True) -> list[dict]:
    """A field for each property of the object ``schema``, in the schema's order, but those the
    schema keeps out of the editor (``"x-editor": false``)."""
    required = set(schema.get("required", []))
    return [one(name, prop, ctx, path + (name,), definite and name in required)
            for name, prop in (schema.get("properties") or {}).items()
            if isinstance(prop, dict) and prop.get("x-editor", True) is not False]


def one(name: str, schema: dict, ctx: Context, path: tuple, required: bool) -> dict:
    base = {"name": name, "label": label(name, schema), "required": required}
    picked = ctx.references.get(path) in ctx.pickers or ctx.references.get(path + ("*",)) in ctx.pickers
    hint = hint_of(schema, ctx.generic | (ctx.generic_ids | {schema.get("x-expected", "")} if picked else set()))
    if hint:
        base["hint"] = hint
    return {**base, **widget(name, schema, ctx, path, required)}


def widget(name: str, schema: dict, ctx: Context, path: tuple, required: bool) -> dict:
    target = ctx.references.get(path)
    if target in ctx.pickers:
        return ctx.pickers[target](False)
    if schema.get("x-per-language"):
        return {"widget": "object", "collapsed": False, "fields": per_language(name, schema, ctx, required)}
    if "enum" in schema:
        return {"widget": "select", "options": [str(v) for v in schema["enum"]]}
    kind = schema.get("type")
    if kind == "boolean":
        return {"widget": "boolean", "default": False}
    if kind in ("integer", "number"):
        out = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
        out.update({k: schema[s] for k, s in (("min", "minimum"), ("max", "maximum")) if s in schema})
        return {**out, "step": 1} if kind == "integer" else out
    if kind == "object":
        return {"widget": "object", "collapsed": False, "fields": fields(schema, ctx, path, required)}
    if kind == "array":
        return array(name, schema, ctx, path)
    if schema.get("format") == "date":
        return dict(DATE)
    return string(schema)


def string(schema: dict) -> dict:
    out: dict[str, Any] = {"widget": "string"}
    if "pattern" in schema:
        out["pattern"] = [schema["pattern"], schema.get("x-expected") or f"text matching {schema['pattern']}"]
    return out


def array(name: str, schema: dict, ctx: Context, path: tuple) -> dict:
    items = schema["items"] if isinstance(schema.get("items"), dict) else {}
    counts = {k: schema[s] for k, s in (("min", "minItems"), ("max", "maxItems")) if s in schema}
    target = ctx.references.get(path + ("*",))
    if target in ctx.pickers:
        picker = ctx.pickers[target](True)
        return {**picker, **{f"{k}_items": v for k, v in counts.items()}} if picker["widget"] == "relation" else picker
    out = {"widget": "list", "collapsed": True, "label_singular": label(singular(name), {}), **counts}
    if items.get("x-per-language"):
        return {**out, "collapsed": False, "fields": per_language(name, items, ctx, True),
                "summary": "{{fields.%s}}" % ctx.languages.default}
    if items.get("type") == "object" or "properties" in items:
        sub = fields(items, ctx, path + ("*",), True)
        return {**out, "fields": sub, "summary": summary(items, ctx)} if sub else out
    return {**out, "collapsed": False, "field": {"name": singular(name), "label": label(singular(name), items),
                                                 **widget(singular(name), items, ctx, path + ("*",), True)}}


def per_language(name: str, schema: dict, ctx: Context, required: bool) -> list[dict]:
    """A subfield per site language, labelled with the language's name; the default one required
    where the mapping is (an optional text is checked on saving, not forced on the form)."""
    props = schema.get("properties") or {}
    out = []
    for code, language in zip(ctx.languages.codes, ctx.languages.names):
        item = props.get(code) or next(iter(props.values()), {"type": "string"})
        if item.get("type") == "array":
            inner = {"widget": "list", "collapsed": False,
                     "field": {"name": "item", "label": language, "widget": "string"}}
        elif schema.get("x-markdown"):
            inner = dict(MARKDOWN)
        else:
            inner = {"widget": "string" if name in ONE_LINE else "text"}
        out.append({"name": code, "label": language, "required": required and code == ctx.languages.default, **inner})
    return out


def summary(items: dict, ctx: Context) -> str:
    """What a collapsed list item shows: its id and its title or first text."""
    props = items.get("properties") or {}
    text = next((k for k, v in props.items() if isinstance(v, dict) and v.get("x-per-language")), None)
    first = next((k for k, v in props.items() if isinstance(v, dict) and v.get("type") == "string"), None)
    parts = (["{{fields.id}}"] if "id" in props else []) + (
        ["{{fields.%s.%s}}" % (text, ctx.languages.default)] if text else (["{{fields.%s}}" % first] if first and first != "id" else []))
    return " · ".join(parts) or "{{fields.%s}}" % next(iter(props), "id")


def title_field(schema: dict) -> str | None:
    """The property that names a record: its first per-language plain text (name, title, term)."""
    for key, prop in (schema.get("properties") or {}).items():
        if isinstance(prop, dict) and prop.get("x-per-language") and not prop.get("x-markdown"):
            return key
    return None


def label(name: str, schema: dict) -> str:
    return schema.get("title") or name.replace("_", " ").capitalize()


def singular(name: str) -> str:
    for plural, one_ in (("ies", "y"), ("sses", "ss"), ("s", "")):
        if name.endswith(plural) and len(name) > len(plural) + 1:
            return name[: -len(plural)] + one_
    return name


def hint_of(schema: dict, skip: AbstractSet[str] = frozenset()) -> str:
    parts = [schema.get("description", ""), schema.get("x-expected", "")]
    return " — ".join(p.rstrip(".") for p in parts if p and p not in skip).strip()
