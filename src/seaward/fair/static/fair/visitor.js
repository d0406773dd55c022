// The booth visitor's time zone, from the browser, so meeting times show in it.
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    document.querySelectorAll("input.js-visitor-tz").forEach(function (input) {
      if (!input.value) input.value = zone;
    });
  });
})();
