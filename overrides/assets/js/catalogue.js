/* Case-study catalogue: combined filters and map tiles, with the state kept in the address
   (?raion=MD-CA&tip=respiro) so a filtered view can be shared, bookmarked, reloaded, and kept
   when switching language. Every count follows the filters chosen: the result count, each group's
   heading and its entry in the table of contents, each choice of each filter (how many it would
   give with the other filters; a choice that gives none is greyed out), and the map. The result
   count is a live region, so a change is announced; on a phone, where it sits far below the
   filters, it is also brought into view. A value in the address that no filter knows is left out,
   and the page says so. Without JavaScript the full list shows, grouped by type of service. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filters]");
  if (!form) return;
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  var cards = all("li[data-case]");
  var groups = all("[data-group]");
  var tiles = all("a[data-raion]");
  var count = document.querySelector("[data-count]");
  var empty = document.querySelector("[data-empty]");
  var unknown = form.querySelector("[data-unknown]");
  var selects = all("select", form);
  var total = cards.length;
  var lang = document.documentElement.lang || "ro";
  var phone = window.matchMedia("(max-width: 44.9375em)");  /* the theme's phone layout */
  var number = new Intl.NumberFormat(lang);

  function state() {
    var s = {};
    selects.forEach(function (sel) { if (sel.value) s[sel.name] = sel.value; });
    return s;
  }
  function fromAddress() {
    var params = new URLSearchParams(window.location.search), left = [];
    selects.forEach(function (sel) {
      var v = params.get(sel.name) || "";
      var known = all("option", sel).some(function (o) { return o.value === v; });
      sel.value = known ? v : "";
      if (v && !known) {
        var facet = form.querySelector('label[for="' + sel.id + '"]').textContent;
        left.push(unknown.getAttribute("data-item").replace("{facet}", facet).replace("{value}", v.slice(0, 60)));
      }
    });
    unknown.textContent = left.length ? unknown.getAttribute("data-template").replace("{filters}", left.join("; ")) : "";
    unknown.hidden = !left.length;
  }
  function toAddress(s) {
    var params = new URLSearchParams();
    Object.keys(s).forEach(function (k) { params.set(k, s[k]); });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try { window.history.replaceState(null, "", url); } catch (e) { /* file:// may refuse */ }
    document.dispatchEvent(new CustomEvent("bss:address"));  /* the language menu follows */
  }
  function matches(card, s, except) {
    return Object.keys(s).every(function (k) {
      return k === except || (card.getAttribute("data-" + k) || "").split(" ").indexOf(s[k]) >= 0;
    });
  }
  function plural(n) {
    var text = count.getAttribute("data-" + new Intl.PluralRules(lang).select(n)) || count.getAttribute("data-other");
    return text.replace("{n}", number.format(n));
  }
  /* How many case studies each value of filter ``key`` would give, with the other filters as they are. */
  function tally(key, s) {
    var n = {};
    cards.forEach(function (card) {
      if (!matches(card, s, key)) return;
      (card.getAttribute("data-" + key) || "").split(" ").forEach(function (v) { if (v) n[v] = (n[v] || 0) + 1; });
    });
    return n;
  }
  function countChoices(s) {
    selects.forEach(function (sel) {
      var n = tally(sel.name, s);
      all("option[data-label]", sel).forEach(function (o) {
        var c = n[o.value] || 0;
        o.textContent = o.getAttribute("data-label") + " (" + number.format(c) + ")";
        o.disabled = c === 0 && o.value !== sel.value;  /* the one chosen stays, to be seen and changed */
      });
      if (sel.name === "raion") countMap(n, s.raion);
    });
  }
  function countMap(n, chosen) {
    tiles.forEach(function (tile) {
      var code = tile.getAttribute("data-raion"), c = n[code] || 0;
      tile.querySelector("[data-tile-count]").textContent = number.format(c);
      tile.className = tile.className.replace(/\bbss-n\d\b/, "bss-n" + Math.min(c, 3));
      tile.setAttribute("aria-label", tile.getAttribute("data-name") + ": " + plural(c));
      tile.setAttribute("aria-current", chosen === code ? "true" : "false");
    });
    all("[data-raion-count]").forEach(function (cell) {
      cell.textContent = number.format(n[cell.getAttribute("data-raion-count")] || 0);
    });
  }
  /* The table of contents (the theme writes it twice: beside the page and in the phone menu). */
  function tocEntries(id) {
    return all('.md-nav--secondary a[href="#' + id + '"]');
  }
  function apply(updateAddress) {
    var s = state(), shown = 0;
    cards.forEach(function (card) {
      var ok = matches(card, s);
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    groups.forEach(function (g) {
      var n = all("li[data-case]:not([hidden])", g).length, label = "(" + number.format(n) + ")";
      g.hidden = n === 0;
      g.querySelector("[data-group-count]").textContent = label;
      tocEntries(g.getAttribute("data-group")).forEach(function (link) {
        link.closest("li").hidden = g.hidden;
        (link.querySelector(".md-ellipsis") || link).textContent = g.getAttribute("data-label") + " " + label;
      });
    });
    var filtered = Object.keys(s).length > 0;
    count.textContent = filtered ? count.getAttribute("data-template").replace("{shown}", plural(shown))
      .replace("{total}", number.format(total)) : plural(total);
    empty.hidden = shown > 0;
    var none = empty.querySelector("[data-none]"), place = form.querySelector("select[name=raion] option:checked");
    none.textContent = place && place.hidden ? none.getAttribute("data-none-yet").replace("{place}", place.getAttribute("data-label"))
      : none.getAttribute("data-none");  /* a district with no case study yet says just that */
    countChoices(s);
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
  selects.forEach(function (sel) {
    sel.addEventListener("change", function () {
      apply(true);
      if (phone.matches) count.scrollIntoView({ block: "start" });  /* focus stays on the filter */
    });
  });
  form.addEventListener("reset", function (ev) { ev.preventDefault(); clear(); });
  document.querySelector("[data-action=clear]").addEventListener("click", clear);
  tiles.forEach(function (tile) {
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
