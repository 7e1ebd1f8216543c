"""The guide's addresses are a promise: anchors, short links, the whole-guide page."""
from __future__ import annotations

import html
import re
from urllib.parse import urljoin

import pytest
import yaml

from helpers import ROOT, mkdocs_build
from sitefiles import read_page

CHAPTERS = {p.stem: yaml.safe_load(p.read_text(encoding="utf-8")) for p in (ROOT / "data/guide").glob("*.yml")}


def section_ids(html: str) -> list[str]:
    return re.findall(r'<h2 id="([^"]+)"', html)


def test_section_anchors_are_the_data_ids_in_both_languages(built_site):
    for cid, chapter in CHAPTERS.items():
        wanted = [s["id"] for s in chapter["sections"]]
        for prefix in ("/", "/en/"):
            assert section_ids(read_page(built_site, f"{prefix}ghid/{cid}/")) == wanted, (prefix, cid)


def test_every_short_link_resolves_to_its_chapter_and_section(built_site):
    count = 0
    for prefix in ("", "en/"):
        for cid, chapter in CHAPTERS.items():
            for sid in [None] + [s["id"] for s in chapter["sections"]]:
                path = f"{prefix}g/{cid}/" + (f"{sid}/" if sid else "")
                html = (built_site / path / "index.html").read_text(encoding="utf-8")
                target = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', html).group(1)
                assert f'<a href="{target}">' in html  # a visible link for anyone not redirected
                resolved = urljoin(f"/{path}", target)
                assert resolved == f"/{prefix}ghid/{cid}/" + (f"#{sid}" if sid else "")
                page = read_page(built_site, resolved.split("#")[0])
                assert not sid or f'id="{sid}"' in page
                count += 1
    assert count == 2 * sum(1 + len(c["sections"]) for c in CHAPTERS.values())


def test_whole_guide_holds_every_chapter_and_section_in_order(built_site):
    for prefix in ("/", "/en/"):
        html = read_page(built_site, f"{prefix}ghid/complet/")
        order = sorted(CHAPTERS.values(), key=lambda c: c["order"])
        ids = [i for i in re.findall(r'<h[23][^>]* id="([^"]+)"', html) if i != "contents"]
        wanted = []
        for chapter in order:
            wanted += [chapter["id"]] + [f"{chapter['id']}--{s['id']}" for s in chapter["sections"]]
        assert ids == wanted


def test_references_become_titled_links_in_the_page_language(built_site):
    ro = read_page(built_site, "/ghid/procedura-de-achizitie/")
    en = read_page(built_site, "/en/ghid/procedura-de-achizitie/")
    short = "https://servicii-sociale.example.org{}/g/cadrul-legal/proiectul-de-lege-2022/"
    assert ('<a href="../cadrul-legal/#proiectul-de-lege-2022" data-bss-short="' + short.format("") +
            '">Proiectul de lege din 2022 privind contractarea</a>') in ro
    assert ('<a href="../cadrul-legal/#proiectul-de-lege-2022" data-bss-short="' + short.format("/en") +
            '">The 2022 bill on contracting</a>') in en
    term = re.search(r'<a class="bss-term" href="../../glosar/#autoritate-contractanta" title="([^"]+)">', ro)
    glossary = {t["id"]: t for t in yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]}
    assert term and html.unescape(term.group(1)) == glossary["autoritate-contractanta"]["definition"]["ro"]


@pytest.mark.build
def test_retitled_section_keeps_its_address(project, tmp_path):
    chapter = project / "data/guide/costificarea.yml"
    chapter.write_text(chapter.read_text(encoding="utf-8").replace(
        "title: {ro: Metodologia de costificare, en: The costing methodology}",
        "title: {ro: Cum se calculează costul, en: How the cost is worked out}"), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    for prefix in ("/", "/en/"):
        html = read_page(tmp_path / "site", f"{prefix}ghid/costificarea/")
        assert re.search(r'<h2 id="metodologia">(Cum se calculează costul|How the cost is worked out)', html)
        assert (tmp_path / "site" / prefix.strip("/") / "g/costificarea/metodologia/index.html").exists()
    # Links elsewhere follow the new title.
    assert "How the cost is worked out" in read_page(tmp_path / "site", "/en/ghid/contractul-si-monitorizarea/")


@pytest.mark.build
def test_broken_reference_in_a_page_fails_the_build(project, tmp_path):
    (project / "docs/cautare.md").write_text(
        (project / "docs/cautare.md").read_text(encoding="utf-8") + "\nVedeți [[ghid:costificarea#metoda]].\n",
        encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    line = len((project / "docs/cautare.md").read_text(encoding="utf-8").splitlines())
    assert (f"docs/cautare.md:{line}: text: [[ghid:costificarea#metoda]] refers to nothing "
            "(did you mean [[ghid:costificarea#metodologia]]?)") in result.stderr


def short_url(prefix: str, cid: str, sid: str | None = None) -> str:
    return f"https://servicii-sociale.example.org/{prefix}g/{cid}/" + (f"{sid}/" if sid else "")


def test_every_short_link_has_its_qr_code_on_the_page_and_as_a_file(built_site):
    for prefix, label in (("", "Cod QR al linkului scurt"), ("en/", "QR code of the short link")):
        for cid, chapter in CHAPTERS.items():
            page = read_page(built_site, f"/{prefix}ghid/{cid}/")
            for sid in [None] + [s["id"] for s in chapter["sections"]]:
                url = short_url(prefix, cid, sid)
                assert f'<svg role="img" aria-label="{label} {url}"' in page, (prefix, cid, sid)
                svg = (built_site / f"{prefix}g/{cid}/" / (f"{sid}/" if sid else "") / "qr.svg").read_text(encoding="utf-8")
                assert svg.startswith("<?xml") and "<title>" in svg
                download = f'download="qr-{cid}{"-" + sid if sid else ""}.svg"'
                # the link to download it leads to this language's file (the QR code of its own address)
                href = re.search(rf'{download} href="([^"]+)"', page)
                assert href, (prefix, cid, sid)
                assert urljoin(f"/{prefix}ghid/{cid}/", href.group(1)) == f"/{prefix}g/{cid}/" + (f"{sid}/" if sid else "") + "qr.svg"


def terms_referred(chapter: dict) -> set[str]:
    text = yaml.safe_dump(chapter["sections"], allow_unicode=True)
    return set(re.findall(r"\[\[glosar:([a-z0-9-]+)", text))


def test_each_chapter_has_a_handout_with_every_section_and_the_terms_it_uses(built_site):
    glossary = {t["id"]: t for t in yaml.safe_load((ROOT / "data/glossary.yml").read_text(encoding="utf-8"))["terms"]}
    for prefix, lang in (("", "ro"), ("en/", "en")):
        for cid, chapter in CHAPTERS.items():
            page = read_page(built_site, f"/{prefix}ghid/{cid}/fisa/")
            assert section_ids(page) == [s["id"] for s in chapter["sections"]] + (
                ["termeni-din-glosar"] if terms_referred(chapter) else [])
            assert page.count('class="bss-handout__section"') == len(chapter["sections"])
            for sid in [None] + [s["id"] for s in chapter["sections"]]:
                assert short_url(prefix, cid, sid) in page
            shown = re.findall(r"<dt>(.*?)</dt>", page)
            assert sorted(shown) == sorted(html.escape(glossary[t]["term"][lang], quote=False) for t in terms_referred(chapter))
            assert 'href="fisa/"' in read_page(built_site, f"/{prefix}ghid/{cid}/")  # the chapter leads to it
