"""Every page type in every language, at phone and desktop width, on one contact sheet per language.

    python tools/screenshots.py [SITE_DIR] [OUT_DIR]      (defaults: site screenshots)

Look at the sheets (OUT_DIR/<lang>.png) before calling a change done: a test proves what you
thought of, a look finds what you did not. Each shot is also kept alone, OUT_DIR/<lang>/<page>-<width>.png.
"""
from __future__ import annotations

import sys
from pathlib import Path

import yaml
from PIL import Image, ImageDraw
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "hooks"))

from bss.prepare.pages.links import language_prefix  # noqa: E402
from bss.settings import load_settings  # noqa: E402
from server import StaticServer  # noqa: E402
from transfer import ARGS, CHROMIUM  # noqa: E402

# One page of each type; a quiz is shown checked, the catalogue filtered.
PAGES = [
    ("home", ""), ("programmes", "programe/"), ("programme", "programe/ssmb-2021/"), ("partners", "parteneri/"),
    ("partner", "parteneri/clinica-juridica-balti/"), ("catalogue", "studii-de-caz/"),
    ("catalogue-filtered", "studii-de-caz/?raion=MD-BA"), ("catalogue-type", "studii-de-caz/tip/centru-de-zi/"),
    ("catalogue-district", "studii-de-caz/raion/md-ba/"), ("case-study", "studii-de-caz/spalatorie-sociala-glodeni/"),
    ("open-data", "studii-de-caz/date-deschise/"), ("results", "rezultate/"), ("guide", "ghid/"),
    ("chapter", "ghid/costificarea/"), ("handout", "ghid/costificarea/fisa/"), ("whole-guide", "ghid/complet/"), ("glossary", "glosar/"),
    ("courses", "cursuri/"), ("course", "cursuri/servicii-comunitare/"),
    ("module", "cursuri/contractarea-sociala/costul-serviciului/"),
    ("certificate", "cursuri/servicii-comunitare/certificat/"), ("search", "cautare/?q=servicii"),
    ("not-found", "nu-exista/"), ("home-easy", "{easy}/"),
    ("case-study-easy", "studii-de-caz/spalatorie-sociala-glodeni/{easy}/"),
    ("module-easy", "cursuri/contractarea-sociala/costul-serviciului/{easy}/"),
]
WIDTHS = {390: 1800, 1280: 1500}  # width -> the most of the page's height kept
# Shots are taken with transitions finished: the header's title fades between the site's name and the
# page's as one scrolls, and was caught half-way.
SCALE = 0.3


def _easy_word(lang: str) -> str:
    """The last word of an easy-to-read page's address in ``lang`` (usor-de-citit, easy-to-read)."""
    strings = yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8"))
    return strings["easy.slug"]


def shoot(site: Path, out: Path, languages: tuple[str, ...] = load_settings(ROOT).languages.codes) -> list[Path]:
    server = StaticServer(site)
    sheets = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            for lang in languages:
                shots = []
                for width, height in WIDTHS.items():
                    ctx = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=1)
                    page = ctx.new_page()
                    for label, path in PAGES:
                        prefix = language_prefix(lang, languages)
                        page.goto(f"{server.url}/{prefix}{path.format(easy=_easy_word(lang))}")
                        page.wait_for_load_state("networkidle")
                        if label == "module":
                            _check_quiz(page)
                            quiz = out / lang / f"quiz-{width}.png"
                            quiz.parent.mkdir(parents=True, exist_ok=True)
                            page.locator("form.bss-quiz").screenshot(path=str(quiz), animations="disabled")
                            _crop(quiz, height)
                            extra = ("quiz", width, quiz)
                            page.evaluate("window.scrollTo(0, 0)")
                            page.mouse.move(width - 1, 450)  # off the heading the quiz's button left it over (its ¶ showed)
                        file = out / lang / f"{label}-{width}.png"
                        file.parent.mkdir(parents=True, exist_ok=True)
                        full = page.evaluate("document.documentElement.scrollHeight")
                        page.screenshot(path=str(file), clip={"x": 0, "y": 0, "width": width, "height": min(full, height)},
                                        full_page=True, animations="disabled")
                        shots.append((label, width, file))
                        if label == "module":
                            shots.append(extra)
                    ctx.close()
                sheets.append(_sheet(shots, out / f"{lang}.png"))
            browser.close()
    finally:
        server.close()
    return sheets


def _crop(file: Path, height: int) -> None:
    image = Image.open(file)
    if image.height > height:
        image.crop((0, 0, image.width, height)).save(file)


def _check_quiz(page) -> None:
    """Answer the first question wrongly, the second rightly, leave the rest: then check."""
    questions = page.locator("fieldset.bss-q")
    if questions.count() < 2:
        return
    wrong = questions.nth(0).locator("input[data-correct=false]")
    if wrong.count():
        wrong.first.check()
    right = questions.nth(1).locator("input[data-correct=true]")
    if right.count():
        right.first.check()
    page.locator(".bss-quiz button[type=submit]").click()


def _sheet(shots: list, target: Path, columns: int = 4) -> Path:
    """A grid of pages, each labelled, its phone and desktop shots side by side."""
    pages: dict[str, list] = {}
    for label, _width, file in shots:
        im = Image.open(file)
        pages.setdefault(label, []).append(im.resize((int(im.width * SCALE), int(im.height * SCALE))))
    cells = []
    for label, ims in pages.items():
        cell = Image.new("RGB", (sum(i.width for i in ims) + 10 * len(ims), max(i.height for i in ims) + 18), "white")
        draw = ImageDraw.Draw(cell)
        draw.text((2, 2), label, fill="black")
        x = 0
        for im in ims:
            cell.paste(im, (x, 16))
            draw.rectangle([x, 15, x + im.width, 16 + im.height], outline="#888888")
            x += im.width + 10
        cells.append(cell)
    rows = [cells[i:i + columns] for i in range(0, len(cells), columns)]
    width = max(sum(c.width + 16 for c in row) for row in rows) + 16
    height = sum(max(c.height for c in row) + 16 for row in rows) + 16
    sheet = Image.new("RGB", (width, height), "#dddddd")
    y = 16
    for row in rows:
        x = 16
        for cell in row:
            sheet.paste(cell, (x, y))
            x += cell.width + 16
        y += max(c.height for c in row) + 16
    sheet.save(target)
    return target


if __name__ == "__main__":
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    out = Path(sys.argv[2] if len(sys.argv) > 2 else "screenshots")
    for sheet in shoot(site, out):
        print(f"Contact sheet: {sheet}")
