"""Files published as they are: the photos, and everything else in docs/.

MkDocs copies any file it finds in docs/ onto the site. An SVG or an HTML file served from the
site's own address can run script there, so docs/ may hold only Markdown pages and real raster
images (PNG, JPEG, WebP) under docs/assets/images/, each image's bytes matching its name. And
MkDocs makes a page of any Markdown file: docs/assets/ (where the editor's uploads go) holds none.
"""
from __future__ import annotations

from pathlib import Path, PurePosixPath

from bss.prepare.read.markup import check_page
from bss.prepare.caches import Caches
from bss.problems import Problem

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
    return bytes_problem(src, file.read_bytes())


def bytes_problem(name: str, data: bytes) -> str | None:
    """What is wrong with ``data`` as the image named ``name``, if anything: its name must say
    PNG, JPEG or WebP, and its first bytes must be that kind of image."""
    suffix = PurePosixPath(name).suffix.lower()
    if suffix not in SIGNATURES:
        return f"'{name}' is not a PNG, JPEG or WebP image"
    if not data.startswith(SIGNATURES[suffix]) or (suffix == ".webp" and data[8:12] != b"WEBP"):
        return f"the bytes of '{name}' are not a {suffix[1:].upper()} image"
    if size_of(data) is None:
        return f"the size of '{name}' cannot be read (a damaged or cut-off {suffix[1:].upper()} file)"
    return None


def image_size(file: Path) -> tuple[int, int] | None:
    """An image's width and height in pixels, read from its header (PNG, JPEG, WebP), or None.

    The page gives every photo its size, so the browser keeps its place before the (lazily
    loaded) image arrives and the text below does not jump.
    """
    return size_of(file.read_bytes())


def size_of(data: bytes) -> tuple[int, int] | None:
    """The width and height that the header in ``data`` gives, or None."""
    if data.startswith(b"\x89PNG") and data[12:16] == b"IHDR":
        return _positive(int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big"))
    if data.startswith(b"\xff\xd8"):
        return _jpeg_size(data)
    if data.startswith(b"RIFF") and data[8:12] == b"WEBP":
        return _webp_size(data)
    return None


def _positive(width: int, height: int) -> tuple[int, int] | None:
    return (width, height) if width > 0 and height > 0 else None


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in the first start-of-frame segment (SOF0 to SOF15, but DHT, JPG and DAC)."""
    i = 2
    while i + 9 < len(data):
        if data[i] != 0xFF:
            return None
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if 0xD0 <= marker <= 0xD9 or marker == 0x01:  # markers without a length
            i += 2
            continue
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            return _positive(int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big"))
        i += 2 + int.from_bytes(data[i + 2:i + 4], "big")
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        return _positive(int.from_bytes(data[26:28], "little") & 0x3FFF, int.from_bytes(data[28:30], "little") & 0x3FFF)
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8X" and len(data) >= 30:
        return int.from_bytes(data[24:27], "little") + 1, int.from_bytes(data[27:30], "little") + 1
    return None


def check_docs(root: Path, extensions: list, caches: Caches | None = None) -> list[Problem]:
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
                problems.extend(check_page(rel, file.read_text(encoding="utf-8"), extensions, caches))
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
