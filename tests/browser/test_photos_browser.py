"""A case study's photos in a real browser, both languages, phone and desktop: each loads, keeps
inside the page, is named by its alt text in the page's language, and axe finds nothing."""
from __future__ import annotations

import pytest
import yaml

from browsing import assert_accessible
from helpers import shared_build
from photos import CASE, PHOTOS, RECORD, build_photo_site
from server import StaticServer

ALTS = [photo["alt"] for photo in yaml.safe_load(RECORD.read_text(encoding="utf-8"))["photos"]]


@pytest.fixture(scope="module")
def photo_url(tmp_path_factory):
    server = StaticServer(shared_build(tmp_path_factory, "photo_site", build_photo_site))
    yield server.url
    server.close()


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("lang", ["ro", "en"])
def test_photos_load_fit_and_are_described(browser, axe, photo_url, lang, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.goto(f"{photo_url}{'/en' if lang == 'en' else ''}/studii-de-caz/{CASE}/")
    photos = page.locator("figure.bss-photo img")
    assert photos.count() == len(PHOTOS)
    for i, (alt, (width_px, height_px, _, _)) in enumerate(zip(ALTS, PHOTOS.values())):
        photo = photos.nth(i)
        photo.scroll_into_view_if_needed()
        page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
        assert photo.get_attribute("alt") == alt[lang]
        box = photo.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width  # kept inside a phone's screen
        assert abs(box["width"] / box["height"] - width_px / height_px) < 0.02  # not stretched
    assert_accessible(axe, page)
    ctx.close()


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_a_case_study_with_photos_shows_its_first_on_its_card_in_the_catalogue(browser, photo_url, lang):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(f"{photo_url}{'/en' if lang == 'en' else ''}/studii-de-caz/")
    picture = page.locator(f"li[data-case={CASE}] .bss-card__pic img")
    assert picture.count() == 1 and picture.get_attribute("alt") == ALTS[0][lang]
    picture.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=picture.element_handle())
    box = picture.bounding_box()
    assert box["height"] > 50 and box["width"] > box["height"]  # the picture's reserved place, filled
    others = page.locator(f"li[data-case]:not([data-case={CASE}]) .bss-card__pic img[alt='']")
    assert others.count() == page.locator("li[data-case]").count() - 1  # the others: their type's illustration
    drawn = others.first
    drawn.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=drawn.element_handle())
    box = drawn.bounding_box()
    assert box["height"] > 50 and box["width"] > box["height"]  # a file that loads, in the same reserved place
    ctx.close()
