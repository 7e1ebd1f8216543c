"""Files published as they are: the photos, and everything else in docs/.

MkDocs copies any file it finds in docs/ onto the site. An SVG or an HTML file served from the
site's own address can run script there, so docs/ may hold only Markdown pages and real raster
images (PNG, JPEG, WebP) under docs/assets/images/, each image's bytes matching its name. And
MkDocs makes a page of any Markdown file: docs/assets/ (where the editor's uploads go) holds none.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from .markup import check_page
from .problems import Problem

ASSETS_DIR = "docs/assets"  # files of the site, not pages: hand-written pages are the rest of docs/
IMAGES_DIR = f"{ASSETS_DIR}/images"
_JPEG = (b"\xff\xd8\xff",)
SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": _JPEG, ".jpeg": _JPEG, ".webp": (b"RIFF",)}
EXPECTED_IMAGE = f"a PNG, JPEG or WebP image under {IMAGES_DIR}/"


def image_problem(root: Path, src: str) -> str | None:
    """What is wrong with the image ``src`` (a path under docs/assets/images/), if anything."""
    if PurePosixPath(src).is_absolute() or ".." in PurePosixPath(src).parts or "\\" in src:
        return f"'{src}' leads out of {IMAGES_DIR}/"
    base = (root / IMAGES_DIR).resolve()
    file = root / IMAGES_DIR / src
    if not file.is_file():
        return f"'{src}' does not exist"
    if not file.resolve().is_relative_to(base):
        return f"'{src}' leads out of {IMAGES_DIR}/"
    with file.open("rb") as opened:
        return bytes_problem(src, opened.read(16))


def bytes_problem(name: str, data: bytes) -> str | None:
    """What is wrong with ``data`` as the image named ``name``, if anything: its name must say
    PNG, JPEG or WebP, and its first bytes must be that kind of image."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SIGNATURES:
        return f"'{name}' is not a PNG, JPEG or WebP image"
    if not data.startswith(SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
        return f"the bytes of '{name}' are not a {suffix[1:].upper()} image"
    return None


def check_docs(root: Path, extensions: list) -> list[Problem]:
    """Every file of docs/: Markdown pages held to no script and no loads from elsewhere, and
    nothing else but real images under docs/assets/images/."""
    problems = []
    docs = root / "docs"
    for file in sorted(p for p in docs.rglob("*") if p.is_file() or p.is_symlink()):
        rel = file.relative_to(root).as_posix()
        if file.suffix == ".md" and rel.startswith(ASSETS_DIR + "/"):
            problems.append(Problem(rel, 1, "file", f"is a Markdown file in {ASSETS_DIR}/: it would be published as a page",
                                    f"hand-written pages in docs/, outside {ASSETS_DIR}/; images only in {IMAGES_DIR}/"))
        elif file.suffix == ".md" and not file.is_symlink():
            try:
                problems.extend(check_page(rel, file.read_text(encoding="utf-8"), extensions))
            except UnicodeDecodeError:
                problems.append(Problem(rel, 1, "encoding", "is not UTF-8", "save the file as UTF-8"))
        elif rel.startswith(IMAGES_DIR + "/"):
            wrong = image_problem(root, rel[len(IMAGES_DIR) + 1:])
            if wrong:
                problems.append(Problem(rel, 1, "file", wrong, EXPECTED_IMAGE))
        else:
            problems.append(Problem(rel, 1, "file", "would be published as it is",
                                    f"only Markdown pages in docs/, and images under {IMAGES_DIR}/"))
    return problems
