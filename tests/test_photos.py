"""Photos of a case study: PNG, JPEG and WebP, built in both languages, each with its alt text,
caption and size (so nothing jumps while it loads lazily); a cut-off file is refused."""
from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
import yaml
from PIL import Image

from bss.prepare.read.files import image_problem, image_size
from helpers import shared_build
from photos import CASE, PHOTOS, RECORD, build_photo_site, draw
from sitefiles import read_page

RECORD_DATA = yaml.safe_load(RECORD.read_text(encoding="utf-8"))


@pytest.mark.parametrize("name, kind, options", [
    ("a.png", "PNG", {}), ("b.jpg", "JPEG", {}), ("c.jpeg", "JPEG", {"progressive": True}),
    ("d.webp", "WEBP", {}), ("e.webp", "WEBP", {"lossless": True}), ("f.webp", "WEBP", {"exif": b"Exif\0\0x"}),
])
def test_the_size_of_each_kind_of_image_is_read_from_its_header(tmp_path, name, kind, options):
    file = draw(tmp_path / "docs/assets/images" / name, 123, 45, kind, **options)
    with Image.open(file) as image:
        assert image_size(file) == (123, 45) == image.size
    assert image_problem(tmp_path, name) is None


def test_an_image_cut_off_after_its_signature_is_refused(tmp_path):
    images = tmp_path / "docs/assets/images"
    whole = draw(images / "whole.jpg", 50, 40, "JPEG")
    (images / "cut.jpg").write_bytes(whole.read_bytes()[:20])
    (images / "cut.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert image_problem(tmp_path, "whole.jpg") is None
    assert "cannot be read" in image_problem(tmp_path, "cut.jpg")
    assert "cannot be read" in image_problem(tmp_path, "cut.png")


@pytest.fixture(scope="module")
def photo_site(tmp_path_factory):
    return shared_build(tmp_path_factory, "photo_site", build_photo_site)


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_each_photo_shows_with_its_alt_text_caption_and_size(photo_site, lang):
    url = ("/en" if lang == "en" else "") + f"/studii-de-caz/{CASE}/"
    html = read_page(photo_site, url)
    figures = re.findall(r'<figure class="bss-photo">(.*?)</figure>', html, flags=re.S)
    assert len(figures) == len(PHOTOS)
    for figure, photo, (src, (width, height, _, _)) in zip(figures, RECORD_DATA["photos"], PHOTOS.items()):
        img = re.search(r"<img [^>]*>", figure).group(0)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', img))
        assert attrs["alt"] == photo["alt"][lang]
        assert (attrs["width"], attrs["height"]) == (str(width), str(height))
        assert attrs["loading"] == "lazy"
        published = photo_site / urljoin(url, attrs["src"]).lstrip("/")
        assert published.is_file() and published.name == src.split("/")[-1], attrs["src"]
        caption = re.search(r"<figcaption>(.*?)</figcaption>", figure, flags=re.S)
        if "caption" in photo:
            assert caption.group(1).strip() == photo["caption"][lang]
        else:
            assert caption is None
