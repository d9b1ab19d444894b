// The header menu folds behind a button on a phone. Without this script the
// menu simply stays open (the page still works); the CSS hides it only once
// the header says data-menu="closed", and only on a narrow screen.
(function () {
  "use strict";
  function setUp() {
    var header = document.querySelector("header.top");
    var button = header && header.querySelector(".menu-toggle");
    if (!button) return;
    function show(open) {
      header.setAttribute("data-menu", open ? "open" : "closed");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    show(false);
    button.addEventListener("click", function () {
      show(header.getAttribute("data-menu") !== "open");
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
