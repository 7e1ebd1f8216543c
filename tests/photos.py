"""A case study with a photo in each format the site takes (PNG, JPEG, WebP), for the tests only.

The record is tests/fixtures/photos/fotografii-exemplu.yml (an illustrative example); its images
are drawn here with Pillow, small and real, into a copy of the project.
"""
from __future__ import annotations

import shutil
from pathlib import Path

from PIL import Image, ImageDraw

from helpers import EXAMPLES, ROOT, copy_project, mkdocs_build

RECORD = ROOT / "tests/fixtures/photos/fotografii-exemplu.yml"
CASE = "fotografii-exemplu"
# src -> (width, height, Pillow format, options)
PHOTOS = {
    "exemplu/sala.png": (640, 400, "PNG", {}),
    "exemplu/curte.jpg": (300, 225, "JPEG", {"progressive": True, "quality": 80}),
    "exemplu/intrare.webp": (240, 160, "WEBP", {"quality": 80}),
}


def draw(file: Path, width: int, height: int, kind: str, **options) -> Path:
    """A small real image: two coloured bands and a diagonal, so a broken one shows."""
    file.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (width, height), (221, 236, 247))
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, height // 2, width, height), fill=(60, 120, 80))
    pen.line((0, 0, width, height), fill=(180, 60, 40), width=6)
    image.save(file, kind, **options)
    return file


def draw_photos(project: Path) -> None:
    for src, (width, height, kind, options) in PHOTOS.items():
        draw(project / "docs/assets/images" / src, width, height, kind, **options)


def add_photo_case(project: Path) -> Path:
    """The record among the project copy's illustrative examples (built by mkdocs-demo.yml), with its images."""
    folder = project / EXAMPLES / "data/case-studies"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(RECORD, folder / RECORD.name)
    draw_photos(project)
    return folder / RECORD.name


def build_photo_site(folder: Path) -> Path:
    """The demonstration build of a copy of the project in ``folder``, with the record and its photos."""
    project = copy_project(folder / "project", examples=True)
    add_photo_case(project)
    site = project / "site-demo"
    result = mkdocs_build(project, site, config="mkdocs-demo.yml", env={"BSS_SEARCH_INDEX": "0"})
    assert result.returncode == 0, result.stderr
    return site
