"""`fixed: true` on an answer: accepted by the schema, offered by the editor, written on the page
for the quiz's script (which keeps the answer in its place when it shuffles the others, see
tests/browser/test_quiz_order_review_browser.py)."""
from __future__ import annotations

import re

import pytest

from bss.editor.config import cms_config
from bss.problems import ContentError
from bss.prepare.site import build_site

MODULE = "courses/servicii-comunitare/parteneriatul-cu-autoritatile.yml"
ANSWER = "        - id: finanteaza\n"


def _pin(project, value: str) -> None:
    path = project / MODULE
    text = path.read_text(encoding="utf-8")
    assert ANSWER in text
    path.write_text(text.replace(ANSWER, ANSWER + f"          fixed: {value}\n", 1), encoding="utf-8")


def test_a_fixed_answer_is_marked_on_the_page_and_no_other(project):
    _pin(project, "true")
    site = build_site(project)
    for src_uri in ("cursuri/servicii-comunitare/parteneriatul-cu-autoritatile.md",
                    "cursuri/servicii-comunitare/parteneriatul-cu-autoritatile.en.md"):
        page = site.pages[src_uri].markdown
        assert re.findall(r'<div class="bss-a" data-fixed><input [^>]*id="([^"]+)"', page) == ["q-rol-autoritate-finanteaza"]


def test_fixed_must_be_true_or_false(project):
    _pin(project, '"da"')
    with pytest.raises(ContentError) as caught:
        build_site(project)
    assert any("fixed" in str(p) and "true or false" in str(p) for p in caught.value.problems), caught.value.problems


def test_the_editor_offers_fixed_as_a_switch(project):
    config = cms_config(project)
    modules = next(c for c in config["collections"] if c["name"] == "modules-servicii-comunitare")
    quiz = next(f for f in modules["fields"] if f["name"] == "quiz")
    questions = next(f for f in quiz["fields"] if f["name"] == "questions")
    answers = next(f for f in (questions.get("fields") or [questions.get("field")]) if f["name"] == "answers")
    fixed = next(f for f in answers["fields"] if f["name"] == "fixed")
    assert fixed["widget"] == "boolean" and not fixed["required"]
