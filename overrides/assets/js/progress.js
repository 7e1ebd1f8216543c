/* Course progress in this browser, and what the course scripts share (window.bssProgress):
   the interface strings the page writes (#bss-quiz-strings), and the progress record.
   Progress lives in localStorage under one key; anything unreadable there is ignored, never fatal.
   Each answer is kept as it is chosen (drafts), so a reload or a closed tab loses nothing; a check
   stores the result (modules). Either is set aside once the quiz's questions change (its version).
   quiz.js (the quizzes) and course.js (the course page, the home page's course box, the
   certificate) load after it. No framework, no build step. */
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

  /* The seed of the order of the options (quiz.js): random, made once and kept with the
     progress, so an exported file carries it. */
  function seedOf(d) {
    if (!d.seed) {
      var bytes = new Uint8Array(4);
      window.crypto.getRandomValues(bytes);
      d.seed = Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
      save(d);
    }
    return d.seed;
  }

  window.bssProgress = {
    locale: locale, t: t, $: $, $$: $$, LIMIT: LIMIT,
    clean: clean, load: load, save: save, current: current, seedOf: seedOf
  };
})();
