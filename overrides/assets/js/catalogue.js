/* Case-study catalogue: combined filters and map tiles, with the state kept in the address
   (?raion=MD-CA&tip=respiro) so a filtered view can be shared, bookmarked, reloaded, and kept
   when switching language. After a filter changes, the reader is taken to the results: the count
   right above them says how many match, or plainly that none do, with a way to clear the filters.
   Without JavaScript the full list shows, grouped by type of service. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filters]");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll("li[data-case]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  var count = document.querySelector("[data-count]");
  var empty = document.querySelector("[data-empty]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var total = cards.length;
  var lang = document.documentElement.lang || "ro";

  function state() {
    var s = {};
    selects.forEach(function (sel) { if (sel.value) s[sel.name] = sel.value; });
    return s;
  }
  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (sel) {
      var v = params.get(sel.name) || "";
      var known = Array.prototype.some.call(sel.options, function (o) { return o.value === v; });
      sel.value = known ? v : "";
    });
  }
  function toAddress(s) {
    var params = new URLSearchParams();
    Object.keys(s).forEach(function (k) { params.set(k, s[k]); });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try { window.history.replaceState(null, "", url); } catch (e) { /* file:// may refuse */ }
    document.dispatchEvent(new CustomEvent("bss:address"));  /* the language menu follows */
  }
  function matches(card, s) {
    return Object.keys(s).every(function (k) {
      return (card.getAttribute("data-" + k) || "").split(" ").indexOf(s[k]) >= 0;
    });
  }
  function plural(n) {
    var text = count.getAttribute("data-" + new Intl.PluralRules(lang).select(n)) || count.getAttribute("data-other");
    return text.replace("{n}", new Intl.NumberFormat(lang).format(n));
  }
  /* The table of contents (the theme writes it twice: beside the page and in the phone menu)
     lists only the groups that show. */
  function tocEntries(id) {
    return Array.prototype.map.call(document.querySelectorAll('.md-nav--secondary a[href="#' + id + '"]'),
      function (link) { return link.closest("li"); });
  }
  function apply(updateAddress) {
    var s = state(), shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, s);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (g) {
      g.hidden = !g.querySelector("li[data-case]:not([hidden])");
      tocEntries(g.getAttribute("data-group")).forEach(function (entry) { entry.hidden = g.hidden; });
    });
    var filtered = Object.keys(s).length > 0;
    count.textContent = filtered ? count.getAttribute("data-template").replace("{shown}", plural(shown))
      .replace("{total}", new Intl.NumberFormat(lang).format(total)) : plural(total);
    empty.hidden = shown > 0;
    document.querySelectorAll("a[data-raion]").forEach(function (tile) {
      tile.setAttribute("aria-current", s.raion === tile.getAttribute("data-raion") ? "true" : "false");
    });
    if (updateAddress) toAddress(s);
  }
  function toResults() {
    count.scrollIntoView({ block: "start" });
    count.focus({ preventScroll: true });
  }
  function clear() {
    selects.forEach(function (sel) { sel.value = ""; });
    apply(true);
    toResults();
  }

  form.hidden = false;
  fromAddress();
  apply(false);
  selects.forEach(function (sel) { sel.addEventListener("change", function () { apply(true); }); });
  form.addEventListener("reset", function (ev) { ev.preventDefault(); clear(); });
  document.querySelector("[data-action=clear]").addEventListener("click", clear);
  document.querySelectorAll("a[data-raion]").forEach(function (tile) {
    tile.addEventListener("click", function (ev) {
      ev.preventDefault();
      var sel = form.querySelector("select[name=raion]");
      sel.value = sel.value === tile.getAttribute("data-raion") ? "" : tile.getAttribute("data-raion");
      apply(true);
      toResults();
    });
  });
  window.addEventListener("popstate", function () { fromAddress(); apply(false); });
})();
