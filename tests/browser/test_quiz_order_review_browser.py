"""Options in an order of each learner's own, the review before the certificate, and the course's
one button: as a learner meets them, in a real browser."""
from __future__ import annotations

import json

from browsing import assert_accessible
from quizzing import COURSE, MODULES, answer, module_url, questions

M1 = MODULES[0]
Q1 = questions(M1)
CHOICE = [q for q in Q1 if q["type"] in ("single", "multiple")]


def shown_order(page) -> dict[str, list[str]]:
    """The options of each choice question, in the order the page shows them."""
    return page.locator("fieldset.bss-q").evaluate_all(
        "qs => Object.fromEntries(qs.map(q => [q.dataset.question, [...q.querySelectorAll('.bss-a input')].map(i => i.value)]))")


def written_order() -> dict[str, list[str]]:
    return {q["id"]: [a["id"] for a in q["answers"]] for q in CHOICE}


def with_seed(context, site_url, seed: str):
    """A page whose learner's stored progress holds ``seed``."""
    page = context.new_page()
    page.goto(f"{site_url}/")
    page.evaluate("s => localStorage.setItem('bss-progress', JSON.stringify({v: 1, modules: {}, drafts: {}, name: '', seed: s}))",
                  seed)
    return page


def test_each_learner_has_an_order_of_their_own_kept_across_reloads(browser, site_url):
    orders = []
    for seed in ("00000000", "9e3779b9"):
        ctx = browser.new_context()
        page = with_seed(ctx, site_url, seed)
        page.goto(module_url(site_url, M1))
        order = {k: v for k, v in shown_order(page).items() if k in written_order()}
        assert {k: sorted(v) for k, v in order.items()} == {k: sorted(v) for k, v in written_order().items()}
        page.reload()
        assert {k: v for k, v in shown_order(page).items() if k in order} == order  # stable
        assert page.evaluate("JSON.parse(localStorage.getItem('bss-progress')).seed") == seed
        orders.append(order)
        ctx.close()
    assert orders[0] != orders[1]
    assert written_order() not in orders  # shuffled, for these two learners


def test_a_first_visit_makes_a_seed_and_keeps_it(page, site_url):
    page.goto(module_url(site_url, M1))
    seed = page.evaluate("JSON.parse(localStorage.getItem('bss-progress')).seed")
    assert seed and len(seed) == 8
    first = shown_order(page)
    page.reload()
    assert page.evaluate("JSON.parse(localStorage.getItem('bss-progress')).seed") == seed
    assert shown_order(page) == first


def test_a_fixed_option_keeps_its_written_place(context, site_url):
    """`fixed: true` is written as data-fixed by the page (see test_question_order.py); here the
    page is given one, and its option stays put whatever the seed."""
    q = next(q for q in CHOICE if len(q["answers"]) >= 4)
    last = q["answers"][-1]["id"]

    def pin(route):
        body = route.fetch().text()
        body = body.replace(f'<div class="bss-a"><input type="radio" id="q-{q["id"]}-{last}"',
                            f'<div class="bss-a" data-fixed><input type="radio" id="q-{q["id"]}-{last}"')
        body = body.replace(f'<div class="bss-a"><input type="checkbox" id="q-{q["id"]}-{last}"',
                            f'<div class="bss-a" data-fixed><input type="checkbox" id="q-{q["id"]}-{last}"')
        assert "data-fixed" in body
        route.fulfill(body=body, headers={"content-type": "text/html; charset=utf-8"})

    moved = 0
    for seed in ("00000000", "9e3779b9", "deadbeef", "0badf00d"):
        page = with_seed(context, site_url, seed)
        page.route(module_url(site_url, M1), pin)
        page.goto(module_url(site_url, M1))
        order = shown_order(page)[q["id"]]
        assert order[-1] == last, seed
        moved += order != written_order()[q["id"]]
        page.close()
    assert moved  # the others did move


def test_without_javascript_the_written_order_stays(browser, site_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(module_url(site_url, M1))
    assert {k: v for k, v in shown_order(page).items() if k in written_order()} == written_order()
    ctx.close()


def test_the_order_travels_with_exported_progress(browser, context, site_url, tmp_path):
    page = with_seed(context, site_url, "9e3779b9")
    page.goto(module_url(site_url, M1))
    order = shown_order(page)
    page.goto(f"{site_url}{COURSE}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exportă progresul").click()
    file = tmp_path / "progress.json"
    download.value.save_as(file)
    assert json.loads(file.read_text(encoding="utf-8"))["seed"] == "9e3779b9"

    fresh = browser.new_context()
    other = with_seed(fresh, site_url, "00000000")  # another device, with an order of its own
    other.goto(module_url(site_url, M1))
    assert shown_order(other) != order
    other.goto(f"{site_url}{COURSE}")
    other.locator("#bss-import").set_input_files(str(file))
    other.locator("[data-transfer-status]").filter(has_text="Progresul a fost importat").wait_for()
    other.goto(module_url(site_url, M1))
    assert shown_order(other) == order
    fresh.close()


def _check(page):
    page.get_by_role("button", name="Verifică răspunsurile").click()
    page.locator(".bss-quiz__summary.is-passed, .bss-quiz__summary.is-failed").wait_for()


def test_the_review_lists_exactly_the_questions_answered_wrong_with_their_sections(page, site_url):
    wrong = {Q1[0]["id"], Q1[2]["id"]}
    page.goto(module_url(site_url, M1))
    for q in Q1:
        answer(page, q, right=q["id"] not in wrong)
    _check(page)
    page.goto(f"{site_url}{COURSE}")
    review = page.locator("[data-review]")
    assert review.is_visible()
    listed = review.locator("[data-review-question]:visible")
    assert sorted(listed.evaluate_all("els => els.map(e => e.dataset.reviewQuestion)")) == sorted(wrong)
    module_page = module_url(site_url, M1)
    for q in Q1:
        if q["id"] not in wrong:
            continue
        item = review.locator(f'[data-review-module="{M1}"] [data-review-question="{q["id"]}"]')
        link = item.locator("a")
        href = link.get_attribute("href")
        page_href, _, anchor = href.partition("#")
        assert anchor == q["tests"].split("#")[-1], q["id"]
        if "#" not in q["tests"]:  # a lesson of the module: the module page
            assert page.evaluate("h => new URL(h, location.href).href", page_href) == module_page
    # the other modules, not tried, list nothing
    assert review.locator("[data-review-module]:visible").count() == 1

    page.goto(module_url(site_url, M1))  # all right this time: nothing left to review
    page.get_by_role("button", name="Încearcă din nou").click()
    for q in Q1:
        answer(page, q)
    _check(page)
    page.goto(f"{site_url}{COURSE}")
    assert review.locator("[data-review-question]:visible").count() == 0
    assert page.locator("[data-review-none]").is_visible()


def test_the_review_before_any_check_says_so(page, site_url):
    page.goto(f"{site_url}/en{COURSE}")
    assert page.locator("[data-review-empty]").is_visible()
    assert page.locator("[data-review-question]:visible").count() == 0


def test_one_button_says_where_to_start_then_where_to_continue(page, site_url):
    page.goto(f"{site_url}/en{COURSE}")
    buttons = page.locator(".md-content a.md-button--primary")
    assert buttons.count() == 1
    start = page.locator("a[data-start]")
    assert start.text_content().startswith("Start with module 1: ")
    page.goto(module_url(site_url, M1, "/en"))
    for q in Q1:
        answer(page, q, lang="en")
    page.get_by_role("button", name="Check answers").click()
    page.locator(".bss-quiz__summary.is-passed").wait_for()
    page.goto(f"{site_url}/en{COURSE}")
    assert start.text_content().startswith("Continue with module 2: ")
    assert page.locator(".md-content a.md-button--primary").count() == 1


def test_without_javascript_the_button_leads_to_the_first_module(browser, site_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(f"{site_url}{COURSE}")
    start = page.locator("a[data-start]")
    assert start.is_visible() and start.text_content().startswith("Începeți cu modulul 1: ")
    start.click()
    page.wait_for_url(module_url(site_url, M1))
    ctx.close()


def test_the_locked_certificate_lists_the_modules_still_to_pass(page, site_url):
    page.goto(module_url(site_url, M1))
    for q in Q1:
        answer(page, q)
    _check(page)
    page.goto(f"{site_url}{COURSE}certificat/")
    todo = page.locator("[data-cert-todo] li:visible")
    assert todo.evaluate_all("els => els.map(e => e.dataset.module)") == MODULES[1:]


def test_feedback_does_not_repeat_the_verdict(page, site_url):
    """"✔ Corect" is not followed by "Corect: ..."; the sentence after it starts with a capital."""
    q = next(q for q in CHOICE if q["type"] == "single"
             and next(a for a in q["answers"] if a.get("correct"))["feedback"]["ro"].startswith("Corect:"))
    page.goto(module_url(site_url, M1))
    for each in Q1:
        answer(page, each)
    _check(page)
    box = page.locator(f"#q-{q['id']}")
    assert box.locator("[data-verdict]").text_content().strip() == "✔ Corect"
    shown = box.locator("[data-feedback-for]:visible").text_content().strip()
    written = next(a for a in q["answers"] if a.get("correct"))["feedback"]["ro"]
    rest = written[len("Corect:"):].strip()
    assert shown == rest[0].upper() + rest[1:]


def test_the_answer_disclosure_has_no_note_icon_and_the_blank_keeps_its_word(page, site_url):
    page.goto(module_url(site_url, M1))
    summary = page.locator("details.bss-q__answer summary").first
    assert summary.evaluate("s => getComputedStyle(s, '::before').display") == "none"
    blank = next(q for m in MODULES for q in questions(m) if q["type"] == "fill-blank" and q["prompt"]["ro"].endswith("___."))
    page.goto(module_url(site_url, next(m for m in MODULES if blank in questions(m))))
    legend = page.locator(f"#q-{blank['id']} legend").text_content()
    assert "\u00a0___." in legend  # never "___." alone on a line


def test_the_course_page_with_a_review_passes_axe(page, site_url, axe):
    page.goto(module_url(site_url, M1))
    for q in Q1:
        answer(page, q, right=False)
    _check(page)
    for prefix in ("", "/en"):
        page.goto(f"{site_url}{prefix}{COURSE}")
        assert page.locator("[data-review-question]:visible").count() == len(Q1)
        assert_accessible(axe, page)
