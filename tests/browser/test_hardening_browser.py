"""Hardening, in a real browser: nothing leaves the origin, data cannot run script, every page type passes axe."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest

from browsing import assert_accessible
from helpers import copy_project, mkdocs_build
from server import StaticServer

PAGES = ["/", "/programe/", "/programe/ssmb-2018/", "/parteneri/", "/parteneri/keystone-moldova/",
         "/parteneri/exemplu-pentru-fiecare/", "/studii-de-caz/", "/studii-de-caz/respiro-floresti/",
         "/studii-de-caz/planificare-comunitara-cahul-glodeni-straseni/", "/rezultate/", "/ghid/",
         "/ghid/costificarea/", "/ghid/complet/", "/glosar/", "/cursuri/", "/cursuri/servicii-comunitare/",
         "/cursuri/servicii-comunitare/dezvoltarea-serviciului/", "/cursuri/servicii-comunitare/certificat/",
         "/cautare/?q=servicii", "/g/costificarea/metodologia/"]


def test_no_request_leaves_the_origin_or_fails(context, site_url):
    requests, failed = [], []
    context.on("request", lambda r: requests.append(r.url))
    context.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page = context.new_page()
    for prefix in ("", "/en"):
        for path in PAGES:
            page.goto(f"{site_url}{prefix}{path}")
            page.wait_for_load_state("networkidle")
    foreign = [u for u in requests if not u.startswith(site_url) and not u.startswith(("data:", "blob:"))]
    assert requests and not foreign, foreign
    assert not failed, failed  # e.g. the theme fetching a sitemap.xml beside every page


@pytest.mark.parametrize("path", [p for p in PAGES if p.split("/")[1] not in ("ghid", "glosar", "cursuri", "cautare", "g")
                                  or p == "/"])
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_every_page_type_passes_axe(page, site_url, axe, prefix, path):
    page.goto(f"{site_url}{prefix}{path}")
    assert_accessible(axe, page)


ATTACKS = {
    "data/case-studies/respiro-floresti.yml": [
        ('ro: "Serviciul Respiro: câteva zile de odihnă pentru părinți"',
         'ro: "<script>window.__xss = 1</script>Respiro <img src=x onerror=\\"window.__xss = 2\\">"'),
        ("Părinții copiilor cu dizabilități severe au grijă de ei zi și noapte",
         "<img src=x onerror=\"window.__xss = 3\"> <script>window.__xss = 4</script> [clic](javascript:window.__xss=5) "
         "[clic2](https://example.org){ onclick=\"window.__xss = 6\" } <iframe src=\"javascript:window.__xss=7\"></iframe> "
         "Părinții copiilor cu dizabilități severe au grijă de ei zi și noapte"),
    ],
    "courses/servicii-comunitare/costificare-si-contractare.yml": [
        ('text: {ro: "De la normele de personal"', 'text: {ro: "<script>window.__xss = 8</script>De la normele de personal"'),
        ('feedback: {ro: "Tocmai de aceasta se îndepărtează metodologia."',
         'feedback: {ro: "<svg onload=\\"window.__xss = 9\\"></svg>Tocmai de aceasta se îndepărtează metodologia."'),
    ],
}


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("xss") / "project")
    for rel, edits in ATTACKS.items():
        file = project / rel
        text = file.read_text(encoding="utf-8")
        for old, new in edits:
            assert old in text, old
            text = text.replace(old, new, 1)
        file.write_text(text, encoding="utf-8")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    server = StaticServer(site)
    yield server.url, site
    server.close()


def test_text_from_the_data_never_runs(browser, injected_site):
    url, site = injected_site
    ctx = browser.new_context()
    page = ctx.new_page()
    for path in ("/studii-de-caz/respiro-floresti/", "/studii-de-caz/", "/en/studii-de-caz/respiro-floresti/",
                 "/cursuri/servicii-comunitare/costificare-si-contractare/"):
        page.goto(url + path)
        assert page.evaluate("""() => [...document.querySelectorAll('*')].filter(e =>
            [...e.attributes].some(a => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))).length""") == 0
        if "cursuri" in path:
            page.check("#q-principiu-cost-norme")
            page.get_by_role("button", name="Verifică răspunsurile").click()
        assert page.evaluate("window.__xss") is None, path
    ctx.close()


class TagAudit(HTMLParser):
    """Every real tag, its attributes, and the text of every script element."""

    def __init__(self):
        super().__init__()
        self.tags, self.attributes, self.scripts, self._in_script = [], [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def audit(html: str) -> TagAudit:
    parser = TagAudit()
    parser.feed(html)
    return parser


def test_injected_markup_is_shown_as_text_or_removed(injected_site):
    _, site = injected_site
    for rel in ("studii-de-caz/respiro-floresti/index.html", "en/studii-de-caz/respiro-floresti/index.html",
                "studii-de-caz/index.html", "cursuri/servicii-comunitare/costificare-si-contractare/index.html"):
        html = (site / rel).read_text(encoding="utf-8")
        found = audit(html)
        assert not [a for a in found.attributes if a[1].startswith("on")], rel
        assert not [a for a in found.attributes if a[1] in ("href", "src") and a[2].strip().lower().startswith("javascript:")]
        assert "iframe" not in found.tags, rel
        assert not [text for text in found.scripts if "__xss" in text], rel
    page = (site / "studii-de-caz/respiro-floresti/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;Respiro" in page  # a title is shown as text
    quiz = (site / "cursuri/servicii-comunitare/costificare-si-contractare/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss = 8&lt;/script&gt;De la normele de personal" in quiz
