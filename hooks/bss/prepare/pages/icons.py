"""Icons for easy-to-read points: the Material Design Icons the theme (mkdocs-material) ships,
inlined as SVG, so nothing is fetched and every picture comes from the site itself."""
from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

NAME = re.compile(r"material/[a-z0-9-]+\Z")


def _folder() -> Path:
    return Path(str(files("material") / "templates" / ".icons"))


def exists(name: str) -> bool:
    return bool(NAME.match(name)) and (_folder() / f"{name}.svg").is_file()


def svg(name: str) -> str:
    """The icon's SVG, without a size: CSS gives it one (the renderer keeps it: ``Caches``)."""
    return (_folder() / f"{name}.svg").read_text(encoding="utf-8").strip()
