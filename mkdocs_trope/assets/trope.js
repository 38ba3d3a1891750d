/*
 * mkdocs-trope: note toggles and "open/close all folders".
 *
 * One click listener on `document`, registered once, so it keeps working when a theme swaps the
 * page content without re-running scripts (Material's navigation.instant). Folders themselves are
 * native <details>; spoilers are CSS-only.
 */
(function () {
  "use strict";

  if (window.__mkdocsTropeLoaded) {
    return;
  }
  window.__mkdocsTropeLoaded = true;

  function closest(target, selector) {
    var el = target && target.nodeType === 1 ? target : target && target.parentElement;
    return el && el.closest ? el.closest(selector) : null;
  }

  function toggleNote(label) {
    var open = label.getAttribute("aria-expanded") !== "true";
    label.setAttribute("aria-expanded", open ? "true" : "false");
    if (label.parentElement) {
      label.parentElement.classList.toggle("is-open", open);
    }
  }

  function toggleAllFolders() {
    var folders = document.querySelectorAll("details.folder");
    var anyClosed = false;
    var i;
    for (i = 0; i < folders.length; i++) {
      if (!folders[i].open) {
        anyClosed = true;
        break;
      }
    }
    for (i = 0; i < folders.length; i++) {
      folders[i].open = anyClosed;
    }
  }

  document.addEventListener("click", function (event) {
    var label = closest(event.target, ".tvt-note > .notelabel");
    if (label) {
      // A note inside a folder label must not also toggle the folder.
      event.preventDefault();
      toggleNote(label);
      return;
    }
    if (closest(event.target, ".foldercontrol-button")) {
      event.preventDefault();
      toggleAllFolders();
    }
  });
})();
