/* Self-assessment quizzes: the order of the options, answers kept as they are chosen, the check
   and its feedback, each module's status. Everything is read from data-* attributes the templates
   write; the progress record is progress.js's (window.bssProgress). */
(function () {
  "use strict";
  var P = window.bssProgress;
  if (!P) return;  /* no strings on this page: progress.js did nothing */
  var t = P.t, $ = P.$, $$ = P.$$, load = P.load, save = P.save, current = P.current, locale = P.locale, seedOf = P.seedOf;

  /* ---- the order of the options ----
     Each learner sees the options in an order of their own: a random seed, made once and kept
     with the progress (so an exported file carries it), gives each question its order. The same
     seed, the same order, after every reload. An option written `fixed: true` ("none of the
     above") keeps its written place; the others move among the remaining places. */
  function random(text) {  /* a small seeded generator (FNV-1a hash, then mulberry32) */
    var h = 2166136261;
    for (var i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return function () {
      h = (h + 0x6D2B79F5) | 0;
      var x = Math.imul(h ^ (h >>> 15), 1 | h);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }
  function shuffle(form, id, seed) {
    $$("fieldset.bss-q[data-type=single], fieldset.bss-q[data-type=multiple]", form).forEach(function (q) {
      var options = $$(".bss-a", q), next = random(seed + " " + id + " " + q.getAttribute("data-question"));
      var moving = options.filter(function (o) { return !o.hasAttribute("data-fixed"); });
      for (var i = moving.length - 1; i > 0; i--) {
        var j = Math.floor(next() * (i + 1)), x = moving[i];
        moving[i] = moving[j]; moving[j] = x;
      }
      var after = options[options.length - 1].nextSibling, parent = options[0].parentNode, k = 0;
      options.map(function (o) { return o.hasAttribute("data-fixed") ? o : moving[k++]; })
        .forEach(function (o) { parent.insertBefore(o, after); });
    });
  }

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
  /* One place for each piece of feedback: the verdict, then the feedback of the chosen options
     (written under the question by the page), then, when wrong, where to read again. */
  function showResult(q, a) {
    var empty = isEmpty(a), right = !empty && isRight(q, a);
    var out = $("[data-result]", q), verdict = $("[data-verdict]", q);
    out.className = "bss-q__result " + (empty ? "is-unanswered" : right ? "is-right" : "is-wrong");
    verdict.textContent = "";
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = empty ? "\u2022 " : right ? "\u2714 " : "\u2718 ";
    var label = document.createElement("strong");
    label.textContent = empty ? t("unanswered") : right ? t("right") : t("wrong");
    verdict.appendChild(icon);
    verdict.appendChild(label);
    $$("[data-feedback-for]", q).forEach(function (fb) {
      fb.hidden = !Array.isArray(a) || a.indexOf(fb.getAttribute("data-feedback-for")) < 0;
      if (!fb.hidden) opener(fb, label.textContent);
    });
    $("[data-reread]", q).hidden = empty || right;
    out.hidden = false;
    $("details", q).hidden = empty;  /* the right answer, for whoever asks, once they have answered */
    return right;
  }

  /* Feedback written "Right: because..." under the verdict "Right" would say it twice: the
     opening word is left out while it repeats the verdict, and the sentence starts with a capital. */
  function opener(fb, verdict) {
    var node = document.createTreeWalker(fb, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) { return n.nodeValue.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP; }
    }).nextNode();
    if (!node) return;
    if (node.bssWritten === undefined) node.bssWritten = node.nodeValue;
    var written = node.bssWritten, m = /^(\s*)([^\s:]+):\s+(\S)/.exec(written);
    var repeats = m && fold(m[2]) === fold(verdict);
    node.nodeValue = repeats ? m[1] + m[3].toLocaleUpperCase(locale) + written.slice(m[0].length) : written;
  }

  function setupQuiz(form) {
    var id = form.getAttribute("data-quiz"), version = form.getAttribute("data-version");
    var pass = Number(form.getAttribute("data-pass"));
    var questions = $$("fieldset.bss-q", form);
    var summary = $("[data-summary]", form);
    function hideAnswers() {
      questions.forEach(function (q) {
        var details = $("details", q);
        details.hidden = true;
        details.open = false;
        $("[data-result]", q).hidden = true;
      });
      summary.textContent = "";
      summary.className = "bss-quiz__summary";
    }
    function answers() {
      var out = {};
      questions.forEach(function (q) { out[q.getAttribute("data-question")] = answerOf(q); });
      return out;
    }
    function keep() {  /* each answer as it is chosen, checked or not */
      var d = load();
      d.drafts[id] = { version: version, answers: answers() };
      save(d);
    }
    function check(announce) {
      var score = 0, answered = 0, wrong = [];
      questions.forEach(function (q) {
        var a = answerOf(q);
        if (!isEmpty(a)) answered += 1;
        if (showResult(q, a)) score += 1; else wrong.push(q.getAttribute("data-question"));
      });
      var total = questions.length;
      if (answered < total) {  /* unanswered questions are pointed out, not marked wrong */
        summary.textContent = t("pending", { answered: answered, total: total });
        summary.className = "bss-quiz__summary is-pending";
        if (announce) summary.focus();
        return;
      }
      var percent = Math.round((100 * score) / total), passed = percent >= pass;
      summary.textContent = t("score", { score: score, total: total, percent: percent }) + " " +
        t(passed ? "passed" : "failed", { pass: pass });
      summary.className = "bss-quiz__summary " + (passed ? "is-passed" : "is-failed");
      if (passed) questions.forEach(function (q) { $("details", q).open = true; });
      if (announce) {
        var d = load(), before = current(d, id, version);
        d.modules[id] = { version: version, answers: answers(), score: score, total: total, wrong: wrong,
          passed: passed || !!(before && before.passed), date: new Date().toISOString() };
        delete d.drafts[id];  /* the result holds these answers now */
        if (!save(d)) summary.textContent += " " + t("not-saved");
        summary.focus();
      }
      showModuleStatus();
    }
    $("[data-actions]", form).hidden = false;
    form.classList.add("is-live");
    hideAnswers();
    var d = load(), saved = d.modules[id], draft = d.drafts[id];
    shuffle(form, id, seedOf(d));
    if ((saved && saved.version !== version) || (draft && draft.version !== version)) {
      var notice = $("[data-notice]", form);
      notice.textContent = t("changed");
      notice.hidden = false;
      if (saved && saved.version !== version) { delete d.modules[id]; saved = null; }
      if (draft && draft.version !== version) { delete d.drafts[id]; draft = null; }
      save(d);
    }
    function restore(entry) {
      questions.forEach(function (q) { setAnswer(q, entry.answers[q.getAttribute("data-question")]); });
    }
    if (draft) restore(draft);  /* answers chosen since the last check: shown, not marked */
    else if (saved) { restore(saved); check(false); }
    form.addEventListener("change", keep);
    form.addEventListener("input", keep);
    form.addEventListener("submit", function (ev) { ev.preventDefault(); check(true); });
    $("[data-action=retry]", form).addEventListener("click", function () {
      questions.forEach(function (q) { setAnswer(q, null); });
      keep();
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

  $$("form.bss-quiz").forEach(setupQuiz);
  showModuleStatus();
})();
