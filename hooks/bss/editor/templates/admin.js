/* The editor's own script (served as admin/editor.js after Decap's; hooks/bss/editor/admin.py).
   Decap's interface speaks the site's default language (config.yml's locale); a few of its phrases
   are mended here, before its configuration has loaded and anything is drawn:
   - the "New" button starts with a full-width plus sign (U+FF0B) that many systems have no glyph
     for (a box showed): a plain "+" in every language;
   - Romanian: the two "Publicare" (the button and the choice under it) told apart, and DOOM2
     spelling where the translation slipped. */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS || typeof CMS.getLocale !== "function") return;
  var MENDED = {
    ro: {
      "editor.editorToolbar.publishNow": "Publică acum",
      "editor.editorToolbar.publishAndCreateNew": "Publică, apoi creează altul",
      "editor.editorToolbar.publishAndDuplicate": "Publică, apoi duplică",
      "editor.editorToolbar.duplicate": "Duplică",
      "ui.toast.onFailToPersist": "Intrarea nu a putut fi salvată: %{details}"
    }
  };
  function set(phrases, path, value) {
    var keys = path.split("."), node = phrases;
    for (var i = 0; i < keys.length - 1; i++) {
      node = node && node[keys[i]];
    }
    if (node && typeof node[keys[keys.length - 1]] === "string") node[keys[keys.length - 1]] = value;
  }
  ["ro", "en"].forEach(function (code) {
    var phrases = CMS.getLocale(code);
    if (!phrases) return;
    var top = phrases.collection && phrases.collection.collectionTop;
    if (top && typeof top.newButton === "string") top.newButton = top.newButton.replace("\uFF0B", "+");
    Object.keys(MENDED[code] || {}).forEach(function (path) { set(phrases, path, MENDED[code][path]); });
  });
})();
