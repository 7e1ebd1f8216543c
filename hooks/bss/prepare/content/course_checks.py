"""The rules of courses and quizzes that a schema cannot state: every module listed exists and
every module file is listed, prerequisites come earlier, a moved module leads somewhere, and each
quiz question teaches (the right number of right answers, a blank where a word is missing,
feedback that says why, and a tie to what teaches it)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bss.problems import Problem
from bss.prepare.read.record import Record

BLANK = "___"
MIN_FEEDBACK_WORDS = 4  # "Corect." says nothing; "Corect: costul pornește de la activități." teaches
# Openings that hedge instead of saying why an answer is wrong ("Not necessarily", "Too little"): a learner who
# chose it is left unsure whether it was wrong. Say plainly what is wrong, and why.
HEDGES = {"ro": ("nu neapărat", "prea puțin"), "en": ("not necessarily", "too little")}


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


def module_key(course_id: str, entry: str) -> str:
    """The key (``course/module``) of an entry of a course's ``modules``: a module of the course
    itself, or another course's, written ``course/module``."""
    return entry if "/" in entry else f"{course_id}/{entry}"


def check_courses(loaded) -> list[Problem]:
    """Every module listed has a file and every file is listed; another course's module exists;
    prerequisites come earlier; a moved module's old id is free and leads to a module."""
    problems = []
    modules, broken = loaded.records["modules"], loaded.broken["modules"]
    for cid, course in loaded.records["courses"].items():
        listed = course.get("modules")
        for i, entry in enumerate(listed):
            problems.extend(_check_listed(course, cid, i, entry, modules, broken))
        for j, move in enumerate(course.get("moved", [])):
            if move["id"] in listed:
                problems.append(course.problem(("moved", j, "id"), f"'{move['id']}' is still a module of this course",
                                               "the id of a module this course no longer has"))
            to = module_key(cid, move["to"])
            if to not in modules and to not in broken:
                problems.append(course.problem(("moved", j, "to"), f"'{move['to']}' is not a module",
                                               "a module of this course, or another course's written course/module"))
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
        earlier = [m for m in listed[:listed.index(mid)] if "/" not in m]
        for i, pre in enumerate(record.get("prerequisites", [])):
            if pre not in earlier:
                problems.append(record.problem(("prerequisites", i), f"'{pre}' is not an earlier module of this course",
                                               f"one of: {', '.join(earlier) or 'none (this is the first module)'}"))
    return problems


def _check_listed(course: Record, cid: str, i: int, entry: str, modules: dict, broken: dict) -> list[Problem]:
    """An entry of a course's modules: its own module with a file, or another course's module."""
    key = module_key(cid, entry)
    if key in modules or key in broken:
        if entry.startswith(f"{cid}/"):
            return [course.problem(("modules", i), f"'{entry}' names a module of this course with its course",
                                   f"its id alone: {entry.split('/', 1)[1]}")]
        return []
    if "/" in entry:
        return [course.problem(("modules", i), f"'{entry}' is not a module of another course",
                               "course/module, where courses/<course>/<module>.yml exists")]
    return [course.problem(("modules", i), f"'{entry}' has no file", f"a module file courses/{cid}/{entry}.yml")]


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
            feedback: list[tuple[tuple, Any]] = [(path + ("answers", j, "feedback"), a["feedback"]) for j, a in enumerate(answers)]
            feedback += [(path + (key,), q[key]) for key in ("feedback_true", "feedback_false") if key in q]
            for where, texts in feedback:
                problems.extend(_check_feedback(record, where, texts))
            problems.extend(_check_tests(record, path, q["tests"], lessons, guide, sections))
    return problems


def _check_feedback(record: Record, where: tuple, texts: dict) -> list[Problem]:
    """Feedback says why the answer is right or wrong: in a sentence, without hedging."""
    out = []
    for lang, text in texts.items():
        if len(re.findall(r"\w+", text)) < MIN_FEEDBACK_WORDS:
            out.append(record.problem(where + (lang,), f"says only '{text.strip()}'", f"why the answer is right or wrong, "
                                      f"in a sentence of {MIN_FEEDBACK_WORDS} words or more"))
        hedge = next((h for h in HEDGES.get(lang, ()) if text.strip().lower().startswith(h)), None)
        if hedge:
            out.append(record.problem(where + (lang,), f"hedges ('{text.strip()[:len(hedge)]}')",
                                      "a plain verdict and why, such as 'No: ...' or 'Right: ...'"))
    return out


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


def check_all(loaded) -> list[Problem]:
    """Every rule above, for the courses collection."""
    return check_courses(loaded) + check_quizzes(loaded)
