"""The shape of the code (issue 24), read from every module's imports with ``ast``: each failure
names the file and the import (or definition) that breaks a rule.

    hooks/bss/*.py         shared: import no stage folder (prepare, finish, editor)
    hooks/bss/prepare/     imports neither finish nor editor
    hooks/bss/finish/      imports neither prepare nor editor (it gets plain data)
    hooks/bss/editor/      may import prepare (the collections' declarations, the check), not finish
    hooks/bss/ (all)       imports no engine (mkdocs, properdocs, material, mkdocs_static_i18n),
                           no watchdog and not the preview; keeps no module-level cache
                           (``Caches`` is created by the caller and passed in)
    hooks/, tools/, bench/ no two modules with the same file name
    every package          an __init__.py whose docstring says what it does and its entry points
"""
from __future__ import annotations

import ast
from pathlib import Path

from helpers import ROOT

ENGINE = ("mkdocs", "properdocs", "material", "mkdocs_static_i18n", "watchdog", "preview")
STAGES = ("prepare", "finish", "editor")
# What each stage folder may not import (besides the engine, which no part of the core imports).
FORBIDDEN = {"prepare": ("finish", "editor"), "finish": ("prepare", "editor"), "editor": ("finish",)}
CACHE_DECORATORS = {"cache", "lru_cache"}
NOT_MODULES = {"__init__.py", "__main__.py", "conftest.py"}


def _imports(file: Path, package: str) -> list[tuple[int, str]]:
    """(line, imported module) for every import in ``file``, relative ones made absolute
    (``package``: the dotted package the file is in)."""
    out = []
    for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"), str(file))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[:len(parts) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            # ``from bss import prepare`` imports the module bss.prepare: count each name too
            out += [(node.lineno, base)] + [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return out


def _package_of(file: Path, hooks: Path) -> str:
    return ".".join(file.relative_to(hooks).parent.parts)


def import_violations(hooks: Path) -> list[str]:
    """Every import under ``hooks``/bss that breaks a rule of the stages, as ``file:line: import (rule)``."""
    found: dict[tuple[str, int, str], str] = {}  # (file, line, rule) -> the first import that breaks it
    for file in sorted((hooks / "bss").rglob("*.py")):
        rel, package = file.relative_to(hooks.parent).as_posix(), _package_of(file, hooks)
        parts = file.relative_to(hooks / "bss").parts
        stage = parts[0] if len(parts) > 1 else None
        for line, name in _imports(file, package):
            top = name.split(".")[0]
            inner = name.split(".")[1] if top == "bss" and "." in name else None
            rule = None
            if top in ENGINE:
                rule = "the core imports neither the engine nor the preview"
            elif inner in STAGES and stage is None and file.name not in NOT_MODULES:
                rule = "a shared module imports no stage folder"
            elif inner in STAGES and inner in FORBIDDEN.get(stage or "", ()):
                rule = f"{stage} imports no {' or '.join(FORBIDDEN[stage])}"
            if rule is not None:
                found.setdefault((rel, line, rule), f"{rel}:{line}: {name} ({rule})")
    return list(found.values())


def cache_violations(hooks: Path) -> list[str]:
    """Module-level caches under ``hooks``/bss: ``@cache``/``@lru_cache``, an empty dict, list or
    set at module level (filled at run time), a ``global`` statement."""
    found = []
    for file in sorted((hooks / "bss").rglob("*.py")):
        rel = file.relative_to(hooks.parent).as_posix()
        tree = ast.parse(file.read_text(encoding="utf-8"), str(file))
        for node in tree.body:
            value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
            empty = (isinstance(value, ast.Dict) and not value.keys) or (isinstance(value, (ast.List, ast.Set)) and not value.elts) \
                or (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and not value.args
                    and value.func.id in ("dict", "list", "set", "defaultdict", "OrderedDict"))
            if empty:
                found.append(f"{rel}:{node.lineno}: {ast.unparse(node)} (a module-level container filled at run time)")
        for node in ast.walk(tree):
            if isinstance(node, ast.Global):
                found.append(f"{rel}:{node.lineno}: global {', '.join(node.names)} (module state changed at run time)")
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for decorator in node.decorator_list:
                    target = decorator.func if isinstance(decorator, ast.Call) else decorator
                    name = target.attr if isinstance(target, ast.Attribute) else getattr(target, "id", "")
                    if name in CACHE_DECORATORS:
                        found.append(f"{rel}:{node.lineno}: @{ast.unparse(decorator)} {node.name} (a module-level cache)")
    return found


def duplicate_names(root: Path) -> list[str]:
    """Modules (files and packages) with the same name anywhere in hooks/, tools/ and bench/."""
    seen: dict[str, list[str]] = {}
    for folder in ("hooks", "tools", "bench"):
        for file in sorted((root / folder).rglob("*.py")):
            rel = file.relative_to(root)
            if "egg-info" in rel.as_posix() or "__pycache__" in rel.parts:
                continue
            name = file.parent.name if file.name == "__init__.py" else file.stem
            if file.name in NOT_MODULES - {"__init__.py"} or (file.name == "__init__.py" and file.parent == root / folder):
                continue
            seen.setdefault(name, []).append(rel.as_posix())
    return [f"{name}: {', '.join(files)}" for name, files in sorted(seen.items()) if len(files) > 1]


def undocumented_packages(hooks: Path) -> list[str]:
    """Each package folder whose __init__.py is missing, or whose docstring does not say what the
    package does and name its entry points."""
    found = []
    for folder in sorted(p for p in hooks.rglob("*") if p.is_dir() and any(p.glob("*.py")) and p.name != "__pycache__"):
        init = folder / "__init__.py"
        rel = init.relative_to(hooks.parent).as_posix()
        if not init.is_file():
            found.append(f"{rel}: missing")
            continue
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        if "entry point" not in doc.lower():
            found.append(f"{rel}: its docstring names no entry point")
    return found


def test_the_core_imports_by_the_rules_of_its_stages():
    assert import_violations(ROOT / "hooks") == []


def test_the_core_keeps_no_module_level_cache():
    assert cache_violations(ROOT / "hooks") == []


def test_no_two_modules_share_a_name():
    assert duplicate_names(ROOT) == []


def test_every_package_says_what_it_does_and_its_entry_points():
    assert undocumented_packages(ROOT / "hooks") == []


def _write(root: Path, files: dict[str, str]) -> None:
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")


def test_the_rules_catch_what_they_forbid(tmp_path):
    """Each rule, broken once in a made-up tree, is named with its file and line."""
    ok = '"""A stage. Entry point: run()."""\n'
    _write(tmp_path, {
        "hooks/bss/__init__.py": ok, "hooks/bss/prepare/__init__.py": ok, "hooks/bss/finish/__init__.py": ok,
        "hooks/bss/editor/__init__.py": '"""No entry named."""\n',
        "hooks/bss/text.py": "from bss.prepare.site import x\n",
        "hooks/bss/prepare/site.py": "import os\nfrom ..finish import page\nfrom mkdocs.utils import y\n",
        "hooks/bss/finish/page.py": "from bss import prepare\n",
        "hooks/bss/editor/server.py": "from bss.finish.page import z\nfrom preview.rebuilds import REBUILDS\n",
        "hooks/bss/prepare/qr.py": "import functools\nCODES = {}\n@functools.lru_cache(maxsize=2)\ndef code(u): pass\n",
        "hooks/bss/finish/icons.py": "from functools import cache\n@cache\ndef svg(n): pass\ndef f():\n    global X\n",
        "tools/server.py": "", "bench/x.py": "",
    })
    assert import_violations(tmp_path / "hooks") == [
        "hooks/bss/editor/server.py:1: bss.finish.page (editor imports no finish)",
        "hooks/bss/editor/server.py:2: preview.rebuilds (the core imports neither the engine nor the preview)",
        "hooks/bss/finish/page.py:1: bss.prepare (finish imports no prepare or editor)",
        "hooks/bss/prepare/site.py:2: bss.finish (prepare imports no finish or editor)",
        "hooks/bss/prepare/site.py:3: mkdocs.utils (the core imports neither the engine nor the preview)",
        "hooks/bss/text.py:1: bss.prepare.site (a shared module imports no stage folder)",
    ]
    assert cache_violations(tmp_path / "hooks") == [
        "hooks/bss/finish/icons.py:3: @cache svg (a module-level cache)",
        "hooks/bss/finish/icons.py:5: global X (module state changed at run time)",
        "hooks/bss/prepare/qr.py:2: CODES = {} (a module-level container filled at run time)",
        "hooks/bss/prepare/qr.py:4: @functools.lru_cache(maxsize=2) code (a module-level cache)",
    ]
    assert duplicate_names(tmp_path) == ["server: hooks/bss/editor/server.py, tools/server.py"]
    assert undocumented_packages(tmp_path / "hooks") == ["hooks/bss/editor/__init__.py: its docstring names no entry point"]


def test_the_hook_is_a_thin_adapter():
    """The MkDocs hook only connects the stages to MkDocs' events: at most 150 lines (issue 24)."""
    lines = (ROOT / "hooks" / "site_hook.py").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 150, f"hooks/site_hook.py has {len(lines)} lines: move the work into a stage"
