"""Content can never run script or reach another origin, wherever it lands: the page body, the
table of contents, the page title and description, the navigation, the open data.

A site is built from content written the way a careless or hostile editor might, in plain-text
fields (which must show as text) and in Markdown (where the allowed markup stays), and the built
files are read as the browser would read them.
"""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import threading
import tracemalloc
from html.parser import HTMLParser

from pathlib import Path

import pytest

from bss import csp
from bss.prepare.read import source as yaml_source
from bss.sanitize import clean_html
from bss.prepare.read.source import DocumentError, read_document
from helpers import ROOT, copy_project, mkdocs_build, shared_build

TITLE = '*Bold* [link](https://evil.example) `code` <img src=x onerror="window.__xss=1"> {: #__config } & co #'
EASY = 'Un <img src=x onerror="window.__xss=4"> *serviciu* {: #__config }.'
HOSTILE_CASE = f"""# yaml-language-server: $schema=../schemas/case-study.schema.json
id: proba
title: {{ro: {json.dumps(TITLE)}, en: {json.dumps(TITLE)}}}
service_type: centru-de-zi
target_groups: [copii-vulnerabili]
districts: [MD-CA]
locality: {{ro: "=HYPERLINK(\\"https://evil.example\\")", en: "@SUM(1+1)*cmd|' /C calc'!A0"}}
summary: {{ro: {json.dumps(TITLE)}, en: {json.dumps(TITLE)}}}
story:
  ro: |
    ## __config

    ## Titlu <em>subliniat</em> &lt;img src=x onerror="window.__xss=2"&gt;

    Text.
  en: |
    ## __config

    Text.
easy:
  - icon: material/home
    alt: {{ro: {json.dumps(EASY)}, en: {json.dumps(EASY)}}}
    text: {{ro: {json.dumps(EASY)}, en: {json.dumps(EASY)}}}
  - text: {{ro: "Un serviciu.", en: "A service."}}
sources:
  - publisher: {json.dumps(TITLE)}
    title: {{ro: Titlu, en: Title}}
    url: "https://test.example/source"
"""
GLOSSARY_TERM = """  - id: termen-ostil
    term: {ro: "Termen <b>ostil</b>", en: "Hostile <b>term</b>"}
    definition: {ro: "Definiție <img src=x onerror=\\"window.__xss=3\\">", en: "Definition <img src=x onerror=\\"window.__xss=3\\">"}
"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    def make(folder: Path) -> Path:
        project = copy_project(folder / "project")
        (project / "data/case-studies/proba.yml").write_text(HOSTILE_CASE, encoding="utf-8")
        glossary = project / "data/glossary.yml"
        glossary.write_text(glossary.read_text(encoding="utf-8").rstrip("\n") + "\n" + GLOSSARY_TERM, encoding="utf-8")
        page = project / "docs/cautare.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nVezi [[glosar:termen-ostil]].\n", encoding="utf-8")
        course = project / "courses/contractarea-sociala/course.yml"
        course.write_text(course.read_text(encoding="utf-8").replace('"Social contracting, step by step"', json.dumps(TITLE)),
                          encoding="utf-8")
        result = mkdocs_build(project, project / "site")
        assert result.returncode == 0, result.stderr
        return project / "site"
    return shared_build(tmp_path_factory, "hostile_site", make)


class Page(HTMLParser):
    """A built page as the browser parses it: text by element, attributes, scripts."""

    def __init__(self, source: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {}
        self.attributes: list[tuple[str, str, str]] = []
        self.scripts: list[str] = []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "link", "img", "input", "br", "hr"):
            self.stack.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        for tag in set(self.stack):
            self.texts.setdefault(tag, []).append(data)

    def text(self, tag: str) -> str:
        return re.sub(r"\s+", " ", "".join(self.texts.get(tag, [])))


def read(site, rel: str) -> Page:
    return Page((site / rel / "index.html").read_text(encoding="utf-8"))


def test_plain_text_shows_exactly_as_written_everywhere(hostile_site):
    page = read(hostile_site, "studii-de-caz/proba")
    shown = " ".join(TITLE.split())
    assert page.text("h1").rstrip("¶") == shown  # the page's own heading (less its permalink)
    assert page.text("title").startswith(shown)  # the browser tab
    descriptions = [v for tag, name, v in page.attributes if tag == "meta" and name == "content" and v.startswith("*Bold*")]
    assert descriptions == [shown]
    assert shown in page.text("li")  # the source list
    assert not [a for a in page.attributes if a[1].startswith("on") or a[2].startswith("javascript")]
    assert ("a", "href", "https://evil.example") not in page.attributes  # the title's [link] is text, not a link
    catalogue = read(hostile_site, "studii-de-caz")
    assert shown in catalogue.text("p")  # the card
    for data in ("studii-de-caz/studii-de-caz.json", "en/studii-de-caz/case-studies.json"):
        rows = {r["id"]: r for r in json.loads((hostile_site / data).read_text(encoding="utf-8"))}
        assert rows["proba"]["title"] == TITLE.strip()  # open data: exact


def test_an_easy_to_read_page_and_its_other_address_show_plain_text(hostile_site):
    shown = " ".join(TITLE.split())
    for rel in ("studii-de-caz/proba/usor-de-citit", "en/studii-de-caz/proba/easy-to-read"):
        page = read(hostile_site, rel)
        assert page.text("h1").rstrip("¶") == shown and page.text("title").startswith(shown)
        assert EASY in page.text("p")
        assert ("svg", "aria-label", EASY) in page.attributes  # the icon's alt text, as text
        assert not [a for a in page.attributes if a[1].startswith("on")]
        assert [t for t, name, v in page.attributes if name == "id" and v == "__config"] == ["script"]
    for rel in ("studii-de-caz/proba/easy-to-read", "en/studii-de-caz/proba/usor-de-citit"):  # the other language's word
        page = read(hostile_site, rel)
        assert page.text("title").startswith(shown) and page.text("a").startswith(shown)
        assert not [a for a in page.attributes if a[1].startswith("on")]


def test_a_course_title_reaches_the_search_index_as_text(hostile_site):
    """A certificate page is listed in search under its course's title (every certificate's heading is
    the same): the title lands in an attribute the theme writes unescaped."""
    page = read(hostile_site, "en/cursuri/contractarea-sociala/certificat")
    labels = [v for tag, name, v in page.attributes if name == "data-pagefind-meta"]
    assert labels == [f"title:{' '.join(TITLE.split())} — certificate of completion"]
    assert not [a for a in page.attributes if a[1].startswith("on") or a[2].startswith("javascript")]
    other = read(hostile_site, "cursuri/servicii-comunitare/certificat")
    assert ("div", "data-pagefind-meta", "title:Servicii sociale comunitare: de la idee la serviciu contractat — "
            "certificat de parcurgere") in other.attributes


def test_what_the_theme_writes_from_a_pages_front_matter_is_text_whatever_its_type():
    """A page of docs/ may put anything in its front matter: a list where a text is expected reached
    the theme's attributes as Python wrote it, unescaped."""
    from types import SimpleNamespace
    from bss.finish import finish_page
    from bss.finish.page import THEME_WRITES
    hostile = ['" onmouseover="window.__xss=5', "<b>"]
    assert {"description", "search_label"} <= set(THEME_WRITES)  # the theme's own, and the search label
    page = SimpleNamespace(url="p/", title="<i>T</i>", toc=[], meta={key: hostile for key in THEME_WRITES})
    finish_page("<p>x</p>", page, {})
    assert page.meta["title"] == "&lt;i&gt;T&lt;/i&gt;"
    for key in THEME_WRITES:
        value = page.meta[key]
        assert isinstance(value, str) and '"' not in value and "<" not in value and "onmouseover" in value, value


def test_headings_reach_the_table_of_contents_as_text_and_never_claim_theme_ids(hostile_site):
    for rel in ("studii-de-caz/proba", "en/studii-de-caz/proba"):
        source = (hostile_site / rel / "index.html").read_text(encoding="utf-8")
        page = Page(source)
        ids = [v for _, name, v in page.attributes if name == "id"]
        assert ids.count("__config") == 1  # the theme's own configuration, and only it
        assert re.search(r'<script id="__config" type="application/json">', source)
        assert 'href="#__config"' not in source  # no table-of-contents entry links to it
        assert not [a for a in page.attributes if a[1].startswith("on")]
    toc = re.search(r'<nav class="md-nav md-nav--secondary".*?</nav>', (hostile_site / "studii-de-caz/proba/index.html")
                    .read_text(encoding="utf-8"), re.S).group(0)
    assert "&lt;img src=x onerror=" in toc and "<img" not in toc and "<em>" not in toc


def test_a_glossary_definition_is_a_plain_title_and_the_theme_has_no_tooltips(hostile_site):
    page = read(hostile_site, "cautare")  # the hand-written page the hostile term was added to
    titles = [v for tag, name, v in page.attributes if tag == "a" and name == "title"]
    assert 'Definiție <img src=x onerror=”window.__xss=3”>' in titles  # text in an attribute, shown by the browser as text
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>',
                                  (hostile_site / "index.html").read_text(encoding="utf-8"), re.S).group(1))
    assert "content.tooltips" not in config["features"]  # the theme would write every title into the page as HTML
    glossary = read(hostile_site, "glosar")
    assert "Termen <b>ostil</b>" in glossary.text("dt")


def test_open_data_csv_neutralises_formulas_and_json_stays_exact(hostile_site):
    for _lang, data in (("ro", "studii-de-caz/studii-de-caz"), ("en", "en/studii-de-caz/case-studies")):
        rows = {r["id"]: r for r in csv.DictReader(io.StringIO((hostile_site / f"{data}.csv").read_text(encoding="utf-8-sig")))}
        records = {r["id"]: r for r in json.loads((hostile_site / f"{data}.json").read_text(encoding="utf-8"))}
        formula = records["proba"]["locality"]
        assert formula.startswith(("=", "@"))  # exact in the JSON
        assert rows["proba"]["locality"] == "'" + formula  # a spreadsheet shows it as text
        for row in rows.values():
            assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values() if cell), row["id"]


def test_every_page_carries_the_policy(built_site):
    # The editor's page (admin/) has a policy of its own: tests/test_editor_site.py.
    pages = [p for p in built_site.rglob("*.html") if p.relative_to(built_site).parts[0] != "admin"]
    assert len(pages) > 100
    for file in pages:
        source = file.read_text(encoding="utf-8")
        head = source.split("</head>", 1)[0]
        match = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', head)
        assert match, file
        rules = dict(part.strip().split(" ", 1) for part in match.group(1).split(";"))
        assert rules["default-src"] == "'self'" and rules["object-src"] == "'none'" and rules["base-uri"] == "'self'"
        assert rules["form-action"] == "'self'" and rules["frame-src"] == "'none'"
        for name in ("style-src", "font-src", "connect-src"):
            assert rules[name] == "'self'", (file, name)
        assert rules["img-src"] == "'self' data:"
        assert all(s in ("'self'", "'wasm-unsafe-eval'") or s.startswith("'sha256-") for s in rules["script-src"].split())
        first_script = head.find("<script")
        assert first_script == -1 or match.start() < first_script, file  # in force before any script runs


def test_readme_gives_the_policy_the_build_writes(built_site):
    header = (built_site / "_headers").read_text(encoding="utf-8")
    policy = re.search(r"Content-Security-Policy: (.+)", header).group(1)
    assert policy in (ROOT / "README.md").read_text(encoding="utf-8"), "update the policy in README.md's hosting section"


def test_inline_scripts_in_the_content_are_never_hashed():
    theme = '<head><meta charset="utf-8"><script>theme()</script></head><body>'
    body = "<p>x</p><script>injected()</script>"
    policy = csp.page_policy(theme + body + "</body>", body)
    assert csp.inline_hashes("<script>theme()</script>")[0] in policy
    assert csp.inline_hashes("<script>injected()</script>")[0] not in policy


def test_the_sanitiser_keeps_the_theme_hooks_and_other_origins_out():
    dirty = ('<h2 id="__config" class="md-nav md-button keep" data-md-component="search" data-pagefind-meta="x" '
             'title="t">H</h2><a href="x/" data-bss-short="https://evil.example/">fake short link</a><p title="tip">p</p><img src="//evil.example/a.png" alt=""><img src="https://evil.example/b.png">'
             '<img src="\\\\evil.example\\c.png"><img src="../assets/images/ok.png" alt="">'
             '<form action="https://evil.example/"></form><form action="cautare/"></form><a href="https://ok.example/">ok</a>')
    clean = clean_html(dirty)
    for gone in ("__config", "md-nav", "data-md-component", "data-pagefind", "data-bss", "evil.example", 'title="t"', 'title="tip"'):
        assert gone not in clean, gone
    for kept in ("md-button keep", "../assets/images/ok.png", 'action="cautare/"', 'href="https://ok.example/"'):
        assert kept in clean, kept


def test_an_alias_bomb_is_refused_at_once_in_bounded_memory(tmp_path, monkeypatch):
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(20)]
    file = tmp_path / "bomb.yml"
    file.write_text("\n".join(lines) + "\n", encoding="utf-8")
    built = []  # each value the walk builds: the work done, whatever the machine's speed
    walk = yaml_source._Walk.build
    monkeypatch.setattr(yaml_source._Walk, "build", lambda self, node, path: built.append(1) or walk(self, node, path))
    tracemalloc.start()
    with pytest.raises(DocumentError) as info:
        read_document(file, tmp_path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "bomb.yml:2: yaml: aliases (*) expand this file into more than 100,000 values" in str(info.value)
    assert len(built) <= yaml_source.MAX_VALUES + 1_000 and peak < 20 * 2**20, (len(built), peak)


@pytest.mark.build
def test_two_builds_at_once_take_turns_and_the_site_never_goes_missing(project):
    (project / "site").mkdir()
    (project / "site/index.html").write_text("previous", encoding="utf-8")
    missing, stop = [], threading.Event()

    def watch():  # 2,000 looks a second: a spinning loop took a whole processor from the builds and the other tests
        while not stop.wait(0.0005):
            if not (project / "site/index.html").exists():
                missing.append(1)

    watcher = threading.Thread(target=watch)
    watcher.start()
    env = {"NO_MKDOCS_2_WARNING": "1", "BSS_SEARCH_INDEX": "0", "BSS_PDFS": "off", "PATH": "/usr/bin:/bin"}
    builds = [subprocess.Popen([sys.executable, "tools/build.py", "mkdocs.yml", "site"], cwd=project, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    outputs = [b.communicate() for b in builds]
    stop.set()
    watcher.join()
    assert [b.returncode for b in builds] == [0, 0], outputs
    assert any("waiting for it to finish" in err for _, err in outputs)  # the second waited for the first
    assert not missing
    assert "Content-Security-Policy" in (project / "site/index.html").read_text(encoding="utf-8")
    assert not list(project.glob(".site-*"))  # no scratch or old folder left behind


def test_the_table_of_contents_the_theme_writes_is_text_even_if_markdown_changes():
    # Python-Markdown strips markup from heading names today; the hook does not rely on it.
    from mkdocs.structure.toc import AnchorLink

    from bss.finish.page import make_toc_safe

    toc = [AnchorLink('<img src=x onerror="alert(1)"> &amp; B', "titlu", 2), AnchorLink("Config", "__config", 2)]
    toc[0].children.append(AnchorLink("<b>Sub</b>", "__sub", 3))
    make_toc_safe(toc, {"__sub": "h-sub"})
    assert [(a.title, a.id) for a in toc] == [("&amp; B", "titlu")]
    assert [(a.title, a.id) for a in toc[0].children] == [("Sub", "h-sub")]
