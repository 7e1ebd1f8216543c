"""What the editor saves, written the way the project's files are written: minimal diffs.

The editor (Decap CMS) sends a whole record as its own YAML. Written as it is, it would reflow
the file: comments, quoting, flow mappings ``{ro: ..., en: ...}`` and the modeline lost. Instead
its data is cleaned against the schema and merged into the file as it is on disk through
ruamel.yaml's round trip, which re-emits an untouched node as it was read; a value that did not
change keeps its node, so every line the editor did not change stays byte for byte:

- fields the schema does not know are dropped, so are empty values (an empty text counts as
  missing, as in the checks) and ``false`` flags the file did not have (the form sends every
  box it shows, ticked or not), unless the schema requires the field there: the answer of a
  true-false question may be ``false``;
- Romanian texts get comma-below ș ț in place of cedilla ş ţ (a text in another language, or a
  name, may rightly have a cedilla: Gagauz writes ş);
- the first line is the modeline that gives editors' tools the schema;
- a new field goes where the schema's order puts it, a new file follows the schema's order.
"""
from __future__ import annotations

import copy
import datetime
import difflib
import io
import os
import re

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString, SingleQuotedScalarString

from bss.prepare.read.schemas import required_of
from bss.prepare.read.source import is_blank, read_text
from bss.text import romanian

MODELINE = "# yaml-language-server: $schema="
ROMANIAN = "ro"
FLOW_WIDTH = 100  # a text mapping whose texts fit on one line this long is written {ro: ..., en: ...}


def round_trip() -> YAML:
    y = YAML(typ="rt")
    y.preserve_quotes = True
    y.width = 4096  # never fold a long line the file did not fold
    y.indent(mapping=2, sequence=4, offset=2)
    return y


def parse_submitted(raw: str, path: str = "the editor's text"):
    """What the editor sent, as plain data (dates as text), read as the build reads a file: an
    alias bomb is refused at once, never expanded. Raises ``DocumentError``."""
    return read_text(raw, path).data


def modeline(file: str, schema: str) -> str:
    """``file``'s first line: the schema, relative to the file (``../schemas/partner.schema.json``)."""
    rel = os.path.relpath(f"data/schemas/{schema}", os.path.dirname(file) or ".").replace(os.sep, "/")
    return MODELINE + rel


# -- cleaning --------------------------------------------------------------------------------

def clean(value, schema: dict, old=None, lang: str | None = None):
    """``value`` with only what ``schema`` knows, no empty values, Romanian texts with ș ț.
    ``old`` is the value on disk (plain data), to keep a ``false`` the file already had."""
    schema = schema if isinstance(schema, dict) else {}
    if isinstance(value, dict):
        props = schema.get("properties") or {}
        per_language = bool(schema.get("x-per-language"))
        old = old if isinstance(old, dict) else {}
        required = required_of(schema, value)
        out = {}
        for key, item in value.items():
            if key not in props:
                continue
            sub = clean(item, props[key], old.get(key), key if per_language else lang)
            if sub is False and key not in old and key not in required:
                continue
            if not _empty(sub):
                out[key] = sub
        return out
    if isinstance(value, list):
        items = schema.get("items") or {}
        olds = old if isinstance(old, list) else []
        cleaned = [clean(v, items, olds[i] if i < len(olds) else None, lang) for i, v in enumerate(value)]
        return [v for v in cleaned if not _empty(v)]
    if isinstance(value, str):
        text = value.replace("\r\n", "\n").replace("\r", "\n")
        text = romanian(text) if lang == ROMANIAN else text
        if "\n" not in text.strip("\n"):
            text = text.strip()
        if schema.get("type") in ("integer", "number") and re.fullmatch(r"-?\d+(\.\d+)?", text):
            return int(text) if schema["type"] == "integer" and "." not in text else float(text)
        return text
    if isinstance(value, float) and value.is_integer() and schema.get("type") == "integer":
        return int(value)
    return value


def _empty(value) -> bool:
    return value is None or value == {} or value == [] or (isinstance(value, str) and is_blank(value))


# -- merging ---------------------------------------------------------------------------------

def plain(node):
    """A round-trip node as plain data (dates as text), to compare with what the editor sent."""
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    if isinstance(node, (datetime.date, datetime.datetime)):
        return node.isoformat()
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool):
        return bool(node)
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return node


def same(a, b) -> bool:
    """Equal as data; a block text's final line break does not count."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, str) and isinstance(b, str):
        return a.rstrip("\n") == b.rstrip("\n")
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return a == b


def merge(old, new, schema: dict):
    """The node to store for ``new``: ``old`` itself where nothing changed, ``old`` changed in
    place where it is a mapping or list (keeping its comments and style), a new node elsewhere."""
    schema = schema if isinstance(schema, dict) else {}
    if same(plain(old), new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict):
        target = _unshared(old)
        props = list((schema.get("properties") or {}))
        for key in [k for k in target if k not in new]:
            del target[key]
        for key, value in new.items():
            sub = (schema.get("properties") or {}).get(key, {})
            if key in target:
                target[key] = merge(target[key], value, sub)
            else:
                target.insert(_position(target, key, props), key, fresh(value, sub, key))
        if target.fa.flow_style() and any(isinstance(v, (LiteralScalarString, dict, list)) and "\n" in str(v)
                                          for v in target.values()):
            target.fa.set_block_style()
        return target
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        return _merge_list(old, new, schema.get("items") or {})
    return scalar(old, new, schema)


def _unshared(node):
    """``node``, or a copy of it where it is an anchor (``&name``) that other places repeat: an
    edit here must not change them too."""
    if getattr(node, "anchor", None) is not None and node.anchor.value:
        twin = copy.deepcopy(node)
        twin.yaml_set_anchor(None)
        twin.anchor.value = None
        return twin
    return node


def _merge_list(old: CommentedSeq, new: list, items: dict):
    target = _unshared(old)
    by_id = {str(x.get("id")): x for x in target if isinstance(x, dict) and "id" in x}
    keyed = bool(by_id) and all(isinstance(x, dict) and "id" in x for x in new)
    merged = []
    for i, value in enumerate(new):
        before = by_id.get(str(value["id"])) if keyed else (target[i] if i < len(target) else None)
        merged.append(merge(before, value, items) if before is not None else fresh(value, items))
    if len(merged) == len(target):
        for i, value in enumerate(merged):
            if value is not target[i]:
                target[i] = value
    else:
        del target[:]
        target.extend(merged)
    return target


def _position(target: CommentedMap, key: str, order: list[str]) -> int:
    """Where ``key`` goes: after the last key the schema puts before it."""
    if key not in order:
        return len(target)
    rank = order.index(key)
    keys = list(target)
    after = [i for i, k in enumerate(keys) if k in order and order.index(k) < rank]
    return after[-1] + 1 if after else 0


def scalar(old, new, schema: dict):
    """A changed scalar, keeping the old one's quoting where the new one fits it."""
    if isinstance(new, str):
        if "\n" in new.strip("\n"):
            return LiteralScalarString(new if new.endswith("\n") else new + "\n")
        if schema.get("format") == "date" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", new):
            try:
                return datetime.date.fromisoformat(new)
            except ValueError:
                return new  # the checks will say what is wrong with it
        if isinstance(old, DoubleQuotedScalarString):
            return DoubleQuotedScalarString(new)
        if isinstance(old, SingleQuotedScalarString):
            return SingleQuotedScalarString(new)
    return new


def fresh(value, schema: dict, key: str = ""):
    """A new node for ``value``, in the project's style: texts that fit on a line as
    ``{ro: ..., en: ...}``, lists of ids as ``[a, b]``, fields in the schema's order."""
    schema = schema if isinstance(schema, dict) else {}
    if isinstance(value, dict):
        props = list(schema.get("properties") or {})
        node = CommentedMap()
        for k in sorted(value, key=lambda k: props.index(k) if k in props else len(props)):
            node[k] = fresh(value[k], (schema.get("properties") or {}).get(k, {}), k)
        texts = list(node.values())
        if schema.get("x-per-language") and all(isinstance(t, str) and "\n" not in t for t in texts) \
                and sum(len(t) + 6 for t in texts) <= FLOW_WIDTH:
            node.fa.set_flow_style()
        return node
    if isinstance(value, list):
        seq = CommentedSeq(fresh(v, schema.get("items") or {}) for v in value)
        if value and all(isinstance(v, str) and "\n" not in v for v in value) and sum(len(v) + 2 for v in value) <= FLOW_WIDTH:
            seq.fa.set_flow_style()
        return seq
    return scalar(None, value, schema)


# -- the file --------------------------------------------------------------------------------

def render(old_text: str | None, new, schema: dict, line_one: str) -> str:
    """The file's new text: ``new`` (cleaned data) merged into ``old_text`` (None for a new file),
    with ``line_one`` (the modeline) first."""
    y = round_trip()
    if old_text is None:
        text = _dump(y, fresh(new, schema))
        return line_one + "\n" + text
    before = y.load(old_text)
    reread = _dump(y, before)
    after = _dump(y, merge(before, new, schema))
    text = after if reread == old_text else carry(old_text, reread, after, new)
    lines = text.split("\n")
    if lines[0].startswith(MODELINE):
        lines[0] = line_one
    else:
        lines.insert(0, line_one)
    return "\n".join(lines)


def _dump(y: YAML, node) -> str:
    out = io.StringIO()
    y.dump(node, out)
    return out.getvalue()


def carry(source: str, reread: str, after: str, data) -> str:
    """The edit from ``reread`` to ``after`` applied to ``source`` line by line, for a file the
    YAML library would not reproduce exactly (``reread`` differs from it): the lines around the
    edit stay as written. If the result does not read back as ``data``, ``after`` is used."""
    src, mid = source.splitlines(keepends=True), reread.splitlines(keepends=True)
    to_src = {}
    for block in difflib.SequenceMatcher(None, mid, src, autojunk=False).get_matching_blocks():
        for k in range(block.size):
            to_src[block.a + k] = block.b + k
    out, at, tag = [], 0, "equal"
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, mid, after.splitlines(keepends=True),
                                                       autojunk=False).get_opcodes():
        mapped = [to_src[i] for i in range(i1, i2) if i in to_src]
        if tag == "equal":
            if mapped:
                out += src[at:mapped[-1] + 1]
                at = mapped[-1] + 1
            else:
                out += mid[i1:i2]
        else:
            out += after.splitlines(keepends=True)[j1:j2]
            if mapped:
                at = mapped[-1] + 1
    if tag == "equal":
        out += src[at:]
    text = "".join(out)
    try:
        if same(plain(round_trip().load(text)), plain(round_trip().load(after))):
            return text
    except Exception:  # noqa: BLE001 - any reason the splice does not read back: use the library's text
        pass
    return after
