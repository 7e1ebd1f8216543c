/* Small behaviours of every page, none needed to read it:
   - the language menu keeps the reader where they are: the same filters (?...) and section (#...);
   - a guide section's "copy link" button copies the short link printed beside it, and says so
     beside the button. The buttons stay hidden without JavaScript; the printed short link remains. */
(function () {
  "use strict";
  document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
    var base = link.getAttribute("href").split(/[?#]/)[0];
    function follow() { link.setAttribute("href", base + window.location.search + window.location.hash); }
    link.addEventListener("click", follow);
    link.addEventListener("focus", follow);
    link.addEventListener("mouseenter", follow);
  });

  /* The confirmation appears beside the button that was pressed, and is read out. */
  function say(button, text) {
    var status = button.parentNode.querySelector(".bss-copied");
    if (!status) {
      status = document.createElement("span");
      status.className = "bss-copied";
      status.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(area);
    return ok;
  }

  // A handout's or the whole guide's print button: the browser's own print (or save as PDF).
  document.querySelectorAll("button.bss-print").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("button.bss-copy[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      // The short link the trainer sees printed beside the button, with the site's public address.
      var url = new URL(button.getAttribute("data-copy"), window.location.href).href;
      var copied = button.getAttribute("data-copied") || "";
      var done = function () { say(button, "\u2713 " + copied); };
      var failed = function () { if (fallbackCopy(url)) { done(); } else { say(button, url); } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, failed);
      } else {
        failed();
      }
    });
  });
})();
