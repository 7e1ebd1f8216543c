"""What the core needs from the site's configuration (mkdocs.yml), read as plain YAML.

The core does not import MkDocs: ``bss check`` reads the same file the build uses, so content is
checked against the languages and Markdown extensions the pages are built with. The languages
are those of the mkdocs-static-i18n plugin: adding one is a line there plus its interface
strings in ``data/i18n/<code>.yml``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, cast

import yaml

CONFIG = "mkdocs.yml"
PLACEHOLDER_HOST = "servicii-sociale.example.org"  # the public address until the site has its own


class _Loader(yaml.SafeLoader):
    """Safe YAML that reads MkDocs' tags (!ENV, !relative, !!python/name:...) as plain values."""


def _tagged(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    if suffix == "ENV":
        return _env(loader, node)
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    return loader.construct_mapping(cast(yaml.MappingNode, node))  # the one kind of node left


def _env(loader: _Loader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, ..., default]`` as MkDocs reads it: the first variable set,
    else the last item of a list (its default), else nothing."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    items = loader.construct_sequence(cast(yaml.SequenceNode, node))  # else yaml says it is not a list
    for name in items[:-1] if len(items) > 1 else items:
        if isinstance(name, str) and os.environ.get(name):
            return os.environ[name]
    return items[-1] if len(items) > 1 else None


_Loader.add_multi_constructor("!", _tagged)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


@dataclass(frozen=True)
class Languages:
    """The site's languages, the default one first."""

    codes: tuple[str, ...] = ("ro",)
    names: tuple[str, ...] = ("Română",)

    @property
    def default(self) -> str:
        return self.codes[0]

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes)

    def __len__(self) -> int:
        return len(self.codes)


@dataclass(frozen=True)
class Settings:
    languages: Languages = field(default_factory=Languages)
    markdown_extensions: list[Any] = field(default_factory=list)  # names, or {name: options}
    site_url: str = ""
    examples: str = ""  # a folder of illustrative records, built only by the demo configuration
    site_names: dict[str, str] = field(default_factory=dict)  # language -> the site's name in it (site_name)
    directory_urls: bool = True  # addresses end in a folder (/x/), or, for a folder copy, in .html


def load_settings(root: Path, config: str = CONFIG) -> Settings:
    """The settings of ``root/config``, following ``INHERIT:`` as MkDocs does."""
    data = _read(Path(root) / config)
    extra = data.get("extra") or {}
    languages = _languages(data)
    return Settings(languages=languages, markdown_extensions=list(data.get("markdown_extensions") or []),
                    site_url=data.get("site_url") or "", examples=extra.get("bss_examples") or "",
                    site_names=_site_names(data, languages), directory_urls=data.get("use_directory_urls", True) is not False)


def _site_names(data: dict[str, Any], languages: Languages) -> dict[str, str]:
    """``site_name``, and each language's own from the i18n plugin where it sets one."""
    names = dict.fromkeys(languages.codes, str(data.get("site_name") or ""))
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for lang in (plugin["i18n"] or {}).get("languages") or []:
                if lang.get("locale") in names and lang.get("site_name"):
                    names[lang["locale"]] = str(lang["site_name"])
    return names


def address_notice(site_url: str | None) -> str | None:
    """What to say when a build would publish the placeholder address (the guide's copy-link
    buttons, short links and QR codes carry it); None when the address is the site's own."""
    if PLACEHOLDER_HOST in (site_url or ""):
        return (f"Public address: {site_url} is a placeholder. The guide's short links and QR codes carry it: "
                "before publishing, build with make site SITE_URL=https://<the site's address>/ "
                "(or set site_url in mkdocs.yml).")
    return None


def config_files(root: Path, config: str = CONFIG) -> list[str]:
    """``config`` and each file it inherits (MkDocs' INHERIT), from ``root``: what a build's settings come from."""
    return [str(file.relative_to(root)) if file.is_relative_to(root) else str(file) for file, _ in _chain(Path(root) / config)]


def _read(file: Path) -> dict[str, Any]:
    """The settings of ``file``, each file it inherits under it, merged as MkDocs merges them."""
    merged: dict[str, Any] = {}
    for _, data in reversed(_chain(file)):
        merged = _merge(merged, data)
    return merged


def _chain(file: Path) -> list[tuple[Path, dict[str, Any]]]:
    """``file`` and each file it inherits, in that order, each with its own settings (INHERIT taken out)."""
    out: list[tuple[Path, dict[str, Any]]] = []
    while file not in (seen for seen, _ in out):
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=_Loader) or {}
        out.append((file, data))
        parent = data.pop("INHERIT", None)
        if not parent:
            break
        file = file.parent / parent
    return out


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` on top of ``base``, mappings merged deeply, as MkDocs merges INHERIT."""
    out = dict(base)
    for key, value in over.items():
        out[key] = _merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def _languages(data: dict[str, Any]) -> Languages:
    """The languages of the i18n plugin that are built, default first; the theme's language alone
    without it."""
    for plugin in data.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            found = [lang for lang in (plugin["i18n"] or {}).get("languages") or [] if lang.get("build", True)]
            found.sort(key=lambda lang: not lang.get("default", False))
            if found:
                return Languages(tuple(lang["locale"] for lang in found), tuple(lang.get("name", lang["locale"]) for lang in found))
    theme = data.get("theme") or {}
    code = theme.get("language", "ro") if isinstance(theme, dict) else "ro"
    return Languages((code,), (code,))


def markdown_arguments(extensions: list[Any]) -> tuple[list[str], dict[str, Any]]:
    """``extensions`` as Python-Markdown takes them: names, and options by name."""
    names: list[str] = []
    configs: dict[str, Any] = {}
    for item in extensions:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                configs[name] = options or {}
        else:
            names.append(item)
    return names, configs
