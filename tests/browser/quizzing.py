"""Acting as a learner: answering a quiz the way a person would, knowing the answers from the data."""
from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COURSE_ID = "servicii-comunitare"
COURSE = f"/cursuri/{COURSE_ID}/"
# The course's modules as course/module: its own, and those it lists from another course.
MODULES = [m if "/" in m else f"{COURSE_ID}/{m}" for m in
           yaml.safe_load((ROOT / f"courses/{COURSE_ID}/course.yml").read_text(encoding="utf-8"))["modules"]]
CHECK = {"": "Verifică răspunsurile", "/en": "Check answers"}


def module_file(module: str) -> dict:
    """A module's data, by its key (course/module)."""
    return yaml.safe_load((ROOT / f"courses/{module}.yml").read_text(encoding="utf-8"))


def questions(module: str) -> list[dict]:
    return module_file(module)["quiz"]["questions"]


def module_url(site_url: str, module: str, prefix: str = "") -> str:
    return f"{site_url}{prefix}/cursuri/{module}/"


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


def answer_all(page, module: str, right: bool = True, lang: str = "ro") -> None:
    for q in questions(module):
        answer(page, q, right, lang)


def pass_module(page, site_url: str, module: str, prefix: str = "") -> None:
    page.goto(module_url(site_url, module, prefix))
    answer_all(page, module, lang="en" if prefix else "ro")
    page.get_by_role("button", name=CHECK[prefix]).click()
    page.locator(".bss-quiz__summary.is-passed").wait_for()
