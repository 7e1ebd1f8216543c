"""The guide's PDFs for trainers, read back as a reader of paper reads them: a contents whose page
numbers are where the chapters and sections start, the site's name, the funding line and the short
link on every page, no page left almost empty; linked from the guide and its chapters with the
file's size; and where WeasyPrint's libraries are missing, a build that says so and links nowhere."""
from __future__ import annotations

import functools
import html as htmlib
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock
from urllib.parse import urljoin

import pytest
import yaml
from pypdf import PdfReader

from helpers import ROOT
from sitefiles import read_page

CHAPTERS = sorted((yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/guide").glob("*.yml")),
                  key=lambda c: c["order"])
STRINGS = {lang: yaml.safe_load((ROOT / f"data/i18n/{lang}.yml").read_text(encoding="utf-8")) for lang in ("ro", "en")}
SITE_NAME = {"ro": "Servicii sociale mai bune", "en": "Better Social Services"}
PUBLIC = "https://servicii-sociale.example.org/"
PREFIX = {"ro": "", "en": "en/"}
CONTENTS_LINE = re.compile(r"^(.+?)\s*\.{2,}\s*(\d+)\s*$")
LEAST_ON_A_PAGE = 300  # characters of text besides the header and footer: a few full lines (a page holds 3,000)


@functools.cache  # the PDFs of the shared build, read by several tests: each extracted once
def pages(pdf: Path) -> tuple[str, ...]:
    return tuple(page.extract_text() for page in PdfReader(pdf).pages)


def squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


def contents(text: str) -> list[tuple[str, int]]:
    """The contents' entries on a page: (title, page number)."""
    out = []
    for line in text.splitlines():
        found = CONTENTS_LINE.match(line.strip())
        if found:
            out.append((found.group(1).strip(), int(found.group(2))))
    return out


def starts_on(texts: list[str], title: str) -> int:
    """The page (from 1) where a heading that reads ``title`` first starts a line (a line of the
    contents, with its dots and number, is not a heading)."""
    for number, text in enumerate(texts, start=1):
        if any(squeezed(line).startswith(squeezed(title)[:40]) and not CONTENTS_LINE.match(line.strip())
               for line in text.splitlines()):
            return number
    raise AssertionError(f"no page starts a line with {title!r}")


def title(text: dict, lang: str) -> str:
    return text.get(lang) or text["ro"]


def whole(site: Path, lang: str) -> Path:
    return site / f"{PREFIX[lang]}ghid/complet/ghid-{lang}.pdf"


def handout(site: Path, lang: str, chapter: str) -> Path:
    return site / f"{PREFIX[lang]}ghid/{chapter}/fisa/{chapter}-{lang}.pdf"


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_whole_guides_contents_gives_the_page_each_chapter_and_section_starts_on(built_site, lang):
    texts = pages(whole(built_site, lang))
    listed = contents(texts[0])
    wanted = []
    for n, chapter in enumerate(CHAPTERS, start=1):
        wanted.append(STRINGS[lang]["guide.chapter_n"].format(n=n) + ". " + title(chapter["title"], lang))
        wanted += [title(section["title"], lang) for section in chapter["sections"]]
    assert [squeezed(t) for t, _ in listed] == [squeezed(t) for t in wanted]
    for entry, number in listed:
        assert starts_on(texts, entry) == number, entry
    assert [n for _, n in listed] == sorted(n for _, n in listed) and listed[-1][1] <= len(texts)


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_each_handouts_contents_gives_the_page_each_section_starts_on(built_site, lang):
    for chapter in CHAPTERS:
        texts = pages(handout(built_site, lang, chapter["id"]))
        listed = contents(texts[0])
        sections = [title(section["title"], lang) for section in chapter["sections"]]
        assert [squeezed(t) for t, _ in listed][:len(sections)] == [squeezed(t) for t in sections], chapter["id"]
        assert len(listed) == len(sections) + (1 if len(listed) > len(sections) else 0)
        for entry, number in listed:
            assert starts_on(texts, entry) == number, (chapter["id"], entry)


def every_pdf(site: Path):
    for lang in ("ro", "en"):
        yield lang, whole(site, lang), PUBLIC + PREFIX[lang]
        for chapter in CHAPTERS:
            yield lang, handout(site, lang, chapter["id"]), f"{PUBLIC}{PREFIX[lang]}g/{chapter['id']}/"


def test_every_page_has_the_sites_name_the_funding_line_and_the_short_link(built_site):
    count = 0
    for lang, pdf, address in every_pdf(built_site):
        texts = pages(pdf)
        for number, text in enumerate(texts, start=1):
            flat = squeezed(text)
            assert squeezed(SITE_NAME[lang]) in flat, (pdf, number)
            assert squeezed(STRINGS[lang]["eu.statement"]) in flat, (pdf, number)
            assert f"{number}/{len(texts)}" in flat, (pdf, number)
            assert squeezed(address) in flat, (pdf, number, address)
            count += 1
    assert count >= 2 * (len(CHAPTERS) + 1)


# The EU emblem as the PDF draws it (pdf.html, from the site's own partial): the blue rectangle,
# #003399, and twelve stars, #FFCC00, each a fill of its own, as PDF colour operators.
EMBLEM_BLUE, EMBLEM_YELLOW = b"0 0.2 0.6 rg", b"1 0.8 0 rg"


def test_every_page_has_the_eu_emblem_beside_the_funding_line(built_site):
    for lang, pdf, _ in every_pdf(built_site):
        for number, page in enumerate(PdfReader(pdf).pages, start=1):
            drawn = page.get_contents().get_data()
            assert drawn.count(EMBLEM_BLUE) == 1 and drawn.count(EMBLEM_YELLOW) == 12, (pdf, number)
            said = squeezed(pages(pdf)[number - 1])
            assert squeezed(STRINGS[lang]["eu.statement"]) in said, (pdf, number)


def test_every_pdf_is_tagged_for_screen_readers_in_its_language_with_its_title(built_site):
    for lang, pdf, _ in every_pdf(built_site):
        reader = PdfReader(pdf)
        root = reader.trailer["/Root"]
        assert root["/MarkInfo"]["/Marked"] and "/StructTreeRoot" in root and root["/Lang"] == lang, pdf
        assert reader.metadata.title.endswith(" · " + SITE_NAME[lang]), (pdf, reader.metadata.title)


def test_the_whole_guides_footer_gives_the_short_link_of_the_chapter_on_the_page(built_site):
    for lang in ("ro", "en"):
        texts = pages(whole(built_site, lang))
        for chapter in CHAPTERS:
            heading = squeezed(title(chapter["title"], lang))[:30]
            page = next(t for t in texts[1:] if heading in squeezed(t))
            assert squeezed(f"{PUBLIC}{PREFIX[lang]}g/{chapter['id']}/") in squeezed(page), (lang, chapter["id"])


def test_no_page_is_left_almost_empty(built_site):
    for lang, pdf, address in every_pdf(built_site):
        for number, text in enumerate(pages(pdf), start=1):
            body = text
            for said in (SITE_NAME[lang], STRINGS[lang]["eu.statement"], address):
                body = body.replace(said, "")
            assert len(squeezed(body)) >= LEAST_ON_A_PAGE, (pdf, number, text)


# What the handout page promises of each way of printing it (data/i18n, guide.handout_hint)
PRINTED = {"ro": "La tipărirea sau salvarea ca PDF din browser, fiecare secțiune începe pe o pagină nouă",
           "en": "Printed or saved as PDF from the browser, each section starts on a new page"}
RUN_ON = {"ro": "în fișa PDF de descărcat, secțiunile urmează una după alta",
          "en": "in the handout PDF to download, the sections follow one another"}


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_handout_page_says_how_the_browser_and_the_pdf_lay_out_the_sections(built_site, lang):
    """Browser printing starts each section on a new page (tests/browser/test_trainer_kit_browser.py);
    the PDF lets them follow one another, so no page is left near-empty (above). The page said "each
    section starts on a new page", which the PDF did not keep: it says now which does what."""
    flowing = []
    for chapter in CHAPTERS:
        texts = pages(handout(built_site, lang, chapter["id"]))
        for section in chapter["sections"][1:]:
            heading = squeezed(title(section["title"], lang))[:40]
            lines = [squeezed(line) for line in texts[starts_on(texts, title(section["title"], lang)) - 1].splitlines()]
            before = lines[:next(i for i, line in enumerate(lines) if line.startswith(heading))]
            flowing.append(any(line and line != squeezed(SITE_NAME[lang]) for line in before))
    assert any(flowing), "every section of the PDF starts a page: the hint's second half is wrong"
    html = read_page(built_site, f"/{PREFIX[lang]}ghid/{CHAPTERS[0]['id']}/fisa/")
    hint = htmlib.unescape(re.search(r'<p class="bss-handout__hint">(.*?)<button', html, re.S).group(1))
    assert PRINTED[lang] in hint and RUN_ON[lang] in hint, hint

def pdf_links(page: str) -> list[tuple[str, str]]:
    return [(href, htmlib.unescape(text)) for href, text in
            re.findall(r'<a href="([^"]+)" type="application/pdf">([^<]+)</a>', page)]


def test_the_guide_its_chapters_and_handouts_link_to_their_pdf_with_its_size(built_site):
    for lang in ("ro", "en"):
        pages_and_pdfs = [("ghid/", whole(built_site, lang)), ("ghid/complet/", whole(built_site, lang))]
        for chapter in CHAPTERS:
            pdf = handout(built_site, lang, chapter["id"])
            pages_and_pdfs += [(f"ghid/{chapter['id']}/", pdf), (f"ghid/{chapter['id']}/fisa/", pdf)]
        for address, pdf in pages_and_pdfs:
            url = f"/{PREFIX[lang]}{address}"
            (href, text), = pdf_links(read_page(built_site, url))
            assert (built_site / urljoin(url, href).lstrip("/")).resolve() == pdf.resolve()
            kb = round(pdf.stat().st_size / 1000)
            assert re.search(rf"\(PDF, {kb}\u00a0KB\)$", text), (url, text, kb)


def test_a_pdf_takes_nothing_from_outside_the_built_site(tmp_path):
    """An image of the site is drawn; a file elsewhere on the machine or an address elsewhere is not read."""
    from PIL import Image
    sys.path.insert(0, str(ROOT / "hooks"))
    from bss.finish.pdfs import make_pdfs
    from bss.pdf_document import Document
    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    Image.new("RGB", (8, 8), "red").save(site / "p" / "dot.png")
    Image.new("RGB", (8, 8), "blue").save(tmp_path / "secret.png")
    article = ('<article class="md-content__inner md-typeset"><h1>T</h1><img src="dot.png" alt="">'
               f'<img src="{(tmp_path / "secret.png").as_uri()}" alt=""><img src="../../../secret.png" alt="">'
               '<img src="http://127.0.0.1:9/x.png" alt=""></article>')
    (site / "p" / "index.html").write_text(f"<html><body>{article}</body></html>")
    doc = Document("p/index.html", "p/p.pdf", "en", "en", "T", "Site", "Funded", PUBLIC + "p/",
                   lambda size: size, (), PUBLIC)
    seen: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(record.getMessage())
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        make_pdfs(site, [doc], tmp_path / "cache")
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
    refused = [m for m in seen if "not a file of the built site" in m]
    assert len(refused) == 3 and not any("dot.png" in m for m in refused), seen
    assert len(PdfReader(site / "p" / "p.pdf").pages[0].images) == 1


def test_a_pdf_is_made_again_only_when_its_page_changed(tmp_path):
    sys.path.insert(0, str(ROOT / "hooks"))
    from bss.finish.pdfs import make_pdfs
    from bss.pdf_document import Document
    site = tmp_path / "site"
    (site / "p").mkdir(parents=True)
    page = site / "p" / "index.html"
    docs = [Document("p/index.html", "p/p.pdf", "en", "en", "T", "Site", "Funded", PUBLIC, lambda s: s,
                     ("p/index.html",), PUBLIC)]
    body = '<article class="md-content__inner md-typeset"><h1>{}</h1><p class="bss-pdf-link" hidden=""></p></article>'
    page.write_text(body.format("One"))
    assert make_pdfs(site, docs, tmp_path / "cache").endswith("1 made, 0 unchanged since the last build")
    page.write_text(body.format("One"))  # a new build writes the same page
    with mock.patch.dict(sys.modules, {"weasyprint": None}):  # nothing to make: WeasyPrint is not even loaded
        assert make_pdfs(site, docs, tmp_path / "cache").endswith("0 made, 1 unchanged since the last build")
    assert "bss-pdf-link" in page.read_text() and "One" in PdfReader(site / "p" / "p.pdf").pages[0].extract_text()
    one, = (tmp_path / "cache").glob("*.pdf")
    page.write_text(body.format("Two"))
    assert make_pdfs(site, docs, tmp_path / "cache").endswith("1 made, 0 unchanged since the last build")
    assert "Two" in PdfReader(site / "p" / "p.pdf").pages[0].extract_text()
    two, = set((tmp_path / "cache").glob("*.pdf")) - {one}  # another build may still use the first: it stays
    os.utime(one, (0, 0))  # until no build has used it for a day
    page.write_text(body.format("Two"))
    make_pdfs(site, docs, tmp_path / "cache")
    assert list((tmp_path / "cache").glob("*.pdf")) == [two]


FAKE_WEASYPRINT = '''raise OSError("cannot load library 'libpango-1.0-0': libpango-1.0-0: cannot open shared object file")\n'''


def build_without_pango(project: Path, tmp_path: Path, **env) -> subprocess.CompletedProcess:
    """A build on a machine with WeasyPrint but not Debian's pango: importing it fails as it does there."""
    fake = tmp_path / "no-pango" / "weasyprint"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(FAKE_WEASYPRINT)
    return subprocess.run([sys.executable, "tools/build.py", "mkdocs.yml", "site"], cwd=project, text=True,
                          capture_output=True, env={**os.environ, "PYTHONPATH": str(fake.parent), **env})


@pytest.mark.build
def test_without_pango_the_build_says_the_pdfs_were_skipped_and_links_to_none(project, tmp_path):
    result = build_without_pango(project, tmp_path, BSS_PDFS="auto")
    assert result.returncode == 0, result.stderr
    said = [line for line in result.stderr.splitlines() if "PDF" in line]
    assert said == ["PDFs skipped: WeasyPrint cannot load (cannot load library 'libpango-1.0-0': libpango-1.0-0: "
                    "cannot open shared object file); install Debian's libpango-1.0-0 libpangoft2-1.0-0 "
                    "libharfbuzz-subset0 to make them. The site is built without links to them."], result.stderr
    assert "Traceback" not in result.stderr
    site = project / "site"
    assert not list(site.rglob("*.pdf"))
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "bss-pdf-link" not in text and "application/pdf" not in text, page
    assert "Costificarea" in read_page(site, "/ghid/costificarea/")  # the pages are there, without the link


@pytest.mark.build
def test_the_publishing_build_fails_rather_than_publish_without_pdfs(project, tmp_path):
    result = build_without_pango(project, tmp_path, BSS_PDFS="required")
    assert result.returncode != 0
    assert "PDFs required (BSS_PDFS=required), but WeasyPrint cannot load" in result.stderr
    assert not (project / "site").exists()
    workflow = (ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8")
    assert "BSS_PDFS: required" in workflow


CANNOT_LOAD = '*"import weasyprint"*) exit 1;;'  # as without pango
# As without HarfBuzz's subset library: WeasyPrint loads, with a warning the tests take for an error.
WARNS = '*"-W error -c import weasyprint"*) exit 1;; *"import weasyprint"*) exit 0;;'


def stand_ins(tmp_path: Path, uid: int, weasyprint: str = CANNOT_LOAD) -> tuple[dict, Path, Path]:
    """A PATH whose apt-get records its arguments, whose id gives ``uid`` and whose sudo refuses,
    and a Python in which WeasyPrint loads as ``weasyprint`` says (a case pattern of the arguments)."""
    bin_dir, calls = tmp_path / "bin", tmp_path / "calls"
    bin_dir.mkdir()
    (bin_dir / "apt-get").write_text(f'#!/bin/sh\necho "$*" >> {calls}\n')
    (bin_dir / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    (bin_dir / "sudo").write_text("#!/bin/sh\nexit 1\n")
    python = bin_dir / "python"
    python.write_text(f'#!/bin/sh\ncase "$*" in {weasyprint} esac\nexec {sys.executable} "$@"\n')
    for stub in bin_dir.iterdir():
        stub.chmod(0o755)
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "BSS_PDFS": "auto", "BSS_APT_WAIT": "5",
           "PYTHONPATH": str(ROOT / "hooks")}
    return env, calls, python


@pytest.mark.parametrize("weasyprint", [CANNOT_LOAD, WARNS], ids=["cannot-load", "warns"])
def test_make_site_installs_pango_where_weasyprint_cannot_load(tmp_path, weasyprint):
    env, calls, python = stand_ins(tmp_path, uid=0, weasyprint=weasyprint)
    run = subprocess.run(["sh", "tools/ensure-pdf-libraries.sh", str(python)], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    lines = calls.read_text().splitlines()
    assert [line.split()[2] for line in lines] == ["update", "install"]
    assert lines[1].endswith(" libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0")
    assert "Installing Debian's libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 for the guide's PDFs" in run.stdout


def test_make_site_goes_on_where_it_cannot_install_pango(tmp_path):
    env, calls, python = stand_ins(tmp_path, uid=1000)
    run = subprocess.run(["sh", "tools/ensure-pdf-libraries.sh", str(python)], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0 and not calls.exists() and not run.stdout and not run.stderr
