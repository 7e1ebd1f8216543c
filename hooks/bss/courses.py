"""Courses: a folder per course (``courses/<id>/course.yml``) holding a file per module, each
module with its lessons and a self-assessment quiz. Courses load as any collection does (a
folder of folders, see collections.py); this module holds what only courses need: the rules of a
quiz that teaches, the models, and the pages."""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from .collections import Collection
from .easy import points
from .problems import Problem
from .record import Record
from .render import PageSpec
from .text import Text

BLANK = "___"
MIN_FEEDBACK_WORDS = 4  # "Corect." says nothing; "Corect: costul pornește de la activități." teaches


@dataclass(frozen=True)
class QuestionType:
    """What only code can check of a question type (its fields are in module.schema.json)."""

    label: str
    right: str = ""  # how many answers may be marked correct: "one" or "some"; "" where answers are not listed
    blank: bool = False  # the prompt shows where the missing word goes


QUESTION_TYPES = {
    "single": QuestionType("single-choice", right="one"),
    "multiple": QuestionType("multiple-choice", right="some"),
    "true-false": QuestionType("true-false"),
    "fill-blank": QuestionType("fill-blank", blank=True),
}


@dataclass(frozen=True)
class Answer:
    id: str
    text: Text
    correct: bool
    feedback: Text | None


@dataclass(frozen=True)
class Question:
    id: str
    type: str
    tests: str  # the lesson id, or chapter#section of the guide, that teaches what it asks
    prompt: Text
    explanation: Text
    answers: tuple[Answer, ...]
    accepted: Text | None  # fill-blank: the answers that count as right, by language

    @property
    def numeric(self) -> bool:
        """A fill-blank question whose answer is a number: the learner is asked to type the number."""
        return bool(self.accepted) and all(a.replace(",", "").replace(".", "").isdigit()
                                           for a in self.accepted.values[self.accepted.default])


@dataclass(frozen=True)
class Quiz:
    pass_mark: int
    questions: tuple[Question, ...]
    version: str  # changes when the questions or their right answers change, and only then


@dataclass(frozen=True)
class Lesson:
    id: str
    title: Text
    body: Text


@dataclass(frozen=True)
class Module:
    id: str
    course: str
    title: Text
    summary: Text
    objectives: tuple[Text, ...]
    minutes: int
    prerequisites: tuple[str, ...]
    lessons: tuple[Lesson, ...]
    guide: tuple[str, ...]
    case_studies: tuple[str, ...]
    quiz: Quiz
    easy: tuple = ()  # easy-to-read points (easy.py)

    @property
    def key(self) -> str:
        return f"{self.course}/{self.id}"


@dataclass(frozen=True)
class Course:
    id: str
    title: Text
    description: Text
    audience: Text
    objectives: tuple[Text, ...]
    pass_mark: int
    modules: tuple[Module, ...]
    issuer: str | None = None  # a partner id: who runs the course and issues its certificate
    programme: str | None = None  # a programme id: who funds the course

    @property
    def minutes(self) -> int:
        """The course's study time: the sum of its modules'."""
        return sum(m.minutes for m in self.modules)

    def module(self, mid: str) -> Module:
        return next(m for m in self.modules if m.id == mid)


# -- checks a schema cannot state ------------------------------------------------------------

def check_courses(loaded) -> list[Problem]:
    """Every module listed has a file and every file is listed; prerequisites come earlier."""
    problems = []
    modules = loaded.records["modules"]
    for cid, course in loaded.records["courses"].items():
        listed = course.get("modules")
        for i, mid in enumerate(listed):
            if f"{cid}/{mid}" not in modules and f"{cid}/{mid}" not in loaded.broken["modules"]:
                problems.append(course.problem(("modules", i), f"'{mid}' has no file", f"a module file courses/{cid}/{mid}.yml"))
    for key, record in modules.items():
        cid, mid = key.split("/", 1)
        course = loaded.records["courses"].get(cid)
        if course is None:
            continue
        listed = course.get("modules")
        if mid not in listed:
            problems.append(record.problem(("id",), f"module '{mid}' is not listed in courses/{cid}/course.yml",
                                           "every module file listed in the course's modules"))
            continue
        for i, pre in enumerate(record.get("prerequisites", [])):
            if pre not in listed or listed.index(pre) >= listed.index(mid):
                problems.append(record.problem(("prerequisites", i), f"'{pre}' is not an earlier module of this course",
                                               f"one of: {', '.join(listed[:listed.index(mid)]) or 'none (this is the first module)'}"))
    return problems


def check_quizzes(loaded) -> list[Problem]:
    """The rules of a quiz that teaches: the right number of right answers, a blank where a word
    is missing, feedback that says why, and each question tied to what teaches it."""
    problems = []
    sections = {f"{cid}#{s['id']}" for cid, r in loaded.records.get("guide", {}).items() for s in r.get("sections")}
    for record in loaded.records["modules"].values():
        lessons = {lesson["id"] for lesson in record.get("lessons")}
        guide = set(record.get("guide", []))
        for i, q in enumerate(record.get("quiz")["questions"]):
            path = ("quiz", "questions", i)
            kind = QUESTION_TYPES[q["type"]]
            answers = q.get("answers", [])
            right = sum(1 for a in answers if a.get("correct"))
            if (kind.right == "one" and right != 1) or (kind.right == "some" and right == 0):
                said = "no answer is" if right == 0 else f"{right} answers are"
                wanted = "exactly one answer" if kind.right == "one" else "at least one answer"
                problems.append(record.problem(path + ("answers",), f"{said} marked correct", f"{wanted} with correct: true"))
            if kind.blank:
                for lang, text in q["prompt"].items():
                    if BLANK not in text:
                        problems.append(record.problem(path + ("prompt", lang), f"has no blank ({BLANK})",
                                                       f"the place of the missing word marked {BLANK}"))
            feedback = [(path + ("answers", j, "feedback"), a["feedback"]) for j, a in enumerate(answers)]
            feedback += [(path + (key,), q[key]) for key in ("feedback_true", "feedback_false") if key in q]
            for where, texts in feedback:
                for lang, text in texts.items():
                    if len(re.findall(r"\w+", text)) < MIN_FEEDBACK_WORDS:
                        problems.append(record.problem(where + (lang,), f"says only '{text.strip()}'",
                                                       f"why the answer is right or wrong, in a sentence of "
                                                       f"{MIN_FEEDBACK_WORDS} words or more"))
            problems.extend(_check_tests(record, path, q["tests"], lessons, guide, sections))
    return problems


def _check_tests(record: Record, path: tuple, tests: str, lessons: set, guide: set, sections: set) -> list[Problem]:
    """A question tests a lesson of its module, or a guide section the module links to."""
    taught = sorted(lessons) + sorted(guide)
    if "#" not in tests and tests in lessons:
        return []
    if "#" in tests and tests in sections and (tests in guide or tests.split("#")[0] in guide):
        return []
    if tests in guide and "#" not in tests:
        return [record.problem(path + ("tests",), f"'{tests}' is a whole chapter",
                               "the section that teaches the answer, written chapter#section")]
    where = "a section of the guide the module does not link to" if tests in sections else "not a lesson of this module or a guide section"
    return [record.problem(path + ("tests",), f"'{tests}' is {where}",
                           f"a lesson of this module or a section of its guide chapters: {', '.join(taught)}")]


def _check_all(loaded) -> list[Problem]:
    return check_courses(loaded) + check_quizzes(loaded)


MODULES = Collection(
    "modules", "courses", "module.schema.json", None,
    references={("case_studies", "*"): "case-studies", ("guide", "*"): "guide-anchors"},
    unique=(("lessons",), ("quiz", "questions"), ("quiz", "questions", "*", "answers")), label="modules",
)
COURSES = Collection("courses", "courses", "course.schema.json", None, layout="folders", index="course.yml",
                     children=MODULES, label="courses", check=_check_all,
                     references={("issuer",): "partners", ("programme",): "programmes"})


# -- models ----------------------------------------------------------------------------------

def _question(q: Record, strings) -> Question:
    kind = q.get("type")
    if kind == "true-false":
        right = q.get("correct")
        answers = (Answer("adevarat", strings.text("quiz.true"), right is True, q.text("feedback_true")),
                   Answer("fals", strings.text("quiz.false"), right is False, q.text("feedback_false")))
    else:
        answers = tuple(Answer(a.get("id"), a.text("text"), bool(a.get("correct")), a.text("feedback"))
                        for a in q.children("answers"))
    accepted = q.get("accepted")
    accepted = Text({lang: tuple(v) for lang, v in accepted.items()}, q.default, q.where("accepted")) if accepted else None
    return Question(q.get("id"), kind, q.get("tests"), q.text("prompt"), q.text("explanation"), answers, accepted)


def quiz_version(questions: tuple[Question, ...]) -> str:
    """A fingerprint of what a learner's saved answers depend on: the questions, their options and
    which are right. Rewording feedback or an explanation does not change it."""
    parts = [(q.id, q.type, str(q.prompt), [(a.id, a.correct) for a in q.answers],
              dict(q.accepted.values) if q.accepted else None) for q in questions]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:12]


def build_module(course_id: str, r: Record, pass_mark: int, strings) -> Module:
    questions = tuple(_question(q, strings) for q in r.at("quiz").children("questions"))
    return Module(
        id=r.get("id"), course=course_id, title=r.text("title"), summary=r.text("summary"),
        objectives=r.texts("objectives"), minutes=r.get("minutes"), prerequisites=tuple(r.get("prerequisites", [])),
        lessons=tuple(Lesson(x.get("id"), x.text("title"), x.text("body")) for x in r.children("lessons")),
        guide=tuple(r.get("guide", [])), case_studies=tuple(r.get("case_studies", [])),
        quiz=Quiz(pass_mark, questions, quiz_version(questions)), easy=points(r),
    )


def build_courses(records: dict[str, Record], modules: dict[str, Record], strings) -> dict[str, Course]:
    out = {}
    for cid, r in sorted(records.items()):
        built = tuple(build_module(cid, modules[f"{cid}/{mid}"], r.get("pass_mark"), strings) for mid in r.get("modules"))
        out[cid] = Course(cid, r.text("title"), r.text("description"), r.text("audience"), r.texts("objectives"),
                          r.get("pass_mark"), built, r.get("issuer"), r.get("programme"))
    return out


# -- pages -----------------------------------------------------------------------------------

def pages(content) -> list[PageSpec]:
    """The course list, a page per course, per module (its lessons anchored in it) and a
    certificate page per course."""
    courses = list(content.courses.values())
    specs = [PageSpec("courses", "", "courses.md", content.strings.text("nav.courses"), {"courses": courses})]
    for course in courses:
        specs.append(PageSpec("course", course.id, "course.md", course.title, {"course": course}, course.description,
                              meta={"quiz": True}))
        specs.append(PageSpec("certificate", course.id, "certificate.md", content.strings.text("certificate.title"),
                              {"course": course, "programme": content.programmes.get(course.programme),
                               "site": Text(content.settings.site_names, content.settings.languages.default)},
                              meta={"quiz": True}))
        for i, module in enumerate(course.modules):
            context = {"course": course, "module": module, "number": i + 1,
                       "previous": course.modules[i - 1] if i else None,
                       "next": course.modules[i + 1] if i + 1 < len(course.modules) else None}
            anchors = tuple(("lesson", f"{module.key}#{lesson.id}", lesson.title, None) for lesson in module.lessons)
            specs.append(PageSpec("module", module.key, "module.md", module.title, context, module.summary,
                                  meta={"quiz": True}, anchors=anchors))
    return specs
