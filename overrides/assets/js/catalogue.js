/* Case-study catalogue: combined filters and map tiles, with the state kept in the address
   (?raion=MD-CA&tip=respiro) so a filtered view can be shared, bookmarked, reloaded, and kept
   when switching language. The page holds only the first cards (it stays light at any number of
   case studies); the first filter loads the index of every card (cards.js beside the page, a script
   so that it loads from a folder too), and from then on the filters, every count and the cards shown
   come from it: the cards are copies of the page's first card, filled in, so they look the same.
   Every count follows the filters chosen: the result count, each group's heading and its entry in
   the table of contents, each choice of each filter (how many it would give with the other
   filters; a choice that gives none is greyed out), and the map. The result count is a live
   region, so a change is announced; on a phone, where it sits far below the filters, it is also
   brought into view. A value in the address that no filter knows is left out, and the page says
   so. The cards that match are drawn a page's worth at a time (as many as the page holds as built),
   with a button for the next ones, which takes the keyboard to the first card it adds: a filter
   that matches thousands keeps a phone quick. Without JavaScript the first cards show, with
   numbered pages of the others, and the map and the list of types lead to each district's and each
   type's own pages. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-filters]");
  var gallery = document.querySelector("[data-gallery]");
  var modelCard = gallery && gallery.querySelector("li[data-case]");  /* every card drawn is a copy of it */
  var more = document.querySelector("[data-more]");
  if (!form || !modelCard || !more) return;
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  var modelGroup = gallery.querySelector("[data-group]");
  var pages = document.querySelector("[data-pages]");
  var perPage = Number(form.getAttribute("data-per-page"));
  var tiles = all("a[data-raion]");
  var count = document.querySelector("[data-count]");
  var empty = document.querySelector("[data-empty]");
  var unknown = form.querySelector("[data-unknown]"), failed = form.querySelector("[data-load-failed]");
  var moreButton = more.querySelector("button"), moreStatus = document.querySelector("[data-more-status]");
  /* The cards the filters give, how many of them are drawn, and for which filters: the same filters
     again (a link to a heading of the page fires popstate too) keep the cards the reader opened. */
  var matching = [], limit = 0, drawnFor = null;
  /* A notice shown with ``text``, or hidden if there is none. */
  function said(notice, text) {
    notice.textContent = text;
    notice.hidden = !text;
  }
  var selects = all("select", form);
  var total = Number(count.getAttribute("data-total"));
  var index = null, loading = null;
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
    said(unknown, left.length ? unknown.getAttribute("data-template").replace("{filters}", left.join("; ")) : "");
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
    return Object.keys(s).every(function (k) { return k === except || (card[k] || []).indexOf(s[k]) >= 0; });
  }
  function plural(n) {
    var text = count.getAttribute("data-" + new Intl.PluralRules(lang).select(n)) || count.getAttribute("data-other");
    return text.replace("{n}", number.format(n));
  }
  /* How many case studies each value of filter ``key`` would give, with the other filters as they are. */
  function tally(key, s) {
    var n = {};
    index.cards.forEach(function (card) {
      if (!matches(card, s, key)) return;
      (card[key] || []).forEach(function (v) { n[v] = (n[v] || 0) + 1; });
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
  var modelEntries = tocEntries(modelGroup.getAttribute("data-group")).map(function (link) { return link.closest("li"); });
  /* A group's entries in the table of contents: a group the page did not have gets copies of its first group's. */
  function tocFor(type) {
    var links = tocEntries(type);
    if (links.length) return links;
    return modelEntries.map(function (model) {
      var entry = model.cloneNode(true), link = entry.querySelector("a");
      link.setAttribute("href", "#" + type);
      model.parentNode.appendChild(entry);
      return link;
    });
  }
  /* The index of every card, loaded once, when first needed. */
  function load() {
    if (!loading) loading = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = form.getAttribute("data-index");
      script.onload = function () { index = window.bssCards; resolve(); };
      script.onerror = function () { script.remove(); loading = null; reject(); };  /* the next filter tries again */
      document.head.appendChild(script);
    });
    return loading;
  }
  function label(key, value) {
    var option = form.querySelector("select[name=" + key + "] option[value='" + CSS.escape(value) + "']");
    return option ? option.getAttribute("data-label") : value;
  }
  /* A card like the page's own: the first card copied, filled in with ``c`` from the index. */
  function drawCard(c) {
    var card = modelCard.cloneNode(true);
    card.setAttribute("data-case", c.id);
    selects.forEach(function (sel) { card.setAttribute("data-" + sel.name, (c[sel.name] || []).join(" ")); });
    var img = card.querySelector(".bss-card__pic img");
    img.src = c.p || index.pictures[c.tip[0]];
    img.alt = c.p ? c.a : "";
    if (c.p) { img.removeAttribute("width"); img.removeAttribute("height"); }
    else { img.width = 160; img.height = 90; }
    var link = card.querySelector(".bss-card__title a"), badge = card.querySelector(".bss-badge");
    link.href = c.u;
    link.textContent = "";
    if (c.l) {  /* not translated: said in its own language, as on the page */
      var span = document.createElement("span");
      span.lang = c.l;
      span.className = "bss-untranslated";
      span.textContent = c.t;
      link.appendChild(span);
    } else link.textContent = c.t;
    if (badge) {
      if (badge.previousSibling && badge.previousSibling.nodeType === 3) badge.previousSibling.remove();
      badge.remove();
    }
    if (c.x) {
      badge = document.createElement("span");
      badge.className = "bss-badge";
      badge.textContent = index.example;
      link.parentNode.append(" ", badge);
    }
    var meta = [label("tip", c.tip[0]), c.raion.map(function (d) { return label("raion", d); }).join(", ")];
    if (c.org.length) meta.push(label("org", c.org[0]));
    card.querySelector(".bss-card__meta").textContent = meta.join(" · ");
    return card;
  }
  /* A service type's group, the page's own or a copy of its first group. */
  function group(type) {
    var g = gallery.querySelector('[data-group="' + type + '"]');
    if (g) return g;
    g = modelGroup.cloneNode(true);
    g.setAttribute("data-group", type);
    g.setAttribute("data-label", label("tip", type));
    var heading = g.querySelector("h2, h3"), anchor = heading.querySelector(".headerlink");
    heading.id = type;
    if (anchor) anchor.setAttribute("href", "#" + type);
    heading.firstElementChild.firstChild.textContent = label("tip", type) + "\u00a0";  /* the count never alone on a line */
    return g;
  }
  /* The first ``upTo`` cards of ``shown``, grouped by type in the catalogue's order; each group's
     heading counts all its cards in ``shown``, drawn or not yet. */
  function draw(shown, upTo) {
    var byType = {}, counts = {};
    shown.forEach(function (c, i) {
      counts[c.tip[0]] = (counts[c.tip[0]] || 0) + 1;
      if (i < upTo) (byType[c.tip[0]] = byType[c.tip[0]] || []).push(c);
    });
    index.types.forEach(function (type) {
      var items = byType[type] || [], g = group(type), list = g.querySelector("ul");
      var label = "(" + number.format(counts[type] || 0) + ")";
      list.replaceChildren.apply(list, items.map(drawCard));
      g.hidden = items.length === 0;
      g.className = g.className.replace(/\bbss-group--w\d\b/, "bss-group--w" + Math.max(1, Math.min(items.length, 3)));
      g.querySelector("[data-group-count]").textContent = label;
      gallery.appendChild(g);
      tocFor(type).forEach(function (link) {
        var entry = link.closest("li");
        entry.parentNode.appendChild(entry);  /* in the groups' order */
        entry.hidden = g.hidden;
        (link.querySelector(".md-ellipsis") || link).textContent = g.getAttribute("data-label") + " " + label;
      });
    });
  }
  function apply(updateAddress) {
    var s = state(), filtered = Object.keys(s).length > 0;
    if (updateAddress) toAddress(s);
    if (!index) {
      if (!filtered) return said(failed, "");  /* the page as built says it all */
      gallery.setAttribute("aria-busy", "true");
      load().then(function () { gallery.removeAttribute("aria-busy"); said(failed, ""); apply(false); },
                  function () { gallery.removeAttribute("aria-busy"); said(failed, failed.getAttribute("data-template")); });
      return;
    }
    s = state();  /* the reader may have chosen more while the index loaded */
    var shown = index.cards.filter(function (c) { return matches(c, s); });
    total = index.cards.length;
    matching = filtered ? shown : shown.slice(0, perPage);  /* no filter: the first page, as built */
    var filters = JSON.stringify(s);
    if (filters !== drawnFor) {
      limit = perPage;
      moreStatus.textContent = "";
    }
    drawnFor = filters;
    drawMatching();
    if (pages) pages.hidden = filtered;
    count.textContent = filtered ? count.getAttribute("data-template").replace("{shown}", plural(shown.length))
      .replace("{total}", number.format(total)) : plural(total);
    empty.hidden = shown.length > 0;
    var none = empty.querySelector("[data-none]"), place = form.querySelector("select[name=raion] option:checked");
    none.textContent = place && place.hidden ? none.getAttribute("data-none-yet").replace("{place}", place.getAttribute("data-label"))
      : none.getAttribute("data-none");  /* a district with no case study yet says just that */
    countChoices(s);
  }
  /* The cards drawn so far, and the button that offers the next ones while some are left. */
  function drawMatching() {
    draw(matching, limit);
    var left = matching.length - limit;
    more.hidden = left <= 0;
    if (left > 0) moreButton.textContent = left > perPage
      ? moreButton.getAttribute("data-template").replace("{n}", number.format(perPage)).replace("{left}", number.format(left))
      : moreButton.getAttribute("data-rest").replace("{n}", number.format(left));
  }
  function showMore() {
    var first = matching[limit];
    limit += perPage;
    drawMatching();
    gallery.querySelector('li[data-case="' + CSS.escape(first.id) + '"] .bss-card__title a').focus();
    moreStatus.textContent = moreStatus.getAttribute("data-template")  /* a screen reader hears how many show now */
      .replace("{shown}", number.format(Math.min(limit, matching.length))).replace("{n}", number.format(matching.length));
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
  moreButton.addEventListener("click", showMore);
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
