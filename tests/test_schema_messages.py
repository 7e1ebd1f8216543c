"""What each keyword of JSON Schema says to an editor when a value breaks it
(hooks/bss/prepare/read/schemas.py, ``_EXPLAIN``: keyword -> explanation): one case per keyword the
schemas use, and the validator's own words for one they do not."""
from __future__ import annotations

import pytest
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from bss.prepare.read.schemas import validate
from bss.prepare.read.source import read_text

CASES = [
    ({"type": "object", "required": ["a", "b"], "properties": {"a": {"x-expected": "an A"}}}, {"c": 1},
     ["x.yml:1: a: missing (an A)", "x.yml:1: b: missing (this field is required)"]),
    ({"type": "object", "properties": {"title": {}, "name": {}}, "additionalProperties": False},
     {"titel": 1, "foo bar": 2, "zzz": 3},
     ["x.yml:1: foo bar: unknown field (a comma inside {ro: ..., en: ...} splits the text there: put each text in quotes)",
      "x.yml:2: titel: unknown field (did you mean 'title'?)", "x.yml:3: zzz: unknown field (known fields: name, title)"]),
    ({"type": "object", "properties": {"a": {}}, "unevaluatedProperties": False}, {"b": 1},
     ["x.yml:1: b: unknown field (known fields: a)"]),
    ({"properties": {"a": {"type": ["string", "null"]}, "b": {"type": "integer", "x-expected": "X"}}}, {"a": 5, "b": "t" * 50},
     ["x.yml:1: a: is the number 5 (expected text or nothing)", f"x.yml:2: b: is the text '{'t' * 37}...' (X)"]),
    ({"properties": {"a": {"enum": [1, "x"]}, "b": {"const": 3}, "c": {"pattern": "^a$"}, "d": {"format": "date"},
                     "f": {"format": "email"}}}, {"a": 2, "b": 4, "c": "b", "d": "x", "f": "z"},
     ["x.yml:1: a: '2' is not allowed (one of: 1, x)", "x.yml:2: b: is 4 (must be 3)",
      "x.yml:3: c: 'b' has the wrong form (text matching ^a$)",
      "x.yml:4: d: 'x' is not a valid date (a date written YYYY-MM-DD, e.g. 2021-02-01)",
      "x.yml:5: f: 'z' is not a valid email (email)"]),
    ({"properties": {"b": {"minLength": 3}, "c": {"minItems": 1}, "d": {"minProperties": 1},
                     "e": {"maxLength": 2}, "f": {"maxItems": 1}}}, {"b": "x", "c": [], "d": {}, "e": "xxx", "f": [1, 2]},
     ["x.yml:1: b: is too short (at least 3 characters)", "x.yml:2: c: is empty (at least 1 item)",
      "x.yml:3: d: is empty (at least 1 field)", "x.yml:4: e: is too long (at most 2 characters)",
      "x.yml:5: f: is too long (at most 1 item)"]),
    ({"properties": {"a": {"minimum": 3}, "b": {"exclusiveMinimum": 3}, "c": {"maximum": 3}, "d": {"exclusiveMaximum": 3}}},
     {"a": 1, "b": 3, "c": 5, "d": 3},
     ["x.yml:1: a: 1 is too small (at least 3)", "x.yml:2: b: 3 is too small (at least 3)",
      "x.yml:3: c: 5 is too large (at most 3)", "x.yml:4: d: 3 is too large (at most 3)"]),
    ({"properties": {"a": {"not": {"const": "x"}}, "b": {"not": {"const": "y"}, "x-message": "is bad", "x-expected": "hint"}}},
     {"a": "x", "b": "y"}, ["x.yml:1: a: 'x' is reserved", "x.yml:2: b: is bad (hint)"]),
    ({"dependentRequired": {"a": ["b", "c"]}}, {"a": 1, "c": 1}, ["x.yml:1: b: missing (needed because 'a' is given)"]),
    ({"properties": {"a": {"uniqueItems": True, "x-expected": "each once"}}}, {"a": [1, 1]},
     ["x.yml:1: a: lists the same item twice (each once)"]),
    ({"properties": {"b": {"multipleOf": 2}}}, {"b": 3}, ["x.yml:1: b: 3 is not a multiple of 2"]),
    ({"properties": {"a": {"anyOf": [{"type": "string"}, {"type": "object", "required": ["q"]}]}}}, {"a": {"z": 1}},
     ["x.yml:1: a: is a mapping of fields (expected text)"]),
]


@pytest.mark.parametrize("schema, data, expected", CASES)
def test_each_keyword_says_what_is_wrong_and_what_was_expected(schema, data, expected):
    doc = read_text(yaml.safe_dump(data), "x.yml")
    problems = validate(doc, Draft202012Validator(schema, format_checker=FormatChecker()))
    assert sorted(set(map(str, problems))) == sorted(expected)  # ContentError keeps each once
