/* Case-study catalogue: combined filters and map tiles, with the state kept in the address
   (?raion=MD-CA&tip=respiro) so a filtered view can be shared, bookmarked and reloaded.
   Without JavaScript the full list shows, grouped by type of service. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filters]");
  if (!form) return;
  var cards = Array.prototype.slice.call(document.querySelectorAll("li[data-case]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-group]"));
  var count = document.querySelector("[data-count]");
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var total = cards.length;

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
  }
  function matches(card, s) {
    return Object.keys(s).every(function (k) {
      return (card.getAttribute("data-" + k) || "").split(" ").indexOf(s[k]) >= 0;
    });
  }
  function plural(n) {
    var rules = new Intl.PluralRules(document.documentElement.lang || "ro");
    var text = count.getAttribute("data-" + rules.select(n)) || count.getAttribute("data-other");
    return text.replace("{n}", new Intl.NumberFormat(document.documentElement.lang).format(n));
  }
  function apply(updateAddress) {
    var s = state(), shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, s);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (g) { g.hidden = !g.querySelector("li[data-case]:not([hidden])"); });
    var filtered = Object.keys(s).length > 0;
    count.textContent = shown === 0 ? count.getAttribute("data-none") :
      filtered ? count.getAttribute("data-template").replace("{shown}", plural(shown)).replace("{total}", total) : plural(total);
    document.querySelectorAll("a[data-raion]").forEach(function (tile) {
      tile.setAttribute("aria-current", s.raion === tile.getAttribute("data-raion") ? "true" : "false");
    });
    if (updateAddress) toAddress(s);
  }

  form.hidden = false;
  fromAddress();
  apply(false);
  selects.forEach(function (sel) { sel.addEventListener("change", function () { apply(true); }); });
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  document.querySelectorAll("a[data-raion]").forEach(function (tile) {
    tile.addEventListener("click", function (ev) {
      ev.preventDefault();
      var sel = form.querySelector("select[name=raion]");
      sel.value = sel.value === tile.getAttribute("data-raion") ? "" : tile.getAttribute("data-raion");
      apply(true);
      count.focus();
    });
  });
  window.addEventListener("popstate", function () { fromAddress(); apply(false); });
})();
