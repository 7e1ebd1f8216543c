"""Acting as a learner: answering a quiz the way a person would."""
from __future__ import annotations

COURSE = "/cursuri/servicii-comunitare/"
MODULES = ["parteneriatul-cu-autoritatile", "dezvoltarea-serviciului", "costificare-si-contractare",
           "sustenabilitate-si-crize", "dialog-si-vizibilitate"]


def module_url(site_url: str, module: str, prefix: str = "") -> str:
    return f"{site_url}{prefix}{COURSE}{module}/"


def answer_all(page, right: bool = True) -> None:
    """Answer every question with the mouse: all right, or all wrong."""
    for q in page.locator("fieldset.bss-q").all():
        text = q.locator("input[type=text]")
        if text.count():
            accepted = text.get_attribute("data-accepted").split("|")[0]
            text.fill(accepted if right else "nimic")
            continue
        want = "true" if right else "false"
        options = q.locator(f"input[data-correct={want}]")
        if q.get_attribute("data-type") == "multiple":
            for box in options.all():
                box.check()
        else:
            options.first.check()


def pass_module(page, site_url: str, module: str, prefix: str = "") -> None:
    page.goto(module_url(site_url, module, prefix))
    answer_all(page)
    page.get_by_role("button", name="Check answers" if prefix else "Verifică răspunsurile").click()
    page.locator(".bss-quiz__summary.is-passed").wait_for()
