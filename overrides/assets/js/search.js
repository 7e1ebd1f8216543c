/* The search page: Pagefind's own interface, in the page's language, over that language's index,
   its box with a visible label.
   ?q=... in the address starts a search, so a search can be linked. */
(function () {
  "use strict";
  var box = document.querySelector("[data-search]");
  if (!box) return;
  var fallback = box.querySelector("[data-search-fallback]");
  if (window.location.protocol === "file:" || typeof window.PagefindUI !== "function") {
    var reason = fallback.querySelector("[data-search-reason]");
    if (window.location.protocol === "file:") reason.textContent = reason.getAttribute("data-offline");
    return;
  }
  fallback.remove();
  var holder = document.createElement("div");
  holder.id = "bss-pagefind";
  box.appendChild(holder);
  var ui = new window.PagefindUI({ element: "#bss-pagefind", showSubResults: true, showImages: false, resetStyles: false });
  var input = holder.querySelector("input");
  if (input) {  /* Pagefind names its box only by a placeholder, which goes once typing starts: a visible label */
    var label = document.createElement("label");
    input.id = "bss-search-input";
    label.htmlFor = input.id;
    label.className = "bss-search__label";
    label.textContent = box.getAttribute("data-label");
    holder.insertBefore(label, holder.firstChild);
  }
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
