/* Self-assessment quizzes, course progress, certificate and progress transfer.
   No framework, no build step. Everything is read from data-* attributes the templates write.
   Progress lives in localStorage under one key; anything unreadable there is ignored, never fatal. */
(function () {
  "use strict";
  var KEY = "bss-progress";
  var S = document.getElementById("bss-quiz-strings");
  if (!S) return;
  var lang = S.getAttribute("data-lang") || "ro";

  function t(name, values) {
    return (S.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, function (m, k) {
      return values && k in values ? values[k] : m;
    });
  }
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  /* ---- storage ---- */
  function okEntry(e) {
    return !!e && typeof e === "object" && typeof e.version === "string" && typeof e.score === "number" &&
      typeof e.total === "number" && typeof e.passed === "boolean" && !!e.answers && typeof e.answers === "object";
  }
  function clean(d) {
    var out = { v: 1, modules: {}, name: "" };
    if (!d || typeof d !== "object" || d.v !== 1 || !d.modules || typeof d.modules !== "object") return null;
    Object.keys(d.modules).forEach(function (id) { if (okEntry(d.modules[id])) out.modules[id] = d.modules[id]; });
    if (typeof d.name === "string") out.name = d.name.slice(0, 200);
    return out;
  }
  function load() {
    try { return clean(JSON.parse(localStorage.getItem(KEY))) || clean({ v: 1, modules: {} }); }
    catch (e) { return clean({ v: 1, modules: {} }); }
  }
  function save(d) { try { localStorage.setItem(KEY, JSON.stringify(d)); } catch (e) { /* private mode, full */ } }
  function current(d, id, version) { var e = d.modules[id]; return e && e.version === version ? e : null; }

  /* ---- quiz ---- */
  function fold(s) {
    return String(s).normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function answerOf(q) {
    var text = $("input[type=text]", q);
    if (text) return text.value;
    return $$("input:checked", q).map(function (i) { return i.value; });
  }
  function isEmpty(a) { return typeof a === "string" ? !a.trim() : !a.length; }
  function isRight(q, a) {
    var text = $("input[type=text]", q);
    if (text) {
      return text.getAttribute("data-accepted").split("|").some(function (x) { return fold(x) === fold(a); });
    }
    var right = $$("input[data-correct=true]", q).map(function (i) { return i.value; }).sort().join(" ");
    return a.slice().sort().join(" ") === right;
  }
  function setAnswer(q, a) {
    var text = $("input[type=text]", q);
    if (text) { text.value = typeof a === "string" ? a : ""; return; }
    $$("input", q).forEach(function (i) { i.checked = Array.isArray(a) && a.indexOf(i.value) >= 0; });
  }
  function showResult(q, a) {
    var empty = isEmpty(a), right = !empty && isRight(q, a);
    var out = $("[data-result]", q);
    out.textContent = "";
    out.className = "bss-q__result " + (right ? "is-right" : "is-wrong");
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = right ? "\u2714 " : "\u2718 ";
    var label = document.createElement("strong");
    label.textContent = right ? t("right") : empty ? t("unanswered") : t("wrong");
    out.appendChild(icon);
    out.appendChild(label);
    (Array.isArray(a) ? a : []).forEach(function (id) {
      var fb = $('[data-feedback-for="' + id + '"]', q);
      if (fb) out.appendChild(document.createTextNode(" " + fb.textContent));
    });
    out.hidden = false;
    var details = $("details", q);
    details.hidden = false;
    details.open = true;
    return right;
  }

  function setupQuiz(form) {
    var id = form.getAttribute("data-quiz"), version = form.getAttribute("data-version");
    var pass = Number(form.getAttribute("data-pass"));
    var questions = $$("fieldset.bss-q", form);
    var summary = $("[data-summary]", form);
    function hideAnswers() {
      questions.forEach(function (q) {
        $("details", q).hidden = true;
        $("[data-result]", q).hidden = true;
      });
      summary.textContent = "";
      summary.className = "bss-quiz__summary";
    }
    function check(announce) {
      var score = 0, answers = {};
      questions.forEach(function (q) {
        var a = answerOf(q);
        answers[q.getAttribute("data-question")] = a;
        if (showResult(q, a)) score += 1;
      });
      var total = questions.length, percent = Math.round((100 * score) / total), passed = percent >= pass;
      summary.textContent = t("score", { score: score, total: total, percent: percent }) + " " +
        t(passed ? "passed" : "failed", { pass: pass });
      summary.className = "bss-quiz__summary " + (passed ? "is-passed" : "is-failed");
      if (announce) {
        var d = load(), before = current(d, id, version);
        d.modules[id] = { version: version, answers: answers, score: score, total: total,
          passed: passed || !!(before && before.passed), date: new Date().toISOString() };
        save(d);
        summary.focus();
      }
      showModuleStatus();
    }
    $("[data-actions]", form).hidden = false;
    hideAnswers();
    var d = load(), saved = d.modules[id];
    if (saved && saved.version !== version) {
      var notice = $("[data-notice]", form);
      notice.textContent = t("changed");
      notice.hidden = false;
      delete d.modules[id];
      save(d);
    } else if (saved) {
      questions.forEach(function (q) { setAnswer(q, saved.answers[q.getAttribute("data-question")]); });
      check(false);
    }
    form.addEventListener("submit", function (ev) { ev.preventDefault(); check(true); });
    $("[data-action=retry]", form).addEventListener("click", function () {
      questions.forEach(function (q) { setAnswer(q, null); });
      hideAnswers();
      var first = $("input", form);
      if (first) first.focus();
    });
  }

  function showModuleStatus() {
    $$("[data-module-status]").forEach(function (el) {
      var form = $("form.bss-quiz"), e = form && current(load(), el.getAttribute("data-module-status"), form.getAttribute("data-version"));
      el.hidden = !e;
      if (e) el.textContent = e.passed ? t("status-passed") : t("status-tried", { score: e.score, total: e.total });
    });
  }

  /* ---- course page ---- */
  function modulesOn(root) {
    return $$("[data-module]", root).map(function (li) {
      return { li: li, entry: current(load(), li.getAttribute("data-module"), li.getAttribute("data-version")) };
    });
  }
  function renderCourse(box) {
    var items = modulesOn($(".bss-modules")), passed = 0, next = null;
    items.forEach(function (m) {
      var e = m.entry, status = $("[data-status]", m.li);
      status.textContent = e ? (e.passed ? t("status-passed") : t("status-tried", { score: e.score, total: e.total })) : t("status-new");
      m.li.classList.toggle("is-passed", !!(e && e.passed));
      m.li.classList.remove("is-next");
      if (e && e.passed) passed += 1; else if (!next) next = m.li;
    });
    $("progress", box).value = passed;
    $("[data-progress-text]", box).textContent = t("progress", { passed: passed, total: items.length });
    var nextLink = $("[data-next-link]", box);
    nextLink.hidden = !next;
    nextLink.textContent = "";
    if (next) {
      next.classList.add("is-next");
      nextLink.appendChild(document.createTextNode(t("next") + ": "));
      nextLink.appendChild($("a", next).cloneNode(true));
    }
    box.hidden = false;
  }

  function setupTransfer(box, refresh) {
    var status = $("[data-transfer-status]", box);
    box.hidden = false;
    $("[data-action=export]", box).addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(load(), null, 2)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "progres-servicii-sociale.json";
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    $("input[type=file]", box).addEventListener("change", function (ev) {
      var file = ev.target.files[0];
      if (!file) return;
      file.text().then(function (text) {
        var incoming = clean(JSON.parse(text));
        if (!incoming) throw new Error("invalid");
        var d = load();
        Object.keys(incoming.modules).forEach(function (id) {
          var mine = d.modules[id], theirs = incoming.modules[id];
          if (!mine || (theirs.passed && !mine.passed) || (theirs.passed === mine.passed && theirs.date > mine.date)) d.modules[id] = theirs;
        });
        if (!d.name) d.name = incoming.name;
        save(d);
        refresh();
        status.textContent = t("imported");
      }).catch(function () { status.textContent = t("import-error"); });
      ev.target.value = "";
    });
  }

  /* ---- certificate ---- */
  function setupCertificate(setup) {
    var article = $("[data-cert]"), items = modulesOn(article), d = load();
    var done = items.length > 0 && items.every(function (m) { return m.entry && m.entry.passed; });
    setup.hidden = false;
    $("[data-cert-locked]", setup).hidden = done;
    $("[data-cert-form]", setup).hidden = !done;
    article.hidden = !done;
    if (!done) return;
    var last = items.map(function (m) { return m.entry.date; }).sort().pop();
    $("[data-cert-date]", article).textContent = new Intl.DateTimeFormat(lang, { dateStyle: "long" }).format(new Date(last));
    var input = $("#bss-cert-name"), name = $("[data-cert-name]", article);
    input.value = d.name || "";
    name.textContent = input.value;
    input.addEventListener("input", function () {
      name.textContent = input.value;
      var now = load();
      now.name = input.value;
      save(now);
    });
    $("[data-action=print]", setup).addEventListener("click", function () { window.print(); });
  }

  $$("form.bss-quiz").forEach(setupQuiz);
  showModuleStatus();
  var course = $(".bss-course-progress");
  if (course) {
    renderCourse(course);
    var transfer = $("[data-transfer]");
    if (transfer) setupTransfer(transfer, function () { renderCourse(course); });
  }
  var cert = $("[data-certificate]");
  if (cert) setupCertificate(cert);
})();
