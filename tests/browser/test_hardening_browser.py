"""Hardening, in a real browser: nothing leaves the origin, data cannot run script."""
from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest

from helpers import copy_project, mkdocs_build, shared_build
from server import StaticServer

PAGES = ["/", "/programe/", "/programe/ssmb-2018/", "/parteneri/", "/parteneri/keystone-moldova/",
         "/parteneri/clinica-juridica-balti/", "/studii-de-caz/", "/studii-de-caz/spalatorie-sociala-glodeni/",
         "/studii-de-caz/centru-barnahus-balti/", "/studii-de-caz/date-deschise/", "/rezultate/", "/ghid/",
         "/ghid/costificarea/", "/ghid/complet/", "/glosar/", "/cursuri/", "/cursuri/servicii-comunitare/",
         "/cursuri/servicii-comunitare/dezvoltarea-serviciului/", "/cursuri/servicii-comunitare/certificat/",
         "/cautare/?q=servicii", "/g/costificarea/metodologia/"]


@pytest.fixture(scope="module")
def crawl(browser, site_url):
    """Every page of PAGES in both languages, visited once for the two tests below (each visit waits
    for the network to be idle half a second: a fetch a script makes late is seen too): every request
    made, every answer of 400 and above, and each page's policy violations. On the course's module
    pages a quiz is checked and in the catalogue a filter used, as a reader would."""
    requests, failed, violations = [], [], {}
    ctx = browser.new_context()
    ctx.add_init_script(POLICY_WATCH)
    ctx.on("request", lambda r: requests.append(r.url))
    ctx.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page = ctx.new_page()
    for prefix in ("", "/en"):
        for path in PAGES + ["/nu-exista/"]:
            page.goto(f"{site_url}{prefix}{path}")
            page.wait_for_load_state("networkidle")
            if path.startswith("/cursuri/servicii-comunitare/") and path.count("/") == 4 and "certificat" not in path:
                page.locator("fieldset.bss-q input").first.check()
                page.locator(".bss-quiz button[type=submit]").click()
            if path == "/studii-de-caz/":  # the first filter loads the index of every card
                page.locator("select#f-an").select_option(index=1)
                page.wait_for_selector("[data-gallery]:not([aria-busy])", state="attached")
                page.wait_for_load_state("networkidle")
            violations[f"{prefix}{path}"] = page.evaluate("window.__csp")
    ctx.close()
    return requests, failed, violations


def test_no_request_leaves_the_origin_or_fails(crawl, site_url):
    requests, failed, _ = crawl
    foreign = [u for u in requests if not u.startswith(site_url) and not u.startswith(("data:", "blob:"))]
    assert requests and not foreign, foreign
    failed = [f for f in failed if "/nu-exista/" not in f]  # the page not found, asked for on purpose
    assert not failed, failed  # e.g. the theme fetching a sitemap.xml beside every page


# Plain-text fields: the build takes them, and they must show as text.
PLAIN_ATTACKS = {
    "title": '<script>window.__xss = 1</script>Atac <img src=x onerror="window.__xss = 2">',
    "answer": '<script>window.__xss = 8</script>De la normele de personal',
}
# Markdown fields: the build refuses them; with the sanitiser off (a test-only build) the
# Content-Security-Policy alone must stop them.
MARKUP_ATTACK = ('<img src=x onerror="window.__xss = 3"> <script>window.__xss = 4</script> '
                 '[clic](javascript:window.__xss=5) <iframe src="javascript:window.__xss=7"></iframe> '
                 '<svg onload="window.__xss = 9"></svg> Text.')


def write_attacks(project, markup: bool) -> None:
    """A case study and a one-module course, written by a hostile editor."""
    story = MARKUP_ATTACK if markup else "Text."
    (project / "data/case-studies/atac.yml").write_text(f"""id: atac
title: {{ro: {json.dumps(PLAIN_ATTACKS['title'])}, en: {json.dumps(PLAIN_ATTACKS['title'])}}}
service_type: centru-de-zi
target_groups: [copii-vulnerabili]
districts: [MD-CA]
locality: {{ro: Cahul, en: Cahul}}
summary: {{ro: Rezumat., en: Summary.}}
story: {{ro: {json.dumps(story)}, en: {json.dumps(story)}}}
sources: [{{publisher: test, url: "https://test.example/"}}]
""", encoding="utf-8")
    course = project / "courses/atac"
    course.mkdir()
    (course / "course.yml").write_text("""id: atac
title: {ro: Curs, en: Course}
description: {ro: Descriere., en: Description.}
audience: {ro: Toți., en: Everyone.}
objectives: [{ro: Obiectiv., en: Objective.}]
pass_mark: 50
modules: [modul]
""", encoding="utf-8")
    (course / "modul.yml").write_text(f"""id: modul
title: {{ro: Modul, en: Module}}
summary: {{ro: Rezumat., en: Summary.}}
objectives: [{{ro: Obiectiv., en: Objective.}}]
minutes: 10
lessons:
  - {{id: lectia, title: {{ro: Lecția, en: Lesson}}, body: {{ro: {json.dumps(story)}, en: Text.}}}}
quiz:
  questions:
    - id: intrebare
      type: single
      tests: lectia
      prompt: {{ro: Întrebare?, en: Question?}}
      explanation: {{ro: Explicație., en: Explanation.}}
      answers:
        - {{id: a, text: {{ro: {json.dumps(PLAIN_ATTACKS['answer'])}, en: A}}, correct: true, feedback: {{ro: {json.dumps(story + " Acesta este motivul.")}, en: "Because this is the reason."}}}}
        - {{id: b, text: {{ro: Alt răspuns, en: B}}, feedback: {{ro: "Nu, acesta nu este răspunsul.", en: "No, this is not the answer."}}}}
        - {{id: c, text: {{ro: Al treilea răspuns, en: C}}, feedback: {{ro: "Nu, nici acesta nu este.", en: "No, this one is not either."}}}}
""", encoding="utf-8")


def build_attacked(tmp_path_factory, markup: bool, env: dict | None = None):
    project = copy_project(tmp_path_factory.mktemp("attack") / "project")
    write_attacks(project, markup)
    site = project / "site"
    result = mkdocs_build(project, site, env=env)
    return project, site, result


def _attacked(folder, markup: bool, env: dict | None = None):
    project = copy_project(folder / "project")
    write_attacks(project, markup)
    result = mkdocs_build(project, project / "site", env=env)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    site = shared_build(tmp_path_factory, "injected_site", lambda folder: _attacked(folder, markup=False))
    server = StaticServer(site)
    yield server.url, site
    server.close()


@pytest.fixture(scope="module")
def unsanitised_site(tmp_path_factory):
    site = shared_build(tmp_path_factory, "unsanitised_site",
                        lambda folder: _attacked(folder, markup=True, env={"BSS_TEST_UNSANITISED": "1"}))
    server = StaticServer(site)
    yield server.url, site
    server.close()


ATTACKED = ("/studii-de-caz/atac/", "/studii-de-caz/", "/en/studii-de-caz/atac/", "/cursuri/atac/modul/")
POLICY_WATCH = ("window.__csp = []; document.addEventListener('securitypolicyviolation', "
                "e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


def test_text_from_the_data_never_runs(browser, injected_site):
    url, _ = injected_site
    ctx = browser.new_context()
    page = ctx.new_page()
    for path in ATTACKED:
        page.goto(url + path)
        assert page.evaluate("""() => [...document.querySelectorAll('*')].filter(e =>
            [...e.attributes].some(a => /^on/i.test(a.name) || /^\\s*javascript:/i.test(a.value))).length""") == 0
        if "cursuri" in path:
            page.check("#q-intrebare-a")
            page.get_by_role("button", name="Verifică răspunsurile").click()
        if path == "/studii-de-caz/":  # its card drawn again from the index of every card, the first filter loads
            page.select_option("#f-raion", "MD-CA")
            page.wait_for_selector("[data-gallery]:not([aria-busy])", state="attached")
            title = page.locator('li[data-case="atac"] .bss-card__title a')
            assert title.text_content() == PLAIN_ATTACKS["title"] and title.locator("script, img").count() == 0
        assert page.evaluate("window.__xss") is None, path
    ctx.close()


def test_markup_in_markdown_fields_is_refused_with_its_line(tmp_path_factory):
    _, site, result = build_attacked(tmp_path_factory, markup=True)
    assert result.returncode == 1
    for message in ("data/case-studies/atac.yml:8: story.ro: <img onerror=...> runs script",
                    "data/case-studies/atac.yml:8: story.ro: <script> is not allowed",
                    "data/case-studies/atac.yml:8: story.ro: the address 'javascript:window.__xss=5' uses javascript:",
                    "data/case-studies/atac.yml:8: story.ro: <iframe> is not allowed",
                    "courses/atac/modul.yml:7: lessons[0].body.ro: <svg> is not allowed",
                    "courses/atac/modul.yml:16: quiz.questions[0].answers[0].feedback.ro: <script> is not allowed"):
        assert message in result.stderr, message
    assert not site.exists()


def test_the_policy_stops_script_that_slipped_past_the_sanitiser(browser, unsanitised_site):
    url, site = unsanitised_site
    html = (site / "studii-de-caz/atac/index.html").read_text(encoding="utf-8")
    assert "<script>window.__xss = 4</script>" in html and 'onerror="window.__xss = 3"' in html  # the sanitiser was off
    ctx = browser.new_context()
    ctx.add_init_script(POLICY_WATCH)
    page = ctx.new_page()
    for path in ("/studii-de-caz/atac/", "/cursuri/atac/modul/"):
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        if "cursuri" in path:
            page.check("#q-intrebare-a")
            page.get_by_role("button", name="Verifică răspunsurile").click()
        page.locator("a", has_text="clic").first.click()
        assert page.evaluate("window.__xss") is None, path
        blocked = page.evaluate("window.__csp")
        assert any(v.startswith("script-src-elem inline") for v in blocked), blocked
        assert any(v.startswith("script-src-attr inline") for v in blocked), blocked
    ctx.close()


def test_no_page_of_the_site_reports_a_policy_violation(crawl):
    _, _, violations = crawl
    assert len(violations) == 2 * (len(PAGES) + 1)
    assert {page: found for page, found in violations.items() if found} == {}


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
    for rel in ("studii-de-caz/atac/index.html", "en/studii-de-caz/atac/index.html",
                "studii-de-caz/index.html", "cursuri/atac/modul/index.html"):
        html = (site / rel).read_text(encoding="utf-8")
        found = audit(html)
        assert not [a for a in found.attributes if a[1].startswith("on")], rel
        assert not [a for a in found.attributes if a[1] in ("href", "src") and a[2].strip().lower().startswith("javascript:")]
        assert "iframe" not in found.tags, rel
        assert not [text for text in found.scripts if "__xss" in text], rel
    page = (site / "studii-de-caz/atac/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;Atac" in page  # a title is shown as text
    quiz = (site / "cursuri/atac/modul/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;window.__xss = 8&lt;/script&gt;De la normele de personal" in quiz
