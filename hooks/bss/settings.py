"""What the core needs from the site's configuration (mkdocs.yml), read as plain YAML.

The core does not import MkDocs: ``bss check`` reads the same file the build uses, so the
content is checked against the languages and Markdown extensions the pages are built with.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

CONFIG = "mkdocs.yml"


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' tags (!ENV, !relative, !!python/name:...) as plain values."""


def _tagged(loader, suffix, node):
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(node)


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


@dataclass(frozen=True)
class Settings:
    markdown_extensions: list = field(default_factory=list)  # names, or {name: options}
    site_url: str = ""


def load_settings(root: Path, config: str = CONFIG) -> Settings:
    """The settings of ``root/config``, following ``INHERIT:`` as MkDocs does."""
    data = _read(Path(root) / config)
    return Settings(markdown_extensions=list(data.get("markdown_extensions") or []),
                    site_url=data.get("site_url") or "")


def _read(file: Path) -> dict:
    data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    parent = data.pop("INHERIT", None)
    if parent:
        base = _read(file.parent / parent)
        base.update(data)
        data = base
    return data


def markdown_arguments(extensions: list) -> tuple[list[str], dict]:
    """``extensions`` as Python-Markdown takes them: names, and options by name."""
    names, configs = [], {}
    for item in extensions:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                configs[name] = options or {}
        else:
            names.append(item)
    return names, configs
