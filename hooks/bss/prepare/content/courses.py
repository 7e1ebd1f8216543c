"""Courses: a folder per course (``courses/<id>/course.yml``) holding a file per module, each
module with its lessons and a self-assessment quiz. Courses load as any collection does (a
folder of folders, see collections.py); this module holds the models and the pages, and
course_checks.py the rules of a quiz that teaches.

A course may also list another course's module, written ``course/module``: the content lives in
one place (one page, one quiz, one progress record in the learner's browser) and counts in both
courses' progress and certificates. A module a course no longer has stays in its ``moved`` list,
so that its old address leads to the module that now teaches it (site.moved_pages)."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from bss.prepare.read.collections import Collection
from bss.prepare.content.course_checks import check_all, module_key
from bss.prepare.content.easy import points
from bss.prepare.pages.question_banks import downloads
from bss.prepare.read.record import Record
from bss.prepare.pages.render import PageSpec
from bss.text import Text


@dataclass(frozen=True)
class Answer:
    id: str
    text: Text
    correct: bool
    feedback: Text | None
    fixed: bool = False  # keeps its written place when the options are shuffled ("none of the above")


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
        return self.accepted is not None and all(a.replace(",", "").replace(".", "").isdigit()
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
    modules: tuple[Module, ...]  # in the course's order, another course's modules among them
    moved: tuple[tuple[str, str], ...] = ()  # (an id this course once had, the key of the module that teaches it now)
    issuer: str | None = None  # a partner id: who runs the course and issues its certificate
    programme: str | None = None  # a programme id: who funds the course

    @property
    def own_modules(self) -> tuple[Module, ...]:
        """The modules whose page this course publishes (the others are taught in their own course)."""
        return tuple(m for m in self.modules if m.course == self.id)

    @property
    def minutes(self) -> int:
        """The course's study time: the sum of its modules'."""
        return sum(m.minutes for m in self.modules)



MODULES = Collection(
    "modules", "courses", "module.schema.json", None,
    references={("case_studies", "*"): "case-studies", ("guide", "*"): "guide-anchors"},
    unique=(("lessons",), ("quiz", "questions"), ("quiz", "questions", "*", "answers")), label="modules",
)
COURSES = Collection("courses", "courses", "course.schema.json", None, layout="folders", index="course.yml",
                     children=MODULES, label="courses", check=check_all,
                     references={("issuer",): "partners", ("programme",): "programmes"})


# -- models ----------------------------------------------------------------------------------

def _question(q: Record, strings) -> Question:
    kind = q.get("type")
    if kind == "true-false":
        right = q.get("correct")
        answers: tuple[Answer, ...] = (Answer("adevarat", strings.text("quiz.true"), right is True, q.text("feedback_true")),
                   Answer("fals", strings.text("quiz.false"), right is False, q.text("feedback_false")))
    else:
        answers = tuple(Answer(a.get("id"), a.required_text("text"), bool(a.get("correct")), a.text("feedback"), bool(a.get("fixed")))
                        for a in q.children("answers"))
    accepted = q.get("accepted")
    accepted = Text({lang: tuple(v) for lang, v in accepted.items()}, q.default, q.where("accepted")) if accepted else None  # type: ignore[misc]  # texts by language: here, a tuple of them
    return Question(q.get("id"), kind, q.get("tests"), q.required_text("prompt"), q.required_text("explanation"), answers, accepted)


def quiz_version(questions: tuple[Question, ...]) -> str:
    """A fingerprint of what a learner's saved answers depend on: the questions, their options and
    which are right. Rewording feedback or an explanation does not change it."""
    parts = [(q.id, q.type, str(q.prompt), [(a.id, a.correct) for a in q.answers],
              dict(q.accepted.values) if q.accepted else None) for q in questions]
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()[:12]


def build_module(course_id: str, r: Record, pass_mark: int, strings) -> Module:
    questions = tuple(_question(q, strings) for q in r.at("quiz").children("questions"))
    return Module(
        id=r.get("id"), course=course_id, title=r.required_text("title"), summary=r.required_text("summary"),
        objectives=r.texts("objectives"), minutes=r.get("minutes"), prerequisites=tuple(r.get("prerequisites", [])),
        lessons=tuple(Lesson(x.get("id"), x.required_text("title"), x.required_text("body")) for x in r.children("lessons")),
        guide=tuple(r.get("guide", [])), case_studies=tuple(r.get("case_studies", [])),
        quiz=Quiz(pass_mark, questions, quiz_version(questions)), easy=points(r),
    )


def build_courses(records: dict[str, Record], modules: dict[str, Record], strings) -> dict[str, Course]:
    """Each module is built once, by its own course (with that course's pass mark); a course that
    lists it too holds the same module."""
    built = {f"{cid}/{mid}": build_module(cid, modules[f"{cid}/{mid}"], r.get("pass_mark"), strings)
             for cid, r in records.items() for mid in r.get("modules") if "/" not in mid}
    out = {}
    for cid, r in sorted(records.items()):
        moved = tuple((m["id"], module_key(cid, m["to"])) for m in r.get("moved", []))
        out[cid] = Course(cid, r.required_text("title"), r.required_text("description"), r.required_text("audience"), r.texts("objectives"),
                          r.get("pass_mark"), tuple(built[module_key(cid, m)] for m in r.get("modules")), moved,
                          r.get("issuer"), r.get("programme"))
    return out


# -- pages -----------------------------------------------------------------------------------

def pages(content) -> list[PageSpec]:
    """The course list, a page per course, per module of its own (its lessons anchored in it) and
    a certificate page per course. A module's page names the other courses that list it."""
    courses = list(content.courses.values())
    banks = downloads(content.settings.markdown_extensions)
    specs = [PageSpec("courses", "", "courses.md", content.strings.text("nav.courses"), {"courses": courses})]
    for course in courses:
        homes = {m.key: content.courses[m.course] for m in course.modules if m.course != course.id}
        specs.append(PageSpec("course", course.id, "course.md", course.title,
                              {"course": course, "homes": homes, "banks": banks},
                              course.description, meta={"quiz": True}))
        specs.append(PageSpec("certificate", course.id, "certificate.md", content.strings.text("certificate.title"),
                              {"course": course, "programme": content.programmes.get(course.programme),
                               "site": Text(content.settings.site_names, content.settings.languages.default)},
                              meta={"quiz": True, "search_label": content.strings.around("certificate.search_label", course.title)}))
        for i, module in enumerate(course.modules):
            if module.course != course.id:
                continue
            also = [c for c in courses if c.id != course.id and module.key in {m.key for m in c.modules}]
            context = {"course": course, "module": module, "number": i + 1, "also": also,
                       "previous": course.modules[i - 1] if i else None,
                       "next": course.modules[i + 1] if i + 1 < len(course.modules) else None}
            anchors = tuple(("lesson", f"{module.key}#{lesson.id}", lesson.title, None) for lesson in module.lessons)
            specs.append(PageSpec("module", module.key, "module.md", module.title, context, module.summary,
                                  meta={"quiz": True}, anchors=anchors))
    return specs
