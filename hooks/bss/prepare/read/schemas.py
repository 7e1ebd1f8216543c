"""Validate documents against the JSON Schemas in ``data/schemas/``: the one statement of each format.

jsonschema does the checking; this module only turns its errors into messages an editor can act
on, each pinned to the line of the offending value. It keeps nothing between calls: whoever loads
the content reads the schemas once for that load (``load_validators``) and hands them in, so a
schema edited while the live preview runs is the one the next rebuild checks against.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from babel import Locale, UnknownLocaleError
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from bss.problems import Problem
from bss.prepare.read.source import Document

_TYPE_NAMES: dict[str, str] = {
    "string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
    "array": "a list", "object": "a mapping of fields", "null": "nothing",
}


def load_validators(schema_dir: Path, languages) -> dict[str, Draft202012Validator]:
    """Every schema of ``schema_dir`` by file name, its texts held to the site's ``languages``,
    read and compiled afresh (about 15 ms): keep the result for one load of the content, not longer."""
    languages = tuple(languages)
    schemas = {f.name: json.loads(f.read_text(encoding="utf-8")) for f in sorted(Path(schema_dir).glob("*.schema.json"))}
    registry = Registry().with_resources(
        (name, Resource.from_contents(s, default_specification=DRAFT202012)) for name, s in schemas.items())
    return {
        name: Draft202012Validator(_per_language(_inline(schema, name, registry), languages), format_checker=FormatChecker())
        for name, schema in schemas.items()
    }


def _per_language(node, languages: tuple[str, ...]):
    """The schema with each mapping marked ``x-per-language`` (a text, or answers by language)
    taking exactly the site's languages, the default one required. On disk such a mapping lists
    ro and en for editors' completion and accepts any language code."""
    if isinstance(node, list):
        return [_per_language(item, languages) for item in node]
    if not isinstance(node, dict):
        return node
    node = {k: _per_language(v, languages) for k, v in node.items()}
    if node.get("x-per-language") and languages:
        one = next(iter(node.get("properties", {}).values()))
        node["properties"] = {lang: {**one, "x-expected": f"the {_language_name(lang)} text"} if one.get("type") == "string"
                              else one for lang in languages}
        node["required"] = [languages[0]]
        node["additionalProperties"] = False
        node.pop("patternProperties", None)
    return node


def _inline(node, base: str, registry: Registry):
    """The schema with every $ref replaced by its target: resolved once here, not per value checked."""
    if isinstance(node, list):
        return [_inline(item, base, registry) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        ref = node["$ref"]
        uri = ref if not ref.startswith("#") else base + ref
        name = uri.split("#")[0]
        target = registry.resolver(base_uri=base).lookup(uri).contents
        return {**_inline(target, name, registry), **{k: v for k, v in node.items() if k != "$ref"}}
    return {k: _inline(v, base, registry) for k, v in node.items() if k != "$defs"}


def _language_name(code: str) -> str | None:
    try:
        return Locale.parse(code).get_display_name("en")
    except (ValueError, UnknownLocaleError):
        return f"'{code}'"


def required_of(schema: dict, value: dict) -> set[str]:
    """The fields ``schema`` requires of ``value``: its own, and those of each condition
    (``allOf: [{if, then}]``) that ``value`` meets (a true-false question requires ``correct``)."""
    required = set(schema.get("required", []))
    for part in [schema, *(schema.get("allOf") or [])]:
        condition = part.get("if") if isinstance(part, dict) else None
        if isinstance(condition, dict) and Draft202012Validator(condition).is_valid(value):
            required.update((part.get("then") or {}).get("required", []))
    return required


def markdown_fields(doc: Document, validator: Draft202012Validator):
    """``(path, text)`` of every value in ``doc`` that its schema marks as Markdown (``x-markdown``);
    every other text is plain and shown exactly as written."""
    yield from _marked(validator.schema, doc.data, ())


def _marked(schema, data, path: tuple):
    if not isinstance(schema, dict):
        return
    if schema.get("x-markdown") and isinstance(data, dict):
        for lang, text in data.items():
            if isinstance(text, str):
                yield path + (lang,), text
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _marked(schema.get("properties", {}).get(key), value, path + (key,))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            yield from _marked(schema.get("items"), item, path + (i,))


def validate(doc: Document, validator: Draft202012Validator) -> list[Problem]:
    """Every way ``doc`` breaks the schema of ``validator`` (one of ``load_validators``)."""
    problems: list[Problem] = []
    for error in validator.iter_errors(doc.data):
        problems.extend(_explain(error, doc))
    return problems


def _leaves(error):
    """Descend into ``anyOf``/``oneOf`` to the errors that say something specific."""
    if error.context:
        best = max(error.context, key=lambda e: len(e.absolute_path))
        deepest = [e for e in error.context if len(e.absolute_path) == len(best.absolute_path)]
        return [leaf for e in deepest[:1] for leaf in _leaves(e)]
    return [error]


def _explain(error, doc: Document) -> list[Problem]:
    errors = _leaves(error) if error.validator in ("anyOf", "oneOf") else [error]
    out = []
    for err in errors:
        out.extend(_explain_one(err, doc))
    return out


@dataclass(frozen=True)
class _Failure:
    """One leaf error of the validator, with what every explanation reads of it."""

    error: Any
    doc: Document
    path: tuple
    schema: dict
    hint: str  # the schema's own ``x-expected``, said instead of the generic expectation

    @property
    def value(self) -> Any:
        return self.error.instance

    @property
    def limit(self) -> Any:
        return self.error.validator_value

    def problem(self, message: str, expected: str, path: tuple | None = None) -> Problem:
        return self.doc.problem(self.path if path is None else path, message, expected)


def _explain_one(error, doc: Document) -> list[Problem]:
    """What one failed keyword of the schema means for the editor, in words: by the keyword
    (``_EXPLAIN``), or the validator's own message for a keyword the schemas do not use yet."""
    schema = error.schema if isinstance(error.schema, dict) else {}
    failure = _Failure(error, doc, tuple(error.absolute_path), schema, schema.get("x-expected", ""))
    explain = _EXPLAIN.get(error.validator)
    return explain(failure) if explain else [failure.problem(error.message, failure.hint)]


def _required(f: _Failure) -> list[Problem]:
    return [f.problem("missing", _property_hint(f.schema, name) or "this field is required", f.path + (name,))
            for name in f.limit if isinstance(f.value, dict) and name not in f.value]


def _unknown_fields(f: _Failure) -> list[Problem]:
    allowed = sorted(f.schema.get("properties", {}))
    problems = []
    for name in f.value:
        if name in allowed:
            continue
        close = difflib.get_close_matches(name, allowed, n=1, cutoff=0.6)
        if " " in name.strip():
            expected = "a comma inside {ro: ..., en: ...} splits the text there: put each text in quotes"
        else:
            expected = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(allowed)}"
        problems.append(f.problem("unknown field", expected, f.path + (name,)))
    return problems


def _wrong_type(f: _Failure) -> list[Problem]:
    wanted: list[str] = f.limit if isinstance(f.limit, list) else [f.limit]
    return [f.problem(f"is {_describe(f.value)}", f.hint or "expected " + " or ".join(_TYPE_NAMES.get(w, w) for w in wanted))]


def _too_short(f: _Failure) -> list[Problem]:
    what = "empty" if f.limit == 1 else "too short"
    return [f.problem(f"is {what}", f.hint or f"at least {f.limit} {_unit(f.error.validator, f.limit)}")]


def _too_long(f: _Failure) -> list[Problem]:
    return [f.problem("is too long", f.hint or f"at most {f.limit} {_unit(f.error.validator, f.limit)}")]


def _too_small(f: _Failure) -> list[Problem]:
    return [f.problem(f"{f.value} is too small", f.hint or f"at least {f.limit}")]


def _too_large(f: _Failure) -> list[Problem]:
    return [f.problem(f"{f.value} is too large", f.hint or f"at most {f.limit}")]


def _dependent_required(f: _Failure) -> list[Problem]:
    return [f.problem("missing", _property_hint(f.schema, name) or f"needed because '{field}' is given", f.path + (name,))
            for field, names in f.limit.items() if isinstance(f.value, dict) and field in f.value
            for name in names if name not in f.value]


_EXPLAIN: dict[str, Callable[[_Failure], list[Problem]]] = {
    "required": _required,
    "additionalProperties": _unknown_fields,
    "unevaluatedProperties": _unknown_fields,
    "type": _wrong_type,
    "enum": lambda f: [f.problem(f"'{f.value}' is not allowed",
                                 f.hint or f"one of: {', '.join(str(v) for v in f.limit)}")],
    "const": lambda f: [f.problem(f"is {f.value!r}", f.hint or f"must be {f.limit!r}")],
    "pattern": lambda f: [f.problem(f"'{f.value}' has the wrong form", f.hint or f"text matching {f.limit}")],
    "format": lambda f: [f.problem(f"'{f.value}' is not a valid {f.limit}",
                                   f.hint or _FORMAT_HINTS.get(f.limit, f.limit))],
    "minLength": _too_short,
    "minItems": _too_short,
    "minProperties": _too_short,
    "maxLength": _too_long,
    "maxItems": _too_long,
    "minimum": _too_small,
    "exclusiveMinimum": _too_small,
    "maximum": _too_large,
    "exclusiveMaximum": _too_large,
    "not": lambda f: [f.problem(f.schema.get("x-message") or f"'{f.value}' is reserved", f.hint)],
    "dependentRequired": _dependent_required,
    "uniqueItems": lambda f: [f.problem("lists the same item twice", f.hint or "each item once")],
}


_FORMAT_HINTS: dict[str, str] = {"date": "a date written YYYY-MM-DD, e.g. 2021-02-01", "uri": "a full address such as https://example.org/"}


def _unit(kind: str, count: int) -> str:
    """What a length limit of ``count`` counts, singular or plural: "1 item", "3 characters"."""
    unit = {"minLength": "character", "maxLength": "character", "minItems": "item", "maxItems": "item",
            "minProperties": "field"}.get(kind, "")
    return unit if count == 1 or not unit else unit + "s"


def _describe(value) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, str):
        short = value if len(value) <= 40 else value[:37] + "..."
        return f"the text '{short}'"
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


def _property_hint(schema: dict, name: str) -> str:
    prop = schema.get("properties", {}).get(name, {})
    return prop.get("x-expected", "") if isinstance(prop, dict) else ""
