"""Taking the course as a learner would, in a real browser."""
from __future__ import annotations

import json

import pytest
import yaml
from playwright.sync_api import expect as pw_expect

from browsing import assert_accessible
from quizzing import (COURSE, COURSE_ID, MODULES, ROOT, answer, answer_all, module_file, module_url, pass_module,
                      questions, wrong_choice)

M3 = MODULES[2]  # another course's module, taught there and counted in this course
Q3 = questions(M3)


def summary(page) -> str:
    return page.locator("[data-summary]").text_content()


def feedback(q: dict, choice: str, lang: str = "ro") -> str:
    if q["type"] == "true-false":
        return q["feedback_true" if choice == "adevarat" else "feedback_false"][lang]
    return next(a["feedback"][lang] for a in q["answers"] if a["id"] == choice)


def test_selecting_an_answer_never_submits(page, site_url):
    page.goto(module_url(site_url, M3))
    answer(page, Q3[0])
    assert page.locator("[data-result]:visible").count() == 0
    assert summary(page) == ""
    assert page.locator("details.bss-q__answer:visible").count() == 0


@pytest.mark.parametrize("lang", ["ro", "en"])
def test_the_right_answer_and_its_explanation_read_at_the_size_of_the_question(browser, site_url, lang):
    """The theme sets a collapsible block's text at 80 % (12.8 px on a phone): the right answer and
    why it is right are what a learner came for, and read as large as the question's options."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = ctx.new_page()
        page.goto(module_url(site_url, M3, "/en" if lang == "en" else ""))
        q = next(q for q in Q3 if q["type"] != "fill-blank")
        answer(page, q, right=False, lang=lang)
        page.locator(".bss-quiz button[type=submit]").click()
        details = page.locator(f"#q-{q['id']} details")
        details.locator("summary").click()
        sizes = details.evaluate("""d => ({
            option: getComputedStyle(d.closest('fieldset').querySelector('label')).fontSize,
            summary: getComputedStyle(d.querySelector('summary')).fontSize,
            text: [...d.querySelectorAll('p')].map(p => getComputedStyle(p).fontSize)})""")
    finally:
        ctx.close()
    assert sizes["text"] and {sizes["summary"], *sizes["text"]} == {sizes["option"]}, sizes


def test_checking_marks_what_was_answered_and_points_out_what_was_not(page, site_url):
    page.goto(module_url(site_url, M3))
    wrong = next(q for q in Q3 if q["type"] != "fill-blank")  # one whose wrong option has its own feedback
    right, blank = [q for q in Q3 if q is not wrong][:2]
    answer(page, wrong, right=False)
    answer(page, right)
    page.get_by_role("button", name="Verifică răspunsurile").click()

    result = page.locator(f"#q-{wrong['id']} [data-result]")
    assert result.locator("[data-verdict]").text_content() == "✘ Nu chiar"
    shown = result.locator("[data-feedback-for]:visible")
    assert shown.count() == 1 and shown.text_content().strip() == feedback(wrong, wrong_choice(wrong)).strip()
    assert result.locator("[data-reread]").is_visible()  # where to read again
    assert page.locator(f"#q-{wrong['id']} details").is_visible()  # the right answer, for whoever asks...
    assert page.locator(f"#q-{wrong['id']} details").get_attribute("open") is None  # ...not shown unasked

    result = page.locator(f"#q-{right['id']} [data-result]")
    assert result.locator("[data-verdict]").text_content() == "✔ Corect"
    assert result.locator("[data-reread]").is_hidden()

    result = page.locator(f"#q-{blank['id']} [data-result]")
    assert result.locator("[data-verdict]").text_content() == "• Încă fără răspuns"  # pointed out, not marked wrong
    assert result.locator("[data-feedback-for]:visible").count() == 0
    assert page.locator(f"#q-{blank['id']} details").is_hidden()

    assert summary(page) == (f"Ați răspuns la 2 din {len(Q3)} întrebări. "
                             "Răspundeți și la celelalte, apoi verificați din nou.")
    assert page.evaluate("JSON.parse(localStorage.getItem('bss-progress')).modules") == {}  # no score for half a quiz
    assert page.evaluate("document.activeElement.getAttribute('data-summary')") is not None


def test_on_a_phone_each_question_sits_inside_its_box(browser, site_url):
    """A question of two or three lines sat on its box's top border, the border running through it."""
    ctx = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = ctx.new_page()
        page.goto(module_url(site_url, M3))
        page.get_by_role("button", name="Verifică răspunsurile").click()  # with each question's verdict shown
        boxes = page.locator("fieldset.bss-q").evaluate_all("""fs => fs.map(f => {
            const box = f.getBoundingClientRect(), legend = f.querySelector('legend').getBoundingClientRect();
            const style = getComputedStyle(f.querySelector('legend'));
            return [legend.top - box.top - parseFloat(getComputedStyle(f).borderTopWidth),
                    Math.round(legend.height / parseFloat(style.lineHeight)),
                    f.querySelector('[data-result]').getBoundingClientRect().top - legend.bottom]; })""")
    finally:
        ctx.close()
    assert len(boxes) == len(Q3) and max(lines for _, lines, _ in boxes) >= 2, boxes  # some take two lines
    assert all(inside > 0 and below > 0 for inside, _, below in boxes), boxes


def test_feedback_is_said_once_in_one_place(page, site_url):
    page.goto(module_url(site_url, M3))
    answer_all(page, M3, right=False)
    page.get_by_role("button", name="Verifică răspunsurile").click()
    for q in Q3:
        box = page.locator(f"#q-{q['id']}")
        if q["type"] == "fill-blank":
            continue
        text = feedback(q, wrong_choice(q)).strip()
        visible = box.evaluate("(el, t) => [...el.querySelectorAll('*')].filter(e => e.offsetParent !== null"
                               " && e.children.length === 0 && e.textContent.includes(t.slice(0, 30))).length", text)
        assert visible == 1, q["id"]


def test_the_right_answers_show_once_passed(page, site_url):
    pass_module(page, site_url, M3)
    for q in Q3:
        assert page.locator(f"#q-{q['id']} details").get_attribute("open") is not None


def test_passing_with_the_keyboard_only(page, site_url):
    module = MODULES[0]
    page.goto(module_url(site_url, module, "/en"))
    for q in questions(module):
        if q["type"] == "fill-blank":
            page.locator(f"#q-{q['id']}-text").focus()
            page.keyboard.type(q["accepted"]["en"][0])
            continue
        if q["type"] == "true-false":
            chosen = ["adevarat" if q["correct"] else "fals"]
        else:
            chosen = [a["id"] for a in q["answers"] if a.get("correct")]
        for option in chosen:
            page.locator(f"#q-{q['id']}-{option}").focus()
            page.keyboard.press("Space")
        assert summary(page) == ""  # choosing never submits
    page.get_by_role("button", name="Check answers").focus()
    page.keyboard.press("Enter")
    n = len(questions(module))
    assert summary(page) == f"Right answers: {n} of {n} (100%). You passed this module (the pass mark is 70%)."
    assert page.locator("[data-module-status]").text_content() == "✓ Passed"


def test_arrow_keys_move_within_a_question_without_submitting(page, site_url):
    q = next(q for q in Q3 if q["type"] == "single")
    page.goto(module_url(site_url, M3))
    shown = page.locator(f"#q-{q['id']} .bss-a input").evaluate_all("inputs => inputs.map(i => i.id)")  # shuffled
    page.locator(f"#{shown[0]}").focus()
    page.keyboard.press("ArrowDown")
    assert page.locator(f"#{shown[1]}").is_checked()
    assert summary(page) == "" and page.locator("[data-result]:visible").count() == 0


def test_reload_keeps_answers_and_results(page, site_url):
    page.goto(module_url(site_url, M3))
    answer_all(page, M3)
    page.get_by_role("button", name="Verifică răspunsurile").click()
    page.reload()
    first = next(a["id"] for a in Q3[0]["answers"] if a.get("correct")) if "answers" in Q3[0] else None
    if first:
        assert page.locator(f"#q-{Q3[0]['id']}-{first}").is_checked()
    assert summary(page).startswith(f"Răspunsuri corecte: {len(Q3)} din {len(Q3)} (100%)")
    assert page.locator(f"#q-{Q3[0]['id']} [data-result]").is_visible()


def chosen(page) -> dict:
    """What the page shows chosen, per question: the checked options' ids, or the text typed."""
    return page.locator("fieldset.bss-q").evaluate_all("""qs => Object.fromEntries(qs.map(q => {
        const text = q.querySelector('input[type=text]');
        return [q.dataset.question, text ? text.value : [...q.querySelectorAll('input:checked')].map(i => i.value)];
    }))""")


def test_each_answer_is_kept_as_chosen_and_shown_again_after_a_reload(page, site_url):
    module = f"{COURSE_ID}/dezvoltarea-serviciului"
    qs = questions(module)
    assert len(qs) == 8
    page.goto(module_url(site_url, module))
    for i, q in enumerate(qs[2:6]):  # two multiple choices and two true-false, half of them wrong
        answer(page, q, right=i % 2 == 0)
    before = chosen(page)
    assert sum(1 for a in before.values() if a) == 4
    page.get_by_role("button", name="Verifică răspunsurile").click()  # 4 of 8: pointed out, not stored as a result
    page.reload()
    assert chosen(page) == before
    assert summary(page) == "" and page.locator("[data-result]:visible").count() == 0  # shown, not marked
    # The quiz's questions change (its version): the old answers are set aside, with a notice.
    page.evaluate("""() => { const d = JSON.parse(localStorage.getItem('bss-progress'));
        Object.values(d.drafts).forEach(e => e.version = '000000000000');
        localStorage.setItem('bss-progress', JSON.stringify(d)); }""")
    page.reload()
    assert page.locator("[data-notice]").text_content().startswith("Întrebările testului s-au schimbat")
    assert not any(chosen(page).values())
    page.reload()  # set aside for good: no notice the second time
    assert page.locator("[data-notice]").is_hidden() and not any(chosen(page).values())


def test_an_answer_changed_after_checking_is_kept(page, site_url):
    page.goto(module_url(site_url, M3))
    answer_all(page, M3)
    page.get_by_role("button", name="Verifică răspunsurile").click()
    q = next(q for q in Q3 if q["type"] == "single")
    answer(page, q, right=False)
    page.reload()
    assert chosen(page)[q["id"]] == [wrong_choice(q)]
    page.get_by_role("button", name="Încearcă din nou").click()
    page.reload()
    assert not any(chosen(page).values())


def test_try_again_clears_the_answers(page, site_url):
    page.goto(module_url(site_url, M3))
    answer_all(page, M3, right=False)
    page.get_by_role("button", name="Verifică răspunsurile").click()
    page.get_by_role("button", name="Încearcă din nou").click()
    assert page.locator("form.bss-quiz input:checked").count() == 0
    assert summary(page) == "" and page.locator("[data-result]:visible").count() == 0


def test_course_page_shows_progress_and_next_module(page, site_url):
    pass_module(page, site_url, MODULES[0])
    page.goto(module_url(site_url, M3))
    answer_all(page, M3, right=False)
    page.get_by_role("button", name="Verifică răspunsurile").click()
    page.goto(f"{site_url}{COURSE}")
    total = len(MODULES)
    assert page.locator("[data-progress-text]").text_content() == f"1 din {total} module promovate"
    assert page.locator("progress").evaluate("p => p.value") == 1
    first = page.locator(f'[data-module="{MODULES[0]}"] [data-status]')
    assert first.text_content() == "✓ Promovat"
    third = page.locator(f'[data-module="{M3}"] [data-status]')
    assert third.text_content() == f"Ultima încercare: 0 din {len(Q3)}"
    assert page.locator("li.is-next").get_attribute("data-module") == MODULES[1]
    start = page.locator("a[data-start]")
    assert start.text_content().startswith("Continuați cu modulul 2: ")
    assert start.get_attribute("href") == page.locator(f'[data-module="{MODULES[1]}"] a').first.get_attribute("href")


def test_a_module_two_courses_list_counts_once_in_both(page, site_url):
    """Passed on its one page, the module counts in its own course and in the course that lists it."""
    home = M3.split("/")[0]
    assert home != COURSE_ID
    pass_module(page, site_url, M3)
    for course in (COURSE_ID, home):
        page.goto(f"{site_url}/cursuri/{course}/")
        assert page.locator(f'[data-module="{M3}"] [data-status]').text_content() == "✓ Promovat", course
        assert page.locator("[data-progress-text]").text_content().startswith("1 din "), course


def test_certificate_unlocks_and_prints_name_and_modules(page, site_url):
    page.goto(f"{site_url}/en{COURSE}certificat/")
    assert page.locator("[data-cert-locked]").is_visible()
    assert page.locator("[data-cert]").is_hidden()
    for module in MODULES:
        pass_module(page, site_url, module, "/en")
    page.goto(f"{site_url}/en{COURSE}certificat/")
    page.get_by_label("Your name, as it should appear on the certificate").fill("Ana Rusu")
    page.emulate_media(media="print")
    cert = page.locator("[data-cert]")
    assert cert.is_visible()
    assert page.locator(".bss-cert-setup").is_hidden()
    text = cert.text_content()
    course = yaml.safe_load((ROOT / f"courses/{COURSE_ID}/course.yml").read_text(encoding="utf-8"))
    assert "Ana Rusu" in text and course["title"]["en"] in text
    for module in MODULES:
        assert module_file(module)["title"]["en"] in text
    assert "self-assessment record" in text
    assert page.locator("[data-cert-date]").text_content().strip() != ""
    assert page.locator(".md-header").is_hidden()


@pytest.mark.parametrize(("prefix", "label", "name"), [("", "Exportă progresul", "progres-servicii-sociale.json"),
                                                    ("/en", "Export progress", "better-social-services-progress.json")])
def test_the_progress_file_is_named_in_the_pages_language(page, site_url, prefix, label, name):
    page.goto(f"{site_url}{prefix}{COURSE}")
    with page.expect_download() as download:
        page.get_by_role("button", name=label).click()
    assert download.value.suggested_filename == name


@pytest.mark.parametrize("width", [390, 1280])
def test_export_and_import_look_alike_and_import_shows_keyboard_focus(browser, site_url, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    page.goto(f"{site_url}/en{COURSE}")
    export, label = page.locator("[data-action=export]"), page.locator("label[for=bss-import]")
    assert abs(export.bounding_box()["height"] - label.bounding_box()["height"]) < 1
    export.focus()
    page.keyboard.press("Tab")  # to the file box, hidden behind its button-like label
    assert page.evaluate("document.activeElement.id") == "bss-import"
    ring = label.evaluate("e => [getComputedStyle(e).outlineStyle, parseFloat(getComputedStyle(e).outlineWidth)]")
    assert ring[0] != "none" and ring[1] >= 2  # the focus shows on the button the reader sees
    status = page.locator("[data-transfer-status]").evaluate("e => getComputedStyle(e).outlineStyle")
    assert status == "none"  # not as a dot beside it
    ctx.close()


def test_exported_progress_restores_in_a_fresh_browser(browser, context, site_url, tmp_path):
    page = context.new_page()
    pass_module(page, site_url, MODULES[0])
    page.goto(f"{site_url}{COURSE}")
    with page.expect_download() as download:
        page.get_by_role("button", name="Exportă progresul").click()
    file = tmp_path / "progress.json"
    download.value.save_as(file)
    assert MODULES[0] in file.read_text(encoding="utf-8")

    fresh = browser.new_context()
    other = fresh.new_page()
    other.goto(f"{site_url}{COURSE}")
    total = len(MODULES)
    assert other.locator("[data-progress-text]").text_content() == f"0 din {total} module promovate"
    other.locator("#bss-import").set_input_files(str(file))
    other.locator("[data-transfer-status]").filter(has_text="Progresul a fost importat. Module importate: 1.").wait_for()
    assert other.locator("[data-progress-text]").text_content() == f"1 din {total} module promovate"
    other.goto(module_url(site_url, MODULES[0]))
    n = len(questions(MODULES[0]))
    assert summary(other).startswith(f"Răspunsuri corecte: {n} din {n}")
    fresh.close()


def test_importing_a_foreign_file_is_refused(page, site_url, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    page.goto(f"{site_url}{COURSE}")
    page.locator("#bss-import").set_input_files(str(bad))
    page.locator("[data-transfer-status]").filter(has_text="nu conține progres valid").wait_for()


def good_record(version: str, date: str = "2026-01-05T10:00:00.000Z") -> dict:
    return {"version": version, "answers": {"q": ["a"]}, "score": 6, "total": 6, "passed": True, "date": date}


def import_file(page, tmp_path, data, name="progress.json") -> str:
    file = tmp_path / name
    file.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    page.locator("#bss-import").set_input_files(str(file))
    status = page.locator("[data-transfer-status]")
    pw_expect(status).not_to_have_text("")
    return status.text_content()


def test_import_keeps_only_records_it_can_use_and_says_so(page, site_url, tmp_path):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}{COURSE}")
    versions = dict(page.locator("li[data-module]").evaluate_all(
        "els => els.map(e => [e.dataset.module, e.dataset.version])"))
    first, second = list(versions)[:2]
    data = {"v": 1, "name": "Ana", "modules": {
        first: good_record(versions[first]),
        second: good_record(versions[second], date="not a date"),                        # a date that is not one
        'x"]; alert(1); //': good_record(versions[first]),                                # an id that is no module id
        f"{first}-b": {**good_record(versions[first]), "score": 9},                        # more right than asked
        f"{first}-c": {**good_record(versions[first]), "answers": {"q": ['a"], *']}},     # not an answer id
    }}
    status = import_file(page, tmp_path, data)
    assert status == "Progresul a fost importat. Module importate: 1. 4 înregistrări din fișier nu au putut fi folosite și au fost lăsate deoparte."
    assert page.locator("[data-progress-text]").text_content() == f"1 din {len(versions)} module promovate"
    page.goto(f"{site_url}{COURSE}certificat/")
    assert errors == []


def test_import_refuses_a_file_too_large_or_not_progress_and_changes_nothing(page, site_url, tmp_path):
    pass_module(page, site_url, MODULES[0])
    page.goto(f"{site_url}{COURSE}")
    before = page.evaluate("localStorage.getItem('bss-progress')")
    assert "Fișierul este prea mare" in import_file(page, tmp_path, " " * (300 * 1024), "big.json")
    assert "nu conține progres valid" in import_file(page, tmp_path, "{not json", "broken.json")
    assert "nu conține progres valid" in import_file(page, tmp_path, {"v": 1, "modules": {"x/y": {"version": 5}}}, "odd.json")
    assert page.evaluate("localStorage.getItem('bss-progress')") == before


def test_an_import_the_browser_cannot_store_says_so(context, site_url, tmp_path):
    page = context.new_page()
    page.goto(f"{site_url}{COURSE}")
    version = page.locator("li[data-module]").first.get_attribute("data-version")
    module = page.locator("li[data-module]").first.get_attribute("data-module")
    page.evaluate("""() => { Storage.prototype.setItem = function () {
        throw new DOMException('full', 'QuotaExceededError'); }; }""")
    status = import_file(page, tmp_path, {"v": 1, "modules": {module: good_record(version)}})
    assert "nu a putut păstra progresul importat" in status
    assert page.locator("[data-progress-text]").text_content().startswith("0 din")


@pytest.mark.parametrize("stored", ["{not json", '"a string"', '{"v": 1, "modules": []}',
                                    '{"v": 1, "modules": {"contractarea-sociala/costul-serviciului": 5}}',
                                    '{"v": 99, "modules": {}}'])
def test_corrupted_storage_never_breaks_a_page(page, site_url, stored):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{site_url}{COURSE}")
    page.evaluate("s => localStorage.setItem('bss-progress', s)", stored)
    page.goto(module_url(site_url, M3))
    answer_all(page, M3)
    page.get_by_role("button", name="Verifică răspunsurile").click()
    assert summary(page).startswith(f"Răspunsuri corecte: {len(Q3)} din {len(Q3)}")
    page.goto(f"{site_url}{COURSE}")
    assert page.locator("[data-progress-text]").text_content() == f"1 din {len(MODULES)} module promovate"
    assert errors == []


def test_changed_questions_do_not_show_old_answers(page, site_url):
    page.goto(module_url(site_url, M3))
    q = next(q for q in Q3 if q["type"] != "fill-blank")
    old = {"v": 1, "modules": {M3: {
        "version": "000000000000", "answers": {q["id"]: [wrong_choice(q)]}, "score": 1, "total": 6,
        "passed": False, "date": "2026-01-01T00:00:00Z"}}}
    page.evaluate("s => localStorage.setItem('bss-progress', s)", json.dumps(old))
    page.reload()
    assert page.locator("[data-notice]").text_content().startswith("Întrebările testului s-au schimbat")
    assert page.locator("form.bss-quiz input:checked").count() == 0
    assert summary(page) == ""


def test_without_javascript_every_answer_is_reachable(browser, site_url):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(module_url(site_url, M3))
    details = page.locator("fieldset.bss-q details")
    assert details.count() == len(Q3)
    for d in details.all():
        d.locator("summary").click()
        assert "Răspunsul corect" in d.text_content() and "Recitiți" in d.text_content()
    q = next(q for q in Q3 if q["type"] == "single")
    choice = wrong_choice(q)
    assert feedback(q, choice).strip()[:40] in page.locator(f"#q-{q['id']} details").text_content()
    assert page.locator(".bss-quiz button[type=submit]").is_hidden()
    ctx.close()



def test_checked_quiz_and_unlocked_certificate_pass_axe(page, site_url, axe):
    page.goto(module_url(site_url, M3))
    answer_all(page, M3, right=False)
    page.get_by_role("button", name="Verifică răspunsurile").click()
    assert_accessible(axe, page)
    for module in MODULES:
        pass_module(page, site_url, module)
    page.goto(f"{site_url}{COURSE}")
    assert_accessible(axe, page)
    page.goto(f"{site_url}{COURSE}certificat/")
    assert_accessible(axe, page)


@pytest.mark.parametrize("path", ["/", f"/cursuri/{M3}/", "/studii-de-caz/", "/studii-de-caz/spalatorie-sociala-glodeni/",
                                  "/programe/ssmb-2021/", "/ghid/cadrul-legal/", "/rezultate/", "/cautare/"])
def test_pages_reflow_at_320_pixels(browser, site_url, path):
    ctx = browser.new_context(viewport={"width": 320, "height": 640})
    page = ctx.new_page()
    for prefix in ("", "/en"):
        page.goto(f"{site_url}{prefix}{path}")
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, f"{prefix}{path}"
    ctx.close()
