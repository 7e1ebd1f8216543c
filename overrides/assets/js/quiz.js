/* Self-assessment quizzes, course progress, certificate and progress transfer.
   No framework, no build step. Everything is read from data-* attributes the templates write.
   Progress lives in localStorage under one key; anything unreadable there is ignored, never fatal.
   Each answer is kept as it is chosen (drafts), so a reload or a closed tab loses nothing; a check
   stores the result (modules). Either is set aside once the quiz's questions change (its version). */
(function () {
  "use strict";
  var KEY = "bss-progress";
  var S = document.getElementById("bss-quiz-strings");
  if (!S) return;
  /* en-GB: dates as "7 December 2026", as on the rest of the site */
  var locale = S.getAttribute("data-locale") || S.getAttribute("data-lang") || "ro";

  function t(name, values) {
    return (S.getAttribute("data-" + name) || "").replace(/\{(\w+)\}/g, function (m, k) {
      return values && k in values ? values[k] : m;
    });
  }
  function $(sel, root) { return (root || document).querySelector(sel); }
  function $$(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  /* ---- storage ----
     Everything read back (from this browser or from an imported file) is checked field by field;
     a record that does not fit is left out, never trusted. */
  var LIMIT = { bytes: 256 * 1024, modules: 500, questions: 200, choices: 50, text: 500, name: 200 };
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
  function isSlug(x) { return typeof x === "string" && x.length <= 60 && SLUG.test(x); }
  function isModuleId(x) {
    var parts = typeof x === "string" ? x.split("/") : [];
    return parts.length === 2 && isSlug(parts[0]) && isSlug(parts[1]);
  }
  function isDate(x) {
    return typeof x === "string" && x.length <= 40 && /^\d{4}-\d\d-\d\dT/.test(x) && !isNaN(Date.parse(x));
  }
  function isCount(x, max) { return typeof x === "number" && x % 1 === 0 && x >= 0 && x <= max; }
  function okAnswers(a) {
    if (!a || typeof a !== "object" || Array.isArray(a)) return false;
    var keys = Object.keys(a);
    return keys.length <= LIMIT.questions && keys.every(function (k) {
      var v = a[k];
      return isSlug(k) && (typeof v === "string" ? v.length <= LIMIT.text :
        Array.isArray(v) && v.length <= LIMIT.choices && v.every(isSlug));
    });
  }
  function okDraft(e) {
    return !!e && typeof e === "object" && typeof e.version === "string" && /^[0-9a-f]{12}$/.test(e.version) &&
      okAnswers(e.answers);
  }
  function okEntry(e) {
    return okDraft(e) && isCount(e.total, LIMIT.questions) && e.total > 0 && isCount(e.score, e.total) &&
      typeof e.passed === "boolean" && isDate(e.date) &&
      (e.wrong === undefined || (Array.isArray(e.wrong) && e.wrong.length <= LIMIT.questions && e.wrong.every(isSlug)));
  }
  var SEED = /^[0-9a-f]{8}$/;
  function isMap(x) { return !!x && typeof x === "object" && !Array.isArray(x); }
  /* {data, kept, left}: the usable part of a stored or imported record, or data null if none is. */
  function clean(d) {
    var out = empty(), kept = 0, left = 0;
    if (!isMap(d) || d.v !== 1 || !isMap(d.modules)) return { data: null, kept: 0, left: 0 };
    Object.keys(d.modules).forEach(function (id) {
      if (kept < LIMIT.modules && isModuleId(id) && okEntry(d.modules[id])) { out.modules[id] = d.modules[id]; kept += 1; }
      else left += 1;
    });
    if (isMap(d.drafts)) {
      Object.keys(d.drafts).slice(0, LIMIT.modules).forEach(function (id) {
        if (isModuleId(id) && okDraft(d.drafts[id])) out.drafts[id] = d.drafts[id];
      });
    }
    if (typeof d.name === "string") out.name = d.name.slice(0, LIMIT.name);
    if (typeof d.seed === "string" && SEED.test(d.seed)) out.seed = d.seed;
    return { data: out, kept: kept, left: left };
  }
  function empty() { return { v: 1, modules: {}, drafts: {}, name: "" }; }
  function load() {
    try { return clean(JSON.parse(localStorage.getItem(KEY))).data || empty(); }
    catch (e) { return empty(); }
  }
  /* True when the browser kept it (storage can be full, or turned off). */
  function save(d) {
    try { localStorage.setItem(KEY, JSON.stringify(d)); return true; } catch (e) { return false; }
  }
  function current(d, id, version) { var e = d.modules[id]; return e && e.version === version ? e : null; }

  /* ---- the order of the options ----
     Each learner sees the options in an order of their own: a random seed, made once and kept
     with the progress (so an exported file carries it), gives each question its order. The same
     seed, the same order, after every reload. An option written `fixed: true` ("none of the
     above") keeps its written place; the others move among the remaining places. */
  function seedOf(d) {
    if (!d.seed) {
      var bytes = new Uint8Array(4);
      window.crypto.getRandomValues(bytes);
      d.seed = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
      save(d);
    }
    return d.seed;
  }
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

  /* ---- course page ---- */
  function modulesOn(root) {
    return $$("[data-module]", root).map(function (li) {
      return { li: li, entry: current(load(), li.getAttribute("data-module"), li.getAttribute("data-version")) };
    });
  }
  function renderCourse(box) {
    var items = modulesOn($(".bss-modules")), passed = 0, next = null, nextNumber = 0;
    items.forEach(function (m, i) {
      var e = m.entry, status = $("[data-status]", m.li);
      status.textContent = e ? (e.passed ? t("status-passed") : t("status-tried", { score: e.score, total: e.total })) : t("status-new");
      m.li.classList.toggle("is-passed", !!(e && e.passed));
      m.li.classList.remove("is-next");
      if (e && e.passed) passed += 1; else if (!next) { next = m.li; nextNumber = i + 1; }
    });
    $("progress", box).value = passed;
    $("[data-progress-text]", box).textContent = t("progress", { passed: passed, total: items.length });
    /* One button: the first module not passed, "start" until any quiz is checked, then "continue";
       once every module is passed, the certificate. */
    var start = $("[data-start]");
    if (next) {
      next.classList.add("is-next");
      var begun = items.some(function (m) { return m.entry; });
      var link = $("a", next);  /* the module's own link: its title and address */
      start.textContent = t(begun ? "continue" : "start", { n: nextNumber, title: link.textContent });
      start.setAttribute("href", link.getAttribute("href"));
    } else {
      start.textContent = t("all-passed");
      start.setAttribute("href", $("a[data-certificate-link]").getAttribute("href"));
    }
    box.hidden = false;
    renderReview(items);
  }
  /* The questions answered wrong in each module's last checked attempt, each with its link to
     what teaches it (written, hidden, by the page: shown here). */
  function renderReview(items) {
    var review = $("[data-review]");
    if (!review) return;
    var checked = 0, listed = 0;
    items.forEach(function (m) {
      var box = $('[data-review-module="' + m.li.getAttribute("data-module") + '"]', review), e = m.entry;
      var wrong = e && Array.isArray(e.wrong) ? e.wrong : [];
      if (e) checked += 1;
      $$("[data-review-question]", box).forEach(function (li) {
        li.hidden = wrong.indexOf(li.getAttribute("data-review-question")) < 0;
        if (!li.hidden) listed += 1;
      });
      var unknown = !!e && !Array.isArray(e.wrong);
      $("[data-review-unknown]", box).hidden = !unknown;
      box.hidden = !(wrong.length || unknown);
      if (unknown) listed += 1;
    });
    $("[data-review-intro]", review).hidden = !listed;
    $("[data-review-empty]", review).hidden = checked > 0;
    $("[data-review-none]", review).hidden = !checked || listed > 0;
    review.hidden = false;
  }

  function setupTransfer(box, refresh) {
    var status = $("[data-transfer-status]", box);
    box.hidden = false;
    $("[data-action=export]", box).addEventListener("click", function () {
      var blob = new Blob([JSON.stringify(load(), null, 2)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = t("export-file") + ".json";  /* named in the page's language */
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
    $("input[type=file]", box).addEventListener("change", function (ev) {
      var file = ev.target.files[0];
      ev.target.value = "";
      if (!file) return;
      if (file.size > LIMIT.bytes) { status.textContent = t("import-too-large"); return; }
      file.text().then(function (text) {
        var parsed;
        try { parsed = JSON.parse(text); } catch (e) { parsed = null; }
        var incoming = clean(parsed);
        if (!incoming.data || (!incoming.kept && !incoming.data.name && !incoming.data.seed)) { status.textContent = t("import-error"); return; }
        var d = load();
        Object.keys(incoming.data.modules).forEach(function (id) {
          var mine = d.modules[id], theirs = incoming.data.modules[id];
          if (!mine || (theirs.passed && !mine.passed) || (theirs.passed === mine.passed && theirs.date > mine.date)) d.modules[id] = theirs;
        });
        if (!d.name) d.name = incoming.data.name;
        if (incoming.data.seed) d.seed = incoming.data.seed;  /* the options in the order the learner had */
        if (!save(d)) { status.textContent = t("import-storage"); return; }  /* what was there stays */
        refresh();
        status.textContent = t("imported", { n: incoming.kept }) + (incoming.left ? " " + t("import-partial", { n: incoming.left }) : "");
      }, function () { status.textContent = t("import-error"); });
    });
  }

  /* ---- certificate ---- */
  function setupCertificate(setup) {
    var article = $("[data-cert]"), items = modulesOn(article), d = load();
    var done = items.length > 0 && items.every(function (m) { return m.entry && m.entry.passed; });
    setup.hidden = false;
    $("[data-cert-locked]", setup).hidden = done;
    $$("[data-cert-todo] [data-module]", setup).forEach(function (li) {
      var e = current(d, li.getAttribute("data-module"), li.getAttribute("data-version"));
      li.hidden = !!(e && e.passed);
    });
    $("[data-cert-form]", setup).hidden = !done;
    article.hidden = !done;
    if (!done) return;
    var last = new Date(items.map(function (m) { return m.entry.date; }).sort().pop());
    $("[data-cert-date]", article).textContent = isNaN(last) ? "" : new Intl.DateTimeFormat(locale, { dateStyle: "long" }).format(last);
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
