"""The trainer's kit, as a trainer uses it: QR codes a phone can read, a handout and a whole guide
that print the way they were meant to (Chromium's print emulation and its PDF)."""
from __future__ import annotations

import io

import pypdf
import pytest
import yaml
import zxingcpp
from PIL import Image

from browsing import assert_accessible
from helpers import ROOT

SITE = "https://servicii-sociale.example.org"
CHAPTERS = sorted((yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/guide").glob("*.yml")),
                  key=lambda c: c["order"])
STRINGS = {lang: yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8")) for lang in ("ro", "en")}
PREFIX = {"ro": "", "en": "/en"}


def decode(png: bytes) -> list[str]:
    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


@pytest.mark.parametrize("lang", ["ro", "en"])
@pytest.mark.parametrize("section", ["", "metodologia/"])
def test_the_downloadable_qr_code_reads_as_the_full_short_link(page, site_url, lang, section):
    page.goto(f"{site_url}{PREFIX[lang]}/g/costificarea/{section}qr.svg")
    assert decode(page.locator("svg").screenshot()) == [f"{SITE}{PREFIX[lang]}/g/costificarea/{section}"]


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_qr_code_beside_a_section_reads_as_its_short_link_on_screen_and_in_print(page, site_url, lang):
    page.goto(f"{site_url}{PREFIX[lang]}/ghid/costificarea/")
    code = page.locator("#metodologia ~ .bss-short-link svg").first
    assert decode(code.screenshot()) == [f"{SITE}{PREFIX[lang]}/g/costificarea/metodologia/"]
    page.emulate_media(media="print")
    assert code.is_visible() and decode(code.screenshot()) == [f"{SITE}{PREFIX[lang]}/g/costificarea/metodologia/"]


def pdf_pages(page) -> list[str]:
    """The text of each printed page, as Chromium prints the page to PDF (A4)."""
    reader = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [" ".join((p.extract_text() or "").split()) for p in reader.pages]


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_a_handout_prints_each_section_from_a_new_page_with_its_short_link(page, site_url, axe, lang):
    chapter = next(c for c in CHAPTERS if c["id"] == "costificarea")
    page.goto(f"{site_url}{PREFIX[lang]}/ghid/costificarea/fisa/")
    assert_accessible(axe, page)
    page.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".bss-print", ".bss-qr-download", ".bss-back"):
        assert page.locator(hidden).first.is_hidden(), hidden
    assert page.locator(".bss-qr__code").count() == 1 + len(chapter["sections"])
    printed = pdf_pages(page)
    for section in chapter["sections"][1:]:  # the first follows the chapter's title on page 1
        starts = [i for i, text in enumerate(printed) if text.startswith(section["title"][lang])]
        assert starts, (section["id"], printed)
        assert f"{SITE}{PREFIX[lang]}/g/costificarea/{section['id']}/" in printed[starts[0]].replace(" ", "")
    assert any(text.startswith(STRINGS[lang]["guide.terms_used"]) for text in printed)


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_whole_guide_prints_contents_then_each_chapter_from_a_new_page(page, site_url, lang):
    page.goto(f"{site_url}{PREFIX[lang]}/ghid/complet/")
    page.emulate_media(media="print")
    reference = page.locator('a[data-bss-short]').first
    after = reference.evaluate("a => getComputedStyle(a, '::after').content")
    assert reference.get_attribute("data-bss-short") in after and "/g/" in after
    printed = pdf_pages(page)
    assert printed[0].startswith(STRINGS[lang]["guide.whole"]) and STRINGS[lang]["guide.contents"] in printed[0]
    for n, chapter in enumerate(CHAPTERS, 1):
        heading = f"{STRINGS[lang]['guide.chapter_n'].format(n=n)}. {chapter['title'][lang]}"
        assert any(text.startswith(heading) for text in printed), heading
    styles = page.locator("h2.bss-chapter").first.evaluate("h => getComputedStyle(h).breakBefore")
    assert styles == "page"


# Where each printed short link's lines break: the character each line ends with.
LINE_ENDS = """code => {
    const ends = [];
    let top = null, last = null;
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.length; i++) {
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            const box = range.getClientRects()[0];
            if (!box) continue;
            if (top !== null && box.top > top + 2) ends.push(last);
            top = box.top;
            last = node.data[i];
        }
    }
    return [ends, code.getBoundingClientRect().right];
}"""


@pytest.mark.parametrize("width", [320, 390])
@pytest.mark.parametrize("lang", ["ro", "en"])
def test_a_short_link_wraps_only_after_a_slash_on_a_phone(browser, site_url, lang, width):
    ctx = browser.new_context(viewport={"width": width, "height": 800})
    page = ctx.new_page()
    page.goto(f"{site_url}{PREFIX[lang]}/ghid/costificarea/")
    wrapped = 0
    for code in page.locator(".bss-short code").all():
        ends, right = code.evaluate(LINE_ENDS)
        assert all(end == "/" for end in ends), (code.text_content(), ends)  # never costifi|carea
        assert right <= width, code.text_content()  # and never out of the screen
        wrapped += bool(ends)
    assert wrapped  # the phone is narrow enough that some do wrap
    ctx.close()


def test_the_print_button_stands_under_its_hint(context, site_url):
    """Inline at the end of the hint, the button wrapped onto a line of its own, indented and touching
    the line above it (the chapter's handout and the whole guide, on a phone and a wide screen)."""
    page = context.new_page()
    for path in ("/ghid/costificarea/fisa/", "/en/ghid/complet/"):
        page.goto(f"{site_url}{path}")
        for width in (390, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            button = page.locator("button.bss-print")
            left, gap = button.evaluate("""b => { const text = document.createRange(), box = b.getBoundingClientRect();
                text.setStart(b.parentElement, 0); text.setEndBefore(b);
                const lines = [...text.getClientRects()].filter(r => r.width > 0);
                return [box.left - b.parentElement.getBoundingClientRect().left, box.top - lines.at(-1).bottom]; }""")
            assert button.is_visible() and abs(left) < 1 and gap >= 8, (path, width, left, gap)
