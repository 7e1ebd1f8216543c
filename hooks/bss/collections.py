"""How each content type is stored, checked and cross-referenced: declared, not coded per type."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .problems import Problem, field_name
from .record import Record
from .markup import check_document
from .schemas import markdown_fields, validate
from .source import Document, DocumentError, read_document


@dataclass(frozen=True)
class Collection:
    """A content type.

    Records live one per file in ``folder`` (the file named after the id), or, with ``list_key``,
    as a list inside the single file ``folder``. ``references`` maps a field path inside a record
    (``"*"`` for every list item) to the collection its value must name.
    """

    key: str
    folder: str
    schema: str
    build: Callable[[Record], object]
    references: dict[tuple, str] = field(default_factory=dict)
    list_key: str | None = None
    label: str = ""
    check_all: Callable[[dict[str, Record]], list[Problem]] | None = None


@dataclass
class Loaded:
    """The records of every collection, found and schema-checked, before models are built."""

    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    # Ids of records whose file could not be loaded: already reported, so references to them
    # are not reported again as "does not exist".
    broken: dict[str, set[str]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    markdown_extensions: list = field(default_factory=list)  # to check Markdown texts as the pages render them


def load_collection(root: Path, coll: Collection, loaded: Loaded) -> None:
    """Read, schema-check and index one collection, collecting every problem on the way."""
    schema_dir = root / "data" / "schemas"
    location = root / coll.folder
    files = [location] if coll.list_key else data_files(location)
    found: dict[str, Record] = {}
    broken = loaded.broken.setdefault(coll.key, set())
    if coll.list_key and not location.exists():
        loaded.problems.append(Problem(coll.folder, 1, "file", "is missing", f"the list of {coll.label or coll.key}"))
    for file in files:
        try:
            doc = read_document(file, root)
        except DocumentError as exc:
            loaded.problems.extend(exc.problems)
            broken.add(file.name.split(".")[0])
            continue
        schema_problems = validate(doc, coll.schema, schema_dir)
        if schema_problems:
            loaded.problems.extend(schema_problems)
            broken.update(_ids_in(doc, coll))
            continue
        loaded.problems.extend(check_document(doc, markdown_fields(doc, coll.schema, schema_dir),
                                              loaded.markdown_extensions))
        for record in _records(doc, coll, loaded.problems):
            rid = record.get("id")
            if rid in found:
                loaded.problems.append(Problem(
                    doc.path, doc.line(record.base + ("id",)), field_name(record.base + ("id",)),
                    f"'{rid}' is already used by {found[rid].where('id').rsplit(':', 1)[0]}",
                    "each id once"))
                continue
            found[rid] = record
    loaded.records[coll.key] = found
    if coll.check_all:
        loaded.problems.extend(coll.check_all(found))


def data_files(folder: Path) -> list[Path]:
    """Every entry of ``folder`` named like a YAML file, whatever the case of its extension, links
    and hidden files included: reading them reports what is wrong, nothing is silently skipped."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in (".yml", ".yaml"))


def _ids_in(doc: Document, coll: Collection) -> set[str]:
    data = doc.data if isinstance(doc.data, dict) else {}
    if coll.list_key:
        items = data.get(coll.list_key) if isinstance(data.get(coll.list_key), list) else []
        return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
    return {Path(doc.path).name.split(".")[0]}


def _records(doc: Document, coll: Collection, problems: list[Problem]):
    if coll.list_key:
        return [Record(doc, (coll.list_key, i)) for i in range(len(doc.data[coll.list_key]))]
    record = Record(doc)
    stem = Path(doc.path).name.split(".")[0]
    if record.get("id") != stem:
        problems.append(doc.problem(("id",), f"'{record.get('id')}' differs from the file name '{Path(doc.path).name}'",
                                    f"the file to be named {record.get('id')}.yml"))
        return []
    return [record]


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
                        loaded.problems.append(record.doc.problem(
                            record.base + path, f"'{value}' does not exist",
                            _suggest(value, known, labels.get(target, target))))


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


def _suggest(value: str, known: set[str], label: str) -> str:
    import difflib

    close = difflib.get_close_matches(str(value), sorted(known), n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return f"one of the known {label}: {', '.join(sorted(known)[:8])}{', ...' if len(known) > 8 else ''}"
