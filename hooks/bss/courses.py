"""Courses: a folder per course (courses/<id>/course.yml) with a file per module, each module
holding its lessons and a self-assessment quiz."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from .collections import Loaded
from .problems import Problem
from .record import Record
from .markup import check_document
from .schemas import markdown_fields, validate
from .source import DocumentError, read_document
from .text import Text

QUIZ_TYPES_WITH_ANSWERS = ("single", "multiple")
BLANK = "___"


@dataclass(frozen=True)
class Answer:
    id: str
    text: Text
    correct: bool
    feedback: Text | None


@dataclass(frozen=True)
class Question:
    id: str
    type: str  # single, multiple, true-false, fill-blank
    prompt: Text
    explanation: Text
    answers: tuple[Answer, ...]
    accepted: dict | None  # fill-blank: {"ro": [...], "en": [...]}


@dataclass(frozen=True)
class Quiz:
    pass_mark: int
    questions: tuple[Question, ...]
    version: str  # changes when the questions or their right answers change


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


@dataclass(frozen=True)
class Course:
    id: str
    title: Text
    description: Text
    audience: Text
    objectives: tuple[Text, ...]
    pass_mark: int
    modules: tuple[Module, ...]

    @property
    def minutes(self) -> int:
        """The course's study time: the sum of its modules'."""
        return sum(m.minutes for m in self.modules)

    def module(self, mid: str) -> Module:
        return next(m for m in self.modules if m.id == mid)


def load_courses(root: Path, loaded: Loaded) -> None:
    """Read every course folder into ``loaded.records['courses']`` and ``['modules']`` (keyed course/module)."""
    schema_dir = root / "data" / "schemas"
    courses: dict[str, Record] = {}
    modules: dict[str, Record] = {}
    base = root / "courses"
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        course_file = folder / "course.yml"
        if not course_file.exists():
            loaded.problems.append(Problem(f"courses/{folder.name}", 1, "file", "course.yml is missing",
                                           "a course.yml describing the course"))
            continue
        docs = {}
        for file in sorted(folder.glob("*.y*ml")):
            try:
                doc = read_document(file, root)
            except DocumentError as exc:
                loaded.problems.extend(exc.problems)
                continue
            schema = "course.schema.json" if file.name == "course.yml" else "module.schema.json"
            found = validate(doc, schema, schema_dir)
            if found:
                loaded.problems.extend(found)
                continue
            loaded.problems.extend(check_document(doc, markdown_fields(doc, schema, schema_dir), loaded.markdown_extensions))
            docs[file.stem] = doc
        course_doc = docs.pop("course", None)
        if course_doc is None:
            continue
        course = Record(course_doc)
        if course.get("id") != folder.name:
            loaded.problems.append(course_doc.problem(("id",), f"'{course.get('id')}' differs from the folder name '{folder.name}'",
                                                      f"the folder to be named courses/{course.get('id')}"))
            continue
        listed = course.get("modules")
        for i, mid in enumerate(listed):
            if mid not in docs and not (folder / f"{mid}.yml").exists():
                loaded.problems.append(course_doc.problem(("modules", i), f"'{mid}' has no file",
                                                          f"a module file courses/{folder.name}/{mid}.yml"))
        for stem, doc in docs.items():
            record = Record(doc)
            if record.get("id") != stem:
                loaded.problems.append(doc.problem(("id",), f"'{record.get('id')}' differs from the file name '{stem}.yml'",
                                                   f"the file to be named {record.get('id')}.yml"))
                continue
            if stem not in listed:
                loaded.problems.append(doc.problem(("id",), f"module '{stem}' is not listed in courses/{folder.name}/course.yml",
                                                   "every module file listed in the course's modules"))
                continue
            loaded.problems.extend(_check_module(record, listed))
            modules[f"{folder.name}/{stem}"] = record
        courses[folder.name] = course
    loaded.records["courses"] = courses
    loaded.records["modules"] = modules


def _check_module(r: Record, order: list[str]) -> list[Problem]:
    """Rules of a sound quiz and module that the schema cannot state."""
    doc, problems = r.doc, []
    mid = r.get("id")
    for i, pre in enumerate(r.get("prerequisites", [])):
        if pre not in order or order.index(pre) >= order.index(mid):
            problems.append(doc.problem(("prerequisites", i), f"'{pre}' is not an earlier module of this course",
                                        f"one of: {', '.join(order[:order.index(mid)]) or 'none (this is the first module)'}"))
    problems += _duplicates(doc, [("lessons", i, "id") for i in range(len(r.get("lessons")))], r.data["lessons"], "lesson")
    questions = r.get("quiz")["questions"]
    problems += _duplicates(doc, [("quiz", "questions", i, "id") for i in range(len(questions))], questions, "question")
    for i, q in enumerate(questions):
        path = ("quiz", "questions", i)
        kind, answers = q["type"], q.get("answers")
        if kind in QUIZ_TYPES_WITH_ANSWERS:
            if not answers:
                problems.append(doc.problem(path + ("answers",), "missing", f"the answers of a {kind}-choice question"))
                continue
            problems += _duplicates(doc, [path + ("answers", j, "id") for j in range(len(answers))], answers, "answer")
            right = sum(1 for a in answers if a.get("correct"))
            if kind == "single" and right != 1:
                problems.append(doc.problem(path + ("answers",), f"{right} answers are marked correct",
                                            "exactly one answer with correct: true"))
            if kind == "multiple" and right == 0:
                problems.append(doc.problem(path + ("answers",), "no answer is marked correct",
                                            "at least one answer with correct: true"))
        if kind == "true-false" and "correct" not in q:
            problems.append(doc.problem(path + ("correct",), "missing", "true or false: the right answer"))
        if kind == "fill-blank":
            if "accepted" not in q:
                problems.append(doc.problem(path + ("accepted",), "missing", "the accepted answers, {ro: [...], en: [...]}"))
            for lang, text in q["prompt"].items():
                if BLANK not in text:
                    problems.append(doc.problem(path + ("prompt", lang), f"has no blank ({BLANK})",
                                                f"the place of the missing word marked {BLANK}"))
        extra = [k for k in ("answers", "correct", "accepted") if k in q and not _fits(kind, k)]
        for key in extra:
            problems.append(doc.problem(path + (key,), f"does not belong to a {kind} question",
                                        _FIELDS_BY_TYPE[kind]))
    return problems


_FIELDS_BY_TYPE = {
    "single": "answers, one of them correct: true", "multiple": "answers, at least one correct: true",
    "true-false": "correct: true or false, and optionally feedback_true and feedback_false",
    "fill-blank": "accepted: {ro: [...], en: [...]}",
}


def _fits(kind: str, key: str) -> bool:
    return {"answers": kind in QUIZ_TYPES_WITH_ANSWERS, "correct": kind == "true-false",
            "accepted": kind == "fill-blank"}[key]


def _duplicates(doc, paths, items, what) -> list[Problem]:
    seen: dict[str, int] = {}
    out = []
    for path, item in zip(paths, items):
        iid = item.get("id")
        if iid in seen:
            out.append(doc.problem(path, f"'{iid}' is already used by another {what} here",
                                   f"each {what} id once"))
        seen.setdefault(iid, len(seen))
    return out


TRUE = Text("Adevărat", "True")
FALSE = Text("Fals", "False")


def _question(q: Record) -> Question:
    kind = q.get("type")
    if kind == "true-false":
        right = q.get("correct")
        answers = (Answer("adevarat", TRUE, right is True, q.text("feedback_true")),
                   Answer("fals", FALSE, right is False, q.text("feedback_false")))
    else:
        answers = tuple(Answer(a.get("id"), a.text("text"), bool(a.get("correct")), a.text("feedback"))
                        for a in q.children("answers"))
    return Question(q.get("id"), kind, q.text("prompt"), q.text("explanation"), answers, q.get("accepted"))


def build_module(course_id: str, r: Record, pass_mark: int) -> Module:
    questions = tuple(_question(q) for q in r.at("quiz").children("questions"))
    fingerprint = json.dumps([(q.id, q.type, q.prompt.ro, [(a.id, a.correct) for a in q.answers], q.accepted)
                              for q in questions], ensure_ascii=False)
    quiz = Quiz(pass_mark, questions, hashlib.sha256(fingerprint.encode()).hexdigest()[:12])
    return Module(
        id=r.get("id"), course=course_id, title=r.text("title"), summary=r.text("summary"),
        objectives=r.texts("objectives"), minutes=r.get("minutes"), prerequisites=tuple(r.get("prerequisites", [])),
        lessons=tuple(Lesson(x.get("id"), x.text("title"), x.text("body")) for x in r.children("lessons")),
        guide=tuple(r.get("guide", [])), case_studies=tuple(r.get("case_studies", [])), quiz=quiz,
    )


def build_courses(loaded: Loaded) -> dict[str, Course]:
    out = {}
    for cid, r in sorted(loaded.records.get("courses", {}).items()):
        modules = tuple(build_module(cid, loaded.records["modules"][f"{cid}/{mid}"], r.get("pass_mark"))
                        for mid in r.get("modules")
                        if f"{cid}/{mid}" in loaded.records["modules"])
        out[cid] = Course(cid, r.text("title"), r.text("description"), r.text("audience"), r.texts("objectives"),
                          r.get("pass_mark"), modules)
    return out


MODULE_REFERENCES = {("case_studies", "*"): "case-studies", ("guide", "*"): "guide-anchors"}


def pages(content) -> list:
    """The course list, a page per course, per module and a certificate page per course."""
    from . import addresses as A
    from .render import PageSpec

    t = content.strings.t
    courses = list(content.courses.values())
    specs = [PageSpec(A.COURSES, "courses.md", Text(t("nav.courses", "ro"), t("nav.courses", "en")),
                      {"courses": courses})]
    for course in courses:
        specs.append(PageSpec(A.course(course.id), "course.md", course.title, {"course": course}, course.description,
                              meta={"quiz": True}))
        specs.append(PageSpec(A.certificate(course.id), "certificate.md",
                              Text(t("certificate.title", "ro"), t("certificate.title", "en")), {"course": course},
                              meta={"quiz": True}))
        for i, module in enumerate(course.modules):
            context = {"course": course, "module": module, "number": i + 1,
                       "previous": course.modules[i - 1] if i else None,
                       "next": course.modules[i + 1] if i + 1 < len(course.modules) else None}
            specs.append(PageSpec(A.module(course.id, module.id), "module.md", module.title, context, module.summary,
                                  meta={"quiz": True}))
    return specs
