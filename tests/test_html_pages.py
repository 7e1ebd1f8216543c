"""Pages prepare makes straight into HTML (issue 26: the case studies and their pages of results, whose
number grows with the content): what MkDocs and Python-Markdown would have added to them, added the same
way, and what they say the same as the Markdown a site built by MkDocs alone would hold (the benchmark's
plain side, bench/templates)."""
from __future__ import annotations

import dataclasses
import html
import re
import sys

import markdown
import pytest

from bss.prepare.caches import Caches
from bss.prepare.pages.headings import Permalinks, anchor_headings
from bss.prepare.pages.prose import Prose, markdown_anchors
from bss.prepare.pages.links import Links
from markdown.extensions.toc import nest_toc_tokens
from bss.prepare.site import build_site
from bss.problems import ContentError
from bss.settings import Languages, load_settings, markdown_arguments
from bss.text import Text
from helpers import ROOT, mkdocs_build
from photos import draw

sys.path.insert(0, str(ROOT / "bench"))
from project import plain_pages  # noqa: E402

SETTINGS = load_settings(ROOT)
EXTENSIONS = SETTINGS.markdown_extensions
HEADINGS = """# Title & *more*

## Facts {: #facts }

## Story

### A “quoted” part

## Story

#### `code` in a heading

## Story_1
"""


def toc_of_markdown(text: str, extensions=EXTENSIONS) -> tuple[str, list]:
    names, configs = markdown_arguments(extensions)
    md = markdown.Markdown(extensions=names, extension_configs=configs)
    out = md.convert(text)
    return out, md.toc_tokens  # type: ignore[attr-defined]


def without_toc(text: str) -> str:
    names, configs = markdown_arguments([e for e in EXTENSIONS if not (isinstance(e, dict) and "toc" in e) and e != "toc"])
    return markdown.Markdown(extensions=names, extension_configs=configs).convert(text)


def shape(tokens: list) -> list:
    return [(t["level"], t["id"], t["name"], shape(t["children"])) for t in tokens]


def test_headings_get_the_ids_permalinks_and_contents_pythons_markdown_gives_them():
    """Ids from the text, unique on the page (an id already there kept, and not taken twice), the
    permalink of mkdocs.yml's toc options, the contents nested by level: as the toc extension makes them."""
    expected_html, expected_toc = toc_of_markdown(HEADINGS)
    made, flat = anchor_headings(without_toc(HEADINGS), Permalinks.of(EXTENSIONS))
    toc = nest_toc_tokens(flat)
    assert made == expected_html
    assert shape(toc) == shape(expected_toc)
    assert [t["id"] for t in toc[0]["children"]] == ["facts", "story", "story_1", "story_2"]


def test_a_heading_in_a_comment_is_left_alone():
    """Python-Markdown keeps an editor's comment as it is: no id, no entry in the contents."""
    made, toc = anchor_headings("<!-- <h2>Draft</h2> --><h2>Story</h2>", Permalinks())
    assert made == '<!-- <h2>Draft</h2> --><h2 id="story">Story</h2>' and [t["id"] for t in toc] == ["story"]


def test_no_permalink_without_the_toc_option_and_a_toc_option_not_applied_is_refused():
    made, toc = anchor_headings("<h2>Story</h2>", Permalinks.of(["attr_list"]))
    assert made == '<h2 id="story">Story</h2>' and toc[0]["id"] == "story"
    custom = Permalinks.of([{"toc": {"permalink": "#<", "permalink_title": 'A "link"'}}])
    made, _ = anchor_headings("<h2>Story</h2>", custom)
    assert made == '<h2 id="story">Story<a class="headerlink" href="#story" title="A &quot;link&quot;">#&lt;</a></h2>'
    with pytest.raises(ContentError, match="toc_depth are not applied to the pages made in HTML"):
        Permalinks.of([{"toc": {"permalink": True, "toc_depth": 2}}])


def links(directory_urls: bool = True) -> Links:
    out = Links(Languages(("ro", "en"), ("Română", "English")), "https://example.org", {"ro": "usor-de-citit", "en": "easy-to-read"}, directory_urls)
    out.add_page("chapter", "costificarea", Text({"ro": "Costificarea", "en": "Costing"}))
    out.add_page("case-study", "x", Text({"ro": "X", "en": "X"}))
    return out


@pytest.mark.parametrize("lang, folders, expected", [
    ("ro", True, ['../../ghid/costificarea/#metoda', '../../assets/images/a.jpg', '../../ghid/costificarea/',
                  "https://example.com/a.md", "#facts", "mailto:a@b.md"]),
    ("en", True, ['../../ghid/costificarea/#metoda', '../../../assets/images/a.jpg',  # /en/studii-de-caz/x/
                  '../../ghid/costificarea/', "https://example.com/a.md", "#facts", "mailto:a@b.md"]),
    ("ro", False, ['../ghid/costificarea.html#metoda', '../assets/images/a.jpg', '../ghid/costificarea.html',
                   "https://example.com/a.md", "#facts", "mailto:a@b.md"]),
])
def test_an_editors_links_lead_where_mkdocs_would_have_led_them(lang, folders, expected):
    """A link to a page (``.md``) or a file of the site, relative to the page's source file, becomes
    the address this build publishes, in the page's language; a reference ([[ghid:...]]) too; any
    other address is left as written."""
    table = links(folders)
    prose = Prose(EXTENSIONS, table, Caches())
    text = ("[a](../ghid/costificarea.md#metoda) ![b](../assets/images/a.jpg) [[ghid:costificarea]] "
            "[c](https://example.com/a.md) [d](#facts) [e](mailto:a@b.md)")
    resolved = table.resolve(text, lang, "studii-de-caz/x.md")
    made, found, _ = prose.html(resolved, "studii-de-caz/x.md", lang)
    assert re.findall(r'(?:href|src)="([^"]*)"', made) == expected


@pytest.fixture(scope="module")
def site():
    return build_site(ROOT)


def text_of(body: str) -> str:
    body = re.sub(r"<[^>]+>", " ", body)
    return " ".join(html.unescape(body).replace("¶", " ").split())


def test_the_pages_made_as_html_say_what_their_markdown_says(site):
    """Every page made as HTML (each case study, each page of results, both languages): the same text and
    the same heading ids (the addresses trainers link to) as the same page in Markdown through MkDocs'
    converter. The benchmark compares the build with MkDocs alone on that Markdown: it stays the same page."""
    plain = plain_pages(site)
    made = {uri: page for uri, page in site.pages.items() if page.html is not None}
    kinds = {spec.kind for spec in site.specs if spec.template.endswith(".html")}
    assert {"case-study", "catalogue-type", "catalogue-district"} <= kinds, kinds
    assert len(made) >= 2 * len(site.content.case_studies)
    for uri, page in made.items():
        body = plain[uri].split("---\n", 2)[2]
        expected_html, expected_toc = toc_of_markdown(body)
        assert text_of(page.html) == text_of(expected_html), uri
        assert shape(page.toc) == shape(expected_toc), uri
        assert page.html in site.generated(uri)  # what the live preview compares, to rebuild a changed page


def test_a_case_study_page_hands_mkdocs_nothing_to_convert(site):
    uri = site.links.src_uri(site.links.page("case-study", "camera-senzoriala-criuleni"), "en")
    assert site.markdown(uri, "<p>x</p>", "en") == ""
    assert site.made_html(uri) is site.pages[uri]
    guide = site.links.src_uri(site.links.page("chapter", "costificarea"), "en")
    assert site.made_html(guide) is None and site.markdown(guide, "# Costing", "en") == "# Costing"


def test_the_note_on_a_page_not_yet_translated_is_the_one_markdown_makes(site):
    """A page made as HTML that shows a text in the default language opens with the same note as a Markdown page."""
    loc = site.renderer.localizer("en", "studii-de-caz/x.md")
    note_md = site.renderer.env.get_template("_untranslated.md").render(L=loc)
    note_html = site.renderer.env.get_template("_untranslated.html").render(L=loc)
    assert note_html.strip() == toc_of_markdown(note_md)[0].strip()


STORY = {"ro": "    Prima propoziție a poveștii.\n", "en": "    The first sentence of the story.\n"}


def with_story(project, **stories: str):
    """The golden tests' valid case study in ``project``, its story's first paragraph replaced in each language given."""
    file = project / "data" / "case-studies" / "proba.yml"
    text = (ROOT / "tests" / "golden" / "bases" / "case-study.yml").read_text(encoding="utf-8")
    for lang, story in stories.items():
        assert STORY[lang] in text
        text = text.replace(STORY[lang], f"    {story}\n", 1)
    file.write_text(text, encoding="utf-8")


def test_an_editors_links_to_the_site_lead_where_they_should_in_the_built_case_study(project):
    draw(project / "docs/assets/images/sala.jpg", 40, 30, "JPEG")
    with_story(project, ro="Vezi [ghidul](../ghid/costificarea.md#metodologia) și ![o sală](../assets/images/sala.jpg).",
               en="See [the guide](../ghid/costificarea.md#metodologia) and ![a room](../assets/images/sala.jpg).")
    site = build_site(project)
    for lang, link, image in (("ro", "ghidul", '"o sală" src="../../assets/images/sala.jpg"'),  # from /studii-de-caz/proba/
                              ("en", "the guide", '"a room" src="../../../assets/images/sala.jpg"')):  # from /en/...
        page = site.pages[site.links.src_uri("studii-de-caz/proba.md", lang)].html or ""
        assert f'<a href="../../ghid/costificarea/#metodologia">{link}</a>' in page
        assert f"<img alt={image} />" in page


def test_a_link_that_leads_nowhere_stops_the_build_with_its_file_and_line(project):
    """MkDocs' strict build stopped on a broken link in a case study's Markdown; the page is made in
    HTML now, so prepare says it, with the file and line, in ``make check`` and the editor's save check too."""
    with_story(project, ro="Vezi [ghidul](../ghid/nu-exista.md), [acasă](/ghid/), ![o sală](../assets/images/nu.jpg) "
                           "și [metoda](../ghid/costificare.md).")
    with pytest.raises(ContentError) as info:
        build_site(project)
    expected = "a reference such as [[ghid:costificarea]], or a link from this page's file to a file of docs/"
    assert [str(p) for p in info.value.problems] == [
        f"data/case-studies/proba.yml:16: story.ro: the link '../assets/images/nu.jpg' leads to no page or file of the site ({expected})",
        "data/case-studies/proba.yml:16: story.ro: the link '../ghid/costificare.md' leads to no page or file of the site "
        "(did you mean '../ghid/costificarea.md'?)",
        f"data/case-studies/proba.yml:16: story.ro: the link '../ghid/nu-exista.md' leads to no page or file of the site ({expected})",
        f"data/case-studies/proba.yml:16: story.ro: the link '/ghid/' starts from the site's root ({expected})",
    ]


def page_of(site, lang: str = "ro"):
    return site.pages[site.links.src_uri("studii-de-caz/proba.md", lang)]


def test_an_editors_headings_get_ids_and_contents_and_the_templates_keep_theirs(project):
    """A Markdown heading in a story is anchored as toc anchors it; one that repeats a section's name
    takes ``_1``, never the section's own id (trainers link to it); a heading written in raw HTML, an
    unclosed one, or an id in a code span changes nothing of the page's (Python-Markdown keeps raw
    HTML as written)."""
    with_story(project, ro='## Rezultate\n\n    Un `id="rezultate"` în cod, <h3>în HTML</h3> și <h2>neînchis.\n\n    ## Povestea serviciului')
    site = build_site(project)
    page = page_of(site)
    ids = [(t["id"], [c["id"] for c in t["children"]]) for t in page.toc]
    assert ids == [("centrul-de-zi-proba", ["facts", "povestea-serviciului", "rezultate_1", "povestea-serviciului_1",
                                            "rezultate", "surse"])]
    assert '<h2 id="rezultate_1">Rezultate<a class="headerlink" href="#rezultate_1" title="Link">&para;</a></h2>' in page.html
    assert '<h2 id="rezultate">Rezultate<a class="headerlink" href="#rezultate" title="Link">&para;</a></h2>' in page.html
    assert "<h3>în HTML</h3>" in page.html  # as written, as before


def test_a_story_not_yet_translated_shows_in_its_language_marked_as_such(project):
    file = project / "data" / "case-studies" / "proba.yml"
    with_story(project)
    text = file.read_text(encoding="utf-8")
    start, end = text.index("  en: |\n    The first"), text.index("results:")
    file.write_text(text[:start] + text[end:], encoding="utf-8")
    page = page_of(build_site(project), "en")
    assert page.html.startswith('<div class="admonition note">\n<p class="admonition-title">')
    assert '<div lang="ro" class="bss-untranslated">\n<p>Prima propoziție a poveștii.</p>' in page.html
    assert page.untranslated == ("data/case-studies/proba.yml:16: story",)


def test_a_link_to_an_anchor_a_case_study_does_not_have_is_named_with_the_one_meant(project):
    with_story(project, ro="Vezi [povestea](spalatorie-sociala-glodeni.md#povestea-servicului) și "
                           "[rezultatele](spalatorie-sociala-glodeni.md#rezultate).")
    with pytest.raises(ContentError) as info:
        build_site(project)
    assert [str(p) for p in info.value.problems] == [
        "data/case-studies/proba.yml:16: story.ro: the link 'spalatorie-sociala-glodeni.md#povestea-servicului' names "
        "an anchor its page does not have (did you mean '#povestea-serviciului'?)"]


@pytest.mark.build
def test_a_page_may_link_to_an_anchor_of_a_case_study_and_mkdocs_finds_it(project, tmp_path):
    """MkDocs checks every link's anchor (mkdocs.yml: validation, strict): a page made in HTML hands it
    the ids it has, or a hand-written page linking to a case study's section would fail the build."""
    search = project / "docs" / "cautare.md"
    search.write_text(search.read_text(encoding="utf-8") + "\n[Povestea](studii-de-caz/spalatorie-sociala-glodeni.md"
                      "#povestea-serviciului)\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site", env={"BSS_PDFS": "off", "BSS_SEARCH_INDEX": "0"})
    assert result.returncode == 0 and "WARNING" not in result.stderr, result.stderr


def test_a_link_to_an_anchor_a_guide_chapter_does_not_have_is_named_with_its_file_and_line(project):
    """A generated page in Markdown (a guide chapter, whose sections trainers link to): prepare converts
    it as the engine does and knows its anchors, so ``make check`` and the editor's save check say it."""
    with_story(project, ro="Vezi [metoda](../ghid/costificarea.md#metodologie) și [pașii](../ghid/costificarea.md#metodologia).",
               en="See [the method](../ghid/costificarea.md#metodologia).")
    with pytest.raises(ContentError) as info:
        build_site(project)
    assert [str(p) for p in info.value.problems] == [
        "data/case-studies/proba.yml:16: story.ro: the link '../ghid/costificarea.md#metodologie' names "
        "an anchor its page does not have (did you mean '#metodologia'?)"]


def test_a_pages_anchors_are_every_id_and_anchor_name_of_its_html():
    text = ('---\ntitle: "# Not a heading"\n---\n# Costing\n\n## The method { #metoda }\n\n## Care\n\n'
            '<div id="raw" markdown>Text</div>\n\n<a name="old-name"></a><input name="q">\n\n    <p id="in-code">\n')
    assert markdown_anchors(text, EXTENSIONS) == {"costing", "metoda", "care", "raw", "old-name"}


@pytest.mark.build
def test_a_storys_link_to_an_anchor_a_page_of_docs_does_not_have_stops_the_build(project, tmp_path):
    """The anchors of the pages of docs/ are MkDocs' to know: a page made in HTML hands it the anchors its
    links name, which it checked, strict, when the case studies were Markdown."""
    with_story(project, ro="Vezi [căutarea](../cautare.md#nu-exista) și [aici](../cautare.md#cautare).")
    result = mkdocs_build(project, tmp_path / "site", env={"BSS_PDFS": "off", "BSS_SEARCH_INDEX": "0"})
    assert result.returncode != 0
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == ["WARNING -  Doc file 'studii-de-caz/proba.md' contains a link '../cautare.md#nu-exista', "
                        "but the doc 'cautare.md' does not contain an anchor '#nu-exista'."], result.stderr


def test_a_markdown_template_asking_for_html_is_told_so(site, tmp_path):
    """``L.html`` leaves a place the renderer fills only in a template that writes HTML: in a Markdown
    one the story would silently be missing."""
    from bss.prepare.pages.render import TEMPLATES, Renderer

    (tmp_path / "wrong.md").write_text("{{ L.html(case.story) }}\n", encoding="utf-8")
    renderer = Renderer(site.content.strings, site.links, [tmp_path, TEMPLATES], extensions=EXTENSIONS)
    spec = next(s for s in site.specs if s.kind == "case-study")
    with pytest.raises(ValueError, match="wrong.md: L.html is for a template that writes HTML"):
        renderer.render(dataclasses.replace(spec, template="wrong.md"))
