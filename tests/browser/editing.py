"""Driving the editor's forms (Decap CMS) as an editor does: by the labels of its fields."""
from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Locator, Page

from helpers import poll


def field(scope: Page | Locator, name: str) -> Locator:
    """The control of the field ``name`` (the first such field inside ``scope``): Decap's labels
    point to "<name>-field-<n>"."""
    return scope.locator(f'xpath=.//label[starts-with(@for, "{name}-field-")]/../..').first


def write(scope: Page | Locator, name: str, text: str) -> None:
    """Type ``text`` into the field ``name``: a one-line box or a text area (in place of what it
    holds), or a Markdown editor (after what it holds)."""
    control = field(scope, name)
    box = control.locator('input[type="text"], textarea, [contenteditable="true"]').first
    if box.get_attribute("contenteditable") == "true":
        box.click()
        box.press("Control+End")  # after what is there
        for i, line in enumerate(text.split("\n")):
            if i:
                box.press("Enter")
            box.type(line)
    else:
        box.fill(text)


def texts(page: Page, name: str, **by_language: str) -> None:
    """Write a text in each language: the field ``name``'s subfields ro, en..."""
    control = field(page, name)
    for lang, text in by_language.items():
        write(control, lang, text)


def choose(page: Page, name: str, typed: str, option: str) -> None:
    """Pick ``option`` from the list of the field ``name`` (a select or a relation), typing
    ``typed`` to find it."""
    control = field(page, name)
    box = control.locator("input").first
    box.click()
    box.fill(typed)
    page.locator('[id*="-option-"]', has_text=option).first.click()


def publish_now(page: Page) -> None:
    """Press Publicare, then Publică acum (the editor speaks the site's default language)."""
    page.get_by_role("button", name="Publicare", exact=True).click()
    page.get_by_text("Publică acum", exact=True).click()


def publish(page: Page, saved: Path) -> None:
    """Save the entry and wait until ``saved`` is written; fail with what the editor said."""
    before = saved.stat().st_mtime_ns if saved.exists() else None
    publish_now(page)
    poll(lambda: saved.exists() and saved.stat().st_mtime_ns != before,
         lambda: f"{saved} was not written; the editor says: {page.locator('body').inner_text()[:2000]}")
    page.get_by_text("Intrare salvată").wait_for()
    # A new entry's page becomes the entry's own: wait for it, or it would follow the next goto.
    page.wait_for_function("() => !location.hash.endsWith('/new')")
    page.get_by_text("Modificări salvate").wait_for()


def login(page: Page, url: str) -> None:
    page.goto(url + "/admin/")
    page.get_by_role("button", name="Autentifică-te").click()
    page.get_by_text("Colecții").first.wait_for()
