/*
 * mkdocs-trope: spoilers, note toggles and "open/close all folders".
 *
 * Listeners live on `document`, registered once, so they keep working when a theme swaps the page
 * content without re-running scripts (Material's navigation.instant). Folders themselves are native
 * <details>; the open/closed look of spoilers and notes is CSS keyed on the attributes set here.
 */
(function () {
  "use strict";

  if (window.__mkdocsTropeLoaded) {
    return;
  }
  window.__mkdocsTropeLoaded = true;

  var SPOILER_NAME = "Spoiler"; // the name a hidden spoiler is announced by (as in the page markup)

  function closest(target, selector) {
    var el = target && target.nodeType === 1 ? target : target && target.parentElement;
    return el && el.closest ? el.closest(selector) : null;
  }

  // ------------------------------------------------------------------------------------------ notes

  function setNote(label, open) {
    label.setAttribute("aria-expanded", open ? "true" : "false");
    if (label.parentElement) {
      label.parentElement.classList.toggle("is-open", open);
    }
  }

  function closeNotes(scope) {
    var open = (scope || document).querySelectorAll('.tvt-note > .notelabel[aria-expanded="true"]');
    for (var i = 0; i < open.length; i++) {
      setNote(open[i], false);
    }
    return open.length > 0;
  }

  // --------------------------------------------------------------------------------------- spoilers

  /*
   * A spoiler is a button (role="button") until revealed. Revealed, it loses its fixed name so that
   * its text (and any link in it) is read out, and stays revealed until clicked again or Escape.
   */
  function setSpoiler(spoiler, revealed) {
    spoiler.setAttribute("aria-expanded", revealed ? "true" : "false");
    if (revealed) {
      spoiler.removeAttribute("aria-label");
    } else {
      spoiler.setAttribute("aria-label", SPOILER_NAME);
    }
  }

  function isRevealed(spoiler) {
    return spoiler.getAttribute("aria-expanded") === "true";
  }

  /* The outermost spoiler around `target` that is still hidden: revealing it comes first. */
  function hiddenSpoilerAround(target) {
    var found = null;
    var spoiler = closest(target, ".spoiler");
    while (spoiler) {
      if (!isRevealed(spoiler)) {
        found = spoiler;
      }
      spoiler = closest(spoiler.parentElement, ".spoiler");
    }
    return found;
  }

  function onSpoilerClick(event) {
    var hidden = hiddenSpoilerAround(event.target);
    var link = closest(event.target, "a[href]");
    if (hidden) {
      setSpoiler(hidden, true);
      if (link && link.matches(":focus-visible")) {
        return; // Enter on a link the keyboard focus already shows: follow it
      }
      // The first click or tap on a hidden spoiler reveals it; only a second one follows a link inside.
      event.preventDefault();
      return;
    }
    var spoiler = closest(event.target, ".spoiler");
    if (spoiler && !link) {
      event.preventDefault(); // a spoiler in a folder's title hides without also closing the folder
      setSpoiler(spoiler, false);
    }
  }

  // ---------------------------------------------------------------------------------------- folders

  function folderControls() {
    return document.querySelectorAll(".foldercontrol-button");
  }

  function allFoldersOpen() {
    var folders = document.querySelectorAll("details.folder");
    for (var i = 0; i < folders.length; i++) {
      if (!folders[i].open) {
        return false;
      }
    }
    return folders.length > 0;
  }

  /* "open/close all folders" says whether it will close (expanded: every folder open) or open. */
  function updateFolderControls() {
    var expanded = allFoldersOpen() ? "true" : "false";
    var buttons = folderControls();
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-expanded", expanded);
    }
  }

  function toggleAllFolders() {
    var folders = document.querySelectorAll("details.folder");
    var open = !allFoldersOpen();
    for (var i = 0; i < folders.length; i++) {
      folders[i].open = open;
    }
    updateFolderControls();
  }

  // ---------------------------------------------------------------------------------------- printing

  /* Closed folders print open (browsers without ::details-content print only a closed folder's title). */
  var closedForPrint = [];
  window.addEventListener("beforeprint", function () {
    var folders = document.querySelectorAll("details.folder:not([open])");
    for (var i = 0; i < folders.length; i++) {
      folders[i].open = true;
      closedForPrint.push(folders[i]);
    }
  });
  window.addEventListener("afterprint", function () {
    while (closedForPrint.length) {
      closedForPrint.pop().open = false;
    }
  });

  // ------------------------------------------------------------------------------------ subpage bar

  /* On phones the subpage bar is one line that scrolls sideways: bring the current page into view. */
  function showCurrentSubpage() {
    var current = document.querySelector("nav.tvt-subpages li.current");
    var list = current && current.parentElement;
    if (list && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = current.offsetLeft - list.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
    }
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(showCurrentSubpage); // Material: after every (instant) page load
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", showCurrentSubpage);
  } else {
    showCurrentSubpage();
  }

  // ---------------------------------------------------------------------------------------- listeners

  document.addEventListener("click", function (event) {
    var label = closest(event.target, ".tvt-note > .notelabel");
    if (label) {
      // A note inside a folder label must not also toggle the folder.
      event.preventDefault();
      setNote(label, label.getAttribute("aria-expanded") !== "true");
      return;
    }
    if (closest(event.target, ".foldercontrol-button")) {
      event.preventDefault();
      toggleAllFolders();
      return;
    }
    onSpoilerClick(event);
  });

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var active = document.activeElement;
    if (event.key === "Escape") {
      // Escape closes the note or hides the spoiler the reader is in, else every open note.
      var note = closest(active, ".tvt-note");
      var spoiler = closest(active, ".spoiler");
      if (note && note.querySelector('.notelabel[aria-expanded="true"]')) {
        setNote(note.querySelector(".notelabel"), false);
        note.querySelector(".notelabel").focus();
      } else if (spoiler && isRevealed(spoiler)) {
        setSpoiler(spoiler, false);
        spoiler.focus();
      } else if (!closeNotes(document)) {
        return;
      }
      event.preventDefault();
      return;
    }
    if ((event.key === "Enter" || event.key === " ") && active && active.matches && active.matches(".spoiler")) {
      event.preventDefault();
      setSpoiler(active, !isRevealed(active));
    }
  });

  // Opening or closing single folders changes what "open/close all folders" will do.
  document.addEventListener(
    "toggle",
    function (event) {
      if (event.target && event.target.matches && event.target.matches("details.folder")) {
        updateFolderControls();
      }
    },
    true
  );
})();
