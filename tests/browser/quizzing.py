"""Acting as a learner: answering a quiz the way a person would, knowing the answers from the data."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COURSE_ID = "servicii-comunitare"
COURSE = f"/cursuri/{COURSE_ID}/"
MODULES = yaml.safe_load((ROOT / f"courses/{COURSE_ID}/course.yml").read_text(encoding="utf-8"))["modules"]
CHECK = {"": "Verifică răspunsurile", "/en": "Check answers"}


def questions(module: str, course: str = COURSE_ID) -> list[dict]:
    data = yaml.safe_load((ROOT / f"courses/{course}/{module}.yml").read_text(encoding="utf-8"))
    return data["quiz"]["questions"]


def module_url(site_url: str, module: str, prefix: str = "", course: str = COURSE_ID) -> str:
    return f"{site_url}{prefix}/cursuri/{course}/{module}/"


def wrong_choice(q: dict) -> str:
    """The id of an option that is wrong (for a true-false question: the wrong one of the two)."""
    if q["type"] == "true-false":
        return "fals" if q["correct"] else "adevarat"
    return next(a["id"] for a in q["answers"] if not a.get("correct"))


def answer(page, q: dict, right: bool = True, lang: str = "ro") -> None:
    """Answer question ``q`` with the mouse, rightly or wrongly."""
    box = page.locator(f"#q-{q['id']}")
    if q["type"] == "fill-blank":
        box.locator("input[type=text]").fill(q["accepted"][lang][0] if right else "nimic")
    elif q["type"] == "true-false":
        box.locator(f"#q-{q['id']}-{'adevarat' if q['correct'] == right else 'fals'}").check()
    elif right:
        for a in q["answers"]:
            if a.get("correct"):
                box.locator(f"#q-{q['id']}-{a['id']}").check()
    else:
        box.locator(f"#q-{q['id']}-{wrong_choice(q)}").check()


def answer_all(page, module: str, right: bool = True, lang: str = "ro", course: str = COURSE_ID) -> None:
    for q in questions(module, course):
        answer(page, q, right, lang)


def pass_module(page, site_url: str, module: str, prefix: str = "", course: str = COURSE_ID) -> None:
    page.goto(module_url(site_url, module, prefix, course))
    answer_all(page, module, lang="en" if prefix else "ro", course=course)
    page.get_by_role("button", name=CHECK[prefix]).click()
    page.locator(".bss-quiz__summary.is-passed").wait_for()
