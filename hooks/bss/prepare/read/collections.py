"""How each content type is stored, checked and cross-referenced: declared, not coded per type.

Every type is a ``Collection`` read by the one loader below, whatever its layout:

- ``files``: one record per file, named after its id (``data/partners/<id>.yml``);
- ``list``: records listed in one file (``data/glossary.yml``, under ``terms:``);
- ``folders``: one folder per record, its own file in it (``courses/<id>/course.yml``), and
  each other file of the folder a record of the ``children`` collection, with the id
  ``<folder>/<file id>`` (a course's modules).
"""
from __future__ import annotations

import difflib
import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, cast

from bss.prepare.caches import Caches
from bss.prepare.read.markup import check_document
from bss.problems import Problem, field_name
from bss.prepare.read.record import Record
from bss.prepare.read.schemas import load_validators, markdown_fields, validate
from bss.settings import Languages
from bss.prepare.read.source import MAX_FILE_BYTES, Document, DocumentError, read_document


@dataclass(frozen=True)
class Collection:
    """A content type.

    ``references`` maps a field path inside a record (``"*"`` for every list item) to the
    collection its value must name; ``unique`` lists paths of nested lists whose items' ids must
    differ (``("quiz", "questions", "*", "answers")``); ``check`` runs the checks a schema cannot
    state, given every loaded record.
    """

    key: str
    path: str
    schema: str
    build: Callable[[Record], object] | None
    layout: str = "files"
    list_key: str = ""
    index: str = ""
    children: Collection | None = None
    references: dict[tuple, str] = field(default_factory=dict)
    unique: tuple[tuple, ...] = ()
    label: str = ""
    check: Callable[[Loaded], list[Problem]] | None = None
    examples: bool = False  # may have illustrative records in the demo build's examples folder


@dataclass
class Loaded:
    """The records of every collection, found and schema-checked, before models are built."""

    root: Path
    languages: Languages
    markdown_extensions: list | None  # None: Markdown texts are not checked (a test-only build)
    examples: str = ""
    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    # Ids of records whose file could not be loaded: already reported, so references to them
    # are not reported again as "does not exist".
    broken: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    caches: Caches = field(default_factory=Caches)  # the caller's (the live preview keeps one)

    @functools.cached_property
    def validators(self) -> dict:
        """The schemas, read once for this load (a schema edited since the last load is seen)."""
        return load_validators(self.root / "data" / "schemas", self.languages)

    @functools.cached_property
    def settings_key(self) -> tuple:
        """What checking any one file depends on besides the file: the schemas (their names and
        bytes, wherever the project lies), the languages and the Markdown settings (read once per load)."""
        schemas = hashlib.blake2b(digest_size=16)
        for file in sorted((self.root / "data" / "schemas").glob("*.schema.json")):
            schemas.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
        return schemas.hexdigest(), str(self.languages), repr(self.markdown_extensions)


def load_collection(coll: Collection, loaded: Loaded) -> None:
    """Read, schema-check and index one collection (and its children), collecting every problem."""
    for c in (coll, coll.children):
        if c is not None:
            loaded.records.setdefault(c.key, {})
            loaded.broken.setdefault(c.key, set())
    root = loaded.root
    if coll.layout == "list":
        _read_into(coll, root / coll.path, "", loaded)
    elif coll.layout == "files":
        for folder, example in _folders(coll, loaded):
            for file in data_files(folder):
                _read_into(coll, file, "", loaded, example)
    else:  # folders
        for folder in sorted(p for p in (root / coll.path).iterdir() if p.is_dir()) if (root / coll.path).is_dir() else []:
            index = folder / coll.index
            if not index.is_file():
                loaded.problems.append(Problem(f"{coll.path}/{folder.name}", 1, "file", f"{coll.index} is missing",
                                               f"a {coll.index} describing this {coll.label[:-1] or coll.key}"))
            for file in data_files(folder):
                if file.name == coll.index:
                    _read_into(coll, file, "", loaded)
                else:
                    _read_into(cast(Collection, coll.children), file, folder.name + "/", loaded)  # a folder collection has children
    for c in (coll, coll.children):
        if c is not None and c.check:
            loaded.problems.extend(c.check(loaded))


def data_files(folder: Path) -> list[Path]:
    """Every entry of ``folder`` named like a YAML file, whatever the case of its extension, links
    and hidden files included: reading them reports what is wrong, nothing is silently skipped."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yml", ".yaml"))


def _folders(coll: Collection, loaded: Loaded):
    yield loaded.root / coll.path, False
    if coll.examples and loaded.examples:
        yield loaded.root / loaded.examples / coll.path, True


def _checked(coll: Collection, file: Path, loaded: Loaded) -> tuple:
    """One file read and checked on its own: (document, schema problems, Markdown problems).
    The live preview (``Caches.keep_checked``) keeps each file's result until the file's bytes,
    its schema or the settings change, so a rebuild checks only the files that changed. The key is
    the file's place in the project and its bytes, not its time: a copy of the project elsewhere
    (the editor's save check, the tests) finds the results of the files it did not change."""
    key, checked, rel, raw = None, loaded.caches.table("checked"), "", None
    if loaded.caches.keep_checked and not file.is_symlink() and file.is_file() and file.stat().st_size <= MAX_FILE_BYTES:
        raw, rel = file.read_bytes(), file.relative_to(loaded.root).as_posix()
        key = (hashlib.blake2b(raw, digest_size=16).digest(), coll.schema, loaded.settings_key)
        if rel in checked and checked[rel][0] == key:
            return checked[rel][1]
    doc = read_document(file, loaded.root, raw)
    validator = loaded.validators[coll.schema]
    problems = validate(doc, validator)
    markup = []
    if not problems and loaded.markdown_extensions is not None:
        markup = check_document(doc, markdown_fields(doc, validator), loaded.markdown_extensions, loaded.caches)
    if key is not None:
        checked[rel] = (key, (doc, problems, markup))
    return doc, problems, markup


def _read_into(coll: Collection, file: Path, prefix: str, loaded: Loaded, example: bool = False) -> None:
    """Read one file of ``coll``: its records join ``loaded``, or its problems do."""
    found, broken = loaded.records[coll.key], loaded.broken[coll.key]
    if coll.layout == "list" and not file.exists() and not file.is_symlink():
        loaded.problems.append(Problem(coll.path, 1, "file", "is missing", f"the list of {coll.label or coll.key}"))
        return
    try:
        doc, problems, markup = _checked(coll, file, loaded)
    except DocumentError as exc:
        loaded.problems.extend(exc.problems)
        broken.add(prefix + file.name.split(".")[0])
        return
    if problems:
        loaded.problems.extend(problems)
        broken.update(prefix + i for i in _ids_in(doc, coll))
        return
    loaded.problems.extend(markup)
    records = _records(doc, coll, prefix, loaded)
    loaded.problems.extend(_examples(records, example, loaded.examples))
    for record in records:
        if record.key in found:  # a second record with the id: in a list, or a .yml beside a .yaml
            first = found[record.key]
            loaded.problems.extend(unique_ids([(record.key, first.doc, first.base + ("id",)),
                                               (record.key, record.doc, record.base + ("id",))]))
            continue
        for pattern in coll.unique:
            for path, items in _walk(record.data, pattern, ()):
                loaded.problems.extend(unique_ids([(item.get("id"), doc, record.base + path + (i, "id"))
                                                   for i, item in enumerate(items if isinstance(items, list) else [])
                                                   if isinstance(item, dict)]))
        found[record.key] = record


def _records(doc: Document, coll: Collection, prefix: str, loaded: Loaded) -> list[Record]:
    default = loaded.languages.default
    if coll.layout == "list":
        return [Record(doc, (coll.list_key, i), item["id"], default) for i, item in enumerate(doc.data[coll.list_key])]
    name = Path(doc.path).name
    stem = Path(doc.path).parent.name if coll.layout == "folders" else name.split(".")[0]
    record = Record(doc, (), prefix + str(doc.data.get("id")), default)
    if record.get("id") != stem:
        expected = (f"the folder to be named {Path(doc.path).parent.parent.as_posix()}/{record.get('id')}"
                    if coll.layout == "folders" else f"the file to be named {record.get('id')}.yml")
        where = f"the folder name '{stem}'" if coll.layout == "folders" else f"the file name '{name}'"
        loaded.problems.append(doc.problem(("id",), f"'{record.get('id')}' differs from {where}", expected))
        return []
    return [record]


def _examples(records: list[Record], in_examples: bool, folder: str) -> list[Problem]:
    """Invented records live only in the examples folder, and say so; nothing there is real."""
    out = []
    for record in records:
        marked = record.get("example", False)
        if marked and not in_examples:
            out.append(record.problem(("example",), "an illustrative record is not published",
                                      f"real records only in data/; move it to {folder or 'tests/fixtures/examples'}/"))
        elif in_examples and not marked:
            out.append(record.problem(("id",), "a record in the examples folder must say so", "example: true"))
    return out


def _ids_in(doc: Document, coll: Collection) -> set[str]:
    data = doc.data if isinstance(doc.data, dict) else {}
    if coll.layout == "list":
        items = data[coll.list_key] if isinstance(data.get(coll.list_key), list) else []
        return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
    return {Path(doc.path).name.split(".")[0]}


def unique_ids(items: list[tuple[object, Document, tuple]]) -> list[Problem]:
    """One problem for each id already used earlier in ``items`` (``(id, document, path)``)."""
    seen: dict[object, tuple[Document, tuple]] = {}
    out = []
    for iid, doc, path in items:
        if iid in seen:
            first_doc, first_path = seen[iid]
            first = field_name(first_path[:-1]) if first_doc is doc and len(first_path) > 1 else \
                f"{first_doc.path}:{first_doc.line(first_path)}"
            out.append(doc.problem(path, f"'{iid}' is already used by {first}", "each id once"))
        else:
            seen[iid] = (doc, path)
    return out


def check_references(colls: list[Collection], loaded: Loaded, extra_ids: dict[str, set[str]]) -> None:
    """Every id a record names must exist in the collection it points to."""
    labels = {c.key: c.label or c.key for c in colls}
    for coll in colls:
        for record in loaded.records.get(coll.key, {}).values():
            for pattern, target in coll.references.items():
                known = extra_ids.get(target) or set(loaded.records.get(target, {}))
                broken = loaded.broken.get(target, set())
                for path, value in _walk(record.data, pattern, ()):
                    if value not in known and value not in broken:
                        loaded.problems.append(record.problem(path, f"'{value}' does not exist",
                                                              suggest(value, known, labels.get(target, target))))


def _walk(data, pattern: tuple, path: tuple):
    if not pattern:
        yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        for i, item in enumerate(data if isinstance(data, list) else []):
            yield from _walk(item, rest, path + (i,))
    elif isinstance(data, dict) and head in data:
        yield from _walk(data[head], rest, path + (head,))


def suggest(value: str, known: set[str], label: str) -> str:
    close = difflib.get_close_matches(str(value), sorted(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"one of the known {label}: {', '.join(sorted(known)[:8])}{', ...' if len(known) > 8 else ''}"
