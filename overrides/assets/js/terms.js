/* Glossary terms: the definition shows beside the term on hover and on keyboard focus, stays
   while the pointer moves onto it, and Escape closes it (WCAG 1.4.13). The definition is text:
   it is set with textContent, never parsed as HTML. Without JavaScript the term's title attribute
   still shows it, and the link leads to the glossary entry. */
(function () {
  "use strict";
  var terms = document.querySelectorAll("a.bss-term[title]");
  if (!terms.length) return;
  var owner = null, hideTimer = null;
  var tip = document.createElement("div");
  tip.className = "bss-tip";
  tip.id = "bss-tip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
  tip.addEventListener("mouseleave", function () { hideTimer = window.setTimeout(hide, 300); });
  document.body.appendChild(tip);

  function hide() {
    tip.hidden = true;
    owner = null;
  }
  function show(term) {
    window.clearTimeout(hideTimer);
    owner = term;
    tip.textContent = term.getAttribute("data-definition");
    tip.hidden = false;
    var box = term.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    tip.style.left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
  }

  Array.prototype.forEach.call(terms, function (term) {
    term.setAttribute("data-definition", term.getAttribute("title"));
    term.removeAttribute("title");  /* no second, native tooltip */
    term.setAttribute("aria-describedby", "bss-tip");
    term.addEventListener("mouseenter", function () { show(term); });
    term.addEventListener("focus", function () { show(term); });
    term.addEventListener("mouseleave", function () { hideTimer = window.setTimeout(hide, 300); });
    term.addEventListener("blur", hide);
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && owner) hide();
  });
})();
