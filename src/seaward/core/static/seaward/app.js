// Seaward page behaviour. No inline scripts anywhere (Content-Security-Policy).
(function () {
  "use strict";
  function onReady(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  onReady(function () {
    // Selects inside .js-autosubmit forms submit their form on change (org and language switchers).
    document.querySelectorAll("form.js-autosubmit select").forEach(function (select) {
      select.addEventListener("change", function () { select.form.submit(); });
    });
    // Buttons with data-confirm ask before submitting.
    document.body.addEventListener("click", function (event) {
      var target = event.target.closest("[data-confirm]");
      if (target && !window.confirm(target.getAttribute("data-confirm"))) event.preventDefault();
    });
    // Copy-to-clipboard buttons.
    document.body.addEventListener("click", function (event) {
      var button = event.target.closest("[data-copy]");
      if (!button) return;
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (source && navigator.clipboard) navigator.clipboard.writeText(source.value || source.textContent);
    });
  });
})();
