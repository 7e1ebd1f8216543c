/* The course's progress (on the course page and in the home page's course box), the questions to
   review, moving progress to another browser (export and import), and the certificate. The
   progress record is progress.js's (window.bssProgress); quiz.js has set up the quizzes. */
(function () {
  "use strict";
  var P = window.bssProgress;
  if (!P) return;  /* no strings on this page: progress.js did nothing */
  var t = P.t, $ = P.$, $$ = P.$$, load = P.load, save = P.save, current = P.current, locale = P.locale;
  var LIMIT = P.LIMIT, clean = P.clean;

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
      status.textContent = "";  /* the last file's message never stands for this one; a repeated one is heard again */
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

  var course = $(".bss-course-progress");
  if (course) {
    renderCourse(course);
    var transfer = $("[data-transfer]");
    if (transfer) setupTransfer(transfer, function () { renderCourse(course); });
  }
  var cert = $("[data-certificate]");
  if (cert) setupCertificate(cert);
})();
