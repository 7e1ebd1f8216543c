/* Copy the stable address of a guide section (its public short link when opened from a folder). The buttons stay hidden without JavaScript;
   the section's permalink and its printed short link still give the address. */
(function () {
  "use strict";
  var live = document.querySelector(".bss-live");

  function say(text) {
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 50);
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

  document.querySelectorAll("button.bss-copy[data-copy]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var url = new URL(button.getAttribute("data-copy"), window.location.href).href;
      var canonical = document.querySelector("link[rel=canonical]");
      if (window.location.protocol === "file:" && canonical && button.hasAttribute("data-short")) {
        // Opened from a folder: a file:// address is no use to anyone else; give the public short link.
        url = new URL(button.getAttribute("data-short"), canonical.href).href;
      }
      var copied = button.getAttribute("data-copied") || "";
      var done = function () { say(copied + " " + url); };
      var failed = function () { if (fallbackCopy(url)) { done(); } else { say(url); } };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, failed);
      } else {
        failed();
      }
    });
  });
})();
