"""The question banks for Moodle: every file read back (Moodle XML with the standard library's
parser, GIFT with the small parser below, written from the GIFT format's documentation) and
compared with the quiz records: the questions, their options, which are right, the feedback."""
from __future__ import annotations

import dataclasses
import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from helpers import ROOT
from bss.prepare.content.courses import Answer, Question
from bss.prepare.pages.question_banks import _Html, bank_files, bank_texts, files, gift_escape
from bss.prepare.site import check_site
from bss.text import Text

FIXTURE = ROOT / "tests/fixtures/question-banks/escapes.yml"
MOODLE_TYPES = {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse", "fill-blank": "shortanswer"}


@pytest.fixture(scope="module")
def checked():
    content, _, links = check_site(ROOT)
    return content, links


def _extensions(content):
    return content.settings.markdown_extensions


# -- a GIFT reader, independent of the writer ------------------------------------------------

_ESCAPES = {"\\\\": "\ue000", "\\~": "\ue001", "\\=": "\ue002", "\\#": "\ue003", "\\{": "\ue004", "\\}": "\ue005",
            "\\:": "\ue006", "\\n": "\ue007"}
_BACK = {"\ue000": "\\", "\ue001": "~", "\ue002": "=", "\ue003": "#", "\ue004": "{", "\ue005": "}", "\ue006": ":",
         "\ue007": "\n"}


def _hide(text: str) -> str:
    return re.sub(r"\\[\\~=#{}:n]", lambda m: _ESCAPES[m.group(0)], text)


def _show(text: str) -> str:
    for k, v in _BACK.items():
        text = text.replace(k, v)
    return text.strip()


def parse_gift(text: str) -> list[dict]:
    """Questions as {name, category, format, text, kind, answers: [(fraction, text, feedback)], general}."""
    out, category = [], None
    for block in re.split(r"\n\s*\n", _hide(text)):
        lines = [line for line in block.strip().splitlines() if not line.startswith("//")]
        if not lines:
            continue
        if lines[0].startswith("$CATEGORY:"):
            category = lines[0][len("$CATEGORY:"):].strip()
            continue
        block = "\n".join(lines)
        m = re.fullmatch(r"::(.*?)::(\[(\w+)\])?(.*?)\{(.*)\}", block, re.S)
        assert m, block
        name, fmt, qtext, body = m.group(1), m.group(3), m.group(4), m.group(5)
        body, _, general = body.partition("####")
        q = {"name": _show(name), "category": category, "format": fmt, "text": _show(qtext), "general": _show(general),
             "answers": []}
        tf = re.fullmatch(r"\s*(TRUE|FALSE|T|F)(#[^#]*)?(#[^#]*)?\s*", body)
        if tf:
            q["kind"] = "truefalse"
            q["right"] = tf.group(1).startswith("T")
            q["feedback_wrong"], q["feedback_right"] = (_show((g or "#")[1:]) for g in (tf.group(2), tf.group(3)))
        else:
            parts = re.findall(r"([=~])([^=~]*)", body)
            q["kind"] = "multichoice" if any(mark == "~" for mark, _ in parts) else "shortanswer"
            for mark, part in parts:
                weight = re.match(r"%(-?[\d.]+)%", part)
                grade = float(weight.group(1)) if weight else (100.0 if mark == "=" else 0.0)
                part = part[weight.end():] if weight else part
                answer, _, feedback = part.partition("#")
                q["answers"].append((grade, _show(answer), _show(feedback)))
        out.append(q)
    return out


# -- what every bank must hold ---------------------------------------------------------------

def _expected(question, module, hl, lang):
    """What the bank must say of ``question``: its type, text, right answers and feedback."""
    page = hl.links.page("module", module.key)
    return {
        "kind": MOODLE_TYPES[question.type],
        "text": question.prompt.get(lang)[0],
        "general": hl(question.explanation, page),
        "options": [(a.text.get(lang)[0], a.correct) for a in question.answers] if question.type != "fill-blank" else
                   [(x, True) for x in question.accepted.get(lang)[0]],
        "feedback": [hl(a.feedback, page) for a in question.answers],
        "feedback_inline": [hl(a.feedback, page, inline=True) for a in question.answers],
    }


def _check_xml(text, course, hl, lang):
    root = ET.fromstring(text.encode("utf-8"))
    questions = [q for q in root if q.get("type") != "category"]
    expected = [(m, q) for m in course.modules for q in m.quiz.questions]
    assert len(questions) == len(expected) > 0
    categories = [q.find("category/text").text for q in root if q.get("type") == "category"]
    assert categories == [f"$course$/top/{course.title.get(lang)[0]}/{m.title.get(lang)[0]}" for m in course.modules]
    for got, (module, q) in zip(questions, expected):
        want = _expected(q, module, hl, lang)
        assert got.get("type") == want["kind"]
        assert got.find("idnumber").text == f"{module.key}/{q.id}"
        assert html.unescape(got.find("questiontext/text").text) == want["text"]
        assert got.find("questiontext").get("format") == "html"
        assert got.find("generalfeedback/text").text == want["general"]
        answers = got.findall("answer")
        if q.type == "fill-blank":
            assert [(a.find("text").text.replace("\\*", "*"), float(a.get("fraction")) == 100) for a in answers] == want["options"]
            continue
        if q.type == "true-false":
            assert [a.find("text").text for a in answers] == ["true", "false"]
            texts = [(t, float(a.get("fraction")) == 100) for (t, _), a in zip(want["options"], answers)]
        else:
            texts = [(html.unescape(a.find("text").text), float(a.get("fraction")) > 0) for a in answers]
            assert got.find("single").text == ("true" if q.type == "single" else "false")
        assert texts == want["options"]
        assert [a.find("feedback/text").text for a in answers] == want["feedback"]
        grades = [float(a.get("fraction")) for a in answers]
        assert sum(g for g in grades if g > 0) == pytest.approx(100, abs=1e-3)  # all the right ones make 100%
        if q.type == "multiple":
            assert sum(grades) == pytest.approx(0, abs=1e-3)  # every option chosen makes 0%


def _check_gift(text, course, hl, lang):
    questions = parse_gift(text)
    expected = [(m, q) for m in course.modules for q in m.quiz.questions]
    assert len(questions) == len(expected) > 0
    for got, (module, q) in zip(questions, expected):
        want = _expected(q, module, hl, lang)
        assert got["name"] == f"{module.key}/{q.id}"
        assert got["category"] == f"$course$/top/{course.title.get(lang)[0]}/{module.title.get(lang)[0]}"
        assert got["format"] == "html" and html.unescape(got["text"]) == want["text"]
        assert got["kind"] == want["kind"]
        assert got["general"] == want["general"]
        if q.type == "true-false":
            right = next(i for i, a in enumerate(q.answers) if a.correct)
            assert got["right"] == (right == 0)
            assert got["feedback_right"] == want["feedback_inline"][right]
            assert got["feedback_wrong"] == want["feedback_inline"][1 - right]
            continue
        options = [(html.unescape(t), grade > 0) for grade, t, _ in got["answers"]]
        assert options == want["options"]
        if q.type != "fill-blank":
            assert [fb for _, _, fb in got["answers"]] == want["feedback_inline"]
            assert sum(g for g, _, _ in got["answers"] if g > 0) == pytest.approx(100, abs=1e-3)


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_every_course_bank_reads_back_as_its_records(checked, lang):
    content, links = checked
    hl = _Html(links, lang, _extensions(content))
    assert len(content.courses) >= 2
    for course in content.courses.values():
        texts = bank_texts(course, links, lang, _extensions(content))
        _check_xml(texts["xml"], course, hl, lang)
        _check_gift(texts["gift"], course, hl, lang)


def _text(value: dict) -> Text:
    return Text(value, "ro", "fixture")


def _fixture_questions(strings) -> tuple[Question, ...]:
    out = []
    for q in yaml.safe_load(FIXTURE.read_text(encoding="utf-8")):
        if q["type"] == "true-false":
            answers = (Answer("adevarat", strings.text("quiz.true"), q["correct"], _text(q["feedback_true"])),
                       Answer("fals", strings.text("quiz.false"), not q["correct"], _text(q["feedback_false"])))
        else:
            answers = tuple(Answer(a["id"], _text(a["text"]), bool(a.get("correct")), _text(a["feedback"]))
                            for a in q.get("answers", []))
        accepted = Text({k: tuple(v) for k, v in q["accepted"].items()}, "ro") if "accepted" in q else None
        out.append(Question(q["id"], q["type"], "x", _text(q["prompt"]), _text(q["explanation"]), answers, accepted))
    return tuple(out)


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_gift_escapes_every_character_it_gives_a_meaning_to(checked, lang):
    """Texts holding ~ = # { } : and a backslash come back exactly, in GIFT and in Moodle XML."""
    content, links = checked
    course = next(iter(content.courses.values()))
    module = course.own_modules[0]
    quiz = dataclasses.replace(module.quiz, questions=_fixture_questions(content.strings))
    course = dataclasses.replace(course, modules=(dataclasses.replace(module, quiz=quiz),))
    texts = bank_texts(course, links, lang, _extensions(content))
    gift = texts["gift"]
    for char in "~={}:#":
        assert "\\" + char in gift
    assert "\\\\" in gift
    hl = _Html(links, lang, _extensions(content))
    _check_gift(gift, course, hl, lang)
    _check_xml(texts["xml"], course, hl, lang)
    first = parse_gift(gift)[0]
    assert first["text"] == course.modules[0].quiz.questions[0].prompt.get(lang)[0].replace("\\", "\\")
    assert "~ 100 = 50 # 2 {x} : y \\ z?" in first["text"]


def test_gift_escape():
    assert gift_escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_plain_feedback_is_the_text_as_written(checked):
    """Feedback without Markdown goes out as the editors wrote it, in a paragraph."""
    content, links = checked
    hl = _Html(links, "en", _extensions(content))
    module = next(iter(content.courses.values())).own_modules[0]
    page = links.page("module", module.key)
    plain = [a.feedback for q in module.quiz.questions for a in q.answers
             if a.feedback and not re.search(r"[\[\]*_`<>&{]", a.feedback.get("en")[0])]
    assert plain
    for fb in plain:
        assert hl(fb, page) == f"<p>{html.escape(fb.get('en')[0], quote=False)}</p>"


def test_references_become_links_to_the_public_site(checked):
    content, links = checked
    hl = _Html(links, "en", _extensions(content))
    out = hl(Text({"ro": "Vedeți [[ghid:ce-este-contractarea]].", "en": "See [[ghid:ce-este-contractarea]]."}),
             "cursuri/contractarea-sociala/ce-este-contractarea.md")
    assert f'href="{links.site_url.rstrip("/")}/en/ghid/ce-este-contractarea/"' in out


def test_the_built_site_publishes_every_bank_and_links_it(built_site, checked):
    """Both courses, both languages, both formats: published beside the course page, the same
    files as the banks made from the records, and linked from the course page with their size."""
    content, links = checked
    expected = files(content.courses, links, content.strings, _extensions(content))
    assert len(expected) == len(content.courses) * 2 * 2
    for path, text in expected.items():
        assert (built_site / path).read_text(encoding="utf-8") == text, path
    for course in content.courses.values():
        for lang in ("ro", "en"):
            page = (built_site / links.page_url(links.page("course", course.id), lang).lstrip("/") / "index.html")
            body = page.read_text(encoding="utf-8")
            for kind, path in bank_files(links, content.strings, lang, course.id).items():
                name = Path(path).name
                size = -(-len(expected[path].encode()) // 1024)
                label = {"xml": "Moodle XML", "gift": "GIFT"}[kind]
                assert re.search(rf'<a download="" href="{re.escape(name)}">{label}, [^<]*{size}(?:\u00a0|&nbsp;)KB</a>', body) or \
                    re.search(rf'<a href="{re.escape(name)}" download(="")?>{label}, [^<]*{size}(?:\u00a0|&nbsp;)KB</a>', body), (page, name)


def test_readme_says_where_the_banks_are_and_how_to_import_them(checked):
    content, links = checked
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("#### A course's questions in Moodle"):]
    section = section[:section.index("\n#")]
    course = next(iter(content.courses))
    for lang in ("ro", "en"):
        xml = bank_files(links, content.strings, lang, course)["xml"].replace(f"cursuri/{course}/", "cursuri/<course>/")
        assert f"`{xml}`" in section, xml
    assert "Question bank › Import" in section and "Moodle XML format" in section and "GIFT format" in section


def test_a_title_on_two_lines_cannot_add_a_question_to_the_gift_file(checked):
    """A category line is one line: a title holding a line break (and a question after it) stays a title."""
    content, links = checked
    course = next(iter(content.courses.values()))
    module = course.own_modules[0]
    hostile = Text({"ro": "Titlu\n\n::injectat::Întrebare?{=da}\n", "en": "Title\n\n::injected::Question?{=yes}\n"}, "ro")
    course = dataclasses.replace(course, modules=(dataclasses.replace(module, title=hostile),))
    gift = bank_texts(course, links, "en", _extensions(content))["gift"]
    questions = parse_gift(gift)
    assert len(questions) == len(module.quiz.questions)
    assert all(q["name"].startswith(module.key + "/") for q in questions)
